"""Comparing two names printed differently: one inside the other in order (``区渣土办`` in
``区建筑渣土管理领导小组办公室``), and how many characters two names share in order; where the last of
some words ends in a text (the verb a clause's object follows); how many brackets a piece of text leaves open;
whether spans cover a position (in log time); words as one regex alternation."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

# How far back a rule looks from a value for what names it (a group's setting-up sentence, the teams a group
# set up): over three times the longest real notice of the gold (about 15,000 characters), so a notice is
# read whole, while a text of many notices is read in time linear in its length.
LOOK_BACK_REACH = 50_000


def in_order(short: str, full: str) -> bool:
    """Whether every character of ``short`` stands in ``full``, in the same order."""
    position = 0
    for char in short:
        position = full.find(char, position) + 1
        if position == 0:
            return False
    return True


def shared_in_order(a: str, b: str) -> int:
    """Length of the longest common subsequence of ``a`` and ``b``."""
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0]
        for index, other in enumerate(b):
            current.append(previous[index] + 1 if char == other else max(previous[index + 1], current[index]))
        previous = current
    return previous[-1]


def end_of_last(text: str, words: tuple[str, ...]) -> int | None:
    """Where the last occurrence of any of ``words`` in ``text`` ends (``将名单报送区应急局`` and 报送 → the
    index after 报送), or None when none stands in it."""
    ends = [text.rfind(word) + len(word) for word in words if word in text]
    return max(ends) if ends else None


# 岚综实财〔2012〕51号: a document's number (its issuing agency's abbreviation, year and serial)
DOC_NUMBER = re.compile(r"(?P<agency>[\u4e00-\u9fff]{1,14}?)〔(?P<year>(?:19|20)\d\d)〕(?P<serial>\d{1,5})[号號]")


# （一）, (二): the number of a section (a notice's second level), as outline's MARKER reads it
SECTION_NUMBER = r"[（(][一二三四五六七八九十]{1,3}[）)]"
BRACKETED_NUMBER = r"[（(][一二三四五六七八九十\d]{1,3}[）)]"  # （二）, （3）: an item's number in brackets


def occurrences(word: str, text: str) -> Iterator[int]:
    """Where each occurrence of ``word`` in ``text`` starts, each after the one before it (what ``re.finditer``
    of the escaped word finds, without compiling a pattern for each word)."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + max(len(word), 1))


def unclosed_brackets(text: str, opening: str = "（(", closing: str = "）)") -> int:
    """How many brackets ``text`` opens and does not close (negative: it closes more than it opens);
    round brackets, full-width or ASCII, unless other pairs are given (``《“`` / ``》”``)."""
    return sum(map(text.count, opening)) - sum(map(text.count, closing))


def last_unclosed_bracket(text: str, opening: str = "（(", closing: str = "）)") -> int:
    """Where the last bracket ``text`` opens and does not close stands (-1 when every one closes)."""
    open_at: list[int] = []
    for index, char in enumerate(text):
        if char in opening:
            open_at.append(index)
        elif char in closing and open_at:
            open_at.pop()
    return open_at[-1] if open_at else -1


def covering(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position lies inside one of ``spans`` (``lo <= position < hi``), in log time per position."""
    ordered = sorted(spans)
    starts = [lo for lo, _ in ordered]
    furthest = list(itertools.accumulate((hi for _, hi in ordered), max))  # the furthest end of the spans so far

    def covers(position: int) -> bool:
        before = bisect.bisect_right(starts, position)
        return before > 0 and furthest[before - 1] > position
    return covers


def alternation(words: Iterable[str], *, longest_first: bool = False) -> str:
    """``words`` as one regex alternation, each escaped; with ``longest_first`` deduplicated and the longest
    first (so that 工作领导小组 is tried before 领导小组), else in the vocabulary's order."""
    if longest_first:
        words = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(map(re.escape, words))
