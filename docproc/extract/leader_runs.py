"""Names and positions run together in a member list: where a title (职务) ends, where a name glued to a
position starts (``李悦市公安局副局长李学良市…副局长``, ``…党委书记念保雄``, ``新城联合党委李登奎``) and posts
run on without names (``…所长各村支部书记``)."""

from __future__ import annotations

import re
from functools import lru_cache

from docproc.extract.leader_lexicon import MIN_RUN_ON_POSITION, NAME_TOKEN, LeaderLexicon


def is_position(token: str, lexicon: LeaderLexicon) -> bool:
    """A position ends with a title (职务); a bracketed remark may follow (``副局长（主持工作）``); a unit
    whose work the person leads (``局党政办公室（主持工作）``) is one too."""
    if _LEADS_UNIT.search(token) and len(token) >= 6:
        return True
    if token.endswith(("）", ")")):
        token = _CLOSING_REMARK.sub("", token)
    return token.endswith(lexicon.titles) and len(token) >= 2


_CLOSING_REMARK = re.compile(r"[（(][^（）()]*[）)]$")
_LEADS_REMARK = re.compile(r"[（(]主持(?:日常)?工作[）)]")  # （主持工作）: the person leads the unit before it
_LEADS_UNIT = re.compile(rf"[\u4e00-\u9fff]{{2,}}{_LEADS_REMARK.pattern}$")  # the unit a person leads, as a post


@lru_cache(maxsize=4)
def titles_by_first_char(lexicon: LeaderLexicon) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for title in lexicon.titles:
        table.setdefault(title[0], []).append(title)
    return {first: tuple(titles) for first, titles in table.items()}


TITLE_REMARK = re.compile(r"[（(][^（）()]{1,12}[）)]")


def titles_run_end(token: str, start: int, lexicon: LeaderLexicon) -> int:
    """Where the titles printed one after another from ``start`` end (``四级主任科员``: 主任, then 科员, one post);
    ``start`` when none stands there."""
    by_first = titles_by_first_char(lexicon)
    end = start
    while (title := next((t for t in by_first.get(token[end : end + 1], ()) if token.startswith(t, end)), None)) is not None:
        end += len(title)
    return end


def title_ends(token: str, lexicon: LeaderLexicon) -> list[int]:
    """Every index just after a title (职务) printed in ``token``, ascending."""
    by_first = titles_by_first_char(lexicon)
    ends = {
        index + len(title)
        for index, char in enumerate(token)
        for title in by_first.get(char, ())
        if token.startswith(title, index)
    }
    # ``副局长（主持工作）洪勇…``: a bracketed remark right after a title still belongs to the position
    ends |= {remark.end() for end in ends if (remark := TITLE_REMARK.match(token, end))}
    ends |= {led.end() for led in _LEADS_REMARK.finditer(token)}  # 局党政办公室（主持工作）: the unit it leads
    return sorted(ends)


def _starts_with_place_and_unit(position: str, lexicon: LeaderLexicon) -> bool:
    """``红旗镇副镇长``, ``海星办事处副主任``, ``澳前片区开发管理局…``: a place of at least two characters,
    then a unit word (the place ends at the first unit word or place ending: ``前片区…`` is no place)."""
    firsts = [position.find(suffix) for suffix in (*lexicon.org_suffixes, *lexicon.place_endings)]
    found = [at for at in firsts if at >= 0]
    return bool(found) and min(found) >= 2 and any(position.find(s) >= 2 for s in lexicon.org_suffixes)


def name_splits(token: str, lexicon: LeaderLexicon) -> list[tuple[str, str]]:
    """Where a run-together token's leading name may end, best first: before a position start
    (``李学良市…``, 2–4 characters), else — for a name with a known surname — before a place and
    unit (``孙玉堂红旗镇…``, three characters tried before two)."""
    starts = [
        (token[:n], token[n:]) for n in (2, 3, 4)
        if NAME_TOKEN.fullmatch(token[:n]) and (n < 4 or token.startswith(lexicon.compound_surnames)) and (
            token.startswith(lexicon.position_starts, n)
            # 林锋农业农村处处长: a department's name opens the post (after a name with a known surname)
            or token[:1] in lexicon.common_surnames and token.startswith(lexicon.department_starts, n)
            # 吕振南局党群工作处处长, 林超局农业农村处处长: the bureau's own department opens it
            or token[:1] in lexicon.common_surnames and token.startswith(lexicon.own_unit_words, n)
            and token.startswith((*lexicon.department_starts, *lexicon.position_starts, "党"), n + 1))
    ]
    if token.startswith(lexicon.compound_surnames):
        return starts  # 欧阳志为市委常委: the name is three or four characters, no place after 欧阳
    places = [
        (token[:n], token[n:]) for n in (3, 2)
        if token[:1] in lexicon.common_surnames and NAME_TOKEN.fullmatch(token[:n])
        and _starts_with_place_and_unit(token[n:], lexicon)
    ]
    # a four-character name (欧阳志为) is rarer than a place before the unit (林猛|大练乡党委书记)
    return [s for s in starts if len(s[0]) < 4] + places + [s for s in starts if len(s[0]) == 4]


def split_run_together(token: str, lexicon: LeaderLexicon) -> list[tuple[str, str]] | None:
    """``李悦市公安局副局长李学良市…副局长`` → [(李悦, 市公安局副局长), (李学良, …)], or None."""
    if not token:
        return []
    for name, rest in name_splits(token, lexicon):
        for end in title_ends(rest, lexicon):
            tail = split_run_together(rest[end:], lexicon)
            if tail is not None:
                return [(name, rest[:end]), *tail]
    return None


def split_positions(token: str, lexicon: LeaderLexicon) -> list[tuple[str, str]]:
    """A position printed after a name, with further entries run on: ``区…副局长徐连胜熊岳镇常务副镇长``
    → [("", 区…副局长), (徐连胜, 熊岳镇常务副镇长)]. A split needs a title end, a 2–3 character name
    and a position of at least ``MIN_RUN_ON_POSITION`` characters ending in a title; else one part.
    The first part's name is empty: it belongs to the name printed before the token."""
    for end in title_ends(token, lexicon):
        rest = token[end:]
        candidates = [
            (rest[:n], rest[n:]) for n in (3, 2)
            if len(rest) - n >= MIN_RUN_ON_POSITION and NAME_TOKEN.fullmatch(rest[:n])
            and rest[0] in lexicon.common_surnames and is_position(rest[n:], lexicon)
        ]
        # a position that begins as positions do (区…, 市…) decides the name's length; else the
        # commoner three-character name
        candidates.sort(key=lambda c: not c[1].startswith(lexicon.position_starts))
        if candidates:
            name, position = candidates[0]
            tail = split_positions(position, lexicon)
            return [("", token[:end]), (name, tail[0][1]), *tail[1:]]
    for end in title_ends(token, lexicon):
        # …所长各包村工作队领导各村支部书记, …处长辖区各派出所所长北厝…大队队长: posts without names run on
        prefixed = any(token.startswith(prefix + "各", end) for prefix in lexicon.distributive_post_prefixes)
        if token.startswith("各", end) or prefixed:
            posts = _distributive_posts(token[end:], lexicon)
            if prefixed and not is_position(posts[0], lexicon):
                continue  # …所长片区各内设处室、各行政村为…成员单位: a sentence, no post
            return [("", token[:end]), *(("", post) for post in posts)]
    return [("", token)]


def _distributive_posts(run: str, lexicon: LeaderLexicon) -> list[str]:
    """``各包村工作队领导各村支部书记、村委主任`` → each 各 post; a post ending on a title before another
    that ends on one is two (``辖区各派出所所长北厝、敖东…大队队长``); the run stops where a group word
    opens the next sentence (``…书记领导小组全面负责…``)."""
    stops = [at for word, _ in lexicon.group_words if (at := run.find(word)) > 0]
    run = run[: min(stops)] if stops else run
    posts: list[str] = []
    for post in re.split(r"(?=各)", run):
        if posts and posts[-1] in lexicon.distributive_post_prefixes:
            posts[-1] += post  # 辖区|各派出所所长: the prefix opens the post after it
        elif post:
            posts.append(post)
    return [piece for post in posts for piece in _posts_at_titles(post, lexicon)]


def _posts_at_titles(post: str, lexicon: LeaderLexicon) -> list[str]:
    """``辖区各派出所所长北厝、敖东、南海综合执法大队队长`` → the two posts: split after a title where the rest
    is a post of its own (four characters or more, ending on a title)."""
    for end in title_ends(post, lexicon):
        rest = post[end:]
        if len(rest) >= 4 and is_position(rest, lexicon) and not rest.startswith(("、", "，", ",")):
            return [post[:end], *_posts_at_titles(rest, lexicon)]
    return [post]


def trailing_name(token: str, lexicon: LeaderLexicon) -> str:
    """The name at the end of a position token whose own position is the next token
    (``区卫生与计划生育局副局长申守怡``), or "". A lone surname counts too (``市气象局局长刘`` + ``洋``:
    the spaced given name joins it as the next token)."""
    if is_position(token, lexicon):
        return ""
    for name_length in (4, 3):  # ``…管理局局长欧阳晓波``: a compound surname makes a longer name
        rest, name = token[:-name_length], token[-name_length:]
        if name.startswith(lexicon.compound_surnames) and NAME_TOKEN.fullmatch(name) and is_position(rest, lexicon):
            return name
    for name_length in (3, 2, 1):
        rest, name = token[:-name_length], token[-name_length:]
        if name_length == 1 and name not in lexicon.common_surnames:
            continue
        # ``…党委书记念保雄``: a rarer surname opens a three-character name that holds no post word
        rare = name_length == 3 and name[0] in lexicon.surnames and not is_position(name, lexicon) \
            and not title_ends(name, lexicon)
        if name[0] not in lexicon.common_surnames and not rare or not NAME_TOKEN.fullmatch(name) or len(token) <= name_length:
            continue
        # ``…调研员（主持工作）丁雄生``: a bracketed remark closes the position
        if is_position(rest, lexicon) or rest.endswith(("）", ")")) and is_position(
                _CLOSING_REMARK.sub("", rest), lexicon):
            return name
        if name_length > 1 and len(rest) >= UNIT_POST_MIN_CHARS and rest.endswith(lexicon.org_suffixes) \
                and not name.endswith(lexicon.org_suffixes):
            return name  # ``新城联合党委李登奎``: a unit printed as the member's post, the next member glued on
    return ""


UNIT_POST_MIN_CHARS = 4  # the shortest unit read as a member's whole post before a glued name


def given_name_glued(surname: str, token: str, lexicon: LeaderLexicon) -> int:
    """How many characters of ``token`` are the given name of a lone ``surname`` printed before it
    (OCR kept the gap after the surname but lost the one before the position), or 0."""
    if len(surname) != 1 or surname not in lexicon.common_surnames:
        return 0
    for given in (1, 2):
        rest = token[given:]
        if NAME_TOKEN.fullmatch(token[:given]) and len(rest) >= MIN_RUN_ON_POSITION and is_position(rest, lexicon) and (
                rest.startswith(lexicon.position_starts) or _starts_with_place_and_unit(rest, lexicon)):
            return given
    return 0


def split_run_together_open(token: str, lexicon: LeaderLexicon) -> tuple[list[tuple[str, str]], str] | None:
    """Entries run together that end with a name whose position follows as the next token
    (a layout join of two list lines: ``李学良市…副局长索丽珍`` + ``市生态环境局二级巡视员``)."""
    for name_length in (2, 3, 4):
        if len(token) <= name_length or not NAME_TOKEN.fullmatch(token[-name_length:]):
            continue
        parts = split_run_together(token[:-name_length], lexicon)
        if parts:
            return parts, token[-name_length:]
    return None
