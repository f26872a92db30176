"""Typed records that flow between the stages (see docs/architecture.md)."""

from docproc.model.document import (
    BBox,
    Document,
    Line,
    Page,
    Source,
    Table,
    TableCell,
    Zone,
)

__all__ = ["BBox", "Document", "Line", "Page", "Source", "Table", "TableCell", "Zone"]
