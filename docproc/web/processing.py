"""What happens to a document once its pages are read, and after each correction.

``finish_document`` keeps the Document, extracts the notice (the latest correction of every
corrected field stays on top of a new extraction) and puts the upload into the archive index with
the reviewed catalogue fields; ``reindex`` does the last step again after a correction, so search
finds the corrected title at once. Reading the notice and archiving are ``docproc.workflow``'s
(``read_notice``, ``archive_document``), the same calls the CLI, ``docproc batch`` and ``docproc index``
make; the pages themselves are read by the batch runner (``docproc.web.jobs``).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from docproc.fileio import write_json_atomic
from docproc.index import IndexStore, open_store
from docproc.model.document import Document
from docproc.model.notice import Notice
from docproc.web.config import DeskConfig
from docproc.web.review import apply_corrections
from docproc.web.store import DeskStore
from docproc.workflow import archive_document, read_notice

_archives = threading.local()


def archive(config: DeskConfig) -> IndexStore:
    """This thread's connection to the archive index (SQLite connections stay in their thread)."""
    stores: dict[str, IndexStore] = getattr(_archives, "stores", None) or {}
    _archives.stores = stores
    store = stores.get(config.archive_db)
    if store is None:
        store = stores[config.archive_db] = open_store(config.archive_db)
    return store


def close_archive() -> None:
    for store in (getattr(_archives, "stores", None) or {}).values():
        store.close()
    _archives.stores = {}


def document_path(config: DeskConfig, doc_id: str) -> Path:
    return config.work_dir / doc_id / "document.json"


def load_document(config: DeskConfig, doc_id: str) -> Document | None:
    path = document_path(config, doc_id)
    try:
        return Document.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


def finish_document(config: DeskConfig, store: DeskStore, doc_id: str, source: Path,
                    document_record: dict[str, Any]) -> str | None:
    """Keep the document, extract and store its notice, index it; returns a note for the inbox
    (why there is no notice) or None."""
    row = store.document(doc_id)
    if row is not None:  # records name the file as the user called it, not its generated name
        document_record = {**document_record, "source": {**document_record["source"], "file": row.filename}}
    write_json_atomic(document_path(config, doc_id), document_record)
    document = Document.from_dict(document_record)
    reading = read_notice(document)
    record = None
    if reading.notice is not None:
        extracted = reading.notice.to_dict()
        record = apply_corrections(extracted, store.corrections(doc_id))
        store.put_extracted(doc_id, extracted, record)
    reindex(config, store, doc_id, document=document, record=record)
    return reading.why_none


def reindex(config: DeskConfig, store: DeskStore, doc_id: str, *, document: Document | None = None,
            record: dict[str, Any] | None = None) -> None:
    """Put the document into the archive with its reviewed notice (replacing its entry)."""
    row = store.document(doc_id)
    document = document or load_document(config, doc_id)
    if row is None or document is None:
        return
    if record is None:
        notice_row = store.notice(doc_id)
        record = notice_row.record if notice_row is not None else None
    notice = Notice.from_dict(record) if record is not None else None
    archive_document(archive(config), document, config.uploads_dir / row.stored_name, row.sha256, notice, replace=True)


def document_id_of_archive_path(config: DeskConfig, path: str) -> str | None:
    """The desk document an archive hit points to (an upload of this desk), else None."""
    candidate = Path(path)
    if candidate.parent != config.uploads_dir.resolve():
        return None
    return candidate.stem if len(candidate.stem) == 32 else None
