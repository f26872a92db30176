"""How an extracted ``docproc.notice/1`` record is scored against a gold record.

Every string is compared as ANNOTATION.md says: NFKC, all whitespace removed. Each field of a record
becomes a multiset of *items*; an item found that is in the gold (multiset intersection) is a true
positive, the other found items false positives, the other gold items false negatives. P, R and F1
per field are micro-averaged over the cases; a field with no item in the gold and none found scores
1.0. Macro F1 is the mean of the fields' F1.

Items per field (the sub-fields that count; free text such as a task's or phase's ``text``, a
deadline's ``text`` and ``to``, a cited document's title and all evidence are not scored):

- scalars ``doc_number``, ``title``, ``issue_date``, ``print_date``, ``doc_type``: one item each
  when not null (a wrong value is one false positive and one false negative);
- ``issuers``, ``enclosed_titles``, ``recipients``, ``attachments``: each string;
- ``cited_documents``: each ``number``;
- ``leaders``: ``(group, role, name, position)``;
- ``contacts``: ``(name, org, phones sorted, fax, emails sorted, other)``;
- ``phases``: ``(name, start, end)``;
- ``deadlines``: ``(date, time, recurring, what)``;
- ``tasks``: ``(number, title, owners sorted, deadline)``.

Beside the strict items, the list fields are also counted by a coarser *key* (never the headline, a
diagnosis: how much of a field's loss is finding the entry at all, how much its details): leaders by
``(role, name or else position)``, contacts by ``(name, phones)``, phases by ``(start, end)``,
deadlines by ``(date, recurring)``, tasks by ``(number, title)``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SCALAR_FIELDS = ("doc_number", "title", "issue_date", "print_date", "doc_type")
STRING_LIST_FIELDS = ("issuers", "enclosed_titles", "recipients", "attachments")
FIELDS = (
    *SCALAR_FIELDS, *STRING_LIST_FIELDS,
    "cited_documents", "leaders", "contacts", "phases", "deadlines", "tasks",
)
Item = tuple[str | None, ...]


def comparable(value: Any) -> str | None:
    """A value as ANNOTATION.md compares it: NFKC, all whitespace removed (None stays None)."""
    if value is None:
        return None
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def _sorted_joined(values: Iterable[Any]) -> str:
    return "|".join(sorted(comparable(v) or "" for v in values))


def _tuple(entry: dict[str, Any], names: tuple[str, ...]) -> Item:
    return tuple(comparable(entry.get(name)) for name in names)


def field_items(record: dict[str, Any], name: str) -> list[Item]:
    """The scored items of one field of a ``docproc.notice/1`` record (see the module docstring)."""
    if name in SCALAR_FIELDS:
        value = comparable(record.get(name))
        return [] if value is None else [(value,)]
    if name in STRING_LIST_FIELDS:
        return [(comparable(v),) for v in record.get(name, [])]
    entries: list[dict[str, Any]] = record.get(name, [])
    if name == "cited_documents":
        return [_tuple(e, ("number",)) for e in entries]
    if name == "leaders":
        return [_tuple(e, ("group", "role", "name", "position")) for e in entries]
    if name == "contacts":
        return [
            (comparable(e.get("name")), comparable(e.get("org")), _sorted_joined(e.get("phones", [])),
             comparable(e.get("fax")), _sorted_joined(e.get("emails", [])), comparable(e.get("other")))
            for e in entries
        ]
    if name == "phases":
        return [_tuple(e, ("name", "start", "end")) for e in entries]
    if name == "deadlines":
        return [_tuple(e, ("date", "time", "recurring", "what")) for e in entries]
    if name == "tasks":
        return [
            (comparable(e.get("number")), comparable(e.get("title")), _sorted_joined(e.get("owners", [])),
             comparable(e.get("deadline")))
            for e in entries
        ]
    raise KeyError(f"not a scored field: {name}")


KEY_FIELDS = ("leaders", "contacts", "phases", "deadlines", "tasks")


def key_items(record: dict[str, Any], name: str) -> list[Item]:
    """The coarser items of a list field (see the module docstring)."""
    entries: list[dict[str, Any]] = record.get(name, [])
    if name == "leaders":
        return [(comparable(e.get("role")), comparable(e.get("name") or e.get("position"))) for e in entries]
    if name == "contacts":
        return [(comparable(e.get("name")), _sorted_joined(e.get("phones", []))) for e in entries]
    if name == "phases":
        return [_tuple(e, ("start", "end")) for e in entries]
    if name == "deadlines":
        return [_tuple(e, ("date", "recurring")) for e in entries]
    if name == "tasks":
        return [_tuple(e, ("number", "title")) for e in entries]
    raise KeyError(f"not a keyed field: {name}")


_DETAILS = {
    "leaders": ("group", "role", "name", "position"),
    "contacts": ("name", "org", "phones", "fax", "emails", "other"),
    "phases": ("name", "start", "end"),
    "deadlines": ("date", "time", "recurring", "what"),
    "tasks": ("number", "title", "owners", "deadline"),
}


def detail_differences(found: dict[str, Any], gold: dict[str, Any], name: str) -> Counter[str]:
    """For entries found whose key matches a gold entry but whose details do not: which sub-fields
    differ (counts only, no values — safe to report on held-out cases)."""
    unmatched_found, unmatched_gold = _unmatched(found.get(name, []), gold.get(name, []), name)
    out: Counter[str] = Counter()
    for entry in unmatched_found:
        key = key_items({name: [entry]}, name)[0]
        partner = next((g for g in unmatched_gold if key_items({name: [g]}, name)[0] == key), None)
        if partner is None:
            continue
        unmatched_gold.remove(partner)
        for sub in _DETAILS[name]:
            mine, theirs = entry.get(sub), partner.get(sub)
            if isinstance(mine, list) or isinstance(theirs, list):
                differs = _sorted_joined(mine or []) != _sorted_joined(theirs or [])
            else:
                differs = comparable(mine) != comparable(theirs)
            out[sub] += differs
    return +out


def _unmatched(found: list[dict[str, Any]], gold: list[dict[str, Any]],
               name: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The entries of each side that the strict comparison does not pair."""
    def rest(entries: list[dict[str, Any]], other: list[dict[str, Any]]) -> list[dict[str, Any]]:
        available = Counter(field_items({name: other}, name))
        out = []
        for entry, item in zip(entries, field_items({name: entries}, name), strict=True):
            if available[item] > 0:
                available[item] -= 1
            else:
                out.append(entry)
        return out

    return rest(found, gold), rest(gold, found)


@dataclass
class Counts:
    matched: int = 0
    found: int = 0
    expected: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.found += other.found
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0 if not self.expected else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0 if not self.found else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def compare_field(found: dict[str, Any], gold: dict[str, Any], name: str, *, key: bool = False) -> Counts:
    items = key_items if key else field_items
    got, want = Counter(items(found, name)), Counter(items(gold, name))
    return Counts(sum((got & want).values()), sum(got.values()), sum(want.values()))


def field_differences(found: dict[str, Any], gold: dict[str, Any], name: str) -> tuple[list[Item], list[Item]]:
    """(items found but not in the gold, gold items not found) of one field."""
    got, want = Counter(field_items(found, name)), Counter(field_items(gold, name))
    return list((got - want).elements()), list((want - got).elements())


@dataclass
class Score:
    """Per-field counts summed over the cases of one input kind."""

    fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})
    keys: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in KEY_FIELDS})
    details: dict[str, Counter[str]] = field(default_factory=lambda: {name: Counter() for name in KEY_FIELDS})
    cases: int = 0

    def add_record(self, found: dict[str, Any], gold: dict[str, Any]) -> None:
        self.cases += 1
        for name in FIELDS:
            self.fields[name].add(compare_field(found, gold, name))
        for name in KEY_FIELDS:
            self.keys[name].add(compare_field(found, gold, name, key=True))
            self.details[name].update(detail_differences(found, gold, name))

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.fields.values()) / len(self.fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "macro_f1": round(self.macro_f1, 4),
            "fields": {
                name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                       "matched": c.matched, "found": c.found, "expected": c.expected}
                for name, c in self.fields.items()
            },
            "key_f1": {name: round(c.f1, 4) for name, c in self.keys.items()},
            "detail_differences": {name: dict(sorted(c.items())) for name, c in self.details.items()},
        }
