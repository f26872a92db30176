"""OCR text is untrusted: no formula in CSV or XLSX, no markup in HTML, no code in templates."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from docproc.ledger import read_ledger_xlsx, render_ledger
from docproc.ledger.templating import csv_row, md_cell, neutralise_formula
from docproc.model.ledger import Ledger, LedgerRow, SourceRef

HOSTILE = ["=HYPERLINK(\"http://evil\",\"点我\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+86 123", "'+86 123"), ("-5", "'-5"), ("@x", "'@x"), ("\t=1", "'\t=1"),
     ("\r=1", "'\r=1"), ("整改=完成", "整改=完成"), ("", ""), ("（一）", "（一）")],
)
def test_neutralise_formula(text: str, expected: str) -> None:
    assert neutralise_formula(text) == expected


def test_csv_row_quotes_and_neutralises() -> None:
    line = csv_row([1, "=1+1", 'say "hi", then', None, "多行\n文本"])
    assert next(csv.reader(io.StringIO(line))) == ["1", "'=1+1", 'say "hi", then', "", "多行\n文本"]


def test_md_cell_escapes_pipes_breaks_and_html() -> None:
    assert md_cell("a|b\n<script>") == "a\\|b<br>&lt;script&gt;"


def _hostile_ledger() -> Ledger:
    rows = [LedgerRow(no=i + 1, item=text, measures="<script>alert(1)</script>", owner_unit=text,
                      source_ref=SourceRef(doc_number="x〔2024〕1号", task=f"（{i + 1}）"))
            for i, text in enumerate(HOSTILE)]
    return Ledger(title="<b>台账</b>", rows=rows, generated_on="2024-01-01")


def test_xlsx_stores_formula_text_as_text_and_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "l.xlsx"
    path.write_bytes(render_ledger(_hostile_ledger(), "xlsx"))
    ws = openpyxl.load_workbook(path)["整改台账"]
    for offset, text in enumerate(HOSTILE):
        cell = ws.cell(row=4 + offset, column=3)
        assert cell.data_type == "s"
        assert cell.value == text
        assert cell.quotePrefix
    assert [r.item for r in read_ledger_xlsx(path).rows] == HOSTILE


def test_csv_has_no_cell_starting_with_a_formula_trigger() -> None:
    text = render_ledger(_hostile_ledger(), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert rows[1][2] == "'" + HOSTILE[0]


def test_html_escapes_document_text() -> None:
    html = render_ledger(_hostile_ledger(), "html").decode("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>&lt;b&gt;台账&lt;/b&gt;</title>" in html
