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
