"""Synthesise phone photos of fixture pages: tilt (perspective), shadow, curl, on a desk.

    .venv/bin/python tools/synthesise_photos.py            # writes fixtures/photos/*.jpg

Each photo is made from a clean rendered page (``fixtures/<case>/clean-pN.png``, 300 dpi A4) whose
reference text is ``fixtures/<case>/reference-pN.txt``; ``fixtures/photos/photos.json`` lists them
with the page's corners in the photo (top-left first, clockwise).
Deterministic: the random seed is the CRC-32 of the photo's name; the JPEG writer adds no date.

* ``tilt``: the page's corners moved as a phone held at an angle sees them (the far edge 12–20 %
  shorter, turned 7–11°: more than deskew turns), on a darker desk that shows around the page;
* ``shadow``: ``tilt`` plus a soft shadow across part of the page and light falling off to one side;
* ``curl``: ``shadow`` plus the page bent near one edge (rows displaced along a half sine).
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OUT = FIXTURES / "photos"
PHOTO_SIZE = (1500, 2000)  # width, height of the photo (a 3 MP phone picture)
PAGES = [("seed-000", 2), ("seed-001", 3)]
EFFECTS = ("tilt", "shadow", "curl")


def desk(rng: np.random.Generator) -> np.ndarray:
    width, height = PHOTO_SIZE
    base = np.array([110, 95, 80], np.float32) + rng.normal(0, 8, 3)
    noise = cv2.GaussianBlur(rng.normal(0, 18, (height, width)).astype(np.float32), (0, 0), 6)
    return np.clip(base[None, None, :] + noise[..., None], 0, 255).astype(np.float32)


def tilted(page: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The page warped into the photo frame, the mask of where the page is, and its corners
    (top-left, top-right, bottom-right, bottom-left) in the photo."""
    width, height = PHOTO_SIZE
    h, w = page.shape[:2]
    scale = 0.78 * min(width / w, height / h)
    cx, cy = width / 2 + rng.uniform(-40, 40), height / 2 + rng.uniform(-40, 40)
    hw, hh = w * scale / 2, h * scale / 2
    top_squeeze = rng.uniform(0.12, 0.2) * hw  # the far edge looks shorter
    angle = np.deg2rad(rng.choice([-1, 1]) * rng.uniform(7, 11))  # beyond what deskew turns (6°)
    corners = np.array([[-hw + top_squeeze, -hh], [hw - top_squeeze, -hh], [hw, hh], [-hw, hh]])
    corners += rng.normal(0, 8, corners.shape)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    corners = corners @ rotation.T + [cx, cy]
    source = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners.astype(np.float32))
    warped = cv2.warpPerspective(page.astype(np.float32), matrix, (width, height), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (width, height), flags=cv2.INTER_LINEAR)
    return warped, mask, corners


def shade(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    height, width = image.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    direction = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(direction) * xs / width + np.sin(direction) * ys / height)
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    light = 1.0 - 0.45 * ramp  # light falls off to one side
    # a soft shadow (a hand, the phone) over a band of the page
    edge = rng.uniform(0.3, 0.6) * width + (ys - height / 2) * rng.uniform(-0.4, 0.4)
    shadow = 1.0 - 0.5 / (1.0 + np.exp(-(xs - edge) / 40.0))
    return image * (light * shadow)[..., None]


def curl(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    height, width = image.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    amplitude = rng.uniform(14, 24)
    start = rng.uniform(0.6, 0.7) * width  # the bend near the right edge
    bend = np.where(xs > start, np.sin(np.pi / 2 * (xs - start) / (width - start)), 0.0)
    map_y = ys - amplitude * bend * (ys / height - 0.5) * 2
    return cv2.remap(image, xs, map_y.astype(np.float32), cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def photograph(page: np.ndarray, effect: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The photo and the page's corners in it (before any curl)."""
    warped, mask, corners = tilted(page, rng)
    photo = warped * mask[..., None] + desk(rng) * (1 - mask[..., None])
    if effect in ("shadow", "curl"):
        photo = shade(photo, rng)
    if effect == "curl":
        photo = curl(photo, rng)
    photo = cv2.GaussianBlur(photo, (0, 0), 0.8) + rng.normal(0, 3, photo.shape)
    return np.clip(photo, 0, 255).astype(np.uint8), corners


def main() -> int:
    OUT.mkdir(exist_ok=True)
    listing = []
    for case, number in PAGES:
        page = np.asarray(Image.open(FIXTURES / case / f"clean-p{number}.png").convert("RGB"))
        for effect in EFFECTS:
            name = f"{case}-p{number}-{effect}.jpg"
            rng = np.random.default_rng(zlib.crc32(name.encode()))
            photo, corners = photograph(page, effect, rng)
            Image.fromarray(photo).save(OUT / name, quality=85)
            listing.append({"photo": name, "effect": effect, "page": f"{case}/clean-p{number}.png",
                            "reference": f"{case}/reference-p{number}.txt",
                            "corners": [[round(float(x), 1), round(float(y), 1)] for x, y in corners]})
            print(name)
    (OUT / "photos.json").write_text(json.dumps(listing, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
