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


import re
from dataclasses import dataclass, field
from functools import lru_cache

from docproc.extract.dates import all_full_dates, is_full_date
from docproc.extract.fragments import join_fragmented
from docproc.extract.frame_cues import (
    SPACE,
    FrameCues,
    TextLine,
    compact,
    is_organ,
    is_title_like,
    load_frame_cues,
    text_lines,
)
from docproc.extract.leaders import default_lexicon
from docproc.extract.metadata import DOC_NUMBER
from docproc.extract.run_on import split_run_on
from docproc.normalize.lines import is_fragmented_copy, join_lines
from docproc.normalize.offsets import Edit, NormalizedText, TextEditor
from docproc.normalize.rules import load_cleanup_rules


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


# ---------------------------------------------------------------- chrome and metadata


@lru_cache(maxsize=4)
def _metadata_pattern(cues: FrameCues) -> re.Pattern[str]:
    labels = "|".join(f"[{SPACE}]*".join(map(re.escape, compact(label))) for label in cues.metadata_labels)
    return re.compile(f"(?:^|(?<=[{SPACE}]))(?:(?P<label>{labels})[{SPACE}]*[:：]|[\\[【](?P<bracketed>{labels})[\\]】])")


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
        label = match.group("label") or match.group("bracketed")
        pairs.append((compact(label), stripped, offset, offset + len(stripped)))
    return pairs


def _is_chrome(value: str, cues: FrameCues) -> bool:
    return cues.chrome_line.match(value) is not None


def _page_title_line(value: str, cues: FrameCues) -> bool:
    """``<title>_<site>``: a page's own heading line, not the document's."""
    for separator in cues.page_title_separators:
        head, sep, tail = value.partition(separator)  # 标题_栏目_网站: the first piece is the title
        if sep and is_title_like(head, cues) and 2 <= len(compact(tail)) <= 40:
            return True
    return False


def _range_dash(lines: list[TextLine], index: int, text: str) -> bool:
    """Whether line ``index`` is only a dash between a line ending in a digit and one starting with one."""
    if not 0 < index < len(lines) - 1 or lines[index].text(text).strip(SPACE) not in ("-", "－", "—", "~", "～"):
        return False
    before, after = lines[index - 1].text(text).strip(SPACE), lines[index + 1].text(text).strip(SPACE)
    return before[-1:].isdigit() and after[:1].isdigit()


def find_frame(text: str, cues: FrameCues | None = None) -> tuple[list[MetadataItem], list[Edit]]:
    """The metadata block's items and the edits that drop chrome lines and leading bullets."""
    cues = cues or load_frame_cues()
    lines = [line for line in text_lines(text) if line.text(text).strip(SPACE)]
    metadata: list[MetadataItem] = []
    drops: list[Edit] = []
    chrome_seen = False
    block: list[tuple[TextLine, list[tuple[str, str, int, int]]]] = []

    def flush_block() -> None:
        labels = {label for _, pairs in block for label, *_ in pairs}
        if len(labels) >= cues.metadata_block_min_labels:
            for line, pairs in block:
                for label, value, start, end in pairs:
                    metadata.append(MetadataItem(label, value, (line.start + start, line.start + end)))
                drops.append((line.start, line.end, ""))
        block.clear()

    pending_label: tuple[TextLine, str] | None = None  # ``发文字号：`` alone, its value on the next line
    bare = _bare_label_lines(text, lines, cues)
    for index, line in enumerate(lines):
        value = line.text(text).strip(SPACE)
        pairs = _metadata_pairs(value, cues) if len(value) < 400 else []
        if index in bare:  # 索取号 / 3589258689/2024-00011: a label alone, no colon, its value below
            pairs = [(compact(value), "", len(value), len(value))]
        if pending_label is not None and not pairs:
            label_line, label = pending_label
            offset = line.text(text).find(value[:1]) if value else 0
            block.append((line, [(label, value, offset, offset + len(value))]))
            pending_label = None
            continue
        if pending_label is not None:  # 成文日期： / 发文日期：: a label left empty is still one of the block's
            label_line, label = pending_label
            block[-1] = (label_line, [(label, "", label_line.end - label_line.start, label_line.end - label_line.start)])
        pending_label = None
        if pairs and len(pairs) == 1 and not pairs[0][1]:
            pending_label = (line, pairs[0][0])
            block.append((line, []))
            continue
        offset = line.text(text).find(value[:1]) if value else 0
        if pairs and len(compact(value[: pairs[0][2]])) <= len(pairs[0][0]) + 4:  # the label opens the line
            block.append((line, [(lb, v, s + offset, e + offset) for lb, v, s, e in pairs]))
            continue
        flush_block()
        if _range_dash(lines, index, text):
            continue  # 2023 / - / 2024: a range's dash a page set on its own line, no breadcrumb
        if _is_chrome(value, cues) or _page_title_line(value, cues):
            chrome_seen = True
            drops.append((line.start, line.end, ""))
            continue
        tail = next((m for m in (p.search(value) for p in cues.chrome_tails) if m and m.start() > 0), None)
        if tail is not None:
            line_offset = line.text(text).find(value[:1])
            drops.append((line.start + line_offset + tail.start(), line.start + line_offset + len(value), ""))
        if value[:1] and value[0] in cues.bullets:
            bullet_end = line.start + offset + 1
            while bullet_end < line.end and text[bullet_end] in SPACE:
                bullet_end += 1
            drops.append((line.start + offset, bullet_end, ""))
        elif marks := cues.heading_marks.match(value):
            drops.append((line.start + offset, line.start + offset + marks.end(), ""))
    flush_block()
    if chrome_seen or metadata:
        drops.extend(_navigation_lines(text, lines, drops, cues))
        drops.extend(_footer_lines(text, lines, drops, cues))
    drops.sort()
    return metadata, drops


BARE_LABEL_REACH = 16  # lines around a colon-less label where the rest of its block stands


def _bare_label_lines(text: str, lines: list[TextLine], cues: FrameCues) -> set[int]:
    """Lines holding only a metadata label without a colon (``索取号``, ``载体类型`` …), where enough of them
    stand together to be a page's metadata block."""
    labels = {compact(label) for label in cues.metadata_labels}
    found = [i for i, line in enumerate(lines) if compact(line.text(text)) in labels]
    return {i for i in found
            if sum(abs(i - j) <= BARE_LABEL_REACH for j in found) >= cues.metadata_block_min_labels}


def _navigation_lines(text: str, lines: list[TextLine], drops: list[Edit], cues: FrameCues) -> list[Edit]:
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
        if is_title_like(value, cues):
            following = [compact(k.text(text)) for k in kept[index + 1 : index + 6]]
            if any(DOC_NUMBER.search(f) or f.endswith(("：", ":")) or "。" in f for f in following[:2]) or \
                    _recipients_in_pieces(following):
                break  # the document's own title: its 文号 or recipients follow
            out.append((line.start, line.end, ""))  # the page's heading above the document
            continue
        if _title_in_pieces(text, kept, index, cues):
            break  # 市工业和信息化局关于做好天津市 / 202 / 5 / 年 / …的通知: the title set in pieces
        if len(compact(value)) <= 8 and not re.search(r"[。，；：:、]", value):
            follower = compact(kept[index + 1].text(text)) if index + 1 < len(kept) else ""
            if is_organ(value, cues) and (DOC_NUMBER.search(follower) or is_title_like(follower, cues)):
                break  # a red header
            out.append((line.start, line.end, ""))
            continue
        break
    return out


def _recipients_in_pieces(following: list[str]) -> bool:
    """``市`` / ``有关单位、各区能源（电力）`` / ``管理`` / ``部门，各供电企业：``: the recipients in pieces."""
    for index, piece in enumerate(following):
        if piece.endswith(("：", ":")):
            return index > 0
        if len(piece) > 20 or "。" in piece:
            return False
    return False


TITLE_PIECES_MAX = 10


def _title_in_pieces(text: str, kept: list[TextLine], index: int, cues: FrameCues) -> bool:
    """Whether the short lines from ``index`` join into a title that the recipients, a 文号 or the
    first sentence follow."""
    joined = ""
    pieces = [compact(line.text(text)) for line in kept[index : index + 2]]
    if not (re.search(r"关于|關於", pieces[0]) or len(pieces) > 1 and is_organ(pieces[0], cues)
            and re.match(r"关于|關於", pieces[1])):
        return False  # a title opens with 关于 or its organ
    for offset, line in enumerate(kept[index : index + TITLE_PIECES_MAX]):
        piece = compact(line.text(text))
        if len(piece) > 40 or re.search(r"[。；：:]", piece):
            return False
        joined += piece
        if offset and is_title_like(joined, cues):
            following = kept[index + offset + 1] if index + offset + 1 < len(kept) else None
            after = compact(following.text(text)) if following is not None else ""
            return bool(after.endswith(("：", ":")) or DOC_NUMBER.search(after) or "。" in after)
    return False


FOOTER_LINE_MAX_CHARS = 25


def _footer_lines(text: str, lines: list[TextLine], drops: list[Edit], cues: FrameCues) -> list[Edit]:
    """On a web page: the run of short lines that ends it (related links, 主办单位, ICP numbers) when
    the run holds page chrome; it stops at a sentence, a date or a signature."""
    dropped = {start for start, _, _ in drops}
    run: list[TextLine] = []
    for line in reversed(lines):
        value = line.text(text).strip(SPACE)
        if line.start in dropped:
            run.append(line)
            continue
        if (len(compact(value)) > FOOTER_LINE_MAX_CHARS or re.search(r"[。；]", value) or all_full_dates(value)
                or cues.document_endings.match(value)
                or re.match(r"\d{1,2}\s*[.．、]\s*[\u4e00-\u9fff]", value)):  # 2.某某排查表: an 附件 list's item
            if cues.document_endings.match(value):  # 联系人：X, then 联系电话：… on a line of its own: the notice's
                while run and run[-1].start not in dropped \
                        and cues.contact_continuations.match(run[-1].text(text).strip(SPACE)):
                    run.pop()
            break
        run.append(line)
    if not any(line.start in dropped for line in run):
        return []
    return [(line.start, line.end, "") for line in run if line.start not in dropped]


# ---------------------------------------------------------------- the whole frame


FRAGMENT_MAX_CHARS = 8  # a piece of a number or a date a web page set in its own element


def _name_in_pieces(values: list[str], index: int) -> bool:
    """A known surname alone on its line, its given name (1–2 characters) alone on the next."""
    surnames = default_lexicon().common_surnames
    return (
        index + 1 < len(values)
        and len(values[index]) == 1 and values[index] in surnames
        and bool(re.fullmatch(r"[\u3400-\u9fff]{1,2}", values[index + 1]))
        and (index == 0 or len(values[index - 1]) != 1)
        and (index + 2 >= len(values) or len(values[index + 2]) != 1)
    )


def join_fragments(text: str) -> list[Edit]:
    """Edits that join runs of short lines a copied web page broke apart — a 文号 (``晋能`` / ``源电力发〔``
    / ``2023`` / ``〕`` / ``262`` / ``号``), a date (``20`` / ``23`` / ``年`` / ``10`` / ``月`` …) or a label and its
    colon (``附件`` / ``：``) — when the joined run is one."""
    lines = list(text_lines(text))
    values = [compact(line.text(text)) for line in lines]
    edits: list[Edit] = []
    index = 0
    while index < len(lines):
        joined, end = values[index], index
        best = None
        while end + 1 < len(lines) and 0 < len(values[end + 1]) <= FRAGMENT_MAX_CHARS and len(joined) < 40:
            end += 1
            joined += values[end]
            if DOC_NUMBER.fullmatch(joined) or is_full_date(joined) or (
                    end == index + 1 and values[end] in ("：", ":") and len(values[index]) <= 12):
                best = end
        punctuation = index + 1 < len(lines) and values[index + 1] in ("；", "，", "。", "、", ";", ",", "：", ":")
        if best is None and index + 1 < len(lines) and (
                re.fullmatch(r"\d{1,2}|[（(]?[一二三四五六七八九十\d]{1,3}[）)]", values[index])
                and values[index + 1][:1] in "．.、" or punctuation):
            best = index + 1  # ``1`` / ``．天津市…方案``; a clause's punctuation set on a line of its own
        elif best is None and _name_in_pieces(values, index):
            best = index + 1  # ``张`` / ``晨``: a name a page set one character per element
        if best is not None and (0 < len(values[index]) <= 12 or punctuation and values[index]):
            for gap in range(index, best):
                edits.append((lines[gap].end, lines[gap + 1].start, ""))
            index = best + 1
        else:
            index += 1
    return edits


_SPACE_ENTITIES = {"&emsp": "\u3000", "&ensp": " ", "&nbsp": " ", "&#12288": "\u3000", "&#160": " "}
# (the text was normalised first: the entity's ; may stand as ；)
_SPACE_ENTITY = re.compile("(?:" + "|".join(map(re.escape, _SPACE_ENTITIES)) + ")[;；]", re.IGNORECASE)


# (after normalisation its brackets may be full-width: ]（/files/…）)
_MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{1,200})\][(（](?:https?[:：]//|/|\.{0,2}/)[^()（）\s]{0,300}[)）]")


def frame_text(text: str, cues: FrameCues | None = None) -> FramedText:
    """``text`` split into printed lines, chrome dropped, metadata kept (see the module docstring)."""
    cues = cues or load_frame_cues()
    fragmented = is_fragmented_copy(text)
    editor = TextEditor(text)
    editor.apply([(m.start(), m.end(), "") for m in cues.inline_chrome.finditer(text)])  # Normal 0 7.8 磅 …
    # a Markdown copy's space entities (&emsp;&emsp;正文, a signature pushed right with &emsp;) are spaces
    editor.apply([(m.start(), m.end(), _SPACE_ENTITIES[m.group()[:-1].lower()])
                  for m in _SPACE_ENTITY.finditer(editor.text)])
    editor.apply([(m.start(), m.end(), m.group("text")) for m in _MARKDOWN_LINK.finditer(editor.text)])  # [《X》](/files/…)
    editor.apply(join_fragments(editor.text))
    editor.apply(split_run_on(editor.text, cues))
    framed = editor.text
    metadata, drops = find_frame(framed, cues)
    # metadata spans point into the split text: map them through the drops that follow
    before_drop = editor.result()
    editor.apply(drops)
    editor.sub(re.compile(r"\n{2,}"), lambda m: "\n")
    if drops and not fragmented:  # lines a web page wrapped at its width join once its chrome is gone
        join_lines(editor, load_cleanup_rules())
    if fragmented:  # a copy with a line per run of a sentence
        editor.apply(join_fragmented(editor.text, cues))
    result = editor.result()
    items = [
        MetadataItem(item.label, item.value, before_drop.to_original(*item.span)) for item in metadata
    ]
    return FramedText(normalized=result, metadata=items, chrome_lines=sum(1 for d in drops if d[2] == ""))
