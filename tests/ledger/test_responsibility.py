"""责任领导 from the leading group or the task's own slot; 责任单位/责任人 from owners and slots; never guessed."""

from __future__ import annotations

import pytest

from docproc.ledger.responsibility import (
    Filled,
    leader_in_charge,
    read_slots,
    strip_slots,
    task_responsibility,
)
from docproc.ledger.rules import ledger_rules
from docproc.model.notice import Task
from tests.ledger.conftest import gold_notice, ledger_fixture_notice


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # the group's 组长, with name and position
        ("seed-000", Filled("王会奇（副市长）", "取自市助企护企执法监督专项行动工作领导小组组长")),
        # two groups: the one named in the title (加强行政执法规范化建设工作…); its 组长 is a position only
        ("seed-001", Filled("局长", "取自“加强行政执法规范化建设”工作领导小组组长")),
        # 由县长任组长、分管副县长任副组长: the member in charge (分管) before the 组长
        ("owners-deadlines-deqing", Filled("分管副县长", "取自营商环境优化提升工作领导小组分管领导")),
        # Traditional script
        ("traditional-hengqin", Filled("梁嘉欣（執行委員會副主任）", "取自合作區跨境執法協作工作領導小組組長")),
        # a 指挥部 and a 工作专班, neither named in the title: not guessed
        ("command-taskforce-changyuan",
         Filled(None, "文件设有多个领导小组（“长垣市城区防汛抗旱指挥部”、“防汛应急抢险工作专班”），请填写")),
        # no leading group at all
        ("month-phases-laixi", Filled(None, "原文未明确，请填写")),
    ],
)
def test_leader_in_charge_of_gold_notices(case: str, expected: Filled) -> None:
    assert leader_in_charge(gold_notice(case), ledger_rules()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进企业开办改革。实现一窗受理。（牵头单位：县市场监管局；责任单位：县公安局、县税务局；完成时限：2023年6月底前）",
         {"unit": ["县市场监管局", "县公安局", "县税务局"], "deadline": ["2023年6月底前"]}),
        ("学习不够深入。整改措施：制定学习计划。责任领导：王伟（副局长）；责任部门：办公室；责任人：李强；整改时限：2024年6月底前。",
         {"leader": ["王伟（副局长）"], "unit": ["办公室"], "person": ["李强"], "deadline": ["2024年6月底前"]}),
        ("分管领导：张敏、刘军；具体负责人：赵丽", {"leader": ["张敏", "刘军"], "person": ["赵丽"]}),
        # 领导小组 is not a slot label; a sentence without a colon has no slot
        ("成立领导小组，各单位要加强领导。", {}),
    ],
)
def test_slots_of_a_task_text(text: str, expected: dict[str, list[str]]) -> None:
    assert read_slots(text, ledger_rules()).values == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实现一窗受理。（牵头单位：县市场监管局；责任单位：县公安局；完成时限：2023年6月底前）", "实现一窗受理。"),
        ("整改措施：制定学习计划。责任领导：王伟（副局长）；责任部门：办公室；整改时限：2024年6月底前。", "制定学习计划。"),
        # a bracket that is not made of slots stays
        ("推行“综合查一次”（即联合检查），减少重复检查。", "推行“综合查一次”（即联合检查），减少重复检查。"),
    ],
)
def test_measures_lose_the_slots_that_have_their_own_columns(text: str, expected: str) -> None:
    assert strip_slots(text, ledger_rules()) == expected


def test_a_task_slot_names_the_leader_before_the_group() -> None:
    rules = ledger_rules()
    notice = ledger_fixture_notice("inspection-qingshan/notice.json")
    group_leader = leader_in_charge(notice, rules)
    assert group_leader == Filled("周建国（局党组书记、局长）", "取自巡察整改工作领导小组组长")
    task = next(t for t in notice.tasks if t.number == "（一）2")
    who = task_responsibility(task, group_leader, rules)
    assert (who.leader, who.owner_unit, who.owner_person) == (Filled("吴晓燕"), Filled("普法与依法治理科"), Filled("陈静"))


def test_a_task_without_owners_or_persons_says_so() -> None:
    task = Task(number="（一）", title="开展现状排查", text="开展现状排查。全面摸清底数。")
    who = task_responsibility(task, Filled(None, "原文未明确，请填写"), ledger_rules())
    assert who.owner_unit == who.owner_person == who.leader == Filled(None, "原文未明确，请填写")
