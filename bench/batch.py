"""Batch throughput: 40 scanned pages through ``run_batch`` with 1 and 2 local workers, and through
a 2-worker Dask LocalCluster; pages/s, speed-up and peak memory (RSS of the whole process tree).

    python -m bench.batch [--pages 40] [--no-dask]

The pages are the ``fixtures/seed-*/degraded.pdf`` scans (then the written notices' degraded scans
if the seeds hold fewer than ``--pages``), copied into a temporary inbox as whole files, the last
one cut to make the count exact. Each configuration runs in a fresh output folder with the default
``rapid`` engine, model loading included (a real batch pays it once per worker).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

from docproc.batch import BatchOptions, run_batch
from docproc.config import Settings

REPO_DIR = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_DIR / "fixtures"
SAMPLE_SECONDS = 0.2


def scanned_sources() -> list[Path]:
    seeds = sorted(FIXTURES_DIR.glob("seed-*/degraded.pdf"))
    notices = sorted(FIXTURES_DIR.glob("notices/*/degraded.pdf"))
    return seeds + notices


def build_inbox(folder: Path, pages: int) -> int:
    """Copy scanned PDFs into ``folder`` until they hold ``pages`` pages; returns the count."""
    import pypdfium2 as pdfium

    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for source in scanned_sources():
        if total >= pages:
            break
        document = pdfium.PdfDocument(source)
        try:
            take = min(len(document), pages - total)
            target = folder / f"{source.parent.name}.pdf"
            subset = pdfium.PdfDocument.new()
            subset.import_pages(document, list(range(take)))
            subset.save(target)
            subset.close()
            total += take
        finally:
            document.close()
    return total


class TreeMemory:
    """Peak of the summed RSS of this process and all its descendants, sampled in a thread."""

    def __init__(self) -> None:
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_bytes = max(self.peak_bytes, total)
            self._stop.wait(SAMPLE_SECONDS)

    @contextmanager
    def measuring(self) -> Iterator[TreeMemory]:
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join()


def one_run(inbox: Path, output: Path, settings: Settings, **batch: Any) -> dict[str, Any]:
    with TreeMemory().measuring() as memory:
        started = time.perf_counter()
        summary = run_batch(BatchOptions(inbox, output, settings, **batch))
        seconds = time.perf_counter() - started
    if summary.failed:
        raise RuntimeError(f"bench inputs failed: {summary.failed}")
    return {
        "pages": summary.pages,
        "seconds": round(seconds, 2),
        "pages_per_second": round(summary.pages / seconds, 3),
        "peak_rss_mb": round(memory.peak_bytes / 2**20, 1),
    }


def dask_run(inbox: Path, output: Path) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                     dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        return one_run(inbox, output, Settings(threads=1), scheduler=client)


def run(results: dict[str, Any], *, pages: int = 40, with_dask: bool = True) -> None:
    """Adds ``results["batch"]`` and prints its table."""
    section: dict[str, Any] = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="docproc-bench-batch-") as tmp:
        work = Path(tmp)
        section["pages"] = build_inbox(work / "inbox", pages)
        runs = {
            "jobs 1, 1 thread": one_run(work / "inbox", work / "j1t1", Settings(threads=1), jobs=1),
            "jobs 1, 2 threads": one_run(work / "inbox", work / "j1t2", Settings(threads=2), jobs=1),
            "jobs 2, 1 thread each": one_run(
                work / "inbox", work / "j2t1", Settings(threads=1), jobs=2
            ),
        }
        if with_dask:
            runs["Dask LocalCluster, 2 workers x 1 thread"] = dask_run(work / "inbox", work / "dask")
    base = runs["jobs 1, 1 thread"]["pages_per_second"]
    for figures in runs.values():
        figures["speed_up_vs_jobs_1_thread_1"] = round(figures["pages_per_second"] / base, 2)
    section["runs"] = runs
    results["batch"] = section
    print(f"\nbatch: {section['pages']} scanned pages, {section['cores']} cores")
    print(f"{'configuration':42} {'seconds':>8} {'pages/s':>8} {'speed-up':>8} {'peak MB':>8}")
    for name, figures in runs.items():
        print(f"{name:42} {figures['seconds']:8.1f} {figures['pages_per_second']:8.3f} "
              f"{figures['speed_up_vs_jobs_1_thread_1']:8.2f} {figures['peak_rss_mb']:8.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    run({}, pages=args.pages, with_dask=not args.no_dask)


if __name__ == "__main__":
    main()
