"""Fonts of the rendered scans and the character-cell widths the layout grid uses."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
SIMPLIFIED_CHINESE_INDEX = 2  # face index of "Noto … CJK SC" inside the .ttc collections

# role → font file: 仿宋-like body, 小标宋-like title and red header, 黑体-like first-level headings
FONT_FILES = {
    "serif": "NotoSerifCJK-Regular.ttc",
    "serif_bold": "NotoSerifCJK-Bold.ttc",
    "sans": "NotoSansCJK-Regular.ttc",
}

PX_PER_PT = 300 / 72


@lru_cache(maxsize=64)
def load_font(role: str, size_px: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / FONT_FILES[role]
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: install the Debian package fonts-noto-cjk")
    return ImageFont.truetype(str(path), size_px, index=SIMPLIFIED_CHINESE_INDEX)


@lru_cache(maxsize=4096)
def char_cells(char: str) -> float:
    """Cells a character takes on the grid: 1 for full-width (CJK, full-width punctuation), 0.5 else."""
    if char == "\u3000":
        return 1.0
    if char == " ":
        return 0.5
    font = load_font("serif", 100)
    return 1.0 if font.getlength(char) >= 75 else 0.5
