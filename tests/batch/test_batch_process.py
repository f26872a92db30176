"""``docproc batch`` as a real process: SIGKILL and restart, Ctrl-C, watch mode."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psutil
import pytest

from docproc.batch import BatchOptions, read_manifest, run_batch
from docproc.config import Settings
from tests.batch.conftest import FIXTURES, tree_bytes, write_scan_pdf
from tests.conftest import REPO_DIR

pytestmark = pytest.mark.slow


def _default_sigint() -> None:
    """Ctrl-C's default in the child, even when the test run itself ignores SIGINT (started with &)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)


def start_batch(inbox: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.batch.run_cli", "batch", str(inbox), "-o", str(out),
               "--jobs", "2", "--dpi", "72", "--threads", "1", "--no-progress", *extra]
    env = {**os.environ, "DOCPROC_ENGINE": "fault"}
    return subprocess.Popen(command, cwd=REPO_DIR, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint)


def batch_workers(children: list[psutil.Process]) -> list[psutil.Process]:
    """The spawned batch workers among a coordinator's children (not multiprocessing's resource tracker)."""
    return [child for child in children if "resource_tracker" not in " ".join(child.cmdline())]


def still_running(processes: list[psutil.Process]) -> list[psutil.Process]:
    """The processes that are neither gone nor a zombie waiting to be reaped."""
    running = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                running.append(process)
        except psutil.NoSuchProcess:
            pass
    return running


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_workers_die_with_their_coordinator(big_inbox: Path, tmp_path: Path, signum: int) -> None:
    """Fault injection: the coordinator is killed mid-run; no worker outlives it by more than 5 s."""
    out = tmp_path / "out"
    process = start_batch(big_inbox, out, "--engine-option", "delay=0.25")
    wait_for_lines(out, 1, process)
    workers = psutil.Process(process.pid).children()  # the two workers and multiprocessing's resource tracker
    assert len(batch_workers(workers)) == 2
    process.send_signal(signum)
    process.wait(10)  # not communicate(): orphaned workers would hold its output pipes open
    deadline = time.monotonic() + 5
    while still_running(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = still_running(workers)
    for survivor in survivors:  # leave no orphan behind, even when the test fails
        survivor.kill()
    assert survivors == []


def wait_for_lines(out: Path, count: int, process: subprocess.Popen[str], seconds: float = 60) -> None:
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if manifest.exists() and len(read_manifest(manifest)) >= count:
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError(f"no {count} manifest lines within {seconds} s")


@pytest.fixture
def big_inbox(inbox: Path) -> Path:
    for index in range(3):
        write_scan_pdf(inbox / f"more-{index}.pdf", [20 + 3 * index + k for k in range(3)])
    return inbox


def test_sigkill_then_restart_gives_the_outputs_of_an_uninterrupted_run(
    big_inbox: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "reference"
    run_batch(BatchOptions(big_inbox, reference, Settings(engine="fault", dpi=72, threads=1), jobs=2))

    out = tmp_path / "out"
    process = start_batch(big_inbox, out, "--engine-option", "delay=0.25")
    wait_for_lines(out, 2, process)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    killed_with = len(read_manifest(out / "manifest.jsonl"))
    assert 2 <= killed_with < 7  # really stopped in the middle

    restarted = start_batch(big_inbox, out)
    _, stderr = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, stderr
    assert "already up to date" in stderr
    resumed, uninterrupted = tree_bytes(out / "results"), tree_bytes(reference / "results")
    assert sorted(resumed) == sorted(uninterrupted)  # no half-written leftovers either
    assert resumed == uninterrupted
    paths = [json.loads(line)["path"] for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert Counter(paths) == Counter({path: 1 for path in read_manifest(reference / "manifest.jsonl")})


def test_ctrl_c_stops_the_workers_says_what_was_done_and_exits_130(
    big_inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    process = start_batch(big_inbox, out, "--engine-option", "delay=0.25")
    wait_for_lines(out, 1, process)
    workers = psutil.Process(process.pid).children()
    assert len(batch_workers(workers)) == 2
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    done = len(read_manifest(out / "manifest.jsonl"))
    assert f"{done} file(s) processed: {done} ok, 0 partial, 0 failed" in stderr
    assert "not finished; run the same command again to finish them" in stderr
    assert "Traceback" not in stderr
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def test_watch_picks_up_a_new_file(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "bad-input" / "notice-utf8.txt", inbox / "first.txt")
    out = tmp_path / "out"
    process = start_batch(inbox, out, "--watch", "--poll-seconds", "0.2", "--max-idle", "3")
    wait_for_lines(out, 1, process)
    write_scan_pdf(inbox / "arrived.pdf", [5, 6])
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    entries = read_manifest(out / "manifest.jsonl")
    assert {p: (e.status, e.pages) for p, e in entries.items()} == {
        "first.txt": ("ok", 0),
        "arrived.pdf": ("ok", 2),
    }
    assert (out / "results/arrived.pdf/arrived.notice.json").is_file()
