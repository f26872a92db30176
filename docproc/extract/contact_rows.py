"""Contacts printed as a person's name right before a phone number, with no label: rows of people
and their numbers (``陈 晗 13950379977``, a table run into one line; ``区经济发展局 曾 玢 23163131`` under
a 联系方式 heading), a person named with the number in brackets (``王芳（13805910001）``) or after a comma
(``林敏，13905910000``).

Only whole numbers (a mobile, or a landline with or without its area code) no labelled contact holds
are read, and only where the name stands on the same line as the number, its left edge not glued to other
characters (a space, punctuation, a digit or the line's start before it) and its first character a surname
of ``models/extract/leaders/``: a run such as
``…国资办干事18558890056`` is left alone, and so is a post (``支队长 13805091358``); but a unit with its person's
name glued on, that a send verb hands the thing to right before the number (``报片区防控办林军159…``), is that person. The unit is the
nearest cell before the name on its line that reads as a unit (``区财政局 张敏 13805910000``, or the
row's first cell: ``1 区管委会办公室 李妙君 区办副主任 13860607652 林道胜 13960893171``); else
``find_contacts`` looks for the unit as it does for every person. Rule id ``contacts.row.v1``.

A labelled number in brackets that no name precedes in its own label (``潘凡程（联络员，手机：…）``,
``镇长吴正华指挥长（联系电话：…）``) belongs to the person printed right before the bracket, posts and a role
around the name dropped (``person_before_bracket``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from docproc.extract.contact_lexicon import CJK, ContactLexicon
from docproc.extract.leader_lexicon import LeaderLexicon

ROW_REACH = 24  # characters before a number searched for its person's name (a unit cell and the name)
# the name: one to three characters after a surname, spaced or not (陈 晗), then at most a bracket,
# comma or colon before the number; its left edge is not glued to other characters
_NAME_BEFORE = re.compile(
    rf"(?:^|(?<=[\s，,、；;：:（()）\d]))(?P<name>[{CJK}](?:[ \u3000]?[{CJK}]){{1,2}})[ \t\u3000]*[（(，,：:]?[ \t\u3000]*$")
ROW_WINDOW = 60  # characters before the name searched for the row's unit (序号 单位 负责人 职务 电话 联系人 电话)
_CELL_BREAK = re.compile(r"[\s，,、；;：:]+|\d+")
_WHOLE_CELL = re.compile(rf"[{CJK}]+(?:[（(][{CJK}]+[）)][{CJK}]*)*")  # not a cell's cut end (…4层）)


def reads_as_person(name: str, contacts: ContactLexicon, leaders: LeaderLexicon) -> bool:
    """A name (``contacts.is_name``) that opens with a surname and is no post or place: not 客服, 片区, 支队长,
    东崑村."""
    not_person = leaders.titles + contacts.person_posts + leaders.place_endings  # 支队长 138…, 东崑村6101656
    return contacts.is_name(name) and (name[0] in leaders.surnames or name.startswith(leaders.compound_surnames)) \
        and not name.endswith(not_person)


def _row_unit(line: str, contacts: ContactLexicon) -> str | None:
    """The cell nearest the end of ``line`` that reads as a unit."""
    for cell in reversed(_CELL_BREAK.split(line)):
        if _WHOLE_CELL.fullmatch(cell) and (unit := contacts.unit(cell)) is not None:
            return unit
    return None


@lru_cache(maxsize=4)
def _whole_number(contacts: ContactLexicon) -> re.Pattern[str]:
    """A whole phone number (``whole_phone``: a mobile, or a landline with or without its area code) that
    no digit, dash, letter or mail address runs on from."""
    return re.compile(rf"(?<![A-Za-z0-9_\-—－@.])(?:{contacts.whole_phone})(?![\d\-—－@]|\.[A-Za-z0-9])")  # (not 28029087@qq.com)


def digits(number: str) -> str:
    """A phone number's digits (``0591-23163131`` → ``059123163131``): how numbers are compared."""
    return re.sub(r"\D", "", number)


@lru_cache(maxsize=4)
def _glued_run(contacts: ContactLexicon) -> re.Pattern[str]:
    """A hand-over verb of the lexicon (报, 反馈至 …), then a unit with its person's name glued on, at the end."""
    verbs = "|".join(map(re.escape, contacts.hand_over_verbs))  # (longest first, as the lexicon keeps them)
    return re.compile(rf"(?:{verbs})(?P<run>[{CJK}]{{5,24}}?)处?$")


def _unit_then_person(before: str, contacts: ContactLexicon) -> tuple[str, str, int] | None:
    """``…反馈至社会事业处周海玲处`` right before a number: (unit, name, where the unit starts in ``before``) when a
    send verb hands the thing to a unit with its person's name glued on (``unit_then_name``), else None."""
    from docproc.extract.contact_units import (
        unit_then_name,  # (contact_units reads this module's reads_as_person)
    )

    run = _glued_run(contacts).search(before)
    glued = unit_then_name(run.group("run"), contacts) if run else None
    return (glued[0], glued[1], run.start("run")) if run and glued else None


def row_contacts(text: str, claimed: Iterable[str], contacts: ContactLexicon,
                 leaders: LeaderLexicon) -> Iterator[tuple[str, str | None, str, tuple[int, int]]]:
    """``(name, unit or None, number, span)`` of each whole phone number in ``text`` that ``claimed``
    (digits of the numbers other contacts hold) does not hold, printed right after a person's name."""
    held = {other[cut:] for other in claimed for cut in range(len(other))}  # every ending: 23163131 of 059123163131
    for number in _whole_number(contacts).finditer(text):
        printed = digits(number.group())
        if printed in held:
            continue
        line_start = text.rfind("\n", max(0, number.start() - ROW_REACH - ROW_WINDOW), number.start()) + 1  # (bounded)
        before = text[max(line_start, number.start() - ROW_REACH) : number.start()]
        found = _NAME_BEFORE.search(before)
        if found is None:  # 报片区防控办林军15980228452: a unit with its person glued on, right before the number
            glued = _unit_then_person(before, contacts)
            if glued is None:
                continue
            held.update(printed[cut:] for cut in range(len(printed)))
            yield glued[1], glued[0], number.group(), (number.start() - len(before) + glued[2], number.end())
            continue
        name = "".join(found.group("name").split())
        if not reads_as_person(name, contacts, leaders):
            continue
        start = number.start() - len(before) + found.start("name")
        unit = _row_unit(text[max(line_start, start - ROW_WINDOW) : start], contacts)
        held.update(printed[cut:] for cut in range(len(printed)))
        yield name, unit, number.group(), (start, number.end())


# 五、联系方式 区经济发展局：曾 玢 23163131 区财政金融局：叶竹旺 24336548: a contacts section listing each
# unit, its people and their numbers (paired in order, or shared), without a 联系人 label
_CONTACTS_HEADING = re.compile(r"(?:联系方式|联系人及(?:联系)?(?:方式|电话))\s*[：:]?")
_UNIT_PEOPLE_NUMBERS = re.compile(
    rf"(?P<unit>[{CJK}（）()]{{2,24}}?)[：:]\s*"  # (a unit by the lexicon's unit endings: _unit)
    rf"(?P<people>(?:[{CJK}](?:[ \u3000]?[{CJK}]){{1,2}}[ \u3000]+){{1,4}})(?:电话\s*[：:]\s*)?"
    r"(?P<numbers>\d[\d\-—]{6,}(?:\s*[，,、/]\s*\d[\d\-—]{6,})*)")
LISTED_SECTION_MAX_CHARS = 300  # how far after a 联系方式 heading its unit entries run


def unit_listings(text: str, lexicon: ContactLexicon) -> Iterator[tuple[str, str, list[str], tuple[int, int]]]:
    """(name, unit, phones, span) of each person a 联系方式 section lists unit by unit, names unlabelled
    (see ``_UNIT_PEOPLE_NUMBERS``); ``find_contacts`` reads them as ``contacts.listed_by_unit.v1``."""
    for heading in _CONTACTS_HEADING.finditer(text):
        section_end = min(len(text), heading.end() + LISTED_SECTION_MAX_CHARS)
        for entry in _UNIT_PEOPLE_NUMBERS.finditer(text, heading.end(), section_end):
            names = entry.group("people").split()
            if len(names) > 1 and all(len(n) == 1 for n in names):
                names = ["".join(names)]  # 曾 玢: one name printed spaced
            if not names or not all(lexicon.is_name(n) for n in names):
                continue
            unit = lexicon.unit(entry.group("unit"))
            if unit is None:
                continue
            numbers = re.split(r"\s*[，,、/]\s*", entry.group("numbers"))
            pairs = zip(names, ([n] for n in numbers), strict=False) if len(numbers) == len(names) > 1 \
                else ((n, numbers) for n in names)
            for name, phones in pairs:
                yield name, unit, list(phones), entry.span()


# 公办幼儿园招生咨询电话…平潭实验幼儿园24368558平潭平原镇中心幼儿园62537201…: a table of units and their numbers
# whose copy lost the cell breaks, each unit glued to its number and the next unit to that
_TABLE_HEAD = re.compile(r"^.*(?:电话|号码|方式|名称)")  # the header cells glued before the first unit
GLUED_RUN_MIN_UNITS = 3  # rows whose name reads as a unit, and two in three of the run's rows at least
GLUED_ROW_MAX_CHARS = 20


@lru_cache(maxsize=4)
def _glued_unit_number(contacts: ContactLexicon) -> re.Pattern[str]:
    """A unit's name, then a whole phone number of the lexicon (``whole_phone``) that no digit runs on from."""
    return re.compile(rf"(?P<unit>[{CJK}（）()]{{2,30}}?)(?P<numbers>{contacts.whole_phone})(?!\d)")


def glued_unit_numbers(text: str, lexicon: ContactLexicon) -> Iterator[tuple[str, int, str, tuple[int, int]]]:
    """(unit, where it starts, its number, the row's span) of each row of a run of units glued to their numbers
    (see ``_glued_unit_number``): at least three rows, two in three of them named as units by the lexicon's endings
    (平潭海峡儿童学园 is a row of the table too); the first row's name starts after the table's header."""
    run: list[re.Match[str]] = []
    for row in [*_glued_unit_number(lexicon).finditer(text), None]:
        if row is not None and (not run or row.start() == run[-1].end()):
            run.append(row)
            continue
        rows = list(_glued_rows(run))
        units = sum(lexicon.unit(unit) == unit for unit, _, _ in rows)
        if units >= GLUED_RUN_MIN_UNITS and 3 * units >= 2 * len(run) and len(rows) == len(run):
            for unit, at, found in rows:
                yield unit, at, found.group("numbers"), found.span()
        run = [row] if row is not None else []


def _glued_rows(run: list[re.Match[str]]) -> Iterator[tuple[str, int, re.Match[str]]]:
    for index, row in enumerate(run):
        unit, at = row.group("unit"), row.start("unit")
        if index == 0 and (head := _TABLE_HEAD.match(unit)) is not None:
            unit, at = unit[head.end() :], at + head.end()
        if 2 <= len(unit) <= GLUED_ROW_MAX_CHARS:
            yield unit, at, row


BRACKET_REACH = 12  # characters of a bracket before the phone label in it (（联络员，手机：…）)
PERSON_BEFORE_REACH = 24  # characters before the bracket searched for the person it belongs to
_OPENED_BRACKET = re.compile(rf"[（(][^（）()\n]{{0,{BRACKET_REACH}}}$")
_WORD_BREAK = re.compile(r"[\s，,。；;：:、）)]+")


def person_before_bracket(text: str, position: int, contacts: ContactLexicon, leaders: LeaderLexicon) -> str | None:
    """The person printed right before the bracket a phone label at ``position`` stands in, with posts and a
    role around the name (``潘凡程（联络员，手机：…）``, ``镇长吴正华指挥长（联系电话：…）``, ``何 英（…``), or None."""
    opened = _OPENED_BRACKET.search(text, max(0, position - BRACKET_REACH - 1), position)
    if opened is None:
        return None
    words = _WORD_BREAK.split(text[max(0, opened.start() - PERSON_BEFORE_REACH) : opened.start()])
    run = words[-1]
    if len(run) == 1 and len(words) > 1 and len(words[-2]) == 1:
        run = words[-2] + run  # 何 英: a two-character name printed spaced
    role = next((role for role in leaders.roles if run.endswith(role) and len(run) > len(role)), None)
    if role is not None:
        run = run[: -len(role)]  # 吴正华指挥长: the role the person holds, after the name
    for size in (3, 2):
        name, head = run[-size:], run[:-size]
        if len(run) >= size and reads_as_person(name, contacts, leaders) \
                and (not head or head.endswith(leaders.titles + leaders.roles)):
            return name
    return None
