"""Photographed pages made flat: the page found in the photo, its perspective undone, its light evened.

A phone photo of a page differs from a scan in three ways that hurt recognition: the page is a
quadrilateral on a background (the desk, a hand), it is lit unevenly (a shadow across it, light
falling off to one side), and it may bend (a curl near the binding). :func:`flatten_photo` runs
before deskew (``docproc.layout.scan.prepare_scan``):

1. :func:`find_page_quad` looks for the paper on a page shrunk to ``ANALYSIS_SIDE``: the outer
   contour of its edges (the paper's border against the desk; a shadow's soft border gives no edge)
   when it simplifies to four corners, covers enough of the photo and is lighter than what lies
   around it. When the page fills the photo (a scan, a photo cropped to the page) nothing is found and
   nothing is warped.
2. :func:`warp_to_quad` maps the four corners onto an upright rectangle whose sides are the
   quadrilateral's mean side lengths (the page's own proportions as photographed, not A4's).
3. :func:`even_light` divides each channel by the paper's brightness, estimated by closing the
   page over its text and blurring, where that brightness varies by more than ``UNEVEN_LIGHT``
   levels over the page; a scanned page (even light) is left as it is.

Curl is not undone: after the perspective is corrected the remaining bend is a few pixels per line,
which the line detector follows.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

ANALYSIS_SIDE = 800
MIN_PAGE_AREA = 0.25  # of the photo
MAX_PAGE_AREA = 0.92  # a page covering more than this is taken as filling the photo
MIN_BACKGROUND_GAP = 30  # grey levels between the paper and what lies around it
UNEVEN_LIGHT = 40  # grey levels between the brightest and darkest paper (5th–95th percentile)
LIGHT_KERNEL = 0.04  # of the long side: closing kernel that removes text, keeps shading


@dataclass(frozen=True)
class FlattenedPhoto:
    image: np.ndarray
    quad: np.ndarray | None  # 4 x 2 corners found (pixels of the input), top-left first, clockwise
    light_evened: bool


def _order_corners(points: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left."""
    points = points.reshape(4, 2).astype(np.float32)
    sums, diffs = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.array(
        [points[np.argmin(sums)], points[np.argmin(diffs)], points[np.argmax(sums)], points[np.argmax(diffs)]],
        dtype=np.float32,
    )


def analysis_image(image: np.ndarray) -> np.ndarray:
    """``image`` shrunk (or grown) to ANALYSIS_SIDE long side: what the page outline and the paper's
    light are looked for on."""
    height, width = image.shape[:2]
    factor = max(height, width) / ANALYSIS_SIDE
    return cv2.resize(image, (round(width / factor), round(height / factor)), interpolation=cv2.INTER_AREA)


def find_page_quad(image: np.ndarray, small: np.ndarray | None = None) -> np.ndarray | None:
    """The page's four corners in ``image`` (RGB), or None when the page fills the photo or no
    clear page outline is found. ``small`` is ``analysis_image(image)`` when the caller has it.

    The outline is the outer contour of the photo's edges (the paper's border against the desk is a
    sharp edge; a shadow's border is soft and gives none), simplified to four corners.
    """
    height, width = image.shape[:2]
    factor = max(height, width) / ANALYSIS_SIDE
    small = analysis_image(image) if small is None else small
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    edges = cv2.Canny(grey, 50, 150)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8), iterations=2)
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    hull = cv2.convexHull(max(contours, key=lambda c: cv2.contourArea(cv2.convexHull(c))))
    area = cv2.contourArea(hull) / (small.shape[0] * small.shape[1])
    if not MIN_PAGE_AREA <= area <= MAX_PAGE_AREA:
        return None
    corners = None
    for epsilon in (0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, epsilon * cv2.arcLength(hull, True), True)
        if len(approx) == 4:
            corners = approx
            break
    if corners is None:
        return None
    inside = np.zeros_like(grey)
    cv2.drawContours(inside, [corners], -1, 255, -1)
    background = grey[inside == 0]
    if background.size == 0 or float(np.median(grey[inside > 0])) - float(np.median(background)) < MIN_BACKGROUND_GAP:
        return None
    return _order_corners(corners) * factor


def warp_to_quad(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The quadrilateral ``quad`` of ``image`` mapped onto an upright rectangle."""
    top_left, top_right, bottom_right, bottom_left = quad
    width = (np.linalg.norm(top_right - top_left) + np.linalg.norm(bottom_right - bottom_left)) / 2
    height = (np.linalg.norm(bottom_left - top_left) + np.linalg.norm(bottom_right - top_right)) / 2
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    return cv2.warpPerspective(
        image, matrix, (round(width), round(height)), flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )


def _small_paper_light(small: np.ndarray) -> np.ndarray:
    """The paper's brightness on the analysis image (float32 grey levels): text closed away, blurred."""
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    side = max(3, round(LIGHT_KERNEL * ANALYSIS_SIDE)) | 1
    closed = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (side, side)))
    return cv2.GaussianBlur(closed.astype(np.float32), (0, 0), side / 2)


def paper_light(image: np.ndarray, small: np.ndarray | None = None) -> np.ndarray:
    """The paper's brightness at every pixel (H x W float32, grey levels): text closed away, blurred.
    ``small`` is ``analysis_image(image)`` when the caller has it."""
    height, width = image.shape[:2]
    light = _small_paper_light(analysis_image(image) if small is None else small)
    return cv2.resize(light, (width, height), interpolation=cv2.INTER_LINEAR)


def even_light(image: np.ndarray, small: np.ndarray | None = None) -> tuple[np.ndarray, bool]:
    """``image`` with the paper's light made even, and whether it was uneven enough to need it.
    ``small`` is ``analysis_image(image)`` when the caller has it."""
    height, width = image.shape[:2]
    small_light = _small_paper_light(analysis_image(image) if small is None else small)
    # The full-size map is interpolated from this one, so its values lie within this one's range:
    # a page whose light varies less than UNEVEN_LIGHT here (every scan) needs neither the full map
    # nor its percentiles (the margin covers the interpolation's rounding).
    if float(small_light.max()) - float(small_light.min()) < UNEVEN_LIGHT - 0.01:
        return image, False
    light = cv2.resize(small_light, (width, height), interpolation=cv2.INTER_LINEAR)
    low, high = np.percentile(light, (5, 95))
    if high - low < UNEVEN_LIGHT:
        return image, False
    gain = (np.float32(high) / np.maximum(light, 1.0))[..., None]
    evened = np.clip(image.astype(np.float32) * gain, 0, 255).astype(np.uint8)
    return evened, True


def flatten_photo(image: np.ndarray) -> FlattenedPhoto:
    """The page of a photo (RGB) cut out, made rectangular and evenly lit; see the module doc."""
    small = analysis_image(image)
    quad = find_page_quad(image, small)
    if quad is None:
        page, evened = even_light(image, small)
    else:
        page, evened = even_light(warp_to_quad(image, quad))
    return FlattenedPhoto(page, quad, evened)
