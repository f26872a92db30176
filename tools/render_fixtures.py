"""Render notice sources as GB/T 9704-2012 scan fixtures.

    python tools/render_fixtures.py fixtures/seed-000 fixtures/notices/some-case ...
    python tools/render_fixtures.py --all          # every fixtures/**/notice.txt

Each folder must hold a `notice.txt` (format: fixtures/README.md); the outputs are written beside it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render.outputs import DEGRADED_PNG_CHOICES, render_case  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="case folders holding a notice.txt")
    parser.add_argument("--all", action="store_true", help="render every fixtures/**/notice.txt")
    parser.add_argument("--degraded-pngs", choices=DEGRADED_PNG_CHOICES, default="key",
                        help="degraded pages kept as PNG (4-6 MB each): the seal page, else page 1 (key), "
                             "every page (all) or none; degraded.pdf always has them all")
    args = parser.parse_args(argv)
    folders = list(args.folders)
    if args.all:
        folders += sorted(path.parent for path in FIXTURES.glob("**/notice.txt"))
    if not folders:
        parser.error("name at least one case folder, or --all")
    for folder in folders:
        if not (folder / "notice.txt").is_file():
            print(f"{folder}: no notice.txt", file=sys.stderr)
            return 2
        started = time.perf_counter()
        pages = render_case(folder, degraded_pngs=args.degraded_pngs)
        print(f"{folder}: {len(pages)} pages in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
