"""The Document record (``docproc.document/1``): a file's text, page by page, in reading order.

Coordinates are PDF points (1/72 inch) with the origin at the top-left of the page, whatever the
page came from: a text layer, or an image OCR'd at ``dpi`` (pixels are divided by ``dpi / 72``).
Every line knows its character ``span`` ``[start, end)`` in :attr:`Document.text`, so later stages
can point back from a character offset to a page and a box.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_ID = "docproc.document/1"

BBox = tuple[float, float, float, float]
TextSource = Literal["pdf-text", "ocr"]
DocumentTextSource = Literal["pdf-text", "ocr", "text", "mixed"]


def bbox_out(bbox: BBox | None) -> list[float] | None:
    """A box as JSON: a list of four numbers rounded to 0.01 pt, or None."""
    return None if bbox is None else [round(float(v), 2) for v in bbox]


def bbox_in(value: Any) -> BBox | None:
    """A box from JSON (any four numbers), or None."""
    if value is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in value)
    return (x0, y0, x1, y1)


@dataclass
class Line:
    """One line of text as read from the page.

    ``char_boxes``, when the source tells, holds one box per non-space character of ``text``, in
    order: the glyph's ink box on a text layer; on a scan the recogniser's time step at which the
    character was read (its centre is the character's position along the line, its width is not
    the glyph's).
    """

    text: str
    bbox: BBox | None = None
    confidence: float | None = None
    span: tuple[int, int] | None = None  # [start, end) in Document.text; set when the text is built
    char_boxes: list[BBox] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "bbox": bbox_out(self.bbox)}
        out["confidence"] = None if self.confidence is None else round(float(self.confidence), 4)
        if self.span is not None:
            out["span"] = [self.span[0], self.span[1]]
        if self.char_boxes is not None:
            out["char_boxes"] = [bbox_out(b) for b in self.char_boxes]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Line:
        span = data.get("span")
        char_boxes = data.get("char_boxes")
        return cls(
            text=data["text"],
            bbox=bbox_in(data.get("bbox")),
            confidence=data.get("confidence"),
            span=(int(span[0]), int(span[1])) if span else None,
            char_boxes=None if char_boxes is None else [b for b in map(bbox_in, char_boxes) if b],
        )

    def visible_count(self) -> int:
        """The number of non-space characters (the length ``char_boxes`` has when set)."""
        return sum(1 for ch in self.text if not ch.isspace())


@dataclass
class Zone:
    """A region of the page that is not body text: 红头 header, red rule, seal, page furniture.

    Furniture zones (page number, watermark, seal digits, running header or footer) keep the text
    read there in ``text`` (the page number's digits for ``page-number``)."""

    # "red-header" | "red-rule" | "seal" | "scanner-logo" | "page-number" | "watermark" |
    # "seal-digits" | "running-header" | "running-footer"
    kind: str
    bbox: BBox | None
    text: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "bbox": bbox_out(self.bbox)}
        if self.text is not None:
            out["text"] = self.text
        if self.confidence is not None:
            out["confidence"] = round(float(self.confidence), 4)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Zone:
        return cls(
            kind=data["kind"],
            bbox=bbox_in(data.get("bbox")),
            text=data.get("text"),
            confidence=data.get("confidence"),
        )


@dataclass
class TableCell:
    text: str
    bbox: BBox | None = None
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "bbox": bbox_out(self.bbox),
            "row": self.row,
            "col": self.col,
            "rowspan": self.rowspan,
            "colspan": self.colspan,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableCell:
        return cls(
            text=data["text"],
            bbox=bbox_in(data.get("bbox")),
            row=int(data.get("row", 0)),
            col=int(data.get("col", 0)),
            rowspan=int(data.get("rowspan", 1)),
            colspan=int(data.get("colspan", 1)),
        )


@dataclass
class Table:
    cells: list[TableCell]
    bbox: BBox | None = None
    n_rows: int = 0
    n_cols: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "bbox": bbox_out(self.bbox),
            "cells": [c.to_dict() for c in self.cells],
            "n_rows": self.n_rows,
            "n_cols": self.n_cols,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Table:
        return cls(
            cells=[TableCell.from_dict(c) for c in data.get("cells", [])],
            bbox=bbox_in(data.get("bbox")),
            n_rows=int(data.get("n_rows", 0)),
            n_cols=int(data.get("n_cols", 0)),
        )


@dataclass
class Page:
    number: int  # 1-based
    width: float  # points
    height: float  # points
    text_source: TextSource
    lines: list[Line] = field(default_factory=list)
    dpi: float | None = None  # null for a text layer
    rotation: float | None = None  # degrees corrected (orientation + skew)
    zones: list[Zone] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # a photographed page: the corners of the page in the input image (pixels, top-left first,
    # clockwise) that were mapped onto the upright page the boxes are given on
    quad: list[tuple[float, float]] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "number": self.number,
            "width": round(float(self.width), 2),
            "height": round(float(self.height), 2),
            "dpi": self.dpi,
            "rotation": None if self.rotation is None else round(float(self.rotation), 2),
            "text_source": self.text_source,
            "lines": [ln.to_dict() for ln in self.lines],
            "tables": [t.to_dict() for t in self.tables],
            "zones": [z.to_dict() for z in self.zones],
        }
        if self.quad is not None:
            out["quad"] = [[round(float(x), 2), round(float(y), 2)] for x, y in self.quad]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Page:
        return cls(
            number=int(data["number"]),
            width=float(data["width"]),
            height=float(data["height"]),
            text_source=data["text_source"],
            lines=[Line.from_dict(ln) for ln in data.get("lines", [])],
            dpi=data.get("dpi"),
            rotation=data.get("rotation"),
            zones=[Zone.from_dict(z) for z in data.get("zones", [])],
            tables=[Table.from_dict(t) for t in data.get("tables", [])],
            quad=[(float(x), float(y)) for x, y in data["quad"]] if data.get("quad") else None,
        )


@dataclass
class Source:
    file: str
    sha256: str
    pages: int = 0
    text_source: DocumentTextSource = "text"
    ocr_engine: str | None = None
    mean_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "pages": self.pages,
            "text_source": self.text_source,
            "ocr_engine": self.ocr_engine,
            "mean_confidence": (
                None if self.mean_confidence is None else round(float(self.mean_confidence), 4)
            ),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            file=data["file"],
            sha256=data["sha256"],
            pages=int(data.get("pages", 0)),
            text_source=data.get("text_source", "text"),
            ocr_engine=data.get("ocr_engine"),
            mean_confidence=data.get("mean_confidence"),
        )


@dataclass
class Document:
    """A whole file's text in reading order, with its pages, lines, boxes and zones."""

    source: Source
    pages: list[Page]
    text: str
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "source": self.source.to_dict(),
            "text": self.text,
            "pages": [p.to_dict() for p in self.pages],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        if data.get("schema") != SCHEMA_ID:
            from docproc.errors import InputError

            raise InputError(f"not a {SCHEMA_ID} record (schema is {data.get('schema')!r})")
        return cls(
            source=Source.from_dict(data["source"]),
            pages=[Page.from_dict(p) for p in data["pages"]],
            text=data["text"],
            warnings=list(data.get("warnings", [])),
        )

    def lines_with_pages(self) -> list[tuple[Page, Line]]:
        """Every line with its page, in document (reading) order."""
        return [(page, line) for page in self.pages for line in page.lines]

    def locate(self, start: int, end: int) -> tuple[int | None, BBox | None]:
        """The page number and the union box of the lines that the span ``[start, end)`` touches.

        Used by extraction to give evidence for a value found at a character offset.
        """
        located = [(p, ln) for p, ln in self.lines_with_pages() if ln.span is not None]
        if not located:
            return None, None
        starts = [ln.span[0] for _, ln in located if ln.span is not None]
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        page_number: int | None = None
        boxes: list[BBox] = []
        for page, line in located[i:]:
            assert line.span is not None
            if line.span[0] >= max(end, start + 1):
                break
            if line.span[1] <= start:
                continue
            if page_number is None:
                page_number = page.number
            if page.number != page_number:
                break
            if line.bbox is not None:
                boxes.append(line.bbox)
        if page_number is None:
            page_number = located[i][0].number
        if not boxes:
            return page_number, None
        return page_number, (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
