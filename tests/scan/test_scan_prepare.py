"""prepare_scan: orientation, skew, red zones and red suppression on drawn and real pages."""

from __future__ import annotations

import difflib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from docproc.layout.red import find_red_zones, strongly_red_mask, suppress_red
from docproc.layout.scan import normalise_angle, prepare_scan
from docproc.layout.scan_geometry import rotate_image
from docproc.ocr import get_engine
from tests.scan.scan_pages import BODY_LINES, RED, SEAL_TEXT, notice_page

REAL_PAGE = Path(__file__).resolve().parents[2] / "fixtures" / "govdoc-cn-397" / "397_1.png"


@pytest.fixture(scope="module")
def drawn_page() -> np.ndarray:
    return notice_page()


@pytest.mark.parametrize(
    ("turned_by", "expected"),
    [
        (0, 0.0),
        (90, -90.0),
        (180, 180.0),
        (270, 90.0),
        (2, -2.0),
        (-3.5, 3.5),
        (4.8, -4.8),
        (92, -92.0),
        (181.5, 178.5),
        (-88, 88.0),
    ],
)
def test_turned_and_skewed_pages_are_straightened(
    drawn_page: np.ndarray, turned_by: float, expected: float
) -> None:
    result = prepare_scan(rotate_image(drawn_page, turned_by))
    assert result.rotation == pytest.approx(expected, abs=0.25)
    assert result.image.shape == drawn_page.shape  # quarter turns swap back, skew keeps the size
    kinds = [zone.kind for zone in result.zones]
    assert kinds == ["red-header", "red-rule"]


def test_red_zones_of_the_drawn_page(drawn_page: np.ndarray) -> None:
    result = prepare_scan(drawn_page)
    assert result.rotation == 0.0
    header, rule = result.zones
    # header text drawn at (248, 175) in a 73-px bold font; rule from x 148 to 1091 at y 385
    assert header.kind == "red-header"
    assert header.box == pytest.approx((250, 196, 1110, 268), abs=8)
    assert rule.kind == "red-rule"
    assert rule.box == pytest.approx((148, 385, 1092, 389), abs=5)


def test_a_seal_is_a_zone_and_is_suppressed_for_ocr() -> None:
    page = notice_page(seal=True)
    result = prepare_scan(page)
    seal = [zone for zone in result.zones if zone.kind == "seal"]
    assert len(seal) == 1
    # drawn centred at (769, 1198) with radius 136
    assert seal[0].box == pytest.approx((633, 1062, 905, 1334), abs=8)
    assert strongly_red_mask(result.image).sum() > 0
    assert strongly_red_mask(result.ocr_image).sum() == 0


def test_suppression_greys_red_and_keeps_black_and_white() -> None:
    image = np.array([[RED, (20, 20, 20), (255, 255, 255), (200, 150, 140)]], dtype=np.uint8)
    assert suppress_red(image).tolist() == [
        [[215, 215, 215], [20, 20, 20], [255, 255, 255], [200, 150, 140]]
    ]


def test_a_page_without_red_or_ink() -> None:
    blank = np.full((1754, 1240, 3), 255, np.uint8)
    result = prepare_scan(blank)
    assert (result.rotation, result.zones) == (0.0, [])
    assert np.array_equal(result.ocr_image, blank)
    assert find_red_zones(np.zeros((100, 70), np.uint8)) == []


@pytest.mark.parametrize(
    ("angle", "expected"),
    [(0.0, 0.0), (360.0, 0.0), (270.0, -90.0), (-180.0, 180.0), (181.5, -178.5), (-1.304, -1.3)],
)
def test_normalise_angle(angle: float, expected: float) -> None:
    assert normalise_angle(angle) == expected


@pytest.fixture(scope="module")
def rapid():  # type: ignore[no-untyped-def]
    return get_engine("rapid")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("turned_by", "expected"), [(90, -90.0), (180, 180.0), (270, 90.0), (2, -2.0)]
)
def test_real_page_turned_is_corrected_and_read(rapid, turned_by: float, expected: float) -> None:  # type: ignore[no-untyped-def]
    real = np.array(Image.open(REAL_PAGE).convert("RGB"))
    result = prepare_scan(rotate_image(real, turned_by), engine=rapid)
    assert result.rotation == pytest.approx(expected, abs=0.25)
    assert [zone.kind for zone in result.zones] == ["red-header", "red-rule"]
    texts = [line.text for line in rapid.recognize(result.ocr_image)]
    assert "发改办财金规〔2019〕860号" in texts
    assert "关于加强个人所得税纳税信用建设的通知" in texts


@pytest.mark.slow
def test_text_under_a_seal_is_read_and_the_seal_text_is_not(rapid) -> None:  # type: ignore[no-untyped-def]
    result = prepare_scan(notice_page(seal=True))
    texts = [line.text for line in rapid.recognize(result.ocr_image)]
    assert texts[0] == "东城区城市管理委员会文件"  # the red header is still read
    body = texts[1:]
    assert len(body) == 2 * len(BODY_LINES)
    for read, drawn in zip(body, BODY_LINES * 2, strict=True):
        assert difflib.SequenceMatcher(None, read, drawn).ratio() >= 0.95, (read, drawn)
    assert sum(read == drawn for read, drawn in zip(body, BODY_LINES * 2, strict=True)) >= 11
    # the seal reads 北京市东城区城市管理委员会 along its ring: nothing of "北京市东城" is read
    assert SEAL_TEXT.startswith("北京市东城")
    assert not any(char in text for text in texts for char in "北京")
    assert not any("东" in text for text in body)
