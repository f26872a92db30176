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
    return 0


if __name__ == "__main__":
    sys.exit(main())
