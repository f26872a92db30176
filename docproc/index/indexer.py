"""Files and folders into the archive: walk, skip what is indexed, read, extract, store.

A file is identified by its absolute path; its sha256 says whether it changed. Each file is read
(text layer, or OCR for a scan), extracted when it is a notice, and written in one transaction, so
a run that is killed loses at most the file it was reading, and a second run picks up from there.
The originals are only read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from docproc.errors import DocprocError, InputError
from docproc.index.catalogue import catalogue_entry, notice_of
from docproc.index.store import IndexStore
from docproc.index.text import index_settings
from docproc.ingest.sha import sha256_file

if TYPE_CHECKING:
    from docproc.pipeline import PageProgress, Recognizer

IndexOutcome = Literal["added", "updated", "unchanged"]


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
    """Named files as given, folders walked (sorted, hidden folders skipped), each file once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*")
                if p.is_file() and is_indexable(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
            )
        elif path.exists():
            candidates = [path]
        else:
            raise InputError("no such file or folder", path=str(path))
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def index_file(
    store: IndexStore,
    path: Path,
    recognizer: Recognizer,
    *,
    password: str | None = None,
    progress: PageProgress | None = None,
    keep_pdf: Path | None = None,
) -> IndexOutcome:
    """Index one file unless the store already holds it with the same sha256.

    ``keep_pdf``: a folder that receives ``<stem>-<sha256[:12]>.searchable.pdf``, the archival
    copy of each PDF or image read (not of text files or document JSONs)."""
    resolved = str(path.resolve())
    try:
        sha256 = sha256_file(path)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from exc
    known = store.indexed_sha256(resolved)
    if known == sha256:
        return "unchanged"
    document = recognizer.recognize(path, password=password, progress=progress)
    if keep_pdf is not None and document.pages and not path.name.lower().endswith(".json"):
        from docproc.export import write_searchable_pdf

        copy = keep_pdf / f"{path.stem}-{sha256[:12]}.searchable.pdf"
        write_searchable_pdf(document, path, copy, password=password)
    entry = catalogue_entry(document, resolved, sha256, notice_of(document))
    if not store.put(entry):
        return "unchanged"
    return "added" if known is None else "updated"


@dataclass
class IndexReport:
    """What one ``index add`` run did to each file."""

    outcomes: dict[str, IndexOutcome] = field(default_factory=dict)
    failed: dict[str, DocprocError] = field(default_factory=dict)

    def count(self, outcome: IndexOutcome) -> int:
        return sum(1 for o in self.outcomes.values() if o == outcome)

    def summary(self) -> str:
        return (
            f"{self.count('added')} added, {self.count('updated')} updated, "
            f"{self.count('unchanged')} unchanged, {len(self.failed)} failed"
        )


def index_paths(
    store: IndexStore,
    paths: Sequence[Path],
    recognizer: Recognizer,
    *,
    password: str | None = None,
    on_file: Callable[[Path, IndexOutcome | DocprocError], None] | None = None,
) -> IndexReport:
    """Index every file under ``paths``; a file that fails is recorded and the others go on."""
    report = IndexReport()
    for path in find_indexable_files(paths):
        result: IndexOutcome | DocprocError
        try:
            result = index_file(store, path, recognizer, password=password)
        except DocprocError as exc:
            exc.path = exc.path or str(path)
            result = exc
            report.failed[str(path)] = exc
        else:
            report.outcomes[str(path)] = result
        if on_file is not None:
            on_file(path, result)
    return report
