"""The archive: index files and folders, search them, export the catalogue.

``open_store(db)`` opens the SQLite file (default) or PostgreSQL URL; ``index_paths`` /
``index_file`` add files; ``store.search(SearchQuery(...))`` finds them.
"""

from __future__ import annotations

from docproc.index.indexer import IndexReport, find_indexable_files, index_file, index_paths
from docproc.index.records import CatalogueEntry, IndexStats, SearchHit, SearchQuery, Segment
from docproc.index.store import IndexStore, default_db_path, open_store

__all__ = [
    "CatalogueEntry",
    "IndexReport",
    "IndexStats",
    "IndexStore",
    "SearchHit",
    "SearchQuery",
    "Segment",
    "default_db_path",
    "find_indexable_files",
    "index_file",
    "index_paths",
    "open_store",
]
