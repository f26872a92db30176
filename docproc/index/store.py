"""The archive store interface and how a ``--db`` value picks its backend.

``--db`` takes a SQLite file path (the embedded default) or a ``postgresql://`` URL (a shared
office archive, needs the ``postgres`` extra: ``psycopg``). Without it the SQLite file lives in the
user's data folder (``platformdirs.user_data_dir("docproc")/archive.sqlite3``), or where
``$DOCPROC_INDEX_DB`` says.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from docproc.index.records import CatalogueEntry, IndexStats, SearchHit, SearchQuery

DB_ENVIRONMENT_VARIABLE = "DOCPROC_INDEX_DB"
DEFAULT_DB_NAME = "archive.sqlite3"


class IndexStore(Protocol):
    """What every backend offers; each ``put`` is one transaction."""

    backend: str
    location: str

    def indexed_sha256(self, path: str) -> str | None:
        """The file sha256 the index holds for ``path``, or None if it was never indexed."""

    def put(self, entry: CatalogueEntry, *, replace: bool = False) -> bool:
        """Store ``entry`` (replacing an older version of the same path) in one transaction.

        Returns False, changing nothing, when the same path with the same sha256 is already there
        (another run got there first), unless ``replace``: then the entry is written again (the
        review desk re-indexes a file whose notice a person corrected)."""

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """The best ``query.limit`` documents, title and 文号 hits first."""

    def entries(self) -> Iterator[CatalogueEntry]:
        """Every entry's catalogue fields (no segments), by date then path."""

    def stats(self) -> IndexStats:
        """Counts of documents, pages and segments, by year, type and text source."""

    def close(self) -> None:
        """Release the connection."""


def default_db_path() -> Path:
    """``$DOCPROC_INDEX_DB``, else ``archive.sqlite3`` in the user's data folder."""
    from_environment = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if from_environment:
        return Path(from_environment)
    import platformdirs

    return Path(platformdirs.user_data_dir("docproc")) / DEFAULT_DB_NAME


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str | Path | None = None, *, create: bool = True) -> IndexStore:
    """The store at ``db``: a ``postgresql://`` URL, a SQLite path, or None for the default.

    ``create=False`` (searching, exporting) refuses a SQLite file that does not exist yet rather
    than searching a new empty one made by a typing mistake."""
    if db is not None and is_postgres_url(str(db)):
        from docproc.index.postgres_store import PostgresStore

        return PostgresStore(str(db))
    from docproc.errors import IndexStoreError
    from docproc.index.sqlite_store import SqliteStore

    path = Path(db) if db is not None else default_db_path()
    if not create and not path.exists():
        raise IndexStoreError(f"no archive index at {path}: run `docproc index add` first (or give --db)")
    return SqliteStore(path)
