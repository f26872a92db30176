"""Presets in every format: the preset's headers, merged hierarchy cells and the cells a notice fills.

The notices: gold seed-000 (campaign: a leading group with named leaders, phases), gold
owners-deadlines-deqing (three levels 重点任务 → （一） → 1., owners and deadlines per task, a 分管
副县长), gold seed-004 (hazard: problems under 治理重点) and the hand-made 巡察整改 plan
fixtures/ledger/inspection-qingshan (方面 → 具体问题, 责任领导/责任部门/责任人 per problem).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from docproc.ledger import build_ledger, read_ledger_xlsx, write_ledger
from docproc.ledger.presets import PRESET_NAMES, get_preset
from docproc.model.ledger import Ledger
from tests.conftest import validate_record
from tests.ledger.conftest import gold_notice, ledger_fixture_notice
from tests.ledger.test_outputs import _TableCells

HEADERS = {
    "campaign": ["序号", "所属类别", "整改任务/问题", "整改措施", "责任单位", "责任人", "整改时限", "完成情况", "状态",
                 "销号情况", "备注", "来源"],
    "inspection": ["序号", "问题来源", "方面", "内容", "具体问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限",
                   "完成时间", "整改进展", "状态", "销号时间", "验收人", "备注"],
    "hazard": ["序号", "被检查单位", "检查日期", "存在隐患", "整改措施", "整改时限", "责任人", "整改到位时间", "状态",
               "销号时间", "备注", "来源"],
}
DEQING_SOURCE = "德清县2023年营商环境优化提升行动实施方案"


def _ledger(preset: str, case: str) -> Ledger:
    notice = ledger_fixture_notice(case) if case.endswith(".json") else gold_notice(case)
    return build_ledger([notice], preset=preset, unit="县司法局", date="2024-05-21")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Path]]:
    """Every format of the ledgers the tests below open, written once."""
    folder = tmp_path_factory.mktemp("presets")
    out: dict[tuple[str, str], dict[str, Path]] = {}
    for preset, case in [("campaign", "seed-000"), ("inspection", "owners-deadlines-deqing"),
                         ("inspection", "inspection-qingshan/notice.json"), ("hazard", "seed-004")]:
        ledger = _ledger(preset, case)
        stem = f"{preset}-{case.split('/')[0]}"
        out[(preset, case)] = {fmt: write_ledger(ledger, folder / f"{stem}.{fmt}")
                               for fmt in ("xlsx", "docx", "html", "pdf", "md", "csv")}
    return out


def _sheet(path: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(path)["整改台账"]


def _visible_values(path: Path) -> list[list[str]]:
    """The XLSX rows under the header as text, hidden columns left out, merged cells given to every row."""
    ledger = read_ledger_xlsx(path)
    preset = get_preset(ledger.preset)
    from docproc.ledger.presets import cell_values

    rows = []
    for row in ledger.rows:
        values = cell_values(row)
        rows.append(["" if values[c.field] is None else str(values[c.field]) for c in preset.visible])
    return rows


@pytest.mark.parametrize(("preset", "case"), [("campaign", "seed-000"), ("inspection", "owners-deadlines-deqing"),
                                              ("hazard", "seed-004")])
def test_every_format_has_the_presets_headers(files: dict, preset: str, case: str) -> None:
    import docx

    paths = files[(preset, case)]
    expected = HEADERS[preset]
    assert [c.value for c in _sheet(paths["xlsx"])[3]][: len(expected)] == expected
    assert [c.text for c in docx.Document(str(paths["docx"])).tables[0].rows[0].cells] == expected
    parser = _TableCells()
    parser.feed(paths["html"].read_text(encoding="utf-8"))
    assert parser.rows[0] == expected
    table = [line for line in paths["md"].read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    assert [c.strip() for c in table[0].strip("|").split("|")] == expected
    header = next(csv.reader(io.StringIO(paths["csv"].read_text(encoding="utf-8-sig"))))
    csv_expected = [h for h in expected if h != "来源"] + (["来源文号", "任务编号", "页码"] if "来源" in expected else [])
    assert header == csv_expected


def test_inspection_xlsx_of_a_notice_with_owners_and_a_leader_in_charge(files: dict) -> None:
    ws = _sheet(files[("inspection", "owners-deadlines-deqing")]["xlsx"])
    assert sorted(str(r) for r in ws.merged_cells.ranges if r.min_row >= 4) == ["B4:B7", "C4:C5", "C6:C7"]
    assert [ws[f"{c}4"].value for c in "BCDE"] == [DEQING_SOURCE, "提升政务服务效能", None, "推进企业开办“一件事”改革"]
    assert ws["C6"].value == "加强法治保障" and ws["E6"].value == "规范涉企行政检查"
    assert [ws[f"{c}4"].value for c in "GHI"] == ["分管副县长", "县市场监管局、县公安局、县税务局、县人力社保局", None]
    assert ws["J4"].value.date().isoformat() == "2023-06-30"
    assert ws["P4"].value == "时限：任务原文；责任领导：取自营商环境优化提升工作领导小组分管领导；责任人：原文未明确，请填写"
    assert ws.column_dimensions["Q"].hidden  # 来源编码


def test_inspection_xlsx_merges_the_problem_hierarchy(files: dict) -> None:
    ws = _sheet(files[("inspection", "inspection-qingshan/notice.json")]["xlsx"])
    # 问题来源 over all rows; 方面 （一） and （二）; 内容 1. over its two problems
    assert sorted(str(r) for r in ws.merged_cells.ranges if r.min_row >= 4) == ["B4:B8", "C4:C6", "C7:C8", "D4:D5"]
    assert ws["A1"].value == "中共青山县司法局党组关于县委第二巡察组反馈意见的整改台账"
    assert ws["B4"].value == "中共青山县司法局党组关于县委第二巡察组反馈意见的整改工作方案（青司党〔2024〕5号）"
    assert ws["C4"].value == "贯彻落实党的路线方针政策和党中央决策部署方面"
    assert ws["D4"].value == "学习贯彻习近平新时代中国特色社会主义思想不够深入"
    assert ws["D6"].value is None  # 2. sits right under its 方面: no 内容
    assert ws["C7"].value == "落实全面从严治党责任方面"
    # 责任领导 and 责任人 as each problem's own slots say (not the group's 组长)
    assert [(ws[f"E{r}"].value, ws[f"G{r}"].value, ws[f"H{r}"].value, ws[f"I{r}"].value) for r in range(4, 9)] == [
        ("理论学习中心组学习不够系统", "周建国", "办公室", "刘洋"),
        ("学习成果转化运用不够", "周建国", "办公室", "刘洋"),
        ("法治宣传教育针对性不强", "吴晓燕", "普法与依法治理科", "陈静"),
        ("党风廉政建设主体责任压得不实", "周建国", "政治处", "王磊"),
        ("执法监督存在宽松软问题", "吴晓燕", "法治督察科", "赵敏"),
    ]
    assert ws["F4"].value == "制定党组理论学习中心组年度学习计划，每月至少开展一次集中学习研讨。"
    assert ws["J5"].value.date().isoformat() == "2024-12-31"
    assert ws["P4"].value == "时限：任务原文"


def test_campaign_xlsx_of_a_notice_with_a_leading_group(files: dict) -> None:
    ws = _sheet(files[("campaign", "seed-000")]["xlsx"])
    assert not [r for r in ws.merged_cells.ranges if r.min_row >= 4]
    assert [ws[f"{c}4"].value for c in "BCEF"] == ["严格规范执法“援企”", "规范行政执法程序", None, None]
    assert ws["K4"].value == ("时限：取自整改阶段“总结整改阶段”（2021-12-01至2021-12-20）；"
                              "责任单位：原文未明确，请填写；责任人：原文未明确，请填写")


def test_hazard_xlsx_says_what_a_notice_cannot_fill(files: dict) -> None:
    ws = _sheet(files[("hazard", "seed-004")]["xlsx"])
    assert [ws[f"{c}4"].value for c in "BCD"] == [None, None, "执法不严格"]
    assert ws["F4"].value.date().isoformat() == "2018-01-31"
    assert ws["K4"].value == ("时限：取自整改阶段“整改提高阶段”（2017-12-31至2018-01-31）；被检查单位：原文未明确，请填写；"
                              "检查日期：原文未明确，请填写；责任人：原文未明确，请填写")
    assert ws["L4"].value == "鲅政办发〔2017〕37号 （一）"


@pytest.mark.parametrize("key", [("campaign", "seed-000"), ("inspection", "owners-deadlines-deqing"),
                                 ("inspection", "inspection-qingshan/notice.json"), ("hazard", "seed-004")])
def test_docx_and_html_show_the_rows_of_the_xlsx(files: dict, key: tuple[str, str]) -> None:
    import docx

    paths = files[key]
    expected = _visible_values(paths["xlsx"])
    table = docx.Document(str(paths["docx"])).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == expected
    parser = _TableCells()
    parser.feed(paths["html"].read_text(encoding="utf-8"))
    spans = get_preset(key[0])
    merged = [i for i, c in enumerate(spans.visible) if c.merge]
    # HTML leaves out the cells a rowspan covers: compare the cells it has
    for html_row, row in zip(parser.rows[1:], expected, strict=True):
        assert set(html_row) <= set(row)
        assert len(html_row) >= len(row) - len(merged)


def test_docx_cells_of_the_hierarchy_are_merged(files: dict) -> None:
    import docx
    from docx.oxml.ns import qn

    table = docx.Document(str(files[("inspection", "inspection-qingshan/notice.json")]["docx"])).tables[0]

    def merge_marks(column: int) -> list[str | None]:
        marks = []
        for row in table.rows[1:]:
            tc_pr = row._tr.tc_lst[column].tcPr
            v_merge = None if tc_pr is None else tc_pr.find(qn("w:vMerge"))
            marks.append(None if v_merge is None else (v_merge.get(qn("w:val")) or "continue"))
        return marks

    assert merge_marks(1) == ["restart", "continue", "continue", "continue", "continue"]  # 问题来源
    assert merge_marks(2) == ["restart", "continue", "continue", "restart", "continue"]  # 方面
    assert merge_marks(3) == ["restart", "continue", None, None, None]  # 内容
    assert merge_marks(4) == [None] * 5  # 具体问题


def test_html_uses_rowspans_for_the_hierarchy(files: dict) -> None:
    html = files[("inspection", "inspection-qingshan/notice.json")]["html"].read_text(encoding="utf-8")
    assert html.count('rowspan="5"') == 1  # 问题来源
    assert html.count('rowspan="3"') == 1  # 方面 （一）
    assert html.count('rowspan="2"') == 2  # 方面 （二）, 内容 1.
    parser = _TableCells()
    parser.feed(html)
    assert [len(row) for row in parser.rows] == [16, 16, 13, 14, 15, 14]


@pytest.mark.parametrize("key", [("campaign", "seed-000"), ("inspection", "owners-deadlines-deqing"),
                                 ("hazard", "seed-004")])
def test_pdf_renders_the_rows_and_is_not_blank(files: dict, key: tuple[str, str]) -> None:
    import numpy as np
    import pdfplumber
    import pypdfium2

    path = files[key]["pdf"]
    rows = read_ledger_xlsx(files[key]["xlsx"]).rows
    cells: list[list[str]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            (table,) = page.extract_tables()
            header, *body = ([("" if c is None else "".join(c.split())) for c in row] for row in table)
            assert header == HEADERS[key[0]]  # on every page
            cells.extend(body)
    item = HEADERS[key[0]].index({"campaign": "整改任务/问题", "inspection": "具体问题", "hazard": "存在隐患"}[key[0]])
    assert [r[item] for r in cells] == ["".join(r.item.split()) for r in rows]
    document = pypdfium2.PdfDocument(str(path))
    try:
        pixels = np.asarray(document[0].render(scale=60 / 72).to_pil().convert("L"))
    finally:
        document.close()
    assert pixels.shape == (497, 702)  # A4 landscape at 60 dpi
    dark = float((pixels < 128).mean())
    assert 0.01 < dark < 0.5, f"{dark:.3%} of the page is ink"


@pytest.mark.parametrize("preset", PRESET_NAMES)
def test_xlsx_reads_back_to_the_same_record(preset: str, tmp_path: Path) -> None:
    ledger = _ledger(preset, "inspection-qingshan/notice.json")
    validate_record(ledger.to_dict(), "ledger")
    path = write_ledger(ledger, tmp_path / "台账.xlsx")
    assert read_ledger_xlsx(path).to_dict() == ledger.to_dict()


def test_an_unknown_preset_is_a_usage_error() -> None:
    from docproc.errors import UsageError

    with pytest.raises(UsageError, match="unknown ledger preset 'audit'"):
        get_preset("audit")
