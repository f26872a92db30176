"""Is a PDF page's text layer real text? If not, say why, so the page goes to OCR.

A text layer can lie in three ways that matter for Chinese notices:

* ``cid-garbage``: glyphs without a Unicode mapping. pdfminer shows them as ``(cid:1234)``; pdfium
  flags them (``FPDFText_HasUnicodeMapError``) or yields U+FFFD, private-use or control characters.
* ``garbled-text``: glyph ids read as code points (a subset font without ToUnicode): the text is
  made of Latin-extended, Greek, symbol... characters instead of Chinese, ASCII and punctuation.
* ``doubled-chars``: fake bold drawn twice, extracted as ``严严格格规规范范``.

The thresholds are fractions of the page's glyphs, so a stray bad glyph never sends a good page to OCR.
"""

from __future__ import annotations

import re
import unicodedata

CID_MARKER = re.compile(r"\(cid:\d+\)")
MIN_GLYPHS_TO_JUDGE = 8
BROKEN_GLYPH_FRACTION = 0.3  # (cid:N), U+FFFD, private use, control characters, unmapped glyphs
READABLE_FRACTION_MIN = 0.7  # of the non-space characters
DOUBLED_LETTER_FRACTION = 0.6  # of the letters (CJK included) that stand in identical pairs

# Blocks a Chinese notice is written in: CJK, ASCII, punctuation and the symbols notices use
# (①, Ⅱ, №, ℃, □, ○, →, ≤, Kangxi radicals that some fonts map ideographs to).
_READABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),
    (0x00A0, 0x00FF),
    (0x2000, 0x206F),
    (0x2100, 0x22FF),
    (0x2460, 0x24FF),
    (0x2500, 0x25FF),
    (0x2600, 0x26FF),
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3200, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)


# the same blocks as one character class: read a whole text in one pass (a loop over the ranges per character was a
# fifth of a text notice's time from file to record)
_READABLE = re.compile("[" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _READABLE_RANGES) + "]")
BLANK = re.compile(r"\s+")  # blank space: what no glyph is


def is_readable_char(char: str) -> bool:
    return _READABLE.fullmatch(char) is not None


# A broken glyph: U+FFFD, a private-use or surrogate code point, or a control character that is not blank
# space (categories Co, Cs and the Cc outside \t \n \v \f \r \x1c–\x1f \x85), one regex pass over a text.
BROKEN_GLYPH = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd"
                          "\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def broken_glyph_fraction(text: str, *, unmapped_glyphs: int = 0) -> float:
    """Fraction of the glyphs that are ``(cid:N)`` markers, broken characters or unmapped glyphs."""
    markers = len(CID_MARKER.findall(text))
    rest = CID_MARKER.sub("", text)
    total = markers + len(BLANK.sub("", rest))
    if total == 0:
        return 0.0
    broken = markers + len(BROKEN_GLYPH.findall(rest))
    return min(1.0, max(broken, unmapped_glyphs) / total)


def readable_fraction(text: str) -> float:
    glyphs = BLANK.sub("", CID_MARKER.sub("", text) if "(cid:" in text else text)
    if not glyphs:
        return 1.0
    return (len(glyphs) - len(_READABLE.sub("", glyphs))) / len(glyphs)  # (counted without a list of every match)


def doubled_letter_fraction(text: str) -> float:
    """Fraction of letters that come in identical adjacent pairs (``严严格格`` gives 1.0).

    Only letters count (CJK ideographs are letters): ``——``, ``……`` and ``2000`` are doubled by
    nature. Natural Chinese has a few reduplications (常常, 人人) but nowhere near half its letters.
    """
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    if not letters:
        return 0.0
    doubled = 0
    i = 0
    while i < len(letters) - 1:
        if letters[i] == letters[i + 1]:
            doubled += 2
            i += 2
        else:
            i += 1
    return doubled / len(letters)


def triage_text_layer(text: str, *, unmapped_glyphs: int = 0) -> str | None:
    """The reason this text layer must be OCR'd instead, or ``None`` when it is real text."""
    glyph_count = len(CID_MARKER.findall(text)) + sum(
        1 for c in CID_MARKER.sub("", text) if not c.isspace()
    )
    if glyph_count == 0:
        return "no-text-layer"
    if glyph_count < MIN_GLYPHS_TO_JUDGE:
        # Too little to judge by fractions: only an entirely broken layer is refused.
        return "cid-garbage" if broken_glyph_fraction(text, unmapped_glyphs=unmapped_glyphs) >= 1.0 else None
    if broken_glyph_fraction(text, unmapped_glyphs=unmapped_glyphs) >= BROKEN_GLYPH_FRACTION:
        return "cid-garbage"
    if readable_fraction(text) < READABLE_FRACTION_MIN:
        return "garbled-text"
    if doubled_letter_fraction(text) >= DOUBLED_LETTER_FRACTION:
        return "doubled-chars"
    return None
