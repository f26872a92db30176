"""What the metadata readers share: a value found with its span and rule, the non-empty lines of a
text with their offsets, and the whitespace-free form names are compared in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_WHITESPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S+")


@dataclass
class Found:
    """A value with its ``[start, end)`` in the normalised text and the rule that found it."""

    value: Any
    span: tuple[int, int]
    rule: str


@dataclass
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + raw.index(stripped[0])
            out.append(Line(start, start + len(stripped), stripped))
        position += len(raw) + 1
    return out


def compact(text: str) -> str:
    """Whitespace removed (titles, names and organs are compared without it)."""
    return _WHITESPACE.sub("", text)


def compact_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and for each of its characters the offset in ``text``."""
    offsets: list[int] = []
    for run in _NON_SPACE.finditer(text):  # (whole runs at a time: no loop per character)
        offsets.extend(range(run.start(), run.end()))
    return _WHITESPACE.sub("", text), offsets


def split_trailing_bracket(lines: list[Line], ends: tuple[str, ...], inner: re.Pattern[str], within: int) -> list[Line]:
    """The first ``within`` lines with a bracket that ends a line after one of ``ends`` and holds only
    ``inner`` split off as a line of its own (``关于印发…的通知(川发改价格〔2025〕480号)``: the title, then its
    文号), the bracket's characters left out."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        bracket = re.search(r"[（(]\s*(?P<inner>[^（）()]+?)\s*[）)]\s*$", line.text) if index < within else None
        head = line.text[: bracket.start()].rstrip() if bracket else ""
        if bracket is None or not head.endswith(ends) or not inner.fullmatch(bracket.group("inner")):
            out.append(line)
            continue
        out.append(Line(line.start, line.start + len(head), head))
        start = line.start + bracket.start("inner")
        out.append(Line(start, start + len(bracket.group("inner")), bracket.group("inner")))
    return out
