"""File → Form: the tables of a self-check form from a PDF, a scan or a document JSON, and its items.

Text-layer PDF pages give their ruled tables through ingest (``docproc.ingest.pdf_tables``:
pdfplumber's cell boxes filled with pdfium's characters). Scanned pages and images go through
``docproc.forms.scan_tables`` (rulings, grid, merged cells, OCR per cell). Tables continued on the
next page are joined and their repeated header rows dropped; items are read from every table
whose header the lexicon knows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docproc.config import Settings
from docproc.errors import NoTextError, UnsupportedInputError
from docproc.forms.items import form_year, read_items
from docproc.forms.join import PageTable, join_tables, mark_page_positions
from docproc.forms.lexicon import normalise_cell_text, value_lexicon
from docproc.model.document import Document, Line, Source
from docproc.model.form import Form
from docproc.ocr.base import OcrEngine

PageProgress = Callable[[int, int], None]


class FormReader:
    """Reads self-check forms; the OCR engine is created on the first scanned page and reused."""

    def __init__(self, settings: Settings | None = None, *, engine: OcrEngine | None = None) -> None:
        self.settings = settings or Settings()
        self._engine = engine

    @property
    def engine(self) -> OcrEngine:
        if self._engine is None:
            from docproc.pipeline import Recognizer

            self._engine = Recognizer(self.settings).engine
        return self._engine

    def read(self, path: str | Path, *, password: str | None = None,
             progress: PageProgress | None = None) -> Form:
        source_path = Path(path)
        if source_path.suffix.lower() == ".json":
            from docproc.pipeline import load

            return form_from_document(load(source_path))
        from docproc.forms.scan_tables import read_scanned_form_page
        from docproc.ingest import ImagePage, open_input
        from docproc.layout.photo import flatten_photo

        parts: list[PageTable] = []
        page_lines: dict[int, list[Line]] = {}
        confidences: list[tuple[float, int]] = []
        sources: set[str] = set()
        with open_input(source_path, password=password, dpi=self.settings.dpi,
                        force_ocr=self.settings.force_ocr) as opened:
            if opened.is_text:
                raise UnsupportedInputError("a text file or web page holds no ruled table; give the form as a PDF "
                                            "or an image",
                                            path=str(path))
            for page in opened.pages():
                if isinstance(page, ImagePage):
                    # a photographed form cut out of the photo and evenly lit first (a scan: as it is)
                    image = flatten_photo(page.image).image
                    scanned = read_scanned_form_page(image, page.dpi, self.engine)
                    parts.extend(PageTable(page.number, t) for t in scanned.tables)
                    page_lines[page.number] = scanned.lines
                    confidences.extend(scanned.confidences)
                    sources.add("ocr")
                else:
                    parts.extend(PageTable(page.number, t) for t in page.tables)
                    page_lines[page.number] = page.lines
                    sources.add("pdf-text")
                if progress is not None:
                    progress(page.number, opened.page_count)
            sha256, page_count = opened.sha256, opened.page_count
        total = sum(n for _, n in confidences)
        source = Source(
            file=source_path.name, sha256=sha256, pages=page_count,
            text_source="mixed" if len(sources) > 1 else ("ocr" if "ocr" in sources else "pdf-text"),
            ocr_engine=self.engine.name if "ocr" in sources else None,
            mean_confidence=sum(c * n for c, n in confidences) / total if total else None,
        )
        return build_form(source, parts, page_lines)


def build_form(source: Source, parts: list[PageTable], page_lines: dict[int, list[Line]]) -> Form:
    """Join the page tables, find the title and read the items."""
    if not parts:
        raise NoTextError("no ruled table found on any page", path=source.file)
    mark_page_positions(parts)
    joined = join_tables(parts)
    first_page = parts[0].page
    first_top = parts[0].table.bbox[1] if parts[0].table.bbox is not None else None
    title = form_title(page_lines.get(first_page, []), first_top)
    texts = [ln.text for lines in page_lines.values() for ln in lines]
    texts += [c.text for j in joined for c in j.table.cells]
    year = form_year(texts)
    items = [item for index, j in enumerate(joined) for item in read_items(j, index, year)]
    warnings = [] if items else ["no table header names a known field (序号, 检查项目, 存在问题 …): no items read"]
    return Form(source=source, title=title, tables=[j.table for j in joined], items=items, warnings=warnings)


def form_title(lines: list[Line], table_top: float | None) -> str | None:
    """The line above the first table that names the form (…自查表, …清单), else the first label-free one."""
    above = [ln for ln in lines if ln.bbox is None or table_top is None or ln.bbox[3] <= table_top + 1]
    candidates = [normalise_cell_text(ln.text) for ln in above if ln.text.strip()]
    candidates = [t for t in candidates if ":" not in t and not t.startswith("附件")]
    words = value_lexicon().title_words
    for text in candidates:
        if any(text.endswith(w) for w in words):
            return text
    return candidates[0] if candidates else None


FORM_HEADING_LINES = 6  # a form names itself in its first lines: …自查表, …检查表, …清单


def names_itself_a_form(text: str) -> bool:
    """A self-check form rather than a notice: one of the first lines of ``text`` is a form's title.

    A notice that merely mentions a form (《…专项问题自查表》 in its text) does not qualify: the
    title must be a line of its own ending in a form word (``models/forms/values.json``).
    """
    words = tuple(value_lexicon().title_words)
    heading = [ln.strip() for ln in text.splitlines() if ln.strip()][:FORM_HEADING_LINES]
    return any(ln.rstrip("》”").endswith(words) and len(ln) <= 60 for ln in heading)


def first_page_is_ruled(path: str | Path, *, password: str | None = None, dpi: int = 300,
                        force_ocr: bool = False) -> bool:
    """True when the file's first page is a scan holding a ruled table (no OCR: rulings only).

    What a caller asks before choosing to read a scan as a form (cell by cell) rather than as a
    notice; a text-layer page says False (its tables come with the text layer).
    """
    import cv2

    from docproc.forms.grid import find_ruled_tables
    from docproc.ingest import ImagePage, open_input

    with open_input(path, password=password, dpi=dpi, force_ocr=force_ocr) as opened:
        if opened.is_text:
            return False
        page = opened.read_page(1)
    if not isinstance(page, ImagePage):
        return False
    tables, _ = find_ruled_tables(cv2.cvtColor(page.image, cv2.COLOR_RGB2GRAY), page.dpi / 72.0)
    return bool(tables)


def form_from_document(document: Document) -> Form:
    """A Form from a ``docproc.document/1`` record (the tables ingest found on its text-layer pages)."""
    parts = [PageTable(page.number, table) for page in document.pages for table in page.tables]
    return build_form(document.source, parts, {page.number: page.lines for page in document.pages})


def read_form(path: str | Path, settings: Settings | None = None, *, password: str | None = None,
              engine: OcrEngine | None = None, progress: PageProgress | None = None) -> Form:
    """Read one self-check form (PDF, image, or document JSON) into a :class:`Form`."""
    return FormReader(settings, engine=engine).read(path, password=password, progress=progress)
