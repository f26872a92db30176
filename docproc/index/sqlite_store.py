"""The embedded archive: one SQLite file, FTS5 tables per kind of segment, ids ranked by date.

Tables: ``documents`` (one row per file: the catalogue fields and folded filter keys),
``segments`` (title, 文号, issuers, people, one row per page), and for each kind of segment two
contentless FTS5 tables over its folded text (:mod:`docproc.index.sqlite_search`):

- ``<kind>_trigrams`` (trigram tokenizer) answers terms of 3 characters or more;
- ``<kind>_grams`` holds each distinct character and bigram as one ASCII key (see
  :func:`docproc.index.text.gram_document`): a 1- or 2-character term, which trigrams cannot
  answer, is one exact token.

A document's id is ``date_key << 20 | sequence`` (newest = largest) and a segment's rowid
``id × 4096 + slot``, so the FTS tables list matches newest first by themselves and a search stops
after the documents it needs. An archive of schema version 2 (one trigram and one bigram table,
ids in insertion order) is converted when opened.

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
from docproc.index.hits import best_hits
from docproc.index.records import CatalogueEntry, SearchHit, SearchQuery, Segment
from docproc.index.sql_reading import SqlReading
from docproc.index.sqlite_file import check_archive_file, make_archive_file
from docproc.index.sqlite_search import (
    CANDIDATES_PER_HIT,
    KINDS,
    SEGMENT_SLOTS,
    SEQUENCE_BITS,
    date_key,
    gram_table,
    scan_one_term,
    several_terms_sql,
    trigram_table,
)
from docproc.index.text import fold, gram_document, query_terms

SCHEMA_VERSION = "3"
BUSY_TIMEOUT_MS = 60_000
# Slots 0-3 of a document's rowids are the catalogue fields, 4… the pages.
_FIELD_SLOTS = {"title": 0, "doc_number": 1, "issuer": 2, "people": 3}
_FIRST_BODY_SLOT = 4
_KIND_OF_SLOT = {slot: kind for kind, slot in _FIELD_SLOTS.items()}

_DOCUMENTS_TABLE = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    file_sha256 TEXT NOT NULL,
    doc_number TEXT, title TEXT, issue_date TEXT, year INTEGER, doc_type TEXT,
    issuers TEXT NOT NULL, people TEXT NOT NULL,
    pages INTEGER NOT NULL, secrecy TEXT, text_source TEXT NOT NULL, indexed_at TEXT NOT NULL,
    doc_number_key TEXT NOT NULL, issuers_key TEXT NOT NULL, people_key TEXT NOT NULL,
    doc_type_key TEXT NOT NULL
)"""
_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    _DOCUMENTS_TABLE,
    "CREATE INDEX IF NOT EXISTS documents_year ON documents (year)",
    "CREATE TABLE IF NOT EXISTS segments (id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES"
    " documents (id), kind TEXT NOT NULL, page INTEGER, text TEXT NOT NULL, folded TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS segments_doc ON segments (doc_id)",
    *(f"CREATE VIRTUAL TABLE IF NOT EXISTS {trigram_table(k)} USING fts5 (text, content='', tokenize='trigram')"
      for k in KINDS),
    *(f"CREATE VIRTUAL TABLE IF NOT EXISTS {gram_table(k)} USING fts5 (grams, content='', detail='none',"
      " tokenize='unicode61')" for k in KINDS),
]
_DOCUMENT_COLUMNS = "d.path, d.doc_number, d.title, d.issuers, d.issue_date"
_STORED_COLUMNS = (
    "path, file_sha256, doc_number, title, issue_date, year, doc_type, issuers, people, pages, secrecy,"
    " text_source, indexed_at, doc_number_key, issuers_key, people_key, doc_type_key"
)


def _joined_key(values: Sequence[str]) -> str:
    return "\n".join(fold(v) for v in values)


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


def _index_kind(rowid: int) -> str:
    """The FTS tables a segment is in: its slot's field kind, or page text."""
    return _KIND_OF_SLOT.get(rowid % SEGMENT_SLOTS, "body")


class SqliteStore(SqlReading):
    """The :class:`docproc.index.store.IndexStore` on one SQLite file."""

    _param = "?"
    _documents_table = "documents"
    _contains = "instr(d.{column}, ?) > 0"
    _segments_table = "segments"

    backend = "sqlite"

    def __init__(self, path: Path):
        """Open the archive ``path``, making it first when it does not exist; a file that is not a
        docproc archive is refused untouched (:mod:`docproc.index.sqlite_file`)."""
        self.location = str(path)
        try:
            if not path.exists() and not path.is_symlink():
                make_archive_file(path, self._prepare)
            check_archive_file(path)
            self._db = self._connect(path)
            self._use_wal()
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._create_schema()
        except (sqlite3.Error, OSError) as exc:
            raise IndexStoreError(f"cannot open the archive index {path}: {exc}") from exc

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        """A new archive's file: WAL mode and the schema (run on its temporary file)."""
        self._db = db
        self._use_wal()
        self._create_schema()

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
            version = self._schema_version()
            if version == "2":
                self._migrate_from_2()
            for statement in _SCHEMA:
                self._db.execute(statement)
            self._db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _schema_version(self) -> str | None:
        has_meta = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        if not has_meta:
            return None
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return None if row is None else str(row[0])

    def _migrate_from_2(self) -> None:
        """Schema 2 → 3 inside the open transaction: documents get date-ranked ids, segments go
        into the per-kind FTS tables; nothing else changes (paths, fields, ``indexed_at``)."""
        for statement in ("DROP TABLE segment_trigrams", "DROP TABLE segment_bigrams",
                          "DROP INDEX IF EXISTS documents_year", "DROP INDEX IF EXISTS segments_doc",
                          "ALTER TABLE documents RENAME TO documents_v2",
                          "ALTER TABLE segments RENAME TO segments_v2"):
            self._db.execute(statement)
        for statement in _SCHEMA:
            self._db.execute(statement)
        old_documents = self._db.execute(
            f"SELECT id, {_STORED_COLUMNS} FROM documents_v2 ORDER BY id"
        ).fetchall()
        for old_id, *values in old_documents:
            segments = [
                Segment(kind, page, text) for kind, page, text in self._db.execute(
                    "SELECT kind, page, text FROM segments_v2 WHERE doc_id = ? ORDER BY id", (old_id,)
                )
            ]
            stored = dict(zip(_STORED_COLUMNS.split(", "), values, strict=True))
            self._insert(stored, segments)
        self._db.execute("DROP TABLE segments_v2")
        self._db.execute("DROP TABLE documents_v2")
        self._db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,))

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
        stored = {
            "path": entry.path, "file_sha256": entry.file_sha256, "doc_number": entry.doc_number,
            "title": entry.title, "issue_date": entry.issue_date, "year": entry.year,
            "doc_type": entry.doc_type, "issuers": json.dumps(entry.issuers, ensure_ascii=False),
            "people": json.dumps(entry.people, ensure_ascii=False), "pages": entry.pages,
            "secrecy": entry.secrecy, "text_source": entry.text_source,
            "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "doc_number_key": fold(entry.doc_number or ""), "issuers_key": _joined_key(entry.issuers),
            "people_key": _joined_key(entry.people), "doc_type_key": fold(entry.doc_type or ""),
        }
        self._insert(stored, entry.segments)
        return True

    def _new_document_id(self, issue_date: str | None, year: int | None) -> int:
        """The next id of the document's date: ``date_key << 20 | sequence``."""
        base = date_key(issue_date, year) << SEQUENCE_BITS
        (last,) = self._db.execute(
            "SELECT MAX(id) FROM documents WHERE id BETWEEN ? AND ?", (base, base | ((1 << SEQUENCE_BITS) - 1))
        ).fetchone()
        doc_id = base if last is None else int(last) + 1
        if doc_id > base | ((1 << SEQUENCE_BITS) - 1):
            raise IndexStoreError(f"more than {1 << SEQUENCE_BITS} documents dated {issue_date or year}")
        return doc_id

    def _insert(self, stored: dict[str, Any], segments: Sequence[Segment]) -> None:
        doc_id = self._new_document_id(stored["issue_date"], stored["year"])
        names = _STORED_COLUMNS.split(", ")
        self._db.execute(
            f"INSERT INTO documents (id, {_STORED_COLUMNS}) VALUES (?, {', '.join('?' * len(names))})",
            (doc_id, *(stored[n] for n in names)),
        )
        for rowid, segment in zip(_segment_rowids(doc_id, segments), segments, strict=True):
            folded = fold(segment.text)
            self._db.execute(
                "INSERT INTO segments (id, doc_id, kind, page, text, folded) VALUES (?, ?, ?, ?, ?, ?)",
                (rowid, doc_id, segment.kind, segment.page, segment.text, folded),
            )
            self._write_fts(rowid, folded, delete=False)

    def _write_fts(self, rowid: int, folded: str, *, delete: bool) -> None:
        """Add a segment to its kind's two FTS tables, or (contentless tables) remove it by
        giving back the values it was added with."""
        kind = _index_kind(rowid)
        for table, column, value in ((trigram_table(kind), "text", folded),
                                     (gram_table(kind), "grams", gram_document(folded))):
            if delete:
                self._db.execute(f"INSERT INTO {table} ({table}, rowid, {column}) VALUES ('delete', ?, ?)",
                                 (rowid, value))
            else:
                self._db.execute(f"INSERT INTO {table} (rowid, {column}) VALUES (?, ?)", (rowid, value))

    def _delete_document(self, doc_id: int) -> None:
        rows = self._db.execute("SELECT id, folded FROM segments WHERE doc_id = ?", (doc_id,)).fetchall()
        for seg_id, folded in rows:
            self._write_fts(int(seg_id), folded, delete=True)
        self._db.execute("DELETE FROM segments WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # -- reading ---------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> list[SearchHit]:
        terms = query_terms(query.text)
        filters, filter_args = self._filter_sql(query)
        want = query.limit * CANDIDATES_PER_HIT
        try:
            if not terms:
                rows = self._db.execute(
                    f"SELECT d.id, {_DOCUMENT_COLUMNS}, 0.0 FROM documents d WHERE {filters}"
                    " ORDER BY d.id DESC LIMIT ?",
                    (*filter_args, query.limit),
                ).fetchall()
            elif len(terms) == 1:
                rows = self._documents_of(scan_one_term(
                    self._db, terms[0], want, year=query.year,
                    accept=self._filter_check(filters, filter_args) if filter_args else None,
                ))
            else:
                rows = self._ranked_documents(terms, filters, filter_args, want)
            candidates = self._candidates(rows, terms)
            return best_hits(candidates, terms, query.limit, self._segment_texts)
        except sqlite3.Error as exc:
            raise IndexStoreError(f"search failed: {exc}") from exc

    def _filter_check(self, filters: str, filter_args: list[Any]) -> Any:
        sql = f"SELECT 1 FROM documents d WHERE d.id = ? AND {filters}"

        def accept(doc_id: int) -> bool:
            return self._db.execute(sql, (doc_id, *filter_args)).fetchone() is not None

        return accept

    def _documents_of(self, found: list[tuple[int, int]]) -> list[tuple[Any, ...]]:
        """The rows ``_candidates`` takes, for ``found`` (id, weight), in that order."""
        if not found:
            return []
        weights = dict(found)
        marks = ", ".join("?" for _ in found)
        rows = {
            int(row[0]): row for row in self._db.execute(
                f"SELECT d.id, {_DOCUMENT_COLUMNS} FROM documents d WHERE d.id IN ({marks})", tuple(weights)
            )
        }
        return [(*rows[doc_id], float(weight)) for doc_id, weight in found if doc_id in rows]

    def _ranked_documents(
        self, terms: list[str], filters: str, filter_args: list[Any], want: int
    ) -> list[tuple[Any, ...]]:
        """Documents holding every term, by the summed weight of the kinds they match in, then
        newest: the first ``want``, re-ranked by occurrences in :func:`docproc.index.hits.best_hits`."""
        with_clause, args, joins, total = several_terms_sql(terms)
        sql = (
            f"{with_clause} SELECT d.id, {_DOCUMENT_COLUMNS}, {total} AS score FROM t0 {joins}"
            f" JOIN documents d ON d.id = t0.doc_id WHERE {filters}"
            " ORDER BY score DESC, d.id DESC LIMIT ?"
        )
        return self._db.execute(sql, (*args, *filter_args, want)).fetchall()
