"""Notices and forms → ledger rows: which tasks become rows, their fields, deadlines and notes."""

from __future__ import annotations

import pytest

from docproc.ledger import build_ledger, resolve_task_deadline, rows_from_notice
from docproc.ledger.rules import ledger_rules
from docproc.model.document import Source
from docproc.model.form import Form
from docproc.model.notice import Deadline, Evidence, Notice, Phase, Task
from tests.conftest import validate_record
from tests.ledger.conftest import gold_notice


def test_seed000_rows_are_the_numbered_sub_tasks_with_the_rectification_phase_end(seed000_notice: Notice) -> None:
    rows = rows_from_notice(seed000_notice)
    assert [r.source_ref.task for r in rows] == [
        "（二）3", "（二）4", "（二）5", "（二）6", "（三）7", "（三）8",
        "（四）9", "（四）10", "（五）11", "（五）12", "（五）13",
    ]
    first = rows[0]
    assert first.item == "规范行政执法程序"
    assert first.category == "严格规范执法“援企”"
    assert first.measures is not None and first.measures.startswith("严格落实《辽宁省行政执法程序规定》，依法开展")
    assert first.deadline == "2021-12-20"
    assert first.note == ("时限：取自整改阶段“总结整改阶段”（2021-12-01至2021-12-20）；"
                          "责任单位：原文未明确，请填写；责任人：原文未明确，请填写")
    assert first.status == "未开始"
    assert first.source_ref.doc_number == "沈法治发〔2021〕7号"
    assert rows[-1].item == "建立移交制度"
    assert rows[-1].category == "建立常态机制“护企”"


def test_seed001_has_no_dates_so_every_row_says_the_deadline_is_missing(seed001_notice: Notice) -> None:
    rows = rows_from_notice(seed001_notice)
    assert len(rows) == 15
    assert [r.item for r in rows[:3]] == ["加强行政执法人员管理", "加强行政执法队伍建设", "落实行政执法公示制度"]
    assert {r.deadline for r in rows} == {None}
    assert {r.note for r in rows} == {"时限：原文未规定，请填写；责任单位：原文未明确，请填写；责任人：原文未明确，请填写"}
    assert rows[4].category == "规范行政执法制度"
    assert rows[4].source_ref.task == "（二）5"


def test_two_notices_merge_into_one_numbered_ledger(seed000_notice: Notice, seed001_notice: Notice) -> None:
    ledger = build_ledger([seed000_notice, seed001_notice], unit="市司法局", date="2021-10-08")
    assert [r.no for r in ledger.rows] == list(range(1, 27))
    assert ledger.title == "整改台账"
    assert [s.doc_number for s in ledger.sources] == ["沈法治发〔2021〕7号", None]
    assert ledger.rows[11].item == "加强行政执法人员管理"
    assert ledger.rows[11].source_ref.title == "市营商局（市行政审批局）进一步加强行政执法规范化建设工作实施方案"
    validate_record(ledger.to_dict(), "ledger")


def test_the_same_notice_twice_gives_its_rows_once(seed000_notice: Notice) -> None:
    ledger = build_ledger([seed000_notice, seed000_notice], date="2021-10-08")
    assert len(ledger.rows) == 11
    assert ledger.title == "沈阳市助企护企执法监督专项行动整改台账"


def test_owners_and_own_deadlines_of_a_notice_that_names_them() -> None:
    rows = rows_from_notice(gold_notice("owners-deadlines-deqing"))
    note = "时限：任务原文；责任人：原文未明确，请填写"
    assert [(r.item, r.owner_unit, r.deadline, r.note) for r in rows] == [
        ("推进企业开办“一件事”改革", "县市场监管局、县公安局、县税务局、县人力社保局", "2023-06-30", note),
        ("深化工程建设项目审批制度改革", "县住建局、县自然资源规划局、县发改局", "2023-09-30", note),
        ("规范涉企行政检查", "县司法局、县级各行政执法部门", "2023-12-31", note),
        ("健全涉企纠纷化解机制", "县司法局、县工商联、县法院", "2023-11-30", note),
    ]
    # the labelled slots have their own columns: they are not part of the measures
    assert rows[0].measures == "实现企业设立登记、公章刻制、发票申领、社保登记等事项一次申请、一窗受理。"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("month-phases-laixi", [
            ("开展现状排查", "2024-12-31", "时限：取自工作结束时间（“验收评估阶段”止于2024-12-31）"),
            ("推进设施建设", "2024-10-31", "时限：取自“集中建设阶段”（2024-04-01至2024-10-31）"),
            ("强化运维管护", "2024-12-31", "时限：取自工作结束时间（“验收评估阶段”止于2024-12-31）"),
        ]),
        ("seed-004", [
            ("执法不严格", "2018-01-31", "时限：取自整改阶段“整改提高阶段”（2017-12-31至2018-01-31）"),
        ]),
        ("seed-003", [
            ("聚焦行政执法裁量基准破“梗阻”", "2024-09-30", "时限：取自整改阶段“整改提升阶段”（2024-08-01至2024-09-30）"),
        ]),
    ],
)
def test_deadlines_from_phases_of_gold_notices(case: str, expected: list[tuple[str, str, str]]) -> None:
    rows = rows_from_notice(gold_notice(case))
    # the note's first sentence is the deadline's (责任单位/责任人 follow)
    assert [(r.item, r.deadline, (r.note or "").split("；")[0]) for r in rows[: len(expected)]] == expected


def _notice(phases: list[Phase], deadlines: list[Deadline]) -> Notice:
    return Notice(source=Source(file="n.txt", sha256="0" * 64), phases=phases, deadlines=deadlines)


_TASK = Task(number="（一）", title="清理宅基地审批台账", text="清理宅基地审批台账。逐户核对。",
             evidence=Evidence(page=1, span=(100, 140)))


@pytest.mark.parametrize(
    ("phases", "deadlines", "expected"),
    [
        # a dated deadline written inside the task's text
        ([], [Deadline(date="2022-10-31", what="完成清理", evidence=Evidence(page=1, span=(120, 130)))],
         ("2022-10-31", "时限：取自文件时限要求“完成清理”")),
        # a deadline naming the task, outside it
        ([], [Deadline(date="2022-11-15", what="清理宅基地审批台账", evidence=Evidence(page=2, span=(500, 520)))],
         ("2022-11-15", "时限：取自文件时限要求“清理宅基地审批台账”")),
        # a closing deadline (总结) when nothing else covers the task
        ([], [Deadline(date="2022-09-01", what="报送自查报告"), Deadline(date="2022-12-20", what="报送工作总结")],
         ("2022-12-20", "时限：取自文件时限要求“报送工作总结”")),
        # a report deadline alone does not cover a task
        ([], [Deadline(date="2022-09-01", what="报送自查报告")], (None, "时限：原文未规定，请填写")),
        # a recurring deadline has no date
        ([], [Deadline(date=None, what="报送进展", recurring="每月5日前")], (None, "时限：原文未规定，请填写")),
        # the rectification phase wins over a deadline
        ([Phase(name="动员部署阶段", start="2022-09-01", end="2022-09-10"),
          Phase(name="集中整治阶段", start="2022-09-11", end="2022-11-30")],
         [Deadline(date="2022-12-20", what="报送工作总结")],
         ("2022-11-30", "时限：取自整改阶段“集中整治阶段”（2022-09-11至2022-11-30）")),
        # a phase with an open start
        ([Phase(name="问题整改阶段", start=None, end="2022-10-15")], [],
         ("2022-10-15", "时限：取自整改阶段“问题整改阶段”（…至2022-10-15）")),
        # a phase named like the task (审批/台账 are not stop words)
        ([Phase(name="台账清理阶段", start="2022-10-01", end="2022-10-20"),
          Phase(name="总结整改阶段", start="2022-11-01", end="2022-11-30")], [],
         ("2022-10-20", "时限：取自“台账清理阶段”（2022-10-01至2022-10-20）")),
    ],
)
def test_deadline_resolution_order(
    phases: list[Phase], deadlines: list[Deadline], expected: tuple[str | None, str]
) -> None:
    resolved = resolve_task_deadline(_TASK, _notice(phases, deadlines), ledger_rules())
    assert (resolved.date, resolved.note) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("沈阳市助企护企执法监督专项行动工作方案", "沈阳市助企护企执法监督专项行动整改台账"),
        ("关于开展农村宅基地审批清理工作的通知", "农村宅基地审批清理工作整改台账"),
        ("关于印发鲅鱼圈区行政执法专项治理实施方案的通知", "鲅鱼圈区行政执法专项治理实施方案整改台账"),
        ("自查表", "自查表整改台账"),
        (None, "整改台账"),
    ],
)
def test_ledger_title_from_notice_title(title: str | None, expected: str) -> None:
    assert ledger_rules().ledger_title(title) == expected


def test_form_problems_become_rows_with_person_and_deadline_notes(self_check_form: Form) -> None:
    ledger = build_ledger([self_check_form], date="2024-04-02")
    assert [(r.no, r.category, r.item, r.owner_person, r.owner_unit, r.deadline, r.note) for r in ledger.rows] == [
        (1, "行政执法裁量基准", "裁量基准未及时修订", "张伟", None, "2024-06-30", "时限：自查表；责任单位：自查表未写明，请填写"),
        (2, "执法案卷管理", "=HYPERLINK(\"http://x\")案卷归档不及时", "李娜", None, None,
         "时限：自查表写“长期坚持”；责任单位：自查表未写明，请填写"),
    ]
    assert ledger.rows[0].measures == "对照新修订法规逐项修订裁量基准"
    assert ledger.rows[0].source_ref.to_dict() == {
        "doc_number": None, "task": "1", "page": 2, "file": "自查表.pdf",
        "title": "“破执法梗阻·优法治服务”专项问题自查表",
    }
    assert ledger.title == "“破执法梗阻·优法治服务”专项问题自查表整改台账"


def test_notice_and_form_merge_with_their_sources(seed000_notice: Notice, self_check_form: Form) -> None:
    ledger = build_ledger([seed000_notice, self_check_form], date="2021-10-08")
    assert len(ledger.rows) == 13
    assert ledger.rows[11].source_ref.file == "自查表.pdf"
    assert [s.file for s in ledger.sources] == ["clean-transcription.txt", "自查表.pdf"]
    validate_record(ledger.to_dict(), "ledger")


def test_a_task_never_borrows_another_tasks_deadline() -> None:
    """The deqing plan with 完成时限 only in task 1's text (`2023年6月底前完成企业开办全流程改革`): that
    deadline is task 1's; tasks 2–4 have none, and say so, instead of taking it as a closing deadline."""
    def task(number: str, title: str, span: tuple[int, int]) -> Task:
        return Task(number=number, title=title, text=title + "。", section="重点任务", evidence=Evidence(page=1, span=span))

    notice = Notice(
        source=Source(file="deqing.txt", sha256="0" * 64),
        tasks=[task("（一）", "提升政务服务效能", (165, 173)), task("（一）1", "推进企业开办“一件事”改革", (176, 260)),
               task("（一）2", "深化工程建设项目审批制度改革", (263, 332)), task("（二）", "加强法治保障", (336, 342)),
               task("（二）3", "规范涉企行政检查", (345, 403)), task("（二）4", "健全涉企纠纷化解机制", (406, 464))],
        deadlines=[Deadline(date="2023-06-30", what="完成企业开办全流程改革", evidence=Evidence(page=1, span=(226, 235))),
                   Deadline(date=None, what="报送工作进展", recurring="每季度末月20日前", evidence=Evidence(page=1, span=(561, 570)))],
    )
    rows = rows_from_notice(notice)
    assert [(r.source_ref.task, r.deadline, (r.note or "").split("；")[0]) for r in rows] == [
        ("（一）1", "2023-06-30", "时限：取自文件时限要求“完成企业开办全流程改革”"),
        ("（一）2", None, "时限：原文未规定，请填写"),
        ("（二）3", None, "时限：原文未规定，请填写"),
        ("（二）4", None, "时限：原文未规定，请填写"),
    ]


def test_a_closing_deadline_outside_every_task_still_covers_them() -> None:
    notice = _notice([], [Deadline(date="2022-12-20", what="全面完成整改", evidence=Evidence(page=3, span=(900, 910)))])
    other = Task(number="（二）", title="规范执法程序", text="规范执法程序。", evidence=Evidence(page=1, span=(150, 170)))
    notice.tasks = [_TASK, other]
    resolved = resolve_task_deadline(other, notice, ledger_rules())
    assert (resolved.date, resolved.note) == ("2022-12-20", "时限：取自文件时限要求“全面完成整改”")
