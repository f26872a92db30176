"""Render self-check form fixtures (自查表) as born-digital PDFs and degraded scans.

    .venv/bin/python tools/render_forms.py fixtures/forms/<case> …
    .venv/bin/python tools/render_forms.py --all

A case folder holds ``source.json`` (format: fixtures/forms/README.md). Written beside it:

* ``form.pdf``   born-digital PDF: ruled table drawn as vector lines, text in a non-embedded
  Adobe-GB1 font (STSong-Light, Identity-H with GB1 CIDs) with a ToUnicode map, so its text layer is exact;
* ``scan.jpg`` (one page) or ``scan.pdf`` (several pages, image-only): the same pages drawn at
  ``SCAN_DPI`` with Noto CJK and degraded like an office scan (tilt, tint, grain, blur, JPEG 70);
* ``expected.json``: the table as the reader must return it (pages joined, repeated header rows
  dropped): cells with text, 0-based row/col, rowspan/colspan; plus per-page cell boxes.

Deterministic: the random seed is the CRC-32 of the folder name; the PDF writers put no date or id.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render.degrade import degrade_page  # noqa: E402
from render.pdf import serialize_pdf, write_image_pdf  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "forms"
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
SC_INDEX = 2  # "Noto … CJK SC" inside the .ttc collections
A4 = (595.276, 841.89)
MARGIN = 56.0  # points
SCAN_DPI = 200
PADDING = 4.0  # points inside a cell
LINE_GAP = 1.4  # line height / font size
RULE_WIDTH = 0.75


def char_width(char: str, size: float) -> float:
    """Width model shared by the PDF and the scan: ASCII half an em, everything else one em."""
    return size * (0.5 if ord(char) < 0x7F else 1.0)


def wrap(text: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        used = 0.0
        for char in paragraph:
            w = char_width(char, size)
            if current and used + w > width:
                lines.append(current)
                current, used = "", 0.0
            current += char
            used += w
        lines.append(current)
    return [ln for ln in lines if ln] or []


@dataclass
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    align: str = "left"


@dataclass
class PlacedCell:
    cell: Cell
    box: tuple[float, float, float, float]  # points, origin top-left
    lines: list[str]
    size: float


@dataclass
class DrawnPage:
    width: float
    height: float
    cells: list[PlacedCell] = field(default_factory=list)
    texts: list[tuple[str, float, float, float, bool]] = field(default_factory=list)  # text, x, baseline, size, bold
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


def grid_rows(rows: list[list[Any]], header: bool) -> list[list[Cell]]:
    """Source rows (strings or {text,rowspan,colspan}) → cells with their grid position."""
    occupied: set[tuple[int, int]] = set()
    out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        c = 0
        cells = []
        for value in row:
            while (r, c) in occupied:
                c += 1
            spec = value if isinstance(value, dict) else {"text": value}
            cell = Cell(str(spec.get("text", "")), r, c, int(spec.get("rowspan", 1)),
                        int(spec.get("colspan", 1)), header, spec.get("align", "center" if header else "left"))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied.add((r + dr, c + dc))
            cells.append(cell)
            c += cell.colspan
        out.append(cells)
    return out


def row_groups(cells: list[list[Cell]]) -> list[list[int]]:
    """Consecutive body rows that a rowspan ties together (a page break may not fall inside)."""
    groups: list[list[int]] = []
    reach = -1
    for r, row in enumerate(cells):
        if r > reach:
            groups.append([])
        groups[-1].append(r)
        reach = max([reach, r] + [c.row + c.rowspan - 1 for c in row])
    return groups


def layout(source: dict[str, Any]) -> tuple[list[DrawnPage], list[Cell], int, int]:
    landscape = source.get("orientation") == "landscape"
    width, height = (A4[1], A4[0]) if landscape else A4
    size = float(source.get("font_size", 10.5))
    header_size = float(source.get("header_font_size", size))
    fractions = [float(f) for f in source["columns"]]
    table_width = width - 2 * MARGIN
    col_x = [MARGIN]
    for f in fractions:
        col_x.append(col_x[-1] + table_width * f / sum(fractions))
    header_cells = grid_rows(source["header"], header=True)
    body_cells = grid_rows(source["rows"], header=False)
    n_header = len(header_cells)
    n_cols = len(fractions)

    def heights(rows: list[list[Cell]], font: float) -> list[float]:
        out = [font * LINE_GAP + 2 * PADDING] * len(rows)
        for row in rows:  # single-row cells first, then spans take what they still need
            for c in row:
                w = col_x[c.col + c.colspan] - col_x[c.col] - 2 * PADDING
                need = len(wrap(c.text, w, font)) * font * LINE_GAP + 2 * PADDING
                if c.rowspan == 1:
                    out[c.row] = max(out[c.row], need)
        for row in rows:
            for c in row:
                if c.rowspan > 1:
                    w = col_x[c.col + c.colspan] - col_x[c.col] - 2 * PADDING
                    need = len(wrap(c.text, w, font)) * font * LINE_GAP + 2 * PADDING
                    have = sum(out[c.row:c.row + c.rowspan])
                    if need > have:
                        out[c.row + c.rowspan - 1] += need - have
        return out

    header_heights = heights(header_cells, header_size)
    body_heights = heights(body_cells, size)
    pages: list[DrawnPage] = []
    groups = row_groups(body_cells)
    title_size = float(source.get("title_size", 16))
    page_rows: list[list[int]] = [[]]
    top0 = MARGIN + title_size * 2.2 + (size * 2 if source.get("subtitle") else 0)
    used = top0 + sum(header_heights)
    for group in groups:
        need = sum(body_heights[r] for r in group)
        if page_rows[-1] and used + need > height - MARGIN:
            page_rows.append([])
            used = MARGIN + sum(header_heights)
        page_rows[-1].extend(group)
        used += need
    for index, rows in enumerate(page_rows):
        page = DrawnPage(width, height)
        top = MARGIN
        if index == 0:
            title = source["title"]
            title_w = sum(char_width(ch, title_size) for ch in title)
            page.texts.append((title, (width - title_w) / 2, top + title_size, title_size, True))
            top += title_size * 2.2
            if source.get("subtitle"):
                page.texts.append((source["subtitle"], MARGIN, top + size * 0.9, size, False))
                top += size * 2
        y = [top]
        for h in header_heights:
            y.append(y[-1] + h)
        for r in rows:
            y.append(y[-1] + body_heights[r])
        local = {("h", i): i for i in range(n_header)}
        local.update({("b", r): n_header + i for i, r in enumerate(rows)})
        for kind, grid, font in (("h", header_cells, header_size), ("b", body_cells, size)):
            for row in grid:
                for c in row:
                    if (kind, c.row) not in local:
                        continue
                    r0 = local[(kind, c.row)]
                    box = (col_x[c.col], y[r0], col_x[c.col + c.colspan], y[r0 + c.rowspan])
                    lines = wrap(c.text, box[2] - box[0] - 2 * PADDING, font)
                    page.cells.append(PlacedCell(c, box, lines, font))
                    page.rules.append(box)
        pages.append(page)
    expected: list[Cell] = [c for row in header_cells for c in row]
    expected += [Cell(c.text, c.row + n_header, c.col, c.rowspan, c.colspan, False, c.align)
                 for row in body_cells for c in row]
    return pages, expected, n_header + len(body_cells), n_cols


def text_origin(placed: PlacedCell, index: int) -> tuple[float, float]:
    """x and baseline of line ``index`` of a cell (lines centred vertically in the cell)."""
    x0, y0, x1, y1 = placed.box
    block = len(placed.lines) * placed.size * LINE_GAP
    top = y0 + ((y1 - y0) - block) / 2
    line = placed.lines[index]
    if placed.cell.align == "center":
        x = x0 + ((x1 - x0) - sum(char_width(ch, placed.size) for ch in line)) / 2
    else:
        x = x0 + PADDING
    baseline = top + placed.size * LINE_GAP * index + placed.size * (LINE_GAP + 0.76) / 2
    return x, baseline


# ---------------------------------------------------------------- born-digital PDF

GB1_CMAP = Path("/usr/share/fonts/cmap/adobe-gb1/UniGB-UTF16-H")


def unicode_to_gb1() -> dict[str, int]:
    """Unicode (BMP) → Adobe-GB1 CID, from poppler-data's UniGB-UTF16-H CMap."""
    mapping: dict[str, int] = {}
    section = ""
    for line in GB1_CMAP.read_text(encoding="latin-1").splitlines():
        if line.endswith("begincidrange") or line.endswith("begincidchar"):
            section = line.split()[-1]
            continue
        if line.startswith("end"):
            section = ""
            continue
        parts = line.replace("<", " ").replace(">", " ").split()
        if section == "begincidrange" and len(parts) == 3 and len(parts[0]) == 4:
            low, high, cid = int(parts[0], 16), int(parts[1], 16), int(parts[2])
            for code in range(low, high + 1):
                mapping.setdefault(chr(code), cid + code - low)
        elif section == "begincidchar" and len(parts) == 2 and len(parts[0]) == 4:
            mapping.setdefault(chr(int(parts[0], 16)), int(parts[1]))
    return mapping


_GB1: dict[str, int] = {}


def _cid(char: str) -> int:
    if not _GB1:
        _GB1.update(unicode_to_gb1())
    return _GB1[char]


def _to_unicode_cmap(chars: set[str]) -> bytes:
    entries = sorted((_cid(ch), ch) for ch in chars)
    body = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    )
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        body += f"{len(chunk)} beginbfchar\n"
        body += "\n".join(f"<{cid:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for cid, ch in chunk)
        body += "\nendbfchar\n"
    body += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    return body.encode()


def _pdf_text(text: str) -> str:
    return "<" + "".join(f"{_cid(ch):04X}" for ch in text) + ">"


def page_content(page: DrawnPage) -> bytes:
    h = page.height
    ops = [f"{RULE_WIDTH} w 0 G"]
    for x0, y0, x1, y1 in page.rules:
        ops.append(f"{x0:.2f} {h - y1:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re S")
    ops.append("0 g")
    for text, x, baseline, size, _bold in page.texts:
        ops.append(f"BT /F1 {size:g} Tf {x:.2f} {h - baseline:.2f} Td {_pdf_text(text)} Tj ET")
    for placed in page.cells:
        for i, line in enumerate(placed.lines):
            x, baseline = text_origin(placed, i)
            ops.append(f"BT /F1 {placed.size:g} Tf {x:.2f} {h - baseline:.2f} Td {_pdf_text(line)} Tj ET")
    return "\n".join(ops).encode()


def _box(values: tuple[float, float, float, float]) -> str:
    return "[" + " ".join("0" if v == 0 else f"{v:.3f}" for v in values) + "]"


def page_frame(page: DrawnPage, geometry: dict[str, Any]) -> tuple[str, str, bytes]:
    """The page's boxes as PDF entries, and the matrix that puts the drawing into them.

    ``geometry`` (``pdf_geometry`` of source.json) writes the page as many producers do:
    ``origin`` [x, y] moves the page's lower-left corner off (0, 0); ``margin`` makes the MediaBox
    that much larger on every side than the CropBox (the visible page); ``rotate`` 90 stores a
    landscape page portrait with /Rotate 90 and the drawing turned, so it displays upright;
    ``boxes_on`` "pages" writes MediaBox, CropBox and /Rotate on the /Pages node, for the page
    to inherit. The page as displayed is always the one drawn, so the expected boxes do not change.
    """
    ox, oy = (float(v) for v in geometry.get("origin", (0.0, 0.0)))
    margin = float(geometry.get("margin", 0.0))
    rotate = int(geometry.get("rotate", 0))
    if rotate == 90:
        stored_w, stored_h = page.height, page.width
        matrix = f"0 1 -1 0 {ox + stored_w:.3f} {oy:.3f} cm\n"
    elif rotate == 0:
        stored_w, stored_h = page.width, page.height
        matrix = f"1 0 0 1 {ox:.3f} {oy:.3f} cm\n" if (ox, oy) != (0.0, 0.0) else ""
    else:
        raise ValueError(f"pdf_geometry rotate {rotate} is not drawn (0 or 90)")
    crop = (ox, oy, ox + stored_w, oy + stored_h)
    media = (crop[0] - margin, crop[1] - margin, crop[2] + margin, crop[3] + margin)
    entries = f"/MediaBox {_box(media)} "
    if margin:
        entries += f"/CropBox {_box(crop)} "
    if rotate:
        entries += f"/Rotate {rotate} "
    if geometry.get("boxes_on", "page") == "pages":
        return "", entries, matrix.encode()
    return entries, "", matrix.encode()


def write_form_pdf(pages: list[DrawnPage], path: Path, geometry: dict[str, Any] | None = None) -> None:
    objects: list[bytes] = [b"", b""]  # 1 catalog, 2 pages (filled below)
    font_id = 3
    objects.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
                   b"/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>")
    objects.append(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                   b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
                   b"/FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>")
    objects.append(b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
                   b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    used = {ch for page in pages for text in [t[0] for t in page.texts] + [ln for c in page.cells for ln in c.lines]
            for ch in text}
    cmap = zlib.compress(_to_unicode_cmap(used), 9)
    objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    kids = []
    inherited = ""
    for page in pages:
        own, inherited, matrix = page_frame(page, geometry or {})
        content = zlib.compress(matrix + page_content(page), 9)
        page_id = len(objects) + 1
        kids.append(page_id)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R {own}"
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {page_id + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = (f"<< /Type /Pages {inherited}/Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                  f"/Count {len(kids)} >>").encode()
    path.write_bytes(serialize_pdf(objects))


# ---------------------------------------------------------------- scan

def _font(bold: bool, size_px: int) -> ImageFont.FreeTypeFont:
    name = "NotoSansCJK-Regular.ttc" if bold else "NotoSerifCJK-Regular.ttc"
    return ImageFont.truetype(str(FONT_DIR / name), size_px, index=SC_INDEX)


def paint(page: DrawnPage) -> Image.Image:
    k = SCAN_DPI / 72
    image = Image.new("RGB", (round(page.width * k), round(page.height * k)), "white")
    draw = ImageDraw.Draw(image)
    rule = max(1, round(RULE_WIDTH * k))

    def put(text: str, x: float, baseline: float, size: float, bold: bool) -> None:
        font = _font(bold, round(size * k))
        for ch in text:
            draw.text((x * k, baseline * k), ch, font=font, fill=(20, 20, 20), anchor="ls")
            x += char_width(ch, size)

    for x0, y0, x1, y1 in page.rules:
        draw.rectangle((x0 * k, y0 * k, x1 * k, y1 * k), outline=(0, 0, 0), width=rule)
    for text, x, baseline, size, bold in page.texts:
        put(text, x, baseline, size, bold)
    for placed in page.cells:
        for i, line in enumerate(placed.lines):
            x, baseline = text_origin(placed, i)
            put(line, x, baseline, placed.size, placed.cell.header)
    return image


def render_case(folder: Path) -> dict[str, Any]:
    source = json.loads((folder / "source.json").read_text(encoding="utf-8"))
    pages, expected, n_rows, n_cols = layout(source)
    geometry = source.get("pdf_geometry")
    write_form_pdf(pages, folder / "form.pdf", geometry)
    rng = np.random.default_rng(zlib.crc32(folder.name.encode()))
    scans = []
    rotations = []
    for page in pages if geometry is None else []:  # a PDF-geometry case is born-digital only
        jpeg, angle = degrade_page(paint(page), rng)
        scans.append(jpeg)
        rotations.append(round(angle, 3))
    for old in ("scan.jpg", "scan.pdf"):
        (folder / old).unlink(missing_ok=True)
    if not scans:
        pass
    elif len(scans) == 1:
        with Image.open(io.BytesIO(scans[0])) as image:  # add the dpi the reader needs, keep the pixels
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=70, dpi=(SCAN_DPI, SCAN_DPI))
        (folder / "scan.jpg").write_bytes(buffer.getvalue())
    else:
        if any(p.width > p.height for p in pages):
            raise ValueError("several landscape pages: the image PDF writer is A4 portrait only")
        write_image_pdf(scans, folder / "scan.pdf")
    result = {
        "schema": "docproc.fixture-form/1",
        "title": source["title"],
        "pages": len(pages),
        "orientation": source.get("orientation", "portrait"),
        "header_rows": len(source["header"]),
        "n_rows": n_rows,
        "n_cols": n_cols,
        "scan": {"file": "scan.jpg" if len(scans) == 1 else "scan.pdf", "dpi": SCAN_DPI,
                 "rotation_deg": rotations} if scans else None,
        "cells": [
            {"text": c.text, "row": c.row, "col": c.col, "rowspan": c.rowspan, "colspan": c.colspan}
            for c in expected
        ],
        "page_cells": [
            [{"text": p.cell.text, "bbox": [round(v, 2) for v in p.box]} for p in page.cells]
            for page in pages
        ],
    }
    if geometry is not None:
        result["pdf_geometry"] = geometry
    (folder / "expected.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--all", action="store_true", help="every fixtures/forms/*/source.json")
    args = parser.parse_args(argv)
    folders = sorted(p.parent for p in FIXTURES.glob("*/source.json")) if args.all else args.folders
    for folder in folders:
        result = render_case(folder)
        print(f"{folder}: {result['pages']} page(s), {result['n_rows']} x {result['n_cols']}, "
              f"{len(result['cells'])} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main())
