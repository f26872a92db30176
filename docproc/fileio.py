"""Writing outputs safely: a temp file in the same folder, then an atomic rename.

A crash or Ctrl-C mid-write never leaves a half-written output, and an output never replaces one of
the run's own inputs.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from docproc.errors import UsageError


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temp file in the same folder and ``os.replace``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def write_text_atomic(path: str | Path, text: str) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: str | Path, record: Any) -> Path:
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    return write_text_atomic(path, text)


def guard_outputs(inputs: list[Path], outputs: list[Path]) -> None:
    """Refuse a run whose outputs would overwrite one of its inputs or each other."""
    resolved_inputs = {p.resolve() for p in inputs}
    seen: dict[Path, Path] = {}
    for out in outputs:
        resolved = out.resolve()
        if resolved in resolved_inputs:
            raise UsageError(f"output {out} would overwrite an input; choose another -o folder")
        if resolved in seen:
            raise UsageError(
                f"two inputs would both write {out}; rename one of them or run them separately"
            )
        seen[resolved] = out
