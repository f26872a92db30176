"""A form's tables as CSV and XLSX: the grid as printed, a merged cell's text in its top-left corner."""

from __future__ import annotations

import csv
import io

from docproc.model.document import Table
from docproc.model.form import Form


def table_grid(table: Table) -> list[list[str]]:
    """Rows x columns of text; the positions a merged cell covers beyond its first stay empty."""
    grid = [["" for _ in range(table.n_cols)] for _ in range(table.n_rows)]
    for cell in table.cells:
        if 0 <= cell.row < table.n_rows and 0 <= cell.col < table.n_cols:
            grid[cell.row][cell.col] = cell.text
    return grid


def form_csv(form: Form) -> str:
    """Every table of the form as CSV, tables separated by one empty row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for index, table in enumerate(form.tables):
        if index:
            writer.writerow([])
        writer.writerows(table_grid(table))
    return buffer.getvalue()


def form_xlsx(form: Form) -> bytes:
    """An XLSX workbook: one sheet per table (表1, 表2 …), merged cells merged again."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for index, table in enumerate(form.tables, start=1):
        sheet = workbook.create_sheet(f"表{index}")
        for cell in table.cells:
            target = sheet.cell(row=cell.row + 1, column=cell.col + 1, value=cell.text)
            target.alignment = Alignment(wrap_text=True, vertical="center")
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(start_row=cell.row + 1, start_column=cell.col + 1,
                                  end_row=cell.row + cell.rowspan, end_column=cell.col + cell.colspan)
    if not form.tables:
        workbook.create_sheet("表1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
