"""Comparing two names printed differently: one inside the other in order (``区渣土办`` in
``区建筑渣土管理领导小组办公室``), and how many characters two names share in order; where the last of
some words ends in a text (the verb a clause's object follows); how many brackets a piece of text leaves open."""

from __future__ import annotations


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


def unclosed_brackets(text: str, opening: str = "（(", closing: str = "）)") -> int:
    """How many brackets ``text`` opens and does not close (negative: it closes more than it opens);
    round brackets, full-width or ASCII, unless other pairs are given (``《“`` / ``》”``)."""
    return sum(map(text.count, opening)) - sum(map(text.count, closing))
