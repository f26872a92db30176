"""`docproc ocr` through click's CliRunner: exit codes, files written, state checked via the library."""

from __future__ import annotations

import hashlib
import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import docproc
from docproc.cli import main
from tests.conftest import FIXTURES_DIR, validate_record

GOVDOC_PDF = FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"
BAD = FIXTURES_DIR / "bad-input"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_text_layer_pdf_to_text_and_document_json(tmp_path: Path) -> None:
    before = sha256(GOVDOC_PDF)
    code, _, err = run("ocr", str(GOVDOC_PDF), "-o", str(tmp_path))
    assert code == 0, err
    text = (tmp_path / "397.txt").read_text(encoding="utf-8")
    assert "关于加强个人所得税纳税信用建设的通知" in text
    record = json.loads((tmp_path / "397.document.json").read_text(encoding="utf-8"))
    validate_record(record, "document")
    assert record["source"]["text_source"] == "pdf-text"
    assert record["source"]["pages"] == 5
    assert record["source"]["sha256"] == before
    assert sha256(GOVDOC_PDF) == before  # the input is never modified
    doc = docproc.load(tmp_path / "397.document.json")
    assert doc.text + "\n" == text
    for page in doc.pages:
        for line in page.lines:
            assert line.span is not None
            assert doc.text[line.span[0] : line.span[1]] == line.text


def test_one_file_without_output_prints_its_text() -> None:
    code, out, _ = run("ocr", str(FIXTURES_DIR / "bad-input" / "notice-gb18030.txt"))
    assert code == 0
    assert out.splitlines()[:2] == ["市营商局（市行政审批局）进一步加强", "行政执法规范化建设工作实施方案"]
    assert "（鞍法委发〔2023〕5号）" in out


def test_several_files_need_an_output_folder() -> None:
    code, _, err = run("ocr", str(GOVDOC_PDF), str(GOVDOC_PDF))
    assert code == 1
    assert "-o DIR" in err


def test_colliding_output_names_stop_before_any_work(tmp_path: Path) -> None:
    a = tmp_path / "a" / "same.txt"
    b = tmp_path / "b" / "same.txt"
    for p in (a, b):
        p.parent.mkdir()
        p.write_text("通知", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run("ocr", str(a), str(b), "-o", str(out))
    assert code == 1
    assert "would both write" in err
    assert not out.exists()


def test_output_may_not_overwrite_an_input(tmp_path: Path) -> None:
    src = tmp_path / "n.txt"
    src.write_text("关于开展专项行动的通知", encoding="utf-8")
    code, _, err = run("ocr", str(src), "-o", str(tmp_path))
    assert code == 1
    assert "overwrite an input" in err
    assert src.read_text(encoding="utf-8") == "关于开展专项行动的通知"


@pytest.mark.parametrize(
    ("name", "exit_code", "words"),
    [
        ("empty.pdf", 2, "empty"),
        ("truncated.pdf", 2, "PDF"),
        ("encrypted.pdf", 2, "--password"),
        ("png-named.pdf", 2, "PNG"),
        ("huge-30000.png", 2, "30000"),
    ],
)
def test_bad_input_gets_one_line_and_its_exit_code(
    tmp_path: Path, name: str, exit_code: int, words: str
) -> None:
    code, _, err = run("ocr", str(BAD / name), "-o", str(tmp_path))
    assert code == exit_code
    error_lines = [ln for ln in err.splitlines() if ln.startswith("docproc: error:")]
    assert len(error_lines) == 1
    assert name in error_lines[0] and words in error_lines[0]
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_page_with_no_text_exits_5(tmp_path: Path) -> None:
    code, _, err = run("ocr", str(BAD / "blank-page.png"), "-o", str(tmp_path))
    assert code == 5
    error_lines = [ln for ln in err.splitlines() if ln.startswith("docproc: error:")]
    assert error_lines == [f"docproc: error: {BAD / 'blank-page.png'}: no text found on any page (blank, or too faint to read)"]
    assert list(tmp_path.iterdir()) == []


def test_encrypted_pdf_opens_with_its_password(tmp_path: Path) -> None:
    code, _, err = run("ocr", str(BAD / "encrypted.pdf"), "--password", "secret", "-o", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "encrypted.txt").read_text(encoding="utf-8").strip()


def test_a_failure_does_not_stop_the_others(tmp_path: Path) -> None:
    good = FIXTURES_DIR / "bad-input" / "notice-utf8.txt"
    code, _, err = run("ocr", str(BAD / "truncated.pdf"), str(good), "-o", str(tmp_path))
    assert code == 2
    assert (tmp_path / "notice-utf8.txt").exists()
    assert "2 file(s): 1 ok, 1 failed" in err
    assert "failed: " in err and "truncated.pdf" in err


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    code, _, err = run("ocr", str(tmp_path / "nope.pdf"))
    assert code == 2
    assert "nope.pdf" in err


def test_unknown_engine_is_a_usage_error() -> None:
    code, _, _ = run("ocr", str(GOVDOC_PDF), "--engine", "bogus")
    assert code == 1


def test_paddle_engine_absent_exits_3(tmp_path: Path) -> None:
    png = FIXTURES_DIR / "govdoc-cn-397" / "397_1.png"
    code, _, err = run("ocr", str(png), "--engine", "paddle", "-o", str(tmp_path))
    assert code == 3
    assert "docproc[paddle]" in err


def test_paddle_model_dir_without_its_model_file_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # paddleocr present (a stand-in that must not be reached), the detection folder lacks its ONNX file
    def never_called(**options: object) -> None:
        raise AssertionError("paddleocr was asked to load an incomplete model folder")

    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=never_called))
    det, rec = tmp_path / "det", tmp_path / "rec"
    for folder, files in ((det, ["inference.yml"]), (rec, ["rec.onnx", "inference.yml"])):
        folder.mkdir()
        for name in files:
            (folder / name).write_bytes(b"x")
    png = FIXTURES_DIR / "govdoc-cn-397" / "397_1.png"
    out = tmp_path / "out"
    code, _, err = run("ocr", str(png), "--engine", "paddle", "--engine-option", f"det_model_dir={det}",
                       "--engine-option", f"rec_model_dir={rec}", "-o", str(out))
    assert code == 3
    assert err == (
        f"docproc: error: {png}: paddle OCR det_model_dir {det} lacks inference.onnx or det.onnx; "
        "point it at a directory holding inference.onnx or det.onnx beside inference.yml\n"
    )
    assert not any(out.glob("397_1*"))


def test_debug_shows_traceback(tmp_path: Path) -> None:
    code, _, err = run("--debug", "ocr", str(BAD / "truncated.pdf"), "-o", str(tmp_path))
    assert code == 2
    assert "Traceback" in err


def test_replay_engine_takes_its_documented_option(tmp_path: Path) -> None:
    """docs/cli.md: ``--engine-option replay_dir=DIR``; an empty folder has no recorded page."""
    scan = FIXTURES_DIR / "bad-input" / "scan-page.jpg"
    code, _, err = run("ocr", str(scan), "--engine", "replay", "--engine-option", f"replay_dir={tmp_path}")
    assert code == 4
    assert err.startswith(f"docproc: error: {scan}: no recorded OCR result for image ")


@pytest.mark.parametrize(
    ("engine", "known"),
    [("rapid", "threads, det_limit_side_len, max_side_len, line_orientation, text_score, char_positions"),
     ("replay", "replay_dir")],
)
def test_unknown_engine_option_is_a_usage_error_naming_the_valid_ones(engine: str, known: str) -> None:
    code, _, err = run("ocr", str(BAD / "notice-utf8.txt"), "--engine", engine, "--engine-option", "colour=red")
    assert code == 1
    assert err.splitlines() == [f"docproc: error: the {engine} OCR engine has no option 'colour'; its options: {known}"]
