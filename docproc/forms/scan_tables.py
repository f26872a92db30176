"""Tables of a scanned form page: straightened by its rulings, cells from the grid, text by OCR.

1. Skew is measured on the horizontal rulings (long, straight, unambiguous), not on the text: a
   form's narrow columns of wrapped text can look like a page turned a quarter. 0° vs 180° is
   decided by the line orientation classifier on text pieces (``docproc.layout.scan_orientation``).
   Quarter turns are not corrected.
2. ``docproc.forms.grid`` gives the cell grid with merged cells.
3. The rulings are painted out and the page is OCR'd once; each OCR line goes to the cell holding
   most of its box. A line that straddles a ruling (two cells read as one) is dropped and the
   cells it touches are read again one by one from their own crops; so is a cell with ink where
   the page-wide detector found nothing (a lone √ or digit).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from docproc.forms.grid import (
    GridCell,
    GridTable,
    erase_rough_rulings,
    erase_rulings,
    find_ruled_tables,
    ink,
)
from docproc.forms.lexicon import value_lexicon
from docproc.layout.scan import normalise_angle
from docproc.layout.scan_geometry import (
    downscale,
    ink_mask,
    rotate_image,
    text_line_angle,
    text_line_chunks,
)
from docproc.layout.scan_orientation import decide_upside_down
from docproc.model.document import BBox, Line, Table, TableCell
from docproc.ocr.base import OcrEngine, OcrLine

SKEW_KERNEL_PT = 20.0
MAX_SKEW = 6.0
STRADDLE_SHARE = 0.2  # a line whose box lies this much in a second cell straddles a ruling
CROP_MARGIN_PX = 12


@dataclass
class ScannedFormPage:
    image: np.ndarray  # the straightened page
    rotation: float
    tables: list[Table]  # boxes in points
    lines: list[Line]  # OCR lines outside the tables (title, 填报单位 …), boxes in points
    confidences: list[tuple[float, int]]  # (confidence, characters) of every line read


def straighten_form(image: np.ndarray, px_per_pt: float, engine: OcrEngine | None) -> tuple[np.ndarray, float]:
    """The page turned so its rulings are level and its text upright; and the angle turned."""
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    length = max(15, round(SKEW_KERNEL_PT * px_per_pt))
    horizontal = cv2.morphologyEx(ink(gray), cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    small, _ = downscale(horizontal)
    angle = text_line_angle(small) if cv2.countNonZero(small) else None
    if angle is None or abs(angle) > MAX_SKEW:
        angle = 0.0
    corrected = rotate_image(image, angle)
    erased_small, factor = downscale(erase_rough_rulings(corrected, px_per_pt))
    chunks = text_line_chunks(ink_mask(cv2.cvtColor(erased_small, cv2.COLOR_RGB2GRAY)))
    full = [tuple(round(v * factor) for v in box) for box in chunks]
    if decide_upside_down(corrected, full, engine):  # type: ignore[arg-type]
        corrected = cv2.rotate(corrected, cv2.ROTATE_180)
        angle += 180.0
    return corrected, normalise_angle(angle)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, w) * max(0.0, h)


def _is_wide(char: str) -> bool:
    return ord(char) > 0x2E7F


def join_cell_lines(lines: list[OcrLine]) -> str:
    """A cell's lines top to bottom; wrapped CJK runs on without a space, Latin words get one."""
    ordered = sorted(lines, key=lambda ln: ((ln.box[1] + ln.box[3]) / 2, ln.box[0]))
    rows: list[list[OcrLine]] = []
    for line in ordered:
        centre = (line.box[1] + line.box[3]) / 2
        if rows and abs(centre - (rows[-1][0].box[1] + rows[-1][0].box[3]) / 2) < (line.box[3] - line.box[1]) / 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    text = ""
    for row in rows:
        for line in sorted(row, key=lambda ln: ln.box[0]):
            piece = line.text.strip()
            if not piece:
                continue
            # a space between Latin words, not inside a number the detector cut in two (201 8)
            if text and not (_is_wide(text[-1]) or _is_wide(piece[0])) and not (
                text[-1].isdigit() and piece[0].isdigit()
            ):
                text += " "
            text += piece
    return text


def _crop_lines(engine: OcrEngine, page: np.ndarray, cell: GridCell) -> list[OcrLine]:
    x0, y0, x1, y1 = cell.box
    inset = 3
    crop = page[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    if crop.size == 0:
        return []
    padded = cv2.copyMakeBorder(crop, CROP_MARGIN_PX, CROP_MARGIN_PX, CROP_MARGIN_PX, CROP_MARGIN_PX,
                                cv2.BORDER_CONSTANT, value=(255, 255, 255))
    shift_x, shift_y = x0 + inset - CROP_MARGIN_PX, y0 + inset - CROP_MARGIN_PX
    return [
        OcrLine(ln.text, (ln.box[0] + shift_x, ln.box[1] + shift_y, ln.box[2] + shift_x, ln.box[3] + shift_y),
                ln.confidence)
        for ln in engine.recognize(padded)
    ]


def _has_ink(binary: np.ndarray, cell: GridCell) -> bool:
    x0, y0, x1, y1 = cell.box
    inset = 4
    region = binary[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    return region.size > 0 and cv2.countNonZero(region) > 12


def read_grid_cells(
    engine: OcrEngine, cleaned: np.ndarray, grid: GridTable, page_lines: list[OcrLine]
) -> tuple[dict[int, list[OcrLine]], list[OcrLine]]:
    """OCR lines of each cell (by index into ``grid.cells``) and the page lines outside the grid."""
    by_cell: dict[int, list[OcrLine]] = {}
    outside: list[OcrLine] = []
    reread: set[int] = set()
    gx0, gy0, gx1, gy1 = grid.box
    for line in page_lines:
        area = max(1.0, (line.box[2] - line.box[0]) * (line.box[3] - line.box[1]))
        shares = sorted(
            ((_overlap(line.box, tuple(float(v) for v in c.box)) / area, i) for i, c in enumerate(grid.cells)),  # type: ignore[arg-type]
            reverse=True,
        )
        if not shares or shares[0][0] <= 0.0:
            if _overlap(line.box, (gx0, gy0, gx1, gy1)) / area < 0.5:
                outside.append(line)
            continue
        touching = [i for share, i in shares if share >= STRADDLE_SHARE]
        if len(touching) > 1:
            reread.update(touching)
            continue
        by_cell.setdefault(shares[0][1], []).append(line)
    binary = ink(cv2.cvtColor(cleaned, cv2.COLOR_RGB2GRAY))
    # a lone mark or digit can be too small for the page-wide detector: read inked empty cells alone
    reread.update(i for i, cell in enumerate(grid.cells) if i not in by_cell and _has_ink(binary, cell))
    for i in sorted(reread):
        cell = grid.cells[i]
        if _has_ink(binary, cell):
            by_cell[i] = _crop_lines(engine, cleaned, cell)
        else:
            by_cell.pop(i, None)
    return by_cell, outside


def _points(box: tuple[float, float, float, float], scale: float) -> BBox:
    return (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale)


def read_scanned_form_page(
    image: np.ndarray, dpi: float, engine: OcrEngine, *, straighten: bool = True
) -> ScannedFormPage:
    """Straighten a scanned form page, find its ruled tables and read every cell."""
    px_per_pt = dpi / 72.0
    page, rotation = straighten_form(image, px_per_pt, engine) if straighten else (image, 0.0)
    grids, masks = find_ruled_tables(cv2.cvtColor(page, cv2.COLOR_RGB2GRAY), px_per_pt)
    cleaned = erase_rulings(page, masks)
    page_lines = [ln for ln in engine.recognize(cleaned) if ln.text.strip()]
    scale = 1.0 / px_per_pt
    tables: list[Table] = []
    read: list[OcrLine] = []
    remaining = page_lines
    marks = value_lexicon()
    for grid in grids:
        by_cell, remaining = read_grid_cells(engine, cleaned, grid, remaining)
        cells = []
        for i, cell in enumerate(grid.cells):
            lines = by_cell.get(i, [])
            read.extend(lines)
            cells.append(TableCell(
                text=marks.fix_lone_mark(join_cell_lines(lines)),
                bbox=_points(tuple(float(v) for v in cell.box), scale),  # type: ignore[arg-type]
                row=cell.row, col=cell.col, rowspan=cell.rowspan, colspan=cell.colspan,
            ))
        tables.append(Table(cells=cells, bbox=_points(tuple(float(v) for v in grid.box), scale),  # type: ignore[arg-type]
                            n_rows=grid.n_rows, n_cols=grid.n_cols))
    outside = [Line(ln.text, _points(ln.box, scale), ln.confidence) for ln in remaining]
    read.extend(remaining)
    confidences = [(ln.confidence, len(ln.text)) for ln in read if ln.text.strip()]
    return ScannedFormPage(page, rotation, tables, outside, confidences)
