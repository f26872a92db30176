"""Writes one rendered case: PDFs, PNG pages, per-page and whole-document references, layout.json."""

from __future__ import annotations

import io
import json
import re
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

from render.degrade import degrade_page
from render.paint import paint_page
from render.pdf import A4_POINTS, write_image_pdf
from render.source import read_notice
from render.typeset import DrawnLine, PageLayout, typeset_notice

PNG_COLOURS = 16
LAYOUT_SCHEMA = "docproc.fixture-layout/1"
NOT_IN_REFERENCE = {"page_number"}


def case_seed(folder: Path) -> int:
    """A fixed seed per case, from its folder name: the same notice always gives the same bytes."""
    return zlib.crc32(folder.resolve().name.encode("utf-8"))


def reference_lines(lines: list[DrawnLine]) -> list[str]:
    """One text line per logical line (paragraph, title line, …), in reading order."""
    joined: list[str] = []
    last_para = None
    for line in lines:
        if line.kind in NOT_IN_REFERENCE:
            continue
        if line.para == last_para:
            joined[-1] += line.text
        else:
            joined.append(line.text)
        last_para = line.para
    return joined


def compact_png(image: Image.Image) -> bytes:
    """Palette PNG: the page's few inks (black, red, seal over text) survive 16 colours."""
    quantised = image.quantize(colors=PNG_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    quantised.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def layout_record(pages: list[PageLayout], rotations: list[float]) -> dict[str, object]:
    def box(values: tuple[float, float, float, float]) -> list[float]:
        return [round(v, 2) for v in values]

    return {
        "schema": LAYOUT_SCHEMA,
        "page_size_pt": list(A4_POINTS),
        "dpi": 300,
        "origin": "top-left, PDF points; geometry of the clean pages",
        "pages": [
            {
                "page": page.number,
                "degraded_rotation_deg": round(rotation, 3),
                "lines": [
                    {"kind": line.kind, "text": line.text, "bbox": box(line.bbox), "para": line.para}
                    for line in page.lines
                ],
                "seals": [
                    {
                        "text": seal.text,
                        "center": [round(seal.center[0], 2), round(seal.center[1], 2)],
                        "radius": round(seal.radius, 2),
                        "bbox": box((seal.center[0] - seal.radius, seal.center[1] - seal.radius,
                                     seal.center[0] + seal.radius, seal.center[1] + seal.radius)),
                    }
                    for seal in page.seals
                ],
                "rules": [{"kind": rule.kind, "bbox": box(rule.bbox)} for rule in page.rules],
            }
            for page, rotation in zip(pages, rotations, strict=True)
        ],
    }


def layout_json(record: dict[str, object]) -> str:
    """JSON with one line per drawn line: readable in a diff, small on disk."""
    text = json.dumps(record, ensure_ascii=False, indent=1)
    return re.sub(r"\{\n\s+\"kind\"[^{}]*?\n\s+\}", lambda match: re.sub(r"\s*\n\s*", " ", match.group(0)),
                  text) + "\n"


def key_pages(pages: list[PageLayout]) -> set[int]:
    """Pages whose degraded PNG is kept (they are large): the seal page(s), else page 1."""
    return {page.number for page in pages if page.seals} or {1}


DEGRADED_PNG_CHOICES = ("key", "all", "none")


def render_case(folder: Path, degraded_pngs: str = "key") -> list[PageLayout]:
    """Renders `folder/notice.txt` into `folder`; returns the page layouts.

    degraded_pngs: "key" keeps the seal page (else page 1) as PNG, "all" every page, "none" no page.
    """
    if degraded_pngs not in DEGRADED_PNG_CHOICES:
        raise ValueError(f"degraded_pngs must be one of {DEGRADED_PNG_CHOICES}")
    pages = typeset_notice(read_notice(folder / "notice.txt"))
    for stale in list(folder.glob("clean-p*.png")) + list(folder.glob("degraded-p*.png")) + list(
        folder.glob("reference-p*.txt")
    ):
        stale.unlink()
    seed = case_seed(folder)
    keep = {"key": key_pages(pages), "all": {page.number for page in pages}, "none": set()}[degraded_pngs]
    clean_pngs: list[bytes] = []
    degraded_jpegs: list[bytes] = []
    rotations: list[float] = []
    for page in pages:
        clean = paint_page(page, seed + page.number)
        clean_png = compact_png(clean)
        (folder / f"clean-p{page.number}.png").write_bytes(clean_png)
        clean_pngs.append(clean_png)
        degraded, rotation = degrade_page(clean, np.random.default_rng([seed, page.number]))
        degraded_jpegs.append(degraded)
        rotations.append(rotation)
        if page.number in keep:
            Image.open(io.BytesIO(degraded)).save(folder / f"degraded-p{page.number}.png")
        text = "\n".join(reference_lines(page.lines)) + "\n"
        (folder / f"reference-p{page.number}.txt").write_text(text, encoding="utf-8")
    write_image_pdf(clean_pngs, folder / "clean.pdf")
    write_image_pdf(degraded_jpegs, folder / "degraded.pdf")
    all_lines = [line for page in pages for line in page.lines]
    (folder / "reference.txt").write_text("\n".join(reference_lines(all_lines)) + "\n", encoding="utf-8")
    record = layout_record(pages, rotations)
    (folder / "layout.json").write_text(layout_json(record), encoding="utf-8")
    return pages
