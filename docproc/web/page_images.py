"""Page images as the document view shows them, and the boxes drawn on them.

A page is shown as OCR saw it (rasterised, turned upright and straightened by the rotation the
Document records), so every evidence box, in PDF points of that page, lies on its words. Images are
made once per page and kept under ``DIR/cache/<id>/<n>.png``.
"""

from __future__ import annotations

import io
from pathlib import Path

from docproc.errors import InputError
from docproc.fileio import write_bytes_atomic
from docproc.model.document import Document, Page
from docproc.web.config import DeskConfig


def page_png(config: DeskConfig, doc_id: str, source: Path, document: Document, number: int) -> Path:
    """The cached PNG of page ``number`` (made on first request)."""
    cached = config.cache_dir / doc_id / f"{number}.png"
    if cached.is_file():
        return cached
    page = next((p for p in document.pages if p.number == number), None)
    if page is None:
        raise InputError(f"the document has no page {number}")
    write_bytes_atomic(cached, _render(config, source, page))
    return cached


def _render(config: DeskConfig, source: Path, page: Page) -> bytes:
    from PIL import Image

    from docproc.ingest import open_input
    from docproc.layout.scan_geometry import rotate_image

    # A text-layer page is drawn at the desk's resolution; a scan at the DPI OCR read it at, so
    # the image is the one the boxes were measured on, then scaled down for the screen.
    dpi = int(page.dpi) if page.dpi else config.image_dpi
    with open_input(source, dpi=dpi, force_ocr=True) as opened:
        page_input = opened.read_page(page.number)
        image = getattr(page_input, "image", None)
    if image is None:
        raise InputError(f"page {page.number} has no image")
    if page.rotation:
        image = rotate_image(image, page.rotation)
    picture = Image.fromarray(image).convert("RGB")
    width = round(page.width * config.image_dpi / 72)
    if picture.width > width:
        picture = picture.resize((width, round(picture.height * width / picture.width)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def match_boxes(document: Document, number: int, term: str) -> list[list[float]]:
    """Boxes (points) of each occurrence of ``term`` on page ``number``: the part of the line's box
    its characters take (characters of a Chinese line are about equally wide)."""
    from docproc.index.text import fold

    folded_term = fold(term.strip())
    page = next((p for p in document.pages if p.number == number), None)
    if page is None or not folded_term:
        return []
    boxes: list[list[float]] = []
    for line in page.lines:
        if line.bbox is None or not line.text:
            continue
        folded = fold(line.text)
        x0, y0, x1, y1 = line.bbox
        step = (x1 - x0) / len(folded)
        start = folded.find(folded_term)
        while start >= 0:
            end = start + len(folded_term)
            boxes.append([x0 + step * start, y0, x0 + step * end, y1])
            start = folded.find(folded_term, end)
    return boxes
