"""Page furniture: the page number (页码) printed alone in the top or bottom margin.

:func:`split_page_furniture` takes it out of the body text and returns it as a ``page-number`` zone;
everything else stays in the body. Run it on the lines of :func:`~docproc.layout.reading_order.order_lines`
(one Line per visual row), so that ``— 1 —`` read as three boxes is already one line.
"""

from __future__ import annotations

from docproc.layout.patterns import load_line_patterns
from docproc.model.document import Line, Zone


def page_number_of(text: str) -> tuple[str, float] | None:
    """The page number written in ``text`` (``— 1 —``, ``-2-``, ``第1页 共5页``, ``1/5``, ``3``) and the
    margin (fraction of the page height) within which such a line is believed to be a page number."""
    compact = text.strip()
    for pattern in load_line_patterns().page_numbers:
        match = pattern.regex.match(compact)
        if match:
            return str(int(match.group("number"))), pattern.margin
    return None


def _shares_row(line: Line, others: list[Line]) -> bool:
    assert line.bbox is not None
    _, y0, _, y1 = line.bbox
    for other in others:
        if other is line or other.bbox is None:
            continue
        if min(y1, other.bbox[3]) - max(y0, other.bbox[1]) > 0.3 * (y1 - y0):
            return True
    return False


def split_page_furniture(
    lines: list[Line], page_width: float, page_height: float
) -> tuple[list[Line], list[Zone]]:
    """The body lines without the page number, and the page-number zone(s) found.

    A line is the page number when its whole text is one (see ``models/layout/line_patterns.json``),
    it is the top-most or bottom-most line of the page, it lies within the pattern's margin of that
    edge and no other line stands on its row. Lines without a box are never furniture.
    """
    boxed = [ln for ln in lines if ln.bbox is not None and ln.text.strip()]
    if not boxed:
        return list(lines), []
    top_line = min(boxed, key=lambda ln: ln.bbox[1] if ln.bbox else 0.0)
    bottom_line = max(boxed, key=lambda ln: ln.bbox[3] if ln.bbox else 0.0)
    zones: list[Zone] = []
    furniture: set[int] = set()
    for candidate in {id(top_line): top_line, id(bottom_line): bottom_line}.values():
        found = page_number_of(candidate.text)
        if found is None or candidate.bbox is None:
            continue
        number, margin = found
        x0, y0, x1, y1 = candidate.bbox
        near_bottom = candidate is bottom_line and y0 >= page_height * (1 - margin)
        near_top = candidate is top_line and y1 <= page_height * margin
        if not (near_bottom or near_top) or _shares_row(candidate, boxed):
            continue
        furniture.add(id(candidate))
        zones.append(
            Zone(
                kind="page-number",
                bbox=candidate.bbox,
                text=number,
                confidence=candidate.confidence,
            )
        )
    body = [ln for ln in lines if id(ln) not in furniture]
    return body, zones
