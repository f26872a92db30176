"""Loading of the clean-up data under ``models/normalize/`` (lexicon, confusions, character classes)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from docproc.resources import models_dir

CJK_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"


@dataclass(frozen=True)
class Confusion:
    """An OCR misreading: ``wrong`` is read where the document has ``right`` ("" = a stray)."""

    wrong: str
    right: str


@dataclass(frozen=True, eq=False)
class CleanupRules:
    lexicon: frozenset[str]
    max_word_length: int
    confusions: tuple[Confusion, ...]
    stray_between_cjk: str
    debris_line_max_chars: int
    debris_run_min_lines: int
    sentence_terminators: str
    open_brackets: str
    close_brackets: str
    continuation_starts: str
    separator_line: re.Pattern[str]  # ==== 正文 ====: parts of a page, never joined across
    year_digit_confusions: dict[str, str]
    doc_number_open_brackets: str
    doc_number_close_brackets: str
    ascii_to_fullwidth: dict[str, str]


def _read_lexicon(path: Path) -> frozenset[str]:
    words: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0]
        words.update(w for w in line.split() if len(w) >= 2)
    return frozenset(words)


def _read_confusions(path: Path) -> tuple[Confusion, ...]:
    out: list[Confusion] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            item: dict[str, Any] = json.loads(raw)
            out.append(Confusion(wrong=item["wrong"], right=item["right"]))
    return tuple(out)


@lru_cache(maxsize=4)
def load_cleanup_rules(directory: Path | None = None) -> CleanupRules:
    """Read the clean-up data once per process."""
    base = directory or models_dir() / "normalize"
    lexicon = _read_lexicon(base / "lexicon.txt")
    data: dict[str, Any] = json.loads((base / "rules.json").read_text(encoding="utf-8"))
    return CleanupRules(
        lexicon=lexicon,
        max_word_length=max((len(w) for w in lexicon), default=2),
        confusions=_read_confusions(base / "confusions.jsonl"),
        stray_between_cjk=data["stray_between_cjk"],
        debris_line_max_chars=int(data["debris_line_max_chars"]),
        debris_run_min_lines=int(data["debris_run_min_lines"]),
        sentence_terminators=data["sentence_terminators"],
        open_brackets=data["open_brackets"],
        close_brackets=data["close_brackets"],
        continuation_starts=data["continuation_starts"],
        separator_line=re.compile(
            "^(?:[{0}]{{6,}}.*[{0}]{{6,}}|[{0}]{{6,}})$".format(data["separator_chars"])),
        year_digit_confusions=dict(data["year_digit_confusions"]),
        doc_number_open_brackets=data["doc_number_open_brackets"],
        doc_number_close_brackets=data["doc_number_close_brackets"],
        ascii_to_fullwidth=dict(data["ascii_to_fullwidth"]),
    )
