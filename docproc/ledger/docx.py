"""The Word ledger: a ``.docx`` template (the preset's ``templates/ledger*.docx`` or an office's own)
through docxtpl.

docxtpl renders the document's XML with our sandboxed, strict Jinja environment and XML escaping,
so a wrong field fails with one line naming the field and where it sits in the document
(``our.docx table 1 row 3 cell 4: unknown field 'row.ownr'``). Then the cells of the preset's merged
columns (问题来源, 方面, 内容) are merged down their runs, in any table whose header row names those
columns and whose rows follow it one per ledger row — an office's own table too.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml.ns import qn

from docproc.errors import TemplateError
from docproc.ledger.context import template_context
from docproc.ledger.presets import Preset, get_preset, merge_spans
from docproc.ledger.templating import (
    describe_template_error,
    field_of_error,
    make_environment,
)
from docproc.model.ledger import Ledger
from docproc.resources import templates_dir


def default_docx_template(preset: str | None = None) -> Path:
    """The built-in Word template of a preset (``templates/ledger.docx`` for campaign)."""
    return templates_dir() / get_preset(preset).docx


def _empty(tc: Any) -> None:
    """A cell a merge covers keeps one empty paragraph (Word wants one) and nothing else."""
    paragraphs = tc.findall(qn("w:p"))
    for child in list(tc):
        if child.tag != qn("w:tcPr") and child is not paragraphs[0]:
            tc.remove(child)
    for child in list(paragraphs[0]):
        if child.tag != qn("w:pPr"):
            paragraphs[0].remove(child)


def _header_of(rows: list[Any], wanted: dict[str, str]) -> tuple[int, dict[str, int]] | None:
    """The first row after a table's header row that names merged columns, and their positions."""
    for index, row in enumerate(rows):
        texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))).strip() for tc in row.tc_lst]
        columns = {wanted[text]: i for i, text in enumerate(texts) if text in wanted}
        if columns:
            return index + 1, columns
    return None


def merge_docx_hierarchy(document: Any, ledger: Ledger, preset: Preset) -> None:
    """Merge the merged columns' cells over their runs (see the module's docstring): the first cell of
    a run restarts a vertical merge, the cells below continue it. Works on the table XML directly
    (python-docx's cell.merge rebuilds the grid per call: minutes for a few hundred rows)."""
    wanted = {c.header: c.field for c in preset.visible if c.merge}
    if not wanted or not ledger.rows:
        return
    spans = merge_spans(ledger.rows, preset)
    for table in document.tables:
        rows = [row._tr for row in table.rows]
        found = _header_of(rows, wanted)
        if found is None or len(rows) - found[0] != len(ledger.rows):
            continue
        first, columns = found
        for offset, row_spans in enumerate(spans):
            for field, column in columns.items():
                span = row_spans.get(field, 1)
                if span > 1:
                    rows[first + offset].tc_lst[column].vMerge = "restart"
                    for covered in range(offset + 1, offset + span):
                        tc = rows[first + covered].tc_lst[column]
                        _empty(tc)
                        tc.vMerge = "continue"


def _locate_in_docx(document: Any, needle: str) -> str | None:
    """Where a field name first appears in a .docx: ``paragraph 2`` or ``table 1 row 3 cell 4``."""
    for index, paragraph in enumerate(document.paragraphs, start=1):
        if needle in paragraph.text:
            return f"paragraph {index}"
    for t_index, table in enumerate(document.tables, start=1):
        for r_index, row in enumerate(table.rows, start=1):
            for c_index, cell in enumerate(row.cells, start=1):
                if needle in cell.text:
                    return f"table {t_index} row {r_index} cell {c_index}"
    return None


def _source_text(document: Any, location: str | None) -> str | None:
    if location is None:
        return None
    parts = location.split()
    if parts[0] == "paragraph":
        return str(document.paragraphs[int(parts[1]) - 1].text)
    table = document.tables[int(parts[1]) - 1]
    return str(table.rows[int(parts[3]) - 1].cells[int(parts[5]) - 1].text)


def render_docx(ledger: Ledger, template: Path | None = None) -> bytes:
    """The ledger as a .docx from ``template`` (default: the preset's built-in one)."""
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    path = template or default_docx_template(ledger.preset)
    if not path.is_file():
        raise TemplateError(f"template {path} does not exist")
    try:
        document = DocxTemplate(str(path))
        document.init_docx()
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise TemplateError(f"template {path.name} is not a readable .docx ({exc})") from exc
    env = make_environment([], autoescape=True)
    try:
        document.render(template_context(ledger), jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as exc:
        field = field_of_error(exc)
        location = None if field is None else _locate_in_docx(document.get_docx(), field)
        where = f"{path.name} {location}" if location else path.name
        raise describe_template_error(exc, where, _source_text(document.get_docx(), location)) from exc
    except Exception as exc:  # whatever template code raises: 1/0, a recursion, a limit
        raise describe_template_error(exc, path.name) from exc
    merge_docx_hierarchy(document.docx, ledger, get_preset(ledger.preset))  # the rendered document
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
