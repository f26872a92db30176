"""Reading a filled-in XLSX ledger back, and adding rows to it without touching a clerk's edits.

Columns are found by their header text in any preset (序号, 整改任务/问题, 具体问题, 完成情况, 状态 …), so
a clerk may move columns or add their own; dates may be real date cells or text (2021-11-01,
2021/11/1, 2021年11月1日); a merged cell (方面, 内容) gives its value to every row it spans.
:func:`update_ledger_xlsx` opens the clerk's own workbook and appends the new rows under the old
ones, so every value, colour and comment the clerks put in stays as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from docproc.errors import CorruptInputError, InputError
from docproc.ledger.builder import drafts_of, number_rows
from docproc.ledger.drafts import finish, same_task
from docproc.ledger.presets import (
    PRESET_NAMES,
    Preset,
    field_of_header,
    get_preset,
    iso_date_of,
    parse_source_key,
    preset_of_fields,
    source_key_text,
)
from docproc.ledger.xlsx import (
    META_PRESET,
    META_SOURCES,
    add_status_dropdown,
    merge_hierarchy,
    set_text,
    workbook_bytes,
    write_ledger_row,
    write_meta_sheet,
    xlsx_style,
)
from docproc.model.form import Form
from docproc.model.ledger import (
    DATE_FIELDS,
    STATUSES,
    TEXT_FIELDS,
    Ledger,
    LedgerRow,
    LedgerSource,
    SourceRef,
)
from docproc.model.notice import Notice

_HEADER_SCAN_ROWS = 10


@dataclass
class LedgerSheet:
    """A ledger workbook opened for reading or updating: where its header and rows are."""

    workbook: Workbook
    sheet: Worksheet
    header_row: int
    columns: dict[str, int]  # field -> 1-based column
    last_data_row: int
    merged: dict[tuple[int, int], Any] = field(default_factory=dict)  # (row, column) -> merged value
    data_rows: list[int] = field(default_factory=list)  # sheet row of each ledger row read

    def value(self, row: int, column: int) -> Any:
        if (row, column) in self.merged:
            return self.merged[(row, column)]
        return self.sheet.cell(row=row, column=column).value


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
    iso = iso_date_of(str(value))
    if iso is None:
        raise InputError(f"cell {where}: {value!r} is not a date (write it as 2021-11-01)")
    return iso


def _find_header(ws: Worksheet) -> tuple[int, dict[str, int]]:
    for row in ws.iter_rows(min_row=1, max_row=_HEADER_SCAN_ROWS):
        columns: dict[str, int] = {}
        for cell in row:
            if isinstance(cell.value, str):
                name = field_of_header(cell.value)
                if name is not None and name not in columns:
                    columns[name] = int(cell.column)
        if "item" in columns and ("no" in columns or "status" in columns):
            return int(row[0].row), columns
    raise InputError("no ledger header row (序号 … 整改任务/问题 … 状态) in the first rows of the sheet")


def _merged_values(ws: Worksheet, header_row: int) -> dict[tuple[int, int], Any]:
    """Every cell under the header that a merged range covers, with the range's (top-left) value."""
    values: dict[tuple[int, int], Any] = {}
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= header_row:
            continue
        value = ws.cell(row=merged.min_row, column=merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                values[(row, column)] = value
    return values


def open_ledger_sheet(path: Path) -> LedgerSheet:
    """Open a ledger workbook and locate its header and last data row."""
    try:
        workbook = load_workbook(path)
    except FileNotFoundError as exc:
        raise InputError(f"{path} does not exist") from exc
    except Exception as exc:  # openpyxl raises zipfile/KeyError/ValueError on damaged files
        raise CorruptInputError(f"{path} is not a readable .xlsx workbook ({exc})") from exc
    style = xlsx_style()
    sheet = workbook[style.sheet] if style.sheet in workbook.sheetnames else workbook.worksheets[0]
    header_row, columns = _find_header(sheet)
    merged = _merged_values(sheet, header_row)
    last = header_row
    for row_index in range(header_row + 1, sheet.max_row + 1):
        if any(sheet.cell(row=row_index, column=c).value not in (None, "") for c in columns.values()):
            last = row_index
    return LedgerSheet(workbook, sheet, header_row, columns, last, merged)


def _heading(sheet: LedgerSheet) -> tuple[str, str | None, str | None]:
    style = xlsx_style()
    title, unit, date = "", None, None
    for row in sheet.sheet.iter_rows(min_row=1, max_row=sheet.header_row - 1):
        for cell in row:
            text = _cell_text(cell.value)
            if text is None:
                continue
            text = text.strip()
            if text.startswith(style.unit_label):
                unit = text[len(style.unit_label):].strip() or None
            elif text.startswith(style.date_label):
                date = _cell_date(text[len(style.date_label):], cell.coordinate)
            elif not title:
                title = text
    return title, unit, date


def _read_row(sheet: LedgerSheet, row_index: int, fallback_no: int) -> LedgerRow:
    ws, columns = sheet.sheet, sheet.columns

    def value(name: str) -> Any:
        column = columns.get(name)
        return None if column is None else sheet.value(row_index, column)

    def where(name: str) -> str:
        return ws.cell(row=row_index, column=columns[name]).coordinate

    status = (_cell_text(value("status")) or STATUSES[0]).strip()
    if status not in STATUSES:
        raise InputError(f"cell {where('status')}: status {status!r} is not one of {'/'.join(STATUSES)}")
    key_text = _cell_text(value("source_key"))
    try:
        source_ref, also_from = parse_source_key(key_text) if key_text else (SourceRef(), [])
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"cell {where('source_key')}: damaged 来源编码 {key_text!r}") from exc
    number = value("no")
    try:
        no = int(number) if number not in (None, "") else fallback_no
    except (TypeError, ValueError) as exc:
        raise InputError(f"cell {where('no')}: 序号 {number!r} is not a number") from exc
    texts: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        if name not in columns:
            texts[name] = None
        elif name in DATE_FIELDS:
            texts[name] = _cell_date(value(name), where(name))
        else:
            texts[name] = _cell_text(value(name))
    return LedgerRow(no=no, item=_cell_text(value("item")) or "", status=status, source_ref=source_ref,
                     also_from=also_from, **texts)


def _meta(sheet: LedgerSheet, cell: str) -> Any:
    name = xlsx_style().meta_sheet
    return sheet.workbook[name][cell].value if name in sheet.workbook.sheetnames else None


def _sources(sheet: LedgerSheet) -> list[LedgerSource]:
    text = _meta(sheet, META_SOURCES)
    try:
        return [LedgerSource.from_dict(s) for s in json.loads(text or "[]")]
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"sheet {xlsx_style().meta_sheet!r} cell {META_SOURCES}: damaged sources record") from exc


def _preset_name(sheet: LedgerSheet) -> str:
    name = _meta(sheet, META_PRESET)
    return name if name in PRESET_NAMES else preset_of_fields(sheet.columns)


def ledger_from_sheet(sheet: LedgerSheet) -> Ledger:
    title, unit, date = _heading(sheet)
    rows: list[LedgerRow] = []
    sheet.data_rows = []
    for row_index in range(sheet.header_row + 1, sheet.last_data_row + 1):
        if all(sheet.sheet.cell(row=row_index, column=c).value in (None, "") for c in sheet.columns.values()):
            continue
        rows.append(_read_row(sheet, row_index, fallback_no=len(rows) + 1))
        sheet.data_rows.append(row_index)
    return Ledger(title=title or xlsx_style().sheet, unit=unit, generated_on=date, sources=_sources(sheet),
                  rows=rows, preset=_preset_name(sheet))


def read_ledger_xlsx(path: str | Path) -> Ledger:
    """A ledger XLSX (ours, possibly filled in by clerks) back to its ``docproc.ledger/1`` record."""
    return ledger_from_sheet(open_ledger_sheet(Path(path)))


@dataclass
class LedgerUpdate:
    """What :func:`update_ledger_xlsx` did: the rows it added, how many it kept, the rows that gained a
    source (the same task in a new input), the merged ledger and the workbook's bytes."""

    added: list[LedgerRow]
    kept: int
    ledger: Ledger
    data: bytes
    sourced: list[LedgerRow] = field(default_factory=list)


def _add_sources(sheet: LedgerSheet, position: int, row: LedgerRow, refs: Sequence[SourceRef]) -> bool:
    """Record ``refs`` as more sources of the ledger's row ``position`` (its hidden 来源编码 and its 来源
    cell)."""
    known = {ref.key() for ref in row.source_refs()}
    new = [ref for ref in refs if ref.key() not in known]
    if not new or "source_key" not in sheet.columns:
        return False
    row.also_from.extend(new)
    row_index = sheet.data_rows[position]
    set_text(sheet.sheet.cell(row=row_index, column=sheet.columns["source_key"]), source_key_text(row))
    if "source" in sheet.columns:
        set_text(sheet.sheet.cell(row=row_index, column=sheet.columns["source"]), row.source_label())
    return True


def update_ledger_xlsx(path: str | Path, records: Sequence[Notice | Form]) -> LedgerUpdate:
    """Add the rows of ``records`` that the ledger does not hold yet.

    A task the ledger holds — by 文号/file and task number, or the same task from another document (a
    forwarding notice) — is not added again; a new document of it is recorded among the row's
    sources. The clerk's workbook is edited in place in memory: old rows, their values and formatting,
    added columns and sheets are left as they are; new rows go under the last one, numbered on, in the
    ledger's preset. The caller writes :attr:`LedgerUpdate.data` (atomically).
    """
    sheet = open_ledger_sheet(Path(path))
    ledger = ledger_from_sheet(sheet)
    preset = get_preset(ledger.preset)
    known = {ref.key() for row in ledger.rows for ref in row.source_refs() if ref.task is not None}
    fresh, sourced = [], []
    for draft in drafts_of(records):
        keys = {ref.key() for ref in draft.row.source_refs() if ref.task is not None}
        holder = next((i for i, r in enumerate(ledger.rows) if keys & {ref.key() for ref in r.source_refs()}
                       or same_task(r, draft.row)), None)
        if holder is None:
            fresh.append(draft)
        elif _add_sources(sheet, holder, ledger.rows[holder], draft.row.source_refs()):
            sourced.append(ledger.rows[holder])
    start = max((row.no for row in ledger.rows), default=0) + 1
    added = number_rows(finish(fresh, preset), start=start, seen=known)
    _append_rows(path, sheet, added, preset)
    for record in records:
        source = LedgerSource(
            file=record.source.file,
            doc_number=record.doc_number if isinstance(record, Notice) else None,
            title=record.title,
        )
        if all(s.file != source.file or s.doc_number != source.doc_number for s in ledger.sources):
            ledger.sources.append(source)
    write_meta_sheet(sheet.workbook, ledger)
    ledger.rows.extend(added)
    return LedgerUpdate(added=added, kept=len(ledger.rows) - len(added), ledger=ledger,
                        data=workbook_bytes(sheet.workbook), sourced=sourced)


def _append_rows(path: str | Path, sheet: LedgerSheet, added: list[LedgerRow], preset: Preset) -> None:
    if not added:
        return
    missing = [c for c in preset.columns if c.field not in sheet.columns]
    if missing:
        names = "、".join(c.header for c in missing)
        raise InputError(f"{path}: the ledger has no column {names}; new rows would lose those fields")
    first_new = sheet.last_data_row + 1
    for offset, row in enumerate(added):
        _write_row_in_place(sheet, first_new + offset, row, preset)
    merge_hierarchy(sheet.sheet, first_new, added, preset, sheet.columns)
    add_status_dropdown(sheet.sheet, sheet.columns["status"], first_new, first_new + len(added) - 1)


def _write_row_in_place(sheet: LedgerSheet, sheet_row: int, row: LedgerRow, preset: Preset) -> None:
    """Write a new row into the clerk's column order (they may have moved or added columns)."""
    scratch = Workbook()
    scratch_ws = scratch.active
    assert scratch_ws is not None
    write_ledger_row(scratch_ws, 1, row, preset)
    for column in preset.columns:
        source = scratch_ws.cell(row=1, column=preset.column_of(column.field))
        target = sheet.sheet.cell(row=sheet_row, column=sheet.columns[column.field])
        target.value = source.value
        target.data_type = source.data_type
        target.number_format = source.number_format
        target.font, target.border, target.alignment = copy(source.font), copy(source.border), copy(source.alignment)
        target.quotePrefix = source.quotePrefix
