"""The coordinator: plans the folder, feeds units to a pool or a cluster, writes results and the
manifest as files complete, and in watch mode keeps polling the folder.

Memory stays bounded: at most ``capacity`` units are in flight (each holds one page raster, in a
worker), a new file is opened only when the pages already known cannot keep the workers busy,
and a file's page results (text and boxes, no images) are dropped once its outputs are written.
"""

from __future__ import annotations

import itertools
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from docproc.batch.manifest import MANIFEST_NAME, ManifestEntry, ManifestWriter, read_manifest
from docproc.batch.planner import Candidate, plan_input, result_folder, scan_folder
from docproc.batch.results import FollowUp, write_results
from docproc.batch.units import UnitOutcome, WorkUnit, page_result
from docproc.config import Settings
from docproc.errors import EXIT_INTERRUPTED, EXIT_OK, InputError, NoTextError, UsageError
from docproc.pipeline import PageResult, assemble_document

WAIT_SECONDS = 0.5  # how long one wait for outcomes blocks (Ctrl-C and watch polls stay prompt)


class Runner(Protocol):
    """What the coordinator needs from a local pool or a Dask cluster."""

    @property
    def capacity(self) -> int: ...

    @property
    def busy(self) -> int: ...

    def submit(self, unit: WorkUnit) -> None: ...

    def wait(self, timeout: float) -> list[tuple[WorkUnit, UnitOutcome]]: ...

    def close(self, *, immediately: bool = False) -> None: ...


@dataclass
class BatchOptions:
    source: Path  # the folder to process
    output: Path  # results/ and manifest.jsonl go here
    settings: Settings = field(default_factory=Settings)
    jobs: int = 1  # local worker processes (ignored with a scheduler)
    scheduler: Any = None  # "tcp://host:8786" or a distributed.Client; None: local processes
    password: str | None = None
    watch: bool = False
    poll_seconds: float = 2.0  # watch: how often the folder is scanned
    max_idle: float | None = None  # watch: stop after this many seconds with nothing to do
    retry_failed: bool = False
    show_progress: bool = False
    follow_ups: list[FollowUp] = field(default_factory=list)  # ledger, index, ...
    report: Callable[[str], None] = field(default=lambda message: None)  # one-line notes


@dataclass
class BatchSummary:
    ok: list[str] = field(default_factory=list)
    partial: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str, int]] = field(default_factory=list)  # path, error, exit code
    up_to_date: int = 0
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    unfinished: int = 0  # files started or planned but not finished when interrupted

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return self.failed[0][2] if self.failed else EXIT_OK

    def lines(self) -> list[str]:
        done = len(self.ok) + len(self.partial) + len(self.failed)
        rate = f", {self.pages / self.seconds:.2f} pages/s" if self.seconds > 0 and self.pages else ""
        head = (
            f"{done} file(s) processed: {len(self.ok)} ok, {len(self.partial)} partial, "
            f"{len(self.failed)} failed; {self.up_to_date} already up to date; "
            f"{self.pages} page(s) in {self.seconds:.1f} s{rate}"
        )
        out = [head]
        if self.interrupted:
            out.append(
                f"interrupted: {self.unfinished} file(s) not finished; run the same command "
                "again to finish them"
            )
        out += [f"  partial: {path}: {error}" for path, error in self.partial]
        out += [f"  failed: {path}: {error}" for path, error, _ in self.failed]
        return out


@dataclass
class _FileJob:
    job_id: int
    candidate: Candidate
    sha256: str
    started: float
    page_count: int = 0
    pages_waiting: int = 0  # page units queued or in flight
    results: dict[int, PageResult] = field(default_factory=dict)


class _Progress:
    """A tqdm bar over pages (files done in the postfix), or nothing."""

    def __init__(self, enabled: bool) -> None:
        self._bar: Any = None
        self.files_done = 0
        self.files_total = 0
        if enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: workers may be forked later
            self._bar = tqdm(total=0, unit="page", desc="batch", file=sys.stderr,
                             dynamic_ncols=True, leave=False)

    def add_pages(self, count: int) -> None:
        if self._bar is not None:
            self._bar.total += count
            self._bar.refresh()

    def page_done(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def file_done(self) -> None:
        self.files_done += 1
        if self._bar is not None:
            self._bar.set_postfix_str(f"files {self.files_done}/{self.files_total}")

    def report(self, report: Callable[[str], None], message: str) -> None:
        """``report(message)`` with the bar cleared around it."""
        if self._bar is None:
            report(message)
            return
        from tqdm import tqdm

        with tqdm.external_write_mode(file=sys.stderr):
            report(message)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class _Coordinator:
    def __init__(self, options: BatchOptions, runner: Runner, summary: BatchSummary) -> None:
        self.options = options
        self.runner = runner
        self.summary = summary
        self.manifest = ManifestWriter(options.output / MANIFEST_NAME)
        self.progress = _Progress(options.show_progress)
        self._job_ids = itertools.count(1)
        self.jobs: dict[int, _FileJob] = {}
        self.page_units: deque[WorkUnit] = deque()
        self.pending: deque[tuple[Candidate, str]] = deque()

    def close(self) -> None:
        self.progress.close()
        self.manifest.close()

    def _note(self, message: str) -> None:
        self.progress.report(self.options.report, message)

    def process(self, planned: list[tuple[Candidate, str]]) -> None:
        """Run the planned files to completion."""
        self.pending.extend(planned)
        self.progress.files_total += len(planned)
        while self.pending or self.page_units or self.runner.busy:
            while self.runner.busy < self.runner.capacity:
                unit = self._next_unit()
                if unit is None:
                    break
                self.runner.submit(unit)
            for unit, outcome in self.runner.wait(WAIT_SECONDS):
                self._handle(unit, outcome)

    def unfinished(self) -> int:
        return len(self.jobs) + len(self.pending)

    def _next_unit(self) -> WorkUnit | None:
        if self.page_units:
            return self.page_units.popleft()
        if not self.pending:
            return None
        candidate, sha256 = self.pending.popleft()
        job = _FileJob(next(self._job_ids), candidate, sha256, time.monotonic())
        self.jobs[job.job_id] = job
        self.progress.add_pages(1)  # its first page (or the whole text file)
        return WorkUnit(job.job_id, str(candidate.path))

    def _handle(self, unit: WorkUnit, outcome: UnitOutcome) -> None:
        job = self.jobs.get(unit.job_id)
        if job is None:
            return  # its file already failed on another page
        if not outcome.ok or outcome.value is None:
            self._fail(job, outcome.error or "no result", outcome.exit_code, unit)
            return
        value = outcome.value
        self.progress.page_done()
        if "document" in value:
            pages = int(value["document"]["source"].get("pages") or 0)
            self.progress.add_pages(max(pages, 1) - 1)
            self._finish(job, value["document"], pages)
            return
        if unit.page is None:  # a probe that read page 1 of several
            job.page_count = int(value["page_count"])
            self.progress.add_pages(job.page_count - 1)
            for number in range(2, job.page_count + 1):
                self.page_units.append(WorkUnit(job.job_id, unit.path, number))
            job.pages_waiting = job.page_count - 1
        else:
            job.pages_waiting -= 1
        result = page_result(value)
        job.results[result.page.number] = result
        if job.pages_waiting == 0:
            try:
                document = assemble_document(
                    job.candidate.path, job.sha256, job.page_count, list(job.results.values())
                )
            except (NoTextError, InputError) as exc:
                self._fail(job, " ".join(exc.message.split()), exc.exit_code, None)
                return
            job.results.clear()
            self._finish(job, document.to_dict(), job.page_count)

    def _drop(self, job: _FileJob) -> None:
        del self.jobs[job.job_id]
        self.page_units = deque(u for u in self.page_units if u.job_id != job.job_id)
        self.progress.file_done()

    def _fail(self, job: _FileJob, error: str, exit_code: int, unit: WorkUnit | None) -> None:
        self._drop(job)
        probe_lost = 1 if unit is not None and unit.page is None else 0
        self.progress.add_pages(-(job.pages_waiting + probe_lost))  # pages that will never come
        relative = job.candidate.relative
        self._record(job, "failed", error, [], job.page_count)
        self.summary.failed.append((relative, error, exit_code))
        self._note(f"docproc: error: {relative}: {error}")

    def _finish(self, job: _FileJob, document: dict[str, Any], pages: int) -> None:
        self._drop(job)
        folder = result_folder(self.options.output, job.candidate.relative)
        result = write_results(
            job.candidate.path, job.sha256, document, folder, follow_ups=self.options.follow_ups
        )
        outputs = [p.relative_to(self.options.output).as_posix() for p in result.outputs]
        self._record(job, result.status, result.error, outputs, pages)
        self.summary.pages += pages
        relative = job.candidate.relative
        if result.status == "ok":
            self.summary.ok.append(relative)
        else:
            self.summary.partial.append((relative, result.error or ""))
            self._note(f"docproc: warning: {relative}: {result.error}")

    def _record(
        self, job: _FileJob, status: Any, error: str | None, outputs: list[str], pages: int
    ) -> None:
        self.manifest.append(
            ManifestEntry(
                path=job.candidate.relative,
                sha256=job.sha256,
                status=status,
                error=error,
                seconds=time.monotonic() - job.started,
                outputs=outputs,
                pages=pages,
                size=job.candidate.size,
                mtime_ns=job.candidate.mtime_ns,
            )
        )


def _plan(options: BatchOptions, summary: BatchSummary | None) -> list[tuple[Candidate, str]]:
    entries = read_manifest(options.output / MANIFEST_NAME)
    planned = []
    for candidate in scan_folder(options.source, skip=[options.output]):
        sha256 = plan_input(
            candidate, entries.get(candidate.relative), options.output,
            retry_failed=options.retry_failed,
        )
        if sha256 is None:
            if summary is not None:
                summary.up_to_date += 1
        else:
            planned.append((candidate, sha256))
    return planned


def make_runner(options: BatchOptions) -> Runner:
    if options.scheduler is not None:
        from docproc.batch.dask_runner import DaskRunner

        return DaskRunner(options.settings, options.scheduler, password=options.password)
    from docproc.batch.local_pool import LocalPool

    return LocalPool(options.settings, jobs=options.jobs, password=options.password)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """``kill`` (SIGTERM) stops a batch as Ctrl-C does: workers stopped, summary, exit 130.
    Only the main thread can take signals; elsewhere (a server's worker thread) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _timed(summary: BatchSummary) -> Iterator[None]:
    started = time.monotonic()
    try:
        yield
    finally:
        summary.seconds = time.monotonic() - started


def run_batch(options: BatchOptions) -> BatchSummary:
    """Process every file under ``options.source`` that needs it; see docs/batch.md.

    Never raises for a bad input (it is recorded as failed); Ctrl-C stops the workers and returns
    a summary with ``interrupted`` set (exit code 130).
    """
    if not options.source.is_dir():
        raise UsageError(f"{options.source} is not a folder: docproc batch takes a folder")
    if options.output.resolve() == options.source.resolve():
        raise UsageError("-o must be another folder than the one being processed")
    options.output.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary()
    coordinator: _Coordinator | None = None
    runner: Runner | None = None
    with _timed(summary), _sigterm_as_interrupt():
        try:
            planned = _plan(options, summary)
            runner = make_runner(options)
            coordinator = _Coordinator(options, runner, summary)
            coordinator.process(planned)
            if options.watch:
                _watch(options, coordinator)
            runner.close()
        except KeyboardInterrupt:
            summary.interrupted = True
            summary.unfinished = coordinator.unfinished() if coordinator is not None else 0
            if runner is not None:
                runner.close(immediately=True)
        finally:
            if coordinator is not None:
                coordinator.close()
    return summary


def _watch(options: BatchOptions, coordinator: _Coordinator) -> None:
    """Poll the folder; a file is taken once its size and mtime held still for one poll."""
    last_seen: dict[str, tuple[int, int]] = {}
    idle_since = time.monotonic()
    while options.max_idle is None or time.monotonic() - idle_since < options.max_idle:
        time.sleep(options.poll_seconds)
        planned = _plan(options, None)
        seen = {c.relative: (c.size, c.mtime_ns) for c, _ in planned}
        settled = [(c, s) for c, s in planned if last_seen.get(c.relative) == seen[c.relative]]
        last_seen = seen
        if settled:
            coordinator.process(settled)
            last_seen = {}
            idle_since = time.monotonic()
