"""Where the gold cases live, and the plain-text form of a notice written in the source format.

The source format (``notice.txt``) is the one the fixture renderer reads: ``key: value`` header lines,
a ``---`` line, then one paragraph per line.  ``input.txt`` is the same notice as a clerk gets it
as plain text; :func:`plain_text_of_notice_source` derives it, and a test keeps the two in step.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES_DIR

GOLD_DIR = FIXTURES_DIR / "gold"
NOTICES_DIR = FIXTURES_DIR / "notices"

# Cases whose text is not a fixtures/notices/<case>/input.txt: the seeds (copied verbatim into
# fixtures/seed-NNN/input.txt) and the GovDoc-CN sample.
EXTERNAL_TEXTS: dict[str, Path] = {
    "seed-000": FIXTURES_DIR / "seed-000" / "input.txt",
    "seed-001": FIXTURES_DIR / "seed-001" / "input.txt",
    "seed-003": FIXTURES_DIR / "seed-003" / "input.txt",
    "seed-004": FIXTURES_DIR / "seed-004" / "input.txt",
    "govdoc-cn-397": FIXTURES_DIR / "govdoc-cn-397" / "397.txt",
}

HEADER_KEYS = (
    "red_header", "doc_number", "title", "recipients", "signature", "date", "seal", "attachment", "imprint",
)


@dataclass
class NoticeSource:
    """A parsed ``notice.txt``: header values by key (in order) and the body paragraphs."""

    header: dict[str, list[str]] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)

    def values(self, key: str) -> list[str]:
        return self.header.get(key, [])


def gold_case_names() -> list[str]:
    return sorted(path.name.removesuffix(".notice.json") for path in GOLD_DIR.glob("*.notice.json"))


def load_gold(case: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((GOLD_DIR / f"{case}.notice.json").read_text(encoding="utf-8"))
    return record


def case_text_path(case: str) -> Path:
    return EXTERNAL_TEXTS.get(case, NOTICES_DIR / case / "input.txt")


def case_text(case: str) -> str:
    return case_text_path(case).read_text(encoding="utf-8")


def parse_notice_source(text: str) -> NoticeSource:
    head, separator, body = text.partition("\n---\n")
    if not separator:
        raise ValueError("notice.txt needs a line '---' between the header and the body")
    source = NoticeSource()
    for line in head.splitlines():
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in HEADER_KEYS:
            raise ValueError(f"not a header line of the notice source format: {line!r}")
        source.header.setdefault(key.strip(), []).append(value.strip())
    source.body = [line.strip() for line in body.splitlines() if line.strip()]
    return source


def plain_text_of_notice_source(source: NoticeSource) -> str:
    """Header lines, title, recipients, body, signature, date, attachments, imprint; one per line."""
    lines: list[str] = [*source.values("red_header"), *source.values("doc_number"), *source.values("title")]
    lines += source.values("recipients")
    lines += source.body
    lines += source.values("signature")
    lines += source.values("date")
    for index, attachment in enumerate(source.values("attachment")):
        lines.append(("附件：" if index == 0 else "") + attachment)
    lines += source.values("imprint")
    return "\n".join(lines) + "\n"


def comparable(value: str | None) -> str | None:
    """A value as the annotation conventions compare it: NFKC, all whitespace removed."""
    if value is None:
        return None
    return "".join(unicodedata.normalize("NFKC", value).split())
