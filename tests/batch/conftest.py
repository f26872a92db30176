"""Inputs for batch tests: image-only PDFs at 72 dpi (fast to rasterise), text files, text layers."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.batch.fault_engine import register, unregister
from tests.conftest import REPO_DIR

FIXTURES = REPO_DIR / "fixtures"


def scan_page(seed: int, *, dark: bool = False) -> Image.Image:
    """An A4 page at 72 dpi: white with grey text-like bars placed by ``seed`` (black if dark)."""
    rng = np.random.default_rng(seed)
    page = np.full((842, 595, 3), 10 if dark else 250, dtype=np.uint8)
    for row in range(12):
        y = 90 + row * 50
        width = int(rng.integers(200, 460))
        page[y : y + 14, 70 : 70 + width] = 40
    return Image.fromarray(page)


def write_scan_pdf(path: Path, seeds: list[int], *, dark_pages: tuple[int, ...] = ()) -> Path:
    pages = [scan_page(s, dark=i + 1 in dark_pages) for i, s in enumerate(seeds)]
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=72.0)
    return path


@pytest.fixture(autouse=True)
def fault_engine() -> Iterator[None]:
    """The test-only ``fault`` engine, registered for a batch test and removed after it."""
    register()
    yield
    unregister()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """Four good inputs in two folders: a 6-page scan, a 1-page scan, a text layer, a .txt."""
    folder = tmp_path / "inbox"
    (folder / "2024").mkdir(parents=True)
    write_scan_pdf(folder / "scan-six.pdf", [1, 2, 3, 4, 5, 6])
    write_scan_pdf(folder / "2024" / "scan-one.pdf", [7])
    shutil.copy(FIXTURES / "govdoc-cn-397" / "397.pdf", folder / "2024" / "397.pdf")
    shutil.copy(FIXTURES / "bad-input" / "notice-utf8.txt", folder / "notice.txt")
    return folder


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path (for comparing two runs' outputs)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
