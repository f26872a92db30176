"""Dates of official documents: Arabic and Chinese numerals, 〇/○, 上旬/中旬/下旬, 月初/月底/末,
ranges (``9月22日至9月30日``, ``12末至明年1月底``) and years resolved from the document itself."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇○零Ｏ一二两三四五六七八九十"
_PART = r"上、中旬|中、下旬|上中旬|中下旬|上旬|中旬|下旬|月初|初|月底|月末|底|末|中"
RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1, "翌年": 1, "来年": 1, "去年": -1}
_RELATIVE = "|".join(RELATIVE_YEARS)

RANGE_SEPARATOR = r"\s*(?:(?:起\s*)?(?:至|到)|—|－|-|~|～|－－|——|一(?=\s*\d))\s*"  # 6月一7月: OCR read the dash as 一
# One date: [year年] [relative year] month 月 [day 日/号 | part], or a bare "12末"/"12底"; a day right before
# 前 or before a range's second day may lack its 日 (于9月20前, 7月16-9月30日).
_DATE = (
    rf"(?:(?P<{{p}}y>(?:19|20)\d\d)年)?(?P<{{p}}r>{_RELATIVE})?"
    rf"(?:(?P<{{p}}m>1[0-2]|0?[1-9])(?:月(?:(?P<{{p}}d>3[01]|[12]\d|0?[1-9])(?:[日号]|(?=之?前)|(?={RANGE_SEPARATOR}(?:(?:1[0-2]|0?[1-9])月)?\d{{{{1,2}}}}[日号]))"
    rf"|(?P<{{p}}part>{_PART}))?|(?P<{{p}}bare>[底末])))"
)
_DAY_ONLY = r"(?P<{p}dd>3[01]|[12]\d|0?[1-9])[日号]"
# a date in brackets closing a heading (（2018年4-9月）, (3月底前), （长期）): a task's or stage's own
# time, left out of its title — not a remark that merely holds a number (（见附件1，…）)
TRAILING_DATE_PAREN = re.compile(
    r"[（(][^（）()]*(?:\d\s*[年月日号]|[一二三四五六七八九十]月|长期|持续|年底|月底|[上中下]旬)[^（）()]*[）)]\s*$"
)
DATE_RANGE = re.compile(
    _DATE.format(p="a") + rf"(?:{RANGE_SEPARATOR}(?:" + _DATE.format(p="b") + "|"
    + _DAY_ONLY.format(p="b") + "))?"
)
# ``2026年底``, ``2019年上半年``, ``2024年第三季度``: a year or a part of it, without a month
YEAR_PART = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*|(?<![\d每])(?<!每年)(?P<this>今年|本年度|本年|当年)?)"
    r"(?P<part>(?(y)年?底|年底)|(?(y)年?末|年末)|(?:上半年|下半年|第?[一二三四1-4]季度)(?:末|底)?)"
)
# ``2025年前…``: before that year begins, the last day of the year before (its 前 read by whoever binds it; not
# 2025年前三季度, the first quarters, nor 2020年前后, about then, nor 2012年以前, what was before it)
YEAR_BEFORE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*年(?=\s*之?前(?![一二三四五六七八九十两\d后]))")
# ``2024年第二、三季度``, ``二至三季度``: quarters sharing one 季度 (and one year)
QUARTER_SPAN = re.compile(r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?第?(?P<q1>[一二三四1-4])\s*(?:、|至|到|-|—|－)\s*第?"
                          r"(?P<q2>[一二三四1-4])季度")
_YEAR_PART_MONTHS = {"上半年": (1, 6), "下半年": (7, 12), "一": (1, 3), "二": (4, 6), "三": (7, 9), "四": (10, 12)}
# ``2018年4-9月``, ``3—5月``: two months sharing one 月 (and one year)
MONTH_RANGE = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m1>1[0-2]|0?[1-9])\s*(?:-|—|－|~|～|至|到)\s*(?P<m2>1[0-2]|0?[1-9])月(?:份)?(?!\d)"
)
CHINESE_DATE = re.compile(rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日")
# (2019年6月26月（此件主动公开）: a day misprinted with 月, before a break, is read as the day)
FULL_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*(?:[日号]|月(?=\s|$|[（(，,。；]))")
_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)年(?:1[0-2]|0?[1-9])月")
_ANY_YEAR = re.compile(r"((?:19|20)\d\d)年")
# a reference period reaching back from now (2019年1月以来, 2019年1月至2021年6月): its start is not
# the year the document's year-less dates take
_LOOKS_BACK = re.compile(r"\d{0,2}[日号]?(?:以来|至今|(?:至|到|-|—|－)(?:19|20)\d\d年)")


def chinese_number(text: str) -> int | None:
    """``二十三`` → 23, ``十二`` → 12, ``二〇二一`` → 2021 (digit by digit when there is no 十)."""
    if not text:
        return None
    if "十" not in text:
        digits = [_CN_DIGITS.get(c) for c in text]
        if any(d is None for d in digits):
            return None
        return int("".join(str(d) for d in digits))
    tens, _, units = text.partition("十")
    tens_value = _CN_DIGITS.get(tens) if tens else 1
    units_value = _CN_DIGITS.get(units) if units else 0
    if tens_value is None or units_value is None:
        return None
    return tens_value * 10 + units_value


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def parse_full_date(text: str) -> tuple[date, tuple[int, int]] | None:
    """The first complete date (Arabic or Chinese numerals) in ``text`` with its span."""
    hits: list[tuple[int, date, tuple[int, int]]] = []
    match = FULL_DATE.search(text)
    if match:
        value = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if value:
            hits.append((match.start(), value, match.span()))
    match_cn = CHINESE_DATE.search(text)
    if match_cn:
        parts = [chinese_number(match_cn.group(i)) for i in (1, 2, 3)]
        if all(p is not None for p in parts):
            year, month, day = (int(p) for p in parts if p is not None)
            value = _safe_date(year, month, day)
            if value:
                hits.append((match_cn.start(), value, match_cn.span()))
    if not hits:
        return None
    _, value, span = min(hits)
    return value, span


def all_full_dates(text: str) -> list[tuple[date, tuple[int, int]]]:
    """Every complete date (Arabic or Chinese numerals) in ``text``, in order."""
    out: list[tuple[date, tuple[int, int]]] = []
    for match in FULL_DATE.finditer(text):
        value = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if value:
            out.append((value, match.span()))
    for match in CHINESE_DATE.finditer(text):
        parts = [chinese_number(match.group(i)) for i in (1, 2, 3)]
        if all(p is not None for p in parts):
            year, month, day = (int(p) for p in parts if p is not None)
            value = _safe_date(year, month, day)
            if value:
                out.append((value, match.span()))
    out.sort(key=lambda item: item[1])
    return out


def is_full_date(value: str) -> bool:
    """Whether ``value`` is one complete date and nothing else (``2024年3月1日``, ``二〇二四年三月一日``)."""
    dates = all_full_dates(value)
    return len(dates) == 1 and dates[0][1] == (0, len(value))


PART_FIRST_DAY = {"上旬": 1, "中旬": 11, "下旬": 21}  # the day each part of a month begins


@dataclass(frozen=True)
class DatePoint:
    """A date as printed: any of year / month / day / part (上旬 …) may be missing."""

    year: int | None
    relative: int  # 明年 = +1
    month: int | None
    day: int | None
    part: str | None

    def resolve(self, year: int, as_end: bool) -> date | None:
        if self.month is None:
            return None
        y = (self.year if self.year is not None else year) + self.relative
        month = self.month
        if self.day is not None:  # 6月31日, 11月31日: a month's last day misprinted
            return _safe_date(y, month, min(self.day, last_day(y, month)) if self.day <= 31 else self.day)
        part = self.part
        if part in ("上旬",):
            day = 10 if as_end else 1
        elif part == "上中旬":
            day = 20 if as_end else 1
        elif part == "中下旬":
            day = last_day(y, month) if as_end else 11
        elif part in ("中旬", "中"):
            day = 20 if as_end else 11
        elif part in ("下旬",):
            day = last_day(y, month) if as_end else 21
        elif part in ("月初", "初"):
            day = 1
        elif part in ("月底", "月末", "底", "末"):
            day = last_day(y, month)
        else:
            day = last_day(y, month) if as_end else 1
        return _safe_date(y, month, day)


def day_before_part(point: DatePoint) -> DatePoint:
    """The day before a part of a month begins (``PART_FIRST_DAY``): ``6月中旬前`` ends on the 10th, ``下旬前`` on the
    20th; ``上旬前`` and ``6月前`` on the month before's last day (1月前: 31 December of the year before, printed or not).
    A stage's end before a part (schedule) and a deadline's due day before one (deadlines) both read it."""
    first = PART_FIRST_DAY.get(point.part, 1) if point.part else 1
    if point.month is None:
        return point
    if first > 1:
        return DatePoint(point.year, point.relative, point.month, first - 1, None)
    if point.month == 1:
        if point.year is not None:
            return DatePoint(point.year - 1, point.relative, 12, 31, None)
        return DatePoint(None, point.relative - 1, 12, 31, None)
    return DatePoint(point.year, point.relative, point.month - 1, None, "底")


@dataclass(frozen=True)
class DateRange:
    start: DatePoint
    end: DatePoint | None
    span: tuple[int, int]
    period: bool = False  # one named period (2019年上半年, 一季度): a deadline takes its end

    def resolve(self, year: int) -> tuple[date | None, date | None]:
        """Start and end dates; a lone date covers its month part (``2024年3月`` → 1st..31st)."""
        first = self.start.resolve(year, as_end=False)
        if self.end is None:
            return first, self.start.resolve(year, as_end=True)
        end_point = self.end
        if end_point.year is None and self.start.year is not None and end_point.relative == 0:
            end_point = DatePoint(self.start.year, 0, end_point.month, end_point.day, end_point.part)
        last = end_point.resolve(year + self.start.relative, as_end=True)
        if first and last and last < first and end_point.year is None and end_point.relative == 0:
            last = end_point.resolve(year + self.start.relative + 1, as_end=True)
        return first, last


def _point(match: re.Match[str], prefix: str) -> DatePoint | None:
    get = match.groupdict()
    month = get.get(f"{prefix}m")
    day = get.get(f"{prefix}d") or get.get(f"{prefix}dd")
    if month is None and day is None:
        return None
    part = get.get(f"{prefix}part") or get.get(f"{prefix}bare")
    part = part.replace("、", "") if part else None  # 6月上、中旬 is 上中旬
    year = get.get(f"{prefix}y")
    relative = get.get(f"{prefix}r")
    return DatePoint(
        year=int(year) if year else None,
        relative=RELATIVE_YEARS.get(relative or "", 0),
        month=int(month) if month else None,
        day=int(day) if day else None,
        part=part,
    )


# Chinese numerals of dates read as Arabic ones: ``一九八六年二月底``, ``六月底前``, ``十二月十五日``, ``九月份``
# (a year of four digit characters before 年, a month 1–12 before 月, a day after 月)
_CN_YEAR = re.compile(r"[〇○零Ｏ一二三四五六七八九]{4}(?=\s*年)")
_CN_MONTH = re.compile(r"(?<![一二三四五六七八九十〇○零两第每个])[一二三四五六七八九十]{1,2}(?=月)")
_CN_DAY = re.compile(r"(?<=月)[一二三四五六七八九十]{1,3}(?=[日号])")


def arabic_dates(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with the Chinese numerals of its dates written in Arabic, and for each character of the
    result where it starts and ends in ``text`` (the maps of a span back to the original)."""
    pieces: list[tuple[int, int, str]] = []
    for pattern in (_CN_YEAR, _CN_MONTH, _CN_DAY):
        for match in pattern.finditer(text):
            raw = match.group()
            value = "".join(str(_CN_DIGITS[c]) for c in raw) if pattern is _CN_YEAR else chinese_number(raw)
            if value is None or (pattern is _CN_MONTH and not 1 <= int(value) <= 12) or (
                    pattern is _CN_DAY and not 1 <= int(value) <= 31):
                continue
            pieces.append((match.start(), match.end(), str(value)))
    if not pieces:
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    pieces.sort()
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for start, end, value in pieces:
        if start < cursor:
            continue
        out.append(text[cursor:start])
        starts.extend(range(cursor, start))
        ends.extend(range(cursor + 1, start + 1))
        out.append(value)
        starts.extend([start] * len(value))
        ends.extend([end] * len(value))
        cursor = end
    out.append(text[cursor:])
    starts.extend(range(cursor, len(text)))
    ends.extend(range(cursor + 1, len(text) + 1))
    return "".join(out), starts, ends


def find_date_ranges(text: str) -> list[DateRange]:
    """Every date or date range in ``text`` (bare ``12末`` only when it starts a range), in Arabic or
    Chinese numerals."""
    converted, starts, ends = arabic_dates(text)
    if converted is text:
        return _find_date_ranges(text)
    return [
        DateRange(found.start, found.end, (starts[found.span[0]], ends[found.span[1] - 1]), found.period)
        for found in _find_date_ranges(converted)
    ]


def _find_date_ranges(text: str) -> list[DateRange]:
    out: list[DateRange] = []
    shared: list[tuple[int, int]] = []
    for match in MONTH_RANGE.finditer(text) if "月" in text else ():
        year = int(match.group("y")) if match.group("y") else None
        first, second = int(match.group("m1")), int(match.group("m2"))
        if first < second:
            out.append(DateRange(DatePoint(year, 0, first, None, None), DatePoint(year, 0, second, None, None),
                                 match.span()))
            shared.append(match.span())
    for match in QUARTER_SPAN.finditer(text) if "季度" in text else ():
        year = int(match.group("y")) if match.group("y") else None
        first, last = ("一二三四".index(q) + 1 if q in "一二三四" else int(q) for q in match.group("q1", "q2"))
        if first < last:
            out.append(DateRange(DatePoint(year, 0, first * 3 - 2, None, None), DatePoint(year, 0, last * 3, None, None),
                                 match.span(), period=True))
            shared.append(match.span())
    has_part = "底" in text or "末" in text or "半年" in text or "季度" in text  # what every YEAR_PART holds
    for match in YEAR_PART.finditer(text) if has_part else ():
        if any(lo < match.end() and match.start() < hi for lo, hi in shared):
            continue
        year, part = (int(match.group("y")) if match.group("y") else None), match.group("part")
        if part.endswith(("底", "末")) and not re.search("季度|半年", part):
            out.append(DateRange(DatePoint(year, 0, 12, None, "底"), None, match.span()))
        else:
            part = part.rstrip("末底")  # 二季度末, 上半年底: the period's end, as the period itself is read
            quarter = part.removeprefix("第").removesuffix("季度")
            key = part if part in _YEAR_PART_MONTHS else "一二三四"[int(quarter) - 1] if quarter.isdigit() else quarter
            first, last = _YEAR_PART_MONTHS[key]
            out.append(DateRange(DatePoint(year, 0, first, None, None), DatePoint(year, 0, last, None, None),
                                 match.span(), period=True))
        shared.append(match.span())
    for match in YEAR_BEFORE.finditer(text) if "前" in text else ():  # 2025年前: by the last day of 2024
        if not any(lo < match.end() and match.start() < hi for lo, hi in shared):
            out.append(DateRange(DatePoint(int(match.group("y")) - 1, 0, 12, None, "底"), None, match.span()))
            shared.append(match.span())
    for match in DATE_RANGE.finditer(text):
        if any(lo < match.end() and match.start() < hi for lo, hi in shared):
            continue
        start = _point(match, "a")
        if start is None:
            continue
        end = _point(match, "b")
        if start.part in ("底", "末") and match.group("abare") and end is None:
            continue
        if end is not None and end.month is None:  # 9月22日至30日
            end = DatePoint(end.year, end.relative, start.month, end.day, None)
        if start.month is not None and "月" not in match.group(0) and end is None:
            continue
        out.append(DateRange(start, end, match.span()))
    out.sort(key=lambda found: found.span)
    return out


def document_year(text: str, issue_date: date | None = None) -> tuple[int | None, str]:
    """The year that year-less dates of this document take, and where it came from."""
    years = Counter(int(m.group(1)) for m in _YEAR_MONTH.finditer(text) if not _LOOKS_BACK.match(text, m.end()))
    if years:
        issued = issue_date.year if issue_date is not None else None  # among years as often named, the issue's
        best = max(years.items(), key=lambda item: (item[1], item[0] == issued, item[0]))[0]
        if issued is not None and best < issued:
            return issued, "issue_date"  # 我办于2022年7月牵头启动… in a notice of 2023: what was done before it
        return best, "dates"
    if issue_date is not None:
        return issue_date.year, "issue_date"
    any_years = Counter(int(m.group(1)) for m in _ANY_YEAR.finditer(text))
    if any_years:
        return max(any_years.items(), key=lambda item: (item[1], item[0]))[0], "year_mention"
    return None, "none"


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
