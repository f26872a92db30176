"""Which OCR confusions of ``models/normalize/confusions.jsonl`` fix errors our own OCR engine makes.

    python -m bench.confusions [--ocr-cache DIR] [--write]

Over the dev cases' scans (a real scan as it is; every other case's ``notice.txt`` rendered as a
degraded scan, as the extraction bench does) read by the default engine, each entry is measured alone:
the clean-up with every other confusion and without it, against the case's reference text. An entry
*fires* where it changes the text; it *helps* when the text is closer to the reference with it (edit
distance down), *hurts* when further. ``--write`` keeps only the entries that helped more than they
hurt (with their measured counts as a note) and drops the rest. Never measured on held-out cases.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.extraction import OcrCache
from bench.gold_sets import REPO_DIR, GoldCase, cases

CONFUSIONS = REPO_DIR / "models" / "normalize" / "confusions.jsonl"


def _reference(case: GoldCase, scan: Path) -> str | None:
    # a real scan's transcript; else the renderer's text of what it drew
    path = case.folder / "reference.txt" if case.is_real_scan else scan.parent / "reference.txt"
    return path.read_text(encoding="utf-8") if path.exists() else None


def measure(ocr_cache: Path | None) -> tuple[list[dict[str, Any]], int]:
    from docproc.metrics import levenshtein_distance, strip_whitespace
    from docproc.normalize import normalize_text
    from docproc.normalize.rules import load_cleanup_rules
    from docproc.pipeline import Recognizer

    rules = load_cleanup_rules()
    recognizer = Recognizer()
    cache = OcrCache(ocr_cache)
    pages: list[tuple[str, str]] = []
    for case in cases("dev"):
        scan = case.scan_input()
        if scan is None:
            continue
        reference = _reference(case, scan)
        if reference is None:
            continue
        pages.append((cache.recognize(scan, recognizer.recognize).text, strip_whitespace(reference)))
    rows = []
    for index, confusion in enumerate(rules.confusions):
        without = replace(rules, confusions=rules.confusions[:index] + rules.confusions[index + 1 :])
        fires = helps = hurts = 0
        for raw, reference in pages:
            with_it = strip_whitespace(normalize_text(raw, rules).text)
            without_it = strip_whitespace(normalize_text(raw, without).text)
            if with_it == without_it:
                continue
            fires += 1
            delta = levenshtein_distance(without_it, reference) - levenshtein_distance(with_it, reference)
            helps += max(delta, 0)
            hurts += max(-delta, 0)
        rows.append({"wrong": confusion.wrong, "right": confusion.right, "fires": fires, "helps": helps,
                     "hurts": hurts})
    return rows, len(pages)


def run(results: dict[str, Any], ocr_cache: Path | None = None) -> None:
    """Add the ``confusions`` section (measured only, nothing written) and print its table."""
    rows, pages = measure(ocr_cache)
    results["confusions"] = {"documents": pages, "entries": rows}
    firing = [row for row in rows if row["fires"]]
    print(f"{len(rows)} confusions over {pages} OCR'd dev documents; {len(firing)} fire")
    for row in firing:
        print(f"  {row['wrong']!r:>8} → {row['right']!r:<6} fires in {row['fires']:>3}, helps {row['helps']:>3}, "
              f"hurts {row['hurts']:>3}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ocr-cache", type=Path, help="reuse OCR documents kept in this folder")
    parser.add_argument("--write", action="store_true", help="keep only the entries that helped")
    args = parser.parse_args(argv)
    rows, pages = measure(args.ocr_cache)
    print(f"{len(rows)} confusions over {pages} OCR'd dev documents")
    for row in rows:
        print(f"  {row['wrong']!r:>8} → {row['right']!r:<6} fires in {row['fires']:>3} documents, "
              f"helps {row['helps']:>3}, hurts {row['hurts']:>3}")
    if args.write:
        notes = {json.loads(line)["wrong"] + "→" + json.loads(line)["right"]: json.loads(line).get("note", "")
                 for line in CONFUSIONS.read_text(encoding="utf-8").splitlines() if line.strip()}
        kept = [row for row in rows if row["helps"] > row["hurts"]]
        lines = [json.dumps({"wrong": row["wrong"], "right": row["right"],
                             "note": f"{notes.get(row['wrong'] + '→' + row['right'], '')}; measured on {pages} "
                                     f"dev scans: helps {row['helps']}, hurts {row['hurts']}"},
                            ensure_ascii=False) for row in kept]
        CONFUSIONS.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        print(f"kept {len(kept)} of {len(rows)} in {CONFUSIONS.relative_to(REPO_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
