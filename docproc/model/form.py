"""The Form record (``docproc.form/1``): a self-check form's (自查表) tables and the items read from them.

A form is a ruled table with columns such as 序号, 检查项目, 自查情况, 存在问题, 整改措施, 整改时限, 责任人,
possibly over several pages. :attr:`Form.tables` holds the recovered cells (0-based row/col and spans,
a table continued over pages already joined and its repeated header rows dropped); :attr:`Form.items`
holds one :class:`FormItem` per data row, its fields taken from the columns whose header words mean
them. ``to_dict`` gives exactly the JSON of ``docproc/schemas/form.schema.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docproc.model.document import BBox, Source, Table, bbox_in, bbox_out

SCHEMA_ID = "docproc.form/1"

# The item fields, in the order the schema lists them (序号, 检查项目, 自查情况, 存在问题, 整改措施, 责任, 时限).
ITEM_FIELDS = ("number", "item", "finding", "problem", "measure", "owner", "deadline")



@dataclass
class FormEvidence:
    """Where an item was read: the table (index into :attr:`Form.tables`), its row(s), page and box."""

    table: int
    row: int
    page: int | None = None
    bbox: BBox | None = None
    rowspan: int = 1
    confidence: float | None = None
    rule: str | None = None
    # field name -> the header text of the column the value came from (自查情况, 整改时限 …)
    columns: dict[str, str] = field(default_factory=dict)
    # field name -> the raw cell text when the value was normalised (a deadline read as ISO, a mark)
    raw: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "bbox": bbox_out(self.bbox),
            "table": self.table,
            "row": self.row,
            "rowspan": self.rowspan,
            "confidence": None if self.confidence is None else round(float(self.confidence), 4),
            "rule": self.rule,
            "columns": dict(self.columns),
            "raw": dict(self.raw),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormEvidence:
        return cls(
            table=int(data.get("table", 0)),
            row=int(data.get("row", 0)),
            page=data.get("page"),
            bbox=bbox_in(data.get("bbox")),
            rowspan=int(data.get("rowspan", 1)),
            confidence=data.get("confidence"),
            rule=data.get("rule"),
            columns={str(k): str(v) for k, v in (data.get("columns") or {}).items()},
            raw={str(k): str(v) for k, v in (data.get("raw") or {}).items()},
        )


@dataclass
class FormItem:
    """One data row of a self-check form; a field is None when its column is absent or its cell empty.

    ``finding`` is the 自查情况 column as written, a check mark read as a value (√ → "是", □ → "否").
    ``deadline`` is ISO ``YYYY-MM-DD`` when the 整改时限 cell holds a date, else None (the raw text is
    kept in ``evidence.raw["deadline"]``). ``extra`` keeps cells of columns no field claims, keyed by header.
    """

    number: str | None = None
    item: str | None = None
    finding: str | None = None
    problem: str | None = None
    measure: str | None = None
    owner: str | None = None
    deadline: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    evidence: FormEvidence | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(self, name) for name in ITEM_FIELDS}
        if self.extra:
            out["extra"] = dict(self.extra)
        out["evidence"] = {} if self.evidence is None else self.evidence.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormItem:
        evidence = data.get("evidence") or None
        return cls(
            number=data.get("number"),
            item=data.get("item"),
            finding=data.get("finding"),
            problem=data.get("problem"),
            measure=data.get("measure"),
            owner=data.get("owner"),
            deadline=data.get("deadline"),
            extra={str(k): str(v) for k, v in (data.get("extra") or {}).items()},
            evidence=None if evidence is None else FormEvidence.from_dict(evidence),
        )


@dataclass
class Form:
    """A self-check form: its source file, title, tables (cells) and the items read from them."""

    source: Source
    title: str | None = None
    tables: list[Table] = field(default_factory=list)
    items: list[FormItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "source": self.source.to_dict(),
            "title": self.title,
            "tables": [t.to_dict() for t in self.tables],
            "items": [i.to_dict() for i in self.items],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Form:
        if data.get("schema") != SCHEMA_ID:
            from docproc.errors import InputError

            raise InputError(f"not a {SCHEMA_ID} record (schema is {data.get('schema')!r})")
        return cls(
            source=Source.from_dict(data["source"]),
            title=data.get("title"),
            tables=[Table.from_dict(t) for t in data.get("tables", [])],
            items=[FormItem.from_dict(i) for i in data.get("items", [])],
            warnings=list(data.get("warnings", [])),
        )
