"""Scanner pages made ready for OCR: upright, straight, and with red ink out of the way.

``prepare_scan(rgb)`` first flattens a photographed page (``docproc.layout.photo``), then finds the page's text-line direction (skew up to ±6° and quarter turns),
turns it upright (0° vs 180° by PaddleOCR's line orientation classifier), and finds its red
zones — the red header (红头), the red rule under it and round seals (印章) — and a scanner app's
logo in the margin (``docproc.layout.scanner_logo``) on the corrected page. ``ocr_image`` is the
corrected page with strongly red pixels greyed out (see ``docproc.layout.red``), so text under a
seal is read and the seal's own ring text is not.

``rotation`` is the total counter-clockwise rotation applied to the input, in degrees within
(−180, 180]: a page scanned upside down gives 180.0, one turned a quarter clockwise 90.0, one
skewed 1.3° counter-clockwise −1.3.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from docproc.layout.photo import flatten_photo
from docproc.layout.red import (
    RED_HINT_MARGIN,
    find_red_zones,
    strongly_red_mask,
    suppress_red_near,
)
from docproc.layout.scan_geometry import (
    downscale,
    ink_mask,
    rotate_image,
    text_line_angle,
    text_line_chunks,
)
from docproc.layout.scan_orientation import decide_upside_down
from docproc.layout.scanner_logo import find_scanner_logos
from docproc.ocr.base import OcrEngine, check_page_image


@dataclass
class ScanZone:
    """A zone found on a scan, in pixels of the corrected image."""

    kind: str  # "red-header", "red-rule", "seal", "scanner-logo"
    box: tuple[float, float, float, float]


@dataclass
class PreparedScan:
    image: np.ndarray  # orientation + skew corrected RGB
    ocr_image: np.ndarray  # the same, red content suppressed so text under a red seal is read
    rotation: float  # degrees corrected in total (counter-clockwise), e.g. 180.0, -1.3
    zones: list[ScanZone]
    quad: np.ndarray | None = None  # a photo's page corners (pixels of the input), when warped


def normalise_angle(angle: float) -> float:
    """``angle`` in degrees mapped into (−180, 180], rounded to 0.01°."""
    angle = (angle + 180.0) % 360.0 - 180.0
    if angle <= -180.0:
        angle += 360.0
    return round(angle, 2) + 0.0


def prepare_scan(
    image: np.ndarray, *, engine: OcrEngine | None = None, flatten: bool = True
) -> PreparedScan:
    """Straighten a scanned page (RGB) and find its red zones; see the module docstring.

    ``engine`` is only asked when the orientation classifier cannot decide between 0° and 180°.
    With ``flatten`` a photographed page is first cut out of the photo, its perspective undone and
    its light evened (``docproc.layout.photo``); a scan is left as it is.
    """
    check_page_image(image)
    quad = None
    if flatten:
        flat = flatten_photo(image)
        image, quad = flat.image, flat.quad
    small, factor = downscale(image)
    small_red = strongly_red_mask(small)
    small_red_hint = strongly_red_mask(small, RED_HINT_MARGIN)
    small_grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    angle = text_line_angle(ink_mask(small_grey, exclude=small_red)) or 0.0

    corrected = rotate_image(image, angle)
    corrected_small_grey = rotate_image(small_grey, angle)
    corrected_small_red = rotate_image(small_red, angle, fill=0)
    corrected_small_hint = rotate_image(small_red_hint, angle, fill=0)
    chunks = text_line_chunks(ink_mask(corrected_small_grey, exclude=corrected_small_red))
    full_chunks = [_to_full_scale(box, factor, corrected.shape) for box in chunks]
    if decide_upside_down(corrected, full_chunks, engine):
        corrected = cv2.rotate(corrected, cv2.ROTATE_180)
        corrected_small_grey = cv2.rotate(corrected_small_grey, cv2.ROTATE_180)
        corrected_small_red = cv2.rotate(corrected_small_red, cv2.ROTATE_180)
        corrected_small_hint = cv2.rotate(corrected_small_hint, cv2.ROTATE_180)
        angle += 180.0

    # Zones from the downscaled mask, scaled by the actual ratio of the corrected sizes.
    scale = corrected.shape[1] / corrected_small_red.shape[1]
    zones = [ScanZone(zone.kind, zone.box) for zone in find_red_zones(corrected_small_red, scale)]
    logo_ink = ink_mask(corrected_small_grey, exclude=corrected_small_red)
    zones += [ScanZone("scanner-logo", box) for box in find_scanner_logos(logo_ink, scale)]
    return PreparedScan(
        image=corrected,
        ocr_image=suppress_red_near(corrected, corrected_small_hint, scale),
        rotation=normalise_angle(angle),
        zones=zones,
        quad=quad,
    )


def _to_full_scale(
    box: tuple[int, int, int, int], factor: float, shape: tuple[int, ...]
) -> tuple[int, int, int, int]:
    """A box of the downscaled page on the full page, padded by a sixth of its height."""
    x0, y0, x1, y1 = box
    pad = (y1 - y0) / 6.0
    height, width = shape[:2]
    return (
        max(0, int((x0 - pad) * factor)),
        max(0, int((y0 - pad) * factor)),
        min(width, int((x1 + pad) * factor)),
        min(height, int((y1 + pad) * factor)),
    )
