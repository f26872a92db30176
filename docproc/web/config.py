"""The desk's settings: where its data lives, limits on uploads, how background work runs.

Everything the desk keeps is under ``data_dir`` (``docproc serve --data DIR``)::

    DIR/desk.sqlite3          accounts, sessions, documents, reviewed notices, corrections
    DIR/archive.sqlite3       the archive index (unless --db names another SQLite file or PostgreSQL)
    DIR/uploads/<id>.<ext>    originals, under generated names
    DIR/work/<id>/            page results, the document and extracted notice records of one upload
    DIR/cache/<id>/<n>.png    page images as the desk shows them
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docproc.config import Settings

DESK_DB_NAME = "desk.sqlite3"
ARCHIVE_DB_NAME = "archive.sqlite3"


@dataclass(frozen=True)
class DeskConfig:
    data_dir: Path
    db: str | None = None  # archive index: SQLite path or postgresql:// URL; None: DIR/archive.sqlite3
    jobs: int = 1  # local worker processes for OCR
    scheduler: str | None = None  # a Dask scheduler address: pages go to the cluster instead
    settings: Settings = field(default_factory=Settings)  # recognition settings (engine, dpi …)
    max_upload_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200
    session_hours: float = 12.0
    token_hours: float = 24.0
    secure_cookies: bool = False  # set when the desk is served over HTTPS (behind a proxy)
    run_jobs: bool = True  # False: uploads are queued but nothing processes them (tests of the API)
    image_dpi: int = 110  # page images shown in the document view

    @property
    def desk_db(self) -> Path:
        return self.data_dir / DESK_DB_NAME

    @property
    def archive_db(self) -> str:
        return self.db if self.db is not None else str(self.data_dir / ARCHIVE_DB_NAME)

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def work_dir(self) -> Path:
        return self.data_dir / "work"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"
