"""`ledger status`: the typed report (counts add up to the rows) and its HTML, PDF and XLSX files with
charts — inline SVG in the page, native bar charts over the counts in the workbook."""

from __future__ import annotations

import base64
import datetime as dt
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.ledger import build_ledger, ledger_status, read_ledger_xlsx, write_ledger
from docproc.ledger.status import NO_UNIT, StatusReport
from docproc.ledger.status_charts import MAX_UNITS, chart_units
from docproc.ledger.status_report import write_status_report
from docproc.model.ledger import Ledger
from tests.ledger.conftest import gold_notice, ledger_fixture_notice
from tests.ledger.test_outputs import _TableCells

ON = dt.date(2023, 10, 1)
# (row, 状态, 整改时限 written by a clerk or None to keep the notice's)
CLERK = {1: ("已完成", None), 2: ("整改中", "2023-09-20"), 3: ("整改中", None), 4: ("已销号", None),
         6: ("整改中", "2023-10-05")}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    """The forwarded plan (4 rows), deqing (4 rows with owners) and seed-001 (15 rows without owners or
    deadlines), with statuses a clerk set, read back from the XLSX."""
    records = [ledger_fixture_notice("forwarded-plan/plan.notice.json"), ledger_fixture_notice("forwarded-plan/forward.notice.json"),
               gold_notice("owners-deadlines-deqing"), gold_notice("seed-001")]
    path = write_ledger(build_ledger(records, date="2023-06-20"), tmp_path_factory.mktemp("status") / "台账.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["整改台账"]
    for no, (status, deadline) in CLERK.items():
        ws[f"I{3 + no}"] = status
        if deadline:
            ws[f"G{3 + no}"] = deadline
    workbook.save(path)
    return read_ledger_xlsx(path)


@pytest.fixture(scope="module")
def report(ledger: Ledger) -> StatusReport:
    return ledger_status(ledger, ON)


def test_counts_add_up_to_the_rows(ledger: Ledger, report: StatusReport) -> None:
    assert report.total == len(ledger.rows) == 23
    assert report.by_status == {"未开始": 18, "整改中": 3, "已完成": 1, "已销号": 1}
    # rows 1, 3, 4 (plan and forward) and 7, 8 (deqing) are 县司法局's; 2 and 5 县市场监管局's, 6 县住建局's
    assert [(u.unit, u.counts, u.overdue) for u in report.by_unit] == [
        (NO_UNIT, {"未开始": 15, "整改中": 0, "已完成": 0, "已销号": 0}, 0),
        ("县司法局", {"未开始": 2, "整改中": 1, "已完成": 1, "已销号": 1}, 0),
        ("县市场监管局", {"未开始": 1, "整改中": 1, "已完成": 0, "已销号": 0}, 2),
        ("县住建局", {"未开始": 0, "整改中": 1, "已完成": 0, "已销号": 0}, 0),
    ]
    assert sum(u.total for u in report.by_unit) == report.total
    assert [r.no for r in report.overdue] == [5, 2]  # oldest deadline first: deqing's 2023-06-30, the clerk's 2023-09-20
    assert [r.no for r in report.due_soon] == [6]
    assert (len(report.no_deadline), report.finished, report.open_later) == (16, 2, 2)
    assert len(report.overdue) + len(report.due_soon) + len(report.no_deadline) + report.finished + report.open_later == 23


def test_units_past_the_chart_limit_are_one_bar() -> None:
    from docproc.ledger.status import UnitProgress

    report = StatusReport(on="2023-10-01", soon_days=7)
    report.by_unit = [UnitProgress(f"单位{i}", {"未开始": 20 - i, "整改中": 0, "已完成": 1, "已销号": 0}, 1) for i in range(15)]
    bars = chart_units(report)
    assert len(bars) == MAX_UNITS
    assert bars[-1].unit == "其他（4个单位）"
    assert bars[-1].counts == {"未开始": 9 + 8 + 7 + 6, "整改中": 0, "已完成": 4, "已销号": 0} and bars[-1].overdue == 4


def _svgs(html: str) -> list[ElementTree.Element]:
    uris = re.findall(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', html)
    return [ElementTree.fromstring(base64.b64decode(u)) for u in uris]


def test_html_report_has_both_charts_inline_and_the_counts(report: StatusReport, tmp_path: Path) -> None:
    html = write_status_report(report, tmp_path / "report.html").read_text(encoding="utf-8")
    charts = _svgs(html)
    assert [c.tag for c in charts] == ["{http://www.w3.org/2000/svg}svg"] * 2
    assert "http://" not in html.replace("http://www.w3.org", "")  # nothing to fetch
    parser = _TableCells()
    parser.feed(html)
    tables = parser.rows
    assert tables[0] == ["未开始", "整改中", "已完成", "已销号", "合计"]
    assert tables[1] == ["18", "3", "1", "1", "23"]
    assert tables[2][0] == "责任单位"
    assert tables[3:7] == [[NO_UNIT, "15", "0", "0", "0", "15", "0%", "0"], ["县司法局", "2", "1", "1", "1", "5", "40%", "0"],
                           ["县市场监管局", "1", "1", "0", "0", "2", "0%", "2"], ["县住建局", "0", "1", "0", "0", "1", "0%", "0"]]
    overdue = tables[tables.index(["序号", "整改任务/问题", "责任单位", "责任人", "整改时限", "逾期", "状态"]) + 1:][:2]
    assert overdue == [["5", "推进企业开办“一件事”改革", "县市场监管局、县公安局、县税务局、县人力社保局", "", "2023-06-30", "93 天", "未开始"],
                       ["2", "规范涉企行政检查", "县市场监管局", "", "2023-09-20", "11 天", "整改中"]]


def test_pdf_report_draws_the_charts(report: StatusReport, tmp_path: Path) -> None:
    import numpy as np
    import pdfplumber
    import pypdfium2

    path = write_status_report(report, tmp_path / "report.pdf")
    with pdfplumber.open(path) as pdf:
        first = pdf.pages[0]
        text = "".join((first.extract_text() or "").split())
        vectors = len(first.curves) + len(first.rects)
    assert "整改事项状态分布（共23项）" in text and "各责任单位整改完成情况" in text
    assert vectors > 100  # the bars, axes and path glyphs of two charts
    document = pypdfium2.PdfDocument(str(path))
    try:
        pixels = np.asarray(document[0].render(scale=60 / 72).to_pil().convert("L"))
    finally:
        document.close()
    assert 0.01 < float((pixels < 128).mean()) < 0.5


def test_xlsx_report_has_native_charts_over_the_counts(report: StatusReport, tmp_path: Path) -> None:
    path = write_status_report(report, tmp_path / "report.xlsx")
    with zipfile.ZipFile(path) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        xml = {n: archive.read(n).decode("utf-8") for n in charts}
    assert charts == ["xl/charts/chart1.xml", "xl/charts/chart2.xml"]
    workbook = openpyxl.load_workbook(path)
    ws = workbook["整改进展"]

    def cells(ref: str) -> list[object]:
        sheet, area = ref.split("!")
        return [c.value for row in workbook[sheet.strip("'")][area.replace("$", "")] for c in row]

    status_values = re.findall(r"<val><numRef><f>([^<]+)</f>", xml["xl/charts/chart1.xml"])
    assert [cells(v) for v in status_values] == [[18, 3, 1, 1]]
    assert cells(re.findall(r"<cat><strRef><f>([^<]+)</f>", xml["xl/charts/chart1.xml"])[0]) == ["未开始", "整改中", "已完成", "已销号"]
    unit_values = [cells(v) for v in re.findall(r"<val><numRef><f>([^<]+)</f>", xml["xl/charts/chart2.xml"])]
    assert sum(map(sum, unit_values)) == report.total  # type: ignore[arg-type]
    assert '<grouping val="stacked"' in xml["xl/charts/chart2.xml"]
    assert [ws.cell(row=r, column=1).value for r in range(12, 16)] == [NO_UNIT, "县司法局", "县市场监管局", "县住建局"]
    assert [[c.value for c in row] for row in workbook["逾期"].iter_rows(min_row=2, max_col=2)] == [
        [5, "推进企业开办“一件事”改革"], [2, "规范涉企行政检查"]]
    assert workbook["即将到期"]["G2"].value == 4


def test_cli_writes_the_report_and_refuses_what_it_cannot_write(ledger: Ledger, tmp_path: Path) -> None:
    source = write_ledger(ledger, tmp_path / "台账.xlsx")
    out = tmp_path / "进展.xlsx"
    result = CliRunner().invoke(main, ["ledger", "status", str(source), "--on", "2023-10-01", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "2023-10-01：逾期 2 项，7 天内到期 1 项，未定时限 16 项，已完成/已销号 2 项"
    assert f"{out}: 23 rows, charts by status and by unit" in result.stderr
    assert openpyxl.load_workbook(out)["整改进展"]["B9"].value == 23
    bad = CliRunner().invoke(main, ["ledger", "status", str(source), "-o", str(tmp_path / "进展.docx")])
    assert bad.exit_code == 1 and "cannot tell the report format of 进展.docx" in bad.stderr
    same = CliRunner().invoke(main, ["ledger", "status", str(source), "-o", str(source.with_suffix(".xlsx"))])
    assert same.exit_code != 0 and source.stat().st_size > 0
