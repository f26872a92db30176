"""What a deadline's date governs (docproc.extract.deadline_acts), rules written after test_deadlines.py filled up."""

from __future__ import annotations

from datetime import date

import pytest

from docproc.extract.deadlines import find_deadlines


def test_an_act_done_by_the_obliged_themselves_is_still_an_obligation() -> None:
    text = "其余列入名单的违建项目在8月31日前自行取缔或关闭到位。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2016, [])] == [(date(2016, 8, 31), "取缔或关闭到位")]


@pytest.mark.parametrize("text, to", [
    ("各主管部门在6月20日前提出补偿方案报管委会同意后，牵头实施。", "管委会"),
    ("各主管部门在6月20日前提出补偿方案报区管委会审批。", "区管委会"),
])
def test_a_plan_sent_up_for_approval_is_the_plan_and_where_it_goes(text: str, to: str) -> None:
    assert [(h.what, h.to) for h in find_deadlines(text, 2016, [])] == [("提出补偿方案", to)]


def test_a_heading_glued_before_the_subject_is_no_part_of_what_is_sent() -> None:
    text = "（四）总结验收（11月）各镇、各部门将工作总结于2016年11月10日前报区农业局。"
    assert [(h.what, h.to) for h in find_deadlines(text, 2016, [])] == [("报工作总结", "区农业局")]


@pytest.mark.parametrize("text, what", [
    ("区交通局在10月10日前对本系统现行的规范性文件进行梳理排查。", "进行梳理排查"),
    ("在10月底前，对试点村开展村干部届中审计工作。", "开展村干部届中审计工作"),
    ("各单位要于9月底前对辖区内的养老机构进行一次全面排查。", "进行一次全面排查"),
])
def test_what_is_carried_out_on_an_object_is_the_act_as_printed(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2023, [])] == [what]
