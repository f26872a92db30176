"""frame_text and the metadata header readers on the shapes copied web pages and crawled texts take:
page labels before a run-on title, chrome joined onto a title, ``[label]`` metadata blocks, a paragraph
ending in a colon that is no list of recipients, a name set one character per line. Texts written for
these tests after the shapes of the development gold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import docproc
from docproc.extract.frame import frame_text
from docproc.extract.metadata import extract_metadata
from docproc.extract.pipeline import extract_notice
from docproc.normalize import normalize_text
from tests.extract.text_document import document_from_text

# what a crawled government page prints between a notice's header block and its body
PAGE_CHROME = "--> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接："


def framed(text: str) -> str:
    return frame_text(normalize_text(text).text).text


def notice_record(text: str) -> dict[str, Any]:
    """The notice record of ``text`` read as a .txt input."""
    return extract_notice(document_from_text(text)).to_dict()


def test_page_labels_before_a_run_on_title_do_not_hide_it() -> None:
    crawled = (
        "当前位置： 首页政务公开部门文件 时间：2017-01-05 10:28 微信 微博 "
        "某县农业局某县财政局关于调整某县农机化示范项目建设管理领导小组的通知各项目实施单位："
        "由于分管领导调整，为更好地组织项目验收，现对领导小组成员进行调整，调整后成员名单如下：组 长：陈立（县农业局局长）"
    )
    lines = framed(crawled).splitlines()
    title = "某县农业局某县财政局关于调整某县农机化示范项目建设管理领导小组的通知"
    assert any(line.endswith(title) for line in lines)
    assert "各项目实施单位：" in lines
    meta = extract_metadata(framed(crawled))
    assert [r.value for r in meta.recipients] == ["各项目实施单位"]


def test_font_size_buttons_joined_onto_the_title_are_cut_off() -> None:
    page = (
        "某市经济和信息化局关于印发《某市储能产业发展方案》的通知\n【字体：\n大\n中\n小\n】\n打印\n"
        "各有关单位：\n现将《某市储能产业发展方案》印发给你们，请认真贯彻落实。\n某市经济和信息化局\n2024年12月5日\n"
    )
    meta = extract_metadata(framed(page))
    assert meta.title is not None and meta.title.value == "某市经济和信息化局关于印发《某市储能产业发展方案》的通知"
    assert [r.value for r in meta.recipients] == ["各有关单位"]


def test_bracketed_labels_make_a_metadata_block() -> None:
    page = (
        "[主题分类]\n能源/其他\n[制发单位]\n某市经济和信息化局\n[发文字号]\n某经信发〔2024〕65号\n[有效性]\n现行有效\n"
        "某市经济和信息化局关于做好储能工作的通知\n各有关单位：\n请认真做好储能工作。\n"
    )
    result = frame_text(normalize_text(page).text)
    assert {item.label: item.value for item in result.metadata} == {
        "主题分类": "能源/其他", "制发单位": "某市经济和信息化局", "发文字号": "某经信发〔2024〕65号", "有效性": "现行有效",
    }
    assert result.text.lstrip().startswith("某市经济和信息化局关于做好储能工作的通知")


def test_a_sentence_ending_in_a_colon_is_not_a_list_of_recipients() -> None:
    text = (
        "某镇人民政府关于成立水土流失综合治理工作领导小组的通知\n"
        "根据《某县农业农村局关于加快推进治理项目的函》（某农函〔2023〕260号）要求，全面推进水土流失治理，"
        "决定成立水土流失综合治理工作领导小组，其组成人员名单如下：\n组 长：林海 党委委员\n"
    )
    assert extract_metadata(framed(text)).recipients == []


def test_a_title_and_its_number_above_the_recipients_are_not_recipients() -> None:
    text = (
        "某县人民政府文件\n某政综〔2013〕54号 某县人民政府 关于印发《安全生产大检查实施方案》的通知\n"
        "各乡镇人民政府、县直各单位：\n现将《安全生产大检查实施方案》印发给你们，请认真贯彻执行。\n"
    )
    meta = extract_metadata(framed(text))
    assert [r.value for r in meta.recipients] == ["各乡镇人民政府、县直各单位"]  # 、 stays inside one


def test_a_name_set_one_character_per_line_is_joined() -> None:
    assert "张晨" in framed("联系人：\n四川能源监管办：\n张\n晨\n85253859\n").splitlines()
    assert "大中" not in framed("正文内容\n大\n中\n小\n")  # single characters that are no name stay apart


def test_a_crawled_decree_gives_its_number_title_and_date() -> None:
    decree = (
        "某省人民政府令第　42　号《某省电力设施保护办法》已经2005年2月2日省人民政府第80次常务会议通过，现予公布，"
        "自2005年5月1日起施行。省　长　　王明二○○五年二月十五日某省电力设施保护办法第一章　总　　则第一条为了保护电力设施，"
        "制定本办法。第二条本办法适用于本省行政区域。"
    )
    record = notice_record(decree)
    assert record["doc_number"] == "某省人民政府令第42号"
    assert record["title"] == "某省电力设施保护办法"
    assert record["issue_date"] == "2005-02-15"


def test_splitting_does_not_depend_on_the_order_of_the_vocabulary() -> None:
    """A set's iteration order changes with PYTHONHASHSEED; the splitter must not follow it: the title
    ends at its last document-type word (…意见的通知 | 某政〔2015〕173号) whatever the order."""
    from dataclasses import replace

    from docproc.extract.frame_cues import load_frame_cues
    from docproc.extract.run_on import split_run_on
    from docproc.normalize.offsets import TextEditor

    line = ("某县人民政府关于征求全县安全生产管理工作意见的通知某政〔2015〕173号各乡镇人民政府、县直各单位："
            "请认真研究，提出意见建议。" * 4)
    cues = load_frame_cues()
    rest = tuple(s for s in cues.doc_type_suffixes if s not in ("意见", "通知"))
    for order in (("意见", "通知", *rest), ("通知", "意见", *rest)):
        editor = TextEditor(line)
        editor.apply(split_run_on(line, replace(cues, doc_type_suffixes=order)))
        assert editor.text.splitlines()[0] == "某县人民政府关于征求全县安全生产管理工作意见的通知"


FRAGMENTED = "\n".join([  # a word processor's page copied as text: a line per run of a sentence
    "市工业和信息化局关于做好天津市", "202", "5", "年", "电力市场化交易工作的通知", "北京电力交易中心有限公司、", "国网天津市电力公司", "：",
    "为深入贯彻", "《关于进一步深化电力体制改革的若干意见》", "精神，", "稳妥开展", "202", "5", "年电力市场化交易工作，", "现将有关事项通知如下：",
    "一、", "天津地区", "202", "5", "年电力市场化直接交易电量", "总规模暂定为", "3", "45", "亿千瓦时。",
    "二、", "交易各方", "要", "严格遵守", "有关规则。", "附件：", "1．", "天津市电力中长期交易工作方案",
    "市工业", "和信息化局", "市财政局", "2024年11月11日",
    "（联系人：", "市工业和信息化局电力处", "梁", "弢", "联系电话：", "8360", "8082", "）",
])


def test_a_fragmented_copy_is_joined_back_into_its_lines() -> None:
    lines = framed(FRAGMENTED).strip().splitlines()
    assert lines[:3] == ["市工业和信息化局关于做好天津市2025年电力市场化交易工作的通知",
                         "北京电力交易中心有限公司、国网天津市电力公司：",
                         "为深入贯彻《关于进一步深化电力体制改革的若干意见》精神，稳妥开展2025年电力市场化交易工作，现将有关事项通知如下："]
    assert "一、天津地区2025年电力市场化直接交易电量总规模暂定为345亿千瓦时。" in lines
    assert lines[-4:-1] == ["市工业和信息化局", "市财政局", "2024年11月11日"]
    record = notice_record(FRAGMENTED)
    assert record["issuers"] == ["市工业和信息化局", "市财政局"]
    assert [(c["name"], c["org"], c["phones"]) for c in record["contacts"]] == [
        ("梁弢", "市工业和信息化局电力处", ["83608082"])]


def test_a_spaced_role_after_a_run_on_entry_stays_whole() -> None:
    """``…副局长 副 组 长：何 盈`` and ``…副局长副 主 任：``: the 副 belongs to the next role, not to the
    position before it."""
    spaced = ("为做好垃圾分类工作，经研究，成立工作领导小组。 组 长：孙立 书记、局长 常务副组长：韩平 委员、副局长 "
              "副 组 长：何 盈 党委副书记 欧阳志 党委委员、副局长 成 员：吕南 党政办公室主任 潘春 党群工作处处长 王玲 经济发展处处长 "
              "潘平 社会事业处处长 郑昌 资源生态处处长 俞龙 农业农村处处长")
    glued = ("为做好宅基地管理工作，经研究，成立协调委员会。 主 任：孙立 书记、局长 常务副主任：欧阳志 委员、副局长副 主 任："
             "何 盈 党委副书记 成 员：吕南 党政办公室主任 潘春 党群工作处处长 王玲 经济发展处处长 潘平 社会事业处处长 "
             "郑昌 资源生态处处长 俞龙 农业农村处处长")
    assert "副 组 长：何 盈 党委副书记 欧阳志 党委委员、副局长" in framed(spaced).splitlines()
    lines = framed(glued).splitlines()
    assert "常务副主任：欧阳志 委员、副局长" in lines and "副 主 任：何 盈 党委副书记" in lines


def test_a_crawled_notice_on_one_line_gives_title_number_recipients_and_signature() -> None:
    # the title's 关于印发… before the own number is no sign of a cited one; a title printed with
    # spaces still ends before its number; a signature spaced for print lost its first character
    # to the attachment line before it
    cover = (
        "某省人民政府关于印发电力管理体制改革方案的通知某政发〔1988〕72号各市、县人民政府,省政府各部门:"
        "省政府同意省能源厅提出的《电力管理体制改革方案》,现印发给你们,请认真贯彻执行。"
        "附件:电力企业名单某 市 教 育 局一九八八年十月二十一日"
    )
    record = notice_record(cover)
    assert record["doc_number"] == "某政发〔1988〕72号"
    assert record["title"] == "某省人民政府关于印发电力管理体制改革方案的通知"
    assert record["recipients"] == ["各市、县人民政府", "省政府各部门"]
    assert record["issuers"] == ["某市教育局"]
    assert record["attachments"] == ["电力企业名单"]
    spaced = (
        "某省人民政府办公厅转发省发展改革委关于深化改革实施意见 的 通 知某政办发〔2007〕19号各市人民政府：省发展改革委"
        "《关于深化改革的实施意见》已经省人民政府同意，现转发给你们，请认真贯彻执行。深化改革是一项复杂的系统工程，各地要"
        "加强领导，精心组织，确保各项改革措施落到实处。某省人民政府办公厅二○○七年四月六日"
    )
    record = notice_record(spaced)
    assert record["doc_number"] == "某政办发〔2007〕19号"
    assert record["recipients"] == ["各市人民政府"]


def test_a_reply_letter_is_a_复函() -> None:
    record = notice_record("国务院办公厅关于同意建立某部际联席会议制度的复函\n某部：\n同意。\n")
    assert record["doc_type"] == "复函"


def test_a_print_button_with_spaces_is_page_chrome() -> None:
    page = "首页\n>\n通知\n发布时间：2020/12/02\n[ 打印 ]\n某市发展改革委关于做好电力合同签订工作的通知\n各区发展改革委：\n请做好有关工作。\n"
    record = notice_record(page)
    assert record["title"] == "某市发展改革委关于做好电力合同签订工作的通知"


def test_a_mailbox_line_is_body_and_a_footer_with_a_postcode_is_chrome() -> None:
    """A footer's 电子邮箱/地址 line with a postcode is chrome; a contact's mailbox line whose address
    holds six digits (a QQ mailbox) is not."""
    page = (
        "联系人：\n某市电力调控中心 张某 李某\n电子邮箱：zhang@example.com，12345678@qq.com，\n"
        "联系电话：0531-81234567，81234568\n某市经济和信息化局\n2024年12月5日\n"
        "地址：某市某区某路55号 邮编：250001\n电子邮箱：office@example.gov.cn 250001\n"
    )
    lines = framed(page).splitlines()
    assert "电子邮箱：zhang@example.com，12345678@qq.com，" in lines
    assert not any(line.startswith("地址") for line in lines)
    assert "电子邮箱：office@example.gov.cn 250001" not in lines


def test_a_contact_persons_number_on_the_line_after_it_is_no_footer() -> None:
    """联系人：X on one line and 联系电话：… on the next end the notice, before a download link: the number
    line is short like a footer's, but it goes on with the contact the line before it names."""
    page = ("关于某某项目申报的通知\n各有关企业：根据有关文件精神，现就申报事宜通知如下： 一、申报程序 各企业于2017年7月31日前，"
            "向区经济发展局商务处报送申报材料，申报材料必须真实可靠。 二、项目资金额度 项目补贴金额不高于项目投资总额的40%、"
            "单个基地企业最高不超过60万元标准一次性给予补助。 某某经济发展局 2017年6月6日 "
            "联系人：某某经济发展局商务处 刘某某 联系电话：23160001 18050300002 附件下载")
    lines = framed(page).splitlines()
    assert "联系电话：23160001 18050300002" in lines
    assert not any("附件下载" in line for line in lines)


def test_a_markdown_copy_loses_its_heading_marks_and_an_open_book_title_mark() -> None:
    page = (
        "## 某市安委会办公室关于印发«某市安全生产三年行动子方案的通知\n"
        "各区安委会：\n现将子方案印发给你们，请认真贯彻执行。\n某市安委会办公室\n2024年1月10日\n"
    )
    record = notice_record(page)
    assert record["title"] == "某市安委会办公室关于印发«某市安全生产三年行动子方案的通知"
    assert record["issuers"] == ["某市安委会办公室"]
    assert record["enclosed_titles"] == ["某市安全生产三年行动子方案"]


def test_two_organs_one_space_apart_under_a_joint_notice_are_two_issuers() -> None:
    page = (
        "关于征求某某规则意见的通知\n各有关单位：\n请于6月21日前反馈意见。\n"
        "国家能源局某某监管办公室 某某省发展和改革委员会\n2019年6月11日\n"
    )
    record = notice_record(page)
    assert record["issuers"] == ["国家能源局某某监管办公室", "某某省发展和改革委员会"]


@pytest.mark.parametrize("title, enclosed", [
    ("国务院批转某委关于加快关停小火电机组若干意见的通知", ["关于加快关停小火电机组的若干意见"]),
    ("国务院批转某委关于坚决制止电站项目无序建设意见的紧急通知", ["关于坚决制止电站项目无序建设的意见"]),
    ("某县人民政府办公室转发县农业局关于加强农村宅基地审批管理的实施意见的通知", ["关于加强农村宅基地审批管理的实施意见"]),
    ("国务院办公厅转发某委等部门关于改进煤炭加价负担办法的报告的通知", ["关于改进煤炭加价负担办法的报告"]),
])
def test_a_forwarded_title_gets_back_the_的_its_forwarding_title_dropped(title: str, enclosed: list[str]) -> None:
    record = notice_record(f"{title}\n各有关单位：\n请认真贯彻执行。\n某某人民政府\n2007年1月20日\n")
    assert record["enclosed_titles"] == enclosed


def test_a_signature_cell_that_broke_an_organ_name_and_a_policy_reading_link() -> None:
    page = (
        "关于做好电力现货市场试点相关工作的通知\n各省、自治区、直辖市发展改革委：\n请做好有关工作。\n"
        "国家发展\n改革委办公厅\n国家能源局综合司\n2020年3月26日\n附件：\n相关政策与解读\n"
        "《关于做好电力现货市场试点相关工作的通知》政策解读\n排行榜\n"
    )
    record = notice_record(page)
    assert record["issuers"] == ["国家发展改革委办公厅", "国家能源局综合司"]
    assert record["attachments"] == []


def test_a_page_without_its_heading_in_the_body_word_processor_leftovers_and_a_seal_remark() -> None:
    crawled = (
        "标题: 某片区管理局党政办公室关于调整某片区防控工作专班组成人员的通知\n发布机构: 某片区管理局\n栏目: 部门文件\n"
        "==================== 正文 ====================\n"
        "当前位置： 首页政务公开部门文件 某片区管理局党政办公室关于调整某片区防控工作专班组成人员的通知 时间：2021-09-30 16:40 "
        "微信 微博 QQ空间 v\\:* {behavior:url(#default#VML);} Normal 0 false 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE "
        "各处室（中心），东庠办事处，各行政村： 为切实做好疫情防控工作，经研究，决定调整充实某片区管理局防控工作专班，"
        "继续对接区应对疫情工作领导小组防控工作专班相应工作，具体人员名单如下： 组 长：许巧清 党委委员、四级调研员 "
        "成 员：杨明清 党政办公室工作人员 林 勇 东庠办事处工作人员 某片区管理局防控工作指挥部办公室 （党政办公室代章） "
        "2021年9月23日 来源：某片区管理局 附件下载"
    )
    record = notice_record(crawled)
    assert record["title"] == "某片区管理局党政办公室关于调整某片区防控工作专班组成人员的通知"
    assert record["doc_type"] == "通知"
    assert record["recipients"] == ["各处室（中心）", "东庠办事处", "各行政村"]
    assert record["issuers"] == ["某片区管理局防控工作指挥部办公室"]
    assert record["issue_date"] == "2021-09-23"
    assert [(e["group"], e["role"], e["name"]) for e in record["leaders"]] == [
        ("某片区管理局防控工作专班", "组长", "许巧清"),
        ("某片区管理局防控工作专班", "成员", "杨明清"),
        ("某片区管理局防控工作专班", "成员", "林勇"),
    ]


def test_a_run_on_copy_is_not_split_at_points_listed_inside_a_bracket() -> None:
    crawled = (
        "某镇关于开展两违综合治理的通知各村委会：为加强管理，现将有关事项通知如下。一、整治重点（一）开展乱占耕地建房整治。"
        "严格落实“八不准”规定（1.不准占用永久基本农田建房；2.不准抢占多占耕地建房；3.不准买卖耕地违法建房），坚决遏制新增违法占地。"
        "（二）开展河湖整治。清理河湖违法建设。某镇人民政府 2021年5月19日"
    )
    lines = framed(crawled).splitlines()
    assert not any(line.startswith(("2.", "3.")) for line in lines)
    assert any(line.startswith("（二）开展河湖整治") for line in lines)


@pytest.mark.parametrize("printed, titles", [
    ("附件：1.安全检查表；2.隐患整改台账", ["安全检查表", "隐患整改台账"]),
    ("附件：1、安全检查表 2、隐患整改台账", ["安全检查表", "隐患整改台账"]),
    ("附件：1.安全检查表", ["安全检查表"]),
    ("附件：安全检查表（略）", ["安全检查表"]),
    ("附件：\n1.\n调频辅助服务交易实施细则（征求意见稿）\n2.\n备用辅助服务交易实施细则（征求意见稿）",
     ["调频辅助服务交易实施细则（征求意见稿）", "备用辅助服务交易实施细则（征求意见稿）"]),
    ("附件：监督检查表附件1执法检查处罚情况明细表填表单位（盖章）：", ["监督检查表"]),
    ("附件：交易规则补充修订条款.docx某省能源局", ["交易规则补充修订条款.docx"]),
    ("附件：1：推荐申报清单2：项目申报书3：辅助材料制作要求", ["推荐申报清单", "项目申报书", "辅助材料制作要求"]),
    ("附件：\n交易规则（2024年修订版）补充修订条款.docx\n某省能源局", ["交易规则（2024年修订版）补充修订条款.docx"]),
    ("附件：1.某县2024年安全生产\n大检查工作方案\n2.隐患整改台账", ["某县2024年安全生产大检查工作方案", "隐患整改台账"]),
    ("附件\n1.工作方案\n2.统计表", ["工作方案", "统计表"]),  # the label's colon lost, the list numbered
    ("附件一：安全检查表", ["安全检查表"]),
    ("附件：某区专项行动进展情况调度表附件某区专项行动进展情况调度表 填报单位", ["某区专项行动进展情况调度表"]),
    ("附件：打通消防“生命通道”行动消防安全技术指南附件\n打通消防“生命通道”行动消防安全技术指南 为深刻汲取火灾事故教训",
     ["打通消防“生命通道”行动消防安全技术指南"]),  # the attachment's own label run onto the end of its title
    ("附件：某区安全生产大检查情况统计表\n　　　隐患整改台账", ["某区安全生产大检查情况统计表", "隐患整改台账"]),  # unnumbered
    ("附件：\n某区安全生产大检查情况统计表\n隐患整改台账", ["某区安全生产大检查情况统计表", "隐患整改台账"]),
    ("附件：（1）安全检查表\n（2）隐患整改台账", ["安全检查表", "隐患整改台账"]),
    ("附件：一、安全检查表\n二、隐患整改台账", ["安全检查表", "隐患整改台账"]),
    ("附件：1.安全检查表\n二、工作要求", ["安全检查表"]),  # a list goes on only in its own numbering
    ("附件1．安全检查表\n附件2．隐患整改台账", ["安全检查表", "隐患整改台账"]),
    ("附件1-1：安全检查表\n附件1-2：隐患整改台账", ["安全检查表", "隐患整改台账"]),
    ("附件：1.2016年夜跑邀请赛方案 2.2016年夜跑场地示意图", ["2016年夜跑邀请赛方案", "2016年夜跑场地示意图"]),  # numbers before years
    ("附件：1.某集团公司主要成员企业名\n单", ["某集团公司主要成员企业名单"]),  # the title word's last character wrapped
    # a table's header row run into the 附件 line is no title
    ("附件：典型案例姓名性别民族出生年月籍贯党派学历毕业院校及专业职务职称电话邮箱派出单位累计担任时间入驻地入驻时间"
     "曾获得荣誉主要工作业绩选派单位典型案例单位名称联系人联系电话电子邮箱", []),
    ("附件：检查重点。各类车辆及驾乘人员安全管理", []),
    # a forwarded joint notice with its 文号 (69 characters), its download name cut off; a contact line run on
    ("附件：1.福建省发展和改革委员会 福建省财政厅关于抓紧组织申报2018年福建省数字经济发展专项资金扶持项目的通知"
     "（闽发改网经〔2018〕594号）附件1关于抓紧组织申报的通知(1).pdf",
     ["福建省发展和改革委员会福建省财政厅关于抓紧组织申报2018年福建省数字经济发展专项资金扶持项目的通知（闽发改网经〔2018〕594号）"]),
    ("附件：某区拟补助名单区经发局:0591-23163127(经信处)", []),
    # a web copy printing the attachment's own heading after its line; books named in a table's title
    ("附件：某片区应急处置工作组 某片区应急处置工作组", ["某片区应急处置工作组"]),
    ("附件：《习近平在宁德》《习近平在厦门》大学习大讨论活动初步安排表", ["《习近平在宁德》《习近平在厦门》大学习大讨论活动初步安排表"]),
])
def test_attachments_listed_on_one_line_and_an_editors_remark(printed: str, titles: list[str]) -> None:
    text = f"某县关于开展安全检查的通知\n各乡镇：\n现将有关事项通知如下。\n一、检查内容\n开展检查。\n{printed}\n某县人民政府\n2024年3月5日\n"
    assert notice_record(text)["attachments"] == titles


def test_an_open_quote_in_a_crawler_path_does_not_hide_the_numbering_of_the_body() -> None:
    crawled = (
        "本地目录：zwgk/202208/35573_某片区关于印发《夏季道路交通安全综合整治“攻坚行动页面链接详见同目录 当前位置：首页 "
        "某片区关于开展道路交通安全综合整治的通知各村委会：为加强管理，现将有关事项通知如下。一、总体目标坚决遏制事故。"
        "二、主要任务（一）抓好农村临水临渠隐患排查整治工作根据区道安办工作指导，各有关单位要持续深入开展摸排治理工作。"
        "（二）抓好辖区通寺道路隐患排查整治工作各村委会于每月15日定期向片区道安办报告摸排情况。某片区管理局 2022年8月1日"
    )
    record = notice_record(crawled)
    assert [(t["number"], t["title"], t["owners"]) for t in record["tasks"]] == [
        ("（一）", "抓好农村临水临渠隐患排查整治工作", ["各有关单位"]),
        ("（二）", "抓好辖区通寺道路隐患排查整治工作", ["各村委会"]),
    ]


def test_a_markdown_copy_with_a_front_matter_block_and_a_blockquoted_note() -> None:
    copy = (
        "---\n标题: 关于印发《某区清水行动工作方案》的通知\n文号: 沪某绿容发〔2026〕64号\n发布单位: 某区绿化和市容管理局\n"
        "发布日期: 2026-05-25\n层级: 区级\n类型: 实施意见\n分类: 建筑垃圾与材料\n状态: 有效\n---\n\n"
        "> 本文正文由脚本自官方公开页面提取，仅供检索查阅。\n\n# 关于印发《某区清水行动工作方案》的通知\n\n各相关部门、各街镇：\n\n"
        "现将《某区清水行动工作方案》印发给你们，请认真贯彻落实。\n\n某区绿化和市容管理局\n\n2026年5月7日\n"
    )
    record = notice_record(copy)
    assert record["title"] == "关于印发《某区清水行动工作方案》的通知"
    assert record["doc_type"] == "通知"
    assert record["recipients"] == ["各相关部门、各街镇"]
    assert record["page_metadata"]["类型"] == "实施意见"
    assert record["doc_number"] == "沪某绿容发〔2026〕64号"


def test_a_title_begun_on_the_line_of_its_number_is_taken_from_there() -> None:
    page = (
        "岚综管综〔2015〕36号 某实验区管委会 关于成立某实验区爱国卫生运动工作委员会\n爱国卫生运动工作委员会的通知\n"
        "区直各单位，各乡镇人民政府：\n经研究，决定成立某实验区爱国卫生运动工作委员会。\n某实验区管委会\n2015年3月5日\n"
    ).replace("工作委员会\n爱国卫生运动工作委员会的通知", "工作\n委员会的通知")
    record = notice_record(page)
    assert record["title"] == "某实验区管委会关于成立某实验区爱国卫生运动工作委员会的通知"
    assert record["doc_number"] == "岚综管综〔2015〕36号"
    assert record["recipients"] == ["区直各单位", "各乡镇人民政府"]


def test_a_long_主送_line_of_many_organs_is_read_whole() -> None:
    organs = "、".join(f"第{n}省工业和信息化厅" for n in range(1, 25))
    text = (f"关于做好电力中长期合同签订工作的通知\n发改运行〔2022〕1861号\n各省发展改革委，{organs}，北京市城市管理委员会：\n"
            "为做好合同签订工作，现将有关事项通知如下。\n国家发展改革委\n2022年12月2日\n")
    assert notice_record(text)["recipients"] == ["各省发展改革委", organs, "北京市城市管理委员会"]


def test_a_run_on_list_breaks_before_a_spaced_role_not_inside_the_post_before_it() -> None:
    crawled = ("某实验区管委会关于调整某地价委员会组成人员的通知区直各单位：经研究，决定调整某地价委员会组成人员，名单如下：主 任：李德金 "
               "区党工委书记、管委会主任 副主任：陈东荣 区党工委委员、管委会副主任 委 员：林 杰 区国土资源局局长 欧小宁 区经济发展局局长 "
               "某实验区管委会 2015年3月5日")
    record = notice_record(crawled)
    assert [(e["role"], e["name"], e["position"]) for e in record["leaders"]] == [
        ("主任", "李德金", "区党工委书记、管委会主任"), ("副主任", "陈东荣", "区党工委委员、管委会副主任"),
        ("委员", "林杰", "区国土资源局局长"), ("委员", "欧小宁", "区经济发展局局长"),
    ]


def test_a_markdown_copy_with_space_entities_raw_html_and_a_download_link_keeps_its_signature() -> None:
    page = (
        "## 某公司安委会办公室关于开展防汛检查的通知\n\n&emsp;&emsp;各部门：\n\n"
        "&emsp;&emsp;请各部门于4月20日前将检查情况报工程物业部。\n\n##\n\n"
        "<p style=\"text-align:right;font-size:22px\">某公司安委会办公室</p>\n"
        "<p style=\"text-align:right\">2024年4月15日</p>\n\n---\n"
        "*[📄 点击下载此文件 ](/files/红头文件-13.pdf)\n"
    )
    record = notice_record(page)
    assert record["issuers"] == ["某公司安委会办公室"]
    assert record["issue_date"] == "2024-04-15"
    assert record["recipients"] == ["各部门"]


def test_an_ocr_exports_page_separators_and_lone_page_numbers_are_not_text() -> None:
    page = (
        "--- 第 1 页 OCR ---\n某县应急管理局文件\n某应急〔2021〕40号\n关于开展检查的通知\n各乡镇：\n"
        "一、检查内容\n（一）投诉处理情况\n—5—\n\n--- 第 2 页 OCR ---\n各单位对照检查。\n某县应急管理局\n2021年4月28日\n"
    )
    text = framed(page)
    assert "OCR" not in text and "—5—" not in text
    assert notice_record(page)["issue_date"] == "2021-04-28"


def test_a_cited_numbers_agency_code_starts_after_the_words_before_it() -> None:
    record = notice_record("某局关于做好燃气整治的通知\n各单位：\n具体工作要求见沪市监特种〔2022〕27号。要认真执行国务院〔1977〕142号。"
                           "结合爱琴海公司泰旅爱物字〔2024〕1号开展。\n某局\n2024年3月1日\n")
    assert [c["number"] for c in record["cited_documents"]] == ["沪市监特种〔2022〕27号", "国务院〔1977〕142号", "泰旅爱物字〔2024〕1号"]


def test_recipients_of_companies_ending_in_an_ascii_colon_after_a_font_size_remnant() -> None:
    page = ("关于公开征求《某市电力市场结算细则》意见的通知\n字体【\n"
            "国网某分部、某市电力交易中心，有关发电企业、售电公司:\n请各单位研提修改意见。\n某市能源局\n2025年8月29日\n")
    assert notice_record(page)["recipients"] == ["国网某分部、某市电力交易中心", "有关发电企业、售电公司"]


def test_an_appended_forms_own_heading_adds_no_attachment() -> None:
    text = ("某区关于开展安全生产大检查的通知\n各街道，区直各单位：\n现将有关事项通知如下。\n一、检查内容\n开展检查。\n"
            "附件：1.某区安全生产大检查情况统计表\n2.隐患整改台账\n某区安全生产委员会办公室\n2024年3月5日\n"
            "附件1\n某区安全生产大检查情况统计表（样表）\n填报单位：\n附件2：\n某区安全生产大检查隐患整改台账\n序号 隐患 措施\n")
    assert notice_record(text)["attachments"] == ["某区安全生产大检查情况统计表", "隐患整改台账"]


def test_a_space_inside_a_book_title_of_a_crawled_page_keeps_the_title_whole() -> None:
    page = Path(__file__).parents[2] / "fixtures" / "realnotices" / "pingtan-50690" / "input.txt"  # a dev case
    record = extract_notice(docproc.recognize(page)).to_dict()
    assert record["title"] == ("平潭综合实验区金井片区管理局关于印发《金井片区管理局2023年“中秋、国庆”期间"
                               "坛南湾及将军山景区交通管制工作方案》的通知")
    assert record["doc_type"] == "通知"


def test_a_space_inside_a_book_title_of_a_run_on_copy_keeps_the_title_whole() -> None:
    text = ("当前位置： 首页政务公开最新文件部门文件 某片区管理局关于印发《某片区2023年“中秋、国庆” 期间景区交通管制工作方案》的通知 "
            "时间：2023-09-27 09:56 区公安局、区交通建设局，片区各相关处室：为保障景区交通安全畅通有序，经研究，制定了方案，"
            "现印发给你们，请认真组织实施。 某片区管理局 2023年9月27日\n")
    record = notice_record(text)
    assert record["title"] == "某片区管理局关于印发《某片区2023年“中秋、国庆”期间景区交通管制工作方案》的通知"
    assert record["doc_type"] == "通知"
    assert record["enclosed_titles"] == ["某片区2023年“中秋、国庆”期间景区交通管制工作方案"]


def test_an_organ_printed_on_the_line_before_its_title_stays_with_it() -> None:
    text = ("某综合实验区管委会 关于印发《开展安全生产大检查暨 重点整治百日行动实施方案》的通知 各乡镇人民政府、区直各单位： "
            "根据国务院、省政府统一部署，为切实做好全区安全生产重点整治百日行动，经研究决定，现将方案印发给你们，"
            "请各单位各部门加紧做好贯彻落实。 某综合实验区管委会 2013年6月9日\n")
    assert notice_record(text)["title"] == "某综合实验区管委会关于印发《开展安全生产大检查暨重点整治百日行动实施方案》的通知"


@pytest.mark.parametrize("title, enclosed", [
    ("某县人民政府办公室关于印发某县安全生产专项整治三年行动实施方案和某县消防安全专项整治方案的通知",
     ["某县安全生产专项整治三年行动实施方案", "某县消防安全专项整治方案"]),
    ("某县人民政府关于印发某县安全生产和消防工作方案的通知", ["某县安全生产和消防工作方案"]),  # one title with 和
])
def test_two_documents_issued_together_without_book_title_marks(title: str, enclosed: list[str]) -> None:
    text = f"{title}\n各乡镇：\n现将方案印发给你们，请认真贯彻落实。\n某县人民政府\n2024年3月5日\n"
    assert notice_record(text)["enclosed_titles"] == enclosed


def test_an_attachment_list_glued_before_a_pages_footer_keeps_its_items() -> None:
    text = ("某片区管理局关于开展道路交通安全隐患排查整治的通知\n各处室、各村委会：\n一、工作要求\n各村委会要按时报送排查表。\n"
            "附件：1.农村地区道路安全隐患排查整治明细表2.通寺道路交通安全隐患排查表3.挂外省拖拉机号牌车辆摸底排查情况表 "
            "来源：某片区管理局 附件下载\n")
    assert notice_record(text)["attachments"] == [
        "农村地区道路安全隐患排查整治明细表", "通寺道路交通安全隐患排查表", "挂外省拖拉机号牌车辆摸底排查情况表"]


def test_a_title_wrapped_inside_its_book_title_ends_before_the_recipients_of_an_ocr_export() -> None:
    page = Path(__file__).parents[2] / "fixtures" / "realnotices" / "xjnea-2020-56" / "input.txt"  # a dev case
    record = extract_notice(docproc.recognize(page)).to_dict()
    assert record["title"] == "关于印发《新疆电力市场信息报送实施细则（试行）》的通知"
    assert record["enclosed_titles"] == ["新疆电力市场信息报送实施细则（试行）"]


def test_the_closing_formula_above_the_signature_is_no_part_of_the_organ() -> None:
    text = ("某镇人民政府关于开展房屋安全隐患排查整治的通知\n各村委会：\n请认真组织实施。\n特此通知\n\n某区某镇人民政府\n"
            "2021年6月1日\n")
    assert notice_record(text)["issuers"] == ["某区某镇人民政府"]


def test_a_title_set_over_three_lines_with_关于_alone() -> None:
    text = ("国家发展改革委 国家能源局\n关于\n建立健全电力辅助服务市场价格机制的通知\n发改价格〔2024〕196号\n"
            "各省、自治区、直辖市发展改革委：\n现就有关事项通知如下。\n国家发展改革委\n国家能源局\n2024年2月8日\n")
    assert notice_record(text)["title"] == "国家发展改革委国家能源局关于建立健全电力辅助服务市场价格机制的通知"


def test_a_range_dash_a_page_set_on_its_own_line_is_no_breadcrumb() -> None:
    page = Path(__file__).parents[2] / "fixtures" / "realnotices" / "tjgxj-2025-13" / "input.txt"  # a dev case
    record = extract_notice(docproc.recognize(page)).to_dict()
    assert record["title"] == "关于下达天津市2023-2024年度电力需求响应资金计划的通知"


@pytest.mark.parametrize("title, body, enclosed", [
    # the cover cites its enclosure with the place or year its title left out
    ("某局关于印发食品小作坊专项整治工作方案的通知", "现将《2017年某区食品小作坊专项整治工作方案》印发给你们，请认真贯彻执行。",
     ["2017年某区食品小作坊专项整治工作方案"]),
    ("某片区管理局关于印发《十一旅游品质提升整治方案》的通知", "结合片区实际，制定《某片区十一旅游品质提升整治方案》，请认真贯彻执行。",
     ["某片区十一旅游品质提升整治方案"]),
    # a cover printing no 《》: the enclosure's heading as printed, 关于 included
    ("某局关于印发开展固定污染源废气管理的实施方案的通知", "现将方案印发给你们。\n关于开展固定污染源废气管理的实施方案",
     ["关于开展固定污染源废气管理的实施方案"]),
    # the cover's own words before the name are no place
    ("某局关于印发商业街提升改造方案的通知", "现将《关于印发商业街提升改造方案》印发给你们。", ["商业街提升改造方案"]),
])
def test_an_enclosed_title_takes_the_place_or_year_the_cover_cites_it_with(title: str, body: str,
                                                                            enclosed: list[str]) -> None:
    text = f"{title}\n各处室：\n{body}\n某局\n2017年5月2日\n"
    assert notice_record(text)["enclosed_titles"] == enclosed


@pytest.mark.parametrize("line, numbers", [
    ("请按照《供电监管办法》（国家电监会27号令）和《规定》（沪府令39号）执行。", ["国家电监会27号令", "沪府令39号"]),
    ("《电力中长期交易基本规则》（发改能源规[2020】889号）；", ["发改能源规〔2020〕889号"]),  # mixed brackets
    ("《…的请示》（嘉建交[2014]55\n号）收悉。", ["嘉建交〔2014〕55号"]),  # broken over two lines
    # a decree of a long-named organ; the words that cite it are no part of it
    ("根据中华人民共和国国家发展和改革委员会令第16号《必须招标的工程项目规定》，以及国务院令第415号，现通知如下。",
     ["中华人民共和国国家发展和改革委员会令第16号", "国务院令第415号"]),
    ("依据《国内水路运输管理规定》（交通运输部令2020年第4号），现通知如下。", ["交通运输部令2020年第4号"]),  # a decree by year
])
def test_cited_numbers_in_the_forms_copies_print_them(line: str, numbers: list[str]) -> None:
    text = f"某局关于开展供电监管的通知\n各供电企业：\n{line}\n某局\n2021年5月6日\n"
    assert [c["number"] for c in notice_record(text)["cited_documents"]] == numbers


@pytest.mark.parametrize("signature", [
    "某县应急管理局\n（某县安全生产委员会办公室代章）\n2024年3月5日",  # the organ above a seal's remark
    "某县应急管理局  2024年3月5日",  # the organ and its date on one line
])
def test_the_signing_organ_in_the_shapes_signatures_take(signature: str) -> None:
    text = f"关于开展安全生产大检查的通知\n各乡镇：\n请认真组织实施。\n{signature}\n"
    record = notice_record(text)
    assert (record["issuers"], record["issue_date"]) == (["某县应急管理局"], "2024-03-05")


def test_a_piece_of_a_title_line_the_ocr_set_on_its_own_line_stays_in_the_title() -> None:
    text = ("某区社会事业局关于征集科技特派\n员\n和组织实施单位典型案例的通知\n区直各单位，各乡镇：\n现将有关事项通知如下。\n"
            "某区社会事业局\n2019年6月3日\n")
    assert notice_record(text)["title"] == "某区社会事业局关于征集科技特派员和组织实施单位典型案例的通知"


def test_a_forms_numbered_questions_with_their_boxes_are_no_attachments() -> None:
    page = Path(__file__).parents[2] / "fixtures" / "realnotices" / "pingtan-14147" / "input.txt"  # a dev case
    record = extract_notice(docproc.recognize(page)).to_dict()  # its 自查表 asks 是否…；□是□否, numbered
    assert record["attachments"] == ["平潭综合实验区药品零售企业执业药师在岗履职情况自查表", "执业药师在岗履职承诺书"]


def test_a_run_on_pages_time_label_left_alone_does_not_hide_the_recipients() -> None:
    page = ("当前位置： 首页政务公开规划信息年度计划 某片区管理局党政办公室关于印发《某片区2022年农产品质量安全工作计划》的通知 "
            "时间：2022-11-17 16:23 微信 微博 QQ空间 各处室、中心，各村（居）：为了促进片区农产品质量安全，制定本计划，"
            "现印发给你们，请认真抓好落实。 某片区管理局党政办公室 2022年11月17日\n")
    assert notice_record(page)["recipients"] == ["各处室、中心", "各村（居）"]


def test_a_joint_issue_signed_by_seven_organs_keeps_all_seven() -> None:
    organs = ["某区社会事业局", "某区党工委政法和社会工作部", "某区旅游与文化体育局", "某区总工会", "共青团某区委员会",
              "某区妇女联合会", "某区工商业联合会"]
    text = ("某区社会事业局等七部门关于印发《某区慈善文化活动方案》的通知\n各片区局，各有关单位：\n"
            "现将《某区慈善文化活动方案》印发给你们，请认真做好贯彻落实。\n" + "\n".join(organs) + "\n2025年9月10日\n")
    assert notice_record(text)["issuers"] == organs


def test_documents_a_title_counts_are_the_ones_its_attachments_name() -> None:
    text = ("某镇人民政府关于调整《关于某镇小额建设工程实施的工作方案》等三个工作方案的通知\n机关各科室、村（居）：\n"
            "现将调整后的工作方案印发给你们，请遵照执行。\n附件：1．关于某镇小额建设工程实施的工作方案\n"
            "2．关于某镇建设项目委托代建的工作方案\n3．关于某镇建设项目造价控制的工作方案\n某镇人民政府\n2025年7月22日\n")
    record = notice_record(text)
    assert record["enclosed_titles"] == record["attachments"] == [
        "关于某镇小额建设工程实施的工作方案", "关于某镇建设项目委托代建的工作方案", "关于某镇建设项目造价控制的工作方案"]


@pytest.mark.parametrize("heading, title", [
    ("岚综管综〔2015〕172号 某区管委会 关于调整某区地价委员会组成人员的通知", "某区管委会关于调整某区地价委员会组成人员的通知"),
    ("岚综管综〔2015〕172号 某区管委会 印发关于国有资产清查工作实施方案的通知", "某区管委会印发关于国有资产清查工作实施方案的通知"),
])
def test_a_run_on_pages_body_heading_after_its_number_gives_the_title_with_its_organ(heading: str, title: str) -> None:
    page = (f"当前位置： 首页政务公开管委会文件 标 题： {title[5:]} 发文字号： 岚综管综〔2015〕172号 "
            f"{title[5:]} 岚综管综〔2015〕172号 来源：某区管委会 时间：2015-08-26 08:00 微信 微博 QQ空间 全真版 文字版 "
            f"文件下载 {heading} 区直各单位，各乡镇人民政府： 经研究，决定如下。 某区管委会 2015年8月25日\n")
    assert notice_record(page)["title"] == title


def test_a_metadata_block_of_labels_without_colons_each_over_its_value() -> None:
    page = ("# 某市住建委关于做好玻璃幕墙专项排查整治工作的通知\n\n索取号\n3589258689/2024-00011\n载体类型\n发布机构\n某市住建委\n"
            "记录形式\n公开类别\n主动公开\n关键词\n内容描述\n某市住建委关于做好玻璃幕墙专项排查整治工作的通知\n"
            "各区建设管理部门：\n为加强玻璃幕墙安全管理，现通知如下。\n某市住建委\n2024年1月29日\n")
    record = notice_record(page)
    assert record["title"] == "某市住建委关于做好玻璃幕墙专项排查整治工作的通知"
    assert record["issuers"] == ["某市住建委"]
    assert record["page_metadata"] == {"索取号": "3589258689/2024-00011", "载体类型": "", "发布机构": "某市住建委",
                                       "记录形式": "", "公开类别": "主动公开", "关键词": "",
                                       "内容描述": "某市住建委关于做好玻璃幕墙专项排查整治工作的通知"}


def test_numbered_attachment_titles_wrapped_before_the_next_number_and_a_title_after_a_book_title() -> None:
    text = ("某委关于开展2023年度核查工作的通知\n各区交通主管部门：\n现将有关事项通知如下。\n"
            "附件：1．国内水路运输经营者2023年度核查\n报告书\n2．《国内水路运输经营者2023年度核\n查报告书》填写说明\n"
            "3．辖区内经营者情况汇总表\n某委\n2023年3月1日\n")
    assert notice_record(text)["attachments"] == [
        "国内水路运输经营者2023年度核查报告书", "《国内水路运输经营者2023年度核查报告书》填写说明", "辖区内经营者情况汇总表"]


def test_a_pages_toolbar_run_into_the_recipients_line_is_chrome() -> None:
    page = ("君山片区管理局党政办公室关于印发《某专项行动实施方案》的通知 岚君山管办〔2022〕64号 来源：某片区管理局 "
            "时间：2022-05-19 08:40 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： 各处室（中心），东庠办事处，"
            "各村(居)：为扎实推进专项工作，制定了《某专项行动实施方案》，现印发给你们，请认真贯彻执行。 "
            "某片区管理局党政办公室 2022年5月24日\n")
    assert notice_record(page)["recipients"] == ["各处室（中心）", "东庠办事处", "各村（居）"]


def test_a_guide_with_a_batch_remark_and_its_publisher_from_the_front_matter() -> None:
    page = ("---\n标题: 2026年某区打造出海服务平台专项资金申报指南（第一批）\n发布单位: 上海市某区发展和改革委员会\n"
            "发布日期: 2026-04-23\n---\n\n# 2026年某区打造出海服务平台专项资金申报指南（第一批）\n\n"
            "2026年某区打造出海服务平台专项资金申报指南（第一批）\n\n为助力本土企业拓展海外市场，制定本指南。\n\n"
            "一、申报对象\n\n在本区依法设立的法人。\n")
    record = notice_record(page)
    assert (record["title"], record["doc_type"], record["issuers"]) == (
        "2026年某区打造出海服务平台专项资金申报指南（第一批）", "指南", ["上海市某区发展和改革委员会"])


def test_two_signing_organs_a_scan_glued_together_are_two_issuers() -> None:
    text = ("关于征求电力现货市场交易规则意见的函\n各有关单位：\n请于2019年6月21日前将修改意见反馈我们。\n"
            "国家能源局山东监管办公室山东省发展和改革委员会\n2019年6月10日\n")
    assert notice_record(text)["issuers"] == ["国家能源局山东监管办公室", "山东省发展和改革委员会"]


def test_an_attachment_title_with_a_remark_run_into_the_appended_forms_label() -> None:
    text = ("某片区管理局关于印发宣传整治工作方案的通知\n各处室：\n现将方案印发给你们。\n"
            "附件：专项行动宣传标语（供参考）附件专项行动宣传标语（供参考）\n某片区管理局\n2022年5月6日\n")
    assert notice_record(text)["attachments"] == ["专项行动宣传标语（供参考）"]


def test_a_heading_with_its_own_number_in_brackets_after_it_gives_title_and_number() -> None:
    record = notice_record("索 引 号 ：\n082824954-2025-000022\n公文种类：\n通知\n发布机构：\n某省发展和改革委员会\n"
                           "关于印发《某省实施方案》的通知(某发改价格〔2025〕480号)\n各市（州）发展改革委，某省电力公司：\n"
                           "现将《某省实施方案》印发你们，请抓好贯彻执行。\n某省发展和改革委员会\n2025年9月29日\n")
    assert record["title"] == "关于印发《某省实施方案》的通知"
    assert record["doc_number"] == "某发改价格〔2025〕480号"
    assert record["cited_documents"] == []
    assert record["page_metadata"] == {"索引号": "082824954-2025-000022", "公文种类": "通知", "发布机构": "某省发展和改革委员会"}


def test_the_organs_of_a_joint_heading_in_a_fragmented_copy_stay_apart_from_the_page_links_above() -> None:
    links = ["下载文字版", "政策解读", "部门解读", "媒体视角", "一图读懂", "解读发布"] * 3
    page = "\n".join([*links, "某市经济和信息化委员会", "某市财政局", "关于印发《某市支持商用车产业发展政策措施》的通知",
                      "某经信规范〔2025〕13号", "各有关单位：", "现将《某市支持商用车产业发展政策措施》印发给你们，请认真贯彻执行。",
                      "某市经济和信息化委员会", "某市财政局", "2025年12月30日", *links])
    record = notice_record(page)
    assert record["title"] == "某市经济和信息化委员会某市财政局关于印发《某市支持商用车产业发展政策措施》的通知"
    assert record["issuers"] == ["某市经济和信息化委员会", "某市财政局"]


def test_a_crawled_title_with_a_space_after_its_year_stays_one_title() -> None:
    record = notice_record("标 题： 某局关于印发某区2018 网络市场监管专项行动实施方案的通知 发文字号： 某监综〔2018〕144号 "
                           "发布日期：2018-09-04 某局关于印发某区2018 网络市场监管专项行动实施方案的通知 某监综〔2018〕144号 本局各单位："
                           "现将实施方案印发给你们，请认真贯彻执行。 某局 2018年9月3日\n")
    assert record["title"] == "某局关于印发某区2018网络市场监管专项行动实施方案的通知"


def test_a_crawled_pages_source_label_after_the_own_number_is_no_recipients_line() -> None:
    record = notice_record("标 题： 中共某片区管理局委员会关于成立行动指挥部的通知 发文字号： 岚金井委〔2020〕79号 发布日期：2020-06-02 "
                           "有 效 性： 有效 中共某片区管理局委员会关于成立行动指挥部的通知 岚金井委〔2020〕79号 "
                           "来源：平潭综合实验区金井片区管理局 时间：2020-06-02 15:10 --> 微信 微博 QQ空间 全真版 文字版 文件下载 "
                           "相关链接： 中共某片区管理局委员会关于成立行动指挥部的通知 各处室：为全面贯彻精神，经研究，决定成立行动指挥部。"
                           " 某局 2020年6月1日\n")
    assert record["title"] == "中共某片区管理局委员会关于成立行动指挥部的通知"


def test_a_first_sentence_cut_before_决定_is_no_title() -> None:
    record = notice_record("芦洋乡关于开展汽油散装购销安全隐患专项排查的通知\n为贯彻落实安全生产电视、电话会议精神，做好安全保卫工作，"
                           "实现“五个防止”的工作目标，根据会议要求，我乡决定\n从8月25日至8月27日开展一次全面的大检查，现将有关事项通知如下：\n"
                           "一、时间安排\n8月25日至8月27日。\n芦洋乡人民政府\n2016年8月24日\n")
    assert record["title"] == "芦洋乡关于开展汽油散装购销安全隐患专项排查的通知"
    assert record["doc_type"] == "通知"


@pytest.mark.parametrize("ending", [
    "（联系人：某某某，联系电话：23163408） 附件下载",  # one bracketed line before the page's 附件下载
    "（联系人：某某某；联系电话：0591-23163380 ） 附件下载",  # the run-on split breaks the bracket at ；
])
def test_a_contact_line_after_the_signature_is_the_notices_own_not_the_pages_footer(ending: str) -> None:
    text = ("某局关于做好专项督查迎检自查工作的通知 某局〔2017〕125号 来源：某局 时间：2017-09-19 15:49 各处室、所属各单位："
            "根据上级文件精神，为做好我局专项督查迎检自查工作，现将评分表印发给你们，请根据主要内容和考评办法开展自查，"
            "并形成书面自查报告和自评分数，于9月26日前报至局办公室。务必做好迎检自查工作。"
            f"某局 2017年9月18日 {ending}\n")
    assert [c["name"] for c in notice_record(text)["contacts"]] == ["某某某"]


def test_a_sites_contact_line_in_its_footer_stays_chrome() -> None:
    text = ("某局关于做好迎检自查工作的通知\n各处室：\n请于9月26日前报至局办公室。\n某局\n2017年9月18日\n"
            "网站地图\n联系电话：028-86705500\n晋ICP备：12000773 号\n")
    assert notice_record(text)["contacts"] == []


def test_a_sites_address_line_with_its_postcode_in_its_footer_stays_chrome() -> None:
    text = ("某局关于做好迎检自查工作的通知\n各处室：\n请于9月26日前报至局办公室。\n某局\n2017年9月18日\n"
            "网站地图\n版权所有：某市经济和信息化委员会\n某市某区云杉南路12号 邮政编码：401121 电话：023-63899510 023-63899777\n")
    assert notice_record(text)["contacts"] == []


def test_a_title_broken_by_a_space_and_a_bracketed_number_end_before_the_recipients_on_one_line() -> None:
    page = ("当前位置：首页 标 题： 某局关于2017年度市场运行调控项目申报的通知 发文字号： 某经发〔2017〕161号 "
            "有 效 性： 有效 某局关于2017年度市场运行调控项目申报的通知 某经发〔2017〕161号 来源：某局 时间：2017-10-13 10:53 "
            f"{PAGE_CHROME} 关于2017年度市场运行调控项目 申报的通知 各有关企业：根据省商务厅的通知精神，现将有关事项通知如下。"
            "请于10月20日前报送。\n某局\n2017年10月13日\n")
    record = notice_record(page)
    assert record["recipients"] == ["各有关企业"]
    assert record["title"] == "关于2017年度市场运行调控项目申报的通知"
    numbered = ("有 效 性： 有效 关于实施非税收入收缴管理信息系统的通知 某综实财〔2012〕51号 来源：某局 时间：2012-08-21 09:22 "
                f"{PAGE_CHROME} 某局关于实施非税收入 收缴管理信息系统的通知 "
                "某综实财[2012]51号 区直各预算单位、各组团指挥部： 根据财政厅的通知，现将有关事项通知如下。\n某局\n2012年8月20日\n")
    assert notice_record(numbered)["recipients"] == ["区直各预算单位、各组团指挥部"]


def test_an_organ_whose_name_holds_a_title_word_signs_whole_after_a_sentence() -> None:
    """制度 ends an attachment's title glued to its organ (附件：…制度国务院), but after a sentence it is the organ's."""
    page = ("当前位置：首页 某区行政审批制度改革工作小组办公室关于印发《某实施方案》的通知 某审改办〔2021〕15号 来源：某局 "
            f"时间：2021-10-13 {PAGE_CHROME} 各有关单位：现将《某实施方案》印发给你们，"
            "请认真执行。 某区行政审批制度改革工作小组办公室 （某区行政审批局代章） 2021年10月12日 某实施方案 一、工作目标 "
            "全面实施清单管理。\n")
    assert notice_record(page)["issuers"] == ["某区行政审批制度改革工作小组办公室"]


def test_an_items_short_heading_then_its_first_point_glued_to_it_on_one_line() -> None:
    page = ("某局关于印发攻坚年行动方案的通知 各区属国企：现将方案印发给你们。 某局 2022年3月1日 "
            "二、主要任务 （一）国有资本布局持续优化 1.国有经济布局得到优化(1)推进子企业业务整合。2022年6月底前完成。"
            "(2)推进低效资产处置。年底前完成。2.市场化经营机制不断完善(1)全面推行用工市场化。公开招聘。\n")
    titles = [(t["number"], t["title"]) for t in notice_record(page)["tasks"]]
    assert ("（一）1", "国有经济布局得到优化") in titles and ("（一）1（1）", "推进子企业业务整合") in titles
    assert ("（一）2", "市场化经营机制不断完善") in titles


def test_a_title_repeated_over_the_body_is_split_from_its_recipients() -> None:
    """A crawled page prints its metadata block, then the title again glued to the 主送 and the body."""
    text = ("当前位置：首页政务公开 索 引 号：PZ00118-1600-2021-0001 发文字号：岚苏平办综〔2020〕55号 发布日期：2020-12-28 "
            "某片区管理局党政办公室关于成立基层政务公开工作专班的通知 岚苏平办综〔2020〕55号 来源：某片区管理局 时间：2020-12-28 19:07 "
            "--> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： 某片区管理局党政办公室关于成立基层政务公开工作专班的通知各处室，各办事处、各行政村：为进一步推进我局基层政务公开工作，"
            "决定成立某片区管理局基层政务公开工作专班。\n某片区管理局党政办公室\n2020年12月25日\n")
    assert notice_record(text)["recipients"] == ["各处室", "各办事处、各行政村"]  # joined by 、 only: one


def test_a_公示_is_a_document_type_and_a_page_label_after_its_title_is_no_recipient() -> None:
    page = Path(__file__).parents[2] / "fixtures" / "realnotices" / "pingtan-78172" / "input.txt"  # a dev case
    record = extract_notice(docproc.recognize(page)).to_dict()
    assert (record["title"], record["doc_type"], record["recipients"]) == (
        "平潭综合实验区旅游与文化体育局关于2022年度省级非物质文化遗产代表性传承人传承活动评估结果的公示", "公示", [])


def test_a_page_heading_without_its_organs_gives_way_to_the_body_heading_that_names_them() -> None:
    page = ("关于成立第七次全国人口普查领导小组的通知\n某管〔2020〕18号\n"
            "某片区管理局关于成立第七次全国人口普查领导小组的通知 为切实做好普查工作，经研究，决定成立领导小组。\n"
            "组 长：王某 局党委委员、副局长\n某片区管理局\n2020年6月1日\n")
    assert notice_record(page)["title"] == "某片区管理局关于成立第七次全国人口普查领导小组的通知"
    joint = ("关于拟补助名单的公示\n某经济发展局 某财政金融局 关于拟补助 名单的公示 根据有关规定，现将名单予以公示。\n"
             "某经济发展局\n某财政金融局\n2019年9月20日\n")
    assert notice_record(joint)["title"] == "某经济发展局某财政金融局关于拟补助名单的公示"


def test_a_joint_signature_run_onto_the_last_attachment_line_gives_every_organ() -> None:
    page = ("关于开展专项医疗救助行动的通知\n各乡镇：\n现将有关事项通知如下。\n附件：\n1.专项医疗救助手术申请书\n"
            "2.专项医疗救助手术审批表 某某区社会事业局 某某区医疗保障管理局 某某区教育局 某某区卫生和计划\n生育局\n"
            "某某区扶贫开发领导小组办公室\n某某区慈善总会\n2019年2月22日\n")
    assert notice_record(page)["issuers"] == ["某某区社会事业局", "某某区医疗保障管理局", "某某区教育局",
                                              "某某区卫生和计划生育局", "某某区扶贫开发领导小组办公室", "某某区慈善总会"]


def test_an_organs_own_committee_signed_under_it_is_one_issuer() -> None:
    """平潭…苏平片区管理局 / 消防安全委员会（代章）: the committee is the organ's own (the body prints
    …苏平片区管理局消防安全委员会); two organs of their own stay two."""
    body = ("某片区管理局关于印发打通消防生命通道行动实施方案的通知\n各村（社区）：\n"
            "按照上级安排部署，苏平片区管理局消防安全委员会制定了实施方案，现印发你们，请认真抓好落实。\n")
    own = notice_record(body + "平潭综合实验区苏平片区管理局\n消防安全委员会（代章）\n2024年4月25日\n")
    assert own["issuers"] == ["平潭综合实验区苏平片区管理局消防安全委员会"]
    joint = notice_record(body + "平潭综合实验区苏平片区管理局\n平潭综合实验区消防救援支队\n2024年4月25日\n")
    assert joint["issuers"] == ["平潭综合实验区苏平片区管理局", "平潭综合实验区消防救援支队"]
