"""Safety of the archive: skip unchanged files, re-index changed ones, two runs at once, SIGKILL.

Every generated file carries a unique marker (``ZX0007``); a file stored twice, or lost, shows as a
marker found 2 or 0 times.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from docproc.index import IndexStore, SearchQuery, find_indexable_files, open_store
from docproc.pipeline import Recognizer
from docproc.workflow import archive_file
from tests.conftest import FIXTURES_DIR, REPO_DIR
from tests.index.conftest import DbMaker

NOTICE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES_DIR.glob("notices/*/input.txt"))]


def marker(number: int) -> str:
    return f"ZX{number:04d}"


def write_marked_notices(folder: Path, count: int) -> list[Path]:
    """``count`` notices from the fixture texts, each ending with its own marker line."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"notice-{number:04d}.txt"
        text = NOTICE_TEXTS[number % len(NOTICE_TEXTS)].rstrip("\n")
        path.write_text(f"{text}\n本件档案标记：{marker(number)}\n", encoding="utf-8")
        paths.append(path)
    return paths


def assert_each_marker_once(db: str, count: int) -> None:
    store = open_store(db)
    try:
        assert store.stats().documents == count
        for number in range(count):
            hits = store.search(SearchQuery(marker(number)))
            assert [Path(h.path).name for h in hits] == [f"notice-{number:04d}.txt"]
    finally:
        store.close()


def index_folder(store: IndexStore, folder: Path, recognizer: Recognizer) -> dict[str, str]:
    """What ``docproc index add FOLDER`` does to each file: added, updated or unchanged."""
    return {str(path): archive_file(store, path, recognizer) for path in find_indexable_files([folder])}


def index_command(folder: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "docproc.cli", "index", "add", str(folder), "--db", db, "--no-progress"]


def test_unchanged_files_are_skipped_and_changed_ones_indexed_again(
    make_db: DbMaker, tmp_path: Path
) -> None:
    db = make_db()
    paths = write_marked_notices(tmp_path / "archive", 3)
    recognizer = Recognizer()
    store = open_store(db)
    try:
        first = index_folder(store, tmp_path / "archive", recognizer)
        assert sorted(first.values()) == ["added"] * 3
        second = index_folder(store, tmp_path / "archive", recognizer)
        assert sorted(second.values()) == ["unchanged"] * 3
        paths[1].write_text(paths[1].read_text(encoding="utf-8").replace(marker(1), "ZX9999"),
                            encoding="utf-8")
        third = index_folder(store, tmp_path / "archive", recognizer)
        assert third == {str(paths[0]): "unchanged", str(paths[1]): "updated",
                                  str(paths[2]): "unchanged"}
        assert store.search(SearchQuery(marker(1))) == []
        assert [Path(h.path).name for h in store.search(SearchQuery("ZX9999"))] == ["notice-0001.txt"]
        assert store.stats().documents == 3
    finally:
        store.close()


def test_two_runs_at_once_store_each_file_once(make_db: DbMaker, tmp_path: Path) -> None:
    db = make_db()
    count = 8
    write_marked_notices(tmp_path / "archive", count)
    runs = [
        subprocess.Popen(index_command(tmp_path / "archive", db), cwd=REPO_DIR,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert_each_marker_once(db, count)


def test_a_killed_run_started_again_finishes_with_nothing_lost_or_twice(
    make_db: DbMaker, tmp_path: Path
) -> None:
    db = make_db()
    count = 120  # enough that the run is still going when three are stored, however fast extraction gets
    write_marked_notices(tmp_path / "archive", count)
    run = subprocess.Popen(index_command(tmp_path / "archive", db), cwd=REPO_DIR,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = open_store(db)
    try:
        stored = 0
        deadline = time.monotonic() + 120
        while stored < 3 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
            stored = store.stats().documents
        assert run.poll() is None, "the run finished before it could be killed: raise count"
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        killed_at = store.stats().documents
    finally:
        store.close()
    assert 3 <= killed_at < count, "the run must be killed in the middle"
    again = subprocess.run(index_command(tmp_path / "archive", db), cwd=REPO_DIR,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"{count - killed_at} added, 0 updated, {killed_at} unchanged, 0 failed" in again.stderr
    assert_each_marker_once(db, count)
