"""What the file-reading commands share: the reading flags, the per-file loop, the run summary.

Imported by the modules of ``docproc/commands/``; it imports no command and not ``docproc.cli``
(which imports the commands by name), so nothing here goes round in a circle.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from docproc.config import Settings
from docproc.errors import EXIT_OK, DocprocError, UsageError
from docproc.fileio import guard_outputs
from docproc.workflow import OutputFiles, OutputKind

if TYPE_CHECKING:
    from docproc.pipeline import Recognizer

# The files a command reads: docproc checks each itself (one line and exit 2 for a file it cannot
# read, the others still run); click's own check would stop the whole run at one unreadable file.
INPUT_PATHS = click.Path(path_type=Path, readable=False)

@dataclass
class RunSummary:
    """What happened to each input of a multi-file run."""

    done: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, DocprocError]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return self.failed[0][1].exit_code if self.failed else EXIT_OK

    def report(self) -> None:
        """The summary of a run over several files (one file's error line says all there is)."""
        total = len(self.done) + len(self.failed)
        if total <= 1:
            return
        click.echo(f"{total} file(s): {len(self.done)} ok, {len(self.failed)} failed", err=True)
        for path, error in self.failed:
            click.echo(f"  failed: {path}: {' '.join(error.message.split())}", err=True)


def echo_error(error: DocprocError) -> None:
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
                    echo_error(exc)
                    if debug:
                        traceback.print_exc()
                except (KeyboardInterrupt, MemoryError):
                    raise
                except Exception as exc:  # one bad file must not stop the batch
                    error = _unexpected(path, exc)
                    summary.failed.append((path, error))
                    echo_error(error)
                    if debug:
                        traceback.print_exc()
                else:
                    summary.done.append(path)
            if files_bar is not None:
                files_bar.update(1)
    return summary


def parse_engine_options(values: Sequence[str]) -> dict[str, str]:
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

    def recognizer(self, ctx: click.Context) -> Recognizer:
        from docproc.ocr.registry import check_engine_options
        from docproc.pipeline import Recognizer

        settings = _settings(
            ctx,
            engine=self.engine,
            threads=self.threads,
            dpi=self.dpi,
            force_ocr=self.force_ocr,
            engine_options=parse_engine_options(self.engine_option) or None,
        )
        check_engine_options(settings.engine, settings.engine_options)  # before any work
        return Recognizer(settings)

    @property
    def show_progress(self) -> bool:
        return sys.stderr.isatty() if self.progress is None else self.progress


def check_outputs(inputs: list[Path], output: Path | None, kinds: Sequence[OutputKind]) -> None:
    """Before any work: one input without ``-o`` (stdout), or ``-o DIR`` whose files of these
    ``kinds`` (:class:`docproc.workflow.OutputFiles`) overwrite no input and no other output."""
    if output is None and len(inputs) > 1:
        raise UsageError("several inputs need -o DIR (without it, one file's result goes to stdout)")
    if output is not None:
        paths = [path for p in inputs for path in OutputFiles.of(p, output).paths(kinds)]
        guard_outputs(inputs, paths, folder=output)


