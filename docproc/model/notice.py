"""The Notice record (``docproc.notice/1``): the structured content of one official notice.

Field meanings follow ``shared/ANNOTATION.md``; every item carries :class:`Evidence` (page, box,
character span into :attr:`docproc.model.Document.text`, confidence, versioned rule id).
``to_dict`` gives exactly the JSON of ``docproc/schemas/notice.schema.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docproc.model.document import BBox, Source, bbox_in, bbox_out

SCHEMA_ID = "docproc.notice/1"



@dataclass
class Evidence:
    """Where a value was read: page, box, ``[start, end)`` span in the Document text, rule id."""

    page: int | None
    span: tuple[int, int]
    bbox: BBox | None = None
    confidence: float | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "bbox": bbox_out(self.bbox),
            "span": [int(self.span[0]), int(self.span[1])],
            "confidence": None if self.confidence is None else round(float(self.confidence), 4),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        span = data["span"]
        return cls(
            page=data.get("page"),
            span=(int(span[0]), int(span[1])),
            bbox=bbox_in(data.get("bbox")),
            confidence=data.get("confidence"),
            rule=data.get("rule"),
        )


def _evidence_out(evidence: Evidence | None) -> dict[str, Any]:
    return {} if evidence is None else {"evidence": evidence.to_dict()}


def _evidence_in(data: dict[str, Any]) -> Evidence | None:
    value = data.get("evidence")
    return None if value is None else Evidence.from_dict(value)


@dataclass
class LeaderEntry:
    """One member of a leadership group (领导小组, 工作专班, 指挥部) or its office."""

    role: str
    name: str | None
    position: str | None
    group: str | None = None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "group": self.group,
            "role": self.role,
            "name": self.name,
            "position": self.position,
        }
        return out | _evidence_out(self.evidence)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LeaderEntry:
        return cls(
            role=data["role"],
            name=data.get("name"),
            position=data.get("position"),
            group=data.get("group"),
            evidence=_evidence_in(data),
        )


@dataclass
class Contact:
    """A contact person or office with phones, fax, e-mails and other accounts (浙政钉 …)."""

    name: str | None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    org: str | None = None
    fax: str | None = None
    other: str | None = None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "org": self.org,
            "phones": list(self.phones),
            "fax": self.fax,
            "emails": list(self.emails),
            "other": self.other,
        }
        return out | _evidence_out(self.evidence)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contact:
        return cls(
            name=data.get("name"),
            phones=list(data.get("phones", [])),
            emails=list(data.get("emails", [])),
            org=data.get("org"),
            fax=data.get("fax"),
            other=data.get("other"),
            evidence=_evidence_in(data),
        )


@dataclass
class Phase:
    """An explicit stage of the work with its ISO start and end (either may be null)."""

    name: str
    start: str | None
    end: str | None
    text: str = ""
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        return out | _evidence_out(self.evidence)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Phase:
        return cls(
            name=data["name"],
            start=data.get("start"),
            end=data.get("end"),
            text=data.get("text", ""),
            evidence=_evidence_in(data),
        )


@dataclass
class Deadline:
    """An obligation due by a date (or recurring, ``date`` null), what is due and to whom."""

    date: str | None
    what: str
    time: str | None = None
    recurring: str | None = None
    to: str | None = None
    text: str = ""
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date,
            "time": self.time,
            "recurring": self.recurring,
            "what": self.what,
            "to": self.to,
            "text": self.text,
        }
        return out | _evidence_out(self.evidence)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Deadline:
        return cls(
            date=data.get("date"),
            what=data["what"],
            time=data.get("time"),
            recurring=data.get("recurring"),
            to=data.get("to"),
            text=data.get("text", ""),
            evidence=_evidence_in(data),
        )


@dataclass
class Task:
    """A numbered work item of a task section (主要任务, 重点任务, 整治内容 …)."""

    number: str
    title: str
    text: str
    section: str | None = None
    owners: list[str] = field(default_factory=list)
    deadline: str | None = None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "section": self.section,
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "owners": list(self.owners),
            "deadline": self.deadline,
        }
        return out | _evidence_out(self.evidence)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Task:
        return cls(
            number=data["number"],
            title=data["title"],
            text=data["text"],
            section=data.get("section"),
            owners=list(data.get("owners", [])),
            deadline=data.get("deadline"),
            evidence=_evidence_in(data),
        )


@dataclass
class CitedDocument:
    """Another document cited by number (X〔YYYY〕N号, 国务院令第N号), with its title if printed."""

    number: str
    title: str | None = None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "title": self.title} | _evidence_out(self.evidence)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CitedDocument:
        return cls(number=data["number"], title=data.get("title"), evidence=_evidence_in(data))


@dataclass
class DocNumberParts:
    """发文字号 split into 机关代字, year and serial number."""

    agency_code: str
    year: int
    serial: int

    def to_dict(self) -> dict[str, Any]:
        return {"agency_code": self.agency_code, "year": self.year, "serial": self.serial}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocNumberParts:
        return cls(
            agency_code=data["agency_code"], year=int(data["year"]), serial=int(data["serial"])
        )


@dataclass
class ReviewFlag:
    """A value a reviewer should check first: which field (and item), how sure the extractor is, why."""

    field: str
    index: int | None
    confidence: float
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "index": self.index, "confidence": round(float(self.confidence), 4),
                "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReviewFlag:
        return cls(field=data["field"], index=data.get("index"), confidence=float(data["confidence"]),
                   reason=data["reason"])


@dataclass
class Notice:
    """The whole record; ``evidence`` holds the evidence of the scalar fields by field name."""

    source: Source
    doc_type: str | None = None
    doc_number: str | None = None
    doc_number_parts: DocNumberParts | None = None
    issuers: list[str] = field(default_factory=list)
    title: str | None = None
    enclosed_titles: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    issue_date: str | None = None
    print_date: str | None = None
    cited_documents: list[CitedDocument] = field(default_factory=list)
    leaders: list[LeaderEntry] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    page_metadata: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    review: list[ReviewFlag] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "source": self.source.to_dict(),
            "doc_type": self.doc_type,
            "doc_number": self.doc_number,
            "doc_number_parts": (
                None if self.doc_number_parts is None else self.doc_number_parts.to_dict()
            ),
            "issuers": list(self.issuers),
            "title": self.title,
            "enclosed_titles": list(self.enclosed_titles),
            "recipients": list(self.recipients),
            "issue_date": self.issue_date,
            "print_date": self.print_date,
            "cited_documents": [c.to_dict() for c in self.cited_documents],
            "leaders": [x.to_dict() for x in self.leaders],
            "contacts": [x.to_dict() for x in self.contacts],
            "phases": [x.to_dict() for x in self.phases],
            "deadlines": [x.to_dict() for x in self.deadlines],
            "tasks": [x.to_dict() for x in self.tasks],
            "attachments": list(self.attachments),
            "page_metadata": dict(self.page_metadata),
            "evidence": {name: ev.to_dict() for name, ev in self.evidence.items()},
            "review": [flag.to_dict() for flag in self.review],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Notice:
        if data.get("schema") != SCHEMA_ID:
            from docproc.errors import InputError

            raise InputError(f"not a {SCHEMA_ID} record (schema is {data.get('schema')!r})")
        parts = data.get("doc_number_parts")
        return cls(
            source=Source.from_dict(data["source"]),
            doc_type=data.get("doc_type"),
            doc_number=data.get("doc_number"),
            doc_number_parts=None if parts is None else DocNumberParts.from_dict(parts),
            issuers=list(data.get("issuers", [])),
            title=data.get("title"),
            enclosed_titles=list(data.get("enclosed_titles", [])),
            recipients=list(data.get("recipients", [])),
            issue_date=data.get("issue_date"),
            print_date=data.get("print_date"),
            cited_documents=[CitedDocument.from_dict(c) for c in data.get("cited_documents", [])],
            leaders=[LeaderEntry.from_dict(x) for x in data.get("leaders", [])],
            contacts=[Contact.from_dict(x) for x in data.get("contacts", [])],
            phases=[Phase.from_dict(x) for x in data.get("phases", [])],
            deadlines=[Deadline.from_dict(x) for x in data.get("deadlines", [])],
            tasks=[Task.from_dict(x) for x in data.get("tasks", [])],
            attachments=list(data.get("attachments", [])),
            page_metadata=dict(data.get("page_metadata", {})),
            evidence={k: Evidence.from_dict(v) for k, v in data.get("evidence", {}).items()},
            review=[ReviewFlag.from_dict(x) for x in data.get("review", [])],
            warnings=list(data.get("warnings", [])),
        )
