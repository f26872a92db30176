"""Recall over the fixture corpus (OCR'd degraded scans), on SQLite and PostgreSQL alike.

Each row: a query with its filters, and every fixture case that must come back with the pages the
query's text is on (from the cases' reference-pN.txt). Recall must be 100%, and nothing else may
come back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.index import IndexStore, SearchHit, SearchQuery

ALL_SEED_PAGES = {"seed-000": set(range(1, 8)), "seed-001": set(range(1, 7))}

RECALL_TABLE: list[tuple[SearchQuery, dict[str, set[int]]]] = [
    # 1 character
    (SearchQuery("汛"), {"command-taskforce-changyuan": {1, 2}}),
    (SearchQuery("督", doc_type="方案", year=2023), {"owners-deadlines-deqing": {2}}),
    (SearchQuery("督", year=2024), {"month-phases-laixi": {2}, "short-stats-quanzhou": {2}}),
    # 2 characters
    (SearchQuery("整改"), {"seed-000": {6}, "seed-001": {5}, "seed-003": {3, 4}, "seed-004": {3, 4, 5, 6}}),
    (SearchQuery("台账"), {"forward-xiushui": {1}, "seed-000": {6}, "seed-001": {2, 3}, "seed-003": {3},
                         "seed-004": {3, 4}}),
    (SearchQuery("污水"), {"month-phases-laixi": {1, 2}}),
    (SearchQuery("专班"), {"command-taskforce-changyuan": {1, 2}}),
    (SearchQuery("执法", issuer="泉州"), {"short-stats-quanzhou": {1, 2}}),
    (SearchQuery("整改", year=2017), {"seed-004": {3, 4, 5, 6}}),
    # 3 characters
    (SearchQuery("王佩军"), {"seed-000": {2, 3}}),
    (SearchQuery("沈立群"), {"joint-issue-jiaxing": {2}}),
    (SearchQuery("宅基地"), {"forward-xiushui": {1}}),
    # 4 and more
    (SearchQuery("执法监督"), {"seed-000": ALL_SEED_PAGES["seed-000"], "seed-001": {1, 4, 5},
                             "seed-003": {3}, "seed-004": {2}}),
    (SearchQuery("执法监督", issuer="沈阳", year=2021, person="王佩军", doc_type="方案"),
     {"seed-000": ALL_SEED_PAGES["seed-000"]}),
    (SearchQuery("统计数据"), {"short-stats-quanzhou": {1}}),
    (SearchQuery("领导小组", doc_number="〔2022〕"), {"establish-group-anyi": {1, 2}}),
    # 5 and 6 characters
    (SearchQuery("预付式消费"), {"joint-issue-jiaxing": {1}}),
    (SearchQuery("宅基地审批"), {"forward-xiushui": {1}}),
    (SearchQuery("执法监督专项"), {"seed-000": ALL_SEED_PAGES["seed-000"]}),
    (SearchQuery("农村生活污水"), {"month-phases-laixi": {1, 2}}),
    # 文号, in the document's brackets and in ASCII ones
    (SearchQuery("沈法治发〔2021〕7号"), {"seed-000": {1}}),
    (SearchQuery("嘉市监发(2023)18号"), {"joint-issue-jiaxing": {1}}),
    # several terms: all must occur in the document, on any page
    (SearchQuery("防汛 孟庆伟"), {"command-taskforce-changyuan": {1, 2}}),
    # filters alone: a person who leads a group, an issuer of a joint issue
    (SearchQuery("", person="孟庆伟"), {"command-taskforce-changyuan": {1, 2}}),
    (SearchQuery("", issuer="嘉兴市商务局"), {"joint-issue-jiaxing": {1, 2}}),
    (SearchQuery("专项整治", issuer="商务局"), {"joint-issue-jiaxing": {1, 2}}),
]


def _case(hit: SearchHit) -> str:
    return Path(hit.path).parent.name


def _describe(query: SearchQuery) -> str:
    filters = {k: v for k, v in vars(query).items() if k not in {"text", "limit"} and v is not None}
    return f"{query.text or '∅'} {filters}" if filters else query.text


@pytest.mark.parametrize(("query", "expected"), RECALL_TABLE, ids=[_describe(q) for q, _ in RECALL_TABLE])
def test_recall_and_page(corpus_store: IndexStore, query: SearchQuery, expected: dict[str, set[int]]) -> None:
    hits = corpus_store.search(query)
    assert {_case(h): h.page for h in hits}.keys() == expected.keys()
    for hit in hits:
        assert hit.page in expected[_case(hit)], (_case(hit), hit.page)


@pytest.mark.parametrize(
    ("text", "first_case", "matched"),
    [
        ("执法监督", "seed-000", "title"),
        ("预付式消费", "joint-issue-jiaxing", "title"),
        ("嘉市监发〔2023〕18号", "joint-issue-jiaxing", "doc_number"),
        ("防汛", "command-taskforce-changyuan", "title"),
    ],
)
def test_title_and_doc_number_hits_rank_first(
    corpus_store: IndexStore, text: str, first_case: str, matched: str
) -> None:
    hits = corpus_store.search(SearchQuery(text))
    assert _case(hits[0]) == first_case
    assert hits[0].matched == matched
    assert all(h.score < hits[0].score for h in hits[1:])


def test_snippet_highlights_the_query(corpus_store: IndexStore) -> None:
    (hit,) = corpus_store.search(SearchQuery("宅基地审批"))
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["宅基地审批"]
    assert hit.doc_number == "修府办发〔2022〕63号"
    assert hit.issuers == ["修水县人民政府办公室"]
    assert hit.issue_date == "2022-09-30"


def test_person_hit_shows_the_page_text_around_the_name(corpus_store: IndexStore) -> None:
    (hit,) = corpus_store.search(SearchQuery("王佩军"))
    assert hit.matched == "body"
    assert "王佩军" in hit.snippet
    assert hit.page == 2


def test_limit_and_no_match(corpus_store: IndexStore) -> None:
    assert len(corpus_store.search(SearchQuery("督", limit=3))) == 3
    assert corpus_store.search(SearchQuery("量子纠缠")) == []
    assert corpus_store.search(SearchQuery("鬱")) == []


def test_stats_of_the_corpus(corpus_store: IndexStore) -> None:
    stats = corpus_store.stats()
    assert stats.documents == 12
    assert stats.pages == 44  # seed-004 10, seed-000 7, seed-001 6, seed-003 4, anyi 3, seven of 2
    assert stats.by_text_source == {"ocr": 12}
    assert stats.by_year["2023"] == 4
