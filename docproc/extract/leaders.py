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
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docproc.normalize.rules import models_dir

CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{CJK}]")
NAME_TOKEN = re.compile(f"[{CJK}]{{1,4}}")
SENTENCE_PUNCTUATION = re.compile(r"[。，；,;！？!?]")
SENTENCE_END = "。！？!?"
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
MIN_RUN_ON_POSITION = 5  # characters of a position run on after a name inside a position token


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
class LeaderLexicon:
    roles: tuple[str, ...]  # longest first
    office_roles: frozenset[str]
    group_words: tuple[tuple[str, str], ...]  # group word → office word of the same script, longest first
    establishing_verbs: tuple[str, ...]
    leading_verbs: tuple[str, ...]
    name_stop_chars: frozenset[str]
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
    role_prefixes: tuple[str, ...]
    clause_stops: frozenset[str]
    org_suffixes: tuple[str, ...] = ()
    surnames: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GroupMention:
    """A group word in the text with the name read backwards from it (``bare``: the word alone)."""

    name: str
    start: int
    end: int
    bare: bool


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def load_leader_lexicon(directory: Path | None = None) -> LeaderLexicon:
    base = directory or models_dir() / "extract" / "leaders"
    roles: list[str] = []
    office_roles: set[str] = set()
    for line in (base / "roles.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind = line.split("\t")
        roles.append(word.strip())
        if kind.strip() == "office":
            office_roles.add(word.strip())
    groups = json.loads((base / "groups.json").read_text(encoding="utf-8"))
    positions = json.loads((base / "positions.json").read_text(encoding="utf-8"))
    prose = json.loads((base / "prose.json").read_text(encoding="utf-8"))
    surname_lines = (base / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return LeaderLexicon(
        roles=_longest_first(roles),
        office_roles=frozenset(office_roles),
        group_words=tuple(sorted(groups["group_words"].items(), key=lambda item: -len(item[0]))),
        establishing_verbs=_longest_first(groups["establishing_verbs"]),
        leading_verbs=_longest_first(groups["leading_verbs"]),
        name_stop_chars=frozenset(groups["name_stop_chars"]),
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
        role_prefixes=tuple(prose["role_prefixes"]),
        clause_stops=frozenset(prose["clause_stops"]),
        org_suffixes=_longest_first(positions["org_suffixes"]),
        surnames=frozenset("".join(line.strip() for line in surname_lines if not line.startswith("#"))),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> LeaderLexicon:
    return load_leader_lexicon()


def _alternation(words: tuple[str, ...], spaced: bool = False) -> str:
    if spaced:
        return "|".join(r"\s*".join(map(re.escape, word)) for word in words)
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=4)
def _patterns(lexicon: LeaderLexicon) -> dict[str, re.Pattern[str]]:
    roles = _alternation(lexicon.roles)
    prefixes = _alternation(lexicon.role_prefixes)
    return {
        "role_marker": re.compile(f"(?P<role>{_alternation(lexicon.roles, spaced=True)})\\s*[:：]"),
        "group_word": re.compile(_alternation(tuple(word for word, _ in lexicon.group_words))),
        "assign": re.compile(
            f"(?P<verb>{_alternation(lexicon.assign_verbs)})(?:{prefixes})?(?P<role>{roles})(?![{CJK}]*[:：])"
        ),
        "by": re.compile(
            f"(?P<role>{roles})由(?P<names>[{CJK}、]{{2,40}}?)(?:{_alternation(lexicon.honorifics)})?"
            f"(?:{_alternation(lexicon.by_verbs)})"
        ),
    }


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
    if name and name[0] in lexicon.opening_quotes:
        closing = lexicon.closing_quotes[lexicon.opening_quotes.index(name[0])]
        if closing not in name:
            name = name[1:]
    return name


def _read_name_backwards(text: str, word_start: int, lexicon: LeaderLexicon) -> str:
    """Characters before a group word back to a stop; crosses into short heading lines only."""
    chars: list[str] = []
    index = word_start - 1
    while index >= 0:
        ch = text[index]
        if ch == "\n":
            while index >= 0 and text[index].isspace():
                index -= 1
            previous_line = text[text.rfind("\n", 0, index + 1) + 1 : index + 1].strip()
            if (
                not previous_line
                or previous_line in lexicon.name_stop_lines
                or len(previous_line) > lexicon.heading_line_max_chars
                or not all(CJK_CHAR.match(c) or c.isspace() for c in previous_line)
            ):
                break
            continue
        if ch in lexicon.name_stop_chars:
            break
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
    for match in _patterns(lexicon)["group_word"].finditer(text):
        prefix = _strip_name(_read_name_backwards(text, match.start(), lexicon), lexicon)
        name = prefix + match.group()
        mentions.append(GroupMention(name, match.start() - len(prefix), match.end(), bare=not prefix))
    return mentions


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
    named = [mention for mention in mentions if not mention.bare]
    before = [m for m in named if m.start < position]
    chosen = before[-1] if before else None
    if sentence is not None:
        in_sentence_before = [m for m in before if m.start >= sentence[0]]
        # a group named later in the same clause: 以局长为组长的“…领导小组”, 由县长任组长、…的…领导小组
        in_clause_after = [
            m for m in named
            if position <= m.start < sentence[1] and not CLAUSE_BREAK.search(text[span[1] : m.start])
        ]
        if in_sentence_before:
            chosen = in_sentence_before[-1]
        elif in_clause_after:
            chosen = in_clause_after[0]
    if chosen is None:
        return None
    return _office_of(chosen.name, lexicon) if role in lexicon.office_roles else chosen.name


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in SENTENCE_END) + 1
    rights = [pos for pos in (text.find(mark, end) for mark in SENTENCE_END) if pos >= 0]
    return left, (min(rights) if rights else len(text))


# ---------------------------------------------------------------- entries: name + position


def _is_position(token: str, lexicon: LeaderLexicon) -> bool:
    return any(token.endswith(title) for title in lexicon.titles) and len(token) >= 2


@lru_cache(maxsize=4)
def _titles_by_first_char(lexicon: LeaderLexicon) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for title in lexicon.titles:
        table.setdefault(title[0], []).append(title)
    return {first: tuple(titles) for first, titles in table.items()}


def _title_ends(token: str, lexicon: LeaderLexicon) -> list[int]:
    """Every index just after a title (职务) printed in ``token``, ascending."""
    by_first = _titles_by_first_char(lexicon)
    ends = {
        index + len(title)
        for index, char in enumerate(token)
        for title in by_first.get(char, ())
        if token.startswith(title, index)
    }
    return sorted(ends)


def _starts_with_place_and_unit(position: str, lexicon: LeaderLexicon) -> bool:
    """``红旗镇副镇长``, ``海星办事处副主任``: a place of at least two characters, then a unit word."""
    firsts = [position.find(suffix) for suffix in lexicon.org_suffixes]
    found = [at for at in firsts if at >= 0]
    return bool(found) and min(found) >= 2


def _name_splits(token: str, lexicon: LeaderLexicon) -> list[tuple[str, str]]:
    """Where a run-together token's leading name may end, best first: before a position start
    (``李学良市…``, 2–4 characters), else — for a name with a known surname — before a place and
    unit (``孙玉堂红旗镇…``, three characters tried before two)."""
    splits = [
        (token[:n], token[n:]) for n in (2, 3, 4)
        if NAME_TOKEN.fullmatch(token[:n]) and any(token.startswith(s, n) for s in lexicon.position_starts)
    ]
    if token[:1] in lexicon.surnames:
        splits += [
            (token[:n], token[n:]) for n in (3, 2)
            if NAME_TOKEN.fullmatch(token[:n]) and _starts_with_place_and_unit(token[n:], lexicon)
        ]
    return splits


def split_run_together(token: str, lexicon: LeaderLexicon) -> list[tuple[str, str]] | None:
    """``李悦市公安局副局长李学良市…副局长`` → [(李悦, 市公安局副局长), (李学良, …)], or None."""
    if not token:
        return []
    for name, rest in _name_splits(token, lexicon):
        for end in _title_ends(rest, lexicon):
            tail = split_run_together(rest[end:], lexicon)
            if tail is not None:
                return [(name, rest[:end]), *tail]
    return None


def split_positions(token: str, lexicon: LeaderLexicon) -> list[tuple[str, str]]:
    """A position printed after a name, with further entries run on: ``区…副局长徐连胜熊岳镇常务副镇长``
    → [("", 区…副局长), (徐连胜, 熊岳镇常务副镇长)]. A split needs a title end, a 2–3 character name
    and a position of at least ``MIN_RUN_ON_POSITION`` characters ending in a title; else one part.
    The first part's name is empty: it belongs to the name printed before the token."""
    for end in _title_ends(token, lexicon):
        rest = token[end:]
        candidates = [
            (rest[:n], rest[n:]) for n in (3, 2)
            if len(rest) - n >= MIN_RUN_ON_POSITION and NAME_TOKEN.fullmatch(rest[:n])
            and _is_position(rest[n:], lexicon)
        ]
        # a position that begins as positions do (区…, 市…) decides the name's length; else the
        # commoner three-character name
        candidates.sort(key=lambda c: not any(c[1].startswith(s) for s in lexicon.position_starts))
        if candidates:
            name, position = candidates[0]
            tail = split_positions(position, lexicon)
            return [("", token[:end]), (name, tail[0][1]), *tail[1:]]
    return [("", token)]


def _trailing_name(token: str, lexicon: LeaderLexicon) -> str:
    """The name at the end of a position token whose own position is the next token
    (``区卫生与计划生育局副局长申守怡``), or "". A lone surname counts too (``市气象局局长刘`` + ``洋``:
    the spaced given name joins it as the next token)."""
    if _is_position(token, lexicon):
        return ""
    for name_length in (3, 2, 1):
        rest, name = token[:-name_length], token[-name_length:]
        if name_length == 1 and name not in lexicon.surnames:
            continue
        if len(token) > name_length and NAME_TOKEN.fullmatch(name) and _is_position(rest, lexicon):
            return name
    return ""


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


@dataclass
class _Entry:
    name: str | None
    position: str | None
    start: int
    end: int
    run_together: bool = False


class _Token:
    """A whitespace-separated piece of a member list with the characters entries are read from
    (CJK and ``、（）``) and the map from those back to the text, for exact entry spans."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        kept = [(i, ch) for i, ch in enumerate(match.group()) if CJK_CHAR.match(ch) or ch in "、（）()"]
        self.text = "".join(ch for _, ch in kept)
        self.start, self.end = offset + match.start(), offset + match.end()
        self._at = [self.start + i for i, _ in kept]

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
            out.append(_Entry(name, position, *self.span(lo, cursor), run_together=True))
        return out


def parse_entries(text: str, offset: int, lexicon: LeaderLexicon) -> list[_Entry]:
    """Name/position entries of one stretch of a member list (whitespace-separated or run together)."""
    entries: list[_Entry] = []
    pending: _Entry | None = None
    for match in re.finditer(r"\S+", text):
        piece = _Token(match, offset)
        token = piece.text
        if not CJK_CHAR.search(token):
            continue
        if _is_position(token, lexicon) or (pending and len(token) >= 5):
            if pending and pending.position is None:
                # ``李云涛 区…副局长徐连胜熊岳镇常务副镇长``, ``孙立新 区…副局长申守怡``: more run on
                trailing = _trailing_name(token, lexicon)
                positions = split_positions(token[: len(token) - len(trailing)], lexicon)
                pending.position = positions[0][1]
                pending.end = piece.span(0, len(pending.position))[1]
                entries.append(pending)
                entries.extend(piece.entries(positions[1:], len(pending.position)))
                pending = None
                if trailing:
                    pending = _Entry(trailing, None, *piece.span(len(token) - len(trailing), len(token)), True)
                continue
            parts = split_run_together(token, lexicon)
            if parts:
                entries.extend(piece.entries(parts, 0))
            elif _is_position(token, lexicon):
                entries.append(_Entry(None, token, piece.start, piece.end))
            continue
        opened = None if NAME_TOKEN.fullmatch(token) else split_run_together_open(token, lexicon)
        if opened is not None:
            if pending:
                entries.append(pending)
            parts, trailing = opened
            entries.extend(piece.entries(parts, 0))
            pending = _Entry(trailing, None, *piece.span(len(token) - len(trailing), len(token)), True)
            continue
        if NAME_TOKEN.fullmatch(token):
            if pending and len(pending.name or "") + len(token) <= 3 and 1 in (len(pending.name or ""), len(token)):
                pending.name, pending.end = (pending.name or "") + token, piece.end
            else:
                if pending:
                    entries.append(pending)
                pending = _Entry(token, None, piece.start, piece.end)
    if pending:
        entries.append(pending)
    return [entry for entry in entries if entry.name is None or len(entry.name) >= 2]


def _is_entry_line(line: str, lexicon: LeaderLexicon) -> bool:
    if SENTENCE_PUNCTUATION.search(line):
        return False
    entries = parse_entries(line, 0, lexicon)
    return bool(entries) and all(entry.name and entry.position for entry in entries)


# ---------------------------------------------------------------- readings


def _table_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> Iterator[LeaderHit]:
    markers = list(_patterns(lexicon)["role_marker"].finditer(text))
    for index, marker in enumerate(markers):
        role = "".join(marker.group("role").split())
        limit = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        line_end = text.find("\n", marker.end())
        stop = min(limit, line_end if line_end >= 0 else len(text))
        stretches = [(marker.end(), stop)]
        while stop < limit:  # continuation lines inherit the role
            next_end = text.find("\n", stop + 1)
            next_end = limit if next_end < 0 or next_end > limit else next_end
            line = text[stop:next_end].strip()
            if line and CJK_CHAR.search(line):
                if not _is_entry_line(line, lexicon):
                    break
                stretches.append((stop, next_end))
            stop = next_end
        first_line = text[marker.end() : stretches[0][1]]
        if SENTENCE_PUNCTUATION.search(first_line.replace("、", "")):
            continue
        group = _resolve_group(text, mentions, (marker.start(), marker.end()), role, lexicon, None)
        for lo, hi in stretches:
            for entry in parse_entries(text[lo:hi], lo, lexicon):
                rule = "leaders.table_run_together.v1" if entry.run_together else "leaders.table.v1"
                yield LeaderHit(group, role, entry.name, entry.position, (entry.start, entry.end), rule)


def _strip_honorific(item: str, lexicon: LeaderLexicon) -> str:
    for honorific in lexicon.honorifics:
        item = item.removesuffix(honorific)
    return item


def _prose_entry(item: str, lexicon: LeaderLexicon) -> tuple[str | None, str | None] | None:
    """``市司法局局长王佩军`` → (王佩军, 市司法局局长); ``局长`` → (None, 局长); ``熊卫东`` → (熊卫东, None)."""
    item = _strip_honorific(item, lexicon)
    ends = _title_ends(item, lexicon)
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


def _prose_hits(text: str, mentions: list[GroupMention], lexicon: LeaderLexicon) -> Iterator[LeaderHit]:
    compact, offsets = compact_with_offsets(text)
    if not compact:
        return
    patterns = _patterns(lexicon)
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
        cursor = clause_start
        for item in clause.split("、"):
            item_start, cursor = cursor, cursor + len(item) + 1
            entry = _prose_entry(item, lexicon) if item else None
            if entry is None or (match.group("verb") == "为" and entry[0] is not None):
                continue
            span = _original_span(offsets, item_start, match.end())
            sentence = _sentence_around(text, *span)
            group = _resolve_group(text, mentions, span, role, lexicon, sentence)
            yield LeaderHit(group, role, entry[0], entry[1], span, "leaders.prose.v1")
    for match in patterns["by"].finditer(compact):
        role = match.group("role")
        span = _original_span(offsets, match.start(), match.end())
        for name in match.group("names").split("、"):
            name = _strip_honorific(name, lexicon)
            if NAME_TOKEN.fullmatch(name) and len(name) >= 2:
                group = _resolve_group(text, mentions, span, role, lexicon, _sentence_around(text, *span))
                yield LeaderHit(group, role, name, None, span, "leaders.prose_by.v1")


def find_leaders(text: str, lexicon: LeaderLexicon | None = None) -> list[LeaderHit]:
    """Every member of every leadership group in ``text``, in reading order."""
    lexicon = lexicon or default_lexicon()
    mentions = find_group_mentions(text, lexicon)
    hits = list(_table_hits(text, mentions, lexicon))
    covered = [hit.span for hit in hits]
    for hit in _prose_hits(text, mentions, lexicon):
        if not any(lo <= hit.span[0] < hi for lo, hi in covered):
            hits.append(hit)
    unique: dict[tuple[str | None, str, str | None, str | None, tuple[int, int]], LeaderHit] = {}
    for hit in hits:
        unique.setdefault((hit.group, hit.role, hit.name, hit.position, hit.span), hit)
    return sorted(unique.values(), key=lambda hit: hit.span)
