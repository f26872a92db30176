"""The parts of a leadership group as notices head them: working groups under numbered headings
(``（一）综合组``), groups of their own set up together (``二、共青团工作小组``, ``1.党建工作督查组``), labelled
sub-groups (``第一小组：…``) and the parts a setting-up sentence lists (``下设综合组、宣传组``)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache

from docproc.extract.leader_entries import SUB_GROUP_NUMBER
from docproc.extract.leader_lexicon import LeaderLexicon
from docproc.extract.textmatch import LOOK_BACK_REACH

_HEADING_NUMBER = r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)"  # （一） 1． 一、
# a numbered working group's heading that its roles follow on the same line: （一）综合组。组长：…
_INLINE_PART = re.compile(rf"\s*{_HEADING_NUMBER}\s*"
                          r"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff、]{0,13}(?:组|組))[。：:，,]?\s*")
# a numbered heading naming a working group: （一）综合组, 2．宣传组
_PART_HEADING = re.compile(rf"^\s*{_HEADING_NUMBER}\s*"
                           r"(?P<name>[\u4e00-\u9fff](?:[\u4e00-\u9fff、]|[（(][\u4e00-\u9fff]{1,6}[）)]){0,20}(?:组|組)|办公室|辦公室)"
                           r"(?:成员|人员|组成人员)?(?:名单)?(?:及职责|(?:工作)?职责)?[：:]?\s*$")


PART_LIST_MAX_LINES = 12
# （一）南海疫情防控工作指导组: a group of its own under a numbered heading (a part's name is short: 综合组)
_OWN_GROUP_HEADING = re.compile(rf"^\s*{_HEADING_NUMBER}\s*"
                                r"(?P<name>[\u4e00-\u9fff“”][\u4e00-\u9fff“”、]{3,29}(?:组|組|专班))\s*$")
_LIST_LINE = re.compile(r"^\s*[\u4e00-\u9fff](?:[ \t\u3000]*[\u4e00-\u9fff]){0,5}\s*[：:]")  # 组长：…, 副 组 长：…


def _lines_above_list(text: str, line_start: int) -> Iterator[tuple[int, str]]:
    """The lines above the list line starting at ``line_start``, nearest first, each with its start: the
    walk goes up over the list's own role lines (组长：… / 成员：…) and ends after the first line that is none."""
    for _ in range(PART_LIST_MAX_LINES):
        if line_start == 0:
            return
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start : line_start - 1]
        yield previous_start, previous
        if not _LIST_LINE.match(previous):
            return
        line_start = previous_start


# 第一组, 第二小组, 第三指导组, 第四督查组: a group's numbered parts
_NUMBERED_PART = re.compile(r"(?:^|(?<=[\s。；;：:]))(?P<name>第[一二三四五六七八九十\d]{1,3}(?:[\u4e00-\u9fff]{1,3}?)?组)(?=\s|$)")


def _own_group_name(text: str, line: str, line_start: int, lexicon: LeaderLexicon) -> str | None:
    """The name of ``（一）南海疫情防控工作指导组`` when it heads a group of its own: a sentence before it
    set up groups of its kind (``决定成立三个…疫情防控工作指导组``), not parts (``下设…组``); a verb opening
    the heading (``一、成立…领导小组``) is no part of the name."""
    heading = _OWN_GROUP_HEADING.match(line)
    if heading is None:
        return None
    name = heading.group("name")
    name = name[len(next((v for v in lexicon.establishing_verbs if name.startswith(v)), "")) :]
    before = text[max(0, line_start - LOOK_BACK_REACH) : line_start]
    set_up = list(re.finditer(rf"(?:成立|组建|设立)[^。；;]{{0,40}}?{re.escape(name[-3:])}", before))
    if not set_up or re.search(r"下设|内设", before[set_up[-1].start() :]):
        return None
    if not _COUNT.search(set_up[-1].group()) and name not in before[set_up[-1].start() :]:
        return None  # 成立金井片区…工作指导组 / 一、金井片区…指导组 / （一）北厝片指导组: one group set up, these its parts
    return name


_COUNT = re.compile(r"[一二三四五六七八九十两\d]+个|若干|多个")  # 成立三个…指导组: groups of one kind set up together


def group_heading(text: str, position: int, lexicon: LeaderLexicon) -> str | None:
    """``二、共青团工作小组`` over a list: one of several groups set up together, each under its own heading
    (the heading's name, not a part of the group before it); None when the heading names a member list
    (``领导小组成员名单``), a part a group set up (``下设…综合协调组``) or there is no such heading. A long
    heading (``（一）南海疫情防控工作指导组``) is a group of its own only when a sentence set up groups of
    its kind (``决定成立三个…疫情防控工作指导组``)."""
    line_start = text.rfind("\n", 0, position) + 1
    if text[line_start:position].strip():
        return None
    for previous_start, previous in _lines_above_list(text, line_start):
        own = _own_group_name(text, previous, previous_start, lexicon)
        if own is not None:
            return own
        heading = _PART_HEADING.match(previous)
        if heading:
            name = heading.group("name")
            verb = next((v for v in lexicon.establishing_verbs if name.startswith(v)), "")  # (longest first)
            name = name[len(verb) :]  # 一、成立专项检查工作领导小组: the heading's verb is not the name
            return name if name.endswith(lexicon.whole_group_words) else None
    return None


def part_heading(text: str, position: int, lexicon: LeaderLexicon) -> str | None:
    """The working group named by the heading line right above the list line at ``position`` (or run on
    just before it: ``…如下： 第一组 组 长：陈弘``)."""
    line_start = text.rfind("\n", 0, position) + 1
    numbered = [m for m in _NUMBERED_PART.finditer(text, line_start, position)]
    if numbered and not re.search(r"[。；;]", text[numbered[-1].end() : position]):
        return numbered[-1].group("name")  # 第一组 组 长：… 成 员：…: every role of the part, up to its duties
    inline = _INLINE_PART.match(text, line_start, position)
    if inline and not re.search(r"[。；;]", text[inline.end() : position]):  # （一）综合组。组长：王强，成员：赵六
        return inline.group("name")
    if text[line_start:position].strip():
        return None  # the role label is not at the start of its line
    for previous_start, previous in _lines_above_list(text, line_start):  # up over the part's own list lines
        ending = _NUMBERED_PART.search(previous.rstrip())
        if ending and ending.end() == len(previous.rstrip()):  # …如下：第一组 / 组 长：…: the part's name ends the line
            return ending.group("name")
        heading = _PART_HEADING.match(previous)
        if heading and (heading.group("name").endswith(lexicon.whole_group_words)
                        or _own_group_name(text, previous, previous_start, lexicon) is not None):
            return None  # （一）领导小组成员名单, （一）南海…指导组: a group itself, not a part (see group_heading)
        if heading:
            return heading.group("name")
    return None


# 办公室内设综合协调组、宣传组、业务指导组3个工作组: the working groups a group's setting-up sentence names
_LISTED_PARTS = re.compile(r"(?:下设|内设|設立|设立|设有)(?P<parts>(?:[\u4e00-\u9fff]{0,12}办公室、|"
                           r"[\u4e00-\u9fff]{1,12}(?:组|組)、){1,12}[\u4e00-\u9fff]{1,12}(?:组|組))")


# 第一小组：大练清明祭扫保障工作小组 on the line above a list: a sub-group named after its number
LABELLED_SUB_GROUP = re.compile(rf"(?P<label>{SUB_GROUP_NUMBER})[：:]\s*(?P<name>[^\n：:，。]{{2,30}}?)"
                                 r"\s*(?=\n|\s+[\u4e00-\u9fff]{2,6}[：:])")
SUB_GROUP_REACH = 400  # characters before a role where the label of the sub-group it lists may stand


@lru_cache(maxsize=1)  # (read for one text at a time: only the last one kept)
def _listed_parts(text: str) -> frozenset[str]:
    """Every part name a setting-up sentence of ``text`` lists (read once per text, not per list)."""
    return frozenset(name for found in _LISTED_PARTS.finditer(text) for name in found.group("parts").split("、"))


def listed_part_name(text: str, part: str | None) -> str | None:
    """A working group's name as its setting-up sentence lists it, where its heading words it otherwise
    (…下设…、医疗卫生组 / 六、医疗卫生保障组工作职责; 内设综合协调组、宣传组… / 二、宣传督导组): the listed name
    sharing the longest start with the heading's, when one does by at least two characters."""
    if part is None:
        return None
    listed = _listed_parts(text)
    if not listed or part in listed:
        return part
    shared = {name: len(os.path.commonprefix([name, part])) for name in listed}
    best = max(shared.values())
    matches = [name for name, size in shared.items() if size == best]
    return matches[0] if best >= 2 and len(matches) == 1 else part


# 第一自查组（北厝工作片）: a numbered group on its own line, what it covers in brackets
# (or glued to the end of the line before it: …各村主干第二自查组（敖东工作片）, …内页材料。第一自查组（北厝工作片）)
NUMBERED_GROUP_LINE = re.compile(r"(?:^\s*|(?<=[\u4e00-\u9fff。；;]))(?P<name>第[一二三四五六七八九十\d]{1,3}[\u4e00-\u9fff]{0,4}"
                                 r"(?:小组|组))\s*(?:[（(][^（）()\n]{1,12}[）)])?\s*$")


def numbered_group_line(text: str, position: int) -> str | None:
    """The name of a numbered group (``第一自查组``) printed alone on the line above the list that the line at
    ``position`` belongs to, when no sentence named a group for the list; its bracketed area is no part of it."""
    line_start = text.rfind("\n", 0, position) + 1
    if text[line_start:position].strip():
        return None
    for _start, previous in _lines_above_list(text, line_start):  # (组长：… above 副组长：…)
        found = NUMBERED_GROUP_LINE.search(previous)
        if found:
            return found.group("name")
    return None
