"""``extract_notice``: a Document becomes a ``docproc.notice/1`` record.

The Document text is cleaned (:func:`docproc.normalize.normalize_text`), every extractor runs on
the cleaned text, and each value's span is mapped back to the Document text and located on its
page (:meth:`Document.locate`) for evidence.
"""

from __future__ import annotations

from datetime import date

from docproc.errors import NothingExtractedError, TextTooLongError
from docproc.extract.contacts import find_contacts
from docproc.extract.dates import document_year, iso
from docproc.extract.deadlines import DeadlineHit, find_deadlines
from docproc.extract.enclosures import enclosed_titles_of, run_on_heading
from docproc.extract.evidence import EvidenceMaker, load_rule_precision, review_flags
from docproc.extract.found import Found, compact
from docproc.extract.frame import FramedText, frame_text
from docproc.extract.frame_cues import is_organ, load_frame_cues
from docproc.extract.layout_hints import layout_title, signature_lines
from docproc.extract.leaders import find_leaders
from docproc.extract.metadata import (
    DOC_NUMBER,
    Metadata,
    extract_metadata,
    load_metadata_cues,
)
from docproc.extract.outline import build_outline, load_section_classes
from docproc.extract.schedule import find_phases
from docproc.extract.tables import find_tables, table_contacts
from docproc.extract.tasks import assign_own_deadlines, find_tasks, task_title
from docproc.model.document import Document
from docproc.model.notice import (
    CitedDocument,
    Contact,
    Deadline,
    DocNumberParts,
    Evidence,
    LeaderEntry,
    Notice,
    Phase,
    Task,
)
from docproc.normalize import normalize_text

# The longest real notice of the corpus is 42 KB; a text over this is a book or a dump, not a notice.
# Extraction is linear (about 2 s per MB) but refuses beyond the cap instead of running for minutes.
MAX_NOTICE_CHARS = 4 * 1024 * 1024
PAGE_DOC_NUMBER_LABELS = ("文号", "发文字号", "文件编号")  # rule-based values: the same everywhere, lowered for guesses


def _scalar(found: Found | None) -> str | None:
    if found is None:
        return None
    return found.value.isoformat() if isinstance(found.value, date) else str(found.value)


def _fill_metadata(notice: Notice, meta: Metadata, evidence: EvidenceMaker) -> None:
    for name in ("doc_number", "title", "doc_type", "issue_date", "print_date"):
        found: Found | None = getattr(meta, name)
        setattr(notice, name, _scalar(found))
        if found is not None:
            notice.evidence[name] = evidence(found.span, found.rule)
    if meta.doc_number_parts is not None:
        agency, year, serial = meta.doc_number_parts
        notice.doc_number_parts = DocNumberParts(agency, year, serial)
    notice.issuers = [f.value for f in meta.issuers]
    if meta.issuers:
        notice.evidence["issuers"] = evidence(meta.issuers[0].span, meta.issuers[0].rule)
    notice.enclosed_titles = [f.value for f in meta.enclosed_titles]
    notice.recipients = [f.value for f in meta.recipients]
    if meta.recipients:
        notice.evidence["recipients"] = evidence(
            (meta.recipients[0].span[0], meta.recipients[-1].span[1]), meta.recipients[0].rule
        )
    notice.attachments = [f.value for f in meta.attachments]
    notice.cited_documents = [
        CitedDocument(number=f.value, title=title, evidence=evidence(f.span, f.rule))
        for f, title in meta.cited_documents
    ]


def _fill_from_layout(notice: Notice, document: Document) -> None:
    """For scans and PDFs: the title by size and centring, the signing organs by alignment, where the
    text rules found none (docproc/extract/layout_hints.py)."""
    cues = load_metadata_cues()
    lines = layout_title(document)
    value = compact("".join(line.text for line in lines))
    # the text rules found none, or only the title's last line(s) (a title the page set over lines
    # of a size the paragraph rules did not join)
    partial = notice.title is not None and value.endswith(compact(notice.title)) and len(value) > len(notice.title)
    if (notice.title is None or partial) and lines and 4 <= len(value) <= 90 and "。" not in value:
        box = (min(ln.bbox[0] for ln in lines), min(ln.bbox[1] for ln in lines),
               max(ln.bbox[2] for ln in lines), max(ln.bbox[3] for ln in lines))
        notice.title = value
        notice.evidence["title"] = Evidence(page=lines[0].page, span=(lines[0].span[0], lines[-1].span[1]),
                                            bbox=box, confidence=load_rule_precision().of("title.layout.v1"),
                                            rule="title.layout.v1")
        if notice.doc_type is None:
            notice.doc_type = next((t for suffix, t in cues.doc_types if value.endswith(suffix)), None)
    date = notice.evidence.get("issue_date")
    if not notice.issuers and date is not None:
        organs = [ln for ln in signature_lines(document, date.span) if is_organ(ln.text, load_frame_cues())]
        if organs:
            notice.issuers = [compact(ln.text) for ln in organs]
            notice.evidence["issuers"] = Evidence(page=organs[0].page, span=(organs[0].span[0], organs[-1].span[1]),
                                                  bbox=organs[0].bbox, rule="issuers.layout.v1",
                                                  confidence=load_rule_precision().of("issuers.layout.v1"))


PAGE_TITLE_LABELS = ("标题", "名称", "信息名称")  # labels of a page's metadata block that name the document


def _fill_page_metadata(notice: Notice, framed: FramedText, evidence: EvidenceMaker) -> None:
    """A web copy's metadata block; its 文号 gives doc_number when the text prints none."""
    for item in framed.metadata:
        notice.page_metadata.setdefault(item.label, item.value)
    if notice.title is None:  # a heading printed only as the page's: its 标题 line when the body prints none
        cues = load_metadata_cues()
        for item in framed.metadata:
            value = compact(item.value)
            doc_type = next((t for suffix, t in cues.doc_types if value.endswith(suffix)), None)
            if item.label in PAGE_TITLE_LABELS and doc_type is not None and 4 <= len(value) <= 90:
                notice.title = value
                notice.evidence["title"] = evidence.of_cleaned(item.span, "title.page_metadata.v1")
                notice.doc_type = doc_type  # the kind the title ends in, over a cue in the body
                # (平潭综合实验区市场监督管理局开展…方案 run on in the body: the enclosure's own heading, with its organ)
                organs = [value.split("关于")[0], *notice.issuers]
                notice.enclosed_titles = notice.enclosed_titles or [
                    run_on_heading(framed.text, name, organs) or name for name in enclosed_titles_of(value, cues)]
                break
    if notice.doc_number is None:
        for item in framed.metadata:
            match = DOC_NUMBER.fullmatch(compact(item.value)) if item.label in PAGE_DOC_NUMBER_LABELS else None
            if match:
                notice.doc_number = match.group(0)
                notice.doc_number_parts = DocNumberParts(
                    match.group("agency"), int(match.group("year")), int(match.group("serial")))
                notice.evidence["doc_number"] = evidence.of_cleaned(item.span, "doc_number.page_metadata.v1")
                break


PAGE_ISSUER_LABELS = ("发布单位", "发布机构", "发文机关", "发文单位", "制发机关")  # who a page says published it


def _issuer_from_page(notice: Notice, framed: FramedText, evidence: EvidenceMaker) -> None:
    """The organ a page's metadata block names as publisher, when neither the signature, the title,
    the red header nor the page's layout names an issuer (``发布单位: 上海市静安区发展和改革委员会``)."""
    if notice.issuers:
        return
    for item in framed.metadata:
        if item.label in PAGE_ISSUER_LABELS and is_organ(item.value, load_frame_cues()):
            notice.issuers = [compact(item.value)]
            notice.evidence["issuers"] = evidence.of_cleaned(item.span, "issuers.page_metadata.v1")
            return


# a record without any of these is not a notice: extract_notice raises NothingExtractedError
NOTICE_EVIDENCE_FIELDS = (
    "doc_number", "title", "issuers", "issue_date", "tasks", "phases", "deadlines", "leaders",
)


def extract_notice(document: Document) -> Notice:
    """The structured notice of ``document``; doubts go to ``warnings``.

    Raises :class:`NothingExtractedError` when none of :data:`NOTICE_EVIDENCE_FIELDS` was found
    (random prose, a page of numbers, a document that is not a notice), and :class:`TextTooLongError`
    (exit 2) for a text over :data:`MAX_NOTICE_CHARS`.
    """
    if len(document.text) > MAX_NOTICE_CHARS:
        raise TextTooLongError(
            f"text of {len(document.text):,} characters is over the {MAX_NOTICE_CHARS:,} a notice is read "
            "from: split it into its documents first"
        )
    notice = _extract(document)
    notice.review = review_flags(notice)
    if not any(getattr(notice, name) for name in NOTICE_EVIDENCE_FIELDS):
        raise NothingExtractedError(
            "not a notice: no document number, title, issuer, issue date, task, phase, deadline or "
            "leader found"
        )
    return notice


def _extract(document: Document) -> Notice:
    cleaned = normalize_text(document.text)
    framed = frame_text(cleaned.text)
    text = framed.text
    evidence = EvidenceMaker(document, cleaned, framed)
    from docproc.extract.nlp import annotate  # spaCy loads on first use, not at import

    spans = annotate(text)
    number_spans = spans.spans("DOC_NUMBER")
    meta = extract_metadata(text, number_spans)
    notice = Notice(source=document.source)
    _fill_metadata(notice, meta, evidence)
    _fill_page_metadata(notice, framed, evidence)
    _fill_from_layout(notice, document)
    _issuer_from_page(notice, framed, evidence)
    notice.warnings.extend(meta.warnings)

    issue = meta.issue_date.value if meta.issue_date and isinstance(meta.issue_date.value, date) else None
    year, year_source = document_year(text, issue)
    if year_source in ("year_mention",):
        notice.warnings.append(f"year of year-less dates guessed from a year mentioned in the text: {year}")
    classes = load_section_classes()
    outline = build_outline(text)
    phases = find_phases(text, outline, spans, year)
    notice.phases = [
        Phase(name=p.name, start=iso(p.start), end=iso(p.end), text=p.text,
              evidence=evidence(p.span, "phase.heading.v1"))
        for p in phases
    ]
    tasks = find_tasks(outline, classes, spans, year, text)
    labelled = [t for t in tasks if t.labelled_deadline is not None]
    titles = {node.span[0]: task_title(node.heading) for top in outline for node in top.walk()}
    excluded = [p.span for p in phases] + [p.dates_span for p in phases if p.dates_span]  # a stage's own dates
    excluded += [t.labelled_deadline for t in labelled if t.labelled_deadline]
    deadlines = find_deadlines(text, year, excluded, titles, classes.deadline_labels)
    deadlines += [
        DeadlineHit(t.deadline, t.title, text[t.labelled_deadline[0] : t.labelled_deadline[1]],
                    t.labelled_deadline, "deadline.task_label.v1")
        for t in labelled if t.labelled_deadline is not None
    ]
    deadlines.sort(key=lambda d: d.span)
    assign_own_deadlines(tasks, [(d.date, d.span) for d in deadlines if d.rule != "deadline.task_label.v1"])
    notice.deadlines = [
        Deadline(date=iso(d.date), what=d.what, time=d.time, recurring=d.recurring, to=d.to,
                 text=d.text, evidence=evidence(d.span, d.rule))
        for d in deadlines
    ]
    notice.tasks = [
        Task(number=t.number, title=t.title, text=t.text, section=t.section, owners=t.owners,
             deadline=iso(t.deadline), evidence=evidence(t.span, "task.outline.v1"))
        for t in tasks
    ]
    tables = find_tables(text)  # member and contact tables: read once for leaders and contacts
    notice.leaders = [
        LeaderEntry(role=h.role, name=h.name, position=h.position, group=h.group,
                    evidence=evidence(h.span, h.rule))
        for h in find_leaders(text, spans, tables=tables)
    ]
    contact_hits = find_contacts(text)
    named = {h.name for h in contact_hits if h.name}
    contact_hits += [h for table in tables for h in table_contacts(table) if h.name not in named]
    notice.contacts = [
        Contact(name=h.name, org=h.org, phones=list(h.phones), fax=h.fax, emails=list(h.emails),
                other=h.other, evidence=evidence(h.span, h.rule))
        for h in sorted(contact_hits, key=lambda h: h.span)
    ]
    if year is None and (phases or deadlines):
        notice.warnings.append("no year found in the document: year-less dates left unresolved")
    return notice
