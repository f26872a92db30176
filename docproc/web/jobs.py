"""Background work of the desk: uploads read page by page on the batch machinery's workers.

One thread coordinates; the work runs on :func:`docproc.batch.run.make_runner`'s runner (a local
process pool with crash isolation, or a Dask cluster with ``--scheduler``). A PDF or TIFF is sent
as one unit per page, so a 20-page scan spreads over every worker and its progress (pages done /
pages) is known after each page; a text file is one unit.

Each page result is kept as ``DIR/work/<id>/pages/<n>.json`` the moment it arrives, and the
document's state in the desk database says queued / running / done / failed. A server killed
mid-job finds the job ``running`` on restart and asks only for the pages it does not have yet.
When the last page is in, :func:`docproc.web.processing.finish_document` assembles the document,
extracts the notice (keeping every human correction) and indexes it.
"""

from __future__ import annotations

import itertools
import json
import logging
import queue
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docproc.errors import DocprocError
from docproc.fileio import write_json_atomic
from docproc.web.config import DeskConfig
from docproc.web.store import DeskStore

if TYPE_CHECKING:
    from docproc.batch.run import Runner
    from docproc.batch.units import UnitOutcome, WorkUnit
    from docproc.pipeline import PageResult

log = logging.getLogger("docproc.web")
WAIT_SECONDS = 0.25


@dataclass
class _Job:
    doc_id: str
    path: Path
    sha256: str
    page_count: int  # 0: a text file, done whole by one unit
    results: dict[int, PageResult] = field(default_factory=dict)
    waiting: int = 0  # units in the queue or in flight


def page_folder(config: DeskConfig, doc_id: str) -> Path:
    return config.work_dir / doc_id / "pages"


def saved_pages(config: DeskConfig, doc_id: str) -> dict[int, PageResult]:
    """The page results a previous run of this job kept (a torn file is read again, not trusted)."""
    from docproc.pipeline import PageResult

    found: dict[int, PageResult] = {}
    folder = page_folder(config, doc_id)
    for path in folder.glob("*.json") if folder.is_dir() else []:
        try:
            result = PageResult.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        found[result.page.number] = result
    return found


class DeskJobs:
    """Queue of uploads to read; ``start`` resumes unfinished jobs, ``enqueue`` adds one."""

    def __init__(self, config: DeskConfig, store: DeskStore) -> None:
        self.config = config
        self.store = store
        self._incoming: queue.Queue[str] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._runner: Runner | None = None
        self._job_ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._units: deque[WorkUnit] = deque()
        self._pending: deque[str] = deque()

    def start(self) -> None:
        from docproc.batch.run import BatchOptions, make_runner

        options = BatchOptions(
            source=self.config.uploads_dir, output=self.config.work_dir, settings=self.config.settings,
            jobs=self.config.jobs, scheduler=self.config.scheduler,
        )
        self._runner = make_runner(options)
        for row in self.store.unfinished_documents():
            self._pending.append(row.id)
        self._thread = threading.Thread(target=self._loop, name="docproc-desk-jobs", daemon=True)
        self._thread.start()

    def enqueue(self, doc_id: str) -> None:
        self._incoming.put(doc_id)

    def stop(self) -> None:
        """Stop at once: workers are ended; unfinished jobs stay ``running`` and resume next start."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        if self._runner is not None:
            self._runner.close(immediately=True)
            self._runner = None

    # -- the coordinating thread -------------------------------------------------------------

    def _loop(self) -> None:
        assert self._runner is not None
        runner = self._runner
        while not self._stop.is_set():
            try:
                self._drain_incoming(block=not runner.busy and not self._units and not self._pending)
                while runner.busy < runner.capacity and (unit := self._next_unit()) is not None:
                    runner.submit(unit)
                for unit, outcome in runner.wait(WAIT_SECONDS) if runner.busy else []:
                    self._handle(unit, outcome)
            except Exception:  # the coordinator must outlive any one bad job
                log.exception("desk job runner: unexpected error")

    def _drain_incoming(self, *, block: bool) -> None:
        try:
            doc_id = self._incoming.get(timeout=WAIT_SECONDS) if block else self._incoming.get_nowait()
        except queue.Empty:
            return
        self._pending.append(doc_id)
        while True:
            try:
                self._pending.append(self._incoming.get_nowait())
            except queue.Empty:
                return

    def _next_unit(self) -> WorkUnit | None:
        while not self._units and self._pending:
            self._open_job(self._pending.popleft())
        return self._units.popleft() if self._units else None

    def _open_job(self, doc_id: str) -> None:
        from docproc.batch.units import WorkUnit

        row = self.store.document(doc_id)
        if row is None or row.status in ("done", "failed") or any(j.doc_id == doc_id for j in self._jobs.values()):
            return  # unknown, finished, or already being read (queued twice)
        from docproc.web.uploads import WHOLE_FILE_CONTENTS

        job = _Job(doc_id, self.config.uploads_dir / row.stored_name, row.sha256,
                   0 if row.content in WHOLE_FILE_CONTENTS else row.pages)
        job_id = next(self._job_ids)
        self._jobs[job_id] = job
        if job.page_count == 0:
            self._units.append(WorkUnit(job_id, str(job.path)))
            job.waiting = 1
        else:
            job.results = saved_pages(self.config, doc_id)
            missing = [n for n in range(1, job.page_count + 1) if n not in job.results]
            self._units.extend(WorkUnit(job_id, str(job.path), n) for n in missing)
            job.waiting = len(missing)
        self.store.set_progress(doc_id, "running", pages_done=len(job.results))
        if job.waiting == 0:
            self._complete(job_id, job, None)

    def _handle(self, unit: WorkUnit, outcome: UnitOutcome) -> None:
        from docproc.batch.units import page_result

        job = self._jobs.get(unit.job_id)
        if job is None:
            return
        job.waiting -= 1
        if not outcome.ok or outcome.value is None:
            self._fail(unit.job_id, job, outcome.error or "no result")
            return
        if "document" in outcome.value:
            self._complete(unit.job_id, job, outcome.value["document"])
            return
        result = page_result(outcome.value)
        write_json_atomic(page_folder(self.config, job.doc_id) / f"{result.page.number}.json", result.to_dict())
        job.results[result.page.number] = result
        self.store.set_progress(job.doc_id, "running", pages_done=len(job.results))
        if job.waiting == 0:
            self._complete(unit.job_id, job, None)

    def _fail(self, job_id: int, job: _Job, error: str) -> None:
        del self._jobs[job_id]
        self._units = deque(u for u in self._units if u.job_id != job_id)
        self.store.set_progress(job.doc_id, "failed", error=" ".join(error.split()))

    def _complete(self, job_id: int, job: _Job, document_record: dict[str, Any] | None) -> None:
        from docproc.pipeline import assemble_document
        from docproc.web.processing import finish_document

        try:
            if document_record is None:
                document = assemble_document(job.path, job.sha256, job.page_count, list(job.results.values()))
                document_record = document.to_dict()
            note = finish_document(self.config, self.store, job.doc_id, job.path, document_record)
        except DocprocError as exc:
            self._fail(job_id, job, exc.message)
            return
        except Exception as exc:  # an extractor or index bug fails this document, not the desk
            log.exception("desk job %s", job.doc_id)
            self._fail(job_id, job, f"unexpected {type(exc).__name__}: {exc}")
            return
        del self._jobs[job_id]
        pages = job.page_count or len(document_record.get("pages", []))
        self.store.set_progress(job.doc_id, "done", pages=pages, pages_done=pages, error=note)
