"""Is a page upside down? PaddleOCR's text-line orientation classifier votes over line pieces.

The classifier (``ch_ppocr_mobile_v2.0_cls``, shipped in the rapidocr wheel and checked against
``models/ocr/manifest.json``) tells for one text-line image whether it reads at 0° or 180°. The
page's answer is the mean over a dozen short pieces of its lines; when that mean is close to
undecided and an OCR engine is at hand, the engine reads a band of the page both ways and the
reading with the higher confidence wins.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from docproc.ocr.base import OcrEngine
from docproc.ocr.models import model_path

CLS_HEIGHT = 48
CLS_WIDTH = 192
UNDECIDED_MARGIN = 0.3
CLS_THREADS = 2


@lru_cache(maxsize=1)
def _classifier() -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = CLS_THREADS
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # one call per page: threads that spun on after it would take the CPU from the next steps
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(
        str(model_path("cls")), options, providers=["CPUExecutionProvider"]
    )


def _classifier_input(crop_rgb: np.ndarray) -> np.ndarray:
    """One crop as the classifier's 3 x 48 x 192 input (BGR, scaled to −1..1, padded with 0)."""
    height, width = crop_rgb.shape[:2]
    resized_width = min(CLS_WIDTH, max(1, math.ceil(CLS_HEIGHT * width / height)))
    resized = cv2.resize(crop_rgb[:, :, ::-1], (resized_width, CLS_HEIGHT))
    normalised = resized.astype(np.float32).transpose(2, 0, 1) / 127.5 - 1.0
    batch = np.zeros((3, CLS_HEIGHT, CLS_WIDTH), dtype=np.float32)
    batch[:, :, :resized_width] = normalised
    return batch


def upside_down_probability(crops: list[np.ndarray]) -> float | None:
    """Mean probability, over RGB line crops, that the text is rotated by 180°."""
    crops = [c for c in crops if c.shape[0] >= 4 and c.shape[1] >= 4]
    if not crops:
        return None
    session = _classifier()
    batch = np.stack([_classifier_input(c) for c in crops])
    probabilities = session.run(None, {session.get_inputs()[0].name: batch})[0]
    return float(np.mean(probabilities[:, 1]))  # labels: "0", "180"


def _reading_confidence(engine: OcrEngine, band: np.ndarray) -> float:
    lines = engine.recognize(band)
    return sum(line.confidence * len(line.text) for line in lines)


def decide_upside_down(
    page: np.ndarray,
    chunks: list[tuple[int, int, int, int]],
    engine: OcrEngine | None = None,
) -> bool:
    """True when ``page`` (RGB, lines horizontal) reads upside down; ``chunks`` are line pieces."""
    crops = [page[y0:y1, x0:x1] for x0, y0, x1, y1 in chunks]
    probability = upside_down_probability(crops)
    if probability is None:
        return False
    if abs(2 * probability - 1) >= UNDECIDED_MARGIN or engine is None or not chunks:
        return probability > 0.5
    top = min(y0 for _, y0, _, _ in chunks)
    bottom = max(y1 for _, _, _, y1 in chunks)
    band = np.ascontiguousarray(page[top:bottom])
    upright = _reading_confidence(engine, band)
    flipped = _reading_confidence(engine, np.ascontiguousarray(cv2.rotate(band, cv2.ROTATE_180)))
    return flipped > upright
