"""Where a PDF page is: its effective box and rotation, and the map from PDF space to the page as shown.

Every path that turns PDF coordinates into a record's boxes (text lines, ruled tables, forms, and
through them the searchable PDF and ALTO) goes through :func:`page_geometry` and
:meth:`PageGeometry.to_display`.

The page shown is the effective crop box — the CropBox intersected with the MediaBox, either of them
inherited from a /Pages node when the page has none of its own, as many producers write them —
turned by /Rotate (also inheritable). pdfium's ``FPDF_GetPageBoundingBox`` resolves all of that and
is the box pdfium renders. ``FPDFPage_GetCropBox``/``GetMediaBox`` (pypdfium2's ``get_cropbox``) read
only the page's own dictionary and fall back to US Letter when the box is inherited: a page drawn on
an inherited A4 MediaBox would have its text placed 50 pt too high and its cells missed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from docproc.model.document import BBox


@dataclass(frozen=True)
class PageGeometry:
    """Maps PDF user space onto the displayed page: effective box (any origin) and /Rotate."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int  # 0, 90, 180, 270 (clockwise, as /Rotate)

    @property
    def width(self) -> float:
        return self.right - self.left if self.rotation in (0, 180) else self.top - self.bottom

    @property
    def height(self) -> float:
        return self.top - self.bottom if self.rotation in (0, 180) else self.right - self.left

    def to_display(self, x0: float, y0: float, x1: float, y1: float) -> BBox:
        """A box in PDF user space (y up) as (x0, top, x1, bottom) on the displayed page."""
        u0, u1 = sorted((x0 - self.left, x1 - self.left))
        v0, v1 = sorted((self.top - y1, self.top - y0))  # distances from the top edge
        upright_w = self.right - self.left
        upright_h = self.top - self.bottom
        if self.rotation == 90:
            return (upright_h - v1, u0, upright_h - v0, u1)
        if self.rotation == 180:
            return (upright_w - u1, upright_h - v1, upright_w - u0, upright_h - v0)
        if self.rotation == 270:
            return (v0, upright_w - u1, v1, upright_w - u0)
        return (u0, v0, u1, v1)

    def point_to_display(self, x: float, y: float) -> tuple[float, float]:
        """A point of PDF user space on the displayed page."""
        left, top, _, _ = self.to_display(x, y, x, y)
        return left, top


def page_geometry(page: pdfium.PdfPage) -> PageGeometry:
    """The effective box (inherited MediaBox/CropBox resolved, any origin) and /Rotate of ``page``."""
    left, bottom, right, top = (float(v) for v in page.get_bbox())
    return PageGeometry(left, bottom, right, top, int(page.get_rotation()) % 360)
