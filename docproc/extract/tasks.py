"""Tasks: the numbered items (every level) of the sections that enumerate the work, each with the
owners and the deadline its own text gives (never another item's).

An item's labelled lines (``责任单位：…  完成时限：…``) belong to it; printed once after the last
sub-item of an item whose other sub-items have none, they belong to that item (the parent). A deadline
is the labelled 完成时限 — also a notice deadline whose ``what`` is the task's title
(:attr:`TaskHit.labelled_deadline`) — else the one date the notice's deadlines find in the item's own
text (:func:`assign_own_deadlines`; several different dates for different cases → none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from docproc.extract.dates import TRAILING_DATE_PAREN, chinese_number, find_date_ranges
from docproc.extract.found import compact, compact_with_offsets
from docproc.extract.outline import (
    OutlineNode,
    SectionClasses,
    SectionSpans,
    load_section_classes,
    section_class,
)
from docproc.extract.owners import (
    find_owners,
    heading_unit,
    load_owner_cues,
    table_cell_owners,
    unit_prefix,
)
from docproc.extract.textmatch import alternation


@dataclass
class TaskHit:
    section: str
    number: str
    title: str
    text: str
    span: tuple[int, int]
    node_start: int
    owners: list[str] = field(default_factory=list)
    deadline: date | None = None
    labelled_deadline: tuple[int, int] | None = None  # span of a 完成时限 line, when it gave the deadline


# where a heading printed without 。 runs into its paragraph: after the noun a heading ends with, a
# sentence opener or a subject with its modal (…工作|根据…, …工作|各有关单位要…, …工作|片区道安办要…)
_UNIT_END = "(?:办|局|处|委|单位|企业|部门)"  # how a unit told its duty at a paragraph's start ends
_PARAGRAPH_AFTER_HEADING = re.compile(
    r"(?<=工作|行动|活动|情况|对象|信息|隐患|机制|制度|体系|责任)\s*"
    r"(?:根据|按照|为了|依据|结合|一要|一是|内容上|对(?=[^，,。；]{2,30}[，,])|各[^，,。；]{1,10}?(?:要|应|须|于)"
    rf"|(?:(?!工作)[^，,。；、各按对向在]){{2,8}}?{_UNIT_END}(?:[、和及](?:各)?[^，,。；、]{{1,8}}?(?:会|{_UNIT_END}))*"
    r"(?:要|应|须)"  # …宣传工作|片区道安办、各村委会要…: units listed
    r"|在?[^，,。；]{2,10}?期间[，,])"  # …健康教育工作在爱国卫生月期间，…
    # …自行监测|排污单位要依照…, …检查监测|根据《…》: after a verb of the work, only an opener or a duty
    r"|(?<=监测|检查|整治|排查|监管|执法|宣传|培训)\s*"
    rf"(?:根据|按照|依据|(?:(?!工作)[^，,。；各按对向在]){{2,8}}?{_UNIT_END}(?:要|应|须))"
    # …消防安全管理|2020年12月底前，组织…: the paragraph opens with the day its work is due
    r"|(?<=[\u4e00-\u9fff])(?=(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号]|底|末)?(?:前|之前|以前)[，,])"
)
_DUTY_AFTER_PAIR = re.compile(r"^[^，,。；;]{3,12}[，,](?P<second>[^，,。；;]{3,12}?)各[^，,。；;\s]{1,10}?(?:要|应|须)")
# 工程建设方面重点排查…: a short area heading (not …等方面, not 全方面) names the item; its paragraph follows
_AREA_HEADING = re.compile(r"^[^，,。；;、\s]{2,10}?(?<![等全])方面(?=\s*[\u4e00-\u9fff](?<!的))")
TITLE_MIN_CHARS = 6
SECTION_NAME_MIN_CHARS = 4  # 重点任务: the shortest heading a distributive subject's duty may run onto


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# what a heading before a paragraph's first words may be: a short phrase, or two paired ones (加强领导，确保责任落实)
_HEADING_WORD = r"(?:[\u4e00-\u9fff]|“[^“”，,。；]{1,12}”)"  # a quoted phrase counts as one word (围绕“效率、廉洁”开展…)
_HEADING_BEFORE_OPENER = re.compile(rf"{_HEADING_WORD}{{2,16}}|[\u4e00-\u9fff“”]{{2,8}}[，,][\u4e00-\u9fff“”]{{2,8}}")
# what a heading before the units its paragraph opens with may be: a phrase, or two (突出活动主题，积极开展…活动)
_HEADING_BEFORE_DUTY = re.compile(r"[\u4e00-\u9fff]+|[\u4e00-\u9fff“”]{2,12}[，,][\u4e00-\u9fff“”]{2,18}")
_ONE_PHRASE = re.compile(rf"{_HEADING_WORD}{{4,16}}")  # a heading of one phrase, no comma
RUN_ON_MIN_CHARS = 24  # a first clause this long without a comma is a heading that ran into its paragraph
_YEAR_OPENING = re.compile(r"(?:19|20)\d\d年[^，,。；]{0,12}?(?:期间|以来|至今)")  # 2019年至2022年期间，…


# 各村居联合党委，各处室，各村居及各有关单位要…: units told their duty, opening the paragraph after a heading
# 靶向宣传教育社会事业处要督促…, 逐级核查建档政法综治处及时收集…: a named unit told its duty opens the paragraph
# (a department of four characters and 处, 社会事业处, or of two and 办公室, 党政办公室, as such pages name them)
_LED_BY = re.compile(r"由[^，,。；;：:]{2,40}?(?:牵头|负责)")  # 由…专班牵头: who leads the item's work
_UNIT_DUTY = re.compile(r"(?:[\u4e00-\u9fff]{4}处|[\u4e00-\u9fff]{2}办公室)(?:要|应|负责|牵头|及时|须)")
_DISTRIBUTIVE_DUTY = re.compile(r"\s*各(?:级各)?(?!自|类|种|项|级)[\u4e00-\u9fff（）()，,、及和]{1,40}?(?:要|应|须|必须)(?![求当有])")


def _copied_heading_end(heading: str) -> int:
    """Where a heading a copy printed without its line break ends: where the paragraph restates the
    heading's first words (产权登记|产权登记情况…), opens with a period of years (国有资产交易|2019年至2022年期间，…),
    follows a label (排查范围|旅行社、…), or — in a long first sentence with no comma — opens with an adverb
    after the noun a heading ends with (…的重大意义|深入宣传…, …消除情况|对在…); else the whole heading."""
    classes = load_section_classes()
    for start in range(2, min(len(heading) - 2, 21)):
        size = min(start, 4)
        if heading[start : start + size] == heading[:size] and _CJK_RUN.fullmatch(heading[:start]) \
                and heading[start - 1] != "的":
            return start
    year = _YEAR_OPENING.search(heading, 4)
    if year is not None and _CJK_RUN.fullmatch(heading[: year.start()]):
        return year.start()
    subject = _DISTRIBUTIVE_DUTY.search(heading, SECTION_NAME_MIN_CHARS)  # (二、重点任务|各级各有关部门要…)
    if subject is not None and _HEADING_BEFORE_DUTY.fullmatch(heading[: subject.start()].rstrip()) \
            and not re.search(r"负责|要|应", heading[: subject.start()]):
        return len(heading[: subject.start()].rstrip())  # 保障清明祭扫安全|各村居联合党委，各处室…要…: its duty (also
        # after a paired heading: 突出活动主题，积极开展…活动|各处室（中心），…各村（居）要…)
    unit = _UNIT_DUTY.search(heading, TITLE_MIN_CHARS - 2)
    if unit is not None and unit.start() >= 4 and _CJK_RUN.fullmatch(heading[: unit.start()]) \
            and not re.search(r"负责|要|应|由", heading[: unit.start()]):
        return unit.start()
    first = re.split(r"[，,。；;]", heading, maxsplit=1)[0]
    led = _LED_BY.search(first, 4) if len(first) >= RUN_ON_MIN_CHARS else None
    if led is not None and _HEADING_BEFORE_OPENER.fullmatch(heading[: led.start()]):
        return led.start()  # 广泛开展动员宣传|由…专班牵头，…: a long first clause, the paragraph naming who leads
    unit_led = _unit_led(classes).search(heading, 4)
    if unit_led is not None and _ONE_PHRASE.fullmatch(heading[: unit_led.start()]) \
            and "的" not in re.split(r"[，,。；;]", heading[unit_led.start() :], maxsplit=1)[0]:
        return unit_led.start()  # 摸清重点人员底数|由社会事业处提供…: the paragraph names the unit that does it
        # (not 建立由区办公室牵头的协调机制: a unit inside the heading's own phrase)
    opener = classes.run_on_opener.search(heading) if classes.run_on_opener else None
    if opener is not None and _HEADING_BEFORE_OPENER.fullmatch(heading[: opener.start()].rstrip()):
        return len(heading[: opener.start()].rstrip())  # 城镇燃气|一是检查…, 加强领导，确保责任落实|为加强…: the paragraph's first words
    label = classes.label_heading.match(heading) if classes.label_heading else None
    if label is not None:
        return label.end()
    first = re.split(r"[，,。；;]", heading, maxsplit=1)[0]
    if len(first) >= RUN_ON_MIN_CHARS and classes.run_on_adverb is not None:
        opened = classes.run_on_adverb.search(first, TITLE_MIN_CHARS)
        if opened is not None:
            return opened.start()
    return len(heading)


@lru_cache(maxsize=2)
def _unit_led(classes: SectionClasses) -> re.Pattern[str]:
    """由 + a unit (a department, a bureau, a 专班) + the verb of what it does: a paragraph's opening."""
    endings = load_owner_cues(classes.owner_labels, classes.deadline_labels).unit_endings + ("专班",)
    return re.compile(rf"由(?:各)?[\u4e00-\u9fff]{{1,16}}?(?:{alternation(endings, longest_first=True)})(?=[\u4e00-\u9fff])")


def task_title(heading: str) -> str:
    """The heading phrase up to its first 。 (a label's ``：`` ends it too), without a trailing date
    parenthetical, ``(长期)`` or ``；``."""
    heading = heading.split("。", 1)[0]
    heading = re.split(r"\s+(?=[^\s：:，,。]{2,10}(?<!\d)[：:])", heading, maxsplit=1)[0]  # 城镇燃气 牵头领导:李平: a label after it
    heading = load_section_classes().label_start.split(heading, maxsplit=1)[0] or heading
    duty = _DUTY_AFTER_PAIR.search(heading)
    if duty is not None:  # 加强协同配合，形成防控合力|各相关处室要…: a paired heading ran into a unit's duty
        heading = heading[: duty.end("second")]
    area = _AREA_HEADING.match(heading)
    if area is not None:
        heading = area.group()
    run_on = _PARAGRAPH_AFTER_HEADING.search(heading, TITLE_MIN_CHARS)
    if run_on is not None:  # 抓好…整治工作根据区道安办工作指导，…: the heading ran into its paragraph
        heading = heading[: run_on.start()]
    heading = heading[: _copied_heading_end(heading)]
    label = re.match(r"^((?:[^：:，,]|(?<=\d)[：:](?=\d)){2,30}?)(?<!\d)[：:]", heading)  # (not a time's 8：30)
    if label:
        heading = label.group(1)
    return compact(TRAILING_DATE_PAREN.sub("", heading.rstrip("。；;：:")))  # …具体工作如下：


def _labelled_deadline(text: str, labels: tuple[str, ...], year: int | None) -> tuple[date, tuple[int, int]] | None:
    for label in labels:
        if label not in text:
            continue
        # 完成时限：…, （完成时限4月20日前）: the label before its date, not 明确整改时限，… in prose
        found_label = re.search(rf"{re.escape(label)}\s*(?:[：:]|为|(?=[\d一二三四五六七八九十本今明年月]))", text)
        if found_label is None:
            continue
        at = found_label.start()
        ranges = find_date_ranges(text[at : at + 40])
        if ranges and (ranges[0].start.year or year):
            found = ranges[0]
            point = found.end if found.period and found.end is not None else found.start
            value = point.resolve(point.year or year or 0, as_end=True)
            if value is not None:
                return value, (at, at + found.span[1])
    return None


def _has_labels(node: OutlineNode, classes: SectionClasses) -> bool:
    """Whether ``node`` prints an owner or deadline label (各相关部门要… is a subject, not the label 相关部门)."""
    return any(label in node.text and re.search(rf"(?<!各){re.escape(label)}", node.text)
               for label in classes.owner_labels + classes.deadline_labels)


def _labels_of_parent(node: OutlineNode, classes: SectionClasses) -> OutlineNode | None:
    """The parent whose labelled lines ``node`` (its last child) carries, or None."""
    parent = node.parent
    if parent is None or parent.parent is None or parent.children[-1] is not node or len(parent.children) < 2:
        return None  # a top-level section is not a task: its last item keeps its own lines
    if _has_labels(parent, classes) or any(_has_labels(d, classes) for c in parent.children[:-1] for d in c.walk()):
        return None
    return parent if _has_labels(node, classes) else None


def _heading_owner(node: OutlineNode, classes: SectionClasses) -> str | None:
    """The unit heading ``node`` or one of the items it stands under (below the top-level section)."""
    current: OutlineNode | None = node
    while current is not None and current.parent is not None:
        unit = heading_unit(current.text.split("\n", 1)[0], classes.owner_labels, classes.deadline_labels)
        if unit is not None:
            return unit
        current = current.parent
    return None


# a bracket standing alone after an item's last sub-item (its own line, or after its 。): （X牵头，Y等分工负责）
_CLOSING_OWNERS = re.compile(r"(?:\n|(?<=[。；;]))[ \t\u3000]*[（(][^（）()\n]{2,80}[）)][ \t\u3000]*$")


def _closing_owners(node: OutlineNode, names_owners: dict[int, bool],
                    classes: SectionClasses) -> tuple[str, list[str]] | None:
    """The bracketed owners line closing ``node``'s last sub-item and its owners, when it names owners
    and no other sub-item names any (``names_owners``: whether a node's own text does): it is printed
    for the whole item, so the item and each sub-item are theirs."""
    if len(node.children) < 2:
        return None
    found = _CLOSING_OWNERS.search(node.walk()[-1].text)
    owners = find_owners(found.group(), classes.owner_labels, classes.deadline_labels) if found else []
    if found is None or not owners or any(names_owners[id(other)] for other in node.walk()[1:-1]):
        return None  # each sub-item closes with its own bracket: the last one's is its own
    return found.group().strip(), owners


def _ancestors(node: OutlineNode) -> list[OutlineNode]:
    out = []
    current = node.parent
    while current is not None:
        out.append(current)
        current = current.parent
    return out


def _labelled_part(text: str, classes: SectionClasses) -> tuple[str, str]:
    """(the item's text before its labelled lines, the labelled lines)."""
    starts = [text.find(label) for label in classes.owner_labels + classes.deadline_labels if label in text]
    cut = min(starts) if starts else len(text)
    return text[:cut], text[cut:]


PREAMBLE_TASK_REACH = 200  # characters before the first item where the word announcing them may stand
OWNER_CELLS_REACH = 400  # characters before the first item where the header's 牵头/配合 cells may stand


def _announced_items(outline: list[OutlineNode], spans: SectionSpans, text: str) -> tuple[str, list[OutlineNode]] | None:
    """``…配合单位…，各分局工作任务专项整治以…为对象… / （一）规范… / （二）…``: top-level items under no heading
    of their own, announced by a task word (工作任务) in the paragraph before the first (a notice laid out as a
    one-row table, its cells run together): that word and the items, or None."""
    if not text or not outline or outline[0].kind != "section":
        return None
    first = outline[0].span[0]
    floor = max(text.rfind("\n", 0, max(first - 1, 0)) + 1, first - PREAMBLE_TASK_REACH, 0)
    words = spans.within("SECTION_TASK", floor, first)
    if not words:
        return None
    items: list[OutlineNode] = []
    for top in outline:
        if top.kind != "section" or items and _label_number(top) <= _label_number(items[-1]):
            break  # …时间安排（一）…: the numbering starts again, another section's items
        items.append(top)
    start, end = words[-1]
    return text[start:end], items


def find_tasks(outline: list[OutlineNode], classes: SectionClasses, spans: SectionSpans,
               year: int | None, text: str = "") -> list[TaskHit]:
    tasks: list[TaskHit] = []
    announced = _announced_items(outline, spans, text)
    if announced is not None:
        items = announced[1]
        preamble = text[max(0, items[0].span[0] - OWNER_CELLS_REACH) : items[0].span[0]]
        cells = table_cell_owners(preamble, classes.owner_labels, classes.deadline_labels)
        announced_tasks = _section_tasks(announced[0], [n for top in items for n in top.walk()], classes, year,
                                         numbered_from_top=True)
        for task in announced_tasks:
            task.owners = task.owners or list(cells)  # the header's 牵头/配合 cells own what no item names an owner for
        tasks.extend(announced_tasks)
    for top in outline:
        if top.kind not in ("chapter", "section") or section_class(top, spans, classes) != "task":
            continue
        if announced is not None and top in announced[1]:
            continue
        tasks.extend(_section_tasks(task_title(top.heading), top.walk()[1:], classes, year))
    return tasks


def _section_tasks(section: str, nodes: list[OutlineNode], classes: SectionClasses, year: int | None,
                   numbered_from_top: bool = False) -> list[TaskHit]:
    """The tasks of one task section's items (``nodes``, in reading order); ``numbered_from_top``: the items
    are themselves top-level (their numbers start with their own label)."""
    tasks: list[TaskHit] = []
    moved: dict[int, str] = {}  # id(parent) → labelled lines printed after its last sub-item
    for node in nodes:
        parent = _labels_of_parent(node, classes)
        if parent is not None:
            moved[id(parent)] = _labelled_part(node.text, classes)[1]
    names_owners = {id(node): bool(find_owners(node.text, classes.owner_labels, classes.deadline_labels))
                    for node in nodes}
    closing = {id(node): found for node in nodes if (found := _closing_owners(node, names_owners, classes))}
    # the owners of labelled lines printed after an item's last sub-item, read once for the item and each sub-item
    moved_owners = {key: find_owners(lines, classes.owner_labels, classes.deadline_labels) for key, lines in moved.items()}
    closed_last = {id(node.walk()[-1]) for node in nodes if id(node) in closing}
    # （一）质量技术监督管理处 / （二）知识产权保护处聚焦…: items headed by the department that does them
    unit_headed = {id(node.parent) for node in nodes if ":" not in node.heading and "：" not in node.heading
                   and heading_unit(node.heading, classes.owner_labels, classes.deadline_labels)}
    for node in nodes:
        if node.kind == "phase":
            continue  # 第一阶段为3月16日至4月15日…: a stage of the schedule, not a numbered task
        title = task_title(node.text.split("\n", 1)[0])
        department = unit_prefix(node.text) if id(node.parent) in unit_headed else None
        if department is not None:
            title = department
        if not title:
            continue
        own = node.text
        offset = node.own_span[0]
        if _labels_of_parent(node, classes) is not None:
            own = _labelled_part(own, classes)[0]
        if id(node) in closed_last:
            own = _CLOSING_OWNERS.sub("", own)
        labelled_text = own + ("\n" + moved[id(node)] if id(node) in moved else "")
        labelled_text += "\n" + closing[id(node)][0] if id(node) in closing else ""
        run_on = _PARAGRAPH_AFTER_HEADING.search(labelled_text.split("\n", 1)[0], TITLE_MIN_CHARS)
        if run_on is not None:  # …工作各村委会于…: the paragraph's subject opens a clause of its own
            labelled_text = labelled_text[: run_on.start()] + "\n" + labelled_text[run_on.start() :]
        else:  # 突出活动主题，…宣教活动|各处室（中心），东庠办事处，各村（居）要…: the paragraph opens after the title
            cut = _run_on_title_end(labelled_text, title)
            labelled_text = labelled_text if cut is None else labelled_text[:cut] + "\n" + labelled_text[cut:]
        owners = find_owners(labelled_text, classes.owner_labels, classes.deadline_labels)
        if not owners:  # 1.… 2.… then （农业农村处牵头，…分工负责） under the last: each item's too
            owners = next((list(closing[id(a)][1]) for a in _ancestors(node) if id(a) in closing), [])
        if not owners:  # 1.… 4.… then 牵头部门：X，配合部门：Y under the last: printed for the whole item
            owners = next((list(moved_owners[id(a)]) for a in _ancestors(node) if moved_owners.get(id(a))), [])
        headed = department or _heading_owner(node, classes)  # （一）政法综治处： / 1.…: the unit owns its items
        if headed is not None:
            owners = [headed, *(owner for owner in owners if owner != headed)]
        number = node.path_below_top(skip_kinds=("phase",))
        if numbered_from_top:
            number = _top_of(node).label + number
        hit = TaskHit(
            section=section, number=number, title=title, text=compact(node.text),
            span=node.own_span, node_start=node.span[0], owners=owners,
        )
        labelled = _labelled_deadline(own, classes.deadline_labels, year)
        if labelled is not None:
            hit.deadline, span = labelled
            hit.labelled_deadline = (offset + span[0], offset + span[1])
        elif id(node) in moved:
            labelled = _labelled_deadline(moved[id(node)], classes.deadline_labels, year)
            if labelled is not None:
                hit.deadline = labelled[0]
                last = node.children[-1]
                at = last.text.find(moved[id(node)])
                base = last.own_span[0] + max(at, 0)
                hit.labelled_deadline = (base + labelled[1][0], base + labelled[1][1])
        tasks.append(hit)
    return tasks


def _run_on_title_end(text: str, title: str) -> int | None:
    """Where ``title`` ends in ``text`` when the text's first line printed it and ran on into its paragraph
    without a break (the next character a CJK one), else None."""
    line = text.split("\n", 1)[0]
    letters, offsets = compact_with_offsets(line)
    if not letters.startswith(title) or len(letters) == len(title):
        return None
    end = offsets[len(title) - 1] + 1
    return end if _CJK_RUN.match(line[end]) and end >= TITLE_MIN_CHARS else None


def _label_number(node: OutlineNode) -> int:
    return chinese_number(node.label.strip("（）()")) or 0


def _top_of(node: OutlineNode) -> OutlineNode:
    while node.parent is not None:
        node = node.parent
    return node


def assign_own_deadlines(tasks: list[TaskHit], deadline_spans: list[tuple[date | None, tuple[int, int]]]) -> None:
    """A task without a labelled 完成时限 takes the one date of the deadlines found in its own text."""
    for task in tasks:
        if task.deadline is not None:
            continue
        dates = {value for value, (start, _) in deadline_spans if value and task.span[0] <= start < task.span[1]}
        if len(dates) == 1:
            task.deadline = dates.pop()
