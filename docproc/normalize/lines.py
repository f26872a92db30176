"""Line-level clean-up: seal/header debris, table-border bars, and paragraph lines re-joined.

A scan gives one text line per printed line (seed 000: 28 characters, blank lines between), and
quotation marks printed higher than the text come out as lines of their own. Lines are re-joined
when a printed line is full, when a quotation or bracket is still open, or when the next line
starts with closing punctuation; never in front of a numbered heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from docproc.normalize.offsets import Edit, TextEditor
from docproc.normalize.rules import CleanupRules

NUMBERED_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、](?!\d)"
    r"|[（(]\d{1,2}[)）]|[①-⑳]|第[一二三四五六七八九十]+(?:阶段|部分|章|条))"
)
_DATE_ALONE = re.compile(
    r"^(?:(?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日$"
)
_PUBLICATION_NOTE = re.compile(r"^[（(]此件")
_SPACES = re.compile(r"\s+")
_BAR_LINE = re.compile(r"^[ \t]*[|｜丨]+[ \t]*$")
_BLANK_AND_EDGE_SPACE = re.compile(r"\A\s+|\s+\Z|[ \t\u3000]*\n[ \t\u3000\n]*")


@dataclass
class _Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str

    @cached_property
    def width(self) -> int:
        return len(_SPACES.sub("", self.text))


def _non_blank_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = position + lead
            lines.append(_Line(start, start + len(stripped), stripped))
        position += len(raw) + 1
    return lines


def remove_debris(editor: TextEditor, rules: CleanupRules) -> int:
    """Drop runs of one- and two-character lines (a seal or red header read as a column of
    fragments) and lines made only of ``|`` bars."""
    text = editor.text
    lines = _non_blank_lines(text)
    edits: list[Edit] = []
    run: list[_Line] = []

    def flush() -> None:
        if len(run) >= rules.debris_run_min_lines:
            edits.append((run[0].start, run[-1].end, ""))
        run.clear()

    for line in lines:
        if _BAR_LINE.match(line.text):
            flush()
            edits.append((line.start, line.end, ""))
        elif line.width <= rules.debris_line_max_chars and not NUMBERED_START.match(line.text):
            run.append(line)
        else:
            flush()
    flush()
    edits.sort()
    return editor.apply(edits)


def _printed_width(lines: list[_Line]) -> int | None:
    """The width of a full printed line when the text keeps the scan's line breaks, else None."""
    widths = [ln.width for ln in lines if ln.width >= 10]
    if len(widths) < 8:
        return None
    mode, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if mode - 3 <= w <= mode + 1)
    longer = sum(1 for w in widths if w > mode + 2)
    if mode < 15 or mode > 60 or near < 0.3 * len(widths) or longer > 0.1 * len(widths):
        return None
    return mode


def _open_count(text: str, rules: CleanupRules) -> int:
    depth = 0
    for ch in text:
        if ch in rules.open_brackets:
            depth += 1
        elif ch in rules.close_brackets and depth > 0:
            depth -= 1
    return depth


def _is_heading(line: str) -> bool:
    """A numbered heading that ends with its parenthetical (``（一）动员部署阶段（9月22日至9月30日）``)."""
    return bool(NUMBERED_START.match(line)) and "。" not in line and line[-1] in "）)"


def _is_quoted_fragment(line: str, rules: CleanupRules) -> bool:
    """A line that starts a quotation left open (``“三项制度``) or is one short quoted phrase."""
    if line[0] not in rules.open_brackets:
        return False
    return _open_count(line, rules) > 0 or (line[-1] in rules.close_brackets and len(line) <= 10)


def tidy_blank_lines(editor: TextEditor) -> int:
    """Blank lines and the spaces at both ends of a line are layout, not text: drop them."""
    length = len(editor.text)

    def replace(match: re.Match[str]) -> str:
        at_edge = match.start() == 0 or match.end() == length
        return "\n" if "\n" in match.group(0) and not at_edge else ""

    return editor.sub(_BLANK_AND_EDGE_SPACE, replace)


_FULL_STOPS = "。！？!?"  # a sentence's end, past which no bracket left open carries a paragraph on
_TITLE_END = re.compile(r"的(?:紧急|补充)?(?:通知|意见|决定|批复|复函|函|通报|公告|请示)$")


def join_lines(editor: TextEditor, rules: CleanupRules) -> int:
    """Re-join the lines of a paragraph that the scan (or the text export) broke."""
    text = editor.text
    lines = _non_blank_lines(text)
    if len(lines) < 2:
        return 0
    width = _printed_width(lines)
    quotes_only = set(rules.open_brackets + rules.close_brackets + "‘’'\"")
    edits: list[Edit] = []
    logical = lines[0].text  # the paragraph built so far (for bracket balance)
    visual = lines[0].width  # characters on the current printed line
    fragmented = False  # the current printed line came in pieces (quotes on their own lines)
    for previous, current in zip(lines, lines[1:], strict=False):
        numbered = bool(NUMBERED_START.match(current.text))
        reason = None
        if _DATE_ALONE.match(previous.text) or _PUBLICATION_NOTE.match(current.text):
            reason = None  # a signature's date ends its block: （此件公开发布） is a note of its own
        elif rules.separator_line.match(previous.text) or rules.separator_line.match(current.text):
            reason = None  # ==== 正文 ====: a page's parts, whatever bracket the line above left open
        elif current.text[0] in rules.continuation_starts or set(previous.text) <= quotes_only or set(current.text) <= quotes_only:
            reason = "fragment"
        elif numbered or _TITLE_END.search(previous.text) and _open_count(logical, rules) <= 0 \
                and current.text[0] not in rules.open_brackets + "【":
            reason = None  # …（试行）》的通知 / 国网…公司、…：: a title ends its lines, the 主送 starts anew
        elif _is_quoted_fragment(current.text, rules) and previous.text[-1] not in (
            rules.sentence_terminators
        ) or previous.text[-1] in rules.open_brackets or (
            len(logical) < 400 and _open_count(logical, rules) > 0
            and previous.text[-1] not in _FULL_STOPS  # a quote left open stays in its sentence
        ):
            reason = "fragment"
        elif width is not None and previous.text[-1] not in rules.sentence_terminators:
            if visual >= width - 3 and not _is_heading(previous.text):
                reason = "full"
            elif fragmented:
                reason = "fragment"
        if reason is None:
            logical, visual, fragmented = current.text, current.width, False
            continue
        edits.append((previous.end, current.start, ""))
        logical += current.text
        if reason == "full":
            visual, fragmented = current.width, False
        else:
            visual += current.width
            fragmented = True
    return editor.apply(edits)


# A copy of a page a word processor exported sets every run of a sentence in its own element, and a
# copy of it holds a line per run (``按照`` / ``国家发展改革委…部署`` / ``要求，为`` / ``2025``). Its lines
# are not OCR lines wrapped at a page's width: join_lines leaves it alone and the extractor's frame
# joins the fragments with what it knows of a notice's layout (docproc.extract.fragments).
FRAGMENT_MAX_CHARS = 6  # a line this short without closing punctuation is a fragment …
FRAGMENTED_SHARE = 0.35  # … and a text with this share of them (of its non-empty lines) …
FRAGMENTED_MIN_LINES = 30  # … and at least this many lines is a fragmented copy
_CLOSING = "。；;！？!?：:"


def is_fragmented_copy(text: str) -> bool:
    values = ["".join(line.split()) for line in text.split("\n")]
    values = [v for v in values if v]
    if len(values) < FRAGMENTED_MIN_LINES:
        return False
    fragments = sum(1 for v in values if len(v) <= FRAGMENT_MAX_CHARS and v[-1] not in _CLOSING)
    return fragments / len(values) >= FRAGMENTED_SHARE
