"""Speed and accuracy of the OCR stage over the rendered fixtures, with Tesseract as the baseline.

    python -m bench.run --out bench/results.json [--cases seed-000,seed-001] [--no-tesseract]

For each fixture case with scans (``fixtures/<case>/{clean,degraded}.pdf`` + ``reference-pN.txt``):
seconds per page and CER (whitespace removed, punctuation as printed) of the default engine, and of
``tesseract -l chi_sim`` on the same page images. Then text-layer PDF throughput (pages per second)
and the peak RSS of OCR-ing a 20-page scanned PDF in a fresh process. Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_DIR / "fixtures"
TEXT_LAYER_PDF = FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"


@dataclass
class PageScore:
    case: str
    variant: str
    page: int
    seconds: float
    cer: float
    tesseract_seconds: float | None = None
    tesseract_cer: float | None = None


@dataclass
class Results:
    machine: dict[str, Any]
    pages: list[PageScore] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


def scan_cases(selected: set[str] | None) -> list[Path]:
    cases = []
    for folder in sorted(FIXTURES_DIR.iterdir()):
        if not folder.is_dir() or (selected and folder.name not in selected):
            continue
        if (folder / "clean.pdf").exists() and (folder / "reference-p1.txt").exists():
            cases.append(folder)
    return cases


def page_text(page: Any) -> str:
    return "\n".join(line.text for line in page.lines)


def tesseract_page(image_path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    completed = subprocess.run(
        ["tesseract", str(image_path), "-", "-l", "chi_sim", "--psm", "3"],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, completed.stdout


def bench_scans(cases: list[Path], with_tesseract: bool) -> list[PageScore]:
    from docproc.metrics import character_error_rate
    from docproc.pipeline import Recognizer

    recognizer = Recognizer()
    recognizer.engine  # load (and verify) the model before timing  # noqa: B018
    scores: list[PageScore] = []
    for case in cases:
        for variant in ("clean", "degraded"):
            pdf = case / f"{variant}.pdf"
            if not pdf.exists():
                continue
            stamps = [time.perf_counter()]

            def stamp(done: int, total: int, stamps: list[float] = stamps) -> None:
                stamps.append(time.perf_counter())

            document = recognizer.recognize(pdf, progress=stamp)
            for page in document.pages:
                reference_file = case / f"reference-p{page.number}.txt"
                if not reference_file.exists():
                    continue
                reference = reference_file.read_text(encoding="utf-8")
                score = PageScore(
                    case=case.name,
                    variant=variant,
                    page=page.number,
                    seconds=stamps[page.number] - stamps[page.number - 1],
                    cer=character_error_rate(page_text(page), reference),
                )
                if with_tesseract:
                    image = case / f"{variant}-p{page.number}.png"
                    if image.exists():
                        seconds, text = tesseract_page(image)
                        score.tesseract_seconds = seconds
                        score.tesseract_cer = character_error_rate(text, reference)
                scores.append(score)
                print(
                    f"  {case.name:<16} {variant:<9} p{page.number:<3} {score.seconds:6.2f}s "
                    f"CER {score.cer:6.2%}"
                    + (
                        f"   tesseract {score.tesseract_seconds:5.2f}s CER {score.tesseract_cer:6.2%}"
                        if score.tesseract_cer is not None and score.tesseract_seconds is not None
                        else ""
                    ),
                    flush=True,
                )
    return scores


def bench_text_layer(repeat: int = 20) -> dict[str, float]:
    from docproc.pipeline import Recognizer

    recognizer = Recognizer()
    pages = 0
    started = time.perf_counter()
    for _ in range(repeat):
        pages += len(recognizer.recognize(TEXT_LAYER_PDF).pages)
    seconds = time.perf_counter() - started
    return {"pages": pages, "seconds": round(seconds, 3), "pages_per_second": round(pages / seconds, 1)}


def build_twenty_page_pdf(cases: list[Path], target: Path) -> int:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(c / "degraded.pdf")) for c in cases if (c / "degraded.pdf").exists()]
    while len(out) < 20 and sources:
        for src in sources:
            if len(out) >= 20:
                break
            out.import_pages(src, [len(out) % len(src)])
    out.save(str(target))
    return len(out)


def bench_memory(cases: list[Path]) -> dict[str, Any]:
    """Peak RSS of a fresh ``docproc ocr`` process over a 20-page scanned PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "twenty.pdf"
        n_pages = build_twenty_page_pdf(cases, pdf)
        code = (
            "import resource, sys; from docproc.pipeline import Recognizer; "
            "d = Recognizer().recognize(sys.argv[1]); "
            "print(len(d.pages), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-c", code, str(pdf)], capture_output=True, text=True, check=True
        )
        seconds = time.perf_counter() - started
        pages_read, max_rss_kb = (int(v) for v in completed.stdout.split())
    return {
        "pages": n_pages,
        "pages_read": pages_read,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(max_rss_kb / 1024, 1),
    }


def summarise(scores: list[PageScore]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for variant in ("clean", "degraded"):
        rows = [s for s in scores if s.variant == variant]
        if not rows:
            continue
        entry: dict[str, Any] = {
            "pages": len(rows),
            "seconds_per_page": round(sum(s.seconds for s in rows) / len(rows), 3),
            "mean_cer": round(sum(s.cer for s in rows) / len(rows), 5),
            "max_cer": round(max(s.cer for s in rows), 5),
        }
        tess = [s for s in rows if s.tesseract_cer is not None and s.tesseract_seconds is not None]
        if tess:
            t_cer = sum(s.tesseract_cer or 0.0 for s in tess) / len(tess)
            t_sec = sum(s.tesseract_seconds or 0.0 for s in tess) / len(tess)
            entry["tesseract"] = {
                "pages": len(tess),
                "seconds_per_page": round(t_sec, 3),
                "mean_cer": round(t_cer, 5),
            }
            entry["ratio_vs_tesseract"] = {
                "speed": round(t_sec / entry["seconds_per_page"], 2),
                "cer": round(entry["mean_cer"] / t_cer, 3) if t_cer else None,
            }
        summary[variant] = entry
    return summary


def print_table(results: Results) -> None:
    print()
    print(f"{'':<10}{'pages':>6}{'s/page':>9}{'mean CER':>10}{'max CER':>9}"
          f"{'tess s/page':>13}{'tess CER':>10}{'speed ×':>9}{'CER ×':>8}")
    for variant, entry in results.summary.items():
        if variant not in {"clean", "degraded"}:
            continue
        tess = entry.get("tesseract", {})
        ratio = entry.get("ratio_vs_tesseract", {})
        print(
            f"{variant:<10}{entry['pages']:>6}{entry['seconds_per_page']:>9.2f}"
            f"{entry['mean_cer']:>10.2%}{entry['max_cer']:>9.2%}"
            f"{tess.get('seconds_per_page', float('nan')):>13.2f}{tess.get('mean_cer', float('nan')):>10.2%}"
            f"{ratio.get('speed', float('nan')):>9.2f}{(ratio.get('cer') or float('nan')):>8.3f}"
        )
    text_layer = results.summary.get("text_layer")
    if text_layer:
        print(f"text-layer PDF: {text_layer['pages_per_second']} pages/s ({text_layer['pages']} pages)")
    memory = results.summary.get("memory_20_pages")
    if memory:
        print(f"20-page scanned PDF: peak RSS {memory['peak_rss_mb']} MB, {memory['seconds']} s")


SECTIONS = ("ocr", "real_pages", "ocr_speed", "photos", "extraction", "confusions", "html", "forms", "ledger", "index",
            "batch", "desk")


def run_ocr(results: dict[str, Any], selected: set[str] | None, with_tesseract: bool,
            with_memory: bool) -> None:
    """The OCR stage: per-page speed and CER against Tesseract, text-layer throughput, peak RSS."""
    cases = scan_cases(selected)
    print(f"OCR over {len(cases)} fixture case(s)")
    scored = Results(machine={})
    scored.pages = bench_scans(cases, with_tesseract)
    scored.summary = summarise(scored.pages)
    scored.summary["text_layer"] = bench_text_layer()
    if with_memory and cases:
        scored.summary["memory_20_pages"] = bench_memory(cases)
    print_table(scored)
    results["ocr"] = {"summary": scored.summary, "pages": [asdict(p) for p in scored.pages]}


def _run_stamp() -> dict[str, str]:
    """When this run measured, and on which commit (``+`` when the tree had changes)."""

    def git(*command: str) -> str:
        done = subprocess.run(["git", *command], cwd=REPO_DIR, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += "+"
    return {"at": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%MZ"), "commit": commit}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="docproc benchmark: every stage's speed and accuracy")
    parser.add_argument("--out", type=Path, default=REPO_DIR / "bench" / "results.json")
    parser.add_argument("--only", help=f"comma-separated sections of {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--cases", help="OCR: comma-separated fixture case names (default: all)")
    parser.add_argument("--no-tesseract", action="store_true", help="OCR: skip the Tesseract baseline")
    parser.add_argument("--no-memory", action="store_true", help="OCR: skip the 20-page memory run")
    parser.add_argument("--ocr-cache", type=Path,
                        help="extraction: reuse the OCR documents kept in this folder (bench.extraction's cache)")
    parser.add_argument("--cached-scans-only", action="store_true",
                        help="extraction, with --ocr-cache: score the scans route only on the cases already OCR'd "
                             "there (a partial figure, marked so in the results)")
    args = parser.parse_args(argv)
    if args.cached_scans_only and args.ocr_cache is None:
        parser.error("--cached-scans-only needs --ocr-cache")

    sections = args.only.split(",") if args.only else list(SECTIONS)
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": len(__import__("os").sched_getaffinity(0)),
        }
    }
    if "ocr" in sections:
        with_tesseract = not args.no_tesseract and shutil.which("tesseract") is not None
        if not args.no_tesseract and not with_tesseract:
            print("tesseract not found: baseline skipped (make install adds tesseract-ocr-chi-sim as root)")
        selected = set(args.cases.split(",")) if args.cases else None
        run_ocr(results, selected, with_tesseract, not args.no_memory)
    # each stage's own bench module adds its section and prints its table
    for name in sections:
        if name == "ocr":
            continue
        print(f"\n== {name} ==", flush=True)
        module = importlib.import_module(f"bench.{name}")
        if name == "extraction" and args.ocr_cache is not None:
            module.run(results, ocr_cache=args.ocr_cache, scans_cached_only=args.cached_scans_only)
        else:
            module.run(results)
    results["bench_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    stamp = _run_stamp()
    runs = {name: stamp for name in sections}
    if args.only and args.out.exists():  # a partial run replaces its sections and keeps the others
        earlier = json.loads(args.out.read_text(encoding="utf-8"))
        runs = {**earlier.get("section_runs", {}), **runs}
        results = {**earlier, **results}
    results["section_runs"] = runs
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
