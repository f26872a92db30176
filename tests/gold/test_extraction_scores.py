"""The scoring of bench/extraction.py on known records, and the issue-3 targets on the committed inputs:
macro F1 ≥ 0.95 through text, ≥ 0.90 through the committed OCR documents of the rendered scans."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

import docproc
from bench.extraction import (
    Score,
    case_folder,
    case_text_path,
    compare_field,
    field_items,
    gold_cases,
    load_gold,
)
from bench.scoring import detail_differences
from docproc.extract import extract_notice

# the issue-3 targets on the fixtures the first rules were written on (held-out targets: bench/extraction.py)
TEXT_TARGET, OCR_TARGET = 0.95, 0.90


def test_gold_scores_perfectly_against_itself() -> None:
    score = Score()
    for case in gold_cases():
        score.add_record(load_gold(case), load_gold(case))
    assert score.macro_f1 == 1.0


@pytest.mark.parametrize(
    ("field", "change", "counts"),
    [
        ("doc_number", lambda r: r.update(doc_number="沈法治发〔2021〕8号"), (0, 1, 1)),
        ("doc_number", lambda r: r.update(doc_number=None), (0, 0, 1)),
        ("title", lambda r: r.update(title="沈阳市助企护企执法监督\u3000专项行动工作方案"), (1, 1, 1)),
        ("phases", lambda r: r["phases"].pop(), (4, 4, 5)),
        ("phases", lambda r: r["phases"][0].update(text="其他文字"), (5, 5, 5)),
        ("tasks", lambda r: r["tasks"][0].update(title="别的标题"), (14, 15, 15)),
        ("leaders", lambda r: r["leaders"].append(dict(r["leaders"][0])), (14, 15, 14)),
    ],
)
def test_compare_field_counts_items(field: str, change: object, counts: tuple[int, int, int]) -> None:
    gold = load_gold("seed-000")
    found = copy.deepcopy(gold)
    change(found)  # type: ignore[operator]
    result = compare_field(found, gold, field)
    assert (result.matched, result.found, result.expected) == counts


def test_key_counts_and_detail_differences_name_the_sub_field_only() -> None:
    gold = load_gold("seed-000")
    found = copy.deepcopy(gold)
    found["leaders"][0]["group"] = "别的小组"
    found["tasks"][0]["owners"] = ["别的单位"]
    assert compare_field(found, gold, "leaders", key=True).matched == len(gold["leaders"])
    assert compare_field(found, gold, "leaders").matched == len(gold["leaders"]) - 1
    assert detail_differences(found, gold, "leaders") == {"group": 1}
    assert detail_differences(found, gold, "tasks") == {"owners": 1}
    assert detail_differences(gold, gold, "deadlines") == {}


def test_items_are_nfkc_without_whitespace() -> None:
    record = {"recipients": ["各镇、 办事处", "驻区执法单位"], "contacts": [
        {"name": "沈 立群", "org": None, "phones": ["0573-82061234", "１３９"], "fax": None, "emails": [], "other": None},
    ]}
    assert field_items(record, "recipients") == [("各镇、办事处",), ("驻区执法单位",)]
    assert field_items(record, "contacts") == [("沈立群", None, "0573-82061234|139", None, "", None)]


def test_text_input_reaches_the_target() -> None:
    score = Score()
    for case in gold_cases():
        score.add_record(extract_notice(docproc.recognize(case_text_path(case))).to_dict(), load_gold(case))
    assert score.macro_f1 >= TEXT_TARGET


def test_committed_ocr_documents_reach_the_target() -> None:
    score = Score()
    for case in gold_cases():
        path = case_folder(case) / "degraded.document.json"
        if path.exists():
            score.add_record(extract_notice(docproc.load(path)).to_dict(), load_gold(case))
    assert score.cases == 12
    assert score.macro_f1 >= OCR_TARGET


def test_cached_scans_only_scores_just_the_cases_whose_ocr_the_cache_holds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--cached-scans-only``: a partial scans figure over the cases already OCR'd, never an OCR run."""
    import bench.extraction as extraction
    from bench.gold_sets import cases

    own = [case for case in cases("own") if case.scan_input() is not None][:3]
    held = own[0]
    scan = held.scan_input()
    assert scan is not None
    document = docproc.recognize(held.text_input())  # stands in for the scan's OCR document
    key = hashlib.sha256(scan.read_bytes()).hexdigest()[:20]
    (tmp_path / f"{key}.document.json").write_text(json.dumps(document.to_dict(), ensure_ascii=False), encoding="utf-8")

    def no_ocr(path: Path) -> None:
        raise AssertionError(f"OCR was run on {path}")

    original = extraction.OcrCache.recognize
    monkeypatch.setattr(extraction.OcrCache, "recognize", lambda self, path, recognize: original(self, path, no_ocr))
    score = extraction.score_set(own, "scans", False, extraction.OcrCache(tmp_path), cached_only=True)
    assert score.cases == 1
    assert extraction.OcrCache(tmp_path).holds(scan)

    monkeypatch.setattr(extraction, "_RUN_DOCUMENTS", {})  # (this run's own memory forgotten too)
    results: dict[str, object] = {}  # a set with nothing cached gets no scans figure (an empty one reads as 1.0)
    extraction.run(results, sets=("own",), ocr_cache=tmp_path / "empty", extras=False, scans_cached_only=True)
    section = results["extraction"]["own"]  # type: ignore[index]
    assert "scans" not in section and section["scans_not_scored"]["scored"] == 0
