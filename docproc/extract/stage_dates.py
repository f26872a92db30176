"""The dates a stage heading prints and how (``range``, ``month``, ``point``, ``end``, ``open``), and the start and end
they give a stage. Used by :mod:`docproc.extract.schedule`."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from docproc.extract.dates import DatePoint, DateRange, day_before_part, find_date_ranges

_OPEN_ENDED = re.compile(r"\s*份?(?:起|开始|以后|以来|后(?![续期])|(?:并|后)?(?:长期|持续)(?:坚持|开展|推进))")  # …10月底并长期坚持: from then on
_END_ONLY = re.compile(r"^[）)]?\s*(?:前|之前|以前)")
_UNTIL = re.compile(r"(?:截止|截至|截止到|至|到)\s*$")
_RANGE_LINK = re.compile(r"\s*(?:至|到|[-—－~～])\s*")
# 12月1日至2018年春节前, 5月1日至结束, 2月15日—全国“两会”结束: a stage that runs until an event, not a date (open-ended)
UNTIL_EVENT = re.compile(r"\s*(?:至|到|[-—－~～]{1,2})\s*[^，,。；;）)\s]")


# 试点阶段（2021年）, 第一阶段（2018年)：排查整治阶段: whole years in brackets, ending the heading or its label
_YEARS_ONLY = re.compile(r"[（(]\s*(\d{4})\s*年\s*(?:[—至到\-－~～]+\s*(\d{4})\s*年)?\s*[）)]\s*(?:$|(?=[：:]))")


# a year printed with an event a stage's dates run from or to (（2021年全国“两会”结束至3月底）), no date of its own
_EVENT_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?=[^\d，,。；;）)]{2,16}(?:结束|开始|召开|期间|后|前)?\s*(?:至|到|[-—－~～])\s*$)")


def heading_dates(heading: str) -> tuple[DateRange, str] | None:
    """The date (range) a stage heading carries and how: ``range``, ``month``, ``point`` (a day or
    a part of a month), ``end`` (…前, 截止…) or ``open`` (…起)."""
    ranges = find_date_ranges(heading)
    if not ranges:
        years = _YEARS_ONLY.search(heading)
        if years is None:
            return None
        first_year, last_year = int(years.group(1)), int(years.group(2) or years.group(1))
        whole = DateRange(DatePoint(first_year, 0, 1, 1, None), DatePoint(last_year, 0, 12, 31, None),
                          years.span())  # 试点阶段（2021年）, 推广阶段（2022年—2023年）: whole years
        return whole, "range"
    first = ranges[0]
    if first.end is None and len(ranges) > 1 and _RANGE_LINK.fullmatch(heading[first.span[1] : ranges[1].span[0]]):
        # 9月1日至年底: the second date (a part of a year) closes the range
        first = DateRange(first.start, ranges[1].start, (first.span[0], ranges[1].span[1]))
    after = heading[first.span[1] :]
    before = heading[: first.span[0]]
    event_year = _EVENT_YEAR.search(before)
    if event_year is not None and first.start.year is None:  # 2021年全国“两会”结束至3月底: the event's year dates the end
        year = int(event_year.group(1))
        first = replace(first, start=replace(first.start, year=year),
                        end=replace(first.end, year=year) if first.end is not None and first.end.year is None else first.end)
    if first.end is not None:
        return first, "range"
    if _END_ONLY.match(after) and first.start.day is None and first.start.part in ("上旬", "中旬", "下旬", None) \
            and first.start.month is not None:
        # （6月中旬前）: ends on the 10th; （2020年6月前）: on the last day of May
        return DateRange(day_before_part(first.start), None, first.span), "end"
    if _END_ONLY.match(after) or _UNTIL.search(before):
        return first, "end"
    if _OPEN_ENDED.match(after) or UNTIL_EVENT.match(after):
        return first, "open"
    if first.start.day is None and first.start.part is None:
        return first, "month"
    return first, "point"


def stage_dates(found: tuple[DateRange, str], year: int | None) -> tuple[date | None, date | None] | None:
    """A stage's start and end from the dates printed for it (``found``: the range and its kind): open
    after a start (``6月起``), closed only by an end (``3月15日前``); None without a year to give them."""
    dates, kind = found
    point_year = dates.start.year or year
    if point_year is None:
        return None
    start, end = dates.resolve(point_year)
    if kind == "open":
        return start, None
    if kind == "end":  # 3月15日前为动员部署阶段: the stage ends then
        return None, dates.start.resolve(point_year, as_end=True)
    return start, end
