"""The built-in XLSX ledger, written with openpyxl in the columns of its preset.

Row 1 the title, row 2 填报单位/填报日期, row 3 the bold bordered header (frozen, repeated on every
printed page), then one row per ledger row: wrapped text, column widths, dates as real date cells,
a drop-down on 状态, and — in a preset with a problem hierarchy (inspection) — the 问题来源/方面/内容
cells of consecutive rows merged. The look (fonts, labels) is ``templates/ledger.xlsx.json``, the
columns ``templates/presets/<preset>.json``. A hidden 来源编码 column and a hidden ``docproc`` sheet
keep what reading the ledger back needs (each row's source references, the ledger's sources and
preset). Text that starts with ``= + - @`` is stored as text with Excel's quote prefix: it shows as
written and never runs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from docproc.ledger.presets import Preset, cell_values, get_preset, merge_spans
from docproc.ledger.templating import FORMULA_TRIGGERS
from docproc.model.ledger import DATE_FIELDS, SCHEMA_ID, STATUSES, Ledger, LedgerRow
from docproc.resources import templates_dir

HEADER_ROW = 3
FIRST_DATA_ROW = 4
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# Cells of the hidden docproc sheet.
META_SCHEMA, META_SOURCES, META_PRESET = "B1", "B2", "B3"


@dataclass(frozen=True)
class XlsxStyle:
    sheet: str
    meta_sheet: str
    title_font_size: float
    body_font_size: float
    font_name: str
    header_fill: str
    unit_label: str
    date_label: str
    status_rows_ahead: int


@lru_cache(maxsize=2)
def _style(folder: str) -> XlsxStyle:
    with (templates_dir() / "ledger.xlsx.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    return XlsxStyle(**{f.name: data[f.name] for f in fields(XlsxStyle)})


def xlsx_style() -> XlsxStyle:
    return _style(str(templates_dir()))


def set_text(cell: Cell, value: str | None) -> None:
    """Store text as text: a leading ``= + - @`` gets Excel's quote prefix instead of becoming a formula."""
    if value is None or value == "":
        cell.value = None
        return
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True


def _set_date(cell: Cell, iso: str | None) -> None:
    if not iso:
        cell.value = None
        return
    cell.value = dt.date.fromisoformat(iso)
    cell.number_format = "yyyy-mm-dd"


def write_ledger_row(ws: Worksheet, sheet_row: int, row: LedgerRow, preset: Preset) -> None:
    """One styled ledger row at ``sheet_row`` (used for new ledgers and for rows added by update)."""
    style = xlsx_style()
    values = cell_values(row)
    body_font = Font(name=style.font_name, size=style.body_font_size)
    for index, column in enumerate(preset.columns, start=1):
        cell = ws.cell(row=sheet_row, column=index)
        value = values.get(column.field)
        if column.field in DATE_FIELDS:
            _set_date(cell, value)
        elif column.field == "no":
            cell.value = int(str(value))
        else:
            set_text(cell, None if value is None else str(value))
        cell.font = body_font
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal=column.align)


def merge_hierarchy(ws: Worksheet, first_row: int, rows: Sequence[LedgerRow], preset: Preset,
                    columns: dict[str, int] | None = None) -> None:
    """Merge the cells of the preset's merged columns (问题来源 → 方面 → 内容) over runs of equal values;
    ``columns`` gives each field's sheet column when it is not the preset's own position."""
    for offset, spans in enumerate(merge_spans(rows, preset)):
        for field, span in spans.items():
            if span > 1:
                column = (columns or {}).get(field) or preset.column_of(field)
                ws.merge_cells(start_row=first_row + offset, start_column=column,
                               end_row=first_row + offset + span - 1, end_column=column)


def add_status_dropdown(ws: Worksheet, column: int, first_row: int, last_row: int) -> None:
    """The 状态 drop-down (未开始/整改中/已完成/已销号) over rows ``first_row..last_row`` of ``column``."""
    letter = get_column_letter(column)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="状态",
        error="请从下拉列表选择：" + "、".join(STATUSES),
    )
    ws.add_data_validation(validation)
    validation.add(f"{letter}{first_row}:{letter}{last_row}")


def write_meta_sheet(workbook: Workbook, ledger: Ledger) -> None:
    """The hidden ``docproc`` sheet: schema id, the ledger's sources as JSON, its preset."""
    style = xlsx_style()
    if style.meta_sheet in workbook.sheetnames:
        del workbook[style.meta_sheet]
    meta = workbook.create_sheet(style.meta_sheet)
    meta.sheet_state = "hidden"
    meta["A1"], meta[META_SCHEMA] = "schema", SCHEMA_ID
    meta["A2"] = "sources"
    set_text(meta[META_SOURCES], json.dumps([s.to_dict() for s in ledger.sources], ensure_ascii=False))
    meta["A3"], meta[META_PRESET] = "preset", ledger.preset


def _write_heading(ws: Worksheet, ledger: Ledger, preset: Preset) -> None:
    style = xlsx_style()
    last_letter = get_column_letter(len(preset.visible))
    split = max(2, len(preset.visible) // 2)
    set_text(ws["A1"], ledger.title)
    ws["A1"].font = Font(name=style.font_name, size=style.title_font_size, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last_letter}1")
    ws.row_dimensions[1].height = 30
    set_text(ws["A2"], style.unit_label + (ledger.unit or ""))
    ws.merge_cells(f"A2:{get_column_letter(split)}2")
    date_cell = ws.cell(row=2, column=split + 1)
    set_text(date_cell, style.date_label + (ledger.generated_on or ""))
    date_cell.alignment = Alignment(horizontal="right")
    ws.merge_cells(f"{date_cell.coordinate}:{last_letter}2")
    header_font = Font(name=style.font_name, size=style.body_font_size, bold=True)
    fill = PatternFill("solid", fgColor=style.header_fill)
    for index, column in enumerate(preset.columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=index, value=column.header)
        cell.font, cell.fill, cell.border = header_font, fill, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        dimension.hidden = column.hidden


def _print_setup(ws: Worksheet, last_row: int) -> None:
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ws.max_column)}{max(last_row, HEADER_ROW)}"


def ledger_to_workbook(ledger: Ledger) -> Workbook:
    """The styled ledger workbook (not yet saved), in the columns of ``ledger.preset``."""
    style = xlsx_style()
    preset = get_preset(ledger.preset)
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = style.sheet
    _write_heading(ws, ledger, preset)
    for offset, row in enumerate(ledger.rows):
        write_ledger_row(ws, FIRST_DATA_ROW + offset, row, preset)
    merge_hierarchy(ws, FIRST_DATA_ROW, ledger.rows, preset)
    last_row = FIRST_DATA_ROW + len(ledger.rows) - 1
    add_status_dropdown(ws, preset.column_of("status"), FIRST_DATA_ROW, last_row + style.status_rows_ahead)
    _print_setup(ws, last_row)
    write_meta_sheet(workbook, ledger)
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_xlsx(ledger: Ledger) -> bytes:
    return workbook_bytes(ledger_to_workbook(ledger))
