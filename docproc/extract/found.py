"""What the metadata readers share: a value found with its span and rule, the non-empty lines of a
text with their offsets, and the whitespace-free form names are compared in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_WHITESPACE = re.compile(r"\s+")


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
