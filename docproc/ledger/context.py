"""What a ledger template sees: the record, and the layout of its preset (columns, merged cells, CSV).

Every template — the built-in ones and an office's own, in every format — renders from
:func:`template_context`, so one HTML, Markdown or CSV template serves every preset.
"""

from __future__ import annotations

from typing import Any

from docproc.ledger.presets import Preset, PresetColumn, get_preset, merge_spans
from docproc.ledger.templating import ledger_context
from docproc.model.ledger import DATE_FIELDS, Ledger, LedgerRow

# The printed table (A4 landscape less margins), and the narrowest a column of one-line cells may be
# there: a date at 8 pt, a status word, a row number. Other columns share the rest by their widths.
PRINT_TABLE_MM = 277.0
PRINT_MIN_MM = {"no": 8.0, "status": 12.0} | dict.fromkeys(DATE_FIELDS, 18.0)

# The CSV splits 来源 into its parts.
_CSV_SOURCE_PARTS = (("来源文号", "doc"), ("任务编号", "task"), ("页码", "page"))


def _source_part(row: LedgerRow, part: str) -> str:
    values = []
    for ref in row.source_refs():
        value = {"doc": ref.doc_number or ref.file, "task": ref.task, "page": ref.page}[part]
        values.append("" if value is None else str(value))
    return "；".join(values) if any(values) else ""


def _csv_table(ledger: Ledger, preset: Preset, rows: list[dict[str, Any]]) -> dict[str, Any]:
    header: list[str] = []
    for column in preset.visible:
        if column.field == "source":
            header.extend(name for name, _ in _CSV_SOURCE_PARTS)
        else:
            header.append(column.header)
    cells = []
    for row, data in zip(ledger.rows, rows, strict=True):
        line: list[object] = []
        for column in preset.visible:
            if column.field == "source":
                line.extend(_source_part(row, part) for _, part in _CSV_SOURCE_PARTS)
            else:
                line.append(data.get(column.field))
        cells.append(line)
    return {"header": header, "rows": cells}


def print_widths(columns: list[PresetColumn]) -> list[float]:
    """Each column's share of the printed table in percent: at least its PRINT_MIN_MM, the rest of the
    page shared in proportion to the preset's widths (the HTML/PDF table has a fixed layout, which
    WeasyPrint lays out in half the time of an automatic one)."""
    total = sum(c.width for c in columns) or 1.0
    floor = {i: PRINT_MIN_MM[c.field] for i, c in enumerate(columns)
             if c.field in PRINT_MIN_MM and PRINT_TABLE_MM * c.width / total < PRINT_MIN_MM[c.field]}
    rest = PRINT_TABLE_MM - sum(floor.values())
    free = sum(c.width for i, c in enumerate(columns) if i not in floor) or 1.0
    mm = [floor.get(i, rest * c.width / free) for i, c in enumerate(columns)]
    return [round(100 * m / PRINT_TABLE_MM, 2) for m in mm]


def template_context(ledger: Ledger) -> dict[str, Any]:
    """What a template sees: :func:`docproc.ledger.templating.ledger_context` (``ledger``, ``rows``,
    ``sources``, ``statuses``) and, for the ledger's preset, ``preset`` (name, label), ``columns`` (the
    visible columns: field, header, width, align, merge, ``blank`` when the column may be left out
    because no row fills it, and ``print_width``, its percent of the printed table), each row's ``spans`` (rowspan of its merged cells: 0 where the cell above
    covers it) and ``table`` (the CSV: header and cells, 来源 split into 来源文号, 任务编号, 页码)."""
    preset = get_preset(ledger.preset)
    context = ledger_context(ledger)
    rows = [data | {"source": row.source_label(), "spans": spans}
            for row, data, spans in zip(ledger.rows, context["rows"], merge_spans(ledger.rows, preset), strict=True)]
    blank = [c.optional and all(r.get(c.field) in (None, "") for r in rows) for c in preset.visible]
    widths = iter(print_widths([c for c, b in zip(preset.visible, blank, strict=True) if not b]))
    columns = [c.to_dict() | {"blank": b, "print_width": 0.0 if b else next(widths)}
               for c, b in zip(preset.visible, blank, strict=True)]
    return context | {"rows": rows, "preset": {"name": preset.name, "label": preset.label},
                      "columns": columns, "table": _csv_table(ledger, preset, rows)}


