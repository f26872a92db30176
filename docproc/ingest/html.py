"""Saved web pages (``.html``/``.htm``) as docproc inputs: the page's main text, nothing around it.

``read_html_file(path)`` decodes the page (:mod:`docproc.ingest.html_decode`), parses it with lxml
(libxml2's HTML parser: forgiving, entities decoded, nothing fetched — no network, no file access
beyond the one file) and returns its main text (:mod:`docproc.ingest.html_content`) in reading order:

1. the article title (unless the body's first lines already hold it);
2. the page's metadata block, one ``label：value`` line per pair (索引号, 发布机构, 发布日期, 文号 …),
   so extraction can keep them as ``page_metadata``;
3. the body, one paragraph per line, ``<br>`` as a line break, a data table one row per line with its
   cells separated by a TAB.

Navigation, breadcrumbs, share buttons, footers, scripts and styles are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from docproc.errors import InputError, NoTextError
from docproc.ingest.html_content import PageParts, page_parts
from docproc.ingest.html_decode import decode_page

MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 200  # elements nested deeper are flattened into their ancestor (text kept, tags dropped)
METADATA_SEPARATOR = "："


@dataclass(frozen=True)
class HtmlText:
    """A page's main text and what was found on the way."""

    text: str
    encoding: str
    title: str | None
    metadata: list[tuple[str, str]]
    warnings: list[str] = field(default_factory=list)


# The attributes any stage reads; the others (inline scripts, framework bindings …) are not kept.
_KEPT_ATTRIBUTES = frozenset({"class", "id", "style", "hidden", "aria-hidden", "name", "property", "content",
                              "charset", "http-equiv"})


@lru_cache(maxsize=4096)
def _xml_name(name: str) -> str:
    """An HTML tag or attribute name as the element tree accepts it (``o:p`` → ``o-p``); '' if none."""
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in name.lower())
    return cleaned if cleaned[:1].isalpha() else ""


class _WholePageBuilder:
    """Builds the tree from the parser's events, never closing ``html`` or ``body`` before the end.

    libxml2 drops whatever follows a premature ``</html>`` from its own tree — and government pages
    whose templates close the page before the article are common — but it still reports those
    elements as events; this builder puts them into the body where a browser shows them. Elements
    nested deeper than :data:`MAX_DEPTH` are flattened (their text kept), so no page, however
    pathological, makes the tree walks recurse without bound.
    """

    _ROOTS = ("html", "body")

    def __init__(self) -> None:
        self._builder = etree.TreeBuilder()
        self._open: list[str] = []
        self._flattened: list[str] = []  # elements nested deeper than MAX_DEPTH: their text is kept

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag in self._ROOTS and tag in self._open:
            return
        if len(self._open) >= MAX_DEPTH:
            self._flattened.append(tag)
            return
        if tag == "head" and "body" in self._open:
            tag = "div"  # a second head after the body: kept as a block, its text is skipped anyway
        tag = _xml_name(tag) or "span"
        self._builder.start(tag, {name: value for name, value in attrib.items() if name in _KEPT_ATTRIBUTES})
        self._open.append(tag)

    def end(self, tag: str) -> None:
        if self._flattened and self._flattened[-1] == tag:
            self._flattened.pop()
            return
        tag = _xml_name(tag) or "span"
        if tag in self._ROOTS or tag not in self._open:
            return
        while self._open:
            closing = self._open.pop()
            self._builder.end(closing)
            if closing == tag:
                return

    def data(self, data: str) -> None:
        self._builder.data(data)

    def close(self) -> etree._Element:
        while self._open:
            self._builder.end(self._open.pop())
        return self._builder.close()


_SERVER_DIRECTIVE = re.compile(r"<%.*?%>", re.DOTALL)


def parse_html(text: str) -> etree._Element:
    """The page's element tree (libxml2's forgiving HTML parser; entities decoded, comments dropped,
    nothing loaded from the network or from files). A server page's directives (``<%@ page … %>`` of
    a JSP or ASP template saved as is) are not text."""
    text = _SERVER_DIRECTIVE.sub("", text)
    parser = etree.HTMLParser(target=_WholePageBuilder(), encoding="utf-8", remove_comments=True,
                              remove_pis=True, no_network=True)
    root = etree.fromstring(text.encode("utf-8", errors="surrogatepass"), parser)
    if root is None:
        raise ValueError("no element in the page")
    return root


def main_text(parts: PageParts) -> str:
    """Title, metadata lines and body as one text, one line each."""
    lines = [parts.title] if parts.title else []
    lines += [f"{label}{METADATA_SEPARATOR}{value}" for label, value in parts.metadata]
    return "\n".join(lines + parts.body)


def html_text(data: bytes, path: Path) -> HtmlText:
    """The main text of a page given as bytes; errors name ``path``."""
    decoded = decode_page(data)
    if decoded is None:
        raise InputError("is an HTML page that does not decode as text in its declared charset, UTF-8 or "
                         "GB18030: open it in a browser and save it again", path=str(path))
    if not decoded.text.strip():
        raise NoTextError("is an HTML page with nothing but blank space", path=str(path))
    try:
        root = parse_html(decoded.text)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"is an HTML page the parser cannot read ({error})", path=str(path)) from None
    parts = page_parts(root)
    if parts is None:
        frames = root.find(".//frameset") is not None or root.find(".//iframe") is not None
        hint = (": it shows its text in frames; open the frame's own page and save that"
                if frames else " (only navigation, scripts or an empty body)")
        raise NoTextError(f"is an HTML page with no main text to read{hint}", path=str(path))
    return HtmlText(main_text(parts), decoded.encoding, parts.title, parts.metadata, decoded.warnings)


def read_html_file(path: Path, *, size: int | None = None) -> HtmlText:
    """The main text of the saved page at ``path`` (refused above :data:`MAX_HTML_BYTES`)."""
    size = path.stat().st_size if size is None else size
    if size > MAX_HTML_BYTES:
        raise InputError(
            f"is an HTML page of {size / 1024 / 1024:.1f} MB, over the {MAX_HTML_BYTES // 1024 // 1024} MB "
            "docproc reads (a saved notice is rarely over 2 MB): save the article alone, or print it to PDF",
            path=str(path),
        )
    return html_text(path.read_bytes(), path)
