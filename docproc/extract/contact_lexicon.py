"""The contact vocabulary (labels, value patterns, unit words, as data under
``models/extract/contacts/``) and the mending of phone numbers and mailboxes a line wrap or a wide
print gap broke with a space. Used by :mod:`docproc.extract.contacts`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from docproc.extract.leader_lexicon import default_lexicon as default_leader_lexicon
from docproc.normalize.rules import models_dir

CJK = r"\u3400-\u9fff\uf900-\ufaff"
NAME = re.compile(f"[{CJK}]{{2,4}}")
_SELF_REFERENCE = ("我", "本")  # 我局, 本办: the issuer speaking of itself, no unit named


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class ContactLexicon:
    labels: tuple[tuple[str, str], ...]  # (label, kind), longest first
    phone: str
    email: str
    other: str
    value_separators: str
    hand_over_verbs: tuple[str, ...]
    trailing_verbs: tuple[str, ...]
    unit_suffixes: tuple[str, ...]
    gap: str
    name_stop_words: tuple[str, ...]
    whole_phone: str
    number_remark: str  # （办）, （手机）: which line a number is
    person_posts: tuple[str, ...]  # 科长, 主任: a post beside a contact's name, not another name
    hotline_verbs: tuple[str, ...] = ()  # 设立, 开通: the unit before them set the line up
    unit_role_labels: tuple[str, ...] = ()  # 主办单位, 承办单位: what part a unit listed with its number plays
    section_headings: tuple[str, ...] = ()  # 联系方式: a section of contacts, its numbered headings naming units
    department_endings: tuple[str, ...] = ()  # 处, 科: a department a person of it is printed after
    web_address_labels: tuple[str, ...] = ()  # 网址: a web address alone is no contact
    host_verbs: tuple[str, ...] = ()  # 挂靠, 设在 (the leaders' vocabulary): X挂靠在Y names X, hosted by Y

    @cached_property
    def web_address_only(self) -> re.Pattern[str]:
        words = "|".join(map(re.escape, self.web_address_labels)) or "(?!)"
        # (网址：http…, 网址：www…, 网址：jxw.fujian.gov.cn: any host under a web label)
        return re.compile(rf"^[\u4e00-\u9fff]{{0,8}}?(?:{words})\s*[:：]?\s*[A-Za-z]", re.IGNORECASE)

    @cached_property
    def section_heading(self) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, self.section_headings)) or "(?!)")

    @cached_property
    def opens_line(self) -> re.Pattern[str]:
        """A unit opening a clause that sets up a hotline (``区农业农村局设立种业监管举报电话：…``)."""
        return re.compile(rf"^\s*(?P<unit>[^，,。；;\s]{{2,20}}?)(?:{'|'.join(map(re.escape, self.hotline_verbs))})")

    @cached_property
    def label_kinds(self) -> dict[str, str]:
        """Label (whitespace-free) → its kind."""
        return dict(self.labels)

    def is_name(self, candidate: str) -> bool:
        """Whether ``candidate`` reads as a person's name (not a post, not a phrase with a stop word)."""
        return (bool(NAME.fullmatch(candidate)) and not any(word in candidate for word in self.name_stop_words)
                and candidate not in self.person_posts)

    def unit(self, candidate: str) -> str | None:
        """``candidate`` as a unit's name (its trailing verb cut: 区农业局负责 → 区农业局), or None."""
        candidate = "".join(candidate.split()).lstrip("（(")  # （办公室联系电话：…: the bracket opens the remark
        # 区经济发展局（经信处邮箱：…, …办公室（设在区公安消防支队: a bracket left open holds the label's remark
        candidate = re.sub(r"(?<=\S{2})[（(][^（）()]+$", "", candidate)
        for verb in self.trailing_verbs:
            candidate = candidate.removesuffix(verb)
        for verb in self.host_verbs:  # （区春运办）挂靠区交通与建设局（联系电话…: the unit hosting the office answers
            candidate = re.sub(rf"^{re.escape(verb)}[在于]?(?=\S{{2}})", "", candidate)
        hosted = min((at for verb in self.host_verbs if (at := candidate.find(verb, 2)) > 0), default=None)
        if hosted is not None:  # 海坛片区创城办挂靠在城市管理…工作小组: the unit, not the one hosting it
            candidate = candidate[:hosted]
        if candidate.startswith(self.hotline_verbs):
            return None  # 设立片区举报电话, 畅通我局…: a line set up, not a unit's name
        if len(candidate) >= 2 and candidate.endswith(self.unit_suffixes) and not candidate.startswith(_SELF_REFERENCE):
            return candidate
        return None

    def leading_unit(self, run: str) -> str | None:
        """The shortest start of ``run`` that reads as a unit whole (``区教育局``教师资格认定申请, ``平潭某幼儿园``民办…),
        or None."""
        return next((run[:end] for end in range(2, len(run) + 1) if self.unit(run[:end]) == run[:end]), None)


def load_contact_lexicon(directory: Path | None = None) -> ContactLexicon:
    base = directory or models_dir() / "extract" / "contacts"
    labels: list[tuple[str, str]] = []
    for line in (base / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind = line.split("\t")
            labels.append((label.strip(), kind.strip()))
    data = json.loads((base / "contacts.json").read_text(encoding="utf-8"))
    return ContactLexicon(
        labels=tuple(sorted(labels, key=lambda pair: -len(pair[0]))),
        phone=data["phone"],
        email=data["email"],
        other=data["other"],
        value_separators=data["value_separators"],
        hand_over_verbs=tuple(sorted(data["org_hand_over_verbs"], key=len, reverse=True)),
        trailing_verbs=tuple(data["org_trailing_verbs"]),
        unit_suffixes=tuple(data["unit_suffixes"]),
        gap=data["gap"],
        name_stop_words=tuple(data["name_stop_words"]),
        whole_phone=data["whole_phone"],
        person_posts=tuple(data["person_posts"]),
        hotline_verbs=tuple(data["hotline_verbs"]),
        unit_role_labels=tuple(data.get("unit_role_labels", ())),
        section_headings=tuple(data["section_headings"]),
        department_endings=tuple(data["department_endings"]),
        web_address_labels=tuple(data["web_address_labels"]),
        host_verbs=default_leader_lexicon().host_verbs,  # (the leaders' vocabulary, loaded once for both)
        number_remark="[（(](?:" + "|".join(map(re.escape, sorted(data["number_remarks"], key=len, reverse=True))) + ")[）)]",
    )


@lru_cache(maxsize=1)
def default_contact_lexicon() -> ContactLexicon:
    return load_contact_lexicon()


# (the gap may stand right after an area code's dash: 0591- 23163609)
_BROKEN_NUMBER = re.compile(r"(?<![\d-])(?:\d{3,4}-\d{0,10}|\d{2,10})(?P<gap> )\d{2,9}(?![\d-])")
_SPACED_ACCOUNT = re.compile(r"[A-Za-z0-9._%+@＠．-]+(?: [A-Za-z0-9._%+@＠．-]+)+")
_LEADING_NUMBERS = re.compile(r"(?:[\d-]+ )*")


@lru_cache(maxsize=4)
def _whole_values(lexicon: ContactLexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A complete phone number; an e-mail address whose last part is letters (so a number after it is
    not taken into it)."""
    return re.compile(lexicon.whole_phone), re.compile(f"(?=[^@＠]*[@＠])(?=.*[.．][A-Za-z]{{2,}}$)(?:{lexicon.email})")


def mend_broken_numbers(text: str, lexicon: ContactLexicon) -> tuple[str, list[int]]:
    """``text`` without the spaces a line wrap or a wide print gap put inside a phone number (``83608
    082``, ``0591-24397 579``, ``0591- 23163609``) or an e-mail address (``pt xzspj @163. com``), and the positions of the
    spaces taken out. Only where the pieces make a whole value together and the first piece of a number
    is not one alone, so two numbers side by side stay two."""
    whole_phone, whole_email = _whole_values(lexicon)
    removed = [
        match.start("gap") for match in _BROKEN_NUMBER.finditer(text)
        if whole_phone.fullmatch(match.group().replace(" ", ""))
        and not whole_phone.fullmatch(text[match.start() : match.start("gap")])
    ]
    for match in _SPACED_ACCOUNT.finditer(text):
        # a number before the address (025-83115281 xiezf@…) stays apart
        start = match.start() + _LEADING_NUMBERS.match(match.group()).end()  # type: ignore[union-attr]
        account = text[start : match.end()]
        if " " in account and whole_email.fullmatch(account.replace(" ", "")):
            removed.extend(start + i for i, char in enumerate(account) if char == " ")
    removed.sort()
    if not removed:
        return text, []
    pieces, position = [], 0
    for index in removed:
        pieces.append(text[position:index])
        position = index + 1
    pieces.append(text[position:])
    return "".join(pieces), removed


def original_position(position: int, removed: list[int]) -> int:
    """A position in the mended text, in the text as given."""
    for index in removed:  # ascending
        if index <= position:
            position += 1
        else:
            break
    return position
