"""Tracking a filled-in ledger: which rows are overdue and which fall due soon on a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from docproc.model.ledger import FINISHED_STATUSES, Ledger, LedgerRow


@dataclass
class StatusReport:
    """The open rows of a ledger on day ``on``: overdue, due within ``soon_days``, without deadline."""

    on: str
    soon_days: int
    overdue: list[LedgerRow] = field(default_factory=list)
    due_soon: list[LedgerRow] = field(default_factory=list)
    no_deadline: list[LedgerRow] = field(default_factory=list)
    finished: int = 0
    open_later: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "soon_days": self.soon_days,
            "overdue": [_brief(r, self.on) for r in self.overdue],
            "due_soon": [_brief(r, self.on) for r in self.due_soon],
            "no_deadline": [_brief(r, self.on) for r in self.no_deadline],
            "finished": self.finished,
            "open_later": self.open_later,
        }

    def to_text(self) -> str:
        lines = [f"{self.on}：逾期 {len(self.overdue)} 项，{self.soon_days} 天内到期 {len(self.due_soon)} 项，"
                 f"未定时限 {len(self.no_deadline)} 项，已完成/已销号 {self.finished} 项"]
        for label, rows in (("逾期", self.overdue), ("即将到期", self.due_soon), ("未定时限", self.no_deadline)):
            for row in rows:
                days = _days_left(row, self.on)
                when = "" if days is None else (f"（逾期{-days}天）" if days < 0 else f"（还有{days}天）")
                owner = row.owner_unit or row.owner_person or "未定责任单位"
                lines.append(f"  [{label}] {row.no}. {row.item} — {owner} — {row.deadline or '无时限'}{when} — {row.status}")
        return "\n".join(lines)


def _days_left(row: LedgerRow, on: str) -> int | None:
    if not row.deadline:
        return None
    return (dt.date.fromisoformat(row.deadline) - dt.date.fromisoformat(on)).days


def _brief(row: LedgerRow, on: str) -> dict[str, Any]:
    return {"no": row.no, "item": row.item, "owner_unit": row.owner_unit, "owner_person": row.owner_person,
            "deadline": row.deadline, "status": row.status, "days_left": _days_left(row, on)}


def ledger_status(ledger: Ledger, on: dt.date, soon_days: int = 7) -> StatusReport:
    """Sort the open rows (not 已完成/已销号): past their deadline on ``on``, due within ``soon_days``
    days (inclusive), or without a deadline."""
    report = StatusReport(on=on.isoformat(), soon_days=soon_days)
    for row in ledger.rows:
        if row.status in FINISHED_STATUSES:
            report.finished += 1
            continue
        days = _days_left(row, report.on)
        if days is None:
            report.no_deadline.append(row)
        elif days < 0:
            report.overdue.append(row)
        elif days <= soon_days:
            report.due_soon.append(row)
        else:
            report.open_later += 1
    report.overdue.sort(key=lambda r: (r.deadline or "", r.no))
    report.due_soon.sort(key=lambda r: (r.deadline or "", r.no))
    return report
