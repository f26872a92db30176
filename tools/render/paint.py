"""Paints a PageLayout as a clean 300 dpi page image: black text, red header and rules, a red seal."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from render.fonts import PX_PER_PT, load_font
from render.typeset import PAGE_HEIGHT, PAGE_WIDTH, DrawnLine, PageLayout, Seal

PAGE_SIZE_PX = (2480, 3508)  # A4 at 300 dpi
INK = (24, 24, 24)
RED = (214, 24, 30)
SEAL_RED = (206, 28, 36)
SEAL_OPACITY = 0.82
ASCENT = 0.88  # Noto CJK: the ideographic em box sits 0.88 em above the baseline


def px(value_pt: float) -> float:
    return value_pt * PX_PER_PT


def draw_text_line(draw: ImageDraw.ImageDraw, line: DrawnLine) -> None:
    font = load_font(line.font, round(px(line.size)))
    baseline = px(line.bbox[1] + ASCENT * line.size)
    color = RED if line.color == "red" else INK
    for char, x in line.glyphs:
        if not char.isspace():
            draw.text((px(x), baseline), char, font=font, fill=color, anchor="ls")


def red_header_mask(line: DrawnLine) -> Image.Image:
    """The 发文机关标志: bold type drawn large, then squeezed into its box like 小标宋 headers."""
    font = load_font(line.font, 240)
    left, top, right, bottom = font.getbbox(line.text, anchor="ls")
    canvas = Image.new("L", (right - left + 8, bottom - top + 8), 0)
    ImageDraw.Draw(canvas).text((4 - left, 4 - top), line.text, font=font, fill=255, anchor="ls")
    width = round(px(line.bbox[2] - line.bbox[0]))
    height = round(px(line.bbox[3] - line.bbox[1]))
    return canvas.resize((width, height), Image.Resampling.LANCZOS)


def seal_mask(seal: Seal, rng: np.random.Generator) -> Image.Image:
    """A round official seal: double-weight ring, five-pointed star, organ name along the upper arc."""
    size = round(px(2 * seal.radius))
    scale = 3  # draw large, then shrink: smooth edges
    big = size * scale
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    ring = big * 0.035
    draw.ellipse((ring / 2, ring / 2, big - ring / 2, big - ring / 2), outline=255, width=round(ring))
    centre = big / 2
    star_radius = big * 0.17
    points = []
    for index in range(10):
        radius = star_radius if index % 2 == 0 else star_radius * 0.382
        angle = math.pi / 2 + index * math.pi / 5
        points.append((centre + radius * math.cos(angle), centre - radius * math.sin(angle)))
    draw.polygon(points, fill=255)
    chars = list(seal.text)
    span = min(270.0, 18.0 * len(chars))
    outer_text_radius = big / 2 - ring * 1.6
    char_px = round(min(big * 0.12, 0.8 * outer_text_radius * math.radians(span) / len(chars)))
    font = load_font("serif_bold", char_px)
    text_radius = outer_text_radius - char_px * 0.7
    for index, char in enumerate(chars):
        theta = -span / 2 + span * (index + 0.5) / len(chars)
        tile = Image.new("L", (char_px * 2, char_px * 2), 0)
        ImageDraw.Draw(tile).text((char_px, char_px), char, font=font, fill=255, anchor="mm")
        tile = tile.resize((char_px * 2, round(char_px * 2 * 1.25)), Image.Resampling.BICUBIC)
        tile = tile.rotate(-theta, resample=Image.Resampling.BICUBIC, expand=True)
        x = centre + text_radius * math.sin(math.radians(theta))
        y = centre - text_radius * math.cos(math.radians(theta))
        mask.paste(255, (round(x - tile.width / 2), round(y - tile.height / 2)), tile)
    small = mask.resize((size, size), Image.Resampling.LANCZOS)
    # uneven stamping ink: a smooth random field between 0.65 and 1
    field = rng.random((24, 24))
    texture = Image.fromarray((field * 255).astype(np.uint8)).resize((size, size), Image.Resampling.BICUBIC)
    texture = texture.filter(ImageFilter.GaussianBlur(size / 40))
    ink = 0.65 + 0.35 * np.asarray(texture, dtype=np.float32) / 255
    alpha = np.asarray(small, dtype=np.float32) / 255 * ink
    return Image.fromarray((alpha * 255).clip(0, 255).astype(np.uint8))


def multiply_seal(page: Image.Image, seal: Seal, rng: np.random.Generator) -> Image.Image:
    """Stamps the seal in multiply mode: the text under it stays visible through the red ink."""
    mask = seal_mask(seal, rng)
    x0 = round(px(seal.center[0]) - mask.width / 2)
    y0 = round(px(seal.center[1]) - mask.height / 2)
    pixels = np.asarray(page, dtype=np.float32)
    region = pixels[y0 : y0 + mask.height, x0 : x0 + mask.width]
    alpha = np.asarray(mask, dtype=np.float32)[: region.shape[0], : region.shape[1], None] / 255 * SEAL_OPACITY
    tint = np.array(SEAL_RED, dtype=np.float32) / 255
    region *= 1 - alpha * (1 - tint)
    return Image.fromarray(pixels.round().clip(0, 255).astype(np.uint8))


def paint_page(layout: PageLayout, seed: int) -> Image.Image:
    page = Image.new("RGB", PAGE_SIZE_PX, (255, 255, 255))
    assert abs(px(PAGE_WIDTH) - PAGE_SIZE_PX[0]) < 2 and abs(px(PAGE_HEIGHT) - PAGE_SIZE_PX[1]) < 2
    draw = ImageDraw.Draw(page)
    for rule in layout.rules:
        x0, y0, x1, y1 = (px(v) for v in rule.bbox)
        draw.rectangle((round(x0), round(y0), round(x1), round(max(y1, y0 + 2))), fill=RED if rule.color == "red" else INK)
    for line in layout.lines:
        if line.kind == "red_header":
            mask = red_header_mask(line)
            page.paste(RED, (round(px(line.bbox[0])), round(px(line.bbox[1]))), mask)
        else:
            draw_text_line(draw, line)
    rng = np.random.default_rng(seed)
    for seal in layout.seals:
        page = multiply_seal(page, seal, rng)
    return page
