"""The real gold's split (fixtures/realnotices/splits.json): every case stands in one set, and no held-out case
is a copy of a dev case (one notice printed in two places: its copy's misses were studied)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "realnotices"
_spec = importlib.util.spec_from_file_location("split_gold", REAL_DIR.parents[1] / "tools" / "split_gold.py")
assert _spec is not None and _spec.loader is not None
split_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(split_gold)


def _splits() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads((REAL_DIR / "splits.json").read_text(encoding="utf-8"))
    return data


def test_every_real_case_is_placed_once() -> None:
    splits = _splits()
    cases = {path.parent.name for path in REAL_DIR.glob("*/gold.notice.json")}
    assert not set(splits["dev"]) & set(splits["heldout"])
    assert cases == set(splits["dev"]) | set(splits["heldout"])


def test_no_held_out_case_is_a_copy_of_a_dev_case() -> None:
    splits = _splits()
    held_out = set(splits["heldout"])
    crossing = [(a, b, overlap) for a, b, overlap in split_gold.copies(sorted(splits["dev"] + splits["heldout"]))
                if (a in held_out) != (b in held_out)]
    assert crossing == []


def test_copies_are_found_by_title_date_and_text(tmp_path: Path, monkeypatch: object) -> None:
    body = "某局关于开展安全检查的通知\n各单位：\n请于6月30日前报送检查情况。联系人：王某，电话：24310001。\n某局\n2024年6月1日\n" * 3
    for case, text in (("a-1", body), ("a-2", "网站导航 " + body), ("a-3", "某局关于开展安全检查的通知\n各单位：\n另一份通知。\n")):
        folder = tmp_path / case
        folder.mkdir()
        (folder / "input.txt").write_text(text, encoding="utf-8")
        gold = {"title": "某局关于开展安全检查的通知", "issue_date": "2024-06-01", "doc_number": None,
                "source": {"file": "input.txt"}}
        (folder / "gold.notice.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(split_gold, "REAL_DIR", tmp_path)  # type: ignore[attr-defined]
    assert [(a, b) for a, b, _ in split_gold.copies(["a-1", "a-2", "a-3"])] == [("a-1", "a-2")]
