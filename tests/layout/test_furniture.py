"""split_page_furniture: the page number alone in the top or bottom margin becomes a zone."""

from __future__ import annotations

import pytest

from docproc.layout.furniture import split_page_furniture
from docproc.model.document import Line
from tests.layout.page_builder import PAGE_HEIGHT, PAGE_WIDTH, box, centred, full, right_aligned

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
