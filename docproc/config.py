"""Settings: defaults < ``docproc.toml`` < environment (``DOCPROC_*``) < CLI flags.

``docproc.toml`` is read from ``$DOCPROC_CONFIG`` if set, else from the current folder. Its keys are
the field names of :class:`Settings` (``engine = "rapid"``, ``threads = 2``, ``dpi = 300``, ...).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from docproc.errors import UsageError

CONFIG_FILE_NAME = "docproc.toml"


@dataclass(frozen=True)
class Settings:
    engine: str = "rapid"  # OCR engine by name: rapid | paddle | replay
    threads: int = 2  # ONNX Runtime intra-op threads
    dpi: int = 300  # rasterisation of scanned PDF pages
    force_ocr: bool = False  # OCR even pages that have a text layer
    engine_options: dict[str, str] = field(default_factory=dict)  # e.g. replay_dir, det_model_dir

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None values applied (CLI flags)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        if "engine_options" in given:
            given["engine_options"] = {**self.engine_options, **given["engine_options"]}
        return replace(self, **given)


_ENV_KEYS = {"engine": str, "threads": int, "dpi": int, "force_ocr": bool}


def _coerce(name: str, value: Any, kind: type) -> Any:
    if kind is bool and isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    try:
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise UsageError(f"setting {name!r}: {value!r} is not a valid {kind.__name__}") from exc


def load_settings(config_path: str | Path | None = None) -> Settings:
    """Defaults, then the TOML file, then ``DOCPROC_ENGINE`` / ``DOCPROC_THREADS`` / ...."""
    values: dict[str, Any] = {}
    path = Path(config_path or os.environ.get("DOCPROC_CONFIG") or CONFIG_FILE_NAME)
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"{path}: not a valid TOML file ({exc})") from exc
        known = {f.name for f in fields(Settings)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise UsageError(f"{path}: unknown setting(s) {', '.join(unknown)}")
        for name, kind in _ENV_KEYS.items():
            if name in data:
                values[name] = _coerce(name, data[name], kind)
        if "engine_options" in data:
            values["engine_options"] = {str(k): str(v) for k, v in data["engine_options"].items()}
    for name, kind in _ENV_KEYS.items():
        env_value = os.environ.get(f"DOCPROC_{name.upper()}")
        if env_value:
            values[name] = _coerce(name, env_value, kind)
    return Settings(**values)
