"""Leadership groups of a notice: who is 组长, 副组长, 成员, 办公室主任 … of which 领导小组/专班/指挥部.

Three readings, each with its rule id:

- ``leaders.table.v1``: role lines ``组   长：王会奇 副市长`` with continuation lines that inherit the
  role above; names lose inner spacing (``穆 雷`` → 穆雷);
- ``leaders.table_run_together.v1``: the same entries printed without separators
  (``李悦市公安局副局长李学良市市场监督管理局副局长``), split by the position vocabulary;
- ``leaders.prose.v1`` / ``leaders.prose_by.v1``: prose (``市司法局局长王佩军兼任办公室主任``,
  ``办公室主任由史毓志同志兼任``, ``局长任组长``) including groups defined by positions only (name None),
  read in ``leader_prose.py``.

Role words, group words and the position vocabulary are data under ``models/extract/leaders/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from docproc.extract.dates import is_full_date
from docproc.extract.found import compact
from docproc.extract.leader_entries import (
    RARE_SURNAME_SHARE,
    SPACED_NAME_THEN_SENTENCE,
    LeaderHit,
    is_entry_line,
    is_person_name,
    parse_entries,
)
from docproc.extract.leader_group_of import (
    committee_list,
    list_end_before_setting_up,
    mentions_near,
    office_of,
    resolve_group,
)
from docproc.extract.leader_groups import GroupMention, find_group_mentions
from docproc.extract.leader_lexicon import (
    CJK_CHAR,
    LeaderLexicon,
    default_lexicon,
    lexicon_patterns,
    load_leader_lexicon,
)
from docproc.extract.leader_parts import (
    LABELLED_SUB_GROUP,
    NUMBERED_GROUP_LINE,
    SUB_GROUP_REACH,
    group_heading,
    listed_part_name,
    numbered_group_line,
    part_heading,
)
from docproc.extract.leader_prose import prose_hits, role_in_brackets
from docproc.extract.leader_runs import is_position, split_positions, split_run_together
from docproc.extract.nlp import TextSpans, annotate
from docproc.extract.tables import Table, find_tables, table_leaders
from docproc.extract.textmatch import LOOK_BACK_REACH, covering, in_order

__all__ = [
    "GroupMention", "LeaderHit", "LeaderLexicon", "default_lexicon", "find_group_mentions", "find_leaders",
    "load_leader_lexicon", "parse_entries", "split_positions", "split_run_together",
]


# ---------------------------------------------------------------- readings


@dataclass(frozen=True)
class RoleMarker:
    """A role label of a member list: ``组   长：`` (start of the role word, end after the colon)."""

    role: str
    start: int
    end: int


_COLON_AFTER = re.compile(r"\s*[:：]")


_SPACE_THEN_NAME = re.compile(r"[ \t\u3000]+(?=[\u3400-\u9fff])")
_GLUED_NAME = re.compile(r"(?=[\u3400-\u9fff]{4,}[^\n]*(?:长|员|任|记|席|理|干|监)\s*(?:\n|$))")  # a name, then a post
_ROW_START = re.compile(r"(?:^|[\s：:；;。]|(?<=[长员任记席理]))$")


def _spaced_row_role(text: str, start: int, end: int) -> re.Match[str] | None:
    """A role printed without a colon at the head of a row, a space before its name (``组 长 严小华
    区经济发展局副局长``, also run on after the entry before it: ``…副局长副组长 张纬华 …``)."""
    if not _ROW_START.search(text[max(0, start - 1) : start]):
        return None
    spaced = _SPACE_THEN_NAME.match(text, end)
    if spaced is None and (start == 0 or text[start - 1] == "\n"):
        return _GLUED_NAME.match(text, end)  # 组长严小华区经济发展局副局长: OCR lost the gaps of a row
    return spaced


def role_markers(text: str, spans: TextSpans, surnames: frozenset[str] | None = None) -> list[RoleMarker]:
    """The pipeline's LEADER_ROLE spans that stand before a colon, the longest at each colon; in a text
    whose roles have no colons at all, those heading a row before a name with a known surname."""
    best: dict[int, RoleMarker] = {}
    roles = spans.spans("LEADER_ROLE")
    colons = [_COLON_AFTER.match(text, end) for _, end in roles]
    spaced_rows = surnames is not None and not any(colons)
    for (start, end), colon in zip(roles, colons, strict=True):
        if colon is None and spaced_rows:
            colon = _spaced_row_role(text, start, end)
            if colon is not None and text[colon.end()] not in (surnames or ()):
                colon = None
        if colon is None and text.startswith("为", end) and start > 0 and text[start - 1] in "）)":
            colon = re.compile("为").match(text, end)  # …陈强（综合协调工作小组副组长）成员为各工作小组…: a list's next role
        if colon is None:
            continue
        marker = RoleMarker("".join(text[start:end].split()), start, colon.end())
        known = best.get(marker.end)
        # the longest role at a colon, unless it starts inside the entry before it and a shorter one
        # starts after a space (…管委会副主任 委 员：林杰: 委员, not 副主任委员)
        if known is None or _prefer(marker, known, text):
            best[marker.end] = marker
    found = sorted(best.values(), key=lambda marker: marker.start)
    for cut in _CUT_MEMBER_LABEL.finditer(text):  # 员： 孙 尧 …: the scan's detector dropped the 成 of 成　员
        if any(0 < cut.start() - m.start < CUT_LABEL_REACH for m in found) and cut.end() not in best:
            found.append(RoleMarker("成员", cut.start("label"), cut.end()))
    return sorted(found, key=lambda marker: marker.start)


_CUT_MEMBER_LABEL = re.compile(r"(?m)^[ \t\u3000]*(?P<label>员)[ \t\u3000]*[：:]")
CUT_LABEL_REACH = 400  # characters after a list's first role where a cut 成员 label still belongs to it


def _prefer(marker: RoleMarker, known: RoleMarker, text: str) -> bool:
    """Whether ``marker`` beats ``known`` at the same colon: the longer label, unless it starts glued to
    the entry before it while the other starts after a space."""
    def glued(m: RoleMarker) -> bool:
        return m.start > 0 and CJK_CHAR.match(text[m.start - 1]) is not None

    def spaced(m: RoleMarker) -> bool:
        return m.start > 0 and text[m.start - 1].isspace()

    if marker.start < known.start:
        return not (glued(marker) and spaced(known))
    return spaced(marker) and glued(known)


def _table_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon,
                spans: TextSpans) -> Iterator[LeaderHit]:
    markers = role_markers(text, spans, lexicon.surnames)
    parent_group: str | None = None
    head_led_end = -1  # where the list a group's head (组长：…) opened ends: its next roles are the group's too
    for index, marker in enumerate(markers):
        role = marker.role
        limit = markers[index + 1].start if index + 1 < len(markers) else len(text)
        line_end = text.find("\n", marker.end)
        stop = min(limit, line_end if line_end >= 0 else len(text))
        stretches = [(marker.end, stop)]
        wraps: dict[int, tuple[int, int]] = {}  # a position the page wrapped: 副书记、调 / 研员
        while stop < limit:  # continuation lines inherit the role
            next_end = text.find("\n", stop + 1)
            next_end = limit if next_end < 0 or next_end > limit else next_end
            line = text[stop:next_end].strip()
            if line and CJK_CHAR.search(line):
                if _is_category_line(line):  # （一）部门委员: a list's own sub-heading
                    stop = next_end
                    continue
                if _is_wrapped_tail(line, text[stretches[-1][0] : stretches[-1][1]], lexicon) \
                        and not _is_date_line(text, next_end + 1):  # 某某局 / 2024年3月1日: the signature
                    wraps[len(stretches) - 1] = (text.index(line, stop), text.index(line, stop) + len(line))
                    stop = next_end
                    continue
                if not is_entry_line(line, lexicon) and not _position_of_lone_name(
                        line, text[stretches[-1][0] : stretches[-1][1]], lexicon):
                    break
                stretches.append((stop, next_end))
            stop = next_end
        first_line = text[marker.end : stretches[0][1]]
        full_stop = first_line.find("。")
        if full_stop >= 0 and first_line[full_stop + 1 :].strip():  # the list ends with its sentence
            stretches = [(marker.end, marker.end + full_stop)]
        stretches[-1] = (stretches[-1][0], list_end_before_setting_up(text, *stretches[-1], mentions, lexicon))
        stretches = [(lo, end.start() if (end := lexicon.list_end_label.search(text, lo, hi)) else hi)
                     for lo, hi in stretches]
        if _is_duty_line(first_line):
            continue
        group = resolve_group(text, mentions, (marker.start, marker.end), role, lexicon, None)
        numbered = numbered_group_line(text, marker.start)  # 第一自查组（北厝工作片） / 组长：…: that group's list
        if numbered is not None and (group is None or group != numbered and NUMBERED_GROUP_LINE.fullmatch(group)):
            group = numbered  # (no group named before, or the numbered sibling the list before was)
        heads_group = role in lexicon.office_roles and group is not None \
            and (group.endswith(lexicon.own_head_groups) or committee_list(text, marker.start)) \
            and not role.startswith(("办公室", "辦公室"))  # 委员会 / 主任：…: the committee's head, unless under its office
        head_led = role in lexicon.group_head_roles or head_led_end >= 0 and not text[head_led_end : marker.start].strip()
        if group is not None and (role not in lexicon.office_roles or heads_group) \
                and not group.endswith(lexicon.office_words) \
                and _under_office_heading(text, marker.start, group, head_led):
            # (…指挥部办公室组成人员名单: an office already)
            group = office_of(group, lexicon)  # 区渣土办人员名单如下：…成员：…
        head_led_end = stretches[-1][1] if head_led and group is not None \
            and not group.endswith(lexicon.office_words) else -1
        own_group = group_heading(text, marker.start, lexicon)
        if own_group is not None and own_group not in lexicon.whole_group_words:
            # 一、工会工作小组 / 二、共青团工作小组: each group under its heading, named as its setting-up sentence
            # names it (a bare 领导小组 heading names no group of its own)
            set_up = [m.name for m in mentions if not m.bare and m.sets_up and m.name.endswith(own_group)
                      and m.start < marker.start  # (not a group set up after the list: 各学校应成立学校…领导小组)
                      and not re.search(r"(?:组|組)[、和及与]", m.name[: -len(own_group)])]  # X小组和Y小组: two
            group = max(set_up, key=len, default=own_group)
        labelled = [m for m in LABELLED_SUB_GROUP.finditer(text, max(0, marker.start - SUB_GROUP_REACH), marker.end)
                    if m.end() <= marker.start]  # (…房建项目 带队领导：: the label may stand right before the role)
        label = labelled[-1].group("name") if labelled else None
        if label is not None and not label.endswith((*(word for word, _ in lexicon.group_words), "组", "专班")):
            # (第一工作组：综合协调组: a part's own name)
            label = labelled[-1].group("label")  # 第一小组：金井湾、澳前片区房建项目: what it covers, not its name
        leading = parent_group or group  # the group the lists before the sub-groups named
        sub_group = label is not None and leading is not None and not leading.endswith(label)
        if sub_group:  # 领导小组下设6个…工作小组第一小组：大练清明祭扫保障工作小组 / 组 长：…: its sub-group, full name
            group = f"{leading}{label}"  # (东海陵园、平潭殡仪馆…小组: as the label prints it)
        part = listed_part_name(text, part_heading(text, marker.start, lexicon))
        if part is not None and part.endswith(lexicon.expert_groups):
            continue  # 二、成立专家组 / 组长：…: an expert group is no leadership group
        if part is not None:  # （一）综合组 / 组长：…: a working group inside the group of the list before
            parent = parent_group or group
            offices = lexicon.office_words
            if parent and parent.endswith(offices) and part not in offices:
                # 委员会下设办公室和六个工作组，即：新闻宣传组…, 办公室内设综合协调组…, 指挥部办公室组成人员 / 综合协调组:
                # a working group takes the leading group's name, not its office's
                parent = parent[: -len(next(o for o in offices if parent.endswith(o)))]
            if part in offices and parent:  # 一办四组: （一）办公室 / 主任：… is the group's office
                group = parent if parent.endswith(offices) else office_of(parent, lexicon)
            elif parent and (numbered_part := _NUMBERED_END.search(part)) and _NUMBERED_END.fullmatch(parent):
                # 一、片区安全生产检查组第一组 / 组长：…, then …工作第二组 / 组长：… glued to the line before: the group
                # the heading names, with the number of the list's own line
                group = part[: numbered_part.start()] + parent
            else:  # (a part whose own name was read as the group already is not named twice)
                group = parent + part if parent and not parent.endswith(part) else parent or part
        elif group is not None and not sub_group:
            parent_group = group
        if not wraps:
            stretches = _cells_paired(text, stretches, lexicon)
        for index_in_list, (lo, hi) in enumerate(stretches):
            next_group = NUMBERED_GROUP_LINE.search(text, lo, hi)
            if next_group is not None and next_group.start() > lo:
                hi = next_group.start()  # …各村主干第二自查组（敖东工作片）: the next group's heading glued on
            first = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())  # a role's only entry, the sentence after it
            glued = SPACED_NAME_THEN_SENTENCE.match(text, first, hi)
            if glued is not None and glued.group("surname") in lexicon.surnames:
                hi = glued.end("given")  # 副组长：卓 宁具体工作依托经济发展处。: a sentence glued to a spaced name
            hi = lo + len(text[lo:hi].rstrip("。；; \t\u3000\n"))  # 成员：赵立、钱明。: the sentence's full stop
            entries = parse_entries(text[lo:hi], lo, lexicon)
            if index_in_list in wraps and entries and entries[-1].position:
                wrap_start, wrap_end = wraps[index_in_list]
                entries[-1].position += text[wrap_start:wrap_end]
                entries[-1].end = wrap_end
            for entry in entries:
                rule = "leaders.table_run_together.v1" if entry.run_together else "leaders.table.v1"
                own_role, position = role_in_brackets(entry.position, lexicon)  # 张明火副局长（常务副组长）
                yield LeaderHit(group, own_role or role, entry.name, position, (entry.start, entry.end), rule)


def _position_of_lone_name(line: str, previous: str, lexicon: LeaderLexicon) -> bool:
    """``党工委委员（兼）`` under ``龚 锋``: a cell a line, the position of the name above it."""
    name, position = "".join(previous.split()), "".join(line.split())
    return len(name) <= 4 and is_person_name(name, lexicon) and not is_position(name, lexicon) \
        and is_position(position, lexicon) and not (is_person_name(position, lexicon) and position[:1] in lexicon.surnames) \
        and not re.match(r"[（(]?[一二三四五六七八九十\d]{1,3}[、.．）)]", position)


def _cells_paired(text: str, stretches: list[tuple[int, int]], lexicon: LeaderLexicon) -> list[tuple[int, int]]:
    """A table a web copy printed one cell a line (``欧阳斌`` / ``党工委副书记、办事处主任``): a line
    holding only a name and the line holding only its position are one entry."""
    out: list[tuple[int, int]] = []
    index = 0
    while index < len(stretches):
        lo, hi = stretches[index]
        if index + 1 < len(stretches) and _position_of_lone_name(text[slice(*stretches[index + 1])], text[lo:hi], lexicon):
            out.append((lo, stretches[index + 1][1]))
            index += 2
            continue
        out.append((lo, hi))
        index += 1
    return out


_OFFICE_LIST = re.compile(r"(?:下设[\u4e00-\u9fff]{0,8}?办公室|办公室(?:人员|成员|组成人员)|办公室名单|办(?:人员|成员|组成人员)名单|辦公室"
                          r"|办公室设在[^。；\n]{0,40}?(?:人员组成|组成人员|成员))")  # …办公室设在区卫健局，其人员组成：


def _under_office_heading(text: str, position: int, group: str, heads_group: bool = False) -> bool:
    """Whether the list at ``position`` follows its group's office being set up or introduced. A group's
    own head (组长：…) is no office's member under a sentence that only sets the office up (成员构成如下：
    领导小组下设办公室，挂靠局安监处。/ 组长：…)."""
    mention = text.rfind(group[-4:], 0, position)
    between = text[mention if mention >= 0 else max(0, position - 400) : position]
    found = [m.group() for m in _OFFICE_LIST.finditer(between)]
    return bool(found) and not (heads_group and all(f.startswith("下设") for f in found))


def _grid_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon,
               tables: list[Table]) -> Iterator[LeaderHit]:
    """Member tables (TAB-separated rows) right under a group's heading (``…联席会议成员名单``)."""
    for table in tables:
        above = text[max(0, text.rfind("\n", 0, max(table.start - 1, 0)) - 120) : table.start]
        group = next((m.name for m in reversed(mentions) if not m.bare and m.end <= table.start
                      and table.start - m.end <= len(above)), None)
        if group is None:
            continue
        for role, name, position, span in table_leaders(table, group, lexicon):
            member_of = office_of(group, lexicon) if role in lexicon.office_roles else group
            yield LeaderHit(member_of, role, name, position, span, "leaders.table_grid.v1")


def _is_date_line(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` is a date alone: a signature's date, in either numerals."""
    end = text.find("\n", start)
    return is_full_date(text[start : end if end >= 0 else len(text)].strip())


def _is_wrapped_tail(line: str, previous: str, lexicon: LeaderLexicon) -> bool:
    """``研员`` under ``陈人寿  区经济与发展局党组副书记、调``: the rest of a position the page wrapped —
    a few characters, no name, after a line that ends inside a word."""
    return (
        len(line) <= 4
        and bool(re.fullmatch(r"[\u3400-\u9fff）)]+", line))
        and not (is_person_name(line, lexicon) and line[:1] in lexicon.surnames)
        and bool(previous.strip())
        and bool(CJK_CHAR.fullmatch(previous.strip()[-1]))
        and is_entry_line(previous.strip(), lexicon)
        and not _position_of_lone_name(line, previous, lexicon)  # 王 五 / 局长: a cell a line (_cells_paired)
    )


def _is_category_line(line: str) -> bool:
    return bool(re.fullmatch(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]、)[\u4e00-\u9fff]{2,10}"
                             r"(?:[（(][^（）()]{1,16}[）)])?", line))


def _is_duty_line(line: str) -> bool:
    """``组长：负责…``: what a role does, not who holds it."""
    return bool(re.match(r"\s*(?:负责|負責|主要负责|承担|協助|协助|统筹|研究|组织|組織)", line))


_NUMBERED_END = re.compile(r"第[一二三四五六七八九十\d]{1,3}(?:小组|组)$")  # …检查组第一组: a numbered group's own number
# 第一组：张杰、杨建春…第二组：…: the members of a group's numbered teams, without roles
_TEAM_LABEL = re.compile(r"第[一二三四五六七八九十]{1,3}(?:小组|组)[：:]")
_TEAM_NAME = re.compile(r"\s*(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})(?=\s*(?:[、，,]|第[一二三四五六七八九十]|$|\s))")
TEAM_MIN_PEOPLE = 2


def _team_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> Iterator[LeaderHit]:
    labels = list(_TEAM_LABEL.finditer(text))
    for index, label in enumerate(labels):
        stop = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        line_end = re.compile(r"[\n。；;]").search(text, label.end(), stop)
        stop = line_end.start() if line_end else stop
        people: list[tuple[str, tuple[int, int]]] = []
        cursor = label.end()
        while cursor < stop:
            found = _TEAM_NAME.match(text, cursor, stop)
            if found is None:
                break
            people.append(("".join(found.group("name").split()), found.span("name")))
            cursor = found.end()
            if text[cursor : cursor + 1] not in ("、", "，", ","):
                break
            cursor += 1
        rare = sum(1 for name, _ in people if name[0] not in lexicon.surnames)
        if len(people) < TEAM_MIN_PEOPLE or rare > len(people) // RARE_SURNAME_SHARE or not all(
                is_person_name(name, lexicon) for name, _ in people):
            continue
        group = resolve_group(text, mentions, label.span(), "成员", lexicon, None)
        if group is None:
            continue
        team = label.group().rstrip("：:")
        for name, span in people:
            yield LeaderHit(group + team, "成员", name, None, span, "leaders.team.v1")


# ``丁昌湖 东庠边防派出所所长``: a list line whose name and post a space still parts
_SPACED_ENTRY = re.compile(r"(?m)^[ \t\u3000]*(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,2})[ \t\u3000]+"
                           r"(?P<position>[\u4e00-\u9fff（）()、]{4,30})[ \t\u3000]*$")
LEARNED_START_CHARS = 2


def _with_document_position_starts(text: str, lexicon: LeaderLexicon) -> LeaderLexicon:
    """``lexicon`` with the first characters of the posts this document's own spaced list lines print
    (东庠…, 流水…, 中楼…: its villages and towns) as position starts, so that a line OCR printed without
    the space (``杨程流水司法所所长``) splits before the same place."""
    learned = {
        found.group("position")[:LEARNED_START_CHARS]
        for found in _SPACED_ENTRY.finditer(text)
        if is_person_name("".join(found.group("name").split()), lexicon)
        and found.group("name")[0] in lexicon.surnames and is_position(found.group("position"), lexicon)
    }
    new = tuple(sorted(start for start in learned if start not in lexicon.position_starts and CJK_CHAR.match(start)))
    return replace(lexicon, position_starts=lexicon.position_starts + new) if new else lexicon


# 决定调整充实常态化疫情防控日常督察小组，其组成人员如下: a group the document sets up under a word the
# vocabulary lacks (督察小组, 调研组): its last two characters and 小组/组, up to the clause's end
_SET_UP_WORD = re.compile(r"(?P<word>[\u4e00-\u9fff]{2}(?:小组|组))(?=[，。；：,;:\s]|$|成员|组成|人员|名单)")
_SET_UP_WORD_MAX_CHARS = 40  # the longest name read after a setting-up verb


_SET_UP_BODY = re.compile(r"(?P<word>[\u4e00-\u9fff]{2}(?:中心|委员会))$")


def _role_line_follows(text: str, position: int, lexicon: LeaderLexicon) -> bool:
    """Whether the next line after ``position`` opens with a role label (``主 任：``); the rest of this line may
    only announce the list (``，中心领导组成人员及成员单位如下：``)."""
    line = re.match(r"(?:[，,][^\n]{0,30})?[ \t\u3000]*\n(?P<label>[^：:\n]{1,12})[：:]", text[position : position + 60])
    return line is not None and compact(line.group("label")) in lexicon.roles


def _with_document_group_words(text: str, lexicon: LeaderLexicon) -> LeaderLexicon:
    """``lexicon`` with the group words of the groups this document sets up by a verb (成立, 调整充实)
    where the vocabulary has no word for them, so that their lists, parts and later mentions are named."""
    known = tuple(word for word, _ in lexicon.group_words)
    learned: dict[str, None] = {}
    for verb in lexicon_patterns(lexicon)["establishing"].finditer(text):
        clause = re.match(rf"[^，。；：,;:\s]{{2,{_SET_UP_WORD_MAX_CHARS}}}", text[verb.end():])
        phrase = clause.group() if clause else ""
        found = _SET_UP_WORD.search(phrase)
        if (found is None or found.end() != len(phrase)) and _role_line_follows(text, verb.end() + len(phrase), lexicon):
            found = _SET_UP_BODY.search(phrase)  # 决定成立…海上搜救中心 / 主 任：…: the body its list sets up
        if found is None or found.end() != len(phrase):
            continue  # the clause does not end with the word (成立以区长为组长的…)
        word = found.group("word")
        if not word.endswith(known) and not re.search(r"[的和及与为以第\d一二三四五六七八九十]", word):
            learned[word] = None
    if not learned:
        return lexicon
    office = lexicon.group_words[0][1]
    words = sorted(lexicon.group_words + tuple((word, office) for word in learned), key=lambda item: -len(item[0]))
    bodies = tuple(word for word in learned if _SET_UP_BODY.search(word))  # a 中心 has a 主任 of its own
    return replace(lexicon, group_words=tuple(words), own_head_groups=lexicon.own_head_groups + bodies)


# 在领导小组办公室临时设立六个资产清查工作专班, 工作组分5个工作专班: numbered teams a group (or its office) set up
_COUNTED_TEAMS = re.compile(r"(?P<owner>领导小组|指挥部|委员会|工作组)(?:办公室)?[^。；;]{0,20}?"
                            r"(?:设立|下设|成立|组建|分设|分为|分成|分)[^。；;]{0,10}?"
                            r"[\d一二三四五六七八九十两]+个[^。；;]{0,16}?(?:专班|工作组|小组)")
_TEAM_WORDS = ("专班", "工作组")


def _under_setting_group(text: str, mentions: list[GroupMention], hit: LeaderHit) -> LeaderHit:
    """A 专班 or 工作组 one of several a group set up (``在领导小组办公室临时设立六个…专班``, then
    ``（一）机关固定资产清查专班：…组长由…``) is named after that group: its full name + the team's."""
    group = hit.group
    if not group or not group.endswith(_TEAM_WORDS):
        return hit
    counted = list(_COUNTED_TEAMS.finditer(text, max(0, hit.span[0] - LOOK_BACK_REACH), hit.span[0]))
    if not counted:
        return hit
    word = counted[-1].group("owner")
    parents = [m for m in mentions_near(text, mentions, hit.span[0])
               if not m.bare and m.name.endswith(word) and m.start < counted[-1].start()]
    if not parents:
        return hit
    setting_up = [m for m in parents if m.sets_up]  # the body's sentence, after a title that may name it otherwise
    parent = setting_up[-1].name if setting_up else max(parents, key=lambda m: len(m.name)).name
    if group.startswith(parent) or parent in group:  # (片区…领导小组片区…工作组: named after it already)
        return hit
    return LeaderHit(parent + group, hit.role, hit.name, hit.position, hit.span, hit.rule)


def _listed_elsewhere(hit: LeaderHit, listed: set[tuple[str | None, str]]) -> bool:
    """Whether a prose entry's role is printed in a member list of the same group (the body's
    ``由镇行政主要领导担任组长`` beside the attachment's ``组长：王学政``; the body names the group shorter)."""
    return any(role == hit.role and group and hit.group and (group == hit.group or in_order(hit.group, group))
               and not (group.startswith(hit.group) and group != hit.group)  # …领导小组在建项目检查小组: a part's list
               for group, role in listed)


PROSE_IN_LIST_GAP = 2  # characters between a list's last entry and prose that goes on with the list


def _in_list_before(hit: LeaderHit, listed: list[LeaderHit]) -> LeaderHit:
    """A prose entry no group was named for, printed right after a list's last entry (…、高寒垚其余成员由…抽调人员
    组成): an entry of that list's group."""
    if hit.group is not None:
        return hit
    before = [other for other in listed if other.span[1] <= hit.span[0]]
    last = before[-1] if before else None
    if last is None or last.group is None or hit.span[0] - last.span[1] > PROSE_IN_LIST_GAP:
        return hit
    return replace(hit, group=last.group)


def find_leaders(text: str, spans: TextSpans | None = None, lexicon: LeaderLexicon | None = None,
                 tables: list[Table] | None = None) -> list[LeaderHit]:
    """Every member of every leadership group in ``text``, in reading order; ``spans``: the spaCy
    pipeline's annotation of ``text``, ``tables``: its tables (each made here when not given)."""
    # (group words first: on the loaded lexicon its patterns are compiled once, not per document)
    lexicon = _with_document_position_starts(text, _with_document_group_words(text, lexicon or default_lexicon()))
    spans = spans if spans is not None else annotate(text)
    tables = tables if tables is not None else find_tables(text)
    mentions = find_group_mentions(text, lexicon)
    hits = list(_table_hits(text, mentions, lexicon, spans)) + list(_grid_hits(text, mentions, lexicon, tables))
    covered = covering([hit.span for hit in hits])
    hits += [hit for hit in _team_hits(text, mentions, lexicon) if not covered(hit.span[0])]
    covered = covering([hit.span for hit in hits])
    listed: set[tuple[str | None, str]] = {(hit.group, hit.role) for hit in hits if hit.group}
    listed_hits = sorted(hits, key=lambda hit: hit.span)
    for hit in prose_hits(text, mentions, lexicon):
        if not covered(hit.span[0]) and not _listed_elsewhere(hit, listed):
            hits.append(_in_list_before(hit, listed_hits))
    hits = [_under_setting_group(text, mentions, hit) for hit in hits]
    hits = [replace(hit, position=hit.position.rstrip("、，,；;") or None)
            if hit.position and hit.position[-1] in "、，,；;" else hit for hit in hits]  # 各中小学校长、|各村…: the list's mark
    unique: dict[tuple[str | None, str, str | None, str | None], LeaderHit] = {}
    for hit in sorted(hits, key=lambda hit: hit.span):  # one entry per person and role (a list and prose may both give it)
        unique.setdefault((hit.group, hit.role, hit.name, hit.position), hit)
    return sorted(unique.values(), key=lambda hit: hit.span)
