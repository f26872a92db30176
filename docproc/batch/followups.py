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
        target = finished.folder / f"{finished.stem}.ledger.{fmt}"
        return [write_ledger(ledger, target, fmt)]

    return write


def index_follow_up(store: IndexStore) -> FollowUp:
    """Puts the input (by its absolute path) into the archive ``store``, with its notice's
    catalogue fields when there is one; writes no file."""
    from docproc.index.catalogue import catalogue_entry

    def put(finished: FinishedInput) -> list[Path]:
        path = str(finished.source.resolve())
        store.put(catalogue_entry(finished.document, path, finished.sha256, finished.notice))
        return []

    return put
