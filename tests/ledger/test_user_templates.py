"""Offices' own templates: rendered sandboxed and strict; a wrong field is one line naming field and place."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from docproc.errors import TemplateError
from docproc.ledger import render_ledger
from docproc.model.ledger import Ledger, LedgerRow, SourceRef


def _ledger() -> Ledger:
    rows = [LedgerRow(no=1, item="建立通报制度", owner_unit="市司法局", deadline="2021-12-20",
                      source_ref=SourceRef(doc_number="沈法治发〔2021〕7号", task="（五）11")),
            LedgerRow(no=2, item="建立轮训制度 {{ ledger.title }}", owner_unit="市公安局", deadline="2021-12-20")]
    return Ledger(title="整改台账", unit="市司法局", rows=rows, generated_on="2021-10-08")


def test_own_html_template_renders(tmp_path: Path) -> None:
    template = tmp_path / "our.html.j2"
    template.write_text("<h1>{{ ledger.title }}</h1>\n{% for row in rows %}<p>{{ row.no }}|{{ row.item }}|{{ row.source }}</p>\n{% endfor %}",
                        encoding="utf-8")
    html = render_ledger(_ledger(), "html", template).decode("utf-8")
    assert html.splitlines() == ["<h1>整改台账</h1>", "<p>1|建立通报制度|沈法治发〔2021〕7号 （五）11</p>",
                                 "<p>2|建立轮训制度 {{ ledger.title }}|</p>"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<h1>{{ ledger.title }}</h1>\n{% for row in rows %}\n<td>{{ row.ownr }}</td>\n{% endfor %}\n",
         "our.html.j2 line 3: unknown field 'row.ownr' (a row has: no, problem_source, aspect, category, item, measures"),
        ("<h1>{{ ledger.titel }}</h1>\n", "our.html.j2 line 1: unknown field 'ledger.titel'"),
        ("line one\n{{ unit }}\n", "our.html.j2 line 2: unknown field 'unit'"),
        ("a\nb\n{% for row in rows %}{{ row.no }\n", "our.html.j2 line 3: template syntax error: unexpected '}'"),
        ("{{ ''.__class__.__mro__ }}", "our.html.j2 line 1: not allowed in a template"),
    ],
)
def test_wrong_html_template_fails_with_one_line(tmp_path: Path, source: str, message: str) -> None:
    template = tmp_path / "our.html.j2"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_ledger(_ledger(), "html", template)
    assert caught.value.exit_code == 6
    assert caught.value.one_line().startswith(message)
    assert "\n" not in caught.value.one_line()


def test_own_docx_template_and_a_wrong_field_in_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ ledger.title }}（{{ ledger.unit }}）")
    table = document.add_table(rows=3, cols=2)
    table.rows[0].cells[0].text = "{%tr for row in rows %}"
    table.rows[1].cells[0].text = "{{ row.no }}"
    table.rows[1].cells[1].text = "{{ row.item }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    good = tmp_path / "our.docx"
    document.save(str(good))
    rendered = tmp_path / "out.docx"
    rendered.write_bytes(render_ledger(_ledger(), "docx", good))
    out = docx.Document(str(rendered))
    assert out.paragraphs[0].text == "整改台账（市司法局）"
    assert [[c.text for c in r.cells] for r in out.tables[0].rows] == [
        ["1", "建立通报制度"], ["2", "建立轮训制度 {{ ledger.title }}"]]

    table.rows[1].cells[1].text = "{{ row.responsible }}"
    bad = tmp_path / "bad.docx"
    document.save(str(bad))
    with pytest.raises(TemplateError) as caught:
        render_ledger(_ledger(), "docx", bad)
    assert caught.value.one_line().startswith("bad.docx table 1 row 2 cell 2: unknown field 'row.responsible'")


def _xlsx_template(path: Path, row_cell: str) -> None:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws["A1"] = "{{ ledger.title }}"
    ws["A2"], ws["B2"], ws["C2"] = "序号", "问题", "时限"
    ws["A3"], ws["B3"], ws["C3"] = "{{ row.no }}", row_cell, "{{ row.deadline }}"
    ws["B3"].font = openpyxl.styles.Font(bold=True)
    ws["A5"] = "填报单位：{{ ledger.unit }}"
    workbook.save(path)


def test_own_xlsx_template_repeats_its_row(tmp_path: Path) -> None:
    template = tmp_path / "our.xlsx"
    _xlsx_template(template, "{{ row.item }}")
    out = tmp_path / "out.xlsx"
    out.write_bytes(render_ledger(_ledger(), "xlsx", template))
    ws = openpyxl.load_workbook(out).active
    assert [[c.value for c in row] for row in ws.iter_rows(max_col=3)] == [
        ["整改台账", None, None], ["序号", "问题", "时限"], ["1", "建立通报制度", "2021-12-20"],
        ["2", "建立轮训制度 {{ ledger.title }}", "2021-12-20"], [None, None, None], ["填报单位：市司法局", None, None]]
    assert ws["B4"].font.b


def test_wrong_field_in_own_xlsx_template_names_the_cell(tmp_path: Path) -> None:
    template = tmp_path / "our.xlsx"
    _xlsx_template(template, "{{ row.problem }}")
    with pytest.raises(TemplateError) as caught:
        render_ledger(_ledger(), "xlsx", template)
    assert caught.value.one_line().startswith("our.xlsx 'Sheet' cell B3: unknown field 'row.problem'")


def test_template_of_the_wrong_kind(tmp_path: Path) -> None:
    template = tmp_path / "our.docx"
    template.write_bytes(b"")
    with pytest.raises(TemplateError, match=r"template our.docx cannot make a .xlsx ledger"):
        render_ledger(_ledger(), "xlsx", template)


def test_an_offices_own_templates_see_the_presets_fields_and_merges(tmp_path: Path) -> None:
    """An inspection ledger through an office's own Word table (its 方面 column merged like ours) and
    its own HTML page (naming the preset's fields, or looping over its columns)."""
    from docproc.ledger import build_ledger
    from tests.ledger.conftest import ledger_fixture_notice

    ledger = build_ledger([ledger_fixture_notice("inspection-qingshan/notice.json")], preset="inspection",
                          date="2024-05-21")
    page = tmp_path / "our.html.j2"
    page.write_text("{% for row in rows %}{{ row.aspect }}|{{ row.leader }}|{{ row.owner_person }}|"
                    "{{ row.spans.aspect }}\n{% endfor %}{% for col in columns %}{{ col.header }},{% endfor %}",
                    encoding="utf-8")
    lines = render_ledger(ledger, "html", page).decode("utf-8").splitlines()
    assert lines[:3] == ["贯彻落实党的路线方针政策和党中央决策部署方面|周建国|刘洋|3",
                         "贯彻落实党的路线方针政策和党中央决策部署方面|周建国|刘洋|0",
                         "贯彻落实党的路线方针政策和党中央决策部署方面|吴晓燕|陈静|0"]
    assert lines[-1].startswith("序号,问题来源,方面,内容,具体问题,整改措施,责任领导,")

    word = docx.Document()
    table = word.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["方面", "具体问题", "责任领导"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for row in rows %}"
    for cell, text in zip(table.rows[2].cells, ["{{ row.aspect }}", "{{ row.item }}", "{{ row.leader }}"], strict=True):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    own = tmp_path / "our.docx"
    word.save(str(own))
    rendered = tmp_path / "out.docx"
    rendered.write_bytes(render_ledger(ledger, "docx", own))
    rows = docx.Document(str(rendered)).tables[0].rows
    assert [c.text for c in rows[3].cells] == ["贯彻落实党的路线方针政策和党中央决策部署方面", "法治宣传教育针对性不强", "吴晓燕"]
    from docx.oxml.ns import qn

    marks = []
    for row in rows[1:]:
        v_merge = row._tr.tc_lst[0].tcPr.find(qn("w:vMerge"))
        marks.append(None if v_merge is None else v_merge.get(qn("w:val")) or "continue")
    assert marks == ["restart", "continue", "continue", "restart", "continue"]  # （一）'s three problems, （二）'s two
