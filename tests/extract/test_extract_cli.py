"""`docproc extract` through click's CliRunner: exit codes, records written, state checked via the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.model.notice import Notice
from tests.conftest import FIXTURES_DIR, validate_record

XIUSHUI = FIXTURES_DIR / "notices" / "forward-xiushui"
JIAXING_OCR = FIXTURES_DIR / "notices" / "joint-issue-jiaxing" / "degraded.document.json"
PROSE = "今天天气很好，我们去公园散步。\n公园里有很多花，孩子们在草地上玩。\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_text_file_prints_a_valid_record() -> None:
    code, out, err = run("extract", str(XIUSHUI / "input.txt"))
    assert code == 0, err
    record = json.loads(out)
    validate_record(record, "notice")
    assert record["doc_number"] == "修府办发〔2022〕63号"
    assert record["issuers"] == ["修水县人民政府办公室"]
    assert record["enclosed_titles"] == ["关于加强农村宅基地审批管理的实施意见"]
    assert (record["source"]["file"], record["source"]["text_source"]) == ("input.txt", "text")


def test_output_folder_gets_name_notice_json(tmp_path: Path) -> None:
    code, out, err = run("extract", str(XIUSHUI / "input.txt"), str(JIAXING_OCR), "-o", str(tmp_path))
    assert code == 0, err
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["degraded.notice.json", "input.notice.json"]
    for path in tmp_path.iterdir():
        validate_record(json.loads(path.read_text(encoding="utf-8")), "notice")
    notice = Notice.from_dict(json.loads((tmp_path / "input.notice.json").read_text(encoding="utf-8")))
    assert (notice.doc_number, notice.issue_date) == ("修府办发〔2022〕63号", "2022-09-30")


def test_document_json_from_ocr_is_read_without_the_ocr_model() -> None:
    code, out, err = run("extract", str(JIAXING_OCR))
    assert code == 0, err
    record = json.loads(out)
    validate_record(record, "notice")
    assert record["source"]["text_source"] == "ocr"
    assert record["issuers"] == ["嘉兴市市场监督管理局", "嘉兴市商务局"]
    assert record["issue_date"] == "2023-05-09"
    assert record["evidence"]["doc_number"]["page"] == 1
    assert record["evidence"]["doc_number"]["bbox"] is not None


def test_format_md_prints_a_summary(tmp_path: Path) -> None:
    code, out, err = run("extract", "--format", "md", str(XIUSHUI / "input.txt"))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "# 修水县人民政府办公室转发县自然资源局关于加强农村宅基地审批管理的实施意见的通知"
    assert "- **文号**：修府办发〔2022〕63号" in lines
    code, out, err = run("extract", "--format", "md", str(XIUSHUI / "input.txt"), "-o", str(tmp_path))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.notice.json", "input.notice.md"]
    assert (tmp_path / "input.notice.md").read_text(encoding="utf-8").startswith("# 修水县")


def test_text_that_is_not_a_notice_exits_5_with_one_line(tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text(PROSE, encoding="utf-8")
    code, out, err = run("extract", str(prose))
    assert code == 5
    assert out == ""
    first = err.splitlines()[0]
    assert first == (f"docproc: error: {prose}: not a notice: no document number, title, issuer, issue date, "
                     "task, phase, deadline or leader found")


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    prose = tmp_path / "prose.txt"
    prose.write_text(PROSE, encoding="utf-8")
    blank = FIXTURES_DIR / "bad-input" / "whitespace-only.txt"
    code, _, err = run("extract", str(prose), str(blank), str(XIUSHUI / "input.txt"), "-o", str(out_dir))
    assert code == 5  # the first failure's code: not a notice
    assert [p.name for p in out_dir.iterdir()] == ["input.notice.json"]
    assert "3 file(s): 1 ok, 2 failed" in err


def test_a_text_over_the_cap_is_refused_at_once_with_one_line(tmp_path: Path) -> None:
    """A 21 MB text file is not a notice: exit 2 and one line, before anything is read or written."""
    big = tmp_path / "dump.txt"
    big.write_bytes(("关于开展专项整治的通知。" * 100 + "\n").encode("utf-8") * 6000)
    result = CliRunner().invoke(main, ["extract", str(big), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "over the 20 MB docproc reads as one document" in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_extract_notice_refuses_a_text_over_its_cap() -> None:
    from docproc.errors import TextTooLongError
    from docproc.extract import extract_notice
    from docproc.extract.pipeline import MAX_NOTICE_CHARS
    from tests.extract.text_document import document_from_text

    with pytest.raises(TextTooLongError) as raised:
        extract_notice(document_from_text("通知" * (MAX_NOTICE_CHARS // 2 + 1)))
    assert raised.value.exit_code == 2
