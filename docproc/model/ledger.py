"""The Ledger record (``docproc.ledger/1``): a rectification ledger (整改台账).

One :class:`LedgerRow` per task of a notice or problem of a self-check form, with a reference back
to where it came from (:class:`SourceRef`: 文号, task number, page, file). ``to_dict`` gives the JSON
of ``docproc/schemas/ledger.schema.json``; the optional ``category`` (所属类别), ``progress``
(完成情况) and ``source_ref.file`` are additions the schema allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_ID = "docproc.ledger/1"

# 状态: the status drop-down of the ledger, in the order work moves through it.
STATUSES: tuple[str, ...] = ("未开始", "整改中", "已完成", "已销号")
DEFAULT_STATUS = STATUSES[0]
# Rows in these states are no longer due.
FINISHED_STATUSES: frozenset[str] = frozenset({"已完成", "已销号"})


@dataclass(frozen=True)
class SourceRef:
    """Where a row came from: the notice's 文号, the task number path, the page, the input file and
    the title of the notice or form (which tells apart two notices without 文号)."""

    doc_number: str | None = None
    task: str | None = None
    page: int | None = None
    file: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_number": self.doc_number,
            "task": self.task,
            "page": self.page,
            "file": self.file,
            "title": self.title,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceRef:
        page = data.get("page")
        return cls(
            doc_number=data.get("doc_number"),
            task=data.get("task"),
            page=None if page is None else int(page),
            file=data.get("file"),
            title=data.get("title"),
        )

    def key(self) -> tuple[str, str]:
        """Identity of the task or problem across re-runs: (文号, else title, else file; task number)."""
        return (self.doc_number or self.title or self.file or "", self.task or "")

    def label(self) -> str:
        """One readable cell: ``沈法治发〔2021〕7号 （二）3 第2页``."""
        parts = [self.doc_number or self.file or "", self.task or ""]
        if self.page is not None:
            parts.append(f"第{self.page}页")
        return " ".join(p for p in parts if p)


@dataclass
class LedgerRow:
    """One line of the ledger: 序号, 整改任务/问题, 整改措施, 责任单位, 责任人, 整改时限, 状态 …"""

    no: int
    item: str
    measures: str | None = None
    owner_unit: str | None = None
    owner_person: str | None = None
    deadline: str | None = None
    status: str = DEFAULT_STATUS
    progress: str | None = None
    closed_on: str | None = None
    note: str | None = None
    category: str | None = None
    source_ref: SourceRef = field(default_factory=SourceRef)

    def to_dict(self) -> dict[str, Any]:
        return {
            "no": self.no,
            "category": self.category,
            "item": self.item,
            "measures": self.measures,
            "owner_unit": self.owner_unit,
            "owner_person": self.owner_person,
            "deadline": self.deadline,
            "status": self.status,
            "progress": self.progress,
            "closed_on": self.closed_on,
            "note": self.note,
            "source_ref": self.source_ref.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LedgerRow:
        return cls(
            no=int(data["no"]),
            item=data["item"],
            measures=data.get("measures"),
            owner_unit=data.get("owner_unit"),
            owner_person=data.get("owner_person"),
            deadline=data.get("deadline"),
            status=data.get("status", DEFAULT_STATUS),
            progress=data.get("progress"),
            closed_on=data.get("closed_on"),
            note=data.get("note"),
            category=data.get("category"),
            source_ref=SourceRef.from_dict(data.get("source_ref") or {}),
        )


@dataclass
class LedgerSource:
    """One input of the ledger: a notice or a self-check form."""

    file: str
    doc_number: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "doc_number": self.doc_number, "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LedgerSource:
        return cls(file=data.get("file", ""), doc_number=data.get("doc_number"), title=data.get("title"))


@dataclass
class Ledger:
    """The whole ledger: header (标题, 填报单位, 填报日期), its sources and its rows."""

    title: str
    sources: list[LedgerSource] = field(default_factory=list)
    rows: list[LedgerRow] = field(default_factory=list)
    unit: str | None = None
    generated_on: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "title": self.title,
            "unit": self.unit,
            "generated_on": self.generated_on,
            "sources": [s.to_dict() for s in self.sources],
            "rows": [r.to_dict() for r in self.rows],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Ledger:
        if data.get("schema") != SCHEMA_ID:
            from docproc.errors import InputError

            raise InputError(f"not a {SCHEMA_ID} record (schema is {data.get('schema')!r})")
        return cls(
            title=data["title"],
            unit=data.get("unit"),
            generated_on=data.get("generated_on"),
            sources=[LedgerSource.from_dict(s) for s in data.get("sources", [])],
            rows=[LedgerRow.from_dict(r) for r in data.get("rows", [])],
        )
