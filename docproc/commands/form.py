"""``docproc form``: self-check forms (自查表) to docproc.form/1 records, CSV and XLSX."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from docproc.commands.common import (
    INPUT_PATHS,
    RecognitionArgs,
    check_outputs,
    recognition_options,
    run_each,
)
from docproc.workflow import OutputFiles, OutputKind, write_form_files


@click.command("form")
@click.argument("files", nargs=-1, required=True, type=INPUT_PATHS)
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

    args = RecognitionArgs.pop_from(kwargs)
    inputs = list(files)
    if (with_csv or with_xlsx) and output is None:
        raise UsageError("--csv and --xlsx need -o DIR")
    kinds: list[OutputKind] = ["form"]
    if with_csv:
        kinds.append("form_csv")
    if with_xlsx:
        kinds.append("form_xlsx")
    check_outputs(inputs, output, kinds)
    reader = FormReader(args.recognizer(ctx).settings)

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        form = reader.read(path, password=args.password, progress=page_progress)
        for warning in form.warnings:
            click.echo(f"docproc: warning: {path}: {warning}", err=True)
        if output is None:
            click.echo(json.dumps(form.to_dict(), ensure_ascii=False, indent=1))
            return
        write_form_files(form, OutputFiles.of(path, output), csv=with_csv, xlsx=with_xlsx)

    summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    summary.report()
    ctx.exit(summary.exit_code)

