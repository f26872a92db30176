"""Searchable PDF: the text layer copies back exactly (no spaces between Chinese characters), lies on
the line boxes, and sits on the page images; ALTO v4 XML of the same documents; the ocr flags."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.errors import InputError
from docproc.export import searchable_pdf_bytes
from docproc.export.glyphless_font import glyphless_font
from docproc.pipeline import load
from tests.conftest import FIXTURES_DIR

CASE = FIXTURES_DIR / "notices" / "forward-xiushui"


@pytest.fixture(scope="module")
def scan_pdf() -> tuple[object, bytes]:
    document = load(CASE / "degraded.document.json")
    return document, searchable_pdf_bytes(document, CASE / "degraded.pdf")


def page_lines(document: object, number: int) -> list[str]:
    page = document.pages[number - 1]  # type: ignore[attr-defined]
    return [line.text.strip() for line in page.lines if line.text.strip()]


def test_pdfium_copies_each_line_exactly(scan_pdf: tuple[object, bytes]) -> None:
    document, data = scan_pdf
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) == 2
    for number in (1, 2):
        text = pdf[number - 1].get_textpage().get_text_range()
        assert text.replace("\r\n", "\n").split("\n") == page_lines(document, number)


def test_pdfplumber_copies_each_line_exactly_and_on_its_box(scan_pdf: tuple[object, bytes]) -> None:
    document, data = scan_pdf
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        assert page.extract_text().split("\n") == page_lines(document, 1)
        assert (page.width, page.height) == pytest.approx((595.44, 841.92), abs=0.01)
        first = document.pages[0].lines[0]  # type: ignore[attr-defined]
        chars = page.chars[: len(first.text.strip())]
        assert "".join(c["text"] for c in chars) == "修水县人民政府办公室文件"
        assert chars[0]["x0"] == pytest.approx(first.bbox[0], abs=0.05)
        assert chars[-1]["x1"] == pytest.approx(first.bbox[2], abs=0.05)
        assert all(b["x0"] == pytest.approx(a["x1"], abs=0.01) for a, b in zip(chars, chars[1:], strict=False))
        assert len(page.images) == 1
        assert page.images[0]["srcsize"] == (2481, 3508)


def test_the_embedded_font_is_the_glyphless_one(scan_pdf: tuple[object, bytes]) -> None:
    _, data = scan_pdf
    assert b"/Subtype /Type0" in data and b"/Encoding /Identity-H" in data and b"/ToUnicode" in data
    assert f"/Length1 {len(glyphless_font())}".encode() in data
    assert len(data) < 2_000_000


def test_a_text_file_has_no_scan_to_lay_text_on(tmp_path: Path) -> None:
    from docproc.pipeline import Recognizer

    source = FIXTURES_DIR / "seed-000" / "input.txt"
    document = Recognizer().recognize(source)
    with pytest.raises(InputError, match="needs pages"):
        searchable_pdf_bytes(document, source)


def test_ocr_command_writes_searchable_pdf_and_alto(tmp_path: Path) -> None:
    source = FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"
    result = CliRunner().invoke(
        main, ["ocr", str(source), "-o", str(tmp_path), "--searchable-pdf", "--alto", "--no-progress"]
    )
    assert result.exit_code == 0, result.stderr
    document = load(tmp_path / "397.document.json")
    pdf = pdfium.PdfDocument(tmp_path / "397.searchable.pdf")
    assert len(pdf) == 5
    for number in range(1, 6):
        # pdfium joins lines that share a baseline (two issuers side by side) with a space
        text = pdf[number - 1].get_textpage().get_text_range()
        assert "".join(text.split()) == "".join("".join(page_lines(document, number)).split())
    alto = (tmp_path / "397.alto.xml").read_text(encoding="utf-8")
    assert alto.count("<Page ") == 5
    assert json.loads((tmp_path / "397.document.json").read_text(encoding="utf-8"))["pages"]


def test_ocr_export_flags_need_an_output_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ocr", str(FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"), "--alto"])
    assert result.exit_code == 1
    assert "give -o DIR" in result.stderr


def test_index_add_keeps_a_searchable_copy(tmp_path: Path) -> None:
    source = FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"
    db = str(tmp_path / "a.sqlite3")
    result = CliRunner().invoke(
        main, ["index", "add", str(source), "--db", db, "--keep-pdf", str(tmp_path / "copies"), "--no-progress"]
    )
    assert result.exit_code == 0, result.stderr
    (copy,) = (tmp_path / "copies").iterdir()
    from docproc.ingest.sha import sha256_file

    assert copy.name == f"397-{sha256_file(source)[:12]}.searchable.pdf"
    assert "发改办财金规" in "".join(pdfium.PdfDocument(copy)[0].get_textpage().get_text_range().split())
