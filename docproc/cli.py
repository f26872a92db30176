"""The ``docproc`` command: a thin click layer over the library.

This module is the command group alone: global flags, settings, errors turned into one line and an
exit code. Each command lives in ``docproc/commands/`` (imported only when named) and parses its
arguments, calls the library (``docproc.workflow`` joins the stages), writes the outputs atomically,
and reports. Errors are :class:`docproc.errors.DocprocError`: one line on stderr and the error's
exit code (``--debug`` shows the traceback). A run over several inputs finishes the others after a
failure, prints a summary and exits with the first failure's code.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from docproc import __version__
from docproc.commands.common import echo_error
from docproc.config import load_settings
from docproc.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, DocprocError

# Every command lives in its own module, imported only when named (a command loads only what it
# uses). name -> "module:attribute" of a click command or group.
LAZY_COMMANDS: dict[str, str] = {
    "ocr": "docproc.commands.ocr:ocr_command",
    "extract": "docproc.commands.extract:extract_command",
    "index": "docproc.commands.index:index_group",
    "search": "docproc.commands.index:search_command",
    "batch": "docproc.commands.batch:batch_command",
    "ledger": "docproc.commands.ledger:ledger_group",
    "form": "docproc.commands.form:form_command",
    "serve": "docproc.commands.serve:serve_command",
    "users": "docproc.commands.serve:users_group",
}


class DocprocGroup(click.Group):
    """Turns DocprocError into one stderr line and its exit code; Ctrl-C into 130.

    Click's own usage errors (unknown flag, bad value) exit 1 like ours, not click's 2, which
    docproc reserves for bad input files.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            exc.show()
            sys.exit(EXIT_USAGE)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("docproc: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else EXIT_OK)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY_COMMANDS.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        import importlib

        module_name, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{target} is not a click command")
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DocprocError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            echo_error(exc)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("docproc: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)


@click.group(cls=DocprocGroup)
@click.version_option(__version__, prog_name="docproc")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file (default: ./docproc.toml or $DOCPROC_CONFIG).",
)
@click.pass_context
def main(ctx: click.Context, debug: bool, config: Path | None) -> None:
    """docproc: scanned Chinese official notices to text, records and ledgers."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    try:
        ctx.obj["settings"] = load_settings(config)
    except DocprocError as exc:
        echo_error(exc)
        ctx.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
