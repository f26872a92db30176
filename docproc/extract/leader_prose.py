"""Leaders read from prose: ``市司法局局长王佩军兼任办公室主任``, ``以A为组长，B为副组长``,
``组长由县长担任``, ``成员：林瑞珍、片区教育专干林辅奎（苏澳学校）``.

The text is read without its whitespace (scans break names and posts across lines) and every hit's
span is mapped back to the original text. Rules ``leaders.prose.v1``, ``leaders.prose_listed.v1``,
``leaders.prose_by.v1``; the patterns come from the lexicon under ``models/extract/leaders/``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from docproc.extract.found import compact_with_offsets
from docproc.extract.leader_entries import LeaderHit, is_person_name
from docproc.extract.leader_group_of import resolve_group, sentence_around
from docproc.extract.leader_groups import GroupMention
from docproc.extract.leader_lexicon import NAME_TOKEN, LeaderLexicon, lexicon_patterns
from docproc.extract.leader_runs import is_position, title_ends


def _original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    return offsets[start], offsets[end - 1] + 1


def strip_honorific(item: str, lexicon: LeaderLexicon) -> str:
    for honorific in lexicon.honorifics:
        if item.endswith(honorific):  # 念华明等同志: the list's 等 goes with it
            item = item.removesuffix(honorific).removesuffix("等")
    return item


def prose_entry(item: str, lexicon: LeaderLexicon) -> tuple[str | None, str | None] | None:
    """``市司法局局长王佩军`` → (王佩军, 市司法局局长); ``局长`` → (None, 局长); ``熊卫东`` → (熊卫东, None);
    ``高杰主任`` → (高杰, 主任); ``陈超（办公室）`` → (陈超, 办公室); ``政法综治处邱勇`` → (邱勇, 政法综治处)."""
    item = strip_honorific(item, lexicon)
    bracketed = re.fullmatch(r"(?P<name>[\u3400-\u9fff]{2,4})[（(](?P<position>[^（）()]+)[）)]", item)
    if bracketed and is_person_name(bracketed.group("name"), lexicon):
        return bracketed.group("name"), bracketed.group("position")
    compound = any(item.startswith(surname) for surname in lexicon.compound_surnames)
    for length in ((3, 4) if compound else (2, 3)):  # a name, then the title it goes by (何盈副书记, 欧阳志为副局长)
        title = item[length:]
        if len(item) > length and (compound or item[0] in lexicon.common_surnames) and (
                title in lexicon.titles or title[:1] == "副" and title[1:] in lexicon.titles) \
                and not item.startswith(lexicon.organ_post_starts):
            # (党组副书记: 党组 is where the post is held, no name)
            return item[:length], title
    ends = title_ends(item, lexicon)
    if ends:
        end = ends[-1]
        rest = item[end:]
        if not rest:
            return _name_before_title(item, lexicon) or (None, item)
        if NAME_TOKEN.fullmatch(rest) and len(rest) >= 2:
            return rest, item[:end]
        return None
    if NAME_TOKEN.fullmatch(item) and len(item) >= 2:
        return item, None
    for size in (3, 2):  # 政法综治处邱勇: a unit, then its person's name
        name, unit = item[-size:], item[:-size]
        if len(unit) >= 2 and unit.endswith(lexicon.unit_endings) and name[0] in lexicon.common_surnames \
                and is_person_name(name, lexicon):
            return name, unit
    return None


def _name_before_title(item: str, lexicon: LeaderLexicon) -> tuple[str, str] | None:
    """``局领导高建武副调研员`` → (高建武, 副调研员), ``区交通与建设局赖德芳局长`` → (赖德芳, 局长): a name between the
    post or unit it is chosen by and the title it holds; else None."""
    title = max((t for t in lexicon.titles if item.endswith(t)), key=len, default="")
    start = len(item) - len(title) - (item[: len(item) - len(title)].endswith("副") and not title.startswith("副"))
    for size in (3, 2):
        name, lead = item[start - size : start], item[: start - size]
        if title and start - size >= 0 and name[0] in lexicon.common_surnames and NAME_TOKEN.fullmatch(name) \
                and not name.endswith(lexicon.unit_endings) and lead \
                and (is_position(lead, lexicon) or lead.endswith(lexicon.unit_endings)) \
                and not any(role.startswith(name) for role in lexicon.roles):  # 常务副县长: 常务 is no name
            return name, item[start:]
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
    if len(pieces) > 1 and not any(prose_entry(p, lexicon) and (prose_entry(p, lexicon) or (None,))[0]
                                   for _, p in pieces) and not all(is_position(p, lexicon) for _, p in pieces):
        return [(pieces[0][0], clause[pieces[0][0] - start :])]  # positions only, not each a position: one entry
    merged: list[tuple[int, str]] = []
    for offset, piece in pieces:
        entry = prose_entry(piece, lexicon) or (None, None)
        bare_name = is_person_name(piece, lexicon) and entry[1] is None  # not 局长施强: a title, then the name
        if merged and is_position(merged[-1][1], lexicon) and not bare_name and entry[0] and not (
                prose_entry(merged[-1][1], lexicon) or (None,))[0]:
            merged[-1] = (merged[-1][0], merged[-1][1] + "、" + piece)  # 区党工委委员、公安局长陈昌明
            continue
        if merged and merged[-1][1].startswith(lexicon.party_post_starts) and is_position(merged[-1][1], lexicon) \
                and is_position(piece, lexicon) and not entry[0] and not (prose_entry(merged[-1][1], lexicon) or (None,))[0]:
            merged[-1] = (merged[-1][0], merged[-1][1] + "、" + piece)  # 党委委员、副局长为副指挥长: one person's posts
            continue
        merged.append((offset, piece))
    return merged


_STAFF_COUNT = re.compile(r"[\d一二两三四五六七八九十]+名$|全体(?:人员|成员|干部|干部职工)$")  # …1名, 政法综治处全体人员
_NAME_THEN_UNIT = re.compile(r"^(?P<lead>[\u4e00-\u9fff]*?)(?P<name>[\u4e00-\u9fff]{2,3})[（(](?P<unit>[^（）()]+)[）)]$")


def _listed_person(item: str, lexicon: LeaderLexicon) -> tuple[str | None, str | None] | None:
    """One person of a prose list: ``林瑞珍`` → (林瑞珍, None); ``片区教育专干林辅奎（苏澳学校）`` → (林辅奎, 苏澳学校),
    the unit in brackets being the position (a post before the name is its list's heading); else None."""
    if is_person_name(item, lexicon) and item[0] in lexicon.surnames:
        return item, None
    bracketed = _NAME_THEN_UNIT.match(item)
    if bracketed is None:
        return None
    lead, name = bracketed.group("lead"), bracketed.group("name")
    if len(name) == 3 and name[0] not in lexicon.surnames and name[1] in lexicon.surnames:
        lead, name = lead + name[0], name[1:]  # 专干林辅奎 read as 干林辅: the surname starts the name
    if not (is_person_name(name, lexicon) and name[0] in lexicon.surnames) or lead and not is_position(lead, lexicon):
        return None
    return name, bracketed.group("unit")


BY_NAMES_MAX_CHARS = 40  # the longest 由…担任 run read as names or posts (posts with their names may run longer)


@lru_cache(maxsize=4)
def _clause_stop(lexicon: LeaderLexicon) -> re.Pattern[str]:
    return re.compile(f"[{''.join(map(re.escape, sorted(lexicon.clause_stops)))}]")


def prose_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> Iterator[LeaderHit]:
    compact, offsets = compact_with_offsets(text)
    if not compact:
        return
    patterns = lexicon_patterns(lexicon)
    clause_floor = 0
    previous_by: int | None = None  # where the last 以/由 clause ended: the clauses after it share its subject
    stops = [stop.end() for stop in _clause_stop(lexicon).finditer(compact)]
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
        by_subject = compact[max(0, clause_start - 1) : clause_start] in lexicon.subject_markers or (
            previous_by is not None and compact[previous_by : clause_start].count("，") <= 1
            and not any(stop in compact[previous_by:clause_start] for stop in "。；;"))  # 以A为组长，B为副组长
        if compact[max(0, clause_start - 1) : clause_start] in lexicon.subject_markers:
            previous_by = match.end()
        named_as_people = clause.endswith(lexicon.honorifics)  # 吴兆永、黄跃平等同志为成员: people, named so
        # 成立…活动领导小组，党组书记、局长陈道金为组长，…: the clause right after the group set up names its head
        set_up_before = clause_start > 0 and compact[clause_start - 1] in "，," and compact.endswith(
            lexicon.group_word_names, 0, clause_start - 1)  # (a bound, not a copy of the text before: linear)
        items = _prose_items(clause, clause_start, lexicon)
        entries = [prose_entry(item, lexicon) if item else None for _, item in items]
        shared_post = len(items) > 1 and all(item.endswith(lexicon.unit_endings) for _, item in items[:-1]) \
            and entries[-1] is not None and entries[-1][0] is None and entries[-1][1] is not None \
            and not entries[-1][1].endswith(lexicon.unit_endings)  # 局城建处、市政处、…区质安站负责人为成员
        if shared_post or role in lexicon.single_head_roles and len(items) > 1 and all(
                e is not None and e[0] is None for e in entries):
            # 街道党工委书记、办事处主任为组长: one person's posts, one entry; units sharing the post named last
            span = _original_span(offsets, items[0][0], match.end())
            group = resolve_group(text, mentions, span, role, lexicon, sentence_around(text, *span))
            posts = [item for _, item in items] if shared_post else [e[1] for e in entries if e and e[1]]
            yield LeaderHit(group, role, None, "、".join(posts), span, "leaders.prose.v1")
            continue
        for item_start, item in items:
            entry = prose_entry(item, lexicon) if item else None
            # 张遵耀局长为组长: a name and the title it goes by, chosen without 以
            titled = entry is not None and entry[0] is not None and entry[1] is not None \
                and item == entry[0] + entry[1] and entry[1].endswith(lexicon.titles) and is_person_name(entry[0], lexicon)
            if entry is None or (match.group("verb") == "为" and entry[0] is not None and not by_subject
                                 and not named_as_people and not titled and not set_up_before):
                continue
            span = _original_span(offsets, item_start, match.end())
            sentence = sentence_around(text, *span)
            group = resolve_group(text, mentions, span, role, lexicon, sentence)
            yield LeaderHit(group, role, entry[0], entry[1], span, "leaders.prose.v1")
    for match in patterns["listed"].finditer(compact):
        people = re.split("[、及]", match.group("names"))
        counted = [p for p in people if _STAFF_COUNT.search(p)]  # 办事处成员1名: staff given by a count (or whole)
        entries = [(None, p) if p in counted else _listed_person(p, lexicon) for p in people]
        if any(entry is None for entry in entries) or (len(entries) == len(counted) > 1) or len(people) < 2 and not counted:
            continue
        span = _original_span(offsets, match.start(), match.end())
        group = resolve_group(text, mentions, span, match.group("role"), lexicon, sentence_around(text, *span))
        for entry in entries:
            assert entry is not None
            yield LeaderHit(group, match.group("role"), entry[0], entry[1], span, "leaders.prose_listed.v1")
    for match in patterns["by"].finditer(compact):
        role = match.group("role")
        span = _original_span(offsets, match.start(), match.end())
        names = match.group("names")
        group = resolve_group(text, mentions, span, role, lexicon, sentence_around(text, *span))
        people = [strip_honorific(n, lexicon) for n in re.split(r"、|以及(?=各)|及(?=各)", names)]  # …张自腾及各渔业村主干
        people = [part for person in people for part in _names_joined_by_and(person, lexicon)]  # 由周栋和郑斌同志兼任
        if all(post_only(p, lexicon) for p in people):
            # 组长由县长担任, 副组长由分管副县长、县政府办主任担任: posts without names, one entry each (组长由党工委
            # 书记、办事处主任担任: one person's posts)
            for post in ["、".join(people)] if role in lexicon.single_head_roles else people:
                yield LeaderHit(group, role, None, post, span, "leaders.prose_by.v1")
            continue
        if len(people) > 1 and "、" in names and not re.search(r"以及|及(?=各)", names):
            # 由片区管理局党委委员、科技副局长张腾龙同志担任: posts before a name are that one person's
            people = [strip_honorific(piece, lexicon) for _, piece in _prose_items(strip_honorific(names, lexicon), 0, lexicon)]
        if len(people) == 1 and not is_person_name(people[0], lexicon):
            entry = prose_entry(people[0], lexicon)  # 由区市场监督管理局副局长江裕森同志兼任
            if entry is not None and entry[0] is not None:
                yield LeaderHit(group, role, entry[0], entry[1], span, "leaders.prose_by.v1")
                continue
        posted = [prose_entry(p, lexicon) for p in people] if len(people) > 1 else []
        if posted and all(entry is not None and entry[0] and entry[1] for entry in posted):
            # 成员由区经济发展局副局长严小华、区交通与建设局副局长乐肇榕…组成: each post and its name
            for entry in posted:
                assert entry is not None
                yield LeaderHit(group, role, entry[0], entry[1], span, "leaders.prose_by.v1")
            continue
        if len(names) > BY_NAMES_MAX_CHARS:
            continue  # 由中国科学院、…等单位专家组成: a long run of units, not a list of posts and names
        if not any(is_person_name(n, lexicon) for n in people):
            names += match.group("honorific") or ""  # …等部门负责同志组成: 同志 belongs to the position
            if is_position(names, lexicon):  # 成员由领导小组各成员单位选派干部担任: defined by positions
                yield LeaderHit(group, role, None, names, span, "leaders.prose_by.v1")
            continue
        for name in people:
            if is_person_name(name, lexicon) and len(name) >= 2:
                yield LeaderHit(group, role, name, None, span, "leaders.prose_by.v1")
            elif name.startswith("各") and post_only(name, lexicon):  # 各渔业村主干: every such unit's post
                yield LeaderHit(group, role, None, name, span, "leaders.prose_by.v1")


def _names_joined_by_and(value: str, lexicon: LeaderLexicon) -> list[str]:
    """``周栋和郑斌``, ``林同璋同志与张鼎`` → the two names 和 or 与 joins (each a person's name), else ``value`` alone."""
    parts = [strip_honorific(part, lexicon) for part in re.split("[和与]", value)]
    if len(parts) > 1 and all(len(part) >= 2 and is_person_name(part, lexicon) and part[0] in lexicon.surnames
                              for part in parts):
        return parts
    return [value]


def role_in_brackets(position: str | None, lexicon: LeaderLexicon) -> tuple[str | None, str | None]:
    """(the role, the position without it) when a position ends with a role in brackets."""
    found = re.search(r"[（(](?P<role>[^（）()]{2,8})[）)]$", position or "")
    if found is None or found.group("role") not in lexicon.roles or not found.group("role").endswith(lexicon.bracketed_role_endings):
        return None, position  # 村委会主任（常务副主任）: a post's own qualifier, not the group role
    return found.group("role"), (position or "")[: found.start()] or None


def post_only(value: str, lexicon: LeaderLexicon) -> bool:
    """Whether ``value`` is a post with no name in it (县长, 分管副县长, 县政府办主任)."""
    ends = title_ends(value, lexicon)
    entry = prose_entry(value, lexicon)
    return bool(ends) and ends[-1] == len(value) and (entry is None or entry[0] is None)
