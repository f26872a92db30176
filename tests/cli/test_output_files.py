"""Where outputs go: the umask's mode (and an updated file's own), a place that cannot be written
refused before any work with exit 1, long file names."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.cli import main
from tests.conftest import FIXTURES_DIR, make_runtime_inputs

NOTICE = str(FIXTURES_DIR / "bad-input" / "notice-utf8.txt")
SEED000 = str(FIXTURES_DIR / "seed-000" / "input.txt")
GOLD = str(FIXTURES_DIR / "gold" / "owners-deadlines-deqing.notice.json")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)], ids=["022", "002", "077"])
def test_outputs_get_the_mode_the_umask_gives(tmp_path: Path, mask: int, mode: int) -> None:
    with umask(mask):
        code, _, err = run("ocr", NOTICE, "-o", str(tmp_path / "out"))
        assert code == 0, err
        code, _, err = run("ledger", GOLD, "-o", str(tmp_path / "out" / "台账.xlsx"), "--json")
        assert code == 0, err
    assert modes(tmp_path / "out") == {"notice-utf8.document.json": mode, "notice-utf8.txt": mode,
                                       "台账.ledger.json": mode, "台账.xlsx": mode}


def test_ledger_update_keeps_the_files_mode(tmp_path: Path) -> None:
    ledger = tmp_path / "台账.xlsx"
    assert run("ledger", GOLD, "-o", str(ledger))[0] == 0
    ledger.chmod(0o664)  # shared with the office's group
    with umask(0o077):
        code, _, err = run("ledger", "update", str(ledger), SEED000)
    assert code == 0, err
    assert "added 11 row(s), kept 4" in err
    assert modes(tmp_path) == {"台账.xlsx": 0o664}


@pytest.fixture()
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "afile"
    path.write_text("not a folder\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["ocr", NOTICE, "-o", "{afile}/out"], "{afile}/out: {afile} is a file, not a folder"),
        (["extract", NOTICE, "-o", "/proc/docproc-out"], "/proc/docproc-out: No such file or directory"),
        (["form", NOTICE, "-o", "{afile}/forms"], "{afile}/forms: {afile} is a file, not a folder"),
        (["ledger", GOLD, "-o", "{afile}/x.xlsx"], "{afile}/x.xlsx: {afile} is a file, not a folder"),
        (["ledger", "update", "{ledger}", SEED000, "-o", "/proc/台账.xlsx"], "/proc/台账.xlsx: No such file or directory"),
        (["index", "export", "-o", "{afile}/目录.xlsx", "--db", "{db}"], "{afile}/目录.xlsx: {afile} is a file, not a folder"),
        (["batch", "{inbox}", "-o", "{afile}/out"], "{afile}/out: {afile} is a file, not a folder"),
    ],
    ids=["ocr", "extract", "form", "ledger", "ledger-update", "index-export", "batch"],
)
def test_an_output_that_cannot_be_written_is_refused_before_any_work(
    tmp_path: Path, a_file: Path, args: list[str], where: str
) -> None:
    ledger, db, inbox = tmp_path / "台账.xlsx", tmp_path / "archive.sqlite3", tmp_path / "inbox"
    assert run("ledger", GOLD, "-o", str(ledger))[0] == 0
    assert run("index", "add", SEED000, "--db", str(db), "--no-progress")[0] == 0
    inbox.mkdir()
    shutil.copy(NOTICE, inbox)
    names = {"afile": a_file, "tmp": tmp_path, "ledger": ledger, "db": db, "inbox": inbox}
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, _, err = run(*[a.format(**names) for a in args])
    assert code == 1
    assert err.splitlines() == [f"docproc: error: cannot write {where.format(**names)}"]
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_long_chinese_file_name_is_a_legal_input(tmp_path: Path) -> None:
    long_name = make_runtime_inputs(tmp_path / "in")["long-name"]
    out = tmp_path / "out"
    code, _, err = run("ocr", str(long_name), "-o", str(out))
    assert code == 0, err
    code, _, err = run("extract", str(long_name), "-o", str(out), "--format", "md")
    assert code in (0, 5), err  # the six sentences may hold no notice; the names are the point
    code, _, err = run("ledger", SEED000, "-o", str(out / f"{long_name.stem}.xlsx"))
    assert code == 0, err
    stem = long_name.stem
    assert {p.name for p in out.iterdir()} >= {f"{stem}.txt", f"{stem}.document.json", f"{stem}.xlsx"}
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
