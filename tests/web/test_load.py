"""The bounded load test, short: 20 concurrent API clients for a few seconds on loopback, against a
real server; no errors, nothing lost (the 60 s run is ``python -m bench.desk``)."""

from __future__ import annotations

from pathlib import Path

from bench.desk import make_users, run_load, running_desk
from docproc.web import DeskConfig

CLIENTS = 20


def test_twenty_clients_no_errors_nothing_lost(tmp_path: Path) -> None:
    config = DeskConfig(data_dir=tmp_path / "desk")
    make_users(config, [f"load-{n + 1}" for n in range(CLIENTS)], "admin")
    make_users(config, ["reader"], "admin")
    with running_desk(config) as base:
        from bench.desk import login

        result = run_load(base, CLIENTS, seconds=4.0, reader=login(base, "reader"))
    assert result["errors"] == []
    assert result["lost"] == []
    assert result["clients"] == CLIENTS
    assert result["corrections_saved"] >= CLIENTS  # every client saved at least once
    assert result["requests"] >= CLIENTS * 6
