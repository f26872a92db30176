"""Notices and self-check forms → one rectification ledger (``docproc.ledger/1``).

A notice gives one row per task that has no sub-tasks (a heading such as （一）规范行政执法队伍 becomes
the 所属类别 of its sub-tasks); a form gives one row per item that states a problem. A row's deadline is
the task's own, else that of the phase that covers it, else that of a notice deadline that covers it;
the row's note says which (:func:`resolve_task_deadline`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docproc.ledger.rules import LedgerRules, ledger_rules
from docproc.model.form import Form, FormItem
from docproc.model.ledger import Ledger, LedgerRow, LedgerSource, SourceRef
from docproc.model.notice import Deadline, Notice, Phase, Task

# Punctuation that ends a task's title inside its text (加强行政执法人员管理。依托……).
_TITLE_END = "。.；;：:，, "


@dataclass(frozen=True)
class ResolvedDeadline:
    """A row's deadline and the sentence of the note that says where it came from."""

    date: str | None
    note: str


def _is_child_number(parent: str, other: str) -> bool:
    """``（一）1`` is a sub-task of ``（一）``; ``（一）10`` is not one of ``（一）1``."""
    if len(other) <= len(parent) or not other.startswith(parent):
        return False
    return not (parent[-1].isdigit() and other[len(parent)].isdigit())


def leaf_tasks(tasks: Sequence[Task]) -> list[tuple[Task, Task | None]]:
    """The tasks without sub-tasks, each with its nearest heading task (or None)."""
    out: list[tuple[Task, Task | None]] = []
    for task in tasks:
        if any(_is_child_number(task.number, other.number) for other in tasks):
            continue
        parents = [p for p in tasks if _is_child_number(p.number, task.number)]
        parent = max(parents, key=lambda p: len(p.number)) if parents else None
        out.append((task, parent))
    return out


def _measures_of(task: Task) -> str | None:
    """The task's text after its title sentence (整改措施), or None when the text is the title alone."""
    text = task.text.strip()
    if text.startswith(task.title):
        text = text[len(task.title):].lstrip(_TITLE_END)
    return text or None


def _phase_span(phase: Phase) -> str:
    return f"{phase.start or '…'}至{phase.end or '…'}"


def _inside(inner: Task | Deadline, outer: Task) -> bool:
    if inner.evidence is None or outer.evidence is None:
        return False
    start, end = inner.evidence.span
    return outer.evidence.span[0] <= start and end <= outer.evidence.span[1]


def resolve_task_deadline(task: Task, notice: Notice, rules: LedgerRules) -> ResolvedDeadline:
    """The deadline of a task's row, in this order of preference:

    1. the task's own deadline;
    2. a phase named like the task (集中建设阶段 for 推进设施建设), else the rectification phase
       (总结整改阶段 …): its end;
    3. a dated notice deadline written inside the task or naming it;
    4. the end of the campaign: the last phase's end, else a closing deadline (报送总结 …);
    5. none (the note says the notice sets no deadline).
    """
    if task.deadline:
        return ResolvedDeadline(task.deadline, "时限：任务原文")
    dated_phases = [p for p in notice.phases if p.end]
    for phase in dated_phases:
        if rules.phase_name_bigrams(phase.name) & _bigrams(task.title):
            return ResolvedDeadline(phase.end, f"时限：取自“{phase.name}”（{_phase_span(phase)}）")
    for phase in dated_phases:
        if any(word in phase.name for word in rules.rectification_phase_keywords):
            return ResolvedDeadline(phase.end, f"时限：取自整改阶段“{phase.name}”（{_phase_span(phase)}）")
    dated_deadlines = [d for d in notice.deadlines if d.date]
    for deadline in dated_deadlines:
        if _inside(deadline, task) or (deadline.what and (deadline.what in task.title or task.title in deadline.what)):
            return ResolvedDeadline(deadline.date, f"时限：取自文件时限要求“{deadline.what}”")
    if dated_phases:
        last = max(dated_phases, key=lambda p: p.end or "")
        return ResolvedDeadline(last.end, f"时限：取自工作结束时间（“{last.name}”止于{last.end}）")
    for deadline in sorted(dated_deadlines, key=lambda d: d.date or "", reverse=True):
        if any(word in deadline.what for word in rules.closing_deadline_keywords):
            return ResolvedDeadline(deadline.date, f"时限：取自文件时限要求“{deadline.what}”")
    return ResolvedDeadline(None, "时限：原文未规定，请填写")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def rows_from_notice(notice: Notice, rules: LedgerRules | None = None) -> list[LedgerRow]:
    """One row per task without sub-tasks (``no`` is 0 here; :func:`build_ledger` numbers rows)."""
    rules = rules or ledger_rules()
    rows: list[LedgerRow] = []
    for task, parent in leaf_tasks(notice.tasks):
        resolved = resolve_task_deadline(task, notice, rules)
        rows.append(
            LedgerRow(
                no=0,
                item=task.title,
                measures=_measures_of(task),
                owner_unit="、".join(task.owners) or None,
                deadline=resolved.date,
                note=resolved.note,
                category=None if parent is None else parent.title,
                source_ref=SourceRef(
                    doc_number=notice.doc_number,
                    task=task.number,
                    page=None if task.evidence is None else task.evidence.page,
                    file=notice.source.file,
                    title=notice.title,
                ),
            )
        )
    return rows


def _form_item_ref(item: FormItem) -> str | None:
    if item.number:
        return item.number
    if item.evidence is not None:
        return f"表{item.evidence.table + 1}第{item.evidence.row + 1}行"
    return None


def _form_deadline_note(item: FormItem) -> str:
    if item.deadline:
        return "时限：自查表"
    raw = None if item.evidence is None else item.evidence.raw.get("deadline")
    return f"时限：自查表写“{raw}”" if raw else "时限：自查表未填，请填写"


def _owner_is_person(item: FormItem) -> bool:
    """The 责任人 column names a person; 责任单位/责任科室 name a unit."""
    header = "" if item.evidence is None else item.evidence.columns.get("owner", "")
    return "人" in header and "单位" not in header


def rows_from_form(form: Form) -> list[LedgerRow]:
    """One row per item that states a problem (存在问题); its 检查项目 becomes the 所属类别."""
    rows: list[LedgerRow] = []
    for item in form.problems():
        person = _owner_is_person(item)
        rows.append(
            LedgerRow(
                no=0,
                item=(item.problem or "").strip(),
                measures=item.measure,
                owner_unit=None if person else item.owner,
                owner_person=item.owner if person else None,
                deadline=item.deadline,
                note=_form_deadline_note(item),
                category=item.item,
                source_ref=SourceRef(
                    doc_number=None,
                    task=_form_item_ref(item),
                    page=None if item.evidence is None else item.evidence.page,
                    file=form.source.file,
                    title=form.title,
                ),
            )
        )
    return rows


def _source_of(record: Notice | Form) -> LedgerSource:
    if isinstance(record, Notice):
        return LedgerSource(file=record.source.file, doc_number=record.doc_number, title=record.title)
    return LedgerSource(file=record.source.file, doc_number=None, title=record.title)


def number_rows(rows: Iterable[LedgerRow], start: int = 1) -> list[LedgerRow]:
    """Rows numbered from ``start``; a row whose source and task were seen before is dropped."""
    seen: set[tuple[str, str]] = set()
    out: list[LedgerRow] = []
    for row in rows:
        if row.source_ref.task is not None:
            key = row.source_ref.key()
            if key in seen:
                continue
            seen.add(key)
        row.no = start + len(out)
        out.append(row)
    return out


def build_ledger(
    records: Sequence[Notice | Form],
    *,
    title: str | None = None,
    unit: str | None = None,
    date: str | None = None,
) -> Ledger:
    """Notices and forms, in order, merged into one ledger.

    ``title`` defaults to the single source's title turned into a ledger title (…整改台账), ``date``
    (填报日期, ISO) to today, ``unit`` (填报单位) to none.
    """
    rules = ledger_rules()
    rows: list[LedgerRow] = []
    for record in records:
        rows.extend(rows_from_notice(record, rules) if isinstance(record, Notice) else rows_from_form(record))
    sources = [_source_of(r) for r in records]
    if title is None:
        titles = {s.title for s in sources if s.title}
        title = rules.ledger_title(titles.pop()) if len(titles) == 1 else rules.default_title
    return Ledger(
        title=title,
        unit=unit,
        generated_on=date or dt.date.today().isoformat(),
        sources=sources,
        rows=number_rows(rows),
    )
