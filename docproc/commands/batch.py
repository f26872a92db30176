"""``docproc batch DIR -o OUT``: every file under a folder, in parallel, resumable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from docproc.commands.common import RecognitionArgs, recognition_options
from docproc.fileio import check_output_folder


@click.command("batch")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for results/<path>/… and manifest.jsonl (created if missing).")
@click.option("--jobs", type=click.IntRange(1, 256),
              help="Local worker processes (default: the number of cores).")
@click.option("--scheduler", metavar="URL",
              help="Run on a Dask cluster, e.g. tcp://host:8786, instead of local processes.")
@click.option("--watch", is_flag=True, help="Keep watching the folder and process new files.")
@click.option("--poll-seconds", type=click.FloatRange(0.1), default=2.0, show_default=True,
              help="--watch: seconds between scans of the folder.")
@click.option("--max-idle", type=click.FloatRange(0), metavar="SECONDS",
              help="--watch: stop after this many seconds without a new file (default: never).")
@click.option("--retry-failed", is_flag=True,
              help="Process again the unchanged files that failed last time.")
@click.option("--ledger", is_flag=True,
              help="Also write each notice's rectification ledger, <name>.ledger.xlsx.")
@click.option("--index", "index_db", metavar="PATH|URL",
              help="Also add each input to the archive index at this SQLite path or postgresql:// URL.")
@recognition_options
@click.pass_context
def batch_command(
    ctx: click.Context,
    folder: Path,
    output: Path,
    jobs: int | None,
    scheduler: str | None,
    watch: bool,
    poll_seconds: float,
    max_idle: float | None,
    retry_failed: bool,
    ledger: bool,
    index_db: str | None,
    **kwargs: Any,
) -> None:
    """Every file under FOLDER: document JSON, text and notice JSON per input, and a manifest."""
    import os

    from docproc.batch import BatchOptions, run_batch
    from docproc.batch.followups import index_follow_up, ledger_follow_up
    from docproc.batch.local_pool import default_threads
    from docproc.batch.results import FollowUp

    args = RecognitionArgs.pop_from(kwargs)
    check_output_folder(output)
    jobs = jobs or os.cpu_count() or 1
    settings = args.recognizer(ctx).settings
    if args.threads is None:
        settings = settings.with_overrides(threads=1 if scheduler else default_threads(jobs))
    follow_ups: list[FollowUp] = [ledger_follow_up("xlsx")] if ledger else []
    store = None
    if index_db is not None:
        from docproc.index import open_store

        store = open_store(index_db)
        follow_ups.append(index_follow_up(store))
    options = BatchOptions(
        source=folder,
        output=output,
        settings=settings,
        jobs=jobs,
        scheduler=scheduler,
        password=args.password,
        watch=watch,
        poll_seconds=poll_seconds,
        max_idle=max_idle,
        retry_failed=retry_failed,
        show_progress=args.show_progress,
        follow_ups=follow_ups,
        report=lambda message: click.echo(message, err=True),
    )
    try:
        summary = run_batch(options)
    finally:
        if store is not None:
            store.close()
    for line in summary.lines():
        click.echo(line, err=True)
    ctx.exit(summary.exit_code)
