"""Scanner-app logos: the small square mark (a QR code) a phone-scanning app prints in the margin.

CamScanner (扫描全能王) puts a QR logo beside its ``扫描全能王 创建`` line at the foot of every page.
It is no text, but a recogniser may read fragments from it. :func:`find_scanner_logos` finds such
marks on the downscaled ink mask of a corrected page: a blob in the top or bottom band that is
square, larger than a character of body text, and dense with ink (a QR code is about half dark;
a glyph's strokes cover far less of its box). The page records it as a ``scanner-logo`` zone.
"""

from __future__ import annotations

import cv2
import numpy as np

BAND = 0.12  # fraction of the page height at the top and at the bottom
MIN_SIDE = 0.035  # of the page width: larger than a 16-pt glyph on A4 (0.027)
MAX_SIDE = 0.09
MAX_ASPECT = 1.3
MIN_DENSITY = 0.3  # ink pixels over the blob's box
CLOSING = 0.006  # closing kernel, fraction of the page width: joins a QR code's modules

Box = tuple[float, float, float, float]


def find_scanner_logos(ink: np.ndarray, scale: float = 1.0) -> list[Box]:
    """Boxes (pixels of the full page: ``scale`` times those of ``ink``) of logo-like marks.

    ``ink`` is a uint8 mask (255 = ink) of the corrected page, downscaled.
    """
    height, width = ink.shape[:2]
    side = max(1, round(CLOSING * width))
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((side, side), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    boxes: list[Box] = []
    for index in range(1, count):
        x, y, w, h, _ = (int(v) for v in stats[index])
        if not (MIN_SIDE * width <= min(w, h) and max(w, h) <= MAX_SIDE * width):
            continue
        if max(w, h) > MAX_ASPECT * min(w, h):
            continue
        if not (y + h <= BAND * height or y >= (1 - BAND) * height):
            continue
        density = float(np.count_nonzero(ink[y : y + h, x : x + w])) / (w * h)
        if density < MIN_DENSITY:
            continue
        boxes.append((x * scale, y * scale, (x + w) * scale, (y + h) * scale))
    return boxes
