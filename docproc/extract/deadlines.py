"""Deadlines: obligations bound to a date — ``于…前报送``, ``截止…``, ``应在2026年底前完成``,
recurring ones (``每月10日前``) — with what is due (verb first, as printed) and to whom.

A date is a deadline when 前/之前/以前 follows it (or 截止 precedes it) **and** the sentence carries an
obligation: a modal (要, 应, 须, 请, 力争 …) or an obligation verb right after the date. So the dates of
a report on past work (``6月30日前，区民政…等部门开展联合检查``) and ``截至2024年7月2日`` (as of) are not
deadlines. ``what`` is the phrase the date governs: ``将X报送Y`` → 报送X (to Y), ``对X进行评估总结`` →
评估总结X; an object left out is the sentence's topic (``有关材料请于…前报送`` → 报送有关材料) or the
clause before (``对于需要回收…的，原则上于…前完成`` → 完成回收…); that reading is
:mod:`docproc.extract.deadline_acts`. A task's labelled 完成时限 is read with
the task (:mod:`docproc.extract.tasks`), not here. The cues are ``models/extract/deadlines.json``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from docproc.extract.dates import (
    PART_FIRST_DAY,
    DatePoint,
    DateRange,
    chinese_number,
    day_before_part,
    find_date_ranges,
)
from docproc.extract.deadline_acts import (
    COORDINATED_AFTER,
    LEADING_ITEM_NUMBER,
    PLACE_DONE_AT,
    clean_what,
    told_subject,
    what_and_to,
    without_brackets,
    without_subject,
)
from docproc.extract.deadline_cues import DeadlineCues, load_deadline_cues
from docproc.extract.deadline_windows import HOUR_AFTER, TIME_OF_DAY, clock_time, closing_window
from docproc.extract.found import compact
from docproc.extract.textmatch import covering, unclosed_brackets

_CLAUSE_END = re.compile(r"[，,。；;！？\n]")
_CLAUSE_BREAK = re.compile(r"[，,。；;！？\n（()）]")
_SENTENCE_END = re.compile(r"[。；;！？\n]")

@dataclass
class DeadlineHit:
    date: date | None
    what: str
    text: str
    span: tuple[int, int]
    rule: str
    time: str | None = None
    recurring: str | None = None
    to: str | None = None


# ---------------------------------------------------------------- finding them


def _sentence_start(text: str, position: int) -> int:
    floor = max(0, position - 400)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, position)]
    return ends[-1] if ends else floor


def _clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause around ``position``: from the last clause break before it to the next one."""
    left = position
    while left > 0 and not _CLAUSE_END.match(text[left - 1]) and position - left < 200:
        left -= 1
    depth = 0
    for found in _CLAUSE_BREAK.finditer(text, position):
        mark = found.group()
        if mark in "（(":
            depth += 1
        elif mark in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 or mark == "\n" or found.start() - position > 200:
            return left, found.start()  # a comma inside （纸质版一式两份，加盖公章） does not end the clause
    return left, len(text)


def _previous_clause(text: str, clause_start: int) -> str:
    """The clause before the one starting at ``clause_start`` in the same paragraph ("" at a paragraph's
    start: 一、工作要求 / 请于…前报送 does not send the heading)."""
    while clause_start > 0 and text[clause_start - 1] not in "\n。！？":
        start = _clause_bounds(text, clause_start - 1)[0]
        clause = text[start : clause_start - 1]
        if not _ADD_ON.match(clause):
            return clause
        clause_start = start  # 申报材料一式5份，并附相同内容U盘2个、光盘2张，于…前报送: what comes with the thing sent
    return ""  # 请于…前报送 after a full stop: the sentence before sends its own


# a clause on what comes with the thing sent, how many copies or its stamp (并附…, 一式5份, 加盖公章): not the thing itself
_ADD_ON = re.compile(r"^\s*(?:并附|另附|同时附|附上|一式[\d一二两三四五六七八九十]+份"
                     r"|(?:签字|签名)?并?(?:加盖(?:单位)?(?:公章|印章)|盖章)\s*$)")  # 填写《…》，加盖公章，于…前报送


def _circumstance(clause: str, cues: DeadlineCues) -> bool:
    """Whether a clause after the date only gives circumstances (根据…, 各村要结合实际)."""
    core = re.sub(rf"^(?:{cues.modal.pattern})+", "", without_subject(clause, cues))
    if PLACE_DONE_AT.match(clause.strip()):
        return False  # 在身份证复印件背面手写…: where the act is done, then the act
    return bool(cues.procedural.match(clause) or cues.procedural.match(core) and len(core) <= 8)


# 于 or 在 right before the date, or before the dates listed ahead of it (于7月10日前、10月10日前和…, 在2024年底前培育…)
_DUE_DATE = r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}\s*[日号]|底|末)?\s*(?:前|之前)"  # 10月10日前, 2019年1月底之前
_AFTER_YU = re.compile(rf"(?:于|在)\s*(?:{_DUE_DATE}\s*[、和及与]\s*)*$")


def _is_obligation(sentence_before: str, after: str, cues: DeadlineCues) -> bool:
    told = told_subject(after.lstrip("，, "), cues) is not None  # 示范区内…企业要达到…: a modal tells its subject
    after = cues.manner.sub("", without_subject(after.lstrip("，, "), cues))  # 以书面形式报送…
    return bool(cues.modal.search(sentence_before) or told or cues.obligation_start.match(after) or cues.modal.match(after)
                or cues.toward_act.match(after)  # 于…之前向区经发局提出验收申请: the act after whom it goes to
                or re.match(r"^对.{1,60}?(?:进行|开展|完成)", after)
                # 其中，…的项目，于2020年6月20日前征询…意见: 于 DATE 前 binds the act, unless it was done (已)
                # (于7月10日前、10月10日前…: each of the dates it lists)
                or _AFTER_YU.search(sentence_before) and len(compact(after)) >= 4
                and not cues.past.search(sentence_before + after))


_YEARLY_DATES = re.compile(r"每年\s*(?P<dates>\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[、和及与]\s*\d{1,2}\s*月\s*\d{1,2}\s*日)+)"
                           r"\s*(?:前|之前|以前)")
_MONTHLY_DAYS = re.compile(r"(?P<period>每个?月)\s*(?P<dates>\d{1,2}\s*[日号](?:\s*[、和及与]\s*\d{1,2}\s*[日号])+)"
                          r"(?P<tail>\s*(?:上午|下午)?\s*(?:下班)?\s*(?:前|之前|以前))")

# 于3月10日、6月10日、9月10日、12月10日前报送: the same day of each quarter's last month, every year
_QUARTERLY_DATES = re.compile(r"(?<![年\d])(?P<dates>3\s*月\s*(?P<day>\d{1,2})\s*日\s*[、，,]\s*6\s*月\s*(?P=day)\s*日\s*[、，,]\s*"
                              r"9\s*月\s*(?P=day)\s*日\s*[、，,和及]\s*12\s*月\s*(?P=day)\s*日)\s*(?:前|之前|以前)")


@dataclass(frozen=True)
class _EachOfDates:
    """Several dates sharing one 前 after 每年/每月: how the run is found, one date of it, and the label
    each date's recurring deadline gets (``每年5月1日前``, ``每月15日下午下班前``)."""

    pattern: re.Pattern[str]
    date: re.Pattern[str]
    period: str
    tail: Callable[[re.Match[str]], str]


_EACH_OF_DATES = (
    _EachOfDates(_YEARLY_DATES, re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日"), "每年", lambda match: "前"),
    _EachOfDates(_MONTHLY_DAYS, re.compile(r"\d{1,2}\s*[日号]"), "", lambda match: compact(match.group("tail"))),
    _EachOfDates(_QUARTERLY_DATES, re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日"), "", lambda match: "前"),
)
_SECOND_DUE = re.compile(r"^[^，,。；;于]{2,24}?于[^，,。；;]{2,14}?(?:前|之前)(?P<act>[^，,。；;]+)$")


def _opens_sentence(lead: str, rest: str) -> bool:
    """Whether a date opens its sentence (nothing but an item's number before it) and a comma sets it off."""
    return rest.startswith(("，", ",")) and not compact(_OUTLINE_NUMBER.sub("", lead))


def _fronted_date_act(clause_lead: str, rest: str, after: str, cues: DeadlineCues) -> bool:
    """``2019年3月底前，全国三级公立医院全部纳入…平台``: a date with 前 opening its sentence, set off by a
    comma, dates the act the sentence goes on to (``rest``: the sentence after 前). A statement of what
    was done (已, 累计, 完成了) is none."""
    if not _opens_sentence(clause_lead, rest):
        return False
    core = _acted(after, cues)
    return len(compact(core)) >= 4 and not cues.past.search(rest) and not cues.procedural.match(core)


def _acted(after: str, cues: DeadlineCues) -> str:
    """The clause after a fronted date without the unit that acts and an adverb of extent."""
    core = without_subject(after, cues)
    if not cues.obligation_start.match(core):
        core = cues.acting_unit.sub("", core)
    return re.sub(rf"^(?:{cues.degree_adverbs})", "", core)


def find_deadlines(text: str, year: int | None, excluded: list[tuple[int, int]],
                   label_titles: dict[int, str] | None = None, deadline_labels: tuple[str, ...] = (),
                   cues: DeadlineCues | None = None) -> list[DeadlineHit]:
    """Deadlines in ``text``; ``excluded`` spans (phase headings, labelled 完成时限 of tasks) hold none.
    A labelled date elsewhere (``完成时限：…`` outside the tasks) is due for the outline item it stands
    in: ``label_titles`` maps an item's start to its title."""
    cues = cues or load_deadline_cues()
    hits: list[DeadlineHit] = []
    seen: set[tuple[date | None, str]] = set()
    recurring = [m.span() for pattern in cues.recurring for m in pattern.finditer(text)]
    # 每年5月1日、9月30日和11月1日前, 每月15日、30日下午下班前: each of the dates, every year or month
    shared = [(match, each) for each in _EACH_OF_DATES for match in each.pattern.finditer(text)]
    recurring += [match.span() for match, _ in shared]
    excluded = excluded + recurring  # 每年2月底前: a recurring deadline, not one on this year's 28 February
    in_excluded = covering(excluded)
    for found in find_date_ranges(text):
        if found.end is not None and not found.period or in_excluded(found.span[0]):
            continue
        lead = text[max(0, found.span[0] - 12) : found.span[0]]
        label = next((lb for lb in deadline_labels if re.search(rf"{re.escape(lb)}\s*[：:]\s*$", lead)), None) \
            if _COLON_BEFORE.search(lead) else None  # (a label is read only where a colon stands before the date)
        carried = None if label is not None else _carried_recurrence(text, found, recurring, cues)
        if label is not None:
            hit = _labelled(text, found, year, label, label_titles or {}, cues)
        elif carried is not None:  # 每年2月底前各省份完成…，3月底前国家卫生健康委完成…: every year too
            hit = _recurring(text, carried, "每年" + compact(text[found.span[0] : carried[1]]), cues)
        else:
            hit = _dated(text, found, year, cues, label_titles or {})
        if hit is not None and (hit.date, hit.what) not in seen:
            seen.add((hit.date, hit.what))
            hits.append(hit)
    recurring_spans = set(recurring)
    in_given = covering([span for span in excluded if span not in recurring_spans])  # (not a recurring one itself)
    for match, each in shared:
        if in_given(match.start()):
            continue
        for day in each.date.findall(match.group("dates")):
            period = each.period or match.groupdict().get("period") or ""  # 每月, 每个月: as printed
            hit = _recurring(text, match.span(), period + compact(day) + each.tail(match), cues)
            if hit is not None and (None, f"{hit.recurring}{hit.what}") not in seen:
                seen.add((None, f"{hit.recurring}{hit.what}"))
                hits.append(hit)
    for pattern in cues.recurring:
        in_hits = covering([h.span for h in hits])  # (a hit this loop adds is a match of its own: none overlaps the next)
        for match in pattern.finditer(text):
            if in_given(match.start()) or in_hits(match.start()):
                continue
            if pattern is cues.daily_clock and not cues.daily.search(text, _sentence_start(text, match.start()),
                                                                      match.start()):
                continue  # 务必在5点30分之前到达指定地点: a time of the one day the notice sets, not a daily one
            hit = _recurring(text, match.span(), compact(match.group(0)), cues)
            if hit is not None and (None, hit.what) not in seen:
                seen.add((None, hit.what))
                hits.append(hit)
    if year is not None:
        for hit in _month_items(text, year, cues):
            if not in_excluded(hit.span[0]) and (hit.date, hit.what) not in seen:
                seen.add((hit.date, hit.what))
                hits.append(hit)
    hits.sort(key=lambda h: h.span)
    return hits


# ``3．九月份组织开展…演练``, ``10月份，检查组对…进行自评打分``: an item that opens with its month is due by
# that month's end (a month with 份 inside a sentence — 6月份以来 — is not)
_MONTH_ITEM = re.compile(
    r"(?m)^[ \t\u3000]*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?[ \t\u3000]*"
    r"(?P<month>[一二三四五六七八九十]{1,3}|\d{1,2})月份[，,]?")


def _month_items(text: str, year: int, cues: DeadlineCues) -> list[DeadlineHit]:
    hits: list[DeadlineHit] = []
    for match in _MONTH_ITEM.finditer(text):
        raw = match.group("month")
        month = int(raw) if raw.isdigit() else chinese_number(raw)
        if month is None or not 1 <= month <= 12:
            continue
        _, clause_end = _clause_bounds(text, match.end())
        after = text[match.end() : clause_end]
        after = re.sub(r"^[\u3400-\u9fff]{2,6}组(?=对)", "", after)  # 检查组对…进行: the group doing it
        if not (cues.obligation_start.match(after) or re.match(r"^对.{1,60}?(?:进行|开展)", after)):
            continue  # 11月份，省环保厅将…督查: another body's plan, not a duty of the reader's
        what, to = what_and_to("", after, "", cues)
        if not what:
            continue
        due = date(year, month, calendar.monthrange(year, month)[1])
        sentence_end = _SENTENCE_END.search(text, clause_end)
        quoted = compact(text[match.start("month") : sentence_end.end() if sentence_end else len(text)])
        hits.append(DeadlineHit(due, what, quoted.rstrip("。；"), (match.start("month"), match.end()),
                                "deadline.month_item.v1", to=to))
    return hits


def _labelled(text: str, found: DateRange, year: int | None, label: str,
              label_titles: dict[int, str], cues: DeadlineCues) -> DeadlineHit | None:
    point = found.end if found.period and found.end is not None else found.start
    point = _due_point(text, found, point, cues.before.match(text, found.span[1]))  # 完成时限：2022年12月前, as in prose
    point_year = point.year or year
    owner = max((start for start in label_titles if start <= found.span[0]), default=None)
    if point_year is None or owner is None or not label_titles[owner]:
        return None
    label_at = text.rfind(label, 0, found.span[0])
    return DeadlineHit(point.resolve(point_year, as_end=True), label_titles[owner],
                       compact(text[label_at : found.span[1]]), (label_at, found.span[1]), "deadline.label.v2")


# a dated request without 前: 请于6月30日汇总到…, 务必于5月10日报送…, …工作报告，于9月15日上报… (the date is the
# day it is due)
_DATED_CLAUSE = re.compile(rf"\s*{_DUE_DATE}")  # a clause opening with its own due date
_OWNED_BRACKET = re.compile(r"(?:负责|牵头|配合)[，,；;]\s*$")
_FROM_BEFORE = re.compile(r"从\s*$")  # 从…前取得…的X: those who did it by the date, a set to draw from
_NAMED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
# 请各企业于7月15日将…报送…, 并于5月31日将总结材料报…: asked for by a day, without 前
_REQUEST_LEAD = re.compile(r"(?:(?:请|务必|须|应|需|要)[^，,。；;\d]{0,8}?(?:于|在)|[，,；;并]于)\s*"
                           r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}[日号][和、及与])?\s*$")
_DATED_REQUEST = re.compile(r"\s*(?:分别)?(?:(?:将|把)[^，。；]{1,30}?)?(?:报送|上报|提交|汇总|报至|报告|报(?=[\u4e00-\u9fff]{2}))")
# 2月底完成队伍编组, 要在2020年9月份基本完成: a date without 前 that 完成 follows straight is when it is done
# by (not a range's end, 至2023年7月31日全面完成, and not a thing done, 已于…完成)
_DONE_STRAIGHT_AFTER = re.compile(r"份?\s*(?:基本|全面|全部)?完成(?!了)")
_NEXT_DATED_ITEM = re.compile(r"、(?=\s*(?:\d{4}\s*年)?(?:第?[一二三四]季度|年底|\d{1,2}\s*月(?:\d{1,2}\s*[日号])?"
                              r"(?:底|末|[上中下]旬)?)\s*(?:前|之前|完成))")
_OUTLINE_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])\s*")


_MORE_DUE_DATES = re.compile(rf"(?:\s*[、和及与]\s*{_DUE_DATE})+")


def _dated(text: str, found: DateRange, year: int | None, cues: DeadlineCues,
           titles: dict[int, str]) -> DeadlineHit | None:
    """A deadline at the date ``found`` if the text binds it to an act; ``titles`` (an outline item's start →
    its title) name the item a bracket closing it dates (``（…负责，2018年3月底前完成）``)."""
    point = found.end if found.period and found.end is not None else found.start
    point_year = point.year or year
    if point_year is None:
        return None
    start, end = found.span
    if year is not None and point_year < year - 1 and re.fullmatch(r"\d{4}\s*年", text[start:end]):
        return None  # 特别是2000年前高层公共建筑: a year long past picks what was built before it, nothing is due
    bound = cues.before.match(text, end)
    if bound is None:  # 分别于6月20日和12月20日前报送: the first date shares the second's 前 and clause
        second = COORDINATED_AFTER.match(text, end)
        bound = cues.before.match(text, second.end()) if second else None
    sentence_start = _sentence_start(text, start)
    lead = text[sentence_start:start]
    named_years = [int(y) for y in _NAMED_YEAR.findall(lead)]
    if point.year is None and named_years and named_years[-1] > point_year:
        point_year = named_years[-1]  # 于2017年5月底前完成…，并于5月31日将…: the year the sentence went on to
    if bound is not None and _FROM_BEFORE.search(lead):
        return None  # 从2021年12月31日前取得许可的企业中抽取…: the date picks whom, it is due for nothing
    until = cues.until.search(lead)
    if until is not None and cues.as_of_subject.search(lead, 0, until.start()):
        return None  # 采用数据截止日期为2020年12月31日: the data's cut-off
    requested = None
    closing = closing_window(text, start, end, sentence_start, cues) if bound is None and not until else None
    if closing is not None:  # 报名时间自…起至5月25日下午17:30截止, 2022年9月12日17:30申报截止: the window closes
        act, clock = closing
        closed = _SENTENCE_END.search(text, end)
        quoted = compact(text[sentence_start : closed.start() if closed else len(text)])
        return DeadlineHit(point.resolve(point_year, as_end=True), act, quoted, (start, end), "deadline.closing.v1",
                           time=clock_time(clock) if clock else None)
    if bound is None and not until:  # 请于6月30日和12月31日汇总到政法综治处: a request dated without 前
        second = COORDINATED_AFTER.match(text, end)
        requested = _DATED_REQUEST.match(text, second.end() if second else end)
        done_by = _DONE_STRAIGHT_AFTER.match(text, end) is not None and not re.search(r"[至到起—~前-]\s*$", lead) \
            and not cues.past.search(lead)
        if (not _REQUEST_LEAD.search(lead) or requested is None) and not done_by \
                and not _period_end_goal(text, found, point, lead, year, cues):
            return None
    elif bound is None and (not until or "截至" in until.group(0)):
        return None  # 截至2023年底，…: as of that day, not due then
    after_start = bound.end() if bound else requested.start() if requested else end
    if bound is None and text.startswith("份", after_start):
        after_start += 1  # 2015年6月份完成…: the month's 份 is no part of what is done
    more = _MORE_DUE_DATES.match(text, after_start)
    if bound is not None and more is not None:  # 分别于7月10日前、10月10日前和次年1月10日前将…: one act for each
        after_start = more.end()
    clause_start, _ = _clause_bounds(text, start)
    after_clause_end = _clause_bounds(text, after_start + 1)[1] if text.startswith(("，", ","), after_start) \
        else _clause_bounds(text, after_start)[1]
    after = text[after_start:after_clause_end].lstrip("，, ")
    if re.fullmatch(r"对[^，,。；;]{1,40}", after) and not re.search(r"进行|开展|完成|实施|组织", after) \
            and text[after_clause_end : after_clause_end + 1] in ("，", ","):
        # 于9月底前对辖区内的养老机构，进行一次全面排查: the act follows the comma
        following = _clause_bounds(text, after_clause_end + 1)[1]
        after, after_clause_end = text[after_clause_end + 1 : following].lstrip("，, "), following
    items = _NEXT_DATED_ITEM.split(after, maxsplit=1)
    if len(items) > 1 and not re.match(rf"\s*(?:{cues.object_marker})", items[0]):
        after = items[0]  # “2021年第三季度完成…、2021年年底前完成…”: each date its own act (于6月15日前将…、12月15日
        # 前将…分别报送: the objects share the verb after the last)
    if "”" in after and "“" not in after.split("”")[0]:
        after = after.split("”")[0]  # …、2021年年底前完成辅线审批”的节点要求: the quoted requirement ends there
    bare_after = without_brackets(after)
    if re.fullmatch(rf"(?:{cues.object_marker})[^，,。；;]{{2,80}}", bare_after) \
            and not _ACT_IN_OBJECT.search(re.sub(r"《[^《》]*》", "", bare_after)) \
            and text[after_clause_end : after_clause_end + 1] in ("，", ","):
        following = _clause_bounds(text, after_clause_end + 1)[1]
        sent = re.match(rf"[\u4e00-\u9fff]{{0,4}}?(?P<verb>{cues.send_verb})", text[after_clause_end + 1 : following])
        if sent is not None:  # 于8月14日前将本村…情况（需包含…），盖章反馈至社会事业处: the act follows the comma
            # (盖章, 经审核后: how it is sent, no part of the act)
            after = after + text[after_clause_end + 1 + sent.start("verb") : following]
            after_clause_end = following
    while _circumstance(after, cues) and after_clause_end < len(text) and text[after_clause_end] in "，," \
            and not _DATED_CLAUSE.match(text, after_clause_end + 1):  # (…方式公布…，2018年6月8日前开展…: the next one's)
        # 于每年2月底前，根据…，结合…，研究提出…; 4月6日前，各村要结合实际，制定…: the due thing follows them
        following = _clause_bounds(text, after_clause_end + 1)[1]
        after, after_clause_end = text[after_clause_end + 1 : following].lstrip("，, "), following
    clause_lead = text[clause_start:start]
    if unclosed_brackets(lead) > 0:
        # 开展隐患排查（9月30日前完成）: a date in brackets governs only what the bracket holds, and
        # what it is about is what the bracket follows
        after = re.split(r"[）)]", after)[0]
        clause_lead = _OUTLINE_NUMBER.sub("", re.split(r"[（(](?=[^（(]*$)", clause_lead)[0])
        bracket = re.split(r"[（(](?=[^（(]*$)", lead)[-1]  # what the open bracket holds before the date
        item = max((at for at in titles if at <= start), default=None)
        # …（区直各有关部门按职责分工负责，2018年3月底前完成）, or a heading closed by its date alone
        # (（二）升级村级财务网上公开系统（10月31日前）): the item is what is due
        dated_heading = item is not None and not compact(bracket) and compact(clause_lead) == compact(titles[item]) \
            and re.search(r"[日号底末]", text[start:end]) is not None  # (a month alone, 6月前, stays a stage's end)
        if item is not None and (not compact(after) or compact(after) in cues.item_done_acts) \
                and (_OWNED_BRACKET.search(bracket) or dated_heading):
            return DeadlineHit(point.resolve(point_year, as_end=True), titles[item],
                               compact(bracket + text[start:end] + after), (start, end), "deadline.item_bracket.v1")
    explicit = until is not None and "截至" not in until.group(0)  # 截止时间为…, 不晚于…: a deadline as such
    if explicit and bound is None:
        topic = LEADING_ITEM_NUMBER.sub("", cues.until.sub("", clause_lead).strip("，, "))  # 2.申报截止日期为…: no number
        topic = re.sub(r"(?<=\S{2})(?:时间|日期|期限)(?:为|是)?$", "", topic)  # 申报时间截止到…: the act, not its time
        sent = re.match(r"^(?P<obj>.{2,}?)(?P<verb>报送|上报|提交|报告)$", compact(topic))
        what = sent.group("verb") + sent.group("obj") if sent else clean_what(topic, cues)  # 材料报送 → 报送材料
        if not what and after and _is_obligation(lead, after, cues):  # 截止2023年底，全市…已超: as of, not due
            what = what_and_to(clause_lead, after, "", cues, lead)[0]
        if what:
            clock = HOUR_AFTER.match(text, end)  # 截止时间为6月30日17:00: the hour it closes
            return DeadlineHit(point.resolve(point_year, as_end=True), what, compact(text[clause_start:end]),
                               (start, end), "deadline.until.v1", time=clock_time(clock) if clock else None)
        return None
    if compact(after).endswith("的") and text[after_clause_end : after_clause_end + 1] in ("，", ","):
        return None  # 企业…7月15日前主动申请注销资质的，我局将…: a condition the sentence sets, not an act due
    if not _is_obligation(lead, after, cues):
        sentence_end = _SENTENCE_END.search(text, after_start)
        rest = text[after_start : sentence_end.start() if sentence_end else len(text)]
        if not _fronted_date_act(clause_lead, rest, after, cues):
            return None
        after = _acted(after, cues)
    if cues.target.search(clause_lead) and not cues.goal.search(clause_lead) and bound is None:
        return None  # 到2025年底…: a target year, not a deadline (力争到… is a goal, and is one; 到2025年底前 is due)
    previous_clause = _previous_clause(text, clause_start)
    shared = _SECOND_DUE.match(after)
    if shared and re.match(cues.send_verb, shared.group("act")):
        after = shared.group("act")  # 方案于4月8日前，总结于4月26日前报送至…: both sent by the verb after the second
    what, to = what_and_to(clause_lead, after, previous_clause, cues, lead)
    what = re.sub(r"(?<=\S{3})(?<![落前以然之最其背])后$", "", what)  # 于…前完成…审核后，提交…: the act done by then
    if not what:
        return None
    time = None
    if bound is not None and bound.group("time"):
        time = bound.group("time").replace("：", ":").replace(" ", "")
        hour = int(re.match(r"\d+", time).group(0))  # type: ignore[union-attr]
        if bound.group("noon") in ("下午", "晚上", "晚") and hour < 12:
            hour += 12  # 下午5点前 → 17:00
        minute = re.search(r"[:：](\d{2})|(\d{1,2})分|(半)", time)
        minutes = 30 if minute and minute.group(3) else int(minute.group(1) or minute.group(2)) if minute else 0
        time = f"{hour:02d}:{minutes:02d}"
    point = _due_point(text, found, point, bound)
    value = point.resolve(point_year, as_end=True)
    sentence_end = _SENTENCE_END.search(text, after_clause_end)
    quoted = compact(text[clause_start : sentence_end.end() if sentence_end else len(text)])
    return DeadlineHit(value, what, quoted.rstrip("。；"), (start, after_start), "deadline.before.v2",
                       time=time, to=to)


_TARGET_BEFORE = re.compile(r"(?<![达得收做报送直提接遇想看])到\s*(?:\d{4}年|[一二三四五六七八九十\d]{1,2}月)")


def _period_end_goal(text: str, found: DateRange, point: DatePoint, lead: str, year: int | None,
                     cues: DeadlineCues) -> bool:
    """A month's or year's end without 前 dating a goal reached by then: in a sentence a goal word opens
    (``确保片区6月底…供养率达10%，7月底…达到15%``), or opening its sentence before a comma (``2026年底，
    全面完成…``; also a whole month there), not in a year before the document's."""
    if point.year is not None and year is not None and point.year < year:
        return False
    after = text[found.span[1] : found.span[1] + 40]
    fronted = _opens_sentence(lead, after)
    if point.part not in ("底", "末") and not (found.period and re.match(r"\d{4}年", text[found.span[0] : found.span[1]])) \
            and not (fronted and point.day is None and point.part is None and not found.period):
        return False  # (a whole month only where it opens the sentence: 2025年12月，全面完成…; 2021年上半年: its end)
    if not fronted and not compact(_OUTLINE_NUMBER.sub("", lead)) and cues.goal_reached.match(after):
        fronted = True  # 2026年底实现…: the date opens its sentence, the goal's verb right after it
    line = text[text.rfind("\n", 0, found.span[0]) + 1 : found.span[0]]
    if _TARGET_BEFORE.search(line):
        return False  # 到2021年12月底，…达70%以上；2022年6月底，基本实现…: targets, as 到 says
    if not fronted and not cues.period_goal.search(lead):
        return False
    core = re.sub(rf"^(?:{cues.degree_adverbs})", "", after.lstrip("，, "))
    return bool(cues.goal_reached.match(core)) and not cues.past.search(after.split("，")[0])


_COLON_BEFORE = re.compile(r"[：:]\s*$")
_ACT_IN_OBJECT = re.compile(r"形成|进行|制定|填报|填写|编制|整理|汇总|报|送|交|传|发")  # 将X形成Y: the clause has its act


def _due_point(text: str, found: DateRange, point: DatePoint, bound: re.Match[str] | None) -> DatePoint:
    """``point``, or the day before the part it names where 前 binds that part straight (6月前: the month before's
    last day; 8月中旬前: the 10th)."""
    return day_before_part(point) if bound is not None and _bound_straight_after(text, found, bound) else point


def _bound_straight_after(text: str, found: DateRange, bound: re.Match[str]) -> bool:
    """Whether 前 binds a bare month (``6月前``, ``6月份以前``) or a part of one (``8月中旬前``) straight, so the thing is
    due the day before it begins (``dates.day_before_part``); not ``6月底前``, ``6月30日前``, ``二季度前`` (due that day)."""
    point = found.start
    if found.end is not None or found.period or point.day is not None or bound.group("time") is not None \
            or re.match(r"份?(?:前|之前|以前)", text[found.span[1] :]) is None:
        return False
    printed = text[found.span[1] - 1]
    return printed == "月" and point.part is None or printed == "旬" and point.part in PART_FIRST_DAY


def _carried_recurrence(text: str, found: DateRange, recurring: list[tuple[int, int]],
                        cues: DeadlineCues) -> tuple[int, int] | None:
    """The span of a year-less ``X月底前`` that a ``每年…前`` earlier in its sentence makes yearly too."""
    bound = cues.before.match(text, found.span[1])
    if found.start.year is not None or found.end is not None or bound is None:
        return None
    sentence_start = _sentence_start(text, found.span[0])
    if any(sentence_start <= start and end <= found.span[0] and text.startswith("每年", start)
           for start, end in recurring):
        return found.span[0], bound.end()
    return None


_TOGETHER = re.compile(r"一并|一起|一同")


def _recurring(text: str, span: tuple[int, int], label: str, cues: DeadlineCues) -> DeadlineHit | None:
    """The recurring deadline printed at ``span`` (``每月10日前``), ``label`` what it says."""
    clause_start, _ = _clause_bounds(text, span[0])
    after_end = _clause_bounds(text, span[1] + 1)[1] if text.startswith(("，", ","), span[1]) \
        else _clause_bounds(text, span[1])[1]
    after = text[span[1] : after_end].lstrip("，, ")
    while cues.procedural.match(after) and after_end < len(text) and text[after_end] in "，," \
            and not cues.obligation_start.match(cues.manner.sub("", after)):  # (根据任务分工上报…: the act is here)
        following = _clause_bounds(text, after_end + 1)[1]
        after, after_end = text[after_end + 1 : following].lstrip("，, "), following
    previous_clause = _previous_clause(text, clause_start)
    if cues.with_partner.match(after) and not _TOGETHER.search(after):
        # 每月3日前，与区行业领域监管部门核对…: the unit it works with is no part of the act (与…情况一并报送: a thing)
        after = _acted(after, cues)
    what, to = what_and_to(text[clause_start : span[0]], after, previous_clause, cues,
                            text[_sentence_start(text, span[0]) : span[0]])
    if not what:
        return None
    sentence_end = _SENTENCE_END.search(text, after_end)
    quoted = compact(text[clause_start : sentence_end.end() if sentence_end else len(text)])
    clock = TIME_OF_DAY.search(label)
    return DeadlineHit(None, what, quoted.rstrip("。；"), span, "deadline.recurring.v2", recurring=label, to=to,
                       time=clock_time(clock) if clock else None)


# 每日下午4点半前: a time of day in a recurring deadline
