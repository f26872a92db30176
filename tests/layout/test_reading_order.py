"""order_lines: boxes of one row merged, rows read top to bottom, side-by-side blocks column by column."""

from __future__ import annotations

import random

import pytest

from docproc.layout.reading_order import order_lines, space_wide_gaps
from docproc.model.document import Line
from tests.layout.page_builder import (
    CHAR,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    after,
    box,
    full,
    right_aligned,
    visual_width,
)


def texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in order_lines(lines, PAGE_WIDTH, PAGE_HEIGHT)]


ROW_CASES = [
    # seed 000's leader rows, as OCR boxes: label+name, then the position one character further
    (
        "leader row in two boxes, one-char gap",
        [box("组  长：王会奇", 0, 0), box("副市长", 0, 8)],
        ["组  长：王会奇 副市长"],
    ),
    (
        "leader row in three boxes",
        [box("常务副组长：", 0, 0), box("王佩军", 0, 6.2), box("市司法局局长", 0, 10)],
        ["常务副组长：王佩军 市司法局局长"],
    ),
    (
        "skewed row: the right box sits 4 pt lower",
        [box("副 组 长：许树文", 0, 0), box("市公安局常务副局长", 0, 10, dy=4.0)],
        ["副 组 长：许树文 市公安局常务副局长"],
    ),
    (
        "line split in two boxes with a hairline gap",
        [head := box("(三 )集中检查阶段", 0, 2), after(head, "(10月 25日 至 11月 30日 )", 2.0)],
        ["(三 )集中检查阶段(10月 25日 至 11月 30日 )"],
    ),
    (
        "full-width punctuation kept, boxes given right to left",
        [box("执法监督专项行动。", 0, 10.05), box("决定在全市开展助企护企", 0, 0)],
        ["决定在全市开展助企护企执法监督专项行动。"],
    ),
    (
        "rows given bottom-up come out top-down",
        [
            box("二、工作目标", 2, 2),
            full("落实党的十九大和十九届二中、三中、四中、五中全会精神，", 1),
            box("一、指导思想", 0, 2),
        ],
        ["一、指导思想", "落实党的十九大和十九届二中、三中、四中、五中全会精神，", "二、工作目标"],
    ),
    (
        "issuer and 印发 date on one row stay one line",
        [box("沈阳市法治政府建设工作领导小组", 0, 0), right_aligned("2021年9月26日印发", 0)],
        ["沈阳市法治政府建设工作领导小组 2021年9月26日印发"],
    ),
    (
        # positions set far right, as in some leader lists: a key–value list is read row by row
        "leader list with positions tabulated far right",
        [
            box("组  长：王会奇", 0, 0),
            box("副市长", 0, 18),
            box("常务副组长：王佩军", 1, 0),
            box("市司法局局长", 1, 18),
            box("曲向军", 2, 6),
            box("市市场监督管理局局长", 2, 18),
        ],
        ["组  长：王会奇 副市长", "常务副组长：王佩军 市司法局局长", "曲向军 市市场监督管理局局长"],
    ),
    (
        # a joint signature: two organs side by side, the left one wrapped; the date under both
        "joint signature block of two organs",
        [
            box("中共沈阳市委全面依法", 0, 1),
            box("沈阳市司法局", 0, 17),
            box("治市委员会办公室", 1, 1),
            box("2021年9月26日", 3, 10),
        ],
        ["中共沈阳市委全面依法", "治市委员会办公室", "沈阳市司法局", "2021年9月26日"],
    ),
    (
        "two-column member list under its label",
        [
            box("成  员：", 0, 0),
            box("穆 雷  市司法局副局长", 1, 1),
            box("李 悦  市公安局副局长", 1, 15),
            box("李学良  市财政局副局长", 2, 1),
            box("索丽珍  市生态环境局局长", 2, 15),
            full("市助企护企执法监督专项行动工作领导小组下设办公室，", 3, 2),
        ],
        [
            "成  员：",
            "穆 雷  市司法局副局长",
            "李学良  市财政局副局长",
            "李 悦  市公安局副局长",
            "索丽珍  市生态环境局局长",
            "市助企护企执法监督专项行动工作领导小组下设办公室，",
        ],
    ),
]


@pytest.mark.parametrize(("name", "lines", "expected"), ROW_CASES, ids=[c[0] for c in ROW_CASES])
def test_order_lines(name: str, lines: list[Line], expected: list[str]) -> None:
    assert texts(lines) == expected


def test_merged_row_box_and_char_weighted_confidence() -> None:
    left = box("组  长：王会奇", 0, 0, confidence=0.9)  # 6 characters
    right = box("副市长", 0, 8, confidence=0.6)  # 3 characters
    (merged,) = order_lines([right, left], PAGE_WIDTH, PAGE_HEIGHT)
    assert left.bbox is not None and right.bbox is not None and merged.bbox is not None
    assert merged.bbox == (left.bbox[0], left.bbox[1], right.bbox[2], right.bbox[3])
    assert merged.confidence == pytest.approx((6 * 0.9 + 3 * 0.6) / 9)


def test_inputs_are_not_modified_and_blank_boxes_dropped() -> None:
    lines = [box("副市长", 0, 8), box("组  长：王会奇", 0, 0), box("  ", 1, 0)]
    before = [(ln.text, ln.bbox) for ln in lines]
    assert texts(lines) == ["组  长：王会奇 副市长"]
    assert [(ln.text, ln.bbox) for ln in lines] == before


def test_lines_without_boxes_keep_their_order() -> None:
    lines = [Line("二、工作目标"), Line("一、指导思想"), Line("")]
    assert texts(lines) == ["二、工作目标", "一、指导思想", ""]


def test_shuffled_page_of_split_boxes_reads_back_in_order() -> None:
    """A 22-line page whose every line is cut into 1–3 boxes, shuffled, with a slight skew."""
    rng = random.Random(7)
    rows = [f"第{n:02d}行执法监督专项行动工作方案内容正文" for n in range(22)]
    boxes: list[Line] = []
    for row, text in enumerate(rows):
        cuts = sorted(rng.sample(range(1, len(text)), rng.randint(0, 2)))
        start = 0
        for cut in [*cuts, len(text)]:
            col = visual_width(text[:start]) / CHAR
            piece = box(text[start:cut], row, col, dy=0.16 * col - 0.8)  # about 0.6° of skew
            boxes.append(piece)
            start = cut
    rng.shuffle(boxes)
    assert texts(boxes) == rows


def _read_line(text: str, centres: list[float], height: float = 16.0) -> Line:
    boxes = [(c - 1.0, 100.0, c + 1.0, 100.0 + height) for c in centres]
    return Line(text, (centres[0] - 8, 100.0, centres[-1] + 8, 100.0 + height), 0.9, char_boxes=boxes)


@pytest.mark.parametrize(
    ("text", "centres", "spaced"),
    [
        # one empty cell and more between 王学政 and 党委副书记: one space
        ("组长：王学政党委副书记", [0, 16, 32, 48, 64, 80, 128, 144, 160, 176, 192], "组长：王学政 党委副书记"),
        # a justified line: cells a little wider than the type, no space
        ("为贯彻落实工作要点", [0, 17, 34, 51, 68, 85, 102, 119, 136], "为贯彻落实工作要点"),
        # a space the recogniser already put stays the only one
        ("王学政 党委副书记", [0, 16, 32, 80, 96, 112, 128, 144], "王学政 党委副书记"),
    ],
)
def test_wide_gap_inside_a_line_becomes_a_space(text: str, centres: list[float], spaced: str) -> None:
    line = _read_line(text, [float(c) for c in centres])
    result = space_wide_gaps(line)
    assert result.text == spaced
    assert result.char_boxes == line.char_boxes


def test_line_without_character_boxes_is_kept() -> None:
    line = Line("王学政党委副书记", (0.0, 0.0, 200.0, 16.0))
    assert space_wide_gaps(line) is line


def _boxed(text: str, x0: float, pitch: float, y0: float = 167.0, height: float = 21.0) -> Line:
    """A line whose visible characters stand ``pitch`` apart from ``x0`` (a space: one empty cell)."""
    boxes, x = [], x0
    for char in text:
        if not char.isspace():
            boxes.append((x, y0, x + height * 0.9, y0 + height))
        x += pitch
    return Line(text=text, bbox=(x0, y0, x, y0 + height), confidence=0.99, char_boxes=boxes)


def test_a_character_the_detector_cut_out_of_a_line_goes_back_into_its_gap() -> None:
    # 蔡　强　平潭县供电公司经理 read as 蔡 … 平潭县… (one box over the whole row) and 强 on its own
    host = _boxed("蔡    平潭县供电公司经理", 172.0, 21.0)
    assert host.char_boxes is not None
    gap_start = host.char_boxes[0][2]
    alone = Line(text="强", bbox=(gap_start + 24.0, 167.0, gap_start + 43.0, 188.0), confidence=0.97)
    texts = [line.text for line in order_lines([host, alone], 600.0, 800.0)]
    assert texts == ["蔡 强 平潭县供电公司经理"]


def test_a_short_box_beside_a_line_is_not_put_into_it() -> None:
    host = _boxed("平潭县供电公司经理", 172.0, 21.0)
    beside = Line(text="强", bbox=(420.0, 167.0, 440.0, 188.0), confidence=0.97)
    assert [line.text for line in order_lines([host, beside], 600.0, 800.0)] == ["平潭县供电公司经理 强"]
