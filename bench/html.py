"""Saved web pages: how exactly docproc reads a page's main text, and how fast.

    python -m bench.html

Three sets of real pages:

* **held-out** and **dev**: the saved pages of ``fixtures/realnotices`` (``input.html``), split by
  ``splits.json``; the reference is the annotator's ``reference.txt`` (the page's text as printed:
  title and body, no metadata block, no chrome);
* **own**: ``fixtures/html/<case>`` (``expected.txt``: the whole main text, metadata lines included).

Scored per set: CER (whitespace removed, as :func:`docproc.metrics.character_error_rate`) of the
page's title and body against the reference (metadata lines left out on both sides), over all the
set's characters and as the mean of the pages; and, where the case has gold, the share of pages whose
metadata block equals the gold ``page_metadata``. Held-out pages are scored as an aggregate only:
nothing is printed per page. Speed: pages per second and MB per second over every page, read from
memory (decode, parse, main text), the best of a few rounds.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
REAL_DIR = REPO_DIR / "fixtures" / "realnotices"
HTML_DIR = REPO_DIR / "fixtures" / "html"
SPEED_ROUNDS = 5


@dataclass
class PageCase:
    name: str
    set: str  # "heldout" | "dev" | "own"
    page: Path
    reference: str  # title and body, no metadata lines
    gold_metadata: dict[str, str] | None


def page_cases() -> list[PageCase]:
    splits = json.loads((REAL_DIR / "splits.json").read_text(encoding="utf-8"))
    cases: list[PageCase] = []
    for set_name in ("heldout", "dev"):
        for name in splits[set_name]:
            folder = REAL_DIR / name
            if not (folder / "input.html").is_file():
                continue
            gold = json.loads((folder / "gold.notice.json").read_text(encoding="utf-8"))
            cases.append(PageCase(name, set_name, folder / "input.html",
                                  (folder / "reference.txt").read_text(encoding="utf-8"),
                                  dict(gold.get("page_metadata") or {})))
    for folder in sorted(p for p in HTML_DIR.iterdir() if (p / "expected.txt").is_file()):
        cases.append(PageCase(folder.name, "own", folder / "input.html",
                              (folder / "expected.txt").read_text(encoding="utf-8"), None))
    return cases


def _without_metadata(text: str, metadata: list[tuple[str, str]]) -> str:
    lines = {f"{label}：{value}" for label, value in metadata}
    return "\n".join(line for line in text.splitlines() if line not in lines)


def score_case(case: PageCase) -> dict[str, Any]:
    from docproc.errors import DocprocError
    from docproc.ingest.html import html_text
    from docproc.metrics import levenshtein_distance, strip_whitespace

    data = case.page.read_bytes()
    try:
        page = html_text(data, case.page)
        text, metadata = page.text, page.metadata
    except DocprocError:
        text, metadata = "", []
    hypothesis = strip_whitespace(_without_metadata(text, metadata))
    reference = strip_whitespace(_without_metadata(case.reference, metadata) if case.set == "own"
                                 else case.reference)
    return {
        "case": case.name,
        "set": case.set,
        "bytes": len(data),
        "ref_chars": len(reference),
        "errors": levenshtein_distance(hypothesis, reference),
        "metadata_match": None if case.gold_metadata is None else dict(metadata) == case.gold_metadata,
    }


def pages_per_second(cases: list[PageCase]) -> dict[str, float]:
    from docproc.ingest.html import html_text

    pages = [(c.page, c.page.read_bytes()) for c in cases]
    total_bytes = sum(len(d) for _, d in pages)
    best = float("inf")
    for _ in range(SPEED_ROUNDS):
        started = time.perf_counter()
        for path, data in pages:
            html_text(data, path)
        best = min(best, time.perf_counter() - started)
    return {"pages": len(pages), "seconds": round(best, 4), "pages_per_second": round(len(pages) / best, 1),
            "mb_per_second": round(total_bytes / 1024 / 1024 / best, 2)}


def summarise(scores: list[dict[str, Any]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for set_name in ("heldout", "dev", "own"):
        chosen = [s for s in scores if s["set"] == set_name]
        if not chosen:
            continue
        matches = [s["metadata_match"] for s in chosen if s["metadata_match"] is not None]
        summary[set_name] = {
            "pages": len(chosen),
            "cer": round(sum(s["errors"] for s in chosen) / max(1, sum(s["ref_chars"] for s in chosen)), 4),
            "mean_page_cer": round(sum(s["errors"] / max(1, s["ref_chars"]) for s in chosen) / len(chosen), 4),
            "metadata_equal_to_gold": None if not matches else round(sum(matches) / len(matches), 3),
        }
    return summary


def run(results: dict[str, Any]) -> None:
    """Score every saved page; adds ``results["html"]`` and prints a table (no per-page held-out row)."""
    cases = page_cases()
    scores = [score_case(c) for c in cases]
    summary = summarise(scores)
    summary["speed"] = pages_per_second(cases)
    results["html"] = {"summary": summary, "pages": [s for s in scores if s["set"] != "heldout"]}
    print(f"{'page':34} {'set':8} {'chars':>6} {'CER':>7} {'metadata':>9}")
    for s in scores:
        if s["set"] == "heldout":
            continue
        meta = "-" if s["metadata_match"] is None else ("= gold" if s["metadata_match"] else "≠ gold")
        print(f"{s['case']:34} {s['set']:8} {s['ref_chars']:6d} {s['errors'] / max(1, s['ref_chars']):7.4f} "
              f"{meta:>9}")
    for set_name in ("heldout", "dev", "own"):
        if set_name in summary:
            v = summary[set_name]
            meta = "-" if v["metadata_equal_to_gold"] is None else f"{v['metadata_equal_to_gold']:.0%}"
            print(f"{'all ' + set_name:34} {v['pages']:>8d} pages  CER {v['cer']:.4f} "
                  f"(mean per page {v['mean_page_cer']:.4f}), metadata = gold: {meta}")
    speed = summary["speed"]
    print(f"speed: {speed['pages_per_second']} pages/s, {speed['mb_per_second']} MB/s "
          f"({speed['pages']} pages read from memory, best of {SPEED_ROUNDS})")


if __name__ == "__main__":
    run({})
