"""Plain-text inputs: decoded strictly, so a wrong guess never yields mojibake silently.

Order: a UTF-8 or UTF-16 byte-order mark; strict UTF-8; strict GB18030 (covers GBK and GB2312, the
encodings of Chinese Windows); then charset-normalizer's best guess. A short GBK text can also be
valid UTF-8 (``通知`` in GBK is ``\\xcd\\xa8\\xd6\\xaa``, UTF-8 for ``֪ͨ``), so a strict decoding
is taken only when it reads as text a notice is written in (CJK, ASCII, punctuation); otherwise the
most readable of the strict decodings wins. Text that decodes but is mostly control characters is
refused. Newlines become ``\\n``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from docproc.errors import EmptyInputError, InputError
from docproc.ingest.triage import BLANK, BROKEN_GLYPH, readable_fraction

MAX_BROKEN_FRACTION = 0.05
MAX_TEXT_BYTES = 20 * 1024 * 1024  # a notice's text is rarely over 100 KB; a 50 MB file is a dump
READABLE_FRACTION = 0.9


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


def detect_and_decode(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for the first encoding that decodes ``data`` strictly, else ``None``."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8):], "utf-8")
        return (text, "utf-8-sig") if text is not None else None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        return (text, "utf-16") if text is not None else None
    strict: list[tuple[str, str]] = []
    for encoding in ("utf-8", "gb18030"):
        text = _strict(data, encoding)
        if text is not None:
            if readable_fraction(text) >= READABLE_FRACTION:
                return text, encoding
            strict.append((text, encoding))
    if strict:
        return max(strict, key=lambda decoded: readable_fraction(decoded[0]))
    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path) -> tuple[str, str]:
    """The decoded text of ``path`` (newlines normalised) and the encoding it was read as; a file over
    :data:`MAX_TEXT_BYTES` is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(
            f"is a text file of {size / 1024 / 1024:.1f} MB, over the {MAX_TEXT_BYTES // 1024 // 1024} MB docproc "
            "reads as one document: split it into its documents first",
            path=str(path),
        )
    data = path.read_bytes()
    decoded = detect_and_decode(data)
    if decoded is None:
        raise InputError(
            "is not readable text in UTF-8, GB18030 or any encoding charset-normalizer knows: "
            "save it as UTF-8",
            path=str(path),
        )
    text, encoding = decoded
    visible = len(BLANK.sub("", text))  # (one regex pass each, not a loop per character)
    if not visible:
        raise EmptyInputError("is a text file with nothing but blank space", path=str(path))
    broken = len(BROKEN_GLYPH.findall(text))
    if broken / visible > MAX_BROKEN_FRACTION:
        raise InputError(
            f"does not decode as readable text ({broken} of {visible} characters are control "
            f"or unassigned characters as {encoding}): save it as UTF-8",
            path=str(path),
        )
    return normalise_newlines(text), encoding
