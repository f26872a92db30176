"""A status report file: what an office head reads instead of the ledger's rows.

``docproc ledger status 台账.xlsx --on DATE -o report.{html,pdf,xlsx}`` writes one of:

- **HTML / PDF** (``templates/status.html.j2``, the PDF through WeasyPrint): the counts, the charts by
  status and by unit drawn by matplotlib as inline SVG (nothing is fetched), the table by unit, the
  overdue, due-soon and undated rows;
- **XLSX**: sheet 整改进展 with the counts by status and by unit and two native Excel bar charts over
  those cells (they stay live when the office edits a number), and one sheet each of overdue,
  due-soon and undated rows.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from docproc.errors import UsageError
from docproc.fileio import write_bytes_atomic
from docproc.ledger.status import StatusReport
from docproc.ledger.xlsx import BORDER, set_text, xlsx_style
from docproc.model.ledger import STATUSES, LedgerRow
from docproc.resources import templates_dir

REPORT_FORMATS: tuple[str, ...] = ("html", "pdf", "xlsx")
SUMMARY_SHEET = "整改进展"
STATUS_TABLE_ROW = 4  # header row of the by-status table
_ROW_LISTS = (("overdue", "逾期"), ("due_soon", "即将到期"), ("no_deadline", "未定时限"))


def report_format_of(path: Path) -> str:
    fmt = path.suffix.lstrip(".").lower()
    fmt = "html" if fmt == "htm" else fmt
    if fmt not in REPORT_FORMATS:
        raise UsageError(f"cannot tell the report format of {path.name}: use .html, .pdf or .xlsx")
    return fmt


def status_report_html(report: StatusReport) -> str:
    """The report page, charts inline."""
    from docproc.ledger.status_charts import by_status_chart, by_unit_chart, data_uri
    from docproc.ledger.templating import render_template_file

    context = {
        "report": report.to_dict(),
        "statuses": list(STATUSES),
        "charts": {"by_status": data_uri(by_status_chart(report)), "by_unit": data_uri(by_unit_chart(report))},
    }
    return render_template_file(templates_dir() / "status.html.j2", context, output="html")


def _bold_row(ws: Worksheet, row: int, values: list[Any]) -> None:
    fill = PatternFill("solid", fgColor=xlsx_style().header_fill)
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=column, value=value)
        cell.font, cell.fill, cell.border = Font(bold=True), fill, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _body_row(ws: Worksheet, row: int, values: list[Any]) -> None:
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=column)
        if isinstance(value, str):
            set_text(cell, value)
        else:
            cell.value = value
        cell.border = BORDER
        cell.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str))


def _bar_chart(title: str, data: Reference, labels: Reference, **kind: Any) -> BarChart:
    """A native bar chart of ``data`` (series by column, titled by its first row) over text ``labels``."""
    chart = BarChart()
    for name, value in kind.items():
        setattr(chart, name, value)
    chart.title = title
    chart.add_data(data, titles_from_data=True)
    for series in chart.series:  # the categories are text: a string reference, not openpyxl's numRef
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.title = "项数"
    return chart


def _summary_sheet(ws: Worksheet, report: StatusReport) -> None:
    set_text(ws["A1"], f"{report.title} 整改进展")
    ws["A1"].font = Font(size=14, bold=True)
    ws["A2"] = (f"截至 {report.on}：共 {report.total} 项，已完成/已销号 {report.finished} 项，逾期 {len(report.overdue)} 项，"
                f"{report.soon_days} 天内到期 {len(report.due_soon)} 项，未定时限 {len(report.no_deadline)} 项")
    top = STATUS_TABLE_ROW
    _bold_row(ws, top, ["状态", "项数"])
    for offset, status in enumerate(STATUSES, start=1):
        _body_row(ws, top + offset, [status, report.by_status.get(status, 0)])
    _body_row(ws, top + len(STATUSES) + 1, ["合计", report.total])
    status_chart = _bar_chart("整改事项状态分布", Reference(ws, min_col=2, min_row=top, max_row=top + len(STATUSES)),
                              Reference(ws, min_col=1, min_row=top + 1, max_row=top + len(STATUSES)), type="col")
    status_chart.legend = None
    status_chart.height, status_chart.width = 7, 12
    ws.add_chart(status_chart, "J4")

    unit_top = top + len(STATUSES) + 3
    _bold_row(ws, unit_top, ["责任单位", *STATUSES, "合计", "逾期"])
    for offset, unit in enumerate(report.by_unit, start=1):
        _body_row(ws, unit_top + offset, [unit.unit, *(unit.counts.get(s, 0) for s in STATUSES), unit.total, unit.overdue])
    last = unit_top + max(1, len(report.by_unit))
    unit_chart = _bar_chart("各责任单位整改完成情况",
                            Reference(ws, min_col=2, max_col=1 + len(STATUSES), min_row=unit_top, max_row=last),
                            Reference(ws, min_col=1, min_row=unit_top + 1, max_row=last),
                            type="bar", grouping="stacked", overlap=100)
    unit_chart.height, unit_chart.width = max(7, 1 + 0.7 * len(report.by_unit)), 16
    ws.add_chart(unit_chart, "J20")
    ws.column_dimensions["A"].width = 28
    for column in range(2, 4 + len(STATUSES)):
        ws.column_dimensions[get_column_letter(column)].width = 9


def _rows_sheet(ws: Worksheet, report: StatusReport, rows: list[LedgerRow], late: bool) -> None:
    _bold_row(ws, 1, ["序号", "整改任务/问题", "责任单位", "责任人", "责任领导", "整改时限", "逾期天数" if late else "剩余天数", "状态"])
    for offset, row in enumerate(rows, start=2):
        brief = report.brief(row)
        days = brief["days_left"]
        _body_row(ws, offset, [row.no, row.item, row.owner_unit or row.inspected_unit, row.owner_person, row.leader,
                               row.deadline, None if days is None else (-days if late else days), row.status])
    for column, width in zip("ABCDEFGH", (6, 40, 20, 10, 14, 12, 10, 10), strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A2"


def status_report_workbook(report: StatusReport) -> Workbook:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = SUMMARY_SHEET
    _summary_sheet(ws, report)
    for key, name in _ROW_LISTS:
        _rows_sheet(workbook.create_sheet(name), report, getattr(report, key), late=key == "overdue")
    return workbook


def status_report_bytes(report: StatusReport, fmt: str) -> bytes:
    """The report as the bytes of an ``html``, ``pdf`` or ``xlsx`` file."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        status_report_workbook(report).save(buffer)
        return buffer.getvalue()
    if fmt == "html":
        return status_report_html(report).encode("utf-8")
    if fmt == "pdf":
        from docproc.ledger.pdf import html_to_pdf

        return html_to_pdf(status_report_html(report), templates_dir() / "status.html.j2")
    raise UsageError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")


def write_status_report(report: StatusReport, path: str | Path) -> Path:
    """Write the report atomically in the format of the extension (.html, .pdf, .xlsx)."""
    target = Path(path)
    return write_bytes_atomic(target, status_report_bytes(report, report_format_of(target)))
