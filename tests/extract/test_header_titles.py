"""The title a run-on web copy prints over its recipients: a document type word inside the title, and a title
that closes on the book title it issues. Texts written for these tests after the shapes of round-28 dev cases."""

from __future__ import annotations

from typing import Any

from docproc.extract.pipeline import extract_notice
from tests.extract.text_document import document_from_text

PAGE = "当前位置： 首页政务公开最新文件部门文件 时间：2015-05-26 10:01 微信 微博 QQ空间 "


def record(text: str) -> dict[str, Any]:
    return extract_notice(document_from_text(text)).to_dict()


def test_a_type_word_inside_a_title_does_not_end_it() -> None:
    # 规划 is a document type, but the title runs on to its own …的通知 before the recipients
    notice = record(
        PAGE + "某综管办〔2015〕92号某区管委会办公室关于严禁在某区规划建设用地上种植果树的通知区直各单位，各乡镇人民政府："
        "去年以来，个别乡镇群众在规划的用地上抢种名贵树种。为规范管理，现就相关事项通知如下：一、任何单位不得擅自提高补偿标准。"
    )
    assert notice["title"] == "某区管委会办公室关于严禁在某区规划建设用地上种植果树的通知"
    assert notice["doc_type"] == "通知"
    assert notice["recipients"] == ["区直各单位", "各乡镇人民政府"]


def test_a_title_closing_on_the_book_title_it_issues() -> None:
    # 关于印发《…的通知》 with no 的通知 after it: the title ends at 》, its type is the book title's
    notice = record(
        "平潭某片区管理局党政办公室关于印发《某片区开展安全生产大检查工作的通知》\n"
        "某办〔2022〕39号 平潭某片区管理局党政办公室关于印发《某片区开展安全生产大检查工作的通知》 各处室，各有关单位，各村（居）："
        "为深入贯彻落实安全生产工作部署，经研究决定，组织开展安全生产大检查。现就有关事项通知如下：一、总体要求 坚持人民至上。"
    )
    assert notice["title"] == "平潭某片区管理局党政办公室关于印发《某片区开展安全生产大检查工作的通知》"
    assert notice["doc_type"] == "通知"
    assert notice["enclosed_titles"] == ["某片区开展安全生产大检查工作的通知"]
    assert notice["recipients"] == ["各处室", "各有关单位", "各村（居）"]


def test_a_title_wrapped_after_a_type_word_inside_it_is_read_whole() -> None:
    # the first line ends in 文件 (a red header's word) or 规划 (a type), but it is about something: the title goes on
    for first, second in (("国务院办公厅关于全面推行行政规范性文件", "合法性审核机制的指导意见"),
                          ("某区人民政府办公室关于做好某某专项规划", "编制有关工作的通知")):
        notice = record(f"{first}\n{second}\n某办发〔2018〕115号\n各乡镇人民政府，区直各单位：\n为做好有关工作，现通知如下："
                        "一、提高认识。\n某区人民政府办公室\n2018年12月4日\n")
        assert notice["title"] == first + second


def test_a_page_label_between_the_title_and_the_recipients_is_read_past() -> None:
    notice = record("某自治区能源局关于印发《某某实施方案（试行）》的通知\n发布日期：2026-01-14 23:00\n某能源新能发〔2026〕1号\n"
                    "各盟市能源局、有关盟市发展改革委，某电力公司：\n按照有关要求，现印发你们，请认真执行。\n某自治区能源局\n2026年1月13日\n")
    assert notice["recipients"] == ["各盟市能源局、有关盟市发展改革委", "某电力公司"]
    # a source label, and a 发文字号 label on the title's own line
    for page in ("关于开展安全生产巡查活动的通知\n信息来源：省能源局综合处\n各有关单位：\n为认真贯彻落实有关要求，现通知如下。\n",
                 "关于开展安全生产巡查活动的通知\n返回主站\n您所在的位置：\n某局\n各有关单位：\n为认真贯彻落实有关要求，现通知如下。\n",
                 "关于开展安全生产巡查活动的通知 发文字号：某交建安监〔2016〕24号\n某交建安监〔2016〕24号\n"
                 "各有关单位：为认真贯彻落实有关要求，经研究决定开展巡查活动，现将有关事项通知如下：\n"):
        assert record(page + "某区交通与建设局\n2016年5月3日\n")["recipients"] == ["各有关单位"]


def test_recipients_wrapped_before_a_short_last_line_are_read_whole() -> None:
    notice = record("某能源监管局关于加强电力中长期批发交易监管的通知\n上海、安徽电力交易中心，各有关发电企业、售电公司和电力批发\n用户：\n"
                    "为落实有关要求，现就加强电力中长期批发交易监管有关事项通知如下。\n某能源监管局\n2025年12月23日\n")
    assert notice["recipients"] == ["上海、安徽电力交易中心", "各有关发电企业、售电公司和电力批发用户"]


def test_related_offices_are_recipients() -> None:
    notice = record("某局关于印发《2018年辐射安全监管实施方案》的通知\n某环土综〔2018〕2号\n环保相关处室：\n"
                    "现将《2018年辐射安全监管实施方案》印发给你们，请认真组织实施。\n某局\n2018年1月10日\n")
    assert notice["recipients"] == ["环保相关处室"]


def test_a_site_name_before_the_page_heading_leaves_the_documents_own_title() -> None:
    notice = record("某省发展和改革委员会 - 某省能源局关于印发某省推进能源高质量发展实施方案的通知\n返回主站\n您所在的位置：\n某省能源局\n"
                    "通知公告\n某省能源局关于印发某省推进能源高质量发展实施方案的通知\n信息来源：省能源局综合处\n"
                    "各地级以上市发展改革局（委），有关能源企业：\n现印发给你们。请结合实际，抓好贯彻落实。\n某省能源局\n2023年5月22日\n")
    assert notice["title"] == "某省能源局关于印发某省推进能源高质量发展实施方案的通知"
    assert notice["recipients"] == ["各地级以上市发展改革局（委）", "有关能源企业"]


def test_a_signer_on_the_line_of_the_number_is_read_past_for_the_heading_and_the_recipients() -> None:
    notice = record("关于开展2018年中小企业认定申报工作的通知\n某经发〔2018〕281号\n某经发〔2018〕281号 签发人：施某 某区经济发展局 "
                    "某区财政金融局 关于开展2018年中小企业认定申报工作的通知\n各有关企业：\n现就有关事项通知如下：\n一、申报对象 符合条件的企业。\n")
    assert notice["title"] == "某区经济发展局某区财政金融局关于开展2018年中小企业认定申报工作的通知"
    assert notice["recipients"] == ["各有关企业"]


def test_an_emergency_plan_page_is_a_notice_of_its_own_type() -> None:
    # 预案: a plan for emergencies, printed alone on a page, its title over the body
    notice = record(
        "当前位置： 首页政务公开安全生产相关文件 某县某镇某水库防汛抢险预案 时间：2016-02-24 12:13 微信 微博 QQ空间 "
        "一、总则 1.1编制目的 做好防洪、台风的防范和处理工作，提高应急处理能力。 二、组织指挥体系 某镇设立防汛指挥部。"
    )
    assert notice["title"] == "某县某镇某水库防汛抢险预案"
    assert notice["doc_type"] == "预案"


def test_the_first_sentence_after_the_recipients_is_no_title_though_it_names_a_notice() -> None:
    # 各单位：为认真贯彻落实…关于开展…的通知精神: the body opens, citing a notice; the heading above is the title
    notice = record(
        "标题: 某区交通与建设局 关于开展2014年“安全生产月”活动的通知\n发布时间: 2014-06-06 08:00\n"
        "文号: 某交建安监〔2014〕16号\n发布机构: 某区交通与建设局\n==================== 正文 ====================\n"
        "当前位置： 首页政务公开政府信息公开某区交通与建设局法定主动公开内容 索 引 号： PZ00104-3000-2014-00107 "
        "主题分类： 无 发文机关： 某区交通与建设局 成文日期：2014-06-05 标 题： 某区交通与建设局 关于开展2014年“安全生产月”"
        "活动的通知 发文字号： 某交建安监〔2014〕16号 发布日期：2014-06-06 有 效 性： 有效 某区交通与建设局 "
        "关于开展2014年“安全生产月”活动的通知 某交建安监〔2014〕16号 来源：某区交通与建设局 时间：2014-06-06 08:00 --> "
        "微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： 各单位： 为认真贯彻落实省、区关于开展2014年“安全生产月”活动的"
        "通知精神，结合交通与建设部门工作实际，现就有关事项通知如下： 一、指导思想 以安全发展为主线。"
    )
    assert notice["title"] == "某区交通与建设局关于开展2014年“安全生产月”活动的通知"
    assert notice["recipients"] == ["各单位"]


def test_villages_listed_after_a_title_on_one_line_are_no_part_of_the_title() -> None:
    text = ("当前位置： 首页政务公开 某片区管理局关于继续推进5个村美丽乡村项目建设工作的通知 时间：2020-03-28 15:59 微信 微博 "
            "某片区管理局关于继续推进5个村美丽乡村项目建设工作的通知 后垱村、瓦瑶村、南海村：经走访摸排，发现当前各村美丽乡村项目建设进度"
            "较慢，现将有关事项通知如下：一、请各村于6月底前完成项目建设。 某片区管理局 2020年3月27日")
    notice = record(text)
    assert notice["title"] == "某片区管理局关于继续推进5个村美丽乡村项目建设工作的通知"
    assert notice["recipients"] == ["后垱村、瓦瑶村、南海村"]
