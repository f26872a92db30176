"""Receiving an upload: size limit while copying, type sniffed from the bytes, page limit, then the
original kept under ``DIR/uploads`` with a generated name and a queued job in the desk database.

The name the browser sent is only a label (shown in the inbox): it never becomes a path. Its
extension is still checked against the content, so a PNG named ``.pdf`` is refused with the same
one line the CLI gives, and an unknown extension is read by its content.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
import uuid
from pathlib import Path
from typing import BinaryIO

from docproc.errors import DocprocError, InputError
from docproc.ingest.sniff import EXTENSION_KINDS, HEAD_BYTES, check_extension, sniff_content
from docproc.web.config import DeskConfig
from docproc.web.store import DeskStore, DocumentRow, now_iso

CHUNK_BYTES = 1 << 20
# The stored file's extension, by the content sniffed.
_STORED_SUFFIX = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "tiff": ".tif", "bmp": ".bmp",
                  "gif": ".gif", "webp": ".webp", "text": ".txt", "html": ".html"}
WHOLE_FILE_CONTENTS = frozenset({"text", "html"})  # read whole, no pages to spread


class UploadRefused(InputError):
    """An upload the desk will not take: empty, too many pages."""


class UploadTooLarge(UploadRefused):
    """An upload over the desk's size limit."""


def too_large(limit: int) -> UploadTooLarge:
    return UploadTooLarge(
        f"is larger than the desk accepts ({limit / (1024 * 1024):g} MB): split it or ask the "
        "administrator to raise the limit"
    )


def display_name(filename: str | None) -> str:
    """The browser's file name as a label: its last path part, control characters removed."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[:200] or "upload"


def _copy_limited(source: BinaryIO, target: Path, limit: int) -> int:
    size = 0
    with open(target, "wb") as handle:
        while chunk := source.read(CHUNK_BYTES):
            size += len(chunk)
            if size > limit:
                raise too_large(limit)
            handle.write(chunk)
        handle.flush()
        os.fsync(handle.fileno())
    if size == 0:
        raise UploadRefused("is empty (0 bytes)")
    return size


def receive_upload(config: DeskConfig, store: DeskStore, filename: str | None, stream: BinaryIO,
                   user: str) -> DocumentRow:
    """Check and keep one uploaded file; returns its queued document row.

    Raises :class:`DocprocError` (one line, naming the file as the user called it) when refused;
    nothing is kept then.
    """
    from docproc.ingest import open_input

    label = display_name(filename)
    doc_id = uuid.uuid4().hex
    incoming = config.uploads_dir / ".incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    claimed = Path(label).suffix.lower()
    staged = incoming / (doc_id + (claimed if claimed in EXTENSION_KINDS else ""))
    try:
        size = _copy_limited(stream, staged, config.max_upload_bytes)
        with open(staged, "rb") as handle:
            content = sniff_content(staged, handle.read(HEAD_BYTES))
        check_extension(staged, content)
        with open_input(staged, dpi=72) as opened:
            pages, sha256 = opened.page_count, opened.sha256
        if pages > config.max_pages:
            raise UploadRefused(
                f"has {pages} pages; the desk takes at most {config.max_pages} per file: split it"
            )
        stored_name = doc_id + _STORED_SUFFIX.get(content.name, ".bin")
        os.replace(staged, config.uploads_dir / stored_name)
    except DocprocError as exc:
        staged.unlink(missing_ok=True)
        exc.path = label
        raise
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    row = DocumentRow(
        id=doc_id, filename=label, stored_name=stored_name, content=content.name, size=size,
        sha256=sha256, uploaded_by=user, uploaded_at=now_iso(), status="queued", error=None,
        pages=pages, pages_done=0, approved_by=None, approved_at=None,
    )
    store.add_document(row)
    return row


def clear_incoming(config: DeskConfig) -> None:
    """Remove uploads a killed server left half-received (they were never acknowledged)."""
    shutil.rmtree(config.uploads_dir / ".incoming", ignore_errors=True)
