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
from docproc.model.document import Document
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
    from docproc.extract import extract_notice
    from docproc.pipeline import Recognizer, document_from_json

    recognizer = recognizer or Recognizer()
    if path.suffix.lower() == ".json":
        data = _read_json(path)  # read once, whichever record it is
        schema = data.get("schema")
        if schema == NOTICE_SCHEMA:
            return Notice.from_dict(data)
        if schema == FORM_SCHEMA:
            return Form.from_dict(data)
        document = document_from_json(data, path)  # a document JSON, or an error naming its schema
    else:
        document = recognizer.recognize(path, password=password, progress=progress)
    if reads_as_form(document):
        form = _form_of(path, document, recognizer, password=password)
        if form is not None and form.items:
            return form
    return extract_notice(document)


FORM_HEADING_LINES = 6  # a form names itself in its first lines: …自查表, …检查表, …清单


def reads_as_form(document: Document) -> bool:
    """A self-check form rather than a notice: one of its first lines is a form's title.

    A notice that merely mentions a form (《…专项问题自查表》 in its text) does not qualify: the
    title must be a line of its own ending in a form word (``models/forms/values.json``).
    """
    from docproc.forms.lexicon import value_lexicon

    words = value_lexicon().title_words
    heading = [ln.strip() for ln in document.text.splitlines() if ln.strip()][:FORM_HEADING_LINES]
    return any(ln.rstrip("》”").endswith(tuple(words)) and len(ln) <= 60 for ln in heading)


def _form_of(path: Path, document: Document, recognizer: Any, *, password: str | None) -> Form | None:
    """The form's tables: from the text layer when ingest found them, else read from the scan."""
    from docproc.errors import NoTextError
    from docproc.forms.reader import FormReader, form_from_document

    try:
        if any(page.tables for page in document.pages):
            return form_from_document(document)
        if any(page.text_source == "ocr" for page in document.pages):
            reader = FormReader(recognizer.settings, engine=recognizer.engine)
            return reader.read(path, password=password)
    except NoTextError:  # no ruled table: read it as a notice after all
        return None
    return None
