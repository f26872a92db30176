"""A searchable PDF: each page the scan as OCR saw it (upright and straightened), with an invisible
text layer laid line by line on the words.

The text layer uses a Type0 font with Identity-H encoding: each character is written as its own
Unicode code point (a 2-byte CID), a ToUnicode CMap maps it back, and the embedded font is a 1 KB
glyphless TrueType (every glyph empty and 1 em wide). Each line is scaled horizontally (``Tz``) so
its characters abut exactly across the line's box: a PDF reader sees no gap between them and copies
Chinese without the spaces other tools put between characters (OCRmyPDF issue #715).

Pages read from a text layer are rasterised and carry their own text the same way, so the output
is one consistent kind of page.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from docproc.errors import InputError
from docproc.export.glyphless_font import UNITS_PER_EM, glyphless_font
from docproc.model.document import Document, Line, Page

JPEG_QUALITY = 80
DEFAULT_DPI = 300
_BASELINE_FROM_BOTTOM = 0.15  # of the line box height: where the baseline sits above the box's bottom


def _to_unicode_cmap() -> bytes:
    """CID = Unicode code point for the whole Basic Multilingual Plane (surrogates excluded)."""
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256) if not 0xD8 <= hi <= 0xDF]
    blocks = []
    for start in range(0, len(ranges), 100):
        chunk = ranges[start:start + 100]
        blocks.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    text = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    return text.encode("ascii")


def _cid_hex(text: str) -> str:
    """The line's characters as 2-byte CIDs (code points); outside the BMP becomes U+FFFD."""
    return "".join(f"{ord(ch) if ord(ch) <= 0xFFFF and not 0xD800 <= ord(ch) <= 0xDFFF else 0xFFFD:04X}"
                   for ch in text)


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def line_operators(line: Line, page_height: float) -> str:
    """The invisible text of one line, stretched over its box (PDF space: origin bottom-left)."""
    text = line.text.strip()
    if not text or line.bbox is None:
        return ""
    x0, y0, x1, y1 = line.bbox
    height = max(y1 - y0, 1.0)
    font_size = height
    natural_width = len(text) * font_size  # every glyph is 1 em wide
    scale = 100.0 * max(x1 - x0, 1.0) / natural_width
    baseline = page_height - y1 + _BASELINE_FROM_BOTTOM * height
    return (
        f"BT /F0 {_number(font_size)} Tf 3 Tr {_number(scale)} Tz "
        f"1 0 0 1 {_number(x0)} {_number(baseline)} Tm <{_cid_hex(text)}> Tj ET\n"
    )


class _PdfWriter:
    """Numbered objects, then the cross-reference table: just enough PDF 1.7 for this file."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def add(self, body: bytes) -> int:
        number = self.reserve()
        self.set(number, body)
        return number

    def add_stream(self, dictionary: str, data: bytes, *, compress: bool = True) -> int:
        if compress:
            data = zlib.compress(data, 9)
            dictionary += " /Filter /FlateDecode"
        head = f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode("latin-1")
        return self.add(head + data + b"\nendstream")

    def to_bytes(self, root: int) -> bytes:
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(out.tell())
            out.write(f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n")
        xref = out.tell()
        out.write(f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode("ascii"))
        for offset in offsets:
            out.write(f"{offset:010d} 00000 n \n".encode("ascii"))
        out.write(
            f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode("ascii")
        )
        return out.getvalue()


def _font_objects(writer: _PdfWriter) -> int:
    font_file = writer.add_stream(f"/Length1 {len(glyphless_font())}", glyphless_font())
    descriptor = writer.add(
        f"<< /Type /FontDescriptor /FontName /DocprocGlyphless /Flags 4 /FontBBox [0 0 {UNITS_PER_EM}"
        f" {UNITS_PER_EM}] /ItalicAngle 0 /Ascent {UNITS_PER_EM} /Descent 0 /CapHeight {UNITS_PER_EM}"
        f" /StemV 80 /FontFile2 {font_file} 0 R >>".encode("ascii")
    )
    cid_to_gid = writer.add_stream("", b"\x00\x01" * 65536)  # every CID → glyph 1 (blank)
    cid_font = writer.add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DocprocGlyphless"
        f" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        f" /FontDescriptor {descriptor} 0 R /DW {UNITS_PER_EM} /CIDToGIDMap {cid_to_gid} 0 R >>"
        .encode("ascii")
    )
    to_unicode = writer.add_stream("", _to_unicode_cmap())
    return writer.add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /DocprocGlyphless /Encoding /Identity-H"
        f" /DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>".encode("ascii")
    )


def _jpeg(image: np.ndarray) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image).convert("RGB").save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def page_images(document: Document, source: Path, *, password: str | None = None) -> Iterator[np.ndarray]:
    """Each page of ``source`` as OCR saw it: rasterised at the page's dpi, turned and straightened
    by the rotation the Document records, so the line boxes lie on the words."""
    from docproc.ingest import open_input
    from docproc.layout.photo import warp_to_quad
    from docproc.layout.scan_geometry import rotate_image

    dpis = {p.dpi for p in document.pages if p.dpi}
    dpi = int(max(dpis)) if dpis else DEFAULT_DPI
    with open_input(source, password=password, dpi=dpi, force_ocr=True) as opened:
        if opened.is_text:
            raise InputError("a searchable PDF needs a scan or a PDF, not a text file or web page",
                             path=str(source))
        pages = {p.number: p for p in document.pages}
        for page_input in opened.pages():
            page = pages.get(page_input.number)
            image = getattr(page_input, "image", None)
            if page is None or image is None:
                continue
            if page.quad is not None:  # a photo: the page as cut out of it
                image = warp_to_quad(image, np.array(page.quad, dtype=np.float32))
            yield rotate_image(image, page.rotation) if page.rotation else image


def searchable_pdf_bytes(
    document: Document, source: str | Path, *, password: str | None = None
) -> bytes:
    """The searchable PDF of ``document``, whose pages are read again from ``source``."""
    if not document.pages:
        raise InputError("a searchable PDF needs pages: the document came from a text file",
                         path=str(source))
    writer = _PdfWriter()
    catalog = writer.reserve()
    pages_tree = writer.reserve()
    font = _font_objects(writer)
    page_numbers: list[int] = []
    for page, image in zip(document.pages, page_images(document, Path(source), password=password),
                           strict=True):
        page_numbers.append(_add_page(writer, page, image, pages_tree, font))
    kids = " ".join(f"{n} 0 R" for n in page_numbers)
    writer.set(pages_tree, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_numbers)} >>".encode("ascii"))
    writer.set(catalog, f"<< /Type /Catalog /Pages {pages_tree} 0 R >>".encode("ascii"))
    return writer.to_bytes(catalog)


def _add_page(writer: _PdfWriter, page: Page, image: np.ndarray, parent: int, font: int) -> int:
    height_px, width_px = image.shape[:2]
    picture = writer.add_stream(
        f"/Type /XObject /Subtype /Image /Width {width_px} /Height {height_px}"
        " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
        _jpeg(image), compress=False,
    )
    width, height = page.width, page.height
    content = f"q {_number(width)} 0 0 {_number(height)} 0 0 cm /Im0 Do Q\n"
    content += "".join(line_operators(line, height) for line in page.lines)
    contents = writer.add_stream("", content.encode("ascii"))
    return writer.add(
        f"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 {_number(width)} {_number(height)}]"
        f" /Resources << /XObject << /Im0 {picture} 0 R >> /Font << /F0 {font} 0 R >> >>"
        f" /Contents {contents} 0 R >>".encode("ascii")
    )


def write_searchable_pdf(
    document: Document, source: str | Path, output: str | Path, *, password: str | None = None
) -> Path:
    """Write the searchable PDF of ``document`` (read from ``source``) to ``output`` atomically."""
    from docproc.fileio import write_bytes_atomic

    return write_bytes_atomic(output, searchable_pdf_bytes(document, source, password=password))
