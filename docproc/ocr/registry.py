"""OCR engines by name: ``get_engine("rapid")``.

Each engine module is imported only when its name is asked for, so choosing ``rapid`` never
imports ``paddleocr`` and listing the names imports nothing heavy.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable
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


def engine_table() -> dict[str, tuple[str, str]]:
    """Every engine name with the module and factory that make it: what a spawned batch worker registers
    again, so an engine added at run time (``register_engine``) is known there too."""
    return dict(_ENGINES)


def register_engine(name: str, module: str, factory: str) -> None:
    """Add the engine ``name``, made by ``factory`` of ``module`` (imported when the name is asked for)."""
    _ENGINES[name] = (module, factory)


def _factory(name: str) -> Any:
    try:
        module_name, factory_name = _ENGINES[name]
    except KeyError:
        raise UsageError(
            f"unknown OCR engine {name!r}; choose one of: {', '.join(engine_names())}"
        ) from None
    return getattr(importlib.import_module(module_name), factory_name)


def engine_option_names(name: str) -> list[str]:
    """The options the engine ``name`` takes: its constructor's named parameters, in order."""
    named = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return [p.name for p in inspect.signature(_factory(name)).parameters.values() if p.kind in named]


def check_engine_options(name: str, options: Iterable[str]) -> None:
    """A usage error naming the valid options when ``options`` holds one the engine does not take."""
    known = engine_option_names(name)
    unknown = [option for option in options if option not in known]
    if unknown:
        raise UsageError(f"the {name} OCR engine has no option {unknown[0]!r}; its options: {', '.join(known)}")


def get_engine(name: str = DEFAULT_ENGINE, **options: Any) -> OcrEngine:
    """Create the engine called ``name`` with its ``options`` (see each engine's class)."""
    check_engine_options(name, options)
    engine: OcrEngine = _factory(name)(**options)
    return engine
