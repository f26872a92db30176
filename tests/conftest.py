"""Shared test helpers: where the fixtures are, and the schema validator."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_DIR / "fixtures"
SCHEMAS_DIR = REPO_DIR / "docproc" / "schemas"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """DOCPROC_REGEN=1 rewrites golden files; a run that leaves it set must not pass."""
    if os.environ.get("DOCPROC_REGEN") and exitstatus == 0:
        session.exitstatus = 1
        print("\nDOCPROC_REGEN is set: golden files were rewritten; unset it and run again.")


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def validate_record(record: dict[str, Any], schema_name: str) -> None:
    """Raise jsonschema.ValidationError unless ``record`` satisfies ``docproc/schemas/<name>``."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    validator.validate(record)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES_DIR


def make_runtime_inputs(folder: Path) -> dict[str, Path]:
    """The bad inputs git cannot hold (symlink loop, FIFO, unreadable file, long name), made in
    ``folder`` by ``fixtures/bad-input/make_bad_inputs.py``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_bad_inputs", FIXTURES_DIR / "bad-input" / "make_bad_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made: dict[str, Path] = module.make_runtime_inputs(folder)
    return made
