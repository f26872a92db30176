"""ReadAhead: the next file opened and prepared on a worker thread gives the very Document the file
alone would; a file's error comes in its turn and the files after it are still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.errors import DocprocError, EmptyInputError
from docproc.pipeline import Recognizer
from docproc.read_ahead import READ_AHEAD_MAX_PAGES, ReadAhead
from tests.conftest import FIXTURES_DIR

pytestmark = pytest.mark.slow

FILES = [
    FIXTURES_DIR / "seed-000" / "clean-p1.png",  # a scan, read ahead
    FIXTURES_DIR / "bad-input" / "no-pages.pdf",  # its error in its turn
    FIXTURES_DIR / "seed-000" / "input.txt",  # a text file, read ahead
    FIXTURES_DIR / "seed-000" / "degraded-p7.png",  # a scan after a failure
]


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    return Recognizer()


def test_documents_read_ahead_are_those_read_alone(recognizer: Recognizer) -> None:
    outcomes: list[object] = []
    progress: list[tuple[int, int]] = []
    with ReadAhead(recognizer, FILES) as ahead:
        for path in FILES:
            try:
                outcomes.append(ahead.recognize(path, progress=lambda done, total: progress.append((done, total))))
            except DocprocError as error:
                outcomes.append(error)
    assert isinstance(outcomes[1], EmptyInputError)
    for path, outcome in zip(FILES, outcomes, strict=True):
        if path.suffix != ".pdf":
            assert outcome.to_dict() == recognizer.recognize(path).to_dict()  # type: ignore[attr-defined]
    assert progress == [(1, 1), (1, 1)]  # one page each for the two scans


def test_a_path_out_of_turn_and_a_long_file_are_read_when_asked(recognizer: Recognizer, tmp_path: Path) -> None:
    long_pdf = FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"  # a text layer of 5 pages: more than are held ahead
    text = FIXTURES_DIR / "seed-000" / "input.txt"
    with ReadAhead(recognizer, [text, long_pdf]) as ahead:
        outside = ahead.recognize(FIXTURES_DIR / "seed-004" / "input.txt")  # not one of the paths
        assert outside.to_dict() == recognizer.recognize(FIXTURES_DIR / "seed-004" / "input.txt").to_dict()
        assert ahead.recognize(text).to_dict() == recognizer.recognize(text).to_dict()
        document = ahead.recognize(long_pdf)
    assert len(document.pages) > READ_AHEAD_MAX_PAGES
