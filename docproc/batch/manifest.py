"""``OUT/manifest.jsonl``: one JSON line per finished input, appended and fsync'd, never rewritten.

A line is written after the input's outputs are in place (each written atomically), so a line in
the manifest means its outputs exist. A run killed mid-write leaves at most a torn last line:
readers skip lines that are not whole JSON objects, and the next writer starts on a fresh line.
The latest line for a path wins (a changed file gets a new line on the next run).

Fields: ``path`` (relative to the batch folder, ``/``-separated), ``sha256``, ``status``
(``ok`` / ``partial`` / ``failed``), ``error`` (null or one line), ``seconds``, ``outputs``
(relative to ``OUT``), ``pages``, and ``size`` / ``mtime_ns`` of the input when it was read
(a rerun trusts the recorded sha256 while both are unchanged, instead of hashing again).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

MANIFEST_NAME = "manifest.jsonl"
Status = Literal["ok", "partial", "failed"]
STATUSES = ("ok", "partial", "failed")


@dataclass
class ManifestEntry:
    path: str
    sha256: str
    status: Status
    error: str | None = None
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    pages: int = 0
    size: int = 0
    mtime_ns: int = 0

    def to_json_line(self) -> str:
        record = asdict(self)
        record["seconds"] = round(self.seconds, 3)
        return json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ManifestEntry:
        if data.get("status") not in STATUSES:
            raise ValueError(f"unknown status {data.get('status')!r}")
        return cls(
            path=str(data["path"]),
            sha256=str(data["sha256"]),
            status=data["status"],
            error=data.get("error"),
            seconds=float(data.get("seconds", 0.0)),
            outputs=[str(o) for o in data.get("outputs", [])],
            pages=int(data.get("pages", 0)),
            size=int(data.get("size", 0)),
            mtime_ns=int(data.get("mtime_ns", 0)),
        )


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """The latest entry per input path; a torn or foreign line is skipped."""
    latest: dict[str, ManifestEntry] = {}
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return latest
    for line in raw.splitlines():
        try:
            data = json.loads(line.decode("utf-8"))
            entry = ManifestEntry.from_dict(data)
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            continue
        latest[entry.path] = entry
    return latest


class ManifestWriter:
    """Appends entries: one ``write`` + ``fsync`` per line, so a line survives SIGKILL or power loss
    once ``append`` returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if created:
            _fsync_folder(path.parent)
        elif _ends_torn(path):
            os.write(self._fd, b"\n")  # a killed run's half line stays alone on its line

    def append(self, entry: ManifestEntry) -> None:
        os.write(self._fd, entry.to_json_line().encode("utf-8"))
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _ends_torn(path: Path) -> bool:
    size = path.stat().st_size
    if size == 0:
        return False
    with open(path, "rb") as handle:
        handle.seek(size - 1)
        return handle.read(1) != b"\n"


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
