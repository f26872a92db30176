"""Make ``templates/ledger.docx``, the built-in Word ledger template rendered by docxtpl.

Run ``.venv/bin/python tools/make_docx_template.py`` after changing it; the .docx is committed so an
office can open it in Word, restyle it, and pass its own copy with ``--template``. Jinja tags:
``{{ ledger.title }}``, ``{{ ledger.unit }}``, ``{{ ledger.generated_on }}``, and a table row loop
``{%tr for row in rows %}`` … ``{%tr endfor %}`` over ``row.no``, ``row.item`` … (docs/templates.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parents[1] / "templates" / "ledger.docx"

# (header, cell expression, width in cm): 27.7 cm of A4 landscape minus margins.
COLUMNS = [
    ("序号", "{{ row.no }}", 1.1),
    ("所属类别", "{{ row.category or '' }}", 2.4),
    ("整改任务/问题", "{{ row.item }}", 3.4),
    ("整改措施", "{{ row.measures or '' }}", 6.0),
    ("责任单位", "{{ row.owner_unit or '' }}", 2.4),
    ("责任人", "{{ row.owner_person or '' }}", 1.5),
    ("整改时限", "{{ row.deadline or '' }}", 2.0),
    ("完成情况", "{{ row.progress or '' }}", 2.4),
    ("状态", "{{ row.status }}", 1.4),
    ("销号情况", "{{ row.closed_on or '' }}", 1.8),
    ("备注", "{{ row.note or '' }}", 2.6),
    ("来源", "{{ row.source }}", 2.2),
]
FONT = "宋体"


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


def build(path: Path) -> None:
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

    table = document.add_table(rows=4, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, (name, expression, width) in enumerate(COLUMNS):
        for row in table.rows:
            row.cells[index].width = Cm(width)
        _cell_text(table.rows[0].cells[index], name, bold=True, centre=True)
        _cell_text(table.rows[2].cells[index], expression, centre=index in (0, 6, 8, 9))
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
    document.core_properties.title = "整改台账模板（docproc）"
    document.core_properties.author = "docproc"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {OUT if len(sys.argv) < 2 else sys.argv[1]}")
