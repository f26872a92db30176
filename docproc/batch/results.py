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
from docproc.fileio import write_json_atomic, write_text_atomic
from docproc.model.document import Document

if TYPE_CHECKING:
    from docproc.model.notice import Notice



@dataclass
class FinishedInput:
    """What a follow-up step gets: one input, its result folder, its records."""

    source: Path
    sha256: str
    folder: Path
    stem: str
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


def output_stem(name: str) -> str:
    """``scan.pdf`` → ``scan``; ``scan.document.json`` → ``scan`` (as ``docproc ocr`` names them)."""
    for suffix in (".document.json", ".notice.json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or name


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
    from docproc.extract import extract_notice

    document = Document.from_dict(document_record)
    stem = output_stem(source.name)
    remove_stale_temporaries(folder)
    outputs = [
        write_json_atomic(folder / f"{stem}.document.json", document_record),
        write_text_atomic(folder / f"{stem}.txt", document.text + "\n"),
    ]
    notice_path = folder / f"{stem}.notice.json"
    status: Status = "ok"
    error: str | None = None
    notice: Notice | None = None
    try:
        notice = extract_notice(document)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # NothingExtractedError, or an extractor bug: the text is still good
        notice_path.unlink(missing_ok=True)
        status, error = "partial", f"no notice: {_one_line(exc)}"
    else:
        outputs.append(write_json_atomic(notice_path, notice.to_dict()))
    warnings = [*document.warnings, *(notice.warnings if notice is not None else [])]
    finished = FinishedInput(source, sha256, folder, stem, document, notice)
    for follow_up in follow_ups or []:
        try:
            outputs.extend(follow_up(finished))
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:
            status = "partial"
            error = "; ".join(filter(None, [error, _one_line(exc)]))
    return FileResult(status, error, outputs, warnings)
