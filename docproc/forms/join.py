"""Tables continued over pages joined into one, their repeated header rows dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from docproc.forms.lexicon import normalise_cell_text
from docproc.model.document import Table, TableCell

WIDTH_TOLERANCE = 0.04  # share of the table width two pages' tables may differ by and still be one


@dataclass
class PageTable:
    page: int  # 1-based
    table: Table
    last_on_page: bool = True
    first_on_page: bool = True


@dataclass
class JoinedTable:
    table: Table
    row_pages: list[int] = field(default_factory=list)  # page of each row


def header_row_count(table: Table) -> int:
    """Rows of the header: as deep as the tallest cell of the first row (序号 spanning 2 rows → 2)."""
    first = [c for c in table.cells if c.row == 0]
    return max((c.rowspan for c in first), default=0) if first else 0


def _row_signature(table: Table, row: int) -> list[tuple[int, int, int, str]]:
    return sorted(
        (c.col, c.rowspan, c.colspan, normalise_cell_text(c.text)) for c in table.cells if c.row == row
    )


def _width(table: Table) -> float | None:
    return None if table.bbox is None else table.bbox[2] - table.bbox[0]


def continues(previous: PageTable, candidate: PageTable) -> bool:
    """Whether ``candidate`` (first table of the next page) carries on ``previous`` (last of its page)."""
    if candidate.page != previous.page + 1 or not previous.last_on_page or not candidate.first_on_page:
        return False
    if previous.table.n_cols != candidate.table.n_cols:
        return False
    a, b = _width(previous.table), _width(candidate.table)
    return a is None or b is None or abs(a - b) <= WIDTH_TOLERANCE * max(a, b)


def repeated_header_rows(first: Table, continuation: Table) -> int:
    """How many leading rows of ``continuation`` repeat the header of ``first``."""
    count = 0
    for row in range(min(header_row_count(first), continuation.n_rows)):
        if _row_signature(first, row) != _row_signature(continuation, row):
            break
        count += 1
    return count


def _append(joined: JoinedTable, part: PageTable) -> None:
    skip = repeated_header_rows(joined.table, part.table)
    offset = joined.table.n_rows - skip
    for cell in part.table.cells:
        if cell.row < skip:
            continue
        joined.table.cells.append(TableCell(
            text=cell.text, bbox=cell.bbox, row=cell.row + offset, col=cell.col,
            rowspan=cell.rowspan, colspan=cell.colspan,
        ))
    joined.table.n_rows += part.table.n_rows - skip
    joined.row_pages.extend([part.page] * (part.table.n_rows - skip))


def join_tables(parts: list[PageTable]) -> list[JoinedTable]:
    """Tables in page order, each continuation appended to the table it carries on."""
    joined: list[JoinedTable] = []
    previous: PageTable | None = None
    for part in parts:
        if previous is not None and joined and continues(previous, part):
            _append(joined[-1], part)
        else:
            table = Table(cells=list(part.table.cells), bbox=part.table.bbox,
                          n_rows=part.table.n_rows, n_cols=part.table.n_cols)
            joined.append(JoinedTable(table, [part.page] * part.table.n_rows))
        previous = part
    return joined


def mark_page_positions(parts: list[PageTable]) -> None:
    """Set ``first_on_page``/``last_on_page`` of tables listed in page order, top to bottom."""
    for i, part in enumerate(parts):
        part.first_on_page = i == 0 or parts[i - 1].page != part.page
        part.last_on_page = i == len(parts) - 1 or parts[i + 1].page != part.page
