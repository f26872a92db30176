"""Deadlines: obligations bound to a date — ``于…前报送``, ``截止…``, ``应在2026年底前完成``,
recurring ones (``每月10日前``) — with what is due (verb first, as printed) and to whom.

A date is a deadline when 前/之前/以前 follows it (or 截止 precedes it) **and** the sentence carries an
obligation: a modal (要, 应, 须, 请, 力争 …) or an obligation verb right after the date. So the dates of
a report on past work (``6月30日前，区民政…等部门开展联合检查``) and ``截至2024年7月2日`` (as of) are not
deadlines. ``what`` is the phrase the date governs: ``将X报送Y`` → 报送X (to Y), ``对X进行评估总结`` →
评估总结X; an object left out is the sentence's topic (``有关材料请于…前报送`` → 报送有关材料) or the
clause before (``对于需要回收…的，原则上于…前完成`` → 完成回收…). A task's labelled 完成时限 is read with
the task (:mod:`docproc.extract.tasks`), not here. The cues are ``models/extract/deadlines.json``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from docproc.extract.dates import DateRange, chinese_number, find_date_ranges
from docproc.extract.deadline_cues import DeadlineCues, load_deadline_cues
from docproc.extract.deadline_windows import HOUR_AFTER, TIME_OF_DAY, clock_time, closing_window
from docproc.extract.found import compact

_CLAUSE_END = re.compile(r"[，,。；;！？\n]")
_CLAUSE_BREAK = re.compile(r"[，,。；;！？\n（()）]")
_SENTENCE_END = re.compile(r"[。；;！？\n]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_TITLED = re.compile(r"(《[^《》]*》)")
_LAST_KEPT = re.compile(r"[（(][^（）()]*[）)](?![。；;，,\s]*$)")
# not part of what is due: a reference or a note on the form (（见附件2）, （电子版与纸质版）, （一式三份）, （…〔2014〕83号附件1、2）)
_REMARK = re.compile(r"[（(](?:(?:见|详见|附件|附表|含|以下简称|下称|格式|电子版|纸质|一式|联系人|联系电话|电话)[^（）()]*"
                     r"|[^（）()]*(?:〔\d{4}〕\d+号|附件\s*\d)[^（）()]*)[）)]")


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


# ---------------------------------------------------------------- what is due


def _without_notes(value: str, keep_last: bool = False) -> str:
    """``value`` without its bracketed notes (``（一式两份，应包括…）``); a bracket inside 《》 stays, and with
    ``keep_last`` one that ends ``value`` (a receiver's: 报送区政府办公室（法制办）)."""
    note = _LAST_KEPT if keep_last else _BRACKETED
    return "".join(part if part.startswith("《") else note.sub("", part) for part in _TITLED.split(value))


def _clean(value: str, cues: DeadlineCues) -> str:
    value = _REMARK.sub("", value)
    value = _without_notes(value)  # 报送专项整治进展情况（发现的线索）及相关报表: the note is no part of the act
    value = cues.manner.sub("", value)
    return compact(value).strip("，,、")


def _clean_to(value: str, cues: DeadlineCues) -> str | None:
    """The receiver as printed: ``区政府办公室（法制办）`` keeps its bracket; a bracketed date, number or
    contact (``（联系人：…``) and a trailing 备案/审核 do not belong to it."""
    value = compact(value)
    if re.search(r"邮箱|@|微信|QQ|传真|平台|系统", value):
        return None  # a mailbox, a chat group or a system is where it goes, not who receives it
    value = re.sub(r"[（(][^（）()]*(?:\d|联系)[^（）()]*[）)]?$", "", value)
    value = re.split(r"[（(](?=[^（）()]*$)(?![^（）()]*[）)])", value)[0]  # an unclosed bracket
    value = cues.receiver_trailer.sub("", value)
    return value or None


# how a receiving unit's name ends (报县司法局, …总结报省环保厅)
RECEIVER_ENDINGS = ("部", "局", "办", "委", "厅", "处", "室", "科", "站", "所", "队", "院", "中心", "办公室", "政府", "指挥中心",
                    "指挥部", "工作组")
_RECEIVER_END = "(?:" + "|".join(sorted(RECEIVER_ENDINGS, key=len, reverse=True)) + ")"
_COORDINATED_BEFORE = re.compile(
    r"(?:分别)?(?:于|在)?(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号]|底|末)?(?:前)?[和、及与])+$")
# 分别于2023年11月20日、2024年6月20日、2025年12月20日前: the dates after the first, up to the shared 前
_COORDINATED_AFTER = re.compile(r"(?:\s*[和、及与]\s*(?:\d{4}年)?\d{1,2}月(?:\d{1,2}\s*[日号]|底|末)?)+")
_SECOND_DATED_OBJECT = re.compile(r"^((?:将|把)[^，,。；;、]{2,40})、(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号]|底|末)?前(?:将|把)[^，,。；;]{2,40}?"
                                  r"(?=(?:分别|统一)?(?:报送|上报|报|提交|发送))")
_SECOND_ACT = re.compile(r"(?<=\S\S)并(?![网入购轨])(?=[\u4e00-\u9fff]{2})")
_MADE = re.compile(r"(?:形成|填报|填写|制定|编制|起草|撰写|整理|准备)(?![或和及与的])(?P<obj>《[^》]+》|[^，,。；;《]{2,24})")


_MADE_THEN = re.compile(r"(?:提出|形成|制定|出具|作出|做出|编制)(?P<obj>[^，,。；;]{2,20})后$")
_NAMED = re.compile(r"(?:明确|确定|指定|推荐|选派)(?:[\d０-９]+|[一二两三四五六七八九十]+)[名个位](?P<obj>[^，,。；;、]{2,8})[，,]")


def _topic(before: str, previous_clause: str, cues: DeadlineCues, sentence_before: str = "", sent: bool = False) -> str:
    """What an object-less verb is about: the sentence's topic before the date, else the thing the
    sentence said was made (``形成自查自纠书面材料，经…审核同意，于…前报送``), else the clause before."""
    topic = cues.preposition.sub("", before).strip("，, ")
    topic = re.split(r"[（(][一二三四五六七八九十]{1,3}[）)]", topic)[-1]  # …落实到位 (二)有关企业要将…: the item's own
    topic = re.sub(r"^请(?=各)", "", topic)  # 请各单位于…前报送: the subject asked, not the topic
    topic = re.sub(r"^(?:并且|并|同时)(?=将|把)", "", topic)  # 并将行动总结分别于…前报送
    topic = _COORDINATED_BEFORE.sub("", topic)  # 分别于6月20日和 | 12月20日前: the first of two dates
    topic = re.sub(r"(?:原则上|均|统一|请|应|要|须|务必|并|分别)+$", "", topic)
    topic = cues.subject.sub("", topic) if len(topic) > 6 or cues.subject.fullmatch(topic) else topic
    topic = re.sub(rf"^[^，,。；将把]{{1,12}}?(?:{cues.modal.pattern})+(?=(?:{cues.object_marker}))", "", topic)  # 有关企业要将…
    topic = re.sub(rf"^(?:{cues.modal.pattern})*(?:{cues.object_marker})", "", topic)  # 各单位|要将|方案于…
    topic = re.sub(r"^[\u4e00-\u9fff]{1,8}后$", "", topic)  # 盖章扫描后于…前发送: when, not what
    if len(compact(topic)) >= 2:
        made_topic = _MADE.fullmatch(topic.strip())  # 形成书面报告于…前报送, 填写相应的推荐表格并于…前发送
        return _clean(made_topic.group("obj") if made_topic else topic, cues)
    named = _NAMED.search(sentence_before)
    if named:  # 明确1名联络员，做好日常沟通衔接，于…前反馈: the person named is what is sent
        return _clean(named.group("obj"), cues)
    made_before = list(_MADE.finditer(previous_clause))
    if made_before:  # 将…汇总后形成书面材料，于…前报告: the thing made
        return _clean(made_before[-1].group("obj"), cues)
    made_then = _MADE_THEN.search(previous_clause)
    if made_then:  # 对申报项目提出初审意见后，4月10日前报送…: what was made before it is sent
        return _clean(made_then.group("obj"), cues)
    held = re.search(rf"(?:{cues.object_marker})(?P<obj>[^，,。；;]{{2,60}})$", previous_clause)
    if held:  # 应将制定的实施方案…，于6月10日前分别报送…: the object the clause before took up
        return _clean(held.group("obj"), cues)
    sent_before = re.search(rf"向[^，,。；;]{{2,20}}?(?:{cues.send_verb})(?P<obj>[^，,。；;]{{2,40}})$", previous_clause)
    if sent_before and sent:  # 请各单位按时向专项办报送摸排情况表，于每月15日前报送…: what the clause before sends
        return _clean(sent_before.group("obj"), cues)
    clause = cues.condition_opener.sub("", previous_clause.strip("，, "))
    procedural = re.match(r"^(?:经|通过|按照|根据|依据|在|结合)", clause)
    if clause and not procedural and not cues.exhortation.search(clause):  # 请各单位高度重视，于…前报送
        clause = cues.subject.sub("", clause) if len(clause) > 6 else clause
        acted = re.search(r"(?:^|要|应|须)对(?P<about>.{1,60})(?:开展|进行|实施)(?P<obj>[^，,]{2,})$", clause)
        if acted and sent:  # 应对专项行动实施情况进行总结，在…前书面报告省总队: what is reported is what was summed up
            return _clean(acted.group("about"), cues)
        if acted:  # 要对排查中发现的疑似危房开展以解危为主的重点整治，于…前完成 → 以解危为主的重点整治
            return _clean(acted.group("obj"), cues)
        if clause.endswith("的"):  # 对于需要回收、置换、购置的: the case the sentence speaks of
            clause = clause[:-1]
            modal = list(re.finditer(r"需要|应当|必须|要", clause))
            if modal:
                clause = clause[modal[-1].end() :]
        if "的" not in clause:  # 形成自查报告 → 自查报告 (a noun phrase with 的 keeps its verb)
            clause = re.sub(r"^(?:认真)?(?:形成|填报|填写|制定|编制|起草|撰写|整理|准备|将|把|(?:全权|具体)?负责)", "", clause)
            # 明确1名联络员，于…前反馈 → 联络员: the person named, not the naming
            clause = re.sub(r"^(?:明确|确定|指定|推荐|选派)(?:\d+|[一二两三四五六七八九十]+)?[名个位]?", "", clause)
        if len(compact(clause)) >= 2:
            return _clean(clause, cues)
    made = list(_MADE.finditer(sentence_before))
    return _clean(made[-1].group("obj"), cues) if made else ""


def _without_subject(after: str, cues: DeadlineCues) -> str:
    """The clause after a date without its subject: ``各省份完成…`` → ``完成…``, ``试点城市政府对…``,
    ``国家卫生健康委推行…`` → ``推行…`` (a unit before its verb; a clause that opens with a verb keeps
    the units it names)."""
    after = cues.subject.sub("", after).lstrip()
    if cues.obligation_start.match(after):
        return after
    return cues.unit_subject.sub("", after)


_LABELLED_ACT = re.compile(r"^(?P<verb>[\u4e00-\u9fff]{2,4}?)(?:截止)?(?:时间|日期|时限|期限)(?:为|[：:])?$")  # 报送时间：
_FORMS = r"(?:正式文件|纸质版|纸质件|电子版|电子邮件|电子文档|盖章扫描件|扫描件)"
_FORM_AFTER_OBJECT = re.compile(rf"(?<=\S{{2}})(?<!连同)(?<!以及)(?<!盖章)(?<!签字)(?:以)?{_FORMS}(?:[及和、与]{_FORMS})*(?:形式)?$")
_NOUN_VERBS = ("报告", "報告")  # also nouns: 自查报告报县… ends the object
# 报 inside a word of the object (截至申报日的…, 填报表, 举报线索), not the act of sending it
_INSIDE_WORD = re.compile(r"[申填举预简快情通]报|.报[日表名刊纸]|.汇总[表单数]")  # …和汇总表: a table's name


def _fronted_object(after: str, cues: DeadlineCues) -> tuple[str, str | None] | None:
    """``将自查报告报县应急局`` → (报自查报告, 县应急局): the object 将/把 fronts, its send verb (报告
    ending the object and followed by a send verb is the object's), then where it goes."""
    parts = _fronted_parts(after, cues)
    if parts is None:
        return None
    verb, obj, to = parts
    return verb + _clean(obj, cues), _clean_to(to, cues)


def _fronted_parts(after: str, cues: DeadlineCues) -> tuple[str, str, str] | None:
    """(verb, object, where it goes) of ``将X报Y`` at the start of ``after``, or None."""
    marker = re.match(rf"^(?:{cues.object_marker})", after)
    if marker is None:
        return None
    rest = after[marker.end() :]
    verb = next((v for v in re.finditer(cues.send_verb, rest) if v.start() >= 2 and not (
        v.group() in _NOUN_VERBS and (re.match(cues.send_verb, rest[v.end() :])  # 自查报告|报…
                                      or re.search(rf"(?:{cues.send_verb})", rest[v.end() :])))  # 自查报告…及电子邮件报送
        and not _INSIDE_WORD.match(rest, v.start() - 1)), None)
    if verb is None:
        return None
    obj = re.sub(rf"(?:{cues.adverbs})\s*$", "", rest[: verb.start()])
    obj = _FORM_AFTER_OBJECT.sub("", obj)  # 将自查报告正式文件及电子邮件报送: the forms it is sent in
    to = re.sub(rf"^(?:{cues.receiver_link})", "", rest[verb.end() :])
    if len(obj) < 2:
        return None
    verb_text = re.sub(rf"(?:{cues.receiver_link})$", "", verb.group())  # 发至: the verb 发, then where
    return verb_text, obj, to


def _what_and_to(before: str, after: str, previous_clause: str, cues: DeadlineCues,
                 sentence_before: str = "") -> tuple[str, str | None]:
    """``before``: the clause up to the date; ``after``: the clause after 前 (comma stripped);
    ``sentence_before``: the sentence up to the date (where a left-out object may be named)."""
    after = cues.manner.sub("", _without_notes(after, keep_last=True))  # （一式两份，…汇总数据…）: no words of the act
    after = _SECOND_DATED_OBJECT.sub(r"\1", after)  # 将A、12月15日前将B分别报送X: A is what is due by the first date
    # 分别报送区督查室和区安办, 分别将…报送…, 定期向…报告 (before the subject is read: 定期向…办 is none)
    after = re.sub(rf"^(?:{cues.adverbs})(?=(?:{cues.send_verb}|{cues.object_marker}|向))", "", after)
    after = _without_subject(after, cues)  # 试点城市政府对…进行评估总结
    after = re.sub(rf"^(?:{cues.modal.pattern})+", "", after)
    after = re.sub(rf"^(?:{cues.object_marker})(?=(?:报送|上报|提交))", "", after)  # 将报送“…总结”: 将 fronts nothing
    after = re.sub(rf"^(?:{cues.degree_adverbs})", "", after)  # 年底前基本建成示范村 → 建成示范村
    after = cues.manner.sub("", after)  # 将督查落实情况以书面形式反馈至区安办
    after = re.sub(rf"^(?:{cues.adverbs})(?=(?:{cues.send_verb}|{cues.object_marker}|向))", "", after)  # 各村分别…
    brought = re.match(rf"^(?:{cues.object_marker})(?P<obj>[^，,。；;]{{2,40}}?)(?P<verb>降低|提高|控制|压减|减少|增加|提升)"
                       r"(?P<rest>[到至在][^，,。；;]+)$", after)
    if brought:  # 把单位产品电耗降低到历史最好水平 → 降低单位产品电耗到历史最好水平
        return brought.group("verb") + _clean(brought.group("obj"), cues) + brought.group("rest"), None
    carried_out = re.match(rf"^(?:{cues.object_marker})[^，,。；;]{{2,60}}?(?P<what>(?:进行|形成)[^，,。；;]{{2,}})$", after)
    if carried_out:  # 将截至申报日的项目进行线上初审 → 进行线上初审 (as 对X，进行Y); 将X形成书面总结 → 形成书面总结
        return _clean(carried_out.group("what"), cues), None
    fronted = _fronted_object(after, cues)
    if fronted is not None:
        return fronted
    moved = re.match(rf"^(?:{cues.object_marker})(?P<obj>[^，。；]+?)(?:在|向|于|通过|以|按|经)[^，。；]*?"
                     r"(?P<verb>公布|公示|印发|发布|报备|备案|反馈|移交|上传|录入|提交|报送|上报)$", after)
    if moved:  # 将本年度的考核结果在…网站向社会公布 → 公布本年度的考核结果
        return moved.group("verb") + _clean(moved.group("obj"), cues), None
    done = re.match(r"^对.+?(?P<what>完成.+)$", after)
    if done:  # 于6月20日前，对…城镇房屋完成重点排查 → 完成重点排查
        return _clean(done.group("what"), cues), None
    counted = re.match(r"^对.+?(?P<what>(?:进行|开展)(?:一次|一轮|一遍)[^，,。；;]+)$", after)
    if counted:  # 对用电单位进行一次用电大普查 → 进行一次用电大普查
        return _clean(counted.group("what"), cues), None
    by = re.match(r"^对(?P<obj>.+?)(?:进行|开展|作出|做出)(?P<verb>[\u4e00-\u9fff]{2,6})$", after)
    if by:
        return by.group("verb") + _clean(by.group("obj"), cues), None
    towards = re.match(rf"^向(?P<to>.+?)(?P<verb>{cues.send_verb})(?P<obj>.*)$", after)
    if towards:
        obj = towards.group("obj") or _topic(before, previous_clause, cues, sentence_before, sent=True)
        return towards.group("verb") + _clean(obj, cues), _clean_to(towards.group("to"), cues)
    sent = re.match(rf"^(?P<verb>{cues.send_verb})(?P<obj>.*?)(?:(?<!截)(?:{cues.receiver_link})(?P<to>.+))?$", after)
    if sent:
        obj = sent.group("obj")
        to = sent.group("to")
        if obj.count("（") + obj.count("(") > obj.count("）") + obj.count(")"):
            obj = re.split(r"[（(]", obj)[0]  # the clause broke inside a bracket (联系人：…)
        obj = _SECOND_ACT.split(obj)[0]  # 报送工作总结并汇总专项行动相关数据: the first act's object
        bare = cues.receiver_trailer.sub("", _BRACKETED.sub("", compact(obj)))
        if not to and bare and not re.search(r"[的、《]", bare) and len(bare) <= 20 and bare.endswith(
                RECEIVER_ENDINGS):
            obj, to = "", obj  # 报县司法局(备案): what is sent is the topic
        if not compact(obj):
            obj = _topic(before, previous_clause, cues, sentence_before, sent=True)
        return sent.group("verb") + _clean(obj, cues), _clean_to(to or "", cues)
    labelled = _LABELLED_ACT.match(compact(before)) if not after.strip() else None
    if labelled is not None:  # 将自查报告报县应急局，报送时间：4月10日前: the labelled act, its object before
        marker = re.search(rf"(?:{cues.object_marker})", previous_clause)
        held = _fronted_parts(previous_clause[marker.start() :], cues) if marker else None
        return labelled.group("verb") + (_clean(held[1], cues) if held else ""), None
    clause = _clean(after, cues)
    # 形成年度督查考核情况总结报省环保厅: the first verb phrase, then the last send verb and where it goes
    # (形成自查报告报县应急局: 报告 is the thing made)
    last = [m for m in re.finditer(cues.send_verb, clause) if m.start() >= 4
            and re.fullmatch(rf"[^，。；、]{{2,20}}?{_RECEIVER_END}", clause[m.end() :])]
    what = clause[: last[-1].start()] if last else ""
    if last and (what.endswith(_NOUN_VERBS) or not re.search(rf"(?:{cues.send_verb})$", what)):
        second = re.search(rf"(?<=\S{{2}})并(?:{cues.object_marker}|及时|按时|同时)", what)
        if second:  # 完成自查并将自查报告报送县应急局: the first act; the receiver is the sentence's
            what = what[: second.start()]
        return what, _clean_to(clause[last[-1].end() :], cues)
    if len(clause) <= 2 or clause in ("完成任务", "全面完成", "基本完成"):  # 完成, 退出: the object is elsewhere
        topic = _topic(before, previous_clause, cues, sentence_before)
        return (topic if topic.startswith(clause) else clause + topic), None
    return clause, None


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
    if clause_start == 0 or text[clause_start - 1] in "\n。！？":
        return ""  # 请于…前报送 after a full stop: the sentence before sends its own
    return text[_clause_bounds(text, clause_start - 1)[0] : clause_start - 1]


def _circumstance(clause: str, cues: DeadlineCues) -> bool:
    """Whether a clause after the date only gives circumstances (根据…, 各村要结合实际)."""
    core = re.sub(rf"^(?:{cues.modal.pattern})+", "", _without_subject(clause, cues))
    return bool(cues.procedural.match(clause) or cues.procedural.match(core) and len(core) <= 8)


def _is_obligation(sentence_before: str, after: str, cues: DeadlineCues) -> bool:
    after = cues.manner.sub("", _without_subject(after.lstrip("，, "), cues))  # 以书面形式报送…
    return bool(cues.modal.search(sentence_before) or cues.obligation_start.match(after) or cues.modal.match(after)
                or re.match(r"^对.{1,60}?(?:进行|开展|完成)", after)
                # 其中，…的项目，于2020年6月20日前征询…意见: 于 DATE 前 binds the act, unless it was done (已)
                or re.search(r"于\s*$", sentence_before) and len(compact(after)) >= 4
                and not cues.past.search(sentence_before + after))


_YEARLY_DATES = re.compile(r"每年\s*(?P<dates>\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[、和及与]\s*\d{1,2}\s*月\s*\d{1,2}\s*日)+)"
                           r"\s*(?:前|之前|以前)")
_MONTHLY_DAYS = re.compile(r"每月\s*(?P<dates>\d{1,2}\s*[日号](?:\s*[、和及与]\s*\d{1,2}\s*[日号])+)"
                          r"(?P<tail>\s*(?:上午|下午)?\s*(?:下班)?\s*(?:前|之前|以前))")


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
    _EachOfDates(_MONTHLY_DAYS, re.compile(r"\d{1,2}\s*[日号]"), "每月", lambda match: compact(match.group("tail"))),
)
_SECOND_DUE = re.compile(r"^[^，,。；;于]{2,24}?于[^，,。；;]{2,14}?(?:前|之前)(?P<act>[^，,。；;]+)$")


def _fronted_date_act(clause_lead: str, rest: str, after: str, cues: DeadlineCues) -> bool:
    """``2019年3月底前，全国三级公立医院全部纳入…平台``: a date with 前 opening its sentence, set off by a
    comma, dates the act the sentence goes on to (``rest``: the sentence after 前). A statement of what
    was done (已, 累计, 完成了) is none."""
    if not rest.startswith(("，", ",")) or compact(_OUTLINE_NUMBER.sub("", clause_lead)):
        return False
    core = _acted(after, cues)
    return len(compact(core)) >= 4 and not cues.past.search(rest) and not cues.procedural.match(core)


def _acted(after: str, cues: DeadlineCues) -> str:
    """The clause after a fronted date without the unit that acts and an adverb of extent."""
    core = _without_subject(after, cues)
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
    for found in find_date_ranges(text):
        if found.end is not None and not found.period or any(s <= found.span[0] < e for s, e in excluded):
            continue
        label = next((lb for lb in deadline_labels if re.search(rf"{re.escape(lb)}\s*[：:]\s*$",
                                                                  text[max(0, found.span[0] - 12) : found.span[0]])), None)
        carried = None if label is not None else _carried_recurrence(text, found, recurring, cues)
        if label is not None:
            hit = _labelled(text, found, year, label, label_titles or {})
        elif carried is not None:  # 每年2月底前各省份完成…，3月底前国家卫生健康委完成…: every year too
            hit = _recurring(text, carried, "每年" + compact(text[found.span[0] : carried[1]]), cues)
        else:
            hit = _dated(text, found, year, cues)
        if hit is not None and (hit.date, hit.what) not in seen:
            seen.add((hit.date, hit.what))
            hits.append(hit)
    for match, each in shared:
        if any(s <= match.start() < e for s, e in excluded if (s, e) not in recurring):
            continue
        for day in each.date.findall(match.group("dates")):
            hit = _recurring(text, match.span(), each.period + compact(day) + each.tail(match), cues)
            if hit is not None and (None, f"{hit.recurring}{hit.what}") not in seen:
                seen.add((None, f"{hit.recurring}{hit.what}"))
                hits.append(hit)
    for pattern in cues.recurring:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in excluded if (s, e) not in recurring) or any(h.span[0] <= match.start() < h.span[1]
                                                                         for h in hits):
                continue
            hit = _recurring(text, match.span(), compact(match.group(0)), cues)
            if hit is not None and (None, hit.what) not in seen:
                seen.add((None, hit.what))
                hits.append(hit)
    if year is not None:
        for hit in _month_items(text, year, cues):
            if not any(s <= hit.span[0] < e for s, e in excluded) and (hit.date, hit.what) not in seen:
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
        what, to = _what_and_to("", after, "", cues)
        if not what:
            continue
        due = date(year, month, calendar.monthrange(year, month)[1])
        sentence_end = _SENTENCE_END.search(text, clause_end)
        quoted = compact(text[match.start("month") : sentence_end.end() if sentence_end else len(text)])
        hits.append(DeadlineHit(due, what, quoted.rstrip("。；"), (match.start("month"), match.end()),
                                "deadline.month_item.v1", to=to))
    return hits


def _labelled(text: str, found: DateRange, year: int | None, label: str,
              label_titles: dict[int, str]) -> DeadlineHit | None:
    point = found.end if found.period and found.end is not None else found.start
    point_year = point.year or year
    owner = max((start for start in label_titles if start <= found.span[0]), default=None)
    if point_year is None or owner is None or not label_titles[owner]:
        return None
    label_at = text.rfind(label, 0, found.span[0])
    return DeadlineHit(point.resolve(point_year, as_end=True), label_titles[owner],
                       compact(text[label_at : found.span[1]]), (label_at, found.span[1]), "deadline.label.v2")


# a dated request without 前: 请于6月30日汇总到…, 务必于5月10日报送… (the date is the day it is due)
_REQUEST_LEAD = re.compile(r"(?:请|务必|须|应|需|要)(?:于|在)\s*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}[日号][和、及与])?\s*$")
_DATED_REQUEST = re.compile(r"\s*(?:分别)?(?:(?:将|把)[^，。；]{1,30}?)?(?:报送|上报|提交|汇总|报至|报告)")
_OUTLINE_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])\s*")


def _dated(text: str, found: DateRange, year: int | None, cues: DeadlineCues) -> DeadlineHit | None:
    point = found.end if found.period and found.end is not None else found.start
    point_year = point.year or year
    if point_year is None:
        return None
    start, end = found.span
    bound = cues.before.match(text, end)
    if bound is None:  # 分别于6月20日和12月20日前报送: the first date shares the second's 前 and clause
        second = _COORDINATED_AFTER.match(text, end)
        bound = cues.before.match(text, second.end()) if second else None
    sentence_start = _sentence_start(text, start)
    lead = text[sentence_start:start]
    until = cues.until.search(lead)
    requested = None
    closing = closing_window(text, start, end, sentence_start, cues) if bound is None and not until else None
    if closing is not None:  # 报名时间自…起至5月25日下午17:30截止, 2022年9月12日17:30申报截止: the window closes
        act, clock = closing
        closed = _SENTENCE_END.search(text, end)
        quoted = compact(text[sentence_start : closed.start() if closed else len(text)])
        return DeadlineHit(point.resolve(point_year, as_end=True), act, quoted, (start, end), "deadline.closing.v1",
                           time=clock_time(clock) if clock else None)
    if bound is None and not until:  # 请于6月30日和12月31日汇总到政法综治处: a request dated without 前
        second = _COORDINATED_AFTER.match(text, end)
        requested = _DATED_REQUEST.match(text, second.end() if second else end)
        if not _REQUEST_LEAD.search(lead) or requested is None:
            return None
    elif bound is None and (not until or "截至" in until.group(0)):
        return None  # 截至2023年底，…: as of that day, not due then
    after_start = bound.end() if bound else requested.start() if requested else end
    clause_start, _ = _clause_bounds(text, start)
    after_clause_end = _clause_bounds(text, after_start + 1)[1] if text.startswith(("，", ","), after_start) \
        else _clause_bounds(text, after_start)[1]
    after = text[after_start:after_clause_end].lstrip("，, ")
    if re.fullmatch(r"对[^，,。；;]{1,40}", after) and not re.search(r"进行|开展|完成|实施|组织", after) \
            and text[after_clause_end : after_clause_end + 1] in ("，", ","):
        # 于9月底前对辖区内的养老机构，进行一次全面排查: the act follows the comma
        following = _clause_bounds(text, after_clause_end + 1)[1]
        after, after_clause_end = text[after_clause_end + 1 : following].lstrip("，, "), following
    while _circumstance(after, cues) and after_clause_end < len(text) and text[after_clause_end] in "，,":
        # 于每年2月底前，根据…，结合…，研究提出…; 4月6日前，各村要结合实际，制定…: the due thing follows them
        following = _clause_bounds(text, after_clause_end + 1)[1]
        after, after_clause_end = text[after_clause_end + 1 : following].lstrip("，, "), following
    clause_lead = text[clause_start:start]
    if lead.count("（") + lead.count("(") > lead.count("）") + lead.count(")"):
        # 开展隐患排查（9月30日前完成）: a date in brackets governs only what the bracket holds, and
        # what it is about is what the bracket follows
        after = re.split(r"[）)]", after)[0]
        clause_lead = _OUTLINE_NUMBER.sub("", re.split(r"[（(](?=[^（(]*$)", clause_lead)[0])
    explicit = until is not None and "截至" not in until.group(0)  # 截止时间为…, 不晚于…: a deadline as such
    if explicit and bound is None:
        topic = cues.until.sub("", clause_lead).strip("，, ")
        sent = re.match(r"^(?P<obj>.{2,}?)(?P<verb>报送|上报|提交|报告)$", compact(topic))
        what = sent.group("verb") + sent.group("obj") if sent else _clean(topic, cues)  # 材料报送 → 报送材料
        if not what and after and _is_obligation(lead, after, cues):  # 截止2023年底，全市…已超: as of, not due
            what = _what_and_to(clause_lead, after, "", cues, lead)[0]
        if what:
            clock = HOUR_AFTER.match(text, end)  # 截止时间为6月30日17:00: the hour it closes
            return DeadlineHit(point.resolve(point_year, as_end=True), what, compact(text[clause_start:end]),
                               (start, end), "deadline.until.v1", time=clock_time(clock) if clock else None)
        return None
    if not _is_obligation(lead, after, cues):
        sentence_end = _SENTENCE_END.search(text, after_start)
        rest = text[after_start : sentence_end.start() if sentence_end else len(text)]
        if not _fronted_date_act(clause_lead, rest, after, cues):
            return None
        after = _acted(after, cues)
    if cues.target.search(clause_lead) and not cues.goal.search(clause_lead):
        return None  # 到2025年底前…: a target year, not a deadline (力争到… is a goal, and is one)
    previous_clause = _previous_clause(text, clause_start)
    shared = _SECOND_DUE.match(after)
    if shared and re.match(cues.send_verb, shared.group("act")):
        after = shared.group("act")  # 方案于4月8日前，总结于4月26日前报送至…: both sent by the verb after the second
    what, to = _what_and_to(clause_lead, after, previous_clause, cues, lead)
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
    value = point.resolve(point_year, as_end=True)
    if value is not None and bound is not None and _before_month(text, found, bound):
        value = value.replace(day=1) - timedelta(days=1)  # 2024年6月前: the last day before June
    sentence_end = _SENTENCE_END.search(text, after_clause_end)
    quoted = compact(text[clause_start : sentence_end.end() if sentence_end else len(text)])
    return DeadlineHit(value, what, quoted.rstrip("。；"), (start, after_start), "deadline.before.v2",
                       time=time, to=to)


def _before_month(text: str, found: DateRange, bound: re.Match[str]) -> bool:
    """``6月前``, ``6月份以前``: a bare month bound straight by 前 (not 6月底前, 6月30日前, 二季度前)."""
    point = found.start
    return (found.end is None and not found.period and point.day is None and point.part is None
            and bound.group("time") is None and text[found.span[1] - 1] == "月"
            and re.match(r"份?(?:前|之前|以前)", text[found.span[1] :]) is not None)


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


def _recurring(text: str, span: tuple[int, int], label: str, cues: DeadlineCues) -> DeadlineHit | None:
    """The recurring deadline printed at ``span`` (``每月10日前``), ``label`` what it says."""
    clause_start, _ = _clause_bounds(text, span[0])
    after_end = _clause_bounds(text, span[1] + 1)[1] if text.startswith(("，", ","), span[1]) \
        else _clause_bounds(text, span[1])[1]
    after = text[span[1] : after_end].lstrip("，, ")
    while cues.procedural.match(after) and after_end < len(text) and text[after_end] in "，,":
        following = _clause_bounds(text, after_end + 1)[1]
        after, after_end = text[after_end + 1 : following].lstrip("，, "), following
    previous_clause = _previous_clause(text, clause_start)
    what, to = _what_and_to(text[clause_start : span[0]], after, previous_clause, cues,
                            text[_sentence_start(text, span[0]) : span[0]])
    if not what:
        return None
    sentence_end = _SENTENCE_END.search(text, after_end)
    quoted = compact(text[clause_start : sentence_end.end() if sentence_end else len(text)])
    clock = TIME_OF_DAY.search(label)
    return DeadlineHit(None, what, quoted.rstrip("。；"), span, "deadline.recurring.v2", recurring=label, to=to,
                       time=clock_time(clock) if clock else None)


# 每日下午4点半前: a time of day in a recurring deadline
