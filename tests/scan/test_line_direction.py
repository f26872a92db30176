"""Quarter turns on pages where projection profiles mislead: member lists in two columns."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from docproc.layout.scan_geometry import downscale, horizontal_share, ink_mask, text_line_angle
from tests.conftest import FIXTURES_DIR

PAGES = [
    "seed-004/clean-p8.png",  # 成员名单: names and positions in two columns
    "seed-004/clean-p9.png",
    "seed-000/clean-p1.png",  # red header, title, body
    "seed-000/degraded-p7.png",  # skewed, seal
    "govdoc-cn-397/397_5.png",  # real typeset page, short
]


def ink_of(path: str, quarter_turns: int) -> np.ndarray:
    image = np.asarray(Image.open(FIXTURES_DIR / path).convert("RGB"))
    grey = cv2.cvtColor(np.ascontiguousarray(np.rot90(image, quarter_turns)), cv2.COLOR_RGB2GRAY)
    return ink_mask(downscale(grey)[0])


@pytest.mark.parametrize("path", PAGES)
def test_upright_page_lines_lie_wide(path: str) -> None:
    ink = ink_of(path, 0)
    assert horizontal_share(ink) > 0.9
    angle = text_line_angle(ink)
    assert angle is not None and abs(angle) < 6


@pytest.mark.parametrize("path", PAGES)
def test_page_turned_a_quarter_has_vertical_lines(path: str) -> None:
    ink = ink_of(path, 1)
    assert horizontal_share(ink) < 0.1
    angle = text_line_angle(ink)
    assert angle is not None and abs(angle - 90) < 6


def test_blank_page_has_no_vote() -> None:
    assert horizontal_share(np.zeros((100, 80), np.uint8)) == 0.5
