"""Page geometry of a scan: the text-line angle (skew and quarter turn) and text-line chunks.

Works on a downscaled greyscale page. The text-line angle is found by projection profiles: ink
pixels are projected across candidate line directions and the direction whose profile is the
sharpest (largest sum of squared bin counts: ink piles into lines, gaps stay empty) wins. Both
the near-horizontal (−6°..6°) and the near-vertical (84°..96°) families are searched, so a page
turned by 90° or 270° comes out with its lines horizontal; whether it is then upside down is for
the orientation classifier (``docproc.layout.scan_orientation``).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

ANALYSIS_LONG_SIDE = 1000
MAX_SKEW = 6.0
COARSE_STEP = 0.5
FINE_STEP = 0.1
MAX_POINTS = 40_000
MIN_POINTS = 200
# line-direction vote by blob shape (see horizontal_share)
CLOSING_FRACTION = 0.005  # closing kernel side as a share of the analysed long side
MIN_BLOB_AREA = 20
ELONGATION = 2.0  # long side at least twice the short side
DECISIVE_SHARE = 0.65  # the vote decides the family when this one-sided


def downscale(image: np.ndarray, long_side: int = ANALYSIS_LONG_SIDE) -> tuple[np.ndarray, float]:
    """The image shrunk to ``long_side`` (never enlarged) and the factor back to full size."""
    height, width = image.shape[:2]
    factor = max(height, width) / long_side
    if factor <= 1.0:
        return image, 1.0
    size = (max(1, round(width / factor)), max(1, round(height / factor)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), factor


def ink_mask(grey: np.ndarray, exclude: np.ndarray | None = None) -> np.ndarray:
    """Dark ink as a uint8 mask (255 = ink) by Otsu's threshold, minus ``exclude``."""
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if exclude is not None:
        mask = cv2.bitwise_and(mask, cv2.bitwise_not(exclude))
    return mask


def _profile_sharpness(xs: np.ndarray, ys: np.ndarray, angle: float) -> float:
    theta = math.radians(angle)
    r = -xs * math.sin(theta) + ys * math.cos(theta)
    bins = np.rint(r - r.min()).astype(np.int64)
    counts = np.bincount(bins).astype(np.float64)
    return float(np.dot(counts, counts))


def _best_angle(xs: np.ndarray, ys: np.ndarray, centre: float) -> tuple[float, float]:
    coarse = np.arange(centre - MAX_SKEW, centre + MAX_SKEW + 1e-9, COARSE_STEP)
    scores = [_profile_sharpness(xs, ys, a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - COARSE_STEP, best + COARSE_STEP + 1e-9, FINE_STEP)
    fine_scores = [_profile_sharpness(xs, ys, a) for a in fine]
    index = int(np.argmax(fine_scores))
    return float(fine[index]), float(fine_scores[index])


def text_line_angle(ink: np.ndarray) -> float | None:
    """The direction of the text lines in degrees (image axes, y down), in (−6, 6) or (84, 96).

    Rotating the image counter-clockwise by this angle (OpenCV's sign) makes the lines
    horizontal. None when the page holds too little ink to tell.
    """
    ys, xs = np.nonzero(ink)
    if xs.size < MIN_POINTS:
        return None
    if xs.size > MAX_POINTS:
        pick = np.random.default_rng(0).choice(xs.size, MAX_POINTS, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float64)
    ys = ys.astype(np.float64)
    share = horizontal_share(ink)
    if share >= DECISIVE_SHARE:
        return _best_angle(xs, ys, 0.0)[0]
    if share <= 1.0 - DECISIVE_SHARE:
        return _best_angle(xs, ys, 90.0)[0]
    horizontal, horizontal_score = _best_angle(xs, ys, 0.0)
    vertical, vertical_score = _best_angle(xs, ys, 90.0)
    return horizontal if horizontal_score >= vertical_score else vertical


def horizontal_share(ink: np.ndarray) -> float:
    """Share of the elongated ink blobs (characters closed into words and lines) lying wide.

    Decides between the horizontal and the vertical family where projection profiles cannot: a
    member list in two columns (names, then positions) piles ink into vertical bands as sharply
    as into lines, but its words still lie wide. 0.5 when nothing is elongated.
    """
    kernel_side = max(3, round(max(ink.shape) * CLOSING_FRACTION))
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((kernel_side, kernel_side), np.uint8))
    _, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    widths, heights, areas = stats[1:, 2], stats[1:, 3], stats[1:, 4]
    elongated = (areas >= MIN_BLOB_AREA) & (
        np.maximum(widths, heights) >= ELONGATION * np.minimum(widths, heights)
    )
    wide = int(areas[elongated & (widths > heights)].sum())
    tall = int(areas[elongated & (heights > widths)].sum())
    return wide / (wide + tall) if wide + tall else 0.5


def rotate_image(image: np.ndarray, angle: float, fill: int = 255) -> np.ndarray:
    """``image`` rotated counter-clockwise by ``angle`` degrees.

    Quarter turns are exact (no resampling, width and height swap); the remaining skew is a
    bilinear warp about the centre that keeps the size, filling uncovered corners with ``fill``.
    """
    quarter = round(angle / 90.0) % 4
    skew = angle - round(angle / 90.0) * 90.0
    turns = {1: cv2.ROTATE_90_COUNTERCLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_CLOCKWISE}
    if quarter:
        image = cv2.rotate(image, turns[quarter])
    if abs(skew) < 0.05:
        return image
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2.0, height / 2.0), skew, 1.0)
    border = (fill,) * (image.shape[2] if image.ndim == 3 else 1)
    return cv2.warpAffine(
        image,
        matrix,
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=border,
    )


def text_line_chunks(ink: np.ndarray, max_chunks: int = 12) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of short pieces of horizontal text lines, about 3 characters wide.

    Lines are found by smearing ink horizontally; the widest lines of typical height give up to
    three pieces each. The orientation classifier reads these pieces.
    """
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    widths = stats[1:, cv2.CC_STAT_WIDTH]
    glyphs = heights[(heights >= 4) & (widths >= 2)]
    if glyphs.size == 0:
        return []
    char = max(4, int(np.median(glyphs)))
    smear = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (char, 1)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(smear, connectivity=8)
    lines = [
        (int(x), int(y), int(w), int(h))
        for x, y, w, h, _ in stats[1:]
        if w >= 4 * h and 0.6 * char <= h <= 2.5 * char
    ]
    lines.sort(key=lambda b: -b[2])
    chunks: list[tuple[int, int, int, int]] = []
    for x, y, w, h in lines:
        width = 3 * h
        for k in range(min(3, w // width)):
            start = x + k * (w - width) // 2 if w > width else x
            chunks.append((start, y, start + width, y + h))
            if len(chunks) >= max_chunks:
                return chunks
    return chunks
