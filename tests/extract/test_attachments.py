"""Attachment titles (docproc.extract.attachments) through the whole extractor, on texts written after
the shapes of the development gold."""

from __future__ import annotations

import pytest

from tests.extract.test_frame import notice_record


def _attachments(body: str) -> list[str]:
    text = f"关于转发某某工作的通知\n各有关企业：\n现将有关通知转发给你们，请认真贯彻执行。\n{body}\n某区经济发展局\n2022年8月18日\n"
    return list(notice_record(text)["attachments"])


def test_a_forwarded_notices_number_on_the_line_under_its_title_belongs_to_it() -> None:
    body = "附件：福建省某某厅关于做好2022年专项资金申报工作的通知\n（闽某〔2022〕108号）"
    assert _attachments(body) == ["福建省某某厅关于做好2022年专项资金申报工作的通知（闽某〔2022〕108号）"]


def test_a_quoted_title_keeps_its_number_and_not_the_signature_run_on_after_it() -> None:
    body = "附件：1.2018年景区安全检查工作方案\n2.《关于印发安全生产大检查实施方案的通知》（某旅发〔2018〕75号）某区风景名胜区管理局"
    assert _attachments(body) == ["2018年景区安全检查工作方案", "关于印发安全生产大检查实施方案的通知（某旅发〔2018〕75号）"]


def test_a_signature_run_onto_a_procedure_or_an_agreement_is_the_signature() -> None:
    # (a web copy: the whole page on one line, the signature glued to the last attachment)
    for title, sign in (("公务用车转挂号牌办理流程", "某市人民政府办公室2014年3月6日"),
                        ("建筑施工企业终止工伤保险关系协议书", "某市人民政府办公室2014年3月6日")):
        text = ("某市人民政府办公室关于做好公务用车号牌改挂工作的通知 各区、县人民政府，市直各单位：一、改挂时间为3月10日至4月18日。"
                f"二、请各单位务必高度重视，按期完成改挂工作，办理流程详见附件。附件：{title}{sign}附件{title}一、需要提交凭证。")
        record = notice_record(text)
        assert (record["attachments"], record["issuers"], record["issue_date"]) == (
            [title], ["某市人民政府办公室"], "2014-03-06")


def test_an_attachments_heading_printed_again_after_its_label_is_one_title() -> None:
    assert _attachments("附件：“三考”期间相关注意事项提示附件“三考”期间相关注意事项提示") == ["“三考”期间相关注意事项提示"]


def test_what_a_copy_printed_after_the_last_title_is_no_part_of_it() -> None:
    assert _attachments("附件：企业大检查自查自改承诺书 附件 企业大检查自查自改承诺书 本企业已按照相关法律法规开展自查。") == [
        "企业大检查自查自改承诺书"]
    assert _attachments("附件：2017年地方补助资金拟补助名单 区经发局：0591-23160001（经信处）") == ["2017年地方补助资金拟补助名单"]
    assert _attachments("附件：2015、2016年环卫设施建设任务分解表（联系人：高某，电话：13705980000）") == ["2015、2016年环卫设施建设任务分解表"]


def test_an_outline_of_a_quoted_plan_is_a_title_of_its_own() -> None:
    assert _attachments("附件：《2021年物联网应用基地实施方案》编写提纲") == ["《2021年物联网应用基地实施方案》编写提纲"]


def test_files_listed_each_after_its_own_label_on_one_line() -> None:
    body = "附件：附件1.延期检验申请表.doc附件2.涉疫场所电梯按需维保声明函.doc"
    assert _attachments(body) == ["延期检验申请表.doc", "涉疫场所电梯按需维保声明函.doc"]


def test_a_signature_glued_to_the_last_title_is_the_signature() -> None:
    # a table titled …进展情况, then the organ; an organ a space broke before its office
    for body, title, organ in (
        ("附件：水上运输和渔业船舶安全专项整治进展情况平潭综合实验区管委会安全生产委员会办公室2022年9月19日",
         "水上运输和渔业船舶安全专项整治进展情况", "平潭综合实验区管委会安全生产委员会办公室"),
        ("附件：2025年衔接推进乡村振兴项目计划表（扶持发展新型农村集体经济项目） 平潭综合实验区党工委农村工作 "
         "领导小组办公室 2025年4月10日（此件主动公开）",
         "2025年衔接推进乡村振兴项目计划表（扶持发展新型农村集体经济项目）", "平潭综合实验区党工委农村工作领导小组办公室"),
    ):
        prose = "各牵头单位和配合单位请于9月30日前向区安办报送工作方案，并于11月20日前将工作总结报送区安办，确保各项措施落到实处。" * 2
        record = notice_record(f"关于做好某某工作的通知\n各有关单位：\n{prose}{body}\n")  # (a web copy's one long line)
        assert (record["attachments"], record["issuers"]) == ([title], [organ])


def test_the_labels_own_1_opens_a_numbered_list() -> None:
    # 附件1. X / 2. Y: the label's 1 numbers the first title, the next title keeps no number
    assert _attachments("附件1. 企业“五落实五到位”联络员\n2.企业“五落实五到位”进展情况汇总表") == [
        "企业“五落实五到位”联络员", "企业“五落实五到位”进展情况汇总表"]


def test_the_labels_own_1_after_a_sentence_of_a_run_on_copy_starts_the_list() -> None:
    text = ("某区安委会办公室关于贯彻落实某规定的通知 各成员单位： 为贯彻落实企业安全生产责任体系规定，现将有关事项通知如下。"
            "一、充分认识重要意义。各相关部门要深入学习。二、全面落实，加强管理。各相关部门要督促企业将挂图张贴在醒目位置。"
            "各安委会成员单位请于每月3日前将进展情况汇总表报送区安办。附件1. 企业联络员名单 2.企业进展情况汇总表 "
            "某区安全生产委员会办公室 2015年7月8日")
    assert notice_record(text)["attachments"] == ["企业联络员名单", "企业进展情况汇总表"]


def test_the_labels_own_1_numbers_a_list_run_into_one_line() -> None:
    assert _attachments("附件1.福建省某某局关于开展无证生产经营专项整治的通知2.福建省某某局关于开展风险隐患排查的通知") == [
        "福建省某某局关于开展无证生产经营专项整治的通知", "福建省某某局关于开展风险隐患排查的通知"]


def test_the_imprints_抄送_run_onto_the_last_title_is_no_part_of_it() -> None:
    assert _attachments("附件:中小学生校外培训（学科类）教育机构名单抄送：驻区财政金融局纪检组。") == [
        "中小学生校外培训（学科类）教育机构名单"]


# what a copy ran onto an attachment's title, and what it leaves: (the notice, its attachments)
RUN_ONTO_THE_TITLE = {
    "the table's header": (
        "某区关于印发海绵城市建设实施方案的通知\n各街镇：\n现将实施方案印发给你们。\n"
        "附件：某区海绵城市建设重点任务分解表序号任务类型重点内容责任单位\n某区人民政府办公室\n2024年5月6日\n",
        ["某区海绵城市建设重点任务分解表"]),
    "the signature, after the page number": (
        "平潭综合实验区社会事业局关于做好基层卫生人才能力提升培训工作的通知\n各卫生院：\n现将有关事项通知如下，请认真组织实施。\n"
        "附件：2021年基层卫生人才能力提升培训项目任务表1平潭综合实验区社会事业局2021年6月15日\n",
        ["2021年基层卫生人才能力提升培训项目任务表"]),
    "a place of the organ inside the title is no signature": (
        "平潭综合实验区社会事业局关于报送统计表的通知\n各卫生院：\n请认真组织实施。\n附件：全区卫生院平潭综合实验区分布统计表\n"
        "平潭综合实验区社会事业局\n2021年6月15日\n",
        ["全区卫生院平潭综合实验区分布统计表"]),
    "a contact": (
        "某区经济发展局关于报送投资项目情况的通知\n各单位：\n请于6月1日前报送。\n"
        "附件：2017年社会事业领域中央预算内投资项目情况表联系人:郑某 电话:23163131\n某区经济发展局\n2017年5月15日\n",
        ["2017年社会事业领域中央预算内投资项目情况表"]),
}


@pytest.mark.parametrize("text, attachments", RUN_ONTO_THE_TITLE.values(), ids=RUN_ONTO_THE_TITLE.keys())
def test_what_a_copy_ran_onto_an_attachments_title_is_no_part_of_it(text: str, attachments: list[str]) -> None:
    assert notice_record(text)["attachments"] == attachments
