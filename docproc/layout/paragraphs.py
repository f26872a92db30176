"""Paragraph text of a document: lines joined into paragraphs, every line's span set.

Official documents (GB/T 9704) wrap body text at the right margin of the text block and indent a
paragraph's first line by two characters. :func:`build_document_text` joins the lines of a paragraph
without a separator (CJK text has no spaces; a Latin word broken over two lines gets one space) and
ends a paragraph with ``\\n``. The decision rules, in order, for a line following another:

1. a heading (一、 （一） 1. （1） ① 第一阶段 …) or a list line (``组  长：``, ``联系人：``, ``附件：``) starts a
   paragraph (a heading-looking line at the left margin right after a full line that does not end
   a sentence continues it, as in ``…按照`` / ``一、二类标准``);
2. two centred lines of one type size close together, the first not ending a sentence, are one
   title;
3. an indented line (first-line indent, centred title, right-aligned signature or date) starts one;
4. a line ends its paragraph when it stops clearly short of the right margin, is centred or stands
   right of the middle, or ends with 。！？：； (but in an indented layout a full line followed by an
   unindented one runs on whatever its last character);
5. a line placed above the previous one, or after a clearly wider vertical gap, starts a paragraph.

The margins, the character height and the usual gap between lines are measured per page from the
lines themselves. Lines without a box (text files) are one paragraph each.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from docproc.layout.patterns import LinePatterns, load_line_patterns
from docproc.model.document import BBox, Line, Page

# A line is indented when it starts at least this many character heights right of the left margin.
INDENT = 1.2
# A line stops clearly short of the right margin when it ends this many character heights before it.
SHORT_OF_MARGIN = 1.5
# The left margin is where the left-most text line (of at least MARGIN_MIN_CHARS characters) starts;
# the right margin is the right-most x that at least two such lines reach within MARGIN_TOLERANCE
# character heights (one line may hang a punctuation mark over it).
MARGIN_MIN_CHARS = 4
MARGIN_TOLERANCE = 0.5
# A centred line's left and right indents differ by at most this many character heights.
CENTRED_TOLERANCE = 1.0
# A line starting this far into the text block (fraction of its width) stands right of the middle.
RIGHT_SIDE = 0.45
# Pages with fewer boxed lines than this take their margins from the whole document.
MIN_LINES_FOR_MARGINS = 4
# A page whose lines all end this many character heights short of the document's widest right margin
# (the last page of a member or contact list) is measured against that margin.
SHORT_PAGE_UNITS = 4
# Two lines are set in the same type size when their heights differ by at most this fraction.
SAME_SIZE = 0.2
# a title line's box is at least this many times the page's median line height
TITLE_SIZE = 1.15
# A line goes on an attachment title (hanging indent) when it starts within this many character
# heights of the title's first character.
HANG_TOLERANCE = 0.6


@dataclass(frozen=True)
class TextBlock:
    """The text block of a page, as measured from its lines (PDF points)."""

    left: float
    right: float
    unit: float  # typical character (line box) height
    line_gap: float  # typical vertical gap between consecutive lines
    indented_layout: bool  # paragraphs start with an indented first line

    def indent(self, line: Line) -> float:
        assert line.bbox is not None
        return line.bbox[0] - self.left

    def is_indented(self, line: Line) -> bool:
        return self.indent(line) >= INDENT * self.unit

    def is_short(self, line: Line) -> bool:
        assert line.bbox is not None
        return line.bbox[2] < self.right - SHORT_OF_MARGIN * self.unit

    def is_centred(self, line: Line) -> bool:
        assert line.bbox is not None
        left_indent = self.indent(line)
        right_indent = self.right - line.bbox[2]
        return (
            left_indent >= INDENT * self.unit
            and right_indent >= INDENT * self.unit
            and abs(left_indent - right_indent) <= CENTRED_TOLERANCE * self.unit
        )

    def is_right_side(self, line: Line) -> bool:
        return self.indent(line) >= RIGHT_SIDE * (self.right - self.left)


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _margin(values: list[float], tolerance: float, smallest: bool) -> float:
    """The smallest (or largest) value that another value lies within ``tolerance`` of."""
    ordered = sorted(values, reverse=not smallest)
    for i, value in enumerate(ordered[:-1]):
        if abs(ordered[i + 1] - value) <= tolerance:
            return value
    return ordered[0]


def _measure_page(lines: list[Line]) -> tuple[float, float, float, float, bool] | None:
    boxed = [ln for ln in lines if ln.bbox is not None and ln.text.strip()]
    if not boxed:
        return None
    boxes = [ln.bbox for ln in boxed if ln.bbox is not None]
    unit = median(b[3] - b[1] for b in boxes)
    # stray fragments (a seal's edge, a lone mark) are short: margins come from real text lines
    texts = [
        ln.bbox for ln in boxed if ln.bbox is not None and _visible(ln.text) >= MARGIN_MIN_CHARS
    ]
    left = min(b[0] for b in texts or boxes)
    right = _margin([b[2] for b in texts or boxes], MARGIN_TOLERANCE * unit, smallest=False)
    gaps = [
        cur[1] - prev[3]
        for prev, cur in zip(boxes, boxes[1:], strict=False)
        if 0 <= cur[1] - prev[3] < 2 * unit
    ]
    line_gap = median(gaps) if gaps else 0.5 * unit
    indented_layout = any(
        INDENT * unit <= prev[0] - left <= 3 * unit and cur[0] - left < INDENT * unit
        for prev, cur in zip(boxes, boxes[1:], strict=False)
    )
    return left, right, unit, line_gap, indented_layout


def measure_text_blocks(pages: list[Page]) -> list[TextBlock | None]:
    """One text block per page (None for a page without boxed lines).

    Pages with few lines (a signature page, an attachment title) borrow the document's median margins.
    """
    measured = [_measure_page(page.lines) for page in pages]
    known = [
        m
        for m, page in zip(measured, pages, strict=True)
        if m and len(page.lines) >= MIN_LINES_FOR_MARGINS
    ]
    blocks: list[TextBlock | None] = []
    for m, page in zip(measured, pages, strict=True):
        if m is None:
            blocks.append(None)
            continue
        left, right, unit, line_gap, indented = m
        if len(page.lines) < MIN_LINES_FOR_MARGINS and known:
            left = median(k[0] for k in known)
            right = median(k[1] for k in known)
            indented = indented or any(k[4] for k in known)
        elif known and right < max(k[1] for k in known) - SHORT_PAGE_UNITS * unit:
            right = max(k[1] for k in known)  # the last page of a list: no line reaches the text's margin
        blocks.append(TextBlock(left, right, unit, line_gap, indented))
    return blocks


def _ends_paragraph(line: Line, block: TextBlock, patterns: LinePatterns) -> bool:
    """Whether ``line`` (measured in ``block``) ends its paragraph when an unindented line follows."""
    if block.is_short(line) or block.is_centred(line) or block.is_right_side(line):
        return True
    return patterns.ends_paragraph(line.text) and not block.indented_layout


def _starts_paragraph(
    prev: Line,
    prev_block: TextBlock,
    cur: Line,
    cur_block: TextBlock,
    same_page: bool,
    patterns: LinePatterns,
    prev_hang: tuple[float, float] | None = None,
) -> bool:
    prev_runs_on = not (
        prev_block.is_short(prev)
        or prev_block.is_centred(prev)
        or prev_block.is_right_side(prev)
        or patterns.ends_paragraph(prev.text)
    )
    if patterns.heading_kind(cur.text) is not None and not (
        prev_runs_on and cur_block.indented_layout and not cur_block.is_indented(cur)
    ):
        return True
    if patterns.is_list_line(cur.text):
        return True
    if patterns.is_member_entry(prev.text) and patterns.is_member_entry(cur.text):
        return True  # 林和文 政法综治处处长 / 俞育龙农业农村处处长: one entry per line
    assert prev.bbox is not None and cur.bbox is not None
    gap = cur.bbox[1] - prev.bbox[3]
    usual_gap = max(2 * cur_block.line_gap, cur_block.line_gap + cur_block.unit)
    if same_page and (cur.bbox[1] < prev.bbox[1] or gap > usual_gap):
        return True
    if (
        same_page
        and prev_block.is_centred(prev)
        and cur_block.is_centred(cur)
        and gap <= max(2 * cur_block.line_gap, cur_block.unit)
        and _same_size(prev, cur)
        and _larger_than_body(prev, prev_block)
        and not patterns.ends_paragraph(prev.text)
    ):
        return False
    if (
        same_page
        and prev_hang is not None
        and prev_runs_on
        and prev_hang[0] - HANG_TOLERANCE * cur_block.unit <= cur.bbox[0]
        <= prev_hang[1] + HANG_TOLERANCE * cur_block.unit
    ):
        return False
    if cur_block.is_indented(cur):
        return True
    return _ends_paragraph(prev, prev_block, patterns)


def _hang_range(line: Line, text_start: int, title_start: int, unit: float) -> tuple[float, float] | None:
    """Where a line going on an attachment title may start (x from, to): under the title's number
    (character ``text_start`` of ``line``) up to under its first character (``title_start``). None when
    the line does not say where its characters are."""
    assert line.bbox is not None
    if title_start == 0:
        return line.bbox[0], line.bbox[0]
    boxes = line.char_boxes
    first, last = (sum(1 for char in line.text[:end] if not char.isspace()) for end in (text_start, title_start))
    if not boxes or last >= len(boxes):
        return None

    def left(box: tuple[float, float, float, float]) -> float:
        return (box[0] + box[2]) / 2 - unit / 2  # a scan's box is the character's centre, not its ink

    return left(boxes[first]), left(boxes[last])


def _attachment_title(text: str, in_list: bool, patterns: LinePatterns) -> tuple[int, int] | None:
    """Where the number and the title begin in a line that starts the 附件说明 or one of its
    numbered titles."""
    start = patterns.attachment_start.match(text)
    if start:
        return (start.start("number") if start.group("number") else start.end()), start.end()
    item = patterns.attachment_item.match(text) if in_list else None
    return (len(text) - len(text.lstrip()), item.end()) if item else None


def _larger_than_body(line: Line, block: TextBlock) -> bool:
    """Set in title type (2号 over a 3号 body): taller than the page's usual line. Keeps a column
    of centred-looking list entries (`李学良  市市场监督管理局副局长`) from being joined as a title."""
    assert line.bbox is not None
    return line.bbox[3] - line.bbox[1] >= TITLE_SIZE * block.unit


def _same_size(first: Line, second: Line) -> bool:
    assert first.bbox is not None and second.bbox is not None
    return same_type_size(first.bbox, second.bbox)


def same_type_size(first: BBox, second: BBox) -> bool:
    """Two boxes of text set in about the same type size (heights within a fifth of each other)."""
    h1, h2 = first[3] - first[1], second[3] - second[1]
    return abs(h1 - h2) <= SAME_SIZE * max(h1, h2)


def _latin_break(prev_text: str, cur_text: str) -> bool:
    """A Latin word or number broken over two lines: both sides are ASCII letters or digits."""
    if not prev_text or not cur_text:
        return False
    last, first = prev_text[-1], cur_text[0]
    return last.isascii() and last.isalnum() and first.isascii() and first.isalnum()


def build_document_text(pages: list[Page]) -> str:
    """The document's text in reading order; sets ``span`` on every line of every page.

    Lines of a paragraph are joined (nothing between CJK characters, one space inside a broken Latin
    word); paragraphs, and pages, are separated by ``\\n``; a paragraph running on over a page break
    is joined. Each line's text appears verbatim at its span.
    """
    patterns = load_line_patterns()
    blocks = measure_text_blocks(pages)
    pieces: list[str] = []
    position = 0
    prev: Line | None = None
    prev_block: TextBlock | None = None
    prev_page = -1
    in_attachments = False  # inside the 附件说明: its titles may hang under their first character
    hang: tuple[float, float] | None = None  # where a line going on prev's attachment title starts
    for page_index, (page, block) in enumerate(zip(pages, blocks, strict=True)):
        for line in page.lines:
            if (
                prev is None
                or prev.bbox is None
                or line.bbox is None
                or prev_block is None
                or block is None
                or not prev.text.strip()
                or not line.text.strip()
                or _starts_paragraph(
                    prev, prev_block, line, block, page_index == prev_page, patterns, hang
                )
            ):
                separator = "\n"
            else:
                separator = " " if _latin_break(prev.text, line.text) else ""
            # a line starting a paragraph may start the 附件说明 or one of its titles; one going on a
            # title keeps the list's hanging position
            title = (0, 0) if separator != "\n" and hang is not None else None
            if separator == "\n":
                title = _attachment_title(line.text, in_attachments, patterns)
                in_attachments = title is not None
            hang = None if title is None or line.bbox is None or block is None \
                else _hang_range(line, *title, block.unit)
            separator = "" if prev is None else separator
            position += len(separator)
            pieces.append(separator)
            line.span = (position, position + len(line.text))
            position += len(line.text)
            pieces.append(line.text)
            prev, prev_block, prev_page = line, block, page_index
    return "".join(pieces)
