"""An office's HTML template cannot read files into a PDF ledger: WeasyPrint loads only the template's
own folder and docproc's bundled templates (fixtures/bad-input/templates/ holds the hostile ones)."""

from __future__ import annotations

import base64
import csv
import io
import shutil
from pathlib import Path

import docx
import openpyxl
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from click.testing import CliRunner
from PIL import Image

from docproc.cli import main
from docproc.errors import TemplateError
from docproc.ledger import render_ledger, template_limits
from docproc.model.ledger import Ledger, LedgerRow
from tests.conftest import FIXTURES_DIR

HOSTILE = FIXTURES_DIR / "bad-input" / "templates"
GOLD_DEQING = str(FIXTURES_DIR / "gold" / "owners-deadlines-deqing.notice.json")


def _ledger() -> Ledger:
    return Ledger(title="整改台账", unit="市司法局", generated_on="2021-10-08",
                  rows=[LedgerRow(no=1, item="建立通报制度", owner_unit="市司法局", deadline="2021-12-20")])


def _office_folder(tmp_path: Path, template_name: str) -> Path:
    """``office/<template>`` with ``secret.txt`` beside the folder (what ``../secret.txt`` reaches)."""
    (tmp_path / "secret.txt").write_text("机密 SECRET-TOKEN-7f3a\n", encoding="utf-8")
    office = tmp_path / "office"
    office.mkdir()
    shutil.copy(HOSTILE / template_name, office / template_name)
    return office / template_name


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def _images_and_attachments(pdf: bytes) -> tuple[int, list[str]]:
    document = pypdfium2.PdfDocument(pdf)
    images = sum(len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))) for page in document)
    names = [document.get_attachment(i).get_name() for i in range(document.count_attachments())]
    return images, names


@pytest.mark.parametrize(
    ("template", "refused"),
    [
        ("attach-passwd.html.j2", "file:///etc/passwd"),
        ("img-file-url.html.j2", "file:///etc/passwd"),
        ("parent-path.html.j2", "secret.txt"),
        ("stylesheet-http.html.j2", "http://127.0.0.1:9/ledger.css"),
    ],
)
def test_hostile_template_is_refused(tmp_path: Path, template: str, refused: str) -> None:
    path = _office_folder(tmp_path, template)
    with pytest.raises(TemplateError) as caught:
        render_ledger(_ledger(), "pdf", path)
    line = caught.value.one_line()
    assert caught.value.exit_code == 6
    assert line.startswith(f"{template}: refused to load ")
    assert refused in line
    assert "\n" not in line


def test_symlink_out_of_the_template_folder_is_refused(tmp_path: Path) -> None:
    office = tmp_path / "office"
    office.mkdir()
    (office / "logo.png").symlink_to("/etc/passwd")
    template = office / "our.html.j2"
    template.write_text('<img src="logo.png"><p>{{ ledger.title }}</p>\n', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"our.html.j2: refused to load .*logo.png"):
        render_ledger(_ledger(), "pdf", template)


def test_cli_writes_no_pdf_from_a_hostile_template(tmp_path: Path) -> None:
    template = _office_folder(tmp_path, "attach-passwd.html.j2")
    out = tmp_path / "台账.pdf"
    result = CliRunner().invoke(main, ["ledger", GOLD_DEQING, "-o", str(out), "--template", str(template)])
    assert result.exit_code == 6
    assert result.stderr.splitlines() == [
        "docproc: error: attach-passwd.html.j2: refused to load file:///etc/passwd: a template may load "
        "files only from its own folder and docproc's bundled templates"]
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office", "secret.txt"]


def test_template_folder_and_inline_images_still_load(tmp_path: Path) -> None:
    office = tmp_path / "office"
    (office / "assets").mkdir(parents=True)
    (office / "assets" / "logo.png").write_bytes(_png())
    (office / "填报说明.txt").write_text("填报说明\n", encoding="utf-8")
    inline = base64.b64encode(_png()).decode("ascii")
    template = office / "our.html.j2"
    template.write_text(
        '<link rel="attachment" href="填报说明.txt">\n<img src="assets/logo.png">\n'
        f'<img src="data:image/png;base64,{inline}">\n<h1>{{{{ ledger.title }}}}</h1>\n', encoding="utf-8")
    images, attachments = _images_and_attachments(render_ledger(_ledger(), "pdf", template))
    assert images == 2
    assert attachments == ["填报说明.txt"]


# --- item 2: every value a CSV or Markdown template prints is escaped -------------------------------


def _plain_value_ledger() -> Ledger:
    return Ledger(title="整改台账", generated_on="2021-10-08", rows=[
        LedgerRow(no=1, item="=4+4", owner_unit="市司法局"),
        LedgerRow(no=2, item="建立\n通报制度", owner_unit='市公安局,"交警支队"'),
        LedgerRow(no=3, item="a|b", owner_unit=None)])


def test_csv_template_values_are_quoted_and_neutralised() -> None:
    text = render_ledger(_plain_value_ledger(), "csv", HOSTILE / "plain-values.csv.j2").decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        ["序号", "问题", "责任单位"], ["1", "'=4+4", "市司法局"], ["2", "建立\n通报制度", '市公安局,"交警支队"'],
        ["3", "a|b", ""]]


def test_markdown_template_values_are_escaped() -> None:
    text = render_ledger(_plain_value_ledger(), "md", HOSTILE / "plain-values.md.j2").decode("utf-8")
    assert text.splitlines() == ["| 序号 | 问题 |", "|---|---|", "| 1 | =4+4 |", "| 2 | 建立<br>通报制度 |",
                                 "| 3 | a\\|b |"]


# --- item 3: template code that fails or never ends: one line, exit 6 --------------------------------


@pytest.fixture()
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Half a second and a million characters of output, so the endless templates stop at once."""
    monkeypatch.setattr(template_limits, "LIMITS", template_limits.RenderLimits(seconds=0.5, output_chars=1_000_000))


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("zero-division.html.j2", "zero-division.html.j2 line 2: ZeroDivisionError: division by zero"),
        ("overflow.html.j2", "overflow.html.j2 line 1: OverflowError: "),
        ("huge-power.html.j2", "huge-power.html.j2 line 1: stopped: a number of about 346,587,024 bits (the limit is 100,000)"),
        ("recursion.html.j2", "recursion.html.j2 line 1: RecursionError: maximum recursion depth exceeded"),
        ("huge-string.html.j2",
         "huge-string.html.j2 line 1: stopped: a value of 4,000,000,000 items or characters (the limit is 10,000,000)"),
        ("huge-padding.html.j2", "huge-padding.html.j2 line 1: stopped: a size argument above 10,000,000"),
        ("doubling.html.j2", "doubling.html.j2 line 1: stopped: a value of 16,777,216 items or characters"),
        ("nested-loops.html.j2", "nested-loops.html.j2 line 1: stopped: rendering took longer than 0.5 s"),
        ("huge-output.html.j2", "huge-output.html.j2: stopped: the output passed 1,000,000 characters"),
    ],
)
@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_failing_or_endless_template_is_one_line(fmt: str, template: str, message: str) -> None:
    with pytest.raises(TemplateError) as caught:
        render_ledger(_ledger(), fmt, HOSTILE / template)
    assert caught.value.exit_code == 6
    assert caught.value.one_line().startswith(message)
    assert "\n" not in caught.value.one_line()


@pytest.mark.usefixtures("small_limits")
@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
        ("{{ 'x' * 4000000000 }}", "stopped: a value of 4,000,000,000 items or characters"),
        ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
         "stopped: rendering took longer than 0.5 s"),
    ],
)
def test_failing_or_endless_docx_and_xlsx_templates(tmp_path: Path, tag: str, message: str) -> None:
    document = docx.Document()
    document.add_paragraph("{{ ledger.title }}")
    document.add_paragraph(tag)
    document.save(str(tmp_path / "our.docx"))
    workbook = openpyxl.Workbook()
    workbook.active["A1"], workbook.active["A2"] = "{{ ledger.title }}", tag
    workbook.save(tmp_path / "our.xlsx")
    for fmt, where in (("docx", "our.docx"), ("xlsx", "our.xlsx 'Sheet' cell A2")):
        with pytest.raises(TemplateError) as caught:
            render_ledger(_ledger(), fmt, tmp_path / f"our.{fmt}")
        assert caught.value.exit_code == 6
        assert caught.value.one_line().startswith(f"{where}: {message}"), caught.value.one_line()


def test_cli_template_runtime_error_exit_6(tmp_path: Path) -> None:
    out = tmp_path / "台账.html"
    result = CliRunner().invoke(main, ["ledger", GOLD_DEQING, "-o", str(out), "--template",
                                       str(HOSTILE / "zero-division.html.j2")])
    assert result.exit_code == 6
    assert result.stderr.splitlines() == [
        "docproc: error: zero-division.html.j2 line 2: ZeroDivisionError: division by zero"]
    assert not out.exists()
