"""Lines placed as on a GB/T 9704 A4 page, to build layout test pages from real text.

The text block is 156 mm wide starting 28 mm from the left edge; 28 characters of 16 pt per line,
22 lines per page. Boxes are what an OCR engine or a text layer gives: x from the character column,
y from the row, a little padding, optional skew offset.
"""

from __future__ import annotations

import unicodedata

from docproc.model.document import Line, Page

PAGE_WIDTH = 595.3
PAGE_HEIGHT = 841.9
LEFT = 79.4
CHAR = 15.8  # 28 characters across the text block
RIGHT = LEFT + 28 * CHAR
TOP = 100.0
PITCH = 28.9  # 22 lines per page
BOX_HEIGHT = 17.0


def visual_width(text: str) -> float:
    """Width in points: full-width characters take one column, ASCII and spaces half of one."""
    return sum(CHAR if unicodedata.east_asian_width(ch) in "WFA" else CHAR / 2 for ch in text)


def box(
    text: str,
    row: float,
    col: float = 0.0,
    *,
    x1: float | None = None,
    dy: float = 0.0,
    height: float = BOX_HEIGHT,
    confidence: float | None = 0.95,
) -> Line:
    """A Line at character column ``col`` of text row ``row``; ``x1`` overrides the computed end."""
    x0 = LEFT + col * CHAR
    end = x0 + visual_width(text) if x1 is None else x1
    y0 = TOP + row * PITCH + dy
    return Line(text=text, bbox=(x0, y0, end, y0 + height), confidence=confidence)


def after(previous: Line, text: str, gap: float, confidence: float | None = 0.95) -> Line:
    """A box on the same row as ``previous``, starting ``gap`` points after its end."""
    assert previous.bbox is not None
    x0, y0, x1, y1 = previous.bbox
    start = x1 + gap
    return Line(text=text, bbox=(start, y0, start + visual_width(text), y1), confidence=confidence)


def full(text: str, row: float, col: float = 0.0) -> Line:
    """A justified line reaching the right margin."""
    return box(text, row, col, x1=RIGHT)


def right_aligned(text: str, row: float, chars_from_right: float = 0.0) -> Line:
    x1 = RIGHT - chars_from_right * CHAR
    return box(text, row, (x1 - visual_width(text) - LEFT) / CHAR, x1=x1)


def centred(text: str, row: float, height: float = BOX_HEIGHT) -> Line:
    x0 = LEFT + (RIGHT - LEFT - visual_width(text)) / 2
    return box(text, row, (x0 - LEFT) / CHAR, height=height)


def page(lines: list[Line], number: int = 1) -> Page:
    return Page(
        number=number, width=PAGE_WIDTH, height=PAGE_HEIGHT, text_source="ocr", lines=lines, dpi=300
    )
