"""The manifest survives a torn last line; the planner redoes exactly what is missing or changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.batch.manifest import ManifestEntry, ManifestWriter, read_manifest
from docproc.batch.planner import plan_input, scan_folder
from docproc.ingest import sha256_file

GOOD = ManifestEntry(path="a.pdf", sha256="0" * 64, status="ok", outputs=["results/a.pdf/a.txt"])


def test_a_torn_last_line_is_skipped_and_the_next_entry_starts_on_its_own_line(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.jsonl"
    torn = GOOD.to_json_line() + '{"path": "b.pdf", "sha2'
    manifest.write_text(torn, encoding="utf-8")
    assert list(read_manifest(manifest)) == ["a.pdf"]

    writer = ManifestWriter(manifest)
    writer.append(ManifestEntry(path="b.pdf", sha256="1" * 64, status="failed", error="is empty (0 bytes)"))
    writer.close()
    text = manifest.read_text(encoding="utf-8")
    assert text.startswith(torn + "\n")  # append-only: the old bytes stay as they were
    assert {p: e.status for p, e in read_manifest(manifest).items()} == {"a.pdf": "ok", "b.pdf": "failed"}


def test_the_latest_line_for_a_path_wins(tmp_path: Path) -> None:
    writer = ManifestWriter(tmp_path / "manifest.jsonl")
    writer.append(GOOD)
    writer.append(ManifestEntry(path="a.pdf", sha256="2" * 64, status="partial", error="no notice"))
    writer.close()
    entry = read_manifest(tmp_path / "manifest.jsonl")["a.pdf"]
    assert (entry.sha256, entry.status, entry.error) == ("2" * 64, "partial", "no notice")


@pytest.mark.parametrize(
    ("recorded", "output_present", "retry_failed", "planned"),
    [
        (None, False, False, True),  # never seen
        ("same-ok", True, False, False),  # done, outputs there
        ("same-ok", False, False, True),  # done, an output lost
        ("same-partial", True, False, False),
        ("same-failed", False, False, False),  # failed stays failed...
        ("same-failed", False, True, True),  # ...unless asked to retry
        ("changed-ok", True, False, True),  # content changed since
        ("changed-failed", False, False, True),
    ],
)
def test_plan_input(
    tmp_path: Path, recorded: str | None, output_present: bool, retry_failed: bool, planned: bool
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("关于开展安全生产大检查的通知", encoding="utf-8")
    out = tmp_path / "out"
    if output_present:
        (out / "results/a.txt").mkdir(parents=True)
        (out / "results/a.txt/a.txt").write_text("x", encoding="utf-8")
    (candidate,) = scan_folder(source, skip=[out])
    sha256 = sha256_file(candidate.path)
    entry = None
    if recorded is not None:
        which, status = recorded.split("-")
        entry = ManifestEntry(
            path="a.txt",
            sha256=sha256 if which == "same" else "f" * 64,
            status=status,  # type: ignore[arg-type]
            outputs=["results/a.txt/a.txt"],
            size=candidate.size,
            mtime_ns=candidate.mtime_ns if which == "same" else 0,
        )
    result = plan_input(candidate, entry, out, retry_failed=retry_failed)
    assert result == (sha256 if planned else None)


def test_scan_skips_hidden_names_and_the_output_folder(tmp_path: Path) -> None:
    for name in ("b.pdf", "a/c.png", ".partial.pdf", ".cache/d.pdf", "out/results/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = [c.relative for c in scan_folder(tmp_path, skip=[tmp_path / "out"])]
    assert found == ["b.pdf", "a/c.png"]
