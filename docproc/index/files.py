"""Which files ``index add`` takes from the paths it is given: named files as they are, folders walked.

Reading, extracting and storing one file is :func:`docproc.workflow.archive_file` (a file is
identified by its absolute path; its sha256 says whether it changed; each file is written in one
transaction, so a run that is killed loses at most the file it was reading). The originals are only
read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docproc.fileio import resolve_or_absolute
from docproc.index.text import index_settings


def is_indexable(path: Path) -> bool:
    """A file a folder walk picks up: a known suffix (``models/index/search.json``), not hidden."""
    name = path.name.lower()
    suffixes: list[str] = index_settings()["indexed_suffixes"]
    if name.startswith("."):
        return False
    if name.endswith(".json"):
        return name.endswith(".document.json")
    return any(name.endswith(s) for s in suffixes)


def find_indexable_files(paths: Iterable[Path]) -> list[Path]:
    """Named files as given, folders walked (sorted, hidden folders skipped), each file once.

    A named path that is no folder is kept whatever it is (missing, a symbolic link loop, a pipe):
    reading it fails for that file alone, with its own message, and the others are indexed."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*")
                if p.is_file() and is_indexable(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
            )
        else:
            candidates = [path]
        for candidate in candidates:
            key = resolve_or_absolute(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found

