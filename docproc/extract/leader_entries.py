"""Entries of a member list: a name and the position printed with it, whitespace-separated, spaced
for print (``王 浩``), run together (``李悦市公安局副局长李学良市…副局长``) or bracketed
(``刘仲藜（国务院副秘书长）``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docproc.extract.leader_lexicon import (
    CJK_CHAR,
    NAME_TOKEN,
    SENTENCE_PUNCTUATION,
    LeaderLexicon,
)
from docproc.extract.leader_runs import (
    TITLE_REMARK,
    given_name_glued,
    is_position,
    name_splits,
    split_positions,
    split_run_together,
    split_run_together_open,
    title_ends,
    titles_run_end,
    trailing_name,
)
from docproc.extract.textmatch import SECTION_NUMBER


@dataclass
class LeaderHit:
    """One member of a leadership group as printed: role, name (None for a position-only group), position."""

    group: str | None
    role: str
    name: str | None
    position: str | None
    span: tuple[int, int]
    rule: str


@dataclass
class _Entry:
    name: str | None
    position: str | None
    start: int
    end: int
    run_together: bool = False


@dataclass(frozen=True)
class _Token:
    """A whitespace-separated piece of a member list with the characters entries are read from
    (CJK and ``、（）``) and, in ``_at``, where each of them stands in the text, for exact entry spans."""

    text: str
    _at: list[int]
    start: int
    end: int

    @classmethod
    def of(cls, match: re.Match[str], offset: int) -> _Token:
        kept = [(i, ch) for i, ch in enumerate(match.group()) if CJK_CHAR.match(ch) or ch in "、，,（）()"]
        start = offset + match.start()
        return cls("".join(ch for _, ch in kept), [start + i for i, _ in kept], start, offset + match.end())

    def tail(self, skip: int) -> _Token:
        """The same token without its first ``skip`` characters."""
        at = self._at[skip:]
        return _Token(self.text[skip:], at, at[0] if at else self.end, self.end)

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Text span of ``self.text[lo:hi]``."""
        if not self._at or lo >= hi:
            return self.start, self.start
        return self._at[lo], self._at[hi - 1] + 1

    def entries(self, parts: list[tuple[str, str]], cursor: int) -> list[_Entry]:
        """Run-together (name, position) parts laid end to end from ``cursor``."""
        out: list[_Entry] = []
        for name, position in parts:
            lo, cursor = cursor, cursor + len(name) + len(position)
            # a post run on without a name (…所长各村支部书记) is a position-only entry
            out.append(_Entry(name or None, position, *self.span(lo, cursor), run_together=True))
        return out


_BRACKETED = re.compile(r"(?P<name>[\u3400-\u9fff](?:[ \u3000]?[\u3400-\u9fff]){1,3})\s*[（(](?P<position>[^（）()]+)[）)]")


def is_person_name(token: str, lexicon: LeaderLexicon) -> bool:
    """A name as lists print it: 2–4 characters, not a unit (各中队, 区财政局) nor a group of people."""
    return (
        bool(NAME_TOKEN.fullmatch(token))
        and not token.startswith(lexicon.not_name_starts)
        and not (len(token) >= 2 and token.endswith(lexicon.unit_endings))
    )


RARE_SURNAME_SHARE = 4  # a bracketed list may hold one name in this many whose surname the list lacks


_PHONE_ONLY = re.compile(r"[\d\-－—、/ ]{7,}")


def _bracketed_entries(text: str, offset: int, lexicon: LeaderLexicon) -> list[_Entry] | None:
    """``刘仲藜（国务院副秘书长）赵维臣（…）``: every entry a name with its position in brackets."""
    matches = list(_BRACKETED.finditer(text))
    covered = sum(len(m.group(0)) for m in matches)
    # the list may run into the sentence after it (…科长）领导小组下设办公室，…): measure up to its last entry
    if not matches or covered < 0.8 * len("".join(text[: matches[-1].end()].split())):
        return None
    entries = []
    names = ["".join(match.group("name").split()) for match in matches]
    unknown = sum(1 for name in names if name[0] not in lexicon.surnames)
    if unknown > len(names) // RARE_SURNAME_SHARE:  # 念喜琴 among a dozen: a rare surname, not prose
        return None
    for match, name in zip(matches, names, strict=True):
        if not is_person_name(name, lexicon):
            return None
        position = match.group("position").strip()
        # 赖德芳（兼）: the post held concurrently, printed as 兼 (its position as printed); 卢伟（18250183004）: a
        # phone number, no post
        entries.append(_Entry(name, "兼" if position in ("兼", "兼任", "兼職") else None if _PHONE_ONLY.fullmatch(position)
                              else position, offset + match.start(), offset + match.end()))
    return entries


def _bracketed_after_post(text: str, offset: int, lexicon: LeaderLexicon) -> list[_Entry] | None:
    """``林辉宁 …服务工作小组组长念佳道（东澳村党支部书记）丁显清（…）…``: a list of names with their posts in
    brackets glued to the post of the entry before it: that entry, then the bracketed ones; else None."""
    for index in range(2, len(text) - 4):
        if text[index] not in lexicon.surnames or not text[:index].endswith(lexicon.titles):
            continue
        first = _BRACKETED.match(text, index)
        if first is None or len("".join(first.group("name").split())) > 3:
            continue  # the bracketed list starts right after the post, with a name of two or three characters
        tail = _bracketed_entries(text[index:], offset + index, lexicon)
        if tail is not None and len(tail) >= 2:
            return parse_entries(text[:index], offset, lexicon) + tail
    return None


def _names_only_entries(text: str, offset: int, lexicon: LeaderLexicon) -> list[_Entry] | None:
    """``高金、林文、陈凡 陈基同``: names without positions, separated by 、 or spaces; a name may carry its unit
    in brackets (``林志伟、高 翔、吕济荣（区企抽调）``)."""
    pieces: list[tuple[int, str]] = []
    remarks: dict[int, str] = {}  # where a name starts → the bracket after it
    for chunk in re.finditer(r"(?:[^、，,（(]|[（(][^（）()]*[）)])+", text):
        value = chunk.group()
        remark = _NAME_REMARK.search(value)
        if remark is not None:
            value = value[: remark.start()]
        words = [(chunk.start() + w.start(), w.group()) for w in re.finditer(r"\S+", value)]
        if remark is not None and words:
            remarks[words[0][0]] = remark.group("remark")
        if len(words) == 2 and len(words[0][1]) == 1 and len(words[1][1]) <= 2:  # 高 众: one name spaced for print
            pieces.append((words[0][0], words[0][1] + words[1][1]))
            continue
        index = 0
        while index < len(words):  # 翁 智 吴 滨 施建安: single characters pair up into names
            at, word = words[index]
            if len(word) == 1:
                if index + 1 >= len(words) or len(words[index + 1][1]) != 1:
                    return None
                pieces.append((at, word + words[index + 1][1]))
                index += 2
                continue
            pieces.append((at, word))
            index += 1
    if remarks and len(remarks) == len(pieces):
        return None  # every name with its bracket: _bracketed_entries reads those
    pieces = [part for at, piece in pieces for part in _glued_names(at, piece, lexicon)]
    # (each name opens with a common surname; in a 、 list, one of a rarer surname of the lexicon's may stand among
    # them: 副组长：皮华林、徐志远)
    common = sum(p[0] in lexicon.common_surnames for _, p in pieces)
    if len(pieces) < 2 or "、" not in text and len(pieces) < 3 or not all(
            is_person_name(p, lexicon) and len(p) >= 2 and (p[0] in lexicon.common_surnames
                                                            or "、" in text and p[0] in lexicon.surnames) for _, p in pieces) \
            or common < len(pieces) - 1:
        return None
    return [_Entry(piece, remarks.get(at), offset + at, offset + at + len(piece)) for at, piece in pieces]


_NAME_REMARK = re.compile(r"\s*[（(](?P<remark>[^（）()]{1,12})[）)]\s*$")  # （兼）, （区企抽调）


def _glued_names(at: int, piece: str, lexicon: LeaderLexicon) -> list[tuple[int, str]]:
    """``游雪芸郑祖定`` in a list of names: two names of two or three characters the copy glued together, split
    where exactly one split gives two names with common surnames; any other piece as it is."""
    if not 5 <= len(piece) <= 6 or is_person_name(piece, lexicon):
        return [(at, piece)]
    splits = [cut for cut in (2, 3) if 2 <= len(piece) - cut <= 3
              and piece[0] in lexicon.common_surnames and piece[cut] in lexicon.common_surnames
              and is_person_name(piece[:cut], lexicon) and is_person_name(piece[cut:], lexicon)]
    if len(splits) != 1:
        return [(at, piece)]
    return [(at, piece[: splits[0]]), (at + splits[0], piece[splits[0] :])]


def _position_only_entries(text: str, offset: int, lexicon: LeaderLexicon) -> list[_Entry] | None:
    """``国家发展改革委分管负责人、国家粮食局主要负责人``: positions without names, split at 、 when
    every piece is a position; units sharing one head noun (``公安部、财政部…有关负责人``) stay one."""
    body = text.strip().rstrip("。；;，,")
    if not body or any(is_person_name(part, lexicon) for part in re.split(r"[、，,\s]+", body) if part):
        return None
    if split_run_together("".join(body.split()), lexicon) or name_splits("".join(body.split()), lexicon):
        return None  # 顾经纬区邮政管理局局长: a name run into its position
    if not is_position(body, lexicon):
        return None
    pieces = [p for p in re.split(r"、", body) if p]
    if len(pieces) > 1 and all(is_position(p, lexicon) for p in pieces):
        out, cursor = [], text.index(body)
        for piece in pieces:
            at = text.index(piece, cursor)
            out.append(_Entry(None, piece, offset + at, offset + at + len(piece)))
            cursor = at + len(piece)
        return out
    start = text.index(body)
    return [_Entry(None, body, offset + start, offset + start + len(body))]


_CONCURRENT_POST = re.compile(r"^\s*(?P<name>[\u3400-\u9fff](?:[ \u3000]?[\u3400-\u9fff]){1,3})\s*[（(]兼[）)]\s*"
                              r"(?P<post>[^\s，,。；;]{3,40})\s*$")
_POST_NAME = re.compile(r"^\s*(?P<post>\S{2,30}?)[ \t\u3000]+(?P<name>\S(?:[ \u3000]?\S){1,3})\s*$")


def _post_name_pairs(text: str, offset: int, lexicon: LeaderLexicon) -> list[_Entry] | None:
    """``县财政局局长 赵亮、县教育局局长 孙丽``: a post, then its name, in each piece of a list split at 、."""
    if "、" not in text:
        return None
    entries: list[_Entry] = []
    cursor = 0
    for piece in text.split("、"):
        found = _POST_NAME.match(piece)
        name = "".join(found.group("name").split()) if found else ""
        if found is None or not is_position(found.group("post"), lexicon) or not is_person_name(name, lexicon) \
                or name[0] not in lexicon.surnames:
            return None
        entries.append(_Entry(name, found.group("post"), offset + cursor + found.start("post"),
                              offset + cursor + found.end("name")))
        cursor += len(piece) + 1
    return entries


# 组 长：施 强 局 长 / 吴兆刚 处 长 林 岱: a one-character unit word and 长 spaced apart, a title (局长, 处长), not the
# end of one name and the start of the next (the space moves after it, so every position stays where it was)
_SPACED_HEAD_TITLE = re.compile(r"(?<![\u4e00-\u9fff])([局处科所站队院])[ \u3000]+长(?![\u4e00-\u9fff])([ \u3000]?)")


_NEXT_ROLES_NUMBER = re.compile(rf"{SECTION_NUMBER}\s*$")


def parse_entries(text: str, offset: int, lexicon: LeaderLexicon) -> list[_Entry]:
    """Name/position entries of one stretch of a member list (whitespace-separated, bracketed, run
    together, or positions only)."""
    text = text[: _sentence_after_list(text, lexicon)]
    text = _NEXT_ROLES_NUMBER.sub(lambda m: " " * len(m.group()), text)  # 王进足 （二）常务副组长：: the next role's number
    text = _SPACED_HEAD_TITLE.sub(r"\1长\2 ", text)  # 施 强 局 长: a head's title spaced for print (the same length)
    names_only = _names_only_entries(text, offset, lexicon)
    if names_only is not None:
        return names_only
    pairs = _post_name_pairs(text, offset, lexicon)
    if pairs is not None:
        return pairs
    concurrent = _CONCURRENT_POST.match(text)
    if concurrent and is_person_name("".join(concurrent.group("name").split()), lexicon):
        # 薛 敏（兼） 党群工作小组常务副组长: the post held concurrently, marked so
        return [_Entry("".join(concurrent.group("name").split()), "兼" + concurrent.group("post"),
                       offset + concurrent.start("name"), offset + concurrent.end("post"))]
    special = _bracketed_entries(text, offset, lexicon)
    if special is None:
        special = _bracketed_after_post(text, offset, lexicon)
    if special is None and SENTENCE_PUNCTUATION.search(text.strip().rstrip("。；;")) is None:
        special = _position_only_entries(text, offset, lexicon)
    if special is not None:
        return special
    entries: list[_Entry] = []
    pending: _Entry | None = None
    previous_end = 0
    unit_before: _Token | None = None  # a unit standing alone before the title its head holds (…渔业处 处长)
    for match in re.finditer(r"\S*[^\s，,、；;]", text):  # a line ending in a comma: the comma is no part of it
        piece = _Token.of(match, offset)
        token = piece.text
        gap = text[previous_end : match.start()]
        previous_end = match.end()
        held_unit, unit_before = unit_before, None
        if pending and pending.position is None and len(pending.name or "") >= 2 and (len(gap) >= 2 or "\u3000" in gap) \
                and len(token) <= 2 and NAME_TOKEN.fullmatch(token) and not is_position(token, lexicon):
            entries.append(pending)  # 王 五  赵 六: a wide gap ends a spaced name
            pending = None
        if not CJK_CHAR.search(token):
            continue
        if _DUTY_OPENING.match(token):
            break  # 副组长：薛勇 主要任务是负责…: the part's duties follow its list, no post
        if _CLASS_OF_POSTS.match(token) and pending is None and entries and entries[-1].position:
            # …负责人 铁路沿线各村主干: after a person's post, the posts of every such unit, an entry of their own
            entries.append(_Entry(None, token, piece.start, piece.end))
            continue
        if token.startswith("各") and pending is None and match.end() < len(text.rstrip()):
            # 各行政村 党组织书记、村委会主任（常务副主任）: posts of every such unit, spaced, to the end
            rest = text[match.start() :].rstrip()  # (the sentence after the list is cut off above)
            for lo, hi in _class_posts(rest, lexicon):
                entries.append(_Entry(None, "".join(rest[lo:hi].split()), offset + match.start() + lo,
                                      offset + match.start() + hi))
            break
        if is_position(token, lexicon) or (pending and (len(token) >= 5 or token.endswith(lexicon.unit_endings)
                                                        and not token.startswith("各"))):
            # (魏为国 综合处: a unit as the position)
            if pending and pending.position is None:
                given = given_name_glued(pending.name or "", token, lexicon)
                if given:  # ``肖 锌平潭消防支队…组长``: the given name glued to the position
                    pending.name, token = (pending.name or "") + token[:given], token[given:]
                    piece = piece.tail(given)
                # ``李云涛 区…副局长徐连胜熊岳镇常务副镇长``, ``孙立新 区…副局长申守怡``: more run on
                trailing = trailing_name(token, lexicon)
                held = token[: len(token) - len(trailing)]
                if not trailing:  # …负责人根据工作需要: the sentence after the list ran onto its last position
                    held = held[: _run_on_end(held, lexicon)]
                positions = split_positions(held, lexicon)
                pending.position = positions[0][1]
                pending.end = piece.span(0, len(pending.position))[1]
                entries.append(pending)
                entries.extend(piece.entries(positions[1:], len(pending.position)))
                pending = None
                if trailing:
                    pending = _Entry(trailing, None, *piece.span(len(token) - len(trailing), len(token)), True)
                continue
            broken = bool(entries) and len(gap) <= 2 and _post_goes_on(entries[-1], lexicon)
            parts = None if broken else split_run_together(token, lexicon)
            if broken:  # 局长、平潭县 | 政府县长: the post's cell goes on
                entries[-1].position, entries[-1].end = (entries[-1].position or "") + token, piece.end
            elif parts:
                entries.extend(piece.entries(parts, 0))
            elif entries and entries[-1].name and entries[-1].position and len(gap) <= 2 and not token.startswith("各"):
                # 林我忠 区…物价处处长 县物价局局长: a second post of the person before, after one gap
                entries[-1].position, entries[-1].end = entries[-1].position + token, piece.end
            elif held_unit is not None and len(gap) <= 2 and token.removeprefix("副") in lexicon.titles:
                # 平潭县农村发展局（县海洋与渔业局） 局长: a post without a name, its unit spaced from its title
                entries.append(_Entry(None, held_unit.text + token, held_unit.start, piece.end))
            elif is_position(token, lexicon):
                entries.append(_Entry(None, token, piece.start, piece.end))
            continue
        if pending is None and re.sub(r"[（(][^（）()]+[）)]$", "", token).endswith(lexicon.unit_endings) \
                and not NAME_TOKEN.fullmatch(token):
            unit_before = piece
        opened = None if NAME_TOKEN.fullmatch(token) else split_run_together_open(token, lexicon)
        if opened is not None:
            if pending:
                entries.append(pending)
            parts, trailing = opened
            entries.extend(piece.entries(parts, 0))
            pending = _Entry(trailing, None, *piece.span(len(token) - len(trailing), len(token)), True)
            continue
        if NAME_TOKEN.fullmatch(token) and (len(token) == 1 or is_person_name(token, lexicon)):
            if pending and len(pending.name or "") + len(token) <= 3 and 1 in (len(pending.name or ""), len(token)):
                pending.name, pending.end = (pending.name or "") + token, piece.end
            else:
                if pending:
                    entries.append(pending)
                pending = _Entry(token, None, piece.start, piece.end)
    if pending:
        entries.append(pending)
    return _with_joined_posts(_post_then_name([entry for entry in entries if entry.name is None or len(entry.name) >= 2]),
                              lexicon)


_BROKEN_SECOND_POST = re.compile(r"、[\u4e00-\u9fff]{2,6}$")  # 局长、平潭县 | 政府县长: a second post a cell broke


def _post_goes_on(entry: _Entry, lexicon: LeaderLexicon) -> bool:
    """Whether the next position token continues ``entry``'s: a person's second post a table cell broke
    (``局长、平潭县`` | ``政府县长``), or a class of units printed apart from its posts (``各行政村`` | ``党组织书记…``)."""
    position = entry.position or ""
    if entry.name:
        return bool(_BROKEN_SECOND_POST.search(position))
    return position.startswith("各") and not title_ends(position, lexicon)
# 片区各沿海相关村居党支部书记, 铁路沿线各村主干: the posts of every such unit
_CLASS_OF_POSTS = re.compile(r"^[\u4e00-\u9fff]{1,6}?各(?![项类级种])[\u4e00-\u9fff（）()]+$")
_DUTY_OPENING = re.compile(r"(?:主要任务|主要职责|工作职责|职责|任务)(?:是|为|[：:])")


_SETS_UP_PARTS = ("下设", "内设", "设立")  # 领导小组下设…: the group's word opens a sentence of its own


def _sentence_after_list(text: str, lexicon: LeaderLexicon) -> int:
    """Where the sentence after a list opens with the group's word (``…村委主任领导小组将根据工作需要…``,
    a post right before it), else the end of ``text``."""
    stops = [at for word, _ in lexicon.group_words if (at := text.find(word)) > 0 and (
        is_position(text[:at].rstrip(), lexicon) or text.startswith(_SETS_UP_PARTS, at + len(word)))]  # …钱 鹏领导小组下设…
    label = _SUB_GROUP_LABEL.search(text)
    if label is not None:  # …李求府 第二小组：岚城、流水片区房建项目: the next sub-group's label
        stops.append(label.start())
    part = _PART_BEFORE_ROLE.search(text)
    if part is not None:  # …杨际瑶 工业组|组长：陈华: the next part's name before its role label
        stops.append(part.start())
    # …各村（居）委会主任如需人事调整，由其继任者接替: the remark closing the list
    stops += [at for remark in lexicon.list_closing_remarks if (at := text.find(remark)) > 0]
    rest = _REST_OF_MEMBERS.search(text)
    if rest is not None:  # …高寒垚其余成员由…抽调人员组成: the members drawn from units, read as prose
        stops.append(rest.start())
    duties = lexicon.duty_opener.search(text) if lexicon.duty_opener else None
    if duties is not None:  # 成 员:洪文聪、刘竞远 负责检查城北水利工作站: the part's duties after its members
        stops.append(duties.start())
    return min(stops, default=len(text))


_REST_OF_MEMBERS = re.compile(r"(?<=\S)\s*(?:其余|其他|其它)成员由")


# a two-character name printed spaced to a three-character width (卓 宁), a sentence glued right after it
SPACED_NAME_THEN_SENTENCE = re.compile(
    r"(?P<surname>[\u4e00-\u9fff])[ \u3000](?P<given>[\u4e00-\u9fff])[\u4e00-\u9fff]{4,}[^\s。]*。\s*$")


SUB_GROUP_NUMBER = r"第[一二三四五六七八九十\d]{1,3}(?:工作)?(?:小组|组)"  # 第一小组, 第2组: a sub-group's label, before its colon
_SUB_GROUP_LABEL = re.compile(rf"(?<=\S)\s*{SUB_GROUP_NUMBER}[：:]")
_PART_BEFORE_ROLE = re.compile(r"(?<=\S)\s+[\u4e00-\u9fff]{2,4}(?<!工作)(?<!小)组\s*$")


def _class_posts(rest: str, lexicon: LeaderLexicon) -> list[tuple[int, int]]:
    """The spans of the posts of every such unit that close a list (``各行政村 党组织书记、村委会主任``: one,
    spaced); a 各 after a space where the post before ends on a title opens another (``各行政村包村工作队队长
    各党支部书记``)."""
    spans: list[tuple[int, int]] = []
    for word in re.finditer(r"\S+", rest):
        if spans and not (word.group().startswith("各") and rest[spans[-1][0] : spans[-1][1]].endswith(lexicon.titles)):
            spans[-1] = (spans[-1][0], word.end())
        else:
            spans.append(word.span())
    return spans


def _run_on_end(token: str, lexicon: LeaderLexicon) -> int:
    """Where a position ends when a sentence ran onto it (``区检验检测中心负责人根据工作需要``,
    ``东庠派出所所长片区各内设处室、各行政村为…成员单位``): before a role the next sentence staffs
    (``党组成员、副调研员成员由各处室…担任``), else after its first title, when the token does not end as a
    position or a unit does; else the token's end."""
    staffed = _role_by(lexicon).search(token)
    if staffed and is_position(token[: staffed.start()], lexicon):
        return staffed.start()
    set_up = next((end for end in title_ends(token, lexicon) if token.startswith(_SETS_UP_PARTS, end)), None)
    if set_up is not None:  # 区卫生监督所所长|下设办公室，设在区卫计局: the list's group sets up its office
        return set_up
    if is_position(token, lexicon) or token.endswith(lexicon.unit_endings) or TITLE_REMARK.search(token):
        return len(token)
    ends = title_ends(token, lexicon)
    second = token[ends[0] :] if ends else ""
    if _BROKEN_SECOND_POST.fullmatch(second) and not second.endswith(lexicon.unit_endings) \
            and not is_position(second[1:], lexicon):
        return len(token)  # 里美联合党委书记、财政经管 | 办主任: a second post, broken by the table's cell
    if not ends or len(token) - ends[0] < 3:
        return len(token)
    return titles_run_end(token, ends[0], lexicon)  # 四级主任科员|农产品…小组下设办公室: the titles after it too


@lru_cache(maxsize=4)
def _role_by(lexicon: LeaderLexicon) -> re.Pattern[str]:
    return re.compile(f"(?<=.)(?:{'|'.join(map(re.escape, lexicon.roles))})由")


def _with_joined_posts(entries: list[_Entry], lexicon: LeaderLexicon) -> list[_Entry]:
    """``陈友团 …供电所所长以及各行政村的党组织书记、村委会主任``, ``吴勇 …大队长以及片区所辖相关单位负责人、…``:
    the posts of every such unit (or of a class of units) joined to the last entry with 以及 are an entry of
    their own, without a name."""
    out: list[_Entry] = []
    for entry in entries:
        joined = re.search(r"(?:以及|及)(?=各)", entry.position or "")
        if joined is None and entry.position and "以及" in entry.position[2:] \
                and entry.position.rsplit("以及", 1)[1].endswith(lexicon.titles):
            joined = list(re.finditer("以及", entry.position))[-1]
        if entry.name and joined and entry.position:
            rest = entry.position[joined.end() :]
            out.append(_Entry(entry.name, entry.position[: joined.start()], entry.start, entry.end - len(rest) - len(joined.group())))
            out.append(_Entry(None, rest, entry.end - len(rest), entry.end))
            continue
        out.append(entry)
    return out


def _post_then_name(entries: list[_Entry]) -> list[_Entry]:
    """``组长：县长 张三``: a post printed before its name is that name's position, one entry."""
    out: list[_Entry] = []
    for entry in entries:
        previous = out[-1] if out else None
        if previous is not None and previous.name is None and previous.position and entry.name and not entry.position:
            out[-1] = _Entry(entry.name, previous.position, previous.start, entry.end, entry.run_together)
            continue
        out.append(entry)
    return out


def is_entry_line(line: str, lexicon: LeaderLexicon) -> bool:
    if re.search(r"[。；;！？!?]", line):  # a comma may stand inside a position
        return False
    entries = parse_entries(line, 0, lexicon)
    if len(entries) == 1 and entries[0].name and entries[0].position is None:
        name = entries[0].name  # 沈 慧: a name alone on its line, listed under the role above
        return name[0] in lexicon.surnames and len("".join(line.split())) == len(name)
    if len(entries) == 1 and entries[0].name is None and (entries[0].position or "").startswith("各"):
        return True  # 各居、村行政主要负责人: the posts of every such unit close the list
    return bool(entries) and all(entry.name and entry.position for entry in entries)
