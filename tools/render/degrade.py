"""Turns a clean page into a plausible office scan: paper tint, uneven light, grain, tilt, blur, JPEG."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageFilter

PAPER_TINT = np.array([0.985, 0.965, 0.925], dtype=np.float32)
JPEG_QUALITY = 70


def page_rotation(rng: np.random.Generator) -> float:
    """Skew in degrees: 0.5–2°, either way."""
    return float(rng.uniform(0.5, 2.0) * rng.choice([-1.0, 1.0]))


def degrade_page(clean: Image.Image, rng: np.random.Generator) -> tuple[bytes, float]:
    """Returns the degraded page as JPEG bytes (quality 70) and the rotation applied, in degrees."""
    angle = page_rotation(rng)
    width, height = clean.size
    pixels = np.asarray(clean, dtype=np.float32) * PAPER_TINT
    # uneven lighting: a linear fall-off in a random direction, 0–18 % darker at the far side
    direction = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    ramp = (xs / width - 0.5) * np.cos(direction) + (ys / height - 0.5) * np.sin(direction)
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    pixels *= (1.0 - rng.uniform(0.10, 0.18) * ramp)[:, :, None]
    # sensor grain before the optics' blur, so it looks like a scan rather than added static
    pixels += rng.normal(0.0, 5.0, (height, width, 1)).astype(np.float32)
    paper = tuple(int(v) for v in (255 * PAPER_TINT))
    tinted = Image.fromarray(pixels.round().clip(0, 255).astype(np.uint8))
    rotated = tinted.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper)
    scanned = rotated.filter(ImageFilter.GaussianBlur(rng.uniform(0.7, 1.1)))
    buffer = io.BytesIO()
    scanned.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue(), angle
