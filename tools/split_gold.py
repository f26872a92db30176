"""Place new real gold cases in dev or held-out: ``python tools/split_gold.py`` (rewrites splits.json).

Cases already placed never move (a held-out case moves to dev only by hand, when someone had to look
into it — see fixtures/realnotices/README.md). A new case goes to held-out when
``sha256("20261125:" + name)`` is even: a fixed coin, decided before anyone studied the case.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "realnotices"
SEED = "20261125"


def is_heldout(name: str) -> bool:
    return int(hashlib.sha256(f"{SEED}:{name}".encode()).hexdigest(), 16) % 2 == 0


COPY_OVERLAP = 0.6  # shared text shingles (Jaccard) above which two cases naming one notice print the same text
_SHINGLE = 8


def _gold(case: str) -> dict[str, object]:
    gold: dict[str, object] = json.loads((REAL_DIR / case / "gold.notice.json").read_text(encoding="utf-8"))
    return gold


def _shingles(case: str, gold: dict[str, object]) -> set[str]:
    source = REAL_DIR / case / str(gold["source"]["file"])  # type: ignore[index]
    text = "".join(source.read_text(encoding="utf-8", errors="ignore").split())
    return {text[i : i + _SHINGLE] for i in range(0, max(0, len(text) - _SHINGLE), 3)}


def copies(cases: list[str]) -> list[tuple[str, str, float]]:
    """Pairs of ``cases`` that are one notice printed twice (a corpus copy and an archive copy, one page in
    two columns): the same title and the same issue date or 文号, and text shingles overlapping at least
    ``COPY_OVERLAP``. Reads each gold once and a text only for a pair that may be one; prints no text."""
    golds = {case: _gold(case) for case in cases}
    by_title: dict[str, list[str]] = {}
    for case, gold in golds.items():
        if gold.get("title"):
            by_title.setdefault(str(gold["title"]), []).append(case)
    shingles: dict[str, set[str]] = {}
    found = []
    for same in by_title.values():
        for index, first in enumerate(same):
            for second in same[index + 1 :]:
                if not any(golds[first].get(field) and golds[first].get(field) == golds[second].get(field)
                           for field in ("issue_date", "doc_number")):
                    continue  # the same title, but another date and 文号: two notices
                for case in (first, second):
                    if case not in shingles:
                        shingles[case] = _shingles(case, golds[case])
                a, b = shingles[first], shingles[second]
                overlap = len(a & b) / max(1, len(a | b))
                if overlap >= COPY_OVERLAP:
                    found.append((first, second, round(overlap, 2)))
    return found


def main() -> int:
    path = REAL_DIR / "splits.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    placed = set(data["dev"]) | set(data["heldout"])
    added = []
    for gold in sorted(REAL_DIR.glob("*/gold.notice.json")):
        name = gold.parent.name
        if name in placed:
            continue
        data["heldout" if is_heldout(name) else "dev"].append(name)
        added.append(name)
    data["dev"].sort()
    data["heldout"].sort()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"placed {len(added)} new case(s); dev {len(data['dev'])}, held-out {len(data['heldout'])}")
    sets = {**{case: "dev" for case in data["dev"]}, **{case: "held-out" for case in data["heldout"]}}
    for first, second, overlap in copies(sorted(sets)):
        if first in added or second in added or sets[first] != sets[second]:
            print(f"copy? {first} ({sets[first]}) and {second} ({sets[second]}) print one notice (overlap {overlap}):"
                  " a document may stand in one set only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
