"""An HTML subtree as the lines a reader sees: one paragraph per line, ``<br>`` as a line break,
a data table one row per line with its cells separated by a TAB.

Block elements (``p``, ``div``, ``li``, headings, table rows …) end a line; inline elements (``span``,
``font``, ``b``, ``a``, Word's ``o:p`` …) do not. Scripts, styles, forms, media and hidden elements
(``display:none``, ``hidden``) give no text. Whitespace inside a line is normalised: runs of spaces,
tabs, newlines and no-break spaces become one space; an ideographic space (U+3000), which member
lists use to set a name apart from its post, is kept, and indentation at a line's start is dropped.

A table is a *layout* table (its cells are read as blocks) when a cell holds another table or no row
has two cells; otherwise it is a data table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml import etree

IDEOGRAPHIC_SPACE = "\u3000"
FOLDED_SPACE = " \t\n\r\f\v\xa0\u2002\u2003\u2009\u200b"  # become one ASCII space
LINE_EDGE_SPACE = FOLDED_SPACE + IDEOGRAPHIC_SPACE + "\ufeff"

SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "img", "map", "area", "audio", "video", "source", "track",
    "form", "select", "option", "optgroup", "button", "input", "textarea", "label", "head", "title",
    "meta", "link", "base",
})
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p",
    "plaintext", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "xmp",
})


def tag_of(element: etree._Element) -> str:
    """The element's lower-case tag name; '' for comments and processing instructions."""
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_hidden(element: etree._Element) -> bool:
    """Not shown by a browser: a skipped tag, the ``hidden`` attribute, or display:none."""
    if tag_of(element) in SKIP_TAGS or not isinstance(element.tag, str):
        return True
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    style = "".join((element.get("style") or "").lower().split())
    return "display:none" in style or "visibility:hidden" in style


def normalise_line(text: str) -> str:
    """Whitespace inside a line: folded runs become one space, U+3000 stays, the edges are trimmed."""
    out: list[str] = []
    pending_space = False
    for char in text:
        if char in FOLDED_SPACE:
            pending_space = True
            continue
        if char == IDEOGRAPHIC_SPACE:
            pending_space = False
            out.append(char)
            continue
        if pending_space and out and out[-1] != IDEOGRAPHIC_SPACE:
            out.append(" ")
        pending_space = False
        out.append(char)
    return "".join(out).strip(LINE_EDGE_SPACE)


class LineWriter:
    """Collects inline text and turns block boundaries and ``<br>`` into line ends."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def text(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def end_line(self) -> None:
        line = normalise_line("".join(self._parts))
        self._parts = []
        if line:
            self.lines.append(line)

    def add_line(self, line: str) -> None:
        self.end_line()
        if line.strip():
            self.lines.append(line)


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows (not those of tables nested in its cells)."""
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if tag_of(row) == "tr")


def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if tag_of(cell) in ("td", "th") and not is_hidden(cell)]


def is_layout_table(table: etree._Element) -> bool:
    """A table used to place blocks on the page rather than to hold rows of data."""
    rows = [row for row in _rows(table) if not is_hidden(row)]
    if not any(len(_cells(row)) >= 2 for row in rows):
        return True
    return any(tag_of(nested) == "table" for row in rows for cell in _cells(row) for nested in cell.iter())


def _render(element: etree._Element, writer: LineWriter) -> None:
    tag = tag_of(element)
    if tag == "br":
        writer.end_line()
    elif tag == "table" and not is_layout_table(element):
        writer.end_line()
        for row in _rows(element):
            if is_hidden(row):
                continue
            cells = [" ".join(render_lines([cell])) for cell in _cells(row)]
            if any(cells):
                writer.add_line("\t".join(cells).rstrip("\t"))
    elif not is_hidden(element):
        block = tag in BLOCK_TAGS
        if block:
            writer.end_line()
        writer.text(element.text)
        for child in element:
            _render(child, writer)
            writer.text(child.tail)
        if block:
            writer.end_line()


def render_lines(elements: Iterable[etree._Element]) -> list[str]:
    """The reading-order lines of ``elements`` (each rendered whole, one after the other)."""
    writer = LineWriter()
    for element in elements:
        _render(element, writer)
        writer.end_line()
    return writer.lines
