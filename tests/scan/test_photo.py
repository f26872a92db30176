"""Photos: the page quadrilateral found, perspective undone and light evened before deskew
(docproc.layout.photo), on synthesised photos of rendered pages (fixtures/photos)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from docproc.layout.photo import (
    even_light,
    find_page_quad,
    flatten_photo,
    paper_light,
    warp_to_quad,
)
from docproc.metrics import character_error_rate
from docproc.pipeline import Recognizer
from tests.conftest import FIXTURES_DIR

PHOTOS = FIXTURES_DIR / "photos"
LISTING = {entry["photo"]: entry for entry in json.loads((PHOTOS / "photos.json").read_text(encoding="utf-8"))}


def rgb(path: str) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


@pytest.mark.parametrize("name", sorted(LISTING))
def test_page_corners_found(name: str) -> None:
    quad = find_page_quad(rgb(str(PHOTOS / name)))
    assert quad is not None
    corners = np.array(LISTING[name]["corners"])
    # within 1.5 % of the photo's long side (2000 px) of where the page's corners were put
    assert np.abs(quad - corners).max() <= 30


def test_a_scan_is_left_as_it_is() -> None:
    scan = rgb(str(FIXTURES_DIR / "seed-000" / "clean-p1.png"))
    flat = flatten_photo(scan)
    assert flat.quad is None and not flat.light_evened
    assert flat.image is scan


def test_light_evened_under_a_shadow() -> None:
    photo = rgb(str(PHOTOS / "seed-001-p3-shadow.jpg"))
    quad = find_page_quad(photo)
    assert quad is not None
    page = warp_to_quad(photo, quad)
    evened, changed = even_light(page)
    assert changed

    def spread(image: np.ndarray) -> float:
        low, high = np.percentile(paper_light(image), (5, 95))
        return float(high - low)

    assert spread(page) > 80 and spread(evened) < 25


@pytest.mark.parametrize(
    "page",
    ["seed-000/clean-p1.png", "seed-000/degraded-p7.png", "realscans/auditor-signature-page/input.png",
     "photos/seed-001-p3-shadow.jpg", "photos/seed-000-p2-curl.jpg", "photos/seed-000-p2-tilt.jpg"],
)
def test_even_light_decides_as_the_full_size_light_map_does(page: str) -> None:
    # even_light skips the full-size map when the small one already varies too little; the
    # decision and the result must be those of the 5th–95th percentile rule on the full map
    image = rgb(str(FIXTURES_DIR / page))
    low, high = np.percentile(paper_light(image), (5, 95))
    evened, changed = even_light(image)
    assert changed == (high - low >= 40)
    assert (evened is image) != changed


@pytest.fixture(scope="module")
def recognizers() -> tuple[Recognizer, Recognizer]:
    flattened = Recognizer()
    plain = Recognizer(flatten_photos=False)
    plain._engine = flattened.engine
    return flattened, plain


def test_flattening_reads_a_tilted_photo_that_deskew_alone_misreads(
    recognizers: tuple[Recognizer, Recognizer],
) -> None:
    flattened, plain = recognizers
    entry = LISTING["seed-001-p3-tilt.jpg"]
    reference = (FIXTURES_DIR / entry["reference"]).read_text(encoding="utf-8")
    document = flattened.recognize(PHOTOS / entry["photo"])
    assert document.pages[0].quad is not None
    assert character_error_rate(document.text, reference) <= 0.005
    assert character_error_rate(plain.recognize(PHOTOS / entry["photo"]).text, reference) > 0.01
