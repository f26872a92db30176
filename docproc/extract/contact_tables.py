"""Contact tables whose copy lost their cell breaks: a header of column labels glued after 序号, then rows
numbered 1, 2, 3 … each run into the next, a row's number glued to the last cell of the row before
(``序号机构名称联系人电话传真邮箱地址1金井片区管理局朱震天0591-231606060591-23156377jjpqjfc@163.com平潭县…
2海坛片区管理局…``, ``…李 虹137888935532平潭综合实验区恒桥幼儿园…``).

The header says, in order, which columns hold the unit, the person, the numbers, the fax, the mailbox and
the address; each row with a number or a mailbox is one contact. Numbers are split where one ends (an area
code and 7–8 digits, a mobile of 11, a 400 line), so the next row's number, a fax or a mailbox's digits
glued on are not read into them. A unit cell is the row's text up to the person or the number when the
columns stand side by side, else the shortest run that reads as a unit; the address is kept (``other``)
only when its column comes after the numbers. Used by :mod:`docproc.extract.contacts` (rule id
``contacts.table.v1``); the column labels are data in ``models/extract/contacts/tables.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from docproc.extract.contact_groups import ContactHit
from docproc.extract.contact_lexicon import CJK, ContactLexicon
from docproc.extract.contact_rows import reads_as_person
from docproc.extract.leader_lexicon import default_lexicon as default_leader_lexicon
from docproc.normalize.rules import models_dir

VALUE_KINDS = ("phone", "fax", "email")


@dataclass(frozen=True)
class TableVocabulary:
    columns: tuple[tuple[str, str], ...]  # (label, kind), longest first
    unit_label_endings: tuple[str, ...]  # 名称: 学校名称 is a unit column
    number_followers: str  # 号, 楼, 层: a number they follow is inside a cell, no row's number
    company_forms: tuple[str, ...]  # 有限公司: part of the unit's name it runs onto


@lru_cache(maxsize=1)
def table_vocabulary() -> TableVocabulary:
    data = json.loads((models_dir() / "extract" / "contacts" / "tables.json").read_text(encoding="utf-8"))
    columns = [(label, kind) for kind, labels in data["columns"].items() for label in labels]
    return TableVocabulary(
        columns=tuple(sorted(columns, key=lambda pair: -len(pair[0]))),
        unit_label_endings=tuple(data["unit_label_endings"]),
        number_followers=data["number_followers"],
        company_forms=tuple(sorted(data["company_forms"], key=len, reverse=True)),
    )


_HEADER = re.compile(rf"序号(?P<labels>[{CJK}（）()/、]{{4,60}}?)(?=1[{CJK}])")
# a number as a table cell holds it: an area code and 7–8 digits (an extension after 转), a 400 line, a mobile
# (its middle four masked by the page), or 7–8 digits alone that no digit or mailbox runs on from
_NUMBER = (r"0\d{2,3}[-－—]\d{7,8}(?:转\d{1,5})?|400-?\d{3}-?\d{4}|1[3-9]\d(?:\d{4}|[xX*×＊]{4})\d{4}"
           r"|(?<![\d\-－—])[2-9]\d{6,7}(?![\d@＠A-Za-z])")
_NUMBERS = re.compile(_NUMBER)
_NUMBER_RUN = re.compile(f"(?:{_NUMBER})+")
_DIGITS_BEFORE = re.compile(r"[\dxX*×＊\-－—]+$")
_PERSON_TAIL = re.compile(rf"((?:[{CJK}][ \u3000]?){{2,3}})$")
ROW_MAX_CHARS = 300  # the longest row read (its next row's number is looked for this far)
MIN_ROWS = 3  # a table has three rows or more, two in three of them giving a contact


def header_columns(labels: str, vocabulary: TableVocabulary) -> list[str]:
    """The kind of each column a glued header names, in order ("" for a column of no kind): a unit's label
    with the text of no label before it is one column (学校名称, 查验单位), other text of no label one of its own
    (职务); 名称 after a unit label is the same column."""
    kinds: list[str] = []
    pending = False  # text of no label read since the last column
    index = 0
    while index < len(labels):
        known = next(((label, kind) for label, kind in vocabulary.columns if labels.startswith(label, index)), None)
        if known is None:
            pending = True
            index += 1
            continue
        label, kind = known
        same_column = label in vocabulary.unit_label_endings and not pending and kinds[-1:] == ["unit"]  # 机构名称
        if pending and kind != "unit":
            kinds.append("")  # 职务手机: a column of no kind, then the number's
        if not same_column:
            kinds.append(kind)
        pending = False
        index += len(label)
    if pending:
        kinds.append("")
    return kinds


def _row_number_at(text: str, at: int, number: str, vocabulary: TableVocabulary) -> bool:
    """Whether ``number`` at ``at`` opens a row: a CJK cell after it (not 号, 楼 …), and before it a cell's
    end or whole numbers only (a mobile the number is glued to: ``137888935532平潭…``) that would not be whole
    with it."""
    after = text[at + len(number) : at + len(number) + 1]
    if not after or not re.match(f"[{CJK}]", after) or after in vocabulary.number_followers:
        return False
    glued = _DIGITS_BEFORE.search(text, max(0, at - 40), at)
    # (0591-83940303福州…: the 3 ends the number, it opens no row: the digits with it are whole numbers too)
    return glued is None or _NUMBER_RUN.fullmatch(glued.group()) is not None \
        and _NUMBER_RUN.fullmatch(glued.group() + number) is None


def _rows(text: str, first: int, vocabulary: TableVocabulary) -> list[tuple[int, int]]:
    """(start, end) of each numbered row from the ``1`` at ``first``, the number left out."""
    rows: list[tuple[int, int]] = []
    row, at = 1, first
    while True:
        start = at + len(str(row))
        line_end = text.find("\n", start)
        reach = min(start + ROW_MAX_CHARS, line_end if line_end >= 0 else len(text))
        following = str(row + 1)
        found = text.find(following, start + 2, reach)
        while found >= 0 and not _row_number_at(text, found, following, vocabulary):
            found = text.find(following, found + 1, reach)
        if found < 0:
            rows.append((start, _last_row_end(text, start, reach)))
            return rows
        rows.append((start, found))
        row, at = row + 1, found


def _last_row_end(text: str, start: int, reach: int) -> int:
    """The last row ends at the first gap after its first number or mailbox that no other one follows
    (``…陈某章136xxxx3469 附件下载``, ``…7号楼9层 附件下载``)."""
    end, valued = start, False
    for token in re.finditer(r"\S+", text[start:reach]):
        if valued and not re.match(r"[0-9A-Za-z]", token.group()):
            break
        end = start + token.end()
        valued = valued or bool(_NUMBERS.search(token.group()) or "@" in token.group())
    return end


def _unit_run(cell: str, lexicon: ContactLexicon, vocabulary: TableVocabulary) -> str | None:
    """The shortest start of a cell run that reads as a unit, with a company form run onto it."""
    unit = lexicon.leading_unit(cell)
    if unit is None:
        return None
    return unit + next((form for form in vocabulary.company_forms if cell.startswith(form, len(unit))), "")


def _person_before(cell: str, lexicon: ContactLexicon) -> tuple[str, str] | None:
    """(the cell before the person, the person's name) when the cell ends with a name of 2–3 characters (spaced
    or not: ``李 虹``)."""
    tail = _PERSON_TAIL.search(cell.rstrip())
    if tail is None:
        return None
    chars = "".join(tail.group(1).split())
    leaders = default_leader_lexicon()
    kept = cell.rstrip()
    for size in (3, 2):
        if len(chars) >= size and reads_as_person(chars[-size:], lexicon, leaders):
            index, taken = len(kept), 0
            while taken < size:  # back over the name's characters and the spaces between them
                index -= 1
                taken += not kept[index].isspace()
            return kept[:index], chars[-size:]
    return None


def _person_at(cell: str, at: int, lexicon: ContactLexicon) -> str | None:
    """The name of 3 or 2 characters that starts at ``at`` in a cell run (spaces taken out), or None."""
    leaders = default_leader_lexicon()
    return next((cell[at : at + size] for size in (3, 2)
                 if len(cell) >= at + size and reads_as_person(cell[at : at + size], lexicon, leaders)), None)


def _contact_of_row(row: str, start: int, end: int, kinds: list[str], lexicon: ContactLexicon,
                    vocabulary: TableVocabulary) -> ContactHit | None:
    numbers = list(_NUMBERS.finditer(row))
    # mailboxes where the numbers are blanked out, in place (0591-23159917361578925@qq.com: the fax is no part of it)
    mailboxes = list(re.finditer(lexicon.email, _NUMBERS.sub(lambda found: " " * len(found.group()), row)))
    if not numbers and not mailboxes:
        return None
    values = numbers + mailboxes
    first_value = min(value.start() for value in values)
    cell, name = row[:first_value], None
    value_column = next((i for i, kind in enumerate(kinds) if kind in VALUE_KINDS), len(kinds))
    before_values = value_column - 1
    if "person" in kinds and kinds.index("person") == before_values and (person := _person_before(cell, lexicon)):
        cell, name = person
        before_values -= 1
    cell = "".join(cell.split())
    unit_column = kinds.index("unit") if "unit" in kinds else None
    person_column = kinds.index("person") if "person" in kinds else None
    if name is None and person_column == 0 and (name := _person_at(cell, 0, lexicon)):
        cell = cell[len(name) :]  # 序号姓名单位职务电话: the person's cell opens the row
    if unit_column is None:
        org = None
    elif unit_column == before_values:
        org = cell or None
    else:
        org = _unit_run(cell, lexicon, vocabulary)
    if name is None and person_column is not None and unit_column == person_column - 1 and org:
        name = _person_at(cell, len(org), lexicon)  # 序号单位姓名职务电话: the person's cell follows the unit's
    phones = [n.group() for n in numbers]
    fax = None
    if "fax" in kinds and "phone" in kinds and kinds.index("fax") > kinds.index("phone") and len(phones) >= 2:
        fax = phones.pop(1)
    other = None
    if "address" in kinds and all(kind in (*VALUE_KINDS, "address") for kind in kinds[value_column:]) \
            and kinds[-1] == "address":
        other = "".join(row[max(value.end() for value in values) :].split()) or None
    return ContactHit(name, org, phones, fax, [found.group() for found in mailboxes], other, (start, end),
                      "contacts.table.v1")


def table_contacts(text: str, lexicon: ContactLexicon) -> Iterator[ContactHit]:
    """Each contact of each glued contact table in ``text`` (see the module's docstring)."""
    vocabulary = table_vocabulary()
    for header in _HEADER.finditer(text):
        kinds = header_columns(header.group("labels"), vocabulary)
        if not any(kind in VALUE_KINDS for kind in kinds) or not ({"unit", "person"} & set(kinds)):
            continue
        rows = _rows(text, header.end(), vocabulary)
        contacts = [_contact_of_row(text[start:end], start, end, kinds, lexicon, vocabulary) for start, end in rows]
        found = [contact for contact in contacts if contact is not None]
        if len(rows) >= MIN_ROWS and 3 * len(found) >= 2 * len(rows):
            yield from found
