"""``open_input``: one entry point for every file docproc reads.

It checks the path, tells the real content from the first bytes (not the extension), hashes the
file, and opens it read-only. Pages come lazily from :meth:`InputFile.pages`, so a 20-page scan
holds one page raster at a time. A text file and a saved web page are read whole: their text is
ready on :attr:`InputFile.text`.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from docproc.errors import EmptyInputError, InputError, UsageError
from docproc.ingest.images import ImageSource
from docproc.ingest.pages import ImagePage, TextLayerPage
from docproc.ingest.sha import sha256_file
from docproc.ingest.sniff import HEAD_BYTES, InputKind, check_extension, sniff_content
from docproc.ingest.textfile import read_text_file

if TYPE_CHECKING:
    from docproc.ingest.pdf import PdfSource

DPI_RANGE = (36, 1200)


@dataclass
class InputFile:
    """An opened input: its identity (path, sha256, kind) and its pages, read on demand.

    A text file has ``text`` and ``encoding`` and no pages (``page_count`` 0, ``pages()`` yields
    nothing): it never had a page layout. A saved web page (kind ``html``) likewise, its ``text``
    being the page's main text (:mod:`docproc.ingest.html`), with ``warnings`` about its decoding.
    """

    path: Path
    sha256: str
    kind: InputKind
    page_count: int
    text: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    _source: PdfSource | ImageSource | None = field(default=None, repr=False, compare=False)

    @property
    def is_text(self) -> bool:
        """Read whole as text (a text file or a web page): no page layout, no rasters."""
        return self.kind in ("text", "html")

    def pages(self) -> Iterator[TextLayerPage | ImagePage]:
        """The pages in order, each read (and rasterised, if need be) only when asked for."""
        if self._source is None:
            if not self.is_text:
                raise ValueError(f"{self.path} is closed")
            return
        yield from self._source.iter_pages()

    def read_page(self, number: int) -> TextLayerPage | ImagePage:
        """Page ``number`` (1-based) alone, without reading the pages before it."""
        if self._source is None:
            if self.is_text:
                raise InputError(f"has no pages ({'a web page' if self.kind == 'html' else 'a text file'})",
                                 path=str(self.path))
            raise ValueError(f"{self.path} is closed")
        if not 1 <= number <= self.page_count:
            raise InputError(f"has no page {number} (it has {self.page_count})", path=str(self.path))
        return self._source.read_page(number - 1)

    def close(self) -> None:
        if self._source is not None:
            self._source.close()
            self._source = None

    def __enter__(self) -> InputFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def check_input_path(path: Path) -> int:
    """The file's size; raises InputError when the path is missing, a directory, a device, pipe or
    socket (checked by ``stat`` alone: reading a pipe would wait for ever), or empty."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except PermissionError:
        raise InputError("cannot be read: permission denied", path=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", path=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(
            "is a directory, not a file: pass the files inside it, or use `docproc batch`",
            path=str(path),
        )
    if not stat.S_ISREG(info.st_mode):
        raise InputError("is not a regular file (a device, pipe or socket)", path=str(path))
    if info.st_size == 0:
        raise EmptyInputError("is empty (0 bytes)", path=str(path))
    return info.st_size


def _read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(HEAD_BYTES)
    except PermissionError:
        raise InputError("cannot be read: permission denied", path=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror or error})", path=str(path)) from None


def open_input(
    path: str | Path,
    *,
    password: str | None = None,
    dpi: int = 300,
    max_pixels: int = 150_000_000,
    force_ocr: bool = False,
) -> InputFile:
    """Open a PDF, image, text file or saved web page for reading, by its content; never writes to it.

    ``dpi`` is the raster resolution of PDF pages sent to OCR; ``max_pixels`` refuses any image or
    page raster larger than that (checked before decoding); ``force_ocr`` sends every PDF page to OCR.
    Raises the :mod:`docproc.errors` class that names the problem (empty, corrupt, encrypted,
    unsupported, too large).
    """
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise UsageError(f"--dpi must be between {DPI_RANGE[0]} and {DPI_RANGE[1]}, not {dpi}")
    if max_pixels <= 0:
        raise UsageError(f"--max-pixels must be positive, not {max_pixels}")
    file_path = Path(path)
    size = check_input_path(file_path)
    content = sniff_content(file_path, _read_head(file_path))
    kind = check_extension(file_path, content)
    sha256 = sha256_file(file_path)
    if kind == "text":
        text, encoding = read_text_file(file_path)
        return InputFile(file_path, sha256, kind, 0, text=text, encoding=encoding)
    if kind == "html":
        from docproc.ingest.html import read_html_file  # lxml: imported only for web pages

        page = read_html_file(file_path, size=size)
        return InputFile(file_path, sha256, kind, 0, text=page.text, encoding=page.encoding,
                         warnings=list(page.warnings))
    source: PdfSource | ImageSource
    if kind == "pdf":
        from docproc.ingest.pdf import PdfSource, check_pdf_complete  # pdfplumber: only for PDFs

        check_pdf_complete(file_path, size)
        source = PdfSource(
            file_path, password=password, dpi=dpi, max_pixels=max_pixels, force_ocr=force_ocr
        )
    else:
        source = ImageSource(file_path, max_pixels=max_pixels)
    return InputFile(file_path, sha256, kind, source.page_count, _source=source)
