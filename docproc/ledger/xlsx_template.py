"""An office's own XLSX ledger layout (``--template our.xlsx``).

The template is an ordinary workbook styled in Excel. Cells hold Jinja expressions: heading cells
use ``{{ ledger.title }}``, ``{{ ledger.unit }}``, ``{{ ledger.generated_on }}``; one row — the row
template — uses ``{{ row.no }}``, ``{{ row.item }}`` … and is repeated for every ledger row with its
styles. Expressions render in the sandboxed strict environment: a wrong field fails with one line
naming the field and the cell (``our.xlsx cell C4: unknown field 'row.ownr'``). Rendered text is
stored as text (a leading ``= + - @`` never becomes a formula).
"""

from __future__ import annotations

from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from docproc.errors import TemplateError
from docproc.ledger.context import template_context
from docproc.ledger.templating import render_string
from docproc.ledger.xlsx import set_text, workbook_bytes
from docproc.model.ledger import Ledger


def _is_template(value: Any) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value)


def _row_template_index(ws: Worksheet) -> int | None:
    for row in ws.iter_rows():
        if any(_is_template(c.value) and "row." in str(c.value) for c in row):
            return int(row[0].row)
    return None


def _render_cell(source: str, cell: Cell, target: Cell, context: dict[str, Any], where: str) -> None:
    text = render_string(source, context, lambda: f"{where} cell {cell.coordinate}")
    set_text(target, text)


def _copy_style(source: Cell, target: Cell) -> None:
    if source.has_style:
        target.font, target.border = copy(source.font), copy(source.border)
        target.fill, target.alignment = copy(source.fill), copy(source.alignment)
        target.number_format, target.protection = source.number_format, copy(source.protection)


def render_xlsx_template(ledger: Ledger, template: Path) -> bytes:
    """Fill ``template`` with the ledger: heading cells rendered, the row template repeated per row."""
    if not template.is_file():
        raise TemplateError(f"template {template} does not exist")
    try:
        workbook = load_workbook(template)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/ValueError on damaged files
        raise TemplateError(f"template {template.name} is not a readable .xlsx workbook ({exc})") from exc
    context = template_context(ledger)
    found_rows = False
    for ws in workbook.worksheets:
        row_index = _row_template_index(ws)
        where = f"{template.name} {ws.title!r}"
        if row_index is not None:
            found_rows = True
            # (cell, its template text) taken before the first filled row overwrites the template row
            template_cells = [(cell, cell.value) for cell in ws[row_index]]
            extra = len(context["rows"]) - 1
            if extra > 0:
                ws.insert_rows(row_index + 1, extra)
            elif extra < 0:
                ws.delete_rows(row_index, 1)
            for offset, row in enumerate(context["rows"]):
                row_context = context | {"row": row, "loop_index": offset + 1}
                for cell, value in template_cells:
                    target = ws.cell(row=row_index + offset, column=int(cell.column))
                    _copy_style(cell, target)
                    if _is_template(value):
                        _render_cell(str(value), cell, target, row_context, where)
                    elif offset > 0:
                        target.value = value
        # The filled rows hold document text, which is never rendered as a template itself.
        filled = range(0) if row_index is None else range(row_index, row_index + len(context["rows"]))
        for row in ws.iter_rows():
            for cell in row:
                if _is_template(cell.value) and int(cell.row) not in filled:
                    _render_cell(str(cell.value), cell, cell, context, where)
    if not found_rows:
        raise TemplateError(f"{template.name}: no row uses {{{{ row.… }}}} fields; put one row template in the sheet")
    return workbook_bytes(workbook)
