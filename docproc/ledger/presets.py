"""Ledger presets: the column sets offices keep their ledgers in, read from ``templates/presets/``.

| preset | for | columns |
|---|---|---|
| ``campaign`` | 专项整治/专项行动 | 序号 所属类别 整改任务/问题 整改措施 责任单位 责任人 整改时限 完成情况 状态 销号情况 备注 来源 |
| ``inspection`` | 巡视/巡察/审计整改 | 序号 问题来源 方面 内容 具体问题 整改措施 责任领导 责任部门 责任人 整改时限 完成时间 整改进展 状态 销号时间 验收人 备注 |
| ``hazard`` | 安全隐患排查 | 序号 被检查单位 检查日期 存在隐患 整改措施 整改时限 责任人 整改到位时间 状态 销号时间 备注 来源 |

A preset is data: every format (XLSX, DOCX, HTML, PDF, Markdown, CSV) lays its rows out by the
preset's columns, and reading a filled-in XLSX back finds each column by its header (or an alias)
in any preset. Columns marked ``merge`` form a hierarchy (问题来源 → 方面 → 内容): a cell is merged
with the cells below it while they hold the same value under the same parents and source.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docproc.errors import UsageError
from docproc.model.ledger import DEFAULT_PRESET, LedgerRow, SourceRef
from docproc.resources import templates_dir

_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
PRESET_NAMES: tuple[str, ...] = ("campaign", "inspection", "hazard")
# Fields a column may show beyond the row's own: the readable source and the hidden source key.
DERIVED_FIELDS: frozenset[str] = frozenset({"source", "source_key"})


@dataclass(frozen=True)
class PresetColumn:
    field: str
    header: str
    width: float
    align: str = "left"
    hidden: bool = False
    optional: bool = False
    merge: bool = False
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """What a template sees as ``columns[i]``."""
        return {"field": self.field, "header": self.header, "width": self.width, "align": self.align,
                "optional": self.optional, "merge": self.merge}


@dataclass(frozen=True)
class Preset:
    name: str
    label: str
    docx: str
    columns: tuple[PresetColumn, ...]
    hierarchy: tuple[str, ...] = ()

    def levels(self, headings: Sequence[str], section: str | None) -> dict[str, str | None]:
        """The hierarchy fields of a row under ``headings`` (outermost first) in ``section``: one field
        takes the nearest heading (所属类别); several take them top-down (方面, 内容 …), the last one
        joining any deeper headings with ／, and the section stands in when there is no heading."""
        if not self.hierarchy:
            return {}
        if len(self.hierarchy) == 1:
            return {self.hierarchy[0]: headings[-1] if headings else None}
        found = list(headings) or ([section] if section else [])
        out: dict[str, str | None] = {}
        for depth, name in enumerate(self.hierarchy):
            last = depth == len(self.hierarchy) - 1
            part = found[depth:] if last else found[depth : depth + 1]
            out[name] = "／".join(part) or None
        return out

    @property
    def visible(self) -> tuple[PresetColumn, ...]:
        return tuple(c for c in self.columns if not c.hidden)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)

    def column_of(self, field: str) -> int:
        """1-based position of ``field`` among all columns (hidden ones included)."""
        for index, column in enumerate(self.columns, start=1):
            if column.field == field:
                return index
        raise KeyError(field)

    def shows(self, field: str) -> bool:
        return any(c.field == field and not c.hidden for c in self.columns)

    def header_of(self, field: str) -> str:
        return self.columns[self.column_of(field) - 1].header


def _column(data: dict[str, Any]) -> PresetColumn:
    return PresetColumn(
        field=data["field"], header=data["header"], width=float(data["width"]),
        align=data.get("align", "left"), hidden=bool(data.get("hidden", False)),
        optional=bool(data.get("optional", False)), merge=bool(data.get("merge", False)),
        aliases=tuple(data.get("aliases", ())),
    )


@lru_cache(maxsize=8)
def _load(name: str, folder: str) -> Preset:
    path = templates_dir() / "presets" / f"{name}.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return Preset(name=data["name"], label=data["label"], docx=data["docx"],
                  columns=tuple(_column(c) for c in data["columns"]), hierarchy=tuple(data.get("hierarchy", ())))


def get_preset(name: str | None = None) -> Preset:
    """The preset called ``name`` (default ``campaign``); an unknown name is a usage error."""
    name = name or DEFAULT_PRESET
    if name not in PRESET_NAMES:
        raise UsageError(f"unknown ledger preset {name!r}; use one of {', '.join(PRESET_NAMES)}")
    return _load(name, str(templates_dir()))


def all_presets() -> list[Preset]:
    return [get_preset(name) for name in PRESET_NAMES]


def _squeeze(header: str) -> str:
    return "".join(header.split())


def field_of_header(header: str) -> str | None:
    """The row field a column header stands for, in any preset (序号 → no, 方面 → aspect, 存在的安全隐患
    → item …); a header no preset knows gives None (a clerk's own column)."""
    text = _squeeze(header)
    for preset in all_presets():
        for column in preset.columns:
            if text == column.header or text in column.aliases:
                return column.field
    return None


def preset_of_fields(fields: Iterable[str]) -> str:
    """The preset whose columns best match the fields found in a sheet's header (for workbooks
    without docproc's hidden sheet)."""
    found = set(fields)

    def score(preset: Preset) -> tuple[int, int]:
        own = set(preset.fields)
        return (len(own & found), -len(own - found))

    return max(all_presets(), key=score).name


def source_key_text(row: LedgerRow) -> str:
    """The hidden 来源编码 cell: the row's source reference (and its other sources) as JSON."""
    data: dict[str, Any] = row.source_ref.to_dict()
    if row.also_from:
        data["also"] = [s.to_dict() for s in row.also_from]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def parse_source_key(text: str) -> tuple[SourceRef, list[SourceRef]]:
    """Inverse of :func:`source_key_text` (raises ValueError/TypeError/AttributeError when damaged)."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    return SourceRef.from_dict(data), [SourceRef.from_dict(s) for s in data.get("also") or []]


def cell_values(row: LedgerRow) -> dict[str, Any]:
    """The value of every field a column may show, for one row (``source``: the 来源 label)."""
    return row.to_dict() | {"source": row.source_label(), "source_key": source_key_text(row)}


def merge_spans(rows: Sequence[LedgerRow], preset: Preset) -> list[dict[str, int]]:
    """For each row, the rowspan of each merged column's cell: n ≥ 1 where a merged cell starts, 0 where
    the cell is covered by the one above. A run continues while the value, the values of the merged
    columns to its left and the row's source document stay the same; empty cells are never merged."""
    merged = [c.field for c in preset.columns if c.merge]
    spans: list[dict[str, int]] = [dict.fromkeys(merged, 1) for _ in rows]
    for depth, field in enumerate(merged):
        start = 0
        for index in range(1, len(rows) + 1):
            if index < len(rows) and _same_run(rows[start], rows[index], merged[: depth + 1]):
                continue
            spans[start][field] = index - start
            for covered in range(start + 1, index):
                spans[covered][field] = 0
            start = index
    return spans


def _same_run(first: LedgerRow, other: LedgerRow, fields: Sequence[str]) -> bool:
    values = [getattr(first, f) for f in fields]
    if values[-1] in (None, ""):
        return False
    return values == [getattr(other, f) for f in fields] and first.source_ref.key()[0] == other.source_ref.key()[0]


def iso_date_of(text: str) -> str | None:
    """A date written in a cell (2021-11-01, 2021/11/1, 2021年11月1日) as ISO, else None."""
    match = _DATE_TEXT.match(text)
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None
