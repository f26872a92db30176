"""The index as an 归档文件目录 (DA/T 22-2015 文书档案): XLSX or CSV, one row per document.

Columns: 序号, 档号, 文号, 责任者, 题名, 日期 (YYYYMMDD), 密级, 页数, 备注. The index knows no
档号 (全宗号-年度-保管期限-件号 is given by the archive office), so that column is left for the
clerk; 备注 holds the path of the original file. Text read from scans is untrusted: no cell may
start a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from docproc.index.records import CatalogueEntry

CATALOGUE_COLUMNS = ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
_COLUMN_WIDTHS = (6, 18, 22, 30, 60, 10, 6, 6, 50)


def archive_date(iso_date: str | None) -> str:
    """``2021-09-26`` → ``20210926`` (DA/T 22 writes 日期 as eight digits); partial dates as given."""
    if not iso_date:
        return ""
    return iso_date.replace("-", "")


def catalogue_rows(entries: Iterable[CatalogueEntry]) -> list[list[str | int]]:
    """The catalogue rows in order, 序号 from 1."""
    rows: list[list[str | int]] = []
    for number, entry in enumerate(entries, start=1):
        rows.append([
            number,
            "",
            entry.doc_number or "",
            "、".join(entry.issuers),
            entry.title or "",
            archive_date(entry.issue_date),
            entry.secrecy or "",
            entry.pages,
            entry.path,
        ])
    return rows


def _safe(value: str | int) -> str | int:
    from docproc.ledger.templating import neutralise_formula

    return neutralise_formula(value) if isinstance(value, str) else value


def catalogue_csv(entries: Iterable[CatalogueEntry]) -> str:
    """The catalogue as CSV text (UTF-8 with a BOM when written, so spreadsheet programs read it)."""
    return catalogue_csv_from_rows(catalogue_rows(entries))


def write_catalogue(entries: Iterable[CatalogueEntry], output: Path, output_format: str) -> int:
    """Write the catalogue as ``xlsx`` or ``csv`` to ``output`` atomically; returns the row count."""
    from docproc.fileio import write_bytes_atomic

    rows = catalogue_rows(entries)
    if output_format == "csv":
        data = ("\ufeff" + catalogue_csv_from_rows(rows)).encode("utf-8")
    else:
        data = _xlsx_bytes(rows)
    write_bytes_atomic(output, data)
    return len(rows)


def catalogue_csv_from_rows(rows: list[list[str | int]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CATALOGUE_COLUMNS)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return buffer.getvalue()


def _xlsx_bytes(rows: list[list[str | int]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "归档文件目录"
    sheet.append(list(CATALOGUE_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for row in rows:
        sheet.append([_safe(v) for v in row])
    for index, width in enumerate(_COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.number_format = "@" if cell.column != 1 and cell.column != 8 else "General"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
