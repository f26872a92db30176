"""Prepare the OCR models once: ``python -m docproc.ocr.prepare_models``.

rapidocr's bundled PP-OCRv6 detector holds ~256,000 denormal float weights; a CPU computes with
denormals many times slower than with normal floats. Flushing them to zero gives bit-identical
OCR output and cuts the detector's time by more than half (DESIGN.md, "Facts measured"). This
module writes such flushed copies into the model cache (``$DOCPROC_MODEL_DIR`` or the user cache
dir), atomically, and checks every file against ``models/ocr/manifest.json``. It is idempotent:
a copy that already matches is left alone. ``--update-manifest`` (for maintainers moving to a
new rapidocr wheel) rewrites the manifest's sizes and hashes from the installed wheel.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from docproc.errors import DocprocError, ModelIntegrityError
from docproc.ocr.models import (
    PREPARE_COMMAND,
    Manifest,
    ModelEntry,
    load_manifest,
    original_model_path,
    prepared_model_dir,
    sha256_of_file,
    verify_file,
    wheel_model_dir,
)

FLOAT32_SMALLEST_NORMAL = float(np.finfo(np.float32).tiny)


def flush_denormals(model: Any) -> int:
    """Set every denormal float32 weight of an ``onnx.ModelProto`` to zero; return how many."""
    from onnx import numpy_helper

    flushed = 0
    for initializer in model.graph.initializer:
        weights = numpy_helper.to_array(initializer)
        if weights.dtype != np.float32:
            continue
        denormal = (weights != 0) & (np.abs(weights) < FLOAT32_SMALLEST_NORMAL)
        count = int(denormal.sum())
        if count:
            weights = weights.copy()
            weights[denormal] = 0.0
            initializer.CopyFrom(numpy_helper.from_array(weights, initializer.name))
            flushed += count
    return flushed


def write_flushed_copy(source: Path, target: Path) -> int:
    """Write ``source`` with denormal weights flushed to ``target`` atomically; return the count."""
    import onnx

    model = onnx.load(str(source))
    flushed = flush_denormals(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(model.SerializeToString())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return flushed


def prepare_model(entry: ModelEntry, manifest: Manifest) -> Path:
    """Make (or keep) the verified prepared copy of one model; return the file to load."""
    if entry.prepared is None:
        return original_model_path(entry.role, manifest)
    target = prepared_model_dir() / entry.prepared.file
    fix = f"delete it and run: {PREPARE_COMMAND}"
    if target.exists():
        try:
            verify_file(target, entry.prepared.size, entry.prepared.sha256, fix)
            return target
        except ModelIntegrityError:
            target.unlink()  # a stale or damaged copy: make it again from the original
    source = original_model_path(entry.role, manifest)
    try:
        write_flushed_copy(source, target)
    except OSError as exc:
        raise ModelIntegrityError(
            f"cannot write the prepared OCR model {target}: {exc}; set DOCPROC_MODEL_DIR "
            "to a writable directory"
        ) from None
    verify_file(
        target,
        entry.prepared.size,
        entry.prepared.sha256,
        "the installed onnx package writes a different file than the manifest records; "
        "install the onnx version from setup.cfg and run: " + PREPARE_COMMAND,
    )
    return target


def prepare_all() -> list[Path]:
    """Prepare every model of the manifest; return the files the engines will load."""
    manifest = load_manifest()
    return [prepare_model(entry, manifest) for entry in manifest.models.values()]


def update_manifest(manifest_file: Path | None = None) -> dict[str, Any]:
    """Rewrite the manifest's sizes and hashes from the installed wheel (maintainers only)."""
    manifest = load_manifest(manifest_file)
    raw: dict[str, Any] = json.loads(manifest.path.read_text(encoding="utf-8"))
    source_dir = wheel_model_dir(manifest)
    from importlib.metadata import version

    raw["source"]["version"] = version(manifest.source_package)
    with tempfile.TemporaryDirectory() as scratch:
        for item in raw["models"]:
            source = source_dir / item["file"]
            item["size"] = source.stat().st_size
            item["sha256"] = sha256_of_file(source)
            copy = Path(scratch) / (Path(item["file"]).stem + ".ftz.onnx")
            flushed = write_flushed_copy(source, copy)
            if flushed:
                item["prepared"] = {
                    "file": copy.name,
                    "size": copy.stat().st_size,
                    "sha256": sha256_of_file(copy),
                    "denormals_flushed": flushed,
                }
            else:
                item["prepared"] = None
    text = json.dumps(raw, ensure_ascii=False, indent=2) + "\n"
    manifest.path.write_text(text, encoding="utf-8")
    return raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m docproc.ocr.prepare_models", description=__doc__
    )
    parser.add_argument(
        "--update-manifest",
        action="store_true",
        help="rewrite models/ocr/manifest.json from the installed rapidocr wheel",
    )
    args = parser.parse_args(argv)
    try:
        if args.update_manifest:
            update_manifest()
        for path in prepare_all():
            print(path)
    except DocprocError as exc:
        print(f"docproc: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
