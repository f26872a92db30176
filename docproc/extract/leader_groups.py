"""Group names read from the text: ``…领导小组`` and the other group words, quoted names, short names the
text gives, parts a group sets up, and which mention the sentence sets up. Which group (or office) each
entry belongs to is :mod:`docproc.extract.leader_group_of`'s. Used by :mod:`docproc.extract.leaders`; the
words are data under ``models/extract/leaders/``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from docproc.extract.leader_lexicon import (
    CJK_CHAR,
    LeaderLexicon,
    default_lexicon,
    lexicon_patterns,
)
from docproc.extract.leader_runs import titles_run_end
from docproc.extract.textmatch import (
    SECTION_NUMBER,
    end_of_last,
    in_order,
    occurrences,
    unclosed_brackets,
)


@dataclass(frozen=True)
class GroupMention:
    """A group word in the text with the name read backwards from it (``bare``: the word alone)."""

    name: str
    start: int
    end: int
    bare: bool
    sets_up: bool = False  # the group its sentence sets up or adjusts (成立…, 决定调整…)
    duty: bool = False  # the object of another unit's duty (负责对接区…领导小组): no list is that group's




class GroupMentions(list[GroupMention]):
    """The mentions of one text as ``find_group_mentions`` gives them (not changed after), with their index by
    start, made on first use."""

    @cached_property
    def by_start(self) -> tuple[list[int], list[int]]:
        """The mentions' starts in ascending order, and the index in the list of the mention at each."""
        order = sorted(range(len(self)), key=lambda index: self[index].start)
        return [self[index].start for index in order], order


# ---------------------------------------------------------------- group names


def _strip_name(name: str, lexicon: LeaderLexicon) -> str:
    for verb in lexicon.establishing_verbs + lexicon.leading_verbs:
        cut = name.rfind(verb)
        if cut >= 0:
            name = name[cut + len(verb) :]
    name = re.split(r"附(?:件|表)\s*[\d一二三四五六七八九十]*", name)[-1]  # …示意图附件1 某…指挥部成员名单: the label
    name = re.sub(r"^(?!(?:19|20)\d\d)[\d.．\s]+", "", name)  # a section number (2.1 国家…指挥部), not a year
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
    pronoun = next((w for w in lexicon.group_name_cuts if w.startswith("我") and name.startswith(w)), None)
    if pronoun is not None and len(name) > len(pronoun):  # 对我区生态区建设领导小组: the pronoun after the verb too
        name = name[len(pronoun) :]
    heading = next((word for word in lexicon.glued_headings if name.startswith(word)), None)
    if heading is not None and len(name) - len(heading) >= 2:
        name = name[len(heading) :]  # 一、组织构架|金井片区…领导小组: the section's heading, run into the name
    if name and name[0] in lexicon.opening_quotes:
        closing = lexicon.closing_quotes[lexicon.opening_quotes.index(name[0])]
        if closing not in name:
            name = name[1:]
    return name


_LISTED_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}[ \t\u3000]+\S")  # a member list's line: a name, a gap, a post
QUOTED_MAX_CHARS = 30  # the longest quoted phrase read as part of a group's name
BRACKETED_MAX_CHARS = 6  # the longest bracketed word read as part of a group's name (（社区）, （转运隔离）)
OCR_QUOTE_PAIRS = {"’": "“", "”": "‘"}  # a closing quote and the opening one OCR may have read for its own


SET_UP_CLAUSE_MAX_CHARS = 60  # the longest name a setting-up verb opens in its clause


def _set_up_clause_name(text: str, word_start: int, lexicon: LeaderLexicon) -> str | None:
    """The whole name a setting-up verb opens in the group word's clause (``决定成立平潭金井作业区2#、3#码头
    开港筹备工作组``, ``调整充实…第四届（2018-2020年度）区级文明单位创建工作领导小组``): digits, marks and
    brackets included; None when no such verb stands there or the clause is ``成立以…为组长的…``."""
    lead = text[max(0, word_start - SET_UP_CLAUSE_MAX_CHARS) : word_start]
    clause = lead[max(lead.rfind(c) for c in "，。；：,;:！？\n") + 1 :]
    verb = end_of_last(clause, lexicon.establishing_verbs)
    if verb is None or verb >= len(clause):
        return None
    name = clause[verb:]
    if name.startswith("了") and len(name) > 1 and CJK_CHAR.match(name[1]):  # 组建了苏平片区…工作专班
        name = name[1:]
    if (re.search(r"\s|[以由].*[为任]|^[的了]", name) or re.search(r"^[一二三四五六七八九十两\d]+个", name) or any(role in name for role in lexicon.roles)
            or _holds_group_word(name, lexicon) or unclosed_brackets(name, "（(《“", "）)》”") != 0):
        return None
    return name


def _holds_group_word(name: str, lexicon: LeaderLexicon) -> bool:
    """Does a name read before a group word hold another (two groups)? Not when that one names the work of the
    group (``成立…调解委员会工作领导小组``)."""
    core = name
    if name.endswith("工作"):
        core = name[:-2]
        named = next((word for word, _ in lexicon.group_words if core.endswith(word)), None)
        core = core[: -len(named)] if named else name
    return any(word in core for word, _ in lexicon.group_words)


def _read_name_backwards(text: str, word_start: int, lexicon: LeaderLexicon) -> str:
    """Characters before a group word back to a stop; crosses into short heading lines only (a name a
    setting-up verb opens in the clause is read whole before this: ``_set_up_clause_name``)."""
    chars: list[str] = []
    crossed: int | None = None  # how many characters were read when the first space was crossed
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
                or _LISTED_PERSON.match(previous_line) and previous_line[0] in lexicon.common_surnames  # 徐海燕 区传媒中心办公室
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
        if ch in "）)" and chars:  # 村（社区）“两委”…指导组, 综合协调（外事）组: a short bracket inside the name
            opening = "（" if ch == "）" else "("
            start = text.rfind(opening, max(0, index - BRACKETED_MAX_CHARS - 1), index)
            inner = text[start + 1 : index] if start >= 0 else ""
            before = text[max(0, start - 8) : start] if start >= 0 else ""
            if inner and all(CJK_CHAR.match(c) and c not in lexicon.name_stop_chars for c in inner) \
                    and start > 0 and CJK_CHAR.match(text[start - 1]) and text[start - 1] not in lexicon.name_stop_chars \
                    and not inner.endswith(("兼", *lexicon.titles)) and not before.endswith(lexicon.titles):
                # (处长（兼）, 村委会主任（常务副主任）: a member's remark, not the group's name)
                chars.extend(reversed(text[start : index + 1]))
                index = start - 1
                continue
        if ch in "?？" and index > 0 and CJK_CHAR.match(text[index - 1]) and chars and CJK_CHAR.match(chars[-1]):
            chars.append(ch)  # 中国?平潭: a · the page's encoding lost, inside the name
            index -= 1
            continue
        phrase = next((p for p in lexicon.name_inner_phrases if chars and text.endswith(p, 0, index + 1)), None)
        if phrase is not None:  # 区公安局党的群众路线…领导小组: 党的 inside the name
            chars.extend(reversed(phrase))
            index -= len(phrase)
            continue
        if ch in "、的" and chars and _set_up_across_list(text, index, lexicon):
            # 成立第四季度安全生产、标后管理、…检查领导小组, 成立…新型冠状病毒感染的肺炎防控工作领导小组: inside the name
            chars.append(ch)
            index -= 1
            continue
        if ch in lexicon.name_stop_chars:
            break
        if ch.isspace() and text[:index].rstrip().endswith(lexicon.titles):
            break  # a member list's last position stands before the group word
        if not ch.isspace():
            chars.append(ch)
            if "".join(reversed(chars)).startswith(lexicon.name_stop_titles) and not _set_up_before(text, index, lexicon):
                chars = chars[: -len(next(t for t in lexicon.name_stop_titles if "".join(reversed(chars)).startswith(t)))]
                # 四级主任科员农产品…小组: the titles after the stop are the post's too
                chars = chars[: len(chars) - titles_run_end("".join(reversed(chars)), 0, lexicon)]
                break
        elif crossed is None:
            crossed = len(chars)
        index -= 1
    name = "".join(reversed(chars))
    if crossed is not None:  # …吴聿彪 区…商务处科员安全生产工作领导小组: a list's last position glued on
        last = name[len(name) - crossed :]
        ends = [at + len(title) for title in lexicon.titles for at in [last.rfind(title)]
                if at >= 0 and not last.startswith(lexicon.group_word_names, at)]  # (…领导小组春运工作专班: 领导 opens a group word)
        if ends and len(last) - max(ends) >= 2:
            return last[max(ends) :]
        if _HEADING_BEFORE.search(text[max(0, index - 6) : index + 1]) and len(last) > 2:
            return last  # 三、组织队伍 片区婚姻家庭人民调解委员会由…组成: a run-on heading before the name
        if len(name) <= 3 and name[0] in lexicon.common_surnames and text[index : index + 1] in "、，,：:":
            return ""  # 成 员：…、陈 强领导小组下设办公室: a member's name spaced for print, the group word bare
    return name


_HEADING_BEFORE = re.compile(rf"(?:^|[\s。；])(?:[一二三四五六七八九十]{{1,3}}、|{SECTION_NUMBER})$")


SET_UP_REACH = 24  # characters before a title inside a name where the verb setting the group up may stand


def _set_up_across_list(text: str, index: int, lexicon: LeaderLexicon) -> bool:
    """Whether the 、 or 的 at ``index`` stands inside the name a setting-up verb opens in the same clause
    (``成立第四季度安全生产、标后管理、信用考核…领导小组``, ``成立…感染的肺炎防控工作领导小组``): only CJK characters
    between the verb and it, and no ``以…为`` (成立以县长为组长的…: the 的 ends the phrase before the name)."""
    lead = text[max(0, index - SET_UP_REACH * 2) : index]
    verb = end_of_last(lead, lexicon.establishing_verbs)
    return verb is not None and verb < len(lead) and not re.search(r"[以由].{1,24}[为任]", lead[verb:]) \
        and not any(role in lead[verb:] for role in lexicon.roles) and all(
        c in "、的" or CJK_CHAR.match(c) and c not in lexicon.name_stop_chars for c in lead[verb:])


def _set_up_before(text: str, index: int, lexicon: LeaderLexicon) -> bool:
    """Whether the title starting at ``index`` is inside the name a setting-up verb opens
    (``成立吴泾镇规模化居住租赁场所长效管理领导小组``: 所长 is no member's post there)."""
    lead = text[max(0, index - SET_UP_REACH) : index]
    verb = end_of_last(lead, lexicon.establishing_verbs)
    return verb is not None and all(CJK_CHAR.match(c) and c not in lexicon.name_stop_chars for c in lead[verb:])


def find_group_mentions(text: str, lexicon: LeaderLexicon | None = None) -> list[GroupMention]:
    lexicon = lexicon or default_lexicon()
    mentions: list[GroupMention] = []
    parts: dict[str, str] = {}  # 联络员工作组 → 全国…联席会议联络员工作组, once the text set it up as a part
    named_before: dict[str, None] = {}  # the full names met so far, in order
    established: dict[str, str] = {}  # group word → the name the last setting-up sentence gave it
    for match in lexicon_patterns(lexicon)["group_word"].finditer(text):
        follower = text[match.end() : match.end() + 8]
        set_up_name = _set_up_clause_name(text, match.start(), lexicon)
        if (follower.startswith(lexicon.titles) or follower.startswith("副") and follower[1:].startswith(
                lexicon.titles)) and set_up_name is None:
            # 国务院生产委员会副主任: an organ inside a member's position, not a group (but 一、成立…领导小组组长由…担任:
            # the group a heading sets up, its roles run on)
            continue
        if text[max(0, match.start() - 4) : match.end()].endswith(lexicon.standing_bodies):
            continue  # 村（社区）居民委员会, 业主委员会: a standing body, no leadership group
        read = set_up_name if set_up_name is not None else _read_name_backwards(text, match.start(), lexicon)
        if set_up_name is None and end_of_last(read, lexicon.host_verbs) is not None:
            continue  # 办公室挂靠片区农业农村工作小组: the body an office sits in, no group of a list
        prefix = _strip_name(read, lexicon)
        duty = any(verb in read[: len(read) - len(prefix)] for verb in lexicon.leading_verbs) \
            or text.startswith(lexicon.superior_phrases, match.end())  # 在区森林防火指挥部的指导下: a body above
        clause = re.search(r".*(?:一名|确定|各成员单位|应当|需要)", prefix)
        if clause:  # 联席会议各成员单位应确定一名联席会议…: a sentence before the name, not the name
            prefix = prefix[clause.end() :]
        if prefix.startswith("各"):  # …工作人员. 各相关村主干|领导小组下设…: a member entry, the word bare
            prefix = ""
        if re.search(r"各[\u4e00-\u9fff]{1,6}$", prefix) and re.match(r"(?:抽调|选派|派员|指派)", text[match.end() :]):
            continue  # 由局相关处室、区重点办及各片区指挥部抽调组成: the units staff is drawn from, not a group
        if _COUNTED.search(prefix) or _COUNTED.search(read):  # 下设办公室和六个工作组, 成立4个工作组: counted
            prefix = ""
        if prefix.endswith(lexicon.titles) and not _set_up_before(text, match.start(), lexicon):
            # …农业农村工作小组副组长领导小组下设办公室: a list's last post run onto the bare word
            prefix = ""
        numbered = _NUMBERED_PREFIX.search(prefix)
        setting_up = next((m for m in reversed(mentions) if m.sets_up), None)
        if numbered and setting_up is not None:  # 第二指导组 under 决定成立…工作指导组: that group's part
            prefix = prefix[numbered.start() :]
            start = match.start() - len(prefix)
            name = setting_up.name + prefix + match.group()
            mentions.append(GroupMention(name, start, match.end(), bare=False, sets_up=False))
            continue
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
        if parent is not None and (prefix or not parent.endswith(name) and not name.endswith(lexicon.office_words)):
            # 联席会议下设联络员工作组, 领导小组下设工作专班: a part of the group named before
            parts[name] = parent + name
        name = parts.get(name, name)
        if prefix in lexicon.on_site_qualifiers:  # 现场指挥部 under the 总指挥部 named before: that name + 现场指挥部
            commands = [m.name for m in mentions if not m.bare and m.name.endswith(match.group())
                        and not m.name.endswith(name)]
            if commands:
                name = max(commands, key=lambda full: (full in named_before, len(full))) + name
        sets_up = False
        if prefix:
            same_start = next((m for m in mentions if m.start == start), None)
            if same_start is not None and same_start.sets_up and name.startswith(same_start.name) \
                    and re.fullmatch(r"[^及和与、，,]{2,12}", name[len(same_start.name) :]):
                # 成立…调解委员会工作领导小组: the 委员会 read first names the work of the group set up; 成立…领导小组
                # 春运工作专班: the 领导小组 read first is the group the 专班 set up belongs to
                mentions[:] = [replace(m, sets_up=False) if m is same_start else m for m in mentions]
                same_start = None
            if _establishes(text, start, lexicon) and same_start is None:
                established[match.group()] = name
                sets_up = True
            elif match.group() in established:
                name = _full_form(name, established[match.group()], match.group())
        if prefix and text[max(0, start - 4) : start].endswith(lexicon.renaming_verbs):
            # 现将X指挥部调整为Y指挥部: Y is the group the sentence sets up, X (in the same sentence) its old name
            sentence_start = max(text.rfind(mark, 0, start) for mark in "。；\n") + 1
            mentions[:] = [replace(m, sets_up=False) if m.sets_up and sentence_start <= m.start and m.end <= start else m
                           for m in mentions]
            sets_up = True
        mentions.append(GroupMention(name, start, match.end(), bare=not prefix, sets_up=sets_up, duty=duty))
        if prefix and name not in named_before:
            named_before[name] = None
    mentions = _with_short_names(text, mentions, lexicon)  # (before the parts: a short name's uses count for their parent)
    mentions += _listed_parts(text, mentions, lexicon)
    mentions.sort(key=lambda mention: mention.start)
    return GroupMentions(mentions)


# 下设商贸组和工业组2个检查小组。商贸组组长：…, 下设综合组、材料组、宣传组。（一）综合组：（由…任组长…）: parts a
# group sets up by a list of bare 组 names, each heading its own entries after the list (组建6个组，分别为综合组、…: the same,
# counted)
_PARTS_LISTED = re.compile(r"(?:下设|(?:组建|设立|成立|下设|设)[一二三四五六七八九十两\d]+个(?:工作|专项|专业)?小?组[，,：:]?"
                           r"(?:分别为|分别是|即|包括|为)?)(?P<parts>[\u4e00-\u9fff]{1,8}组(?:[、和及与][\u4e00-\u9fff]{1,8}组)+)")
_PART_HEADING_END = re.compile(r"\s*(?:[：:（(]|(?:副)?组长|成员)")
_PART_NUMBER = re.compile(f"{SECTION_NUMBER}$")
PART_REACH = 3000  # characters after the list where its parts head their entries


def _listed_parts(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> list[GroupMention]:
    """A mention of ``group + part`` where each part a group's 下设 list names heads its entries after it."""
    found: list[GroupMention] = []
    for listed in _PARTS_LISTED.finditer(text):
        named = [m for m in mentions if not m.bare and m.start < listed.start() and not m.name.endswith(lexicon.office_words)]
        # the group the text sets up, else the one it names most (the last of equals): not a body above it
        # named since (…区防汛指挥部的指令 … 组建6个组)
        counts = Counter(m.name for m in named)
        parent = next((m.name for m in reversed(named) if m.sets_up),
                      max(reversed(named), key=lambda m: counts[m.name]).name if named else None)
        if parent is None:
            continue
        window = text[listed.end() : listed.end() + PART_REACH]
        for part in re.split("[、和及与]", listed.group("parts")):
            for at in (listed.end() + offset for offset in occurrences(part, window)):
                heads = text[at - 1] in " \t\u3000\n。；;）)" or _PART_NUMBER.search(text, max(0, at - 5), at)
                if heads and _PART_HEADING_END.match(text, at + len(part)):
                    found.append(GroupMention(parent + part, at, at + len(part), bare=False))
    return found


SET_UP_WITH_HEAD_REACH = 80  # characters before a group's name where 成立以…为组长的 may open
SETTING_UP_OBJECT_MARKS = ("对", "将")  # 对X成员做如下调整, 现将X组成人员名单调整如下


_COUNTED = re.compile(r"[一二三四五六七八九十两\d]+个$")
_NUMBERED_PREFIX = re.compile(r"第[一二三四五六七八九十\d]{1,3}$")


def _establishes(text: str, start: int, lexicon: LeaderLexicon) -> bool:
    """Whether the group name starting at ``start`` is the one its sentence sets up or adjusts
    (``成立苏平片区…工作专班``, ``决定调整君山片区管理局防汛抗旱指挥部成员``, ``对区…领导小组成员做如下调整``);
    of two names read back to the same start, the first."""
    sentence_lead = text[max(0, start - SET_UP_WITH_HEAD_REACH) : start]
    if unclosed_brackets(sentence_lead, "《", "》") > 0:
        return False  # 《…关于组建…领导小组办公室的通知》: a cited document set it up
    lead = text[max(0, start - 8) : start].rstrip().rstrip(lexicon.opening_quotes)  # 成立“…领导小组”
    if lead.removesuffix("了").endswith(lexicon.establishing_verbs):  # 组建了…工作专班
        return True
    if lexicon_patterns(lexicon)["establishing_with_head"].search(sentence_lead):
        return True  # 成立以实验区副书记…杜源生为组长的平潭…春运工作领导小组
    if not lead.endswith(SETTING_UP_OBJECT_MARKS):
        return False
    sentence_end = min((pos for pos in (text.find(mark, start) for mark in "。；\n") if pos >= 0), default=len(text))
    return any(verb in text[start:sentence_end] for verb in lexicon.establishing_verbs)


SHORT_FORM_MIN_CORE = 2  # characters a short form shares with the full name besides the group word


def _full_form(name: str, established: str, word: str) -> str:
    """``established`` when ``name`` is a short form of it: the same name after a shorter (or no)
    prefix whose words the full name's prefix holds (``片区防汛抗旱指挥部`` of ``君山片区管理局防汛抗旱指挥部``,
    ``农村建设品质提升工作专班`` of ``苏平片区农村建设品质提升工作专班``); else ``name``."""
    if name == established or len(name) >= len(established):
        return name
    if established.endswith(name):  # （一）总指挥部： under 成立…清明节祭扫工作总指挥部: the full name's own end
        return established
    for cut in range(len(name) - len(word) - SHORT_FORM_MIN_CORE + 1):
        core = name[cut:]
        if established.endswith(core):
            if name[:cut] in established[: len(established) - len(core)]:
                return established
            break  # 片区婚姻家庭人民调解委员会 of 金井片区管理局婚姻家庭纠纷人民调解委员会: an abbreviation, perhaps
    short, full = name[: len(name) - len(word)], established[: len(established) - len(word)]
    if name.endswith(word) and len(short) >= SHORT_FORM_MIN_CORE and in_order(short, full):
        return established  # 道安领导小组 of 苏平片区道路交通安全工作领导小组: an abbreviation
    return name


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
    if not before.endswith(("下设", "设立", "设")):
        return None
    for word, _ in lexicon.group_words:
        if re.search(f"{re.escape(word)}(?:下设|设立|设)$", before):
            full = [m.name for m in mentions if not m.bare and m.name.endswith(word) and m.start < start]
            if not full:
                return None
            counts = Counter(full)
            return max(full, key=lambda name: (counts[name], -full.index(name)))
    if re.search(r"[。；;，,]\s*(?:并|另|同时)(?:下设|设立)$", before):
        # 领导小组下设办公室，…。并设立综合协调小组和…专家小组: parts of the group the text set up
        setting_up = [m.name for m in mentions if m.sets_up and m.start < start]
        return setting_up[-1] if setting_up else None
    return None


# 主 任：…\n副 主 任：…\n委 员：…: a group led as a committee is (主任 over 委员), whatever its group word
