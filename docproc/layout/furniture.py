"""Page furniture: what a page prints besides its text, taken out of the body and kept as zones.

Per page, :func:`split_page_furniture` finds, in this order:

* ``watermark``: a scanner app's mark (``扫描全能王 创建``, ``CamScanner``) in the top or bottom band;
* ``scanner-logo`` lines: whatever the recogniser read over a logo zone found on the image;
* ``seal-digits``: a seal's serial number (``00000``) read as a line inside a seal's box;
* ``page-number``: the top-most or bottom-most remaining line when its whole text is a page number
  (``— 1 —``, ``-6—``, ``一8—``, ``第1页 共5页``, ``4/5``, ``7``) and nothing else stands on its row, or a
  dashed page number glued to the end of the bottom-most line (``…全国统一大—2—``) or the start of
  the top-most one.

Over a whole document, :func:`split_running_furniture` takes out ``running-header`` and
``running-footer`` lines: the same text (digits ignored) in the top or bottom band at about the same
height on most pages.

Run it on the lines of :func:`~docproc.layout.reading_order.order_lines` (one Line per visual row),
so that ``— 1 —`` read as three boxes is already one line. The patterns are data
(``models/layout/line_patterns.json``). Lines without a box are never furniture.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from docproc.layout.patterns import load_line_patterns
from docproc.model.document import BBox, Line, Page, Zone

# A line is over a zone (a seal, a logo) when this share of its box lies inside the zone.
INSIDE_SHARE = 0.6


def page_number_of(text: str) -> tuple[str, float] | None:
    """The page number written in ``text`` (``— 1 —``, ``-2-``, ``第1页 共5页``, ``1/5``, ``3``) and the
    margin (fraction of the page height) within which such a line is believed to be a page number."""
    compact = text.strip()
    for pattern in load_line_patterns().page_numbers:
        match = pattern.regex.match(compact)
        if match:
            return _number(match.group("number")), pattern.margin
    return None


def _number(digits: str) -> str:
    return str(int(unicodedata.normalize("NFKC", digits)))


def _shares_row(line: Line, others: list[Line]) -> bool:
    assert line.bbox is not None
    _, y0, _, y1 = line.bbox
    for other in others:
        if other is line or other.bbox is None:
            continue
        if min(y1, other.bbox[3]) - max(y0, other.bbox[1]) > 0.3 * (y1 - y0):
            return True
    return False


def inside_share(box: BBox, zone: BBox) -> float:
    """The share of ``box``'s area that lies inside ``zone``."""
    x0, y0, x1, y1 = box
    area = max(x1 - x0, 0.0) * max(y1 - y0, 0.0)
    if area <= 0:
        return 0.0
    ix = max(0.0, min(x1, zone[2]) - max(x0, zone[0]))
    iy = max(0.0, min(y1, zone[3]) - max(y0, zone[1]))
    return ix * iy / area


def _in_band(box: BBox, page_height: float, margin: float) -> bool:
    return box[1] >= page_height * (1 - margin) or box[3] <= page_height * margin


def _zone(kind: str, line: Line, text: str | None = None, bbox: BBox | None = None) -> Zone:
    return Zone(kind=kind, bbox=bbox or line.bbox, text=line.text if text is None else text,
                confidence=line.confidence)


def _text_width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _split_glued(line: Line, at: int, number_first: bool) -> tuple[Line, BBox]:
    """``line`` without its characters before (``number_first``) or from ``at``, and the box of
    the part taken off: from the characters' boxes when the line has them, else placed by the
    characters' widths."""
    assert line.bbox is not None
    x0, y0, x1, y1 = line.bbox
    head, tail = line.text[:at], line.text[at:]
    boxes = line.char_boxes if line.char_boxes and len(line.char_boxes) == line.visible_count() else None
    split = sum(1 for ch in head if not ch.isspace())
    head_boxes: list[BBox] | None
    tail_boxes: list[BBox] | None
    if boxes is not None and 0 < split < len(boxes):
        cut = (boxes[split - 1][2] + boxes[split][0]) / 2
        head_boxes, tail_boxes = boxes[:split], boxes[split:]
    else:
        cut = x0 + (x1 - x0) * _text_width(head) / (_text_width(line.text) or 1.0)
        head_boxes = tail_boxes = None
    if number_first:
        kept = replace(line, text=tail.lstrip(), bbox=(cut, y0, x1, y1), char_boxes=tail_boxes)
        return kept, (x0, y0, cut, y1)
    kept = replace(line, text=head.rstrip(), bbox=(x0, y0, cut, y1), char_boxes=head_boxes)
    return kept, (cut, y0, x1, y1)


def split_page_furniture(
    lines: list[Line],
    page_width: float,
    page_height: float,
    *,
    seals: Sequence[BBox] = (),
    logos: Sequence[BBox] = (),
) -> tuple[list[Line], list[Zone]]:
    """The body lines without the page's furniture, and the furniture as zones (see the module doc).

    ``seals`` and ``logos`` are the boxes of seal and scanner-logo zones found on the page image.
    """
    patterns = load_line_patterns().furniture
    zones: list[Zone] = []
    body: list[Line] = []
    for line in lines:
        box = line.bbox
        if box is None or not line.text.strip():
            body.append(line)
        elif _in_band(box, page_height, patterns.watermark_margin) and patterns.watermark.search(line.text):
            zones.append(_zone("watermark", line))
        elif any(inside_share(box, logo) >= INSIDE_SHARE for logo in logos):
            zones.append(_zone("scanner-logo", line))
        elif patterns.seal_digits.match(line.text) and any(
            inside_share(box, seal) >= INSIDE_SHARE for seal in seals
        ):
            zones.append(_zone("seal-digits", line))
        else:
            body.append(line)
    body, page_numbers = _split_page_number(body, page_height)
    return body, zones + page_numbers


def _split_page_number(lines: list[Line], page_height: float) -> tuple[list[Line], list[Zone]]:
    boxed = [ln for ln in lines if ln.bbox is not None and ln.text.strip()]
    if not boxed:
        return list(lines), []
    glued = load_line_patterns().furniture
    top_line = min(boxed, key=lambda ln: ln.bbox[1] if ln.bbox else 0.0)
    bottom_line = max(boxed, key=lambda ln: ln.bbox[3] if ln.bbox else 0.0)
    zones: list[Zone] = []
    replaced: dict[int, Line | None] = {}
    for candidate in {id(top_line): top_line, id(bottom_line): bottom_line}.values():
        assert candidate.bbox is not None
        _, y0, _, y1 = candidate.bbox
        found = page_number_of(candidate.text)
        if found is not None:
            number, margin = found
            near_bottom = candidate is bottom_line and y0 >= page_height * (1 - margin)
            near_top = candidate is top_line and y1 <= page_height * margin
            if (near_bottom or near_top) and not _shares_row(candidate, boxed):
                replaced[id(candidate)] = None
                zones.append(_zone("page-number", candidate, number))
            continue
        regex, number_first = (
            (glued.glued_suffix, False) if candidate is bottom_line else (glued.glued_prefix, True)
        )
        match = regex.search(candidate.text)
        if match is None:
            continue
        kept, number_box = _split_glued(
            candidate, match.end() if number_first else match.start(), number_first
        )
        replaced[id(candidate)] = kept
        zones.append(_zone("page-number", candidate, _number(match.group("number")), number_box))
    body = [replaced.get(id(ln), ln) for ln in lines]
    return [ln for ln in body if ln is not None], zones


def _repeat_key(text: str) -> str:
    """The text a running header or footer keeps from page to page: digits and spaces dropped."""
    return re.sub(r"[\s0-9０-９]+", "", unicodedata.normalize("NFKC", text))


def split_running_furniture(pages: list[Page]) -> list[Page]:
    """The pages with their running headers and footers moved from the lines into zones.

    A line is one when its text (digits and spaces ignored, at least two characters) stands in the
    top or bottom band at about the same height on enough of the pages (``running`` in
    ``models/layout/line_patterns.json``). Pages are returned as new objects; lines are shared.
    """
    rule = load_line_patterns().furniture.running
    seen: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for index, page in enumerate(pages):
        for line in page.lines:
            place = _band(line, page, rule.margin)
            key = _repeat_key(line.text)
            if place is not None and len(key) >= 2:
                assert line.bbox is not None
                centre = (line.bbox[1] + line.bbox[3]) / 2 / page.height
                seen.setdefault((place, key), []).append((index, centre))
    boxed_pages = sum(1 for page in pages if any(ln.bbox for ln in page.lines))
    needed = max(rule.min_pages, rule.min_share * boxed_pages)
    running: set[tuple[str, str]] = set()
    for where, hits in seen.items():
        centres = sorted(c for _, c in hits)
        middle = centres[len(centres) // 2]
        close = {i for i, c in hits if abs(c - middle) <= rule.y_tolerance}
        if len(close) >= needed:
            running.add(where)
    if not running:
        return list(pages)
    result = []
    for page in pages:
        body, zones = [], list(page.zones)
        for line in page.lines:
            place = _band(line, page, rule.margin)
            if place is not None and (place, _repeat_key(line.text)) in running:
                zones.append(_zone(f"running-{place}", line))
            else:
                body.append(line)
        result.append(replace(page, lines=body, zones=zones))
    return result


def _band(line: Line, page: Page, margin: float) -> str | None:
    if line.bbox is None or not line.text.strip():
        return None
    if line.bbox[3] <= page.height * margin:
        return "header"
    if line.bbox[1] >= page.height * (1 - margin):
        return "footer"
    return None
