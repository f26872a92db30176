"""Layout where there is layout: a scan's title by size and centring, its signing organs by alignment."""

from __future__ import annotations

from docproc.extract import extract_notice
from docproc.extract.layout_hints import layout_title, signature_lines
from docproc.model.document import Document, Line, Page, Source


def _page(rows: list[tuple[str, tuple[float, float, float, float]]]) -> Document:
    text, lines, position = "", [], 0
    for value, box in rows:
        lines.append(Line(value, box, 0.98, (position, position + len(value))))
        text += value + "\n"
        position += len(value) + 1
    page = Page(number=1, width=595.0, height=842.0, text_source="ocr", lines=lines, dpi=200)
    return Document(source=Source(file="scan.pdf", sha256="0" * 64, pages=1), pages=[page], text=text)


BODY = [  # a title without a 公文 type word, as a 纪要 or a 决定书 may print one; body lines of 16 pt
    ("青山县司法局", (200.0, 140.0, 395.0, 162.0)),
    ("二〇二四年第三次局务会议议定事项", (120.0, 200.0, 475.0, 230.0)),
    ("二〇二四年五月二十日，局党组书记、局长周建国主持召开局务会议，研究", (80.0, 260.0, 515.0, 276.0)),
    ("部署近期重点工作。会议议定事项如下：要求各科室于6月30日前报送半年", (80.0, 282.0, 515.0, 298.0)),
    ("工作总结，局办公室汇总后报县政府。会议要求严格落实议定事项，按时完成。", (80.0, 304.0, 515.0, 320.0)),
    ("青山县司法局", (360.0, 600.0, 470.0, 616.0)),
    ("2024年5月20日", (350.0, 622.0, 480.0, 638.0)),
]


def test_the_title_is_the_large_centred_block_of_page_one() -> None:
    assert [line.text for line in layout_title(_page(BODY))] == ["二〇二四年第三次局务会议议定事项"]


def test_a_text_file_has_no_layout_to_read() -> None:
    document = _page(BODY)
    document.pages[0].text_source = "text"  # type: ignore[assignment]
    assert layout_title(document) == []


def test_the_signing_organ_is_the_right_aligned_line_above_the_date() -> None:
    document = _page(BODY)
    date_at = document.text.index("2024年5月20日")
    assert [line.text for line in signature_lines(document, (date_at, date_at + 10))] == ["青山县司法局"]


def test_extraction_takes_the_title_from_the_layout_when_the_text_gives_none() -> None:
    notice = extract_notice(_page(BODY))
    assert notice.title == "二〇二四年第三次局务会议议定事项"
    assert notice.evidence["title"].rule == "title.layout.v1"
    assert notice.evidence["title"].page == 1 and notice.evidence["title"].bbox == (120.0, 200.0, 475.0, 230.0)
    assert notice.issuers == ["青山县司法局"]


RED_HEADED = [  # a banner whose red zone was not found, the 文号, a title over two lines OCR boxed a little apart
    ("青山县人民政府办公室文件", (89.0, 199.0, 516.0, 247.0)),
    ("青政办发〔2024〕15号", (224.0, 312.0, 377.0, 331.0)),
    ("青山县人民政府办公室关于全面推行行政规范性文件", (91.0, 397.0, 510.0, 421.0)),
    ("合法性审核机制的实施意见", (169.0, 427.0, 433.0, 449.0)),
    ("各乡镇人民政府，县政府各部门：", (79.0, 487.0, 340.0, 506.0)),
    ("制定行政规范性文件是行政机关依法履行职能的重要方式，为此提出以下", (110.0, 516.0, 524.0, 534.0)),
    ("意见。请各地各部门认真贯彻执行，确保各项要求落实到位，按时完成。", (80.0, 546.0, 523.0, 562.0)),
    ("推进合法性审核工作制度化规范化，切实维护群众和企业的合法权益。", (80.0, 575.0, 523.0, 591.0)),
]

FOUR_LINES = [  # only the last line is boxed clearly larger than the body; the lines above are the title too
    ("某县综合实验区某片区管理局关于印发《某", (80.0, 107.0, 522.0, 131.0)),
    ("片区开展", (244.0, 136.0, 357.0, 160.6)),
    ("重点行业领域突出问题专项整治行动的方案》", (80.0, 165.0, 509.0, 189.2)),
    ("的通知", (264.0, 193.0, 337.0, 219.3)),
    ("驻片区纪检监察组，各处室（中心），各村（社区）：", (77.0, 252.0, 452.0, 274.1)),
    ("为深入开展重点领域专项整治，着力健全专项斗争长效机制，切实增强", (111.0, 283.0, 523.0, 302.1)),
    ("组织保障，经局领导研究，现将方案印发给你们，请认真贯彻执行。", (78.0, 311.0, 524.0, 332.6)),
    ("各单位要按照方案要求，明确责任分工，确保专项整治工作取得实效。", (79.0, 341.0, 523.0, 360.0)),
]


def test_a_banner_and_the_number_are_not_the_title_and_its_second_line_joins_it() -> None:
    assert [line.text for line in layout_title(_page(RED_HEADED))] == [
        "青山县人民政府办公室关于全面推行行政规范性文件", "合法性审核机制的实施意见"]


def test_the_lines_above_a_larger_last_line_of_about_its_size_are_the_title_too() -> None:
    document = _page(FOUR_LINES)
    assert len(layout_title(document)) == 4
    record = extract_notice(document).to_dict()
    assert record["title"] == "某县综合实验区某片区管理局关于印发《某片区开展重点行业领域突出问题专项整治行动的方案》的通知"
