"""Half or full width from where the recogniser read each character (docproc.layout.char_width).

Synthetic lines put characters where a page would: positions are in CJK pitches (66 px), taken
from what PP-OCRv6 reports on the rendered fixtures (a full-width comma is read 0.3 into its cell,
an ASCII one in the middle of its half cell, and so on).
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from docproc.layout.char_width import decide_character_widths, settle_character_widths
from docproc.metrics import character_error_rate
from docproc.ocr.base import OcrChar, OcrLine
from docproc.ocr.rapid import char_positions
from tests.conftest import FIXTURES_DIR

PITCH = 66.0


def line(text: str, positions: list[float] | None, y: float = 0.0) -> OcrLine:
    """A recognised line whose non-space characters were read at ``positions`` (pitches)."""
    visible = [c for c in text if not c.isspace()]
    chars = None
    if positions is not None:
        assert len(positions) == len(visible), (text, len(visible), len(positions))
        chars = [
            OcrChar(c, (x * PITCH - 4, y, x * PITCH + 4, y + 60), 0.99)
            for c, x in zip(visible, positions, strict=True)
        ]
    width = (max(positions) + 1) * PITCH if positions else 100.0
    return OcrLine(text, (0.0, y, width, y + 60), 0.99, chars=chars)


def ideographs(start: float, count: int) -> list[float]:
    return [start + k for k in range(count)]


# a body line of ASCII marks as the renderer prints seed-003: 各乡镇,县各有关部门
ASCII_COMMA_LINE = ("各乡镇，县各有关部门", [0.5, 1.5, 2.5, 3.25, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
FULL_COMMA_LINE = ("实效性，推动严格", [0.5, 1.5, 2.5, 3.3, 4.5, 5.5, 6.5, 7.5])


@pytest.mark.parametrize(
    ("read", "positions", "expected"),
    [
        # comma: about 1.5 pitches from the character before to the one after → ASCII
        (*ASCII_COMMA_LINE, "各乡镇,县各有关部门"),
        ("各乡镇,县各有关部门", ASCII_COMMA_LINE[1], "各乡镇,县各有关部门"),
        # about 2 pitches → full-width, whichever the recogniser said
        (*FULL_COMMA_LINE, "实效性，推动严格"),
        ("实效性,推动严格", FULL_COMMA_LINE[1], "实效性，推动严格"),
        # colon and semicolon the same way
        ("组长:王会奇同志", [0.5, 1.5, 2.3, 3.5, 4.5, 5.5, 6.5, 7.5], "组长：王会奇同志"),
        ("政处罚；杜绝以罚", [0.5, 1.5, 2.5, 3.25, 4.0, 5.0, 6.0, 7.0], "政处罚;杜绝以罚"),
        # a closing bracket: from 号 to 精 1.5 pitches → ASCII; 2 → full-width
        ("9号）精神根据", [0.25, 1.0, 1.75, 2.5, 3.5, 4.5, 5.5], "9号)精神根据"),
        ("区县（市）政府进行", [0.5, 1.5, 2.75, 3.5, 4.3, 5.5, 6.5, 7.5, 8.5], "区县（市）政府进行"),
        # digits: each ASCII digit advances half a pitch, a full-width one a whole pitch
        ("并于7月1日前将工作", [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5], "并于７月１日前将工作"),
        ("并于７月１日前将工作", [0.5, 1.5, 2.25, 3.0, 3.75, 4.5, 5.5, 6.5, 7.5, 8.5], "并于7月1日前将工作"),
        ("平委办２０２４年印发通知", [0.5, 1.5, 2.5, 3.25, 3.75, 4.25, 4.75, 5.5, 6.5, 7.5, 8.5, 9.5],
         "平委办2024年印发通知"),
        ("平委办2024年印发通知", [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5],
         "平委办２０２４年印发通知"),
        # between two digits a colon or comma measured half-width stays ASCII (8:30, 1,000)
        ("会议于8:30开始共1,000人", [0.5, 1.5, 2.5, 3.25, 3.75, 4.25, 4.75, 5.5, 6.5, 7.5,
                                     8.25, 8.75, 9.25, 9.75, 10.25, 11.0], "会议于8:30开始共1,000人"),
    ],
)
def test_width_follows_the_geometry(read: str, positions: list[float], expected: str) -> None:
    (settled,) = settle_character_widths([line(read, positions)])
    assert settled.text == expected
    assert [c.char for c in settled.chars or []] == [c for c in expected if not c.isspace()]


def test_undecidable_marks_follow_the_page() -> None:
    # a colon at a line's end sits alike in both widths; the page's commas are ASCII
    page = [
        line("各乡镇，县各有关部门：", [*ASCII_COMMA_LINE[1], 9.75]),
        line("一是强化，二是落实，三是", [0.5, 1.5, 2.5, 3.5, 4.25, 5.0, 6.0, 7.0, 8.0, 8.75, 9.5, 10.5], y=100),
    ]
    decisions = decide_character_widths(page)
    assert [(d.read, d.width, d.evidence) for d in decisions] == [
        ("，", "half", "geometry"),
        ("：", "half", "page"),
        ("，", "half", "geometry"),
        ("，", "half", "geometry"),
    ]
    assert [ln.text for ln in settle_character_widths(page)] == [
        "各乡镇,县各有关部门:", "一是强化,二是落实,三是"
    ]


def test_a_bracket_takes_its_partners_width() -> None:
    # (一)聚焦: the opening bracket starts the line (both widths sit alike), the closing one is
    # measured 1.5 pitches wide between 一 and 聚 → both ASCII, though the page's commas are full
    page = [
        line("（一）聚焦行政执法领域", [0.25, 1.0, 1.75, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]),
        line(*FULL_COMMA_LINE, y=100),
    ]
    settled = settle_character_widths(page)
    assert settled[0].text == "(一)聚焦行政执法领域"
    assert [d.evidence for d in decide_character_widths(page)][:2] == ["bracket", "geometry"]


def test_without_evidence_marks_in_chinese_default_to_full_width_and_digits_stay() -> None:
    # (市营商局) alone on a page: nothing to measure its brackets against
    page = [line("(市营商局)", [0.75, 1.5, 2.5, 3.5, 4.5, 5.25]), line("第5页", [0.5, 1.25, 2.0], y=100)]
    assert [ln.text for ln in settle_character_widths(page)] == ["（市营商局）", "第5页"]


def test_nothing_becomes_full_width_outside_chinese_text() -> None:
    # a URL's colon measured at full-width spacing has no Chinese neighbour: it stays
    url = line("网址http://www", [0.5, 1.5, 2.25, 2.75, 3.25, 3.75, 4.75, 5.25, 5.75, 6.25, 6.75, 7.25])
    settled = settle_character_widths([url, line(*FULL_COMMA_LINE, y=100)])[0]
    assert settled.text == "网址http://www"


def test_a_mark_next_to_a_fullwidth_mark_is_not_measured_against_it() -> None:
    # 》（ may be set in 1.5 cells: the span 》→平 says nothing, and （→平 sits alike in both
    # widths, so the page's ASCII marks decide
    page = [
        line("通知》（平委办", [0.5, 1.5, 2.3, 3.25, 4.0, 5.0, 6.0]),
        line(*ASCII_COMMA_LINE, y=100),
    ]
    decisions = decide_character_widths(page)
    assert (decisions[0].read, decisions[0].evidence, decisions[0].width) == ("（", "page", "half")


def test_word_processor_spacing_keeps_a_single_digit_half_width() -> None:
    # a page where Word puts 1/4 pitch between Latin digits and ideographs (2019年, 〕860号 …):
    # 年1月 then spans 2 pitches although the 1 is ASCII
    after_word_processor = [0.5, 1.5, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 6.5, 7.5, 8.5, 9.5, 10.5]
    page = [
        line("自2019年1月1日起全面", [0.5, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0]),
        line("国发2018年41号文件和", after_word_processor, y=100),
        line("国发2014年21号文件和", after_word_processor, y=200),
    ]
    assert settle_character_widths(page)[0].text == "自2019年1月1日起全面"


def test_lines_without_positions_are_left_as_read() -> None:
    no_positions = line("各乡镇，县各有关部门", None)
    mismatched = OcrLine("各乡镇，县", (0, 0, 300, 60), 0.9, chars=[OcrChar("各", (0, 0, 8, 60), 0.9)])
    assert settle_character_widths([no_positions, mismatched]) == [no_positions, mismatched]
    assert decide_character_widths([no_positions, mismatched]) == []


def test_rapid_frames_are_placed_along_the_line_box() -> None:
    # 4 characters read at frames 1, 5, 9, 13 of a 24-frame crop, 480 px wide, at x = 100
    word_info = SimpleNamespace(
        words=[["各", "乡"], [","], ["县"]], word_cols=[[1, 5], [9], [13]], line_txt_len=24.0,
        confs=[0.9, 0.8, 0.7, 0.6],
    )
    quad = np.array([[100, 50], [580, 50], [580, 130], [100, 130]], dtype=float)
    chars = char_positions("各乡,县", quad, 480, word_info)
    assert chars is not None
    assert [c.char for c in chars] == ["各", "乡", ",", "县"]
    assert [c.box for c in chars] == [
        (120.0, 50.0, 140.0, 130.0), (200.0, 50.0, 220.0, 130.0),
        (280.0, 50.0, 300.0, 130.0), (360.0, 50.0, 380.0, 130.0),
    ]
    assert [c.confidence for c in chars] == [0.9, 0.8, 0.7, 0.6]
    # a vertical line, or a text that does not match the frames, gives no positions
    tall = np.array([[100, 50], [140, 50], [140, 400], [100, 400]], dtype=float)
    assert char_positions("各乡,县", tall, 350, word_info) is None
    assert char_positions("各乡县", quad, 480, word_info) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "printed"),
    [("seed-003/clean-p1", "各乡镇,县各有关部门:"), ("seed-004/clean-p4", "并于７月１日前将")],
)
def test_real_pages_keep_their_printed_widths(page: str, printed: str) -> None:
    from docproc.pipeline import Recognizer

    document = Recognizer().recognize(FIXTURES_DIR / f"{page}.png")
    text = "".join(line.text for line in document.pages[0].lines)
    seed, number = page.split("/clean-p")
    reference = (FIXTURES_DIR / seed / f"reference-p{number}.txt").read_text(encoding="utf-8")
    assert printed in "".join(text.split())
    assert character_error_rate(text, reference) <= 0.005
