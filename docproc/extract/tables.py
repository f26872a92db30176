"""Tables of a notice's text — rows of TAB-separated cells, as a saved web page or a text copy of a
Word table gives them — read for the leaders and contacts they list.

A member table (``序号 成员单位 分管领导 职务 联系电话 联络员 联系电话``) under a group's heading lists
the group's members: each column of people is a role (a role word heads it — 联络员 — or else 成员),
their position is the row's unit and the 职务 printed beside them; each phone column belongs to the
person column left of it, and gives a contact with the row's unit as ``org``. Which headers mean what
is data: ``models/extract/tables.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from docproc.extract.contacts import ContactHit
from docproc.extract.leader_entries import is_person_name
from docproc.extract.leader_lexicon import LeaderLexicon, default_lexicon
from docproc.extract.metadata import compact
from docproc.normalize.rules import models_dir

_PHONE = re.compile(r"^(?:\d{3,4}-)?\d{7,8}$|^1[3-9]\d{8,9}$")


@dataclass
class Cell:
    text: str
    span: tuple[int, int]


@dataclass
class Table:
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    start: int = 0  # where the header row starts in the text


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class TableCues:
    person_headers: tuple[str, ...]
    role_person_headers: tuple[str, ...]  # a column of people whose header is their role (联络员)
    unit_headers: tuple[str, ...]
    position_headers: tuple[str, ...]
    phone_headers: tuple[str, ...]
    role_headers: tuple[str, ...]  # a column holding each row's role (组内职务)
    contact_person_headers: tuple[str, ...]  # people listed as contacts only (联系人)


@lru_cache(maxsize=1)
def load_table_cues() -> TableCues:
    data = json.loads((models_dir() / "extract" / "tables.json").read_text(encoding="utf-8"))
    return TableCues(**{name: tuple(data[name]) for name in TableCues.__dataclass_fields__})


def find_tables(text: str) -> list[Table]:
    """Runs of TAB-separated lines; the first line is the header when it holds no digit."""
    tables: list[Table] = []
    current: Table | None = None
    position = 0
    for line in text.split("\n"):
        start = position
        position += len(line) + 1
        if "\t" not in line:
            current = None
            continue
        cells, cursor = [], start
        for raw in line.split("\t"):
            cells.append(Cell(compact(raw), (cursor, cursor + len(raw))))
            cursor += len(raw) + 1
        if current is None:
            if re.search(r"\d", line):
                continue
            current = Table(header=[c.text for c in cells], start=start)
            tables.append(current)
        else:
            current.rows.append(cells)
    return [table for table in tables if table.rows]


def _columns(header: list[str], names: tuple[str, ...]) -> list[int]:
    return [i for i, cell in enumerate(header) if any(name in cell for name in names)]


def _person_columns(table: Table, cues: TableCues) -> list[tuple[int, str]]:
    """(column, role) of every column of people."""
    out = []
    for index, cell in enumerate(table.header):
        if cell in cues.role_person_headers or any(cell.endswith(h) for h in cues.role_person_headers):
            out.append((index, next(h for h in cues.role_person_headers if cell.endswith(h))))
        elif any(h in cell for h in cues.person_headers):
            out.append((index, "成员"))
    return out


def _cell(row: list[Cell], index: int) -> Cell | None:
    return row[index] if 0 <= index < len(row) and row[index].text else None


def table_leaders(table: Table, group: str, lexicon: LeaderLexicon | None = None,
                  cues: TableCues | None = None) -> list[tuple[str, str, str | None, tuple[int, int]]]:
    """(role, name, position, span) of every person of a member table."""
    lexicon = lexicon or default_lexicon()
    cues = cues or load_table_cues()
    people = _person_columns(table, cues)
    units = _columns(table.header, cues.unit_headers)
    positions = _columns(table.header, cues.position_headers)
    roles = _columns(table.header, cues.role_headers)
    out = []
    for row in table.rows:
        unit = _cell(row, units[0]).text if units and _cell(row, units[0]) else ""  # type: ignore[union-attr]
        for column, role in people:
            person = _cell(row, column)
            if person is None or not is_person_name(person.text, lexicon):
                continue
            own_position = next((_cell(row, p) for p in positions if p == column + 1), None)
            role_cell = _cell(row, roles[0]) if roles else None
            position = unit + (own_position.text if own_position else "")
            out.append((role_cell.text if role_cell else role, person.text, position or None, person.span))
    return out


def table_contacts(table: Table, lexicon: LeaderLexicon | None = None,
                   cues: TableCues | None = None) -> list[ContactHit]:
    """A contact for every person with a phone in the next phone column to their right."""
    lexicon = lexicon or default_lexicon()
    cues = cues or load_table_cues()
    people = sorted([column for column, _ in _person_columns(table, cues)]
                    + _columns(table.header, cues.contact_person_headers))
    phones = _columns(table.header, cues.phone_headers)
    units = _columns(table.header, cues.unit_headers)
    out = []
    for row in table.rows:
        unit = _cell(row, units[0]) if units else None
        for column in people:
            person = _cell(row, column)
            phone_column = next((p for p in phones if p > column and not any(column < q < p for q in people)), None)
            phone = _cell(row, phone_column) if phone_column is not None else None
            if person is None or phone is None or not is_person_name(person.text, lexicon):
                continue
            numbers = [n for n in re.split(r"[、/，,\s]+", phone.text) if _PHONE.match(n)]
            if numbers:
                out.append(ContactHit(person.text, unit.text if unit else None, numbers, None, [], None,
                                      (person.span[0], phone.span[1]), "contacts.table.v1"))
    return out
