"""Ruled tables on text-layer pages, found by pdfplumber and filled with pdfium's characters.

pdfplumber is opened only when a page draws enough vector paths to hold a ruled table
(``MIN_RULING_PATHS``), so plain text pages keep pdfium's speed. Its ``find_tables`` ("lines"
strategy) gives the cell boxes; the cells are placed on the grid of all cell edges to get 0-based
``row``/``col`` and ``rowspan``/``colspan``; each cell's text is the page characters whose centre
falls inside it, joined like any other line (wrapped CJK lines run on without a space).
Pages with a /Rotate are left without tables: pdfplumber's boxes are not rotated.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from docproc.ingest.pdf_lines import PdfChar, group_lines, is_wide, join_line
from docproc.model.document import BBox, Table, TableCell

MIN_RULING_PATHS = 4
EDGE_TOLERANCE = 2.0  # points: cell edges closer than this are one grid line


def has_rulings(page: pdfium.PdfPage) -> bool:
    paths = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3)
    return any(count >= MIN_RULING_PATHS for count, _ in enumerate(paths, 1))


def _grid(values: list[float]) -> list[float]:
    lines: list[float] = []
    for value in sorted(values):
        if not lines or value - lines[-1] > EDGE_TOLERANCE:
            lines.append(value)
    return lines


def _index(grid: list[float], value: float) -> int:
    position = bisect.bisect_left(grid, value - EDGE_TOLERANCE)
    return min(position, len(grid) - 1)


# A space next to a CJK character inside a cell is a gap of the layout, not a word break.
_SPACE_BY_WIDE = re.compile(r" +(?=[\u2e80-\uffef])|(?<=[\u2e80-\uffef]) +")


def cell_text(chars: list[PdfChar], box: BBox) -> str:
    """The text of the characters whose centre lies in ``box``, line by line.

    Lines are grouped on the characters' advance boxes (``loose``): every glyph of a line shares
    its band there, while ink boxes of punctuation (，。“) sit above or below it and would start
    lines of their own.
    """
    x0, top, x1, bottom = box
    inside = [
        PdfChar(c.text, c.loose, c.loose, c.wide) for c in chars
        if x0 <= (c.box[0] + c.box[2]) / 2 <= x1 and top <= (c.box[1] + c.box[3]) / 2 <= bottom
    ]
    text = ""
    for group in group_lines(inside):
        line = join_line(group).text
        if text and not (is_wide(text[-1]) and is_wide(line[0])):
            text += " "
        text += line
    return _SPACE_BY_WIDE.sub("", text)


def table_from_cells(cell_boxes: list[BBox], chars: list[PdfChar], bbox: BBox) -> Table:
    xs = _grid([v for b in cell_boxes for v in (b[0], b[2])])
    ys = _grid([v for b in cell_boxes for v in (b[1], b[3])])
    cells = []
    for box in sorted(cell_boxes, key=lambda b: (round(b[1]), b[0])):
        row, col = _index(ys, box[1]), _index(xs, box[0])
        cells.append(TableCell(
            text=cell_text(chars, box),
            bbox=box,
            row=row,
            col=col,
            rowspan=max(1, _index(ys, box[3]) - row),
            colspan=max(1, _index(xs, box[2]) - col),
        ))
    return Table(cells=cells, bbox=bbox, n_rows=max(0, len(ys) - 1), n_cols=max(0, len(xs) - 1))


class TableFinder:
    """Opens the file with pdfplumber on the first page that needs it, and keeps it open."""

    def __init__(self, path: Path, password: str | None) -> None:
        self.path = path
        self.password = password
        self._pdf: Any = None

    def find_tables(self, index: int, chars: list[PdfChar]) -> list[Table]:
        if self._pdf is None:
            self._pdf = pdfplumber.open(str(self.path), password=self.password or "")
        page = self._pdf.pages[index]
        tables = []
        for found in page.find_tables():
            boxes: list[BBox] = [tuple(float(v) for v in cell) for cell in found.cells]  # type: ignore[misc]
            if len(boxes) >= 2:
                tables.append(table_from_cells(boxes, chars, tuple(float(v) for v in found.bbox)))  # type: ignore[arg-type]
        page.close()
        return tables

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
