"""The vocabulary of leadership groups (``models/extract/leaders/``): role words, group words, the
position vocabulary, prose verbs and surnames, loaded once; and the patterns built from them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from docproc.extract.textmatch import alternation
from docproc.normalize.rules import models_dir

CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
NAME_TOKEN = re.compile(f"[{CJK}]{{1,4}}")
SENTENCE_PUNCTUATION = re.compile(r"[。，；,;！？!?]")
SENTENCE_END = "。！？!?"
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
MIN_RUN_ON_POSITION = 5  # characters of a position run on after a name inside a position token


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class LeaderLexicon:
    roles: tuple[str, ...]  # longest first
    office_roles: frozenset[str]
    group_words: tuple[tuple[str, str], ...]  # group word → office word of the same script, longest first
    establishing_verbs: tuple[str, ...]
    leading_verbs: tuple[str, ...]
    name_stop_chars: frozenset[str]
    name_inner_phrases: tuple[str, ...]  # 党的: a stop character inside a set phrase of a name
    name_stop_lines: frozenset[str]
    name_stop_titles: tuple[str, ...]
    heading_line_max_chars: int
    honorifics: tuple[str, ...]
    opening_quotes: str
    closing_quotes: str
    titles: tuple[str, ...]
    position_starts: tuple[str, ...]
    assign_verbs: tuple[str, ...]
    by_verbs: tuple[str, ...]
    subject_markers: tuple[str, ...]
    single_head_roles: frozenset[str]  # held by one person: posts joined by 、 before them are one entry
    role_prefixes: tuple[str, ...]
    clause_stops: frozenset[str]
    org_suffixes: tuple[str, ...] = ()
    party_post_starts: tuple[str, ...] = ()  # 党委委员、副局长: a party post and the same person's other post
    place_endings: tuple[str, ...] = ()
    surnames: frozenset[str] = frozenset()
    common_surnames: frozenset[str] = frozenset()
    compound_surnames: tuple[str, ...] = ()
    not_name_starts: tuple[str, ...] = ()
    unit_endings: tuple[str, ...] = ()
    group_name_cuts: tuple[str, ...] = ()
    group_name_cuts_anywhere: tuple[str, ...] = ()
    glued_headings: tuple[str, ...] = ()  # 组织机构: a section heading a run-on copy glued before a group's name
    own_head_groups: tuple[str, ...] = ()
    whole_group_words: tuple[str, ...] = ()  # a heading naming one of these names the group, not a part
    renaming_verbs: tuple[str, ...] = ()  # 调整为, 更名为: the group named after them is the one set up
    on_site_qualifiers: tuple[str, ...] = ()  # 现场: 现场指挥部 is the on-site part of the 指挥部 named before
    standing_bodies: tuple[str, ...] = ()  # 居民委员会, 业主委员会: a group word's ending, no leadership group
    group_head_roles: tuple[str, ...] = ()  # 组长, 总指挥: a group's own heads, never its office's
    list_end_labels: tuple[str, ...] = ()  # 职责：, 督查对象：: a part's fields after its members, not members
    list_closing_remarks: tuple[str, ...] = ()  # 如需人事调整…: the remark closing a member list, no post
    duty_openers: tuple[str, ...] = ()  # 负责: a part's duties printed after its member list and a space
    host_verbs: tuple[str, ...] = ()  # 挂靠: the group named after them hosts an office, no list is its
    superior_phrases: tuple[str, ...] = ()  # 的指导下: the group named before them guides the subject, no list is its
    expert_groups: tuple[str, ...] = ()  # 专家组: a part whose 组长 and members are no leaders
    bracketed_role_endings: tuple[str, ...] = ()  # 张明火副局长（常务副组长）: a role no post is named after
    department_starts: tuple[str, ...] = ()  # 农业…, 交通…: a post that begins with a department's name
    distributive_post_prefixes: tuple[str, ...] = ()  # 辖区各派出所所长: a post without a name may open so
    own_unit_words: tuple[str, ...] = ()  # 局…: the issuing unit's own word before its department (局党群工作处处长)

    @cached_property
    def list_end_label(self) -> re.Pattern[str]:
        """A field label after a part's member list (``工作职责：``, ``督查对象：``): the list ends there."""
        spaced = ("[ \u3000]?".join(map(re.escape, label)) for label in self.list_end_labels)  # 牵头 部门：
        return re.compile(rf"\s*(?:{'|'.join(spaced)})\s*[：:]")

    @cached_property
    def duty_opener(self) -> re.Pattern[str] | None:
        """A part's duties after its member list and a space (``洪文聪、刘竞远 负责检查…``), not a post (负责人)."""
        if not self.duty_openers:
            return None
        return re.compile(rf"(?<=\S)\s+(?:{alternation(self.duty_openers)})(?!\s*(?:人|同志))")

    @cached_property
    def group_word_names(self) -> tuple[str, ...]:
        """The group words alone (领导小组, 指挥部 …), longest first."""
        return tuple(word for word, _ in self.group_words)

    @cached_property
    def organ_post_starts(self) -> tuple[str, ...]:
        """Position starts of two characters or more (党组, 县委 …): where a post is held, never a person's name."""
        return tuple(start for start in self.position_starts if len(start) >= 2)

    @cached_property
    def office_words(self) -> tuple[str, ...]:
        """The office word of every group word (办公室, 辦公室), each once."""
        return tuple(dict.fromkeys(office for _, office in self.group_words))


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _data_lines(path: Path) -> list[str]:
    """The lines of a vocabulary file, stripped, without blank lines and ``#`` comments."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def load_leader_lexicon(directory: Path | None = None) -> LeaderLexicon:
    base = directory or models_dir() / "extract" / "leaders"
    roles: list[str] = []
    office_roles: set[str] = set()
    for line in _data_lines(base / "roles.tsv"):
        word, kind = line.split("\t")
        roles.append(word.strip())
        if kind.strip() == "office":
            office_roles.add(word.strip())
    groups = json.loads((base / "groups.json").read_text(encoding="utf-8"))
    positions = json.loads((base / "positions.json").read_text(encoding="utf-8"))
    prose = json.loads((base / "prose.json").read_text(encoding="utf-8"))
    return LeaderLexicon(
        roles=_longest_first(roles),
        office_roles=frozenset(office_roles),
        group_words=tuple(sorted(groups["group_words"].items(), key=lambda item: -len(item[0]))),
        establishing_verbs=_longest_first(groups["establishing_verbs"]),
        leading_verbs=_longest_first(groups["leading_verbs"]),
        name_stop_chars=frozenset(groups["name_stop_chars"]),
        name_inner_phrases=_longest_first(groups["name_inner_phrases"]),
        name_stop_lines=frozenset(groups["name_stop_lines"]),
        name_stop_titles=_longest_first(groups["name_stop_titles"]),
        heading_line_max_chars=int(groups["heading_line_max_chars"]),
        honorifics=tuple(groups["honorifics"]),
        opening_quotes=groups["opening_quotes"],
        closing_quotes=groups["closing_quotes"],
        titles=_longest_first(positions["titles"]),
        position_starts=_longest_first(positions["position_starts"]),
        assign_verbs=_longest_first(prose["assign_verbs"]),
        by_verbs=_longest_first(prose["by_verbs"]),
        subject_markers=tuple(prose["subject_markers"]),
        single_head_roles=frozenset(prose["single_head_roles"]),
        role_prefixes=tuple(prose["role_prefixes"]),
        clause_stops=frozenset(prose["clause_stops"]),
        org_suffixes=_longest_first(positions["org_suffixes"]),
        party_post_starts=_longest_first(positions["party_post_starts"]),
        place_endings=_longest_first(positions["place_endings"]),
        surnames=frozenset("".join(_data_lines(base / "surnames.txt"))),
        common_surnames=frozenset("".join(_data_lines(base / "common_surnames.txt"))),
        compound_surnames=tuple(_data_lines(base / "compound_surnames.txt")),
        not_name_starts=tuple(positions["not_name_starts"]),
        unit_endings=_longest_first(positions["unit_endings"]),
        group_name_cuts=_longest_first(groups["group_name_cuts"]),
        group_name_cuts_anywhere=_longest_first(groups["group_name_cuts_anywhere"]),
        glued_headings=_longest_first(groups["glued_headings"]),
        own_head_groups=tuple(groups["own_head_groups"]),
        whole_group_words=tuple(groups["whole_group_words"]),
        list_end_labels=_longest_first(groups["list_end_labels"]),
        duty_openers=_longest_first(groups["duty_openers"]),
        list_closing_remarks=_longest_first(groups["list_closing_remarks"]),
        superior_phrases=_longest_first(groups["superior_phrases"]),
        host_verbs=_longest_first(groups["host_verbs"]),
        group_head_roles=tuple(groups["group_head_roles"]),
        standing_bodies=tuple(groups["standing_bodies"]),
        on_site_qualifiers=tuple(groups["on_site_qualifiers"]),
        renaming_verbs=tuple(groups["renaming_verbs"]),
        expert_groups=tuple(groups["expert_groups"]),
        bracketed_role_endings=tuple(groups["bracketed_role_endings"]),
        department_starts=_longest_first(positions["department_starts"]),
        distributive_post_prefixes=_longest_first(positions["distributive_post_prefixes"]),
        own_unit_words=tuple(positions["own_unit_words"]),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> LeaderLexicon:
    return load_leader_lexicon()


def _alternation(words: tuple[str, ...], spaced: bool = False) -> str:
    if spaced:
        return "|".join(r"\s*".join(map(re.escape, word)) for word in words)
    return alternation(words)


def _group_word_alternation(words: tuple[str, ...]) -> str:
    """``words`` as one alternation where a word gives way to another word its last characters open
    (``筹备工作组委会``: 工作组 is not matched before 委会, so the regex finds 组委会 one character on)."""
    branches = []
    for word in words:
        continuations = sorted({other[size:] for other in words if other != word
                                for size in range(1, min(len(word), len(other))) if word.endswith(other[:size])})
        branches.append(re.escape(word) + (f"(?!{alternation(continuations)})" if continuations else ""))
    return "|".join(branches)


_LISTED_ITEM = (f"(?:[{CJK}]{{2,4}}|[{CJK}]{{2,12}}[\\d一二两三四五六七八九十]+名|[{CJK}]{{2,16}}全体(?:人员|成员|干部|干部职工)"
                f"|[{CJK}]{{2,16}}[（(][{CJK}]{{2,12}}[）)])")  # a name, staff by a count or whole, a name (its unit)


@lru_cache(maxsize=4)
def lexicon_patterns(lexicon: LeaderLexicon) -> dict[str, re.Pattern[str]]:
    roles = _alternation(lexicon.roles)
    prefixes = _alternation(lexicon.role_prefixes)
    return {
        "group_word": re.compile(_group_word_alternation(lexicon.group_word_names)),
        "establishing": re.compile(_alternation(lexicon.establishing_verbs)),  # 成立, 调整充实 (longest first)
        # 成立以实验区副书记…杜源生为组长的…: the verb, then who heads the group, up to the name
        "establishing_with_head": re.compile(f"(?:{_alternation(lexicon.establishing_verbs)})以[^。；;]*?为[^。；;]{{1,8}}的$"),
        "assign": re.compile(
            f"(?P<verb>{_alternation(lexicon.assign_verbs)})(?:{prefixes})?(?P<role>{roles})(?![{CJK}]*[:：])"
        ),
        # 成员为林美玲、陈姗姗、林宇晨: a role, then its people listed after 为
        # 成员为林瑞珍、俞小花; 成员为林航、办事处成员1名 (staff given by a count); 成员为办事处工作人员2名
        # …; 办公室成员包括施友兴、王爱平及片区教育专干林辅奎（苏澳学校）、高文锋（平原中心校）
        "listed": re.compile(f"(?P<role>{roles})(?:为|是|包括)(?P<names>{_LISTED_ITEM}(?:[、及]{_LISTED_ITEM})*)(?=[。，,；;]|$)"),
        "by": re.compile(
            f"(?P<role>{roles})[，,]?由(?P<names>[{CJK}、]{{2,160}}?)(?P<honorific>{_alternation(lexicon.honorifics)})?"
            f"(?:{_alternation(lexicon.by_verbs)})"
        ),
    }
