"""What ingest hands to the next stage: a page with a usable text layer, or an image to OCR."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from docproc.model.document import Line, Table


@dataclass
class TextLayerPage:
    """A PDF page whose text layer is real text: its lines, top to bottom, in points."""

    number: int  # 1-based
    width: float  # points
    height: float  # points
    lines: list[Line]
    tables: list[Table] = field(default_factory=list)


@dataclass
class ImagePage:
    """A page to OCR: an RGB raster and the page size it stands for."""

    number: int  # 1-based
    width: float  # points (PDF page size, or pixels / dpi * 72 for an image file)
    height: float  # points
    dpi: float
    image: np.ndarray  # H x W x 3, uint8, RGB
    reason: str  # why OCR: "image", "no-text-layer", "cid-garbage", "doubled-chars", "forced", ...
