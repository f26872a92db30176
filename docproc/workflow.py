"""How the stages compose for one input, and what its output files are called.

    file ──Recognizer──► Document ──read_notice──────► Notice ──build_ledger──► Ledger
      │                     └──────notice_or_form─────► Notice | Form (a self-check form)
      └──read_ledger_input (a notice, form or document JSON as it is) ─┘
                            Document (+ Notice) ──archive_document──► the archive index

Every front end calls these — the CLI commands, ``docproc batch``, ``docproc index add`` and the
review desk — so a file is read the same way, and its outputs are named the same way
(:class:`OutputFiles`), wherever it comes in. The stages themselves live in their packages; this
module only joins them (it is the one place above all of them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from docproc.errors import InputError, NoTextError, NothingExtractedError
from docproc.fileio import fit_name, write_bytes_atomic, write_json_atomic, write_text_atomic
from docproc.model.document import Document
from docproc.model.form import SCHEMA_ID as FORM_SCHEMA
from docproc.model.form import Form
from docproc.model.notice import SCHEMA_ID as NOTICE_SCHEMA
from docproc.model.notice import Notice

if TYPE_CHECKING:
    from docproc.index.store import IndexStore
    from docproc.pipeline import Recognizer

PageProgress = Callable[[int, int], None]

# --- names -----------------------------------------------------------------------------------

# What docproc writes for an input ``<stem>.<ext>`` (DESIGN.md's command-line contract).
OUTPUT_SUFFIXES: dict[str, str] = {
    "text": ".txt",
    "document": ".document.json",
    "notice": ".notice.json",
    "notice_md": ".notice.md",
    "form": ".form.json",
    "form_csv": ".form.csv",
    "form_xlsx": ".form.xlsx",
    "searchable_pdf": ".searchable.pdf",
    "alto": ".alto.xml",
}
OutputKind = Literal["text", "document", "notice", "notice_md", "form", "form_csv", "form_xlsx",
                     "searchable_pdf", "alto"]
# Records docproc itself wrote: their stem is the input's (``scan.document.json`` → ``scan``).
_RECORD_SUFFIXES = (".document.json", ".notice.json", ".form.json")


def output_stem(path: str | Path) -> str:
    """``scan.pdf`` → ``scan``; ``scan.document.json`` → ``scan``; ``.hidden`` → ``.hidden``."""
    name = Path(path).name
    for suffix in _RECORD_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or name


@dataclass(frozen=True)
class OutputFiles:
    """The files of one input in an output folder: ``folder/<stem><suffix>``, the stem cut short
    when the name would pass 255 bytes (an input's own name may take all of them)."""

    folder: Path
    stem: str

    @classmethod
    def of(cls, source: str | Path, folder: str | Path) -> OutputFiles:
        return cls(Path(folder), output_stem(source))

    def path(self, kind: OutputKind) -> Path:
        return self.folder / fit_name(self.stem, OUTPUT_SUFFIXES[kind])

    def paths(self, kinds: Iterable[OutputKind]) -> list[Path]:
        return [self.path(kind) for kind in kinds]

    def ledger(self, fmt: str) -> Path:
        """``<stem>.ledger.<fmt>``: the ledger of this one input (``docproc batch --ledger``)."""
        return self.folder / fit_name(self.stem, f".ledger.{fmt}")

    def archival_copy(self, sha256: str) -> Path:
        """``<stem>-<sha256[:12]>.searchable.pdf``: ``index add --keep-pdf``'s copy of this version."""
        return self.folder / fit_name(self.stem, f"-{sha256[:12]}.searchable.pdf")


def ledger_record_path(ledger_file: Path) -> Path:
    """``台账.xlsx`` → ``台账.ledger.json``: the ``docproc.ledger/1`` record written beside a ledger."""
    return ledger_file.with_name(f"{ledger_file.stem}.ledger.json")


# --- records of an input ----------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeReading:
    """A document's notice, or why it has none (a document that is not a notice is still good)."""

    notice: Notice | None
    why_none: str | None = None


def read_notice(document: Document) -> NoticeReading:
    """The notice extracted from ``document``; ``NothingExtractedError`` gives a reading without one."""
    from docproc.extract import extract_notice

    try:
        return NoticeReading(extract_notice(document))
    except NothingExtractedError as exc:
        return NoticeReading(None, "no notice: " + " ".join(exc.message.split()))


def load_record(path: Path) -> Document | Notice | Form:
    """A JSON record docproc wrote (document, notice or form), read once, by its ``schema``."""
    from docproc.pipeline import document_from_json, read_json_object

    data = read_json_object(path)
    if data.get("schema") == NOTICE_SCHEMA:
        return Notice.from_dict(data)
    if data.get("schema") == FORM_SCHEMA:
        return Form.from_dict(data)
    return document_from_json(data, path)  # a document JSON, or an error naming its schema


def read_ledger_input(
    path: Path, recognizer: Recognizer, *, password: str | None = None, progress: PageProgress | None = None
) -> Notice | Form:
    """What a ledger takes from one input: a notice or a self-check form.

    A notice or form JSON is taken as it is; a document JSON or a file is read, and is a form when
    it names itself one (:func:`notice_or_form`). A scanned form is OCR'd once, cell by cell: its
    first page is looked at for a ruled table before anything is recognised.
    """
    if path.suffix.lower() == ".json":
        record = load_record(path)
        return record if isinstance(record, Notice | Form) else notice_or_form(record)
    form = _scanned_form(path, recognizer, password=password, progress=progress)
    if form is not None:
        return form
    document = recognizer.recognize(path, password=password, progress=progress)
    return notice_or_form(document, source=path, recognizer=recognizer, password=password)


def notice_or_form(
    document: Document, *, source: Path | None = None, recognizer: Recognizer | None = None,
    password: str | None = None,
) -> Notice | Form:
    """A self-check form when the document names itself one and its tables give items, else its
    notice (``NothingExtractedError`` when it is neither).

    The tables come from the text layer; a form with scanned pages is read again from ``source``
    in form mode (cell by cell) when ``source`` and ``recognizer`` are given.
    """
    from docproc.extract import extract_notice
    from docproc.forms.reader import FormReader, form_from_document, names_itself_a_form

    if names_itself_a_form(document.text):
        try:
            if any(page.tables for page in document.pages):
                form: Form | None = form_from_document(document)
            elif source is not None and recognizer is not None and any(
                    page.text_source == "ocr" for page in document.pages):
                form = FormReader(recognizer.settings, engine=recognizer.engine).read(source, password=password)
            else:
                form = None
        except NoTextError:  # no ruled table after all: a notice
            form = None
        if form is not None and form.items:
            return form
    return extract_notice(document)


def _scanned_form(
    path: Path, recognizer: Recognizer, *, password: str | None, progress: PageProgress | None
) -> Form | None:
    """The form, when ``path`` is a scan whose first page holds a ruled table under a form's title;
    None (nothing OCR'd) when its first page has no ruled table or a text layer."""
    from docproc.forms.reader import FormReader, first_page_is_ruled, names_itself_a_form

    settings = recognizer.settings
    if not first_page_is_ruled(path, password=password, dpi=settings.dpi, force_ocr=settings.force_ocr):
        return None
    try:
        form = FormReader(settings, engine=recognizer.engine).read(path, password=password, progress=progress)
    except NoTextError:
        return None
    return form if form.items and names_itself_a_form(form.title or "") else None


# --- files of an input --------------------------------------------------------------------------


def write_document_files(document: Document, files: OutputFiles) -> list[Path]:
    """``<stem>.document.json`` and ``<stem>.txt`` (the reading-order text)."""
    return [
        write_json_atomic(files.path("document"), document.to_dict()),
        write_text_atomic(files.path("text"), document.text + "\n"),
    ]


def write_archival_copies(
    document: Document, source: Path, files: OutputFiles, *, searchable_pdf: bool = False,
    alto: bool = False, password: str | None = None,
) -> list[Path]:
    """``<stem>.searchable.pdf`` (the scan with an invisible text layer) and ``<stem>.alto.xml``."""
    from docproc.export import write_alto, write_searchable_pdf

    written = []
    if searchable_pdf:
        written.append(write_searchable_pdf(document, source, files.path("searchable_pdf"), password=password))
    if alto:
        written.append(write_alto(document, files.path("alto")))
    return written


def write_notice_files(notice: Notice, files: OutputFiles, *, markdown: bool = False) -> list[Path]:
    """``<stem>.notice.json``, and ``<stem>.notice.md`` (a readable summary) when asked."""
    written = [write_json_atomic(files.path("notice"), notice.to_dict())]
    if markdown:
        from docproc.notice_summary import notice_to_markdown

        written.append(write_text_atomic(files.path("notice_md"), notice_to_markdown(notice)))
    return written


def write_form_files(form: Form, files: OutputFiles, *, csv: bool = False, xlsx: bool = False) -> list[Path]:
    """``<stem>.form.json``, and the form's table as ``.form.csv`` / ``.form.xlsx`` when asked."""
    from docproc.forms.export import form_csv, form_xlsx

    written = [write_json_atomic(files.path("form"), form.to_dict())]
    if csv:
        written.append(write_text_atomic(files.path("form_csv"), form_csv(form)))
    if xlsx:
        written.append(write_bytes_atomic(files.path("form_xlsx"), form_xlsx(form)))
    return written


# --- the archive ----------------------------------------------------------------------------------

ArchiveOutcome = Literal["added", "updated", "unchanged"]


def archive_document(
    store: IndexStore, document: Document, source: Path, sha256: str, notice: Notice | None, *,
    replace: bool = False,
) -> bool:
    """Put one file (by its absolute path) into the archive with its notice's catalogue fields;
    False when the store already held this version, unless ``replace`` (the review desk re-indexes
    a file whose notice a person corrected)."""
    from docproc.index.catalogue import catalogue_entry

    return store.put(catalogue_entry(document, str(source.resolve()), sha256, notice), replace=replace)


def archive_file(
    store: IndexStore, path: Path, recognizer: Recognizer, *, password: str | None = None,
    progress: PageProgress | None = None, keep_pdf: Path | None = None,
) -> ArchiveOutcome:
    """Read, extract and index one file unless the store holds it with the same sha256.

    ``keep_pdf``: a folder that receives :meth:`OutputFiles.archival_copy` of each PDF or image
    read (not of text files or document JSONs)."""
    from docproc.ingest import check_input_path, sha256_file

    check_input_path(path)  # a pipe or /dev/zero is refused before it is read
    try:
        sha256 = sha256_file(path)
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from exc
    known = store.indexed_sha256(str(path.resolve()))
    if known == sha256:
        return "unchanged"
    document = recognizer.recognize(path, password=password, progress=progress)
    if keep_pdf is not None and document.pages and not path.name.lower().endswith(".json"):
        from docproc.export import write_searchable_pdf

        write_searchable_pdf(document, path, OutputFiles.of(path, keep_pdf).archival_copy(sha256), password=password)
    if not archive_document(store, document, path, sha256, read_notice(document).notice):
        return "unchanged"
    return "added" if known is None else "updated"
