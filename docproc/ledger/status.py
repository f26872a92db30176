"""Tracking a filled-in ledger on a given day: which rows are overdue or due soon, and how far each
unit and the whole ledger have come — one typed :class:`StatusReport` that the CLI, the status
report files (``docproc.ledger.status_report``) and the web desk all read.

    >>> report = ledger_status(read_ledger_xlsx("台账.xlsx"), dt.date(2021, 11, 1))
    >>> report.by_status            # {"未开始": 9, "整改中": 1, "已完成": 1, "已销号": 0}
    >>> report.by_unit[0]           # UnitProgress(unit="市司法局", counts={...}, overdue=1)

Every count adds up to the ledger's rows: ``sum(by_status.values()) == total`` and so do the units'
totals. A row belongs to its lead unit — the first of its 责任单位 (``县司法局、县法院`` → 县司法局),
in a hazard ledger its 被检查单位 — or to ``未定责任单位``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from docproc.model.ledger import FINISHED_STATUSES, STATUSES, Ledger, LedgerRow

NO_UNIT = "未定责任单位"
_UNIT_SEPARATORS = "、，,；;"


def lead_unit(row: LedgerRow) -> str:
    """The unit a row is counted under: the first of its 责任单位, else its 被检查单位, else NO_UNIT."""
    for text in (row.owner_unit, row.inspected_unit):
        if text and text.strip():
            first = text.strip()
            for separator in _UNIT_SEPARATORS:
                first = first.split(separator, 1)[0]
            return first.strip() or NO_UNIT
    return NO_UNIT


def days_left(row: LedgerRow, on: str) -> int | None:
    """Days from ``on`` to the row's deadline (negative: overdue), None without a deadline."""
    if not row.deadline:
        return None
    return (dt.date.fromisoformat(row.deadline) - dt.date.fromisoformat(on)).days


@dataclass
class UnitProgress:
    """One unit's rows: how many are in each status, how many are open past their deadline."""

    unit: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    overdue: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def finished(self) -> int:
        return sum(n for status, n in self.counts.items() if status in FINISHED_STATUSES)

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "counts": dict(self.counts), "total": self.total,
                "finished": self.finished, "overdue": self.overdue}


@dataclass
class StatusReport:
    """The ledger on day ``on``: its open rows overdue, due within ``soon_days`` (inclusive) or without
    a deadline; how many rows are finished (已完成/已销号) or open with a later deadline; the rows by
    status and by unit (units with most rows first)."""

    on: str
    soon_days: int
    title: str = ""
    preset: str = "campaign"
    total: int = 0
    overdue: list[LedgerRow] = field(default_factory=list)
    due_soon: list[LedgerRow] = field(default_factory=list)
    no_deadline: list[LedgerRow] = field(default_factory=list)
    finished: int = 0
    open_later: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    by_unit: list[UnitProgress] = field(default_factory=list)

    def brief(self, row: LedgerRow) -> dict[str, Any]:
        """One row as the report lists it."""
        return {"no": row.no, "item": row.item, "owner_unit": row.owner_unit, "owner_person": row.owner_person,
                "leader": row.leader, "unit": lead_unit(row), "deadline": row.deadline, "status": row.status,
                "days_left": days_left(row, self.on)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "soon_days": self.soon_days,
            "title": self.title,
            "preset": self.preset,
            "total": self.total,
            "overdue": [self.brief(r) for r in self.overdue],
            "due_soon": [self.brief(r) for r in self.due_soon],
            "no_deadline": [self.brief(r) for r in self.no_deadline],
            "finished": self.finished,
            "open_later": self.open_later,
            "by_status": dict(self.by_status),
            "by_unit": [u.to_dict() for u in self.by_unit],
        }

    def summary(self) -> str:
        return (f"{self.on}：逾期 {len(self.overdue)} 项，{self.soon_days} 天内到期 {len(self.due_soon)} 项，"
                f"未定时限 {len(self.no_deadline)} 项，已完成/已销号 {self.finished} 项")

    def to_text(self) -> str:
        lines = [self.summary()]
        for label, rows in (("逾期", self.overdue), ("即将到期", self.due_soon), ("未定时限", self.no_deadline)):
            for row in rows:
                days = days_left(row, self.on)
                when = "" if days is None else (f"（逾期{-days}天）" if days < 0 else f"（还有{days}天）")
                owner = row.owner_unit or row.owner_person or row.inspected_unit or NO_UNIT
                lines.append(f"  [{label}] {row.no}. {row.item} — {owner} — {row.deadline or '无时限'}{when} — {row.status}")
        return "\n".join(lines)


def ledger_status(ledger: Ledger, on: dt.date, soon_days: int = 7) -> StatusReport:
    """Sort the open rows (not 已完成/已销号): past their deadline on ``on``, due within ``soon_days``
    days (inclusive), or without a deadline; count every row by status and by unit."""
    report = StatusReport(on=on.isoformat(), soon_days=soon_days, title=ledger.title, preset=ledger.preset,
                          total=len(ledger.rows))
    units: dict[str, UnitProgress] = {}
    for row in ledger.rows:
        report.by_status[row.status] = report.by_status.get(row.status, 0) + 1
        unit = units.setdefault(lead_unit(row), UnitProgress(lead_unit(row)))
        unit.counts[row.status] = unit.counts.get(row.status, 0) + 1
        if row.status in FINISHED_STATUSES:
            report.finished += 1
            continue
        days = days_left(row, report.on)
        if days is None:
            report.no_deadline.append(row)
        elif days < 0:
            report.overdue.append(row)
            unit.overdue += 1
        elif days <= soon_days:
            report.due_soon.append(row)
        else:
            report.open_later += 1
    report.overdue.sort(key=lambda r: (r.deadline or "", r.no))
    report.due_soon.sort(key=lambda r: (r.deadline or "", r.no))
    report.by_unit = sorted(units.values(), key=lambda u: (-u.total, u.unit == NO_UNIT, u.unit))
    return report
