"""One width policy for recognised text: the same characters whatever the engine read.

A recogniser cannot tell a printed ASCII comma, bracket or digit from its full-width twin, and
answers one or the other from line to line (``６大区域`` next to ``2024—2026年``, ``(一)`` where the
notice prints ``（一）``). Every OCR'd line is written in one convention, that of Chinese official
documents (GB/T 15834 punctuation, GB/T 9704 layout):

* digits and Latin letters half-width: ``６`` → ``6``, ``ＡＢ`` → ``AB``, ``１．５`` → ``1.5``;
* Chinese punctuation full-width: ``, : ; ? !`` next to a Chinese character or a full-width mark
  become ``，：；？！`` (not between two digits: ``1,000``, ``8:30`` stay); a bracket pair ``( )``
  becomes ``（ ）`` when it holds Chinese text or stands next to it (``(一)``, ``(2)项``, ``省(区)``);
  a lone bracket next to Chinese text too;
* the year brackets of a 文号 are ``〔 〕``: ``中基协处分（2025）334号``, ``国办发[2024]3号`` →
  ``〔2025〕``, ``〔2024〕``.

Latin text keeps its own punctuation (``Microsoft Office (2019)``). The table of twins is the
clean-up rules' ``ascii_to_fullwidth`` (``models/normalize/rules.json``), so OCR output and the text
clean-up before extraction agree on what a full-width mark is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from docproc.normalize.rules import load_cleanup_rules

# ０-９ Ａ-Ｚ ａ-ｚ: the full-width forms NFKC maps onto ASCII
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_FULLWIDTH_POINT = re.compile(r"(?<=\d)[．。](?=\d)")
_DOC_NUMBER_YEAR = re.compile(
    r"(?<=[\u3400-\u9fff])\s*[（(\[［【〔]\s*((?:19|20)\d\d)\s*[）)\]］】〕]\s*(?=\d{1,5}\s*号)"
)
_SINGLE_MARKS = ",:;?!"
_CHINESE_QUOTES = "“”‘’—…"  # marks of Chinese text that Unicode calls ambiguous in width


def is_chinese(char: str) -> bool:
    """A Chinese character or a full-width character (punctuation, ideographic space)."""
    if not char:
        return False
    if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000":
        return True
    if char in _CHINESE_QUOTES:
        return True
    return unicodedata.east_asian_width(char) in ("W", "F") and not char.isalnum()


@lru_cache(maxsize=1)
def _to_full() -> dict[str, str]:
    return dict(load_cleanup_rules().ascii_to_fullwidth)


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest non-space character from ``index`` in direction ``step`` ('' at the ends)."""
    index += step
    while 0 <= index < len(text) and text[index] in " \t":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _bracket_pairs(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Matched ``(``/``)`` (ASCII or full-width) by position, and the unmatched ASCII ones."""
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    stack: list[int] = []
    for index, char in enumerate(text):
        if char in "(（":
            stack.append(index)
        elif char in ")）":
            if stack:
                pairs.append((stack.pop(), index))
            elif char == ")":
                lone.append(index)
    lone.extend(i for i in stack if text[i] == "(")
    return pairs, lone


def apply_width_policy(text: str) -> str:
    """``text`` (one line) in the width policy of the module docstring."""
    if not text:
        return text
    text = _FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = _FULLWIDTH_POINT.sub(".", text)
    text = _DOC_NUMBER_YEAR.sub(lambda m: f"〔{m.group(1)}〕", text)
    to_full = _to_full()
    chars = list(text)
    pairs, lone = _bracket_pairs(text)
    for opening, closing in pairs:
        if text[opening] == "（" and text[closing] == "）":
            continue
        inside = text[opening + 1 : closing]
        if (
            any(is_chinese(c) for c in inside)
            or is_chinese(_neighbour(text, opening, -1))
            or is_chinese(_neighbour(text, closing, 1))
        ):
            chars[opening], chars[closing] = "（", "）"
    for index in lone:
        if is_chinese(_neighbour(text, index, -1)) or is_chinese(_neighbour(text, index, 1)):
            chars[index] = to_full.get(text[index], text[index])
    for index, char in enumerate(text):
        if char not in _SINGLE_MARKS:
            continue
        before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
        if before.isdigit() and after.isdigit() and before.isascii() and after.isascii():
            continue
        if is_chinese(before) or is_chinese(after):
            chars[index] = to_full.get(char, char)
    return "".join(chars)
