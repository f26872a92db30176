"""drop_seal_text: a seal's own red ring text goes; a black line under the seal stays, however red."""

from __future__ import annotations

import numpy as np

from docproc.layout.seal_text import drop_seal_text
from docproc.ocr.base import OcrLine

SEAL = (100.0, 100.0, 400.0, 400.0)


def page_with(red_box: tuple[int, int, int, int], black_rows: int) -> np.ndarray:
    """A white page with red strokes over ``red_box`` and ``black_rows`` rows of black strokes."""
    image = np.full((500, 500, 3), 255, np.uint8)
    x0, y0, x1, y1 = red_box
    image[y0:y1:3, x0:x1] = (220, 40, 40)
    for row in range(black_rows):
        image[y0 + 2 + 4 * row, x0:x1] = (20, 20, 20)
    return image


def test_ring_text_dropped_black_line_under_the_seal_kept() -> None:
    ring = OcrLine("市营商环境建", (150.0, 120.0, 350.0, 160.0), 0.8)
    signature = OcrLine("农业农村部办公厅", (150.0, 250.0, 350.0, 290.0), 0.95)
    image = page_with((150, 120, 350, 160), 0)
    image[250:290] = page_with((150, 250, 350, 290), 2)[250:290]  # 2 of 13 rows black: 5 % of the box
    kept = drop_seal_text([ring, signature], image, [SEAL])
    assert [line.text for line in kept] == ["农业农村部办公厅"]


def test_red_line_outside_any_seal_kept() -> None:
    header = OcrLine("中国证券投资基金业协会", (150.0, 20.0, 350.0, 60.0), 0.9)
    image = page_with((150, 20, 350, 60), 0)
    assert drop_seal_text([header], image, [SEAL]) == [header]
