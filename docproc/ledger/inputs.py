"""Ledger inputs: a notice or self-check form record from whatever file the user names.

``*.notice.json`` / ``*.form.json`` (or any JSON whose ``schema`` says so) are read as records; a
document JSON, PDF, image or text file is recognised and its notice extracted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docproc.errors import InputError
from docproc.model.form import SCHEMA_ID as FORM_SCHEMA
from docproc.model.form import Form
from docproc.model.notice import SCHEMA_ID as NOTICE_SCHEMA
from docproc.model.notice import Notice

PageProgress = Callable[[int, int], None]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path} does not exist") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} is not a JSON record ({exc})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path} is not a JSON record (expected an object)")
    return data


def load_ledger_input(
    path: Path, recognizer: Any = None, *, password: str | None = None, progress: PageProgress | None = None
) -> Notice | Form:
    """A notice or form record for one input file.

    ``recognizer`` (a :class:`docproc.pipeline.Recognizer`) reads files that are not records; one is
    made with default settings when None.
    """
    if path.suffix.lower() == ".json":
        data = _read_json(path)
        schema = data.get("schema")
        if schema == NOTICE_SCHEMA:
            return Notice.from_dict(data)
        if schema == FORM_SCHEMA:
            return Form.from_dict(data)
    from docproc.extract import extract_notice
    from docproc.pipeline import Recognizer

    recognizer = recognizer or Recognizer()
    document = recognizer.recognize(path, password=password, progress=progress)
    return extract_notice(document)
