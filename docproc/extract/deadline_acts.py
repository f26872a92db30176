"""What a deadline's date governs: the act, verb first as printed, and where it goes.

``将X报送Y`` → 报送X (to Y), ``对X进行评估总结`` → 评估总结X; an object left out is the sentence's topic
(``有关材料请于…前报送`` → 报送有关材料), the thing made before it (``形成自查报告，于…前报送``) or the clause
before. :mod:`docproc.extract.deadlines` finds the dates and calls :func:`what_and_to` with the clauses around
them; the cues are ``models/extract/deadlines.json`` (:class:`DeadlineCues`).
"""

from __future__ import annotations

import re

from docproc.extract.contact_lexicon import default_contact_lexicon
from docproc.extract.contact_units import unit_then_name
from docproc.extract.deadline_cues import WHOM, DeadlineCues
from docproc.extract.found import compact
from docproc.extract.textmatch import BRACKETED_NUMBER, SECTION_NUMBER, unclosed_brackets

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_TITLED = re.compile(r"(《[^《》]*》)")
# (a bracket ending the value is kept when it reads as a receiver's part, 报送区政府办公室（法制办）: no clause marks inside;
# not a note on the form, （一式5份，A4纸简装成册；另报电子版至邮箱：…）)
_LAST_KEPT = re.compile(r"[（(][^（）()]*[）)](?![。；;，,\s]*$)|[（(][^（）()]*[，,；;][^（）()]*[）)]")
# not part of what is due: a reference or a note on the form (（见附件2）, （电子版与纸质版）, （一式三份）, （…〔2014〕83号附件1、2）)
_REMARK = re.compile(r"[（(](?:(?:见|详见|附件|附表|含|以下简称|下称|格式|电子版|纸质|一式|联系人|联系电话|电话)[^（）()]*"
                     r"|[^（）()]*(?:〔\d{4}〕\d+号|附件\s*\d)[^（）()]*)[）)]")



def without_brackets(value: str) -> str:
    """``value`` without any bracketed remark (``将本村…情况（需包含…）`` → ``将本村…情况``)."""
    return _BRACKETED.sub("", value)


def _without_notes(value: str, keep_last: bool = False) -> str:
    """``value`` without its bracketed notes (``（一式两份，应包括…）``); a bracket inside 《》 stays, and with
    ``keep_last`` one that ends ``value`` (a receiver's: 报送区政府办公室（法制办）)."""
    note = _LAST_KEPT if keep_last else _BRACKETED
    return "".join(part if part.startswith("《") else note.sub("", part) for part in _TITLED.split(value))


_COPIES = re.compile(r"(?<=\S{2})(?:一式)?[一二两三四五六七八九十\d]{1,2}份$")


def clean_what(value: str, cues: DeadlineCues) -> str:
    label = cues.item_label.search(value)
    if label is not None:  # 完成 责任单位：区公共资源交易中心 完成时限：…: the item's labels ran on after the act
        value = value[: label.start()]
    value = _REMARK.sub("", value)
    value = _COPIES.sub("", value)  # 纸质申报材料一份, 报告一式两份: how many copies, no part of what
    value = cues.caused.sub("", value)  # 组织申报单位编制实施方案: who is made to act is no part of the act
    value = _without_notes(value)  # 报送专项整治进展情况（发现的线索）及相关报表: the note is no part of the act
    value = cues.manner.sub("", value)
    value = _LIST_OPENED.split(value, maxsplit=1)[0]  # 完成以下房屋排查：1.…: the list it opens is no part of it
    value = PLACE_DONE_AT.sub("", value)  # 在身份证复印件背面|手写放弃面试声明: where it is done, not what
    also = _ALSO_TOLD.match(value)
    if also is not None and cues.obligation_start.match(value[also.end() :]):
        value = value[also.end() :]  # 还要分别|报送…: that it is owed too, not the act
    return compact(value).strip("，,、").rstrip("：:")


_ALSO_TOLD = re.compile(r"^(?:还|也|另|均|都)(?:要|应|须|需|请)?(?:分别|一并)?")


# 在系统中, 在身份证复印件背面, 在区政府网站上: where the act is done, before the act itself (not 在…中发现的问题: a
# relative clause of the thing)
PLACE_DONE_AT = re.compile(r"^在[^，,。；;在]{1,20}?(?:上|中|内|里|背面|正面|门口|处|位置)(?=[\u4e00-\u9fff]{2})(?![\u4e00-\u9fff]{1,3}的)")
_LIST_OPENED = re.compile(r"[：:](?=\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、))")


def _clean_to(value: str, cues: DeadlineCues) -> str | None:
    """The receiver as printed: ``区政府办公室（法制办）`` keeps its bracket; a bracketed date, number or
    contact (``（联系人：…``) and a trailing 备案/审核 do not belong to it."""
    value = compact(value)
    if re.search(r"邮箱|@|微信|QQ|传真|平台|系统", value):
        return None  # a mailbox, a chat group or a system is where it goes, not who receives it
    value = re.sub(r"[（(][^（）()]*(?:\d|联系)[^（）()]*[）)]?$", "", value)
    value = re.split(r"[（(](?=[^（）()]*$)(?![^（）()]*[）)])", value)[0]  # an unclosed bracket
    value = cues.receiver_trailer.sub("", value)
    value = re.sub(r"(?<=\S\S)[\d\-－—]{7,}$", "", value)  # 社会事业处周海玲处059162536596: the phone is no part of it
    return value or None


# how a receiving unit's name ends (报县司法局, …总结报省环保厅); a receiver by its bare word is data (whole_receivers)
RECEIVER_ENDINGS = ("部", "部门", "司", "局", "办", "委", "委会", "委员会", "厅", "处", "室", "科", "站", "所", "队", "院", "中心", "办公室", "政府", "指挥中心",
                    "指挥部", "工作组")
_RECEIVER_END = "(?:" + "|".join(sorted(RECEIVER_ENDINGS, key=len, reverse=True)) + ")"
_COORDINATED_BEFORE = re.compile(
    r"(?:分别)?(?:于|在)?(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号]|底|末)?(?:前)?[和、及与])+$")
# 分别于2023年11月20日、2024年6月20日、2025年12月20日前: the dates after the first, up to the shared 前
COORDINATED_AFTER = re.compile(r"(?:\s*[和、及与]\s*(?:\d{4}年)?\d{1,2}月(?:\d{1,2}\s*[日号]|底|末)?)+")
_SECOND_DATED_OBJECT = re.compile(r"^((?:将|把)[^，,。；;、]{2,40})、(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号]|底|末)?前(?:将|把)[^，,。；;]{2,40}?"
                                  r"(?=(?:分别|统一)?(?:报送|上报|报|提交|发送))")
_SECOND_ACT = re.compile(r"(?<=\S\S)并(?![网入购轨])(?=[\u4e00-\u9fff]{2})")
# 填写《A》（附件一）和《B》（附件二）: every form named (their notes are dropped with the rest)
_MADE = re.compile(r"(?:形成|填报|填写|制定|编制|起草|撰写|整理|准备)(?![或和及与的])(?:附件[中里]?的)?"  # (填写附件中的《…》)
                   r"(?P<obj>《[^》]+》(?:[（(][^（）()]{1,10}[）)])?(?:[和及、与]《[^》]+》(?:[（(][^（）()]{1,10}[）)])?)*"
                   r"|[^，,。；;《]{2,24})")


# (持户口簿…到相应幼儿园|进行登记: the papers carried there are no part of the act either)
_GONE_TO = re.compile(r"^(?:持[^，,。；;到]{1,80}?)?(?:到|去|前往|赴)[^，,。；;]{2,24}?"
                      r"(?P<what>(?:领取|报到|签到|办理|报名|集中|集合|参加|进行登记|登记|申请)[^，,。；;]*)$")
_MADE_THEN = re.compile(r"(?:提出|形成|制定|出具|作出|做出|编制)(?P<obj>[^，,。；;]{2,20})后$")
_NAMED = re.compile(r"(?:明确|确定|指定|推荐|选派)(?:[\d０-９]+|[一二两三四五六七八九十]+)[名个位](?P<obj>[^，,。；;、]{2,8})[，,]")


# 二、, 3.: the number of a chapter or an item opening a topic (with a bracketed one too: LEADING_ITEM_NUMBER)
_CHAPTER_OR_ITEM = r"[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)"
_LEADING_NUMBER = re.compile(f"^(?:{_CHAPTER_OR_ITEM})")
LEADING_ITEM_NUMBER = re.compile(f"^(?:{_CHAPTER_OR_ITEM}|{BRACKETED_NUMBER})")
_TOPIC_LABEL = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}(?:时间|日期)(?:及方式)?(?:[：:]|\s+)|以及|及(?![时早])(?=[\u4e00-\u9fff]{2}))")
_STAMPED_OR_FILLED = re.compile(r"(?:(?:均|都|也)?(?:需|须|应|要)?(?:签字|签名)?(?:加盖(?:[\u4e00-\u9fff]{1,4}?)?公章|盖章)|按(?:附表|附件|表格)[^，,。；;]{0,6}?填写)后?$")
_APPROVED_BY = re.compile(r"(?<=\S{2})(?:需|须|应|要)经[^，,。；;]{2,90}?(?:审核|审查|审定|审批|同意)(?:签字|盖章)*$")
def _as_sent(value: str) -> str:
    """``value`` without a label before it (``申请时间：``, ``以及``) and how it is stamped or filled in after it
    (``加盖公章``, ``按附表填写后``): the thing sent."""
    return _STAMPED_OR_FILLED.sub("", _TOPIC_LABEL.sub("", value))


_COLLECTED_BY = re.compile(r"(?<=\S{2})由各?[\u4e00-\u9fff]{1,10}?(?:统一|负责|集中)[\u4e00-\u9fff]{2,4}$")


def _item_own_words(value: str) -> str:
    """The words of the last item ``value`` runs into, without its number (…落实到位 (二)有关企业要将… → 有关企业要将…,
    二、…计划 → …计划)."""
    return _LEADING_NUMBER.sub("", re.split(SECTION_NUMBER, value)[-1])


def _topic(before: str, previous_clause: str, cues: DeadlineCues, sentence_before: str = "", sent: bool = False) -> str:
    """What an object-less verb is about: the sentence's topic before the date, else the thing the
    sentence said was made (``形成自查自纠书面材料，经…审核同意，于…前报送``), else the clause before."""
    topic = cues.preposition.sub("", before).strip("，, ")
    if cues.period_goal.match(topic) and not re.search(cues.object_marker, topic):
        return ""  # 力争陆上风电|2026年6月前核准: what a goal is set for is its subject, not the act's object
    topic = _item_own_words(topic)
    topic = re.sub(r"^(?:原则上|一般情况下|一律)[，,]?", "", topic)  # 原则上|2015年至2019年…档案数字化应在…前完成: how firm
    topic = re.sub(r"^请(?=各)", "", topic)  # 请各单位于…前报送: the subject asked, not the topic
    topic = re.sub(r"^(?:并且|并|同时)(?=将|把)", "", topic)  # 并将行动总结分别于…前报送
    topic = _COORDINATED_BEFORE.sub("", topic)  # 分别于6月20日和 | 12月20日前: the first of two dates
    topic = re.sub(r"(?:原则上|均|统一|请|应|要|必须|须|务必|并|分别|还|也)+$", "", topic)
    topic = _as_sent(cues.manner.sub("", topic))  # 申请时间：“…申请表”于…; 请按照文件要求将…; 名单按附表填写后于…
    topic = re.split(r"(?<=\S后)(?:将|把)", topic)[-1]  # 东庠办事处统计汇总后将附件于…前: the thing after 将
    fronting = list(cues.subject_fronting.finditer(topic))
    if fronting:  # 验收总结各乡镇、各部门将专项行动总结报告于…: a heading glued before the subject
        topic = topic[fronting[-1].end() :]
    topic = cues.subject.sub("", topic) if len(topic) > 6 or cues.subject.fullmatch(topic) else topic
    topic = re.sub(r"^的(?=\S{2})", "", topic)  # 各联合党委和相关处室的|整治工作开展情况: the subject's 的 goes with it
    labelled = re.search(r"(?<!\d)[：:]\s*(?=[^：:\s（）()]{2,}$)", topic)
    if labelled is not None and unclosed_brackets(topic[: labelled.start()]) <= 0:  # 填表人： 联系电话： 备注：表格|于…前汇总: a form's labels run on before the thing
        topic = topic[labelled.end() :]
    topic = re.sub(r"^(?:自|从)[^，,。；;将把]{2,14}?(?:起|开始)(?=将|把)", "", topic)  # 自2018年3月份起|将…: since when
    topic = re.sub(rf"^[^，,。；将把]{{1,12}}?(?:{cues.modal.pattern})+(?=(?:{cues.object_marker}))", "", topic)  # 有关企业要将…
    topic = re.sub(rf"^(?:{cues.modal.pattern})*(?:{cues.object_marker})", "", topic)  # 各单位|要将|方案于…
    topic = _READIED.sub("", topic)  # 将统计表填写相关表格后于…前报送: how it is made ready, not what
    topic = re.sub(r"^[\u4e00-\u9fff]{1,8}后$", "", topic)  # 盖章扫描后于…前发送: when, not what
    topic = re.sub(r"(?<=\S{2})由[^，,。；;由]{2,12}$", "", topic)  # 以上内容由各片区管理局于…前: who sends it, not what
    topic = re.sub(r"^(?:自|从)?(?:明年|今年|次年|下半年|今后|此后|以后|\d{4}年)(?:起|开始)?$", "", topic)  # 明年起每季度…: when
    if len(compact(topic)) >= 2:
        made_topic = _MADE.fullmatch(topic.strip())  # 形成书面报告于…前报送, 填写相应的推荐表格并于…前发送
        return clean_what(made_topic.group("obj") if made_topic else topic, cues)
    named = _NAMED.search(sentence_before)
    if named:  # 明确1名联络员，做好日常沟通衔接，于…前反馈: the person named is what is sent
        return clean_what(named.group("obj"), cues)
    # (not inside a bracket: 将名单和项目（填写附件1、2），于…前报送 sends the list, the bracket says how)
    made_before = [m for m in _MADE.finditer(previous_clause) if unclosed_brackets(previous_clause[: m.start()]) <= 0]
    if made_before:  # 将…汇总后形成书面材料，于…前报告: the thing made
        return clean_what(made_before[-1].group("obj"), cues)
    made_then = _MADE_THEN.search(previous_clause)
    if made_then:  # 对申报项目提出初审意见后，4月10日前报送…: what was made before it is sent
        return clean_what(made_then.group("obj"), cues)
    held = re.search(rf"(?:{cues.object_marker})(?P<obj>[^，,。；;]{{2,60}})$", previous_clause)
    if held:  # 应将制定的实施方案…，于6月10日前分别报送…: the object the clause before took up
        obj = held.group("obj")
        sent_on = re.search(rf"(?<=\S{{2}})(?:汇总)?(?:{cues.send_verb})[^，。；]{{0,20}}$", obj)
        if sent_on is not None:  # 将季度…进展情况汇总送局安监处，…前报送: what it sent, not the sending
            obj = obj[: sent_on.start()]
        return clean_what(obj, cues)
    sent_before = re.search(rf"向[^，,。；;]{{2,20}}?(?:{cues.send_verb})(?P<obj>[^，,。；;]{{2,40}})$", previous_clause)
    if sent_before and sent:  # 请各单位按时向专项办报送摸排情况表，于每月15日前报送…: what the clause before sends
        return clean_what(sent_before.group("obj"), cues)
    clause = cues.condition_opener.sub("", previous_clause.strip("，, "))
    clause = _item_own_words(clause)  # 一、各企业务必成立…小组，于…前报…
    clause = _as_sent(clause)  # 以及推荐文件加盖公章，于…前报送
    clause = _APPROVED_BY.sub("", clause)  # 申报材料需经属地乡镇人民政府…审核，于…前报送: the thing, not who checks it
    procedural = re.match(r"^(?:经|通过|按照|根据|依据|在|结合)", clause)
    described = bool(cues.content.search(clause))  # 总结报告应包括…等内容，并于…前报送: the thing made before it
    # 各单位负责人负责本单位…落实到位，并于8:00前向现场指挥部报告: a duty, not a thing to send (负责…工作，并在…前完成:
    # the work that is done)
    described = described or sent and bool(re.search(r"负责(?![人同])", clause))
    # 承建单位在完成项目建设后，要在…之前报送…: when it is sent, not what
    procedural = procedural or re.search(r"(?:之|以)?后$", clause)
    if clause and not procedural and not described and not cues.exhortation.search(clause):  # 请各单位高度重视
        clause = cues.subject.sub("", clause) if len(clause) > 6 else clause
        acted = re.search(r"(?:^|要|应|须)对(?P<about>.{1,60})(?:开展|进行|实施)(?P<obj>[^，,]{2,})$", clause)
        if acted and sent:  # 应对专项行动实施情况进行总结，在…前书面报告省总队: what is reported is what was summed up
            return clean_what(acted.group("about"), cues)
        if acted:  # 要对排查中发现的疑似危房开展以解危为主的重点整治，于…前完成 → 以解危为主的重点整治
            return clean_what(acted.group("obj"), cues)
        if clause.endswith("的"):  # 对于需要回收、置换、购置的: the case the sentence speaks of
            clause = clause[:-1]
            modal = list(re.finditer(r"需要|应当|必须|要", clause))
            if modal:
                clause = clause[modal[-1].end() :]
        clause = _COLLECTED_BY.sub("", clause)  # 免考材料由各校统一收缴，于…前报…: what, not who gathers it
        if "的" not in clause:  # 形成自查报告 → 自查报告 (a noun phrase with 的 keeps its verb)
            clause = re.sub(r"^(?:要|应|须|务必|必须)?(?:认真)?(?:形成|填报|填写|制定|编制|起草|撰写|整理|准备|提出|总结|成立|组建|将|把"
                            r"|(?:全权|具体)?负责)", "", clause)  # (务必成立…工作小组，于…前报: the group set up is what is reported)
            # 明确1名联络员，于…前反馈 → 联络员: the person named, not the naming
            clause = re.sub(r"^(?:明确|确定|指定|推荐|选派)(?:\d+|[一二两三四五六七八九十]+)?[名个位]?", "", clause)
        if len(compact(clause)) >= 2:
            return clean_what(clause, cues)
    made = list(_MADE.finditer(sentence_before))
    return clean_what(made[-1].group("obj"), cues) if made else ""


def without_subject(after: str, cues: DeadlineCues) -> str:
    """The clause after a date without its subject: ``各省份完成…`` → ``完成…``, ``试点城市政府对…``,
    ``国家卫生健康委推行…`` → ``推行…`` (a unit before its verb; a clause that opens with a verb keeps
    the units it names)."""
    after = cues.subject.sub("", after).lstrip()
    after = cues.done_by_unit.sub("", after)  # 由区人力资源和公务员管理处做好…: the unit it is left to, not the act
    if cues.obligation_start.match(after):
        return after
    without = cues.unit_subject.sub("", after)
    if without == after and (told := told_subject(after, cues)) is not None:
        return after[told:]  # 示范区内新建、在建中大型矿山企业要|达到…: whoever the modal tells, then the act
    return without


def told_subject(after: str, cues: DeadlineCues) -> int | None:
    """Where the act starts after a subject of any shape and the modal telling it (``示范区内新建、在建中大型矿山企业要|
    达到…``), or None (no modal, or the words before it hold an act: a clause, not a subject)."""
    told = cues.modal_subject.match(after)
    if told is None or any(verb in told.group("subject") for verb in cues.subject_breaking_verbs):
        return None
    return told.end()


_LABELLED_ACT = re.compile(r"^(?P<verb>[\u4e00-\u9fff]{2,4}?)(?:截止)?(?:时间|日期|时限|期限)(?:为|[：:])?$")  # 报送时间：
_FORMS = r"(?:正式文件|纸质版|纸质件|电子版|电子邮件|电子文档|盖章扫描件|扫描件)"
_FORM_AFTER_OBJECT = re.compile(rf"(?<=\S{{2}})(?<!连同)(?<!以及)(?<!盖章)(?<!签字)(?<![或及和、与])(?:的|以)?{_FORMS}(?:[及和、与]{_FORMS})*(?:形式)?$")
_READIED = re.compile(r"(?<=\S{2})(?:(?:[（(][^（）()]*[）)])?(?:填写|填报|整理|汇总|装订)[^，,。；;将把（()]{0,8}?后|(?:分别)?打包)(?:[（(][^（）()]*[）)])?$")
# 将组织对各党组织开展…: what the sentence's subject will do, or have done, to the 对-object (将 here marks the future)
_LEAD_TO_OBJECT = "(?:将|拟)?(?:组织|集中|统一)?"
_NOUN_VERBS = ("报告", "報告")  # also nouns: 自查报告报县… ends the object
# 报 inside a word of the object (截至申报日的…, 填报表, 举报线索), not the act of sending it
_INSIDE_WORD = re.compile(r"[申填举预简快情通]报|.报[日表名刊纸]|.汇总[表单数]")  # …和汇总表: a table's name


_TOWARD_AFTER_OBJECT = re.compile(rf"(?<=\S\S)向(?P<to>{WHOM})$")


def _fronted_object(after: str, cues: DeadlineCues) -> tuple[str, str | None] | None:
    """``将自查报告报县应急局`` → (报自查报告, 县应急局): the object 将/把 fronts, its send verb (报告
    ending the object and followed by a send verb is the object's), then where it goes."""
    parts = _fronted_parts(after, cues)
    if parts is None:
        return None
    verb, obj, to = parts
    return verb + clean_what(obj, cues), _clean_to(to, cues)


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
    obj = _STAMPED_OR_FILLED.sub("", _READIED.sub("", obj))  # 将《…摸底表》（附表1）填写后报送, 将…分别打包发送, 将…名单加盖公章后报至: how it is made ready
    to = re.sub(rf"^(?:{cues.receiver_link})", "", rest[verb.end() :])
    toward = _TOWARD_AFTER_OBJECT.search(obj)
    if toward is not None and not to.strip():  # 将整改情况向区环保局报告: whom it goes to stands before the verb
        obj, to = obj[: toward.start()], toward.group("to")
    if len(obj) < 2:
        return None
    verb_text = re.sub(rf"(?:{cues.receiver_link})$", "", verb.group())  # 发至: the verb 发, then where
    return verb_text, obj, to


def what_and_to(before: str, after: str, previous_clause: str, cues: DeadlineCues,
                 sentence_before: str = "") -> tuple[str, str | None]:
    """``before``: the clause up to the date; ``after``: the clause after 前 (comma stripped);
    ``sentence_before``: the sentence up to the date (where a left-out object may be named)."""
    after = cues.manner.sub("", _without_notes(after, keep_last=True))  # （一式两份，…汇总数据…）: no words of the act
    after = _SECOND_DATED_OBJECT.sub(r"\1", after)  # 将A、12月15日前将B分别报送X: A is what is due by the first date
    # 分别报送区督查室和区安办, 分别将…报送…, 定期向…报告 (before the subject is read: 定期向…办 is none)
    after = re.sub(rf"^(?:{cues.adverbs})(?=(?:{cues.send_verb}|{cues.object_marker}|向))", "", after)
    after = without_subject(after, cues)  # 试点城市政府对…进行评估总结
    after = re.sub(rf"^(?:{cues.modal.pattern})+", "", after)
    after = re.sub(rf"^(?:{cues.object_marker})(?=(?:报送|上报|提交))", "", after)  # 将报送“…总结”: 将 fronts nothing
    after = re.sub(rf"^(?:{cues.degree_adverbs})", "", after)  # 年底前基本建成示范村 → 建成示范村
    fronted_topic = re.match(rf"^(?P<obj>[^，,。；;、将把对向由]{{2,16}}?)(?:必须|应当|应(?![急用对变])|须)(?:{cues.degree_adverbs}|全额|按时)?"
                             r"(?P<verb>[\u4e00-\u9fff]{2,6})$", after)
    topic = fronted_topic.group("obj") if fronted_topic else ""
    if fronted_topic and not (topic.startswith("各") or cues.acting_unit.fullmatch(topic)):
        # 6月底前专项补助资金必须全额支付使用 → 支付使用专项补助资金 (the topic the act is done to, not who acts: 各乡镇,
        # 区农业局 — acting_unit_endings)
        return fronted_topic.group("verb") + clean_what(fronted_topic.group("obj"), cues), None
    after = cues.manner.sub("", after)  # 将督查落实情况以书面形式反馈至区安办
    after = re.sub(rf"^(?:签字|签名)?(?:加盖公章|盖章)后(?=(?:{cues.send_verb}))", "", after)  # …前加盖公章后报送…: how it is readied
    after = re.sub(rf"^(?:{cues.adverbs})(?=(?:{cues.send_verb}|{cues.object_marker}|向))", "", after)  # 各村分别…
    brought = re.match(rf"^(?:{cues.object_marker})(?P<obj>[^，,。；;]{{2,40}}?)(?P<verb>降低|提高|控制|压减|减少|增加|提升)"
                       r"(?P<rest>[到至在][^，,。；;]+)$", after)
    if brought:  # 把单位产品电耗降低到历史最好水平 → 降低单位产品电耗到历史最好水平
        return brought.group("verb") + clean_what(brought.group("obj"), cues) + brought.group("rest"), None
    carried_out = re.match(rf"^(?:{cues.object_marker})[^，,。；;]{{2,60}}?(?P<what>(?:进行|形成)[^，,。；;]{{2,}})$", after)
    if carried_out and re.search(rf"(?:{cues.send_verb})(?:至|到|给)", after[: carried_out.start("what")]):
        carried_out = None  # 将纸质申报材料提交至区市场监管局进行审核: sent, and reviewed where it goes
    if carried_out:  # 将截至申报日的项目进行线上初审 → 进行线上初审 (as 对X，进行Y); 将X形成书面总结 → 形成书面总结
        return clean_what(carried_out.group("what"), cues), None
    fronted = _fronted_object(after, cues)
    if fronted is not None:
        return fronted
    moved = re.match(rf"^(?:{cues.object_marker})(?P<obj>[^，。；]+?)(?:在|向|于|通过|以|按|经)[^，。；]*?"
                     rf"(?P<verb>{cues.fronted_object_verbs})$", after)
    if moved:  # 将本年度的考核结果在…网站向社会公布 → 公布本年度的考核结果
        return moved.group("verb") + clean_what(moved.group("obj"), cues), None
    entered = re.match(rf"^(?:{cues.object_marker})(?P<obj>[^，。；]{{2,30}}?)(?P<verb>录入|导入|上传|錄入)[^，。；]{{2,60}}$", after)
    if entered:  # 将项目信息录入省在线监管平台 → 录入项目信息 (the system it goes into is no receiver)
        return entered.group("verb") + clean_what(entered.group("obj"), cues), None
    placed = re.match(rf"^(?:{cues.object_marker})(?P<obj>[^，。；]{{2,30}}?)(?P<verb>[\u4e00-\u9fff]{{2}})(?:至|到)(?P<to>[^，。；]{{2,20}})$",
                      after)
    if placed:  # 将要素保障物资投放至指定位置 → 投放要素保障物资 (where it goes: a place, not a receiver)
        return placed.group("verb") + clean_what(placed.group("obj"), cues), None
    gone = _GONE_TO.match(after)
    if gone:  # 到社会事业处212领取消杀药水 → 领取消杀药水 (where to go for it is no part of the act)
        return clean_what(gone.group("what"), cues), None
    done = re.match(rf"^{_LEAD_TO_OBJECT}对.+?(?P<what>完成.+)$", after)
    if done:  # 于6月20日前，对…城镇房屋完成重点排查 → 完成重点排查
        return clean_what(done.group("what"), cues), None
    counted = re.match(rf"^{_LEAD_TO_OBJECT}对.+?(?P<what>(?:进行|开展)(?:一次|一轮|一遍)[^，,。；;]+)$", after)
    if counted:  # 对用电单位进行一次用电大普查 → 进行一次用电大普查
        return clean_what(counted.group("what"), cues), None
    carried = re.match(rf"^{_LEAD_TO_OBJECT}对.+?(?P<what>(?:进行|开展)[^，,。；;]{{2,}})$", after)
    if carried:  # 对本行业…规范性文件进行梳理排查 → 进行梳理排查 (as 对X，进行Y: the act as printed, its 对-object left)
        return clean_what(carried.group("what"), cues), None
    by = re.match(r"^对(?P<obj>.+?)(?:作出|做出)(?P<verb>[\u4e00-\u9fff]{2,6})$", after)
    if by:
        return by.group("verb") + clean_what(by.group("obj"), cues), None
    towards = re.match(rf"^向(?P<to>[^，。；]+?)(?P<verb>{cues.send_verb}|提出|申报|申请|下达|下发)(?P<obj>.*)$", after)  # 向X提出申请, 向X下达…
    if towards:
        obj = towards.group("obj") or _topic(before, previous_clause, cues, sentence_before, sent=True)
        return towards.group("verb") + clean_what(obj, cues), _clean_to(towards.group("to"), cues)
    sent = re.match(rf"^(?P<verb>{cues.send_verb})(?P<obj>.*?)(?:(?<!截)(?:{cues.receiver_link})(?P<to>.+))?$", after)
    if sent:
        obj = sent.group("obj")
        to = sent.group("to")
        if unclosed_brackets(obj) > 0:
            obj = re.split(r"[（(]", obj)[0]  # the clause broke inside a bracket (联系人：…)
        obj = _SECOND_ACT.split(obj)[0]  # 报送工作总结并汇总专项行动相关数据: the first act's object
        relayed = re.search(r"(?<=\S{2})(?:报|送)于(?P<to>[^，,。；;]{2,20})$", obj)
        if relayed and not to:  # 提交…使用计划情况报于我局备案: where it goes, after the object
            obj, to = obj[: relayed.start()], relayed.group("to")
        bare = cues.receiver_trailer.sub("", without_brackets(compact(obj)))
        if not to and bare and all(not re.search(r"[的《]", unit) and 2 <= len(unit) <= 20 and unit.endswith(RECEIVER_ENDINGS)
                                   for unit in bare.split("、")):
            obj, to = "", obj  # 报县司法局(备案), 报送市水务局、市经济信息化委: what is sent is the topic
        elif not to and (named := unit_then_name(bare, default_contact_lexicon())) is not None:
            obj, to = "", named[0]  # 报食品处陈清华: a unit and the person there who takes it
        elif not to and re.search(r"邮箱$|@", bare):
            obj, to = "", obj  # 分别报X处郑某、Y部冯某OA邮箱: where it goes, the object is the topic before
        if not compact(obj):
            obj = _topic(before, previous_clause, cues, sentence_before, sent=True)
        return sent.group("verb") + clean_what(obj, cues), _clean_to(to or "", cues)
    labelled = _LABELLED_ACT.match(compact(before)) if not after.strip() else None
    if labelled is not None:  # 将自查报告报县应急局，报送时间：4月10日前: the labelled act, its object before
        marker = re.search(rf"(?:{cues.object_marker})", previous_clause)
        held = _fronted_parts(previous_clause[marker.start() :], cues) if marker else None
        return labelled.group("verb") + (clean_what(held[1], cues) if held else ""), None
    clause = clean_what(after, cues)
    # 形成年度督查考核情况总结报省环保厅: the first verb phrase, then the last send verb and where it goes
    # (形成自查报告报县应急局: 报告 is the thing made)
    # (…报告编制并报送我委: the receiver holds no send verb of its own; 我委, 我局 are receivers too)
    last = [m for m in re.finditer(cues.send_verb, clause) if m.start() >= 4
            and re.fullmatch(rf"[^，。；、]{{1,20}}?{_RECEIVER_END}|{cues.whole_receivers}", cues.receiver_trailer.sub("", clause[m.end() :]))
            and not re.search(cues.send_verb, clause[m.end() :])]
    what = re.sub(r"(?<=\S{2})(?<![一合])并$", "", clause[: last[-1].start()]) if last else ""
    if last and (what.endswith(_NOUN_VERBS) or not re.search(rf"(?:{cues.send_verb})$", what)):
        second = re.search(rf"(?<=\S{{2}})并(?:{cues.object_marker}|及时|按时|同时)", what)
        if second:  # 完成自查并将自查报告报送县应急局: the first act; the receiver is the sentence's
            what = what[: second.start()]
        if cues.sent_thing.search(what) and not cues.obligation_start.match(what) and not _MADE.match(what):
            # 于2月10日前工作落实情况报送至局安监处: a thing with no verb of its own, sent by the verb after it
            what = re.sub(rf"(?:{cues.receiver_link})$", "", last[-1].group()) + what
        return what, _clean_to(re.sub(rf"^(?:{cues.receiver_link})", "", clause[last[-1].end() :]), cues)
    if clause in cues.complete_acts:
        return clause, None  # 确保6月底前全部开工，9月底前全部完工: whole without an object
    if len(clause) <= 2 or clause in ("完成任务", "全面完成", "基本完成"):  # 完成, 退出: the object is elsewhere
        topic = _topic(before, previous_clause, cues, sentence_before)
        return (topic if topic.startswith(clause) else clause + topic), None
    light = re.fullmatch(r"进行(?P<verb>[\u4e00-\u9fff]{2})", clause)
    if light and (topic := _topic(before, "", cues)):  # 自查情况应于…前登陆…系统进行登记 → 登记自查情况
        return light.group("verb") + topic, None
    whole = cues.whole_act_first.match(clause)
    if whole:  # 整改到位、反馈上报, 完工并完成资金拨付使用: the act whole in itself, before the next
        return whole.group(), None
    first_act = _SECOND_ACT.split(clause)[0]  # 打造…标杆示范单位并召开…推广会议: the first act (编制并上报X: one object)
    return (first_act if len(first_act) >= 4 else clause), None
