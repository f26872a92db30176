"""An OCR engine that counts the whole-page images it is given (the real engine reads them)."""

from __future__ import annotations

from typing import Any

import numpy as np

from docproc.ocr.base import OcrEngine, OcrLine


class PageCountingEngine:
    """Wraps an engine; ``page_reads`` counts the images at least half as large as ``page_pixels``."""

    def __init__(self, engine: OcrEngine, page_pixels: int) -> None:
        self.engine = engine
        self.name = engine.name
        self.page_pixels = page_pixels
        self.page_reads = 0

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        if image.shape[0] * image.shape[1] >= self.page_pixels // 2:
            self.page_reads += 1
        return self.engine.recognize(image)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)
