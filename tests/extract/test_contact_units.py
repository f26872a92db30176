"""Whose a contact is (docproc.extract.contact_units): the unit printed right before its label."""

from __future__ import annotations

import pytest

from docproc.extract.contacts import find_contacts


def test_the_unit_before_a_label_starts_after_the_number_of_the_contact_before() -> None:
    text = "各分局电话如下：区市场监管局君山分局：24356778区市场监管局值班电话：24312145。"
    assert [(h.org, h.phones) for h in find_contacts(text)][-1] == ("区市场监管局", ["24312145"])


@pytest.mark.parametrize("text, expected", [
    ("对下列火灾，片区应立即报告。（片区值班电话：23159779，区森林公安值班电话：24338689）",
     [(None, "片区", ["23159779"]), (None, "区森林公安", ["24338689"])]),
    ("区经发局联系人：曾玢，联系电话：15806071760 上海某某大学联系人：陈老师，联系电话：13918894610",
     [("曾玢", "区经发局", ["15806071760"]), ("陈老师", "上海某某大学", ["13918894610"])]),
])
def test_a_police_station_a_district_office_and_a_university_are_units(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(h.name, h.org, h.phones) for h in find_contacts(text)] == expected


def test_an_offices_number_printed_again_under_a_shorter_name_is_one_contact() -> None:
    text = "如有问题，请及时上报苏平片区管理局（值班电话：23159779）。应急电话：苏平片区值班电话：23159779"
    assert [(h.org, h.phones) for h in find_contacts(text)] == [("苏平片区管理局", ["23159779"])]


@pytest.mark.parametrize("text, expected", [
    ("电子文档发送至区经济发展局（经信处邮箱：abc_def@163.com）。", [(None, "区经济发展局", ["abc_def@163.com"])]),
    ("相关政策咨询，请拨打某某服务有限公司教育培训中心联系电话：0591-38710000，联系人：陈曾。",
     [("陈曾", "某某服务有限公司教育培训中心", [])]),
    # a signature's unit with the bracket of its contact opened after it: no unit of the bracket's own
    ("某某区交通与建设局 (联系人：高某某，联系电话：15959150000)", [("高某某", None, [])]),
])
def test_a_unit_before_a_bracketed_label_and_after_a_verb_to_call_it(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(h.name, h.org, h.emails) for h in find_contacts(text)] == expected


def test_a_web_address_alone_is_no_contact_even_under_a_unit() -> None:
    assert find_contacts("相关办法可在省经信委门户网站（网址：jxw.example.gov.cn）下载。") == []


@pytest.mark.parametrize("text, expected", [
    # 报送到 hands the unit over as 报送至 does
    ("7月1日前将活动总结以书面文件和电子文本两种方式报送到区交通与建设局（电子邮箱：jtjs_test@163.com）。",
     [("区交通与建设局", ["jtjs_test@163.com"])]),
    # a hotline set up (设立, 畅通) is no unit's name
    ("建立举报奖励机制，设立片区举报电话（0591-23150000），发动群众举报。", [(None, [])]),
    # a person sent to at the end of the sentence before a number with no name of its own
    ("请各单位将汇总表于7月31日前报食品处陈某华。联系电话：23160000；电子邮箱：test_food@qq.com。",
     [("食品处", ["test_food@qq.com"])]),
    # X挂靠在Y: X, not the group hosting it
    ("请各村将活动总结报送某片区创城办挂靠在城市管理与综合执法工作小组（电子邮箱：czb_test@163.com）。",
     [("某片区创城办", ["czb_test@163.com"])]),
])
def test_a_unit_sent_to_by_报送到_a_hotline_set_up_and_a_hosted_office(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(h.org, h.emails) for h in find_contacts(text)] == expected


def test_the_unit_an_office_is_hosted_by_answers_its_number() -> None:
    text = "领导小组下设办公室（区春运办），挂靠区交通与建设局（联系电话及传真：0591-23175057，邮箱：pt23157338@163.com）。"
    assert [(h.org, h.emails) for h in find_contacts(text)] == [("区交通与建设局", ["pt23157338@163.com"])]


def test_a_unit_printed_before_its_contacts_heading_owns_the_numbers_under_it() -> None:
    text = "（四）总结阶段（11月）认真总结。实验区环保专项行动领导小组办公室联系方式： 电 话：23150001 传 真：23150002"
    assert [(h.name, h.org, h.phones, h.fax) for h in find_contacts(text)] == [
        (None, "实验区环保专项行动领导小组办公室", ["23150001"], "23150002")]


@pytest.mark.parametrize("text, expected", [
    ("请于11月30日前领取。（三）区教育局教师资格认定申请咨询电话：0591-24330001(正常上班时间)。",
     (None, "区教育局", ["0591-24330001"])),
    ("遇到问题及时汇报，片区24小时值班电话：0591-23150002。", (None, "片区", ["0591-23150002"])),
])
def test_the_unit_opening_a_hotlines_topic_answers_it(text: str, expected: tuple[object, ...]) -> None:
    assert [(h.name, h.org, h.phones) for h in find_contacts(text)] == [expected]


def test_no_unit_is_read_from_a_hotlines_topic_that_names_none() -> None:
    assert [h.org for h in find_contacts("网上报名系统客服电话：021-61940003")] == [None]  # a system, no unit


def test_units_listed_with_colons_glued_after_a_number_or_their_heading_each_own_their_number() -> None:
    text = ("片区应急电话金井片区：23150001 海坛片区：23100001君山片区：23130001 "
            "市场监管应急电话区市场监管局金井分局：23130002")
    assert [(hit.name, hit.org, hit.phones) for hit in find_contacts(text)] == [
        (None, "金井片区", ["23150001"]), (None, "海坛片区", ["23100001"]), (None, "君山片区", ["23130001"]),
        (None, "区市场监管局金井分局", ["23130002"]),
    ]


def test_units_listed_by_their_part_with_the_next_items_number_glued_to_each_phone() -> None:
    # 1.主办单位X：0591-231631082.支持单位…: the part the unit plays is no part of its name; the item number glued
    # after an eight-digit landline is no digit of it; a mobile stands as a landline does
    text = ("二、组织机构及联系方式：1.主办单位某某区经济发展局：0591-231630002.支持单位某某区工商业联合会："
            "0591-231600003.承办单位某某大闽孵化器管理有限公司：18350790000 附件：1.组织方案")
    assert [(hit.name, hit.org, hit.phones) for hit in find_contacts(text)] == [
        (None, "某某区经济发展局", ["0591-23163000"]), (None, "某某区工商业联合会", ["0591-23160000"]),
        (None, "某某大闽孵化器管理有限公司", ["18350790000"]),
    ]


def test_a_unit_listed_with_its_number_right_after_a_contacts_heading() -> None:
    text = "三、联系方式某某区经济发展局：0591-23160000特此通知。"
    assert [(hit.name, hit.org, hit.phones) for hit in find_contacts(text)] == [
        (None, "某某区经济发展局", ["0591-23160000"])]
