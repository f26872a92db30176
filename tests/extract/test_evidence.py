"""Per-value confidence: the rule's measured dev precision times the OCR confidence of its lines; the
values under the review threshold listed lowest first."""

from __future__ import annotations

import docproc
from docproc.extract import extract_notice
from docproc.extract.evidence import (
    UNMEASURED_RULE_PRECISION,
    EvidenceMaker,
    ReviewPolicy,
    RulePrecision,
    review_flags,
)
from docproc.extract.frame import frame_text
from docproc.model.document import Document, Line, Page, Source
from docproc.normalize import normalize_text
from tests.conftest import FIXTURES_DIR


def _scanned(lines: list[tuple[str, float]]) -> Document:
    text, page_lines, position = "", [], 0
    for index, (value, confidence) in enumerate(lines):
        page_lines.append(Line(value, (0.0, 20.0 * index, 100.0, 20.0 * index + 16), confidence,
                               (position, position + len(value))))
        text += value + "\n"
        position += len(value) + 1
    page = Page(number=1, width=595.0, height=842.0, dpi=200, text_source="ocr", lines=page_lines)
    return Document(source=Source(file="scan.pdf", sha256="0" * 64, pages=1), pages=[page], text=text)


def test_a_rules_precision_is_smoothed_towards_the_prior() -> None:
    precision = RulePrecision({"often.right.v1": (98, 100), "once.right.v1": (1, 1)})
    assert abs(precision.of("often.right.v1") - (98 + 1.5) / 102) < 1e-9
    assert precision.of("once.right.v1") < 0.9  # right once is not yet certain
    assert precision.of("never.seen.v1") == UNMEASURED_RULE_PRECISION


def test_confidence_is_rule_precision_times_the_ocr_confidence_of_the_lines() -> None:
    document = _scanned([("关于开展专项整治的通知", 0.99), ("组长：王会奇 副市长", 0.5)])
    cleaned = normalize_text(document.text)
    framed = frame_text(cleaned.text)
    maker = EvidenceMaker(document, cleaned, framed, RulePrecision({"r.v1": (9, 10)}))
    start = framed.text.index("王会奇")
    evidence = maker((start, start + 3), "r.v1")
    assert evidence.page == 1 and evidence.bbox == (0.0, 20.0, 100.0, 36.0)
    assert abs(evidence.confidence - (9 + 1.5) / 12 * 0.5) < 1e-9  # type: ignore[operator]


def test_review_lists_the_doubtful_values_lowest_first() -> None:
    notice = extract_notice(docproc.recognize(FIXTURES_DIR / "notices" / "establish-group-anyi" / "input.txt"))
    strict = review_flags(notice, RulePrecision({}), ReviewPolicy(threshold=0.9999))  # (above any measured precision: smoothed, never 1)
    assert strict and [f.confidence for f in strict] == sorted(f.confidence for f in strict)
    assert {f.field for f in strict} >= {"leaders", "title"}
    assert all("not yet measured" in f.reason for f in strict)
    assert review_flags(notice, RulePrecision({}), ReviewPolicy(threshold=0.1)) == []


def test_the_notice_of_a_text_file_carries_measured_confidences() -> None:
    notice = extract_notice(docproc.recognize(FIXTURES_DIR / "notices" / "establish-group-anyi" / "input.txt"))
    confidences = {entry.evidence.rule: entry.evidence.confidence for entry in notice.leaders if entry.evidence}
    assert len(set(confidences.values())) >= 1
    assert all(0.5 < value <= 1.0 for value in confidences.values() if value is not None)
