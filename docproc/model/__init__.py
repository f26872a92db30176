"""Typed records that flow between the stages (see docs/architecture.md)."""

from docproc.model.document import (
    BBox,
    Document,
    Line,
    Page,
    Source,
    Table,
    TableCell,
    Zone,
)
from docproc.model.form import Form, FormItem
from docproc.model.notice import (
    CitedDocument,
    Contact,
    Deadline,
    Evidence,
    LeaderEntry,
    Notice,
    Phase,
    Task,
)

__all__ = [
    "BBox",
    "CitedDocument",
    "Contact",
    "Deadline",
    "Document",
    "Evidence",
    "Form",
    "FormItem",
    "LeaderEntry",
    "Line",
    "Notice",
    "Page",
    "Phase",
    "Source",
    "Table",
    "TableCell",
    "Task",
    "Zone",
]
