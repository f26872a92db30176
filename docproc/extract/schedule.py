"""Phases: 阶段 headings and schedule items with their date ranges (deadlines are docproc.extract.deadlines's)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from docproc.extract.dates import TRAILING_DATE_PAREN, DateRange, find_date_ranges
from docproc.extract.deadline_cues import load_deadline_cues
from docproc.extract.found import compact
from docproc.extract.outline import (
    OutlineNode,
    SectionSpans,
    is_phase_section,
    load_section_classes,
)
from docproc.extract.stage_dates import UNTIL_EVENT, heading_dates, stage_dates


@dataclass
class PhaseHit:
    name: str
    start: date | None
    end: date | None
    text: str
    span: tuple[int, int]
    dates_span: tuple[int, int] | None = None  # a label in the stage's paragraph that dated it (时间节点：…)


def _heading_span(node: OutlineNode) -> tuple[int, int]:
    return node.span[0], node.own_span[0] + len(node.heading)


_STAGE_WORD = re.compile(r"阶段(?!性)|階段(?!性)")
# a heading naming a stage ends its phrase with 阶段 (宣传发动阶段（…）, …阶段：, …阶段。); 各阶段工作任务,
# 每个阶段结束前, 义务教育阶段“大班额”, 阶段目标 only mention stages
_STAGE_HEADING = re.compile(r"(?<![各每个该本这此])(?:阶段|階段)(?!性)(?:工作)?(?=\s*(?:[（(：:，,。；;]|$))")
_IN_STAGE = re.compile(r"(?<![存现正所实])在[^，,。；;：:]{0,10}$")  # 在学习阶段，…: during a stage, a phrase of the paragraph


def _names_stage(heading: str) -> bool:
    """Whether a heading names a stage (``宣传发动阶段（…）``), not only says when (``…在学习阶段，重点…``)."""
    return any(not _IN_STAGE.search(heading, 0, m.start()) for m in _STAGE_HEADING.finditer(heading))


_STAGE_PREFIX = re.compile(r"^第[一二三四五六七八九十]+(?:阶段|階段)[：:]\s*(?=\S)")


_PERIOD_PARTS = ("上旬", "中旬", "下旬", "上中旬", "中下旬")  # parts of a month a stage may span
_BEGINNING_PARTS = ("初", "月初")  # a stage at the beginning of a month happens on its first day
_END_PARTS = ("底", "末", "月底", "月末")  # a stage at a month's end (not …底前) happens on its last day


_OPENING_CLAUSE = re.compile(r"^[。：:\s]*(?:(?:时间|时限|期限)\s*(?:[：:]|为))?\s*(?:从|自|于|在)?(?:即日起)?(?P<clause>[^，,。；;]{4,30})")


_STAGE_TIME_LABEL = re.compile(r"(?:时间节点|时间安排|完成时间|实施时间)\s*[：:]\s*")


def _labelled_dates(text: str, node: OutlineNode) -> tuple[tuple[DateRange, str], tuple[int, int]] | None:
    """The dates a stage's own paragraph labels (``（一）部署实施阶段。…（责任部门：…。时间节点：2025年3月）``)
    and where they stand in ``text``, when its heading and opening print none."""
    own = text[node.own_span[0] : node.own_span[1]]
    label = _STAGE_TIME_LABEL.search(own)
    found = heading_dates(own[label.end() : label.end() + 30]) if label else None
    if label is None or found is None or found[0].span[0] != 0:
        return None
    start = node.own_span[0] + label.end()
    return found, (start, start + found[0].span[1])


def _paragraph_of(node: OutlineNode) -> str | None:
    """What a stage's text holds after its heading (its paragraph), or None when the heading is not in it."""
    at = node.text.find(node.heading)
    return node.text[at + len(node.heading) :] if at >= 0 else None


def _opening_dates(node: OutlineNode) -> tuple[DateRange, str] | None:
    """The dates a stage's paragraph opens with when its heading prints none (``（一）宣传发动阶段。
    2021年3月1日至3月15日，…``): a range, an end (…前) or an open start (…起) right at its start."""
    paragraph = _paragraph_of(node)
    opening = _OPENING_CLAUSE.match(paragraph) if paragraph is not None else None
    if opening is None:
        return None
    clause = opening.group("clause")
    found = heading_dates(clause)
    # 即日起至3月15日: the stage ends then; 调查摸底阶段。（10月9日—10月15日）: its dates in a bracket of their own
    if found is None or found[1] not in ("range", "end", "open", "month") or clause[: found[0].span[0]] not in ("", "至", "到", "（", "("):
        return None
    if UNTIL_EVENT.match(clause[found[0].span[1] :]):
        return None  # 9月下旬至党的二十大召开前，…: a work item's time, not a stage's dates
    return found


_FIRST_SENTENCE = re.compile(r"^[。：:\s]*(?P<sentence>[^。；;]{4,80})")


def _first_sentence_range(node: OutlineNode) -> tuple[DateRange, str] | None:
    """The date range a named stage's first sentence gives past its subject (``（一）自查阶段。各有关处室对照督查
    内容，9月11日-9月20日开展自查。``), when its heading and opening print none."""
    paragraph = _paragraph_of(node)
    sentence = _FIRST_SENTENCE.match(paragraph) if paragraph is not None else None
    found = heading_dates(sentence.group("sentence")) if sentence else None
    return found if found is not None and found[1] == "range" else None


_FROM_NOW = re.compile(r"[。：:\s]*(?:从|自)?即日起(?:至|到)")


def _from_now(node: OutlineNode) -> bool:
    """Whether the paragraph under ``node``'s heading opens with a span from now (``即日起至3月13日``)."""
    paragraph = _paragraph_of(node)
    return paragraph is not None and bool(_FROM_NOW.match(paragraph))


# an item that opens with the day something is due, then the act (4月1日前，将…报…): not a stage's name
_DUE_FIRST = re.compile(r"^\s*(?:(?:19|20)\d\d年)?\d{1,2}月(?:\d{1,2}[日号]|底|末|[上中下]旬)?(?:前|之前|以前)[，,：:]?\s*"
                        r"(?:[^，,。；;]{0,12}?(?:要|应|须|将|把|完成|组织|开展|报送|上报|配合|制定|印发))")


_DUE_ONLY = re.compile(r"^\s*(?:(?:19|20)\d\d年)?\d{1,2}月(?:\d{1,2}[日号]|底|末|[上中下]旬)?(?:前|之前|以前)[。：:]?\s*$")
_CAMPAIGN_PERIOD = re.compile(r"(?:本次|此次|整个|全部)[^，,。；;]{0,30}?(?:阶段|時間|时间|期限)(?:为|是)")
_NAMED_THEN_PAREN = re.compile(r"^(?P<name>[^，,。；;（(]{2,20}?(?:阶段|階段))\s*[（(][^（）()]{1,20}[）)]")


def _is_stage(node: OutlineNode, heading: str, top: OutlineNode, in_phase_section: bool, dated: str | None) -> bool:
    if _STAGE_WORD.search(node.marker) and dated:  # 第一阶段：从3月1日至6月30日，…
        return True
    if _STAGE_WORD.search(node.marker) and (in_phase_section or _STAGE_WORD.search(top.heading)):
        return True  # 四、实施阶段 / 第一阶段:迅速动员部署。…: a stage though the text gives it no date
    if node is top and in_phase_section:  # 五、整治时间和步骤 / 2021年7月开始…，分三个阶段进行: their section
        return False
    if _names_stage(heading):
        if _CAMPAIGN_PERIOD.search(heading):
            return False  # 本次专项行动阶段为2021年5月至2022年9月: the whole campaign's period, no stage
        return node is not top or bool(dated)  # 一、实施阶段 alone is a section, not a stage
    if node is top:
        return False
    if in_phase_section and node.parent is top:
        if dated == "end" and (_DUE_FIRST.match(heading) or _DUE_ONLY.match(heading)):
            # 进度安排 → （一）4月1日前，将实施方案报省环保厅备案; 时间节点 → （一）2023年4月底前 / its paragraph:
            # the day things are due, not a stage
            return False
        return dated is not None  # 实施步骤 → （一）动员部署（3月1日—15日）
    if in_phase_section and dated is not None and TRAILING_DATE_PAREN.search(heading):
        return True  # 方法步骤 → （二）开展试点 → 1.确定标杆企业（2017年6月30日前完成）: a step of a stage, dated
    # a numbered work item that carries its own date range: （一）全面开展清产核资（2018年4-9月）
    return dated in ("range", "month") and bool(TRAILING_DATE_PAREN.search(heading))


def _siblings_end_only(node: OutlineNode) -> bool:
    """Whether a sibling of ``node`` is a stage dated only by its end (``（10月15日前）``)."""
    siblings = node.parent.children if node.parent is not None else []
    return any(found[1] == "end" for sibling in siblings if sibling is not node
               and (found := heading_dates(sibling.heading)) is not None)


# a day that one end of a range stands beside (即日起-6月10日, 5月1日至…) dates no one-day stage;
# 5月1日至结束: from that day until the work ends, open-ended
_RANGE_BEFORE_DAY = re.compile(r"(?:即日|起|至|致|到|[-—－~～])\s*$")
_RANGE_AFTER_DAY = re.compile(r"\s*(?:至|致|到|起|开始|以后|[-—－~～])")


# 第一阶段（摸底梳理）：即日起至3月4日前: the stage's name in brackets after its label
_LABEL_THEN_BRACKETED_NAME = re.compile(r"^第[一二三四五六七八九十]+(?:阶段|階段)[（(](?P<name>[^（）()\d]{2,12})[）)]\s*[：:]")


_QUARTER_LABEL = re.compile(r"^\s*(?P<name>第[一二三四]季度)\s*[：:]")
_FIRST_CLAUSE = re.compile(r"\s*(?:前|之前)?\s*[，,：:]\s*(?P<work>[^，,。；;：:（()]{4,30})(?=[，,。；;]|$)")


# 我局将于|6月5日至6月21日|开展督查, 各单位应于|5月31日之前完成…: a sentence's subject and its date's preposition
_DATES_IN_SENTENCE = re.compile(r"[\u4e00-\u9fff]{2}(?:将|应|须|要|拟)(?:于|在)\s*$")
_DUE_BY_SUBJECT = re.compile(r"(?:应|须|要|务必|必须)(?:于|在)\s*$")


_FROM_NOW_UNTIL = re.compile(r"^(?:[从自于在\s]|即日|起|至|到)*")  # 即日起至|11月23日: from now on, then the dates
LONG_WORK_CHARS = 20  # a stage named after its dates by more than this is named by its first clause
_WORK_CIRCUMSTANCE = re.compile(r"^在[^，,。；;]{2,20}?(?:基础上|前提下|过程中)[，,]\s*")
_OWN_OFFICE_SUBJECT = re.compile(r"^(?:我|本)(?:局|办|委|处|中心|厅)(?=[\u4e00-\u9fff]{2})")


def _phase_name(heading: str, dates: DateRange | None) -> str:
    bracketed = _LABEL_THEN_BRACKETED_NAME.match(heading)
    if bracketed:
        return compact(bracketed.group("name"))
    quarter = _QUARTER_LABEL.match(heading)
    if quarter:  # （一）第二季度： 2017年6月30日前，…: the stage is named by its quarter, as 第一阶段：… is by its label
        return quarter.group("name")
    named = _NAMED_THEN_PAREN.match(heading)
    if named and len(heading) > named.end() + 4:  # 常态推进阶段（长期）需长期开展…: the heading ran into its text
        # 第一阶段为动员部署阶段（…），…; 第一阶段（2018年）：排查整治阶段。…
        return _named_after_label(re.sub(r"^(?:为|是)(?=\S{2})", "", compact(named.group("name"))), heading[named.end() :])
    name = heading
    if dates is not None and _DATES_IN_SENTENCE.search(heading[: dates.span[0]]):
        work = re.match(r"[^，,。；;：:]{2,20}", heading[dates.span[1] :].strip("，,：: "))
        if work is not None:  # （二）我局将于6月5日至6月21日开展督查: a sentence, named by its work
            return compact(work.group())
    if dates is not None and not _FROM_NOW_UNTIL.sub("", heading[: dates.span[0]]):
        rest = heading[dates.span[1] :].strip("，,：:。 ")  # 2021年3月1日至3月15日，动员部署阶段: named after its dates
        rest = re.sub(r"^(?:开始|起)[，,\s]*(?=\S)", "", rest)  # 2017年12月开始，开展第三轮企业检查: the work, not its start
        # 6月12日至25日：在各单位自检基础上，我局组织抽查: the work, without its circumstance and who does it
        rest = _WORK_CIRCUMSTANCE.sub("", rest)
        cues = load_deadline_cues()
        rest = cues.unit_subject.sub("", cues.subject.sub("", _OWN_OFFICE_SUBJECT.sub("", rest)))
        if len(compact(rest)) > LONG_WORK_CHARS or "即日" in heading[: dates.span[0]]:
            # 即日起至11月23日，各有关企业开展自查自纠，排查摸底是否…: its first act
            rest = re.split(r"[，,。；;]", rest)[0]
        if rest:
            return compact(rest)
    if dates is not None:
        paren = heading.rfind("（", 0, dates.span[0] + 1)
        paren = max(paren, heading.rfind("(", 0, dates.span[0] + 1))
        name = heading[:paren] if paren >= 0 and paren <= dates.span[0] else heading[: dates.span[0]]
    name = compact(TRAILING_DATE_PAREN.sub("", name)).rstrip("：:，,。")
    # 动员部署阶段，时间为3月1日…, 自查自纠阶段：即日起至4月30日: the words leading to the dates
    name = _NAME_LEAD_OUT.sub("", name)
    name = re.sub(r"(?<=阶段)[：:][\u4e00-\u9fff]{1,4}$", "", name)  # 自查自纠阶段：检查|时间为…: the stage, not its label's word
    name = re.sub(r"^(?:为|是)(?=\S{2})", "", name)  # 第一阶段为动员部署阶段: the stage is named after 为
    if dates is not None:
        name = _named_after_label(name, heading[dates.span[1] :])
    if not name or _DATES_LEAD.fullmatch(name):  # （一）即日起至1月10日。: a stage headed only by its dates
        work = _FIRST_CLAUSE.match(heading, dates.span[1]) if dates is not None else None
        if work is not None:  # 即日起至8月18日，举办…宣誓活动，发放…: named by the work it does
            return compact(work.group("work"))
        return compact(TRAILING_DATE_PAREN.sub("", heading)).rstrip("。：:，,") or compact(heading)
    return _STAGE_PREFIX.sub("", name) or name or compact(heading)  # （一）一季度: the period names the stage


def _named_after_label(name: str, after: str) -> str:
    """A bare stage label (``第一阶段``) before its dates takes the name printed after them (``（2018年）：排查整治
    阶段``); any other name stays."""
    if not re.fullmatch(r"第[一二三四五六七八九十]{1,3}(?:阶段|階段)", name):
        return name
    rest = re.match(r"^\s*[）)]?\s*(?:[：:]|为|是)\s*(?P<name>[^。；;，,（(]{2,20})", after)
    return compact(rest.group("name")) if rest else name


_DATES_LEAD = re.compile(r"(?:从|自)?即日起(?:至|致|到)?|(?:从|自)")


# 第一阶段（3月1日至3月15日）：动员部署, 第一阶段（…）为宣传动员阶段
_NAME_LEAD_OUT = re.compile(r"(?<=\S{2})[，,：:]?(?:(?:时间|时限|期限|时段)(?:为|是|[：:])?|(?:从|自)?即日起(?:至|到)?|(?:从|自))$")
_BRACKETED_DATES_THEN_NAME = re.compile(r"^\s*[（(](?P<dates>[^（）()]+)[）)]\s*(?:[：:]|为|是)\s*(?P<name>\S.*?)[。]?$")


def _labelled_stage_name(marker: str, heading: str, found: tuple[DateRange, str] | None, name: str) -> str:
    """The name of a stage labelled ``第X阶段``: the label itself when the heading names no stage of its
    own (``第一阶段：迅速动员部署`` undated, ``第一阶段：从3月1日至6月30日，…``), the words after the colon
    when the heading is the dates in brackets (``第一阶段（3月1日至3月15日）：动员部署``), else ``name``."""
    label = compact(marker).rstrip("：:")
    named = re.match(r"^\s*[（(](?P<name>[^（）()]{2,12}(?:阶段|階段))[）)]", heading)
    if named:  # 第一阶段（动员部署阶段）：3月1日—3月15日: the stage's name in brackets after its label
        return compact(named.group("name"))
    if found is None:
        return label
    bracketed = _BRACKETED_DATES_THEN_NAME.match(heading)
    if bracketed and found[0].span[1] <= bracketed.start("name"):
        return compact(bracketed.group("name"))
    if len(compact(heading[: found[0].span[0]]).strip("从自：:")) <= 1:
        return label
    return name


_INLINE_STAGE = re.compile(r"第[一二三四五六七八九十]{1,3}(?:阶段|階段)\s*[：:]")
INLINE_DATE_REACH = 30  # characters after an inline stage's label where its date range must begin


def _inline_stages(text: str, node: OutlineNode, year: int | None) -> list[PhaseHit]:
    """Stages labelled inside a stage item's own paragraph (``第一阶段：从2021年3月1日至6月30日，…``),
    each with the date range that follows its label; [] unless every label carries one."""
    own = text[node.own_span[0] : node.own_span[1]]
    hits: list[PhaseHit] = []
    for label in _INLINE_STAGE.finditer(own):
        ranges = [r for r in find_date_ranges(own[label.end() : label.end() + INLINE_DATE_REACH + 40])
                  if r.span[0] <= INLINE_DATE_REACH and r.end is not None]
        point_year = ranges[0].start.year or year if ranges else None
        if not ranges or point_year is None:
            return []
        start, end = ranges[0].resolve(point_year)
        span = (node.own_span[0] + label.start(), node.own_span[0] + label.end() + ranges[0].span[1])
        name = compact(label.group()).rstrip("：:")
        hits.append(PhaseHit(name, start, end, compact(text[span[0] : span[1]]), span))
    return hits


_ENUMERATED_STAGE = re.compile(
    r"(?:^|(?<=[。；;\n\s]))[一二三四五六七八九十]是(?P<name>[^，,。；;：:（()\n]{2,14}?(?:阶段|階段))")


def _enumerated_stages(text: str, top: OutlineNode, year: int | None) -> list[PhaseHit]:
    """Stages counted in prose inside a schedule section: ``一是动员部署阶段（3月1日至3月10日）。…二是…``,
    each with the date range printed right after its name (none when it prints none)."""
    body = text[top.span[0] : top.span[1]]
    hits: list[PhaseHit] = []
    for label in _ENUMERATED_STAGE.finditer(body):
        start = end = None
        found = heading_dates(body[label.end() : label.end() + INLINE_DATE_REACH])
        if found is not None and found[0].span[0] <= 2:
            start, end = stage_dates(found, year) or (None, None)
        span = (top.span[0] + label.start(), top.span[0] + label.end())
        hits.append(PhaseHit(compact(label.group("name")), start, end, compact(text[span[0] : span[1]]), span))
    return hits


# 3月份为动员部署阶段，4月至6月为集中整治阶段, 6月1日至9日为安全生产事故警示周, 6月9日为…宣传咨询日: dates, then 为,
# then the stage, week or day they are (为期一个月 is a length, no stage)
_DATED_AS_STAGE = re.compile(r"(?:^|(?<=[。；;，,：:\n\s]))(?:从|自)?(?P<dates>[^，,。；;为\n]{2,24}?)为(?![期止准主例])"
                             r"(?P<name>[^，,。；;为\n（(]{2,12}?(?:阶段|階段)|[^，,。；;为\n（(]{4,18}?(?:周|日)(?:活动)?(?=[，,。；;\n]|$))")
# 第一步，摸底调查（3月1日至3月31日）: steps counted so, each with its date range in brackets
_COUNTED_STEP = re.compile(r"(?:^|(?<=[。；;\n\s]))第[一二三四五六七八九十]{1,2}步\s*[，,：:、]?\s*"
                           r"(?P<name>[^，,。；;：:（()\n]{2,14})(?P<dates>[（(][^（）()]{3,30}[）)])")

# 集中整治阶段：4月1日至6月30日。 (a line of its own), 分三个阶段进行：动员部署阶段（3月1日至3月31日），…: a stage
# named so, then its dates after a colon or in brackets
_NAMED_STAGE_DATES = re.compile(r"(?:^|(?<=[。；;：:，,\n\s]))(?P<name>[^，,。；;：:（()\n为各每该本这此]{2,12}?(?:阶段|階段))"
                                r"\s*(?:[：:]\s*(?P<dates>[^，,。；;（()\n]{3,30}?)(?=[，,。；;\n]|$)|(?P<bracketed>[（(][^（）()]{2,30}[）)]))")

# 自查时间：8月23日－8月31日 … 检查时间：9月1日－9月15日: labelled steps of a schedule, each with its range (two
# or more of them: one labelled range alone is the campaign's period, no stage); the first may follow its section's
# heading glued on (二、考核时间自查自评：1月18日-1月28日；考核小组检查：…)
_LABELLED_STEP = re.compile(r"(?:^|(?<=[。；;，,）)\n\s])|(?<=时间|安排))(?!安排)(?P<name>[\u4e00-\u9fff]{2,6})[：:]\s*"
                            r"(?P<dates>\d{1,2}月\d{1,2}日\s*[-—－至到~～]\s*(?:\d{1,2}月)?\d{1,2}日)")


# 1．2017年8月7日至9月10日开展安全生产大检查。2．…: a schedule's item (or a 第一阶段， in prose) opening with its full
# date range, the work done then as its name
@lru_cache(maxsize=1)
def _dates_then_work() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, load_section_classes().stage_work_verbs))
    return re.compile(r"(?:^|(?<=[。；;：:\n\s]))(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)]"
                      r"|第[一二三四五六七八九十]{1,3}(?:阶段|階段)[，,])?\s*"  # 第一阶段，2021年4月1日—8月31日在片区范围组织开展…
                      r"(?P<dates>(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*[-—－至到~～]\s*(?:\d{1,2}月)?\d{1,2}日)"
                      r"(?:在[^，,。；;\n]{1,12}?)?"  # where it is done is no part of the work
                      rf"(?P<name>(?:{verbs})[^，,。；;\n]{{2,20}})(?=[。；;\n]|$)")


def _prose_stages(text: str, top: OutlineNode, year: int | None) -> list[PhaseHit]:
    """Stages a schedule section gives in prose: ``3月份为动员部署阶段``, ``第一步，摸底调查（…）``,
    ``集中整治阶段：4月1日至6月30日``, ``1．2017年8月7日至9月10日开展安全生产大检查``; only those whose dates are
    read."""
    body = text[top.span[0] : top.span[1]]
    hits: list[PhaseHit] = []
    for pattern in (_DATED_AS_STAGE, _COUNTED_STEP, _NAMED_STAGE_DATES, _dates_then_work(), _LABELLED_STEP):
        matches = list(pattern.finditer(body))
        if pattern is _LABELLED_STEP and len(matches) < 2:
            continue
        for match in matches:
            if any(hit.span[0] - top.span[0] <= match.start() < hit.span[1] - top.span[0] for hit in hits):
                continue  # 3月份为动员部署阶段（…）: read once
            if pattern is _NAMED_STAGE_DATES and match.group("dates") is None:
                match_dates = match.group("bracketed")
            else:
                match_dates = match.group("dates")
            dates = match_dates.strip("（()） ")
            found = heading_dates(dates)
            if found is None or "阶段" in dates or found[1] not in ("range", "month", "open", "point", "end"):
                continue
            resolved = stage_dates(found, year)
            if resolved is None:
                continue
            start, end = resolved
            span = (top.span[0] + match.start(), top.span[0] + match.end())
            hits.append(PhaseHit(compact(match.group("name")), start, end, compact(text[span[0] : span[1]]), span))
    return sorted(hits, key=lambda hit: hit.span)


# （二）专项整治2023年9月18日-26日期间，…; （三）“回头看”“十一”前的2023年9月27日-28日，…: a short name, then a
# full date range with its year (a festival before it is how the range is placed, not the name)
_NAME_THEN_DATES = re.compile(r"^(?P<name>[^，,。；;\d（(]{2,12}?)(?:“[^”]{1,6}”(?:前|后)的)?"
                              r"(?P<dates>(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*[-—－至到~～]\s*(?:\d{1,2}月)?\d{1,2}日)"
                              r"(?:期间)?[，,]")


# 1．区级动员部署（2025年1月-4月）：建立工作小组…: a heading whose dates close its name before a colon
_DATED_HEAD_THEN_WORK = re.compile(r"^(?P<head>[^：:，,。；;（(]{2,30}[（(][^（）()]*\d[^（）()]*[）)])\s*[：:]")


# 全面总结阶段：2017年8月10日前各成员单位报送…: a stage's label, then a day something is due and who does what
_DUE_AFTER_LABEL = re.compile(r"(?:阶段|階段)\s*[：:]\s*[^，,。；;：:（()]{3,16}?(?:前|之前|以前)[\u4e00-\u9fff]{4}")


_PERIOD_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}时间\s*(?:[：:]|为)?\s*(?:从|自)?\s*$")


def _duty_dates(heading: str) -> bool:
    """Whether the heading's dates are in a bracket that says they are a duty roster's (``（值班安排4月1日—6日）``)."""
    roster = load_section_classes().duty_roster_dates
    return roster is not None and roster.search(heading) is not None


def _period_labelled(heading: str) -> bool:
    """``heading`` opens with a ``X时间：`` label before its first dates (``调整时间：从2016年1月1日至3月30日``)."""
    ranges = find_date_ranges(heading)
    return bool(ranges) and bool(_PERIOD_LABEL.match(heading[: ranges[0].span[0]]))


def _period_label_alone(node: OutlineNode, heading: str) -> bool:
    """``heading`` is a ``X时间：`` label before its dates, and no sibling is such a label: one labelled period alone
    is the campaign's, not a stage (``自查时间：… 检查时间：…`` are steps)."""
    siblings = node.parent.children if node.parent is not None else []
    return _period_labelled(heading) and not any(other is not node and _period_labelled(other.heading) for other in siblings)


# 二、组织实施 … 自查自纠工作具体分为三个阶段。1.调查摸排（…前）: a section whose own text announces its stages
_ANNOUNCES_STAGES = re.compile(r"分(?:为)?[一二三四五六七八九十两\d]个(?:阶段|階段|步骤)")


def find_phases(
    text: str, outline: list[OutlineNode], spans: SectionSpans, year: int | None
) -> list[PhaseHit]:
    """Stages of the work: ``…阶段`` headings (dated or not), dated items of a 步骤/时间安排 section,
    and numbered work items whose heading carries their own date range."""
    phases: list[PhaseHit] = []
    for top in outline:
        in_phase_section = is_phase_section(top, spans) or _ANNOUNCES_STAGES.search(top.text) is not None
        if in_phase_section and not any(_names_stage(n.heading) or _STAGE_WORD.search(n.marker)
                                        for n in top.walk() if n is not top):
            phases.extend(_enumerated_stages(text, top, year) or _prose_stages(text, top, year))
        for node in top.walk():
            heading = node.heading
            if not heading:
                continue
            dated_head = _DATED_HEAD_THEN_WORK.match(heading)
            # 1．区级动员部署（2025年1月-4月）：建立…: the item's name and its dates, then its work (第一阶段（2018年）：
            # 排查整治阶段。: the stage's label, its name after the colon)
            if dated_head and not _STAGE_WORD.search(dated_head.group("head")):
                heading = dated_head.group("head")
            if _period_label_alone(node, heading):
                continue  # 1、调整时间：从2016年1月1日至3月30日，…: the campaign's whole period, no stage of it
            if _duty_dates(heading):
                continue  # 1.东海陵园（值班安排4月1日—6日）: who keeps a place on which days, no stage
            named_then_dated = _NAME_THEN_DATES.match(heading) if node is not top else None
            if named_then_dated:  # （二）专项整治2023年9月18日-26日期间，由…: a work item with its own range
                ranges = find_date_ranges(named_then_dated.group("dates"))
                if ranges and ranges[0].end is not None and ranges[0].start.year:
                    start, end = ranges[0].resolve(ranges[0].start.year)
                    span = _heading_span(node)
                    phases.append(PhaseHit(compact(named_then_dated.group("name")), start, end,
                                           compact(text[span[0] : span[1]]), span))
                    continue
            found = heading_dates(heading)
            if found is not None and found[1] == "end" and _DUE_BY_SUBJECT.search(heading[: found[0].span[0]]):
                continue  # （一）各产权所有人应于5月31日之前完成…自查: a duty with its deadline, no stage
            # 宣传发动阶段。2021年3月1日至3月15日，…: a stage named so takes the dates its paragraph opens with
            named_stage = bool(_names_stage(heading) or _STAGE_WORD.search(node.marker))
            # 宣传发动环节。5月下旬起，…: an item of a steps section takes the dates its paragraph opens with too
            opens = named_stage or in_phase_section and node.parent is top
            from_paragraph = found is None and opens and (found := _opening_dates(node)) is not None
            if found is not None and found[1] == "end" and _DUE_AFTER_LABEL.search(heading):
                continue  # （3）全面总结阶段：2017年8月10日前各成员单位报送…: a stage's report due, no stage
            if from_paragraph and not named_stage and found is not None and found[1] == "end" and not _from_now(node):
                # （三）开展评估总结。2021年3月底前，…: a deadline, not a stage (（一）全面自查。即日起至3月13日，…: one)
                found, from_paragraph = None, False
            labelled = _labelled_dates(text, node) if found is None and named_stage else None
            if labelled is not None:
                found, from_paragraph = labelled[0], True
            elif found is None and named_stage and (found := _first_sentence_range(node)) is not None:
                from_paragraph = True
            kind = found[1] if found else None
            if not _is_stage(node, heading, top, in_phase_section, kind):
                continue
            if found is None and any(_STAGE_WORD.search(child.marker) and heading_dates(child.heading)
                                     for child in node.children):
                continue  # （三）分阶段稳步推进 over its dated 第一阶段/第二阶段: the children are the stages
            if found is None:
                inline = _inline_stages(text, node, year)
                if inline:  # （三）分阶段稳步推进。第一阶段：从3月1日至6月30日，…第二阶段：…
                    phases.extend(inline)
                    continue
            start = end = None
            if found is not None:
                dates = found[0]
                point_year = dates.start.year or year
                if point_year is None:
                    continue
                start, end = dates.resolve(point_year)
                one_day = dates.start.day is not None and not from_paragraph \
                    and not _RANGE_BEFORE_DAY.search(heading[: dates.span[0]]) \
                    and not _RANGE_AFTER_DAY.match(heading[dates.span[1] :])  # (即日起-6月10日, 5月1日至结束)
                if kind == "point" and (dates.start.part in _BEGINNING_PARTS or one_day):
                    # 全面部署阶段（7月初）, 文艺演出（1月20日上午9：00-11：00）: a stage on that one day
                    start = end = dates.start.resolve(point_year, as_end=False)
                elif kind == "point" and dates.start.part in _END_PARTS and not _siblings_end_only(node):
                    # 总结阶段（9月底） after stages with ranges: a one-day stage (after 自查阶段（10月15日前）
                    # its sibling 整改反馈阶段（11月底） ends then, as they do)
                    start = end = dates.start.resolve(point_year, as_end=True)
                elif kind == "end" or kind == "point" and dates.start.part not in _PERIOD_PARTS:
                    # 自查阶段（3月底前）: the stage ends then (动员部署（3月上旬） keeps the span resolve gave
                    # it: the part of the month)
                    start = None
                    end = dates.start.resolve(point_year, as_end=True)
                elif kind == "open":
                    end = None  # 2024年6月起: open-ended
            span = _heading_span(node)
            name = _phase_name(heading, found[0] if found and not from_paragraph else None)
            if _STAGE_WORD.search(node.marker):
                name = _labelled_stage_name(node.marker, heading, None if from_paragraph else found, name)
            venues = load_section_classes().venues_only
            if venues is not None and venues.match(name):
                continue  # 1.殡仪馆、东海陵园（4月3日）: the days places open, no stage
            phases.append(PhaseHit(name, start, end, compact(text[span[0] : span[1]]), span,
                                   labelled[1] if labelled else None))
    return _without_restated(phases)


def _without_restated(phases: list[PhaseHit]) -> list[PhaseHit]:
    """Without a stage named again later with only one of its dates (a reporting schedule's label: 集中整治阶段
    （2016年9月至11月） … （1）集中整治阶段：从2016年10月起，各成员单位每月1日前报送…): the stage was given whole."""
    whole = {phase.name: phase.span for phase in reversed(phases) if phase.start and phase.end}
    return [phase for phase in phases if phase.start and phase.end or phase.name not in whole
            or whole[phase.name] > phase.span]
