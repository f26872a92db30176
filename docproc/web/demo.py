"""``python -m docproc.web.demo DIR``: a desk folder ready to show (``make desk``).

Creates one user per role (named after the role, password ``docproc-demo``) and queues the bundled
notices (a scanned PDF and text files from ``fixtures/``) as uploads of the clerk: the desk reads
them as soon as ``docproc serve --data DIR`` starts. Run again, it adds nothing twice.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docproc.web.accounts import ROLES, add_user
from docproc.web.config import DeskConfig
from docproc.web.store import DeskStore
from docproc.web.uploads import receive_upload

DEMO_PASSWORD = "docproc-demo"
REPO_DIR = Path(__file__).resolve().parent.parent.parent
DEMO_FILES = (
    "fixtures/seed-000/degraded.pdf",
    "fixtures/seed-001/input.txt",
    "fixtures/seed-003/input.txt",
    "fixtures/notices/joint-issue-jiaxing/degraded.pdf",
    "fixtures/govdoc-cn-397/397.pdf",
)


def prepare(data_dir: Path) -> list[str]:
    config = DeskConfig(data_dir=data_dir)
    store = DeskStore(config.desk_db)
    for role in ROLES:
        add_user(store, role, role, DEMO_PASSWORD)
    known = {row.filename for row in store.documents(limit=1000)}
    queued = []
    for name in DEMO_FILES:
        path = REPO_DIR / name
        label = f"{path.parent.name}-{path.name}"
        if label in known or not path.is_file():
            continue
        with open(path, "rb") as handle:
            queued.append(receive_upload(config, store, label, handle, "clerk").filename)
    store.close()
    return queued


def main() -> None:
    data_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "demo-desk")
    queued = prepare(data_dir)
    print(f"desk data in {data_dir}: users {', '.join(ROLES)} (password {DEMO_PASSWORD}); "
          f"{len(queued)} demo file(s) queued")


if __name__ == "__main__":
    main()
