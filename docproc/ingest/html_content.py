"""Where a saved web page's main text is: the content block, the article title, the metadata block.

* **Content block**: every block element is scored by the text it holds directly (characters
  outside links); the score also counts for its parent and, halved, its grandparent, so the element
  that gathers the most paragraphs wins (readability's idea). A block's score is scaled down by the
  share of link text under it, so navigation, lists of related links and footers lose.
* **Title**: the element outside the content block, before it, whose text is the page's article title
  as the page names it (``<meta name="ArticleTitle">``, ``og:title``, or a part of ``<title>``), else
  the first ``h1``; not repeated when the content's first lines already hold it.
* **Metadata block**: ``label：value`` pairs (a table row of label and value cells, or one short
  element ``索引号：…``) inside the article (the smallest element holding title and content, or the
  content's close surroundings), outside the content block and outside containers named as page
  chrome (``models/ingest/html.json``). A label is short, a value is not empty and not a link.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from docproc.ingest.html_blocks import BLOCK_TAGS, is_hidden, normalise_line, render_lines, tag_of
from docproc.resources import models_dir

LABEL_MAX_CHARS = 10
VALUE_MAX_CHARS = 300
TITLE_SEARCH_CHARS = 300
TITLE_MAX_CHARS = 150
SIBLING_SHARE = 0.1  # a sibling of the content block holding this share of its text continues it
SIBLING_MIN_CHARS = 20
SIBLING_MAX_LINK_SHARE = 0.3  # the content's first characters searched for the title
REGION_TEXT_FACTOR = 1.5  # the article around the content holds at most this much more text …
REGION_TEXT_SLACK = 1500  # … plus this many characters
COLONS = "：:"
SENTENCE_MARKS = "。，；！？,;!?、"


@dataclass(frozen=True)
class PageCues:
    chrome_names: tuple[str, ...]  # class/id words of containers that are page chrome
    title_names: tuple[str, ...]  # class/id words of the element showing the article title
    title_separators: tuple[str, ...]  # between the article title and the site name in <title>


@lru_cache(maxsize=1)
def load_page_cues() -> PageCues:
    data = json.loads((models_dir() / "ingest" / "html.json").read_text(encoding="utf-8"))
    return PageCues(tuple(data["chrome_names"]), tuple(data["title_names"]), tuple(data["title_separators"]))


@dataclass(frozen=True)
class PageParts:
    """The parts of a page that make its main text, as lines."""

    title: str | None
    metadata: list[tuple[str, str]]
    body: list[str]


def _counted(text: str | None) -> int:
    """Characters that carry content (whitespace does not count)."""
    return sum(1 for c in text or "" if not c.isspace())


def _all_text(element: etree._Element) -> str:
    return "".join(element.itertext())


def _compact(text: str) -> str:
    return "".join(text.split())


class _TextStats:
    """Per element: content characters under it (all, and inside links)."""

    def __init__(self, root: etree._Element) -> None:
        self.total: dict[etree._Element, int] = {}
        self.linked: dict[etree._Element, int] = {}
        self.direct: dict[etree._Element, tuple[int, int]] = {}  # inline text of a block: (all, linked)
        self._walk(root, None, False)

    def _walk(self, element: etree._Element, block: etree._Element | None, in_link: bool) -> tuple[int, int]:
        tag = tag_of(element)
        if is_hidden(element):
            return 0, 0
        in_link = in_link or tag == "a"
        own_block = element if tag in BLOCK_TAGS else block
        total = linked = 0
        if own_block is not None and element is own_block:
            self.direct.setdefault(element, (0, 0))
        count = _counted(element.text)
        total += count
        linked += count if in_link else 0
        self._add_direct(own_block, count, in_link)
        for child in element:
            child_total, child_linked = self._walk(child, own_block, in_link)
            tail = _counted(child.tail)
            self._add_direct(own_block, tail, in_link)
            total += child_total + tail
            linked += child_linked + (tail if in_link else 0)
        self.total[element] = total
        self.linked[element] = linked
        return total, linked

    def _add_direct(self, block: etree._Element | None, count: int, in_link: bool) -> None:
        if block is None or not count:
            return
        all_chars, linked = self.direct.get(block, (0, 0))
        self.direct[block] = (all_chars + count, linked + (count if in_link else 0))

    def link_share(self, element: etree._Element) -> float:
        total = self.total.get(element, 0)
        return self.linked.get(element, 0) / total if total else 0.0


@dataclass(frozen=True)
class Content:
    """The main text's elements in page order: the best-scored block and the siblings that continue
    it (an attachment's table in a second ``div``); ``anchor`` is the block, or their parent."""

    elements: tuple[etree._Element, ...]
    anchor: etree._Element

    def holds(self, element: etree._Element) -> bool:
        chain = {id(element), *(id(a) for a in element.iterancestors())}
        return any(id(e) in chain for e in self.elements)

    def text_chars(self, stats: _TextStats) -> int:
        return sum(stats.total.get(e, 0) - stats.linked.get(e, 0) for e in self.elements)


def find_content(body: etree._Element, stats: _TextStats) -> Content | None:
    """The elements holding the page's main text, or None when the page has none.

    The best-scored block, and the block siblings after it that hold text of their own (not links):
    the body continues downwards (an attachment's table in the next ``div``); what stands before it is
    the title and the metadata block.
    """
    scores: dict[etree._Element, float] = {}
    for block, (all_chars, linked) in stats.direct.items():
        own = all_chars - linked
        if own <= 0:
            continue
        scores[block] = scores.get(block, 0.0) + own
        parent = block.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + own
            grandparent = parent.getparent()
            if grandparent is not None:
                scores[grandparent] = scores.get(grandparent, 0.0) + own / 2
    if not scores:
        return None
    depth = {element: sum(1 for _ in element.iterancestors()) for element in scores}
    best = max(scores, key=lambda e: (scores[e] * (1.0 - stats.link_share(e)), depth[e]))
    parent = best.getparent()
    if parent is None or tag_of(best) in ("body", "html"):
        return Content((best,), best)
    best_chars = stats.total.get(best, 0) - stats.linked.get(best, 0)
    floor = max(SIBLING_MIN_CHARS, SIBLING_SHARE * best_chars)
    elements = (best, *(
        sibling for sibling in best.itersiblings()
        if isinstance(sibling.tag, str) and not is_hidden(sibling) and tag_of(sibling) in BLOCK_TAGS
        and stats.link_share(sibling) < SIBLING_MAX_LINK_SHARE
        and stats.total.get(sibling, 0) - stats.linked.get(sibling, 0) >= floor
    ))
    return Content(elements, best if len(elements) == 1 else parent)


def _title_candidates(root: etree._Element, cues: PageCues) -> list[str]:
    """The article title as the page's head names it: meta tags first, then parts of <title>."""
    out: list[str] = []
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        if name in ("articletitle", "og:title", "title") and meta.get("content"):
            out.append(_compact(meta.get("content") or ""))
    for title in root.iter("title"):
        parts = [_all_text(title)]
        for separator in cues.title_separators:
            parts = [piece for part in parts for piece in part.split(separator)]
        out.extend(_compact(part) for part in parts)
    return [c for c in dict.fromkeys(out) if len(c) >= 4]


def _inside(element: etree._Element, container: etree._Element) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _chrome(element: etree._Element, region: etree._Element, cues: PageCues) -> bool:
    """The element, or one of its ancestors below ``region``, is named (class/id) or tagged as page
    chrome."""
    for node in (element, *element.iterancestors()):
        if node is region:
            return False
        if tag_of(node) in ("nav", "header", "footer", "aside"):
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if names.strip() and any(word in names for word in cues.chrome_names):
            return True
    return False


def _named(element: etree._Element, words: tuple[str, ...]) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(names.strip()) and any(word in names for word in words)


def _near(element: etree._Element, content: Content, stats: _TextStats) -> bool:
    """``element`` and the content share an ancestor holding little more text than the content."""
    ancestors = {id(a) for a in element.iterancestors()}
    limit = content.text_chars(stats) * REGION_TEXT_FACTOR + REGION_TEXT_SLACK
    for node in content.anchor.iterancestors():
        if id(node) in ancestors:
            return stats.total.get(node, 0) - stats.linked.get(node, 0) <= limit
    return False


def find_title(root: etree._Element, body: etree._Element, content: Content, stats: _TextStats,
               cues: PageCues) -> tuple[str | None, etree._Element | None]:
    """The article title and the element showing it (None when only the head names it).

    In order: the element before the content whose text the head names as the title (the closest);
    the closest heading (``h1``–``h3``, or an element named as a title) near the content; the
    ``ArticleTitle`` meta tag.
    """
    candidates = _title_candidates(root, cues)
    shown: etree._Element | None = None
    heading: etree._Element | None = None
    for element in body.iter():
        if element is content.elements[0]:
            break
        if not isinstance(element.tag, str) or is_hidden(element) or content.holds(element):
            continue
        if tag_of(element) == "a" or any(tag_of(a) == "a" for a in element.iterancestors()):
            continue
        text = _compact(_all_text(element))
        if not text or any(c in text for c in COLONS):
            continue
        if text in candidates:
            shown = element
        elif (tag_of(element) in ("h1", "h2", "h3") or _named(element, cues.title_names)) and \
                len(text) <= TITLE_MAX_CHARS and stats.link_share(element) == 0:
            heading = element
    if shown is None and heading is not None and _near(heading, content, stats):
        shown = heading
    if shown is not None:
        return normalise_line(" ".join(render_lines([shown]))), shown
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle" and (meta.get("content") or "").strip():
            return normalise_line(meta.get("content") or ""), None
    return None, None


def _article_region(content: Content, title: etree._Element | None, stats: _TextStats) -> etree._Element:
    """Where the metadata block may be: the content's surroundings up to where the text grows well
    beyond the content's own, and at least the smallest element holding title and content."""
    limit = content.text_chars(stats) * REGION_TEXT_FACTOR + REGION_TEXT_SLACK
    region = content.anchor
    for node in content.anchor.iterancestors():
        own = stats.total.get(node, 0) - stats.linked.get(node, 0)
        if own > limit or tag_of(node) == "html":
            break
        region = node
    if title is not None:
        inside_region = {id(a) for a in (region, *region.iterancestors())}
        for node in title.iterancestors():
            if _inside(content.anchor, node):
                return node if id(node) in inside_region else region
    return region


def _label(text: str) -> str | None:
    """``text`` as a metadata label (``索 引 号：`` → ``索引号``), or None if it is not one."""
    stripped = text.strip()
    if not stripped or stripped[-1] not in COLONS:
        return None
    label = _compact(stripped[:-1])
    if not 1 <= len(label) <= LABEL_MAX_CHARS or any(c in SENTENCE_MARKS or c in COLONS for c in label):
        return None
    return label if any("\u3400" <= c <= "\u9fff" for c in label) else None


def _value(element: etree._Element) -> str | None:
    text = normalise_line(" ".join(render_lines([element])))
    return text if text and len(text) <= VALUE_MAX_CHARS else None


def _split_pair(text: str) -> tuple[str, str] | None:
    """``索引号：000014349/2018-00222`` → (索引号, 000014349/2018-00222)."""
    cut = min((i for i in (text.find(c) for c in COLONS) if i > 0), default=-1)
    if cut < 0:
        return None
    label = _label(text[: cut + 1])
    value = normalise_line(text[cut + 1:])
    return (label, value) if label and value else None


def _row_pairs(row: etree._Element) -> list[tuple[str, str]]:
    cells = [c for c in row if tag_of(c) in ("td", "th") and not is_hidden(c)]
    pairs: list[tuple[str, str]] = []
    for index, cell in enumerate(cells[:-1]):
        label = _label(normalise_line(" ".join(render_lines([cell]))))
        if label:
            value = _value(cells[index + 1])
            if value and _label(value) is None:
                pairs.append((label, value))
    return pairs


def _element_pairs(element: etree._Element) -> list[tuple[str, str]]:
    """The pairs of an element without blocks inside: its children's own pairs when they hold some
    (``<span>来源：…</span><span>时间：…</span>``), else the element's."""
    pairs = [pair for child in element if isinstance(child.tag, str) and not is_hidden(child)
             for pair in _element_pairs(child)]
    if pairs:
        return pairs
    pair = _element_pair(element)
    return [pair] if pair else []


def _element_pair(element: etree._Element) -> tuple[str, str] | None:
    """One element reading ``label：value``; a value made of several links is a trail, not a value."""
    lines = render_lines([element])
    if len(lines) != 1 or sum(1 for d in element.iter("a")) > 1:
        return None
    return _split_pair(lines[0])


def find_metadata(region: etree._Element, content: Content, cues: PageCues) -> list[tuple[str, str]]:
    """The ``label：value`` pairs of the article's metadata block, in page order, first of each label.

    Pairs come from table rows (label cell, value cell, …) and from the smallest elements holding a
    colon (``<li>索引号：…</li>``, ``<span>时间：…</span>``); an element read as a pair is not read again
    through its descendants.
    """
    found: dict[str, str] = {}
    done: set[int] = set()
    for element in region.iter():
        if not isinstance(element.tag, str) or any(id(a) in done for a in element.iterancestors()):
            continue
        if element in content.elements or is_hidden(element) or _chrome(element, region, cues):
            done.add(id(element))
            continue
        tag = tag_of(element)
        pairs: list[tuple[str, str]] = []
        if tag == "tr":
            pairs = _row_pairs(element)
        elif (tag in _PAIR_TAGS and not any(tag_of(d) in BLOCK_TAGS for d in element.iterdescendants())
              and any(c in _all_text(element) for c in COLONS)):
            pairs = _element_pairs(element)
            done.add(id(element))
        if pairs:
            done.add(id(element))
        for label, value in pairs:
            found.setdefault(label, value)
    return list(found.items())


_PAIR_TAGS = frozenset({"li", "p", "span", "dd", "dt", "div", "td", "font", "b", "strong", "em", "h4", "h5",
                        "h6"})


HEADER_MAX_ELEMENTS = 4
# a notice's own header lines: its 文号 (临政办函[2013]89号) or a title (…关于…的通知)
_HEADER_LINE = re.compile(r"[〔\[【(（]\s*(?:19|20)\d\d\s*[〕\]】)）]\s*\d{1,5}\s*号$"
                          r"|关于.{2,120}(?:通知|通报|决定|意见|方案|办法|规定|批复|函|报告|请示|公告|通告)$")


def _emphasised(element: etree._Element) -> bool:
    """Centred (``align=center``, ``text-align: center``), a heading, or all in bold."""
    if (element.get("align") or "").lower() == "center" or "center" in (element.get("style") or "").replace(" ", ""):
        return True
    if tag_of(element) in ("h1", "h2", "h3", "center"):
        return True
    text = _compact(_all_text(element))
    bold = "".join(_compact(_all_text(b)) for b in element.iter() if tag_of(b) in ("strong", "b"))
    return bool(text) and bold == text


def _header_before(content: Content, stats: _TextStats) -> list[etree._Element]:
    """The short emphasised blocks standing right before the content block (a 文号 and a title the
    page set as centred paragraphs), in page order; stops at links, sentences and long text."""
    out: list[etree._Element] = []
    start = content.elements[0]
    while not any(isinstance(s.tag, str) and _compact(_all_text(s)) for s in start.itersiblings(preceding=True)):
        parent = start.getparent()  # <div><ul>…: the list's own box has nothing before it
        if parent is None or tag_of(parent) in ("body", "html"):
            break
        start = parent
    for sibling in start.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str) or is_hidden(sibling) or tag_of(sibling) not in BLOCK_TAGS:
            continue
        text = _compact(_all_text(sibling))
        if not text:
            continue
        if (stats.link_share(sibling) > 0 or len(text) > TITLE_MAX_CHARS or any(m in text for m in "。；;")
                or not (_emphasised(sibling) or _HEADER_LINE.search(text))):
            break
        out.append(sibling)
        if len(out) == HEADER_MAX_ELEMENTS:
            break
    return list(reversed(out))


def page_parts(root: etree._Element) -> PageParts | None:
    """Title, metadata and body lines of a parsed page; None when it has no main text."""
    cues = load_page_cues()
    body = root.find("body")
    if body is None:
        body = root
    stats = _TextStats(body)
    content = find_content(body, stats)
    if content is None:
        return None
    lines = render_lines(content.elements)
    if not lines:
        return None
    title, title_element = find_title(root, body, content, stats, cues)
    if title is None:  # a page without <title>: the centred or bold lines right above the content
        header = _header_before(content, stats)
        if header:
            lines = render_lines([*header, *content.elements])
    if title and _compact(title) in _compact("".join(lines))[: TITLE_SEARCH_CHARS + len(_compact(title))]:
        title = None
    region = _article_region(content, title_element, stats)
    metadata = find_metadata(region, content, cues)
    return PageParts(title, metadata, lines)
