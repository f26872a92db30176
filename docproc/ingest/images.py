"""Image files (PNG, JPEG, TIFF, BMP, WebP, GIF): size checked from the header, then decoded to RGB.

* **Size first.** Pillow reads only the header on open; a frame with more than ``max_pixels``
  pixels is refused before any decoding (a 30000×30000 PNG of a few hundred bytes never allocates).
* **Pages.** Each frame of a multi-page TIFF (or an animated GIF/WebP) is a page.
* **Orientation.** The EXIF orientation tag is applied, so a phone photo comes out upright.
* **DPI rule** (:func:`image_dpi`):
  1. the file's own resolution (PNG pHYs, JPEG JFIF/EXIF, TIFF tags) when it lies in 72..1200 dpi
     and does not make the page absurdly large (long side at most 24 inches: a 72-dpi tag on a
     2480×3508 scan, or on a phone photo, is a writer's default, not the truth);
  2. else, when the pixel aspect ratio is that of ISO A paper (√2) or US Letter (11/8.5) within 3%,
     the dpi that makes the long side an A4 (11.69 in) or Letter (11 in) page;
  3. else 300 dpi.
* **Colour.** Palette, grey, 1-bit, CMYK, 16-bit and float images become RGB uint8; transparent
  pixels are put on white.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from docproc.errors import CorruptInputError, ImageTooLargeError
from docproc.ingest.pages import ImagePage

PLAUSIBLE_DPI = (72.0, 1200.0)
MAX_LONG_SIDE_INCHES = 24.0
DEFAULT_DPI = 300.0
PAPER_LONG_SIDES = ((2**0.5, 297 / 25.4), (11 / 8.5, 11.0))  # (aspect ratio, long side in inches)
ASPECT_TOLERANCE = 0.03
_PILLOW_LIMIT_LOCK = threading.Lock()


def image_dpi(width_px: int, height_px: int, info_dpi: object) -> float:
    """The dpi to assume for an image of this size, following the rule in the module doc."""
    long_px, short_px = max(width_px, height_px), min(width_px, height_px)
    declared = _declared_dpi(info_dpi)
    if declared is not None and long_px / declared <= MAX_LONG_SIDE_INCHES:
        return declared
    if short_px > 0:
        aspect = long_px / short_px
        for paper_aspect, long_inches in PAPER_LONG_SIDES:
            if abs(aspect - paper_aspect) <= ASPECT_TOLERANCE * paper_aspect:
                derived = long_px / long_inches
                if PLAUSIBLE_DPI[0] <= derived <= PLAUSIBLE_DPI[1]:
                    return round(derived, 1)
    return DEFAULT_DPI


def _declared_dpi(info_dpi: object) -> float | None:
    if not isinstance(info_dpi, tuple) or not info_dpi:
        return None
    try:
        value = float(info_dpi[0])
    except (TypeError, ValueError):
        return None
    # PNG stores pixels per metre: 100 dpi comes back as 99.9998.
    value = round(value, 1)
    return value if PLAUSIBLE_DPI[0] <= value <= PLAUSIBLE_DPI[1] else None


def to_rgb_array(image: Image.Image) -> np.ndarray:
    """Any Pillow image as an H x W x 3 uint8 RGB array."""
    mode = image.mode
    if mode in ("I", "F") or mode.startswith("I;16"):
        gray = np.asarray(image, dtype=np.float64)
        peak = float(gray.max()) if gray.size else 0.0
        if mode == "F" and peak <= 1.0:
            gray = gray * 255.0
        elif peak > 255.0:
            gray = gray * (255.0 / (65535.0 if peak <= 65535.0 else peak))
        gray8 = np.clip(np.rint(gray), 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.repeat(gray8[:, :, None], 3, axis=2))
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return np.asarray(Image.alpha_composite(white, rgba).convert("RGB"), dtype=np.uint8).copy()
    return np.asarray(image.convert("RGB"), dtype=np.uint8).copy()


def _decode_plain_png(path: Path, image: Image.Image) -> np.ndarray | None:
    """An 8-bit RGB PNG without EXIF decoded by OpenCV: the same pixels as Pillow gives (PNG is
    lossless), in two thirds of the time (a 200-dpi page: ~25 ms less). None for any other file,
    which Pillow then reads as usual."""
    tile = getattr(image, "tile", None)
    if image.format != "PNG" or image.mode != "RGB" or not tile or tile[0][3] != "RGB":
        return None
    data = path.read_bytes()
    if _png_chunk_types(data) & {b"eXIf", b"tRNS"}:
        return None  # an orientation to apply, or a transparent colour: Pillow's path
    import cv2

    bgr = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION)
    if bgr is None or bgr.shape[:2] != (image.size[1], image.size[0]):
        return None  # damaged: Pillow says what is wrong
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def _png_chunk_types(data: bytes) -> set[bytes]:
    """The chunk types of a PNG file (walking the chunk headers only)."""
    types: set[bytes] = set()
    position = 8
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        types.add(kind)
        if kind == b"IEND":
            break
        position += 12 + length
    return types


def _check_pixels(path: Path, size: tuple[int, int], max_pixels: int, frame: int) -> None:
    width, height = size
    if width * height > max_pixels:
        where = f"frame {frame + 1} is" if frame else "is"
        raise ImageTooLargeError(
            f"{where} an image of {width}×{height} pixels, more than the limit of {max_pixels:,}: "
            "scale it down (300 dpi is enough for OCR) or raise --max-pixels",
            path=str(path),
        )


class ImageSource:
    """An open image file whose frames are decoded one at a time."""

    def __init__(self, path: Path, *, max_pixels: int) -> None:
        self.path = path
        self.max_pixels = max_pixels
        self._image: Image.Image | None = self._open()
        self.page_count = int(getattr(self._image, "n_frames", 1))
        for frame in range(self.page_count):
            self._seek(frame)
            _check_pixels(path, self._image.size, max_pixels, frame)

    def _open(self) -> Image.Image:
        # Pillow's own bomb check would pre-empt ``max_pixels`` with its global limit and a vaguer
        # message; it is lifted for the header read only, and our check runs right after.
        try:
            with _PILLOW_LIMIT_LOCK:
                saved_limit = Image.MAX_IMAGE_PIXELS
                Image.MAX_IMAGE_PIXELS = None
                try:
                    return Image.open(self.path)
                finally:
                    Image.MAX_IMAGE_PIXELS = saved_limit
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise CorruptInputError(
                f"looks like an image but its header is damaged ({error}): re-export or re-scan it",
                path=str(self.path),
            ) from error

    def _seek(self, frame: int) -> Image.Image:
        if self._image is None:
            raise ValueError("the image is closed")
        try:
            self._image.seek(frame)
        except (EOFError, OSError, ValueError) as error:
            raise CorruptInputError(
                f"frame {frame + 1} of the image cannot be read ({error})", path=str(self.path)
            ) from error
        return self._image

    def close(self) -> None:
        if self._image is not None:
            self._image.close()
            self._image = None

    def iter_pages(self) -> Iterator[ImagePage]:
        for frame in range(self.page_count):
            yield self.read_page(frame)

    def read_page(self, frame: int) -> ImagePage:
        image = self._seek(frame)
        _check_pixels(self.path, image.size, self.max_pixels, frame)
        info_dpi = image.info.get("dpi")
        try:
            array = _decode_plain_png(self.path, image) if self.page_count == 1 else None
            if array is None:
                image.load()
                upright = ImageOps.exif_transpose(image) or image
                array = to_rgb_array(upright)
        except (OSError, SyntaxError, ValueError) as error:
            raise CorruptInputError(
                f"is a damaged or truncated image ({error}): re-export or re-scan it",
                path=str(self.path),
            ) from error
        height_px, width_px = array.shape[:2]
        dpi = image_dpi(width_px, height_px, info_dpi)
        return ImagePage(
            number=frame + 1,
            width=width_px * 72.0 / dpi,
            height=height_px * 72.0 / dpi,
            dpi=dpi,
            image=array,
            reason="image",
        )
