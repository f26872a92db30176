"""Comparing two names printed differently: one inside the other in order (``区渣土办`` in
``区建筑渣土管理领导小组办公室``), and how many characters two names share in order."""

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
