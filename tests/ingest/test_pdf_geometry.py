"""PDF geometry from the effective boxes: inherited MediaBox/CropBox, non-zero origins, /Rotate.

The fixtures in fixtures/forms/*-inherited-mediabox, *-rotated and *-offset-cropbox are the same
forms as their plain cases, written the way many producers write PDFs (see fixtures/forms/README.md);
the page a reader sees is the same, so every box must come out as in the plain case, and the cells
as drawn (expected.json's page_cells).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from docproc.export.alto import alto_xml
from docproc.export.searchable_pdf import searchable_pdf_bytes
from docproc.forms import read_form
from docproc.ingest.pdf_geometry import PageGeometry, page_geometry
from docproc.pipeline import Recognizer
from tests.conftest import FIXTURES_DIR

FORMS = FIXTURES_DIR / "forms"
VARIANTS = [
    ("zhifa-3col-inherited-mediabox", "zhifa-3col"),
    ("landscape-9col-rotated", "landscape-9col"),
    ("safety-5col-offset-cropbox", "safety-5col"),
]


@pytest.mark.parametrize(
    ("case", "box", "rotation", "size"),
    [
        ("zhifa-3col", (0.0, 0.0, 595.276, 841.89), 0, (595.276, 841.89)),
        # pypdfium2's get_cropbox() gives US Letter (0, 0, 612, 792) for this page
        ("zhifa-3col-inherited-mediabox", (0.0, 0.0, 595.276, 841.89), 0, (595.276, 841.89)),
        ("landscape-9col-rotated", (0.0, 0.0, 595.276, 841.89), 90, (841.89, 595.276)),
        ("safety-5col-offset-cropbox", (100.0, 50.0, 695.276, 891.89), 0, (595.276, 841.89)),
    ],
)
def test_effective_box_and_rotation(
    case: str, box: tuple[float, ...], rotation: int, size: tuple[float, float]
) -> None:
    document = pdfium.PdfDocument(str(FORMS / case / "form.pdf"))
    geometry = page_geometry(document[0])
    assert (geometry.left, geometry.bottom, geometry.right, geometry.top) == pytest.approx(box, abs=1e-3)
    assert geometry.rotation == rotation
    assert (geometry.width, geometry.height) == pytest.approx(size, abs=1e-3)


@pytest.mark.parametrize(
    ("rotation", "display"),
    [
        (0, (10.0, 700.0, 30.0, 720.0)),
        (90, (122.0, 10.0, 142.0, 30.0)),  # turned clockwise: the left edge is now the top
        (180, (565.0, 122.0, 585.0, 142.0)),
        (270, (700.0, 565.0, 720.0, 585.0)),
    ],
)
def test_to_display_turns_with_the_page(rotation: int, display: tuple[float, ...]) -> None:
    """A box 10–30 pt from the left edge and 122–142 pt above the bottom of a 595 × 842 page."""
    geometry = PageGeometry(100.0, 50.0, 695.0, 892.0, rotation)
    assert geometry.to_display(110.0, 172.0, 130.0, 192.0) == pytest.approx(display)


def _lines(path: Path) -> list[tuple[str, tuple[float, ...]]]:
    document = Recognizer().recognize(path)
    return [(ln.text, ln.bbox or ()) for page in document.pages for ln in page.lines]


@pytest.mark.parametrize(("case", "plain"), VARIANTS)
def test_text_lines_lie_where_the_plain_page_has_them(case: str, plain: str) -> None:
    found, expected = _lines(FORMS / case / "form.pdf"), _lines(FORMS / plain / "form.pdf")
    assert [text for text, _ in found] == [text for text, _ in expected]
    for (_, box), (_, want) in zip(found, expected, strict=True):
        assert box == pytest.approx(want, abs=0.01)


@pytest.mark.parametrize(("case", "plain"), VARIANTS)
def test_form_cells_at_their_drawn_boxes(case: str, plain: str) -> None:
    expected = json.loads((FORMS / case / "expected.json").read_text(encoding="utf-8"))
    form = read_form(FORMS / case / "form.pdf")
    drawn = sorted((c["text"], tuple(c["bbox"])) for c in expected["page_cells"][0])
    found = sorted((c.text, c.bbox) for c in form.tables[0].cells)
    assert [text for text, _ in found] == [text for text, _ in drawn]
    for (_, box), (_, want) in zip(found, drawn, strict=True):
        assert box == pytest.approx(want, abs=0.02)


def test_searchable_pdf_and_alto_keep_the_displayed_page() -> None:
    """Both exports take the page size and line boxes from the document: the displayed page."""
    path = FORMS / "zhifa-3col-inherited-mediabox" / "form.pdf"
    document = Recognizer().recognize(path)
    pdf = searchable_pdf_bytes(document, path)
    assert re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf) == [(b"595.276", b"841.89")]
    out = pdfium.PdfDocument(pdf)
    text = out[0].get_textpage().get_text_range()
    assert "序号" in text and "整治内容" in text
    alto = alto_xml(document)  # 1/1200 inch
    assert '<Page ID="P1" PHYSICAL_IMG_NR="1" WIDTH="9921" HEIGHT="14032">' in alto
