"""The embedded archive: one SQLite file, FTS5 trigram index plus a bigram side index.

Tables: ``documents`` (one row per file: the catalogue fields and folded filter keys),
``segments`` (title, 文号, issuers, people, one row per page), and two contentless FTS5 tables over
the folded segment text:

- ``segment_trigrams`` (trigram tokenizer) answers terms of 3 characters or more;
- ``segment_bigrams`` holds every overlapping bigram as one ASCII key (see
  :func:`docproc.index.text.gram_document`): a 2-character term is one key, a 1-character term a
  prefix (with a prefix index of that length), which trigrams cannot answer.

WAL mode and a busy timeout let several ``index add`` runs and searches share the file; each
document is written inside one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docproc.errors import IndexStoreError
from docproc.index.hits import best_hits, kind_weight
from docproc.index.records import CatalogueEntry, SearchHit, SearchQuery, Segment
from docproc.index.sql_reading import SqlReading, join_term_tables
from docproc.index.text import fold, gram_document, gram_key, query_terms

SCHEMA_VERSION = "2"
BUSY_TIMEOUT_MS = 60_000
_KEY_CHARS = len(gram_key("字"))  # one character's key: the prefix index length
CANDIDATES_PER_HIT = 4  # documents re-ranked by occurrences for each hit returned
# A segment's rowid is doc_id × SEGMENT_SLOTS + slot: the FTS tables alone tell the document and
# the kind of a match, with no join. Slots 0-3 are the catalogue fields, 4… the pages.
SEGMENT_SLOTS = 4096
_FIELD_SLOTS = {"title": 0, "doc_number": 1, "issuer": 2, "people": 3}
_FIRST_BODY_SLOT = 4

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    file_sha256 TEXT NOT NULL,
    doc_number TEXT, title TEXT, issue_date TEXT, year INTEGER, doc_type TEXT,
    issuers TEXT NOT NULL, people TEXT NOT NULL,
    pages INTEGER NOT NULL, secrecy TEXT, text_source TEXT NOT NULL, indexed_at TEXT NOT NULL,
    doc_number_key TEXT NOT NULL, issuers_key TEXT NOT NULL, people_key TEXT NOT NULL,
    doc_type_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_year ON documents (year);
CREATE TABLE IF NOT EXISTS segments (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id),
    kind TEXT NOT NULL, page INTEGER, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS segments_doc ON segments (doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS segment_trigrams
    USING fts5 (text, content='', tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS segment_bigrams
    USING fts5 (grams, content='', prefix='{_KEY_CHARS}', tokenize='unicode61');
"""

_DOCUMENT_COLUMNS = "d.path, d.doc_number, d.title, d.issuers, d.issue_date"


def _joined_key(values: Sequence[str]) -> str:
    return "\n".join(fold(v) for v in values)


def _slot_weight_case() -> str:
    """SQL of a matched rowid's kind weight (title and 文号 first)."""
    whens = " ".join(
        f"WHEN {slot} THEN {kind_weight(kind)}" for kind, slot in _FIELD_SLOTS.items()
    )
    return f"(CASE rowid % {SEGMENT_SLOTS} {whens} ELSE {kind_weight('body')} END)"


def _segment_rowids(doc_id: int, segments: Sequence[Segment]) -> list[int]:
    rowids: list[int] = []
    body = _FIRST_BODY_SLOT
    used: set[int] = set()
    for segment in segments:
        slot = _FIELD_SLOTS.get(segment.kind)
        if slot is None or slot in used:
            slot, body = body, body + 1
        if slot >= SEGMENT_SLOTS:
            raise IndexStoreError(f"more than {SEGMENT_SLOTS - _FIRST_BODY_SLOT} pages in one document")
        used.add(slot)
        rowids.append(doc_id * SEGMENT_SLOTS + slot)
    return rowids


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SqliteStore(SqlReading):
    """The :class:`docproc.index.store.IndexStore` on one SQLite file."""

    _param = "?"
    _documents_table = "documents"
    _contains = "instr(d.{column}, ?) > 0"
    _segments_table = "segments"

    backend = "sqlite"

    def __init__(self, path: Path):
        self.location = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._use_wal()
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._create_schema()
        except (sqlite3.Error, OSError) as exc:
            raise IndexStoreError(f"cannot open the archive index {path}: {exc}") from exc

    def _use_wal(self) -> None:
        """Switch a new archive to WAL. SQLite does not call the busy handler for this switch, so
        two runs opening a new archive at once retry here instead of failing "database is locked"."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.01
        while True:
            try:
                (mode,) = self._db.execute("PRAGMA journal_mode").fetchone()
                if str(mode).lower() != "wal":
                    self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def _create_schema(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._db.close()

    # -- writing ---------------------------------------------------------------------------

    def indexed_sha256(self, path: str) -> str | None:
        row = self._db.execute("SELECT file_sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        return None if row is None else str(row[0])

    def put(self, entry: CatalogueEntry, *, replace: bool = False) -> bool:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise IndexStoreError(f"cannot write the archive index: {exc}") from exc
        try:
            stored = self._put_in_transaction(entry, replace)
            self._db.execute("COMMIT")
        except BaseException as exc:
            self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise IndexStoreError(f"cannot write {entry.path} to the index: {exc}") from exc
            raise
        return stored

    def _put_in_transaction(self, entry: CatalogueEntry, replace: bool) -> bool:
        row = self._db.execute(
            "SELECT id, file_sha256 FROM documents WHERE path = ?", (entry.path,)
        ).fetchone()
        if row is not None and row[1] == entry.file_sha256 and not replace:
            return False
        if row is not None:
            self._delete_document(int(row[0]))
        cursor = self._db.execute(
            "INSERT INTO documents (path, file_sha256, doc_number, title, issue_date, year, doc_type,"
            " issuers, people, pages, secrecy, text_source, indexed_at, doc_number_key, issuers_key,"
            " people_key, doc_type_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                entry.path, entry.file_sha256, entry.doc_number, entry.title, entry.issue_date,
                entry.year, entry.doc_type, json.dumps(entry.issuers, ensure_ascii=False),
                json.dumps(entry.people, ensure_ascii=False), entry.pages, entry.secrecy,
                entry.text_source, datetime.now(UTC).isoformat(timespec="seconds"),
                fold(entry.doc_number or ""), _joined_key(entry.issuers), _joined_key(entry.people),
                fold(entry.doc_type or ""),
            ),
        )
        doc_id = int(cursor.lastrowid or 0)
        for rowid, segment in zip(_segment_rowids(doc_id, entry.segments), entry.segments, strict=True):
            self._db.execute(
                "INSERT INTO segments (id, doc_id, kind, page, text) VALUES (?, ?, ?, ?, ?)",
                (rowid, doc_id, segment.kind, segment.page, segment.text),
            )
            folded = fold(segment.text)
            self._db.execute("INSERT INTO segment_trigrams (rowid, text) VALUES (?, ?)", (rowid, folded))
            self._db.execute(
                "INSERT INTO segment_bigrams (rowid, grams) VALUES (?, ?)", (rowid, gram_document(folded))
            )
        return True

    def _delete_document(self, doc_id: int) -> None:
        rows = self._db.execute("SELECT id, text FROM segments WHERE doc_id = ?", (doc_id,)).fetchall()
        for seg_id, text in rows:
            folded = fold(text)
            self._db.execute(
                "INSERT INTO segment_trigrams (segment_trigrams, rowid, text) VALUES ('delete', ?, ?)",
                (seg_id, folded),
            )
            self._db.execute(
                "INSERT INTO segment_bigrams (segment_bigrams, rowid, grams) VALUES ('delete', ?, ?)",
                (seg_id, gram_document(folded)),
            )
        self._db.execute("DELETE FROM segments WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # -- reading ---------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> list[SearchHit]:
        terms = query_terms(query.text)
        filters, filter_args = self._filter_sql(query)
        try:
            if not terms:
                rows = self._db.execute(
                    f"SELECT d.id, {_DOCUMENT_COLUMNS}, 0.0 FROM documents d WHERE {filters}"
                    " ORDER BY d.issue_date DESC, d.path LIMIT ?",
                    (*filter_args, query.limit),
                ).fetchall()
            else:
                rows = self._ranked_documents(terms, filters, filter_args, query.limit)
            candidates = self._candidates(rows)
        except sqlite3.Error as exc:
            raise IndexStoreError(f"search failed: {exc}") from exc
        return best_hits(candidates, terms, query.limit)

    def _ranked_documents(
        self, terms: list[str], filters: str, filter_args: list[Any], limit: int
    ) -> list[tuple[Any, ...]]:
        """Documents by the weight of the segment kinds they match in (title, 文号 first): the
        first ``limit × CANDIDATES_PER_HIT``, re-ranked by occurrences in
        :func:`docproc.index.hits.best_hits`."""
        weight = _slot_weight_case()
        ctes: list[str] = []
        args: list[Any] = []
        for i, term in enumerate(terms):
            if len(term) >= 3:
                table = "segment_trigrams"
                args.append(_fts_phrase(term))
            else:
                table = "segment_bigrams"
                args.append(gram_key(term) if len(term) == 2 else gram_key(term) + "*")
            ctes.append(
                f"t{i} AS (SELECT rowid / {SEGMENT_SLOTS} AS doc_id, MAX({weight}) AS score"
                f" FROM {table} WHERE {table} MATCH ? GROUP BY 1)"
            )
        joins, total = join_term_tables(len(terms))
        sql = (
            f"WITH {', '.join(ctes)} SELECT d.id, {_DOCUMENT_COLUMNS}, {total} AS score FROM t0 {joins}"
            f" JOIN documents d ON d.id = t0.doc_id WHERE {filters}"
            " ORDER BY score DESC, d.issue_date DESC, d.path LIMIT ?"
        )
        return self._db.execute(sql, (*args, *filter_args, limit * CANDIDATES_PER_HIT)).fetchall()
