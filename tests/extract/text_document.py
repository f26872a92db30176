"""Building a Document from plain text, as the lead's pipeline does for a ``.txt`` input."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from docproc.model.document import Document, Line, Page, Source

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "docproc" / "schemas" / "notice.schema.json"


def document_from_text(text: str, name: str = "input.txt") -> Document:
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        lines.append(Line(text=raw, bbox=None, confidence=None, span=(position, position + len(raw))))
        position += len(raw) + 1
    page = Page(number=1, width=595, height=842, text_source="pdf-text", lines=lines)
    source = Source(
        file=name, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), pages=1, text_source="text"
    )
    return Document(source=source, pages=[page], text=text)


@lru_cache(maxsize=1)
def notice_validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
