"""Ledger rows before they are numbered: a note per column, and one row per task across inputs.

A :class:`RowDraft` is a row with, for each column, the note that says where its value came from or
why it is empty (``时限：取自…``, ``责任领导：取自…组长``, ``责任单位：原文未明确，请填写``);
:func:`compose_note` writes the 备注 cell from the notes of the columns a preset shows, so a hazard
ledger does not speak of 责任领导.

A row keeps only the fields its preset shows.

The same task often reaches an office twice: in a notice and in the notice that forwards it (转发),
or in a plan and its re-issue. :func:`merge_duplicates` keeps one row for it — the first input's —
with the other inputs in ``also_from``; a column the first leaves empty is taken from the other.
Two rows are the same task when they come from different documents, their items read the same
(NFKC, punctuation and spaces ignored) and their measures do too (or nearly: ≥ 90 % alike, OCR).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from docproc.ledger.presets import Preset
from docproc.model.ledger import TEXT_FIELDS, LedgerRow

SIMILAR_MEASURES = 0.9


@dataclass
class RowDraft:
    """A row, its notes by field (``deadline``'s note is a whole sentence, the others a reason that
    :func:`compose_note` prefixes with the column's header), and the headings above its task
    (outermost first) and its section, which a preset turns into 所属类别 or 方面/内容."""

    row: LedgerRow
    notes: dict[str, str] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    section: str | None = None


def compose_note(draft: RowDraft, preset: Preset) -> str | None:
    """备注: the deadline's note, then the notes of the other columns the preset shows, in their order."""
    parts: list[str] = []
    if "deadline" in draft.notes and preset.shows("deadline"):
        parts.append(draft.notes["deadline"])
    for column in preset.visible:
        note = draft.notes.get(column.field)
        if note and column.field != "deadline":
            parts.append(f"{column.header}：{note}")
    return "；".join(parts) or None


def finish(drafts: Iterable[RowDraft], preset: Preset) -> list[LedgerRow]:
    """The rows of the drafts as ``preset`` lays them out: its 备注 written, the fields it has no column
    for left empty (a ledger record holds what its file shows, so reading the XLSX back gives it again)."""
    rows = []
    for draft in drafts:
        for name, value in preset.levels(draft.headings, draft.section).items():
            setattr(draft.row, name, value)
        for name in TEXT_FIELDS:
            if not preset.shows(name):
                setattr(draft.row, name, None)
        draft.row.note = compose_note(draft, preset)
        rows.append(draft.row)
    return rows


def _plain(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch).startswith("P")))


def _alike(first: str | None, other: str | None) -> bool:
    a, b = _plain(first), _plain(other)
    if a == b:
        return True
    if not a or not b:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= SIMILAR_MEASURES and matcher.ratio() >= SIMILAR_MEASURES


def _document(row: LedgerRow) -> str:
    return row.source_ref.key()[0]


def same_task(first: LedgerRow, other: LedgerRow) -> bool:
    """Two rows from different documents that state the same task (see the module's docstring)."""
    item = _plain(first.item)
    return (
        bool(item)
        and _document(first) != _document(other)
        and item == _plain(other.item)
        and _alike(first.measures, other.measures)
    )


def _absorb(keep: RowDraft, duplicate: RowDraft) -> None:
    known = {ref.key() for ref in keep.row.source_refs()}
    for ref in duplicate.row.source_refs():
        if ref.key() not in known:
            keep.row.also_from.append(ref)
            known.add(ref.key())
    for name in TEXT_FIELDS:
        if name == "note" or getattr(keep.row, name) not in (None, ""):
            continue
        value = getattr(duplicate.row, name)
        if value in (None, ""):
            continue
        setattr(keep.row, name, value)
        keep.notes.pop(name, None)
        if name in duplicate.notes:
            keep.notes[name] = duplicate.notes[name]


def merge_duplicates(drafts: Iterable[RowDraft]) -> list[RowDraft]:
    """One draft per task: a later draft of the same task (:func:`same_task`) is merged into the first."""
    kept: list[RowDraft] = []
    by_item: dict[str, list[RowDraft]] = {}
    for draft in drafts:
        candidates = by_item.setdefault(_plain(draft.row.item), [])
        twin = next((c for c in candidates if same_task(c.row, draft.row)), None)
        if twin is None:
            candidates.append(draft)
            kept.append(draft)
        else:
            _absorb(twin, draft)
    return kept
