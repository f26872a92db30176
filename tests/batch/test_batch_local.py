"""``run_batch`` and ``docproc batch`` on a local pool: results, manifest, resume, bad files, crashes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.batch import BatchOptions, read_manifest, run_batch
from docproc.cli import main
from docproc.config import Settings
from docproc.errors import NothingExtractedError
from docproc.extract import extract_notice
from docproc.pipeline import Recognizer
from tests.batch.conftest import FIXTURES, write_scan_pdf

FAULT = Settings(engine="fault", dpi=72, threads=1)


def options(inbox: Path, out: Path, **extra: object) -> BatchOptions:
    return BatchOptions(source=inbox, output=out, settings=extra.pop("settings", FAULT), **extra)  # type: ignore[arg-type]


def manifest_lines(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]


def test_every_input_gets_a_result_folder_and_one_manifest_line(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch(options(inbox, out, jobs=2))
    assert summary.exit_code == 0
    assert sorted(summary.ok) == ["2024/397.pdf", "2024/scan-one.pdf", "notice.txt", "scan-six.pdf"]
    assert summary.pages == 6 + 1 + 5
    lines = manifest_lines(out)
    assert sorted((str(e["path"]), e["status"], e["pages"]) for e in lines) == [
        ("2024/397.pdf", "ok", 5),
        ("2024/scan-one.pdf", "ok", 1),
        ("notice.txt", "ok", 0),
        ("scan-six.pdf", "ok", 6),
    ]
    six = next(e for e in lines if e["path"] == "scan-six.pdf")
    assert six["outputs"] == [
        "results/scan-six.pdf/scan-six.document.json",
        "results/scan-six.pdf/scan-six.txt",
        "results/scan-six.pdf/scan-six.notice.json",
    ]
    assert set(six) == {"path", "sha256", "status", "error", "seconds", "outputs", "pages", "size", "mtime_ns"}
    document = json.loads((out / "results/scan-six.pdf/scan-six.document.json").read_text())
    assert [p["number"] for p in document["pages"]] == [1, 2, 3, 4, 5, 6]
    assert document["source"]["ocr_engine"] == "fault"


def test_page_parallel_results_equal_one_process_recognition(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(options(inbox, out, jobs=2))
    recognizer = Recognizer(FAULT)
    for relative in ("scan-six.pdf", "2024/397.pdf"):
        expected = recognizer.recognize(inbox / relative)
        stem = Path(relative).stem
        folder = out / "results" / relative
        assert (folder / f"{stem}.txt").read_text() == expected.text + "\n"
        notice = json.loads((folder / f"{stem}.notice.json").read_text())
        assert notice == json.loads(json.dumps(extract_notice(expected).to_dict()))


def test_rerun_does_only_what_is_missing_or_changed(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(options(inbox, out, jobs=2))
    again = run_batch(options(inbox, out, jobs=2))
    assert (again.ok, again.up_to_date, len(manifest_lines(out))) == ([], 4, 4)

    with open(inbox / "notice.txt", "a", encoding="utf-8") as handle:
        handle.write("\n特此通知。\n")
    (out / "results/2024/scan-one.pdf/scan-one.txt").unlink()
    leftover = out / "results/2024/scan-one.pdf/.scan-one.txt.x1y2z3.tmp"  # a write killed mid-way
    leftover.write_text("half", encoding="utf-8")
    third = run_batch(options(inbox, out, jobs=2))
    assert (sorted(third.ok), third.up_to_date) == (["2024/scan-one.pdf", "notice.txt"], 2)
    latest = read_manifest(out / "manifest.jsonl")
    assert (out / "results/2024/scan-one.pdf/scan-one.txt").is_file()
    assert not leftover.exists()
    assert "特此通知。" in (out / "results/notice.txt/notice.txt").read_text()
    assert len(manifest_lines(out)) == 6
    assert latest["notice.txt"].size == (inbox / "notice.txt").stat().st_size


def test_corrupt_and_empty_files_fail_and_the_others_finish(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FIXTURES / "bad-input" / "truncated.pdf", inbox / "2024" / "truncated.pdf")
    (inbox / "empty.pdf").write_bytes(b"")
    out = tmp_path / "out"
    monkeypatch.setenv("DOCPROC_ENGINE", "fault")
    result = CliRunner().invoke(
        main, ["batch", str(inbox), "-o", str(out), "--jobs", "2", "--dpi", "72", "--progress"]
    )
    assert result.exit_code == 2, result.output
    assert "6 file(s) processed: 4 ok, 0 partial, 2 failed; 0 already up to date" in result.stderr
    entries = read_manifest(out / "manifest.jsonl")
    assert {p: e.status for p, e in entries.items()} == {
        "2024/397.pdf": "ok",
        "2024/scan-one.pdf": "ok",
        "2024/truncated.pdf": "failed",
        "empty.pdf": "failed",
        "notice.txt": "ok",
        "scan-six.pdf": "ok",
    }
    assert entries["empty.pdf"].error == "is empty (0 bytes)"
    assert entries["2024/truncated.pdf"].outputs == []
    assert not (out / "results" / "empty.pdf").exists()


def test_failed_files_are_left_alone_unless_retry_failed(inbox: Path, tmp_path: Path) -> None:
    (inbox / "empty.pdf").write_bytes(b"")
    out = tmp_path / "out"
    run_batch(options(inbox, out, jobs=1))
    assert run_batch(options(inbox, out, jobs=1)).failed == []
    retried = run_batch(options(inbox, out, jobs=1, retry_failed=True))
    assert retried.failed == [("empty.pdf", "is empty (0 bytes)", 2)]


@pytest.mark.parametrize(
    ("on_dark", "message"),
    [
        ("kill", "the worker process was killed by SIGKILL (out of memory, or killed) while reading page 3"),
        ("segv", "the worker process was killed by SIGSEGV while reading page 3"),
        ("exit", "the worker process exited with code 3 while reading page 3"),
    ],
)
def test_a_page_that_kills_its_worker_fails_its_file_only(
    inbox: Path, tmp_path: Path, on_dark: str, message: str
) -> None:
    write_scan_pdf(inbox / "poison.pdf", [11, 12, 13, 14], dark_pages=(3,))
    out = tmp_path / "out"
    settings = Settings(engine="fault", dpi=72, threads=1, engine_options={"on_dark": on_dark})
    summary = run_batch(options(inbox, out, jobs=2, settings=settings))
    assert summary.failed == [("poison.pdf", message, 2)]
    assert sorted(summary.ok) == ["2024/397.pdf", "2024/scan-one.pdf", "notice.txt", "scan-six.pdf"]
    assert read_manifest(out / "manifest.jsonl")["poison.pdf"].status == "failed"


def test_nothing_extracted_makes_the_input_partial(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run_batch(options(inbox, out, jobs=1))
    assert (out / "results/notice.txt/notice.notice.json").is_file()

    def nothing(document: object) -> object:
        raise NothingExtractedError("not a notice")

    monkeypatch.setattr("docproc.extract.extract_notice", nothing)
    with open(inbox / "notice.txt", "a", encoding="utf-8") as handle:
        handle.write("\n附件：无\n")
    summary = run_batch(options(inbox, out, jobs=1))
    assert summary.partial == [("notice.txt", "no notice: not a notice")]
    assert summary.exit_code == 0
    entry = read_manifest(out / "manifest.jsonl")["notice.txt"]
    assert (entry.status, entry.outputs) == (
        "partial",
        ["results/notice.txt/notice.document.json", "results/notice.txt/notice.txt"],
    )
    assert not (out / "results/notice.txt/notice.notice.json").exists()


def test_batch_needs_a_folder_and_another_one_for_its_outputs(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o")])
    assert (result.exit_code, result.stderr) == (
        1, f"docproc: error: {tmp_path / 'missing'} is not a folder: docproc batch takes a folder\n"
    )
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "-o", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        1, "docproc: error: -o must be another folder than the one being processed\n"
    )


def test_the_output_folder_inside_the_input_folder_is_not_read(inbox: Path) -> None:
    out = inbox / "out"
    run_batch(options(inbox, out, jobs=1))
    second = run_batch(options(inbox, out, jobs=1))
    assert (second.ok, second.failed, second.up_to_date) == ([], [], 4)


def test_ledger_and_index_follow_each_notice(inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    from docproc.index import SearchQuery, open_store

    out, db = tmp_path / "out", tmp_path / "archive.sqlite3"
    monkeypatch.setenv("DOCPROC_ENGINE", "fault")
    result = CliRunner().invoke(
        main, ["batch", str(inbox), "-o", str(out), "--jobs", "1", "--dpi", "72", "--no-progress",
               "--ledger", "--index", str(db)],
    )
    assert result.exit_code == 0, result.output
    entry = read_manifest(out / "manifest.jsonl")["2024/397.pdf"]
    assert entry.outputs[-1] == "results/2024/397.pdf/397.ledger.xlsx"
    workbook = load_workbook(out / entry.outputs[-1])
    assert workbook.active.max_row > 1
    store = open_store(db)
    try:
        paths = sorted(Path(e.path).relative_to(inbox).as_posix() for e in store.entries())
        hits = store.search(SearchQuery(text="专项检查"))
    finally:
        store.close()
    assert paths == ["2024/397.pdf", "2024/scan-one.pdf", "notice.txt", "scan-six.pdf"]
    assert {Path(h.path).name for h in hits} == {"scan-one.pdf", "scan-six.pdf"}
