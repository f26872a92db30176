"""A pool of worker processes on this machine, each holding one OCR model.

Not ``concurrent.futures.ProcessPoolExecutor``: when one of its workers dies, every pending
future fails with ``BrokenProcessPool`` and nobody knows which page killed it. Here each worker
has its own pipe and runs one unit at a time, so when a process dies (a segfault in a native
library, the kernel's out-of-memory killer, ``kill -9``) the coordinator knows exactly which unit
it was running, records that file as failed, starts a fresh worker and goes on.

Workers ignore SIGINT: Ctrl-C reaches the coordinator, which stops them itself. Workers die with
their coordinator however it ends (``kill -9`` included): each watches its parent and ends itself
within :data:`PARENT_CHECK_SECONDS` of the parent's death, even in the middle of a page. (A pipe
alone would not tell them on every platform.) Workers are spawned, never forked, so no lock of the coordinator's
native libraries (ONNX Runtime's thread pools) is copied into them held.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from docproc.batch.units import UnitOutcome, WorkUnit, execute_unit_safely
from docproc.config import Settings
from docproc.errors import UsageError
from docproc.ocr.registry import engine_table

STOP_SECONDS = 5.0  # how long a worker gets to finish its unit when the pool closes
PARENT_CHECK_SECONDS = 0.5  # how often a worker looks whether its coordinator is still there


def default_threads(jobs: int) -> int:
    """ONNX Runtime threads per worker: the machine's cores shared out between the workers."""
    return max(1, (os.cpu_count() or 1) // jobs)


def end_with_parent(parent_pid: int) -> None:
    """End this process (at once, whatever it is doing) within a moment of ``parent_pid``'s death:
    a daemon thread compares ``os.getppid()`` (the orphan's new parent differs) every half second."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="docproc-parent-watch", daemon=True).start()


def _worker_main(connection: Connection, settings: Settings, password: str | None, parent_pid: int,
                 engines: dict[str, tuple[str, str]]) -> None:
    from docproc.ocr.registry import register_engine

    for name, (module, factory) in engines.items():  # the coordinator's engines, those added at run time too
        register_engine(name, module, factory)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the coordinator's own handler is not for workers
    end_with_parent(parent_pid)
    from docproc.pipeline import Recognizer

    recognizer = Recognizer(settings)  # the model loads on the first OCR page, once
    try:
        while True:
            try:
                unit = connection.recv()
            except EOFError:
                return
            if unit is None:
                return
            connection.send(execute_unit_safely(recognizer, unit, password))
    finally:
        recognizer.close()


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    unit: WorkUnit | None = None


def _death_message(exitcode: int | None, unit: WorkUnit) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        cause = f"was killed by {name}"
        if -exitcode == signal.SIGKILL:
            cause += " (out of memory, or killed)"
    else:
        cause = f"exited with code {exitcode}"
    return f"the worker process {cause} while {unit.describe()}"


class LocalPool:
    """``jobs`` worker processes; ``submit`` a unit to an idle one, ``wait`` for outcomes."""

    def __init__(self, settings: Settings, *, jobs: int, password: str | None = None) -> None:
        if jobs < 1:
            raise UsageError(f"--jobs must be at least 1, not {jobs}")
        self.settings = settings
        self.password = password
        self.jobs = jobs
        # spawned, not forked: a process that has already run OCR (a test run, a server that read a page itself) holds
        # ONNX Runtime's thread pools, and a forked child that builds its own model can hang on their locks
        self._context = multiprocessing.get_context("spawn")
        self._workers = [self._start_worker() for _ in range(jobs)]

    @property
    def capacity(self) -> int:
        return self.jobs

    @property
    def busy(self) -> int:
        return sum(1 for w in self._workers if w.unit is not None)

    def _start_worker(self) -> _Worker:
        parent_end, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main,
            args=(child_end, self.settings, self.password, os.getpid(), engine_table()),
            name="docproc-batch-worker",
            daemon=True,
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def submit(self, unit: WorkUnit) -> None:
        for index, worker in enumerate(self._workers):
            if worker.unit is not None:
                continue
            if not worker.process.is_alive():
                worker.connection.close()
                worker = self._workers[index] = self._start_worker()
            try:
                worker.connection.send(unit)
            except (BrokenPipeError, EOFError, OSError):
                # It died between units: replace it and hand the unit to the new one.
                worker.connection.close()
                worker = self._workers[index] = self._start_worker()
                worker.connection.send(unit)
            worker.unit = unit
            return
        raise RuntimeError("no idle worker: submit only while busy < capacity")

    def wait(self, timeout: float) -> list[tuple[WorkUnit, UnitOutcome]]:
        """Outcomes of the units that finished (or whose worker died) within ``timeout`` seconds."""
        busy = [w for w in self._workers if w.unit is not None]
        if not busy:
            return []
        handles: list[object] = [w.connection for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout))  # type: ignore[arg-type]
        finished: list[tuple[WorkUnit, UnitOutcome]] = []
        for index, worker in enumerate(self._workers):
            unit = worker.unit
            if unit is None:
                continue
            if worker.connection in ready or worker.connection.poll():
                try:
                    outcome = worker.connection.recv()
                except (EOFError, OSError, ValueError, TypeError):  # died mid-send
                    outcome = None
                if isinstance(outcome, UnitOutcome):
                    worker.unit = None
                    finished.append((unit, outcome))
                    continue
            elif worker.process.sentinel not in ready:
                continue
            worker.process.join(STOP_SECONDS)
            message = _death_message(worker.process.exitcode, unit)
            finished.append((unit, UnitOutcome(error=message, crashed=True)))
            worker.connection.close()
            self._workers[index] = self._start_worker()
        return finished

    def close(self, *, immediately: bool = False) -> None:
        """Stop the workers: ask them to finish, or (``immediately``, on Ctrl-C) terminate them."""
        for worker in self._workers:
            if immediately:
                worker.process.terminate()
                continue
            with contextlib.suppress(BrokenPipeError, OSError):
                worker.connection.send(None)
        for worker in self._workers:
            worker.process.join(STOP_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self._workers = []
