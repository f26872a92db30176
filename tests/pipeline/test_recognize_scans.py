"""Scans through the whole OCR path (real PP-OCRv6 models): text, zones, seal, punctuation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from docproc.metrics import character_error_rate
from docproc.pipeline import Recognizer
from tests.conftest import FIXTURES_DIR, validate_record

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer()


def page_text(document_page: object) -> str:
    return "\n".join(line.text for line in document_page.lines)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("image", "reference", "max_cer", "zones"),
    [
        ("seed-000/clean-p1.png", "seed-000/reference-p1.txt", 0.01, {"red-header", "red-rule", "page-number"}),
        ("seed-000/degraded-p7.png", "seed-000/reference-p7.txt", 0.02, {"seal", "page-number"}),
    ],
)
def test_scanned_page_reads_within_target(
    recognizer: Recognizer, image: str, reference: str, max_cer: float, zones: set[str]
) -> None:
    document = recognizer.recognize(FIXTURES_DIR / image)
    validate_record(document.to_dict(), "document")
    (page,) = document.pages
    expected = (FIXTURES_DIR / reference).read_text(encoding="utf-8")
    assert character_error_rate(page_text(page), expected) <= max_cer
    assert {z.kind for z in page.zones} == zones
    assert page.text_source == "ocr" and page.dpi == 300
    assert document.source.ocr_engine == "rapid"
    assert not any("— 7 —" in line.text or line.text.strip() in {"—7—", "-7-"} for line in page.lines)


def test_seal_ring_text_is_not_body_text(recognizer: Recognizer, tmp_path: Path) -> None:
    # seed-001's last page: only the 落款 under a round seal whose ring reads the organ's name
    pdf = pdfium.PdfDocument(str(FIXTURES_DIR / "seed-001" / "clean.pdf"))
    image = pdf[len(pdf) - 1].render(scale=300 / 72).to_pil().convert("RGB")
    png = tmp_path / "seal-page.png"
    image.save(png, dpi=(300, 300))
    document = recognizer.recognize(png)
    (page,) = document.pages
    assert [line.text for line in page.lines] == ["（市营商局）", "鞍山市营商环境建设局（市行政审批局）"]
    assert [z.kind for z in page.zones] == ["seal"]  # the seal's star is not a red header


def test_rotated_scan_is_turned_upright(recognizer: Recognizer, tmp_path: Path) -> None:
    upright = Image.open(FIXTURES_DIR / "seed-000" / "clean-p1.png").convert("RGB")
    turned = tmp_path / "turned.png"
    Image.fromarray(np.rot90(np.asarray(upright))).save(turned, dpi=(300, 300))
    document = recognizer.recognize(turned)
    expected = (FIXTURES_DIR / "seed-000" / "reference-p1.txt").read_text(encoding="utf-8")
    assert character_error_rate(page_text(document.pages[0]), expected) <= 0.01
    assert document.pages[0].rotation in (90.0, -90.0, 270.0)
