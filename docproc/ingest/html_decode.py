"""The bytes of a saved web page to text: by its byte-order mark, its declared charset, or a fallback.

Saved government pages declare ``utf-8``, ``gb2312``, ``gbk`` or ``gb18030`` (GB2312 pages often hold
GBK characters, so every GB name is read as GB18030, the superset), and the declaration is not always
true: a crawler that stores a GB2312 page as UTF-8 keeps the old ``<meta charset>``. Order:

1. a UTF-8 or UTF-16 byte-order mark;
2. strict UTF-8 (a page with Chinese text that decodes as UTF-8 is UTF-8, whatever it declares);
3. the declared charset, strictly; then strict GB18030;
4. the declared charset (or GB18030) with a few undecodable bytes replaced, when they are few;
5. charset-normalizer's best guess.

The declaration is read by the HTML parser from the page's head (viewed as Latin-1, which any bytes
decode as): ``<meta charset>`` or ``<meta http-equiv="Content-Type" content="…; charset=…">``.
Every choice that overrides or repairs the declaration becomes a warning on the Document.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from email.message import Message

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree

HEAD_SCAN_BYTES = 64 * 1024  # saved pages put scripts and styles before the meta tag
MAX_REPLACED_FRACTION = 0.001  # undecodable bytes tolerated, of the characters decoded
MIN_REPLACED_TOLERATED = 3
_GB_FAMILY = {"gb2312", "gbk", "cp936", "gb18030", "euc_cn", "hz"}


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str  # the codec name the text was read with
    declared: str | None  # the charset the page declares, as written
    warnings: list[str] = field(default_factory=list)


def declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` tags declare (first one wins), as written; None if none."""
    head = data[:HEAD_SCAN_BYTES]
    parser = lxml.html.HTMLParser(encoding="iso-8859-1", remove_comments=True)
    try:
        root = lxml.html.document_fromstring(head, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    for meta in root.iter("meta"):
        charset = meta.get("charset")
        if charset and charset.strip():
            return charset.strip()
        if (meta.get("http-equiv") or "").strip().lower() == "content-type":
            header = Message()
            header["content-type"] = meta.get("content") or ""
            param = header.get_param("charset")
            if isinstance(param, str) and param.strip():
                return param.strip()
    return None


def _codec_name(label: str) -> str | None:
    """Python's codec for a charset label; every GB name maps to GB18030. None if unknown."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "gb18030" if name in _GB_FAMILY else name


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _lenient(data: bytes, encoding: str) -> tuple[str, int] | None:
    """The text with undecodable bytes replaced, and how many were, when they are few."""
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd")
    if replaced <= max(MIN_REPLACED_TOLERATED, MAX_REPLACED_FRACTION * len(text)):
        return text, replaced
    return None


def decode_page(data: bytes) -> DecodedPage | None:
    """The page's text and how it was decoded, or None when nothing reads it as text."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8):], "utf-8")
        return DecodedPage(text, "utf-8-sig", None) if text is not None else None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        return DecodedPage(text, "utf-16", None) if text is not None else None
    declared = declared_charset(data)
    codec = _codec_name(declared) if declared else None
    warnings: list[str] = []
    if declared and codec is None:
        warnings.append(f"the page declares an unknown charset {declared!r}")
    text = _strict(data, "utf-8")
    if text is not None:
        if codec not in (None, "utf-8", "ascii") and not text.isascii():
            warnings.append(f"the page declares charset {declared} but its bytes are UTF-8: read as UTF-8")
        return DecodedPage(text, "utf-8", declared, warnings)
    tried = [c for c in dict.fromkeys((codec, "gb18030")) if c and c != "utf-8"]
    for candidate in tried:
        text = _strict(data, candidate)
        if text is not None:
            if codec is not None and candidate != codec:
                warnings.append(f"the page declares charset {declared} but does not decode as it: "
                                f"read as {candidate.upper()}")
            return DecodedPage(text, candidate, declared, warnings)
    for candidate in tried:
        lenient = _lenient(data, candidate)
        if lenient is not None:
            text, replaced = lenient
            warnings.append(f"{replaced} undecodable byte sequence(s) as {candidate.upper()} replaced by U+FFFD")
            return DecodedPage(text, candidate, declared, warnings)
    best = from_bytes(data).best()
    if best is None:
        return None
    warnings.append(f"the page decodes neither as {declared or 'its declared charset'}, UTF-8 nor GB18030: "
                    f"read as {best.encoding} (charset-normalizer's guess)")
    return DecodedPage(str(best), best.encoding, declared, warnings)
