"""``docproc ledger``: rectification ledgers (整改台账) from notices and self-check forms.

``docproc ledger FILE… -o OUT.xlsx`` builds a ledger; ``docproc ledger status 台账.xlsx --on DATE``
(``-o report.pdf``), ``docproc ledger update 台账.xlsx FILE…`` and ``docproc ledger calendar 台账.xlsx
-o deadlines.ics`` track one. The group sends an argument list that does
not start with a sub-command name to ``build``, so ``docproc ledger FILE… -o …`` and
``docproc ledger build FILE… -o …`` are the same (a file literally named ``status``, ``update`` or
``calendar`` needs ``build`` or a path such as ``./status``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from docproc.commands.common import INPUT_PATHS, RecognitionArgs, recognition_options, run_each
from docproc.errors import NothingExtractedError, UsageError
from docproc.fileio import guard_outputs, write_bytes_atomic, write_json_atomic
from docproc.ledger.presets import PRESET_NAMES
from docproc.ledger.render import FORMATS
from docproc.workflow import ledger_record_path, read_ledger_input


class LedgerGroup(click.Group):
    """A group whose first argument, when it is not a sub-command, starts a ``build`` call."""

    default_command = "build"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def _iso_date(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise UsageError(f"{flag} wants a date like 2021-11-01, got {value!r}") from exc


def _load_records(
    ctx: click.Context, inputs: list[Path], args: RecognitionArgs
) -> tuple[list[Any], int]:
    """Notice/form records of the inputs, in order; a failed input is reported and skipped."""
    recognizer = args.recognizer(ctx)
    records: dict[Path, Any] = {}

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        record = read_ledger_input(path, recognizer, password=args.password, progress=page_progress)
        for warning in getattr(record, "warnings", []):
            click.echo(f"docproc: warning: {path}: {warning}", err=True)
        records[path] = record

    summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    summary.report()
    return [records[p] for p in inputs if p in records], summary.exit_code


@click.group("ledger", cls=LedgerGroup)
def ledger_group() -> None:
    """Rectification ledgers: build one from notices and forms (docproc ledger FILE… -o OUT),
    list overdue rows and report with charts (status), add new notices to a filled-in ledger
    (update), export its deadlines to calendars (calendar)."""


@ledger_group.command("build")
@click.argument("files", nargs=-1, required=True, type=INPUT_PATHS)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help=f"The ledger file: {', '.join('.' + f for f in FORMATS)}.")
@click.option("--format", "output_format", type=click.Choice(FORMATS),
              help="Format, when the extension of -o does not say it.")
@click.option("--json", "write_json", is_flag=True,
              help="Also write the docproc.ledger/1 record as <OUT stem>.ledger.json.")
@click.option("--unit", help="填报单位 in the header.")
@click.option("--title", help="Ledger title (default: from the notice title, …整改台账).")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="填报日期 (default: today).")
@click.option("--preset", type=click.Choice(PRESET_NAMES), default="campaign",
              show_default=True,
              help="Column set: campaign (专项整治), inspection (巡视/巡察/审计整改: 方面→内容→具体问题, "
                   "责任领导), hazard (安全隐患: 被检查单位, 检查日期, 整改到位时间).")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
              help="An office's own template: our.xlsx, our.docx or our.html.j2/.md.j2/.csv.j2.")
@recognition_options
@click.pass_context
def build_command(
    ctx: click.Context, files: tuple[Path, ...], output: Path, output_format: str | None,
    write_json: bool, unit: str | None, title: str | None, date: str | None, preset: str,
    template: Path | None, **kwargs: Any,
) -> None:
    """Notices (PDF, image, .txt, .html, document or notice JSON) and self-check forms (form JSON) → one ledger."""
    from docproc.ledger import build_ledger, format_of, render_ledger
    from docproc.ledger.render import check_template

    args = RecognitionArgs.pop_from(kwargs)
    inputs = list(files)
    fmt = format_of(output, output_format)
    if template is not None:
        check_template(template, fmt)
    guard_outputs(inputs, [output, *([ledger_record_path(output)] if write_json else [])])
    records, exit_code = _load_records(ctx, inputs, args)
    if not records:
        ctx.exit(exit_code)
    ledger = build_ledger(records, title=title, unit=unit, date=_iso_date(date, "--date"), preset=preset)
    if not ledger.rows:
        raise NothingExtractedError("no tasks or problems found in the inputs: the ledger would be empty")
    data = render_ledger(ledger, fmt, template)
    write_bytes_atomic(output, data)
    if write_json:
        write_json_atomic(ledger_record_path(output), ledger.to_dict())
    click.echo(f"{output}: {len(ledger.rows)} rows from {len(records)} input(s)", err=True)
    ctx.exit(exit_code)


@ledger_group.command("status")
@click.argument("ledger_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--on", "on", metavar="YYYY-MM-DD", help="The day to judge on (default: today).")
@click.option("--soon", type=click.IntRange(0, 3650), default=7, show_default=True,
              help="Rows due within this many days count as due soon.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report with charts: .html, .pdf or .xlsx.")
def status_command(ledger_file: Path, on: str | None, soon: int, as_json: bool, output: Path | None) -> None:
    """Overdue and due-soon rows of a filled-in XLSX ledger (rows 已完成/已销号 are done); with -o, a
    report with the counts and charts by status and by unit."""
    from docproc.ledger import ledger_status, read_ledger_xlsx

    if output is not None:
        from docproc.ledger.status_report import report_format_of

        report_format_of(output)
        guard_outputs([ledger_file], [output])
    day = dt.date.fromisoformat(_iso_date(on, "--on") or dt.date.today().isoformat())
    report = ledger_status(read_ledger_xlsx(ledger_file), day, soon)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(report.to_text())
    if output is not None:
        from docproc.ledger.status_report import write_status_report

        write_status_report(report, output)
        click.echo(f"{output}: {report.total} rows, charts by status and by unit", err=True)


@ledger_group.command("update")
@click.argument("ledger_file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("files", nargs=-1, required=True, type=INPUT_PATHS)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the updated ledger here instead of replacing LEDGER_FILE.")
@click.option("--json", "write_json", is_flag=True,
              help="Also write the updated docproc.ledger/1 record as <ledger stem>.ledger.json.")
@recognition_options
@click.pass_context
def update_command(
    ctx: click.Context, ledger_file: Path, files: tuple[Path, ...], output: Path | None,
    write_json: bool, **kwargs: Any,
) -> None:
    """Add the tasks of new notices (or problems of forms) to an XLSX ledger; every cell clerks
    filled in stays as it is."""
    from docproc.ledger import update_ledger_xlsx

    args = RecognitionArgs.pop_from(kwargs)
    inputs = list(files)
    target = output or ledger_file
    if output is not None and output.suffix.lower() != ".xlsx":
        raise UsageError(f"-o {output}: an updated ledger is an .xlsx file")
    guard_outputs(inputs, [target, *([ledger_record_path(target)] if write_json else [])])
    records, exit_code = _load_records(ctx, inputs, args)
    if not records:
        ctx.exit(exit_code)
    result = update_ledger_xlsx(ledger_file, records)
    write_bytes_atomic(target, result.data)
    if write_json:
        write_json_atomic(ledger_record_path(target), result.ledger.to_dict())
    click.echo(f"{target}: added {len(result.added)} row(s), kept {result.kept}", err=True)
    ctx.exit(exit_code)


@ledger_group.command("calendar")
@click.argument("ledger_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The iCalendar file to write (.ics).")
def calendar_command(ledger_file: Path, output: Path) -> None:
    """Deadlines of an XLSX ledger as an iCalendar file: one event per row with a 整改时限, reminders 7
    days and 1 day before; exporting again after an update keeps each task's event UID."""
    from docproc.ledger import read_ledger_xlsx
    from docproc.ledger.ical import calendar_bytes

    if output.suffix.lower() != ".ics":
        raise UsageError(f"-o {output}: a calendar is an .ics file")
    guard_outputs([ledger_file], [output])
    ledger = read_ledger_xlsx(ledger_file)
    write_bytes_atomic(output, calendar_bytes(ledger))
    dated = sum(1 for row in ledger.rows if row.deadline)
    click.echo(f"{output}: {dated} event(s) from {len(ledger.rows)} row(s)", err=True)
