"""Inputs a file system can hold but a notice is not: a symbolic link loop, a file nobody may read,
a pipe or a device, a PDF without pages. Each gets one line and exit 2; the other files of the run
still finish. Made by fixtures/bad-input/make_bad_inputs.py (make_runtime_inputs)."""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.cli import main
from tests.conftest import FIXTURES_DIR, REPO_DIR, make_runtime_inputs

NOTICE = FIXTURES_DIR / "bad-input" / "notice-utf8.txt"
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _without_root_file_access() -> None:
    """In the child before exec: root loses the capabilities that let it read any file, so mode 000
    means unreadable as it does for everyone else (a no-op for other users)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_process(*args: str, timeout: float = 120) -> tuple[int, str]:
    """``python -m docproc.cli …`` in its own process, without root's file access; (exit code, stderr)."""
    done = subprocess.run([sys.executable, "-m", "docproc.cli", *args], cwd=REPO_DIR, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=_without_root_file_access)
    return done.returncode, done.stderr


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    made = make_runtime_inputs(tmp_path / "in")
    shutil.copy(NOTICE, tmp_path / "in" / "good.txt")
    return {**made, "good": tmp_path / "in" / "good.txt"}


def test_symlink_loop_as_input_fails_alone(tmp_path: Path, inputs: dict[str, Path]) -> None:
    out = tmp_path / "out"
    code, _, err = run("ocr", str(inputs["loop"]), str(inputs["good"]), "-o", str(out))
    assert code == 2
    assert err.splitlines() == [
        f"docproc: error: {inputs['loop']}: cannot be read (Too many levels of symbolic links)",
        "2 file(s): 1 ok, 1 failed",
        f"  failed: {inputs['loop']}: cannot be read (Too many levels of symbolic links)"]
    assert sorted(p.name for p in out.iterdir()) == ["good.document.json", "good.txt"]


def test_symlink_loop_as_output_is_refused_before_any_work(inputs: dict[str, Path]) -> None:
    code, _, err = run("ocr", str(inputs["good"]), "-o", str(inputs["loop"]))
    assert code == 1
    assert err.splitlines() == [
        f"docproc: error: cannot write {inputs['loop']}: {inputs['loop']} is a symbolic link that leads nowhere"]


def test_symlink_loop_given_to_index_add(tmp_path: Path, inputs: dict[str, Path]) -> None:
    db = tmp_path / "archive.sqlite3"
    code, _, err = run("index", "add", str(inputs["loop"]), str(inputs["good"]), "--db", str(db), "--no-progress")
    assert code == 2
    assert f"docproc: error: {inputs['loop']}: cannot be read (Too many levels of symbolic links)" in err
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in err


@pytest.mark.parametrize(
    ("command", "done"),
    [(["ocr", "{unreadable}", "{good}", "-o", "{out}"], "good.txt"),
     (["extract", "{unreadable}", "{good}", "-o", "{out}"], None),
     (["ledger", "{unreadable}", str(FIXTURES_DIR / "seed-000" / "input.txt"), "-o", "{out}/台账.xlsx"], "台账.xlsx")],
    ids=["ocr", "extract", "ledger"],
)
def test_unreadable_file_exits_2_and_the_others_finish(
    tmp_path: Path, inputs: dict[str, Path], command: list[str], done: str | None
) -> None:
    out = tmp_path / "out"
    names = {"unreadable": inputs["unreadable"], "good": inputs["good"], "out": out}
    code, err = run_process(*[a.format(**names) for a in command])
    assert code == 2, err
    assert f"docproc: error: {inputs['unreadable']}: cannot be read: permission denied" in err.splitlines()
    assert "Traceback" not in err
    if done is not None:
        assert (out / done).is_file()


@pytest.mark.parametrize("device", ["fifo", "fifo-json", "/dev/zero"])
def test_pipe_or_device_is_refused_before_it_is_read(
    tmp_path: Path, inputs: dict[str, Path], device: str
) -> None:
    """Reading a pipe waits for a writer, /dev/zero never ends: both must be refused unread."""
    path = inputs[device] if device in inputs else Path(device)
    db = tmp_path / "archive.sqlite3"
    code, err = run_process("index", "add", str(path), str(inputs["good"]), "--db", str(db), "--no-progress",
                            timeout=60)
    assert code == 2, err
    assert f"docproc: error: {path}: is not a regular file (a device, pipe or socket)" in err.splitlines()
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in err
    code, err = run_process("ocr", str(path), "-o", str(tmp_path / "out"), timeout=60)
    assert code == 2, err
    assert err.splitlines() == [f"docproc: error: {path}: is not a regular file (a device, pipe or socket)"]
    assert stat.S_ISFIFO(inputs["fifo"].lstat().st_mode)  # still a pipe, nothing written into it


def test_pdf_without_pages_is_one_line() -> None:
    path = FIXTURES_DIR / "bad-input" / "no-pages.pdf"
    code, _, err = run("ocr", str(path))
    assert code == 2
    assert err.splitlines() == [f"docproc: error: {path}: is a PDF with no pages"]


def test_one_failed_file_is_one_line_without_a_summary(tmp_path: Path) -> None:
    path = FIXTURES_DIR / "bad-input" / "truncated.pdf"
    code, _, err = run("ocr", str(path), "-o", str(tmp_path))
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith(f"docproc: error: {path}: ")
