"""The numbering hierarchy of a notice: 一、 / （一） / 1. / （1） / ① / 第一阶段, as a tree.

Depth follows first appearance (a document may put ``1.`` straight under ``一、``). Items are found
at line starts and, for text without line breaks, after a sentence end or a space.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal, Protocol

from docproc.extract.textmatch import (
    SECTION_NUMBER,
    alternation,
    last_unclosed_bracket,
    unclosed_brackets,
)
from docproc.normalize.rules import models_dir


class SectionSpans(Protocol):
    """What the section classes are read from: the spaCy pipeline's spans (``nlp.TextSpans``)."""

    def within(self, label: str, start: int, end: int) -> list[tuple[int, int]]: ...

MarkerKind = Literal["chapter", "section", "item", "subitem", "circled", "phase"]
SectionClass = Literal["task", "not_task", "phase", "other"]

_CN_NUM = "一二三四五六七八九十"
MARKER = re.compile(
    rf"(?P<chapter>[{_CN_NUM}]{{1,3}}[、.．])"
    rf"|(?P<section>{SECTION_NUMBER})"
    r"|(?P<subitem>[（(]\d{1,2}[）)])"
    rf"|(?P<phase>第[{_CN_NUM}]{{1,3}}(?:阶段|部分))"
    r"|(?P<item>(?<!\d)\d{1,2}[.．、](?!\d(?!\d?月)))"  # 1.3月1日—3月15日：… opens with its dates
    r"|(?P<circled>[①-⑳])"
)
# an item at a line start may open with its date (2023年2-3月: a range of months)
_DATE_OPENING = re.compile(r"[ \u3000]?(?:\d{4}年)?\d{1,2}(?:[-—－~～至到]\d{1,2})?月")
# (a stage label also right after a heading of stages a copy ran it into, 四、实施阶段第一阶段:…; a chapter number
# right after the bracket closing the paragraph before, …、各村（社区）四、实施阶段)
_BOUNDARY = re.compile(rf"(?:^|(?<=[。；！？\s：:])|(?<=阶段|步骤|安排)(?=第[{_CN_NUM}]{{1,3}}阶段)|(?<=[）)])(?=[{_CN_NUM}]{{1,3}}、))")
_HEADING_END = re.compile(r"[。！？；]|\s")


@dataclass
class OutlineNode:
    kind: MarkerKind
    marker: str  # as printed: "（二）", "3.", "第一阶段"
    label: str  # normalised for number paths: "（二）", "3", "一", "第一阶段"
    heading: str  # the phrase after the marker up to 。 (or the whole line)
    text: str  # the node's own text (marker excluded), up to its first child or next sibling
    span: tuple[int, int]  # [start, end) of the node with its children, in the outline's text
    own_span: tuple[int, int]  # [start, end) of the node's own text (marker excluded)
    children: list[OutlineNode] = field(default_factory=list)
    parent: OutlineNode | None = field(default=None, repr=False)

    def walk(self) -> list[OutlineNode]:
        out: list[OutlineNode] = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def path_below_top(self, skip_kinds: tuple[str, ...] = ()) -> str:
        """``（二）3``: labels of the ancestors below the top-level section, then this one; nodes of
        ``skip_kinds`` (stage labels such as 第三阶段) left out."""
        labels: list[str] = []
        node: OutlineNode | None = self
        while node is not None and node.parent is not None:
            if node.kind not in skip_kinds:
                labels.append(node.label)
            node = node.parent
        return "".join(reversed(labels))


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class SectionClasses:
    not_task: tuple[str, ...]
    phase: tuple[str, ...]
    task: tuple[str, ...]
    owner_labels: tuple[str, ...]
    deadline_labels: tuple[str, ...]
    task_heading_endings: tuple[str, ...] = ()
    task_heading_tails: tuple[str, ...] = ()  # 整治措施及分工: what may follow a task word
    run_on_task_heading_endings: tuple[str, ...] = ()  # 措施: a task heading's ending that classes a run-on heading
    item_field_labels: tuple[str, ...] = ()  # 巡查方式, 检查对象: the fields an inspection item's text is laid out in
    run_on_short_task_heading_endings: tuple[str, ...] = ()  # 内容: the same, after a word of two to four characters
    person_labels: tuple[str, ...] = ()  # 牵头领导：…: a label naming a person, never part of a title
    run_on_heading_nouns: tuple[str, ...] = ()  # what a heading run into its paragraph may end with
    run_on_paragraph_adverbs: tuple[str, ...] = ()  # … where the paragraph opens with one of these
    heading_label_nouns: tuple[str, ...] = ()  # 排查范围: a heading that is a label of its content
    run_on_paragraph_openers: tuple[str, ...] = ()  # 一是, 为加强: a paragraph's first words after its heading
    stage_work_verbs: tuple[str, ...] = ()  # 开展, 进行: the work a schedule item names after its dates
    duty_roster_words: tuple[str, ...] = ()  # 值班: a place's duty dates in brackets (东海陵园（值班安排4月1日—6日）)
    venue_endings: tuple[str, ...] = ()  # 陵园, 公墓: places whose open days an item dates (殡仪馆、东海陵园（4月3日）)

    @cached_property
    def run_on_task_heading(self) -> re.Pattern[str] | None:
        """A heading of the 措施/任务 kind a copy printed without its line break, its paragraph run on after it."""
        return _with_words(self.run_on_task_heading_endings,
                           lambda endings: rf"^[\u4e00-\u9fff]{{2,12}}?(?:{endings})(?=[\u4e00-\u9fff])")

    @cached_property
    def run_on_short_task_heading(self) -> re.Pattern[str] | None:
        """A short heading of the 内容 kind (``排查内容``, ``核查内容``) a copy printed without its line break: its word
        opens the heading (a sentence holds 内容 further in)."""
        return _with_words(self.run_on_short_task_heading_endings,
                           lambda endings: rf"^[\u4e00-\u9fff]{{2,4}}(?:{endings})(?=[\u4e00-\u9fff])")

    @cached_property
    def duty_roster_dates(self) -> re.Pattern[str] | None:
        """A bracket whose dates are a duty roster's (``（值班安排4月1日—6日）``, ``（设卡时间…）``)."""
        return _with_words(self.duty_roster_words, lambda words: rf"[（(][^（）()]{{0,4}}(?:{words})[^（）()]*\d")

    @cached_property
    def venues_only(self) -> re.Pattern[str] | None:
        """A name that lists places only (``殡仪馆、东海陵园``, ``公益性公墓、大练乡涉迁坟墓安置区``): the days they open, no
        stage."""
        return _with_words(self.venue_endings, lambda endings: rf"^(?:[^、，,。；;]{{0,16}}?(?:{endings})[、和及]?)+$")

    @cached_property
    def run_on_opener(self) -> re.Pattern[str] | None:
        """A paragraph's first words after a copied heading's fourth character (城镇燃气|一是…), not after 要/对…."""
        return _with_words(self.run_on_paragraph_openers,
                           lambda openers: rf"(?<=[\u4e00-\u9fff]{{4}})(?<![要对在将和与需应须])\s*(?={openers})")

    @cached_property
    def label_heading(self) -> re.Pattern[str] | None:
        """A short heading that is a label of its content (排查范围|旅行社、…): not 在职责范围内, 清理范围主要包括…,
        范围和… (a phrase or a sentence about the label)."""
        return _with_words(self.heading_label_nouns, lambda labels: (
            rf"^(?![在对按于从])[^，,。；;、\s]{{2,6}}?(?:{labels})(?![内外和及与、的主包是为如])(?=[\u4e00-\u9fff])"))

    @cached_property
    def run_on_adverb(self) -> re.Pattern[str] | None:
        """An adverb opening a paragraph after the noun a heading ends with (…的重大意义|深入宣传…, …情况|对在…)."""
        adverbs = alternation(self.run_on_paragraph_adverbs + ("对",))
        return _with_words(self.run_on_heading_nouns,
                           lambda nouns: rf"(?<={nouns})(?=(?:{adverbs})[\u4e00-\u9fff]{{2}})")

    @cached_property
    def label_start(self) -> re.Pattern[str]:
        """Where a person, owner, deadline or item field label starts (``牵头领导：``, ``责任处室（单位）：``,
        ``巡查方式：``)."""
        labels = alternation(self.person_labels + self.owner_labels + self.deadline_labels + self.item_field_labels)
        return re.compile(rf"(?=(?:{labels})(?:[（(][^（）()]{{1,6}}[）)])?\s*[：:])")


def _with_words(words: tuple[str, ...], pattern: Callable[[str], str]) -> re.Pattern[str] | None:
    """The regex ``pattern`` writes around the alternation of ``words``; None when the vocabulary lists none."""
    return re.compile(pattern(alternation(words))) if words else None


@lru_cache(maxsize=1)
def load_section_classes() -> SectionClasses:
    data = json.loads((models_dir() / "extract" / "sections.json").read_text(encoding="utf-8"))
    return SectionClasses(
        not_task=tuple(data["not_task"]),
        phase=tuple(data["phase"]),
        task=tuple(data["task"]),
        owner_labels=tuple(data["owner_labels"]),
        deadline_labels=tuple(data["deadline_labels"]),
        task_heading_endings=tuple(data.get("task_heading_endings", ())),
        task_heading_tails=tuple(data.get("task_heading_tails", ())),
        run_on_task_heading_endings=tuple(data.get("run_on_task_heading_endings", ())),
        run_on_short_task_heading_endings=tuple(data.get("run_on_short_task_heading_endings", ())),
        item_field_labels=tuple(data.get("item_field_labels", ())),
        person_labels=tuple(data.get("person_labels", ())),
        run_on_heading_nouns=tuple(data.get("run_on_heading_nouns", ())),
        run_on_paragraph_adverbs=tuple(data.get("run_on_paragraph_adverbs", ())),
        heading_label_nouns=tuple(data.get("heading_label_nouns", ())),
        run_on_paragraph_openers=tuple(data.get("run_on_paragraph_openers", ())),
        stage_work_verbs=tuple(data.get("stage_work_verbs", ())),
        duty_roster_words=tuple(data.get("duty_roster_words", ())),
        venue_endings=tuple(data.get("venue_endings", ())),
    )


def _label(kind: str, marker: str) -> str:
    marker = marker.strip()
    if kind == "section" or kind == "subitem":
        return "（" + marker[1:-1] + "）"
    if kind in ("chapter", "item"):
        return marker.rstrip("、.．").strip()
    return marker


# （一）前期准备（2016年6月）乡镇人民政府…: a short heading closed by its bracketed dates, the paragraph run on
_DATED_HEADING = re.compile(r"[^，,。；;：:（()）\s]{2,16}[（(][^（）()\n]{0,16}\d[^（）()\n]{0,16}[）)](?=[\u4e00-\u9fff])")


def _heading(text: str) -> str:
    match = _HEADING_END.search(text)
    heading = text[: match.start()] if match else text
    dated = _DATED_HEADING.match(heading)
    if dated is not None:
        heading = dated.group()
    return heading.strip()


# a cover letter's list of attachments (附件：1、X / 2、Y / 3、Z): numbered lines that are no items
_ATTACHMENT_LIST = re.compile(r"(?m)^[ \t\u3000]*附[件表][ \t\u3000]*[：:][^\n]*(?:\n+[ \t\u3000]*\d{1,2}[ \t]*[.．、][^\n]*)+")


_LABELLED_BRACKET = re.compile(r"[（(][\u4e00-\u9fff]{2,6}[：:]")  # （责任分工：…: a labelled remark, not a list of points
SENTENCE_REACH = 300  # characters looked back for the sentence a marker stands in


def _find_markers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every numbering marker that begins an item."""
    found: list[tuple[int, int, str]] = []
    listed = [m.span() for m in _ATTACHMENT_LIST.finditer(text)]  # (in order, none overlapping)
    listed_starts = [start for start, _ in listed]
    for boundary in _BOUNDARY.finditer(text):
        position = boundary.end()
        inside = bisect.bisect_left(listed_starts, position) - 1
        if inside >= 0 and position < listed[inside][1]:
            continue  # 附件：1、…方案 / 2、…方案: the cover's attachments, not its items
        match = MARKER.match(text, position)
        if match is None or match.lastgroup is None:
            continue
        if position and text[position - 1] in "：:" and match.lastgroup != "phase":
            continue  # 分三个阶段：第一阶段为…: only a stage label opens an item right after a colon
        if position and text[position - 1] in "；;" and match.lastgroup == "subitem":
            continue  # 范围包括：（1）…；（2）…: points listed inside a paragraph are not items
        follower = text[match.end() : match.end() + 1]
        # ``1. 加强…``: a space after an item number only at a line start (OCR of a typeset ``1.``)
        at_line_start = position == 0 or text[position - 1] == "\n"
        spaced = not follower or follower.isspace() and (match.lastgroup != "item" or at_line_start)
        if spaced:
            follower = text[match.end() + 1 : match.end() + 2]
        # (or after a heading its first item is run onto, past a space: 四、工作步骤 1.9月15—22日，…)
        after_sentence = at_line_start or re.search(r"(?:[。；：:]\s*|[\u4e00-\u9fff][ \u3000]+)$", text[max(0, position - 4) : position])
        dated = after_sentence and _DATE_OPENING.match(text, match.end())
        if not re.match(r"[\u4e00-\u9fff“《（(：:]", follower or "") and not dated:  # 3. 4月25日前，修订…
            continue
        if found and found[-1][0] == match.start():
            continue
        # the sentence so far, across the lines a scan broke it into (（1.不准…； / 2.不准…）)
        reach = max(0, position - SENTENCE_REACH)  # (searched no further back: linear in the text)
        line_start = max(text.rfind("。", reach, position), text.rfind("\n\n", reach, position), position - SENTENCE_REACH) + 1
        opened = text[max(line_start, 0) : position]
        if match.lastgroup in ("item", "subitem", "circled") and unclosed_brackets(opened) > 0 and not (
                at_line_start and _LABELLED_BRACKET.match(opened, last_unclosed_bracket(opened))):
            # …“八不准”规定（1.不准…；2.不准…）: points listed inside a bracket are not items (a line after
            # （责任分工：…、各村（社区） left unclosed at its line's end starts one)
            continue
        found.append((match.start(), match.end(), match.lastgroup))
    return found


def build_outline(text: str) -> list[OutlineNode]:
    """The top-level nodes of ``text``'s numbering tree (children nested)."""
    markers = _find_markers(text)
    roots: list[OutlineNode] = []
    stack: list[OutlineNode] = []
    depth_of: dict[str, int] = {}
    for index, (start, end, kind) in enumerate(markers):
        next_start = markers[index + 1][0] if index + 1 < len(markers) else len(text)
        body_start = end
        skip = " \t：:" if kind == "phase" else " \t"
        if text[end:next_start].lstrip(" \t").startswith("\n"):
            skip += "\n"  # ``1.`` alone on its line: the heading is the next line
        while body_start < next_start and text[body_start] in skip:
            body_start += 1
        own = text[body_start:next_start].rstrip()
        node = OutlineNode(
            kind=kind,  # type: ignore[arg-type]
            marker=text[start:end],
            label=_label(kind, text[start:end]),
            heading=_heading(own),
            text=own,
            span=(start, next_start),
            own_span=(body_start, body_start + len(own)),
        )
        if kind not in depth_of:
            depth_of[kind] = len(stack)
        depth = depth_of[kind]
        while stack and depth_of[stack[-1].kind] >= depth:
            stack.pop()
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
            depth_of = {k: d for k, d in depth_of.items() if d <= depth}
            depth_of[kind] = depth
        stack.append(node)
        _extend_ancestors(node)
    return roots


def _extend_ancestors(node: OutlineNode) -> None:
    parent = node.parent
    while parent is not None:
        parent.span = (parent.span[0], max(parent.span[1], node.span[1]))
        parent = parent.parent


def heading_span(node: OutlineNode) -> tuple[int, int]:
    """Where the node's heading phrase stands in the text."""
    return node.own_span[0], node.own_span[0] + len(node.heading)


_PHRASE_END = re.compile(r"[，,。；;]|(?<=\S{4})(?:(?:[局委办厅处]?各[^，,。；;\s]{0,8}?|[^，,。；;\s各]{2,8}?(?:处|局|办|委|中心))(?:要|应|须)"
                         r"|严格按照|严格落实|按照|根据|为了|为进一步)")  # …和分工严格按照《…》: the paragraph


def _heading_phrase(heading: str) -> str:
    """A top-level heading's own words: up to its first clause break, or where a unit's duty begins
    (``重点行业领域整治重点各处室要根据…``, ``试点任务局各有关单位应当…``: the heading ran into its paragraph)."""
    cut = _PHRASE_END.search(heading)
    return heading[: cut.start()] if cut else heading


def section_class(node: OutlineNode, spans: SectionSpans, classes: SectionClasses) -> SectionClass:
    """What a top-level section holds, from the spaCy pipeline's section words in its heading
    (``SECTION_NOT_TASK`` first, then ``SECTION_TASK``; a heading holding both is what its first words
    name); a heading built like the task words
    (``X任务``, ``X措施``, ``X内容``, ``X重点``) holds tasks too."""
    start, end = heading_span(node)
    phrase = _heading_phrase(node.heading)
    end = min(end, start + len(phrase))  # the heading's words, not the paragraph it ran into
    not_task, task = spans.within("SECTION_NOT_TASK", start, end), spans.within("SECTION_TASK", start, end)
    if not_task and task:  # 工作任务及时间安排: the heading's first words say what it holds
        return "task" if min(task)[0] < min(not_task)[0] else "not_task"
    if not_task:
        return "not_task"
    if task:
        return "task"
    heading = re.sub(r"\s", "", phrase)
    heading = re.sub(r"[（(][^（）()]{1,12}[）)]$", "", heading.rstrip("：:。"))  # 改革举措（共23项）, 活动内容：
    for tail in classes.task_heading_tails:
        heading = heading.removesuffix(tail)
    if heading.endswith(classes.task_heading_endings):
        return "task"
    run_on = classes.run_on_task_heading.match(heading) if classes.run_on_task_heading else None
    if run_on is not None and len(heading) - run_on.end() >= RUN_ON_PARAGRAPH_MIN_CHARS:
        return "task"  # 重点路段管控措施坛南湾景区路段作为…: a 措施 heading a copy ran into its paragraph
    short = classes.run_on_short_task_heading.match(heading) if classes.run_on_short_task_heading else None
    if short is not None and len(heading) - short.end() >= RUN_ON_SHORT_PARAGRAPH_MIN_CHARS:
        return "task"  # 核查内容对照《…》…: a two-word content heading a copy ran into its paragraph
    return "other"


RUN_ON_PARAGRAPH_MIN_CHARS = 8  # characters of paragraph after such a heading's word before the first break
RUN_ON_SHORT_PARAGRAPH_MIN_CHARS = 6  # the same after a short heading (排查内容|坚持问题导向，…)


def is_phase_section(node: OutlineNode, spans: SectionSpans) -> bool:
    """A section whose heading names steps or a schedule (``SECTION_PHASE``: 实施步骤, 时间安排 …)."""
    return bool(spans.within("SECTION_PHASE", *heading_span(node)))
