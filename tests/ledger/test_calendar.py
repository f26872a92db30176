"""`ledger calendar`: the .ics parses with icalendar, one VEVENT per dated row with two alarms, and a
second export after `ledger update` keeps every task's UID."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import openpyxl
from click.testing import CliRunner

from docproc.cli import main
from docproc.ledger import build_ledger, read_ledger_xlsx, write_ledger
from docproc.ledger.ical import calendar_bytes, row_uid
from docproc.model.ledger import LedgerRow
from tests.conftest import FIXTURES_DIR
from tests.ledger.conftest import gold_notice

SEED000 = FIXTURES_DIR / "gold" / "seed-000.notice.json"
DEQING = FIXTURES_DIR / "gold" / "owners-deadlines-deqing.notice.json"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_one_event_per_dated_row_with_alarms_and_uids_kept_after_update(tmp_path: Path) -> None:
    ledger_file = tmp_path / "台账.xlsx"
    assert run("ledger", str(SEED000), "-o", str(ledger_file), "--date", "2021-10-08")[0] == 0
    workbook = openpyxl.load_workbook(ledger_file)
    ws = workbook["整改台账"]
    ws["I4"] = "已完成"  # row 1 done
    ws["G5"] = None  # row 2: the clerk cleared its deadline
    workbook.save(ledger_file)

    first = tmp_path / "deadlines.ics"
    code, err = run("ledger", "calendar", str(ledger_file), "-o", str(first))
    assert code == 0, err
    assert f"{first}: 10 event(s) from 11 row(s)" in err
    calendar = icalendar.Calendar.from_ical(first.read_bytes())
    assert (str(calendar["prodid"]), str(calendar["x-wr-calname"])) == ("-//docproc//整改台账//ZH", "沈阳市助企护企执法监督专项行动整改台账")
    before = events(first)
    ledger = read_ledger_xlsx(ledger_file)
    dated = [r for r in ledger.rows if r.deadline]
    assert len(before) == len(dated) == 10
    assert [str(e["summary"]) for e in before] == [r.item for r in dated]
    assert [e.decoded("dtstart") for e in before] == [dt.date.fromisoformat(str(r.deadline)) for r in dated]
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in before)
    done, open_row = before[0], before[1]
    assert (str(done["status"]), done.walk("VALARM")) == ("CANCELLED", [])
    assert str(open_row["status"]) == "CONFIRMED"
    assert [a.decoded("trigger") for a in open_row.walk("VALARM")] == [-dt.timedelta(days=6, hours=15), -dt.timedelta(hours=15)]
    assert [str(a["action"]) for a in open_row.walk("VALARM")] == ["DISPLAY", "DISPLAY"]
    description = str(open_row["description"])
    assert description.startswith("整改措施：结合新修订的《中华人民共和国行政处罚法》")  # row 3: row 2 has no deadline now
    assert "\n状态：未开始\n来源：沈法治发〔2021〕7号 （二）5\n" in description
    uids = [str(e["uid"]) for e in before]
    assert len(set(uids)) == 10

    assert run("ledger", "update", str(ledger_file), str(DEQING))[0] == 0
    second = tmp_path / "deadlines-2.ics"
    assert run("ledger", "calendar", str(ledger_file), "-o", str(second))[0] == 0
    after = events(second)
    assert len(after) == 14  # the four deqing tasks, each with its own 完成时限
    assert [str(e["uid"]) for e in after[:10]] == uids
    assert len({str(e["uid"]) for e in after}) == 14


def test_uids_follow_the_task_not_the_row_number() -> None:
    ledger = build_ledger([gold_notice("owners-deadlines-deqing")], date="2023-03-20")
    uids = [row_uid(r) for r in ledger.rows]
    ledger.rows.reverse()
    for number, row in enumerate(ledger.rows, start=1):
        row.no = number
    assert [row_uid(r) for r in reversed(ledger.rows)] == uids
    # a row a clerk added (no source) is known by its number and text
    clerk = LedgerRow(no=5, item="补充整改事项", deadline="2023-12-01")
    assert row_uid(clerk) == row_uid(LedgerRow(no=5, item="补充整改事项", deadline="2024-01-01")) != row_uid(
        LedgerRow(no=6, item="补充整改事项"))


def test_the_same_ledger_gives_the_same_file() -> None:
    ledger = build_ledger([gold_notice("owners-deadlines-deqing")], date="2023-03-20")
    stamp = dt.datetime(2023, 3, 20, 8, 0, tzinfo=dt.UTC)
    assert calendar_bytes(ledger, stamp) == calendar_bytes(ledger, stamp)
    assert b"DTSTAMP:20230320T080000Z" in calendar_bytes(ledger, stamp)


def test_calendar_wants_an_ics_output_and_never_overwrites_its_input(tmp_path: Path) -> None:
    ledger_file = write_ledger(build_ledger([gold_notice("owners-deadlines-deqing")]), tmp_path / "台账.xlsx")
    code, err = run("ledger", "calendar", str(ledger_file), "-o", str(tmp_path / "d.txt"))
    assert code == 1 and "a calendar is an .ics file" in err
    code, err = run("ledger", "calendar", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path / "d.ics"))
    assert code == 2 and not (tmp_path / "d.ics").exists()
