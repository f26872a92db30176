"""Notices and self-check forms → one rectification ledger (``docproc.ledger/1``).

A notice gives one row per task that has no sub-tasks (a heading such as （一）规范行政执法队伍 becomes
the 所属类别 of its sub-tasks; in the inspection preset the headings fill 方面 → 内容 top-down); a
form gives one row per item that states a problem (its 检查项目 is the heading). A row's deadline is the task's own, else that of the
phase that covers it, else that of a notice deadline that covers it — never a deadline written for
another task; the row's note says which (:func:`resolve_task_deadline`). 责任领导, 责任单位 and 责任人
come from the notice where it names them (``docproc.ledger.responsibility``); an empty column says
why in 备注. Several inputs make one ledger, a task that two of them carry once (``drafts``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docproc.forms.items import problem_items
from docproc.ledger.drafts import RowDraft, finish, merge_duplicates
from docproc.ledger.presets import Preset, field_of_header, get_preset, iso_date_of
from docproc.ledger.responsibility import (
    MISSING,
    leader_in_charge,
    strip_slots,
    task_responsibility,
)
from docproc.ledger.rules import LedgerRules, ledger_rules
from docproc.model.form import Form, FormItem
from docproc.model.ledger import (
    DATE_FIELDS,
    TEXT_FIELDS,
    Ledger,
    LedgerRow,
    LedgerSource,
    SourceRef,
)
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


def task_ancestors(task: Task, tasks: Sequence[Task]) -> list[Task]:
    """The heading tasks above ``task``, outermost first (（一） above （一）1)."""
    return sorted((p for p in tasks if _is_child_number(p.number, task.number)), key=lambda p: len(p.number))


def leaf_tasks(tasks: Sequence[Task]) -> list[tuple[Task, Task | None]]:
    """The tasks without sub-tasks, each with its nearest heading task (or None)."""
    out: list[tuple[Task, Task | None]] = []
    for task in tasks:
        if any(_is_child_number(task.number, other.number) for other in tasks):
            continue
        ancestors = task_ancestors(task, tasks)
        out.append((task, ancestors[-1] if ancestors else None))
    return out


def _measures_of(task: Task, rules: LedgerRules) -> str | None:
    """The task's text after its title sentence (整改措施) without the labelled slots that have columns
    of their own (牵头单位、责任领导、完成时限 …), or None when nothing else is left."""
    text = task.text.strip()
    if text.startswith(task.title):
        text = text[len(task.title):].lstrip(_TITLE_END)
    return strip_slots(text, rules) or None


def _phase_span(phase: Phase) -> str:
    return f"{phase.start or '…'}至{phase.end or '…'}"


def _inside(inner: Task | Deadline, outer: Task) -> bool:
    if inner.evidence is None or outer.evidence is None:
        return False
    start, end = inner.evidence.span
    return outer.evidence.span[0] <= start and end <= outer.evidence.span[1]


def _names(deadline: Deadline, task: Task) -> bool:
    return bool(deadline.what) and (deadline.what in task.title or task.title in deadline.what)


def _belongs_to_another(deadline: Deadline, task: Task, tasks: Sequence[Task]) -> bool:
    """The deadline is written inside another task's text or names another task: it is that task's."""
    return any(other is not task and (_inside(deadline, other) or _names(deadline, other)) for other in tasks)


def resolve_task_deadline(task: Task, notice: Notice, rules: LedgerRules) -> ResolvedDeadline:
    """The deadline of a task's row, in this order of preference:

    1. the task's own deadline;
    2. a phase named like the task (集中建设阶段 for 推进设施建设), else the rectification phase
       (总结整改阶段 …): its end;
    3. a dated notice deadline written inside the task or naming it;
    4. the end of the campaign: the last phase's end, else a closing deadline (报送总结 …) that is not
       written for another task (a task never borrows another task's deadline);
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
        if _inside(deadline, task) or _names(deadline, task):
            return ResolvedDeadline(deadline.date, f"时限：取自文件时限要求“{deadline.what}”")
    if dated_phases:
        last = max(dated_phases, key=lambda p: p.end or "")
        return ResolvedDeadline(last.end, f"时限：取自工作结束时间（“{last.name}”止于{last.end}）")
    for deadline in sorted(dated_deadlines, key=lambda d: d.date or "", reverse=True):
        if _belongs_to_another(deadline, task, notice.tasks):
            continue
        if any(word in deadline.what for word in rules.closing_deadline_keywords):
            return ResolvedDeadline(deadline.date, f"时限：取自文件时限要求“{deadline.what}”")
    return ResolvedDeadline(None, "时限：原文未规定，请填写")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def notice_label(notice: Notice) -> str:
    """问题来源 of a notice's rows: its title with its 文号 (else the 文号, else the file name)."""
    if notice.title and notice.doc_number:
        return f"{notice.title}（{notice.doc_number}）"
    return notice.title or notice.doc_number or notice.source.file


# Columns a notice never fills (a hazard inspection's unit and day come from its form).
_INSPECTION_FIELDS = ("inspected_unit", "inspected_on")


def drafts_from_notice(notice: Notice, rules: LedgerRules | None = None) -> list[RowDraft]:
    """One draft per task without sub-tasks (``no`` is 0 here; :func:`build_ledger` numbers rows)."""
    rules = rules or ledger_rules()
    leader = leader_in_charge(notice, rules)
    problem_source = notice_label(notice)
    drafts: list[RowDraft] = []
    for task, _ in leaf_tasks(notice.tasks):
        ancestors = task_ancestors(task, notice.tasks)
        resolved = resolve_task_deadline(task, notice, rules)
        who = task_responsibility(task, leader, rules)
        row = LedgerRow(
            no=0,
            item=task.title,
            measures=_measures_of(task, rules),
            leader=who.leader.value,
            owner_unit=who.owner_unit.value,
            owner_person=who.owner_person.value,
            deadline=resolved.date,
            problem_source=problem_source,
            source_ref=SourceRef(
                doc_number=notice.doc_number,
                task=task.number,
                page=None if task.evidence is None else task.evidence.page,
                file=notice.source.file,
                title=notice.title,
            ),
        )
        notes = {"deadline": resolved.note} | dict.fromkeys(_INSPECTION_FIELDS, MISSING)
        for name, filled in (("leader", who.leader), ("owner_unit", who.owner_unit), ("owner_person", who.owner_person)):
            if filled.note:
                notes[name] = filled.note
        drafts.append(RowDraft(row, notes, [a.title for a in ancestors], task.section))
    return drafts


def rows_from_notice(notice: Notice, rules: LedgerRules | None = None, preset: Preset | None = None) -> list[LedgerRow]:
    """One row per task without sub-tasks, its 备注 written for ``preset`` (default campaign)."""
    return finish(drafts_from_notice(notice, rules), preset or get_preset())


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


def _owner_field(item: FormItem) -> str:
    """Which column the form's owner cell fills, by its header: 责任领导 → leader, 责任人/负责人 → person,
    责任单位/责任科室 → unit."""
    header = "" if item.evidence is None else item.evidence.columns.get("owner", "")
    if "领导" in header:
        return "leader"
    if "人" in header and "单位" not in header:
        return "owner_person"
    return "owner_unit"


FORM_MISSING = "自查表未写明，请填写"
_FORM_EXTRA_FIELDS = frozenset(TEXT_FIELDS) - {"note", "measures", "deadline"}


def _form_extras(item: FormItem) -> dict[str, str]:
    """Columns of the form that no form field claims but a ledger column does (被检查单位, 检查日期,
    责任领导 …), by the ledger's header words; dates as ISO when they read as one."""
    values: dict[str, str] = {}
    for header, text in item.extra.items():
        name = field_of_header(header)
        if name not in _FORM_EXTRA_FIELDS or not text.strip() or name in values:
            continue
        value = iso_date_of(text) if name in DATE_FIELDS else text.strip()
        if value:
            values[name] = value
    return values


def drafts_from_form(form: Form) -> list[RowDraft]:
    """One draft per item that states a problem (存在问题); its 检查项目 becomes the 所属类别."""
    drafts: list[RowDraft] = []
    for item in problem_items(form):
        row = LedgerRow(
            no=0,
            item=(item.problem or "").strip(),
            measures=item.measure,
            deadline=item.deadline,
            problem_source=form.title or form.source.file,
            source_ref=SourceRef(
                doc_number=None,
                task=_form_item_ref(item),
                page=None if item.evidence is None else item.evidence.page,
                file=form.source.file,
                title=form.title,
            ),
        )
        setattr(row, _owner_field(item), item.owner)
        for name, value in _form_extras(item).items():
            if getattr(row, name) in (None, ""):
                setattr(row, name, value)
        notes = {"deadline": _form_deadline_note(item)}
        for name in ("leader", "owner_unit", "owner_person", *_INSPECTION_FIELDS):
            if getattr(row, name) in (None, ""):
                notes[name] = FORM_MISSING
        drafts.append(RowDraft(row, notes, [item.item] if item.item else []))
    return drafts


def rows_from_form(form: Form, preset: Preset | None = None) -> list[LedgerRow]:
    """One row per item that states a problem, its 备注 written for ``preset`` (default campaign)."""
    return finish(drafts_from_form(form), preset or get_preset())


def drafts_of(records: Iterable[Notice | Form], rules: LedgerRules | None = None) -> list[RowDraft]:
    """The drafts of several inputs in order, a task that two of them carry merged into one."""
    rules = rules or ledger_rules()
    drafts: list[RowDraft] = []
    for record in records:
        drafts.extend(drafts_from_notice(record, rules) if isinstance(record, Notice) else drafts_from_form(record))
    return merge_duplicates(drafts)


def _source_of(record: Notice | Form) -> LedgerSource:
    if isinstance(record, Notice):
        return LedgerSource(file=record.source.file, doc_number=record.doc_number, title=record.title)
    return LedgerSource(file=record.source.file, doc_number=None, title=record.title)


def number_rows(rows: Iterable[LedgerRow], start: int = 1, seen: set[tuple[str, str]] | None = None) -> list[LedgerRow]:
    """Rows numbered from ``start``; a row whose source and task were seen before (in ``seen`` or an
    earlier row) is dropped."""
    seen = set() if seen is None else set(seen)
    out: list[LedgerRow] = []
    for row in rows:
        keys = {ref.key() for ref in row.source_refs() if ref.task is not None}
        if keys & seen:
            continue
        seen |= keys
        row.no = start + len(out)
        out.append(row)
    return out


def build_ledger(
    records: Sequence[Notice | Form],
    *,
    title: str | None = None,
    unit: str | None = None,
    date: str | None = None,
    preset: str | None = None,
) -> Ledger:
    """Notices and forms, in order, merged into one ledger laid out in ``preset`` (default campaign).

    ``title`` defaults to the single source's title turned into a ledger title (…整改台账), ``date``
    (填报日期, ISO) to today, ``unit`` (填报单位) to none. A task that two inputs carry (a notice and the
    notice forwarding it) is one row with both sources.
    """
    rules = ledger_rules()
    layout = get_preset(preset)
    rows = finish(drafts_of(records, rules), layout)
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
        preset=layout.name,
    )
