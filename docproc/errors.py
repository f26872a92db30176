"""Exceptions that carry their exit codes.

Every error a user can cause or meet is a :class:`DocprocError` subclass. The CLI turns one into a
single line on stderr and its ``exit_code``; ``--debug`` shows the traceback instead. Library code
raises these and never calls ``sys.exit``.

Exit codes (see docs/cli.md): 0 ok, 1 usage, 2 input, 3 missing dependency or model, 4 OCR,
5 nothing extracted, 6 template, 7 index, 130 interrupted.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_INPUT = 2
EXIT_DEPENDENCY = 3
EXIT_OCR = 4
EXIT_NOTHING_EXTRACTED = 5
EXIT_TEMPLATE = 6
EXIT_INDEX = 7
EXIT_INTERRUPTED = 130


class DocprocError(Exception):
    """Base class: a message for a person and the exit code the CLI returns."""

    exit_code: int = EXIT_INPUT

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def one_line(self) -> str:
        """The message as one line, prefixed with the file it concerns."""
        text = " ".join(self.message.split())
        return f"{self.path}: {text}" if self.path else text


class UsageError(DocprocError):
    """The command was called wrongly (bad option value, conflicting flags)."""

    exit_code = EXIT_USAGE


class OutputError(DocprocError):
    """An output cannot be written where the user asked (a file in the way, no permission, a place
    where files cannot be made); checked before any work where it can be."""

    exit_code = EXIT_USAGE


class InputError(DocprocError):
    """An input file cannot be read as what it claims to be."""

    exit_code = EXIT_INPUT


class EmptyInputError(InputError):
    """The file is empty (0 bytes) or holds no pages."""


class CorruptInputError(InputError):
    """The file is truncated or damaged."""


class EncryptedPdfError(InputError):
    """The PDF is encrypted and no (or a wrong) password was given."""


class UnsupportedInputError(InputError):
    """The file's content is of a kind docproc does not read, whatever its extension says."""


class ImageTooLargeError(InputError):
    """An image whose pixel count would exhaust memory (a decompression bomb or a wrong DPI)."""


class TextTooLongError(InputError):
    """A text far longer than any notice: extraction refuses it rather than run for minutes."""


class NoTextError(InputError):
    """A page or document gave no text at all (blank page, or nothing OCR could read)."""

    exit_code = EXIT_NOTHING_EXTRACTED


class MissingDependencyError(DocprocError):
    """An optional package or a model file is not installed."""

    exit_code = EXIT_DEPENDENCY


class ModelIntegrityError(MissingDependencyError):
    """A model file does not match its manifest (sha256) or is missing."""


class OcrError(DocprocError):
    """The OCR engine failed on a page."""

    exit_code = EXIT_OCR


class NothingExtractedError(DocprocError):
    """Extraction found nothing it could use (not a notice, or unreadable text)."""

    exit_code = EXIT_NOTHING_EXTRACTED


class TemplateError(DocprocError):
    """A ledger template is missing or broken."""

    exit_code = EXIT_TEMPLATE


class IndexStoreError(DocprocError):
    """The archive index cannot be opened, written or queried."""

    exit_code = EXIT_INDEX
