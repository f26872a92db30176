"""What both SQL backends read the same way: candidates' segments, the catalogue, the counts.

The backends differ in how they find documents (FTS5 n-gram tables; arrays of grams with a GIN
index) but hold the same two tables, ``documents`` and ``segments``; this mixin reads those with
the backend's own table names and parameter marker.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from docproc.index.hits import Candidate, HitDocument
from docproc.index.records import CatalogueEntry, IndexStats, SearchQuery, Segment
from docproc.index.text import fold

_CATALOGUE_COLUMNS = (
    "path, file_sha256, doc_number, issuers, title, issue_date, doc_type, people,"
    " pages, secrecy, text_source, year"
)


def join_term_tables(n_terms: int) -> tuple[str, str]:
    """For per-term CTEs ``t0 … tN``: the joins that keep documents matching every term, and
    the sum of their scores."""
    joins = " ".join(f"JOIN t{i} ON t{i}.doc_id = t0.doc_id" for i in range(1, n_terms))
    total = " + ".join(f"t{i}.score" for i in range(n_terms))
    return joins, total


class SqlReading:
    """Reading methods shared by :class:`SqliteStore` and :class:`PostgresStore`."""

    _db: Any  # a DB-API connection whose ``execute`` returns a cursor
    _param: str  # "?" (sqlite3) or "%s" (psycopg)
    _documents_table: str
    _segments_table: str
    _contains: str  # SQL testing that ``d.{column}`` contains the parameter
    backend: str
    location: str

    def _filter_sql(self, query: SearchQuery) -> tuple[str, list[Any]]:
        """Catalogue filters over ``documents d``: substrings of the folded keys, and the year."""
        clauses = ["1 = 1"]
        args: list[Any] = []
        for column, value in (
            ("issuers_key", query.issuer),
            ("people_key", query.person),
            ("doc_number_key", query.doc_number),
            ("doc_type_key", query.doc_type),
        ):
            if value:
                clauses.append(self._contains.format(column=column))
                args.append(fold(value.strip()))
        if query.year is not None:
            clauses.append(f"d.year = {self._param}")
            args.append(query.year)
        return " AND ".join(clauses), args

    def _candidates(self, rows: list[tuple[Any, ...]], terms: Sequence[str]) -> list[Candidate]:
        """The rows' documents (id, path, 文号, title, issuers, date, weight) with their segments.

        With terms, the SQL counts each term's occurrences in each segment's folded text and
        returns only the segments holding one (no text: :meth:`_segment_texts` reads the few a hit
        shows); without terms, every segment with its text."""
        if not rows:
            return []
        doc_ids = tuple(int(row[0]) for row in rows)
        marks = ", ".join(self._param for _ in doc_ids)
        segments: dict[int, list[Segment]] = {doc_id: [] for doc_id in doc_ids}
        counts: dict[int, list[tuple[int, ...]]] = {doc_id: [] for doc_id in doc_ids}
        ids: dict[int, list[int]] = {doc_id: [] for doc_id in doc_ids}
        if terms:
            p = self._param
            count_columns = ", ".join(
                f"(length(folded) - length(replace(folded, {p}, ''))) / length({p}) AS c{i}"
                for i in range(len(terms))
            )
            any_count = " OR ".join(f"c{i} > 0" for i in range(len(terms)))
            args = [a for term in terms for a in (term, term)]
            sql = (
                f"SELECT * FROM (SELECT doc_id, id, kind, page, {count_columns} FROM {self._segments_table}"
                f" WHERE doc_id IN ({marks})) AS counted WHERE {any_count} ORDER BY id"
            )
            for doc_id, segment_id, kind, page, *found in self._db.execute(sql, (*args, *doc_ids)).fetchall():
                segments[int(doc_id)].append(Segment(kind, page, ""))
                counts[int(doc_id)].append(tuple(int(c) for c in found))
                ids[int(doc_id)].append(int(segment_id))
        else:
            for doc_id, kind, page, text in self._db.execute(
                f"SELECT doc_id, kind, page, text FROM {self._segments_table} WHERE doc_id IN ({marks}) ORDER BY id",
                doc_ids,
            ).fetchall():
                segments[int(doc_id)].append(Segment(kind, page, text))
                counts[int(doc_id)].append(())
        return [
            Candidate(
                HitDocument(path, doc_number, title, json.loads(issuers), issue_date),
                segments[int(doc_id)],
                float(weight),
                counts[int(doc_id)],
                ids[int(doc_id)],
            )
            for doc_id, path, doc_number, title, issuers, issue_date, weight in rows
        ]

    def _segment_texts(self, segment_ids: list[int]) -> dict[int, str]:
        """The original texts of these segments (for the snippets of the hits shown)."""
        if not segment_ids:
            return {}
        marks = ", ".join(self._param for _ in segment_ids)
        return {
            int(segment_id): str(text) for segment_id, text in self._db.execute(
                f"SELECT id, text FROM {self._segments_table} WHERE id IN ({marks})", tuple(segment_ids)
            ).fetchall()
        }

    def entries(self) -> Iterator[CatalogueEntry]:
        """Every entry's catalogue fields (no segments), by date then path."""
        rows = self._db.execute(
            f"SELECT {_CATALOGUE_COLUMNS} FROM {self._documents_table}"
            " ORDER BY issue_date IS NULL, issue_date, path"
        ).fetchall()
        for row in rows:
            yield CatalogueEntry(
                path=row[0], file_sha256=row[1], doc_number=row[2], issuers=json.loads(row[3]),
                title=row[4], issue_date=row[5], doc_type=row[6], people=json.loads(row[7]),
                pages=int(row[8]), secrecy=row[9], text_source=row[10], year=row[11],
            )

    def stats(self) -> IndexStats:
        """Counts of documents, pages and segments, by year, type and text source."""

        def counts(column: str) -> dict[str, int]:
            rows = self._db.execute(
                f"SELECT COALESCE(CAST({column} AS TEXT), 'unknown'), COUNT(*)"
                f" FROM {self._documents_table} GROUP BY 1 ORDER BY 1"
            ).fetchall()
            return {str(k): int(v) for k, v in rows}

        documents, pages = self._db.execute(
            f"SELECT COUNT(*), COALESCE(SUM(pages), 0) FROM {self._documents_table}"
        ).fetchone()
        (segments,) = self._db.execute(f"SELECT COUNT(*) FROM {self._segments_table}").fetchone()
        return IndexStats(
            documents=int(documents), pages=int(pages), segments=int(segments),
            by_year=counts("year"), by_type=counts("doc_type"),
            by_text_source=counts("text_source"), backend=self.backend, location=self.location,
        )
