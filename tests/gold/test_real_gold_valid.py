"""Every real case's gold (fixtures/realnotices/<case>/gold.notice.json) is a valid docproc.notice/1 record: its
dates are calendar dates and its ``source`` names the case's input file by its true sha256."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import validate_record
from tests.gold.test_gold_valid import iso_dates

REAL_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "realnotices"
CASES = sorted(path.parent.name for path in REAL_DIR.glob("*/gold.notice.json"))


def _gold(case: str) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((REAL_DIR / case / "gold.notice.json").read_text(encoding="utf-8"))
    return gold


def test_there_are_real_cases() -> None:
    assert len(CASES) >= 1000


@pytest.mark.parametrize("case", CASES)
def test_real_gold_is_a_valid_notice_record_of_its_input(case: str) -> None:
    gold = _gold(case)
    validate_record(gold, "notice")
    for date in iso_dates(gold):
        dt.date.fromisoformat(date)
    source = REAL_DIR / case / gold["source"]["file"]
    assert source.is_file(), source
    assert hashlib.sha256(source.read_bytes()).hexdigest() == gold["source"]["sha256"]
