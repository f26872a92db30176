"""The review desk under load, on loopback: document view latency on a 10,000-document archive, and
20 concurrent API clients for 60 s with nothing lost.

    python -m bench.desk [--documents 10000] [--views 300] [--clients 20] [--seconds 60] [--out desk.json]

A real server (uvicorn, in this process's thread) on 127.0.0.1 and a free port; clients are
threads with their own HTTP connection. Document view: the desk database and the archive hold
``--documents`` documents (notices generated as ``bench.index`` does, each with its own reviewed
record; the document JSON is one fixture's, hard-linked), and ``--views`` random document pages
(``GET /documents/{id}``, the whole server-rendered view: record, review list, boxes, history) are
timed end to end. Load: each client uploads a text notice, waits for it to be read, then loops over
status, notice, search, document view and a correction of its own notice (with the version it read)
until the time is up; afterwards every upload must be listed and done, and every acknowledged
correction must be in the history, with the last one in the record.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO_DIR = Path(__file__).resolve().parent.parent
SEED_TEXTS = sorted((REPO_DIR / "fixtures").glob("seed-*/input.txt"))
PASSWORD = "bench-password"
VIEW_P95_TARGET_MS = 300.0


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


@contextmanager
def running_desk(config: Any) -> Iterator[str]:
    """The desk of ``config`` served by uvicorn on 127.0.0.1; yields its base URL."""
    import socket

    import uvicorn

    from docproc.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the desk did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)


def make_users(config: Any, names: list[str], role: str) -> None:
    from docproc.web.accounts import hash_password
    from docproc.web.store import DeskStore

    store = DeskStore(config.desk_db)
    password_hash = hash_password(PASSWORD)
    for name in names:
        store.add_user(name, role, password_hash)
    store.close()


def login(base: str, name: str) -> dict[str, str]:
    response = httpx.post(f"{base}/api/login", json={"name": name, "password": PASSWORD}, timeout=30)
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['token']}"}


# -- the bounded load test ----------------------------------------------------------------------


@dataclass
class ClientLog:
    name: str
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    uploads: list[str] = field(default_factory=list)
    saved_titles: list[str] = field(default_factory=list)  # acknowledged corrections, in order
    conflicts: int = 0
    latencies_ms: list[float] = field(default_factory=list)


def _client_loop(base: str, headers: dict[str, str], text: Path, seconds: float, log: ClientLog) -> None:
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:

        def call(method: str, url: str, expect: tuple[int, ...] = (200,), **kwargs: Any) -> httpx.Response | None:
            started = time.perf_counter()
            try:
                response = client.request(method, url, **kwargs)
            except httpx.HTTPError as exc:
                log.errors.append(f"{method} {url}: {type(exc).__name__}: {exc}")
                return None
            log.latencies_ms.append((time.perf_counter() - started) * 1000)
            log.requests += 1
            if response.status_code not in expect:
                log.errors.append(f"{method} {url}: {response.status_code} {response.text[:200]}")
                return None
            return response

        with open(text, "rb") as handle:
            accepted = call("POST", "/api/documents", (202,), files={"file": (f"{log.name}.txt", handle)})
        if accepted is None:
            return
        doc_id = accepted.json()["id"]
        log.uploads.append(doc_id)
        while True:
            status = call("GET", f"/api/documents/{doc_id}")
            if status is None or status.json()["status"] in ("done", "failed"):
                break
            time.sleep(0.2)
        ends = time.monotonic() + seconds
        round_number = 0
        while time.monotonic() < ends:
            round_number += 1
            call("GET", f"/api/documents/{doc_id}")
            envelope = call("GET", f"/api/documents/{doc_id}/notice")
            call("GET", "/api/search", params={"q": random.choice(["整改", "执法监督", "工作方案", "督"])})
            call("GET", f"/documents/{doc_id}")
            if envelope is None:
                continue
            body = envelope.json()
            title = f"{log.name} 第{round_number}次更正的标题"
            saved = call("PUT", f"/api/documents/{doc_id}/notice", (200, 409),
                         json={"version": body["version"], "notice": {**body["notice"], "title": title}})
            if saved is not None and saved.status_code == 200:
                log.saved_titles.append(title)
            elif saved is not None:
                log.conflicts += 1


def check_nothing_lost(base: str, headers: dict[str, str], logs: list[ClientLog]) -> list[str]:
    """What the load lost: uploads not listed or not done, acknowledged corrections missing."""
    problems: list[str] = []
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        listed = {d["id"]: d for d in client.get("/api/documents", params={"limit": 1000}).json()}
        for log in logs:
            for doc_id in log.uploads:
                if listed.get(doc_id, {}).get("status") != "done":
                    problems.append(f"{log.name}: upload {doc_id} is {listed.get(doc_id, {}).get('status')}")
                    continue
                history = [c["value"] for c in client.get(f"/api/documents/{doc_id}/corrections").json()
                           if c["field"] == "title"]
                if history != log.saved_titles:
                    problems.append(f"{log.name}: {len(log.saved_titles)} corrections acknowledged, "
                                    f"{len(history)} in the history")
                record = client.get(f"/api/documents/{doc_id}/notice").json()["notice"]
                if log.saved_titles and record["title"] != log.saved_titles[-1]:
                    problems.append(f"{log.name}: the record's title is not the last one saved")
    return problems


def run_load(base: str, clients: int, seconds: float, reader: dict[str, str]) -> dict[str, Any]:
    """``clients`` concurrent API clients (users load-1 … load-N; admins, as each one uploads, corrects and searches) for ``seconds``."""
    logs = [ClientLog(f"load-{n + 1}") for n in range(clients)]
    headers = [login(base, log.name) for log in logs]
    threads = [
        threading.Thread(target=_client_loop, args=(base, h, SEED_TEXTS[n % len(SEED_TEXTS)], seconds, log))
        for n, (log, h) in enumerate(zip(logs, headers, strict=True))
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies = [ms for log in logs for ms in log.latencies_ms]
    lost = check_nothing_lost(base, reader, logs)
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": sum(log.requests for log in logs),
        "requests_per_s": round(sum(log.requests for log in logs) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(_percentile(latencies, 0.95), 1) if latencies else None,
        "errors": [e for log in logs for e in log.errors],
        "corrections_saved": sum(len(log.saved_titles) for log in logs),
        "conflicts": sum(log.conflicts for log in logs),
        "lost": lost,
    }


# -- document view on a large archive ------------------------------------------------------------


def fill_desk(config: Any, count: int) -> list[str]:
    """``count`` read documents with reviewed notices, in the desk database and the archive."""
    from bench.index import build_entries
    from docproc.index import open_store
    from docproc.model.document import Document
    from docproc.web.store import DeskStore, now_iso
    from docproc.workflow import read_notice

    base_json = REPO_DIR / "fixtures" / "seed-000" / "degraded.document.json"
    base_notice = read_notice(Document.from_dict(json.loads(base_json.read_text(encoding="utf-8")))).notice
    assert base_notice is not None
    record = base_notice.to_dict()
    entries, _ = build_entries(count)
    store = DeskStore(config.desk_db)
    archive = open_store(config.archive_db)
    ids: list[str] = []
    config.uploads_dir.mkdir(parents=True, exist_ok=True)
    with store.transaction() as db:
        for number, entry in enumerate(entries):
            doc_id = f"{number:032x}"
            ids.append(doc_id)
            db.execute(
                "INSERT INTO documents (id, filename, stored_name, content, size, sha256, uploaded_by, uploaded_at,"
                " status, error, pages, pages_done) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc_id, Path(entry.path).name, f"{doc_id}.pdf", "pdf", 1, entry.file_sha256, "bench", now_iso(),
                 "done", None, 7, 7),
            )
            notice = {**record, "title": entry.title, "doc_number": entry.doc_number, "issuers": entry.issuers,
                      "issue_date": entry.issue_date}
            db.execute("INSERT INTO notices (doc_id, version, record, extracted, updated_by, updated_at)"
                       " VALUES (?, 1, ?, ?, NULL, ?)",
                       (doc_id, json.dumps(notice, ensure_ascii=False), json.dumps(notice, ensure_ascii=False),
                        now_iso()))
            folder = config.work_dir / doc_id
            folder.mkdir(parents=True)
            os.link(base_json, folder / "document.json")
            entry.path = str((config.uploads_dir / f"{doc_id}.pdf").resolve())
            archive.put(entry)
    archive.close()
    store.close()
    return ids


def time_views(base: str, headers: dict[str, str], ids: list[str], views: int) -> dict[str, Any]:
    rng = random.Random(11)
    timings: list[float] = []
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        for doc_id in rng.sample(ids, min(views, len(ids)))[:5]:
            client.get(f"/documents/{doc_id}").raise_for_status()  # warm up
        for doc_id in rng.sample(ids, min(views, len(ids))):
            started = time.perf_counter()
            response = client.get(f"/documents/{doc_id}")
            timings.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
    return {"views": len(timings), "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(_percentile(timings, 0.95), 1), "target_p95_ms": VIEW_P95_TARGET_MS,
            "ok": _percentile(timings, 0.95) < VIEW_P95_TARGET_MS}


def run(results: dict[str, Any], *, documents: int = 10_000, views: int = 300, clients: int = 20,
        seconds: float = 60.0, report: Any = print) -> None:
    """Add the ``desk`` section to ``results`` and print its table."""
    from docproc.web import DeskConfig
    from docproc.web.accounts import ROLES

    section: dict[str, Any] = {"documents": documents}
    with tempfile.TemporaryDirectory(prefix="docproc-bench-desk-") as folder:
        config = DeskConfig(data_dir=Path(folder) / "desk")
        ids = fill_desk(config, documents)
        make_users(config, list(ROLES), "admin")
        make_users(config, [f"load-{n + 1}" for n in range(clients)], "admin")
        with running_desk(config) as base:
            reader = login(base, "admin")
            section["document_view"] = time_views(base, reader, ids, views)
            section["load"] = run_load(base, clients, seconds, reader)
    results["desk"] = section
    view, load = section["document_view"], section["load"]
    report(f"review desk: {documents} documents in the archive, loopback")
    report(f"  document view: {view['views']} views, p50 {view['p50_ms']} ms, p95 {view['p95_ms']} ms "
           f"(target < {VIEW_P95_TARGET_MS:.0f} ms)")
    report(f"  load: {load['clients']} clients for {load['seconds']} s: {load['requests']} requests "
           f"({load['requests_per_s']}/s), p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms, "
           f"{len(load['errors'])} errors, {load['corrections_saved']} corrections saved, "
           f"{load['conflicts']} conflicts, lost: {load['lost'] or 'nothing'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--views", type=int, default=300)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    results: dict[str, Any] = {}
    run(results, documents=args.documents, views=args.views, clients=args.clients, seconds=args.seconds)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
