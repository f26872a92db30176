"""The enclosed document's own heading: ``关于印发2021年春节期间电力需求响应实施细则的通知`` encloses a
document printed under ``天津市2021年春节期间电力需求响应实施细则``. When the cover's title prints no 《》,
the enclosure's heading, where the text prints it on a line of its own after the title, is the
enclosed title (with a year span printed on the line under it: ``（2023-2025年）``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docproc.extract.attachments import title_words
from docproc.extract.textmatch import in_order, shared_in_order

if TYPE_CHECKING:
    from docproc.extract.metadata import MetadataCues

HEADING_MAX_CHARS = 60
_SENTENCE = re.compile(r"[。，,；;：:]")
_YEAR_SPAN = re.compile(r"^[（(]\s*(?:19|20)\d\d\s*[—–\-－~～至到]\s*(?:19|20)\d\d\s*年?\s*[）)]$")
_NOT_HEADING = re.compile(r"关于|《|》|^附|\.[A-Za-z]{2,4}$")  # a cover's title, a citation, a file name
_NOT_SAME = 0.8  # the share of the cover's name a differing heading must hold, in order


def _same_document(name: str, heading: str) -> bool:
    """``heading`` names the document ``name`` names: one holds the other in order (天津市 + name, name
    doubled 行动), or they differ in a word only (本区 / 崇明区) and end alike."""
    if len(heading) < 6:
        return False
    if heading == name:
        return True
    if len(heading) < len(name) and (name.startswith(heading) or name.endswith(heading)):
        return False  # …实施方 under …实施方案: the heading lost a character (a scan's last one), not a name
    if in_order(name, heading) or in_order(heading, name):
        return min(len(name), len(heading)) >= 0.6 * max(len(name), len(heading))
    return heading[-2:] == name[-2:] and shared_in_order(name, heading) >= _NOT_SAME * len(name)


def enclosure_heading(text: str, title_end: int, name: str, organs: list[str] | None = None) -> str | None:
    """The enclosure's own heading for the cover's enclosed ``name``, printed on a line of its own after
    the cover's title (which ends at ``title_end``), or — in a copy run into one line — the name with one of the
    ``organs`` (the cover's title's) before it (``run_on_heading``, without places); else None."""
    run_on = run_on_heading(text[title_end:], name, organs or [], places=False)
    if run_on is not None:
        return run_on
    lines = text[title_end:].split("\n")
    for index, line in enumerate(lines):
        value = "".join(line.split())
        if value == "关于" + name:  # 关于开展…实施方案 under 关于印发开展…实施方案的通知: the heading as printed
            return value
        if not value or len(value) > HEADING_MAX_CHARS or _SENTENCE.search(value) or _NOT_HEADING.search(value):
            continue
        if _same_document(name, value):
            following = "".join(lines[index + 1].split()) if index + 1 < len(lines) else ""
            return value + following if _YEAR_SPAN.match(following) else value
    return None


_COUNTED_DOCUMENTS = re.compile(r"《(?P<first>[^《》]+)》等(?:(?P<count>[两二三四五六七八九十\d]{1,3})[个项份部]|(?=的))")
_COUNT_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def counted_enclosures(title: str, attachments: list[str]) -> list[str] | None:
    """The documents a title counts (``调整《关于…的工作方案》等五个工作方案的通知``, ``印发《X》等的通知``), named by the 附件说明
    when it lists that many titles and the first is the one the title quotes; else None."""
    found = _COUNTED_DOCUMENTS.search(title)
    if found is None:
        return None
    count = found.group("count")
    if count is None:  # 印发《X》等的通知: as many as the 附件说明 lists, X first
        number = len(attachments) if len(attachments) >= 2 else None
    else:
        number = int(count) if count.isdigit() else _COUNT_WORDS.get(count)
    if number != len(attachments) or attachments[0] != found.group("first"):
        return None
    return list(attachments)


_WHOLE_PLAN_KINDS = ("实施方案", "工作方案", "行动方案", "活动方案", "整治方案")


def _restored_of(name: str, cues: MetadataCues) -> str:
    """A forwarded document's own title: ``关于加快关停小火电机组若干意见`` → ``…机组的若干意见``."""
    kind = next((k for k in cues.forwarded_kinds if name.endswith(k)), None)
    if kind is None or not name.startswith(("关于", "關於")) or name[: -len(kind)].endswith(("的", "之")) \
            or name.endswith(_WHOLE_PLAN_KINDS):
        return name  # (…清查工作实施方案: a plan's kind its words run into, no 的 left out)
    return name[: -len(kind)] + "的" + kind


def enclosed_titles_of(value: str, cues: MetadataCues) -> list[str]:
    """The documents a title says it forwards or issues (``关于印发《X》的通知`` → X)."""
    if not any(verb in value for verb in cues.enclosing_verbs):
        return []
    quoted = re.findall(r"[《«]([^《》«»]+)[》»]", value)
    if quoted:
        names = quoted
    else:
        verb_at = max(value.find(verb) for verb in cues.enclosing_verbs)
        whole = value[verb_at + 2 :].lstrip("《«")  # a book-title mark left open: not part of the title
        inner = re.sub(r"的(?:紧急|補充|补充)?(?:通知|通知書|函|批复|决定|意见|通報|通报)$", "", whole)
        organ_then_about = re.search(r"关于|關於", inner)
        if organ_then_about:
            name = _restored_of(inner[organ_then_about.start() :], cues)
            if not name.endswith((*title_words(), *cues.forwarded_kinds)):
                # 转发福建省档案学会关于举办…培训的通知: the 通知 is the one forwarded, under its organ's name
                name = whole
            names = [name]
        else:
            names = _joined_titles(inner)
    return [n for n in names if n]


def _joined_titles(inner: str) -> list[str]:
    """``A实施方案和B专项整治方案`` → both, when every part ends as a document does; else the whole."""
    words = title_words()
    parts = re.split(r"和|及|以及|、", inner)
    if len(parts) > 1 and all(len(part) >= 6 and part.endswith(words) for part in parts):
        return parts
    return [inner]


_PLACE_END = re.compile(r"(?:片区|区|市|县|省)")


def _places_of(organ: str) -> list[str]:
    """The places an organ's name opens with, longest first: ``平潭综合实验区金井片区管理局`` → 平潭综合实验区金井片区,
    平潭综合实验区, 金井片区."""
    ends = [m.end() for m in _PLACE_END.finditer(organ) if m.end() < len(organ)]
    spans = [(0, end) for end in ends] + [(start, end) for start in ends for end in ends if end - start >= 2]
    return sorted({organ[a:b] for a, b in spans if b - a >= 2}, key=len, reverse=True)


def run_on_heading(after: str, name: str, organs: list[str], *, places: bool = True) -> str | None:
    """In a copy run into one line, the enclosure's heading printed with an issuing organ before the cover's ``name``
    (``平潭综合实验区市场监督管理局开展…实施方案``, ``…经济发展局关于开展…工作方案``), or a place the organ's name opens
    with (``金井片区2020年春运工作实施方案``; not with ``places=False``); else None. Organ by organ: its own forms, then
    its places, longest first."""
    after = "".join(after.split())
    for organ in dict.fromkeys(organ for organ in organs if organ):
        for prefix in (organ, organ + "关于", *(_places_of(organ) if places else ())):
            if prefix + name in after:
                return prefix + name
    return None
