"""The ``docproc`` command: a thin click layer over the library.

Each command parses its arguments, calls one library function per input, writes the outputs
atomically, and reports. Errors are :class:`docproc.errors.DocprocError`: one line on stderr and the
error's exit code (``--debug`` shows the traceback). A run over several inputs finishes the others
after a failure, prints a summary and exits with the first failure's code.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from docproc import __version__
from docproc.config import Settings, load_settings
from docproc.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    DocprocError,
    UsageError,
)
from docproc.fileio import guard_outputs, write_json_atomic, write_text_atomic


@dataclass
class RunSummary:
    """What happened to each input of a multi-file run."""

    done: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, DocprocError]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return self.failed[0][1].exit_code if self.failed else EXIT_OK

    def report(self) -> None:
        total = len(self.done) + len(self.failed)
        if total <= 1 and not self.failed:
            return
        click.echo(f"{total} file(s): {len(self.done)} ok, {len(self.failed)} failed", err=True)
        for path, error in self.failed:
            click.echo(f"  failed: {path}: {' '.join(error.message.split())}", err=True)


def _echo_error(error: DocprocError) -> None:
    click.echo(f"docproc: error: {error.one_line()}", err=True)


def _unexpected(path: Path, exc: Exception) -> DocprocError:
    """An exception docproc did not foresee, turned into an input error for this one file."""
    err = DocprocError(f"unexpected {type(exc).__name__}: {exc}", path=str(path))
    err.exit_code = 2
    return err


@contextmanager
def _progress(total: int, unit: str, enabled: bool, desc: str) -> Iterator[Any]:
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=total, unit=unit, desc=desc, leave=False, file=sys.stderr, dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()


def run_each(
    inputs: Sequence[Path],
    work: Callable[[Path, Callable[[int, int], None]], None],
    *,
    debug: bool,
    show_progress: bool,
) -> RunSummary:
    """Call ``work(path, page_progress)`` for each input; a failure is recorded and the run goes on."""
    summary = RunSummary()
    with _progress(len(inputs), "file", show_progress and len(inputs) > 1, "files") as files_bar:
        for path in inputs:
            with _progress(0, "page", show_progress, path.name) as pages_bar:

                def page_progress(done: int, total: int, bar: Any = pages_bar) -> None:
                    if bar is not None:
                        bar.total = total
                        bar.n = done
                        bar.refresh()

                try:
                    work(path, page_progress)
                except DocprocError as exc:
                    exc.path = exc.path or str(path)
                    summary.failed.append((path, exc))
                    _echo_error(exc)
                    if debug:
                        traceback.print_exc()
                except (KeyboardInterrupt, MemoryError):
                    raise
                except Exception as exc:  # one bad file must not stop the batch
                    error = _unexpected(path, exc)
                    summary.failed.append((path, error))
                    _echo_error(error)
                    if debug:
                        traceback.print_exc()
                else:
                    summary.done.append(path)
            if files_bar is not None:
                files_bar.update(1)
    return summary


def _parse_engine_options(values: Sequence[str]) -> dict[str, str]:
    options: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--engine-option wants KEY=VALUE, got {item!r}")
        options[key.strip().replace("-", "_")] = value.strip()
    return options


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    base: Settings = ctx.obj["settings"]
    return base.with_overrides(**overrides)


# Commands that live in their own modules, imported only when named (keeps `docproc ocr` start-up
# light). name -> "module:attribute" of a click command or group.
LAZY_COMMANDS: dict[str, str] = {
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
            _echo_error(exc)
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
        _echo_error(exc)
        ctx.exit(exc.exit_code)


def _engine_choice() -> click.Choice[str]:
    """The registry's engine names (importing the registry loads no engine)."""
    from docproc.ocr.registry import engine_names

    return click.Choice(engine_names())


def recognition_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The flags every command that reads files shares (engine, threads, dpi, password, progress)."""
    options = [
        click.option("--engine", type=_engine_choice(), help="OCR engine (default: rapid)."),
        click.option("--engine-option", "engine_option", multiple=True, metavar="KEY=VALUE",
                     help="Engine setting, e.g. replay_dir=cache/ or det_model_dir=… (repeatable)."),
        click.option("--threads", type=click.IntRange(1, 64), help="OCR threads (default 2)."),
        click.option("--dpi", type=click.IntRange(72, 1200),
                     help="Rasterisation DPI of scanned PDF pages (default 300)."),
        click.option("--force-ocr", is_flag=True, default=None,
                     help="OCR pages even when they have a text layer."),
        click.option("--password", help="Password of encrypted PDFs."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress bars (default: when stderr is a terminal)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@dataclass
class RecognitionArgs:
    engine: str | None
    engine_option: tuple[str, ...]
    threads: int | None
    dpi: int | None
    force_ocr: bool | None
    password: str | None
    progress: bool | None

    @classmethod
    def pop_from(cls, kwargs: dict[str, Any]) -> RecognitionArgs:
        return cls(**{name: kwargs.pop(name) for name in cls.__dataclass_fields__})

    def recognizer(self, ctx: click.Context) -> Any:
        from docproc.pipeline import Recognizer

        settings = _settings(
            ctx,
            engine=self.engine,
            threads=self.threads,
            dpi=self.dpi,
            force_ocr=self.force_ocr,
            engine_options=_parse_engine_options(self.engine_option) or None,
        )
        return Recognizer(settings)

    @property
    def show_progress(self) -> bool:
        return sys.stderr.isatty() if self.progress is None else self.progress


def output_stem(path: Path) -> str:
    """``scan.pdf`` → ``scan``; ``scan.document.json`` → ``scan``."""
    name = path.name
    for suffix in (".document.json", ".notice.json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def check_outputs(inputs: list[Path], output: Path | None, suffixes: tuple[str, ...]) -> None:
    if output is None and len(inputs) > 1:
        raise UsageError("several inputs need -o DIR (without it, one file's result goes to stdout)")
    if output is not None:
        guard_outputs(inputs, [output / f"{output_stem(p)}{s}" for p in inputs for s in suffixes])


@main.command("ocr")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
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
    extra_suffixes = (".searchable.pdf",) * searchable_pdf + (".alto.xml",) * alto
    check_outputs(inputs, output, (".txt", ".document.json", *extra_suffixes))
    recognizer = args.recognizer(ctx)

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        document = recognizer.recognize(path, password=args.password, progress=page_progress)
        for warning in document.warnings:
            click.echo(f"docproc: warning: {path}: {warning}", err=True)
        if output is None:
            click.echo(document.text)
            return
        stem = output_stem(path)
        write_text_atomic(output / f"{stem}.txt", document.text + "\n")
        write_json_atomic(output / f"{stem}.document.json", document.to_dict())
        if searchable_pdf:
            from docproc.export import write_searchable_pdf

            write_searchable_pdf(document, path, output / f"{stem}.searchable.pdf", password=args.password)
        if alto:
            from docproc.export import write_alto

            write_alto(document, output / f"{stem}.alto.xml")

    summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    summary.report()
    ctx.exit(summary.exit_code)


@main.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
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
    import json

    from docproc.extract import extract_notice
    from docproc.notice_summary import notice_to_markdown

    args = RecognitionArgs.pop_from(kwargs)
    inputs = list(files)
    suffixes = (".notice.json", ".notice.md") if output_format == "md" else (".notice.json",)
    check_outputs(inputs, output, suffixes)
    recognizer = args.recognizer(ctx)

    def work(path: Path, page_progress: Callable[[int, int], None]) -> None:
        document = recognizer.recognize(path, password=args.password, progress=page_progress)
        notice = extract_notice(document)
        for warning in notice.warnings:
            click.echo(f"docproc: warning: {path}: {warning}", err=True)
        if output is None:
            if output_format == "md":
                click.echo(notice_to_markdown(notice), nl=False)
            else:
                click.echo(json.dumps(notice.to_dict(), ensure_ascii=False, indent=1))
            return
        stem = output_stem(path)
        write_json_atomic(output / f"{stem}.notice.json", notice.to_dict())
        if output_format == "md":
            write_text_atomic(output / f"{stem}.notice.md", notice_to_markdown(notice))

    summary = run_each(inputs, work, debug=ctx.obj["debug"], show_progress=args.show_progress)
    summary.report()
    ctx.exit(summary.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
