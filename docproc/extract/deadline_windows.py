"""The hour a deadline closes at (``下午5点前``, ``17:30``) and the close of an application window
(``报名时间自…起至2023年5月25日下午17:30截止``): read by :mod:`docproc.extract.deadlines`."""

from __future__ import annotations

import re

from docproc.extract.deadline_cues import DeadlineCues

TIME_OF_DAY = re.compile(r"(?P<noon>上午|下午|晚上)?(?P<hour>\d{1,2})(?:[点时:：](?P<minute>\d{2}|半)?)")
HOUR_AFTER = re.compile(r"\s*" + TIME_OF_DAY.pattern)  # the hour printed right after a date (…6月30日 17:00)


def clock_time(found: re.Match[str]) -> str:
    hour = int(found.group("hour"))
    if found.group("noon") in ("下午", "晚上") and hour < 12:
        hour += 12
    minute = found.group("minute")
    return f"{hour:02d}:{30 if minute == '半' else int(minute or 0):02d}"


def closing_window(text: str, start: int, end: int, sentence_start: int,
                   cues: DeadlineCues) -> tuple[str, re.Match[str] | None] | None:
    """(act, clock) when the date closes an application window (``报名时间自…起至2023年5月25日下午17:30截止``,
    ``2022年9月12日17:30申报截止``): the act printed before 截止 or labelling the window; else None (a
    campaign's period ``工作自…起至…止`` is no deadline)."""
    closes = cues.window_closes.match(text, end)
    if closes is None:
        return None
    label = cues.window_label.search(text, sentence_start, start)
    act = closes.group("act") or (label.group("act") if label else None)
    if act is None:
        return None
    clock = TIME_OF_DAY.search(closes.group("clock") or "") if closes.group("clock") else None
    return act, clock
