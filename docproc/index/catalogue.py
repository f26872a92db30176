"""A Document (and its Notice, when it is one) as a catalogue entry with searchable segments."""

from __future__ import annotations

from docproc.index.records import CatalogueEntry, Segment
from docproc.index.text import join_lines
from docproc.model.document import Document
from docproc.model.notice import Notice


def people_of(notice: Notice) -> list[str]:
    """Leaders' and contacts' names, each once, in the order the notice gives them."""
    names: list[str] = []
    for name in [leader.name for leader in notice.leaders] + [c.name for c in notice.contacts]:
        if name and name not in names:
            names.append(name)
    return names


def page_segments(document: Document) -> list[Segment]:
    """One body segment per page with text; a text file (no pages) is one segment, page None."""
    segments = [
        Segment("body", page.number, join_lines(line.text for line in page.lines))
        for page in document.pages
    ]
    segments = [s for s in segments if s.text]
    if not segments and document.text.strip():
        segments = [Segment("body", None, join_lines(document.text.split("\n")))]
    return segments


def _evidence_page(notice: Notice, name: str) -> int | None:
    evidence = notice.evidence.get(name)
    return evidence.page if evidence is not None else None


def catalogue_entry(
    document: Document, path: str, file_sha256: str, notice: Notice | None
) -> CatalogueEntry:
    """The entry of one file: catalogue fields from ``notice`` (if any), text from ``document``."""
    entry = CatalogueEntry(
        path=path,
        file_sha256=file_sha256,
        pages=document.source.pages or len(document.pages),
        text_source=document.source.text_source,
    )
    segments: list[Segment] = []
    if notice is not None:
        entry.doc_number = notice.doc_number
        entry.issuers = list(notice.issuers)
        entry.title = notice.title
        entry.issue_date = notice.issue_date
        entry.doc_type = notice.doc_type
        entry.people = people_of(notice)
        if notice.issue_date and notice.issue_date[:4].isdigit():
            entry.year = int(notice.issue_date[:4])
        elif notice.doc_number_parts is not None:
            entry.year = notice.doc_number_parts.year
        if notice.title:
            segments.append(Segment("title", _evidence_page(notice, "title"), notice.title))
        if notice.doc_number:
            segments.append(
                Segment("doc_number", _evidence_page(notice, "doc_number"), notice.doc_number)
            )
        if entry.issuers:
            segments.append(Segment("issuer", None, "\n".join(entry.issuers)))
        if entry.people:
            segments.append(Segment("people", None, "\n".join(entry.people)))
    entry.segments = segments + page_segments(document)
    return entry
