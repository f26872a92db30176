"""Reviewing a notice: which fields a person may correct, how a save becomes per-field corrections,
how corrections survive a new extraction, and which values to look at first.

The record is read generically: fields the desk does not edit (``source``, ``evidence``,
``warnings``, and any the extractor adds later, such as ``page_metadata``) pass through a save
unchanged. A save is validated against ``docproc.notice/1`` before anything is stored.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docproc.errors import InputError
from docproc.web.store import Correction

# Fields a reviewer edits. Tables list their columns; list fields are lists of strings.
SCALAR_FIELDS: dict[str, str] = {
    "title": "标题", "doc_number": "文号", "doc_type": "文种", "issue_date": "成文日期",
    "print_date": "印发日期",
}
LIST_FIELDS: dict[str, str] = {
    "issuers": "发文机关", "recipients": "主送机关", "enclosed_titles": "印发的方案",
    "attachments": "附件",
}
TABLE_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "leaders": ("领导小组", ("group", "role", "name", "position")),
    "phases": ("阶段", ("name", "start", "end")),
    "deadlines": ("时限", ("date", "time", "what", "to", "recurring")),
    "tasks": ("任务", ("section", "number", "title", "text", "owners", "deadline")),
    "contacts": ("联系人", ("name", "org", "phones", "fax", "emails", "other")),
}
EDITABLE_FIELDS: tuple[str, ...] = (*SCALAR_FIELDS, *LIST_FIELDS, *TABLE_FIELDS)
COLUMN_LABELS: dict[str, str] = {
    "group": "小组", "role": "职务", "name": "姓名/名称", "position": "单位职务", "start": "开始",
    "end": "结束", "date": "日期", "time": "时间", "what": "事项", "to": "报送对象",
    "recurring": "周期", "section": "部分", "number": "序号", "title": "标题", "text": "内容",
    "owners": "责任单位", "deadline": "时限", "org": "单位", "phones": "电话", "fax": "传真",
    "emails": "邮箱", "other": "其他",
}
LIST_COLUMNS = frozenset({"owners", "phones", "emails"})  # cells holding a list (one per line)
LOW_CONFIDENCE = 0.9  # values read below this confidence are shown first


@lru_cache(maxsize=1)
def _validator() -> Any:
    from importlib.resources import files

    import jsonschema

    schema = json.loads((files("docproc") / "schemas" / "notice.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def string_columns() -> dict[str, list[str]]:
    """For each table field, the columns the schema types as a plain (non-null) string: an empty
    cell there is saved as ``""``, elsewhere as null."""
    properties = _validator().schema["properties"]
    out: dict[str, list[str]] = {}
    for name, (_, columns) in TABLE_FIELDS.items():
        item = properties[name]["items"].get("properties", {})
        out[name] = [c for c in columns if item.get(c, {}).get("type") == "string"]
    return out


def validate_notice(record: dict[str, Any]) -> None:
    """Raise InputError (one line naming the field) unless ``record`` is a valid docproc.notice/1."""
    from docproc.model.notice import Notice

    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = ".".join(str(p) for p in error.absolute_path) or "record"
        raise InputError(f"{where}: {error.message}")
    try:
        Notice.from_dict(record)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"not a readable notice record: {exc}") from exc


def _doc_number_parts(doc_number: str | None) -> dict[str, Any] | None:
    if not doc_number:
        return None
    from docproc.extract.metadata import extract_metadata

    parts = extract_metadata(doc_number).doc_number_parts
    if parts is None:
        return None
    agency, year, serial = parts
    return {"agency_code": agency, "year": int(year), "serial": int(serial)}


def merge_edit(current: dict[str, Any], submitted: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, Any, Any]]]:
    """The record to store after a save, and the changed fields as (field, previous, value).

    Only :data:`EDITABLE_FIELDS` are taken from ``submitted``; every other field stays as stored.
    """
    record = copy.deepcopy(current)
    changes: list[tuple[str, Any, Any]] = []
    for name in EDITABLE_FIELDS:
        if name not in submitted:
            continue
        value = submitted[name]
        if value != current.get(name):
            changes.append((name, current.get(name), value))
            record[name] = value
    if any(name == "doc_number" for name, _, _ in changes):
        record["doc_number_parts"] = _doc_number_parts(record.get("doc_number"))
    validate_notice(record)
    return record, changes


def apply_corrections(extracted: dict[str, Any], corrections: list[Correction]) -> dict[str, Any]:
    """A new extraction with the latest correction of each corrected field on top: re-running
    extraction never undoes what a person corrected."""
    record = copy.deepcopy(extracted)
    latest: dict[str, Any] = {}
    for correction in corrections:
        latest[correction.field] = correction.value
    for name, value in latest.items():
        record[name] = value
    if "doc_number" in latest:
        record["doc_number_parts"] = _doc_number_parts(record.get("doc_number"))
    return record


@dataclass(frozen=True)
class ReviewItem:
    """One extracted value as the document view lists it: where it is, how sure the reader was."""

    key: str  # "title", "tasks.3", "leaders.0"
    field: str
    label: str
    text: str
    page: int | None
    bbox: list[float] | None
    confidence: float | None
    flagged: bool
    corrected: bool

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "field": self.field, "label": self.label, "text": self.text,
                "page": self.page, "bbox": self.bbox, "confidence": self.confidence,
                "flagged": self.flagged, "corrected": self.corrected}


def _flagged(evidence: dict[str, Any]) -> bool:
    """Low confidence, or flagged for review by the extractor (any truthy ``review``/``flags``)."""
    confidence = evidence.get("confidence")
    if isinstance(confidence, int | float) and confidence < LOW_CONFIDENCE:
        return True
    return bool(evidence.get("review") or evidence.get("flags"))


def value_text(value: Any) -> str:
    """A value as one readable line (lists joined by 、, table rows by their cells)."""
    if isinstance(value, dict):
        parts = [value_text(v) for k, v in value.items() if k != "evidence" and v not in (None, "", [])]
        return " ".join(p for p in parts if p)
    if isinstance(value, list):
        return "、".join(value_text(v) for v in value)
    return "" if value is None else str(value)


def review_items(record: dict[str, Any], corrected_fields: set[str]) -> list[ReviewItem]:
    """Every value with its evidence, flagged ones first (lowest confidence first), then in the
    order of the record."""
    items: list[ReviewItem] = []
    evidence_of = record.get("evidence") or {}
    labels = {**SCALAR_FIELDS, **LIST_FIELDS}
    for name, label in labels.items():
        value = record.get(name)
        evidence = evidence_of.get(name) or {}
        if value in (None, "", []):
            continue
        items.append(ReviewItem(name, name, label, value_text(value), evidence.get("page"), evidence.get("bbox"),
                                evidence.get("confidence"), _flagged(evidence), name in corrected_fields))
    for name, (label, _) in TABLE_FIELDS.items():
        for index, entry in enumerate(record.get(name) or []):
            evidence = entry.get("evidence") or {} if isinstance(entry, dict) else {}
            items.append(ReviewItem(f"{name}.{index}", name, f"{label} {index + 1}", value_text(entry),
                                    evidence.get("page"), evidence.get("bbox"), evidence.get("confidence"),
                                    _flagged(evidence), name in corrected_fields))
    order = {id(item): n for n, item in enumerate(items)}
    return sorted(items, key=lambda i: (not i.flagged, i.confidence if i.flagged and i.confidence is not None
                                        else 1.0, order[id(i)]))
