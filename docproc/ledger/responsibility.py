"""Who answers for a ledger row, in two layers, filled only where the notice says so.

- **责任领导** (``leader``, the leader in charge): a leader the task's own text names in a labelled slot
  (``责任领导：王伟``, ``分管领导：…``); else the leading group of the campaign (领导小组, 指挥部, 工作专班)
  — its member in charge (``分管副县长任副组长``: an entry whose role or position says 分管), else its
  组长. A notice with several leading groups gives a leader only when one group is named in its title.
- **责任单位/责任人** (``owner_unit``/``owner_person``, who does the work): the task's owners as the
  record holds them (牵头单位, 责任单位 …), and a person a labelled slot names (``责任人：张伟``).

What cannot be filled stays empty and says why (the row's 备注 then names the column). The slot
labels and group words are data (``models/ledger/rules.json``); a slot is ``LABEL：VALUE`` after the
start of the text, a bracket or a punctuation mark, its label ending in one of the words of its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from docproc.ledger.rules import LedgerRules
from docproc.model.notice import LeaderEntry, Notice, Task

MISSING = "原文未明确，请填写"
_VALUE = r"((?:[^；;。，,（()）\n]|[（(][^）)\n]*[）)])+)"
_SPLIT = re.compile(r"[、，,/]")


@dataclass(frozen=True)
class Filled:
    """A value for one column (or None) and the note that says where it came from or why it is empty
    (None when the value is the task's own words)."""

    value: str | None
    note: str | None = None


@dataclass
class Slots:
    """Labelled slots of a task's text, by kind (leader, person, unit, deadline)."""

    values: dict[str, list[str]] = field(default_factory=dict)

    def of(self, kind: str) -> list[str]:
        return self.values.get(kind, [])


@lru_cache(maxsize=4)
def _slot_pattern(rules: LedgerRules) -> re.Pattern[str]:
    suffixes = sorted({w for _, words in rules.slot_label_suffixes for w in words}, key=len, reverse=True)
    label = rf"[\u4e00-\u9fff]{{0,{rules.slot_label_max_prefix}}}?(?:{'|'.join(map(re.escape, suffixes))})"
    return re.compile(rf"(?:^|(?<=[（(；;。，,：:\s]))({label})[:：]\s*{_VALUE}")


def _kind_of_label(label: str, rules: LedgerRules) -> str | None:
    # The longest suffix decides: 责任人 (person) before 人-less unit words, 领导 before nothing else.
    matches = [(len(w), kind) for kind, words in rules.slot_label_suffixes for w in words if label.endswith(w)]
    return max(matches)[1] if matches else None


def read_slots(text: str, rules: LedgerRules) -> Slots:
    """The labelled slots of ``text``: ``（牵头单位：县司法局；责任领导：王伟（副县长））`` →
    unit [县司法局], leader [王伟（副县长）]."""
    slots = Slots()
    for match in _slot_pattern(rules).finditer(text):
        kind = _kind_of_label(match.group(1), rules)
        if kind is None:
            continue
        parts = [p.strip() for p in _SPLIT.split(match.group(2)) if p.strip()]
        bucket = slots.values.setdefault(kind, [])
        bucket.extend(p for p in parts if p not in bucket)
    return slots


def strip_slots(text: str, rules: LedgerRules) -> str:
    """``text`` without its bracketed slot groups and a trailing run of slots (they have their own
    columns): ``…一窗受理。（牵头单位：县市场监管局；完成时限：2023年6月底前）`` → ``…一窗受理。``"""
    pattern = _slot_pattern(rules)

    def only_slots(chunk: str) -> bool:
        rest = pattern.sub("", chunk)
        return bool(pattern.search(chunk)) and not rest.strip(" ；;，,。、")

    out = re.sub(r"[（(]([^（()）]*(?:[（(][^）)]*[）)][^（()）]*)*)[）)]",
                 lambda m: "" if only_slots(m.group(1)) else m.group(0), text)
    sentences = re.split(r"(?<=[。；;])", out)
    while sentences and (not sentences[-1].strip() or only_slots(sentences[-1])):
        sentences.pop()
    out = "".join(sentences).strip()
    for prefix in rules.measures_label_prefixes:
        out = re.sub(rf"^{re.escape(prefix)}[:：]\s*", "", out)
    return out


def _label(entry: LeaderEntry) -> str | None:
    if entry.name and entry.position:
        return f"{entry.name}（{entry.position}）"
    return entry.name or entry.position


def _group_core(group: str, rules: LedgerRules) -> str:
    core = group.strip("“”\"「」『』")
    core = re.sub(r"[“”\"「」『』]", "", core)
    for suffix in rules.group_name_suffixes:
        if core.endswith(suffix) and len(core) > len(suffix):
            return core[: -len(suffix)]
    return core


def _leading_groups(notice: Notice, rules: LedgerRules) -> dict[str, list[LeaderEntry]]:
    """The leading groups of the notice (their offices left out), members in order."""
    groups: dict[str, list[LeaderEntry]] = {}
    for entry in notice.leaders:
        name = entry.group or ""
        if name.endswith(rules.office_group_suffixes) or entry.role.startswith(rules.office_group_suffixes):
            continue
        groups.setdefault(name, []).append(entry)
    return groups


def _campaign_group(notice: Notice, rules: LedgerRules) -> tuple[str, list[LeaderEntry]] | None | str:
    """The one leading group of the campaign, None when there is none, or the names of several when the
    notice does not say which (a str for the note)."""
    groups = _leading_groups(notice, rules)
    if not groups:
        return None
    if len(groups) == 1:
        return next(iter(groups.items()))
    titles = [t for t in (notice.title, *notice.enclosed_titles) if t]
    named = [(g, members) for g, members in groups.items()
             if g and any(_group_core(g, rules) in "".join(t.split()) for t in titles)]
    if len(named) == 1:
        return named[0]
    return "、".join(f"“{g}”" for g in groups if g)


def leader_in_charge(notice: Notice, rules: LedgerRules) -> Filled:
    """责任领导 of the notice's rows where the task names none: the leading group's member in charge
    (分管), else its 组长; empty with the reason when the notice sets up no group or several."""
    found = _campaign_group(notice, rules)
    if found is None:
        return Filled(None, MISSING)
    if isinstance(found, str):
        return Filled(None, f"文件设有多个领导小组（{found}），请填写")
    group, members = found
    shown = group or "领导小组"
    in_charge = [m for m in members if any(w in (m.position or "") + m.role for w in rules.in_charge_words)]
    if in_charge:
        labels = [x for x in (_label(m) for m in in_charge) if x]
        if labels:
            return Filled("、".join(labels), f"取自{shown}分管领导")
    for role in rules.leader_top_roles:
        heads = [x for x in (_label(m) for m in members if m.role == role) if x]
        if heads:
            return Filled("、".join(heads), f"取自{shown}{role}")
    return Filled(None, MISSING)


@dataclass(frozen=True)
class Responsibility:
    """The three responsibility columns of one task's row."""

    leader: Filled
    owner_unit: Filled
    owner_person: Filled


def task_responsibility(task: Task, notice_leader: Filled, rules: LedgerRules) -> Responsibility:
    """责任领导, 责任单位, 责任人 of a task's row (``notice_leader``: :func:`leader_in_charge`)."""
    slots = read_slots(task.text, rules)
    leaders = slots.of("leader")
    persons = slots.of("person")
    return Responsibility(
        leader=Filled("、".join(leaders)) if leaders else notice_leader,
        owner_unit=Filled("、".join(task.owners)) if task.owners else Filled(None, MISSING),
        owner_person=Filled("、".join(persons)) if persons else Filled(None, MISSING),
    )
