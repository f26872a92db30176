"""``--db`` naming a file that is not a docproc archive: exit 7, one line, and the file left byte for
byte as it was (no tables added, no journal files beside it)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.cli import main
from tests.conftest import FIXTURES_DIR

BAD = FIXTURES_DIR / "bad-input"
NOTICE = str(BAD / "notice-utf8.txt")


def _state(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of ``folder``: its sha256 and modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(
    ("fixture", "what"),
    [("foreign.sqlite", "is a SQLite database of another application (its tables: contacts, meta), not a docproc archive"),
     ("empty.sqlite3", "is an empty file, not a docproc archive"),
     ("text-layer.pdf", "is not a SQLite database, so not a docproc archive")],
)
@pytest.mark.parametrize(
    "command",
    [["search", "执法"], ["index", "stats"], ["index", "export", "-o", "{folder}/目录.xlsx"],
     ["index", "add", NOTICE, "--no-progress"]],
    ids=["search", "stats", "export", "add"],
)
def test_not_an_archive_is_refused_and_left_as_it_was(
    tmp_path: Path, fixture: str, what: str, command: list[str]
) -> None:
    db = tmp_path / fixture
    shutil.copy(BAD / fixture, db)
    before = _state(tmp_path)
    args = [part.format(folder=tmp_path) for part in command]
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 7
    assert result.stderr.splitlines() == [
        f"docproc: error: {db} {what}; docproc leaves it as it is: give --db an archive made by "
        "`docproc index add`, or a new file name"]
    assert _state(tmp_path) == before


def test_an_archive_made_by_index_add_is_opened(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite3"
    assert CliRunner().invoke(main, ["index", "add", NOTICE, "--db", str(db), "--no-progress"]).exit_code == 0
    result = CliRunner().invoke(main, ["index", "stats", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert '"documents": 1' in result.stdout
