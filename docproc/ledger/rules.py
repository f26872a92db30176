"""Rules of the ledger builder, read from ``models/ledger/rules.json`` (data, not code).

They decide which phase or notice deadline covers a task that states no deadline of its own, how a
ledger title is made from a notice title (…工作方案 → …整改台账), which labelled slots of a task's text
name its leader, person or unit (``责任领导：…``), and which members of a leading group are in charge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from docproc.resources import models_dir


@dataclass(frozen=True)
class LedgerRules:
    rectification_phase_keywords: tuple[str, ...]
    closing_deadline_keywords: tuple[str, ...]
    phase_name_stop_words: tuple[str, ...]
    title_prefixes: tuple[str, ...]
    title_suffixes: tuple[str, ...]
    title_ledger_suffix: str
    default_title: str
    slot_label_suffixes: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, label words)
    slot_label_max_prefix: int
    measures_label_prefixes: tuple[str, ...]
    leader_top_roles: tuple[str, ...]
    in_charge_words: tuple[str, ...]
    group_name_suffixes: tuple[str, ...]
    office_group_suffixes: tuple[str, ...]

    def ledger_title(self, notice_title: str | None) -> str:
        """``沈阳市助企护企执法监督专项行动工作方案`` → ``沈阳市助企护企执法监督专项行动整改台账``."""
        if not notice_title:
            return self.default_title
        core = notice_title.strip()
        for prefix in self.title_prefixes:
            if core.startswith(prefix) and len(core) > len(prefix):
                core = core[len(prefix):]
                break
        for suffix in self.title_suffixes:
            if core.endswith(suffix) and len(core) > len(suffix):
                core = core[: -len(suffix)]
                break
        ledger = self.title_ledger_suffix
        # …反馈意见的整改工作方案 → …反馈意见的整改台账, not …的整改整改台账
        overlap = next((k for k in range(len(ledger), 1, -1) if core.endswith(ledger[:k])), 0)
        return core + ledger[overlap:]

    def phase_name_bigrams(self, phase_name: str) -> set[str]:
        """Two-character words of a phase name once its stop words are cut out (集中建设阶段 → {建设})."""
        pieces = [phase_name]
        for word in sorted(self.phase_name_stop_words, key=len, reverse=True):
            pieces = [part for piece in pieces for part in piece.split(word)]
        return {piece[i : i + 2] for piece in pieces for i in range(len(piece) - 1)}


@lru_cache(maxsize=1)
def ledger_rules() -> LedgerRules:
    path = models_dir() / "ledger" / "rules.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return LedgerRules(
        rectification_phase_keywords=tuple(data["rectification_phase_keywords"]),
        closing_deadline_keywords=tuple(data["closing_deadline_keywords"]),
        phase_name_stop_words=tuple(data["phase_name_stop_words"]),
        title_prefixes=tuple(data["title_prefixes"]),
        title_suffixes=tuple(data["title_suffixes"]),
        title_ledger_suffix=data["title_ledger_suffix"],
        default_title=data["default_title"],
        slot_label_suffixes=tuple((kind, tuple(words)) for kind, words in data["slot_label_suffixes"].items()),
        slot_label_max_prefix=int(data["slot_label_max_prefix"]),
        measures_label_prefixes=tuple(data["measures_label_prefixes"]),
        leader_top_roles=tuple(data["leader_top_roles"]),
        in_charge_words=tuple(data["in_charge_words"]),
        group_name_suffixes=tuple(data["group_name_suffixes"]),
        office_group_suffixes=tuple(data["office_group_suffixes"]),
    )
