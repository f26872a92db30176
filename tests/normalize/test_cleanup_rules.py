"""OCR clean-up rules: input → cleaned text, and spans that map back into the input."""

from __future__ import annotations

import pytest

from docproc.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("沈法治发 匚⒛21〕 7号", "沈法治发〔2021〕7号"),
        ("鲅政办发【2017】37号", "鲅政办发〔2017〕37号"),
        ("2o21年 9月 26日 印发", "2021年9月26日 印发"),
        ("《沈阳市⒛21年法治政府建设工作要点》", "《沈阳市2021年法治政府建设工作要点》"),
        ("2O2l年", "2021年"),
        ("共2o个", "共2o个"),
        ("(二 )严格规范执法", "（二）严格规范执法"),
        ("提升企业满意度 ,结合", "提升企业满意度，结合"),
        ("组   长:王会奇 副市长", "组   长：王会奇 副市长"),
        ("巩l固督查成果", "巩固督查成果"),
        ("采取随机|提问", "采取随机提问"),
        ("劝导示范i、 指导告诫", "劝导示范、指导告诫"),
        ("组织抽查工作", "组织抽查工作"),
        ("帮 助企业", "帮助企业"),
        ("于 10月 22日 前报送", "于10月22日前报送"),
        ("１２月２０日", "12月20日"),
        ("共1,000人，8:30开始", "共1,000人，8:30开始"),
        ("为贯彻落实《鞍山市工作实\n\n施方案》，制定", "为贯彻落实《鞍山市工作实施方案》，制定"),
        ("树牢\n“\n执法为民\n”\n服务理念", "树牢“执法为民”服务理念"),
        ("一、指导思想\n\n以习近平", "一、指导思想\n以习近平"),
        # OCR of the rendered scans: digit groups split by a space, half-ASCII brackets, spaced addresses
        ("根据《通知》（平纪〔2 024〕37号）部署", "根据《通知》（平纪〔2024〕37号）部署"),
        ("平纪办〔201 8〕11号", "平纪办〔2018〕11号"),
        ("（平纪〔2 024〕 37号)部署", "（平纪〔2024〕37号）部署"),
        ("联系方式6561 61 浙政钉", "联系方式656161 浙政钉"),
        # a table row's number after a whole phone, before the row's next cell, stays apart
        ("值班电话 1 区公安局 0591-24311110 2 区交通与建设局", "值班电话 1 区公安局 0591-24311110 2 区交通与建设局"),
        ("电话：0573-8 2061234", "电话：0573-82061234"),
        ("电话：0572-882156 7，", "电话：0572-8821567，"),
        ("共 12 人", "共 12 人"),
        ("表中 10 20 30", "表中 10 20 30"),
        ("（联系人：沈立群，电话：0573-82061234)。", "（联系人：沈立群，电话：0573-82061234）。"),
        ("電子郵箱：fw j @hengqi n. gov. cn", "電子郵箱：fwj@hengqin.gov.cn"),
        ("网站：www. ykdz. gov. cn 电话", "网站：www.ykdz.gov.cn 电话"),
        ("邮箱：byqqfzb@126.com", "邮箱：byqqfzb@126.com"),
        ("mail me at abc @x.com", "mail me at abc @x.com"),
    ],
)
def test_cleanup(raw: str, clean: str) -> None:
    assert normalize_text(raw).text == clean


def test_debris_of_a_seal_is_dropped() -> None:
    raw = "标题方案\n" + "\n".join("组松发丶小经市卿删一己寸") + "\n现将有关事项通知如下。"
    assert normalize_text(raw).text == "标题方案\n现将有关事项通知如下。"


def test_a_confusion_of_the_lexicon_is_corrected_inside_words_only() -> None:
    """models/normalize/confusions.jsonl holds only what our engine is measured to confuse (today
    nothing: ``python -m bench.confusions``); the mechanism, with an entry given here."""
    from dataclasses import replace

    from docproc.normalize.rules import Confusion, load_cleanup_rules

    rules = replace(load_cleanup_rules(), confusions=(Confusion("浅", "法"),))
    assert normalize_text("市城市管理综合行政执浅局副局长", rules).text == "市城市管理综合行政执法局副局长"
    assert normalize_text("水很浅", rules).text == "水很浅"


def test_spans_map_back_to_the_original() -> None:
    raw = "沈法治发 匚⒛21〕 7号\n\n加强执法队伍建设 ,全面提升"
    cleaned = normalize_text(raw)
    at = cleaned.text.index("，")
    start, end = cleaned.to_original(at, at + 1)
    assert raw[start:end].strip() == ","
    at = cleaned.text.index("2021")
    start, end = cleaned.to_original(at, at + 4)
    assert raw[start:end] == "⒛21"
    at = cleaned.text.index("全面提升")
    start, end = cleaned.to_original(at, at + 4)
    assert raw[start:end] == "全面提升"
    assert cleaned.to_original(len(cleaned.text), len(cleaned.text)) == (len(raw), len(raw))


def test_signature_lines_after_a_half_ascii_bracket_stay_lines() -> None:
    raw = "请及时反映（联系人：沈立群，电话：0573-8 2061234)。\n嘉兴市市场监督管理局\n嘉兴市商务局\n2023年5月9日"
    assert normalize_text(raw).text.split("\n") == [
        "请及时反映（联系人：沈立群，电话：0573-82061234）。", "嘉兴市市场监督管理局", "嘉兴市商务局", "2023年5月9日",
    ]


def test_enclosed_numerals_that_mark_list_items_are_spelled_out() -> None:
    raw = "㈠大力宣传安全生产决策部署\n⒈积极宣传政策措施。⑵加强宣传。\n沈法治发匚⒛21〕7号"
    assert normalize_text(raw).text == "（一）大力宣传安全生产决策部署\n1．积极宣传政策措施。（2）加强宣传。\n沈法治发〔2021〕7号"


def test_a_crawled_header_cut_inside_a_book_title_is_not_joined_across_the_body_separator() -> None:
    """A crawler's 本地目录 line is cut inside 《…; the open bracket must not pull the body's first
    paragraph (主送, cover letter) up into the page's header."""
    raw = ("本地目录: zwgk/201707/62732_某局关于印发《深入开展道路运输行业平安交通专项整治\n"
           "页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n"
           "各有关单位：现将《某局专项整治行动方案》印发给你们，请认真贯彻落实。\n")
    lines = normalize_text(raw).text.split("\n")
    assert "==================== 正文 ====================" in lines
    assert lines[lines.index("==================== 正文 ====================") + 1].startswith("各有关单位：")


def test_a_quote_left_open_does_not_carry_a_paragraph_past_its_full_stop() -> None:
    """A misprinted 《…“利剑行动的通知》 leaves a quote open: the signature under the sentence stays apart."""
    raw = ("根据《某局关于开展“利剑行动的通知》要求，现将方案印发给你们，请认真抓好贯彻落实。\n"
           "某市旅游发展委员会\n2018年2月28日\n")
    assert normalize_text(raw).text.split("\n")[-2:] == ["某市旅游发展委员会", "2018年2月28日"]
