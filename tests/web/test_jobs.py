"""Background jobs: page-by-page progress, and a server killed mid-job resuming on restart."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from docproc.config import Settings
from docproc.web import DeskConfig
from docproc.web.jobs import DeskJobs, page_folder
from docproc.web.store import DeskStore
from tests.batch.conftest import write_scan_pdf
from tests.batch.fault_engine import register, unregister
from tests.conftest import REPO_DIR
from tests.web.conftest import PASSWORD, make_users


@pytest.fixture(autouse=True)
def fault_engine() -> Iterator[None]:
    register()
    yield
    unregister()


def wait_for(check: Any, seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not within {seconds} s: {what}")


def test_a_job_left_running_asks_only_for_its_missing_pages(tmp_path: Path) -> None:
    from docproc.pipeline import Recognizer
    from docproc.web.uploads import receive_upload

    config = DeskConfig(data_dir=tmp_path / "desk", settings=Settings(engine="fault"))
    store = DeskStore(config.desk_db)
    scan = write_scan_pdf(tmp_path / "scan.pdf", [1, 2, 3, 4])
    with open(scan, "rb") as handle:
        row = receive_upload(config, store, "scan.pdf", handle, "clerk")
    # what a killed server left: the job running, page 2 read and kept
    first = Recognizer(config.settings).recognize_page(config.uploads_dir / row.stored_name, 2)
    kept = page_folder(config, row.id) / "2.json"
    kept.parent.mkdir(parents=True)
    kept.write_text(json.dumps(first.to_dict()), encoding="utf-8")
    os.utime(kept, ns=(1_000_000_000, 1_000_000_000))
    store.set_progress(row.id, "running", pages_done=1)
    jobs = DeskJobs(config, store)
    jobs.start()
    try:
        wait_for(lambda: store.document(row.id).status == "done", 60, "the resumed job to finish")  # type: ignore[union-attr]
    finally:
        jobs.stop()
    done = store.document(row.id)
    assert done is not None and (done.status, done.pages, done.pages_done) == ("done", 4, 4)
    assert sorted(p.name for p in page_folder(config, row.id).iterdir()) == ["1.json", "2.json", "3.json", "4.json"]
    assert kept.stat().st_mtime_ns == 1_000_000_000  # not read again
    assert store.notice(row.id) is not None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(data_dir: Path, port: int, config_file: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DOCPROC_ENGINE": "fault", "DOCPROC_CONFIG": str(config_file)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.web.run_desk", "serve", "--data", str(data_dir), "--port", str(port)],
        cwd=REPO_DIR, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    wait_for(lambda: _answers(port), 60, "the desk to start")
    return process


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/login", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def test_server_killed_mid_job_resumes_it_on_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "desk"
    make_users(data_dir)
    config_file = tmp_path / "docproc.toml"
    config_file.write_text('[engine_options]\ndelay = "0.6"\n', encoding="utf-8")
    scan = write_scan_pdf(tmp_path / "scan.pdf", list(range(8)))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(data_dir, port, config_file)
    try:
        token = httpx.post(f"{base}/api/login", json={"name": "clerk", "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        with open(scan, "rb") as handle:
            doc_id = httpx.post(f"{base}/api/documents", files={"file": ("scan.pdf", handle)}, headers=headers).json()["id"]

        def progressed() -> bool:
            status = httpx.get(f"{base}/api/documents/{doc_id}", headers=headers).json()
            return status["status"] == "running" and status["pages_done"] >= 2

        wait_for(progressed, 60, "two pages read")
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    kept = {p.name: p.stat().st_mtime_ns for p in page_folder(DeskConfig(data_dir=data_dir), doc_id).iterdir()}
    store = DeskStore(DeskConfig(data_dir=data_dir).desk_db)
    before = store.document(doc_id)
    assert before is not None and before.status == "running" and 2 <= before.pages_done < 8
    server = start_server(data_dir, port, config_file)
    try:
        def finished() -> dict[str, Any] | None:
            status = httpx.get(f"{base}/api/documents/{doc_id}", headers=headers).json()
            return status if status["status"] in ("done", "failed") else None

        status = wait_for(finished, 90, "the job to finish after the restart")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert (status["status"], status["pages"], status["pages_done"]) == ("done", 8, 8)
    after = {p.name: p.stat().st_mtime_ns for p in page_folder(DeskConfig(data_dir=data_dir), doc_id).iterdir()}
    assert len(after) == 8
    assert all(after[name] == mtime for name, mtime in kept.items())  # pages read before the kill were kept


@pytest.mark.slow
def test_with_a_scheduler_pages_are_read_on_the_dask_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from docproc.web.uploads import receive_upload

    scan = write_scan_pdf(tmp_path / "scan.pdf", [5, 6, 7])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        config = DeskConfig(data_dir=tmp_path / "desk", settings=Settings(engine="fault", threads=1),
                            scheduler=cluster.scheduler_address)
        store = DeskStore(config.desk_db)
        with open(scan, "rb") as handle:
            row = receive_upload(config, store, "scan.pdf", handle, "clerk")
        jobs = DeskJobs(config, store)
        jobs.start()
        try:
            jobs.enqueue(row.id)
            wait_for(lambda: store.document(row.id).status in ("done", "failed"), 120, "the job on Dask")  # type: ignore[union-attr]
            keys = {str(entry[0]) for entry in cluster.scheduler.transition_log}
        finally:
            jobs.stop()
    assert len({k for k in keys if k.startswith("docproc-batch-")}) == 3  # one task per page
    done = store.document(row.id)
    assert done is not None and (done.status, done.pages_done) == ("done", 3)
    assert sorted(p.name for p in page_folder(config, row.id).iterdir()) == ["1.json", "2.json", "3.json"]
