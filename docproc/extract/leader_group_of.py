"""The group a leader entry belongs to, or its group's office: the group the list's sentence or heading
names among the mentions :mod:`docproc.extract.leader_groups` read, a committee's own heads, the offices a
group sets up, and where a list ends when the sentence after it runs on. Used by
:mod:`docproc.extract.leaders` and :mod:`docproc.extract.leader_prose`.
"""

from __future__ import annotations

import bisect
import re

from docproc.extract.leader_groups import GroupMention, GroupMentions
from docproc.extract.leader_lexicon import CLAUSE_BREAK, SENTENCE_END, LeaderLexicon
from docproc.extract.textmatch import LOOK_BACK_REACH

_COMMITTEE_MEMBERS = re.compile(r"\n[ \t\u3000]*委[ \t\u3000]*员[ \t\u3000]*[：:]")


_OFFICE_NAMED = re.compile(r"\n[ \t\u3000]*[^\n：:]{0,12}办公室[^\n：:]{0,4}[：:\n]|下设办公室|办公室设在")


SET_UP_LIST_REACH = 400  # characters after a group's setting-up name where its own list may still run


_GROUP_HEAD = re.compile(r"[组組][ \t\u3000]*[长長]")


def _list_of_group_set_up(text: str, chosen: GroupMention, position: int, lexicon: LeaderLexicon) -> bool:
    """Whether the entry at ``position`` is in the list right after the sentence that sets its group up, with
    no 组长 and no office before it (``成立…调解委员会工作领导小组，其组成名单如下：主 任：…``): the group's own."""
    if not chosen.sets_up or not 0 <= position - chosen.end <= SET_UP_LIST_REACH:
        return False
    between = text[chosen.end : position]
    return not any(office in between for office in lexicon.office_words) and not _GROUP_HEAD.search(between)


def committee_list(text: str, position: int) -> bool:
    """Whether the list whose role line starts at ``position`` goes on to 委员 before any office is named."""
    members = _COMMITTEE_MEMBERS.search(text, position, position + 400)
    return members is not None and not _OFFICE_NAMED.search(text, position, members.start())


def office_of(group: str, lexicon: LeaderLexicon) -> str:
    for word, office in lexicon.group_words:
        if group.endswith(word):
            return group + office
    return group + lexicon.group_words[0][1]


def mentions_near(text: str, mentions: list[GroupMention], position: int) -> list[GroupMention]:
    """The mentions within ``LOOK_BACK_REACH`` of ``position``, in their order: all of them in a text shorter
    than that (every real notice); in a longer one (many notices in one file), a window found in log time
    (``GroupMentions.by_start``; a plain list is indexed on each call)."""
    if len(text) <= LOOK_BACK_REACH:
        return mentions
    starts, by_start = (mentions if isinstance(mentions, GroupMentions) else GroupMentions(mentions)).by_start
    lo = bisect.bisect_left(starts, position - LOOK_BACK_REACH)
    hi = bisect.bisect_right(starts, position + LOOK_BACK_REACH)
    return [mentions[index] for index in sorted(by_start[lo:hi])]


def resolve_group(
    text: str,
    mentions: list[GroupMention],
    span: tuple[int, int],
    role: str,
    lexicon: LeaderLexicon,
    sentence: tuple[int, int] | None,
) -> str | None:
    """The group a hit belongs to: named earlier in its sentence, named right after it in the same
    clause, else the nearest group named before it; office roles belong to the group's office."""
    position = span[0]
    mentions = mentions_near(text, mentions, position)
    named = [m for m in mentions if not m.bare and not m.duty and not span[0] <= m.start < span[1]]
    before = [m for m in named if m.start < position]
    chosen = before[-1] if before else None
    if sentence is None and chosen is not None and not chosen.sets_up:
        # 决定调整充实X，继续对接Y相应工作，具体人员名单如下：组长：…: the group its sentence sets up
        lead_sentence = sentence_around(text, chosen.start, chosen.end)
        setting_up = [m for m in before if m.sets_up and m.start >= lead_sentence[0]]
        chosen = setting_up[-1] if setting_up else chosen
    if sentence is not None:
        in_sentence_before = [m for m in before if m.start >= sentence[0]]
        # a group named later in the same clause: 以局长为组长的“…领导小组”, 由县长任组长、…的…领导小组
        in_clause_after = [
            m for m in named
            if position <= m.start < sentence[1] and not CLAUSE_BREAK.search(text[span[1] : m.start])
        ]
        in_sentence_after = [m for m in named if position <= m.start < sentence[1]]
        if in_sentence_before:
            # 决定调整充实X，继续对接Y相应工作，具体人员名单如下：the list is the group the sentence sets up
            setting_up = [m for m in in_sentence_before if m.sets_up]
            chosen = (setting_up or in_sentence_before)[-1]
        elif in_clause_after:
            chosen = in_clause_after[0]
        elif in_sentence_after:  # 成立由…任组长，…参加的…领导小组
            chosen = in_sentence_after[0]
    if sentence is not None:
        # 联席会议办公室设在教育部…: the sentence names its group by the bare group word — the group of
        # that word named last before it
        floor = sentence[0]
        if text[sentence[0] : sentence[1]].lstrip().startswith(lexicon.office_words) and floor > 1:
            floor = sentence_around(text, floor - 2, floor - 1)[0]  # 办公室主任由…: the office of the sentence before
        bare = [m for m in mentions if m.bare and floor <= m.start < position]
        if bare:
            word = text[bare[-1].start : bare[-1].end]
            full = [m for m in mentions if not m.bare and not m.duty and m.start < position and m.name.endswith(word)]
            # 领导小组下设办公室…，办公室主任由张立同志兼任 under a list no sentence named: the group the
            # text names in full with that word later (…承担辖区生活垃圾分类工作领导小组日常事务)
            later = [m for m in mentions if not m.bare and m.start > position and m.name.endswith(word)]
            if bare[-1].name != word:  # 领导小组下设工作专班，…组员为…: the part its parent's name names
                chosen = bare[-1]
            elif full:
                chosen = full[-1]
            elif chosen is None and later:
                chosen = later[0]
    if chosen is None:
        chosen = _named_after(text, mentions, span[1])
    if chosen is None:  # 决定成立领导小组。组长：…: the bare word a verb sets up names the group
        chosen = next((m for m in reversed(mentions) if m.bare and m.start < position
                       and text[max(0, m.start - 8) : m.start].endswith(lexicon.establishing_verbs)), None)
    if chosen is None:
        return None
    name = chosen.name
    if name.endswith(lexicon.office_words):
        return name  # the group named is itself an office
    office_sentence = sentence is not None and (
        _names_office(text, mentions, sentence, position, lexicon)
        or not name.endswith(lexicon.own_head_groups) and _opens_with_office_role(text, sentence, lexicon))
    office_role = role in lexicon.office_roles and not (
        (name.endswith(lexicon.own_head_groups) or committee_list(text, position)
         or _list_of_group_set_up(text, chosen, position, lexicon))
        and not role.startswith(("办公室", "辦公室")))  # 委员会主任, 主 任：… / 委 员：…: the group's own heads
    if sentence is not None and (office_role or office_sentence):
        named_office = _named_office(text, (sentence[0], position), lexicon)
        if named_office is not None:  # 畜牧办公室挂靠…，办公室主任由…: one of the offices the group set up
            return name + named_office
    return office_of(name, lexicon) if office_role or office_sentence else name


NAMED_OFFICE_REACH = 600  # characters before a sentence where the group's list of its offices stands


def _named_office(text: str, sentence: tuple[int, int], lexicon: LeaderLexicon) -> str | None:
    """``畜牧办公室`` when the sentence opens with an office the group set up by name before it
    (``指挥部下设畜牧、农业植物、林业、渔业四个办公室``), else None."""
    for office in dict.fromkeys(office for _, office in lexicon.group_words):
        before = text[max(0, sentence[0] - NAMED_OFFICE_REACH) : sentence[0]]
        listed = re.search(rf"下设(?P<names>[\u4e00-\u9fff、和及]{{2,60}}?)(?:[一二三四五六七八九十两\d]+个)?{office}", before)
        if listed is None:
            continue
        names = re.split(r"[、和及]", listed.group("names"))
        # the last of those offices the sentence names before the entry (…，林业办公室挂靠…，办公室主任由…)
        named = [m.group("name") for m in re.finditer(rf"(?:^|[，,；;\s])(?P<name>[\u4e00-\u9fff]{{1,6}}){office}",
                                                       text[sentence[0] : sentence[1]]) if m.group("name") in names]
        if named:
            return named[-1] + office
    return None


UNNAMED_LIST_REACH = 300  # characters after a list with no group named before it where its bare group word stands


def _named_after(text: str, mentions: list[GroupMention], end: int) -> GroupMention | None:
    """The group of a member list under a heading that names none (``一、组织机构 组长：…``): the list
    is followed by its bare group word (``领导小组下设办公室``), and the group is the first one the text
    names in full with that word after the list."""
    bare = next((m for m in mentions if m.bare and end <= m.start < end + UNNAMED_LIST_REACH), None)
    if bare is None:
        return None
    word = text[bare.start : bare.end]
    return next((m for m in mentions if not m.bare and m.start >= end and m.name.endswith(word)), None)


def _names_office(text: str, mentions: list[GroupMention], sentence: tuple[int, int], position: int,
                  lexicon: LeaderLexicon) -> bool:
    """Whether the sentence speaks of a group's office before ``position``
    (``领导小组办公室设在…，成员由…担任``, ``办公室主任由…兼任，成员由…担任``)."""
    before = text[sentence[0] : position]
    if before.lstrip().startswith(lexicon.office_words):
        return True
    return any(
        sentence[0] <= m.start < position
        and any(text.startswith(office, m.end) or _sets_up_office(text, m.end, office) for _, office in lexicon.group_words)
        for m in mentions
    )


def _opens_with_office_role(text: str, sentence: tuple[int, int], lexicon: LeaderLexicon) -> bool:
    """Whether the sentence opens with an office's role and 由 (``主 任由欧阳晓波兼任，…，吴兆永…等同志为成员``):
    it staffs the office, its members too."""
    opening = "".join(text[sentence[0] : sentence[0] + 16].split())
    return any(opening.startswith(role + "由") for role in lexicon.office_roles)


def _sets_up_office(text: str, position: int, office: str) -> bool:
    """``下设办公室`` or ``下设企业项目复产复工办公室`` (an office with its own name) at ``position``."""
    sets_up = _SETS_UP.match(text, position)
    return sets_up is not None and re.match(f"[\u4e00-\u9fff]{{0,12}}?{office}", text[sets_up.end() :]) is not None


# 领导小组下设办公室，办公室主任由…，成员由…: the office's members; …科员安全生产工作领导小组办公室设在…
# (…苏平镇社工（儿童福利）专班负责开展…: the group's duty opens the sentence after the list)
_SETS_UP = re.compile(r"(?:下设|设立|下设立|(?=办公室(?:设在|设于))|负责(?!人))")


def list_end_before_setting_up(text: str, lo: int, hi: int, mentions: list[GroupMention], lexicon: LeaderLexicon) -> int:
    """Where a list's last stretch ends when the sentence after it runs on without a break
    (``…公司董事长君山片区消防安全委员会下设办公室，…``, ``…专职副书记领导小组下设办公室``): before the
    group's name (as named earlier, or its bare word) followed by 下设/设立/负责; else ``hi``."""
    for setting_up in _SETS_UP.finditer(text, lo, hi):
        before = text[lo : setting_up.start()]
        printed = [m for m in mentions if not m.bare and lo < m.start and m.end == setting_up.start()]
        if printed:  # the name as printed there (a short form of the group's name), the shortest reading
            return max(m.start for m in printed)
        names = {m.name for m in mentions if not m.bare and m.start < lo} | {word for word, _ in lexicon.group_words}
        name = max((n for n in names if before.endswith(n) and len(before) > len(n)), key=len, default=None)
        if name is not None:
            return setting_up.start() - len(name)
    return hi


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    reach = max(0, start - LOOK_BACK_REACH)  # (a mark printed rarely, ！, is not searched for through the whole text)
    left = max(max(text.rfind(mark, reach, start) for mark in SENTENCE_END) + 1, reach)
    rights = [pos for pos in (text.find(mark, end, end + LOOK_BACK_REACH) for mark in SENTENCE_END) if pos >= 0]
    return left, (min(rights) if rights else len(text))
