"""Whose a contact is: the unit a block of contact items names before its first label (``区应急管理局联系人：…``),
or, when its own line names none, the unit label before a person's entry
(``科技处：刘豫闽，联系电话：…``), or the unit (and person) the clause before sends to (``…报送局政法综治处林某,
联系方式：…``, ``将此附件报送区某院；联系人：…``), and a unit with its person's name glued on (``市财政局经建一处李奕萌``).
Used by :mod:`docproc.extract.contacts` and by the deadlines' receivers (``报食品处陈某华``)."""

from __future__ import annotations

import re

from docproc.extract.contact_groups import Item
from docproc.extract.contact_lexicon import CJK, ContactLexicon
from docproc.extract.contact_rows import reads_as_person
from docproc.extract.leader_lexicon import default_lexicon as default_leader_lexicon
from docproc.extract.textmatch import SECTION_NUMBER, end_of_last

_UNIT_LABEL = re.compile(f"(?P<unit>[{CJK}\\d]{{2,12}})[：:]\\s*$")


_SENT_TO_THEN_LABEL = re.compile(f"(?:(?:报送|上报)至?|报至|送至)(?P<unit>[{CJK}]{{4,30}})[；;，,]\\s*$")


# 请及时向平潭综合实验区财政金融局综合业务处反馈，联系人：…: the unit the clause before asks to be told
_ASKED_THEN_LABEL = re.compile(f"向(?P<unit>[{CJK}]{{4,30}}?)(?:反馈|反映|咨询|联系|报告)[；;，,]\\s*$")


def sent_to(text: str, position: int) -> str:
    """``将此附件报送区劳动人事争议仲裁院；联系人：…``, ``请及时向区财政金融局综合业务处反馈，联系人：…``: the unit
    the clause before a contact sends to or asks to be told ("" if none)."""
    sent = _SENT_TO_THEN_LABEL.search(text, max(0, position - 40), position) \
        or _ASKED_THEN_LABEL.search(text, max(0, position - 40), position)
    return sent.group("unit") if sent else ""


_SENT_TO_BEFORE = re.compile(f"(?:报送|上报|报|送)(?:至|到)?(?P<who>[{CJK}]{{4,30}})[,，。]?\\s*$")


def handed_to(text: str, position: int) -> str:
    """``…及时报送局政法综治处林虹霞,联系方式：…``: the unit and person the clause sends to, right before a
    contact's label ("" when there is none)."""
    sent = _SENT_TO_BEFORE.search(text, max(0, position - 40), position)
    return sent.group("who") if sent else ""


def labelled_by_unit(text: str, position: int, lexicon: ContactLexicon) -> str | None:
    """``科技处：刘豫闽，联系电话：…``, ``68号窗口：李培灵，…``: the unit a person's entry is labelled with."""
    label = _UNIT_LABEL.search(text, max(0, position - 14), position)
    return lexicon.unit(label.group("unit")) if label else None


CLAUSE_START = re.compile(r"[。；;，,\n]")
_VALUE_BEFORE = re.compile(r"\d[\d\-－—]{4,}[）)]?")  # a number ending the contact printed before
UNIT_BEFORE_LABEL_MAX_CHARS = 24  # the longest unit name read right before a contact label
_LISTED_AFTER_CONTACT = re.compile(r"[）)]、")


def last_listed(units: str) -> str:
    """The last of units listed with their contacts in brackets (``苏平片区管理局（值班电话：…）、区市场监管局苏平分局``:
    the bracket is the first unit's contact, what follows it the unit of the contact after)."""
    return _LISTED_AFTER_CONTACT.split(units)[-1]


CLAUSE_WINDOW = 400  # characters looked back for a clause start (a clause is never longer)


def clause_start(text: str, position: int) -> int:
    floor = max(0, position - CLAUSE_WINDOW)
    starts = [m.end() for m in CLAUSE_START.finditer(text, floor, position)]
    return starts[-1] if starts else floor


_NUMBERED_MARKER = re.compile(SECTION_NUMBER)
# 四、项目申报联系方式 （一）区经发局（经信处） 1.第（一）…项 联系人：…: a numbered heading naming a unit in a contact section
_NUMBERED_UNIT = re.compile(f"{SECTION_NUMBER}\\s*(?P<unit>[{CJK}（）()]{{2,30}}?)(?=\\s|$)")
CONTACT_SECTION_REACH = 600  # characters looked back for the 联系方式 heading of the section a contact stands in


def section_unit(text: str, position: int, lexicon: ContactLexicon) -> str | None:
    """The unit the last numbered heading names between a 联系方式 heading and ``position`` (``（一）区经发局
    第（一）至（二）项： 联系人：陈何…``: 区经发局 for the contacts under it), or None."""
    headings = list(lexicon.section_heading.finditer(text, max(0, position - CONTACT_SECTION_REACH), position))
    if not headings:
        return None
    section = headings[-1].end()
    for heading in reversed(list(_NUMBERED_UNIT.finditer(text, section, position))):
        unit = lexicon.unit(heading.group("unit"))
        if unit is not None:
            return unit
    return None


_UNIT_THEN_TOPIC = re.compile(f"^[{CJK}\\d]{{3,24}}$")  # a unit, then the topic of its line (no verb, no mark)
TOPIC_MAX_CHARS = 12


def org_of_block(text: str, block: list[Item], lexicon: ContactLexicon) -> str | None:
    first = block[0]
    # 指挥部办公室值班电话：…, 区应急管理局联系人：张三: a unit right before the first label
    prefix = text[clause_start(text, first.label_start) : first.label_start]
    prefix = _NUMBERED_MARKER.split(prefix)[-1]  # （二）区财金局（综合业务处） 联系人：…: the unit, not its number
    prefix = prefix[end_of_last(prefix, lexicon.hand_over_verbs) or 0 :]  # 并于3月20日前按要求报送至区经发局商务与物流处（电子邮箱：…）: the unit after the verb
    prefix = last_listed(prefix)
    prefix = _VALUE_BEFORE.split(prefix)[-1]  # …苏平分局：24250020区市场监管局值班电话：…: the unit after the last contact's number
    heading = re.search(rf"(?:{lexicon.section_heading.pattern})\s*[：:]?\s*$", prefix)
    if heading is not None and heading.start() > 0:  # …领导小组办公室联系方式： 电 话：…: the unit the heading names
        prefix = prefix[: heading.start()]
    unit = lexicon.unit(prefix) if len(prefix.strip()) <= UNIT_BEFORE_LABEL_MAX_CHARS else None
    if unit:
        return unit
    opened = lexicon.opens_line.match(prefix)  # 区农业农村局设立种业监管举报电话：…: the unit that opens the line
    if opened and (unit := lexicon.unit(opened.group("unit"))):
        return unit
    topic = _UNIT_THEN_TOPIC.match("".join(prefix.split()))
    unit = lexicon.leading_unit(topic.group()) if topic is not None and first.kind == "phone" else None
    if unit is not None and topic is not None and len(topic.group()) - len(unit) <= TOPIC_MAX_CHARS \
            and not re.search("[我本]", unit) and not unit.endswith("系统"):
        return unit  # 区教育局教师资格认定申请咨询电话：…: the unit whose line it is (not 网上报名系统, 利用我局)
    before = text[: first.start].rstrip()
    if not before or before[-1] not in "（(，,":
        return section_unit(text, first.label_start, lexicon)
    clause = before[clause_start(before, len(before) - 1) : -1]
    # the unit after the last hand-over word (报送大检查情况至区经发局综合协调办公室: after 至, not 报送)
    units = [(cut + len(verb), unit) for verb in lexicon.hand_over_verbs
             if (cut := clause.rfind(verb)) >= 0 and (unit := lexicon.unit(last_listed(clause[cut + len(verb) :])))]
    return max(units)[1] if units else None


def unit_then_name(value: str, lexicon: ContactLexicon) -> tuple[str, str] | None:
    """``市财政局经建一处李奕萌`` → (市财政局经建一处, 李奕萌): a unit, then a name of 2–3 characters (and the 处 a
    name may be printed with: ``政法综治处陈花芳处``)."""
    if value.endswith("处") and (named := unit_then_name(value[:-1], lexicon)) is not None \
            and named[0].endswith(lexicon.department_endings):  # (区经发局经信处: a department, no 经信 of 区经发局)
        return named
    for size in (3, 2):
        unit, name = value[:-size], value[-size:]
        if len(unit) >= 3 and lexicon.unit(unit) == unit and reads_as_person(name, lexicon, default_leader_lexicon()) \
                and lexicon.unit(name) is None:
            return unit, name  # (区经发局发改处: 发改处 is the unit's department, no name)
    return None
