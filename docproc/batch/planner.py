"""Which files of the batch folder need work: new ones, changed ones (sha256), lost outputs.

Files are walked in sorted order; hidden names (``.…``) and anything under the output folder are
skipped. An input's results go to ``OUT/results/<its path under DIR>/``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from docproc.batch.manifest import ManifestEntry
from docproc.ingest import sha256_file

RESULTS_FOLDER = "results"


@dataclass(frozen=True)
class Candidate:
    """A file found under the batch folder, with what ``stat`` said about it."""

    path: Path  # absolute
    relative: str  # under the batch folder, '/'-separated
    size: int
    mtime_ns: int


def scan_folder(root: Path, *, skip: list[Path]) -> list[Candidate]:
    """Every regular, non-hidden file under ``root`` (not following symlinked folders)."""
    root = root.resolve()
    skipped = [s.resolve() for s in skip]
    found: list[Candidate] = []
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            d for d in subfolders if not d.startswith(".") and (here / d).resolve() not in skipped
        )
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = here / name
            try:
                info = path.stat()
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or path.resolve() in skipped:
                continue
            found.append(
                Candidate(path, path.relative_to(root).as_posix(), info.st_size, info.st_mtime_ns)
            )
    return found


def result_folder(output: Path, relative: str) -> Path:
    return output / RESULTS_FOLDER / relative


def current_sha256(candidate: Candidate, entry: ManifestEntry | None) -> str:
    """The file's sha256: the recorded one while size and mtime are unchanged, else hashed."""
    if entry is not None and (entry.size, entry.mtime_ns) == (candidate.size, candidate.mtime_ns):
        return entry.sha256
    return sha256_file(candidate.path)


def plan_input(
    candidate: Candidate,
    entry: ManifestEntry | None,
    output: Path,
    *,
    retry_failed: bool,
) -> str | None:
    """The sha256 to process the file under, or None when its manifest entry still holds.

    Work is due for a file never done, changed since (sha256), done but with an output missing,
    or (with ``retry_failed``) failed last time. A file that cannot be read now is still planned
    (with an empty sha256) so that its worker reports why.
    """
    try:
        sha256 = current_sha256(candidate, entry)
    except OSError:
        return ""
    if entry is None or sha256 != entry.sha256:
        return sha256
    if entry.status == "failed":
        return sha256 if retry_failed else None
    missing = not all((output / name).is_file() for name in entry.outputs)
    return sha256 if missing else None
