"""Stores of both backends over the same fixture corpus; a PostgreSQL server started for the session."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from docproc.index import CatalogueEntry, IndexStore, open_store
from docproc.index.catalogue import catalogue_entry
from docproc.ingest.sha import sha256_file
from docproc.pipeline import Recognizer
from docproc.workflow import read_notice
from tests.conftest import FIXTURES_DIR
from tests.index.postgres_server import fresh_database, postgres_bin_dir, running_postgres

BACKENDS = ["sqlite", "postgresql"]
_database_numbers = itertools.count(1)


def fixture_documents() -> list[Path]:
    """The OCR'd degraded scans of every rendered case (pages, boxes, OCR errors and all)."""
    return sorted(FIXTURES_DIR.glob("**/degraded.document.json"))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if postgres_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are not installed;"
                    " `make` installs the Debian postgresql package")
    with running_postgres() as url:
        yield url


DbMaker = Callable[[], str]


@pytest.fixture(params=BACKENDS)
def make_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> DbMaker:
    """A function giving the ``--db`` value of a new, empty index of the parametrised backend."""
    backend: str = request.param

    def make() -> str:
        number = next(_database_numbers)
        if backend == "postgresql":
            server: str = request.getfixturevalue("postgres_url")
            return fresh_database(server, f"docproc_test_{number}")
        return str(tmp_path_factory.mktemp("index") / f"archive-{number}.sqlite3")

    return make


@pytest.fixture(scope="session")
def corpus_entries() -> list[CatalogueEntry]:
    """Catalogue entries of the fixture documents, read and extracted once for all tests."""
    recognizer = Recognizer()
    entries = []
    for path in fixture_documents():
        document = recognizer.recognize(path)
        entries.append(catalogue_entry(document, str(path.resolve()), sha256_file(path),
                                       read_notice(document).notice))
    return entries


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_store(
    request: pytest.FixtureRequest,
    corpus_entries: list[CatalogueEntry],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[IndexStore]:
    """A store of each backend holding the fixture corpus."""
    if request.param == "postgresql":
        server: str = request.getfixturevalue("postgres_url")
        db = fresh_database(server, f"docproc_corpus_{next(_database_numbers)}")
    else:
        db = str(tmp_path_factory.mktemp("corpus") / "archive.sqlite3")
    store = open_store(db)
    for entry in corpus_entries:
        assert store.put(entry)
    yield store
    store.close()
