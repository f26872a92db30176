"""Cached OCR results: record once with a real engine, replay in fast tests of later stages.

A page image is keyed by the sha256 of ``"<height>x<width>x<channels>:"`` followed by the
image's raw bytes (C order, uint8), so the same pixels always find the same result. Each result
is one JSON file ``<replay_dir>/<key>.json``::

    {
      "schema": "docproc.ocr-replay/1",
      "key": "<64 hex digits>",
      "engine": "rapid",                       # the engine that recorded it
      "shape": [height, width, 3],
      "lines": [
        {"text": "关于加强个人所得税纳税信用建设的通知",
         "box": [x0, y0, x1, y1],              # pixels of that image, origin top-left
         "confidence": 0.998,
         "polygon": [[x, y], ...] or null,
         "chars": [{"char": "关", "box": [x0, y0, x1, y1], "confidence": 0.99}, ...] or null}
      ]
    }

Files are written atomically (a temporary file renamed into place), so parallel recorders never
leave half a file behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from docproc.errors import OcrError, UsageError
from docproc.ocr.base import OcrChar, OcrEngine, OcrLine, check_page_image

REPLAY_SCHEMA = "docproc.ocr-replay/1"


def image_key(image: np.ndarray) -> str:
    """The cache key of a page image: sha256 over its shape and its pixel bytes."""
    check_page_image(image)
    digest = hashlib.sha256("x".join(str(n) for n in image.shape).encode() + b":")
    digest.update(np.ascontiguousarray(image).tobytes())
    return digest.hexdigest()


def lines_to_json(lines: list[OcrLine]) -> list[dict[str, Any]]:
    return [
        {
            "text": line.text,
            "box": [float(v) for v in line.box],
            "confidence": float(line.confidence),
            "polygon": [[float(x), float(y)] for x, y in line.polygon] if line.polygon else None,
            "chars": (
                [
                    {"char": c.char, "box": [float(v) for v in c.box], "confidence": float(c.confidence)}
                    for c in line.chars
                ]
                if line.chars is not None
                else None
            ),
        }
        for line in lines
    ]


def lines_from_json(items: list[dict[str, Any]]) -> list[OcrLine]:
    lines = []
    for item in items:
        x0, y0, x1, y1 = (float(v) for v in item["box"])
        polygon = item.get("polygon")
        chars = item.get("chars")
        lines.append(
            OcrLine(
                text=str(item["text"]),
                box=(x0, y0, x1, y1),
                confidence=float(item["confidence"]),
                polygon=[(float(x), float(y)) for x, y in polygon] if polygon else None,
                chars=[_char_from_json(c) for c in chars] if chars is not None else None,
            )
        )
    return lines


def _char_from_json(item: dict[str, Any]) -> OcrChar:
    x0, y0, x1, y1 = (float(v) for v in item["box"])
    return OcrChar(char=str(item["char"]), box=(x0, y0, x1, y1), confidence=float(item["confidence"]))


class ReplayEngine:
    """``get_engine("replay", replay_dir=DIR)`` (``--engine-option replay_dir=DIR``): returns the
    results a RecordingEngine stored in DIR."""

    name = "replay"

    def __init__(self, replay_dir: str | os.PathLike[str] | None = None) -> None:
        if replay_dir is None:
            raise UsageError(
                "the replay OCR engine needs replay_dir, the folder of recorded results "
                "(--engine-option replay_dir=DIR)"
            )
        self.replay_dir = Path(replay_dir)

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        key = image_key(image)
        path = self.replay_dir / f"{key}.json"
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise OcrError(
                f"no recorded OCR result for image {key} ({image.shape[1]}x{image.shape[0]}) "
                f"in {self.replay_dir}; record it by running the page once through "
                f"RecordingEngine(get_engine('rapid'), '{self.replay_dir}')"
            ) from None
        except (OSError, ValueError) as exc:
            raise OcrError(f"recorded OCR result {path} is unreadable: {exc}") from None
        if record.get("schema") != REPLAY_SCHEMA or record.get("key") != key:
            raise OcrError(f"recorded OCR result {path} is not a {REPLAY_SCHEMA} record for {key}")
        try:
            return lines_from_json(record["lines"])
        except (KeyError, TypeError, ValueError) as exc:
            raise OcrError(f"recorded OCR result {path} is malformed: {exc!r}") from None


class RecordingEngine:
    """Runs ``inner`` and stores each page's result under ``cache_dir`` for a ReplayEngine."""

    def __init__(self, inner: OcrEngine, cache_dir: str | os.PathLike[str]) -> None:
        self.inner = inner
        self.name = inner.name
        self.cache_dir = Path(cache_dir)

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        lines = self.inner.recognize(image)
        key = image_key(image)
        record = {
            "schema": REPLAY_SCHEMA,
            "key": key,
            "engine": self.inner.name,
            "shape": list(image.shape),
            "lines": lines_to_json(lines),
        }
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=self.cache_dir, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(record, out, ensure_ascii=False, indent=1)
            os.replace(temp_name, self.cache_dir / f"{key}.json")
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        return lines
