"""Every gold record is a valid docproc.notice/1 record and passes sanity checks on its values."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from tests.conftest import validate_record
from tests.gold.gold_cases import (
    NOTICES_DIR,
    case_text,
    case_text_path,
    gold_case_names,
    load_gold,
    parse_notice_source,
    plain_text_of_notice_source,
)

CASES = gold_case_names()
WRITTEN_CASES = sorted(path.name for path in NOTICES_DIR.iterdir() if (path / "notice.txt").is_file())
DOC_NUMBER = re.compile(r"^\S+〔\d{4}〕\d+[号號]$")
SIGNATURE_MARK = re.compile(r"^signature:", re.MULTILINE)
DATE_MARK = re.compile(r"^date:", re.MULTILINE)


def iso_dates(record: dict[str, Any]) -> list[str]:
    dates = [record.get("issue_date"), record.get("print_date")]
    dates += [phase[key] for phase in record["phases"] for key in ("start", "end")]
    dates += [deadline["date"] for deadline in record["deadlines"]]
    dates += [task.get("deadline") for task in record["tasks"]]
    return [date for date in dates if date is not None]


def test_there_are_gold_cases_for_the_seeds_the_sample_and_eight_written_notices() -> None:
    assert {"seed-000", "seed-001", "seed-003", "seed-004", "govdoc-cn-397"} <= set(CASES)
    assert len(WRITTEN_CASES) >= 8
    assert set(WRITTEN_CASES) <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_gold_validates_against_the_notice_schema(case: str) -> None:
    validate_record(load_gold(case), "notice")


@pytest.mark.parametrize("case", CASES)
def test_gold_dates_are_real_calendar_dates(case: str) -> None:
    for date in iso_dates(load_gold(case)):
        dt.date.fromisoformat(date)


@pytest.mark.parametrize("case", CASES)
def test_gold_doc_numbers_have_the_normalised_shape(case: str) -> None:
    record = load_gold(case)
    numbers = [record["doc_number"]] if record["doc_number"] else []
    numbers += [cited["number"] for cited in record["cited_documents"] if "令" not in cited["number"]]
    for number in numbers:
        assert DOC_NUMBER.match(number), number
    parts = record.get("doc_number_parts")
    if record["doc_number"] and parts:
        assert record["doc_number"] == f"{parts['agency_code']}〔{parts['year']}〕{parts['serial']}" + record["doc_number"][-1]


@pytest.mark.parametrize("case", CASES)
def test_gold_values_are_printed_in_the_text(case: str) -> None:
    """Numbers, names and contacts must occur in the text (seed 000's OCR damage aside)."""
    record = load_gold(case)
    text = "".join(case_text(case).split())
    if record["doc_number"] and case != "seed-000":
        assert record["doc_number"] in text
    for cited in record["cited_documents"]:
        assert cited["number"] in text
    for leader in record["leaders"]:
        if leader["name"]:
            assert leader["name"] in text, leader
    for contact in record["contacts"]:
        for value in [*contact["phones"], *contact["emails"], contact["fax"] or ""]:
            assert value in text, value


@pytest.mark.parametrize("case", CASES)
def test_gold_has_issuers_where_the_notice_is_signed(case: str) -> None:
    record = load_gold(case)
    source = case_text_path(case).parent / "notice.txt"
    header = source.read_text(encoding="utf-8") if source.is_file() else ""
    if SIGNATURE_MARK.search(header) or case in {"seed-001", "seed-004", "govdoc-cn-397"}:
        assert record["issuers"]
    if DATE_MARK.search(header):  # a dated signature block: 成文日期 is known
        assert record["issue_date"] is not None


@pytest.mark.parametrize("case", WRITTEN_CASES)
def test_input_text_is_the_plain_text_of_the_notice_source(case: str) -> None:
    source = parse_notice_source((NOTICES_DIR / case / "notice.txt").read_text(encoding="utf-8"))
    assert case_text(case) == plain_text_of_notice_source(source)
    assert (NOTICES_DIR / case / "README.md").is_file()
