"""Every command of the CLI, and every flag of it, is documented in docs/cli.md (sqlite-utils' habit)."""

from __future__ import annotations

import re

import pytest

from docproc.cli import main
from tests.conftest import REPO_DIR

CLI_DOC = (REPO_DIR / "docs" / "cli.md").read_text(encoding="utf-8")


def section_of(name: str) -> str:
    match = re.search(rf"^## `docproc {name}\b.*?(?=^## )", CLI_DOC, flags=re.S | re.M)
    assert match, f"docs/cli.md has no section for docproc {name}"
    return match.group(0)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_flag_of_every_command_is_documented(name: str) -> None:
    section = section_of(name)
    command = main.commands[name]
    for param in command.params:
        for opt in [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]:
            if opt.startswith("--"):
                assert re.search(rf"{re.escape(opt)}\b", section), f"{name} {opt} undocumented"
