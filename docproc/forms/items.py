"""Items of a self-check form: one per data row, fields taken from the columns their headers name.

The header rows are those the first row's tallest cell spans. Each column's header is the text of
the header cells above it, top to bottom (自查情况 / 是). A column's field comes from the header
lexicon (``models/forms/headers.json``); when two columns claim one field, the one whose header
word ranks first in the lexicon wins and the other is kept in ``extra``. Columns under one merged
header whose sub-headers are choices (是 | 否) form a choice group: the value is the sub-header of
the column that is ticked. A cell spanning rows gives its text to every row it covers. Empty
cells stay None; a 整改时限 is read as an ISO date when it holds one.
"""

from __future__ import annotations

from dataclasses import dataclass

from docproc.extract.dates import find_date_ranges, iso, parse_full_date
from docproc.forms.join import JoinedTable, header_row_count
from docproc.forms.lexicon import (
    HeaderLexicon,
    ValueLexicon,
    header_key,
    header_lexicon,
    is_no_problem,
    value_lexicon,
)
from docproc.model.document import BBox, Table, TableCell
from docproc.model.form import Form, FormEvidence, FormItem

RULE_ID = "forms.items/1"


@dataclass
class ColumnRole:
    col: int
    header: str  # the column's header texts joined with "/"
    field: str | None
    rank: tuple[int, int]  # lower wins when two columns claim one field
    choice: str | None = None  # the choice this column stands for (是, 否 …) in a choice group


def _covering(table: Table) -> dict[tuple[int, int], TableCell]:
    grid: dict[tuple[int, int], TableCell] = {}
    for cell in table.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                grid.setdefault((r, c), cell)
    return grid


def _rank(lexicon: HeaderLexicon, field: str, header: str) -> tuple[int, int]:
    key = header_key(header)
    if key in lexicon.exact.get(field, frozenset()):
        return (0, 0)
    words = lexicon.contains.get(field, ())
    return (1, next((i for i, w in enumerate(words) if w in key), len(words)))


def column_roles(table: Table, header_rows: int, lexicon: HeaderLexicon, values: ValueLexicon) -> list[ColumnRole]:
    grid = _covering(table)
    roles = []
    for col in range(table.n_cols):
        texts: list[str] = []
        for row in range(header_rows):
            cell = grid.get((row, col))
            if cell is not None and cell.text.strip() and cell.text.strip() not in texts:
                texts.append(cell.text.strip())
        field = None
        rank = (9, 9)
        for text in texts:  # the top header names the field; a lower one may refine it
            found = lexicon.field_of(text)
            if found is not None:
                field, rank = found, _rank(lexicon, found, text)
                break
        choice = None
        if field is not None and len(texts) > 1 and header_key(texts[-1]) in values.choice_headers:
            choice = texts[-1]
        roles.append(ColumnRole(col, "/".join(texts), field, rank, choice))
    winners: dict[str, ColumnRole] = {}
    for role in roles:
        if role.field is None or role.choice is not None:
            continue
        best = winners.get(role.field)
        if best is None or role.rank < best.rank:
            winners[role.field] = role
    for role in roles:
        if role.field is not None and role.choice is None and winners.get(role.field) is not role:
            role.field = None  # a second column for a field already taken: kept in extra
    return roles


def form_year(texts: list[str]) -> int | None:
    """The year dates without one take: the most frequent year written in the form."""
    from docproc.extract.dates import document_year

    year, _ = document_year("\n".join(texts))
    return year


def read_deadline(text: str, year: int | None) -> str | None:
    """整改时限 cell → ISO date (the end of a range or month part), None when it holds no date."""
    full = parse_full_date(text)
    if full is not None:
        return iso(full[0])
    ranges = find_date_ranges(text)
    if ranges and year is not None:
        start, end = ranges[0].resolve(year)
        return iso(end or start)
    return None


def _union(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def read_items(joined: JoinedTable, table_index: int, year: int | None) -> list[FormItem]:
    """One FormItem per data row of ``joined`` (rows with no text at all are skipped)."""
    table = joined.table
    lexicon, values = header_lexicon(), value_lexicon()
    header_rows = header_row_count(table)
    roles = column_roles(table, header_rows, lexicon, values)
    if not any(role.field is not None for role in roles):
        return []
    grid = _covering(table)
    items = []
    for row in range(header_rows, table.n_rows):
        texts = {c: (grid[(row, c)].text.strip() if (row, c) in grid else "") for c in range(table.n_cols)}
        if not any(texts.values()):
            continue
        item = FormItem()
        evidence = FormEvidence(table=table_index, row=row, rule=RULE_ID,
                                page=joined.row_pages[row] if row < len(joined.row_pages) else None)
        chosen: list[str] = []
        for role in roles:
            text = texts[role.col]
            if role.field is None:
                if text and role.header:
                    item.extra[role.header] = text
                continue
            evidence.columns[role.field] = role.header.split("/")[0] if role.choice else role.header
            if role.choice is not None:
                if text and values.is_tick(text):
                    chosen.append(role.choice)
                continue
            if not text:
                continue
            if role.field == "deadline":
                evidence.raw["deadline"] = text
                item.deadline = read_deadline(text, year)
            elif role.field == "finding":
                mark = values.read_mark(text)
                if mark is not None and mark != text:
                    evidence.raw["finding"] = text
                item.finding = mark if mark is not None else text
            else:
                setattr(item, role.field, text)
        if chosen and item.finding is None:
            item.finding = "、".join(chosen)
        evidence.bbox = _union([c.bbox for c in table.cells if c.row == row and c.bbox is not None])
        item.evidence = evidence
        items.append(item)
    return items


def states_problem(item: FormItem) -> bool:
    """True when the row states a problem: 存在问题 is filled and is not a "none" answer (无, 未发现问题 …).

    The "none" answers are data (``models/forms/values.json``).
    """
    return bool(item.problem and item.problem.strip()) and not is_no_problem(item.problem or "")


def problem_items(form: Form) -> list[FormItem]:
    """The items that state a problem (存在问题), in form order: what a ledger takes as its rows."""
    return [item for item in form.items if states_problem(item)]
