"""Image inputs: colour modes to RGB uint8, EXIF orientation, the DPI rule, frames."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from docproc.ingest import ImagePage, open_input
from docproc.ingest.images import image_dpi, to_rgb_array

REPO_DIR = Path(__file__).resolve().parents[2]
BAD = REPO_DIR / "fixtures" / "bad-input"


@pytest.mark.parametrize(
    ("width", "height", "info_dpi", "dpi"),
    [
        (2480, 3508, (300, 300), 300.0),  # declared and plausible
        (2480, 3508, (72, 72), 300.0),  # 72 dpi would make a 49-inch page: derived from A4
        (1654, 2339, None, 200.0),  # no tag: A4 at 200 dpi
        (3508, 2480, None, 300.0),  # landscape A4
        (1224, 1584, None, 144.0),  # US Letter
        (1000, 1000, None, 300.0),  # square: the default
        (1000, 1000, (600, 600), 600.0),
        (827, 1169, (99.9998, 99.9998), 100.0),  # PNG pixels-per-metre rounding
        (100, 141, None, 300.0),  # A4 shape but 8.6 dpi: implausible, default
        (600, 600, (600, 600), 600.0),  # a one-inch crop keeps its tag
        (2480, 3508, (5000, 5000), 300.0),  # declared but implausible
        (2480, 3508, "300", 300.0),
    ],
)
def test_image_dpi_rule(width: int, height: int, info_dpi: object, dpi: float) -> None:
    assert image_dpi(width, height, info_dpi) == dpi


def image_pages(path: Path) -> list[ImagePage]:
    with open_input(path) as opened:
        pages = list(opened.pages())
    assert opened.kind == "image"
    return [p for p in pages if isinstance(p, ImagePage)]


def _gray_values(array: np.ndarray) -> list[int]:
    assert array.dtype == np.uint8 and array.ndim == 3 and array.shape[2] == 3
    assert (array[:, :, 0] == array[:, :, 1]).all() and (array[:, :, 1] == array[:, :, 2]).all()
    return [int(v) for v in array[0, :, 0]]


@pytest.mark.parametrize(
    ("image", "row"),
    [
        (Image.fromarray(np.array([[0, 32768, 65535]], dtype=np.uint16)), [0, 128, 255]),  # I;16
        (Image.fromarray(np.array([[0, 128, 255]], dtype=np.uint8)), [0, 128, 255]),  # L
        (Image.fromarray(np.array([[0.0, 0.5, 1.0]], dtype=np.float32)), [0, 128, 255]),  # F
        (Image.fromarray(np.array([[0, 1, 1]], dtype=bool)), [0, 255, 255]),  # 1-bit
        (Image.fromarray(np.array([[0, 128, 255]], dtype=np.int32)), [0, 128, 255]),  # I
    ],
)
def test_gray_modes_to_rgb(image: Image.Image, row: list[int]) -> None:
    assert _gray_values(to_rgb_array(image)) == row


def test_transparency_goes_on_white() -> None:
    rgba = Image.new("RGBA", (2, 1), (0, 0, 0, 0))
    rgba.putpixel((1, 0), (200, 0, 0, 255))
    assert to_rgb_array(rgba).tolist() == [[[255, 255, 255], [200, 0, 0]]]
    palette = Image.new("P", (2, 1), 0)
    palette.putpalette([0, 0, 0, 10, 20, 30] + [0] * 762)
    palette.putpixel((1, 0), 1)
    palette.info["transparency"] = 0
    assert to_rgb_array(palette).tolist() == [[[255, 255, 255], [10, 20, 30]]]


def test_cmyk_to_rgb() -> None:
    cmyk = Image.new("CMYK", (1, 1), (0, 255, 255, 0))
    assert to_rgb_array(cmyk).tolist() == [[[255, 0, 0]]]


def test_exif_orientation_is_applied() -> None:
    (page,) = image_pages(BAD / "exif-rotated.jpg")
    assert page.image.shape == (60, 30, 3)
    red = (page.image[:, :, 0] > 150) & (page.image[:, :, 1] < 100)
    rows = np.nonzero(red.any(axis=1))[0]
    assert rows.min() == 0 and rows.max() <= 12  # the bar stored on the left now lies on top


def test_multi_page_tiff_frames() -> None:
    with open_input(BAD / "two-pages.tif") as opened:
        assert opened.page_count == 2
    pages = image_pages(BAD / "two-pages.tif")
    assert [p.image.shape for p in pages] == [(1169, 827, 3), (1169, 827, 3)]
    assert [p.dpi for p in pages] == [100.0, 100.0]
    assert pages[0].image.min() == 0 and pages[1].image.min() == 255  # text, then a blank page


@pytest.mark.parametrize(("mode", "save_as"), [("RGB", "WEBP"), ("L", "BMP"), ("P", "GIF")])
def test_other_image_formats(tmp_path: Path, mode: str, save_as: str) -> None:
    path = tmp_path / f"page.{save_as.lower()}"
    Image.new(mode, (40, 20), 255 if mode != "RGB" else (255, 255, 255)).save(path, save_as)
    (page,) = image_pages(path)
    assert page.image.shape == (20, 40, 3) and page.reason == "image"


# an EXIF block holding only orientation 6 (stored turned: show it turned 90° clockwise)
EXIF_ORIENTATION_6 = (
    b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00"
    b"\x00\x00\x00\x00\x00\x00"
)


def _png_with(tmp_path: Path, name: str, **save: object) -> tuple[Path, np.ndarray]:
    pixels = np.random.default_rng(7).integers(0, 256, (37, 53, 3), dtype=np.uint8)
    path = tmp_path / name
    Image.fromarray(pixels).save(path, "PNG", **save)
    return path, pixels


@pytest.mark.parametrize(
    ("save", "expected"),
    [
        ({}, "as stored"),  # OpenCV's fast path: the same pixels as stored
        ({"dpi": (200, 200)}, "as stored"),
        ({"exif": EXIF_ORIENTATION_6}, "turned"),  # an orientation: Pillow's path applies it
        ({"transparency": (255, 255, 255)}, "as stored"),  # a transparent colour: Pillow's path
    ],
)
def test_rgb_png_pixels(tmp_path: Path, save: dict[str, object], expected: str) -> None:
    path, pixels = _png_with(tmp_path, "page.png", **save)
    (page,) = image_pages(path)
    want = pixels if expected == "as stored" else np.rot90(pixels, k=-1)
    assert page.image.dtype == np.uint8 and page.image.flags["C_CONTIGUOUS"]
    assert np.array_equal(page.image, want)
