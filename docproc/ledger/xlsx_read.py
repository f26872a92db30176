"""Reading a filled-in XLSX ledger back, and adding rows to it without touching a clerk's edits.

Columns are found by their header text (序号, 整改任务/问题, 完成情况, 状态 …), so a clerk may move
columns or add their own; dates may be real date cells or text (2021-11-01, 2021/11/1,
2021年11月1日). :func:`update_ledger_xlsx` opens the clerk's own workbook and appends the new rows
under the old ones, so every value, colour and comment the clerks put in stays as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from docproc.errors import CorruptInputError, InputError
from docproc.ledger.builder import number_rows, rows_from_form, rows_from_notice
from docproc.ledger.xlsx import (
    XlsxLayout,
    add_status_dropdown,
    workbook_bytes,
    write_ledger_row,
    write_meta_sheet,
    xlsx_layout,
)
from docproc.model.form import Form
from docproc.model.ledger import STATUSES, Ledger, LedgerRow, LedgerSource, SourceRef
from docproc.model.notice import Notice

_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_HEADER_SCAN_ROWS = 10


@dataclass
class LedgerSheet:
    """A ledger workbook opened for reading or updating: where its header and rows are."""

    workbook: Workbook
    sheet: Worksheet
    header_row: int
    columns: dict[str, int]  # field -> 1-based column
    last_data_row: int


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text if text.strip() else None  # kept as typed: a round trip changes nothing


def _cell_date(value: Any, where: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = _DATE_TEXT.match(str(value))
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            pass
    raise InputError(f"cell {where}: {value!r} is not a date (write it as 2021-11-01)")


def _find_header(ws: Worksheet, layout: XlsxLayout) -> tuple[int, dict[str, int]]:
    for row in ws.iter_rows(min_row=1, max_row=_HEADER_SCAN_ROWS):
        columns: dict[str, int] = {}
        for cell in row:
            if isinstance(cell.value, str):
                field = layout.field_of_header(cell.value)
                if field is not None and field not in columns:
                    columns[field] = int(cell.column)
        if "item" in columns and ("no" in columns or "status" in columns):
            return int(row[0].row), columns
    raise InputError("no ledger header row (序号 … 整改任务/问题 … 状态) in the first rows of the sheet")


def open_ledger_sheet(path: Path) -> LedgerSheet:
    """Open a ledger workbook and locate its header and last data row."""
    try:
        workbook = load_workbook(path)
    except FileNotFoundError as exc:
        raise InputError(f"{path} does not exist") from exc
    except Exception as exc:  # openpyxl raises zipfile/KeyError/ValueError on damaged files
        raise CorruptInputError(f"{path} is not a readable .xlsx workbook ({exc})") from exc
    layout = xlsx_layout()
    sheet = workbook[layout.sheet] if layout.sheet in workbook.sheetnames else workbook.worksheets[0]
    header_row, columns = _find_header(sheet, layout)
    last = header_row
    for row_index in range(header_row + 1, sheet.max_row + 1):
        if any(sheet.cell(row=row_index, column=c).value not in (None, "") for c in columns.values()):
            last = row_index
    return LedgerSheet(workbook, sheet, header_row, columns, last)


def _heading(sheet: LedgerSheet, layout: XlsxLayout) -> tuple[str, str | None, str | None]:
    title, unit, date = "", None, None
    for row in sheet.sheet.iter_rows(min_row=1, max_row=sheet.header_row - 1):
        for cell in row:
            text = _cell_text(cell.value)
            if text is None:
                continue
            text = text.strip()
            if text.startswith(layout.unit_label):
                unit = text[len(layout.unit_label):].strip() or None
            elif text.startswith(layout.date_label):
                date = _cell_date(text[len(layout.date_label):], cell.coordinate)
            elif not title:
                title = text
    return title, unit, date


def _read_row(sheet: LedgerSheet, row_index: int, fallback_no: int) -> LedgerRow:
    ws, columns = sheet.sheet, sheet.columns

    def value(field: str) -> Any:
        column = columns.get(field)
        return None if column is None else ws.cell(row=row_index, column=column).value

    def where(field: str) -> str:
        return ws.cell(row=row_index, column=columns[field]).coordinate

    status = (_cell_text(value("status")) or STATUSES[0]).strip()
    if status not in STATUSES:
        raise InputError(f"cell {where('status')}: status {status!r} is not one of {'/'.join(STATUSES)}")
    key_text = _cell_text(value("source_key"))
    try:
        source_ref = SourceRef.from_dict(json.loads(key_text)) if key_text else SourceRef()
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"cell {where('source_key')}: damaged 来源编码 {key_text!r}") from exc
    number = value("no")
    try:
        no = int(number) if number not in (None, "") else fallback_no
    except (TypeError, ValueError) as exc:
        raise InputError(f"cell {where('no')}: 序号 {number!r} is not a number") from exc
    return LedgerRow(
        no=no,
        item=_cell_text(value("item")) or "",
        measures=_cell_text(value("measures")),
        owner_unit=_cell_text(value("owner_unit")),
        owner_person=_cell_text(value("owner_person")),
        deadline=_cell_date(value("deadline"), where("deadline")) if "deadline" in columns else None,
        status=status,
        progress=_cell_text(value("progress")),
        closed_on=_cell_date(value("closed_on"), where("closed_on")) if "closed_on" in columns else None,
        note=_cell_text(value("note")),
        category=_cell_text(value("category")),
        source_ref=source_ref,
    )


def _sources(sheet: LedgerSheet, layout: XlsxLayout) -> list[LedgerSource]:
    if layout.meta_sheet not in sheet.workbook.sheetnames:
        return []
    text = sheet.workbook[layout.meta_sheet]["B2"].value
    try:
        return [LedgerSource.from_dict(s) for s in json.loads(text or "[]")]
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"sheet {layout.meta_sheet!r} cell B2: damaged sources record") from exc


def ledger_from_sheet(sheet: LedgerSheet) -> Ledger:
    layout = xlsx_layout()
    title, unit, date = _heading(sheet, layout)
    rows: list[LedgerRow] = []
    for row_index in range(sheet.header_row + 1, sheet.last_data_row + 1):
        if all(sheet.sheet.cell(row=row_index, column=c).value in (None, "") for c in sheet.columns.values()):
            continue
        rows.append(_read_row(sheet, row_index, fallback_no=len(rows) + 1))
    return Ledger(title=title or layout.sheet, unit=unit, generated_on=date, sources=_sources(sheet, layout), rows=rows)


def read_ledger_xlsx(path: str | Path) -> Ledger:
    """A ledger XLSX (ours, possibly filled in by clerks) back to its ``docproc.ledger/1`` record."""
    return ledger_from_sheet(open_ledger_sheet(Path(path)))


@dataclass
class LedgerUpdate:
    """What :func:`update_ledger_xlsx` did: the rows it added, how many it kept, the merged ledger."""

    added: list[LedgerRow]
    kept: int
    ledger: Ledger
    data: bytes


def update_ledger_xlsx(path: str | Path, records: Sequence[Notice | Form]) -> LedgerUpdate:
    """Add the rows of ``records`` that the ledger does not hold yet (by 文号/file and task number).

    The clerk's workbook is edited in place in memory: old rows, their values and formatting, added
    columns and sheets are left as they are; new rows go under the last one, numbered on. The caller
    writes :attr:`LedgerUpdate.data` (atomically).
    """
    layout = xlsx_layout()
    sheet = open_ledger_sheet(Path(path))
    ledger = ledger_from_sheet(sheet)
    known = {row.source_ref.key() for row in ledger.rows if row.source_ref.task is not None}
    candidates: list[LedgerRow] = []
    for record in records:
        new_rows = rows_from_notice(record) if isinstance(record, Notice) else rows_from_form(record)
        candidates.extend(r for r in new_rows if r.source_ref.task is None or r.source_ref.key() not in known)
    start = max((row.no for row in ledger.rows), default=0) + 1
    added = number_rows(candidates, start=start)
    missing = [c for c in layout.columns if c.field not in sheet.columns]
    if added and missing:
        names = "、".join(c.header for c in missing)
        raise InputError(f"{path}: the ledger has no column {names}; new rows would lose those fields")
    first_new = sheet.last_data_row + 1
    for offset, row in enumerate(added):
        _write_row_in_place(sheet, first_new + offset, row, layout)
    if added:
        add_status_dropdown(sheet.sheet, first_new, first_new + len(added) - 1, layout)
    for record in records:
        source = LedgerSource(
            file=record.source.file,
            doc_number=record.doc_number if isinstance(record, Notice) else None,
            title=record.title,
        )
        if all(s.file != source.file or s.doc_number != source.doc_number for s in ledger.sources):
            ledger.sources.append(source)
    write_meta_sheet(sheet.workbook, ledger, layout)
    ledger.rows.extend(added)
    return LedgerUpdate(added=added, kept=len(ledger.rows) - len(added), ledger=ledger, data=workbook_bytes(sheet.workbook))


def _write_row_in_place(sheet: LedgerSheet, sheet_row: int, row: LedgerRow, layout: XlsxLayout) -> None:
    """Write a new row into the clerk's column order (they may have moved or added columns)."""
    scratch = Workbook()
    scratch_ws = scratch.active
    assert scratch_ws is not None
    write_ledger_row(scratch_ws, 1, row, layout)
    for column in layout.columns:
        source = scratch_ws.cell(row=1, column=layout.column_of(column.field))
        target = sheet.sheet.cell(row=sheet_row, column=sheet.columns[column.field])
        target.value = source.value
        target.data_type = source.data_type
        target.number_format = source.number_format
        target.font, target.border, target.alignment = copy(source.font), copy(source.border), copy(source.alignment)
        target.quotePrefix = source.quotePrefix
