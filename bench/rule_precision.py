"""How often each extraction rule is right, measured on the dev gold and the own fixtures (never on
held-out): the base of every value's confidence (``docproc/extract/evidence.py``).

    python -m bench.rule_precision            # print the table
    python -m bench.rule_precision --write    # also write models/extract/rule_precision.json

A value is right when the gold record holds the same item (``bench/scoring.py``'s items); each value
is counted for the rule in its evidence.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from typing import Any

from bench.gold_sets import REPO_DIR, cases
from bench.scoring import FIELDS, SCALAR_FIELDS, STRING_LIST_FIELDS, Item, field_items

OUTPUT = REPO_DIR / "models" / "extract" / "rule_precision.json"
LIST_FIELDS = ("cited_documents", "leaders", "contacts", "phases", "deadlines", "tasks")


def _rules(record: dict[str, Any], name: str) -> list[str | None]:
    """The rule of each item ``field_items`` gives for ``name``, in the same order."""
    evidence = record.get("evidence", {})
    if name in SCALAR_FIELDS:
        return [evidence.get(name, {}).get("rule")] if record.get(name) is not None else []
    if name in STRING_LIST_FIELDS:
        return [evidence.get(name, {}).get("rule")] * len(record.get(name, []))
    return [(entry.get("evidence") or {}).get("rule") for entry in record.get(name, [])]


def count_rules(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, list[int]]:
    """rule → [matched, found] over (record, gold) pairs."""
    counts: dict[str, list[int]] = {}
    for record, gold in pairs:
        for name in FIELDS:
            items: list[Item] = field_items(record, name)
            rules = _rules(record, name)
            remaining = Counter(field_items(gold, name))
            for item, rule in zip(items, rules, strict=False):
                if rule is None:
                    continue
                entry = counts.setdefault(rule, [0, 0])
                entry[1] += 1
                if remaining[item] > 0:
                    remaining[item] -= 1
                    entry[0] += 1
    return counts


def measure() -> dict[str, list[int]]:
    import docproc
    from docproc.errors import NothingExtractedError
    from docproc.extract import extract_notice

    pairs = []
    for set_name in ("own", "dev"):
        for case in cases(set_name):
            try:
                record = extract_notice(docproc.recognize(case.text_input())).to_dict()
            except NothingExtractedError:
                continue
            pairs.append((record, case.gold()))
    return count_rules(pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT.relative_to(REPO_DIR)}")
    args = parser.parse_args(argv)
    counts = measure()
    for rule, (matched, found) in sorted(counts.items()):
        print(f"{rule:<36}{matched:>6}/{found:<6}{matched / found if found else 0:>7.3f}")
    if args.write:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=REPO_DIR).stdout.strip()
        data = {
            "_comment": "Per extraction rule: values right (matched) of values given (found) on the dev gold and the "
                        "own fixtures, text route; never the held-out set. Written by python -m bench.rule_precision "
                        f"--write at commit {commit}; re-run it after rules change.",
            "rules": {rule: {"matched": m, "found": f} for rule, (m, f) in sorted(counts.items())},
        }
        OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
