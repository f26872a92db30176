"""Leadership groups of a notice: who is 组长, 副组长, 成员, 办公室主任 … of which 领导小组/专班/指挥部.

Three readings, each with its rule id:

- ``leaders.table.v1``: role lines ``组   长：王会奇 副市长`` with continuation lines that inherit the
  role above; names lose inner spacing (``穆 雷`` → 穆雷);
- ``leaders.table_run_together.v1``: the same entries printed without separators
  (``李悦市公安局副局长李学良市市场监督管理局副局长``), split by the position vocabulary;
- ``leaders.prose.v1`` / ``leaders.prose_by.v1``: prose (``市司法局局长王佩军兼任办公室主任``,
  ``办公室主任由史毓志同志兼任``, ``局长任组长``) including groups defined by positions only (name None).

Role words, group words and the position vocabulary are data under ``models/extract/leaders/``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from docproc.extract.leader_entries import (
    is_entry_line,
    is_person_name,
    is_position,
    parse_entries,
    split_positions,
    split_run_together,
    title_ends,
)
from docproc.extract.leader_lexicon import (
    CJK_CHAR,
    CLAUSE_BREAK,
    NAME_TOKEN,
    SENTENCE_END,
    LeaderLexicon,
    default_lexicon,
    lexicon_patterns,
    load_leader_lexicon,
)
from docproc.extract.nlp import TextSpans, annotate
from docproc.extract.tables import find_tables, table_leaders

__all__ = [
    "GroupMention", "LeaderHit", "LeaderLexicon", "default_lexicon", "find_group_mentions", "find_leaders",
    "load_leader_lexicon", "parse_entries", "split_positions", "split_run_together",
]


@dataclass
class LeaderHit:
    """One member of a leadership group as printed: role, name (None for a position-only group), position."""

    group: str | None
    role: str
    name: str | None
    position: str | None
    span: tuple[int, int]
    rule: str


@dataclass(frozen=True)
class GroupMention:
    """A group word in the text with the name read backwards from it (``bare``: the word alone)."""

    name: str
    start: int
    end: int
    bare: bool


# ---------------------------------------------------------------- whitespace-free view of the text


def compact_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and for each of its characters the offset in ``text``."""
    kept = [(index, ch) for index, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [index for index, _ in kept]


def _original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    return offsets[start], offsets[end - 1] + 1


# ---------------------------------------------------------------- group names


def _strip_name(name: str, lexicon: LeaderLexicon) -> str:
    for verb in lexicon.establishing_verbs + lexicon.leading_verbs:
        cut = name.rfind(verb)
        if cut >= 0:
            name = name[cut + len(verb) :]
    name = re.sub(r"^[\d.．\s]+", "", name)  # a section number before the name (2.1 国家…指挥部)
    role_by = re.match(f"^(?:{'|'.join(map(re.escape, lexicon.roles))})由", name)
    if role_by:  # 成员由领导小组各成员单位…: the role and its 由 are not the name
        name = name[role_by.end() :]
    for phrase in lexicon.group_name_cuts_anywhere:  # 国务院决定对国家教材委员会: the name starts after it
        cut = name.rfind(phrase)
        if cut >= 0:
            name = name[cut + len(phrase) :]
    for word in lexicon.group_name_cuts:  # 对区…领导小组, 承担领导小组: a verb or preposition, not the name
        if name.startswith(word):
            name = name[len(word) :]
            break
    if name and name[0] in lexicon.opening_quotes:
        closing = lexicon.closing_quotes[lexicon.opening_quotes.index(name[0])]
        if closing not in name:
            name = name[1:]
    return name


QUOTED_MAX_CHARS = 30  # the longest quoted phrase read as part of a group's name
OCR_QUOTE_PAIRS = {"’": "“", "”": "‘"}  # a closing quote and the opening one OCR may have read for its own


def _read_name_backwards(text: str, word_start: int, lexicon: LeaderLexicon) -> str:
    """Characters before a group word back to a stop; crosses into short heading lines only."""
    chars: list[str] = []
    index = word_start - 1
    if index >= 0 and text[index] in " \t\u3000":
        return ""  # …区传媒中心办公室 指挥部下设…: a group word after a space opens a sentence, bare
    while index >= 0:
        ch = text[index]
        if ch == "\n":
            while index >= 0 and text[index].isspace():
                index -= 1
            previous_line = text[text.rfind("\n", 0, index + 1) + 1 : index + 1].strip()
            if (
                not previous_line
                or previous_line.endswith(lexicon.titles)  # 王丽明 南海乡乡长: a member list's last entry
                or previous_line in lexicon.name_stop_lines
                or len(previous_line) > lexicon.heading_line_max_chars
                or not all(CJK_CHAR.match(c) or c.isspace() for c in previous_line)
            ):
                break
            continue
        if ch in lexicon.closing_quotes:  # 安全生产‘党政同责、一岗双责’领导小组: the quoted words are the name's
            opening = lexicon.opening_quotes[lexicon.closing_quotes.index(ch)]
            start = text.rfind(opening, max(0, index - QUOTED_MAX_CHARS), index)
            if start < 0 and ch in OCR_QUOTE_PAIRS:  # OCR read the inner ‘ as “: the pair is still ‘…’
                start = text.rfind(OCR_QUOTE_PAIRS[ch], max(0, index - QUOTED_MAX_CHARS), index)
            if start >= 0 and "\n" not in text[start:index]:
                chars.extend(reversed(opening + text[start + 1 : index + 1]))
                index = start - 1
                continue
        if ch in lexicon.name_stop_chars:
            break
        if ch.isspace() and text[:index].rstrip().endswith(lexicon.titles):
            break  # a member list's last position stands before the group word
        if not ch.isspace():
            chars.append(ch)
            if "".join(reversed(chars)).startswith(lexicon.name_stop_titles):
                chars = chars[: -len(next(t for t in lexicon.name_stop_titles if "".join(reversed(chars)).startswith(t)))]
                break
        index -= 1
    return "".join(reversed(chars))


def find_group_mentions(text: str, lexicon: LeaderLexicon | None = None) -> list[GroupMention]:
    lexicon = lexicon or default_lexicon()
    mentions: list[GroupMention] = []
    parts: dict[str, str] = {}  # 联络员工作组 → 全国…联席会议联络员工作组, once the text set it up as a part
    named_before: dict[str, None] = {}  # the full names met so far, in order
    for match in lexicon_patterns(lexicon)["group_word"].finditer(text):
        follower = text[match.end() : match.end() + 8]
        if follower.startswith(lexicon.titles) or follower.startswith("副") and follower[1:].startswith(
                lexicon.titles):
            continue  # 国务院生产委员会副主任: an organ inside a member's position, not a group
        prefix = _strip_name(_read_name_backwards(text, match.start(), lexicon), lexicon)
        clause = re.search(r".*(?:一名|确定|各成员单位|应当|需要)", prefix)
        if clause:  # 联席会议各成员单位应确定一名联席会议…: a sentence before the name, not the name
            prefix = prefix[clause.end() :]
        if prefix.startswith("各"):  # …工作人员. 各相关村主干|领导小组下设…: a member entry, the word bare
            prefix = ""
        name = prefix + match.group()
        if len(prefix) > len(match.group()) and any(title in prefix for title in lexicon.titles):
            # …公司董事长君山片区消防安全委员会下设…: read back into a list's positions, past the name
            # the group had before
            known = next((full for full in named_before if len(match.group()) < len(full) < len(name)
                          and name.endswith(full)
                          and any(title in name[: len(name) - len(full)] for title in lexicon.titles)), None)
            if known is not None:
                prefix, name = known[: len(known) - len(match.group())], known
        start = match.start() - len(prefix)
        parent = _parent_setting_up(text, start, mentions, lexicon)
        if parent is not None and prefix:  # 联席会议下设联络员工作组: a part of the group named before
            parts[name] = parent + name
        name = parts.get(name, name)
        mentions.append(GroupMention(name, start, match.end(), bare=not prefix))
        if prefix and name not in named_before:
            named_before[name] = None
    return _with_short_names(text, mentions, lexicon)


# ``…领导小组办公室（以下简称片区人普办）``: the short name the text gives a group, used after it
_SHORT_NAME = re.compile(r"(?P<full>[\u4e00-\u9fff“”‘’]{2,40})[（(]\s*(?:以下简称|下称|简称)\s*[“\"]?"
                         r"(?P<short>[\u4e00-\u9fff]{2,12})[”\"]?\s*[）)]")


def _with_short_names(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> list[GroupMention]:
    """``mentions`` and every later use of a short name a group (or its office) was given, as a
    mention of its full name."""
    endings = tuple(word for pair in lexicon.group_words for word in pair)  # a group or its office
    added: list[GroupMention] = []
    for definition in _SHORT_NAME.finditer(text):
        full = _strip_name(definition.group("full"), lexicon)
        if not full.endswith(endings) or len(full) <= len(definition.group("short")):
            continue
        word = definition.group("short")
        for use in re.finditer(re.escape(word), text[definition.end() :]):
            at = definition.end() + use.start()
            added.append(GroupMention(full, at, at + len(word), bare=False))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _parent_setting_up(text: str, start: int, mentions: list[GroupMention], lexicon: LeaderLexicon) -> str | None:
    """The full name of the group whose bare word stands right before ``start`` followed by 下设/设立
    (``联席会议下设`` → the 联席会议 the text names most often before it, the first of equals), or None."""
    before = text[max(0, start - 12) : start]
    for word, _ in lexicon.group_words:
        if re.search(f"{re.escape(word)}(?:下设|设立|设)$", before):
            full = [m.name for m in mentions if not m.bare and m.name.endswith(word) and m.start < start]
            if not full:
                return None
            counts = Counter(full)
            return max(full, key=lambda name: (counts[name], -full.index(name)))
    return None


def _office_of(group: str, lexicon: LeaderLexicon) -> str:
    for word, office in lexicon.group_words:
        if group.endswith(word):
            return group + office
    return group + lexicon.group_words[0][1]


def _resolve_group(
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
    named = [m for m in mentions if not m.bare and not span[0] <= m.start < span[1]]
    before = [m for m in named if m.start < position]
    chosen = before[-1] if before else None
    if sentence is not None:
        in_sentence_before = [m for m in before if m.start >= sentence[0]]
        # a group named later in the same clause: 以局长为组长的“…领导小组”, 由县长任组长、…的…领导小组
        in_clause_after = [
            m for m in named
            if position <= m.start < sentence[1] and not CLAUSE_BREAK.search(text[span[1] : m.start])
        ]
        in_sentence_after = [m for m in named if position <= m.start < sentence[1]]
        if in_sentence_before:
            chosen = in_sentence_before[-1]
        elif in_clause_after:
            chosen = in_clause_after[0]
        elif in_sentence_after:  # 成立由…任组长，…参加的…领导小组
            chosen = in_sentence_after[0]
    if sentence is not None:
        # 联席会议办公室设在教育部…: the sentence names its group by the bare group word — the group of
        # that word named last before it
        floor = sentence[0]
        if any(text[sentence[0] : sentence[1]].lstrip().startswith(o) for _, o in lexicon.group_words) and floor > 1:
            floor = _sentence_around(text, floor - 2, floor - 1)[0]  # 办公室主任由…: the office of the sentence before
        bare = [m for m in mentions if m.bare and floor <= m.start < position]
        if bare:
            word = text[bare[-1].start : bare[-1].end]
            full = [m for m in mentions if not m.bare and m.start < position and m.name.endswith(word)]
            if full:
                chosen = full[-1]
    if chosen is None:
        chosen = _named_after(text, mentions, span[1])
    if chosen is None:
        return None
    name = chosen.name
    if name.endswith(tuple(office for _, office in lexicon.group_words)):
        return name  # the group named is itself an office
    office_sentence = sentence is not None and _names_office(text, mentions, sentence, position, lexicon)
    office_role = role in lexicon.office_roles and not (
        name.endswith(lexicon.own_head_groups) and not role.startswith(("办公室", "辦公室")))  # 委员会主任 is its head
    return _office_of(name, lexicon) if office_role or office_sentence else name


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
    if any(before.lstrip().startswith(office) for _, office in lexicon.group_words):
        return True
    return any(
        sentence[0] <= m.start < position
        and any(text.startswith(office, m.end) or _SETS_UP.match(text, m.end) and text.startswith(
            office, _SETS_UP.match(text, m.end).end()) for _, office in lexicon.group_words)  # type: ignore[union-attr]
        for m in mentions
    )


_SETS_UP = re.compile(r"(?:下设|设立|下设立)")  # 领导小组下设办公室，办公室主任由…，成员由…: the office's members


def _before_setting_up(text: str, lo: int, hi: int, mentions: list[GroupMention], lexicon: LeaderLexicon) -> int:
    """Where a list's last stretch ends when the sentence after it runs on without a break
    (``…公司董事长君山片区消防安全委员会下设办公室，…``, ``…专职副书记领导小组下设办公室``): before the
    group's name (as named earlier, or its bare word) followed by 下设/设立; else ``hi``."""
    for setting_up in _SETS_UP.finditer(text, lo, hi):
        before = text[lo : setting_up.start()]
        names = {m.name for m in mentions if not m.bare and m.start < lo} | {word for word, _ in lexicon.group_words}
        name = max((n for n in names if before.endswith(n) and len(before) > len(n)), key=len, default=None)
        if name is not None:
            return setting_up.start() - len(name)
    return hi

def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in SENTENCE_END) + 1
    rights = [pos for pos in (text.find(mark, end) for mark in SENTENCE_END) if pos >= 0]
    return left, (min(rights) if rights else len(text))


# ---------------------------------------------------------------- readings


@dataclass(frozen=True)
class RoleMarker:
    """A role label of a member list: ``组   长：`` (start of the role word, end after the colon)."""

    role: str
    start: int
    end: int


_COLON_AFTER = re.compile(r"\s*[:：]")


def role_markers(text: str, spans: TextSpans) -> list[RoleMarker]:
    """The pipeline's LEADER_ROLE spans that stand before a colon, the longest at each colon."""
    best: dict[int, RoleMarker] = {}
    for start, end in spans.spans("LEADER_ROLE"):
        colon = _COLON_AFTER.match(text, end)
        if colon is None:
            continue
        marker = RoleMarker("".join(text[start:end].split()), start, colon.end())
        known = best.get(marker.end)
        if known is None or marker.start < known.start:
            best[marker.end] = marker
    return sorted(best.values(), key=lambda marker: marker.start)


def _table_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon,
                spans: TextSpans) -> Iterator[LeaderHit]:
    markers = role_markers(text, spans)
    parent_group: str | None = None
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
                if _is_wrapped_tail(line, text[stretches[-1][0] : stretches[-1][1]], lexicon):
                    wraps[len(stretches) - 1] = (text.index(line, stop), text.index(line, stop) + len(line))
                    stop = next_end
                    continue
                if not is_entry_line(line, lexicon):
                    break
                stretches.append((stop, next_end))
            stop = next_end
        first_line = text[marker.end : stretches[0][1]]
        full_stop = first_line.find("。")
        if full_stop >= 0 and first_line[full_stop + 1 :].strip():  # the list ends with its sentence
            stretches = [(marker.end, marker.end + full_stop)]
        stretches[-1] = (stretches[-1][0], _before_setting_up(text, *stretches[-1], mentions, lexicon))
        if _is_duty_line(first_line):
            continue
        group = _resolve_group(text, mentions, (marker.start, marker.end), role, lexicon, None)
        if group is not None and role not in lexicon.office_roles and _under_office_heading(text, marker.start, group):
            group = _office_of(group, lexicon)  # 区渣土办人员名单如下：…成员：…
        part = _part_heading(text, marker.start)
        if part is not None:  # （一）综合组 / 组长：…: a working group inside the group of the list before
            parent = parent_group or group
            group = parent + part if parent else part
        elif group is not None:
            parent_group = group
        for index_in_list, (lo, hi) in enumerate(stretches):
            entries = parse_entries(text[lo:hi], lo, lexicon)
            if index_in_list in wraps and entries and entries[-1].position:
                wrap_start, wrap_end = wraps[index_in_list]
                entries[-1].position += text[wrap_start:wrap_end]
                entries[-1].end = wrap_end
            for entry in entries:
                rule = "leaders.table_run_together.v1" if entry.run_together else "leaders.table.v1"
                yield LeaderHit(group, role, entry.name, entry.position, (entry.start, entry.end), rule)


_OFFICE_LIST = re.compile(r"(?:下设办公室|办公室(?:人员|成员|组成人员)?名单|办(?:人员|成员|组成人员)名单|辦公室)")


def _under_office_heading(text: str, position: int, group: str) -> bool:
    """Whether the list at ``position`` follows its group's office being set up or introduced."""
    mention = text.rfind(group[-4:], 0, position)
    between = text[mention if mention >= 0 else max(0, position - 400) : position]
    return bool(_OFFICE_LIST.search(between))


def _grid_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> Iterator[LeaderHit]:
    """Member tables (TAB-separated rows) right under a group's heading (``…联席会议成员名单``)."""
    for table in find_tables(text):
        above = text[max(0, text.rfind("\n", 0, max(table.start - 1, 0)) - 120) : table.start]
        group = next((m.name for m in reversed(mentions) if not m.bare and m.end <= table.start
                      and table.start - m.end <= len(above)), None)
        if group is None:
            continue
        for role, name, position, span in table_leaders(table, group, lexicon):
            member_of = _office_of(group, lexicon) if role in lexicon.office_roles else group
            yield LeaderHit(member_of, role, name, position, span, "leaders.table_grid.v1")


# a numbered heading naming a working group: （一）综合组, 2．宣传组
_PART_HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)\s*"
                           r"(?P<name>[\u4e00-\u9fff]{1,8}(?:组|組))\s*$")


PART_LIST_MAX_LINES = 12
_LIST_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{1,2})?\s*[：:]")  # 组长：…, 成 员：…


def _part_heading(text: str, position: int) -> str | None:
    """The working group named by the heading line right above the list line at ``position``."""
    line_start = text.rfind("\n", 0, position) + 1
    if text[line_start:position].strip():
        return None  # the role label is not at the start of its line
    for _ in range(PART_LIST_MAX_LINES):  # up over the part's own list lines (组长：… / 成员：…)
        if line_start == 0:
            return None
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        previous = text[previous_start : line_start - 1]
        heading = _PART_HEADING.match(previous)
        if heading:
            return heading.group("name")
        if not _LIST_LINE.match(previous):
            return None
        line_start = previous_start
    return None


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
    )


def _is_category_line(line: str) -> bool:
    return bool(re.fullmatch(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]、)[\u4e00-\u9fff]{2,10}"
                             r"(?:[（(][^（）()]{1,16}[）)])?", line))


def _is_duty_line(line: str) -> bool:
    """``组长：负责…``: what a role does, not who holds it."""
    return bool(re.match(r"\s*(?:负责|負責|主要负责|承担|協助|协助|统筹|研究|组织|組織)", line))


def _strip_honorific(item: str, lexicon: LeaderLexicon) -> str:
    for honorific in lexicon.honorifics:
        item = item.removesuffix(honorific)
    return item


def _prose_entry(item: str, lexicon: LeaderLexicon) -> tuple[str | None, str | None] | None:
    """``市司法局局长王佩军`` → (王佩军, 市司法局局长); ``局长`` → (None, 局长); ``熊卫东`` → (熊卫东, None);
    ``高杰主任`` → (高杰, 主任); ``陈超（办公室）`` → (陈超, 办公室)."""
    item = _strip_honorific(item, lexicon)
    bracketed = re.fullmatch(r"(?P<name>[\u3400-\u9fff]{2,4})[（(](?P<position>[^（）()]+)[）)]", item)
    if bracketed and is_person_name(bracketed.group("name"), lexicon):
        return bracketed.group("name"), bracketed.group("position")
    for length in (2, 3):  # a name, then the title it goes by
        if len(item) > length and item[0] in lexicon.common_surnames and item[length:] in lexicon.titles:
            return item[:length], item[length:]
    ends = title_ends(item, lexicon)
    if ends:
        end = ends[-1]
        rest = item[end:]
        if not rest:
            return None, item
        if NAME_TOKEN.fullmatch(rest) and len(rest) >= 2:
            return rest, item[:end]
        return None
    if NAME_TOKEN.fullmatch(item) and len(item) >= 2:
        return item, None
    return None


def _prose_items(clause: str, start: int, lexicon: LeaderLexicon) -> list[tuple[int, str]]:
    """The entries of a prose clause, split at 、 — but a position continues into the next piece
    (``区党工委委员、公安局长陈昌明`` is one entry) and units sharing one head noun stay one
    (``区财政金融局、交通与建设局…及相关乡镇领导``)."""
    pieces, cursor = [], start
    for piece in clause.split("、"):
        if piece:
            pieces.append((cursor, piece))
        cursor += len(piece) + 1
    if not pieces:
        return []
    if len(pieces) > 1 and not any(_prose_entry(p, lexicon) and (_prose_entry(p, lexicon) or (None,))[0]
                                   for _, p in pieces) and not all(is_position(p, lexicon) for _, p in pieces):
        return [(pieces[0][0], clause[pieces[0][0] - start :])]  # positions only, not each a position: one entry
    merged: list[tuple[int, str]] = []
    for offset, piece in pieces:
        entry = _prose_entry(piece, lexicon) or (None, None)
        bare_name = is_person_name(piece, lexicon) and entry[1] is None  # not 局长施强: a title, then the name
        if merged and is_position(merged[-1][1], lexicon) and not bare_name and entry[0] and not (
                _prose_entry(merged[-1][1], lexicon) or (None,))[0]:
            merged[-1] = (merged[-1][0], merged[-1][1] + "、" + piece)  # 区党工委委员、公安局长陈昌明
            continue
        merged.append((offset, piece))
    return merged


def _prose_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> Iterator[LeaderHit]:
    compact, offsets = compact_with_offsets(text)
    if not compact:
        return
    patterns = lexicon_patterns(lexicon)
    clause_floor = 0
    stops = [i + 1 for i, ch in enumerate(compact) if ch in lexicon.clause_stops]
    for match in patterns["assign"].finditer(compact):
        role = match.group("role")
        before = bisect.bisect_right(stops, match.start())
        clause_start = max(clause_floor, stops[before - 1] if before else 0)
        clause = compact[clause_start : match.start()]
        for marker in lexicon.subject_markers:
            cut = clause.rfind(marker)
            if cut >= 0:
                clause_start += cut + len(marker)
                clause = clause[cut + len(marker) :]
        clause_floor = match.end()
        by_subject = compact[max(0, clause_start - 1) : clause_start] in lexicon.subject_markers
        for item_start, item in _prose_items(clause, clause_start, lexicon):
            entry = _prose_entry(item, lexicon) if item else None
            if entry is None or (match.group("verb") == "为" and entry[0] is not None and not by_subject):
                continue
            span = _original_span(offsets, item_start, match.end())
            sentence = _sentence_around(text, *span)
            group = _resolve_group(text, mentions, span, role, lexicon, sentence)
            yield LeaderHit(group, role, entry[0], entry[1], span, "leaders.prose.v1")
    for match in patterns["by"].finditer(compact):
        role = match.group("role")
        span = _original_span(offsets, match.start(), match.end())
        names = match.group("names")
        group = _resolve_group(text, mentions, span, role, lexicon, _sentence_around(text, *span))
        people = [_strip_honorific(n, lexicon) for n in names.split("、")]
        if len(people) == 1 and not is_person_name(people[0], lexicon):
            entry = _prose_entry(people[0], lexicon)  # 由区市场监督管理局副局长江裕森同志兼任
            if entry is not None and entry[0] is not None:
                yield LeaderHit(group, role, entry[0], entry[1], span, "leaders.prose_by.v1")
                continue
        if not any(is_person_name(n, lexicon) for n in people):
            names += match.group("honorific") or ""  # …等部门负责同志组成: 同志 belongs to the position
            if is_position(names, lexicon):  # 成员由领导小组各成员单位选派干部担任: defined by positions
                yield LeaderHit(group, role, None, names, span, "leaders.prose_by.v1")
            continue
        for name in people:
            if is_person_name(name, lexicon) and len(name) >= 2:
                yield LeaderHit(group, role, name, None, span, "leaders.prose_by.v1")


def find_leaders(text: str, spans: TextSpans | None = None, lexicon: LeaderLexicon | None = None) -> list[LeaderHit]:
    """Every member of every leadership group in ``text``, in reading order; ``spans``: the spaCy
    pipeline's annotation of ``text`` (made here when not given)."""
    lexicon = lexicon or default_lexicon()
    spans = spans if spans is not None else annotate(text)
    mentions = find_group_mentions(text, lexicon)
    hits = list(_table_hits(text, mentions, lexicon, spans)) + list(_grid_hits(text, mentions, lexicon))
    covered = [hit.span for hit in hits]
    for hit in _prose_hits(text, mentions, lexicon):
        if not any(lo <= hit.span[0] < hi for lo, hi in covered):
            hits.append(hit)
    unique: dict[tuple[str | None, str, str | None, str | None], LeaderHit] = {}
    for hit in sorted(hits, key=lambda hit: hit.span):  # one entry per person and role (a list and prose may both give it)
        unique.setdefault((hit.group, hit.role, hit.name, hit.position), hit)
    return sorted(unique.values(), key=lambda hit: hit.span)
