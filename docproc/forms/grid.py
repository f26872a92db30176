"""Ruled tables on a page image: ruling lines by morphological opening, the cell grid, merged cells.

``find_ruled_tables(gray, px_per_pt)`` binarises the page, keeps long thin horizontal and vertical
runs (an opening with a line-shaped kernel longer than any character stroke), groups them into
tables, places every horizontal line on a row boundary and every vertical one on a column
boundary, and then asks, for each pair of neighbouring grid boxes, whether the ruling between them
is drawn: where it is missing the two boxes are one merged cell (rowspan/colspan). Boxes are
pixels of the image given, origin top-left.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# Lengths in points (multiplied by px_per_pt): longer than the strokes of 10.5 pt characters,
# shorter than the smallest row height / column width of a form.
HORIZONTAL_KERNEL_PT = 24.0
VERTICAL_KERNEL_PT = 14.0
LINE_MERGE_PT = 3.5  # line pieces whose centres are closer than this are one ruling
SEGMENT_PRESENT = 0.55  # share of a boundary segment that must be inked for the ruling to be there
MIN_TABLE_PT = (60.0, 30.0)  # a table is at least this wide and tall
ERASE_PAD_PX = 2


@dataclass
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 pixels (ruling centres)


@dataclass
class GridTable:
    xs: list[int]  # column boundaries, pixels
    ys: list[int]  # row boundaries, pixels
    cells: list[GridCell]

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


@dataclass
class RulingMasks:
    horizontal: np.ndarray  # uint8 0/255
    vertical: np.ndarray

    def union(self) -> np.ndarray:
        return cv2.bitwise_or(self.horizontal, self.vertical)


def ink(gray: np.ndarray) -> np.ndarray:
    """Dark strokes as 255 on 0, robust to uneven lighting (adaptive mean threshold)."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 12)


def ruling_masks(gray: np.ndarray, px_per_pt: float) -> RulingMasks:
    binary = ink(gray)
    h_len = max(15, round(HORIZONTAL_KERNEL_PT * px_per_pt))
    v_len = max(10, round(VERTICAL_KERNEL_PT * px_per_pt))
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # bridge the small breaks that noise and JPEG leave in a ruling
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1)))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 9)))
    return RulingMasks(horizontal, vertical)


def _line_positions(mask: np.ndarray, axis: int, merge_px: float, min_length: int) -> list[int]:
    """Centres of the ruling pieces along ``axis`` (0: horizontal lines → y, 1: vertical → x)."""
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found: list[tuple[float, int]] = []
    for i in range(1, count):
        length = stats[i, cv2.CC_STAT_WIDTH] if axis == 0 else stats[i, cv2.CC_STAT_HEIGHT]
        if length >= min_length:
            found.append((float(centroids[i][1] if axis == 0 else centroids[i][0]), int(length)))
    found.sort()
    groups: list[list[tuple[float, int]]] = []
    for position, length in found:
        if groups and position - groups[-1][-1][0] <= merge_px:
            groups[-1].append((position, length))
        else:
            groups.append([(position, length)])
    return [round(sum(p * n for p, n in g) / sum(n for _, n in g)) for g in groups]


def _segment_inked(mask: np.ndarray, x0: int, y0: int, x1: int, y1: int, along_x: bool) -> bool:
    """Whether the ruling inside the band [x0, x1) x [y0, y1) is drawn along most of its length."""
    band = mask[max(y0, 0):max(y1, 0), max(x0, 0):max(x1, 0)]
    if band.size == 0:
        return False
    covered = band.any(axis=0) if along_x else band.any(axis=1)
    return float(covered.mean()) >= SEGMENT_PRESENT


def _table_regions(masks: RulingMasks, px_per_pt: float) -> list[tuple[int, int, int, int]]:
    joined = cv2.dilate(masks.union(), cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    regions = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w >= MIN_TABLE_PT[0] * px_per_pt and h >= MIN_TABLE_PT[1] * px_per_pt:
            regions.append((x, y, x + w, y + h))
    return sorted(regions, key=lambda r: (r[1], r[0]))


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def grid_in_region(masks: RulingMasks, region: tuple[int, int, int, int], px_per_pt: float) -> GridTable | None:
    x0, y0, x1, y1 = region
    horizontal = masks.horizontal[y0:y1, x0:x1]
    vertical = masks.vertical[y0:y1, x0:x1]
    merge = LINE_MERGE_PT * px_per_pt
    ys = [y + y0 for y in _line_positions(horizontal, 0, merge, round(HORIZONTAL_KERNEL_PT * px_per_pt))]
    xs = [x + x0 for x in _line_positions(vertical, 1, merge, round(VERTICAL_KERNEL_PT * px_per_pt))]
    if len(xs) < 2 or len(ys) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    half = max(2, round(1.5 * px_per_pt))
    union = _Union(n_rows * n_cols)
    for r in range(n_rows):
        inset = max(1, (ys[r + 1] - ys[r]) // 6)
        for c in range(n_cols - 1):  # the vertical ruling between (r, c) and (r, c + 1)
            x = xs[c + 1]
            if not _segment_inked(masks.vertical, x - half, ys[r] + inset, x + half + 1, ys[r + 1] - inset, False):
                union.join(r * n_cols + c, r * n_cols + c + 1)
    for r in range(n_rows - 1):
        y = ys[r + 1]
        for c in range(n_cols):  # the horizontal ruling between (r, c) and (r + 1, c)
            inset = max(1, (xs[c + 1] - xs[c]) // 6)
            if not _segment_inked(masks.horizontal, xs[c] + inset, y - half, xs[c + 1] - inset, y + half + 1, True):
                union.join(r * n_cols + c, (r + 1) * n_cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(union.find(r * n_cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0 = min(r for r, _ in members)
        c0 = min(c for _, c in members)
        r1 = max(r for r, _ in members) + 1
        c1 = max(c for _, c in members) + 1
        cells.append(GridCell(r0, c0, r1 - r0, c1 - c0, (xs[c0], ys[r0], xs[c1], ys[r1])))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return GridTable(xs, ys, cells)


def find_ruled_tables(gray: np.ndarray, px_per_pt: float) -> tuple[list[GridTable], RulingMasks]:
    """The ruled tables of a grey page image, top to bottom, and the ruling masks found."""
    masks = ruling_masks(gray, px_per_pt)
    tables = []
    for region in _table_regions(masks, px_per_pt):
        table = grid_in_region(masks, region, px_per_pt)
        if table is not None and table.n_rows >= 1 and table.n_cols >= 2:
            tables.append(table)
    return tables, masks


def erase_rulings(rgb: np.ndarray, masks: RulingMasks) -> np.ndarray:
    """The page with its ruling lines painted paper-white, so OCR sees the cell text alone."""
    mask = cv2.dilate(masks.union(), cv2.getStructuringElement(cv2.MORPH_RECT, (2 * ERASE_PAD_PX + 1,) * 2))
    paper = np.median(rgb.reshape(-1, 3), axis=0).astype(np.uint8)
    cleaned = rgb.copy()
    cleaned[mask > 0] = paper
    return cleaned


def erase_rough_rulings(rgb: np.ndarray, px_per_pt: float) -> np.ndarray:
    """The page with anything line-like (tilted up to a few degrees) painted white.

    A form's long rulings outweigh its text when the page's text direction is estimated (a table
    of tall columns reads as a page turned a quarter), so the orientation is judged without them.
    Short kernels keep a ruling found even when the scan is tilted by a degree or two.
    """
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    binary = ink(gray)
    length = max(9, round(9.0 * px_per_pt))
    lines = cv2.bitwise_or(
        cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length * 3, 1))),
        cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length * 3))),
    )
    lines = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7)))
    cleaned = rgb.copy()
    cleaned[lines > 0] = 255
    return cleaned
