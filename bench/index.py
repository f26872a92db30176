"""Archive index at scale: 10,000 generated notices, indexing docs/s and search latency, SQLite and
PostgreSQL side by side.

    python -m bench.index [--docs 10000] [--queries 100] [--no-postgres] [--out bench/index.json]

Notices are generated from the fixtures' OCR'd documents (``fixtures/**/degraded.document.json``):
each copy gets other years, months, days, 文号 serial numbers and people's names (same lengths, so
every line's span and box stays valid); the first 2,000 are extracted, the rest are the same
substitutions applied to the base documents' catalogue entries (a 100,000-document archive in
minutes). Indexing = extraction (``extract_notice``) + catalogue entry
+ the store's transaction per document; the entries are built once and written to each backend.
Search: 100 queries of 1, 2, 3 and 6 characters cut from the corpus text, half with filters
(year, issuer, type), each timed end to end (SQL + hits with snippets, limit 20). For 2-character
queries SQLite's bigram side index is compared with a plain ``LIKE`` scan of the segments.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_DIR / "fixtures"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉宇浩凯鹏飞俊峰琳雪梅晨阳欣怡佳慧子涵博睿思远"
LENGTH_MIX = (1, 2, 3, 6)
TARGET_P95_MS = 50.0


def base_documents() -> list[tuple[str, dict[str, Any]]]:
    return [(p.parent.name, json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(FIXTURES_DIR.glob("**/degraded.document.json"))]


def _random_name(rng: random.Random, length: int) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(length - 1))


def vary_document(data: dict[str, Any], people: list[str], rng: random.Random,
                  year: str | None = None) -> dict[str, Any]:
    """A copy with other dates, 文号 numbers and names; every replacement keeps its length."""
    text = json.dumps(data, ensure_ascii=False)
    year = year or str(rng.randint(2012, 2025))
    text = re.sub(r"20[12]\d(?=年|〕|〔|\))", year, text)
    text = re.sub(r"(?<=年)(\d{1,2})(?=月)",
                  lambda m: str(rng.randint(1, 12)).zfill(len(m.group(1)))[-len(m.group(1)):], text)
    text = re.sub(r"(?<=月)(\d{1,2})(?=日)",
                  lambda m: str(rng.randint(1, 28)).zfill(len(m.group(1)))[-len(m.group(1)):], text)
    text = re.sub(r"(?<=〕)(\d{1,3})(?=号)",
                  lambda m: str(rng.randint(1, 10 ** len(m.group(1)) - 1)).zfill(len(m.group(1))), text)
    for name in people:
        if 2 <= len(name) <= 4:
            text = text.replace(name, _random_name(rng, len(name)))
    varied: dict[str, Any] = json.loads(text)
    return varied


EXTRACT_SAMPLE = 2000  # documents extracted for real; the rest are varied copies of their entries


def _varied_entry(entry: Any, people: list[str], rng: random.Random, path: str, sha256: str) -> Any:
    """A copy of a catalogue entry with the substitutions :func:`vary_document` makes in a
    document, and a date of the year it chose (what extraction of the varied document reads)."""
    from dataclasses import asdict

    from docproc.index import CatalogueEntry, Segment

    year = str(rng.randint(2012, 2025))
    data = vary_document(asdict(entry), people, rng, year)
    data["segments"] = [Segment(**s) for s in data["segments"]]
    varied = CatalogueEntry(**data)
    varied.path, varied.file_sha256 = path, sha256
    if entry.issue_date:
        varied.issue_date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if entry.year is not None:
        varied.year = int(year)
    return varied


def build_entries(count: int, seed: int = 20240601) -> tuple[list[Any], float]:
    """``count`` catalogue entries of varied notices, and the extraction speed in documents/s.

    The first ``EXTRACT_SAMPLE`` are varied documents extracted for real (timed); beyond that,
    entries are varied copies of the base documents' entries (the same substitutions), so a
    100,000-document archive takes minutes to generate instead of most of an hour."""
    from docproc.index.catalogue import catalogue_entry, people_of
    from docproc.model.document import Document
    from docproc.workflow import read_notice

    rng = random.Random(seed)
    bases = []
    for name, data in base_documents():
        document = Document.from_dict(data)
        notice = read_notice(document).notice
        people = people_of(notice) if notice else []
        bases.append((name, data, people, catalogue_entry(document, "", "", notice)))
    entries = []
    started = time.perf_counter()
    extracted = min(count, EXTRACT_SAMPLE)
    for number in range(count):
        name, data, people, base_entry = bases[number % len(bases)]
        path = f"/archive/{2012 + number % 14}/{name}-{number:06d}.pdf"
        if number < extracted:
            document = Document.from_dict(vary_document(data, people, rng))
            entries.append(catalogue_entry(document, path, f"{number:064x}", read_notice(document).notice))
            if number == extracted - 1:
                seconds = time.perf_counter() - started
        else:
            entries.append(_varied_entry(base_entry, people, rng, path, f"{number:064x}"))
    return entries, extracted / seconds


def make_queries(entries: list[Any], count: int, seed: int = 7) -> list[Any]:
    """Queries cut from the corpus body text: lengths 1, 2, 3, 6 in turn, every other one filtered."""
    from docproc.index import SearchQuery

    rng = random.Random(seed)
    queries = []
    while len(queries) < count:
        entry = rng.choice(entries)
        bodies = [s.text for s in entry.segments if s.kind == "body" and len(s.text) > 20]
        if not bodies:
            continue
        length = LENGTH_MIX[len(queries) % len(LENGTH_MIX)]
        body = rng.choice(bodies)
        start = rng.randrange(0, len(body) - length)
        term = body[start:start + length]
        if any(ch.isspace() or not ch.isalnum() for ch in term):
            continue
        filters: dict[str, Any] = {}
        if len(queries) % 2:
            choice = rng.choice(["year", "issuer", "type"])
            if choice == "year" and entry.year:
                filters["year"] = entry.year
            elif choice == "issuer" and entry.issuers:
                filters["issuer"] = entry.issuers[0][:4]
            elif entry.doc_type:
                filters["doc_type"] = entry.doc_type
        queries.append(SearchQuery(term, limit=20, **filters))
    return queries


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def time_searches(store: Any, queries: list[Any]) -> dict[str, Any]:
    for query in queries[:5]:  # warm the page cache
        store.search(query)
    timings: dict[int, list[float]] = {n: [] for n in LENGTH_MIX}
    hits = []
    for query in queries:
        started = time.perf_counter()
        found = store.search(query)
        timings[len(query.text)].append((time.perf_counter() - started) * 1000)
        hits.append(len(found))
    every = [t for values in timings.values() for t in values]
    return {
        "p50_ms": round(statistics.median(every), 2),
        "p95_ms": round(_percentile(every, 0.95), 2),
        "by_length_p95_ms": {str(n): round(_percentile(v, 0.95), 2) for n, v in timings.items() if v},
        "mean_hits": round(statistics.mean(hits), 1),
    }


def like_scan_p95(store: Any, queries: list[Any]) -> float | None:
    """p95 of finding the candidate documents of each 2-character query by ``LIKE`` over all
    segments, instead of the bigram index."""
    from docproc.index.text import fold

    two = [q.text for q in queries if len(q.text) == 2]
    if not two or not hasattr(store, "_db"):
        return None
    timings = []
    for term in two:
        started = time.perf_counter()
        store._db.execute(  # the same candidates the index path ranks: every matching document
            "SELECT doc_id, MAX(kind IN ('title', 'doc_number')) AS heavy FROM segments"
            " WHERE text LIKE ? GROUP BY doc_id ORDER BY heavy DESC LIMIT 80", (f"%{fold(term)}%",)
        ).fetchall()
        timings.append((time.perf_counter() - started) * 1000)
    return round(_percentile(timings, 0.95), 2)


@contextmanager
def postgres_database() -> Iterator[str | None]:
    sys.path.insert(0, str(REPO_DIR))
    from tests.index.postgres_server import postgres_bin_dir, running_postgres

    if postgres_bin_dir() is None:
        yield None
        return
    with running_postgres() as url:
        yield url


def bench_backend(name: str, db: str, entries: list[Any], extract_seconds: float,
                  queries: list[Any], like: bool) -> dict[str, Any]:
    from docproc.index import open_store

    store = open_store(db)
    started = time.perf_counter()
    for entry in entries:
        store.put(entry)
    store_seconds = time.perf_counter() - started
    if name == "postgresql":  # what autovacuum does after a bulk load: planner statistics,
        store._db.execute("VACUUM (ANALYZE)")  # visibility map for the GIN bitmap scans
    result: dict[str, Any] = {
        "backend": name,
        "documents": store.stats().documents,
        "store_docs_per_s": round(len(entries) / store_seconds, 1),
        "index_docs_per_s": round(len(entries) / (store_seconds + extract_seconds), 1),
        **time_searches(store, queries),
    }
    if like:
        result["two_char_like_scan_p95_ms"] = like_scan_p95(store, queries)
    store.close()
    return result


def run(results: dict[str, Any], *, docs: int = 10_000, queries: int = 100,
        postgres: bool = True, report: Callable[[str], None] = print) -> None:
    """Add the ``index`` section to ``results`` and print its table."""
    entries, extract_rate = build_entries(docs)
    extract_seconds = docs / extract_rate
    query_list = make_queries(entries, queries)
    rows = []
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="docproc-bench-")))
        rows.append(bench_backend("sqlite", str(folder / "archive.sqlite3"), entries, extract_seconds,
                                  query_list, like=True))
        if postgres:
            url = stack.enter_context(postgres_database())
            if url is not None:
                rows.append(bench_backend("postgresql", url, entries, extract_seconds, query_list,
                                          like=False))
    results["index"] = {
        "documents": docs,
        "queries": queries,
        "extract_docs_per_s": round(docs / extract_seconds, 1),
        "backends": rows,
        "sqlite_p95_target_ms": TARGET_P95_MS,
        "sqlite_p95_ok": rows[0]["p95_ms"] < TARGET_P95_MS,
    }
    report(f"archive index: {docs} generated notices, {queries} queries (lengths 1/2/3/6, half filtered)")
    report(f"  extraction alone: {docs / extract_seconds:.1f} docs/s")
    report(f"  {'backend':<11} {'index docs/s':>12} {'store docs/s':>12} {'p50 ms':>8} {'p95 ms':>8}"
           "  p95 by length (ms)")
    for row in rows:
        by_length = " ".join(f"{k}:{v}" for k, v in row["by_length_p95_ms"].items())
        report(f"  {row['backend']:<11} {row['index_docs_per_s']:>12} {row['store_docs_per_s']:>12}"
               f" {row['p50_ms']:>8} {row['p95_ms']:>8}  {by_length}")
    if rows[0].get("two_char_like_scan_p95_ms") is not None:
        report(f"  sqlite 2-char queries by LIKE scan instead of the bigram index: p95 "
               f"{rows[0]['two_char_like_scan_p95_ms']} ms (bigram index: {rows[0]['by_length_p95_ms']['2']} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    results: dict[str, Any] = {}
    run(results, docs=args.docs, queries=args.queries, postgres=not args.no_postgres)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
