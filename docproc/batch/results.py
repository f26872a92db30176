"""One input's result folder: document JSON, reading-order text, notice JSON.

Each output is written atomically. Extraction that finds nothing (``NothingExtractedError``) or
fails makes the input ``partial``: its document and text are kept, its notice is not written (an
older notice in the folder is removed so the folder never mixes two versions of the file).
Optional follow-ups (a rectification ledger, the archive index) run after the notice, also for a
``partial`` input (each decides what it can do without a notice); their failure makes the input
``partial`` too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docproc.batch.manifest import Status
from docproc.errors import DocprocError
from docproc.model.document import Document
from docproc.workflow import (
    NoticeReading,
    OutputFiles,
    read_notice,
    write_document_files,
    write_notice_files,
)

if TYPE_CHECKING:
    from docproc.model.notice import Notice


@dataclass
class FinishedInput:
    """What a follow-up step gets: one input, its result files, its records."""

    source: Path
    sha256: str
    files: OutputFiles  # its result folder and stem
    document: Document
    notice: Notice | None  # None when extraction found nothing


# A follow-up step (a ledger, the archive index) -> the files it wrote.
FollowUp = Callable[[FinishedInput], list[Path]]


@dataclass
class FileResult:
    status: Status
    error: str | None = None
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def remove_stale_temporaries(folder: Path) -> None:
    """Delete the temp files (``.<name>.<random>.tmp``) an atomic write killed mid-way left behind;
    only the batch writes into a result folder, one input at a time."""
    if folder.is_dir():
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)


def _one_line(exc: Exception) -> str:
    if isinstance(exc, DocprocError):
        return " ".join(exc.message.split())
    return f"unexpected {type(exc).__name__}: {exc}"


def write_results(
    source: Path,
    sha256: str,
    document_record: dict[str, Any],
    folder: Path,
    *,
    follow_ups: list[FollowUp] | None = None,
) -> FileResult:
    """Write ``folder/<stem>.document.json``, ``.txt`` and ``.notice.json`` for one document."""
    document = Document.from_dict(document_record)
    files = OutputFiles.of(source, folder)
    remove_stale_temporaries(folder)
    outputs = write_document_files(document, files)
    notice_path = files.path("notice")
    status: Status = "ok"
    try:
        reading = read_notice(document)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # an extractor bug: the text is still good
        reading = NoticeReading(None, f"no notice: {_one_line(exc)}")
    notice, error = reading.notice, reading.why_none
    if notice is None:
        notice_path.unlink(missing_ok=True)
        status = "partial"
    else:
        outputs.extend(write_notice_files(notice, files))
    warnings = [*document.warnings, *(notice.warnings if notice is not None else [])]
    finished = FinishedInput(source, sha256, files, document, notice)
    for follow_up in follow_ups or []:
        try:
            outputs.extend(follow_up(finished))
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:
            status = "partial"
            error = "; ".join(filter(None, [error, _one_line(exc)]))
    return FileResult(status, error, outputs, warnings)
