"""Text edited in passes while remembering where every character came from.

Each character of the edited text keeps the ``[start, end)`` range of original characters it stands
for, so a span found in the cleaned text maps back to a span of :attr:`Document.text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Edit = tuple[int, int, str]  # replace current text[start:end) by the string


@dataclass(frozen=True)
class NormalizedText:
    """Cleaned text with a map back to the original text."""

    text: str
    original_length: int
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of the cleaned span ``[start, end)``."""
        length = len(self.text)
        start = min(max(start, 0), length)
        end = min(max(end, start), length)
        if end > start:
            return self._starts[start], self._ends[end - 1]
        position = self._starts[start] if start < length else self.original_length
        return position, position

    @property
    def changed(self) -> bool:
        return len(self.text) != self.original_length or self._starts != tuple(
            range(self.original_length)
        )


class TextEditor:
    """Applies edits to a text and composes the offset map of all passes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.original_length = len(text)
        self._starts = list(range(len(text)))
        self._ends = list(range(1, len(text) + 1))

    def apply(self, edits: Iterable[Edit]) -> int:
        """Apply non-overlapping edits (sorted by start); returns how many changed the text."""
        text, old_starts, old_ends = self.text, self._starts, self._ends
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        position = 0
        applied = 0
        for start, end, replacement in edits:
            if start < position or replacement == text[start:end]:
                continue
            pieces.append(text[position:start])
            starts.extend(old_starts[position:start])
            ends.extend(old_ends[position:start])
            self._map_replacement(text[start:end], replacement, start, end, starts, ends)
            pieces.append(replacement)
            position = end
            applied += 1
        if not applied:
            return 0
        pieces.append(text[position:])
        starts.extend(old_starts[position:])
        ends.extend(old_ends[position:])
        self.text = "".join(pieces)
        self._starts, self._ends = starts, ends
        return applied

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> int:
        """Replace every match by ``replace(match)`` (``None`` keeps the match as it is)."""
        edits: list[Edit] = []
        for match in pattern.finditer(self.text):
            replacement = replace(match)
            if replacement is not None:
                edits.append((match.start(), match.end(), replacement))
        return self.apply(edits)

    def _map_replacement(
        self,
        old: str,
        new: str,
        start: int,
        end: int,
        starts: list[int],
        ends: list[int],
    ) -> None:
        if not new:
            return
        if start == end:  # insertion: stands for the position before the next character
            anchor = self._starts[start] if start < len(self._starts) else self.original_length
            starts.extend([anchor] * len(new))
            ends.extend([anchor] * len(new))
            return
        if len(old) == len(new):
            starts.extend(self._starts[start:end])
            ends.extend(self._ends[start:end])
            return
        prefix = 0
        while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < min(len(old), len(new)) - prefix
            and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]
        ):
            suffix += 1
        starts.extend(self._starts[start : start + prefix])
        ends.extend(self._ends[start : start + prefix])
        middle_new = len(new) - prefix - suffix
        if middle_new:
            mid_start = start + prefix
            mid_end = end - suffix
            if mid_end > mid_start:
                lo, hi = self._starts[mid_start], self._ends[mid_end - 1]
            else:
                lo = hi = self._starts[mid_start] if mid_start < end else self._ends[end - 1]
            starts.extend([lo] * middle_new)
            ends.extend([hi] * middle_new)
        starts.extend(self._starts[end - suffix : end])
        ends.extend(self._ends[end - suffix : end])

    def result(self) -> NormalizedText:
        return NormalizedText(
            text=self.text,
            original_length=self.original_length,
            _starts=tuple(self._starts),
            _ends=tuple(self._ends),
        )
