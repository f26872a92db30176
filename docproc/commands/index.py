"""``docproc index add|export|stats`` and ``docproc search``: the archive of indexed files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from docproc.commands.common import INPUT_PATHS, RecognitionArgs, recognition_options, run_each
from docproc.fileio import check_output_file, check_output_folder


def _db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", metavar="PATH|URL",
        help="SQLite file or postgresql:// URL (default: $DOCPROC_INDEX_DB, else archive.sqlite3 "
             "in the user's data folder).",
    )(command)


def _open(db: str | None, *, create: bool = False) -> Any:
    from docproc.index import open_store

    return open_store(db, create=create)


@click.group("index")
def index_group() -> None:
    """The archive index: add files, export the catalogue, show counts."""


@index_group.command("add")
@click.argument("paths", nargs=-1, required=True, type=INPUT_PATHS)
@_db_option
@click.option("--keep-pdf", "keep_pdf", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for a searchable PDF copy of each scan or PDF indexed.")
@recognition_options
@click.pass_context
def index_add_command(
    ctx: click.Context, paths: tuple[Path, ...], db: str | None, keep_pdf: Path | None, **kwargs: Any
) -> None:
    """Index files and folders (unchanged files are skipped, changed ones indexed again)."""
    from docproc.index import find_indexable_files
    from docproc.workflow import archive_file

    args = RecognitionArgs.pop_from(kwargs)
    if keep_pdf is not None:
        check_output_folder(keep_pdf)
    inputs = find_indexable_files(paths)
    store = _open(db, create=True)
    recognizer = args.recognizer(ctx)
    outcomes: dict[str, int] = {"added": 0, "updated": 0, "unchanged": 0}

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        outcome = archive_file(store, path, recognizer, password=args.password, progress=page_progress,
                               keep_pdf=keep_pdf)
        outcomes[outcome] += 1

    try:
        summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    finally:
        store.close()
    counts = ", ".join(f"{n} {name}" for name, n in outcomes.items())
    click.echo(f"index {store.location}: {counts}, {len(summary.failed)} failed", err=True)
    summary.report()
    ctx.exit(summary.exit_code)


@index_group.command("export")
@click.option("--format", "output_format", type=click.Choice(["xlsx", "csv"]), default=None,
              help="Catalogue format (default: from the extension of -o).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The catalogue file to write (归档文件目录 columns of DA/T 22-2015).")
@_db_option
def index_export_command(output_format: str | None, output: Path, db: str | None) -> None:
    """The catalogue of every indexed document as XLSX or CSV (DA/T 22-2015 归档文件目录)."""
    from docproc.errors import UsageError
    from docproc.index.catalogue_export import write_catalogue

    chosen = output_format or output.suffix.lower().lstrip(".")
    if chosen not in {"xlsx", "csv"}:
        raise UsageError(f"cannot tell the format of {output.name}: give --format xlsx or csv")
    check_output_file(output)
    store = _open(db)
    try:
        count = write_catalogue(store.entries(), output, chosen)
    finally:
        store.close()
    click.echo(f"{count} document(s) written to {output}", err=True)


@index_group.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@_db_option
def index_stats_command(as_json: bool, db: str | None) -> None:
    """How many documents and pages the index holds, by year, type and text source."""
    store = _open(db)
    try:
        stats = store.stats()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"{stats.backend} {stats.location}")
    click.echo(f"documents: {stats.documents}  pages: {stats.pages}  segments: {stats.segments}")
    for label, counts in (("year", stats.by_year), ("type", stats.by_type),
                          ("text source", stats.by_text_source)):
        click.echo(f"by {label}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def _styled_snippet(snippet: str, highlights: list[tuple[int, int]]) -> str:
    out: list[str] = []
    position = 0
    for start, end in highlights:
        out.append(snippet[position:start])
        out.append(click.style(snippet[start:end], bold=True, reverse=True))
        position = end
    out.append(snippet[position:])
    return "".join(out)


@click.command("search")
@click.argument("query")
@click.option("--issuer", help="Only documents whose 责任者 (any issuer of a joint issue) contains this.")
@click.option("--year", type=click.IntRange(1900, 2200), help="Only documents of this year.")
@click.option("--person", help="Only documents naming this person (leader or contact).")
@click.option("--doc-number", "doc_number", help="Only documents whose 文号 contains this.")
@click.option("--type", "doc_type", help="Only documents whose 文种 contains this (通知, 方案 …).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True,
              help="At most this many hits.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON list.")
@_db_option
def search_command(
    query: str, issuer: str | None, year: int | None, person: str | None, doc_number: str | None,
    doc_type: str | None, limit: int, as_json: bool, db: str | None,
) -> None:
    """Find indexed documents by full text (every space-separated term) and catalogue fields."""
    from docproc.index import SearchQuery

    store = _open(db)
    try:
        hits = store.search(SearchQuery(
            text=query, issuer=issuer, year=year, person=person, doc_number=doc_number,
            doc_type=doc_type, limit=limit,
        ))
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return
    for hit in hits:
        page = f" p.{hit.page}" if hit.page is not None else ""
        click.echo(f"{hit.path}{page}")
        fields = [hit.doc_number or "", hit.title or "", "、".join(hit.issuers), hit.issue_date or ""]
        click.echo("  " + " | ".join(f for f in fields if f))
        click.echo("  " + _styled_snippet(hit.snippet, hit.highlights))
    click.echo(f"{len(hits)} hit(s)", err=True)
