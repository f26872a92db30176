"""Lays a notice out on GB/T 9704-2012 pages: positions in PDF points, origin top-left.

The body sits on a character grid: 22 lines of 28 cells in the 156 × 225 mm text block (3号 = 16 pt),
first-line indent of 2 cells, wrapped lines justified to the full 28 cells, 禁则 for punctuation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from render.fonts import char_cells
from render.source import NoticeSource

MM = 72 / 25.4
PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
BLOCK_LEFT = 28 * MM
BLOCK_TOP = 37 * MM
BLOCK_WIDTH = 156 * MM
BLOCK_HEIGHT = 225 * MM
ROWS_PER_PAGE = 22
CELLS_PER_ROW = 28
CELL = BLOCK_WIDTH / CELLS_PER_ROW
PITCH = BLOCK_HEIGHT / ROWS_PER_PAGE
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
IMPRINT_SIZE = 14.0
TITLE_CELLS = int(BLOCK_WIDTH // TITLE_SIZE)
RED_HEADER_TOP = 35 * MM  # below the text block's top edge
RED_HEADER_HEIGHT = 15 * MM
SEAL_RADIUS = 21 * MM  # a 42 mm seal

NO_LINE_START = set("，。、；：？！）》」』”’〕】…·%,.;:?!)]}")
NO_LINE_END = set("（《「『“‘〔【([{")
FIRST_LEVEL_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
ATTACHMENT_LABEL = re.compile(r"^附件\s*\d*$")
TITLE_MARK = "# "


@dataclass
class DrawnLine:
    """One printed line: its kind, text, bbox (points) and the logical line (para) it belongs to."""

    kind: str
    text: str
    bbox: tuple[float, float, float, float]
    para: int
    font: str = "serif"
    size: float = BODY_SIZE
    color: str = "black"
    glyphs: list[tuple[str, float]] = field(default_factory=list)  # (char, x of its left edge)


@dataclass
class Rule:
    kind: str  # red_rule / imprint_rule
    bbox: tuple[float, float, float, float]
    color: str


@dataclass
class Seal:
    text: str
    center: tuple[float, float]
    radius: float


@dataclass
class PageLayout:
    number: int
    lines: list[DrawnLine] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    seals: list[Seal] = field(default_factory=list)


def row_top(row: float) -> float:
    return BLOCK_TOP + row * PITCH


def glyph_top(row: float, size: float) -> float:
    return row_top(row) + (PITCH - size) / 2


def cells_of(text: str) -> float:
    return sum(char_cells(c) for c in text)


def break_into_rows(text: str, first_cells: float, cells: float) -> list[str]:
    """Greedy line breaking on the grid with 禁则: no closing mark starts a row, no opening mark ends one."""
    rows: list[str] = []
    chars = list(text)
    start = 0
    available = first_cells
    while start < len(chars):
        used = 0.0
        end = start
        while end < len(chars) and used + char_cells(chars[end]) <= available + 1e-9:
            used += char_cells(chars[end])
            end += 1
        if end < len(chars):
            while end - start > 1 and chars[end] in NO_LINE_START:
                end -= 1
            while end - start > 1 and chars[end - 1] in NO_LINE_END:
                end -= 1
        rows.append("".join(chars[start:end]))
        start = end
        available = cells
    return rows


def place_glyphs(text: str, x_start: float, cell: float, justify_to: float | None) -> list[tuple[str, float]]:
    """x of each glyph; with justify_to, extra space is spread over the gaps so the row ends there."""
    widths = [char_cells(c) * cell for c in text]
    gap = 0.0
    if justify_to is not None and len(text) > 1:
        gap = max(0.0, (justify_to - x_start - sum(widths)) / (len(text) - 1))
    placed: list[tuple[str, float]] = []
    x = x_start
    for char, width in zip(text, widths, strict=True):
        placed.append((char, x))
        x += width + gap
    return placed


class NoticeTypesetter:
    """Turns a NoticeSource into PageLayouts; `para` numbers the logical lines in reading order."""

    def __init__(self) -> None:
        self.pages: list[PageLayout] = [PageLayout(number=1)]
        self.row = 0
        self.para = -1

    @property
    def page(self) -> PageLayout:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(PageLayout(number=len(self.pages) + 1))
        self.row = 0

    def next_para(self) -> int:
        self.para += 1
        return self.para

    def ensure_rows(self, count: int) -> None:
        if self.row + count > ROWS_PER_PAGE:
            self.new_page()

    def skip_row(self) -> None:
        if self.row > 0:
            self.row += 1
            if self.row >= ROWS_PER_PAGE:
                self.new_page()

    def add_line(self, kind: str, text: str, glyphs: list[tuple[str, float]], top: float, para: int,
                 font: str = "serif", size: float = BODY_SIZE, cell: float = CELL, color: str = "black") -> None:
        while glyphs and glyphs[0][0].isspace():
            glyphs = glyphs[1:]
        while glyphs and glyphs[-1][0].isspace():
            glyphs = glyphs[:-1]
        if not glyphs:
            return
        text = text.strip()
        x0 = glyphs[0][1]
        last_char, last_x = glyphs[-1]
        x1 = last_x + char_cells(last_char) * cell
        self.page.lines.append(DrawnLine(kind, text, (x0, top, x1, top + size), para, font, size, color, glyphs))

    # ---- 版头 (header block on page 1) ----
    def typeset_head(self, source: NoticeSource) -> None:
        y = BLOCK_TOP
        if source.red_header:
            y = BLOCK_TOP + RED_HEADER_TOP
            count = len(source.red_header)
            height = RED_HEADER_HEIGHT if count == 1 else RED_HEADER_HEIGHT * 0.8
            longest = max(cells_of(text) for text in source.red_header)
            width = min(BLOCK_WIDTH * 0.96, longest * 20 * MM)
            for text in source.red_header:
                x0 = BLOCK_LEFT + (BLOCK_WIDTH - width) / 2
                line = DrawnLine("red_header", text, (x0, y, x0 + width, y + height), self.next_para(),
                                 "serif_bold", height, "red")
                self.page.lines.append(line)
                y += height + 3 * MM
            self.row = math.ceil((y - BLOCK_TOP) / PITCH) + 1
        if source.doc_number:
            top = glyph_top(self.row, BODY_SIZE)
            text = source.doc_number
            x = BLOCK_LEFT + (BLOCK_WIDTH - cells_of(text) * CELL) / 2
            self.add_line("doc_number", text, place_glyphs(text, x, CELL, None), top, self.next_para())
            if source.red_header:
                rule_y = top + BODY_SIZE + 4 * MM
                self.page.rules.append(Rule("red_rule", (BLOCK_LEFT, rule_y, BLOCK_LEFT + BLOCK_WIDTH,
                                                         rule_y + 0.8 * MM), "red"))
                self.row += 3
            else:
                self.row += 2
        for title in source.title:
            self.typeset_title_line(title)
        if source.title:
            self.row += 1
        if source.recipients:
            self.typeset_paragraph("recipients", source.recipients, indent=0)

    def typeset_title_line(self, text: str) -> None:
        para = self.next_para()
        for part in break_into_rows(text, TITLE_CELLS, TITLE_CELLS):
            self.ensure_rows(1)
            x = BLOCK_LEFT + (BLOCK_WIDTH - cells_of(part) * TITLE_SIZE) / 2
            self.add_line("title", part, place_glyphs(part, x, TITLE_SIZE, None), glyph_top(self.row, TITLE_SIZE),
                          para, "serif_bold", TITLE_SIZE, TITLE_SIZE)
            self.row += 1

    def typeset_paragraph(self, kind: str, text: str, indent: int = 2, font: str = "serif",
                          hanging: float = 0.0) -> None:
        para = self.next_para()
        rows = break_into_rows(text, CELLS_PER_ROW - indent, CELLS_PER_ROW - hanging)
        right = BLOCK_LEFT + BLOCK_WIDTH
        for number, part in enumerate(rows):
            self.ensure_rows(1)
            x = BLOCK_LEFT + (indent if number == 0 else hanging) * CELL
            justify = right if number < len(rows) - 1 else None
            self.add_line(kind, part, place_glyphs(part, x, CELL, justify), glyph_top(self.row, BODY_SIZE),
                          para, font)
            self.row += 1

    # ---- 主体 (body lines of the main text or an enclosure) ----
    def typeset_body(self, lines: list[str]) -> None:
        previous_was_title = False
        for line in lines:
            is_title = line.startswith(TITLE_MARK)
            if is_title and not previous_was_title:
                self.skip_row()
            if not is_title and previous_was_title:
                self.skip_row()
            if is_title:
                self.typeset_title_line(line[len(TITLE_MARK):].strip())
            elif ATTACHMENT_LABEL.match(line):
                self.typeset_paragraph("attachment_label", line, indent=0, font="sans")
            elif FIRST_LEVEL_HEADING.match(line) and cells_of(line) <= CELLS_PER_ROW - 2:
                self.typeset_paragraph("heading", line, font="sans")
            else:
                self.typeset_paragraph("body", line)
            previous_was_title = is_title

    def typeset_attachment_note(self, attachments: list[str]) -> None:
        """附件说明: 正文下空一行、左空二字 “附件：”, further items aligned under the first."""
        if not attachments:
            return
        self.skip_row()
        label = "附件："
        for number, item in enumerate(attachments):
            text = (label if number == 0 else "") + item
            indent = 2 if number == 0 else 2 + 3
            self.typeset_paragraph("attachment", text, indent=indent, hanging=2 + 3)

    # ---- 署名、成文日期、印章 ----
    def typeset_signature_block(self, source: NoticeSource) -> None:
        if not source.signature and not source.date:
            return
        sealed = bool(source.seal) and bool(source.signature)
        # 不加盖印章: 正文下空一行; 加盖印章: two rows so the seal's top stays within a row of the text
        blank_rows = 2 if sealed else 1
        needed = blank_rows + len(source.signature) + (1 if source.date else 0)
        if self.row + needed > ROWS_PER_PAGE:
            self.new_page()
        self.row += blank_rows
        right = BLOCK_LEFT + BLOCK_WIDTH
        date_right = right - 4 * CELL
        date_width = cells_of(source.date) * CELL
        centre = date_right - date_width / 2 if source.date else right - 2 * CELL
        first_row = self.row
        for name in source.signature:
            width = cells_of(name) * CELL
            x_end = min(centre + width / 2, right - 2 * CELL) if source.date else right - 2 * CELL
            x = max(BLOCK_LEFT, x_end - width)
            self.add_line("signature", name, place_glyphs(name, x, CELL, None), glyph_top(self.row, BODY_SIZE),
                          self.next_para())
            self.row += 1
        if source.date:
            self.add_line("date", source.date, place_glyphs(source.date, date_right - date_width, CELL, None),
                          glyph_top(self.row, BODY_SIZE), self.next_para())
            self.row += 1
        if sealed:
            centre_y = row_top(first_row) + PITCH * 0.35
            signature_line = next(line for line in self.page.lines if line.kind == "signature")
            centre_x = centre if source.date else (signature_line.bbox[0] + signature_line.bbox[2]) / 2
            self.page.seals.append(Seal(source.seal, (centre_x, centre_y), SEAL_RADIUS))

    # ---- 版记 and page numbers ----
    def typeset_imprint(self, imprint: str) -> None:
        if not imprint:
            return
        if self.row > ROWS_PER_PAGE - 2:
            self.new_page()
        bottom = BLOCK_TOP + BLOCK_HEIGHT
        top_rule = bottom - PITCH * 1.1
        right = BLOCK_LEFT + BLOCK_WIDTH
        self.page.rules.append(Rule("imprint_rule", (BLOCK_LEFT, top_rule, right, top_rule + 0.35 * MM), "black"))
        self.page.rules.append(Rule("imprint_rule", (BLOCK_LEFT, bottom - 0.35 * MM, right, bottom), "black"))
        parts = re.split(r"\s{2,}", imprint.strip(), maxsplit=1)
        para = self.next_para()
        top = (top_rule + bottom) / 2 - IMPRINT_SIZE / 2
        cell = IMPRINT_SIZE
        glyphs = place_glyphs(parts[0], BLOCK_LEFT + cell, cell, None)
        if len(parts) == 2:
            x_right = right - cell - cells_of(parts[1]) * cell
            glyphs += place_glyphs(parts[1], x_right, cell, None)
        text = " ".join(parts)
        self.add_line("imprint", text, glyphs, top, para, size=IMPRINT_SIZE, cell=cell)
        self.row = ROWS_PER_PAGE

    def typeset_page_numbers(self) -> None:
        top = BLOCK_TOP + BLOCK_HEIGHT + 7 * MM
        for page in self.pages:
            text = f"— {page.number} —"
            width = cells_of(text) * PAGE_NUMBER_SIZE
            x = BLOCK_LEFT + BLOCK_WIDTH - CELL - width if page.number % 2 else BLOCK_LEFT + CELL
            glyphs = place_glyphs(text, x, PAGE_NUMBER_SIZE, None)
            line = DrawnLine("page_number", text, (x, top, x + width, top + PAGE_NUMBER_SIZE), -1, "serif",
                             PAGE_NUMBER_SIZE, "black", glyphs)
            page.lines.append(line)


def typeset_notice(source: NoticeSource) -> list[PageLayout]:
    setter = NoticeTypesetter()
    setter.typeset_head(source)
    setter.typeset_body(source.body)
    setter.typeset_attachment_note(source.attachment)
    setter.typeset_signature_block(source)
    for enclosure in source.enclosures:
        setter.new_page()
        setter.typeset_body(enclosure)
    setter.typeset_imprint(source.imprint)
    setter.typeset_page_numbers()
    return setter.pages
