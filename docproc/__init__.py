"""docproc: scanned Chinese official notices to text, structured records and ledgers.

Library first: every CLI command is a thin wrapper around one of these calls.

    >>> import docproc
    >>> doc = docproc.recognize("notice.pdf")        # docproc.document/1
    >>> print(doc.text)

Heavy modules (ONNX Runtime, spaCy, pdfplumber) load on first use, not at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from docproc.pipeline import load, recognize

__all__ = ["__version__", "load", "recognize"]

_LAZY = {
    "recognize": "docproc.pipeline",
    "load": "docproc.pipeline",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'docproc' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
