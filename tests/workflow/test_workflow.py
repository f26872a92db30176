"""docproc.workflow: the one place that joins the stages for an input and names its outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from docproc.forms.reader import first_page_is_ruled
from docproc.model.form import Form
from docproc.ocr import get_engine
from docproc.pipeline import Recognizer
from docproc.workflow import OutputFiles, ledger_record_path, output_stem, read_ledger_input
from tests.conftest import FIXTURES_DIR
from tests.workflow.counting_engine import PageCountingEngine


@pytest.mark.parametrize(
    ("name", "stem"),
    [("scan.pdf", "scan"), ("scan.document.json", "scan"), ("通知.notice.json", "通知"), ("表.form.json", "表"),
     ("a.b.tif", "a.b"), (".document.json", ".document"), ("README", "README"), (".hidden", ".hidden")],
)
def test_output_stem(name: str, stem: str) -> None:
    assert output_stem(Path("in") / name) == stem


def test_output_files_name_every_output_of_an_input() -> None:
    files = OutputFiles.of(Path("/in/沈法治发7号.document.json"), Path("/out"))
    assert files.paths(["text", "document", "notice", "notice_md", "form", "form_csv", "form_xlsx",
                        "searchable_pdf", "alto"]) == [
        Path(f"/out/沈法治发7号{s}") for s in (".txt", ".document.json", ".notice.json", ".notice.md",
                                              ".form.json", ".form.csv", ".form.xlsx", ".searchable.pdf", ".alto.xml")]
    assert files.ledger("xlsx") == Path("/out/沈法治发7号.ledger.xlsx")
    assert files.archival_copy("ab" * 32) == Path("/out/沈法治发7号-abababababab.searchable.pdf")
    assert ledger_record_path(Path("/out/台账.xlsx")) == Path("/out/台账.ledger.json")


def test_output_names_fit_in_255_bytes() -> None:
    stem = "通知" * 41 + "abcde"  # 251 bytes: the longest stem a legal ``<stem>.pdf`` has
    files = OutputFiles.of(Path(f"/in/{stem}.pdf"), Path("/out"))
    names = [p.name for p in files.paths(["text", "document", "searchable_pdf", "alto"])]
    names += [files.ledger("xlsx").name, files.archival_copy("ab" * 32).name]
    assert [len(n.encode("utf-8")) <= 255 for n in names] == [True] * 6
    assert names[0] == stem + ".txt"
    assert names[2] == "通知" * 40 + ".searchable.pdf"  # 240 + 15 bytes


@pytest.mark.parametrize(
    ("path", "ruled"),
    [("forms/zhifa-3col/scan.jpg", True), ("forms/zhifa-7col-two-pages/scan.pdf", True),
     ("forms/zhifa-7col-two-pages/form.pdf", False),  # a text layer: its tables come with it
     ("seed-000/degraded.pdf", False), ("bad-input/scan-page.jpg", False), ("seed-000/input.txt", False),
     ("html/govcn-guofa-2018-43/input.html", False)],
)
def test_first_page_is_ruled(path: str, ruled: bool) -> None:
    assert first_page_is_ruled(FIXTURES_DIR / path) is ruled


@pytest.mark.slow
def test_scanned_form_given_to_a_ledger_is_ocrd_once() -> None:
    scan = FIXTURES_DIR / "forms" / "zhifa-3col" / "scan.jpg"
    width, height = Image.open(scan).size
    engine = PageCountingEngine(get_engine("rapid", threads=2), width * height)
    record = read_ledger_input(scan, Recognizer(engine=engine))
    assert isinstance(record, Form)
    assert record.title is not None and record.title.endswith("专项问题自查表")
    assert len(record.items) == 6
    assert engine.page_reads == 1
