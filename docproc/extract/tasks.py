"""Tasks: the numbered items (every level) of the sections that enumerate the work."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from docproc.extract.dates import find_date_ranges
from docproc.extract.metadata import compact
from docproc.extract.outline import OutlineNode, SectionClasses

_TRAILING_DATE = re.compile(r"[（(][^（）()]*\d[^（）()]*[）)]$")
_OWNER_SPLIT = re.compile(r"[、，,；;/]|及(?=[\u4e00-\u9fff]{2,}(?:局|委|办|院|部|会))")


@dataclass
class TaskHit:
    section: str
    number: str
    title: str
    text: str
    span: tuple[int, int]
    node_start: int
    owners: list[str] = field(default_factory=list)
    deadline: date | None = None


def task_title(heading: str) -> str:
    """The heading phrase without its trailing date parenthetical."""
    return compact(_TRAILING_DATE.sub("", heading.rstrip("。")))


def _owners(text: str, labels: tuple[str, ...]) -> list[str]:
    owners: list[str] = []
    pattern = re.compile(rf"(?:{'|'.join(labels)})\s*[：:]\s*(?P<value>[^；;。）)\n]+)")
    for match in pattern.finditer(text):
        for part in _OWNER_SPLIT.split(match.group("value")):
            value = compact(part)
            if value and value not in owners:
                owners.append(value)
    return owners


def _deadline(text: str, labels: tuple[str, ...], year: int | None) -> date | None:
    for label in labels:
        at = text.find(label)
        if at >= 0:
            ranges = find_date_ranges(text[at : at + 40])
            if ranges and (ranges[0].start.year or year):
                return ranges[0].start.resolve(ranges[0].start.year or year or 0, as_end=True)
    return None


def find_tasks(outline: list[OutlineNode], classes: SectionClasses, year: int | None) -> list[TaskHit]:
    tasks: list[TaskHit] = []
    for top in outline:
        if top.kind != "chapter" and top.kind != "section":
            continue
        if classes.classify(top.heading) != "task":
            continue
        section = task_title(top.heading)
        for node in top.walk()[1:]:
            title = task_title(node.heading)
            if not title:
                continue
            tasks.append(TaskHit(
                section=section,
                number=node.path_below_top(),
                title=title,
                text=compact(node.text),
                span=node.own_span,
                node_start=node.span[0],
                owners=_owners(node.text, classes.owner_labels),
                deadline=_deadline(node.text, classes.deadline_labels, year),
            ))
    return tasks
