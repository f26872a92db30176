"""frame_text on what a crawled copy leaves around a notice: a word processor's document properties run
onto the title, and an organ's name the page broke before a conjunction in a one-line signature. Texts
written for these tests after the shapes of round 18's dev gold (a crawl's header, then the page's text)."""

from __future__ import annotations

from tests.extract.test_frame import framed, notice_record

HEADER = "标题: {title}\n发布时间: 2022-07-04 15:31\n发布机构: 某区财政金融局\n==================== 正文 ====================\n"


def test_a_word_processors_document_properties_are_dropped_before_the_title() -> None:
    title = "某区财政金融局某区行政审批局关于印发奖励资金申报指南的通知"
    page = HEADER.format(title=title) + (
        "1111MicrosoftInternetExplorer402DocumentNotSpecified7.8 磅Normal0" + title + " 各有关单位：现将指南印发给你们，"
        "请认真组织实施。 某区财政金融局 某区行政审批局 2022年6月30日")
    assert "Microsoft" not in framed(page)
    assert notice_record(page)["title"] == title


def test_an_organ_broken_before_a_conjunction_signs_whole() -> None:
    title = "某区党工委扶贫开发成果巩固与乡村振兴工作领导小组办公室关于做好春节期间走访慰问工作的通知"
    page = HEADER.format(title=title) + (
        title + " 各片区、各部门：为保障好困难群众生活，现将有关事项通知如下：请各片区于1月15日前填报附件。 "
        "附件：春节走访慰问统计表 某区党工委扶贫开发成果巩固 与乡村振兴工作领导小组办公室2023年1月11日")
    record = notice_record(page)
    assert record["issuers"] == ["某区党工委扶贫开发成果巩固与乡村振兴工作领导小组办公室"]
    assert record["attachments"] == ["春节走访慰问统计表"]
