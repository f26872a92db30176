"""Every command of the CLI is documented (sqlite-utils' habit)."""

from __future__ import annotations

import pytest

from docproc.cli import main
from tests.conftest import REPO_DIR

CLI_DOC = (REPO_DIR / "docs" / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_is_documented(name: str) -> None:
    assert f"## `docproc {name}" in CLI_DOC


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_flag_of_command_is_documented(name: str) -> None:
    command = main.commands[name]
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert f"`{opt}" in CLI_DOC or f"/ {opt}" in CLI_DOC, f"{name} {opt} undocumented"
