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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from docproc.extract.contacts import ContactHit
from docproc.extract.found import compact
from docproc.extract.leader_entries import is_person_name
from docproc.extract.leader_lexicon import LeaderLexicon, default_lexicon
from docproc.extract.leader_runs import is_position
from docproc.extract.textmatch import alternation
from docproc.normalize.rules import models_dir

_PHONE = re.compile(r"^(?:\d{3,4}-)?\d{7,8}$|^1[3-9]\d{8,9}$|^1[3-9]\d[xX*×]{4}\d{4}$")  # 139xxxx5518: masked by the page


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
    serial_headers: tuple[str, ...] = ()  # 序号: the row number
    post_openers: str = ""  # 林平|副部长: how a post glued to a two-character name may open


@lru_cache(maxsize=1)
def load_table_cues() -> TableCues:
    data = json.loads((models_dir() / "extract" / "tables.json").read_text(encoding="utf-8"))
    lists = {name: tuple(data[name]) for name in TableCues.__dataclass_fields__ if name != "post_openers"}
    return TableCues(**lists, post_openers=data["post_openers"])


def find_tables(text: str) -> list[Table]:
    """Runs of TAB-separated lines (the first line is the header when it holds no digit), tables
    a scan or a plain copy printed with spaces (:func:`find_spaced_tables`), and numbered tables a web
    copy ran into one line or spread one cell a line (:func:`find_run_on_tables`)."""
    tables = _tab_tables(text) + find_spaced_tables(text)
    read = {cell.span[0] for table in tables for row in table.rows for cell in row}
    return tables + [table for table in find_run_on_tables(text) + find_glued_tables(text)
                     if not any(cell.span[0] in read for row in table.rows for cell in row)]


# ---------------------------------------------------------------- tables a copy glued cell to cell

# 序号部门姓名联系方式1机关党委任小强139xxxx55182党群工作处李 福136xxxx9596…: a four-column contact table whose
# cells a web copy ran together without a gap; the numbers (masked ones too) and the row numbers divide it
_GLUED_HEADER = re.compile(r"序号\s*(?P<unit>部门|单位|单位名称|所在单位|工作单位)\s*(?P<person>姓名|联系人)\s*"
                           r"(?P<phone>联系方式|联系电话|电话|手机号码|手机)")
_GLUED_ROW = re.compile(r"\s*(?P<serial>\d{1,3})\s*(?P<body>[\u4e00-\u9fff（）()][\u4e00-\u9fff（）() \u3000]{2,40}?)\s*"
                        r"(?P<phone>1[3-9]\d(?:\d{4}|[xX*×]{4})\d{4}|(?:0\d{2,3}-)?[2-9]\d{6,7})")


def find_glued_tables(text: str) -> list[Table]:
    """Tables of unit, person and number whose cells a copy glued together (see ``_GLUED_HEADER``): a row is
    its number, the unit (ending as units do), the person's name (two or three characters, or two spaced)
    and the number, the rows numbered 1, 2, 3 …"""
    lexicon = default_lexicon()
    tables = []
    for header in _GLUED_HEADER.finditer(text):
        table = Table(header=["序号", header.group("unit"), header.group("person"), header.group("phone")], start=header.start())
        position, number = header.end(), 1
        while (row := _GLUED_ROW.match(text, position)) is not None and int(row.group("serial")) == number:
            body, at = row.group("body").rstrip(), row.start("body")
            cut = _glued_person(body, lexicon)
            if cut is None:
                break
            unit = body[:cut].rstrip(" \u3000")
            table.rows.append([Cell(row.group("serial"), row.span("serial")), Cell(unit, (at, at + len(unit))),
                               Cell(compact(body[cut:]), (at + cut, at + len(body))),
                               Cell(row.group("phone"), row.span("phone"))])
            position, number = row.end(), number + 1
        if table.rows:
            tables.append(table)
    return tables


def _glued_person(body: str, lexicon: LeaderLexicon) -> int | None:
    """Where the person's name starts in a glued row's ``机关党委任小强``: after a unit, a name of three
    characters, else two (a name printed spaced, ``李 福``, is two)."""
    for size in (3, 2) if " " not in body[-3:] and "\u3000" not in body[-3:] else (3,):
        name = body[-size:]
        unit = body[:-size].rstrip(" \u3000")
        if unit.endswith(lexicon.unit_endings) and is_person_name(compact(name), lexicon) and name[0] in lexicon.surnames:
            return len(body) - size
    return None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with where it starts."""
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


def _tab_tables(text: str) -> list[Table]:
    tables: list[Table] = []
    current: Table | None = None
    for start, line in _lines(text):
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
    """A contact for every person with a phone in the next phone column to their right; in a table of
    units without people, one for every unit with a number."""
    lexicon = lexicon or default_lexicon()
    cues = cues or load_table_cues()
    people = sorted([column for column, _ in _person_columns(table, cues)]
                    + _columns(table.header, cues.contact_person_headers))
    phones = _columns(table.header, cues.phone_headers)
    units = _columns(table.header, cues.unit_headers)
    out = []
    for row in table.rows:
        unit = _cell(row, units[0]) if units else None
        if not people and unit is not None:  # 区公安局 0591-24311110: a unit's own number, no person
            numbers = [n for p in phones if (c := _cell(row, p)) for n in re.split(r"[、/，,\s]+", c.text) if _PHONE.match(n)]
            if numbers:
                out.append(ContactHit(None, unit.text, numbers, None, [], None, (unit.span[0], row[-1].span[1]),
                                      "contacts.unit_table.v1"))
        for column in people:
            person = _cell(row, column)
            # every phone column right of the person up to the next person's (办公电话 手机: both theirs)
            cells = [c for p in phones if p > column and not any(column < q < p for q in people)
                     if (c := _cell(row, p)) is not None]
            if person is None or not cells or not is_person_name(person.text, lexicon):
                continue
            numbers = [n for cell in cells for n in re.split(r"[、/，,\s]+", cell.text) if _PHONE.match(n)]
            if numbers:
                out.append(ContactHit(person.text, unit.text if unit else None, numbers, None, [], None,
                                      (person.span[0], cells[-1].span[1]), "contacts.table.v1"))
    return out


# ---------------------------------------------------------------- tables printed with spaces

_ROW_NUMBER = re.compile(r"^[ \t\u3000]*(?P<number>\d{1,3})[ \t\u3000.．、]+")
_CELL = re.compile(r"[^ \t\u3000]+")
_PHONES_AND_NAMES = re.compile(r"[\u4e00-\u9fff]+|(?:\d{3,4}-)?\d+")
_WHOLE_PHONE = re.compile(r"^(?:(?:\d{3,4}-)?[2-9]\d{6,7}|1[3-9]\d{9})$")


@lru_cache(maxsize=4)
def _people_headers(cues: TableCues) -> frozenset[str]:
    """Headers of a column of people: members, people headed by their role, contacts."""
    return frozenset({*cues.person_headers, *cues.role_person_headers, *cues.contact_person_headers})


@lru_cache(maxsize=4)
def _header_word(cues: TableCues) -> re.Pattern[str]:
    """One header word at a position, the longest first (``联系电话`` before ``联系``)."""
    words = {*cues.person_headers, *cues.role_person_headers, *cues.unit_headers, *cues.position_headers,
             *cues.phone_headers, *cues.role_headers, *cues.contact_person_headers, *cues.serial_headers}
    return re.compile(alternation((compact(w) for w in words), longest_first=True))


def _segment_header(line: str, cues: TableCues) -> list[str] | None:
    """``序号 成员单位 分管领导职务 联系电话`` → its header words, OCR-glued ones apart; None unless the
    line is made of header words only, three or more, one of them naming people."""
    out = _segment_words(line, cues)
    return out if out is not None and len(out) >= 3 and _names_columns(out, cues) else None


def _names_columns(words: list[str], cues: TableCues) -> bool:
    """Whether header words head a table docproc reads: a column of people, or units with their phones
    (``序号 单位 值班电话``: a duty-phone list of member units)."""
    return any(w in _people_headers(cues) for w in words) or (
        any(w in cues.unit_headers for w in words) and any(w in cues.phone_headers for w in words))


def _row_cells(line: str, start: int, width: int, cues: TableCues) -> list[Cell] | None:
    """The cells of a numbered row, a name glued to its number split off and a number a gap broke
    joined again; None unless they come to ``width``."""
    cells = [Cell(m.group(), (start + m.start(), start + m.end())) for m in _CELL.finditer(line)]
    out: list[Cell] = []
    for cell in cells:
        pieces = _PHONES_AND_NAMES.findall(cell.text)
        if len(pieces) > 1 and "".join(pieces) == cell.text and all(
                _WHOLE_PHONE.match(p) or re.fullmatch(r"[\u4e00-\u9fff]{2,3}", p) for p in pieces):
            # 林道胜13960893171, 13675016789刘必胜13675016789: names and whole numbers run together
            cursor = cell.span[0]
            for piece in pieces:
                out.append(Cell(piece, (cursor, cursor + len(piece))))
                cursor += len(piece)
        elif out and cell.text.isdigit() and out[-1].text.isdigit() and not _WHOLE_PHONE.match(out[-1].text) \
                and _WHOLE_PHONE.match(out[-1].text + cell.text):  # 13805039 357
            out[-1] = Cell(out[-1].text + cell.text, (out[-1].span[0], cell.span[1]))
        else:
            out.append(cell)
    if len(out) == width - 1:  # 林平副部长: a name glued to its post, one cell short
        lexicon = default_lexicon()
        for index, cell in enumerate(out):
            lengths = (2, 3) if cell.text[2:3] in cues.post_openers else (3, 2)  # 林平|副部长
            split = next((n for n in lengths if is_person_name(cell.text[:n], lexicon)
                          and cell.text[:1] in lexicon.surnames and is_position(cell.text[n:], lexicon)), None)
            if split is None:  # 福建银监局平潭办事处吴志扬: a unit with its person's name glued on
                split = next((len(cell.text) - n for n in (3, 2) if len(cell.text) - n >= 3
                              and cell.text[:-n].endswith(lexicon.unit_endings) and cell.text[-n] in lexicon.common_surnames
                              and is_person_name(cell.text[-n:], lexicon)), None)
            if split is not None:
                cut = cell.span[0] + split
                out[index : index + 1] = [Cell(cell.text[:split], (cell.span[0], cut)), Cell(cell.text[split:], (cut, cell.span[1]))]
                break
    return out if len(out) == width else None


def find_spaced_tables(text: str, cues: TableCues | None = None) -> list[Table]:
    """Tables printed with spaces between their cells (a scan's OCR, a plain copy of a Word table):
    a line of header words, then rows that open with their number; a row whose cells do not come to
    the header's count is left out."""
    cues = cues or load_table_cues()
    tables: list[Table] = []
    current: Table | None = None
    for start, line in _lines(text):
        if "\t" in line:
            current = None
            continue
        if current is not None and _ROW_NUMBER.match(line):
            cells = _row_cells(line, start, len(current.header), cues)
            if cells is not None:
                current.rows.append(cells)
            continue
        header = None if re.search(r"\d", line) else _segment_header(line, cues)
        current = Table(header=header, start=start) if header else None
        if current is not None:
            tables.append(current)
    return [table for table in tables if table.rows]


# ---------------------------------------------------------------- numbered tables run into one line

_TOKEN = re.compile(r"[^ \t\u3000\n]+")
RUN_ON_ROW_SLACK = 3  # cells a row may hold beyond its header's count before its next number is looked for


def _serial(token: str) -> int | None:
    match = re.fullmatch(r"(\d{1,3})[.．、]?", token)
    return int(match.group(1)) if match else None


def find_run_on_tables(text: str, cues: TableCues | None = None) -> list[Table]:
    """Tables whose header opens with 序号 and whose rows open with 1, 2, 3 … as a web page's text copy
    prints them: run into one line (``序号 姓名 单位 职务 联系电话 1 张三 城关镇 副镇长 138… 2 …``) or
    one cell a line. A row is kept when its cells come to the header's count."""
    cues = cues or load_table_cues()
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    serials = {compact(w) for w in cues.serial_headers}
    tables: list[Table] = []
    index = 0
    while index < len(tokens):
        if tokens[index][0] not in serials:
            index += 1
            continue
        start = tokens[index][1]
        words: list[str] = []
        cursor = index + 1
        while cursor < len(tokens):
            parts = _segment_words(tokens[cursor][0], cues)
            if parts is None:
                break
            words += parts
            cursor += 1
        if len(words) < 2 or not _names_columns(words, cues) or cursor >= len(tokens) \
                or _serial(tokens[cursor][0]) != 1:
            index += 1
            continue
        table = Table(header=[tokens[index][0], *words], start=start)
        number = 1
        while cursor < len(tokens) and _serial(tokens[cursor][0]) == number:
            limit = min(cursor + len(words) + 1 + RUN_ON_ROW_SLACK, len(tokens))
            end = next((e for e in range(cursor + 1 + len(words) // 2, limit)
                        if _serial(tokens[e][0]) == number + 1), None)
            if end is None:  # the last row (or a row spread wider): as many cells as the header has
                end = min(cursor + len(table.header), len(tokens))
            row_tokens = tokens[cursor:end]
            line = " ".join(token for token, _ in row_tokens)
            cells = _row_cells(line, 0, len(table.header), cues)
            if cells is not None:
                table.rows.append(_placed(cells, row_tokens))
            elif _serial(tokens[end][0] if end < len(tokens) else "") != number + 1:
                break
            cursor, number = end, number + 1
        if table.rows:
            tables.append(table)
        index = max(cursor, index + 1)
    return tables + _unnumbered_tables(tokens, cues)


def _unnumbered_tables(tokens: list[tuple[str, int]], cues: TableCues) -> list[Table]:
    """``单位 姓名 职务 联系电话 城关镇 张三 副镇长 138… 东河镇 …``: a header whose last column is a phone,
    then rows of as many cells each ending in a whole number, as long as they do."""
    people = _people_headers(cues)
    phones = set(cues.phone_headers)
    lexicon = default_lexicon()
    tables: list[Table] = []
    index = 0
    while index < len(tokens):
        words: list[str] = []
        cursor = index
        while cursor < len(tokens) and (parts := _segment_words(tokens[cursor][0], cues)) is not None:
            words += parts
            cursor += 1
        if len(words) < 3 or words[-1] not in phones or not any(w in people for w in words) \
                or any(w in cues.serial_headers for w in words):
            index = max(cursor, index + 1)
            continue
        table = Table(header=words, start=tokens[index][1])
        person = next(i for i, w in enumerate(words) if w in people)
        while cursor + len(words) <= len(tokens):
            row = tokens[cursor : cursor + len(words)]
            if not _WHOLE_PHONE.match(row[-1][0]) or not is_person_name(row[person][0], lexicon):
                break
            table.rows.append([Cell(compact(token), (at, at + len(token))) for token, at in row])
            cursor += len(words)
        if table.rows:
            tables.append(table)
        index = max(cursor, index + 1)
    return tables


def _segment_words(token: str, cues: TableCues) -> list[str] | None:
    """A token of header words (``联系电话``, OCR-glued ``单位职务``) as its words; None if it is none."""
    value, header_word, out, at = compact(token), _header_word(cues), [], 0
    while at < len(value):
        word = header_word.match(value, at)
        if word is None:
            return None
        out.append(word.group())
        at = word.end()
    return out


def _placed(cells: list[Cell], tokens: list[tuple[str, int]]) -> list[Cell]:
    """Cells read from tokens joined with single spaces, given back their places in the text."""
    joined_starts, position = [], 0
    for token, _ in tokens:
        joined_starts.append(position)
        position += len(token) + 1
    out = []
    for cell in cells:
        which = max(i for i, s in enumerate(joined_starts) if s <= cell.span[0])
        begin = tokens[which][1] + cell.span[0] - joined_starts[which]
        last = max(i for i, s in enumerate(joined_starts) if s < cell.span[1])
        finish = tokens[last][1] + cell.span[1] - joined_starts[last]
        out.append(Cell(cell.text, (begin, finish)))
    return out
