"""``docproc users add`` through click's CliRunner, asserting the account afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.web.accounts import authenticate
from docproc.web.config import DeskConfig
from docproc.web.store import DeskStore


def test_users_add_reads_the_password_from_stdin(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["users", "add", "wang", "--role", "office", "--data", str(tmp_path)],
                                input="s3cret-enough\n")
    assert result.exit_code == 0, result.output
    store = DeskStore(DeskConfig(data_dir=tmp_path).desk_db)
    user = authenticate(store, "wang", "s3cret-enough")
    assert user is not None and user.role == "office"
    assert authenticate(store, "wang", "s3cret-enougH") is None


def test_users_add_again_changes_role_and_password(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["users", "add", "li", "--data", str(tmp_path)]
    assert runner.invoke(main, [*args, "--role", "clerk"], input="first-password\n").exit_code == 0
    assert runner.invoke(main, [*args, "--role", "admin"], input="second-password\n").exit_code == 0
    store = DeskStore(DeskConfig(data_dir=tmp_path).desk_db)
    assert store.users() == [("li", "admin")]
    assert authenticate(store, "li", "first-password") is None


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["users", "add", "zhao", "--role", "clerk"], "short\n", "at least 8 characters"),
        (["users", "add", "zhao", "--role", "clerk"], "", "no password on standard input"),
        (["users", "add", "zhao", "--role", "boss"], "long-enough-1\n", "Invalid value for '--role'"),
    ],
)
def test_users_add_refuses_bad_input(tmp_path: Path, args: list[str], stdin: str, message: str) -> None:
    result = CliRunner().invoke(main, [*args, "--data", str(tmp_path)], input=stdin)
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "desk.sqlite3").exists() or DeskStore(DeskConfig(data_dir=tmp_path).desk_db).users() == []


def test_demo_desk_has_a_user_per_role_and_queues_the_demo_files_once(tmp_path: Path) -> None:
    from docproc.web.demo import DEMO_FILES, DEMO_PASSWORD, prepare

    queued = prepare(tmp_path)
    assert len(queued) == len(DEMO_FILES)
    assert prepare(tmp_path) == []
    store = DeskStore(DeskConfig(data_dir=tmp_path).desk_db)
    assert [r for _, r in store.users()] == ["admin", "archivist", "clerk", "office"]
    assert authenticate(store, "clerk", DEMO_PASSWORD) is not None
    assert {row.status for row in store.documents()} == {"queued"}
