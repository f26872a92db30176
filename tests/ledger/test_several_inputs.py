"""Several notices and forms into one ledger: the same task from a notice and its forwarding notice is
one row with both sources (fixtures/ledger/forwarded-plan)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from docproc.cli import main
from docproc.ledger import build_ledger, read_ledger_xlsx, update_ledger_xlsx, write_ledger
from docproc.ledger.drafts import same_task
from docproc.model.form import Form
from docproc.model.ledger import LedgerRow, SourceRef
from tests.conftest import validate_record
from tests.ledger.conftest import LEDGER_FIXTURES, ledger_fixture_notice

PLAN = "forwarded-plan/plan.notice.json"
FORWARD = "forwarded-plan/forward.notice.json"
PLAN_REF = ("平司发〔2023〕12号", "平湖县司法局关于印发《平湖县涉企行政执法专项整治工作方案》的通知")
FORWARD_REF = ("平政办发〔2023〕30号", "平湖县人民政府办公室关于转发县司法局《平湖县涉企行政执法专项整治工作方案》的通知")


def test_a_plan_and_its_forwarding_notice_make_one_row_per_task() -> None:
    ledger = build_ledger([ledger_fixture_notice(PLAN), ledger_fixture_notice(FORWARD)], date="2023-06-20")
    validate_record(ledger.to_dict(), "ledger")
    assert [(r.no, r.item, r.source_ref.doc_number, [s.doc_number for s in r.also_from]) for r in ledger.rows] == [
        (1, "清理涉企行政执法事项", PLAN_REF[0], [FORWARD_REF[0]]),
        (2, "规范涉企行政检查", PLAN_REF[0], [FORWARD_REF[0]]),
        (3, "整治执法不作为乱作为", PLAN_REF[0], [FORWARD_REF[0]]),
        (4, "建立涉企执法投诉快速响应机制", FORWARD_REF[0], []),
    ]
    second = ledger.rows[1]
    # the plan gives no deadline for （二）; the forwarded copy does, and the row takes it with its note
    assert (second.deadline, second.note) == ("2023-09-30", "时限：任务原文；责任人：原文未明确，请填写")
    assert second.owner_unit == "县市场监管局"
    assert ledger.rows[0].source_label() == "平司发〔2023〕12号 （一）；平政办发〔2023〕30号 （一）"
    assert [s.doc_number for s in ledger.sources] == [PLAN_REF[0], FORWARD_REF[0]]


def test_the_second_source_shows_in_every_format(tmp_path: Path) -> None:
    import csv
    import io

    ledger = build_ledger([ledger_fixture_notice(PLAN), ledger_fixture_notice(FORWARD)], date="2023-06-20")
    xlsx = write_ledger(ledger, tmp_path / "台账.xlsx")
    back = read_ledger_xlsx(xlsx)
    assert back.to_dict() == ledger.to_dict()
    rows = list(csv.reader(io.StringIO(write_ledger(ledger, tmp_path / "台账.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][-3:] == ["平司发〔2023〕12号；平政办发〔2023〕30号", "（一）；（一）", ""]
    assert "平司发〔2023〕12号 （一）；平政办发〔2023〕30号 （一）" in write_ledger(ledger, tmp_path / "台账.md").read_text(
        encoding="utf-8")


def test_update_with_the_forwarding_notice_adds_only_the_new_task_and_records_the_source(tmp_path: Path) -> None:
    path = write_ledger(build_ledger([ledger_fixture_notice(PLAN)], date="2023-06-02"), tmp_path / "台账.xlsx")
    result = update_ledger_xlsx(path, [ledger_fixture_notice(FORWARD)])
    assert [r.item for r in result.added] == ["建立涉企执法投诉快速响应机制"]
    assert [r.no for r in result.sourced] == [1, 2, 3]
    path.write_bytes(result.data)
    back = read_ledger_xlsx(path)
    assert [(r.no, [s.doc_number for s in r.source_refs()]) for r in back.rows] == [
        (1, [PLAN_REF[0], FORWARD_REF[0]]), (2, [PLAN_REF[0], FORWARD_REF[0]]), (3, [PLAN_REF[0], FORWARD_REF[0]]),
        (4, [FORWARD_REF[0]]),
    ]
    # a second update with the same notice changes nothing
    again = update_ledger_xlsx(path, [ledger_fixture_notice(FORWARD)])
    assert (again.added, again.sourced) == ([], [])


def test_notices_and_a_form_in_one_ledger(self_check_form: Form) -> None:
    ledger = build_ledger([ledger_fixture_notice(PLAN), self_check_form, ledger_fixture_notice(FORWARD)],
                          date="2023-06-20")
    assert [r.source_ref.file for r in ledger.rows] == ["plan.txt"] * 3 + ["自查表.pdf"] * 2 + ["forward.txt"]
    assert [r.no for r in ledger.rows] == list(range(1, 7))


def test_the_cli_reads_both_texts_into_one_ledger(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    folder = LEDGER_FIXTURES / "forwarded-plan"
    result = CliRunner().invoke(main, ["ledger", str(folder / "plan.txt"), str(folder / "forward.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert f"{out}: 4 rows from 2 input(s)" in result.stderr
    assert [len(r.source_refs()) for r in read_ledger_xlsx(out).rows] == [2, 2, 2, 1]


def _row(doc: str, item: str, measures: str | None) -> LedgerRow:
    return LedgerRow(no=0, item=item, measures=measures, source_ref=SourceRef(doc_number=doc, task="（一）"))


def test_what_counts_as_the_same_task() -> None:
    measures = "全面梳理涉企行政执法事项清单，逐项明确执法依据和执法主体。"
    assert same_task(_row("A", "清理涉企行政执法事项", measures), _row("B", "清理涉企行政执法事项", measures))
    # spacing, full/half width and one OCR slip do not matter
    assert same_task(_row("A", "清理涉企行政执法事项", measures),
                     _row("B", "清理涉企行政 执法事项", "全面梳理涉企行政执法事项清単，逐项明确执法依据和执法主体."))
    # the same document twice is not a second source; another task under the same title is not the same task
    assert not same_task(_row("A", "清理涉企行政执法事项", measures), _row("A", "清理涉企行政执法事项", measures))
    assert not same_task(_row("A", "加强组织领导", "成立专班，统筹推进。"), _row("B", "加强组织领导", "主要领导亲自抓。"))
    assert not same_task(_row("A", "", None), _row("B", "", None))
