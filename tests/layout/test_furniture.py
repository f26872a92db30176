"""split_page_furniture: the page number alone in the top or bottom margin becomes a zone."""

from __future__ import annotations

import pytest

from docproc.layout.furniture import split_page_furniture, split_running_furniture
from docproc.model.document import Line, Page
from tests.layout.page_builder import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    box,
    centred,
    full,
    page,
    right_aligned,
)

BODY = [
    full("为贯彻落实《沈阳市2021年法治政府建设工作要点》，增", 0, 2),
    full("强法治政府建设的针对性、创新性、实效性，推动严格规范公", 1),
    box("制定本方案。", 2),
]
BOTTOM_ROW = 23.4  # 776 pt from the top: the GB/T 9704 page-number line
TOP_ROW = -2.6  # 25 pt from the top


@pytest.mark.parametrize(
    ("line", "number"),
    [
        (right_aligned("— 1 —", BOTTOM_ROW, 1), "1"),
        (box("- 2 -", BOTTOM_ROW, 1), "2"),
        (centred("—3—", BOTTOM_ROW), "3"),
        (centred("第1页 共5页", BOTTOM_ROW), "1"),
        (centred("第 12 页", BOTTOM_ROW), "12"),
        (centred("-1-", BOTTOM_ROW), "1"),
        (centred("4/5", BOTTOM_ROW), "4"),
        (centred("7", BOTTOM_ROW), "7"),
        (centred("－１２－", BOTTOM_ROW), "12"),
        (centred("- 9 -", TOP_ROW), "9"),
    ],
)
def test_page_number_is_taken_out(line: Line, number: str) -> None:
    body, zones = split_page_furniture([*BODY, line], PAGE_WIDTH, PAGE_HEIGHT)
    assert body == BODY
    assert [(z.kind, z.bbox, z.text) for z in zones] == [("page-number", line.bbox, number)]


@pytest.mark.parametrize(
    "lines",
    [
        # a page-number-looking line in the middle of the page
        [*BODY, centred("— 1 —", 10)],
        # a bare number in the bottom margin, but with text on its row (a table's last row)
        [*BODY, box("合计", BOTTOM_ROW), centred("7", BOTTOM_ROW)],
        # a bare number that is not the bottom-most line
        [*BODY, centred("7", 21.5), box("抄送：市委办公室。", BOTTOM_ROW)],
        # body text in the bottom margin
        [*BODY, box("2021年9月26日", BOTTOM_ROW, 16)],
        # a heading number is not a page number
        [*BODY, box("1.", BOTTOM_ROW, 2)],
        # a bare number near the bottom but above the page-number band
        [*BODY, centred("7", 18)],
    ],
)
def test_nothing_else_is_removed(lines: list[Line]) -> None:
    body, zones = split_page_furniture(lines, PAGE_WIDTH, PAGE_HEIGHT)
    assert body == lines
    assert zones == []


def test_lines_without_boxes_are_kept() -> None:
    lines = [Line("一、指导思想"), Line("— 1 —")]
    assert split_page_furniture(lines, PAGE_WIDTH, PAGE_HEIGHT) == (lines, [])


@pytest.mark.parametrize(
    ("line", "number"),
    [
        (right_aligned("-6—", BOTTOM_ROW, 1), "6"),
        (centred("一8—", BOTTOM_ROW), "8"),
        (centred("—１０—", BOTTOM_ROW), "10"),
    ],
)
def test_page_number_in_any_dash_style(line: Line, number: str) -> None:
    body, zones = split_page_furniture([*BODY, line], PAGE_WIDTH, PAGE_HEIGHT)
    assert body == BODY
    assert [(z.kind, z.text) for z in zones] == [("page-number", number)]


def test_page_number_below_a_watermark_line() -> None:
    """The scanner app's line is the bottom-most one; the page number above it is still found."""
    number = right_aligned("— 3 —", 21.9, 1)
    mark = right_aligned("扫描全能王 创建", 24.2)
    body, zones = split_page_furniture([*BODY, number, mark], PAGE_WIDTH, PAGE_HEIGHT)
    assert body == BODY
    assert [(z.kind, z.text) for z in zones] == [("watermark", "扫描全能王 创建"), ("page-number", "3")]


@pytest.mark.parametrize(
    ("text", "kept", "number"),
    [
        ("共同维护农机产品全国统一大—2—", "共同维护农机产品全国统一大", "2"),
        ("要公开公平公正择优选择检测机构并 -6—", "要公开公平公正择优选择检测机构并", "6"),
    ],
)
def test_page_number_glued_to_the_last_line(text: str, kept: str, number: str) -> None:
    last = full(text, 3)
    body, zones = split_page_furniture([*BODY, last], PAGE_WIDTH, PAGE_HEIGHT)
    assert [ln.text for ln in body] == [ln.text for ln in BODY] + [kept]
    assert body[-1].bbox is not None and last.bbox is not None
    assert body[-1].bbox[0] == last.bbox[0] and body[-1].bbox[2] < last.bbox[2]
    assert [(z.kind, z.text) for z in zones] == [("page-number", number)]
    assert zones[0].bbox is not None and zones[0].bbox[2] == last.bbox[2]


def test_glued_page_number_is_cut_at_its_character_boxes() -> None:
    last = full("统一大—2—", 3)
    assert last.bbox is not None
    x0, y0, _, y1 = last.bbox
    last.char_boxes = [(x0 + 16 * i, y0, x0 + 16 * i + 15, y1) for i in range(6)]
    body, zones = split_page_furniture([*BODY, last], PAGE_WIDTH, PAGE_HEIGHT)
    assert body[-1].text == "统一大" and body[-1].char_boxes == last.char_boxes[:3]
    assert zones[0].bbox == (x0 + 47.5, y0, last.bbox[2], y1)


@pytest.mark.parametrize(
    "text",
    [
        "2024—2026年",  # a range of years ends no line as a page number
        "按照第2—3条",
    ],
)
def test_dashes_inside_text_are_no_glued_page_number(text: str) -> None:
    lines = [*BODY, box(text, 3)]
    assert split_page_furniture(lines, PAGE_WIDTH, PAGE_HEIGHT) == (lines, [])


def test_seal_digits_only_inside_a_seal() -> None:
    seal = (300.0, 400.0, 430.0, 530.0)
    digits = Line("00000", (370.0, 500.0, 400.0, 509.0), 0.9)
    amount = Line("12345", (100.0, 500.0, 140.0, 509.0), 0.9)
    body, zones = split_page_furniture([*BODY, digits, amount], PAGE_WIDTH, PAGE_HEIGHT, seals=[seal])
    assert body == [*BODY, amount]
    assert [(z.kind, z.text) for z in zones] == [("seal-digits", "00000")]


def test_watermark_only_in_the_margin_band() -> None:
    quoted = box("使用扫描全能王创建的文件不作为依据", 5)
    lines = [*BODY, quoted]
    assert split_page_furniture(lines, PAGE_WIDTH, PAGE_HEIGHT) == (lines, [])


def test_running_header_and_footer_repeat_across_pages() -> None:
    def one_page(number: int, body_text: str) -> Page:
        return page(
            [
                centred("沈阳市人民政府公报", -2.6),
                full(body_text, 0),
                box("制定本方案。", 1),
                centred(f"2021年第{number}期", 23.4),
            ],
            number=number,
        )

    pages = [one_page(n, t) for n, t in enumerate(["为贯彻落实工作要点", "强法治政府建设", "推动严格规范公正"], 1)]
    result = split_running_furniture(pages)
    assert [[ln.text for ln in p.lines] for p in result] == [
        [p.lines[1].text, "制定本方案。"] for p in pages
    ]
    assert [(z.kind, z.text) for z in result[2].zones] == [
        ("running-header", "沈阳市人民政府公报"),
        ("running-footer", "2021年第3期"),
    ]
    assert pages[0].lines[0].text == "沈阳市人民政府公报"  # inputs untouched


def test_a_line_on_one_page_only_is_no_running_header() -> None:
    first = page([centred("沈阳市人民政府公报", -2.6), full("为贯彻落实工作要点", 0)])
    second = page([full("强法治政府建设", 0), box("制定本方案。", 1)], number=2)
    assert split_running_furniture([first, second]) == [first, second]
