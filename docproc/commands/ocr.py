"""``docproc ocr``: scanned or born-digital files back to reading-order text and document JSON."""

from __future__ import annotations

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
from docproc.errors import UsageError
from docproc.read_ahead import ReadAhead
from docproc.workflow import OutputFiles, OutputKind, write_archival_copies, write_document_files


@click.command("ocr")
@click.argument("files", nargs=-1, required=True, type=INPUT_PATHS)
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for <name>.txt and <name>.document.json; without it, one file's text goes to stdout.")
@click.option("--searchable-pdf", "searchable_pdf", is_flag=True,
              help="Also write <name>.searchable.pdf: the scan with an invisible text layer (needs -o).")
@click.option("--alto", is_flag=True, help="Also write <name>.alto.xml (ALTO v4 XML; needs -o).")
@recognition_options
@click.pass_context
def ocr_command(
    ctx: click.Context, files: tuple[Path, ...], output: Path | None, searchable_pdf: bool, alto: bool,
    **kwargs: Any,
) -> None:
    """Scanned or born-digital files back to reading-order text and document JSON."""
    args = RecognitionArgs.pop_from(kwargs)
    inputs = list(files)
    if (searchable_pdf or alto) and output is None:
        raise UsageError("--searchable-pdf and --alto write files: give -o DIR")
    kinds: list[OutputKind] = ["text", "document"]
    if searchable_pdf:
        kinds.append("searchable_pdf")
    if alto:
        kinds.append("alto")
    check_outputs(inputs, output, kinds)
    recognizer = args.recognizer(ctx)
    read_ahead = ReadAhead(recognizer, inputs, password=args.password)

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        document = read_ahead.recognize(path, progress=page_progress)
        for warning in document.warnings:
            click.echo(f"docproc: warning: {path}: {warning}", err=True)
        if output is None:
            click.echo(document.text)
            return
        files = OutputFiles.of(path, output)
        write_document_files(document, files)
        write_archival_copies(document, path, files, searchable_pdf=searchable_pdf, alto=alto,
                              password=args.password)

    with read_ahead:
        summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    summary.report()
    ctx.exit(summary.exit_code)
