"""Copies broken into fragments: a page exported from a word processor sets every run of a
sentence in its own element, and a copy of it holds a line per run (``按照`` / ``国家发展改革委…部署`` /
``要求，为`` / ``2025`` / ``年…``). Such a text is recognised by its share of short unpunctuated lines
(``docproc.normalize.lines.is_fragmented_copy``, asked by the frame; the OCR line joiner leaves it alone), and its fragments are joined back into the lines a printed notice has: a line goes on until a
sentence ends, a label or the recipients close with a colon, a numbered marker starts, an organ
follows an organ (a signature) or a date stands alone (the signature's date).
"""

from __future__ import annotations

import re

from docproc.extract.dates import is_full_date
from docproc.extract.frame_cues import (
    FrameCues,
    compact,
    is_organ,
    is_title_like,
    text_lines,
)
from docproc.extract.metadata import DOC_NUMBER
from docproc.extract.textmatch import unclosed_brackets
from docproc.normalize.offsets import Edit

HEADING_MAX_CHARS = 20  # a numbered heading's paragraph is longer than this
_CLOSED = "。；;！？!?"
# 联系电话： goes on with its value; 各有关单位：, 其中： end their line
_LABEL_END = re.compile(r"(?:电话|手机|传真|邮箱|联系人|联系方式|地址|邮编)\s*[：:]$")
BRACKET_MAX_CHARS = 300
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|附件|附：|第[一二三四五六七八九十百\d]+条)")


_WHOLE_NUMBER_END = re.compile(r"(?<!\d)\d{7,}$")  # a phone number already whole (8360 / 5910 still join)
SIGNATURE_MAX_LINES = 4  # the fragments of the signing organs above the date
SIGNATURE_PIECE_MAX_CHARS = 12


def _signature_block(values: list[str], index: int) -> int | None:
    """Where the date closes a signature block starting at ``index`` (a few short unpunctuated
    pieces, then a full date), or None."""
    for end in range(index + 1, min(len(values), index + SIGNATURE_MAX_LINES + 1)):
        if is_full_date(values[end]):
            return end
        if len(values[end]) > SIGNATURE_PIECE_MAX_CHARS or re.search(r"[，,。；;：:、]", values[end]):
            return None
    return None


def join_fragmented(text: str, cues: FrameCues) -> list[Edit]:
    """Edits that join the fragments of a fragmented copy (``is_fragmented_copy`` of the text as it
    came, before its chrome was dropped) back into lines."""
    lines = [line for line in text_lines(text) if compact(line.text(text))]
    values = [compact(line.text(text)) for line in lines]
    edits: list[Edit] = []
    current = values[0] if values else ""
    index = 1
    while index < len(lines):
        value = values[index]
        block_end = _signature_block(values, index) if len(value) <= SIGNATURE_PIECE_MAX_CHARS else None
        if block_end is not None and is_organ("".join(values[index:block_end]), cues) or (
                block_end is not None and any(is_organ(v, cues) for v in values[index:block_end])):
            # 市工业 / 和信息化局 / 市财政局 / 2025年12月9日: organs joined piece by piece until each is one
            organ = values[index]
            for piece in range(index + 1, block_end):
                if is_organ(organ, cues):
                    organ = values[piece]
                    continue
                edits.append((lines[piece - 1].end, lines[piece].start, ""))
                organ += values[piece]
            current, index = values[block_end], block_end + 1
            continue
        open_bracket = unclosed_brackets(current) > 0 \
            and len(current) < BRACKET_MAX_CHARS  # （联系人：…；…）: a parenthetical stays one line
        if (not open_bracket and (current[-1] in _CLOSED or current[-1] in "：:" and not _LABEL_END.search(current))
            or _MARKER.match(value)
            or is_full_date(current) or is_full_date(value)
            or is_organ(current, cues) and is_organ(value, cues)
            or is_organ(value, cues) and index + 1 < len(values) and (  # 市经信委 / 市财政局 / 关于…: the issuing
                is_organ(values[index + 1], cues) or values[index + 1].startswith(("关于", "關於")))  # organs' lines
            or value.startswith(("关于", "關於"))  # a title starts …
            or is_title_like(current, cues)  # … and stands on its own line
            or DOC_NUMBER.search(value) or DOC_NUMBER.search(current[-20:])
            or _MARKER.match(current) and len(value) > HEADING_MAX_CHARS  # （一）指导思想 / its paragraph
            or _WHOLE_NUMBER_END.search(current) and value[:1].isdigit()  # 59032601 / 2023年…: a number is whole
        ):
            current = value
        else:  # a phone number after a name keeps a space (蒋欢欢 86705951)
            gap = " " if re.fullmatch(r"[\d\-－]{7,}", value) and not current[-1].isdigit() and current[-1] not in "：:" \
                else ""
            edits.append((lines[index - 1].end, lines[index].start, gap))
            current += gap + value
        index += 1
    return edits
