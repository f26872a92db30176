"""From a matching document's segments to a hit: which segment matched best, its page, a snippet.

Both backends find candidate documents in SQL, ranked by the kinds of segment they match in, then
:func:`best_hits` re-ranks them by occurrences and builds the hits of the best.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

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


@dataclass
class Candidate:
    """A document the SQL found, with its segments (and their folded text) and its kind weight."""

    document: HitDocument
    segments: list[Segment]
    weight: float
    folded: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.folded:
            self.folded = [fold(s.text) for s in self.segments]

    def occurrence_score(self, terms: Sequence[str]) -> float:
        """For each term, log(1 + its occurrences) in the segment that holds it most; summed."""
        return sum(math.log1p(max((f.count(t) for f in self.folded), default=0)) for t in terms)


def _match_strength(folded: str, terms: Sequence[str]) -> tuple[int, int]:
    present = [t for t in terms if t in folded]
    return len(present), sum(folded.count(t) for t in present)


def best_segment(candidate: Candidate, terms: Sequence[str]) -> Segment | None:
    """The segment to show: most terms present, then title/文号, then page text (context is more
    telling than the list of names that made it rank), most occurrences, first page."""
    matching = [
        (segment, strength)
        for segment, folded in zip(candidate.segments, candidate.folded, strict=True)
        if (strength := _match_strength(folded, terms))[0] > 0
    ]
    if not matching:
        return None
    return max(
        matching,
        key=lambda sm: (sm[1][0], _SNIPPET_PREFERENCE.get(sm[0].kind, 0), sm[1][1], -(sm[0].page or 0)),
    )[0]


def _page_of(best: Segment, candidate: Candidate, terms: Sequence[str]) -> int | None:
    if best.page is not None:
        return best.page
    pages = [
        s.page for s, folded in zip(candidate.segments, candidate.folded, strict=True)
        if s.kind == "body" and s.page is not None and any(t in folded for t in terms)
    ]
    return min(pages, default=None)


def build_hit(candidate: Candidate, terms: Sequence[str], score: float) -> SearchHit:
    """The hit of one document for the query's folded ``terms`` (none: a filter-only listing)."""
    document, segments = candidate.document, candidate.segments
    best = best_segment(candidate, terms) if terms else None
    if best is None:
        body = next((s for s in segments if s.kind == "body"), None)
        text = document.title or (body.text if body else "")
        snippet = make_snippet(text, [])
        page = body.page if body else None
        matched = "none"
    else:
        snippet = make_snippet(best.text.replace("\n", "；"), terms)
        page = _page_of(best, candidate, terms)
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


def _newest_first(issue_date: str | None) -> tuple[int, str]:
    """Sort key: dated documents newest first, undated last."""
    if not issue_date:
        return (1, "")
    return (0, "".join(chr(0x10FFFF - ord(c)) for c in issue_date))


def best_hits(candidates: list[Candidate], terms: Sequence[str], limit: int) -> list[SearchHit]:
    """Candidates re-ranked by kind weight plus occurrences (then newest, then path); the best
    ``limit`` as hits. Only those get a snippet."""
    scored = [(c.weight + c.occurrence_score(terms), c) for c in candidates]
    scored.sort(key=lambda sc: (-sc[0], _newest_first(sc[1].document.issue_date), sc[1].document.path))
    return [build_hit(candidate, terms, score) for score, candidate in scored[:limit]]
