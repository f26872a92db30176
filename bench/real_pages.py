"""OCR on real pages: CER against the hand-made transcripts, and furniture left in the text.

    python -m bench.real_pages

Cases: ``fixtures/realnotices/realscan-*/`` (``input.pdf`` + ``reference-pN.txt``, the real notice
scans; held-out cases of ``splits.json`` are scored but never printed one by one) and
``fixtures/realforms/*/`` (``input.<ext>`` + ``reference.txt``, real form pages). CER is whitespace-free
(``docproc.metrics``) against the reference written in the OCR stage's width policy
(``docproc.layout.width_policy``: a printed ASCII bracket in a form counts as read when the policy
writes it full-width); the notice transcripts already follow it. A form page's CER also counts its
reading order (cells are read row by row, the reference writes one row per line) and the runs the
reference marks unreadable (U+FFFD), so it is an upper bound.

Leaks: lines of a page's text that are a page number (``docproc.layout.furniture.page_number_of``
within the page's lowest or highest lines), hold a scanner watermark name, or are seal digits.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
NOTICES_DIR = REPO_DIR / "fixtures" / "realnotices"
FORMS_DIR = REPO_DIR / "fixtures" / "realforms"
TARGET_CER = 0.01


def heldout_cases() -> set[str]:
    splits = json.loads((NOTICES_DIR / "splits.json").read_text(encoding="utf-8"))
    return set(splits.get("heldout", []))


def policy_reference(text: str) -> str:
    from docproc.layout.width_policy import apply_width_policy

    return "\n".join(apply_width_policy(line) for line in text.splitlines())


def furniture_leaks(lines: list[str]) -> list[str]:
    """The lines of a page that are page furniture left in the text."""
    from docproc.layout.furniture import page_number_of
    from docproc.layout.patterns import load_line_patterns

    furniture = load_line_patterns().furniture
    edge = set(lines[:2] + lines[-2:])
    return [
        line for line in lines
        if (line in edge and page_number_of(line) is not None)
        or furniture.watermark.search(line)
        or furniture.seal_digits.match(line)
    ]


def notice_pages() -> list[tuple[str, Path, dict[int, Path]]]:
    cases = []
    for folder in sorted(NOTICES_DIR.glob("realscan-*")):
        pdf = folder / "input.pdf"
        references = {int(p.stem.split("-p")[1]): p for p in folder.glob("reference-p*.txt")}
        if pdf.exists() and references:
            cases.append((folder.name, pdf, references))
    return cases


def form_pages() -> list[tuple[str, Path, Path]]:
    cases = []
    for folder in sorted(FORMS_DIR.glob("*/")):
        inputs = sorted(folder.glob("input.*"))
        if inputs and (folder / "reference.txt").exists():
            cases.append((folder.name, inputs[0], folder / "reference.txt"))
    return cases


def run(results: dict[str, Any]) -> None:
    """Score the real pages; adds ``results["real_pages"]`` and prints a table."""
    from docproc.metrics import character_error_rate
    from docproc.pipeline import Recognizer

    recognizer = Recognizer()
    recognizer.engine  # noqa: B018  (load the model before timing)
    heldout = heldout_cases()
    rows: list[dict[str, Any]] = []
    for name, pdf, references in notice_pages():
        started = time.perf_counter()
        document = recognizer.recognize(pdf)
        seconds = (time.perf_counter() - started) / max(len(document.pages), 1)
        for page in document.pages:
            reference = references.get(page.number)
            if reference is None:
                continue
            lines = [ln.text for ln in page.lines]
            rows.append({
                "case": name, "kind": "notice", "page": page.number, "heldout": name in heldout,
                "chars": len("".join(reference.read_text(encoding="utf-8").split())),
                "cer": round(character_error_rate(
                    "\n".join(lines), policy_reference(reference.read_text(encoding="utf-8"))), 5),
                "leaks": furniture_leaks(lines), "seconds": round(seconds, 2),
            })
    for name, image, reference in form_pages():
        started = time.perf_counter()
        document = recognizer.recognize(image)
        rows.append({
            "case": name, "kind": "form", "page": 1, "heldout": False,
            "chars": len("".join(reference.read_text(encoding="utf-8").split())),
            "cer": round(character_error_rate(
                document.text, policy_reference(reference.read_text(encoding="utf-8"))), 5),
            "leaks": furniture_leaks([ln.text for p in document.pages for ln in p.lines]),
            "seconds": round(time.perf_counter() - started, 2),
        })
    summary: dict[str, Any] = {}
    for kind in ("notice", "form"):
        group = [r for r in rows if r["kind"] == kind]
        if group:
            chars = sum(r["chars"] for r in group)
            summary[kind] = {
                "pages": len(group),
                "mean_cer": round(sum(r["cer"] for r in group) / len(group), 5),
                "char_weighted_cer": round(sum(r["cer"] * r["chars"] for r in group) / chars, 5),
                "max_cer": max(r["cer"] for r in group),
                "pages_with_leaks": sum(1 for r in group if r["leaks"]),
            }
    results["real_pages"] = {
        "summary": summary,
        "target_cer": TARGET_CER,
        "pages": [r for r in rows if not r["heldout"]],
    }
    print(f"{'case':34} {'page':>4} {'chars':>6} {'CER':>7}  leaks")
    for r in rows:
        if r["heldout"]:
            continue
        print(f"{r['case']:34} {r['page']:>4} {r['chars']:>6} {r['cer']:7.2%}  {r['leaks'] or ''}")
    for kind, s in summary.items():
        print(f"{'all ' + kind + ' pages':34} {s['pages']:>4} {'':>6} {s['mean_cer']:7.2%}  "
              f"(char-weighted {s['char_weighted_cer']:.2%}, worst {s['max_cer']:.2%}, "
              f"pages with furniture in the text: {s['pages_with_leaks']})"
              + (f"   target ≤ {TARGET_CER:.0%}" if kind == "notice" else ""))


def main() -> int:
    results: dict[str, Any] = {}
    run(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
