"""Text as the archive index sees it: folded characters, page text, n-gram keys and snippets.

Chinese has no spaces between words, so the index matches substrings, not words. Folding is one
character to one (full-width to ASCII, every kind of 文号 bracket to ``(`` ``)``), so an offset in
folded text is the same offset in the original and a snippet can show the original characters.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docproc.resources import models_dir


@lru_cache(maxsize=1)
def index_settings() -> dict[str, Any]:
    """``models/index/search.json``: fold table, kind weights, walked suffixes, snippet size."""
    data: dict[str, Any] = json.loads((models_dir() / "index" / "search.json").read_text(encoding="utf-8"))
    return data


def _fold_char(ch: str, table: dict[str, str]) -> str:
    if ch in table:
        return table[ch]
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) == 1:
        ch = folded
    mapped = table.get(ch, ch)
    lowered = mapped.lower()
    return lowered if len(lowered) == 1 else mapped


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """``str.translate`` table of every Basic Multilingual Plane character that folds to another."""
    table: dict[str, str] = index_settings()["fold"]
    changes: dict[int, str] = {}
    for code in range(0x10000):
        if 0x4E00 <= code <= 0x9FFF or 0xAC00 <= code <= 0xDFFF:
            continue  # unified ideographs, Hangul syllables (NFKC-stable, no case), surrogates
        ch = chr(code)
        folded = _fold_char(ch, table)
        if folded != ch:
            changes[code] = folded
    return changes


@lru_cache(maxsize=1)
def _fold_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One character class of every character that folds (far faster than ``str.translate``
    over Chinese text, where few characters change), and what each becomes."""
    replacements = {chr(code): folded for code, folded in _fold_table().items()}
    ranges: list[list[int]] = []
    for code in sorted(_fold_table()):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    members = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    return re.compile(f"[{members}]"), replacements


def fold(text: str) -> str:
    """The text with each character folded; ``len(fold(t)) == len(t)`` always."""
    pattern, replacements = _fold_pattern()
    return pattern.sub(lambda match: replacements[match.group()], text)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def join_lines(lines: Iterable[str]) -> str:
    """Lines of a page as one text: no separator inside Chinese (a wrapped word stays whole),
    a space between two ASCII words, so a search never depends on where a line was wrapped."""
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts and _is_word_char(parts[-1][-1]) and _is_word_char(line[0]):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def query_terms(query: str) -> list[str]:
    """The folded terms of a query: whitespace separates terms that must all occur."""
    seen: list[str] = []
    for term in fold(query).split():
        if term and term not in seen:
            seen.append(term)
    return seen


def gram_key(gram: str) -> str:
    """A 1- or 2-character gram as an ASCII word (``整改`` → ``g006574g006539``).

    The bigram side index stores these keys, so a tokenizer that splits on punctuation or keeps a
    run of Chinese as one token cannot get in the way: every key is one token.
    """
    return "".join(f"g{ord(ch):06x}" for ch in gram)


def _runs(text: str) -> list[str]:
    return text.split()


def gram_document(text: str) -> str:
    """The keys of every distinct character and bigram of ``text`` (within runs of non-space
    characters), as the SQLite side index stores them for a segment.

    A 1-character query is that character's key, a 2-character query its bigram's key: one exact
    token each, so neither needs a prefix scan. Each key is listed once (the index answers "does the
    segment hold it"; occurrences are counted later, on the few candidates). No bigram spans a
    space, so ``整 改`` is not found by ``整改``.
    """
    return " ".join(gram_key(gram) for gram in distinct_grams(text))


def distinct_grams(text: str) -> list[str]:
    """Every distinct character and bigram (within runs of non-space characters) of ``text``.

    For a term of 1 or 2 characters, holding its gram is the same as containing it."""
    grams: set[str] = set()
    for run in _runs(text):
        grams.update(run)
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    return sorted(grams)


def query_grams(term: str) -> list[str]:
    """The grams a text must hold to contain ``term``: its bigrams, or the character itself."""
    chars = [ch for ch in term if not ch.isspace()]
    if len(chars) == 1:
        return chars
    return sorted({chars[i] + chars[i + 1] for i in range(len(chars) - 1)})


@dataclass(frozen=True)
class Snippet:
    """A window of the original text around the first match, with the matches' offsets in it."""

    text: str
    highlights: tuple[tuple[int, int], ...]

    def marked(self, start: str = "[", end: str = "]") -> str:
        out: list[str] = []
        position = 0
        for a, b in self.highlights:
            out.append(self.text[position:a] + start + self.text[a:b] + end)
            position = b
        out.append(self.text[position:])
        return "".join(out)


def make_snippet(original: str, terms: Sequence[str], width: int | None = None) -> Snippet:
    """About ``width`` characters of ``original`` around its first match of any term."""
    width = width or int(index_settings()["snippet_chars"])
    folded = fold(original)
    hits = sorted(
        (pos, pos + len(term))
        for term in terms
        for pos in _positions(folded, term)
    )
    if not hits:
        return Snippet(original[:width], ())
    first = hits[0][0]
    start = max(0, first - width // 3)
    end = min(len(original), max(start + width, hits[0][1]))
    highlights: list[tuple[int, int]] = []
    for a, b in hits:
        if a < start or b > end or (highlights and a < highlights[-1][1]):
            continue
        highlights.append((a - start, b - start))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(original) else ""
    shift = len(prefix)
    return Snippet(
        prefix + original[start:end] + suffix,
        tuple((a + shift, b + shift) for a, b in highlights),
    )


def _positions(text: str, term: str) -> Iterable[int]:
    position = text.find(term)
    while position >= 0:
        yield position
        position = text.find(term, position + len(term))
