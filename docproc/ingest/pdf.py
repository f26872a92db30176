"""PDF files: open (password, corruption), triage each page, hand out text lines or a raster.

Per page, in order:

1. pdfium reads the characters (fast). :func:`docproc.ingest.triage.triage_text_layer` decides whether
   they are real text (``no-text-layer``, ``cid-garbage``, ``garbled-text``, ``doubled-chars``).
2. A text layer drawn invisibly (render mode 3: an earlier OCR over a scan) goes to OCR as
   ``invisible-text``; a page that is mostly one image with a few stray glyphs (a stamped page
   number on a scan) goes as ``sparse-text-over-image``.
3. Otherwise the characters become lines (:mod:`docproc.ingest.pdf_lines`); else the page is
   rasterised with pypdfium2 at ``dpi``, one page at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from docproc.errors import (
    CorruptInputError,
    EmptyInputError,
    EncryptedPdfError,
    ImageTooLargeError,
)
from docproc.ingest.pages import ImagePage, TextLayerPage
from docproc.ingest.pdf_geometry import PageGeometry, page_geometry
from docproc.ingest.pdf_lines import lines_from_chars, read_chars
from docproc.ingest.pdf_tables import find_tables, has_rulings
from docproc.ingest.triage import triage_text_layer

EOF_SEARCH_BYTES = 64 * 1024
SPARSE_GLYPHS = 40  # fewer glyphs than this over a page-covering image: the page is a scan
IMAGE_COVER_FRACTION = 0.6
INVISIBLE_SAMPLE = 50  # characters checked for render mode 3


def check_pdf_complete(path: Path, size: int) -> None:
    """A PDF cut short loses its ``%%EOF`` marker; pdfium would silently repair what it can."""
    with open(path, "rb") as handle:
        handle.seek(max(0, size - EOF_SEARCH_BYTES))
        tail = handle.read()
    if b"%%EOF" not in tail:
        raise CorruptInputError(
            "is a truncated PDF (no %%EOF end marker): the download or copy was cut short; "
            "get the file again",
            path=str(path),
        )


def open_pdf_document(path: Path, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as error:
        # PDFium gives an empty page tree no error code of its own, and its last code may be left over
        # from the file opened before (an encrypted one): look at the page tree first
        if _has_no_pages(path):
            raise EmptyInputError("is a PDF with no pages", path=str(path)) from error
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password is None:
                message = "is an encrypted PDF: pass its password with --password"
            else:
                message = "is an encrypted PDF and the password given is wrong: pass the right one with --password"
            raise EncryptedPdfError(message, path=str(path)) from error
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedPdfError(
                "uses a PDF security handler docproc cannot open: print it to an unprotected PDF first",
                path=str(path),
            ) from error
        detail = str(error).replace("Failed to load document ", "").strip(" ().")
        detail = "" if detail.endswith("Success") else f" ({detail})"  # a stale code says nothing
        raise CorruptInputError(
            f"is a damaged PDF that cannot be opened{detail}: repair or re-export it",
            path=str(path),
        ) from error


def _has_no_pages(path: Path) -> bool:
    """True when pdfminer reads the file as a PDF whose page tree holds no page."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with path.open("rb") as handle:
            return next(PDFPage.create_pages(PDFDocument(PDFParser(handle))), None) is None
    except Exception:  # pdfminer cannot read it either: damaged
        return False


def raster_size(width_pt: float, height_pt: float, dpi: float) -> tuple[int, int]:
    return max(1, round(width_pt * dpi / 72)), max(1, round(height_pt * dpi / 72))


def _has_invisible_text(textpage: pdfium.PdfTextPage) -> bool:
    raw = textpage.raw
    seen = invisible = 0
    for index in range(textpage.count_chars()):
        if seen >= INVISIBLE_SAMPLE:
            break
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        text_object = pdfium_c.FPDFText_GetTextObject(raw, index)
        if not text_object:
            continue
        seen += 1
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(text_object)
        invisible += mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
    return seen > 0 and invisible == seen


def _largest_image_fraction(page: pdfium.PdfPage, geometry: PageGeometry) -> float:
    page_area = (geometry.right - geometry.left) * (geometry.top - geometry.bottom)
    if page_area <= 0:
        return 0.0
    largest = 0.0
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = image.get_bounds()
        width = min(right, geometry.right) - max(left, geometry.left)
        height = min(top, geometry.top) - max(bottom, geometry.bottom)
        if width > 0 and height > 0:
            largest = max(largest, width * height / page_area)
    return largest


class PdfSource:
    """An open PDF that yields its pages lazily, one raster in memory at a time."""

    def __init__(
        self, path: Path, *, password: str | None, dpi: int, max_pixels: int, force_ocr: bool
    ) -> None:
        self.path = path
        self.dpi = dpi
        self.max_pixels = max_pixels
        self.force_ocr = force_ocr
        self._document: pdfium.PdfDocument | None = open_pdf_document(path, password)
        self.page_count = len(self._document)
        if self.page_count == 0:
            self.close()
            raise EmptyInputError("is a PDF with no pages", path=str(path))

    def close(self) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None

    def iter_pages(self) -> Iterator[TextLayerPage | ImagePage]:
        for index in range(self.page_count):
            yield self.read_page(index)

    def read_page(self, index: int) -> TextLayerPage | ImagePage:
        if self._document is None:
            raise ValueError("the PDF is closed")
        number = index + 1
        try:
            page = self._document[index]
        except pdfium.PdfiumError as error:
            raise CorruptInputError(
                f"page {number} of the PDF is damaged and cannot be read ({error})", path=str(self.path)
            ) from error
        try:
            geometry = page_geometry(page)
            reason = "forced" if self.force_ocr else None
            if reason is None:
                textpage = page.get_textpage()
                try:
                    chars, unmapped = read_chars(textpage, geometry)
                    reason = triage_text_layer("".join(c.text for c in chars), unmapped_glyphs=unmapped)
                    if reason is None and _has_invisible_text(textpage):
                        reason = "invisible-text"
                finally:
                    textpage.close()
                if (
                    reason is None
                    and len(chars) < SPARSE_GLYPHS
                    and _largest_image_fraction(page, geometry) >= IMAGE_COVER_FRACTION
                ):
                    reason = "sparse-text-over-image"
                if reason is None:
                    tables = find_tables(page, geometry, chars) if has_rulings(page) else []
                    return TextLayerPage(
                        number=number,
                        width=geometry.width,
                        height=geometry.height,
                        lines=lines_from_chars(chars),
                        tables=tables,
                    )
            return ImagePage(
                number=number,
                width=geometry.width,
                height=geometry.height,
                dpi=float(self.dpi),
                image=self._render(page, geometry, number),
                reason=reason,
            )
        finally:
            page.close()

    def _render(self, page: pdfium.PdfPage, geometry: PageGeometry, number: int) -> np.ndarray:
        width_px, height_px = raster_size(geometry.width, geometry.height, self.dpi)
        if width_px * height_px > self.max_pixels:
            raise ImageTooLargeError(
                f"page {number} would be {width_px}×{height_px} pixels at {self.dpi} dpi, more than "
                f"the limit of {self.max_pixels:,}: pass a lower --dpi",
                path=str(self.path),
            )
        bitmap = page.render(scale=self.dpi / 72, rev_byteorder=True)
        try:
            array = bitmap.to_numpy()
            if array.ndim == 2:
                array = np.repeat(array[:, :, None], 3, axis=2)
            # A copy: the bitmap's buffer is freed when it closes.
            return np.array(array[:, :, :3], dtype=np.uint8, order="C", copy=True)
        finally:
            bitmap.close()
