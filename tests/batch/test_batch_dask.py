"""``--scheduler``: the same units on a Dask LocalCluster give the same outputs as local processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.batch import BatchOptions, read_manifest, run_batch
from docproc.config import Settings
from tests.batch.conftest import FIXTURES, tree_bytes

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow

FAULT = Settings(engine="fault", dpi=72, threads=1)


def test_a_local_cluster_writes_what_the_local_pool_writes(inbox: Path, tmp_path: Path) -> None:
    (inbox / "2024" / "truncated.pdf").write_bytes((FIXTURES / "bad-input" / "truncated.pdf").read_bytes())
    local = run_batch(BatchOptions(inbox, tmp_path / "local", FAULT, jobs=2))
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = run_batch(BatchOptions(inbox, tmp_path / "dask", FAULT, scheduler=client))
        assert not client.futures  # every unit released
    assert (sorted(on_dask.ok), on_dask.failed) == (sorted(local.ok), local.failed)
    assert tree_bytes(tmp_path / "dask" / "results") == tree_bytes(tmp_path / "local" / "results")
    entries = read_manifest(tmp_path / "dask" / "manifest.jsonl")
    assert {p: e.status for p, e in entries.items()} == {
        "2024/397.pdf": "ok",
        "2024/scan-one.pdf": "ok",
        "2024/truncated.pdf": "failed",
        "notice.txt": "ok",
        "scan-six.pdf": "ok",
    }


def test_an_unreachable_scheduler_is_a_usage_error(inbox: Path, tmp_path: Path) -> None:
    from docproc.batch.dask_runner import DaskRunner
    from docproc.errors import UsageError

    with pytest.raises(UsageError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        DaskRunner(FAULT, "tcp://127.0.0.1:1", connect_seconds=1)
