"""Golden regression files: the tool's own ``docproc.notice/1`` output for every gold case, through text
and through the committed OCR documents, compared exactly.

These are not the gold (``fixtures/gold/`` is hand-written and scored by ``bench/extraction.py``): they
catch *unintended* changes. After an intended change, ``DOCPROC_REGEN=1 pytest tests/golden`` rewrites
them (review the diff); ``tests/conftest.py`` fails any run that leaves DOCPROC_REGEN set.

The OCR inputs are committed so that these tests need no OCR model: ``fixtures/<case>/degraded.document.json``
(seeds) and ``fixtures/notices/<case>/degraded.document.json``, each written by
``docproc ocr -o DIR <that folder>/degraded.pdf``. When the OCR stage changes, make them again the same
way, then regenerate the golden records.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import docproc
from bench.extraction import case_folder, case_text_path, gold_cases
from docproc.extract import extract_notice
from tests.conftest import validate_record

GOLDEN_DIR = Path(__file__).resolve().parent
CASES = gold_cases()
OCR_CASES = [case for case in CASES if (case_folder(case) / "degraded.document.json").exists()]


def _input(case: str, kind: str) -> Path:
    return case_text_path(case) if kind == "text" else case_folder(case) / "degraded.document.json"


def _record(case: str, kind: str) -> dict[str, Any]:
    path = _input(case, kind)
    document = docproc.recognize(path) if kind == "text" else docproc.load(path)
    return extract_notice(document).to_dict()


def _check_golden(case: str, kind: str) -> None:
    record = _record(case, kind)
    validate_record(record, "notice")
    golden = GOLDEN_DIR / f"{case}.{kind}.notice.json"
    if os.environ.get("DOCPROC_REGEN"):
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run DOCPROC_REGEN=1 pytest tests/golden"
    assert record == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_text_input_matches_its_golden_record(case: str) -> None:
    _check_golden(case, "text")


@pytest.mark.parametrize("case", OCR_CASES)
def test_ocr_document_matches_its_golden_record(case: str) -> None:
    _check_golden(case, "ocr")


def test_every_scanned_case_has_a_committed_ocr_document() -> None:
    scanned = [case for case in CASES if (case_folder(case) / "degraded.pdf").exists()]
    assert scanned and scanned == OCR_CASES


def test_no_golden_file_is_left_over() -> None:
    expected = {f"{c}.text.notice.json" for c in CASES} | {f"{c}.ocr.notice.json" for c in OCR_CASES}
    assert {path.name for path in GOLDEN_DIR.glob("*.notice.json")} == expected
