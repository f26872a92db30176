"""``docproc extract``: notices (PDF, image, .txt or document JSON) to docproc.notice/1 records."""

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
from docproc.read_ahead import ReadAhead
from docproc.workflow import OutputFiles, OutputKind, write_notice_files


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=INPUT_PATHS)
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for <name>.notice.json; without it, one record goes to stdout.")
@click.option("--format", "output_format", type=click.Choice(["json", "md"]), default="json",
              show_default=True, help="md: a readable summary (with -o, written as <name>.notice.md too).")
@recognition_options
@click.pass_context
def extract_command(
    ctx: click.Context, files: tuple[Path, ...], output: Path | None, output_format: str, **kwargs: Any
) -> None:
    """Notices (PDF, image, .txt, saved web page .html or document JSON) to docproc.notice/1 records."""
    from docproc.extract import extract_notice
    from docproc.notice_summary import notice_to_markdown

    args = RecognitionArgs.pop_from(kwargs)
    inputs = list(files)
    markdown = output_format == "md"
    kinds: list[OutputKind] = ["notice", "notice_md"] if markdown else ["notice"]
    check_outputs(inputs, output, kinds)
    read_ahead = ReadAhead(args.recognizer(ctx), inputs, password=args.password)

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        document = read_ahead.recognize(path, progress=page_progress)
        notice = extract_notice(document)
        for warning in notice.warnings:
            click.echo(f"docproc: warning: {path}: {warning}", err=True)
        if output is None:
            if markdown:
                click.echo(notice_to_markdown(notice), nl=False)
            else:
                click.echo(json.dumps(notice.to_dict(), ensure_ascii=False, indent=1))
            return
        write_notice_files(notice, OutputFiles.of(path, output), markdown=markdown)

    with read_ahead:
        summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    summary.report()
    ctx.exit(summary.exit_code)
