"""Saved web pages through every command that takes files, and bad pages with their exit codes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.batch import read_manifest
from docproc.cli import main
from docproc.index import SearchQuery, open_store
from docproc.ingest.html import MAX_HTML_BYTES
from tests.conftest import FIXTURES_DIR, validate_record

GOVCN = FIXTURES_DIR / "html" / "govcn-guofa-2018-43" / "input.html"
SHENZHEN = FIXTURES_DIR / "html" / "nlc-shenzhen-2013-notice" / "input.html"
NAV_ONLY = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_某县人民政府</title>
<script>var menu = "首页,政务公开,互动交流";</script><style>.nav{color:red}</style></head>
<body><div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hdjl">互动交流</a></div>
<ul class="list"><li><a href="/1.html">关于开展消防检查的通知</a></li><li><a href="/2.html">关于调整领导小组的通知</a></li></ul>
</body></html>"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ocr_writes_the_page_text_and_document(tmp_path: Path) -> None:
    before = sha256(GOVCN)
    code, _, err = run("ocr", str(GOVCN), "-o", str(tmp_path))
    assert code == 0, err
    expected = (GOVCN.parent / "expected.txt").read_text(encoding="utf-8")
    assert (tmp_path / "input.txt").read_text(encoding="utf-8") == expected
    record = json.loads((tmp_path / "input.document.json").read_text(encoding="utf-8"))
    validate_record(record, "document")
    assert record["source"] == {"file": "input.html", "sha256": before, "pages": 1, "text_source": "text",
                                "ocr_engine": None, "mean_confidence": None}
    assert sha256(GOVCN) == before


def test_extract_reads_title_number_and_issuer_from_a_page(tmp_path: Path) -> None:
    code, _, err = run("extract", str(GOVCN), "-o", str(tmp_path))
    assert code == 0, err
    record = json.loads((tmp_path / "input.notice.json").read_text(encoding="utf-8"))
    validate_record(record, "notice")
    assert record["doc_number"] == "国发〔2018〕43号"
    assert record["source"]["file"] == "input.html"


def test_ledger_build_takes_a_page(tmp_path: Path) -> None:
    page = tmp_path / "notice.htm"  # a dev page of the real gold (fixtures/realnotices/splits.json)
    shutil.copy(FIXTURES_DIR / "realnotices" / "pingtan-2579" / "input.html", page)
    out = tmp_path / "台账.md"
    code, _, err = run("ledger", "build", str(page), "-o", str(out))
    assert code == 0, err
    ledger = out.read_text(encoding="utf-8")
    assert "| 1 |  | 贯彻消防法律、法规、规章和有关政策，指导全区的消防工作 |" in ledger
    assert "岚综管办〔2015〕150号 （六） |" in ledger


def test_index_add_walks_pages_and_finds_them(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(GOVCN, folder / "guofa-2018-43.html")
    shutil.copy(SHENZHEN, folder / "shenzhen.htm")
    db = str(tmp_path / "archive.sqlite3")
    code, _, err = run("index", "add", str(folder), "--db", db, "--no-progress")
    assert code == 0, err
    assert "2 added, 0 updated, 0 unchanged, 0 failed" in err
    store = open_store(db, create=False)
    try:
        hits = store.search(SearchQuery(text="博鳌乐城"))
    finally:
        store.close()
    assert [Path(hit.path).name for hit in hits] == ["guofa-2018-43.html"]


def test_batch_reads_pages_whole_and_records_a_bad_one(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(GOVCN, inbox / "guofa.html")
    (inbox / "menu.html").write_text(NAV_ONLY, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run("batch", str(inbox), "-o", str(out), "--jobs", "1", "--no-progress")
    assert code == 5, err
    entries = read_manifest(out / "manifest.jsonl")
    assert (entries["guofa.html"].status, entries["guofa.html"].pages) == ("ok", 1)
    assert entries["menu.html"].status == "failed"
    assert "no main text" in (entries["menu.html"].error or "")
    assert (out / "results/guofa.html/guofa.txt").read_text(encoding="utf-8") == \
        (GOVCN.parent / "expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "code", "words"),
    [
        ("empty.html", b"", 2, "is empty (0 bytes)"),
        ("binary.html", bytes(range(256)) * 8, 2, "is binary data of an unknown kind"),
        ("menu.html", NAV_ONLY.encode(), 5, "is an HTML page with no main text to read (only navigation"),
        ("blank.html", b"<html><head><title>x</title></head><body>  \n </body></html>", 5, "no main text"),
        ("frames.htm", b'<html><frameset cols="20%,80%"><frame src="menu.html"><frame src="main.html">'
                       b"</frameset></html>", 5, "shows its text in frames"),
        ("notice.html", "关于开展专项行动的通知".encode(), 2, "is named .html but is a text file"),
    ],
)
def test_bad_pages_get_one_line_and_their_exit_code(tmp_path: Path, name: str, content: bytes, code: int,
                                                    words: str) -> None:
    page = tmp_path / name
    page.write_bytes(content)
    exit_code, _, err = run("ocr", str(page))
    assert exit_code == code
    first = err.splitlines()[0]
    assert first.startswith(f"docproc: error: {page}: ") and words in first
    assert page.read_bytes() == content


def test_a_page_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    with page.open("wb") as handle:
        handle.write(b"<html><body>")
        handle.truncate(30 * 1024 * 1024)
    assert page.stat().st_size > MAX_HTML_BYTES
    code, _, err = run("extract", str(page))
    assert code == 2
    assert f"{page}: is an HTML page of 30.0 MB, over the 20 MB docproc reads" in err
