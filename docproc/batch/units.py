"""Work units: what a batch sends to a worker process (local or on a Dask cluster), and back.

A file starts as a *probe* unit (``page`` None): the worker opens it, and either recognises it
whole (a text file, a saved web page, a document JSON, a one-page scan) or reads its first page and says how many
pages it has; the coordinator then sends one *page* unit per remaining page, so the pages of a
200-page scan spread over every worker. Units and outcomes are small plain values (paths, page
numbers, dicts) so they pickle cheaply and travel to other machines.

Worker side, one :class:`docproc.pipeline.Recognizer` per process (per thread on Dask) holds the
OCR model: it is loaded once, on the first page that needs OCR, and reused for every unit after.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from docproc.config import Settings
from docproc.errors import EXIT_INPUT, DocprocError
from docproc.pipeline import PageResult, Recognizer, assemble_document

# Kinds recognised whole by the probe: they have no pages to spread.
_WHOLE_FILE_KINDS = {"text", "html", "document-json"}


@dataclass(frozen=True)
class WorkUnit:
    """One piece of work: the whole-file probe of ``path`` (``page`` None), or one page of it."""

    job_id: int  # the coordinator's number for this attempt at this file
    path: str  # absolute path of the input
    page: int | None = None  # 1-based page number; None: the probe

    def describe(self) -> str:
        return f"reading page {self.page}" if self.page is not None else "opening the file"


@dataclass
class UnitOutcome:
    """What came back: ``value`` on success, else an error message and its exit code.

    ``crashed`` says the worker process died (segfault, out of memory, killed) instead of
    returning: the unit is not retried, its file is recorded as failed.
    """

    value: dict[str, Any] | None = None
    error: str | None = None
    exit_code: int = EXIT_INPUT
    crashed: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


def execute_unit(recognizer: Recognizer, unit: WorkUnit, password: str | None) -> dict[str, Any]:
    """Do one unit with ``recognizer``; raises DocprocError as the pipeline does.

    A probe returns ``{"document": …}`` for a file done whole, else
    ``{"sha256", "page_count", "page": <page 1 result>}``; a page unit returns ``{"page": …}``.
    """
    if unit.page is not None:
        return {"page": recognizer.recognize_page(unit.path, unit.page, password=password).to_dict()}
    summary = recognizer.summarize_input(unit.path, password=password)
    if summary.kind in _WHOLE_FILE_KINDS:
        return {"document": recognizer.recognize(unit.path, password=password).to_dict()}
    first = recognizer.recognize_page(unit.path, 1, password=password)
    if summary.page_count == 1:
        document = assemble_document(unit.path, summary.sha256, 1, [first])
        return {"document": document.to_dict()}
    return {"sha256": summary.sha256, "page_count": summary.page_count, "page": first.to_dict()}


def execute_unit_safely(
    recognizer: Recognizer, unit: WorkUnit, password: str | None
) -> UnitOutcome:
    """:func:`execute_unit` with every exception turned into an outcome (one bad file never
    stops a worker)."""
    try:
        return UnitOutcome(value=execute_unit(recognizer, unit, password))
    except DocprocError as exc:
        return UnitOutcome(error=" ".join(exc.message.split()), exit_code=exc.exit_code)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a bug or a library's own exception: this unit fails, not the worker
        return UnitOutcome(error=f"unexpected {type(exc).__name__}: {exc}")


def page_result(value: dict[str, Any]) -> PageResult:
    return PageResult.from_dict(value["page"])


# Dask: functions run in worker threads; each thread keeps its own Recognizer per settings.
_thread_state = threading.local()


def run_unit_on_dask_worker(
    settings: Settings, password: str | None, unit: WorkUnit
) -> UnitOutcome:
    """The task a Dask worker runs (module-level, so workers import it rather than unpickle code)."""
    recognizers: dict[str, Recognizer] = getattr(_thread_state, "recognizers", None) or {}
    _thread_state.recognizers = recognizers
    key = repr(settings)
    recognizer = recognizers.get(key)
    if recognizer is None:
        recognizer = recognizers[key] = Recognizer(settings)
    return execute_unit_safely(recognizer, unit, password)
