"""Structured extraction: a Document becomes a ``docproc.notice/1`` record."""

from __future__ import annotations

from docproc.extract.pipeline import extract_notice

__all__ = ["extract_notice"]
