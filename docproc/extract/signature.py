"""The organs that sign a notice, read from its signature block: organs printed one a line, two run together,
a name broken over two lines, a joint signature run onto the line above it. Used by
:mod:`docproc.extract.metadata`; an organ is told by its ending (``MetadataCues.organ_suffixes``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docproc.extract.found import Found, Line, compact
from docproc.extract.textmatch import occurrences

if TYPE_CHECKING:
    from docproc.extract.metadata import MetadataCues

SEAL_REMARK = re.compile(r"[（(][^（）()\n]{0,20}代章[）)]")  # （党政办公室代章）: whose seal stands in


def is_organ(text: str, cues: MetadataCues) -> bool:
    value = compact(text)
    if not 2 <= len(value) <= 40 or re.search(r"[。，,；：:\d]", value):
        return False
    value = re.sub(r"[（(][^）)]*[）)]$", "", value)
    return value.endswith(cues.organ_suffixes)


def with_organs_ending(line: Line, below: list[Found], cues: MetadataCues) -> list[Found]:
    """``below`` (the signature's organs read so far) with the organs a signature run onto the end of the line
    above it printed there (``2.…审批表 平潭…社会事业局 平潭…教育局 平潭…卫生和计划`` over ``生育局``): two organs or
    more printed apart, the last of them maybe broken into the line below (then joined with ``below[0]``)."""
    parts = [(m.start(), m.group()) for m in re.finditer(r"\S+", line.text)]
    run: list[tuple[int, str]] = []
    broken = bool(parts) and len(compact(str(below[0].value))) <= SIGNATURE_FRAGMENT_MAX_CHARS \
        and is_organ(parts[-1][1] + str(below[0].value), cues) and not is_organ(parts[-1][1], cues)
    for at, part in reversed(parts[:-1] if broken else parts):
        if not is_organ(part, cues) or len(part) < 4:
            break
        run.insert(0, (at, part))
    if len(run) + broken < 2 or len(run) == len(parts):
        return below  # (a line of organs only is read by the walk above)
    found = [Found(compact(part), (line.start + at, line.start + at + len(part)), "issuers.signature.v1") for at, part in run]
    if not broken:
        return found + below
    at, part = parts[-1]
    joined = Found(compact(part) + str(below[0].value), (line.start + at, below[0].span[1]), "issuers.signature.v1")
    return [*found, joined, *below[1:]]


SIGNATURE_FRAGMENT_MAX_CHARS = 6  # a piece of an organ's name alone on its line
SHARED_TAIL_MIN_CHARS = 4  # the shortest end of an organ's name the body prints glued to its body's name
PLACE_WORDS = "省|市|县|区|镇|乡|街道|片区"  # how a place's name ends
PLACE_OPENING = re.compile(rf"^(?:中共|中国|国家|[\u4e00-\u9fff]{{0,6}}?(?:{PLACE_WORDS}))")


def with_bodies_joined(signature: list[Found], body: str) -> list[Found]:
    """``signature`` with an organ printed under the one above it that is that organ's own body
    (``平潭…苏平片区管理局`` / ``消防安全委员会（代章）``) joined onto it: the second opens with no place, and the
    body names the two glued together (``…苏平片区管理局消防安全委员会结合…``)."""
    joined: list[Found] = []
    for organ in signature:
        value = str(organ.value)
        if joined and not PLACE_OPENING.match(value):
            above = str(joined[-1].value)
            # (a longer shared end printed glued holds this shortest one too)
            if len(above) >= SHARED_TAIL_MIN_CHARS and above[-SHARED_TAIL_MIN_CHARS:] + value in body:
                joined[-1] = Found(above + value, (joined[-1].span[0], organ.span[1]), joined[-1].rule)
                continue
        joined.append(organ)
    return joined


_PARTY_PREFIXES = ("中国共产党", "中共")


def with_columns_interleaved(line: Line, signature: list[Found]) -> list[Found]:
    """A party committee and a government signing side by side in two columns (``中共平潭综合实验区 | 平潭综合实验区``
    over ``苏平片区管理局委员会 | 苏平片区管理局``), read by a copy row by row with the first row's second cell glued
    to the second row's first: ``line`` (``中共`` + the place, no organ, maybe after the last sentence) above the two
    organs read
    (``平潭综合实验区苏平片区管理局委员会``, ``苏平片区管理局``) gives the two organs as printed."""
    tail = re.split(r"[。；！？]", line.text)[-1]  # (…不再另行发文。中共平潭综合实验区: the sentence above ran on)
    above = compact(tail)
    prefix = next((p for p in _PARTY_PREFIXES if above.startswith(p)), None)
    if prefix is None or len(signature) != 2:
        return signature
    place = above[len(prefix) :]
    first, second = str(signature[0].value), str(signature[1].value)
    if len(place) < 2 or not first.startswith(place) or len(first) - len(place) < 2 or second.startswith(place):
        return signature
    start = line.start + len(line.text) - len(tail)
    return [Found(above + first[len(place) :], (start, signature[0].span[1]), "issuers.signature.v1"),
            Found(place + second, signature[1].span, "issuers.signature.v1")]


def organ_broken_over(fragment: Line, line: Line, cues: MetadataCues) -> bool:
    """Whether ``fragment`` (not an organ itself) is the start of the organ ``line`` ends."""
    piece = compact(fragment.text)
    return (0 < len(piece) <= SIGNATURE_FRAGMENT_MAX_CHARS and not is_organ(piece, cues)
            and not re.search(r"[\d。，,；;：:）)]", piece) and is_organ(piece + compact(line.text), cues))


def repeated_prefix_organs(line: Line, cues: MetadataCues) -> list[Found] | None:
    """``平潭综合实验区行政审批局平潭综合实验区交通与建设局…``: organs of one place run together, split
    where the place's name starts again."""
    value = compact(line.text)
    for length in range(min(12, len(value) // 2), 1, -1):
        prefix = value[:length]
        starts = list(occurrences(prefix, value))
        if len(starts) < 2:
            continue
        parts = [value[a:b] for a, b in zip(starts, starts[1:] + [len(value)], strict=True)]
        if all(is_organ(part, cues) for part in parts):
            return [Found(part, (line.start, line.end), "issuers.joint.v1") for part in parts]
    return None


def signature_organs(line: Line, cues: MetadataCues) -> list[Found]:
    """The organs of one signature line: a joint issue may print them on one line, spaced apart or
    run together."""
    pieces = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line.text.replace("\u3000", "  "))]
    if len(pieces) == 1:  # 国家能源局某某监管办公室 某某省发展和改革委员会: one space between whole organs
        words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", line.text)]
        if len(words) > 1 and all(len(word) >= 4 and is_organ(word, cues) for _, word in words):
            pieces = words
    if len(pieces) > 1 and all(is_organ(part, cues) for _, part in pieces):
        return [Found(compact(part), (line.start + start, line.start + start + len(part)), "issuers.signature.v1")
                for start, part in pieces]
    repeated = repeated_prefix_organs(line, cues)
    if repeated:
        return repeated
    glued = glued_organs(compact(line.text), cues)
    if glued is not None:  # 国家能源局山东监管办公室山东省发展和改革委员会: a scan lost the gap between them
        return [Found(organ, (line.start, line.end), "issuers.signature.v1") for organ in glued]
    remark = SEAL_REMARK.search(line.text)
    if remark and not line.text[remark.end() :].strip():  # ORGAN（党政办公室代章）: the organ alone
        return [Found(compact(line.text[: remark.start()]), (line.start, line.start + remark.start()),
                      "issuers.signature.v1")]
    return [Found(compact(line.text), (line.start, line.end), "issuers.signature.v1")]


_PROVINCE_OPENING = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|自治区|市)|国家|中国)")


def glued_organs(value: str, cues: MetadataCues) -> list[str] | None:
    """Two organs run together on a signature line, the second opening with a province, city or 国家
    (``国家能源局山东监管办公室山东省发展和改革委员会``), or None."""
    for cut in range(len(value) - 4, 3, -1):
        left, right = value[:cut], value[cut:]
        if _PROVINCE_OPENING.match(right) and is_organ(left, cues) and is_organ(right, cues) and len(right) >= 5:
            return [left, right]
    return None
