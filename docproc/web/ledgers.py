"""Ledgers at the desk: approved notices to a ledger file, an office's own templates, tracking.

The library builds and renders (``docproc.ledger``); this module only finds the reviewed records
of the chosen documents, keeps uploaded templates under ``DIR/templates`` with generated names,
and hands the library's status report and chart to the tracking page.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docproc.errors import InputError, TemplateError, UsageError
from docproc.fileio import write_bytes_atomic
from docproc.model.notice import Notice
from docproc.web.config import DeskConfig
from docproc.web.store import DeskStore

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf", "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
DESK_FORMATS = ("xlsx", "docx", "pdf")
# An office's template, by its file name: what it can make.
_TEMPLATE_SUFFIXES = {".xlsx": ".xlsx", ".docx": ".docx", ".j2": ".html.j2", ".html": ".html.j2"}
TEMPLATE_ID_CHARS = 32
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


def templates_folder(config: DeskConfig) -> Path:
    return config.data_dir / "templates"


def reviewed_notices(store: DeskStore, doc_ids: Sequence[str], *, approved_only: bool = True) -> list[Notice]:
    """The reviewed notices of ``doc_ids`` in the order given; refuses unknown, unapproved or
    notice-less documents by name."""
    if not doc_ids:
        raise UsageError("choose at least one document")
    notices: list[Notice] = []
    for doc_id in doc_ids:
        row = store.document(doc_id)
        if row is None:
            raise InputError(f"no document {doc_id}")
        if approved_only and row.approved_by is None:
            raise UsageError(f"{row.filename} is not approved yet: review and approve it first")
        notice_row = store.notice(doc_id)
        if notice_row is None:
            raise InputError(f"{row.filename} has no notice to put in a ledger")
        notices.append(Notice.from_dict(notice_row.record))
    return notices


def save_template(config: DeskConfig, filename: str, data: bytes) -> str:
    """Keep an office's template; returns its id (the stored name)."""
    suffix = next((s for ext, s in _TEMPLATE_SUFFIXES.items() if filename.lower().endswith(ext)), None)
    if suffix is None:
        raise TemplateError("a template is an .xlsx, a .docx or an HTML Jinja2 file (.html.j2)")
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"a template may have at most {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB")
    template_id = uuid.uuid4().hex + suffix
    write_bytes_atomic(templates_folder(config) / template_id, data)
    return template_id


def template_path(config: DeskConfig, template_id: str | None) -> Path | None:
    """The stored template of ``template_id`` (a generated name, checked), or None."""
    if not template_id:
        return None
    stem = template_id.split(".", 1)[0]
    if len(stem) != TEMPLATE_ID_CHARS or not all(c in "0123456789abcdef" for c in stem) \
            or "." + template_id.split(".", 1)[-1] not in _TEMPLATE_SUFFIXES.values():
        raise TemplateError(f"no template {template_id!r}")
    path = templates_folder(config) / template_id
    if not path.is_file():
        raise TemplateError(f"no template {template_id!r}")
    return path


def ledger_file(notices: Sequence[Notice], fmt: str, *, unit: str | None = None,
                template: Path | None = None) -> tuple[bytes, str]:
    """The ledger of ``notices`` as ``fmt`` bytes, and a file name for it."""
    from docproc.ledger import build_ledger, render_ledger
    from docproc.ledger.render import check_template

    if fmt not in DESK_FORMATS:
        raise UsageError(f"format must be one of {', '.join(DESK_FORMATS)}")
    if template is not None:
        check_template(template, fmt)
    ledger = build_ledger(list(notices), unit=unit or None)
    return render_ledger(ledger, fmt, template), f"{ledger.title or '整改台账'}.{fmt}"


def tracking_report(ledger_xlsx: Path, on: dt.date, soon_days: int) -> dict[str, Any]:
    """What the tracking view shows of a filled-in ledger: the library's ``ledger status`` report
    (overdue, due soon, counts by status and by unit)."""
    from docproc.ledger import ledger_status, read_ledger_xlsx

    return dict(ledger_status(read_ledger_xlsx(ledger_xlsx), on, soon_days).to_dict())


def tracking_chart(ledger_xlsx: Path, on: dt.date, soon_days: int) -> str:
    """The library's chart of completion by unit, as a data: URI for an ``<img>``."""
    from docproc.ledger import ledger_status, read_ledger_xlsx
    from docproc.ledger.status_charts import by_unit_chart, data_uri

    return data_uri(by_unit_chart(ledger_status(read_ledger_xlsx(ledger_xlsx), on, soon_days)))
