"""Jinja2 for ledger templates: one sandboxed, strict environment, and errors a clerk can act on.

Every template — ours in ``templates/`` and an office's own (``--template``) — renders in a
:class:`jinja2.sandbox.SandboxedEnvironment` with :class:`jinja2.StrictUndefined`, so a misspelt
field fails instead of printing nothing, and template code cannot reach Python internals. A failure
becomes one :class:`docproc.errors.TemplateError` line naming the field and the template line:
``our.html.j2 line 12: unknown field 'row.ownr' (a row has: no, item, …)``.

Every value a CSV or Markdown template prints goes through one filter (Jinja's ``finalize``), as
HTML's goes through autoescaping: in CSV it is quoted and neutralised against formulas, in Markdown
its pipes and line breaks are escaped — ``{{ row.item }}`` is as safe as ``{{ [...] | csv_row }}``.
Rendering is bounded in time and size (:mod:`docproc.ledger.template_limits`); whatever a template
raises (a division by zero, a recursion, a limit) is one ``TemplateError`` line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from docproc.errors import TemplateError
from docproc.ledger.template_limits import BoundedSandbox, RenderLimitError
from docproc.model.ledger import STATUSES, Ledger

# A cell text starting with one of these is a formula (or a DDE payload) to Excel and LibreOffice.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_MISSING_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined")


def neutralise_formula(text: str) -> str:
    """``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``: OCR text never becomes a formula in CSV or XLSX."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value)


class CsvText(str):
    """CSV text made by :func:`csv_row`: already quoted and neutralised, printed as it is."""


class MarkdownText(str):
    """Markdown made by :func:`md_cell`: already escaped, printed as it is."""


def csv_row(values: Iterable[Any]) -> CsvText:
    """One CSV line (RFC 4180 quoting, no line end), every cell neutralised against formulas."""
    buffer = io.StringIO()
    # The writer's own line end makes it quote cells holding line breaks; the template adds the end.
    csv.writer(buffer, lineterminator="\r\n").writerow(neutralise_formula(_cell_text(v)) for v in values)
    return CsvText(buffer.getvalue()[:-2])


def md_cell(value: Any) -> MarkdownText:
    """A Markdown table cell: pipes escaped, line breaks as ``<br>``, HTML special characters escaped."""
    text = _cell_text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MarkdownText(text.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>"))


def csv_value(value: Any) -> str:
    """What ``{{ value }}`` prints in a CSV template: one quoted, neutralised cell."""
    return value if isinstance(value, CsvText) else csv_row([value])


def md_value(value: Any) -> str:
    """What ``{{ value }}`` prints in a Markdown template: an escaped table cell."""
    return value if isinstance(value, MarkdownText) else md_cell(value)


# How each text format prints a value: (autoescape, the finalize filter).
OUTPUT_ESCAPING: dict[str, tuple[bool, Callable[[Any], Any] | None]] = {
    "html": (True, None),
    "md": (False, md_value),
    "csv": (False, csv_value),
}


def ledger_context(ledger: Ledger) -> dict[str, Any]:
    """What a template sees: ``ledger`` (the record's JSON), ``rows`` (each with ``source``, a readable
    reference), ``sources`` and ``statuses`` (the drop-down values)."""
    record = ledger.to_dict()
    rows = []
    for row, data in zip(ledger.rows, record["rows"], strict=True):
        rows.append(data | {"source": row.source_ref.label()})
    return {"ledger": record, "rows": rows, "sources": record["sources"], "statuses": list(STATUSES)}


def row_fields() -> list[str]:
    """The names a template may use on a row (for error messages and docs)."""
    from docproc.model.ledger import LedgerRow

    return [*LedgerRow(no=0, item="").to_dict(), "source"]


def make_environment(
    search_dirs: Iterable[Path], *, autoescape: bool, finalize: Callable[[Any], Any] | None = None
) -> BoundedSandbox:
    env = BoundedSandbox(
        loader=jinja2.FileSystemLoader([str(d) for d in search_dirs]),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.add_filter("csv_row", csv_row)
    env.add_filter("md_cell", md_cell)
    env.add_filter("neutralise", neutralise_formula)
    return env


def _template_line(exc: BaseException, filename: str | None) -> int | None:
    """The line of the template where a render error happened (Jinja maps frames onto template lines)."""
    if filename is None:
        return None
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def field_of_error(exc: BaseException, source_line: str | None = None) -> str | None:
    """The field a StrictUndefined error is about, with its object when the line shows it (``row.ownr``)."""
    message = str(exc)
    match = _MISSING_ATTRIBUTE.search(message) or _UNDEFINED_NAME.search(message)
    if match is None:
        return None
    name = match.group(1)
    if source_line:
        dotted = re.search(rf"([A-Za-z_][\w.]*\.)?{re.escape(name)}\b", source_line)
        if dotted:
            return dotted.group(0)
    return name


def describe_template_error(exc: Exception, where: str, source_line: str | None = None) -> TemplateError:
    """One TemplateError line: where (``our.html.j2 line 12`` / ``our.xlsx cell C4``) and what is wrong."""
    if isinstance(exc, jinja2.UndefinedError):
        field = field_of_error(exc, source_line)
        known = ", ".join(row_fields())
        what = f"unknown field {field!r}" if field else str(exc)
        return TemplateError(f"{where}: {what} (a row has: {known}; the ledger has: title, unit, generated_on, sources, rows)")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(f"{where}: template syntax error: {exc.message}")
    if isinstance(exc, RenderLimitError):
        return TemplateError(f"{where}: stopped: {exc}")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return TemplateError(f"{where}: not allowed in a template: {exc}")
    return TemplateError(f"{where}: {type(exc).__name__}: {exc}")


def render_template_file(path: Path, context: dict[str, Any], *, output: str) -> str:
    """Render one Jinja2 template file of an ``output`` format (``html``, ``md``, ``csv``: how its
    values are escaped); every failure is one TemplateError line with the template line."""
    if not path.is_file():
        raise TemplateError(f"template {path} does not exist")
    autoescape, finalize = OUTPUT_ESCAPING[output]
    env = make_environment([path.parent], autoescape=autoescape, finalize=finalize)
    try:
        template = env.get_template(path.name)
    except jinja2.TemplateSyntaxError as exc:
        raise describe_template_error(exc, f"{path.name} line {exc.lineno}") from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(f"template {path} is not UTF-8 text") from exc
    try:
        return template.render(context)
    except Exception as exc:  # whatever template code raises: 1/0, a recursion, a limit
        line = _template_line(exc, template.filename)
        source_line = _source_line(path, line)
        where = f"{path.name} line {line}" if line else path.name
        raise describe_template_error(exc, where, source_line) from exc


def _source_line(path: Path, line: int | None) -> str | None:
    if line is None:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else None


def render_string(
    source: str, context: dict[str, Any], where: Callable[[], str], *, autoescape: bool = False
) -> str:
    """Render a template held in a cell (XLSX) with the same sandbox; ``where()`` names the cell."""
    env = _string_environment(autoescape)
    try:
        return env.from_string(source).render(context)
    except Exception as exc:  # whatever template code raises: 1/0, a recursion, a limit
        raise describe_template_error(exc, where(), source) from exc


_STRING_ENVS: dict[bool, BoundedSandbox] = {}


def _string_environment(autoescape: bool) -> BoundedSandbox:
    env = _STRING_ENVS.get(autoescape)
    if env is None:
        env = make_environment([], autoescape=autoescape)
        _STRING_ENVS[autoescape] = env
    return env

