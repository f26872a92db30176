"""Half-width or full-width marks and digits: accuracy and cost of deciding them from positions.

    python -m bench.char_width [--reps 2]

On the pages where the width matters (seed-003 prints ASCII ``, : ( )``, seed-004 prints
``７月１日`` and ``1．``, seed-001's last page ``（市营商局）``, and the real GovDoc-CN notice), each
page is read twice, interleaved ``--reps`` times so both see the same machine load:

* ``blanket``: the rapid engine without character positions; the pipeline then turns ASCII marks
  in Chinese text full-width (``docproc.pipeline.restore_fullwidth_punctuation``);
* ``positions``: the default engine; ``docproc.layout.char_width`` decides each mark's width from
  where it was read.

CER is the whole-page rate against ``reference-pN.txt`` (whitespace removed, widths count); the
seconds are the median per page of the whole ``Recognizer.recognize`` (scan preparation and OCR).
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_DIR / "fixtures"
PAGES = [
    ("seed-003/clean-p1.png", "seed-003/reference-p1.txt"),
    ("seed-003/clean-p2.png", "seed-003/reference-p2.txt"),
    ("seed-003/clean-p3.png", "seed-003/reference-p3.txt"),
    ("seed-003/clean-p4.png", "seed-003/reference-p4.txt"),
    ("seed-003/degraded-p1.png", "seed-003/reference-p1.txt"),
    ("seed-004/clean-p4.png", "seed-004/reference-p4.txt"),
    ("seed-001/clean-p6.png", "seed-001/reference-p6.txt"),
    ("govdoc-cn-397/397_1.png", "govdoc-cn-397/reference-p1.txt"),
]
TARGET_CER = 0.01


@dataclass
class PageWidthScore:
    page: str
    blanket_cer: float
    positions_cer: float
    blanket_seconds: float
    positions_seconds: float


def page_text(document: Any) -> str:
    return "\n".join(line.text for page in document.pages for line in page.lines)


def score_page(image: str, reference: str, recognizers: dict[str, Any], reps: int) -> PageWidthScore:
    from docproc.metrics import character_error_rate

    expected = (FIXTURES_DIR / reference).read_text(encoding="utf-8")
    seconds: dict[str, list[float]] = {name: [] for name in recognizers}
    texts: dict[str, str] = {}
    for _ in range(reps):
        for name, recognizer in recognizers.items():
            start = time.perf_counter()
            document = recognizer.recognize(FIXTURES_DIR / image)
            seconds[name].append(time.perf_counter() - start)
            texts[name] = page_text(document)
    return PageWidthScore(
        page=image,
        blanket_cer=character_error_rate(texts["blanket"], expected),
        positions_cer=character_error_rate(texts["positions"], expected),
        blanket_seconds=statistics.median(seconds["blanket"]),
        positions_seconds=statistics.median(seconds["positions"]),
    )


def run(results: dict[str, Any], reps: int = 2) -> None:
    """Score every page; adds ``results["char_width"]`` and prints a table."""
    from docproc.ocr import get_engine
    from docproc.pipeline import Recognizer

    recognizers = {
        "blanket": Recognizer(engine=get_engine("rapid", char_positions=False)),
        "positions": Recognizer(engine=get_engine("rapid")),
    }
    recognizers["positions"].recognize(FIXTURES_DIR / PAGES[-1][0])  # load both models first
    recognizers["blanket"].recognize(FIXTURES_DIR / PAGES[-1][0])
    scores = [score_page(image, reference, recognizers, reps) for image, reference in PAGES]
    extra = [s.positions_seconds - s.blanket_seconds for s in scores]
    results["char_width"] = {
        "pages": [asdict(s) for s in scores],
        "target_cer": TARGET_CER,
        "pages_within_target": sum(s.positions_cer <= TARGET_CER for s in scores),
        "median_extra_seconds": statistics.median(extra),
        "reps": reps,
    }
    print(f"{'page':28} {'CER blanket':>11} {'CER pos.':>9} {'s blanket':>9} {'s pos.':>7}")
    for s in scores:
        print(f"{s.page:28} {s.blanket_cer:11.2%} {s.positions_cer:9.2%} "
              f"{s.blanket_seconds:9.2f} {s.positions_seconds:7.2f}")
    print(f"positions cost {statistics.median(extra):+.2f} s per page (median, machine load included); "
          f"{results['char_width']['pages_within_target']}/{len(scores)} pages ≤ {TARGET_CER:.0%} CER")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=2, help="interleaved readings of each page")
    args = parser.parse_args(argv)
    run({}, reps=args.reps)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
