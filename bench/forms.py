"""Self-check forms: cell text and structure accuracy on born-digital PDFs and degraded scans.

    python -m bench.forms [--cases zhifa-3col,…] [--born-digital-only]

For every ``fixtures/forms/<case>/`` (``form.pdf`` and ``scan.jpg``/``scan.pdf`` against
``expected.json``), the form is read with :func:`docproc.forms.read_form` and its first table is
compared with the expected cells:

* structure: an expected cell counts when a cell at the same row/col with the same rowspan/colspan
  was found; the score is matched cells / max(expected cells, found cells), so extra or missing
  cells cost;
* text: an expected cell counts when the cell found at its row/col has the same text after NFKC
  and whitespace normalisation (``docproc.forms.lexicon.normalise_cell_text``); empty cells count
  too (an empty cell must stay empty).

Targets (issue 5): text ≥ 98 % born-digital and ≥ 93 % degraded scans, structure ≥ 98 % on both.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
FORMS_DIR = REPO_DIR / "fixtures" / "forms"
TARGETS = {"born-digital": {"text": 0.98, "structure": 0.98}, "scan": {"text": 0.93, "structure": 0.98}}


@dataclass
class CaseScore:
    case: str
    variant: str  # "born-digital" | "scan"
    expected_cells: int
    found_cells: int
    structure_matches: int
    text_matches: int
    seconds: float

    @property
    def structure(self) -> float:
        return self.structure_matches / max(self.expected_cells, self.found_cells, 1)

    @property
    def text(self) -> float:
        return self.text_matches / max(self.expected_cells, 1)


def score_table(expected: list[dict[str, Any]], found: list[Any]) -> tuple[int, int]:
    """(structure matches, text matches) of the found cells against the expected ones."""
    from docproc.forms.lexicon import normalise_cell_text

    by_position = {(c.row, c.col): c for c in found}
    structure = text = 0
    for cell in expected:
        hit = by_position.get((cell["row"], cell["col"]))
        if hit is None:
            continue
        if (hit.rowspan, hit.colspan) == (cell["rowspan"], cell["colspan"]):
            structure += 1
        if normalise_cell_text(hit.text) == normalise_cell_text(cell["text"]):
            text += 1
    return structure, text


def score_case(folder: Path, variant: str, reader: Any) -> CaseScore | None:
    """The case's score, or None for a scan variant of a born-digital-only case (PDF geometry)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if variant == "scan" and not expected.get("scan"):
        return None
    path = folder / ("form.pdf" if variant == "born-digital" else expected["scan"]["file"])
    started = time.perf_counter()
    form = reader.read(path)
    seconds = time.perf_counter() - started
    found = form.tables[0].cells if form.tables else []
    structure, text = score_table(expected["cells"], found)
    return CaseScore(folder.name, variant, len(expected["cells"]), len(found), structure, text, seconds)


def summarise(scores: list[CaseScore]) -> dict[str, Any]:
    out: dict[str, Any] = {"cases": [asdict(s) | {"text": round(s.text, 4), "structure": round(s.structure, 4)}
                                     for s in scores]}
    for variant, target in TARGETS.items():
        group = [s for s in scores if s.variant == variant]
        if not group:
            continue
        cells = sum(max(s.expected_cells, s.found_cells) for s in group)
        out[variant] = {
            "cells": sum(s.expected_cells for s in group),
            "min_case_text": round(min(s.text for s in group), 4),
            "text": round(sum(s.text_matches for s in group) / max(sum(s.expected_cells for s in group), 1), 4),
            "structure": round(sum(s.structure_matches for s in group) / max(cells, 1), 4),
            "seconds": round(sum(s.seconds for s in group), 2),
            "targets": target,
        }
    return out


def run(results: dict[str, Any], cases: list[str] | None = None, scans: bool = True) -> None:
    """Score every form fixture; adds ``results["forms"]`` and prints a table."""
    from docproc.forms import FormReader

    reader = FormReader()
    folders = sorted(p.parent for p in FORMS_DIR.glob("*/expected.json"))
    if cases:
        folders = [f for f in folders if f.name in cases]
    scores = []
    for folder in folders:
        for variant in ("born-digital", "scan") if scans else ("born-digital",):
            score = score_case(folder, variant, reader)
            if score is not None:
                scores.append(score)
    summary = summarise(scores)
    results["forms"] = summary
    print(f"{'case':26} {'variant':13} {'cells':>5} {'text':>7} {'struct':>7} {'sec':>6}")
    for s in scores:
        print(f"{s.case:26} {s.variant:13} {s.expected_cells:5d} {s.text:7.1%} {s.structure:7.1%} {s.seconds:6.1f}")
    for variant in TARGETS:
        if variant in summary:
            v = summary[variant]
            print(f"{'all':26} {variant:13} {v['cells']:5d} {v['text']:7.1%} {v['structure']:7.1%} "
                  f"{v['seconds']:6.1f}   (worst case text {v['min_case_text']:.1%}; "
                  f"targets: text ≥ {v['targets']['text']:.0%}, "
                  f"structure ≥ {v['targets']['structure']:.0%})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", help="comma-separated case folders of fixtures/forms")
    parser.add_argument("--born-digital-only", action="store_true", help="skip the scans (no OCR)")
    parser.add_argument("--out", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    run(results, args.cases.split(",") if args.cases else None, scans=not args.born_digital_only)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
