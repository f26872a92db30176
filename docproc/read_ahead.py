"""Reading the next file while this one is recognised (``docproc ocr a.png b.png …``).

Recognising a page keeps both cores busy only for part of its time: opening the file, decoding its
image and straightening it (:meth:`Recognizer.prepare_page`) run on one. While file *n* is recognised,
a worker thread opens, decodes and prepares file *n + 1*, so that work fills the idle core.

Only files of at most :data:`READ_AHEAD_MAX_PAGES` pages are read ahead, because their page images
wait in memory for their turn; a longer file (or a document JSON) is read when its turn comes, as
without read-ahead. Nothing is written ahead and nothing is reported ahead: a file's error is raised
when its turn comes, so the caller records it against that file and goes on.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docproc.ingest import ImagePage, TextLayerPage
    from docproc.layout.scan import PreparedScan
    from docproc.model.document import Document
    from docproc.pipeline import PageProgress, Recognizer

READ_AHEAD_MAX_PAGES = 2


@dataclass
class ReadFile:
    """A file opened and its pages read (image pages prepared) ahead of its turn."""

    path: Path
    sha256: str
    page_count: int
    pages: list[tuple[TextLayerPage | ImagePage, PreparedScan | None]] = field(default_factory=list)
    document: Document | None = None  # a text file or a saved web page: its Document at once


class ReadAhead:
    """``recognize(path)`` for ``paths`` taken in their order, each next file read on a worker thread."""

    def __init__(self, recognizer: Recognizer, paths: list[Path], *, password: str | None = None) -> None:
        self._recognizer = recognizer
        self._paths = list(paths)
        self._password = password
        self._executor: ThreadPoolExecutor | None = None
        self._ahead: dict[int, Future[ReadFile | None]] = {}
        self._turn = 0

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading ahead: a file being read is finished and dropped."""
        for future in self._ahead.values():
            future.cancel()
        self._ahead.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    def recognize(self, path: Path, progress: PageProgress | None = None) -> Document:
        """The Document of ``path``, the next of the paths given (or any path: then read now)."""
        index = self._index(path)
        if index is not None and index + 1 < len(self._paths) and index + 1 not in self._ahead:
            self._start(index + 1)
        future = self._ahead.pop(index, None) if index is not None else None
        read = future.result() if future is not None else None  # its error, in its turn
        if read is None:
            return self._recognizer.recognize(path, password=self._password, progress=progress)
        document = self._recognizer.recognize_prepared(read)
        if progress is not None and read.page_count:
            progress(read.page_count, read.page_count)
        return document

    def _index(self, path: Path) -> int | None:
        for index in range(self._turn, len(self._paths)):
            if self._paths[index] == path:
                self._turn = index + 1
                return index
        return None

    def _start(self, index: int) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="docproc-read-ahead")
        self._ahead[index] = self._executor.submit(self._read, self._paths[index])

    def _read(self, path: Path) -> ReadFile | None:
        from docproc.ingest import ImagePage

        if path.suffix.lower() == ".json":
            return None
        recognizer = self._recognizer
        with recognizer.open_input(path, self._password) as opened:
            if opened.kind in ("text", "html"):
                return ReadFile(path, opened.sha256, 0, document=recognizer.document_of_text(path, opened))
            if opened.page_count > READ_AHEAD_MAX_PAGES:
                return None
            read = ReadFile(path, opened.sha256, opened.page_count)
            for page in opened.pages():
                read.pages.append((page, recognizer.prepare_page(page) if isinstance(page, ImagePage) else None))
            return read
