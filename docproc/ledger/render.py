"""A ledger to bytes in one of its formats, through the built-in templates or an office's own.

| format | built-in template            | an office's own ``--template`` |
|--------|------------------------------|--------------------------------|
| xlsx   | ``templates/ledger.xlsx.json`` (look) + the preset's columns, openpyxl | ``our.xlsx`` (cells with ``{{ … }}``) |
| docx   | the preset's ``templates/ledger*.docx`` (docxtpl) | ``our.docx`` |
| html   | ``templates/ledger.html.j2`` | ``our.html.j2`` |
| pdf    | the HTML template, through WeasyPrint | ``our.html.j2`` |
| md     | ``templates/ledger.md.j2``   | ``our.md.j2`` |
| csv    | ``templates/ledger.csv.j2``  | ``our.csv.j2`` |

The HTML, Markdown and CSV templates lay out whatever columns the ledger's preset has
(:func:`template_context` gives them ``columns``, each row's merged-cell ``spans`` and the CSV
``table``), so one template serves every preset.
"""

from __future__ import annotations

from pathlib import Path

from docproc.errors import TemplateError, UsageError
from docproc.fileio import write_bytes_atomic
from docproc.ledger.context import template_context
from docproc.ledger.templating import render_template_file
from docproc.model.ledger import Ledger
from docproc.resources import templates_dir

FORMATS: tuple[str, ...] = ("xlsx", "docx", "html", "pdf", "md", "csv")
# Text formats: the built-in Jinja template of each (templating.OUTPUT_ESCAPING says how values are escaped).
_TEXT_TEMPLATES = {"html": "ledger.html.j2", "md": "ledger.md.j2", "csv": "ledger.csv.j2"}
# What kind of user template each format takes (by the template file's name).
_TEMPLATE_KINDS = {"xlsx": (".xlsx",), "docx": (".docx",), "html": (".j2", ".html", ".htm"),
                   "pdf": (".j2", ".html", ".htm"), "md": (".j2", ".md"), "csv": (".j2", ".csv")}


def format_of(path: Path, explicit: str | None = None) -> str:
    """The output format: ``explicit`` (``--format``) or the extension of ``path``."""
    fmt = (explicit or path.suffix.lstrip(".")).lower()
    if fmt == "htm":
        fmt = "html"
    if fmt not in FORMATS:
        raise UsageError(f"cannot tell the ledger format of {path.name}: use one of .{', .'.join(FORMATS)} or --format")
    return fmt


def check_template(template: Path, fmt: str) -> None:
    """Refuse a template that is missing or cannot make ``fmt`` (before any input is read)."""
    if not template.is_file():
        raise TemplateError(f"template {template} does not exist")
    if not template.name.lower().endswith(_TEMPLATE_KINDS[fmt]):
        kinds = " or ".join(_TEMPLATE_KINDS[fmt])
        raise TemplateError(f"template {template.name} cannot make a .{fmt} ledger (it needs a {kinds} template)")


def render_text(ledger: Ledger, fmt: str, template: Path | None = None) -> str:
    """HTML, Markdown or CSV text of the ledger."""
    path = template or templates_dir() / _TEXT_TEMPLATES[fmt]
    return render_template_file(path, template_context(ledger), output=fmt)


def render_ledger(ledger: Ledger, fmt: str, template: Path | None = None) -> bytes:
    """The ledger as the bytes of a ``fmt`` file (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown ledger format {fmt!r}; use one of {', '.join(FORMATS)}")
    if template is not None:
        check_template(template, fmt)
    if fmt == "xlsx":
        if template is not None:
            from docproc.ledger.xlsx_template import render_xlsx_template

            return render_xlsx_template(ledger, template)
        from docproc.ledger.xlsx import render_xlsx

        return render_xlsx(ledger)
    if fmt == "docx":
        from docproc.ledger.docx import render_docx

        return render_docx(ledger, template)
    if fmt == "pdf":
        from docproc.ledger.pdf import html_to_pdf

        html = render_text(ledger, "html", template)
        return html_to_pdf(html, template or templates_dir() / "ledger.html.j2")
    text = render_text(ledger, fmt, template)
    # CSV with a BOM: Excel otherwise reads UTF-8 Chinese as mojibake.
    return ("\ufeff" + text if fmt == "csv" else text).encode("utf-8")


def write_ledger(ledger: Ledger, path: str | Path, fmt: str | None = None, template: Path | None = None) -> Path:
    """Render and write the ledger atomically; the format comes from ``fmt`` or the extension."""
    target = Path(path)
    return write_bytes_atomic(target, render_ledger(ledger, format_of(target, fmt), template))
