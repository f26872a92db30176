"""Rectification ledgers (整改台账): notices and self-check forms → ``docproc.ledger/1`` → files.

    >>> from docproc.ledger import build_ledger, write_ledger
    >>> ledger = build_ledger([notice], unit="市司法局", date="2021-10-08")
    >>> write_ledger(ledger, "台账.xlsx")          # or .docx .html .pdf .md .csv
    >>> build_ledger([plan, forwarding_notice], preset="inspection")   # or "hazard"; one row per task

A filled-in XLSX ledger reads back with :func:`read_ledger_xlsx`; :func:`update_ledger_xlsx` adds
the rows of new notices and keeps every cell clerks wrote; :func:`ledger_status` lists overdue and
due-soon rows.
"""

from docproc.ledger.builder import (
    build_ledger,
    resolve_task_deadline,
    rows_from_form,
    rows_from_notice,
)
from docproc.ledger.presets import PRESET_NAMES, Preset, get_preset
from docproc.ledger.render import FORMATS, format_of, render_ledger, write_ledger
from docproc.ledger.status import StatusReport, UnitProgress, ledger_status
from docproc.ledger.xlsx_read import LedgerUpdate, read_ledger_xlsx, update_ledger_xlsx

__all__ = [
    "FORMATS",
    "PRESET_NAMES",
    "LedgerUpdate",
    "Preset",
    "StatusReport",
    "UnitProgress",
    "build_ledger",
    "format_of",
    "get_preset",
    "ledger_status",
    "read_ledger_xlsx",
    "render_ledger",
    "resolve_task_deadline",
    "rows_from_form",
    "rows_from_notice",
    "update_ledger_xlsx",
    "write_ledger",
]
