"""An archive written by an older schema (version 2) is converted when opened and finds the same
documents; the ids of the new schema rank documents by date."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from docproc.index import SearchQuery, open_store
from docproc.index.sqlite_search import date_key, year_range
from tests.conftest import FIXTURES_DIR

OLD = FIXTURES_DIR / "archive-v2"


@pytest.mark.parametrize("query", ["执法", "督", "规范化建设"])
def test_a_version_2_archive_is_converted_and_finds_the_same(tmp_path: Path, query: str) -> None:
    db = tmp_path / "archive.sqlite3"
    shutil.copy(OLD / "archive.sqlite3", db)
    store = open_store(db)
    try:
        hits = [h.to_dict() for h in store.search(SearchQuery(query))]
        stats = store.stats()
    finally:
        store.close()
    expected = json.loads((OLD / f"search-{query}.json").read_text(encoding="utf-8"))
    assert [(h["path"], h["matched"], h["page"], h["snippet"]) for h in hits] == [
        (h["path"], h["matched"], h["page"], h["snippet"]) for h in expected
    ]
    assert (stats.documents, stats.pages) == (3, 5)
    with sqlite3.connect(db) as raw:
        version = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert version == "3"
    assert not tables & {"segment_trigrams", "segment_bigrams", "documents_v2", "segments_v2"}


@pytest.mark.parametrize(
    ("issue_date", "year", "key"),
    [("2021-09-26", 2021, 20210926), ("2021-09", 2021, 20210900), (None, 2019, 20190000), (None, None, 0)],
)
def test_date_key(issue_date: str | None, year: int | None, key: int) -> None:
    assert date_key(issue_date, year) == key


def test_year_range_holds_every_segment_of_that_year_only() -> None:
    low, high = year_range(2021)
    assert low <= (20210101 << 20) * 4096 and high >= ((20211231 << 20) | 5) * 4096 + 4095
    assert low > (20201231 << 20 | 0xFFFFF) * 4096 + 4095 and high < (20220101 << 20) * 4096
