"""Line patterns of official documents (headings, list lines, page numbers), loaded once from data.

The patterns live in ``models/layout/line_patterns.json``; this module only compiles them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docproc.resources import models_dir

PATTERNS_PATH = models_dir() / "layout" / "line_patterns.json"


@dataclass(frozen=True)
class PageNumberPattern:
    name: str
    regex: re.Pattern[str]
    margin: float  # fraction of the page height from the top or bottom edge


@dataclass(frozen=True)
class RunningRule:
    """When a line repeated across pages is a running header or footer (see the JSON's ``running``)."""

    margin: float  # the top or bottom band, fraction of the page height
    y_tolerance: float  # fraction of the page height
    min_pages: int
    min_share: float


@dataclass(frozen=True)
class FurniturePatterns:
    """Page furniture besides the page number alone on its line."""

    glued_suffix: re.Pattern[str]  # ``…全国统一大—2—``
    glued_prefix: re.Pattern[str]  # ``—2—实党的…``
    watermark: re.Pattern[str]  # 扫描全能王, CamScanner, …
    watermark_margin: float
    seal_digits: re.Pattern[str]  # a seal's serial number read as a line (00000)
    running: RunningRule


@dataclass(frozen=True)
class LinePatterns:
    headings: tuple[tuple[str, re.Pattern[str]], ...]
    list_label: re.Pattern[str]
    page_numbers: tuple[PageNumberPattern, ...]
    paragraph_end_chars: frozenset[str]
    furniture: FurniturePatterns
    attachment_start: re.Pattern[str]  # 附件：1.… — the first line of the 附件说明
    attachment_item: re.Pattern[str]  # 2.… — a numbered title of it
    member_entry: re.Pattern[str] | None = None  # 林和文 政法综治处处长: one entry of a member list
    member_entry_max_chars: int = 0

    def heading_kind(self, text: str) -> str | None:
        """The name of the heading pattern that ``text`` starts with (一、 （一） 1. …), if any."""
        stripped = text.lstrip()
        for name, regex in self.headings:
            if regex.match(stripped):
                return name
        return None

    def is_list_line(self, text: str) -> bool:
        """``组  长：王会奇  副市长``, ``成  员：…``, ``联系人：…``, ``附件：`` …"""
        return self.list_label.match(text.lstrip()) is not None

    def is_member_entry(self, text: str) -> bool:
        """``林和文 政法综治处处长``: a name and a post alone on a line, as member lists print them."""
        stripped = text.strip()
        return (self.member_entry is not None and len(stripped) <= self.member_entry_max_chars
                and self.member_entry.match(stripped) is not None)

    def ends_paragraph(self, text: str) -> bool:
        stripped = text.rstrip()
        return bool(stripped) and stripped[-1] in self.paragraph_end_chars


def _label_regex(labels: list[str], suffix: str) -> re.Pattern[str]:
    # longest first, so 常务副组长 wins over 组长; spaces may stand between the characters
    spaced = [
        r"\s*".join(re.escape(ch) for ch in label)
        for label in sorted(labels, key=len, reverse=True)
    ]
    return re.compile("^(?:" + "|".join(spaced) + ")" + suffix)


@lru_cache(maxsize=1)
def load_line_patterns(path: Path = PATTERNS_PATH) -> LinePatterns:
    data = json.loads(path.read_text(encoding="utf-8"))
    headings = tuple((name, re.compile(regex)) for name, regex in data["heading"].items())
    label = data["list_label"]
    page_numbers = tuple(
        PageNumberPattern(entry["name"], re.compile(entry["regex"]), float(entry["margin"]))
        for entry in data["page_number"]["patterns"]
    )
    glued = data["page_number"]["glued"]
    watermarks = data["watermarks"]
    running = data["running"]
    names = sorted(watermarks["names"], key=len, reverse=True)
    furniture = FurniturePatterns(
        glued_suffix=re.compile(glued["suffix"]),
        glued_prefix=re.compile(glued["prefix"]),
        # spaces may stand anywhere inside a name (扫描全能王 创建, Cam Scanner)
        watermark=re.compile(
            "|".join(r"\s*".join(re.escape(ch) for ch in name if not ch.isspace()) for name in names),
            re.IGNORECASE,
        ),
        watermark_margin=float(watermarks["margin"]),
        seal_digits=re.compile(rf"^[0-9０-９\s]{{{int(data['seal_digits']['min_digits'])},}}$"),
        running=RunningRule(
            margin=float(running["margin"]),
            y_tolerance=float(running["y_tolerance"]),
            min_pages=int(running["min_pages"]),
            min_share=float(running["min_share"]),
        ),
    )
    return LinePatterns(
        headings=headings,
        list_label=_label_regex(label["labels"], label["label_suffix"]),
        page_numbers=page_numbers,
        paragraph_end_chars=frozenset(data["paragraph_end_chars"]),
        furniture=furniture,
        member_entry=re.compile(data["member_entry"]["regex"]),
        member_entry_max_chars=int(data["member_entry"]["max_chars"]),
        attachment_start=re.compile(data["attachment_list"]["start"]),
        attachment_item=re.compile(data["attachment_list"]["item"]),
    )
