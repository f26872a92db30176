"""Ruled tables on text-layer pages: pdfium's rulings, pdfplumber's cell finding, pdfium's characters.

The rulings are read from the page's path objects with pdfium (each segment through its object's
matrix, then onto the displayed page by :mod:`docproc.ingest.pdf_geometry`), so cells are in the same
frame as the text lines whatever the page's boxes, origin or /Rotate. pdfplumber's table algorithm
(snap and join the edges, intersections, smallest cells, cells grouped into tables — its "lines"
strategy with default settings) turns them into cell boxes; pdfplumber's own page parsing is not
used (it places objects relative to the MediaBox and ignores /Rotate). The cells are placed on the
grid of all cell edges to get 0-based ``row``/``col`` and ``rowspan``/``colspan``; each cell's text
is the page characters whose centre falls inside it, joined like any other line (wrapped CJK lines
run on without a space). Only pages drawing at least ``MIN_RULING_PATHS`` paths are looked at.
"""

from __future__ import annotations

import bisect
import ctypes
import re
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber import table as plumber_table
from pdfplumber.utils import filter_edges

from docproc.ingest.pdf_geometry import PageGeometry
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
        # a wrapped CJK line runs on, and so does a number cut by the wrap (201 / 8号)
        if text and not (is_wide(text[-1]) and is_wide(line[0])) and not (
            text[-1].isdigit() and line[0].isdigit()
        ):
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


AXIS_TOLERANCE = 0.5  # points: a segment this close to horizontal or vertical is a ruling
SETTINGS = plumber_table.TableSettings()  # pdfplumber's defaults ("lines" strategy)


def _segments(path: pdfium.PdfObject) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of a path object, in PDF user space (its matrix applied)."""
    a, b, c, d, e, f = path.get_matrix().get()
    raw = path.raw
    x, y = ctypes.c_float(), ctypes.c_float()
    segments = []
    start = previous = None
    for index in range(pdfium_c.FPDFPath_CountSegments(raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(raw, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif previous is not None and kind == pdfium_c.FPDF_SEGMENT_LINETO:
            segments.append((previous, point))
        previous = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None and previous != start:
            segments.append((previous, start))
            previous = start
    return segments


def ruling_edges(page: pdfium.PdfPage, geometry: PageGeometry) -> list[dict[str, Any]]:
    """Horizontal and vertical path segments as pdfplumber edges on the displayed page."""
    edges = []
    for path in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        for (x0, y0), (x1, y1) in _segments(path):
            left, top, right, bottom = geometry.to_display(x0, y0, x1, y1)
            if bottom - top <= AXIS_TOLERANCE and right - left > AXIS_TOLERANCE:
                mid = (top + bottom) / 2
                edges.append({"x0": left, "x1": right, "top": mid, "bottom": mid,
                              "width": right - left, "height": 0.0, "orientation": "h"})
            elif right - left <= AXIS_TOLERANCE and bottom - top > AXIS_TOLERANCE:
                mid = (left + right) / 2
                edges.append({"x0": mid, "x1": mid, "top": top, "bottom": bottom,
                              "width": 0.0, "height": bottom - top, "orientation": "v"})
    return edges


def find_tables(page: pdfium.PdfPage, geometry: PageGeometry, chars: list[PdfChar]) -> list[Table]:
    """The ruled tables of ``page`` with their cells' text, in display coordinates."""
    settings = SETTINGS
    edges = filter_edges(ruling_edges(page, geometry), min_length=settings.edge_min_length_prefilter)
    edges = plumber_table.merge_edges(
        edges,
        snap_x_tolerance=settings.snap_x_tolerance,
        snap_y_tolerance=settings.snap_y_tolerance,
        join_x_tolerance=settings.join_x_tolerance,
        join_y_tolerance=settings.join_y_tolerance,
    )
    edges = filter_edges(edges, min_length=settings.edge_min_length)
    intersections = plumber_table.edges_to_intersections(
        edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    cells = plumber_table.intersections_to_cells(intersections)
    tables = []
    for group in plumber_table.cells_to_tables(cells):
        boxes: list[BBox] = [tuple(float(v) for v in cell) for cell in group]  # type: ignore[misc]
        if len(boxes) >= 2:
            bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                    max(b[2] for b in boxes), max(b[3] for b in boxes))
            tables.append(table_from_cells(boxes, chars, bbox))
    return tables
