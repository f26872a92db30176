"""The OCR model files: where they are, what they must hash to, and their prepared copies.

``models/ocr/manifest.json`` names every model file docproc loads: the file inside the rapidocr
wheel, its size and sha256, its licence, and — for a model whose weights hold denormal floats —
the prepared copy with those weights flushed to zero (see ``docproc.ocr.prepare_models``), with
that copy's own size and sha256. Nothing is ever downloaded: a missing or altered file is a
:class:`ModelIntegrityError` whose message says how to fix it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docproc.errors import ModelIntegrityError
from docproc.resources import models_dir

MANIFEST_SCHEMA = "docproc.ocr-models/1"
MODEL_DIR_ENV = "DOCPROC_MODEL_DIR"
MANIFEST_ENV = "DOCPROC_OCR_MANIFEST"
PREPARE_COMMAND = "python -m docproc.ocr.prepare_models"


@dataclass(frozen=True)
class PreparedCopy:
    """A copy of a model rewritten for speed (denormal weights flushed to zero)."""

    file: str
    size: int
    sha256: str
    denormals_flushed: int


@dataclass(frozen=True)
class ModelEntry:
    """One model file as the manifest describes it."""

    role: str  # "det", "rec" or "cls"
    name: str
    file: str
    size: int
    sha256: str
    licence: str
    origin: str
    prepared: PreparedCopy | None


@dataclass(frozen=True)
class Manifest:
    """The whole manifest: where the files come from and each model's entry."""

    path: Path
    source_package: str
    source_version: str
    source_directory: str
    models: dict[str, ModelEntry]

    def entry(self, role: str) -> ModelEntry:
        try:
            return self.models[role]
        except KeyError:
            raise ModelIntegrityError(
                f"the OCR model manifest {self.path} has no {role!r} model; "
                "restore models/ocr/manifest.json from the docproc repository"
            ) from None


def manifest_path() -> Path:
    """``$DOCPROC_OCR_MANIFEST`` or ``models/ocr/manifest.json`` beside the docproc package."""
    override = os.environ.get(MANIFEST_ENV)
    if override:
        return Path(override)
    return models_dir() / "ocr" / "manifest.json"


def load_manifest(path: Path | None = None) -> Manifest:
    """Read and check the manifest; a missing or malformed one is a ModelIntegrityError."""
    path = path or manifest_path()
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelIntegrityError(
            f"OCR model manifest not found at {path}; set {MANIFEST_ENV} or restore "
            "models/ocr/manifest.json from the docproc repository"
        ) from None
    except (OSError, ValueError) as exc:
        raise ModelIntegrityError(f"OCR model manifest {path} is unreadable: {exc}") from None
    if raw.get("schema") != MANIFEST_SCHEMA:
        raise ModelIntegrityError(f"OCR model manifest {path} is not {MANIFEST_SCHEMA}")
    try:
        models = {}
        for item in raw["models"]:
            prep = item.get("prepared")
            models[item["role"]] = ModelEntry(
                role=item["role"],
                name=item["name"],
                file=item["file"],
                size=int(item["size"]),
                sha256=item["sha256"],
                licence=item["licence"],
                origin=item["origin"],
                prepared=PreparedCopy(
                    file=prep["file"],
                    size=int(prep["size"]),
                    sha256=prep["sha256"],
                    denormals_flushed=int(prep["denormals_flushed"]),
                )
                if prep
                else None,
            )
        source = raw["source"]
        return Manifest(
            path=path,
            source_package=source["package"],
            source_version=source["version"],
            source_directory=source["directory"],
            models=models,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelIntegrityError(f"OCR model manifest {path} is malformed: {exc!r}") from None


def wheel_model_dir(manifest: Manifest) -> Path:
    """The directory of the original model files inside the installed rapidocr package."""
    spec = importlib.util.find_spec(manifest.source_package)
    if spec is None or spec.origin is None:
        raise ModelIntegrityError(
            f"the {manifest.source_package} package is not installed; "
            f"run: pip install '{manifest.source_package}=={manifest.source_version}'"
        )
    return Path(spec.origin).parent / manifest.source_directory


def prepared_model_dir() -> Path:
    """Where prepared model copies live: ``$DOCPROC_MODEL_DIR`` or the user cache dir."""
    override = os.environ.get(MODEL_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("docproc")) / "models"


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_file(path: Path, size: int, sha256: str, fix: str) -> None:
    """Raise ModelIntegrityError unless ``path`` exists with this size and sha256."""
    if not path.is_file():
        raise ModelIntegrityError(f"OCR model file {path} is missing; {fix}")
    actual_size = path.stat().st_size
    if actual_size != size:
        raise ModelIntegrityError(
            f"OCR model file {path} has {actual_size} bytes, the manifest says {size}; {fix}"
        )
    actual = sha256_of_file(path)
    if actual != sha256:
        raise ModelIntegrityError(
            f"OCR model file {path} has sha256 {actual[:12]}…, the manifest says "
            f"{sha256[:12]}…; {fix}"
        )


def reinstall_fix(manifest: Manifest) -> str:
    return (
        "reinstall the wheel the manifest was made from: pip install --force-reinstall "
        f"'{manifest.source_package}=={manifest.source_version}'"
    )


def original_model_path(role: str, manifest: Manifest | None = None) -> Path:
    """The verified original file of ``role`` inside the rapidocr wheel."""
    manifest = manifest or load_manifest()
    entry = manifest.entry(role)
    path = wheel_model_dir(manifest) / entry.file
    verify_file(path, entry.size, entry.sha256, reinstall_fix(manifest))
    return path


def model_path(role: str, *, prepare_if_missing: bool = True) -> Path:
    """The verified file to load for ``role`` ("det", "rec", "cls").

    A model with a prepared copy loads that copy; a missing copy is made first (unless
    ``prepare_if_missing`` is false), an altered one is a ModelIntegrityError.
    """
    manifest = load_manifest()
    entry = manifest.entry(role)
    if entry.prepared is None:
        return original_model_path(role, manifest)
    path = prepared_model_dir() / entry.prepared.file
    if not path.exists() and prepare_if_missing:
        from docproc.ocr.prepare_models import prepare_model

        prepare_model(entry, manifest)
    verify_file(
        path,
        entry.prepared.size,
        entry.prepared.sha256,
        f"delete it and run: {PREPARE_COMMAND}",
    )
    return path
