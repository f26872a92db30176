"""The Ledger record (``docproc.ledger/1``): a rectification ledger (整改台账).

One :class:`LedgerRow` per task of a notice or problem of a self-check form, with a reference back
to where it came from (:class:`SourceRef`: 文号, task number, page, file); a task that two inputs
carry (a notice and the notice forwarding it) is one row whose other sources are in ``also_from``.
``to_dict`` gives the JSON of ``docproc/schemas/ledger.schema.json``. Beyond the columns of the
contract (序号 … 备注) a row holds what the presets of ``docproc.ledger.presets`` show: the problem
hierarchy (``aspect`` 方面 → ``category`` 内容/所属类别 → ``item``), 责任领导 (``leader``), 问题来源,
完成时间, 验收人, 被检查单位 and 检查日期; ``Ledger.preset`` names the column set it was made for.
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


# Optional text fields of a row, in the order of the record (``no``, ``item``, ``status`` and the
# source references are handled apart).
TEXT_FIELDS: tuple[str, ...] = (
    "problem_source", "aspect", "category", "measures", "leader", "owner_unit", "owner_person",
    "inspected_unit", "inspected_on", "deadline", "progress", "completed_on", "closed_on",
    "accepted_by", "note",
)
# Fields holding an ISO date (YYYY-MM-DD).
DATE_FIELDS: frozenset[str] = frozenset({"deadline", "completed_on", "closed_on", "inspected_on"})


@dataclass
class LedgerRow:
    """One line of the ledger: 序号, 整改任务/问题, 整改措施, 责任单位, 责任人, 整改时限, 状态 …

    ``aspect`` (方面) and ``category`` (内容, 所属类别) are the headings above the item; ``leader`` is
    责任领导, ``owner_unit``/``owner_person`` 责任单位/责任人; ``completed_on`` the day the work was
    done (完成时间, 整改到位时间), ``closed_on`` the day the row was closed (销号); ``also_from`` the
    other inputs that carry the same task.
    """

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
    aspect: str | None = None
    leader: str | None = None
    problem_source: str | None = None
    completed_on: str | None = None
    accepted_by: str | None = None
    inspected_unit: str | None = None
    inspected_on: str | None = None
    also_from: list[SourceRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "no": self.no,
            "problem_source": self.problem_source,
            "aspect": self.aspect,
            "category": self.category,
            "item": self.item,
            "measures": self.measures,
            "leader": self.leader,
            "owner_unit": self.owner_unit,
            "owner_person": self.owner_person,
            "inspected_unit": self.inspected_unit,
            "inspected_on": self.inspected_on,
            "deadline": self.deadline,
            "status": self.status,
            "progress": self.progress,
            "completed_on": self.completed_on,
            "closed_on": self.closed_on,
            "accepted_by": self.accepted_by,
            "note": self.note,
            "source_ref": self.source_ref.to_dict(),
            "also_from": [s.to_dict() for s in self.also_from],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LedgerRow:
        return cls(
            no=int(data["no"]),
            item=data["item"],
            status=data.get("status", DEFAULT_STATUS),
            source_ref=SourceRef.from_dict(data.get("source_ref") or {}),
            also_from=[SourceRef.from_dict(s) for s in data.get("also_from") or []],
            **{name: data.get(name) for name in TEXT_FIELDS},
        )

    def source_refs(self) -> list[SourceRef]:
        """Every input the row came from, the first one first."""
        return [self.source_ref, *self.also_from]

    def source_label(self) -> str:
        """The 来源 cell: each source's label, joined by ``；``."""
        return "；".join(label for label in (s.label() for s in self.source_refs()) if label)


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


DEFAULT_PRESET = "campaign"


@dataclass
class Ledger:
    """The whole ledger: header (标题, 填报单位, 填报日期), its sources and its rows; ``preset`` is the
    column set it is laid out in (campaign, inspection, hazard)."""

    title: str
    sources: list[LedgerSource] = field(default_factory=list)
    rows: list[LedgerRow] = field(default_factory=list)
    unit: str | None = None
    generated_on: str | None = None
    preset: str = DEFAULT_PRESET

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "title": self.title,
            "preset": self.preset,
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
            preset=data.get("preset") or DEFAULT_PRESET,
            sources=[LedgerSource.from_dict(s) for s in data.get("sources", [])],
            rows=[LedgerRow.from_dict(r) for r in data.get("rows", [])],
        )
