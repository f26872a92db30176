"""Ledgers in every format: a 40-task notice (target < 2 s total) and a 200-row ledger in every preset.

    python -m bench.ledger [--repeat 3]

The 40-task notice is made from the hand-gold notices of the fixtures: the numbered sub-tasks of
seed-000 and seed-001 and the tasks of seed-003, seed-004, month-phases-laixi and
owners-deadlines-deqing (their real titles, texts, owners and deadlines), renumbered into five
sections of one notice with seed-000's phases, so rows get their deadlines by every rule. Each
format is rendered ``--repeat`` times after one warm-up (fonts, imports); the best time counts,
and the warm-up's time is reported as the first call of a fresh process.

The 200-row ledger (``results["ledger"]["presets"]``) comes from a 200-task notice made the same way
from those tasks and the 巡察 plan of fixtures/ledger/inspection-qingshan (cycled, each copy its own
number), under ten 方面 headings with two 内容 headings each, with seed-000's leading group and phases:
every preset (campaign, inspection with its merged hierarchy, hazard) is built and rendered in every
format, seconds per format; then the status report (HTML, PDF, XLSX with charts) and the calendar
of the campaign ledger.
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
BIG_ROWS = 200
BIG_ASPECTS = 10  # 方面 headings, each with two 内容 headings of ten tasks
INSPECTION_CASE = REPO_DIR / "fixtures" / "ledger" / "inspection-qingshan" / "notice.json"


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


def two_hundred_task_notice() -> Any:
    """One notice of BIG_ROWS leaf tasks under BIG_ASPECTS × 2 headings (方面 → 内容 → task)."""
    from docproc.ledger.builder import leaf_tasks
    from docproc.model.notice import Notice, Task

    gold = {case: Notice.from_dict(json.loads((GOLD_DIR / f"{case}.notice.json").read_text(encoding="utf-8")))
            for case in TASK_CASES}
    inspection = Notice.from_dict(json.loads(INSPECTION_CASE.read_text(encoding="utf-8")))
    pool = [task for notice in [*gold.values(), inspection] for task, _ in leaf_tasks(notice.tasks)]
    notice = gold["seed-000"]
    tasks: list[Task] = []
    per_aspect = BIG_ROWS // BIG_ASPECTS
    for index in range(BIG_ROWS):
        task = pool[index % len(pool)]
        aspect, within = divmod(index, per_aspect)
        top = f"（{aspect + 1}）"
        middle = f"{top}{within // (per_aspect // 2) + 1}"
        if within == 0:
            tasks.append(Task(number=top, title=f"第{aspect + 1}方面问题", text=f"第{aspect + 1}方面问题", section="整改任务"))
        if within % (per_aspect // 2) == 0:
            tasks.append(Task(number=middle, title=f"第{aspect + 1}方面第{within // (per_aspect // 2) + 1}项内容",
                              text="内容", section="整改任务"))
        tasks.append(Task(number=f"{middle}（{index + 1}）", title=task.title, text=task.text, section="整改任务",
                          owners=list(task.owners), deadline=task.deadline, evidence=None))
    notice.tasks = tasks
    return notice


def run_presets(repeat: int) -> dict[str, Any]:
    """Seconds to build and render the 200-row ledger in every preset and format, and to report on it."""
    import datetime as dt

    from docproc.ledger import FORMATS, PRESET_NAMES, build_ledger, ledger_status, render_ledger
    from docproc.ledger.ical import calendar_bytes
    from docproc.ledger.status_report import REPORT_FORMATS, status_report_bytes

    cpu: dict[str, float] = {}

    def best(call: Any, name: str) -> float:
        """Best wall-clock seconds of ``repeat`` calls after a warm-up; the CPU seconds of that call go
        to ``cpu[name]`` (on a shared machine the CPU time is the fairer figure)."""
        call()  # warm-up
        runs = []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            call()
            runs.append((time.perf_counter() - start, time.process_time() - start_cpu))
        wall, used = min(runs)
        cpu[name] = round(used, 4)
        return round(wall, 4)

    notice = two_hundred_task_notice()
    out: dict[str, Any] = {"rows": BIG_ROWS, "repeat": repeat}
    for preset in PRESET_NAMES:
        ledger = build_ledger([notice], unit="沈阳市司法局", date="2021-10-08", preset=preset)
        assert len(ledger.rows) == BIG_ROWS, len(ledger.rows)
        entry: dict[str, Any] = {"build": best(lambda p=preset: build_ledger([notice], date="2021-10-08", preset=p),
                                               f"{preset}.build")}
        for fmt in FORMATS:
            entry[fmt] = best(lambda f=fmt, led=ledger: render_ledger(led, f), f"{preset}.{fmt}")
        out[preset] = entry
    campaign = build_ledger([notice], date="2021-10-08")
    for number, row in enumerate(campaign.rows):
        row.status = ("未开始", "整改中", "已完成", "已销号")[number % 4]
    report = ledger_status(campaign, dt.date(2021, 11, 1))
    out["status_report"] = {fmt: best(lambda f=fmt: status_report_bytes(report, f), f"status_report.{fmt}")
                            for fmt in REPORT_FORMATS}
    out["calendar"] = best(lambda: calendar_bytes(campaign), "calendar")
    out["cpu_seconds"] = cpu
    return out


def print_presets(section: dict[str, Any]) -> None:
    from docproc.ledger import FORMATS, PRESET_NAMES

    cpu = section["cpu_seconds"]
    print(f"\n{section['rows']}-row ledger, seconds (best of {section['repeat']}; CPU seconds of that run in brackets)")
    print(f"  {'preset':<11} {'build':>15}" + "".join(f" {fmt:>15}" for fmt in FORMATS))
    for preset in PRESET_NAMES:
        entry = section[preset]
        cells = [f"{entry[name]:.3f} ({cpu[f'{preset}.{name}']:.3f})" for name in ("build", *FORMATS)]
        print(f"  {preset:<11}" + "".join(f" {cell:>15}" for cell in cells))
    reports = section["status_report"]
    print("  status report " + "  ".join(f"{fmt} {seconds:.3f}" for fmt, seconds in reports.items())
          + f"   calendar {section['calendar']:.3f}")


def run(results: dict[str, Any], repeat: int = 3) -> None:
    """Adds ``results["ledger"]`` (seconds per format, total, target; the 200-row ledger of every preset
    under ``presets``) and prints the tables."""
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
    results["ledger"]["presets"] = run_presets(repeat)
    print_presets(results["ledger"]["presets"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed renders per format (best counts)")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    run(results, repeat=args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
