"""Text printed by a red seal itself (the organ name round its ring) is not body text.

Red suppression lets OCR read the black text under a seal, but the recogniser may still read the
seal's own ring text faintly. Such a line lies within a seal zone, its ink is mostly red and none of
it is black; a body line under the seal keeps black strokes (darkened, not reddened, where the
seal's colour multiplies over it), however much red lies over it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from docproc.layout.furniture import inside_share
from docproc.layout.red import RED_MARGIN
from docproc.ocr.base import OcrLine

Box = tuple[float, float, float, float]

INK_MAX_LEVEL = 170  # a pixel is ink when its darkest channel is below this
RED_INK_SHARE = 0.6  # a line whose ink is mostly red ...
# ... and that holds next to no black: pixels dark in every channel (max < BLACK_LEVEL), as a share
# of its box. A black signature under a dense seal has two thirds of its ink red (0.67-0.69 on the
# MOA 2025 意见's signature and date) but 8-12 % of its box black; ring text has none (0.0 on seed 001).
BLACK_LEVEL = 110
BLACK_SHARE_MAX = 0.03
INSIDE_SHARE = 0.8  # ... and it lies (mostly) inside the seal's box


def red_ink_share(image: np.ndarray, box: Box) -> float:
    """Share of the ink pixels inside ``box`` that are strongly red (0 when there is no ink)."""
    height, width = image.shape[:2]
    x0, y0 = max(int(box[0]), 0), max(int(box[1]), 0)
    x1, y1 = min(int(np.ceil(box[2])), width), min(int(np.ceil(box[3])), height)
    if x1 <= x0 or y1 <= y0:
        return 0.0
    crop = image[y0:y1, x0:x1].astype(np.int16)
    red, green, blue = crop[..., 0], crop[..., 1], crop[..., 2]
    ink = crop.min(axis=2) < INK_MAX_LEVEL
    n_ink = int(ink.sum())
    if n_ink == 0:
        return 0.0
    reddish = (red - np.maximum(green, blue)) > RED_MARGIN
    return float((reddish & ink).sum()) / n_ink


def black_share(image: np.ndarray, box: Box) -> float:
    """Share of the pixels inside ``box`` that are black (dark in every channel)."""
    height, width = image.shape[:2]
    x0, y0 = max(int(box[0]), 0), max(int(box[1]), 0)
    x1, y1 = min(int(np.ceil(box[2])), width), min(int(np.ceil(box[3])), height)
    if x1 <= x0 or y1 <= y0:
        return 0.0
    return float((image[y0:y1, x0:x1].max(axis=2) < BLACK_LEVEL).mean())


def drop_seal_text(lines: Sequence[OcrLine], image: np.ndarray, seals: Sequence[Box]) -> list[OcrLine]:
    """``lines`` without those that are a seal's own red ring text. ``image`` is the colour page."""
    if not seals:
        return list(lines)
    kept = []
    for line in lines:
        in_seal = any(inside_share(line.box, seal) >= INSIDE_SHARE for seal in seals)
        if (
            in_seal
            and red_ink_share(image, line.box) >= RED_INK_SHARE
            and black_share(image, line.box) < BLACK_SHARE_MAX
        ):
            continue
        kept.append(line)
    return kept
