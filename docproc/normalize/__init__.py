"""Clean-up of the OCR text of official documents, reversible through an offset map.

    >>> cleaned = normalize_text("沈法治发 匚⒛21〕 7号")
    >>> cleaned.text
    '沈法治发〔2021〕7号'
    >>> cleaned.to_original(0, 4)
    (0, 4)

The rules are data under ``models/normalize/`` (lexicon, confusions, character classes).
"""

from __future__ import annotations

import re

from docproc.normalize.characters import (
    correct_confusions,
    fullwidth_digits,
    fullwidth_punctuation,
    join_spaced_addresses,
    join_split_numbers,
    join_split_words,
    remove_strays,
    repair_doc_number_brackets,
    repair_years,
    spell_out_enclosed_numerals,
    tighten_spaces,
)
from docproc.normalize.lines import is_fragmented_copy, join_lines, remove_debris, tidy_blank_lines
from docproc.normalize.offsets import NormalizedText, TextEditor
from docproc.normalize.rules import CleanupRules, load_cleanup_rules

__all__ = ["NormalizedText", "normalize_text"]

_CARRIAGE_RETURN = re.compile(r"\r\n?")


def normalize_text(text: str, rules: CleanupRules | None = None) -> NormalizedText:
    """Clean ``text`` and return it with the map of every cleaned span back to ``text``."""
    rules = rules or load_cleanup_rules()
    editor = TextEditor(text)
    if "\r" in text:
        editor.sub(_CARRIAGE_RETURN, lambda m: "\n")
    fullwidth_digits(editor, rules)
    spell_out_enclosed_numerals(editor)
    join_spaced_addresses(editor, rules)
    join_split_numbers(editor, rules)
    remove_debris(editor, rules)
    repair_years(editor, rules)
    repair_doc_number_brackets(editor, rules)
    tighten_spaces(editor, rules)
    remove_strays(editor, rules)
    correct_confusions(editor, rules)
    fullwidth_punctuation(editor, rules)
    tighten_spaces(editor, rules)
    remove_strays(editor, rules)
    correct_confusions(editor, rules)
    join_split_words(editor, rules)
    if not is_fragmented_copy(editor.text):  # a copy with a line per run of a sentence is no OCR
        join_lines(editor, rules)
    tidy_blank_lines(editor)
    return editor.result()
