"""Evidence of an extracted value — page, box, character span, rule — and how sure docproc is of it.

A value's confidence is the measured precision of the rule that produced it (on the dev gold, not on
the held-out set: ``models/extract/rule_precision.json``, written by ``python -m bench.rule_precision
--write``) times the OCR confidence of the lines it was read from (1.0 for a text layer or a text file).
Values below the review threshold (``models/extract/review.json``) are listed in the notice's
``review``, lowest first, with the reason, so a reviewer looks there first.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docproc.extract.frame import FramedText
from docproc.model.document import BBox, Document
from docproc.model.notice import Evidence, Notice, ReviewFlag
from docproc.normalize import NormalizedText
from docproc.normalize.rules import models_dir

UNMEASURED_RULE_PRECISION = 0.75  # a rule the dev gold never exercised: neither trusted nor flagged blindly


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class RulePrecision:
    """Per rule id: (values right, values given) on the dev gold; smoothed towards the unmeasured prior."""

    counts: dict[str, tuple[int, int]]

    def of(self, rule: str | None) -> float:
        matched, found = self.counts.get(rule or "", (0, 0))
        # two imaginary values at the prior: a rule right 3 times of 3 is not yet certain
        return (matched + 2 * UNMEASURED_RULE_PRECISION) / (found + 2)

    def __hash__(self) -> int:
        return id(self)


@dataclass(frozen=True)
class ReviewPolicy:
    threshold: float


@lru_cache(maxsize=1)
def load_rule_precision() -> RulePrecision:
    path = models_dir() / "extract" / "rule_precision.json"
    if not path.exists():
        return RulePrecision({})
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return RulePrecision({rule: (int(v["matched"]), int(v["found"])) for rule, v in data["rules"].items()})


@lru_cache(maxsize=1)
def load_review_policy() -> ReviewPolicy:
    data = json.loads((models_dir() / "extract" / "review.json").read_text(encoding="utf-8"))
    return ReviewPolicy(threshold=float(data["threshold"]))


class _LineIndex:
    """The document's lines by character span, for locating a value and reading its OCR confidence."""

    def __init__(self, document: Document) -> None:
        self.entries = [(line.span, page.number, line.bbox, line.confidence)
                        for page, line in document.lines_with_pages() if line.span is not None]
        self.starts = [span[0] for span, *_ in self.entries]

    def locate(self, start: int, end: int) -> tuple[int | None, BBox | None, float]:
        if not self.entries:
            return None, None, 1.0
        index = max(bisect.bisect_right(self.starts, start) - 1, 0)
        page: int | None = None
        boxes: list[BBox] = []
        confidence = 1.0
        for (line_start, line_end), number, bbox, line_confidence in self.entries[index:]:
            if line_start >= max(end, start + 1):
                break
            if line_end <= start:
                continue
            if page is None:
                page = number
            if number != page:
                break
            if bbox is not None:
                boxes.append(bbox)
            if line_confidence is not None:
                confidence = min(confidence, float(line_confidence))
        if page is None:
            page = self.entries[index][1]
        if not boxes:
            return page, None, confidence
        box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        return page, box, confidence


class EvidenceMaker:
    """Evidence of a span of the framed text: mapped back through the frame and the clean-up to
    :attr:`Document.text`, located on its page, with its confidence."""

    def __init__(self, document: Document, cleaned: NormalizedText, framed: FramedText,
                 precision: RulePrecision | None = None) -> None:
        self.cleaned = cleaned
        self.framed = framed
        self.lines = _LineIndex(document)
        self.precision = precision or load_rule_precision()

    def __call__(self, span: tuple[int, int], rule: str) -> Evidence:
        return self.of_cleaned(self.framed.normalized.to_original(*span), rule)

    def of_cleaned(self, span: tuple[int, int], rule: str) -> Evidence:
        start, end = self.cleaned.to_original(*span)
        page, bbox, ocr_confidence = self.lines.locate(start, end)
        confidence = self.precision.of(rule) * ocr_confidence
        return Evidence(page=page, span=(start, end), bbox=bbox, confidence=confidence, rule=rule)


def _reason(evidence: Evidence, precision: RulePrecision) -> str:
    rule = evidence.rule or "?"
    matched, found = precision.counts.get(rule, (0, 0))
    measured = f"right {matched} of {found} times on the dev gold" if found else "not yet measured on the dev gold"
    ocr = (evidence.confidence or 0.0) / precision.of(evidence.rule)
    return f"rule {rule} was {measured}" + (f"; OCR confidence {ocr:.2f}" if ocr < 0.995 else "")


def review_flags(notice: Notice, precision: RulePrecision | None = None,
                 policy: ReviewPolicy | None = None) -> list[ReviewFlag]:
    """Values under the review threshold, lowest confidence first."""
    precision = precision or load_rule_precision()
    policy = policy or load_review_policy()
    flags: list[ReviewFlag] = []

    def consider(field: str, index: int | None, evidence: Evidence | None) -> None:
        if evidence is not None and evidence.confidence is not None and evidence.confidence < policy.threshold:
            flags.append(ReviewFlag(field, index, evidence.confidence, _reason(evidence, precision)))

    for name, evidence in notice.evidence.items():
        consider(name, None, evidence)
    for name in ("cited_documents", "leaders", "contacts", "phases", "deadlines", "tasks"):
        for index, item in enumerate(getattr(notice, name)):
            consider(name, index, item.evidence)
    flags.sort(key=lambda flag: (flag.confidence, flag.field, flag.index or 0))
    return flags
