"""Input files to pages: PDF text layers as lines, scans and images as rasters for OCR.

``open_input(path)`` tells the file's real type from its bytes, checks it (empty, truncated,
encrypted, too large, a PNG named ``.pdf``...) and returns an :class:`InputFile` whose ``pages()``
yields :class:`TextLayerPage` or :class:`ImagePage` lazily.
"""

from docproc.ingest.inputfile import InputFile, check_input_path, open_input
from docproc.ingest.pages import ImagePage, TextLayerPage
from docproc.ingest.sha import sha256_file
from docproc.ingest.triage import triage_text_layer

__all__ = [
    "ImagePage",
    "InputFile",
    "TextLayerPage",
    "check_input_path",
    "open_input",
    "sha256_file",
    "triage_text_layer",
]
