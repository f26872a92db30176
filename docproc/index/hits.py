"""From a matching document's segments to a hit: which segment matched best, its page, a snippet.

Both backends find candidate documents in SQL, ranked by the kinds of segment they match in, then
:func:`best_hits` re-ranks them by occurrences and builds the hits of the best.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from docproc.index.records import SearchHit, Segment
from docproc.index.text import index_settings, make_snippet


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
    """A document the SQL found: its segments, how often each query term occurs in each (in the
    folded text), and its kind weight.

    Segment texts may be left empty (``ids`` then names the segments): the SQL counted the
    occurrences, and only the text of a shown hit's best segment is read afterwards.
    """

    document: HitDocument
    segments: list[Segment]
    weight: float
    counts: list[tuple[int, ...]] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)

    def occurrence_score(self, terms: Sequence[str]) -> float:
        """For each term, log(1 + its occurrences) in the segment that holds it most; summed."""
        return sum(math.log1p(max((c[i] for c in self.counts), default=0)) for i in range(len(terms)))


def _match_strength(counts: tuple[int, ...]) -> tuple[int, int]:
    return sum(1 for c in counts if c), sum(counts)


def best_segment_index(candidate: Candidate) -> int | None:
    """The segment to show: most terms present, then title/文号, then page text (context is more
    telling than the list of names that made it rank), most occurrences, first page."""
    matching = [
        (index, strength)
        for index, counts in enumerate(candidate.counts)
        if (strength := _match_strength(counts))[0] > 0
    ]
    if not matching:
        return None
    segments = candidate.segments
    return max(
        matching,
        key=lambda im: (im[1][0], _SNIPPET_PREFERENCE.get(segments[im[0]].kind, 0), im[1][1],
                        -(segments[im[0]].page or 0), -im[0]),
    )[0]


def _page_of(best: Segment, candidate: Candidate) -> int | None:
    if best.page is not None:
        return best.page
    pages = [
        s.page for s, counts in zip(candidate.segments, candidate.counts, strict=True)
        if s.kind == "body" and s.page is not None and any(counts)
    ]
    return min(pages, default=None)


def build_hit(candidate: Candidate, terms: Sequence[str], score: float, best_index: int | None) -> SearchHit:
    """The hit of one document for the query's folded ``terms`` (none: a filter-only listing)."""
    document, segments = candidate.document, candidate.segments
    best = segments[best_index] if best_index is not None else None
    if best is None:
        body = next((s for s in segments if s.kind == "body"), None)
        text = document.title or (body.text if body else "")
        snippet = make_snippet(text, [])
        page = body.page if body else None
        matched = "none"
    else:
        snippet = make_snippet(best.text.replace("\n", "；"), terms)
        page = _page_of(best, candidate)
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


def best_hits(candidates: list[Candidate], terms: Sequence[str], limit: int,
              load_texts: Callable[[list[int]], dict[int, str]] | None = None) -> list[SearchHit]:
    """Candidates re-ranked by kind weight plus occurrences (then newest, then path); the best
    ``limit`` as hits. Only those get a snippet; ``load_texts(segment ids)`` reads the texts of
    their best segments when the candidates came without texts."""
    scored = [(c.weight + c.occurrence_score(terms), c) for c in candidates]
    scored.sort(key=lambda sc: (-sc[0], _newest_first(sc[1].document.issue_date), sc[1].document.path))
    chosen = [(score, c, best_segment_index(c) if terms else None) for score, c in scored[:limit]]
    wanted = [c.ids[i] for _, c, i in chosen if i is not None and c.ids and not c.segments[i].text]
    if wanted and load_texts is not None:
        texts = load_texts(wanted)
        for _, candidate, index in chosen:
            if index is not None and candidate.ids:
                segment = candidate.segments[index]
                candidate.segments[index] = Segment(segment.kind, segment.page,
                                                    texts.get(candidate.ids[index], ""))
    return [build_hit(candidate, terms, score, index) for score, candidate, index in chosen]
