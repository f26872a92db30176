"""The archive: index files and folders, search them, export the catalogue.

``open_store(db)`` opens the SQLite file (default) or PostgreSQL URL; ``find_indexable_files``
walks folders and ``docproc.workflow.archive_file`` adds a file; ``store.search(SearchQuery(...))``
finds them.
"""

from __future__ import annotations

from docproc.index.files import find_indexable_files
from docproc.index.records import CatalogueEntry, IndexStats, SearchHit, SearchQuery, Segment
from docproc.index.store import IndexStore, default_db_path, open_store

__all__ = [
    "CatalogueEntry",
    "IndexStats",
    "IndexStore",
    "SearchHit",
    "SearchQuery",
    "Segment",
    "default_db_path",
    "find_indexable_files",
    "open_store",
]
