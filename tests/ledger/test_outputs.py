"""Every output format opened with its own library: rows and cells of the seed ledgers."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from docproc.ledger import build_ledger, write_ledger
from docproc.model.ledger import Ledger
from docproc.model.notice import Notice

FIRST_MEASURES = "严格落实《辽宁省行政执法程序规定》，依法开展行政执法活动"


@pytest.fixture(scope="module")
def ledger(seed000_notice: Notice, seed001_notice: Notice) -> Ledger:
    return build_ledger([seed000_notice, seed001_notice], unit="沈阳市司法局", date="2021-10-08",
                        title="助企护企与执法规范化整改台账")


@pytest.fixture(scope="module")
def outputs(ledger: Ledger, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ledger")
    return {fmt: write_ledger(ledger, folder / f"台账.{fmt}") for fmt in ("xlsx", "docx", "html", "pdf", "md", "csv")}


def test_xlsx_cells_styles_and_print_setup(outputs: dict[str, Path]) -> None:
    import openpyxl

    ws = openpyxl.load_workbook(outputs["xlsx"])["整改台账"]
    assert ws["A1"].value == "助企护企与执法规范化整改台账"
    assert ws["A2"].value == "填报单位：沈阳市司法局"
    assert [c.value for c in ws[3]][:12] == ["序号", "所属类别", "整改任务/问题", "整改措施", "责任单位", "责任人",
                                             "整改时限", "完成情况", "状态", "销号情况", "备注", "来源"]
    assert ws["A4"].value == 1
    assert ws["C4"].value == "规范行政执法程序"
    assert str(ws["D4"].value).startswith(FIRST_MEASURES)
    assert ws["G4"].value.date().isoformat() == "2021-12-20"
    assert ws["G4"].number_format == "yyyy-mm-dd"
    assert ws["I4"].value == "未开始"
    assert ws["L4"].value == "沈法治发〔2021〕7号 （二）3"
    assert ws["C15"].value == "加强行政执法人员管理" and ws["G15"].value is None
    assert ws.max_row == 3 + 26
    assert ws["A3"].font.b and ws["A3"].border.left.style == "thin"
    assert ws["D4"].alignment.wrap_text
    assert ws.column_dimensions["D"].width == 48
    assert ws.column_dimensions["M"].hidden
    assert ws.freeze_panes == "A4"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    validations = ws.data_validations.dataValidation
    assert [v.formula1 for v in validations] == ['"未开始,整改中,已完成,已销号"']
    assert "I4" in validations[0].sqref and "I29" in validations[0].sqref


def test_docx_table_rows(outputs: dict[str, Path]) -> None:
    import docx

    document = docx.Document(str(outputs["docx"]))
    assert document.paragraphs[0].text == "助企护企与执法规范化整改台账"
    assert "填报单位：沈阳市司法局" in document.paragraphs[1].text
    assert "填报日期：2021-10-08" in document.paragraphs[1].text
    table = document.tables[0]
    assert len(table.rows) == 1 + 26
    assert [c.text for c in table.rows[0].cells][:4] == ["序号", "所属类别", "整改任务/问题", "整改措施"]
    first = [c.text for c in table.rows[1].cells]
    assert first[0] == "1" and first[2] == "规范行政执法程序" and first[3].startswith(FIRST_MEASURES)
    assert first[6] == "2021-12-20" and first[8] == "未开始"
    assert [c.text for c in table.rows[26].cells][2] == "落实行政执法过错责任追究制度"
    assert document.sections[0].page_width > document.sections[0].page_height


def test_pdf_is_a4_landscape_with_the_rows_and_the_header_on_every_page(outputs: dict[str, Path]) -> None:
    import pdfplumber

    rows: list[list[str]] = []
    with pdfplumber.open(outputs["pdf"]) as pdf:
        first = pdf.pages[0]
        assert (round(first.width), round(first.height)) == (842, 595)
        heading = "".join((first.extract_text() or "").split())
        for page in pdf.pages:
            tables = page.extract_tables()
            assert len(tables) == 1
            header, *body = ([("" if c is None else "".join(c.split())) for c in row] for row in tables[0])
            assert header[:3] == ["序号", "所属类别", "整改任务/问题"]
            rows.extend(body)
    assert heading.startswith("助企护企与执法规范化整改台账填报单位：沈阳市司法局填报日期：2021-10-08")
    assert [int(r[0]) for r in rows] == list(range(1, 27))
    assert rows[0][1:3] == ["严格规范执法“援企”", "规范行政执法程序"]
    assert rows[0][3].startswith(FIRST_MEASURES)
    assert rows[0][6] == "2021-12-20" and rows[0][8] == "未开始"
    assert rows[11][2] == "加强行政执法人员管理" and rows[11][6] == ""
    assert rows[25][2] == "落实行政执法过错责任追究制度"


class _TableCells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_html_table(outputs: dict[str, Path]) -> None:
    parser = _TableCells()
    html = outputs["html"].read_text(encoding="utf-8")
    parser.feed(html)
    assert "size: A4 landscape" in html
    assert len(parser.rows) == 27
    assert parser.rows[0][:3] == ["序号", "所属类别", "整改任务/问题"]
    assert parser.rows[1][:3] == ["1", "严格规范执法“援企”", "规范行政执法程序"]
    assert parser.rows[1][6] == "2021-12-20"
    assert parser.rows[1][11] == "沈法治发〔2021〕7号 （二）3"


def test_csv_rows(outputs: dict[str, Path]) -> None:
    raw = outputs["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["序号", "所属类别", "整改任务/问题", "整改措施", "责任单位", "责任人", "整改时限", "完成情况",
                       "状态", "销号情况", "备注", "来源文号", "任务编号", "页码"]
    assert len(rows) == 27
    assert rows[1][:3] == ["1", "严格规范执法“援企”", "规范行政执法程序"]
    assert rows[1][6:9] == ["2021-12-20", "", "未开始"]
    assert rows[1][11:13] == ["沈法治发〔2021〕7号", "（二）3"]
    assert rows[12][11:13] == ["input.txt", "（一）1"]


def test_markdown_table(outputs: dict[str, Path]) -> None:
    lines = outputs["md"].read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# 助企护企与执法规范化整改台账"
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == 27
    cells = [c.strip() for c in table[1].strip("|").split(" | ")]
    assert cells[:3] == ["1", "严格规范执法“援企”", "规范行政执法程序"]
    assert cells[6] == "2021-12-20"
