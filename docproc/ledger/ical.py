"""A ledger's deadlines as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

One all-day VEVENT per row with a 整改时限: SUMMARY the task, DESCRIPTION its measures, 责任领导,
责任单位/责任人, status and source; two VALARMs at 09:00 seven days and one day before. A row already
已完成/已销号 keeps its event, marked CANCELLED and without alarms, so a calendar that imported the
earlier export drops the reminder instead of keeping a stale one.

Each event's UID comes from the row's source — the notice (文号, else title, else file) and task
number that the ledger's hidden 来源编码 column keeps — so exporting again after ``ledger update``,
after clerks re-sorted or renumbered rows, or from the JSON record gives every task the same UID and a
calendar updates its events instead of duplicating them. A row a clerk added by hand (no source) is
known by its 序号 and text.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from docproc.errors import MissingDependencyError
from docproc.model.ledger import FINISHED_STATUSES, Ledger, LedgerRow

# Fixed namespace of docproc's ledger event UIDs (uuid5 of the source key).
UID_NAMESPACE = uuid.UUID("6f1d9a52-2b8e-5c37-9d41-7a0e3c5b8f26")
UID_DOMAIN = "docproc"
ALARM_DAYS: tuple[int, ...] = (7, 1)
ALARM_HOUR = 9  # reminders at 09:00 of the day, not at midnight
PRODID = "-//docproc//整改台账//ZH"


def row_uid(row: LedgerRow) -> str:
    """The event UID of a row: stable for the same task across exports."""
    ref = row.source_ref
    if ref.task is not None:
        key: list[Any] = ["task", *ref.key()]
    else:
        key = ["row", ref.doc_number or ref.title or ref.file or "", row.no, row.item]
    return f"{uuid.uuid5(UID_NAMESPACE, json.dumps(key, ensure_ascii=False))}@{UID_DOMAIN}"


def _description(row: LedgerRow) -> str:
    lines = [
        ("整改措施", row.measures),
        ("责任领导", row.leader),
        ("责任单位", row.owner_unit or row.inspected_unit),
        ("责任人", row.owner_person),
        ("状态", row.status),
        ("完成情况", row.progress),
        ("来源", row.source_label()),
        ("备注", row.note),
    ]
    return "\n".join(f"{label}：{value}" for label, value in lines if value)


def _icalendar() -> Any:
    try:
        import icalendar
    except ImportError as exc:
        raise MissingDependencyError(f"calendars need the icalendar package: pip install icalendar ({exc})") from exc
    return icalendar


def ledger_calendar(ledger: Ledger, stamp: dt.datetime | None = None) -> Any:
    """The ``icalendar.Calendar`` of the ledger's dated rows (``stamp``: DTSTAMP, default now, UTC)."""
    ical = _icalendar()
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = ical.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", ledger.title)
    seen: set[str] = set()
    for row in ledger.rows:
        if not row.deadline:
            continue
        uid = first = row_uid(row)
        copies = 1
        while uid in seen:  # the same task twice in one ledger: keep both events apart
            copies += 1
            uid = first.replace("@", f"-{copies}@")
        seen.add(uid)
        calendar.add_component(_event(ical, row, uid, stamp))
    return calendar


def _event(ical: Any, row: LedgerRow, uid: str, stamp: dt.datetime) -> Any:
    day = dt.date.fromisoformat(str(row.deadline))
    finished = row.status in FINISHED_STATUSES
    event = ical.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", row.item)
    event.add("description", _description(row))
    event.add("status", "CANCELLED" if finished else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    if not finished:
        for days in ALARM_DAYS:
            alarm = ical.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"整改时限还有{days}天：{row.item}")
            alarm.add("trigger", -dt.timedelta(days=days) + dt.timedelta(hours=ALARM_HOUR))
            event.add_component(alarm)
    return event


def calendar_bytes(ledger: Ledger, stamp: dt.datetime | None = None) -> bytes:
    """The ``.ics`` file of the ledger's deadlines."""
    data: bytes = ledger_calendar(ledger, stamp).to_ical()
    return data
