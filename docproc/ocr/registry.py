"""OCR engines by name: ``get_engine("rapid")``.

Each engine module is imported only when its name is asked for, so choosing ``rapid`` never
imports ``paddleocr`` and listing the names imports nothing heavy.
"""

from __future__ import annotations

import importlib
from typing import Any

from docproc.errors import UsageError
from docproc.ocr.base import OcrEngine

DEFAULT_ENGINE = "rapid"

# name -> (module, factory inside it)
_ENGINES: dict[str, tuple[str, str]] = {
    "rapid": ("docproc.ocr.rapid", "RapidEngine"),
    "paddle": ("docproc.ocr.paddle", "PaddleEngine"),
    "replay": ("docproc.ocr.replay", "ReplayEngine"),
}


def engine_names() -> list[str]:
    """The names ``get_engine`` accepts, the default first."""
    return [DEFAULT_ENGINE] + sorted(n for n in _ENGINES if n != DEFAULT_ENGINE)


def get_engine(name: str = DEFAULT_ENGINE, **options: Any) -> OcrEngine:
    """Create the engine called ``name`` with its ``options`` (see each engine's class)."""
    try:
        module_name, factory_name = _ENGINES[name]
    except KeyError:
        raise UsageError(
            f"unknown OCR engine {name!r}; choose one of: {', '.join(engine_names())}"
        ) from None
    factory = getattr(importlib.import_module(module_name), factory_name)
    engine: OcrEngine = factory(**options)
    return engine
