"""File → Document: ingest, triage, OCR where needed, layout, reading-order text.

The library call behind ``docproc ocr``. One :class:`Recognizer` holds one OCR engine, loaded on
first need and reused over pages and files; :func:`recognize` keeps one per settings for callers
that do not manage their own.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docproc.config import Settings
from docproc.errors import DocprocError, InputError, NoTextError
from docproc.model.document import BBox, Document, Line, Page, Source, Zone

if TYPE_CHECKING:
    from docproc.ingest import ImagePage, InputFile, TextLayerPage
    from docproc.layout.scan import PreparedScan
    from docproc.ocr.base import OcrEngine
    from docproc.read_ahead import ReadFile

# progress(pages_done, pages_total) after each page of the current file
PageProgress = Callable[[int, int], None]


@dataclass
class PageResult:
    """One page recognised on its own: the unit of work a batch spreads over processes."""

    page: Page
    confidences: list[tuple[float, int]] = field(default_factory=list)  # (confidence, n chars)
    ocr_engine: str | None = None  # the engine's name when the page was OCR'd

    def to_dict(self) -> dict[str, Any]:
        """A plain, picklable, JSON-able form (to send between processes or machines)."""
        return {
            "page": self.page.to_dict(),
            "confidences": [[c, n] for c, n in self.confidences],
            "ocr_engine": self.ocr_engine,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PageResult:
        return cls(
            page=Page.from_dict(data["page"]),
            confidences=[(float(c), int(n)) for c, n in data["confidences"]],
            ocr_engine=data.get("ocr_engine"),
        )


@dataclass(frozen=True)
class InputSummary:
    """What a batch planner needs to know about a file before splitting it into pages."""

    path: Path
    sha256: str
    kind: str  # "pdf" | "image" | "text" | "html" | "document-json"
    page_count: int


class Recognizer:
    """Turns files into Documents with one OCR engine, created lazily and reused."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        engine: OcrEngine | None = None,
        flatten_photos: bool = True,
    ):
        self.settings = settings or Settings()
        self._engine = engine
        self.flatten_photos = flatten_photos  # cut a photographed page out and even its light
        # The file recognize_page read last, kept open for its next page: (path, password, file).
        self._open_file: tuple[Path, str | None, InputFile] | None = None
        self._engine_lock = threading.Lock()  # a read-ahead thread may ask for the engine first

    @property
    def engine(self) -> OcrEngine:
        with self._engine_lock:
            if self._engine is None:
                from docproc.ocr import get_engine

                options: dict[str, Any] = dict(self.settings.engine_options)
                if self.settings.engine in {"rapid", "paddle"}:
                    options.setdefault("threads", self.settings.threads)
                self._engine = get_engine(self.settings.engine, **options)
            return self._engine

    def recognize(
        self,
        path: str | Path,
        *,
        password: str | None = None,
        progress: PageProgress | None = None,
    ) -> Document:
        """Read one file (PDF, image, TIFF, text, saved web page, or a document JSON) into a Document."""
        source_path = Path(path)
        if source_path.suffix.lower() == ".json":
            return load(source_path)
        with self.open_input(source_path, password) as opened:
            if opened.kind in ("text", "html"):
                return self.document_of_text(source_path, opened)
            results: list[PageResult] = []
            for page_input in opened.pages():
                results.append(self._recognize_page(page_input))
                if progress is not None:
                    progress(len(results), opened.page_count)
            page_count = opened.page_count
            sha256 = opened.sha256
        return assemble_document(source_path, sha256, page_count, results)

    def summarize_input(self, path: str | Path, *, password: str | None = None) -> InputSummary:
        """Open a file only to learn its sha256, kind and page count (checks it as recognize does)."""
        source_path = Path(path)
        if source_path.suffix.lower() == ".json":
            document = load(source_path)
            return InputSummary(source_path, document.source.sha256, "document-json", 0)
        with self.open_input(source_path, password) as opened:
            return InputSummary(source_path, opened.sha256, opened.kind, opened.page_count)

    def recognize_page(
        self, path: str | Path, number: int, *, password: str | None = None
    ) -> PageResult:
        """Recognise page ``number`` (1-based) of a PDF or multi-frame image on its own.

        The file stays open for the next call on the same file, so a worker that gets pages 3, 4
        and 5 of one scan opens (and hashes) it once. :func:`assemble_document` joins the results.
        """
        return self._recognize_page(self._page_source(Path(path), password).read_page(number))

    def close(self) -> None:
        """Close the file :meth:`recognize_page` keeps open (the engine stays loaded)."""
        if self._open_file is not None:
            self._open_file[2].close()
            self._open_file = None

    def open_input(self, path: Path, password: str | None) -> InputFile:
        """The file opened with this recognizer's rasterisation settings."""
        from docproc.ingest import open_input

        return open_input(
            path, password=password, dpi=self.settings.dpi, force_ocr=self.settings.force_ocr
        )

    def _page_source(self, path: Path, password: str | None) -> InputFile:
        if self._open_file is not None:
            open_path, open_password, opened = self._open_file
            if open_path == path and open_password == password:
                return opened
            self.close()
        opened = self.open_input(path, password)
        self._open_file = (path, password, opened)
        return opened

    @staticmethod
    def document_of_text(path: Path, opened: InputFile) -> Document:
        """The Document of an opened text file or saved web page (no pages, no OCR)."""
        if opened.kind == "html":
            return _document_from_web_page(path, opened.sha256, opened.text or "", opened.warnings)
        return _document_from_text(path, opened.sha256, opened.text or "")

    def recognize_prepared(self, ahead: ReadFile) -> Document:
        """The Document of a file :class:`~docproc.read_ahead.ReadAhead` opened and prepared (as
        :meth:`recognize` would make it)."""
        if ahead.document is not None:
            return ahead.document
        from docproc.ingest import ImagePage

        results = [self._ocr_page(page, prepared) if isinstance(page, ImagePage) and prepared is not None
                   else self._recognize_page(page) for page, prepared in ahead.pages]
        return assemble_document(ahead.path, ahead.sha256, ahead.page_count, results)

    def _recognize_page(self, page_input: TextLayerPage | ImagePage) -> PageResult:
        from docproc.ingest import ImagePage
        from docproc.layout.furniture import split_page_furniture
        from docproc.layout.reading_order import order_lines

        if not isinstance(page_input, ImagePage):
            lines = order_lines(page_input.lines, page_input.width, page_input.height)
            body, zones = split_page_furniture(lines, page_input.width, page_input.height)
            page = Page(
                number=page_input.number,
                width=page_input.width,
                height=page_input.height,
                text_source="pdf-text",
                lines=body,
                zones=zones,
                tables=list(page_input.tables),
            )
            return PageResult(page)
        return self._ocr_page(page_input)

    def prepare_page(self, page_input: ImagePage) -> PreparedScan:
        """The scan straightened and its zones found: the part of a page's OCR that may run ahead,
        on another thread, while the page before it is recognised."""
        from docproc.layout.scan import prepare_scan

        return prepare_scan(page_input.image, engine=self.engine, flatten=self.flatten_photos)

    def _ocr_page(self, page_input: ImagePage, prepared: PreparedScan | None = None) -> PageResult:
        from docproc.layout.furniture import split_page_furniture
        from docproc.layout.reading_order import order_lines, space_wide_gaps
        from docproc.layout.seal_text import drop_seal_text
        from docproc.layout.width_policy import apply_width_policy

        prepared = prepared or self.prepare_page(page_input)
        scale = 72.0 / page_input.dpi  # pixels → points
        seals = [z.box for z in prepared.zones if z.kind == "seal"]
        ocr_lines = drop_seal_text(self.engine.recognize(prepared.ocr_image), prepared.image, seals)
        lines = [
            space_wide_gaps(Line(
                text=ol.text,
                bbox=_scale_box(ol.box, scale),
                confidence=ol.confidence,
                char_boxes=None if ol.chars is None else [_scale_box(c.box, scale) for c in ol.chars],
            ))
            for ol in ocr_lines
            if ol.text.strip()
        ]
        height_px, width_px = prepared.image.shape[:2]
        width, height = width_px * scale, height_px * scale
        ordered = order_lines(lines, width, height)
        for line in ordered:  # after rows are merged, so a bracket pair split over boxes matches
            line.text = apply_width_policy(line.text)
        zones = [Zone(kind=z.kind, bbox=_scale_box(z.box, scale)) for z in prepared.zones]
        body, furniture = split_page_furniture(
            ordered,
            width,
            height,
            seals=[z.bbox for z in zones if z.kind == "seal" and z.bbox],
            logos=[z.bbox for z in zones if z.kind == "scanner-logo" and z.bbox],
        )
        page = Page(
            number=page_input.number,
            width=width,
            height=height,
            text_source="ocr",
            lines=body,
            dpi=page_input.dpi,
            rotation=prepared.rotation,
            zones=zones + furniture,
            quad=None if prepared.quad is None else [(float(x), float(y)) for x, y in prepared.quad],
        )
        confidences = [(ol.confidence, len(ol.text)) for ol in ocr_lines if ol.text.strip()]
        return PageResult(page, confidences, self.engine.name)


def assemble_document(
    path: str | Path, sha256: str, page_count: int, results: list[PageResult]
) -> Document:
    """Join page results (in any order) into the Document ``Recognizer.recognize`` would give.

    Raises NoTextError when no page has any text.
    """
    ordered = sorted(results, key=lambda r: r.page.number)
    warnings = [f"page {r.page.number}: no text found" for r in ordered if not r.page.lines]
    pages = [r.page for r in ordered]
    if not any(p.lines for p in pages):
        raise NoTextError("no text found on any page (blank, or too faint to read)", path=str(path))
    from docproc.layout.furniture import split_running_furniture
    from docproc.layout.paragraphs import build_document_text

    pages = split_running_furniture(pages)
    text = build_document_text(pages)
    sources = {p.text_source for p in pages}
    weighted = [c for r in ordered for c in r.confidences]
    total_chars = sum(n for _, n in weighted)
    mean_confidence = sum(c * n for c, n in weighted) / total_chars if total_chars else None
    engines = [r.ocr_engine for r in ordered if r.ocr_engine]
    source = Source(
        file=Path(path).name,
        sha256=sha256,
        pages=page_count,
        text_source="mixed" if len(sources) > 1 else pages[0].text_source,
        ocr_engine=engines[0] if engines else None,
        mean_confidence=mean_confidence,
    )
    return Document(source=source, pages=pages, text=text, warnings=warnings)


def _scale_box(box: tuple[float, float, float, float], scale: float) -> BBox:
    x0, y0, x1, y1 = box
    return (x0 * scale, y0 * scale, x1 * scale, y1 * scale)


def _document_from_text(path: Path, sha256: str, text: str) -> Document:
    """A text file: the text as given (newlines normalised), no pages to point to."""
    if not text.strip():
        raise NoTextError("the text file holds no text", path=str(path))
    source = Source(file=path.name, sha256=sha256, pages=0, text_source="text")
    return Document(source=source, pages=[], text=text)


def _document_from_web_page(path: Path, sha256: str, text: str, warnings: list[str]) -> Document:
    """A saved web page: its main text (title, metadata lines, body), one page, no layout to point to."""
    source = Source(file=path.name, sha256=sha256, pages=1, text_source="text")
    return Document(source=source, pages=[], text=text, warnings=list(warnings))


def load(path: str | Path) -> Document:
    """Read a ``docproc.document/1`` JSON written by ``docproc ocr``."""
    return document_from_json(read_json_object(path), path)


def read_json_object(path: str | Path) -> dict[str, Any]:
    """The JSON object in a record file; an InputError naming ``path`` when it holds none."""
    from docproc.ingest import check_input_path

    check_input_path(Path(path))
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except PermissionError as exc:
        raise InputError("cannot be read: permission denied", path=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=str(path)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a JSON record ({exc})", path=str(path)) from exc
    if not isinstance(data, dict):
        raise InputError("not a JSON record (expected an object)", path=str(path))
    return data


def document_from_json(data: Any, path: str | Path) -> Document:
    """A Document from a parsed ``docproc.document/1`` record; errors name ``path``."""
    try:
        return Document.from_dict(data)
    except DocprocError as exc:
        exc.path = str(path)
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"damaged document JSON: {exc}", path=str(path)) from exc


_recognizers: dict[str, Recognizer] = {}


def recognize(
    path: str | Path,
    settings: Settings | None = None,
    *,
    password: str | None = None,
    progress: PageProgress | None = None,
) -> Document:
    """Read one file into a :class:`Document` (engine kept per settings for the next call)."""
    settings = settings or Settings()
    key = json.dumps(asdict(settings), sort_keys=True)  # every setting, new ones included
    recognizer = _recognizers.get(key)
    if recognizer is None:
        recognizer = _recognizers[key] = Recognizer(settings)
    return recognizer.recognize(path, password=password, progress=progress)
