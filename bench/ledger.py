"""Ledger of a 40-task notice in every format: seconds per format, PDF included (target < 2 s total).

    python -m bench.ledger [--repeat 3]

The 40-task notice is made from the hand-gold notices of the fixtures: the numbered sub-tasks of
seed-000 and seed-001 and the tasks of seed-003, seed-004, month-phases-laixi and
owners-deadlines-deqing (their real titles, texts, owners and deadlines), renumbered into five
sections of one notice with seed-000's phases, so rows get their deadlines by every rule. Each
format is rendered ``--repeat`` times after one warm-up (fonts, imports); the best time counts,
and the warm-up's time is reported as the first call of a fresh process.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO_DIR / "fixtures" / "gold"
TASK_CASES = ("seed-000", "seed-001", "seed-003", "seed-004", "month-phases-laixi", "owners-deadlines-deqing")
SECTION_NUMBERS = ("（一）", "（二）", "（三）", "（四）", "（五）")
TARGET_SECONDS = 2.0
N_TASKS = 40


def forty_task_notice() -> Any:
    """One notice whose 40 leaf tasks come from the gold notices, under five headings."""
    from docproc.ledger.builder import leaf_tasks
    from docproc.model.notice import Notice, Task

    gold = {case: Notice.from_dict(json.loads((GOLD_DIR / f"{case}.notice.json").read_text(encoding="utf-8")))
            for case in TASK_CASES}
    leaves = [task for case in TASK_CASES for task, _ in leaf_tasks(gold[case].tasks)][:N_TASKS]
    if len(leaves) < N_TASKS:
        raise SystemExit(f"only {len(leaves)} tasks in the gold notices")
    notice = gold["seed-000"]
    tasks: list[Task] = []
    per_section = N_TASKS // len(SECTION_NUMBERS)
    for index, task in enumerate(leaves):
        section = SECTION_NUMBERS[index // per_section]
        if index % per_section == 0:
            heading = f"第{index // per_section + 1}类重点任务"
            tasks.append(Task(number=section, title=heading, text=heading, section="主要任务"))
        tasks.append(Task(number=f"{section}{index + 1}", title=task.title, text=task.text, section="主要任务",
                          owners=list(task.owners), deadline=task.deadline, evidence=task.evidence))
    notice.tasks = tasks
    return notice


def run(results: dict[str, Any], repeat: int = 3) -> None:
    """Adds ``results["ledger"]`` (seconds per format, total, target) and prints a table."""
    from docproc.ledger import FORMATS, build_ledger, render_ledger

    notice = forty_task_notice()
    start = time.perf_counter()
    ledger = build_ledger([notice], unit="沈阳市司法局", date="2021-10-08")
    build_seconds = time.perf_counter() - start
    seconds: dict[str, float] = {}
    cold: dict[str, float] = {}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            start = time.perf_counter()
            render_ledger(ledger, fmt)  # warm-up: imports, font discovery
            cold[fmt] = round(time.perf_counter() - start, 4)
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                data = render_ledger(ledger, fmt)
                (Path(folder) / f"ledger.{fmt}").write_bytes(data)
                best = min(best, time.perf_counter() - start)
            seconds[fmt] = round(best, 4)
            sizes[fmt] = len(data)
    total = round(build_seconds + sum(seconds.values()), 3)
    results["ledger"] = {"rows": len(ledger.rows), "build_seconds": round(build_seconds, 4), "seconds": seconds,
                         "first_call_seconds": cold,
                         "bytes": sizes, "total_seconds": total, "target_seconds": TARGET_SECONDS,
                         "meets_target": total < TARGET_SECONDS}
    print(f"ledger of a {len(ledger.rows)}-row notice (build {build_seconds:.3f} s)")
    print(f"  {'format':<6} {'seconds':>8} {'1st call':>9} {'bytes':>9}")
    for fmt in FORMATS:
        print(f"  {fmt:<6} {seconds[fmt]:>8.3f} {cold[fmt]:>9.3f} {sizes[fmt]:>9}")
    print(f"  total  {total:>8.3f}   target < {TARGET_SECONDS} s: {'met' if total < TARGET_SECONDS else 'NOT met'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed renders per format (best counts)")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    run(results, repeat=args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
