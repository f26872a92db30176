"""The enclosed document's own heading (docproc.extract.enclosures) on shapes of the development gold:
a heading with a place the cover's title leaves out, a year span under it, a copy run into one line."""

from __future__ import annotations

import pytest

from tests.extract.test_frame import notice_record


@pytest.mark.parametrize("body, enclosed", [
    ("现将《…》印发给你们。\n某市工业和信息化局\n2021年2月2日\n某市2021年春节期间电力需求响应实施细则\n一、总则\n",
     ["某市2021年春节期间电力需求响应实施细则"]),
    ("现印发给你们。\n某省能源局\n2023年5月22日\n某省推进能源高质量发展实施方案\n（2023-2025年）\n高质量发展是首要任务。\n",
     ["某省推进能源高质量发展实施方案（2023-2025年）"]),
    ("现印发给你们。\n某市工业和信息化局\n2021年2月2日\n附件：《2021年春节期间电力需求响应实施细则》.docx\n",
     ["2021年春节期间电力需求响应实施细则"]),
    # a scan lost the heading's last character: the title's name stands
    ("现印发给你们。\n某省能源局\n2023年5月22日\n某省推进能源高质量发展实施方\n一、总则\n", ["某省推进能源高质量发展实施方案"]),
])
def test_the_enclosures_own_heading_is_the_enclosed_title(body: str, enclosed: list[str]) -> None:
    name = "某省推进能源高质量发展实施方案" if "能源局" in body else "2021年春节期间电力需求响应实施细则"
    text = f"某市工业和信息化局关于印发{name}的通知\n各区：\n{body}"
    assert notice_record(text)["enclosed_titles"] == enclosed


def test_a_copy_run_into_one_line_prints_the_organ_before_the_enclosed_name() -> None:
    text = ("当前位置： 首页 部门文件 某区市场监督管理局关于印发开展互联网广告专项整治工作方案的通知 时间：2018-05-02 09:20 "
            "某市监〔2018〕12号 某区市场监督管理局关于印发开展互联网广告专项整治工作方案的通知 各科室：现将《开展互联网广告"
            "专项整治工作方案》印发给你们，请认真贯彻落实。 某区市场监督管理局 2018年5月2日 某区市场监督管理局开展互联网广告"
            "专项整治工作方案 为切实加强互联网广告监管，制定本方案。 一、工作目标 全面净化互联网广告市场环境。")
    assert notice_record(text)["enclosed_titles"] == ["某区市场监督管理局开展互联网广告专项整治工作方案"]


@pytest.mark.parametrize("title", ["某区农委关于印发《某区耕地保护工作方案》等三个工作方案的通知",
                                   "某区农委关于印发《某区耕地保护工作方案》等的通知"])
def test_a_title_naming_the_first_of_several_encloses_those_the_attachment_list_names(title: str) -> None:
    record = notice_record(f"{title}\n各街镇：\n现印发给你们，请认真贯彻执行。\n附件：1、某区耕地保护工作方案\n"
                           "2、某区耕地安全利用工作方案\n3、某区耕地严格管控工作方案\n某区农委\n2020年10月19日\n")
    assert record["enclosed_titles"] == ["某区耕地保护工作方案", "某区耕地安全利用工作方案", "某区耕地严格管控工作方案"]


@pytest.mark.parametrize("title, enclosed", [
    # the forwarded document is itself a 通知: its 的通知 is its own, under its organ's name (dev gold 4 of 5)
    ("某区经济发展局转发省发改委关于开展2016年度中央预算内投资项目自查整改工作的通知",
     ["省发改委关于开展2016年度中央预算内投资项目自查整改工作的通知"]),
    # a forwarded 意见 or 报告: the forwarding notice's 的通知 is not its
    ("某县人民政府批转县发展改革局关于加快关停小火电机组若干意见的通知", ["关于加快关停小火电机组的若干意见"]),
    # a plan's kind its words run into (…工作实施方案) leaves no 的 out
    ("某县人民政府印发关于国有资产清查工作实施方案的通知", ["关于国有资产清查工作实施方案"]),
])
def test_a_forwarded_documents_own_title(title: str, enclosed: list[str]) -> None:
    assert notice_record(f"{title}\n各单位：\n现转发给你们，请认真贯彻执行。\n某区经济发展局\n2017年8月16日\n")[
        "enclosed_titles"] == enclosed


def test_the_organ_issuing_the_enclosure_with_its_about_is_kept() -> None:
    """平潭…管委会关于进一步做好…实施方案 under 关于印发《进一步做好…实施方案》的通知: the cover cites it with its
    organ and 关于, and so is it headed; a heading run on after the signature says the same."""
    quoted = ("某区管委会办公室关于印发《进一步做好社会救助工作的实施方案》的通知\n区直各部门：\n"
              "现将《某区管委会关于进一步做好社会救助工作的实施方案》印发给你们，请认真遵照执行。\n某区管委会办公室\n"
              "2016年2月2日\n某区管委会关于进一步做好社会救助工作的实施方案\n一、总体要求\n")
    assert notice_record(quoted)["enclosed_titles"] == ["某区管委会关于进一步做好社会救助工作的实施方案"]
    bare = ("某区经济发展局关于印发开展施工升降设备专项检查工作方案的通知\n各有关企业：\n现将方案印发给你们。\n"
            "某区经济发展局\n2017年11月21日\n（此件主动公开） 某区经济发展局关于 开展施工升降设备专项检查工作方案\n按照要求开展检查。\n")
    assert notice_record(bare)["enclosed_titles"] == ["某区经济发展局关于开展施工升降设备专项检查工作方案"]


@pytest.mark.parametrize("text, enclosed", [
    # the heading printed with the signing organ's place before the cover's name
    ("某市某区经济发展局关于印发2016年全区商贸行业“安全生产月”活动实施方案的通知 各处室：现将《2016年全区商贸行业“安全生产月”"
     "活动实施方案》印发给你们，请认真组织实施。 某市某区经济发展局 2016年5月18日 某市某区2016年全区商贸行业“安全生产月”活动"
     "实施方案 为深入开展安全生产月活动，制定本方案。 一、活动主题 全区商贸行业统一开展。",
     ["某市某区2016年全区商贸行业“安全生产月”活动实施方案"]),
    # a place inside the organ's name (金井片区 of 某区金井片区管理局)
    ("关于印发2020年春运工作实施方案的通知 各处室：现将《2020年春运工作实施方案》印发给你们，请认真贯彻执行。 某区金井片区管理局"
     " 2020年1月8日 金井片区2020年春运工作实施方案 为做好春运工作，制定本方案。 一、工作目标 确保春运安全。",
     ["金井片区2020年春运工作实施方案"]),
])
def test_a_copy_run_into_one_line_prints_the_signing_organs_place_before_the_enclosed_name(
        text: str, enclosed: list[str]) -> None:
    assert notice_record(text)["enclosed_titles"] == enclosed
