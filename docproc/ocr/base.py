"""The one small interface every OCR engine implements.

An engine takes a page image (H x W x 3 uint8 RGB) and returns its text lines with boxes in pixels
of that image, origin top-left. Engines are created once (loading models is the slow part) and
reused over many pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from docproc.errors import OcrError

Box = tuple[float, float, float, float]


@dataclass
class OcrChar:
    """Where the recogniser read one character of a line.

    ``box`` spans the recogniser's time step (its CTC frame, about 1/6 of the line height wide)
    at which the character was emitted, over the line's height: its centre is the character's
    position along the line; its width is the frame's, not the glyph's.
    """

    char: str
    box: Box  # x0, y0, x1, y1 in pixels of the image given, origin top-left
    confidence: float  # 0..1


@dataclass
class OcrLine:
    """One recognised text line."""

    text: str
    box: Box  # x0, y0, x1, y1 in pixels of the image given, origin top-left
    confidence: float  # 0..1
    polygon: list[tuple[float, float]] | None = None
    # the line's characters in reading order, whitespace left out (engines that can tell)
    chars: list[OcrChar] | None = None


@runtime_checkable
class OcrEngine(Protocol):
    """What the pipeline needs from an OCR engine."""

    name: str

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        """Text lines of ``image`` (H x W x 3 uint8 RGB), in the engine's reading order."""
        ...


def check_page_image(image: np.ndarray) -> None:
    """Raise OcrError unless ``image`` is an H x W x 3 uint8 array (what every engine takes)."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3:
        shape = getattr(image, "shape", None)
        dtype = getattr(image, "dtype", type(image).__name__)
        raise OcrError(f"OCR needs an H x W x 3 uint8 RGB image, got shape {shape} of {dtype}")
    if image.shape[2] != 3 or image.shape[0] == 0 or image.shape[1] == 0:
        raise OcrError(f"OCR needs an H x W x 3 uint8 RGB image, got shape {image.shape}")


def box_of_polygon(polygon: list[tuple[float, float]]) -> Box:
    """The axis-aligned box (x0, y0, x1, y1) around a polygon."""
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    return (min(xs), min(ys), max(xs), max(ys))
