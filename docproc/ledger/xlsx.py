"""The built-in XLSX ledger, written with openpyxl after ``templates/ledger.xlsx.json``.

Row 1 the title, row 2 填报单位/填报日期, row 3 the bold bordered header (frozen, repeated on every
printed page), then one row per ledger row: wrapped text, column widths, dates as real date cells,
a drop-down on 状态. A hidden 来源编码 column and a hidden ``docproc`` sheet keep what reading the
ledger back needs (each row's source reference, the ledger's sources). Text that starts with
``= + - @`` is stored as text with Excel's quote prefix: it shows as written and never runs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from docproc.ledger.templating import FORMULA_TRIGGERS
from docproc.model.ledger import SCHEMA_ID, STATUSES, Ledger, LedgerRow
from docproc.resources import templates_dir

HEADER_ROW = 3
FIRST_DATA_ROW = 4
DATE_FIELDS = frozenset({"deadline", "closed_on"})
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class XlsxColumn:
    field: str
    header: str
    width: float
    hidden: bool = False


@dataclass(frozen=True)
class XlsxLayout:
    sheet: str
    meta_sheet: str
    title_font_size: float
    body_font_size: float
    font_name: str
    header_fill: str
    unit_label: str
    date_label: str
    status_rows_ahead: int
    columns: tuple[XlsxColumn, ...]

    def column_of(self, field: str) -> int:
        """1-based column index of a field in the built-in layout."""
        for index, column in enumerate(self.columns, start=1):
            if column.field == field:
                return index
        raise KeyError(field)

    def field_of_header(self, header: str) -> str | None:
        text = "".join(header.split())
        for column in self.columns:
            if column.header == text:
                return column.field
        return None


@lru_cache(maxsize=1)
def xlsx_layout() -> XlsxLayout:
    path = templates_dir() / "ledger.xlsx.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    columns = tuple(
        XlsxColumn(c["field"], c["header"], float(c["width"]), bool(c.get("hidden", False)))
        for c in data["columns"]
    )
    keys = {f for f in XlsxLayout.__dataclass_fields__ if f != "columns"}
    return XlsxLayout(columns=columns, **{k: data[k] for k in keys})


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


def row_values(row: LedgerRow) -> dict[str, Any]:
    """The cell value of every layout field for one ledger row."""
    return row.to_dict() | {
        "source": row.source_ref.label(),
        "source_key": json.dumps(row.source_ref.to_dict(), ensure_ascii=False, separators=(",", ":")),
    }


def write_ledger_row(ws: Worksheet, sheet_row: int, row: LedgerRow, layout: XlsxLayout) -> None:
    """One styled ledger row at ``sheet_row`` (used for new ledgers and for rows added by update)."""
    values = row_values(row)
    body_font = Font(name=layout.font_name, size=layout.body_font_size)
    for index, column in enumerate(layout.columns, start=1):
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
        centred = column.field in DATE_FIELDS or column.field in {"no", "status"}
        cell.alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="center" if centred else "left"
        )


def add_status_dropdown(ws: Worksheet, first_row: int, last_row: int, layout: XlsxLayout) -> None:
    """The 状态 drop-down (未开始/整改中/已完成/已销号) over rows ``first_row..last_row``."""
    letter = get_column_letter(layout.column_of("status"))
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


def write_meta_sheet(workbook: Workbook, ledger: Ledger, layout: XlsxLayout) -> None:
    """The hidden ``docproc`` sheet: schema id and the ledger's sources as JSON."""
    if layout.meta_sheet in workbook.sheetnames:
        del workbook[layout.meta_sheet]
    meta = workbook.create_sheet(layout.meta_sheet)
    meta.sheet_state = "hidden"
    meta["A1"], meta["B1"] = "schema", SCHEMA_ID
    meta["A2"] = "sources"
    set_text(meta["B2"], json.dumps([s.to_dict() for s in ledger.sources], ensure_ascii=False))


def _write_heading(ws: Worksheet, ledger: Ledger, layout: XlsxLayout) -> None:
    visible = [c for c in layout.columns if not c.hidden]
    last_letter = get_column_letter(len(visible))
    split = max(2, len(visible) // 2)
    set_text(ws["A1"], ledger.title)
    ws["A1"].font = Font(name=layout.font_name, size=layout.title_font_size, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last_letter}1")
    ws.row_dimensions[1].height = 30
    set_text(ws["A2"], layout.unit_label + (ledger.unit or ""))
    ws.merge_cells(f"A2:{get_column_letter(split)}2")
    date_cell = ws.cell(row=2, column=split + 1)
    set_text(date_cell, layout.date_label + (ledger.generated_on or ""))
    date_cell.alignment = Alignment(horizontal="right")
    ws.merge_cells(f"{date_cell.coordinate}:{last_letter}2")
    header_font = Font(name=layout.font_name, size=layout.body_font_size, bold=True)
    fill = PatternFill("solid", fgColor=layout.header_fill)
    for index, column in enumerate(layout.columns, start=1):
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
    """The styled ledger workbook (not yet saved)."""
    layout = xlsx_layout()
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = layout.sheet
    _write_heading(ws, ledger, layout)
    for offset, row in enumerate(ledger.rows):
        write_ledger_row(ws, FIRST_DATA_ROW + offset, row, layout)
    last_row = FIRST_DATA_ROW + len(ledger.rows) - 1
    add_status_dropdown(ws, FIRST_DATA_ROW, last_row + layout.status_rows_ahead, layout)
    _print_setup(ws, last_row)
    write_meta_sheet(workbook, ledger, layout)
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_xlsx(ledger: Ledger) -> bytes:
    return workbook_bytes(ledger_to_workbook(ledger))
