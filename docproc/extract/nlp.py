"""The spaCy pipeline of docproc: ``spacy.blank("zh")`` (character segmentation), a span ruler whose
patterns are made from docproc's vocabularies, and a registered regex component (versioned factory
name; spaCy forbids dots) for 发文字号.

Each vocabulary lives once, as data under ``models/extract/``; :func:`build_pipeline` turns them into
span-ruler patterns, and ``tools/build_spacy_pipeline.py`` saves the pipeline as the directory
``models/spacy/docproc_zh`` that :func:`load_pipeline` reads (a test checks the saved patterns equal
a fresh build). Labels and what reads them:

==================  ==============================================  =================================
label               from                                            read by
==================  ==============================================  =================================
LEADER_ROLE         ``leaders/roles.tsv``                           member lists' role labels (leaders)
SECTION_TASK        ``sections.json`` task words                    which sections hold tasks (tasks)
SECTION_NOT_TASK    ``sections.json`` not_task words                 idem
SECTION_PHASE       ``sections.json`` phase words                    which sections hold stages (phases)
DOC_NUMBER          regex ``X〔YYYY〕N号``, decree numbers          cited documents (metadata)
==================  ==============================================  =================================

Every label has a reader: group words and dates were spans once, but no rule read them (the group and date
rules find their own), so they went.

:func:`annotate` runs the pipeline line by line, so its memory is bounded by the longest line, not by
the text, over each line without its whitespace (so 组   长 is 组长), and returns :class:`TextSpans`
with offsets into the whole text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from docproc.extract.found import compact_with_offsets
from docproc.extract.leader_lexicon import default_lexicon
from docproc.extract.metadata import DECREE_NUMBER, DOC_NUMBER
from docproc.extract.outline import load_section_classes
from docproc.normalize.rules import models_dir

SPANS_KEY = "docproc"
TEXT_KEY = "docproc_text"
PIPELINE_NAME = "docproc_zh"
PATTERN_ID_VERSION = "v1"


def pipeline_dir() -> Path:
    return models_dir() / "spacy" / PIPELINE_NAME


def doc_text(doc: Doc) -> str:
    """``doc.text``, taken from ``doc.user_data`` when :func:`annotate` put it there: rebuilding it
    from the tokens costs more than all the regex components together."""
    text = doc.user_data.get(TEXT_KEY)
    return text if isinstance(text, str) else doc.text


def _regex_component(label: str, patterns: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]) -> Callable[[Doc], Doc]:
    """Spans of ``label`` where the patterns match; each pattern goes with what every match of it holds
    (``〔``, a digit), so that a line without that is not scanned."""

    def annotate_doc(doc: Doc) -> Doc:
        spans: list[Span] = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        offset = 0
        for line in doc_text(doc).split("\n"):  # each printed line alone, as if it were its own Doc
            for pattern, held in patterns:
                if held.search(line) is None:
                    continue
                for match in pattern.finditer(line):
                    span = doc.char_span(offset + match.start(), offset + match.end(), label=label,
                                         alignment_mode="expand")
                    if span is not None:
                        spans.append(span)
            offset += len(line) + 1
        doc.spans[SPANS_KEY] = spans
        return doc

    return annotate_doc


@Language.factory("docproc_doc_numbers_v1")
def make_doc_numbers(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """发文字号 X〔YYYY〕N号 and decree numbers (国务院令第N号) as ``DOC_NUMBER`` spans."""
    return _regex_component("DOC_NUMBER", ((DOC_NUMBER, re.compile("〔")), (DECREE_NUMBER, re.compile("令"))))


def vocabulary_patterns() -> list[dict[str, Any]]:
    """The span ruler's patterns, made from the vocabularies under ``models/extract/``."""
    lexicon = default_lexicon()
    sections = load_section_classes()
    patterns: list[dict[str, Any]] = []

    def add(label: str, words: tuple[str, ...] | list[str]) -> None:
        for word in sorted(set(words)):
            patterns.append({"label": label, "pattern": word, "id": f"docproc.{label.lower()}.{PATTERN_ID_VERSION}"})

    add("LEADER_ROLE", lexicon.roles)
    add("SECTION_TASK", sections.task)
    add("SECTION_NOT_TASK", sections.not_task)
    add("SECTION_PHASE", sections.phase)
    return patterns


def build_pipeline() -> Language:
    """A fresh pipeline from the vocabularies (what ``tools/build_spacy_pipeline.py`` saves)."""
    nlp = spacy.blank("zh")
    ruler: Any = nlp.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "overwrite": False})
    ruler.add_patterns(vocabulary_patterns())
    nlp.add_pipe("docproc_doc_numbers_v1")
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The saved pipeline directory, loaded once per process (built in memory if it is missing)."""
    directory = pipeline_dir()
    if (directory / "config.cfg").exists():
        return spacy.load(directory)
    return build_pipeline()


def character_doc(nlp: Language, text: str) -> Doc:
    """A Doc of one token per character (what ``blank("zh")``'s character segmentation gives for a
    text without whitespace), built directly, without the tokenizer's cost."""
    return Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))


@dataclass
class TextSpans:
    """The pipeline's spans over a whole text, by label, sorted by start."""

    by_label: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def spans(self, label: str) -> list[tuple[int, int]]:
        return self.by_label.get(label, [])

    def within(self, label: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of ``label`` lying inside ``[start, end)``."""
        spans = self.spans(label)
        first = bisect.bisect_left(spans, (start, start))
        out = []
        for span in spans[first:]:
            if span[0] >= end:
                break
            if span[1] <= end:
                out.append(span)
        return out

    def add(self, label: str, start: int, end: int) -> None:
        self.by_label.setdefault(label, []).append((start, end))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


CHUNK_CHARS = 20_000  # lines are annotated in Docs of about this many characters: few Docs, bounded memory


def annotate(text: str) -> TextSpans:
    """Run the pipeline over ``text`` line by line; the spans' offsets point into ``text``.

    Each line is annotated without its whitespace (a member list prints 组   长, a scan 穆 雷; no term
    of the vocabularies holds a space), and the spans are mapped back to the line's characters.
    Lines go to the pipeline in chunks, one ``\\n`` token between two lines: no vocabulary term
    holds one, and the regex components read each line alone, so no span crosses a line."""
    nlp = load_pipeline()
    found = TextSpans()
    lines: list[str] = []
    kept: list[int] = []  # for each character of the chunk, its offset in ``text``
    size = 0
    for offset, line in _lines(text):
        compact, line_kept = compact_with_offsets(line)
        if not line_kept:
            continue
        if lines and size + len(compact) > CHUNK_CHARS:
            _annotate_chunk(nlp, lines, kept, found)
            lines, kept, size = [], [], 0
        if lines:
            kept.append(-1)  # the line break between two lines
        lines.append(compact)
        kept.extend(offset + k for k in line_kept)
        size += len(compact) + 1
    if lines:
        _annotate_chunk(nlp, lines, kept, found)
    for spans in found.by_label.values():
        spans.sort()
    return found


def _annotate_chunk(nlp: Language, lines: list[str], kept: list[int], found: TextSpans) -> None:
    chunk = "\n".join(lines)
    doc = character_doc(nlp, chunk)
    doc.user_data[TEXT_KEY] = chunk
    for _name, component in nlp.pipeline:
        doc = component(doc)
    for span in doc.spans.get(SPANS_KEY, []):
        found.add(span.label_, kept[span.start_char], kept[span.end_char - 1] + 1)
