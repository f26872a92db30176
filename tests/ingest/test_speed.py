"""Text-layer pages must be cheap: the target is 50 pages a second; this fails below half that."""

from __future__ import annotations

import time
from pathlib import Path

from docproc.ingest import TextLayerPage, open_input

GOVDOC_397 = Path(__file__).resolve().parents[2].parent / "shared" / "realdocs" / "govdoc-cn-397" / "397.pdf"
FLOOR_PAGES_PER_SECOND = 25  # measured 142 pages/s on the 2-core machine


def test_text_layer_pages_per_second() -> None:
    started = time.perf_counter()
    pages = 0
    for _ in range(10):
        with open_input(GOVDOC_397) as opened:
            for page in opened.pages():
                assert isinstance(page, TextLayerPage) and page.lines
                pages += 1
    elapsed = time.perf_counter() - started
    assert pages == 50
    assert pages / elapsed >= FLOOR_PAGES_PER_SECOND, f"{pages / elapsed:.0f} pages/s"
