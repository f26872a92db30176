"""Make the built-in Word ledger templates rendered by docxtpl, one per preset: ``templates/ledger.docx``
(campaign), ``ledger-inspection.docx``, ``ledger-hazard.docx``, with the columns of
``templates/presets/<preset>.json``.

Run ``.venv/bin/python tools/make_docx_template.py`` after changing it or a preset; the .docx files
are committed so an office can open one in Word, restyle it, and pass its own copy with
``--template``. Jinja tags: ``{{ ledger.title }}``, ``{{ ledger.unit }}``, ``{{ ledger.generated_on }}``,
and a table row loop ``{%tr for row in rows %}`` … ``{%tr endfor %}`` over ``row.no``, ``row.item`` …
(docs/templates.md). Cells of merged columns (方面, 内容) are merged after rendering.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TABLE_CM = 27.7  # A4 landscape less 1 cm margins
MIN_COLUMN_CM = 1.2
FONT = "宋体"


def columns_of(preset: dict) -> list[tuple[str, str, float, bool]]:  # type: ignore[type-arg]
    """(header, cell expression, width in cm, centred) of a preset's visible columns; widths are the
    preset's, scaled to the table and at least MIN_COLUMN_CM."""
    visible = [c for c in preset["columns"] if not c.get("hidden")]
    total = sum(c["width"] for c in visible)
    raw = [max(MIN_COLUMN_CM, TABLE_CM * c["width"] / total) for c in visible]
    scale = TABLE_CM / sum(raw)
    out = []
    for column, width in zip(visible, raw, strict=True):
        name = column["field"]
        expression = f"{{{{ row.{name} }}}}" if name in ("no", "item", "status", "source") else f"{{{{ row.{name} or '' }}}}"
        out.append((column["header"], expression, round(width * scale, 2), column.get("align") == "center"))
    return out


def _set_font(run, size: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _cell_text(cell, text: str, size: float = 9, bold: bool = False, centre: bool = False) -> None:  # type: ignore[no-untyped-def]
    paragraph = cell.paragraphs[0]
    paragraph.text = ""
    _set_font(paragraph.add_run(text), size, bold)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _repeat_as_header(row) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def build(preset: dict, path: Path) -> None:  # type: ignore[type-arg]
    columns = columns_of(preset)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.0))
    section.top_margin = section.bottom_margin = Cm(1.5)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(title.add_run("{{ ledger.title }}"), 16, bold=True)
    header = document.add_paragraph()
    _set_font(header.add_run("填报单位：{{ ledger.unit or '' }}"), 10.5)
    _set_font(header.add_run("\t\t\t\t\t\t\t\t填报日期：{{ ledger.generated_on or '' }}"), 10.5)

    table = document.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, (name, expression, width, centre) in enumerate(columns):
        for row in table.rows:
            row.cells[index].width = Cm(width)
        _cell_text(table.rows[0].cells[index], name, bold=True, centre=True)
        _cell_text(table.rows[2].cells[index], expression, centre=centre)
    _repeat_as_header(table.rows[0])
    # docxtpl row loop: the {%tr %} rows are removed at render time, the middle row repeats.
    _cell_text(table.rows[1].cells[0], "{%tr for row in rows %}")
    _cell_text(table.rows[3].cells[0], "{%tr endfor %}")

    sources = document.add_paragraph()
    _set_font(
        sources.add_run(
            "来源：{% for s in sources %}{{ s.title or s.file }}{% if s.doc_number %}（{{ s.doc_number }}）"
            "{% endif %}{% if not loop.last %}；{% endif %}{% endfor %}"
        ),
        9,
    )
    document.core_properties.title = f"{preset['label']}模板（docproc）"
    document.core_properties.author = "docproc"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def main(names: list[str]) -> None:
    for name in names or ["campaign", "inspection", "hazard"]:
        preset = json.loads((TEMPLATES / "presets" / f"{name}.json").read_text(encoding="utf-8"))
        out = TEMPLATES / preset["docx"]
        build(preset, out)
        print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
