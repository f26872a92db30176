"""The desk's own state in one SQLite file (``DIR/desk.sqlite3``): accounts, credentials, uploaded
documents and their job state, reviewed notices with their version, and every correction.

Each thread gets its own connection (the web server answers requests on a pool of threads, the job
runner on its own); WAL mode lets readers go on while one writer writes. Every change is one
transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from docproc.errors import DocprocError

JobStatus = Literal["queued", "running", "done", "failed"]
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
    password_hash TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS credentials (
    token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id INTEGER NOT NULL REFERENCES users (id),
    csrf TEXT, expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    filename TEXT NOT NULL, stored_name TEXT NOT NULL, content TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, uploaded_by TEXT NOT NULL, uploaded_at TEXT NOT NULL,
    status TEXT NOT NULL, error TEXT, pages INTEGER NOT NULL DEFAULT 0,
    pages_done INTEGER NOT NULL DEFAULT 0, approved_by TEXT, approved_at TEXT
);
CREATE TABLE IF NOT EXISTS notices (
    doc_id TEXT PRIMARY KEY REFERENCES documents (id), version INTEGER NOT NULL,
    record TEXT NOT NULL, extracted TEXT NOT NULL, updated_by TEXT, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents (id), field TEXT NOT NULL,
    previous TEXT NOT NULL, value TEXT NOT NULL, user TEXT NOT NULL, at TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS corrections_doc ON corrections (doc_id, field, id);
CREATE INDEX IF NOT EXISTS documents_status ON documents (status, seq);
"""


class DeskStoreError(DocprocError):
    """The desk's database cannot be opened or written."""


class VersionConflict(DocprocError):
    """A save based on an older version of the notice than the stored one."""

    def __init__(self, current: int, updated_by: str | None, updated_at: str | None) -> None:
        who = f" by {updated_by}" if updated_by else ""
        when = f" at {updated_at}" if updated_at else ""
        super().__init__(
            f"this notice was saved{who}{when} (version {current}) after you opened it; "
            "your changes were not saved and are still in your form: reload to see theirs, then "
            "apply yours again"
        )
        self.current = current


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class DocumentRow:
    id: str
    filename: str
    stored_name: str
    content: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: str
    status: JobStatus
    error: str | None
    pages: int
    pages_done: int
    approved_by: str | None
    approved_at: str | None

    def to_api(self) -> dict[str, Any]:
        """The REST API's view: ``id``, ``status``, ``error``, ``pages`` (and progress)."""
        return {
            "id": self.id,
            "filename": self.filename,
            "status": self.status,
            "error": self.error,
            "pages": self.pages,
            "pages_done": self.pages_done,
            "uploaded_by": self.uploaded_by,
            "uploaded_at": self.uploaded_at,
            "approved": self.approved_by is not None,
        }


_DOCUMENT_COLUMNS = (
    "id, filename, stored_name, content, size, sha256, uploaded_by, uploaded_at, status, error,"
    " pages, pages_done, approved_by, approved_at"
)


@dataclass
class NoticeRow:
    doc_id: str
    version: int
    record: dict[str, Any]
    extracted: dict[str, Any]
    updated_by: str | None
    updated_at: str


@dataclass
class Correction:
    field: str
    previous: Any
    value: Any
    user: str
    at: str
    version: int

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "previous": self.previous, "value": self.value,
                "user": self.user, "at": self.at, "version": self.version}


class DeskStore:
    """``DIR/desk.sqlite3``; safe to share between threads (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self.transaction() as db:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
        except (sqlite3.Error, OSError) as exc:
            raise DeskStoreError(f"cannot open the desk database {path}: {exc}") from exc

    @property
    def db(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            self._local.connection = connection
        return connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # -- users and credentials -------------------------------------------------------------

    def add_user(self, name: str, role: str, password_hash: str) -> None:
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                db.execute("UPDATE users SET role = ?, password_hash = ? WHERE name = ?",
                           (role, password_hash, name))
            else:
                db.execute("INSERT INTO users (name, role, password_hash, created_at) VALUES (?,?,?,?)",
                           (name, role, password_hash, now_iso()))

    def user(self, name: str) -> tuple[int, str, str, str] | None:
        """(id, name, role, password hash) of ``name``."""
        row = self.db.execute(
            "SELECT id, name, role, password_hash FROM users WHERE name = ?", (name,)
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]), str(row[3]))

    def users(self) -> list[tuple[str, str]]:
        return [(str(n), str(r)) for n, r in self.db.execute("SELECT name, role FROM users ORDER BY name")]

    def add_credential(self, token_hash: str, kind: str, user_id: int, csrf: str | None, expires_at: float) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM credentials WHERE expires_at < ?", (time.time(),))
            db.execute("INSERT INTO credentials (token_hash, kind, user_id, csrf, expires_at) VALUES (?,?,?,?,?)",
                       (token_hash, kind, user_id, csrf, expires_at))

    def credential(self, token_hash: str, kind: str) -> tuple[str, str, str | None] | None:
        """(user name, role, csrf token) of a live credential."""
        row = self.db.execute(
            "SELECT u.name, u.role, c.csrf FROM credentials c JOIN users u ON u.id = c.user_id"
            " WHERE c.token_hash = ? AND c.kind = ? AND c.expires_at > ?",
            (token_hash, kind, time.time()),
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]), row[2])

    def drop_credential(self, token_hash: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM credentials WHERE token_hash = ?", (token_hash,))

    # -- documents ---------------------------------------------------------------------------

    def add_document(self, row: DocumentRow) -> None:
        with self.transaction() as db:
            db.execute(
                f"INSERT INTO documents ({_DOCUMENT_COLUMNS}) VALUES ({', '.join('?' * 14)})",
                (row.id, row.filename, row.stored_name, row.content, row.size, row.sha256,
                 row.uploaded_by, row.uploaded_at, row.status, row.error, row.pages, row.pages_done,
                 row.approved_by, row.approved_at),
            )

    def document(self, doc_id: str) -> DocumentRow | None:
        row = self.db.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else DocumentRow(*row)

    def documents(self, *, limit: int = 100, offset: int = 0, approved_only: bool = False) -> list[DocumentRow]:
        where = "WHERE approved_by IS NOT NULL" if approved_only else ""
        rows = self.db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents {where} ORDER BY seq DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [DocumentRow(*r) for r in rows]

    def document_by_stored_name(self, stored_name: str) -> DocumentRow | None:
        row = self.db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE stored_name = ?", (stored_name,)
        ).fetchone()
        return None if row is None else DocumentRow(*row)

    def count_documents(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def unfinished_documents(self) -> list[DocumentRow]:
        """Queued and running jobs, oldest first (what a restarted server resumes)."""
        rows = self.db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE status IN ('queued', 'running') ORDER BY seq"
        ).fetchall()
        return [DocumentRow(*r) for r in rows]

    def set_progress(self, doc_id: str, status: JobStatus, *, pages: int | None = None,
                     pages_done: int | None = None, error: str | None = None) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE documents SET status = ?, error = ?, pages = COALESCE(?, pages),"
                " pages_done = COALESCE(?, pages_done) WHERE id = ?",
                (status, error, pages, pages_done, doc_id),
            )

    def set_approved(self, doc_id: str, user: str | None) -> None:
        with self.transaction() as db:
            db.execute("UPDATE documents SET approved_by = ?, approved_at = ? WHERE id = ?",
                       (user, now_iso() if user else None, doc_id))

    # -- notices and corrections ---------------------------------------------------------------

    def notice(self, doc_id: str) -> NoticeRow | None:
        row = self.db.execute(
            "SELECT doc_id, version, record, extracted, updated_by, updated_at FROM notices WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        return NoticeRow(row[0], int(row[1]), json.loads(row[2]), json.loads(row[3]), row[4], row[5])

    def put_extracted(self, doc_id: str, extracted: dict[str, Any], record: dict[str, Any]) -> int:
        """Store a fresh extraction and the record to show (extraction with corrections kept);
        returns the new version."""
        with self.transaction() as db:
            row = db.execute("SELECT version FROM notices WHERE doc_id = ?", (doc_id,)).fetchone()
            version = 1 if row is None else int(row[0]) + 1
            db.execute(
                "INSERT INTO notices (doc_id, version, record, extracted, updated_by, updated_at)"
                " VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version,"
                " record = excluded.record, extracted = excluded.extracted, updated_at = excluded.updated_at",
                (doc_id, version, _dumps(record), _dumps(extracted), now_iso()),
            )
        return version

    def save_correction(
        self, doc_id: str, base_version: int, record: dict[str, Any], changes: list[tuple[str, Any, Any]],
        user: str,
    ) -> int:
        """Store ``record`` as the reviewed notice if the stored version is still ``base_version``,
        with one correction row per changed field; returns the new version or raises
        :class:`VersionConflict` (nothing written)."""
        with self.transaction() as db:
            row = db.execute(
                "SELECT version, updated_by, updated_at FROM notices WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            if row is None:
                raise DeskStoreError("this document has no notice yet")
            if int(row[0]) != base_version:
                raise VersionConflict(int(row[0]), row[1], row[2])
            version = base_version + 1
            at = now_iso()
            db.execute("UPDATE notices SET version = ?, record = ?, updated_by = ?, updated_at = ? WHERE doc_id = ?",
                       (version, _dumps(record), user, at, doc_id))
            for field_name, previous, value in changes:
                db.execute(
                    "INSERT INTO corrections (doc_id, field, previous, value, user, at, version)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (doc_id, field_name, _dumps(previous), _dumps(value), user, at, version),
                )
        return version

    def corrections(self, doc_id: str) -> list[Correction]:
        rows = self.db.execute(
            "SELECT field, previous, value, user, at, version FROM corrections WHERE doc_id = ? ORDER BY id",
            (doc_id,),
        ).fetchall()
        return [Correction(f, json.loads(p), json.loads(v), u, a, int(n)) for f, p, v, u, a, n in rows]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
