"""Character error rate (CER) of recognised text against a reference transcription.

CER = Levenshtein distance / reference length, over characters, after removing all whitespace
(spaces, tabs, newlines, U+3000): line breaks and layout spacing are not recognition errors.
Nothing else is folded: NFKC would map ASCII `( ) : ,` and full-width `（ ）： ，` onto each other,
and those confusions are the commonest raw OCR error in official documents, so they must count.

The distance uses Hyyrö's bit-parallel form of Myers' algorithm on Python integers: O(n·⌈m/64⌉)
word operations, ~0.1 s for two 10,000-character texts, no extra dependency.
"""

from __future__ import annotations


def strip_whitespace(text: str) -> str:
    """The text without any whitespace character (str.split knows all Unicode spaces)."""
    return "".join(text.split())


def levenshtein_distance(first: str, second: str) -> int:
    """Edit distance (insertions, deletions, substitutions each cost 1) between two strings."""
    if len(first) < len(second):
        first, second = second, first
    if not second:
        return len(first)
    # bit i of position_masks[c] is set where second[i] == c; the column vector runs along `second`
    length = len(second)
    all_bits = (1 << length) - 1
    last_bit = 1 << (length - 1)
    position_masks: dict[str, int] = {}
    for index, char in enumerate(second):
        position_masks[char] = position_masks.get(char, 0) | (1 << index)
    plus_vertical = all_bits
    minus_vertical = 0
    distance = length
    for char in first:
        equal = position_masks.get(char, 0)
        cross_vertical = equal | minus_vertical
        cross_horizontal = ((((equal & plus_vertical) + plus_vertical) & all_bits) ^ plus_vertical) | equal
        plus_horizontal = minus_vertical | (~(cross_horizontal | plus_vertical) & all_bits)
        minus_horizontal = plus_vertical & cross_horizontal
        if plus_horizontal & last_bit:
            distance += 1
        elif minus_horizontal & last_bit:
            distance -= 1
        plus_horizontal = ((plus_horizontal << 1) | 1) & all_bits
        minus_horizontal = (minus_horizontal << 1) & all_bits
        plus_vertical = minus_horizontal | (~(cross_vertical | plus_horizontal) & all_bits)
        minus_vertical = plus_horizontal & cross_vertical
    return distance


def character_error_rate(hypothesis: str, reference: str) -> float:
    """Levenshtein distance of the whitespace-free texts divided by the reference's length.

    Raises ValueError when the reference holds no character: the rate is undefined there.
    """
    reference_chars = strip_whitespace(reference)
    if not reference_chars:
        raise ValueError("character_error_rate needs a reference with at least one non-space character")
    return levenshtein_distance(strip_whitespace(hypothesis), reference_chars) / len(reference_chars)
