"""The records of contacts (``ContactHit``, one contact as found; ``Item``, a labelled value) and how the labelled
values of one contact block become people: people with the numbers that follow them (people listed together share
them, or pair with one value each), a person printed after the values, a shared mailbox after several people. Used by
:mod:`docproc.extract.contacts` and the readers it calls."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class ContactHit:
    """One contact: a person (or an office: ``name`` None, ``org`` set) and their numbers and accounts."""

    name: str | None
    org: str | None
    phones: list[str]
    fax: str | None
    emails: list[str]
    other: str | None
    span: tuple[int, int]
    rule: str


@dataclass
class Item:
    """One labelled value run of a block (``kind``: person, org, own_org, phone, fax, email, other,
    address) and where it and its label start."""

    kind: str
    values: list[str]
    start: int
    end: int
    label_start: int
    printed: str = ""  # the values as printed (a fax of two numbers is kept so)


@dataclass
class Group:
    """People listed together and the values that are theirs."""

    names: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    org: str | None = None


def group_people(block: list[Item]) -> list[Group]:
    """People with the numbers that follow them; people listed together share them; a unit printed
    before a person (``县司法局 王强``) is that person's org."""
    groups: list[Group] = []
    pending_org: str | None = None
    for item in block:
        if item.kind == "org":
            if groups and groups[-1].items and not groups[-1].names:  # 区市场监管局 0591-…；区应急局 0591-…
                groups.append(Group(org=item.values[0]))
                continue
            pending_org = item.values[0]
            continue
        if item.kind == "own_org":
            if groups and groups[-1].names:
                groups[-1].org = item.values[0]
            continue
        if item.kind == "person":
            if not groups or groups[-1].items or pending_org is not None and groups[-1].names:
                groups.append(Group(org=pending_org))
            elif pending_org is not None:
                groups[-1].org = pending_org
            pending_org = None
            groups[-1].names.extend(item.values)
        else:
            if not groups:
                groups.append(Group(org=pending_org))
                pending_org = None
            groups[-1].items.append(item)
    return groups


def named_after_values(groups: list[Group]) -> list[Group]:
    """联系电话：…，传真：…，联系人：张三: the person printed after the values is theirs."""
    if len(groups) == 2 and not groups[0].names and groups[0].items and groups[1].names and not groups[1].items:
        return [Group(names=groups[1].names, items=groups[0].items, org=groups[0].org or groups[1].org)]
    return groups


def shared_mailbox(groups: list[Group], text: str) -> list[Group]:
    """After several people, a mailbox under its own label (电子邮箱：…) is the office's, not the last
    person's, when each person's number is bare or the mailbox stands in a clause of its own
    (``张三，电话：…；李四，电话：…；邮箱：…``): its own contact without a name."""
    if sum(1 for group in groups if group.names) < 2:
        return groups
    last = groups[-1]
    own = [item for item in last.items if item.kind == "email" and item.label_start == item.start]
    rest = [item for item in last.items if item not in own]
    apart = bool(own and rest) and re.search(r"[；;。\n]", text[max(i.end for i in rest) : own[0].label_start]) is not None
    if own and (any(item.label_start != item.start for item in last.items) or apart):
        last.items = [item for item in last.items if item not in own]
        groups.append(Group(items=own))
    return groups


def paired(group: Group) -> list[tuple[str, list[str], str | None, list[str]]] | None:
    """People named together followed by one value each, in the same order under every label (张国强
    廖大鹏 / 邮箱：a，b / 电话：1，2 / 传真：3，4): each person's own values. None when any kind of
    value does not give exactly one per person."""
    count = len(group.names)
    if count < 2:
        return None
    by_kind: dict[str, list[str]] = {}
    for item in group.items:
        if item.kind != "other":
            by_kind.setdefault(item.kind, []).extend(item.values)
    if not by_kind or any(len(values) != count for values in by_kind.values()):
        return None
    faxes: list[str | None] = list(by_kind.get("fax", [])) or [None] * count
    return [
        (name, by_kind.get("phone", [])[index : index + 1], faxes[index], by_kind.get("email", [])[index : index + 1])
        for index, name in enumerate(group.names)
    ]
