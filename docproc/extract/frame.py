"""The frame around a notice's text: run-on texts split into their printed lines, web-page chrome
dropped, the page's metadata block kept.

Text as users have it is often not laid out as on paper. A copy from a government web site carries
navigation, a breadcrumb, a ``索引号/发布机构/发布日期/文号`` block, share buttons and a footer; a
crawled copy may hold a whole notice on one line — title, 文号, 主送, body and signature run together,
or separated by single spaces. :func:`frame_text` turns such a text into the lines a printed notice
has, drops the chrome and returns the metadata block as ``label → value`` items. A text laid out as on
paper (a scan's OCR, a clean ``.txt``) passes through unchanged but for leading bullets.

The cues are data: ``models/extract/page_frame.json`` (chrome, metadata labels, structural starts),
with the organ suffixes and document types of ``models/extract/metadata.json`` and the role words of
``models/extract/leaders/roles.tsv``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from docproc.extract.dates import all_full_dates, chinese_number
from docproc.extract.leaders import default_lexicon
from docproc.extract.metadata import DOC_NUMBER, load_metadata_cues
from docproc.normalize.lines import join_lines
from docproc.normalize.offsets import Edit, NormalizedText, TextEditor
from docproc.normalize.rules import load_cleanup_rules
from docproc.resources import models_dir

SPACE = " \t\u3000\xa0"
_SPACE_RUN = re.compile(f"[{SPACE}]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = "。；！？!?;"
_MARKER = re.compile(
    r"(?P<chapter>[一二三四五六七八九十]{1,3}、)"
    r"|(?P<section>[（(][一二三四五六七八九十]{1,3}[）)])"
    r"|(?P<item>(?<![\d.．])\d{1,2}[.．、](?![\d%]))"
    r"|(?P<subitem>[（(]\d{1,2}[）)])"
    r"|(?P<stage>第[一二三四五六七八九十]{1,3}(?:阶段|部分)[:：]?)"
)
_MARKER_FOLLOWER = re.compile(r"[\u3400-\u9fff“《（(]")
_IMPRINT = re.compile(r"\s*印[发發]")
_RECIPIENT_CUES = ("各", "局", "部", "委", "政府", "单位", "公司", "办", "厅", "院", "中心", "队", "室", "处", "科",
                   "站", "所", "会", "机构", "乡镇", "街道", "單位", "機構")


@dataclass(frozen=True)
class FrameCues:
    chrome_lines: tuple[re.Pattern[str], ...]
    page_title_separators: tuple[str, ...]
    metadata_labels: tuple[str, ...]  # longest first
    metadata_block_min_labels: int
    structural_starts: re.Pattern[str]
    bullets: str
    run_on_min_chars: int
    heading_max_chars: int
    organ_suffixes: tuple[str, ...]
    doc_type_suffixes: tuple[str, ...]
    title_words: tuple[str, ...]
    role_label: re.Pattern[str]
    sentence_opener: re.Pattern[str]


@lru_cache(maxsize=1)
def load_frame_cues() -> FrameCues:
    data = json.loads((models_dir() / "extract" / "page_frame.json").read_text(encoding="utf-8"))
    metadata = load_metadata_cues()
    roles = default_lexicon().roles
    spaced_roles = "|".join(f"[{SPACE}]*".join(map(re.escape, role)) for role in roles)
    labels = sorted(data["metadata_labels"], key=len, reverse=True)
    return FrameCues(
        chrome_lines=tuple(re.compile(p) for p in data["chrome_lines"]),
        page_title_separators=tuple(data["page_title_separators"]),
        metadata_labels=tuple(labels),
        metadata_block_min_labels=int(data["metadata_block_min_labels"]),
        structural_starts=re.compile("|".join(f"(?:{p})" for p in data["structural_starts"])),
        bullets=data["bullets"],
        run_on_min_chars=int(data["run_on_min_chars"]),
        heading_max_chars=int(data["heading_max_chars"]),
        organ_suffixes=metadata.organ_suffixes,
        doc_type_suffixes=tuple(sorted({s for s, _ in metadata.doc_types}, key=len, reverse=True)),
        title_words=tuple(sorted({s for s, _ in metadata.doc_types} | set(data["attachment_title_words"]),
                                 key=len, reverse=True)),
        role_label=re.compile(f"(?:{spaced_roles})[{SPACE}]*[:：]"),
        sentence_opener=re.compile("|".join(map(re.escape, sorted(data["sentence_openers"], key=len, reverse=True)))),
    )


@dataclass
class MetadataItem:
    """One ``label：value`` of a page's metadata block; ``span``: the value in the text given to frame_text."""

    label: str
    value: str
    span: tuple[int, int]


@dataclass
class FramedText:
    """The text a notice's extractors read, with the map back to the text it was made from."""

    normalized: NormalizedText
    metadata: list[MetadataItem] = field(default_factory=list)
    chrome_lines: int = 0

    @property
    def text(self) -> str:
        return self.normalized.text


# ---------------------------------------------------------------- lines


@dataclass
class _Line:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _lines(text: str) -> Iterator[_Line]:
    position = 0
    for raw in text.split("\n"):
        yield _Line(position, position + len(raw))
        position += len(raw) + 1


def compact(value: str) -> str:
    return "".join(value.split())


def is_organ(value: str, cues: FrameCues) -> bool:
    """An issuing organ as a signature prints it: 2–40 characters ending in an organ word."""
    value = compact(value)
    if not 2 <= len(value) <= 40 or re.search(r"[。，,；;：:、\d“”《》]", value):
        return False
    return re.sub(r"[（(][^）)]*[）)]$", "", value).endswith(cues.organ_suffixes)


def _is_full_date(value: str) -> bool:
    dates = all_full_dates(value)
    return len(dates) == 1 and dates[0][1] == (0, len(value))


def _is_title_like(value: str, cues: FrameCues) -> bool:
    value = compact(value)
    return 6 <= len(value) <= 90 and "。" not in value and value.endswith(cues.doc_type_suffixes)


def _looks_like_recipients(value: str) -> bool:
    value = compact(value)
    return 2 <= len(value) <= 200 and "。" not in value and any(c in value for c in _RECIPIENT_CUES)


# ---------------------------------------------------------------- run-on texts


def _own_doc_number(line: str, cues: FrameCues) -> re.Match[str] | None:
    """The document's own 文号 near the start of a run-on line (not a number cited in brackets)."""
    for match in DOC_NUMBER.finditer(line, 0, min(len(line), 600)):
        before = line[max(0, match.start() - 12) : match.start()]
        if re.search(r"[（(《〈]|根据|按照|依据|转发|印发", before) and not re.search(r"[）)》〉]", before):
            continue
        return match
    return None


def _agency_start(line: str, match: re.Match[str], cues: FrameCues) -> int:
    """Where the agency code of ``match`` starts: after a title's document-type word or a space."""
    agency = match.group("agency")
    start = match.start("agency")
    for suffix in cues.doc_type_suffixes:
        cut = agency.rfind(suffix)
        if cut >= 0 and cut + len(suffix) < len(agency):
            return start + cut + len(suffix)
    trimmed = re.split(r"[的据照和及与、]", agency)[-1] or agency
    return start + len(agency) - len(trimmed)


_LEVELS = ("chapter", "section", "item", "subitem")


def _marker_number(match: re.Match[str]) -> int | None:
    digits = re.sub(r"[^\d一二三四五六七八九十]", "", match.group(0))
    if not digits:
        return None
    return int(digits) if digits.isdigit() else chinese_number(digits)


def _marker_breaks(line: str, last: dict[str, int], cues: FrameCues) -> list[int]:
    """Positions before numbering markers that open an item inside a long line: after a sentence,
    a colon or a space, right after a short heading, or — glued to the text before it — when it is
    the next number of its sequence (``…完成时限：9月25日前（二）分类…`` after （一））. ``last`` holds
    the last number seen of each marker kind and is updated."""
    breaks: list[int] = []
    last_chapter_at = -10_000
    for match in _MARKER.finditer(line):
        start = match.start()
        kind = match.lastgroup or ""
        follower = line[match.end() : match.end() + 2].lstrip(SPACE)[:1]
        if not follower or not _MARKER_FOLLOWER.match(follower):
            continue
        if line[:start].count("“") > line[:start].count("”"):
            continue  # a numbering quoted in a sentence (分点罗列“1.…；2.…”)
        number = _marker_number(match)
        previous = line[:start].rstrip(SPACE)[-1:] if start else ""
        strong = not previous or previous in _SENTENCE_END + "：:" or start and line[start - 1] in SPACE
        heading_run = (
            kind in ("section", "item", "subitem")
            and 0 < start - last_chapter_at <= cues.heading_max_chars
            and "。" not in line[last_chapter_at:start]
        )
        in_sequence = kind in _LEVELS and number is not None and number >= 2 and number == last.get(kind, 0) + 1
        if strong or heading_run or in_sequence:
            if start > 0:
                breaks.append(start)
            if kind in ("chapter", "section", "stage"):
                last_chapter_at = start
            if kind in _LEVELS and number is not None:
                last[kind] = number
                for lower in _LEVELS[_LEVELS.index(kind) + 1 :]:
                    last.pop(lower, None)
    return breaks


def _signature_breaks(line: str, cues: FrameCues) -> list[int]:
    """Breaks around ``…。ORGAN [ORGAN] DATE`` (and ``ORGAN DATE印发``) inside a long line."""
    breaks: list[int] = []
    for _value, (d_start, d_end) in all_full_dates(line):
        organs = _organs_before(line, d_start, cues)
        if not organs:
            continue
        imprint = _IMPRINT.match(line, d_end)
        breaks.append(organs[0])
        if imprint:
            end = imprint.end()
        else:
            breaks.extend(organs[1:])
            breaks.append(d_start)
            end = d_end
        rest = line[end:].lstrip(SPACE)
        if rest:
            breaks.append(len(line) - len(rest))
    return breaks


def _organs_before(line: str, position: int, cues: FrameCues) -> list[int]:
    """Starts of the organ names standing right before ``position`` (a signature's date), or []."""
    head = line[:position].rstrip(SPACE)
    floor = max(head.rfind(c) for c in _SENTENCE_END + "）)》”：:") + 1
    starts: list[int] = []
    for start, end in reversed(_words(head, floor)):
        word = head[start:end]
        glued = _glued_title(word, cues)
        if glued is None and is_organ(word, cues):
            starts.insert(0, start)
            continue
        if glued is not None:
            starts.insert(0, start + glued)
        break
    return starts


def _words(text: str, floor: int) -> list[tuple[int, int]]:
    """Spans of the space-separated words of ``text[floor:]``; a run of single characters
    (``国 务 院``, a word spaced for print) is one word."""
    words: list[tuple[int, int]] = []
    single_run = False
    for match in re.finditer(f"[^{SPACE}]+", text[floor:]):
        start, end = floor + match.start(), floor + match.end()
        single = end - start == 1
        if single and single_run:
            words[-1] = (words[-1][0], end)
        else:
            words.append((start, end))
        single_run = single
    return words


def _glued_title(word: str, cues: FrameCues) -> int | None:
    """Where an organ glued to an attachment's title starts (``…联席会议制度国务院`` → 国务院)."""
    for index in range(len(word) - 2, 1, -1):
        if word[:index].endswith(cues.title_words) and is_organ(word[index:], cues):
            return index
    return None


def _is_short_heading(token: str, cues: FrameCues) -> bool:
    """``一、组织领导``: a numbered heading without sentence punctuation, run into its paragraph."""
    match = _MARKER.match(token)
    return match is not None and len(token) <= 24 and not re.search(r"[。，；：:,;]", token[match.end() :])


def _space_breaks(line: str, cues: FrameCues) -> list[int]:
    """Breaks at the single spaces a crawled copy left where its lines were."""
    breaks: list[int] = []
    for match in _SPACE_RUN.finditer(line):
        before, after = line[: match.start()], line[match.end() :]
        if not before or not after:
            continue
        token_before = before.split()[-1] if before.split() else ""
        token_after = after.split()[0] if after.split() else ""
        # 王 浩, 组 长: spacing inside a word
        if (len(token_before) == 1 or len(token_after) == 1) and not cues.role_label.match(after):
            continue
        reason = (
            before[-1] in _SENTENCE_END + "：:"
            or _is_short_heading(token_before, cues)
            or cues.structural_starts.match(after)
            or cues.role_label.match(after)
            or DOC_NUMBER.match(token_after)
            or _is_full_date(token_before)
            or any(p.match(token_after) or p.match(token_before) for p in cues.chrome_lines)
            or _is_title_like(token_after, cues) and len(compact(token_after)) >= 10
            or _is_title_like(token_before, cues) and _looks_like_recipients(after.split("：", 1)[0])
            and "：" in after[:200]
        )
        if reason:
            breaks.append(match.start())
    return breaks


def _structural_breaks(line: str, cues: FrameCues) -> list[int]:
    """Before 附件：/抄送：/（此件…）/（联系人… right after a sentence, without a space."""
    breaks = []
    for index, char in enumerate(line[:-1]):
        if char in _SENTENCE_END + "）)" and cues.structural_starts.match(line, index + 1):
            breaks.append(index + 1)
    return breaks


def _role_breaks(line: str, cues: FrameCues) -> list[int]:
    """Before each role label of a member list run into one line (``…主任副组长：郭小童``)."""
    breaks = []
    for match in cues.role_label.finditer(line):
        start = match.start()
        if start and (line[start - 1] in _SENTENCE_END + "：:" + SPACE or _CJK.match(line[start - 1])
                      or line[start - 1] in "）)"):
            breaks.append(start)
    return breaks


def _head_breaks(line: str, cues: FrameCues) -> list[int]:
    """Title | 文号 | 主送： at the start of a run-on line without spaces."""
    breaks: list[int] = []
    number = _own_doc_number(line, cues)
    after = 0
    if number is not None:
        agency_start = _agency_start(line, number, cues)
        if agency_start > 0 and _is_title_like(line[:agency_start].split()[-1] if line[:agency_start].split()
                                                else "", cues):
            breaks.append(agency_start)
        breaks.append(number.end())
        after = number.end()
    # the title may follow (岚综管办〔2015〕173号平潭…的通知区直各单位：) or stand alone (…的通知各省：)
    colon = line.find("：", after, after + 320)
    if colon <= after:
        colon = len(line)
    head = line[after:colon]
    ends = sorted({m.end() for suffix in cues.doc_type_suffixes for m in re.finditer(re.escape(suffix), head)
                   if head[: m.end()].count("《") == head[: m.end()].count("》")})
    title_end = -1
    for end in ends:
        words = head[:end].split()
        if not words or not _is_title_like(words[-1], cues) or head[end : end + 1] in ("的", "》", "”"):
            continue
        if colon < len(line) and _looks_like_recipients(head[end:]):
            breaks.extend([after + end, colon + 1])
            title_end = end
            break
        if cues.sentence_opener.match(head, end):  # a 通报 without 主送: title, then its body
            breaks.append(after + end)
            title_end = end
            break
    if title_end < 0 and number is not None and colon < len(line) and _looks_like_recipients(head):
        breaks.append(colon + 1)
    return breaks


def split_run_on(text: str, cues: FrameCues | None = None) -> list[Edit]:
    """Edits that break every run-on line of ``text`` into its printed lines."""
    cues = cues or load_frame_cues()
    edits: list[Edit] = []
    long_lines = [line for line in _lines(text) if line.end - line.start >= cues.run_on_min_chars]
    head = next((line for line in long_lines if _own_doc_number(line.text(text), cues)), None)
    if head is None and long_lines:
        head = long_lines[0]
    sequence: dict[str, int] = {}
    for line in _lines(text):
        value = line.text(text)
        if line.end - line.start < cues.run_on_min_chars:
            _marker_breaks(value[:12], sequence, cues)  # a short line's own number continues the sequence
            continue
        positions: set[int] = set(_space_breaks(value, cues))
        positions.update(_marker_breaks(value, sequence, cues))
        positions.update(_signature_breaks(value, cues))
        positions.update(_role_breaks(value, cues))
        positions.update(_structural_breaks(value, cues))
        if head is not None and line.start == head.start:
            positions.update(_head_breaks(value, cues))
        for position in sorted(p for p in positions if 0 < p < len(value)):
            left = position
            while left > 0 and value[left - 1] in SPACE:
                left -= 1
            right = position
            while right < len(value) and value[right] in SPACE:
                right += 1
            if left == 0 or right == len(value):
                continue
            edits.append((line.start + left, line.start + right, "\n"))
    edits.sort()
    merged: list[Edit] = []
    for edit in edits:
        if merged and edit[0] < merged[-1][1]:
            continue
        merged.append(edit)
    return merged


# ---------------------------------------------------------------- chrome and metadata


@lru_cache(maxsize=4)
def _metadata_pattern(cues: FrameCues) -> re.Pattern[str]:
    labels = "|".join(f"[{SPACE}]*".join(map(re.escape, compact(label))) for label in cues.metadata_labels)
    return re.compile(f"(?:^|(?<=[{SPACE}]))(?P<label>{labels})[{SPACE}]*[:：]")


def _metadata_pairs(value: str, cues: FrameCues) -> list[tuple[str, str, int, int]]:
    """``label：value`` pairs of one line (several per line in a table row), value spans in the line."""
    pattern = _metadata_pattern(cues)
    found = list(pattern.finditer(value))
    pairs = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(value)
        raw = value[match.end() : end]
        stripped = raw.strip(SPACE)
        offset = match.end() + (len(raw) - len(raw.lstrip(SPACE)))
        pairs.append((compact(match.group("label")), stripped, offset, offset + len(stripped)))
    return pairs


def _is_chrome(value: str, cues: FrameCues) -> bool:
    return any(pattern.match(value) for pattern in cues.chrome_lines)


def _page_title_line(value: str, cues: FrameCues) -> bool:
    """``<title>_<site>``: a page's own heading line, not the document's."""
    for separator in cues.page_title_separators:
        head, sep, tail = value.rpartition(separator)
        if sep and _is_title_like(head, cues) and 2 <= len(compact(tail)) <= 30:
            return True
    return False


def find_frame(text: str, cues: FrameCues | None = None) -> tuple[list[MetadataItem], list[Edit]]:
    """The metadata block's items and the edits that drop chrome lines and leading bullets."""
    cues = cues or load_frame_cues()
    lines = [line for line in _lines(text) if line.text(text).strip(SPACE)]
    metadata: list[MetadataItem] = []
    drops: list[Edit] = []
    chrome_seen = False
    block: list[tuple[_Line, list[tuple[str, str, int, int]]]] = []

    def flush_block() -> None:
        labels = {label for _, pairs in block for label, *_ in pairs}
        if len(labels) >= cues.metadata_block_min_labels:
            for line, pairs in block:
                for label, value, start, end in pairs:
                    metadata.append(MetadataItem(label, value, (line.start + start, line.start + end)))
                drops.append((line.start, line.end, ""))
        block.clear()

    pending_label: tuple[_Line, str] | None = None  # ``发文字号：`` alone, its value on the next line
    for line in lines:
        value = line.text(text).strip(SPACE)
        pairs = _metadata_pairs(value, cues) if len(value) < 400 else []
        if pending_label is not None and not pairs:
            label_line, label = pending_label
            offset = line.text(text).find(value[:1]) if value else 0
            block.append((line, [(label, value, offset, offset + len(value))]))
            pending_label = None
            continue
        pending_label = None
        if pairs and len(pairs) == 1 and not pairs[0][1]:
            pending_label = (line, pairs[0][0])
            block.append((line, []))
            continue
        offset = line.text(text).find(value[:1]) if value else 0
        if pairs and pairs[0][2] <= len(pairs[0][0]) + 4:
            block.append((line, [(lb, v, s + offset, e + offset) for lb, v, s, e in pairs]))
            continue
        flush_block()
        if _is_chrome(value, cues) or _page_title_line(value, cues):
            chrome_seen = True
            drops.append((line.start, line.end, ""))
            continue
        if value[:1] and value[0] in cues.bullets:
            bullet_end = line.start + offset + 1
            while bullet_end < line.end and text[bullet_end] in SPACE:
                bullet_end += 1
            drops.append((line.start + offset, bullet_end, ""))
    flush_block()
    if chrome_seen or metadata:
        drops.extend(_navigation_lines(text, lines, drops, cues))
        drops.extend(_footer_lines(text, lines, drops, cues))
    drops.sort()
    return metadata, drops


def _navigation_lines(text: str, lines: list[_Line], drops: list[Edit], cues: FrameCues) -> list[Edit]:
    """On a web page: the short link words of its header (首页, 机构概览, 政务公开, the site's own organ
    names, breadcrumb steps) up to the document's first line — the 文号, the title right above the
    recipients, or the first sentence. An organ line stays when a 文号 or a title follows it (a red
    header)."""
    dropped = {start for start, _, _ in drops}
    kept = [line for line in lines if line.start not in dropped]
    out: list[Edit] = []
    for index, line in enumerate(kept):
        value = line.text(text).strip(SPACE)
        if DOC_NUMBER.search(value) or re.search(r"[。；]", value) or value.endswith(("：", ":")) and len(value) > 4:
            break
        if _is_title_like(value, cues):
            following = [compact(k.text(text)) for k in kept[index + 1 : index + 4]]
            if any(DOC_NUMBER.search(f) or f.endswith(("：", ":")) or "。" in f for f in following[:2]):
                break  # the document's own title: its 文号 or recipients follow
            out.append((line.start, line.end, ""))  # the page's heading above the document
            continue
        if len(compact(value)) <= 8 and not re.search(r"[。，；：:、]", value):
            follower = compact(kept[index + 1].text(text)) if index + 1 < len(kept) else ""
            if is_organ(value, cues) and (DOC_NUMBER.search(follower) or _is_title_like(follower, cues)):
                break  # a red header
            out.append((line.start, line.end, ""))
            continue
        break
    return out


FOOTER_LINE_MAX_CHARS = 25


def _footer_lines(text: str, lines: list[_Line], drops: list[Edit], cues: FrameCues) -> list[Edit]:
    """On a web page: the run of short lines that ends it (related links, 主办单位, ICP numbers) when
    the run holds page chrome; it stops at a sentence, a date or a signature."""
    dropped = {start for start, _, _ in drops}
    run: list[_Line] = []
    for line in reversed(lines):
        value = line.text(text).strip(SPACE)
        if line.start in dropped:
            run.append(line)
            continue
        if (len(compact(value)) > FOOTER_LINE_MAX_CHARS or re.search(r"[。；]", value) or all_full_dates(value)
                or value.startswith(("（此件", "(此件", "抄送", "附件"))):
            break
        run.append(line)
    if not any(line.start in dropped for line in run):
        return []
    return [(line.start, line.end, "") for line in run if line.start not in dropped]


# ---------------------------------------------------------------- the whole frame


FRAGMENT_MAX_CHARS = 8  # a piece of a number or a date a web page set in its own element


def join_fragments(text: str) -> list[Edit]:
    """Edits that join runs of short lines a copied web page broke apart — a 文号 (``晋能`` / ``源电力发〔``
    / ``2023`` / ``〕`` / ``262`` / ``号``), a date (``20`` / ``23`` / ``年`` / ``10`` / ``月`` …) or a label and its
    colon (``附件`` / ``：``) — when the joined run is one."""
    lines = list(_lines(text))
    values = [compact(line.text(text)) for line in lines]
    edits: list[Edit] = []
    index = 0
    while index < len(lines):
        joined, end = values[index], index
        best = None
        while end + 1 < len(lines) and 0 < len(values[end + 1]) <= FRAGMENT_MAX_CHARS and len(joined) < 40:
            end += 1
            joined += values[end]
            if DOC_NUMBER.fullmatch(joined) or _is_full_date(joined) or (
                    end == index + 1 and values[end] in ("：", ":") and len(values[index]) <= 12):
                best = end
        if best is None and index + 1 < len(lines) and (
                re.fullmatch(r"\d{1,2}|[（(]?[一二三四五六七八九十\d]{1,3}[）)]", values[index])
                and values[index + 1][:1] in "．.、" or values[index + 1] in ("；", "，", "。", "、", ";", ",")):
            best = index + 1  # ``1`` / ``．天津市…方案``; a clause's punctuation set on a line of its own
        if best is not None and 0 < len(values[index]) <= 12:
            for gap in range(index, best):
                edits.append((lines[gap].end, lines[gap + 1].start, ""))
            index = best + 1
        else:
            index += 1
    return edits


def frame_text(text: str, cues: FrameCues | None = None) -> FramedText:
    """``text`` split into printed lines, chrome dropped, metadata kept (see the module docstring)."""
    cues = cues or load_frame_cues()
    editor = TextEditor(text)
    editor.apply(join_fragments(text))
    editor.apply(split_run_on(editor.text, cues))
    framed = editor.text
    metadata, drops = find_frame(framed, cues)
    # metadata spans point into the split text: map them through the drops that follow
    before_drop = editor.result()
    editor.apply(drops)
    editor.sub(re.compile(r"\n{2,}"), lambda m: "\n")
    if drops:  # lines a web page wrapped at its width join once its chrome is gone
        join_lines(editor, load_cleanup_rules())
    result = editor.result()
    items = [
        MetadataItem(item.label, item.value, before_drop.to_original(*item.span)) for item in metadata
    ]
    return FramedText(normalized=result, metadata=items, chrome_lines=sum(1 for d in drops if d[2] == ""))
