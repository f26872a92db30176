"""What a ledger template sees: the record, and the layout of its preset (columns, merged cells, CSV).

Every template — the built-in ones and an office's own, in every format — renders from
:func:`template_context`, so one HTML, Markdown or CSV template serves every preset.
"""

from __future__ import annotations

from typing import Any

from docproc.ledger.presets import Preset, get_preset, merge_spans
from docproc.ledger.templating import ledger_context
from docproc.model.ledger import Ledger, LedgerRow

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


def template_context(ledger: Ledger) -> dict[str, Any]:
    """What a template sees: :func:`docproc.ledger.templating.ledger_context` (``ledger``, ``rows``,
    ``sources``, ``statuses``) and, for the ledger's preset, ``preset`` (name, label), ``columns`` (the
    visible columns: field, header, width, align, merge, and ``blank`` when the column may be left out
    because no row fills it), each row's ``spans`` (rowspan of its merged cells: 0 where the cell above
    covers it) and ``table`` (the CSV: header and cells, 来源 split into 来源文号, 任务编号, 页码)."""
    preset = get_preset(ledger.preset)
    context = ledger_context(ledger)
    rows = [data | {"source": row.source_label(), "spans": spans}
            for row, data, spans in zip(ledger.rows, context["rows"], merge_spans(ledger.rows, preset), strict=True)]
    columns = [c.to_dict() | {"blank": c.optional and all(r.get(c.field) in (None, "") for r in rows)}
               for c in preset.visible]
    return context | {"rows": rows, "preset": {"name": preset.name, "label": preset.label},
                      "columns": columns, "table": _csv_table(ledger, preset, rows)}


