"""Finding the best documents for a query in the SQLite archive without reading every match.

Two facts make a one-term search stop early:

- each kind of segment (title, 文号, issuers, people, page text) has its own FTS5 tables, so the
  matches of one kind can be read on their own, heaviest kind first;
- a document's id is its rank by date (``date_key << 20 | sequence``, see :func:`document_key`) and a
  segment's rowid is ``id × 4096 + slot``, so FTS5 hands out a kind's matches newest first just by
  walking its rowids downwards (``ORDER BY rowid DESC`` is the index's own order, no sort).

Reading kinds by weight and rowids downwards gives documents exactly in the order "weight of the
best kind matched, then newest", and the scan stops as soon as it has the ``limit × 4`` documents
that :func:`docproc.index.hits.best_hits` re-ranks: a 1-character term that occurs in all 100,000
documents costs about as much as a rare one. A ``--year`` filter is a range of ids, so FTS5 skips
the other years itself; other filters are checked per document found.

Several terms (all must occur, weights summed) go through one SQL statement instead.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

from docproc.index.hits import kind_weight
from docproc.index.sql_reading import join_term_tables
from docproc.index.text import gram_key

SEGMENT_SLOTS = 4096  # a segment's rowid is doc id × SEGMENT_SLOTS + slot
SEQUENCE_BITS = 20  # documents of one date: up to 2**20
KINDS = ("title", "doc_number", "issuer", "people", "body")
CANDIDATES_PER_HIT = 4  # documents re-ranked by occurrences for each hit returned


def trigram_table(kind: str) -> str:
    return f"{kind}_trigrams"


def gram_table(kind: str) -> str:
    return f"{kind}_grams"


def date_key(issue_date: str | None, year: int | None) -> int:
    """``2021-09-26`` → 20210926; a partial date gives zeros for what it lacks; a year alone
    (from the 文号) → YYYY0000; nothing → 0 (ranked last)."""
    if issue_date:
        parts = issue_date.split("-")
        try:
            numbers = [int(p) for p in parts[:3]] + [0] * (3 - len(parts[:3]))
            return numbers[0] * 10_000 + numbers[1] * 100 + numbers[2]
        except ValueError:
            pass
    return year * 10_000 if year else 0


def year_range(year: int) -> tuple[int, int]:
    """The rowids of every segment of the documents of ``year``."""
    low = (year * 10_000) << SEQUENCE_BITS
    high = (((year * 10_000 + 9999) << SEQUENCE_BITS) | ((1 << SEQUENCE_BITS) - 1))
    return low * SEGMENT_SLOTS, high * SEGMENT_SLOTS + SEGMENT_SLOTS - 1


def match_source(kind: str, term: str) -> tuple[str, str]:
    """The FTS table of ``kind`` that answers ``term``, and the MATCH expression."""
    if len(term) >= 3:
        return trigram_table(kind), '"' + term.replace('"', '""') + '"'
    return gram_table(kind), gram_key(term)


def _kinds_by_weight() -> list[tuple[int, list[str]]]:
    ordered = sorted(KINDS, key=lambda k: -kind_weight(k))
    return [(weight, list(kinds)) for weight, kinds in groupby(ordered, key=kind_weight)]


def _rowids(cursor: sqlite3.Cursor) -> Iterator[int]:
    for (rowid,) in cursor:
        yield int(rowid)


def scan_one_term(
    db: sqlite3.Connection, term: str, want: int, *, year: int | None = None,
    accept: Any = None,
) -> list[tuple[int, int]]:
    """The first ``want`` documents (id, weight) matching ``term``, by weight of the best kind
    matched, then newest. ``accept(doc_id) -> bool`` checks the other filters."""
    found: list[tuple[int, int]] = []
    seen: set[int] = set()
    bounds = year_range(year) if year is not None else None
    for weight, kinds in _kinds_by_weight():
        cursors = []
        for kind in kinds:
            table, expression = match_source(kind, term)
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
            args: list[Any] = [expression]
            if bounds is not None:
                sql += " AND rowid BETWEEN ? AND ?"
                args += list(bounds)
            cursors.append(db.execute(sql + " ORDER BY rowid DESC", args))
        try:
            for rowid in heapq.merge(*(_rowids(c) for c in cursors), reverse=True):
                doc_id = rowid // SEGMENT_SLOTS
                if doc_id in seen:
                    continue
                seen.add(doc_id)
                if accept is None or accept(doc_id):
                    found.append((doc_id, weight))
                    if len(found) >= want:
                        return found
        finally:
            for cursor in cursors:
                cursor.close()
    return found


def several_terms_sql(terms: Sequence[str]) -> tuple[str, list[Any], str, str]:
    """Per term ``i``, a CTE ``t{i}`` of every matching document with the weight of its best kind:
    the ``WITH`` clause, its arguments, the joins keeping documents that hold every term, and the
    summed weight."""
    ctes: list[str] = []
    args: list[Any] = []
    for i, term in enumerate(terms):
        parts = []
        for kind in KINDS:
            table, expression = match_source(kind, term)
            parts.append(f"SELECT rowid / {SEGMENT_SLOTS} AS doc_id, {kind_weight(kind)} AS w"
                         f" FROM {table} WHERE {table} MATCH ?")
            args.append(expression)
        ctes.append(f"t{i} AS (SELECT doc_id, MAX(w) AS score FROM ({' UNION ALL '.join(parts)}) GROUP BY 1)")
    joins, total = join_term_tables(len(terms))
    return f"WITH {', '.join(ctes)}", args, joins, total
