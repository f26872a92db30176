"""The spaCy pipeline of docproc: ``spacy.blank("zh")`` (character segmentation), a span ruler whose
patterns are JSONL under ``models/spacy/patterns/``, and registered regex components (versioned factory names, e.g. ``docproc_doc_numbers_v1``; spaCy forbids dots) that map
document numbers and dates onto the Doc with ``char_span``. Loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from docproc.extract.dates import DATE_RANGE
from docproc.extract.metadata import DECREE_NUMBER, DOC_NUMBER
from docproc.normalize.rules import models_dir

SPANS_KEY = "docproc"
TEXT_KEY = "docproc_text"
PIPELINE_NAME = "docproc_zh"


def pipeline_dir() -> Path:
    return models_dir() / "spacy" / PIPELINE_NAME


def patterns_dir() -> Path:
    return models_dir() / "spacy" / "patterns"


def doc_text(doc: Doc) -> str:
    """``doc.text``, taken from ``doc.user_data`` when :func:`annotate` put it there: rebuilding it
    from the tokens costs more than all the regex components together."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text


def _regex_component(label: str, patterns: tuple[re.Pattern[str], ...]) -> Callable[[Doc], Doc]:
    def annotate(doc: Doc) -> Doc:
        spans: list[Span] = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        text = doc_text(doc)
        for pattern in patterns:
            for match in pattern.finditer(text):
                span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    return annotate


@Language.factory("docproc_doc_numbers_v1")
def make_doc_numbers(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """发文字号 X〔YYYY〕N号 and decree numbers (国务院令第N号) as ``DOC_NUMBER`` spans."""
    return _regex_component("DOC_NUMBER", (DOC_NUMBER, DECREE_NUMBER))


@Language.factory("docproc_dates_v1")
def make_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Dates and date ranges (``9月22日至9月30日``, ``6月中旬至8月底``) as ``DATE`` spans."""
    return _regex_component("DATE", (DATE_RANGE,))


def build_pipeline() -> Language:
    """A fresh pipeline from the JSONL patterns (what ``tools/build_spacy_pipeline.py`` saves)."""
    nlp = spacy.blank("zh")
    ruler: Any = nlp.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "overwrite": False})
    for path in sorted(patterns_dir().glob("*.jsonl")):
        ruler.add_patterns(list(spacy.util.srsly.read_jsonl(path)))
    nlp.add_pipe("docproc_doc_numbers_v1")
    nlp.add_pipe("docproc_dates_v1")
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The saved pipeline directory, loaded once per process (built in memory if it is missing)."""
    directory = pipeline_dir()
    if (directory / "config.cfg").exists():
        return spacy.load(directory)
    return build_pipeline()


def character_doc(nlp: Language, text: str) -> Doc:
    """What the blank ``zh`` tokenizer (character segmentation) makes of ``text``, built directly:
    one token per character, a single ASCII space after a character folded into it as trailing
    space, other whitespace a token of its own (spaCy's alignment, without its cost)."""
    words: list[str] = []
    spaces: list[bool] = []
    for char in text:
        if char == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
        elif char.isspace() and words and words[-1].isspace() and not spaces[-1]:
            words[-1] += char  # a run of whitespace is one token
        else:
            words.append(char)
            spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def annotate(text: str) -> Doc:
    """Run the pipeline on ``text``; the hits are ``doc.spans["docproc"]``."""
    nlp = load_pipeline()
    doc = character_doc(nlp, text)
    doc.user_data[TEXT_KEY] = text
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc
