"""The gold cases the extraction bench scores, in three sets, and the inputs of each.

- **own**: ``fixtures/gold/<case>.notice.json`` — the seeds, GovDoc-CN 397 and the notices written for
  docproc's tests; the rules were written on them.
- **dev** and **held-out**: ``fixtures/realnotices/<case>/gold.notice.json`` — real documents, split by
  ``fixtures/realnotices/splits.json``. Dev may be studied; held-out is scored, never studied (the bench
  prints no per-case difference for it).

Two routes per case:

- **text**: the document as a user has it without OCR — ``input.txt``/``input.html``, a born-digital
  ``input.pdf``; for a real scan (gold ``text_source`` ``ocr``) its transcript ``reference.txt``;
- **scan**: the document through OCR — a real scan's ``input.pdf``; otherwise the case's ``notice.txt``
  rendered as a degraded GB/T 9704 scan (own cases: the committed ``degraded.pdf``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

REPO_DIR = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_DIR / "fixtures"
GOLD_DIR = FIXTURES_DIR / "gold"
REAL_DIR = FIXTURES_DIR / "realnotices"
SPLITS_FILE = REAL_DIR / "splits.json"
RENDER_CACHE = REPO_DIR / "build" / "bench-render"

SetName = Literal["own", "dev", "heldout"]
SET_NAMES: tuple[SetName, ...] = ("heldout", "dev", "own")
INPUT_NAMES = ("input.txt", "input.html", "input.htm", "input.pdf")


@dataclass(frozen=True)
class GoldCase:
    name: str
    set: SetName
    folder: Path
    gold_path: Path

    def gold(self) -> dict[str, Any]:
        record: dict[str, Any] = json.loads(self.gold_path.read_text(encoding="utf-8"))
        return record

    @property
    def is_real_scan(self) -> bool:
        return self.set != "own" and self.gold()["source"].get("text_source") == "ocr"

    def text_input(self) -> Path:
        """What the text route reads."""
        if self.set == "own":
            return own_case_text_path(self.name)
        if self.is_real_scan:
            return self.folder / "reference.txt"
        for name in INPUT_NAMES:
            if (self.folder / name).is_file():
                return self.folder / name
        raise FileNotFoundError(f"{self.folder}: no input file")

    def scan_input(self, render: bool = True) -> Path | None:
        """What the scan route OCRs (rendering ``notice.txt`` first when needed; with ``render`` false, only
        a render already made), or None."""
        if self.set == "own":
            path = own_case_folder(self.name) / "degraded.pdf"
            return path if path.exists() else None
        if self.is_real_scan:
            return self.folder / "input.pdf"
        if (self.folder / "notice.txt").is_file():
            return rendered_scan(self.folder) if render else _rendered_path(self.folder)
        return None


def own_case_folder(case: str) -> Path:
    folder = FIXTURES_DIR / case
    return folder if folder.is_dir() else FIXTURES_DIR / "notices" / case


def own_case_text_path(case: str) -> Path:
    """The plain text a clerk gets: ``input.txt`` (seeds, written notices) or GovDoc-CN's ``397.txt``."""
    folder = own_case_folder(case)
    given = folder / "input.txt"
    return given if given.exists() else folder / f"{case.rsplit('-', 1)[-1]}.txt"


@lru_cache(maxsize=1)
def splits() -> dict[str, list[str]]:
    if not SPLITS_FILE.exists():
        return {"dev": [], "heldout": []}
    data = json.loads(SPLITS_FILE.read_text(encoding="utf-8"))
    return {"dev": list(data.get("dev", [])), "heldout": list(data.get("heldout", []))}


def cases(set_name: SetName) -> list[GoldCase]:
    """The cases of one set that have a gold record (a split name without a folder yet is skipped)."""
    if set_name == "own":
        return [GoldCase(path.name.removesuffix(".notice.json"), "own", own_case_folder(
            path.name.removesuffix(".notice.json")), path) for path in sorted(GOLD_DIR.glob("*.notice.json"))]
    found = []
    for name in sorted(splits()[set_name]):
        gold = REAL_DIR / name / "gold.notice.json"
        if gold.is_file():
            found.append(GoldCase(name, set_name, REAL_DIR / name, gold))
    return found


def unsplit_real_cases() -> list[str]:
    """Real case folders with a gold record that ``splits.json`` does not place (an error to fix)."""
    placed = set(splits()["dev"]) | set(splits()["heldout"])
    return sorted(p.parent.name for p in REAL_DIR.glob("*/gold.notice.json") if p.parent.name not in placed)


def _renderer_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO_DIR / "tools" / "render").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _render_target(folder: Path) -> Path:
    source = (folder / "notice.txt").read_bytes()
    return RENDER_CACHE / (hashlib.sha256(source).hexdigest()[:12] + "-" + _renderer_digest()) / folder.name


def _rendered_path(folder: Path) -> Path | None:
    pdf = _render_target(folder) / "degraded.pdf"
    return pdf if pdf.exists() else None


def rendered_scan(folder: Path) -> Path:
    """``folder/notice.txt`` rendered as a degraded scan, cached under ``build/bench-render/``.

    The cache folder is named after the case (the renderer seeds its randomness with the folder name,
    so a case always renders to the same bytes) inside a folder keyed by the source and the renderer.
    """
    source = (folder / "notice.txt").read_bytes()
    target = _render_target(folder)
    key = target.parent.name
    pdf = target / "degraded.pdf"
    if pdf.exists():
        return pdf
    import sys

    sys.path.insert(0, str(REPO_DIR / "tools"))
    from render.outputs import render_case  # type: ignore[import-not-found]

    staging = RENDER_CACHE / f"{key}.tmp{os.getpid()}" / folder.name  # two runs may render the same case
    shutil.rmtree(staging.parent, ignore_errors=True)
    staging.mkdir(parents=True)
    (staging / "notice.txt").write_bytes(source)
    render_case(staging, degraded_pngs="none")  # seeded by the folder name: the case's own name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    shutil.rmtree(staging.parent, ignore_errors=True)
    return pdf
