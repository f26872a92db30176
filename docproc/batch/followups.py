"""Steps a batch can add after each input's notice: its rectification ledger, the archive index."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docproc.batch.results import FinishedInput, FollowUp

if TYPE_CHECKING:
    from docproc.index import IndexStore


def ledger_follow_up(fmt: str = "xlsx") -> FollowUp:
    """``<stem>.ledger.<fmt>``: the notice's tasks as a 整改台账 (nothing when there is no notice)."""
    from docproc.ledger import build_ledger, write_ledger

    def write(finished: FinishedInput) -> list[Path]:
        if finished.notice is None:
            return []
        ledger = build_ledger([finished.notice])
        return [write_ledger(ledger, finished.files.ledger(fmt), fmt)]

    return write


def index_follow_up(store: IndexStore) -> FollowUp:
    """Puts the input (by its absolute path) into the archive ``store``, with its notice's
    catalogue fields when there is one; writes no file."""
    from docproc.workflow import archive_document

    def put(finished: FinishedInput) -> list[Path]:
        archive_document(store, finished.document, finished.source, finished.sha256, finished.notice)
        return []

    return put
