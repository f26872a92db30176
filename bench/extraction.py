"""Extraction quality against hand-annotated gold — held-out first — and its speed.

    python -m bench.extraction [--sets heldout,dev,own] [--no-ocr] [--verbose] [--ocr-cache DIR]

**Sets** (``bench/gold_sets.py``): *held-out* real documents (scored, never studied: no per-case
output is ever printed for them), *dev* real documents (may be studied: ``--verbose`` prints every
item found or missed) and *own* fixtures (the 13 cases the first rules were written on).

**Routes**: *text* — the document as a user has it without OCR (web copy ``.txt``, saved ``.html``,
born-digital PDF; a real scan's transcript); *scans* — through the default OCR engine: a real scan as
it is, every other case's ``notice.txt`` rendered as a degraded GB/T 9704 scan (own cases: their
committed ``degraded.pdf``). Scoring: ``bench/scoring.py``.

Also: notices per second from text to record (pipeline loaded once, before timing); ``extract`` on
large texts (one 1 MB unit of texts printed 1, 2 and 4 times) in a fresh process — seconds, seconds per MB
and peak memory, to show linear time — and a
50 MB one, over the cap, refused; and
seed 000's clean-up CER before and after ``normalize_text``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.gold_sets import (
    FIXTURES_DIR,
    REPO_DIR,
    SET_NAMES,
    GoldCase,
    SetName,
    cases,
    own_case_folder,
    own_case_text_path,
    unsplit_real_cases,
)
from bench.scoring import (
    FIELDS,
    KEY_FIELDS,
    Counts,
    Score,
    compare_field,
    field_differences,
    field_items,
)
from docproc.fileio import write_text_atomic

__all__ = [
    "FIELDS", "Counts", "Score", "compare_field", "field_differences", "field_items",
    "case_folder", "case_text_path", "gold_cases", "load_gold", "run", "main",
]

HELDOUT_TEXT_TARGET, HELDOUT_SCAN_TARGET, FIELD_FLOOR = 0.92, 0.90, 0.80
SPEED_TARGET = 50.0
LARGE_TEXT_MB = (1, 2, 4, 50)  # 50 MB: over the cap, refused at once


# ---------------------------------------------------------------- the own fixtures (kept for the tests)


def gold_cases() -> list[str]:
    return [case.name for case in cases("own")]


def load_gold(case: str) -> dict[str, Any]:
    return next(c for c in cases("own") if c.name == case).gold()


def case_folder(case: str) -> Path:
    return own_case_folder(case)


def case_text_path(case: str) -> Path:
    return own_case_text_path(case)


# ---------------------------------------------------------------- scoring one set


def print_differences(label: str, case: str, found: dict[str, Any], gold: dict[str, Any]) -> None:
    for name in FIELDS:
        extra, missing = field_differences(found, gold, name)
        for item in extra:
            print(f"    {label} {case} {name} + {item}")
        for item in missing:
            print(f"    {label} {case} {name} - {item}")


_RUN_DOCUMENTS: dict[str, Any] = {}  # OCR documents of this process's run, shared by the bench sections


class OcrCache:
    """OCR documents by the input's sha256: kept for the rest of the run (so the confusions section
    reads the scans the extraction section OCR'd), and in a folder across runs when given (while
    developing; ``make bench`` gives none, so every run measures today's OCR). A document read from
    the folder has its text joined again from its pages, so layout changes show without new OCR."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._keys: dict[Path, str] = {}  # each input read and hashed once (holds, then recognize)

    def _key(self, path: Path) -> str:
        if path not in self._keys:
            self._keys[path] = hashlib.sha256(path.read_bytes()).hexdigest()[:20]
        return self._keys[path]

    def holds(self, path: Path) -> bool:
        """Whether the folder (or this run) already holds the OCR document of ``path``."""
        key = self._key(path)
        return key in _RUN_DOCUMENTS or self.folder is not None and (self.folder / f"{key}.document.json").exists()

    def recognize(self, path: Path, recognize: Callable[[Path], Any]) -> Any:
        import docproc

        key = self._key(path)
        if key in _RUN_DOCUMENTS:
            return _RUN_DOCUMENTS[key]
        if self.folder is None:
            _RUN_DOCUMENTS[key] = recognize(path)
            return _RUN_DOCUMENTS[key]
        cached = self.folder / f"{key}.document.json"
        if cached.exists():  # the recogniser's pages, their text joined by today's layout code
            from docproc.layout.paragraphs import build_document_text
            from docproc.layout.reading_order import fill_gaps

            document = docproc.load(cached)
            for page in document.pages:  # what order_lines does to a row's boxes since the page was read
                if page.text_source == "ocr":
                    page.lines = fill_gaps(page.lines)
            document.text = build_document_text(document.pages)
            _RUN_DOCUMENTS[key] = document
            return document
        document = recognize(path)
        self.folder.mkdir(parents=True, exist_ok=True)
        # (atomic: a run stopped while writing leaves no half-written document the next run would take as held)
        write_text_atomic(cached, json.dumps(document.to_dict(), ensure_ascii=False))
        _RUN_DOCUMENTS[key] = document
        return document


def score_set(selected: list[GoldCase], route: str, verbose: bool, ocr_cache: OcrCache,
              on_case: Callable[[str, float], None] | None = None, cached_only: bool = False) -> Score:
    """Score every case of one set on one route (``text`` or ``scans``); with ``cached_only``, the scans
    route scores only the cases whose OCR documents ``ocr_cache`` already holds (a partial figure)."""
    import docproc
    from docproc.errors import DocprocError, NothingExtractedError
    from docproc.extract import extract_notice
    from docproc.pipeline import Recognizer

    recognizer = Recognizer() if route == "scans" else None
    score = Score()
    for case in selected:
        path = case.text_input() if route == "text" else case.scan_input(render=not cached_only)
        if path is None or route == "scans" and cached_only and not ocr_cache.holds(path):
            continue
        started = time.perf_counter()
        try:
            if recognizer is None:
                document = docproc.recognize(path)
            else:
                document = ocr_cache.recognize(path, recognizer.recognize)
            record = extract_notice(document).to_dict()
        except NothingExtractedError:
            record = {}
        except DocprocError as error:  # an input the product refuses scores as nothing found
            print(f"  {case.set} {route}: {case.name if case.set != 'heldout' else 'a held-out case'}: "
                  f"exit {error.exit_code}: {error}", flush=True)
            record = {}
        gold = case.gold()
        score.add_record(record, gold)
        if on_case is not None:
            on_case(case.name, time.perf_counter() - started)
        if verbose and case.set != "heldout":
            print_differences(route, case.name, record, gold)
    return score


SPEED_PASSES = 3  # timed passes over the texts after a warm one; the best is the figure, every pass is printed

_TEXT_SPEED_SCRIPT = """
import contextlib, json, sys, time
from pathlib import Path
import docproc
from docproc.errors import NothingExtractedError
from docproc.extract import extract_notice
from docproc.extract.nlp import load_pipeline
paths = [Path(line) for line in sys.stdin.read().splitlines() if line]
passes = int(sys.argv[1])
load_pipeline()
def one(path):
    with contextlib.suppress(NothingExtractedError):
        extract_notice(docproc.recognize(path))
for path in paths:  # warm every lazily loaded vocabulary
    one(path)
seconds = []
for _ in range(passes):
    started = time.perf_counter()
    for path in paths:
        one(path)
    seconds.append(time.perf_counter() - started)
print(json.dumps({"notices": len(paths), "pass_seconds": [round(s, 3) for s in seconds]}))
"""


def text_speed(selected: list[GoldCase], passes: int = SPEED_PASSES) -> dict[str, Any]:
    """Notices per second from text to record over the given cases' text inputs, in a process of its own (as a
    user's ``extract`` runs, not beside the records the bench has just scored), pipeline warm; the best of
    ``passes`` timed passes, every pass's figure kept (this VM's speed varies between runs)."""
    paths = [str(case.text_input()) for case in selected if case.text_input().suffix != ".pdf"]
    completed = subprocess.run([sys.executable, "-c", _TEXT_SPEED_SCRIPT, str(passes)], input="\n".join(paths),
                               capture_output=True, text=True, cwd=REPO_DIR, timeout=1800, check=True)
    row = json.loads(completed.stdout.strip().splitlines()[-1])
    best = min(row["pass_seconds"])
    return {"notices": row["notices"], "seconds": best, "notices_per_second": round(row["notices"] / best, 1),
            "passes_notices_per_second": [round(row["notices"] / s, 1) for s in row["pass_seconds"]],
            "how": f"own process, warm, best of {passes} passes"}


_LARGE_TEXT_SCRIPT = """
import json, resource, sys, time
from docproc.errors import DocprocError
from docproc.extract import extract_notice
import docproc
path = sys.argv[1]
started = time.perf_counter()
outcome = "ok"
try:
    notice = extract_notice(docproc.recognize(path))
    outcome = f"ok: {len(notice.tasks)} tasks, {len(notice.deadlines)} deadlines"
except DocprocError as error:
    outcome = f"exit {error.exit_code}: {error}"
seconds = time.perf_counter() - started
def peak_mb():
    # VmHWM is this program's own peak; ru_maxrss may carry a larger parent's over exec
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps({"seconds": round(seconds, 2), "peak_rss_mb": peak_mb(), "outcome": outcome}))
"""


def large_texts(selected: list[GoldCase], work: Path) -> list[dict[str, Any]]:
    """``extract`` of 1, 2 and 4 MB texts in a fresh process each: one 1 MB unit of the given cases' texts
    joined, printed once, twice and four times, so that each size holds the same notices per megabyte and
    the seconds per megabyte show whether time grows linearly."""
    pieces = [case.text_input().read_text(encoding="utf-8") for case in selected if case.text_input().suffix == ".txt"]
    block = "\n".join(pieces)
    unit_size = 1024 * 1024
    unit = (block * (unit_size // max(1, len(block.encode("utf-8"))) + 1)).encode("utf-8")[:unit_size]
    unit_text = unit.decode("utf-8", errors="ignore") + "\n"
    rows = []
    work.mkdir(parents=True, exist_ok=True)
    for megabytes in LARGE_TEXT_MB:
        data = unit_text * megabytes
        path = work / f"large-{megabytes}mb.txt"
        path.write_text(data, encoding="utf-8")
        completed = subprocess.run([sys.executable, "-c", _LARGE_TEXT_SCRIPT, str(path)],
                                   capture_output=True, text=True, cwd=REPO_DIR, timeout=600)
        if completed.returncode != 0:
            rows.append({"megabytes": megabytes, "error": completed.stderr.strip().splitlines()[-1:]})
            continue
        row = json.loads(completed.stdout.strip().splitlines()[-1])
        if "seconds" in row and str(row.get("outcome", "")).startswith("ok"):
            row["seconds_per_mb"] = round(row["seconds"] / megabytes, 2)
        rows.append({"megabytes": megabytes, **row})
    return rows


def seed000_cleanup_cer() -> dict[str, float]:
    from docproc.metrics import character_error_rate
    from docproc.normalize import normalize_text

    raw = (FIXTURES_DIR / "seed-000" / "input.txt").read_text(encoding="utf-8")
    clean = (FIXTURES_DIR / "seed-000" / "clean-transcription.txt").read_text(encoding="utf-8")
    before = character_error_rate(raw, clean)
    after = character_error_rate(normalize_text(raw).text, clean)
    return {"before": round(before, 5), "after": round(after, 5), "ratio": round(after / before, 3)}


# ---------------------------------------------------------------- tables


def print_table(section: dict[str, Any]) -> None:
    columns = [(set_name, route) for set_name in SET_NAMES for route in ("text", "scans")
               if route in section.get(set_name, {})]
    print(f"{'':<16}" + "".join(f"{f'{s} {r}':>21}" for s, r in columns))
    print(f"{'field':<16}" + "".join(f"{'P':>7}{'R':>7}{'F1':>7}" for _ in columns))
    for name in FIELDS:
        row = f"{name:<16}"
        for set_name, route in columns:
            counts = section[set_name][route]["fields"][name]
            row += f"{counts['precision']:>7.3f}{counts['recall']:>7.3f}{counts['f1']:>7.3f}"
        print(row)
    print(f"{'macro F1':<16}" + "".join(f"{section[s][r]['macro_f1']:>21.3f}" for s, r in columns))
    print(f"{'cases':<16}" + "".join(f"{section[s][r]['cases']:>21}" for s, r in columns))
    partial = [f"{s} {r}: {section[s][r]['partial']['scored']} of {section[s][r]['partial']['of']}"
               for s, r in columns if "partial" in section[s][r]]
    partial += [f"{s} scans: none of {section[s]['scans_not_scored']['of']}" for s in SET_NAMES
                if "scans_not_scored" in section.get(s, {})]
    if partial:
        print("PARTIAL scans figures (cases whose OCR the cache held): " + "; ".join(partial))
    print("key-only F1 (the entry found, its details aside: a diagnosis, not the score)")
    for name in KEY_FIELDS:
        print(f"  {name:<14}" + "".join(f"{section[s][r].get('key_f1', {}).get(name, 0):>21.3f}" for s, r in columns))
    for s_name, r_name in columns:
        details = section[s_name][r_name].get("detail_differences", {})
        shown = "; ".join(f"{n}: " + ", ".join(f"{k} {v}" for k, v in d.items()) for n, d in details.items() if d)
        if shown:
            print(f"entries found with details wrong, {s_name} {r_name}: {shown}")
    speed = section.get("speed")
    if speed:
        print(f"text → record: {speed['notices_per_second']} notices/s ({speed['notices']} in {speed['seconds']} s,"
              f" {speed.get('how', 'one pass')}; passes {speed.get('passes_notices_per_second', '-')})"
              f"  target ≥ {SPEED_TARGET:g}")
    for row in section.get("large_text", []):
        print(f"extract on {row['megabytes']} MB of text: " + (
            f"{row['seconds']} s" + (f" ({row['seconds_per_mb']} s/MB)" if "seconds_per_mb" in row else "")
            + f", peak {row['peak_rss_mb']} MB, {row['outcome']}" if "seconds" in row
            else f"failed: {row['error']}"))
    cer = section.get("seed000_cleanup_cer")
    if cer:
        print(f"seed 000 clean-up CER: before {cer['before']:.2%}  after {cer['after']:.2%}  (×{cer['ratio']})")
    held = section.get("heldout", {})
    targets = []
    for route, target in (("text", HELDOUT_TEXT_TARGET), ("scans", HELDOUT_SCAN_TARGET)):
        if route in held:
            low = [n for n, c in held[route]["fields"].items() if c["f1"] < FIELD_FLOOR]
            targets.append(f"held-out {route} macro F1 {held[route]['macro_f1']:.3f} (≥ {target}); "
                           f"fields below {FIELD_FLOOR}: {', '.join(low) or 'none'}")
    if targets:
        print("targets: " + " | ".join(targets))


# ---------------------------------------------------------------- entry points


def run(results: dict[str, Any], *, sets: tuple[SetName, ...] = SET_NAMES, ocr: bool = True,
        verbose: bool = False, ocr_cache: Path | None = None, extras: bool = True,
        scans_cached_only: bool = False) -> None:
    """Add the ``extraction`` section to ``results`` and print its table. ``scans_cached_only`` (with
    ``ocr_cache``): the scans route scores only the cases whose OCR the cache holds, and says so."""
    if scans_cached_only and ocr_cache is None:
        raise SystemExit("--cached-scans-only needs --ocr-cache")
    unsplit = unsplit_real_cases()
    if unsplit:
        raise SystemExit(f"real gold cases missing from fixtures/realnotices/splits.json: {', '.join(unsplit)}")
    cache = OcrCache(ocr_cache)
    section: dict[str, Any] = {}
    for set_name in sets:
        selected = cases(set_name)
        if not selected:
            continue
        section[set_name] = {"text": score_set(selected, "text", verbose, cache).to_dict()}
        if ocr:
            def progress(case: str, seconds: float, set_name: str = set_name) -> None:
                print(f"  OCR {set_name:<8} {case:<32} {seconds:6.1f} s", flush=True)

            scans = score_set(selected, "scans", verbose, cache, progress, cached_only=scans_cached_only).to_dict()
            if scans_cached_only:
                partial = {"scored": scans["cases"], "of": len(selected),
                           "why": "only the cases whose OCR documents the cache held were scored"}
                if not scans["cases"]:  # nothing scored: no figure at all (an empty set would read as F1 1.0)
                    section[set_name]["scans_not_scored"] = partial
                    continue
                scans["partial"] = partial
            section[set_name]["scans"] = scans
    if extras:
        studied = [case for name in ("own", "dev") for case in cases(name)]
        section["speed"] = text_speed(studied)
        section["large_text"] = large_texts(studied, REPO_DIR / "build" / "bench-large-text")
        section["seed000_cleanup_cer"] = seed000_cleanup_cer()
    results["extraction"] = section
    print_table(section)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default=",".join(SET_NAMES),
                        help="comma-separated sets of heldout, dev, own (default: all)")
    parser.add_argument("--no-ocr", action="store_true", help="score the text route only")
    parser.add_argument("--no-extras", action="store_true", help="skip speed, large texts and clean-up CER")
    parser.add_argument("--verbose", action="store_true",
                        help="print every item found or missed (dev and own only: never held-out)")
    parser.add_argument("--ocr-cache", type=Path, help="reuse OCR documents kept in this folder")
    parser.add_argument("--cached-scans-only", action="store_true",
                        help="with --ocr-cache: score the scans route only on cases already OCR'd there (partial)")
    parser.add_argument("--out", type=Path, help="also write the section as JSON here")
    args = parser.parse_args(argv)
    sets = tuple(s for s in args.sets.split(",") if s)
    unknown = sorted(set(sets) - set(SET_NAMES))
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}")
    results: dict[str, Any] = {}
    run(results, sets=sets, ocr=not args.no_ocr, verbose=args.verbose,  # type: ignore[arg-type]
        ocr_cache=args.ocr_cache, extras=not args.no_extras, scans_cached_only=args.cached_scans_only)
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
