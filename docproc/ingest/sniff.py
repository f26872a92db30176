"""What a file really is, told by its first bytes rather than its name.

``sniff_content`` names the content; ``check_extension`` refuses a file whose extension promises a
different kind (a PNG named ``.pdf``, a ZIP named ``.pdf``, an HTML page named ``.jpg``). Image
formats are interchangeable among themselves: a PNG named ``.jpg`` is read as the PNG it is, and so
are the two kinds of text: an HTML page named ``.txt`` is read as the page it is.

An HTML page is told by its first markup: after a byte-order mark, blanks, comments (a browser's
``<!-- saved from url=… -->``) and an XML declaration, a doctype or one of the tags a page starts
with (``<html>``, ``<head>``, ``<meta>``, ``<title>``, ``<body>``, ``<div>``, ``<table>`` …).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docproc.errors import UnsupportedInputError

InputKind = Literal["pdf", "image", "text", "html"]

HEAD_BYTES = 4096


@dataclass(frozen=True)
class ContentType:
    name: str  # "pdf", "png", "jpeg", "tiff", "bmp", "webp", "gif", "text", "zip", "docx", ...
    description: str  # for messages: "a PNG image"
    kind: InputKind | None  # what docproc reads it as; None: not readable
    advice: str = ""  # what the user can do when it is not readable


_IMAGE_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png", "a PNG image"),
    (b"\xff\xd8\xff", "jpeg", "a JPEG image"),
    (b"II*\x00", "tiff", "a TIFF image"),
    (b"MM\x00*", "tiff", "a TIFF image"),
    (b"II+\x00", "tiff", "a BigTIFF image"),
    (b"MM\x00+", "tiff", "a BigTIFF image"),
    (b"BM", "bmp", "a BMP image"),
    (b"GIF87a", "gif", "a GIF image"),
    (b"GIF89a", "gif", "a GIF image"),
)

_UNREADABLE_SIGNATURES: tuple[tuple[bytes, str, str, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole", "an old Office document (DOC/XLS/WPS)",
     "save it as PDF first"),
    (b"\x1f\x8b", "gzip", "a gzip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "rar", "a RAR archive", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "7z", "a 7-Zip archive", "unpack it first"),
    (b"\x00\x00\x00\x0cjP  ", "jp2", "a JPEG 2000 image", "convert it to PNG or PDF first"),
    (b"{\\rtf", "rtf", "an RTF document", "save it as PDF or plain text first"),
)

# Extensions that promise a kind. Anything else is read by its content.
EXTENSION_KINDS: dict[str, InputKind] = {
    ".pdf": "pdf",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".jpe": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
    ".gif": "image",
    ".webp": "image",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
}

_EXTENSION_NAMES: dict[InputKind, str] = {
    "pdf": "a PDF", "image": "an image", "text": "a text file", "html": "an HTML page",
}
_KIND_EXTENSIONS: dict[InputKind, str] = {"pdf": ".pdf", "image": ".png/.jpg/.tif", "text": ".txt",
                                          "html": ".html"}
# Kinds a file named for another kind is still read as (content, promised).
_READ_AS_CONTENT: frozenset[tuple[InputKind, InputKind]] = frozenset({("html", "text")})

# The tags a web page's markup starts with (after a doctype, comments and an XML declaration).
_PAGE_START_TAGS = (b"html", b"head", b"meta", b"title", b"body", b"div", b"table", b"link", b"script",
                    b"style", b"p", b"span", b"center", b"font", b"base", b"frameset")


def _zip_content(path: Path) -> ContentType:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        names = set()
    if "word/document.xml" in names:
        return ContentType("docx", "a Word document (DOCX)", None, "save it as PDF first")
    if any(name.startswith("xl/") for name in names):
        return ContentType("xlsx", "an Excel workbook (XLSX)", None, "save it as PDF first")
    if "Contents/Content.xml" in names or any(n.startswith("Doc_") for n in names):
        return ContentType("ofd", "an OFD document", None, "export it as PDF first")
    return ContentType("zip", "a ZIP archive", None, "unpack it and pass the files inside")


def _markup_start(head: bytes) -> bytes:
    """``head`` from its first markup that is not a comment, an XML declaration or a server page's
    directive (``<%@ page … %>`` of a JSP template saved as is), lower-cased."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c").lower()
    closers = {b"<!--": b"-->", b"<?xml": b"?>", b"<%": b"%>"}
    while opener := next((o for o in closers if start.startswith(o)), None):
        end = start.find(closers[opener], len(opener))
        if end < 0:
            return b""
        start = start[end + len(closers[opener]):].lstrip(b" \t\r\n\x0c")
    return start


def looks_like_html(head: bytes) -> bool:
    """The first bytes start like a web page (UTF-16 pages are looked at as UTF-16)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            return False
    start = _markup_start(head)
    if start.startswith(b"<!doctype html"):
        return True
    if not start.startswith(b"<"):
        return False
    name = start[1:].split(maxsplit=1)[0] if len(start) > 1 else b""
    name = name.split(b">", 1)[0].split(b"/", 1)[0]
    return name in _PAGE_START_TAGS


def sniff_content(path: Path, head: bytes) -> ContentType:
    """Name the content from the file's first bytes (``head``: at least ``HEAD_BYTES`` if it has them)."""
    for signature, name, description in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return ContentType(name, description, "image")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return ContentType("webp", "a WebP image", "image")
    # The PDF header may follow a little binary junk (readers accept it within the first 1024
    # bytes); a text file that merely mentions "%PDF-" is still text.
    pdf_at = head.find(b"%PDF-", 0, 1024)
    if pdf_at == 0 or (pdf_at > 0 and any(b < 0x09 for b in head[:pdf_at])):
        return ContentType("pdf", "a PDF", "pdf")
    if head.startswith(b"PK\x03\x04"):
        return _zip_content(path)
    for signature, name, description, advice in _UNREADABLE_SIGNATURES:
        if head.startswith(signature):
            return ContentType(name, description, None, advice)
    if looks_like_html(head):
        return ContentType("html", "an HTML page", "html")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head:
        return ContentType("text", "a text file", "text")
    return ContentType("binary", "binary data of an unknown kind", None,
                       "pass a PDF, an image (PNG/JPEG/TIFF), a .txt file or a saved web page (.html)")


def check_extension(path: Path, content: ContentType) -> InputKind:
    """The kind to read ``path`` as; raises when the content is unreadable or contradicts the extension."""
    if content.kind is None:
        raise UnsupportedInputError(
            f"is {content.description}, which docproc does not read: {content.advice}",
            path=str(path),
        )
    promised = EXTENSION_KINDS.get(path.suffix.lower())
    if promised is not None and promised != content.kind and (content.kind, promised) not in _READ_AS_CONTENT:
        raise UnsupportedInputError(
            f"is named {path.suffix} but is {content.description}, not "
            f"{_EXTENSION_NAMES[promised]}: rename it to {_KIND_EXTENSIONS[content.kind]} "
            "if that is what you meant, or pass the right file",
            path=str(path),
        )
    return content.kind
