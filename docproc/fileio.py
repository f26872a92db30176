"""Writing outputs safely: a temp file in the same folder, then an atomic rename.

A crash or Ctrl-C mid-write never leaves a half-written output, and an output never replaces one of
the run's own inputs. A new file gets the mode the user's umask gives (``0644`` under umask 022,
``0664`` under 002), as any program's would; a file written over keeps its mode (a shared ``0664``
ledger stays shared). Where outputs go is checked before any work (:func:`check_output_folder`,
:func:`check_output_file`): a run never does an hour of OCR to fail on a folder it cannot write.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import stat
from pathlib import Path
from typing import Any

from docproc.errors import OutputError, UsageError

NAME_MAX_BYTES = 255  # a file name's length limit on Linux, macOS and Windows file systems


def fit_name(stem: str, suffix: str) -> str:
    """``stem + suffix``, the stem cut (at a character) so that the name fits in 255 bytes."""
    room = NAME_MAX_BYTES - len(suffix.encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) <= room:
        return stem + suffix
    return encoded[:room].decode("utf-8", errors="ignore") + suffix


def _temp_name(target: Path) -> str:
    """``.<name>.<random>.tmp`` beside ``target``, its name part cut to stay within 255 bytes."""
    return fit_name("." + target.name, f".{secrets.token_hex(4)}.tmp")


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new temp file beside ``target``, created with mode 0666 less the umask (as open() does)."""
    for _ in range(100):
        temp = target.with_name(_temp_name(target))
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temp file in the same folder and ``os.replace``.

    Raises :class:`OutputError` (exit 1) naming the path when it cannot be written."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        existing_mode = _mode_of(target)
        fd, temp = _create_temp(target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing_mode is not None:
                os.fchmod(handle.fileno(), existing_mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {target}: {_reason(exc)}") from exc
        raise
    return target


def _mode_of(target: Path) -> int | None:
    """The permission bits of the file ``target`` replaces, or None when there is none."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_text_atomic(path: str | Path, text: str) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: str | Path, record: Any) -> Path:
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    return write_text_atomic(path, text)


def guard_outputs(inputs: list[Path], outputs: list[Path], *, folder: Path | None = None) -> None:
    """Before any work: refuse a run whose outputs would overwrite one of its inputs or each other
    (:class:`UsageError`), or cannot be written (:class:`OutputError`, see :func:`check_output_file`;
    with ``folder``, the folder they all go to is checked and named instead)."""
    resolved_inputs = {resolve_or_absolute(p) for p in inputs}
    seen: dict[Path, Path] = {}
    for out in outputs:
        resolved = resolve_or_absolute(out)
        if resolved in resolved_inputs:
            raise UsageError(f"output {out} would overwrite an input; choose another -o folder")
        if resolved in seen:
            raise UsageError(
                f"two inputs would both write {out}; rename one of them or run them separately"
            )
        seen[resolved] = out
    if folder is not None:
        check_output_folder(folder)
    checked: set[Path] = {folder} if folder is not None else set()
    for out in outputs:
        if out.is_dir():
            raise OutputError(f"cannot write {out}: it is a folder")
        if out.parent not in checked:
            _check_folder(out.parent, out)
            checked.add(out.parent)


def resolve_or_absolute(path: Path) -> Path:
    """``path.resolve()``; a symbolic link loop (which cannot be resolved) stays as it is, absolute."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def check_output_folder(folder: Path) -> None:
    """Before any work: ``folder`` is a folder files can be created in (made now when missing).

    Raises :class:`OutputError` (exit 1) naming it: a file in the way, no permission, a place such
    as ``/proc`` where files cannot be made, a symbolic link that leads nowhere."""
    _check_folder(folder, folder)


def check_output_file(path: Path) -> None:
    """Before any work: ``path`` can be written (its folder is made now when missing)."""
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    _check_folder(path.parent, path)


def _check_folder(folder: Path, named: Path) -> None:
    for ancestor in [folder, *folder.parents]:
        if ancestor.exists() or ancestor.is_symlink():
            if ancestor.is_symlink() and not ancestor.exists():
                raise OutputError(f"cannot write {named}: {ancestor} is a symbolic link that leads nowhere")
            if not ancestor.is_dir():
                what = "it is" if ancestor == named else f"{ancestor} is"
                raise OutputError(f"cannot write {named}: {what} a file, not a folder")
            break
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = _create_temp(folder / ".docproc-write-check")
        os.close(fd)
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write {named}: {_reason(exc)}") from exc
