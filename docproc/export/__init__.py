"""Archival copies of a recognised Document: a searchable PDF (invisible text on the scan) and ALTO XML."""

from __future__ import annotations

from docproc.export.alto import alto_xml, write_alto
from docproc.export.searchable_pdf import searchable_pdf_bytes, write_searchable_pdf

__all__ = ["alto_xml", "searchable_pdf_bytes", "write_alto", "write_searchable_pdf"]
