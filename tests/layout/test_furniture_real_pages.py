"""Page furniture on real pages (fixtures/furniture): page numbers in every dash style, the scanner
app's watermark and logo, seal digits — each a zone, none in the text. Runs the default engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docproc.model.document import Document
from docproc.pipeline import Recognizer
from tests.conftest import FIXTURES_DIR

CASES_DIR = FIXTURES_DIR / "furniture"
EXPECTED = json.loads((CASES_DIR / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    recognizer = Recognizer()
    return {name: recognizer.recognize(CASES_DIR / name) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_furniture_is_a_zone_and_not_text(name: str, documents: dict[str, Document]) -> None:
    expected = EXPECTED[name]
    document = documents[name]
    (page,) = document.pages
    assert [[z.kind, z.text] for z in page.zones] == expected["zones"]
    for kept in expected["text_has"]:
        assert kept in document.text
    for furniture in expected["text_lacks"]:
        assert furniture not in document.text


def test_every_fixture_is_described() -> None:
    readme = (CASES_DIR / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in Path(CASES_DIR).glob("*.pdf"))
    assert files == sorted(EXPECTED)
    assert all(f"`{name}`" in readme for name in files)
