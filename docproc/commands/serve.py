"""``docproc serve`` (the review desk) and ``docproc users add`` (its accounts)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from docproc.errors import MissingDependencyError, UsageError

_DATA_OPTION = click.option(
    "--data", "data_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="The desk's folder: its database, uploads, work files and (by default) the archive index.",
)


@click.command("serve")
@_DATA_OPTION
@click.option("--db", metavar="PATH|URL",
              help="Archive index: a SQLite file or a postgresql:// URL (default DIR/archive.sqlite3).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback unless you say otherwise).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port.")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes reading uploads (OCR).")
@click.option("--scheduler", metavar="URL", help="A Dask scheduler (tcp://host:8786): pages are read on the cluster.")
@click.option("--max-upload-mb", "max_upload_mb", type=click.FloatRange(0.1, 4096), default=50, show_default=True,
              help="Largest upload accepted.")
@click.option("--max-pages", "max_pages", type=click.IntRange(1, 4000), default=200, show_default=True,
              help="Most pages accepted in one upload.")
@click.pass_context
def serve_command(ctx: click.Context, data_dir: Path, db: str | None, host: str, port: int, jobs: int,
                  scheduler: str | None, max_upload_mb: float, max_pages: int) -> None:
    """The review desk and its REST API (/api, OpenAPI at /api/openapi.json)."""
    try:
        import uvicorn

        from docproc.web import DeskConfig, create_app
    except ImportError as exc:
        raise MissingDependencyError("the desk needs its extra: pip install 'docproc[web]'") from exc
    config = DeskConfig(data_dir=data_dir, db=db, jobs=jobs, scheduler=scheduler, settings=ctx.obj["settings"],
                        max_upload_bytes=int(max_upload_mb * 1024 * 1024), max_pages=max_pages)
    app = create_app(config)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"docproc: warning: the desk listens on {host}, not only this machine; serve it "
                   "behind HTTPS", err=True)
    click.echo(f"docproc: review desk on http://{host}:{port}/ (data in {data_dir})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)


@click.group("users")
def users_group() -> None:
    """Accounts of the review desk."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["clerk", "office", "archivist", "admin"]),
              help="clerk (uploads, corrections), office (ledgers), archivist (archive), admin (all).")
@_DATA_OPTION
def users_add_command(name: str, role: str, data_dir: Path) -> None:
    """Create an account (or reset its role and password); the password is read from standard input."""
    from docproc.web.accounts import add_user
    from docproc.web.config import DeskConfig
    from docproc.web.store import DeskStore

    if sys.stdin.isatty():
        password = click.prompt("password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UsageError("no password on standard input")
    store = DeskStore(DeskConfig(data_dir=data_dir).desk_db)
    try:
        add_user(store, name, role, password)
    finally:
        store.close()
    click.echo(f"user {name} ({role}) saved in {data_dir}", err=True)
