"""The shared office archive on PostgreSQL (``--db postgresql://…``; extra ``postgres``: psycopg 3).

Same tables as the SQLite store, prefixed ``docproc_``. Chinese full text is matched through an
array of every distinct character and bigram of each segment (``grams``, GIN-indexed): a term's
bigrams (or its one character) select candidate segments through the index, and ``strpos`` on the
folded text confirms the exact substring. This works for 1- and 2-character terms, which pg_trgm
cannot index, and does not depend on the server's locale treating Chinese as word characters.

Each document is written in one transaction under an advisory lock on its path, so several clerks
indexing at once never store a file twice.
"""

from __future__ import annotations

import json
from typing import Any

from docproc.errors import IndexStoreError, MissingDependencyError
from docproc.index.hits import best_hits, kind_weight
from docproc.index.records import CatalogueEntry, SearchHit, SearchQuery
from docproc.index.sql_reading import SqlReading, join_term_tables
from docproc.index.text import distinct_grams, fold, query_grams, query_terms

CANDIDATES_PER_HIT = 4  # documents re-ranked by occurrences for each hit returned
_SCHEMA_LOCK = 0x646F6370  # advisory lock id held while creating the tables

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docproc_documents (
    id BIGSERIAL PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    file_sha256 TEXT NOT NULL,
    doc_number TEXT, title TEXT, issue_date TEXT, year INTEGER, doc_type TEXT,
    issuers TEXT NOT NULL, people TEXT NOT NULL,
    pages INTEGER NOT NULL, secrecy TEXT, text_source TEXT NOT NULL,
    indexed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    doc_number_key TEXT NOT NULL, issuers_key TEXT NOT NULL, people_key TEXT NOT NULL,
    doc_type_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS docproc_documents_year ON docproc_documents (year);
CREATE TABLE IF NOT EXISTS docproc_segments (
    id BIGSERIAL PRIMARY KEY,
    doc_id BIGINT NOT NULL REFERENCES docproc_documents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL, page INTEGER, text TEXT NOT NULL, folded TEXT NOT NULL,
    grams TEXT[] NOT NULL
);
CREATE INDEX IF NOT EXISTS docproc_segments_doc ON docproc_segments (doc_id);
CREATE INDEX IF NOT EXISTS docproc_segments_grams ON docproc_segments USING gin (grams);
"""

_DOCUMENT_COLUMNS = "d.id, d.path, d.doc_number, d.title, d.issuers, d.issue_date"


def _joined_key(values: list[str]) -> str:
    return "\n".join(fold(v) for v in values)


def _weight_case() -> str:
    kinds = ("title", "doc_number", "issuer", "people", "body")
    whens = " ".join(f"WHEN '{k}' THEN {kind_weight(k)}" for k in kinds)
    return f"(CASE s.kind {whens} ELSE 0 END)"


class PostgresStore(SqlReading):
    """The :class:`docproc.index.store.IndexStore` on a PostgreSQL database."""

    _param = "%s"
    _documents_table = "docproc_documents"
    _contains = "strpos(d.{column}, %s) > 0"
    _segments_table = "docproc_segments"

    backend = "postgresql"

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError as exc:
            raise MissingDependencyError(
                "a postgresql:// index needs psycopg: pip install 'docproc[postgres]'"
            ) from exc
        self._errors: type[Exception] = psycopg.Error
        self.location = _without_password(url)
        try:
            self._db = psycopg.connect(url, autocommit=True)
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
        except psycopg.Error as exc:
            raise IndexStoreError(f"cannot open the archive index {self.location}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    def indexed_sha256(self, path: str) -> str | None:
        row = self._db.execute(
            "SELECT file_sha256 FROM docproc_documents WHERE path = %s", (path,)
        ).fetchone()
        return None if row is None else str(row[0])

    def put(self, entry: CatalogueEntry, *, replace: bool = False) -> bool:
        try:
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (entry.path,))
                row = self._db.execute(
                    "SELECT id, file_sha256 FROM docproc_documents WHERE path = %s", (entry.path,)
                ).fetchone()
                if row is not None and row[1] == entry.file_sha256 and not replace:
                    return False
                if row is not None:
                    self._db.execute("DELETE FROM docproc_documents WHERE id = %s", (row[0],))
                self._insert(entry)
        except self._errors as exc:
            raise IndexStoreError(f"cannot write {entry.path} to the index: {exc}") from exc
        return True

    def _insert(self, entry: CatalogueEntry) -> None:
        inserted = self._db.execute(
            "INSERT INTO docproc_documents (path, file_sha256, doc_number, title, issue_date, year,"
            " doc_type, issuers, people, pages, secrecy, text_source, doc_number_key, issuers_key,"
            " people_key, doc_type_key) VALUES"
            " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
            (
                entry.path, entry.file_sha256, entry.doc_number, entry.title, entry.issue_date,
                entry.year, entry.doc_type, json.dumps(entry.issuers, ensure_ascii=False),
                json.dumps(entry.people, ensure_ascii=False), entry.pages, entry.secrecy,
                entry.text_source, fold(entry.doc_number or ""), _joined_key(entry.issuers),
                _joined_key(entry.people), fold(entry.doc_type or ""),
            ),
        ).fetchone()
        assert inserted is not None
        doc_id = inserted[0]
        with self._db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO docproc_segments (doc_id, kind, page, text, folded, grams)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (doc_id, s.kind, s.page, s.text, fold(s.text), distinct_grams(fold(s.text)))
                    for s in entry.segments
                ],
            )

    def search(self, query: SearchQuery) -> list[SearchHit]:
        terms = query_terms(query.text)
        filters, filter_args = self._filter_sql(query)
        try:
            if not terms:
                rows = self._db.execute(
                    f"SELECT {_DOCUMENT_COLUMNS}, 0.0 FROM docproc_documents d WHERE {filters}"
                    " ORDER BY d.issue_date DESC NULLS LAST, d.path LIMIT %s",
                    (*filter_args, query.limit),
                ).fetchall()
            else:
                rows = self._ranked_documents(terms, filters, filter_args, query.limit)
            return best_hits(self._candidates(rows, terms), terms, query.limit, self._segment_texts)
        except self._errors as exc:
            raise IndexStoreError(f"search failed: {exc}") from exc

    def _ranked_documents(
        self, terms: list[str], filters: str, filter_args: list[Any], limit: int
    ) -> list[tuple[Any, ...]]:
        """Documents by the weight of the segment kinds they match in (title, 文号 first): the
        first ``limit × CANDIDATES_PER_HIT``, re-ranked by occurrences in
        :func:`docproc.index.hits.best_hits`."""
        weight = _weight_case()
        ctes: list[str] = []
        args: list[Any] = []
        for i, term in enumerate(terms):
            # for 1 or 2 characters, holding the gram is containing the term: no text to read
            confirm = " AND strpos(s.folded, %s) > 0" if len(term) > 2 else ""
            ctes.append(
                f"t{i} AS (SELECT s.doc_id, MAX({weight}) AS score FROM docproc_segments s"
                f" WHERE s.grams @> %s{confirm} GROUP BY s.doc_id)"
            )
            args.append(query_grams(term))
            if confirm:
                args.append(term)
        joins, total = join_term_tables(len(terms))
        sql = (
            f"WITH {', '.join(ctes)} SELECT {_DOCUMENT_COLUMNS}, {total} AS score FROM t0 {joins}"
            f" JOIN docproc_documents d ON d.id = t0.doc_id WHERE {filters}"
            " ORDER BY score DESC, d.issue_date DESC NULLS LAST, d.path LIMIT %s"
        )
        return self._db.execute(sql, (*args, *filter_args, limit * CANDIDATES_PER_HIT)).fetchall()


def _without_password(url: str) -> str:
    """The URL as shown to the user: ``postgresql://clerk:***@host/db``."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}:***@{host}"
