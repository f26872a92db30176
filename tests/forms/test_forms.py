"""Self-check forms: model round trip, lexicon, joining, items, born-digital fixtures, CLI, one scan."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.forms import read_form
from docproc.forms.items import problem_items, read_deadline
from docproc.forms.join import PageTable, join_tables, mark_page_positions
from docproc.forms.lexicon import header_lexicon, is_no_problem, normalise_cell_text, value_lexicon
from docproc.model.document import Table, TableCell
from docproc.model.form import Form

REPO = Path(__file__).resolve().parents[2]
FORMS = REPO / "fixtures" / "forms"
SCHEMA = json.loads((REPO / "docproc" / "schemas" / "form.schema.json").read_text(encoding="utf-8"))
CASES = sorted(p.parent.name for p in FORMS.glob("*/expected.json"))


def expected(case: str) -> dict:
    return json.loads((FORMS / case / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("header", "field"), [
    ("序号", "number"), ("序 号", "number"), ("整治内容", "item"), ("检查项目", "item"), ("自查内容", "item"),
    ("自查情况", "finding"), ("检查结果", "finding"), ("存在问题", "problem"), ("存在的主要问题", "problem"),
    ("整改措施", "measure"), ("整改时限", "deadline"), ("完成时间", "deadline"), ("责任人", "owner"),
    ("责任单位", "owner"), ("备注", None), ("联系电话", None),
])
def test_header_words_name_fields(header: str, field: str | None) -> None:
    assert header_lexicon().field_of(header) == field


@pytest.mark.parametrize(("text", "value"), [
    ("√", "是"), ("✓", "是"), ("☑", "是"), ("□", "否"), ("是", "是"), ("否", "否"), ("☑是 □否", "是"),
    ("已落实", None), ("", None),
])
def test_marks_read_as_values(text: str, value: str | None) -> None:
    assert value_lexicon().read_mark(text) == value


@pytest.mark.parametrize(("text", "none"), [("无", True), ("未发现问题。", True), ("／", True),
                                           ("台账不全", False), ("无台账", False)])
def test_no_problem_answers(text: str, none: bool) -> None:
    assert is_no_problem(text) is none


@pytest.mark.parametrize(("text", "iso"), [
    ("2024年5月31日", "2024-05-31"), ("2024年5 月31日", "2024-05-31"), ("6月底前", "2024-06-30"),
    ("立行立改", None), ("", None),
])
def test_deadlines_to_iso(text: str, iso: str | None) -> None:
    assert read_deadline(text, 2024) == iso


def _table(rows: list[list[str]], bbox: tuple[float, float, float, float]) -> Table:
    cells = [TableCell(t, None, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(cells, bbox, len(rows), len(rows[0]))


def test_continued_table_joined_and_repeated_header_dropped() -> None:
    first = _table([["序号", "存在问题"], ["1", "台账不全"]], (50, 100, 500, 300))
    second = _table([["序号", "存在问题"], ["2", "未备案"]], (50, 50, 500, 120))
    other = _table([["序号", "备注", "x"], ["1", "a", "b"]], (50, 200, 500, 300))
    parts = [PageTable(1, first), PageTable(2, second), PageTable(2, other)]
    mark_page_positions(parts)
    joined = join_tables(parts)
    assert [j.table.n_rows for j in joined] == [3, 2]
    assert [(c.row, c.text) for c in joined[0].table.cells if c.col == 1] == [(0, "存在问题"), (1, "台账不全"), (2, "未备案")]
    assert joined[0].row_pages == [1, 1, 2]


@pytest.mark.parametrize("case", CASES)
def test_born_digital_fixture_cells(case: str) -> None:
    want = expected(case)
    form = read_form(FORMS / case / "form.pdf")
    jsonschema.validate(form.to_dict(), SCHEMA)
    assert len(form.tables) == 1 and form.title == want["title"]
    table = form.tables[0]
    assert (table.n_rows, table.n_cols) == (want["n_rows"], want["n_cols"])
    found = {(c.row, c.col, c.rowspan, c.colspan) for c in table.cells}
    assert found == {(c["row"], c["col"], c["rowspan"], c["colspan"]) for c in want["cells"]}
    texts = {(c.row, c.col): normalise_cell_text(c.text) for c in table.cells}
    right = sum(texts[(c["row"], c["col"])] == normalise_cell_text(c["text"]) for c in want["cells"])
    assert right / len(want["cells"]) >= 0.98


def test_items_of_the_two_page_form() -> None:
    form = read_form(FORMS / "zhifa-7col-two-pages" / "form.pdf")
    assert [i.number for i in form.items] == [str(n) for n in range(1, 15)]
    first = form.items[0]
    assert (first.item, first.owner, first.deadline) == ("行政执法裁量基准", "王建华", "2024-05-31")
    assert first.problem == "食品安全领域裁量基准未按新修订条例更新，裁量空间过大。"
    fifth = form.items[4]
    assert fifth.deadline is None and fifth.evidence is not None and fifth.evidence.raw["deadline"] == "立行立改"
    assert form.items[12].evidence is not None and form.items[12].evidence.page == 2
    assert form.items[2].problem == "无" and form.items[2].measure is None
    assert [i.number for i in problem_items(form)] == ["1", "2", "4", "5", "6", "8", "9", "10", "11", "13"]
    assert Form.from_dict(form.to_dict()).to_dict() == form.to_dict()


def test_choice_columns_under_a_merged_header() -> None:
    form = read_form(FORMS / "merged-header-yesno" / "form.pdf")
    assert [(i.number, i.finding) for i in form.items] == [
        ("1", "是"), ("2", "是"), ("3", "否"), ("4", "否"), ("5", "是"), ("6", "是"), ("7", "否")]
    assert form.items[2].extra == {"备注": "已督促整改"} and form.items[1].problem is None


def test_rowspan_category_given_to_every_row_it_covers() -> None:
    form = read_form(FORMS / "landscape-9col" / "form.pdf")
    assert [i.extra.get("类别") for i in form.items] == ["审批服务"] * 2 + ["执法监管"] * 3 + ["作风建设"] * 2
    assert form.items[1].owner == "不动产登记中心" and form.items[1].extra["责任人"] == "吴敏"


def test_cli_writes_json_csv_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    result = CliRunner().invoke(main, ["form", str(FORMS / "merged-header-yesno" / "form.pdf"),
                                       "-o", str(tmp_path), "--csv", "--xlsx"])
    assert result.exit_code == 0, result.output
    record = Form.from_dict(json.loads((tmp_path / "form.form.json").read_text(encoding="utf-8")))
    assert record.tables[0].n_cols == 6
    rows = list(csv.reader(io.StringIO((tmp_path / "form.form.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["序号", "检查项目", "自查情况", "", "存在问题", "备注"] and rows[1] == ["", "", "是", "否", "", ""]
    sheet = load_workbook(tmp_path / "form.form.xlsx").active
    assert sheet is not None and "C1:D1" in {str(r) for r in sheet.merged_cells.ranges}


def test_cli_csv_without_output_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["form", str(FORMS / "zhifa-3col" / "form.pdf"), "--csv"])
    assert result.exit_code == 1


@pytest.mark.slow
def test_degraded_scan_cells() -> None:
    from bench.forms import score_table

    want = expected("merged-header-yesno")
    form = read_form(FORMS / "merged-header-yesno" / "scan.jpg")
    assert form.source.text_source == "ocr" and len(form.tables) == 1
    structure, text = score_table(want["cells"], form.tables[0].cells)
    assert structure == len(want["cells"]) == len(form.tables[0].cells)
    assert text / len(want["cells"]) >= 0.93
    assert [i.finding for i in form.items][:4] == ["是", "是", "否", "否"]


def test_form_problems_become_ledger_rows() -> None:
    from docproc.ledger.builder import build_ledger

    form = read_form(FORMS / "zhifa-7col-two-pages" / "form.pdf")
    ledger = build_ledger([form], date="2024-04-01")
    assert [row.item for row in ledger.rows] == [item.problem for item in problem_items(form)]
    assert len(ledger.rows) == 10
    first = ledger.rows[0]
    assert (first.item, first.owner_person, first.deadline, first.category) == (
        "食品安全领域裁量基准未按新修订条例更新，裁量空间过大。", "王建华", "2024-05-31", "行政执法裁量基准")
    assert "无" not in [row.item for row in ledger.rows]


@pytest.mark.parametrize(("pieces", "text"), [
    ([("整改措施", 0, 0), ("落实", 0, 40)], "整改措施落实"),
    ([("按平纪办〔201", 0, 0), ("8〕11号", 60, 0)], "按平纪办〔2018〕11号"),
    ([("No", 0, 0), ("12", 20, 0)], "No 12"),
    ([("第二行", 0, 30), ("第一行", 0, 0)], "第一行第二行"),
])
def test_ocr_lines_of_a_cell_joined(pieces: list[tuple[str, int, int]], text: str) -> None:
    from docproc.forms.scan_tables import join_cell_lines
    from docproc.ocr.base import OcrLine

    lines = [OcrLine(t, (float(x), float(y), float(x + 18 * len(t)), float(y + 20)), 0.9) for t, x, y in pieces]
    assert join_cell_lines(lines) == text
