"""Batch workers are spawned, not forked: a coordinator that has run OCR itself (a test session, a server that read a
page) holds ONNX Runtime's thread pools, and a forked child building its own model could hang on their locks (the web
desk's browser test once waited 20 minutes on a worker stuck in onnxruntime's ``pthread_cond_destroy``). The hang
depends on timing and is not reproduced here; these tests pin the start method and show spawned workers reading real
scans after the coordinator's own OCR."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import numpy as np
import pytest

from docproc.batch import BatchOptions, run_batch
from docproc.batch.local_pool import LocalPool
from docproc.config import Settings
from tests.batch.conftest import FIXTURES

pytestmark = pytest.mark.slow

RAPID = Settings(engine="rapid", dpi=72, threads=1)
BATCH_SECONDS = 300  # two scanned pages on a shared 2-core machine, a model loaded in each worker


def test_the_pool_spawns_its_workers() -> None:
    pool = LocalPool(Settings(engine="fault", dpi=72, threads=1), jobs=1)
    try:
        assert pool._context.get_start_method() == "spawn"
    finally:
        pool.close()


def test_a_batch_after_ocr_in_the_coordinator_finishes(tmp_path: Path) -> None:
    from docproc.ocr.registry import get_engine

    engine = get_engine("rapid", threads=2)  # ONNX Runtime's pools live in this process from now on
    engine.recognize(np.full((64, 256, 3), 255, dtype=np.uint8))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, page in (("one.png", "clean-p5.png"), ("two.png", "clean-p6.png")):  # a page of seed 001's scan each
        shutil.copy(FIXTURES / "seed-001" / page, inbox / name)
    result: dict[str, object] = {}
    runner = threading.Thread(target=lambda: result.update(summary=run_batch(
        BatchOptions(inbox, tmp_path / "out", RAPID, jobs=2))), daemon=True)
    runner.start()
    runner.join(BATCH_SECONDS)
    assert not runner.is_alive(), "the batch hung"
    summary = result["summary"]
    assert sorted(summary.ok) == ["one.png", "two.png"], summary.failed  # type: ignore[attr-defined]
