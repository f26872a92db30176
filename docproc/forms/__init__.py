"""Self-check forms (自查表): ruled tables recovered from PDFs and scans, and the items read from them.

``read_form(path) -> Form`` is the library call behind ``docproc form``; see docs/forms.md.
"""

from docproc.forms.reader import FormReader, form_from_document, read_form

__all__ = ["FormReader", "form_from_document", "read_form"]
