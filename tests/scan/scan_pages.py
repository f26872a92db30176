"""Synthetic scanner pages drawn in the tests: Chinese text lines, a red header, a red seal."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/opentype/noto/"
RED = (215, 25, 30)

BODY_LINES = [
    "各区人民政府，市政府各委、办、局：",
    "现将《城市管理专项整治工作方案》印发给你们，",
    "请结合实际认真贯彻落实。各单位要加强组织领导，",
    "明确责任分工，于二〇二四年六月底前完成整改。",
    "整改情况请于七月十日前报市城市管理委员会。",
    "联系人：王明，联系电话：12345678。",
]
SEAL_TEXT = "北京市东城区城市管理委员会"


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSerifCJK-Bold.ttc" if bold else "NotoSerifCJK-Regular.ttc"
    return ImageFont.truetype(FONT_DIR + name, size)


def draw_seal(page: Image.Image, centre: tuple[int, int], radius: int) -> None:
    """A round red seal: a thick ring, ring text along the top arc and a star."""
    draw = ImageDraw.Draw(page)
    cx, cy = centre
    width = max(3, radius // 18)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=RED, width=width)
    char_font = font(radius // 4, bold=True)
    count = len(SEAL_TEXT)
    for index, char in enumerate(SEAL_TEXT):
        angle = math.radians(-210 + 240 * index / (count - 1))
        x = cx + 0.72 * radius * math.cos(angle)
        y = cy + 0.72 * radius * math.sin(angle)
        glyph = Image.new("L", (radius // 3, radius // 3), 0)
        ImageDraw.Draw(glyph).text((radius // 24, 0), char, font=char_font, fill=255)
        glyph = glyph.rotate(-math.degrees(angle) - 90, expand=False)
        page.paste(
            Image.new("RGB", glyph.size, RED),
            (int(x - glyph.width / 2), int(y - glyph.height / 2)),
            glyph,
        )
    star = [
        (
            cx
            + (radius * 0.28 if k % 2 == 0 else radius * 0.11)
            * math.cos(math.radians(-90 + 36 * k)),
            cy
            + (radius * 0.28 if k % 2 == 0 else radius * 0.11)
            * math.sin(math.radians(-90 + 36 * k)),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=RED)


def notice_page(
    width: int = 1240,
    height: int = 1754,
    *,
    red_header: bool = True,
    seal: bool = False,
) -> np.ndarray:
    """An A4 page at 150 dpi: red header and rule, black body lines, optionally a seal over text."""
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    if red_header:
        draw.text(
            (int(width * 0.2), int(height * 0.1)),
            "东城区城市管理委员会文件",
            font=font(width // 17, bold=True),
            fill=RED,
        )
        rule_y = int(height * 0.22)
        draw.line(
            (int(width * 0.12), rule_y, int(width * 0.88), rule_y),
            fill=RED,
            width=max(2, height // 450),
        )
    body = font(width // 30)
    y = int(height * 0.27)
    for line in BODY_LINES * 2:
        draw.text((int(width * 0.12), y), line, font=body, fill=(20, 20, 20))
        y += int(width / 30 * 1.8)
    if seal:
        draw_seal(page, (int(width * 0.62), y - int(width / 30 * 4)), int(width * 0.11))
    return np.array(page)
