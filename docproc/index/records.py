"""What the archive index stores and returns: catalogue entries, their text segments, hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# The part of a document a segment holds; title and 文号 hits rank first (models/index/search.json).
SegmentKind = Literal["title", "doc_number", "issuer", "people", "body"]


@dataclass(frozen=True)
class Segment:
    """A searchable piece of one document: a page's text, or a catalogue field with its page."""

    kind: SegmentKind
    page: int | None
    text: str


@dataclass
class CatalogueEntry:
    """One indexed file: its 归档文件目录 fields (DA/T 22-2015) and its text segments."""

    path: str  # absolute path of the original file
    file_sha256: str  # of the file's bytes: the same value means nothing to re-index
    doc_number: str | None = None  # 文号
    issuers: list[str] = field(default_factory=list)  # 责任者 (several for a joint issue)
    title: str | None = None  # 题名
    issue_date: str | None = None  # 日期, ISO
    doc_type: str | None = None  # 文种: 通知, 方案, 实施方案 …
    people: list[str] = field(default_factory=list)  # leaders and contact persons named in it
    pages: int = 0  # 页数
    secrecy: str | None = None  # 密级
    text_source: str = "text"  # pdf-text | ocr | text | mixed
    year: int | None = None  # of 日期, else of the 文号's 〔YYYY〕
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True)
class SearchQuery:
    """A full-text query (terms separated by spaces must all occur) and catalogue filters."""

    text: str
    issuer: str | None = None
    year: int | None = None
    person: str | None = None
    doc_number: str | None = None
    doc_type: str | None = None
    limit: int = 20


@dataclass
class SearchHit:
    """One matching document, with the page and a snippet of its best-matching segment."""

    path: str
    doc_number: str | None
    title: str | None
    issuers: list[str]
    issue_date: str | None
    page: int | None
    snippet: str
    highlights: list[tuple[int, int]]
    score: float
    matched: str = "body"  # the kind of segment that matched best

    def to_dict(self) -> dict[str, Any]:
        """The fields of DESIGN.md's command-line contract, plus ``highlights`` and ``matched``."""
        return {
            "path": self.path,
            "doc_number": self.doc_number,
            "title": self.title,
            "issuers": list(self.issuers),
            "issue_date": self.issue_date,
            "page": self.page,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "matched": self.matched,
            "score": round(self.score, 4),
        }


@dataclass
class IndexStats:
    documents: int
    pages: int
    segments: int
    by_year: dict[str, int]
    by_type: dict[str, int]
    by_text_source: dict[str, int]
    backend: str
    location: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "location": self.location,
            "documents": self.documents,
            "pages": self.pages,
            "segments": self.segments,
            "by_year": dict(self.by_year),
            "by_type": dict(self.by_type),
            "by_text_source": dict(self.by_text_source),
        }
