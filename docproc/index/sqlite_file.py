"""The archive's SQLite file: made whole before anyone can see it, and recognised before any write.

``--db`` names a file, and a typing mistake can name another application's database, an empty file
or no database at all. docproc writes only into a file it made:

- a missing file becomes a new archive built under a temporary name (schema, WAL mode) and linked
  into place in one step, so no run ever meets a half-made archive (two ``index add`` runs starting
  at once: one makes it, the other uses it);
- an existing file must be a docproc archive — the header of a SQLite database, and its
  ``meta`` (with a ``schema_version``), ``documents`` and ``segments`` tables — else the command
  stops with exit 7 and the file is left byte for byte as it was (read through a read-only
  connection).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from docproc.errors import IndexStoreError

SQLITE_HEADER = b"SQLite format 3\x00"
ARCHIVE_TABLES = frozenset({"meta", "documents", "segments"})
_LEAVE_IT = "docproc leaves it as it is: give --db an archive made by `docproc index add`, or a new file name"


def make_archive_file(path: Path, prepare: Callable[[sqlite3.Connection], None]) -> None:
    """Create the archive ``path`` unless it exists: ``prepare`` (schema, journal mode) runs on a
    temporary file beside it, which is then linked into place; a file another run linked first wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        connection = sqlite3.connect(temp, isolation_level=None)
        try:
            prepare(connection)
        finally:
            connection.close()
        try:
            os.link(temp, path)  # atomic, and never replaces a file that appeared meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.rename(temp, path)
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")):
            leftover.unlink(missing_ok=True)


def check_archive_file(path: Path) -> None:
    """Return when ``path`` is a docproc archive; raise :class:`IndexStoreError` (exit 7) else."""
    try:
        info = path.stat()
    except OSError as exc:
        raise IndexStoreError(f"cannot open the archive index {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise IndexStoreError(f"{path} is not a file, so not a docproc archive; {_LEAVE_IT}")
    if info.st_size == 0:
        raise IndexStoreError(f"{path} is an empty file, not a docproc archive; {_LEAVE_IT}")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise IndexStoreError(f"cannot read the archive index {path}: {exc.strerror or exc}") from exc
    if header != SQLITE_HEADER:
        raise IndexStoreError(f"{path} is not a SQLite database, so not a docproc archive; {_LEAVE_IT}")
    tables, version = _tables_and_version(path)
    if not tables >= ARCHIVE_TABLES or version is None:
        shown = ", ".join(sorted(tables)[:6]) or "none"
        raise IndexStoreError(
            f"{path} is a SQLite database of another application (its tables: {shown}), not a "
            f"docproc archive; {_LEAVE_IT}"
        )


def _tables_and_version(path: Path) -> tuple[set[str], str | None]:
    """The table names and ``meta.schema_version``, read through a read-only connection."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            tables = {str(name) for (name,) in rows}
            version = _schema_version(connection) if "meta" in tables else None
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise IndexStoreError(f"{path} cannot be read as a SQLite database ({exc}); {_LEAVE_IT}") from exc
    return tables, version


def _schema_version(connection: sqlite3.Connection) -> str | None:
    """docproc's ``meta.schema_version``; None for a ``meta`` table of another shape or without it."""
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:  # another application's meta table, other columns
        return None
    return None if row is None else str(row[0])
