"""Red content of official documents: the red header (红头), the red rule, round seals (印章).

Red is found by colour: a pixel is *strongly red* when R − max(G, B) exceeds ``RED_MARGIN``.
Zones come from connected components of the red mask on a downscaled page; suppression for OCR
replaces each strongly red pixel by its own red-channel value, which turns red ink into light
grey: black text under a seal (dark in every channel) stays, the seal's ring and ring text fade
to near white, and the red header stays readable as light grey text (DESIGN.md measured the
seal page's CER going from 2.5–6 % to ≤ 0.5 %).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

RED_MARGIN = 60
# On a downscaled page thin red strokes blend with the paper: a lower margin marks where to look.
RED_HINT_MARGIN = 25
# Seals: roughly round, at least this share of the page width across.
SEAL_MIN_SIDE = 0.08
SEAL_ASPECT = (0.75, 1.33)
SEAL_MIN_CIRCULARITY = 0.6
# The red rule: a thin line at least this share of the page width long.
RULE_MIN_LENGTH = 0.4
RULE_MAX_THICKNESS = 0.012
# The red header lies in this top share of the page (above the rule when there is one).
HEADER_MAX_BOTTOM = 0.45
# Red components smaller than this share of the page area are specks, not content.
MIN_COMPONENT_AREA = 2e-5


@dataclass(frozen=True)
class RedZone:
    """A red region in pixels of the image analysed."""

    kind: str  # "red-header", "red-rule" or "seal"
    box: tuple[float, float, float, float]


def strongly_red_mask(image: np.ndarray, margin: int = RED_MARGIN) -> np.ndarray:
    """uint8 mask (255 = strongly red) of an RGB image: R − max(G, B) > ``margin``."""
    red, green, blue = cv2.split(image)  # contiguous planes: OpenCV is slow on strided views
    redness = cv2.subtract(red, cv2.max(green, blue))  # saturates at 0
    _, mask = cv2.threshold(redness, margin, 255, cv2.THRESH_BINARY)
    return mask


def suppress_red(image: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """A copy of ``image`` with strongly red pixels replaced by their red-channel value (grey)."""
    if mask is None:
        mask = strongly_red_mask(image)
    out = image.copy()
    rows, cols = np.nonzero(mask)
    out[rows, cols] = image[rows, cols, 0][:, None]
    return out


def suppress_red_near(image: np.ndarray, hint: np.ndarray, scale: float) -> np.ndarray:
    """``suppress_red`` of the full page, done only where a downscaled ``hint`` mask saw red.

    ``hint`` is ``strongly_red_mask(small, RED_HINT_MARGIN)`` of the page shrunk by ``scale``;
    most pages are red in a few places only, so this skips most of the full-size work.
    """
    out = image.copy()
    if not hint.any():
        return out
    grown = cv2.dilate(hint, np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    height, width = image.shape[:2]
    for x, y, w, h, _ in stats[1:count]:
        x0, y0 = max(0, int((x - 1) * scale)), max(0, int((y - 1) * scale))
        x1, y1 = min(width, int((x + w + 1) * scale) + 1), min(height, int((y + h + 1) * scale) + 1)
        region = image[y0:y1, x0:x1]
        out[y0:y1, x0:x1] = suppress_red(np.ascontiguousarray(region))
    return out


def _circularity(component: np.ndarray) -> float:
    """4πA/P² of the filled outer contour of a component mask (1 for a disc)."""
    contours, _ = cv2.findContours(component, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return 0.0
    contour = max(contours, key=cv2.contourArea)
    perimeter = cv2.arcLength(contour, True)
    if perimeter <= 0:
        return 0.0
    return float(4 * math.pi * cv2.contourArea(contour) / (perimeter * perimeter))


def _within(box: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    """``box`` lies inside ``outer`` (its centre does, and it is not larger)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return outer[0] <= cx <= outer[2] and outer[1] <= cy <= outer[3]


def find_red_zones(mask: np.ndarray, scale: float = 1.0) -> list[RedZone]:
    """Red header, rule and seal zones of a red mask; boxes are multiplied by ``scale``.

    ``mask`` is usually the red mask of a downscaled page and ``scale`` maps it back to the
    full page. Seals are found first (round blobs after closing the gaps of their ring text),
    the rule next (a long thin line), and the header is the union of the remaining red
    components above the rule (or in the top of the page when there is no rule).
    """
    height, width = mask.shape
    if not mask.any():
        return []
    gap = max(3, round(width * 0.012))
    closed = cv2.morphologyEx(
        mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (gap, gap))
    )
    count, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    min_area = MIN_COMPONENT_AREA * height * width
    zones: list[RedZone] = []
    rule_top: float | None = None
    leftovers: list[tuple[int, int, int, int]] = []
    for index in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[index])
        if area < min_area:
            continue
        side = max(w, h)
        aspect = w / h if h else math.inf
        if side >= SEAL_MIN_SIDE * width and SEAL_ASPECT[0] <= aspect <= SEAL_ASPECT[1]:
            component = (labels[y : y + h, x : x + w] == index).astype(np.uint8)
            if _circularity(component) >= SEAL_MIN_CIRCULARITY:
                zones.append(RedZone("seal", (x, y, x + w, y + h)))
                continue
        if w >= RULE_MIN_LENGTH * width and h <= max(RULE_MAX_THICKNESS * height, 2):
            zones.append(RedZone("red-rule", (x, y, x + w, y + h)))
            if rule_top is None or y < rule_top:
                rule_top = y
            continue
        leftovers.append((x, y, x + w, y + h))
    header_bottom = rule_top if rule_top is not None else HEADER_MAX_BOTTOM * height
    seals = [z.box for z in zones if z.kind == "seal"]
    header = [
        b
        for b in leftovers
        if b[3] <= header_bottom + 2
        and b[1] < HEADER_MAX_BOTTOM * height
        and not any(_within(b, seal) for seal in seals)  # a seal's star is not a header
    ]
    if header:
        zones.append(
            RedZone(
                "red-header",
                (
                    min(b[0] for b in header),
                    min(b[1] for b in header),
                    max(b[2] for b in header),
                    max(b[3] for b in header),
                ),
            )
        )
    return [
        RedZone(z.kind, tuple(float(v) * scale for v in z.box))  # type: ignore[arg-type]
        for z in sorted(zones, key=lambda z: (z.box[1], z.box[0]))
    ]
