"""``docproc form``: self-check forms (自查表) to docproc.form/1 records, CSV and XLSX."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from docproc.cli import RecognitionArgs, check_outputs, output_stem, recognition_options, run_each
from docproc.fileio import write_bytes_atomic, write_json_atomic, write_text_atomic


@click.command("form")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for <name>.form.json; without it, one record goes to stdout.")
@click.option("--csv", "with_csv", is_flag=True, help="Also write <name>.form.csv (needs -o).")
@click.option("--xlsx", "with_xlsx", is_flag=True, help="Also write <name>.form.xlsx (needs -o).")
@recognition_options
@click.pass_context
def form_command(ctx: click.Context, files: tuple[Path, ...], output: Path | None, with_csv: bool,
                 with_xlsx: bool, **kwargs: Any) -> None:
    """Self-check forms (PDF, scan, image or document JSON) to tables and items."""
    from docproc.errors import UsageError
    from docproc.forms import FormReader
    from docproc.forms.export import form_csv, form_xlsx

    args = RecognitionArgs.pop_from(kwargs)
    inputs = list(files)
    if (with_csv or with_xlsx) and output is None:
        raise UsageError("--csv and --xlsx need -o DIR")
    suffixes = (".form.json",) + ((".form.csv",) if with_csv else ()) + ((".form.xlsx",) if with_xlsx else ())
    check_outputs(inputs, output, suffixes)
    reader = FormReader(args.recognizer(ctx).settings)

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        form = reader.read(path, password=args.password, progress=page_progress)
        for warning in form.warnings:
            click.echo(f"docproc: warning: {path}: {warning}", err=True)
        if output is None:
            click.echo(json.dumps(form.to_dict(), ensure_ascii=False, indent=1))
            return
        stem = output_stem(path)
        write_json_atomic(output / f"{stem}.form.json", form.to_dict())
        if with_csv:
            write_text_atomic(output / f"{stem}.form.csv", form_csv(form))
        if with_xlsx:
            write_bytes_atomic(output / f"{stem}.form.xlsx", form_xlsx(form))

    summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    summary.report()
    ctx.exit(summary.exit_code)

