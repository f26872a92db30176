"""Every command of the CLI, and every flag of it, is documented in docs/cli.md (sqlite-utils' habit)."""

from __future__ import annotations

import re

import click
import pytest

from docproc.cli import main
from tests.conftest import REPO_DIR

CLI_DOC = (REPO_DIR / "docs" / "cli.md").read_text(encoding="utf-8")


def section_of(name: str) -> str:
    match = re.search(rf"^## `docproc {name}\b.*?(?=^## )", CLI_DOC, flags=re.S | re.M)
    assert match, f"docs/cli.md has no section for docproc {name}"
    return match.group(0)


def all_commands() -> list[tuple[str, click.Command]]:
    """Every command and sub-command by its full name (``index add``), lazy ones included."""
    ctx = click.Context(main)
    found: list[tuple[str, click.Command]] = []

    def walk(prefix: str, group: click.Group) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None, name
            full = f"{prefix} {name}".strip()
            found.append((full, command))
            if isinstance(command, click.Group):
                walk(full, command)

    walk("", main)
    return found


@pytest.mark.parametrize(("name", "command"), all_commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_flag_of_every_command_is_documented(name: str, command: click.Command) -> None:
    section = section_of(name)
    for param in command.params:
        for opt in [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]:
            if opt.startswith("--"):
                assert re.search(rf"{re.escape(opt)}\b", section), f"{name} {opt} undocumented"
