"""From a matching document's segments to a hit: which segment matched best, its page, a snippet.

Both backends find and rank documents in SQL, then call :func:`build_hit` for the few they return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docproc.index.records import SearchHit, Segment
from docproc.index.text import fold, index_settings, make_snippet


@dataclass(frozen=True)
class HitDocument:
    """The catalogue fields a hit shows."""

    path: str
    doc_number: str | None
    title: str | None
    issuers: list[str]
    issue_date: str | None


def kind_weight(kind: str) -> int:
    weights: dict[str, int] = index_settings()["kind_weights"]
    return int(weights.get(kind, 0))


_SNIPPET_PREFERENCE = {"title": 3, "doc_number": 3, "body": 2, "issuer": 1, "people": 1}


def _match_strength(segment: Segment, terms: Sequence[str]) -> tuple[int, int]:
    folded = fold(segment.text)
    present = [t for t in terms if t in folded]
    return len(present), sum(folded.count(t) for t in present)


def best_segment(segments: Sequence[Segment], terms: Sequence[str]) -> Segment | None:
    """The segment to show: most terms present, then title/文号, then page text (context is more
    telling than the list of names that made it rank), most occurrences, first page."""
    scored = [(s, _match_strength(s, terms)) for s in segments]
    matching = [(s, m) for s, m in scored if m[0] > 0]
    if not matching:
        return None
    return max(
        matching,
        key=lambda sm: (sm[1][0], _SNIPPET_PREFERENCE.get(sm[0].kind, 0), sm[1][1], -(sm[0].page or 0)),
    )[0]


def _page_of(best: Segment, segments: Sequence[Segment], terms: Sequence[str]) -> int | None:
    if best.page is not None:
        return best.page
    pages = [s for s in segments if s.kind == "body" and _match_strength(s, terms)[0] > 0]
    return min((s.page for s in pages if s.page is not None), default=None)


def build_hit(
    document: HitDocument, segments: Sequence[Segment], terms: Sequence[str], score: float
) -> SearchHit:
    """The hit of one document for the query's folded ``terms`` (none: a filter-only listing)."""
    best = best_segment(segments, terms) if terms else None
    if best is None:
        body = next((s for s in segments if s.kind == "body"), None)
        text = document.title or (body.text if body else "")
        snippet = make_snippet(text, [])
        page = body.page if body else None
        matched = "none"
    else:
        snippet = make_snippet(best.text.replace("\n", "；"), terms)
        page = _page_of(best, segments, terms)
        matched = best.kind
    return SearchHit(
        path=document.path,
        doc_number=document.doc_number,
        title=document.title,
        issuers=list(document.issuers),
        issue_date=document.issue_date,
        page=page,
        snippet=snippet.text,
        highlights=list(snippet.highlights),
        score=score,
        matched=matched,
    )
