"""Header words and cell values of self-check forms, read from ``models/forms/`` (data, not code)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docproc.resources import models_dir

# Whitespace, punctuation and brackets that do not change what a header means (（单位）, 序 号, 存在问题：).
_HEADER_NOISE = re.compile(r"[\s\u3000:：,，.。、;；()（）\[\]【】<>《》\"'“”‘’/\\*＊]+")
_SPACES = re.compile(r"\s+")


def normalise_cell_text(text: str) -> str:
    """NFKC, every whitespace run removed between CJK, one space between Latin words, trimmed."""
    text = unicodedata.normalize("NFKC", text)
    text = _SPACES.sub(" ", text).strip()
    # Drop a space unless it separates two ASCII letters/digits ("No 1" keeps, "整 改" joins).
    return re.sub(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])", "", text)


def header_key(text: str) -> str:
    """A header cell's text reduced to its words (序 号 → 序号, 整改时限（月底前） → 整改时限月底前)."""
    return _HEADER_NOISE.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class HeaderLexicon:
    order: tuple[str, ...]
    exact: dict[str, frozenset[str]]
    contains: dict[str, tuple[str, ...]]

    def field_of(self, header: str) -> str | None:
        """The item field a header cell means, or None (序号 → number, 存在的主要问题 → problem)."""
        key = header_key(header)
        if not key:
            return None
        for name in self.order:
            if key in self.exact.get(name, frozenset()):
                return name
        for name in self.order:
            if any(word in key for word in self.contains.get(name, ())):
                return name
        return None


@dataclass(frozen=True)
class ValueLexicon:
    marks: dict[str, str]
    ticked_pairs: tuple[tuple[str, str], ...]
    no_problem: frozenset[str]
    pending_deadline: frozenset[str]
    ocr_mark_confusions: dict[str, str]
    choice_headers: frozenset[str]
    title_words: tuple[str, ...]

    def fix_lone_mark(self, text: str) -> str:
        """A cell whose whole text is what OCR makes of a check mark (V, J) → the mark (√)."""
        return self.ocr_mark_confusions.get(text.strip(), text)

    def is_tick(self, text: str) -> bool:
        """A cell that holds a ticked mark (√, ✓, ☑, ■), the way a choice column is filled in."""
        key = header_key(text)
        return bool(key) and self.marks.get(key) == "是" and key not in self.choice_headers

    def read_mark(self, text: str) -> str | None:
        """A cell that is only a check mark or a ticked choice → its value (√ → 是, ☑是□否 → 是)."""
        key = header_key(text)
        if not key:
            return None
        if key in self.marks:
            return self.marks[key]
        for pattern, value in self.ticked_pairs:
            if pattern in key and len(key) <= 6:
                return value
        return None


def _load(name: str) -> dict[str, Any]:
    with (models_dir() / "forms" / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@lru_cache(maxsize=1)
def header_lexicon() -> HeaderLexicon:
    data = _load("headers.json")
    fields = data["fields"]
    return HeaderLexicon(
        order=tuple(data["order"]),
        exact={
            name: frozenset(header_key(w) for w in spec.get("exact", []))
            for name, spec in fields.items()
        },
        contains={
            name: tuple(header_key(w) for w in spec.get("contains", []))
            for name, spec in fields.items()
        },
    )


@lru_cache(maxsize=1)
def value_lexicon() -> ValueLexicon:
    data = _load("values.json")
    return ValueLexicon(
        marks={header_key(k): v for k, v in data["marks"].items()},
        ticked_pairs=tuple((header_key(p), v) for p, v in data["ticked_pairs"]),
        no_problem=frozenset(normalise_cell_text(w) for w in data["no_problem"]),
        pending_deadline=frozenset(normalise_cell_text(w) for w in data["pending_deadline"]),
        ocr_mark_confusions=dict(data["ocr_mark_confusions"]),
        choice_headers=frozenset(header_key(w) for w in data["choice_headers"]),
        title_words=tuple(data["title_words"]),
    )


def is_no_problem(text: str) -> bool:
    """True for a 存在问题 answer saying there is none (无, 未发现问题, ／)."""
    value = normalise_cell_text(text).rstrip("。.")
    return value in value_lexicon().no_problem
