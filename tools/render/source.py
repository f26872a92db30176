"""Reads the notice source format (`notice.txt`): `key: value` header lines, `---`, body lines.

Body conventions understood by the renderer (see fixtures/README.md):
- one paragraph per line, blank lines ignored;
- a further `---` line starts an enclosure (the enclosed plan or an attachment), printed after the
  signature block on a new page;
- a line starting with `# ` is a centred title line (2号 bold), e.g. an enclosed plan's title;
- leading full-width spaces (U+3000) are kept as blank cells (aligning member lists), ASCII ones dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

REPEATABLE_KEYS = ("red_header", "title", "signature", "attachment")
SINGLE_KEYS = ("doc_number", "recipients", "date", "seal", "imprint")
SEPARATOR = "---"


@dataclass
class NoticeSource:
    red_header: list[str] = field(default_factory=list)
    doc_number: str = ""
    title: list[str] = field(default_factory=list)
    recipients: str = ""
    signature: list[str] = field(default_factory=list)
    date: str = ""
    seal: str = ""
    attachment: list[str] = field(default_factory=list)
    imprint: str = ""
    body: list[str] = field(default_factory=list)
    enclosures: list[list[str]] = field(default_factory=list)


def _clean_body_line(raw: str) -> str:
    """Drops trailing whitespace and leading ASCII spaces/tabs; keeps leading U+3000 cells."""
    return raw.rstrip().lstrip(" \t")


def parse_notice(text: str) -> NoticeSource:
    lines = text.lstrip("\ufeff").splitlines()
    if SEPARATOR not in (line.strip() for line in lines):
        raise ValueError("notice source has no '---' line between header and body")
    source = NoticeSource()
    index = 0
    for index, raw in enumerate(lines):  # noqa: B007 - index is used after the loop
        line = raw.strip()
        if line == SEPARATOR:
            break
        if not line:
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in REPEATABLE_KEYS + SINGLE_KEYS:
            raise ValueError(f"line {index + 1}: not a known 'key: value' header line: {line!r}")
        value = value.strip()
        if key in REPEATABLE_KEYS:
            getattr(source, key).append(value)
        else:
            setattr(source, key, value)
    parts: list[list[str]] = [[]]
    for raw in lines[index + 1 :]:
        if raw.strip() == SEPARATOR:
            parts.append([])
            continue
        line = _clean_body_line(raw)
        if line.strip():
            parts[-1].append(line)
    source.body = parts[0]
    source.enclosures = [part for part in parts[1:] if part]
    return source


def read_notice(path: Path) -> NoticeSource:
    return parse_notice(path.read_text(encoding="utf-8"))
