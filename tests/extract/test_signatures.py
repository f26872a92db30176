"""Who signs a notice and when, in copies that print the signature run on (docproc.extract.run_on's signature
breaks); texts written after the shapes of the development gold."""

from __future__ import annotations

import pytest

from tests.extract.test_frame import notice_record


def test_a_joint_signature_after_the_last_sentence_gives_every_organ_the_copy_ran_together() -> None:
    text = ("首页 最新文件 某市农业农村局等6部门关于印发《某市合作社规范提升行动实施方案》的通知 时间：2020-04-23 10:46 "
            "各区县，市直各相关单位： 现将《某市合作社规范提升行动实施方案》印发给你们，请认真贯彻落实。"
            "某市农业农村局 某市经济发展局某市财政金融局 某市市场监督管理局某市行政审批局国家税务总局某市税务局 "
            "福建银保监局某市监管组 某市供销合作社联合社 2020年4月14日（此件主动公开）某市合作社规范提升行动实施方案 一、目标。")
    record = notice_record(text)
    assert (record["issuers"], record["issue_date"]) == (
        ["某市农业农村局", "某市经济发展局", "某市财政金融局", "某市市场监督管理局", "某市行政审批局", "国家税务总局某市税务局",
         "福建银保监局某市监管组", "某市供销合作社联合社"], "2020-04-14")


def test_a_date_closing_a_run_on_copy_without_an_organ_is_its_issue_date() -> None:
    # …（四）…视同无证经营处理。 二〇一二年五月十四日 附件下载: no organ signs, the date still closes the text
    text = ("当前位置： 首页政务公开 某区交通与建设局关于开展瓶装燃气经营许可证申报工作的通知 时间：2012-05-15 微信 微博 "
            "某交建〔2012〕8号 各燃气经营企业： 为规范燃气经营，现就有关事项通知如下： 一、申报时间 企业应于5月25日前申报。 "
            "二、其他事项 对逾期不申报的企业，我局不予发放许可证，视同无证经营处理。 二〇一二年五月十四日 附件下载")
    record = notice_record(text)
    assert record["issue_date"] == "2012-05-14"


SIGNATURE_AFTER_ATTACHMENTS = {
    # 附件： 某某职工门诊特殊病种种类某某综合实验区管委会办公室2022年3月11日: the title, then the signing organ
    "an attachment title of no known kind glued to the organ is cut where the organ opens again": (
        "当前位置： 首页政务公开 某某综合实验区管委会办公室关于实施门诊保障办法的通知 时间：2022-03-14 微信 微博 "
        "各片区管理局，区直各单位： 现将有关事项通知如下，请认真贯彻执行。 附件： 某某职工门诊特殊病种种类"
        "某某综合实验区管委会办公室2022年3月11日 附件某某职工门诊特殊病种种类1恶性肿瘤",
        (["某某综合实验区管委会办公室"], "2022-03-11", ["某某职工门诊特殊病种种类"]),
    ),
    # …自查报告4.2018年…统计表: the fourth item opens on a year; 中华人民共和国某海关 signs with the others
    "attachments numbered before a year and a customs office among joint signers": (
        "当前位置： 首页政务公开 某区经济发展局等三部门关于做好退税申报工作的通知 时间：2024-11-13 微信 微博 "
        "各有关企业： 现将有关事项通知如下，请认真执行。 附件：1.申报指引2.典型案例3.自查报告4.2018年退税工作统计表 "
        "某区经济发展局 国家税务总局某区税务局 中华人民共和国某海关 2024年11月12日",
        (["某区经济发展局", "国家税务总局某区税务局", "中华人民共和国某海关"], "2024-11-12",
         ["申报指引", "典型案例", "自查报告", "2018年退税工作统计表"]),
    ),
}


@pytest.mark.parametrize(("text", "expected"), SIGNATURE_AFTER_ATTACHMENTS.values(), ids=SIGNATURE_AFTER_ATTACHMENTS.keys())
def test_the_signature_after_the_attachment_list(text: str, expected: tuple[list[str], str, list[str]]) -> None:
    record = notice_record(text)
    assert (record["issuers"], record["issue_date"], record["attachments"]) == expected


def test_a_party_committee_and_a_government_signing_in_two_columns_read_row_by_row() -> None:
    # 中共某综合实验区 | 某综合实验区 over 某片区管理局委员会 | 某片区管理局: the copy glued the first row's second cell
    # to the second row's first
    text = ("当前位置： 首页政务公开 某片区管理局党委 某片区管理局关于成立安全生产工作领导小组的通知 时间：2019-12-23 "
            "片区各乡镇，各工作组： 为进一步加强安全生产工作，经片区党委研究，决定成立某片区管理局安全生产工作领导小组，成员名单如下： "
            "组 长：孙某群 片区管理局党委书记、局长 成 员：郭某建 大练乡党委书记 以上组成人员若因工作岗位变动，由其继任者自然接替，"
            "不再另行发文。 中共某综合实验区 某综合实验区某片区管理局委员会 某片区管理局 2019年9月9日 附件下载")
    record = notice_record(text)
    assert (record["issuers"], record["issue_date"]) == (
        ["中共某综合实验区某片区管理局委员会", "某综合实验区某片区管理局"], "2019-09-09")
