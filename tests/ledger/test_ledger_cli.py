"""``docproc ledger``: build by extension or --format, status, update; exit codes; state through the library."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.ledger import read_ledger_xlsx
from tests.conftest import FIXTURES_DIR, validate_record
from tests.ledger.conftest import self_check_form_record

SEED000 = str(FIXTURES_DIR / "seed-000" / "input.txt")
SEED001 = str(FIXTURES_DIR / "seed-001" / "input.txt")
GOLD_DEQING = str(FIXTURES_DIR / "gold" / "owners-deadlines-deqing.notice.json")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_is_the_default_sub_command(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    code, _, err = run("ledger", SEED000, GOLD_DEQING, "-o", str(out), "--unit", "市司法局", "--date", "2021-10-08", "--json")
    assert code == 0, err
    assert f"{out}: 15 rows from 2 input(s)" in err
    ledger = read_ledger_xlsx(out)
    assert [r.item for r in ledger.rows[10:12]] == ["建立移交制度", "推进企业开办“一件事”改革"]
    assert ledger.rows[11].owner_unit == "县市场监管局、县公安局、县税务局、县人力社保局"
    assert ledger.unit == "市司法局" and ledger.generated_on == "2021-10-08"
    record = json.loads((tmp_path / "台账.ledger.json").read_text(encoding="utf-8"))
    validate_record(record, "ledger")
    assert record == ledger.to_dict()


def test_explicit_build_and_format_flag(tmp_path: Path) -> None:
    out = tmp_path / "ledger.out"
    code, _, err = run("ledger", "build", SEED001, "-o", str(out), "--format", "md", "--title", "执法规范化台账")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 执法规范化台账\n")
    assert "| 1 | 规范行政执法队伍 | 加强行政执法人员管理 |" in text


def test_form_json_input(tmp_path: Path) -> None:
    form = tmp_path / "自查表.form.json"
    form.write_text(json.dumps(self_check_form_record(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "台账.csv"
    code, _, err = run("ledger", str(form), "-o", str(out))
    assert code == 0, err
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3
    assert lines[2].startswith("2,执法案卷管理,\"'=HYPERLINK(\"\"http://x\"\")案卷归档不及时\"")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-o", "{tmp}/台账.txt"], 1, "cannot tell the ledger format of 台账.txt"),
        (["-o", "{tmp}/台账.xlsx", "--date", "2021-13-01"], 1, "--date wants a date like 2021-11-01"),
        (["-o", "{tmp}/台账.html", "--template", "{tmp}/missing.html.j2"], 6, "does not exist"),
        (["-o", "{tmp}/台账.xlsx", "--template", "{tmp}/bad.html.j2"], 6, "cannot make a .xlsx ledger"),
        (["-o", "{tmp}/台账.html", "--template", "{tmp}/bad.html.j2"], 6, "bad.html.j2 line 2: unknown field 'row.ownr'"),
    ],
)
def test_usage_and_template_errors(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    (tmp_path / "bad.html.j2").write_text("{% for row in rows %}\n{{ row.ownr }}\n{% endfor %}\n", encoding="utf-8")
    exit_code, _, err = run("ledger", SEED001, *[a.format(tmp=tmp_path) for a in args])
    assert exit_code == code
    assert message in err
    assert len([line for line in err.splitlines() if line.startswith("docproc: error:")]) <= 1


def test_a_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "台账.xlsx"
    code, _, err = run("ledger", str(empty), SEED001, "-o", str(out))
    assert code == 2
    assert "2 file(s): 1 ok, 1 failed" in err
    assert len(read_ledger_xlsx(out).rows) == 15


def test_status_and_update(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    assert run("ledger", SEED000, "-o", str(out), "--date", "2021-10-08")[0] == 0
    workbook = openpyxl.load_workbook(out)
    ws = workbook["整改台账"]
    ws["I4"], ws["H4"] = "已完成", "已完成培训"
    ws["G5"] = "2021-11-01"
    workbook.save(out)

    code, text, _ = run("ledger", "status", str(out), "--on", "2021-11-05")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == "2021-11-05：逾期 1 项，7 天内到期 0 项，未定时限 0 项，已完成/已销号 1 项"
    assert lines[1] == "  [逾期] 2. 全面落实“三项制度” — 未定责任单位 — 2021-11-01（逾期4天） — 未开始"
    code, text, _ = run("ledger", "status", str(out), "--on", "2021-12-15", "--soon", "5", "--json")
    report = json.loads(text)
    assert [r["no"] for r in report["due_soon"]] == list(range(3, 12))
    assert report["due_soon"][0]["days_left"] == 5 and report["finished"] == 1

    code, _, err = run("ledger", "update", str(out), SEED001, GOLD_DEQING)
    assert code == 0, err
    assert f"{out}: added 19 row(s), kept 11" in err
    ledger = read_ledger_xlsx(out)
    assert len(ledger.rows) == 30
    assert (ledger.rows[0].status, ledger.rows[0].progress, ledger.rows[1].deadline) == ("已完成", "已完成培训", "2021-11-01")


def test_update_refuses_a_non_xlsx_output(tmp_path: Path) -> None:
    code, _, err = run("ledger", "update", str(tmp_path / "a.xlsx"), SEED001, "-o", str(tmp_path / "b.csv"))
    assert code == 1
    assert "an updated ledger is an .xlsx file" in err


def test_ocr_document_json_inputs_give_pages_in_the_source_column(tmp_path: Path) -> None:
    out = tmp_path / "台账.csv"
    code, _, err = run("ledger", str(FIXTURES_DIR / "seed-000" / "degraded.document.json"),
                       str(FIXTURES_DIR / "notices" / "owners-deadlines-deqing" / "degraded.document.json"), "-o", str(out))
    assert code == 0, err
    import csv

    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r[2], r[6], r[11], r[12], r[13]) for r in (rows[1], rows[10], rows[12])] == [
        ("规范行政执法程序", "2021-12-20", "沈法治发〔2021〕7号", "（二）3", "3"),
        ("建立轮训制度", "2021-12-20", "沈法治发〔2021〕7号", "（五）12", "5"),
        ("推进企业开办“一件事”改革", "2023-06-30", "degraded.pdf", "（一）1", "1"),
    ]
    assert rows[12][4] == "县市场监管局、县公安局、县税务局、县人力社保局"


def test_a_text_layer_pdf_without_tasks_exits_5(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    code, _, err = run("ledger", str(FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"), "-o", str(out))
    assert code == 5
    assert "no tasks or problems found in the inputs" in err
    assert not out.exists()


def test_preset_chooses_the_column_set(tmp_path: Path) -> None:
    out = tmp_path / "巡察整改台账.xlsx"
    notice = str(FIXTURES_DIR / "ledger" / "inspection-qingshan" / "notice.json")
    code, _, err = run("ledger", notice, "-o", str(out), "--preset", "inspection", "--json")
    assert code == 0, err
    ws = openpyxl.load_workbook(out)["整改台账"]
    assert [c.value for c in ws[3]][:5] == ["序号", "问题来源", "方面", "内容", "具体问题"]
    ledger = read_ledger_xlsx(out)
    assert ledger.preset == "inspection"
    assert [r.leader for r in ledger.rows] == ["周建国", "周建国", "吴晓燕", "周建国", "吴晓燕"]
    assert json.loads((tmp_path / "巡察整改台账.ledger.json").read_text(encoding="utf-8")) == ledger.to_dict()
    # an update keeps the ledger's preset: new rows in its columns, merged among themselves
    code, _, err = run("ledger", "update", str(out), GOLD_DEQING)
    assert code == 0, err
    ws = openpyxl.load_workbook(out)["整改台账"]
    assert "C9:C10" in {str(r) for r in ws.merged_cells.ranges}
    assert (ws["C9"].value, ws["G9"].value) == ("提升政务服务效能", "分管副县长")


def test_preset_choices_are_the_presets() -> None:
    from docproc.commands.ledger import build_command
    from docproc.ledger.presets import PRESET_NAMES

    (option,) = [p for p in build_command.params if p.name == "preset"]
    assert tuple(option.type.choices) == PRESET_NAMES  # type: ignore[attr-defined]
    code, _, err = run("ledger", SEED001, "-o", "x.xlsx", "--preset", "audit")
    assert code == 1 and "'audit' is not one of 'campaign', 'inspection', 'hazard'" in err
