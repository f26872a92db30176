"""A minimal, deterministic image-only PDF writer (no dates or ids inside): one image per A4 page.

Pages are embedded without re-encoding: a JPEG as a DCTDecode stream, a palette PNG as a FlateDecode
stream with PNG predictors (its IDAT data) in an Indexed colour space.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image

A4_POINTS = (595.276, 841.89)


def _jpeg_image(jpeg: bytes) -> tuple[bytes, bytes]:
    with Image.open(io.BytesIO(jpeg)) as image:
        colour_space = {"RGB": "/DeviceRGB", "L": "/DeviceGray"}[image.mode]
        header = (f"/Width {image.width} /Height {image.height} /ColorSpace {colour_space} "
                  f"/BitsPerComponent 8 /Filter /DCTDecode")
    return header.encode(), jpeg


def _png_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    chunks = []
    offset = 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        chunks.append((kind, png[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return chunks


def _palette_png_image(png: bytes) -> tuple[bytes, bytes]:
    chunks = _png_chunks(png)
    width, height, bit_depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if colour_type != 3 or interlace != 0:
        raise ValueError("only non-interlaced palette PNGs are embedded")
    palette = next(data for kind, data in chunks if kind == b"PLTE")
    data = b"".join(data for kind, data in chunks if kind == b"IDAT")
    header = (f"/Width {width} /Height {height} /ColorSpace [/Indexed /DeviceRGB {len(palette) // 3 - 1} "
              f"<{palette.hex()}>] /BitsPerComponent {bit_depth} /Filter /FlateDecode "
              f"/DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent {bit_depth} /Columns {width} >>")
    return header.encode(), data


def write_image_pdf(pages: list[bytes], path: Path) -> None:
    """Writes page images (JPEG or palette PNG bytes) as an A4 PDF, each image filling its page."""
    objects: list[bytes] = []
    page_ids = [3 + index * 3 for index in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    width_pt, height_pt = A4_POINTS
    for index, image_bytes in enumerate(pages):
        page_id = page_ids[index]
        header, stream = _palette_png_image(image_bytes) if image_bytes[:4] == b"\x89PNG" else _jpeg_image(image_bytes)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt} {height_pt}] "
            f"/Resources << /XObject << /Im0 {page_id + 2} 0 R >> >> /Contents {page_id + 1} 0 R >>".encode()
        )
        content = f"q {width_pt} 0 0 {height_pt} 0 0 cm /Im0 Do Q".encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /XObject /Subtype /Image " + header + b" /Length %d >>\nstream\n" % len(stream)
                       + stream + b"\nendstream")
    path.write_bytes(serialize_pdf(objects))


def serialize_pdf(objects: list[bytes]) -> bytes:
    """Object bodies numbered from 1 (object 1 the catalog) as a PDF file with its xref table.

    Nothing variable (no dates, no ids) goes in, so the same objects give the same bytes.
    """
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
