"""What a page's layout says about a notice's header and signature, for scans and PDFs.

The text rules of :mod:`docproc.extract.metadata` read a notice as lines of text. Where the Document
knows where its lines stand (a scan's OCR, a PDF's text layer), the layout settles what the text alone
cannot: GB/T 9704 sets the title larger than the body and centred near the top of page 1, and the
signature block (organs over the 成文日期) to the right at the end of the cover letter. A plain text
file has no layout and keeps the text path.

- :func:`layout_title`: the block of consecutive lines of page 1's upper part set markedly larger than
  the body and centred — the title, when the text rules found none;
- :func:`signature_lines`: the right-aligned lines above a right-aligned date — the organs signing,
  when the text rules found none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from docproc.layout.paragraphs import same_type_size
from docproc.model.document import BBox, Document, Line, Page

TITLE_SIZE_RATIO = 1.2  # a title line is at least this much taller than the page's body lines
CENTRED_TOLERANCE = 0.08  # of the page width, between a line's centre and the page's
TOP_PART = 0.6  # of page 1's height where the title stands
LINE_GAP_RATIO = 1.0  # a title's next line stands at most this many line heights below
RIGHT_PART = 0.45  # a signature line starts right of this fraction of the page width


@dataclass(frozen=True)
class LaidOutLine:
    text: str
    page: int
    bbox: BBox
    span: tuple[int, int]


def _height(bbox: BBox) -> float:
    return bbox[3] - bbox[1]


def _body_height(page: Page) -> float | None:
    heights = [_height(line.bbox) for line in page.lines if line.bbox is not None and len(line.text.strip()) >= 10]
    return median(heights) if len(heights) >= 3 else None


def _centred(line: Line, page: Page) -> bool:
    assert line.bbox is not None
    centre = (line.bbox[0] + line.bbox[2]) / 2
    return abs(centre - page.width / 2) <= CENTRED_TOLERANCE * page.width


def layout_title(document: Document) -> list[LaidOutLine]:
    """The title lines of page 1 by size and centring, or [] (no layout, or none stands out).

    A line set clearly larger than the body and centred starts or joins the title; the centred lines
    right above and below it, of about its size, are its other lines (a recogniser's boxes of one
    title differ a little in height). A banner (…文件) and the 文号 line are never title lines."""
    if not document.pages or document.pages[0].text_source not in ("ocr", "pdf-text"):
        return []
    page = document.pages[0]
    body = _body_height(page)
    if body is None:
        return []
    blocks: list[list[LaidOutLine]] = []
    run: list[LaidOutLine] = []  # centred lines of one size just above, not yet known to be a title
    for line in page.lines:
        if line.bbox is None or line.span is None or line.bbox[1] > TOP_PART * page.height:
            break
        if _is_red_header(line, page) or _BANNER_OR_NUMBER.search(line.text):
            run = []
            continue
        laid = LaidOutLine(line.text, page.number, line.bbox, line.span)
        centred = _centred(line, page)
        large = _height(line.bbox) >= TITLE_SIZE_RATIO * body and centred
        if centred and blocks and blocks[-1] and _goes_on(blocks[-1][-1], laid):
            blocks[-1].append(laid)  # the title's next line
            continue
        if large:
            above = [prior for prior in run if _same_size(prior, laid)]
            if blocks and blocks[-1] and run:
                above = []
            blocks.append(_adjacent_tail(above, laid) + [laid])
            run = []
            continue
        if blocks and blocks[-1]:
            break  # the body starts: the title is the block right above it
        run = run + [laid] if centred and (not run or _goes_on(run[-1], laid)) else ([laid] if centred else [])
    return blocks[-1] if blocks else []


# a red header's banner read as text (its red zone not found), or the 文号 line under it
_BANNER_OR_NUMBER = re.compile(r"^\s*(?!\S*关于)\S{2,16}文件\s*$|[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号")


def _same_size(first: LaidOutLine, second: LaidOutLine) -> bool:
    return same_type_size(first.bbox, second.bbox)


def _goes_on(before: LaidOutLine, line: LaidOutLine) -> bool:
    """``line`` is the next line of the same centred block as ``before``: about its size, right below it,
    and ``before`` does not end a sentence."""
    gap = line.bbox[1] - before.bbox[3]
    return (_same_size(before, line) and 0 <= gap <= LINE_GAP_RATIO * _height(before.bbox)
            and not before.text.rstrip().endswith(("。", "：", ":")))


def _adjacent_tail(run: list[LaidOutLine], line: LaidOutLine) -> list[LaidOutLine]:
    """The lines at the end of ``run`` that stand right above ``line``, one after the other."""
    tail: list[LaidOutLine] = []
    following = line
    for prior in reversed(run):
        if not _goes_on(prior, following):
            break
        tail.insert(0, prior)
        following = prior
    return tail


def _is_red_header(line: Line, page: Page) -> bool:
    """A line inside the page's red-header zone (the issuing organ's banner, not the title)."""
    assert line.bbox is not None
    for zone in page.zones:
        if zone.kind == "red-header" and zone.bbox is not None:
            x0, y0, x1, y1 = zone.bbox
            if line.bbox[1] >= y0 - 2 and line.bbox[3] <= y1 + 2:
                return True
    return False


def signature_lines(document: Document, date_span: tuple[int, int]) -> list[LaidOutLine]:
    """Right-aligned lines right above the date at ``date_span`` (Document offsets), top to bottom."""
    for page in document.pages:
        lines = [line for line in page.lines if line.bbox is not None and line.span is not None]
        for index, line in enumerate(lines):
            assert line.span is not None and line.bbox is not None
            if not (line.span[0] <= date_span[0] < line.span[1] or date_span[0] <= line.span[0] < date_span[1]):
                continue
            if line.bbox[0] < RIGHT_PART * page.width:
                return []
            above: list[LaidOutLine] = []
            for candidate in reversed(lines[max(0, index - 3) : index]):
                assert candidate.bbox is not None and candidate.span is not None
                if candidate.bbox[0] < RIGHT_PART * page.width or len(candidate.text.strip()) > 30:
                    break
                above.insert(0, LaidOutLine(candidate.text, page.number, candidate.bbox, candidate.span))
            return above
    return []
