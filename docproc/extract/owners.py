"""Who a task belongs to, read from the task's own text.

Four forms, in the order a reader meets them:

- labelled lists: ``牵头单位：A、B`` / ``责任单位：区行政审批局、区效能办牵头，区直各有关部门配合``;
- units with a responsibility word: ``（A、B负责）``, ``由A负责``, ``A牵头，B参与``;
- distributive subjects bound by an obligation: ``各省要…``, ``区直各部门应…``, ``各地在…的同时，要…``
  (not ``各省可…``: a permission gives no duty);

guidance (``（A指导）``) is not ownership, and a single named unit + 要 is the notice addressing someone,
not a task's owner. The words are data: ``models/extract/owners.json`` and the labels of
``models/extract/sections.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from docproc.extract.found import compact
from docproc.extract.leader_lexicon import default_lexicon
from docproc.extract.textmatch import alternation
from docproc.normalize.rules import models_dir

_SPLIT = re.compile(r"[、，,；;/]|(?<=[局委办厅部院署处室队所站村居组）)])及(?!时)|(?<=[局委办厅部院署])和|以及|(?<=[局委办厅部院署处室队所])[ \u3000]+")
_CLAUSE = re.compile(r"[。；;！？\n]")


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return alternation(words, longest_first=True)


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class OwnerCues:
    labelled: re.Pattern[str]  # 牵头单位：value (value up to the next label or clause end)
    responsible: re.Pattern[str]  # （A、B负责）, A牵头
    distributive: re.Pattern[str]
    modal: re.Pattern[str]
    permission: re.Pattern[str]
    responsibility_words: str
    lead_words: tuple[str, ...]  # 牵头: who leads the work, owning none of it unless the sentence divides it
    divided_work: re.Pattern[str]  # 负责, 配合, 参与: the responsibility words other than the lead words
    unit_endings: tuple[str, ...]
    people: re.Pattern[str]  # 教师…: the people of distributive units, not the units
    people_endings: tuple[str, ...]  # 村干部: people, though it ends in 部
    heading_unit_endings: tuple[str, ...]  # a unit heading its items: unit_endings and these
    enumeration: re.Pattern[str]  # 包括…: a list of what a scope covers, up to the position asked
    bracket_remark: re.Pattern[str]  # （含加油站、加气站）: a bracket saying what is meant, not who
    place_endings: tuple[str, ...]  # 易燃易爆危险品场所: a kind of place, not a unit
    not_unit_endings: tuple[str, ...]  # 工作格局: ends in 局, names no unit
    heading_act: re.Pattern[str]  # 成立, 构建: a heading holding one states an act, not a department
    endings_before_a_name: tuple[str, ...]  # 住房发展处高兆霞: a unit a person's name may follow
    governed: re.Pattern[str]  # 依托…、各镇既有的平台: a verb whose object a 各 word is, up to the 各 word
    assisting: re.Pattern[str]  # 配合: a unit told to help another (各村、派出所要配合…) owns nothing
    unit_act: re.Pattern[str]  # 具体, 组织实施, 业务指导: how a unit in a labelled list takes part, not its name
    modal_before_duty: re.Pattern[str]  # 要积极: a modal and its adverbs ending a unit told its duty
    told_inside: re.Pattern[str]  # 各部门要积极|向上协助: a modal and adverb inside what reads as units


@lru_cache(maxsize=4)
def load_owner_cues(owner_labels: tuple[str, ...], deadline_labels: tuple[str, ...]) -> OwnerCues:
    data = json.loads((models_dir() / "extract" / "owners.json").read_text(encoding="utf-8"))
    labels = _alternation(owner_labels)
    every_label = _alternation(owner_labels + deadline_labels)
    words = _alternation(data["responsibility_words"])
    units = _alternation(data["distributive_units"])
    prefixes = _alternation(data["distributive_prefixes"])
    return OwnerCues(
        labelled=re.compile(rf"(?<!各)(?:{labels})(?:[（(][^（）()]{{1,6}}[）)])?\s*(?:[：:]|为)\s*(?P<value>.+?)"
                            rf"(?=\s*(?:{every_label})(?:[（(][^（）()]{{1,6}}[）)])?\s*[：:]|[。；;\n】\]]|$)"),  # 责任处室（单位）：
        responsible=re.compile(
            rf"(?:[（(]|由|^|(?<=[。；，,\n]))(?P<units>(?:[^（）()。；，,：:\n]|[（(][^（）()。；，,：:\n]{{1,8}}[）)]){{2,80}}?)"
            rf"(?P<modal>(?:要|应|须|应当)(?:{_alternation(data['duty_adverbs'])})*)?(?P<word>{words})(?=[）)，,。；]|$|(?!人|同志|的|任|范围|领域)[\u4e00-\u9fff])"
        ),
        distributive=re.compile(
            rf"(?:^|(?<=[。；，,：:、\n]))(?P<owner>(?:{prefixes})?各(?:级|有关)?(?:所在|(?![对在于将向从要应])[\u4e00-\u9fff]){{0,8}}?"
            rf"(?:{units})(?:[（(][^（）()]{{1,8}}[）)])?)"  # 各居委|对辖区…: a preposition ends the subject
        ),
        modal=re.compile(_alternation(data["modals"])),
        permission=re.compile(_alternation(data["permissions"])),
        responsibility_words=words,
        lead_words=tuple(data["lead_words"]),
        divided_work=re.compile(_alternation([w for w in data["responsibility_words"] if w not in data["lead_words"]])),
        unit_endings=tuple(sorted(data["unit_endings"], key=len, reverse=True)),
        people=re.compile(f"(?:{_alternation(data['people_nouns'])})"),
        people_endings=tuple(data["people_endings"]),
        heading_unit_endings=tuple(sorted(data["unit_endings"] + data["heading_unit_endings"], key=len, reverse=True)),
        enumeration=re.compile(f"(?:{_alternation(data['enumeration_words'])})[^。；;！？\\n]*$"),
        bracket_remark=re.compile(f"^(?:{_alternation(data['bracket_remark_openers'])})"),
        place_endings=tuple(data["place_endings"]),
        not_unit_endings=tuple(data["not_unit_endings"]),
        heading_act=re.compile(_alternation(data["heading_act_verbs"])),
        endings_before_a_name=tuple(data["endings_before_a_name"]),
        governed=re.compile(f"(?:{_alternation(data['governing_verbs'])})[^，,。；;]*$"),
        assisting=re.compile(_alternation(data["assisting_verbs"])),
        unit_act=re.compile(_alternation(data["unit_acts"])),
        modal_before_duty=re.compile(rf"(?<=\S{{2}})(?:要|应|须|需|必须)(?:{_alternation(data['duty_adverbs'])})*$"),
        told_inside=re.compile(rf"(?<=\S{{2}})(?:要|应|须|需|必须)(?:{_alternation(data['duty_adverbs'])})(?=\S)"),
    )


_QUALIFIERS = re.compile(
    r"(?:等)?(?:按照?职责分工|按职责|根据职责|依据职责|按照职责|(?:依据|根据|按照?)行业分管|分别|共同|分工|等有关部门|等部门|等单位)$|等$"
    r"|等(?:有关|相关)?[\u4e00-\u9fff]{0,4}?(?:处室|部门|单位)(?:[和及、](?:单位|部门))?(?:分工|分别|共同)?$"
)
_SENTENCE_END = re.compile(r"[。；;\n]")


def _leads_without_duty(text: str, match: re.Match[str], cues: OwnerCues) -> bool:
    """``由X牵头`` whose sentence divides no work after it (``由X牵头，Y组织开展…``): X leads the work but owns
    none of it; ``由X牵头，Y与Z分工负责``, ``由X牵头，Y配合`` and ``由X牵头负责`` keep X."""
    if match.group("word") not in cues.lead_words or text[max(0, match.start("units") - 1) : match.start("units")] != "由":
        return False
    end = _SENTENCE_END.search(text, match.end())
    return not cues.divided_work.search(text, match.end(), end.start() if end else len(text))


_RESPONSIBILITY_CLOSE = re.compile(r"[）)，,。；]|$|工作|相关|有关|组织|开展")  # X要负责（…）, X要牵头组织…
CLAUSE_REACH = 200  # characters looked back for the enumeration a distributive word stands in
_JOINED = re.compile(r"[与和]")  # 交通与建设处与资源生态处: two units joined by 与 (not the 与 inside a name)


def _units(value: str, cues: OwnerCues, *, split_joined: bool = False) -> list[str]:
    """The units of a list; in prose (``split_joined``) also units joined by 与/和. A labelled list
    (责任单位：…) is split at its punctuation only: 各司法所和派出所 is one entry there."""
    value = re.sub(r"[（(][^（）()]*(?:负责|分工)[^（）()]*[）)]$", "", value)  # X、Y（按职责分工负责）
    value = re.sub(rf"(?:{cues.responsibility_words})(?:单位|部门)?$", "", value)
    value = _QUALIFIERS.sub("", _QUALIFIERS.sub("", value))  # 省能源局、省发展改革委等按职责分工负责
    out = []
    for piece in _SPLIT.split(value):
        piece = compact(re.sub(rf"(?:{cues.responsibility_words})$", "", compact(piece)))
        duty = re.search(rf"(?:{cues.responsibility_words})", piece)
        if duty and duty.start() >= 3 and piece[: duty.start()].endswith(cues.unit_endings):
            piece = piece[: duty.start()]  # 区管委会办公室政策法规处负责法制审查工作: the unit, not its duty
        act = cues.unit_act.search(piece)
        if act and act.start() >= 3 and piece[: act.start()].endswith(cues.unit_endings):
            piece = piece[: act.start()]  # 白青乡人民政府组织实施, 区交通与建设局业务指导: the unit, not how it takes part
        piece = _QUALIFIERS.sub("", piece)
        piece = re.sub(r"^(?:[一二三四五六七八九十]是|其中)?(?:由|会同|联合|协同)?", "", piece)  # 二是交通与建设处牵头…, 其中X负责…
        piece = cues.modal_before_duty.sub("", piece)  # 片区各相关处室要积极配合…: the unit, not how it is told to help
        by = piece.rfind("由")
        if by > 0 and _is_unit(piece[by + 1 :], cues):  # 市政绿化管养由区城建中心: the unit after 由
            piece = piece[by + 1 :]
        for part in _joined_units(piece, cues) if split_joined else [piece]:
            if len(part) >= 2 and not re.search(r"[\d：:]", part):
                out.append(part)
    return out


def _joined_units(value: str, cues: OwnerCues) -> list[str]:
    """``交通与建设处与资源生态处`` → [交通与建设处, 资源生态处]: split at a 与/和 that has a whole unit on
    each side; a value without one stays whole."""
    for joint in _JOINED.finditer(value):
        left, right = value[: joint.start()], value[joint.end() :]
        if len(left) >= 2 and left.endswith(cues.unit_endings) and _is_unit(right, cues):
            return [left, *_joined_units(right, cues)]
    return [value]




# 牵头单位市场规范管理处、质量技术监督管理处配合单位消费者权益保护处、稽查支队，各分局工作任务: a notice laid out as
# a one-row table, its labelled cells run together without colons
_CELL_LABEL = re.compile(r"(?:牵头单位|配合单位|责任单位)")


def table_cell_owners(text: str, owner_labels: tuple[str, ...], deadline_labels: tuple[str, ...]) -> list[str]:
    """The units of the owner cells (牵头单位…配合单位…) of a one-row table notice's header, in order; a cell ends
    at the next label or at the section word after it."""
    cues = load_owner_cues(owner_labels, deadline_labels)
    labels = list(_CELL_LABEL.finditer(text))
    owners: list[str] = []
    for label, following in zip(labels, [*labels[1:], None], strict=False):
        value = text[label.end() : following.start() if following else len(text)]
        value = re.split(r"[。；;\n]|工作任务|主要任务|重点任务|时间安排|[ \t\u3000]", value.strip(" \t\u3000"))[0]
        units = [compact(u) for u in _units(value.strip("、，,"), cues)]
        if units and all(_is_unit(u, cues) for u in units):
            owners.extend(u for u in units if u not in owners)
    return owners


def _is_unit(value: str, cues: OwnerCues) -> bool:
    if value.endswith(cues.people_endings + cues.not_unit_endings) or value.startswith(("将", "把", "对", "与")):
        return False  # (强化社会|参与: 社会 ends in 会 and names no unit; 与派出所…: a partner, after its verb)
    value = re.sub(r"(?<=\S{2})[（(][^（）()]{1,8}[）)]$", "", value)  # 区综合执法局（区安监局）: the unit it also is
    return value.endswith(cues.unit_endings) or "各" in value


_HEADING_UNIT = re.compile(r"^\s*(?P<unit>[^\s，,。；;：:、]{2,30})\s*[：:]")
# （一）质量技术监督管理处: a department alone heads the item (not 成立…检查小组, 宣传…决策部署: an act)
_DEPARTMENT_END = "(?:处|科|室|局|中心|大队|支队|站|所)"  # how a department heading an item ends
_BARE_UNIT_HEADING = re.compile(rf"(?P<unit>[\u4e00-\u9fff]{{2,14}}{_DEPARTMENT_END})")


_UNIT_PREFIX = re.compile(rf"^\s*(?P<unit>[\u4e00-\u9fff]{{2,14}}?{_DEPARTMENT_END})(?=[\u4e00-\u9fff])")


def unit_prefix(heading: str) -> str | None:
    """The department a heading opens with, run into its paragraph (``知识产权保护处聚焦…``), or None."""
    match = _UNIT_PREFIX.match(heading)
    return match.group("unit") if match else None


def heading_unit(heading: str, owner_labels: tuple[str, ...], deadline_labels: tuple[str, ...]) -> str | None:
    """The unit an item heading consists of (``（一）政法综治处:``, ``（六）某供电所:供电企业应…`` → the
    unit before the colon; ``（一）质量技术监督管理处`` alone on its line): it owns the item and the items under it."""
    match = _HEADING_UNIT.match(heading)
    bare = _BARE_UNIT_HEADING.fullmatch(heading.strip()) if match is None else None
    if match is None and bare is None:
        return None
    unit = compact((match or bare).group("unit"))  # type: ignore[union-attr]
    if unit.endswith(owner_labels + deadline_labels):  # 牵头单位：… is a label, not a unit
        return None
    cues = load_owner_cues(owner_labels, deadline_labels)
    if bare is not None and cues.heading_act.search(unit):
        return None  # （二）构建…工作格局, 成立…检查小组: an act, not a department
    whole = re.sub(r"[（(][^（）()]*[）)]$", "", unit)  # 各村（社区）
    if whole.endswith(cues.place_endings + cues.not_unit_endings):
        return None  # （四）易燃易爆危险品场所：… names a kind of place, not who acts; 工作格局 no unit
    return unit if whole.endswith(cues.heading_unit_endings) or whole.startswith("各") else None



# a bracket of units that closes a paragraph of an item: …加强审计监督（区财政局、区审计局）。
_CLOSING_UNITS = re.compile(r"[（(](?P<units>[^（）()：:。\n]{3,120})[）)][。；;]?[ \t\u3000]*(?=\n|$)")


LABELLED_UNIT_MAX_CHARS = 30


def _within_bracket(value: str) -> str:
    """``value`` up to a closing bracket it did not open: (牵头单位：X；配合单位：Y、Z) ends at its ）, 〔责任分工：X〕 at
    its 〕."""
    depth = 0
    for index, char in enumerate(value):
        if char in "（(〔":
            depth += 1
        elif char in "）)〕":  # 〔责任分工：…依据职责负责〕
            if depth == 0:
                return value[:index]
            depth -= 1
    return value


LISTED_UNIT_MAX_CHARS = 12  # a unit listed beside a distributive subject (相关责任单位)
LISTED_NAMED_UNIT_MAX_CHARS = 20  # a named unit listed with one (区海洋与渔业执法支队第三大队)
_NAMED_UNIT = re.compile(r"[\u4e00-\u9fff（）()]+")


def _listed_named_unit(unit: str, cues: OwnerCues) -> bool:
    """A named unit (农业农村处) or another distributive one (各渔业村) in a distributive subject's list."""
    return 3 <= len(unit) <= LISTED_NAMED_UNIT_MAX_CHARS and bool(_NAMED_UNIT.fullmatch(unit)) \
        and (unit.endswith(cues.unit_endings) and _is_unit(unit, cues) or bool(cues.distributive.fullmatch(unit)))


def _without_person(unit: str, cues: OwnerCues) -> str:
    """``区交建局住房发展处高兆霞`` → ``区交建局住房发展处``: a person's name glued after a unit's name."""
    surnames = default_lexicon().common_surnames
    for size in (3, 2):
        head, tail = unit[:-size], unit[-size:]
        if len(head) >= 3 and tail[0] in surnames and head.endswith(cues.endings_before_a_name) \
                and not tail.endswith(cues.endings_before_a_name):
            return head
    return unit



_BRACKET = re.compile(r"[（(][^（）()\n]{4,160}[）)]")


def _one_list_across_commas(text: str, cues: OwnerCues) -> str:
    """``（A、B，C等按职责分工负责）``: a comma between units of one list before its responsibility word, read as 、
    (the text keeps its length: spans stay where they were)."""
    def joined(bracket: re.Match[str]) -> str:
        pieces = re.split(r"([，,])", bracket.group())
        for at in range(2, len(pieces) - 1, 2):
            before, after = pieces[at - 2].lstrip("（("), pieces[at].rstrip("）)")
            units = [compact(u) for u in before.split("、")]
            if units and all(_is_unit(u, cues) and not re.search(cues.responsibility_words, u) for u in units) \
                    and re.search(rf"(?:{cues.responsibility_words})$", after):
                pieces[at - 1] = "、"
        return "".join(pieces)
    return _BRACKET.sub(joined, text)


_LIST_START = re.compile(r"[。；;，,：:！？\n]")
_POINT_OPENER = re.compile(r"^(?:[一二三四五六七八九十]+是|首先|其次|同时|此外)")


def _listed_before(text: str, position: int, cues: OwnerCues) -> list[str]:
    """The named units a subject's list prints before its distributive unit at ``position`` (``政法综治处、各村要…``:
    政法综治处), when everything from the clause's start to it is such units joined by 、, 和 or 及."""
    starts = [m.end() for m in _LIST_START.finditer(text, max(0, position - CLAUSE_REACH), position)]
    lead = text[starts[-1] if starts else max(0, position - CLAUSE_REACH) : position]
    if not re.search(r"[、和及]\s*$", lead):
        return []
    lead = _POINT_OPENER.sub("", lead.lstrip())  # 一是各处室、各单位要…: the point's number, no unit
    pieces = [compact(piece) for piece in re.split("[、和及]", lead)[:-1]]
    return pieces if pieces and all(_listed_named_unit(piece, cues) for piece in pieces) else []


def find_owners(text: str, owner_labels: tuple[str, ...], deadline_labels: tuple[str, ...]) -> list[str]:
    """The owners of one task, from its own text, in the order they are printed."""
    cues = load_owner_cues(owner_labels, deadline_labels)
    text = _one_list_across_commas(text, cues)
    found: list[tuple[int, str]] = []
    labelled_spans: list[tuple[int, int]] = []
    for match in cues.labelled.finditer(text):
        labelled_spans.append(match.span())
        # 区交建局各村, 区公安局苏平支队各村委会: two units; 局各处室 (the bureau's own offices, after a comma): one
        value = re.sub(r"(?<=[\u4e00-\u9fff][局委办厅部院署室队])(?=各)", "、", _within_bracket(match.group("value")))
        for unit in _units(value, cues):
            unit = _without_person(unit, cues)  # 牵头单位联系人：区交建局住房发展处高兆霞: the unit, not the person
            if unit.endswith(cues.people_endings):
                continue  # 包片干部和社区干部: people, not a unit
            if "《" not in unit and len(unit) <= LABELLED_UNIT_MAX_CHARS:  # …各村居 以上八类整治重点以《…: a sentence ran on
                found.append((match.start("value"), unit))
    claimed: list[tuple[int, int]] = list(labelled_spans)  # stretches whose units are already read
    for match in cues.responsible.finditer(text):
        if any(lo <= match.start() < hi for lo, hi in labelled_spans) or match.group("units").endswith(("要求", "请求")):
            continue  # (各部门要求协助处理的案件: what is asked for, not who does it)
        if match.group("modal") and not _RESPONSIBILITY_CLOSE.match(text, match.end()):
            continue  # 派出所、综合执法大队要配合市场监管局…: named units told what to do, not owners
        if cues.governed.search(match.group("units")):
            continue  # 鼓励各领域各类主体主动参与…: those a verb encourages, not owners
        if cues.told_inside.search(match.group("units")):
            continue  # 各部门要积极向上|协助争取支持: the subject told before its act (read as one below), not a unit
        if _leads_without_duty(text, match, cues):
            continue  # 由市场规范处牵头，辖区分局组织开展…: who leads, no duty of its own
        listed = _units(match.group("units"), cues, split_joined=True)
        units = [u for u in listed if _is_unit(u, cues)]
        if units and len(units) == len(listed):
            found.extend((match.start("units"), unit) for unit in units)
            claimed.append(match.span("units"))
    for at, unit in _told_list(text, cues):  # 农业农村处和区海洋与渔业执法支队第三大队要…: each listed unit
        if not any(lo <= at < hi for lo, hi in claimed):
            found.append((at, unit))
    for match in _CLOSING_UNITS.finditer(text):  # …（区财政局、区审计局）: units closing the item
        if any(lo <= match.start() < hi for lo, hi in claimed):
            continue
        # （政法综治处、各村居负责）: the units, not their duty
        listed = [_QUALIFIERS.sub("", re.sub(rf"(?:{cues.responsibility_words})$", "", compact(piece)))
                  for piece in re.split(r"[、，,；;]", match.group("units"))]
        if listed and not cues.bracket_remark.match(listed[0]) and all(len(piece) >= 3 and _is_unit(piece, cues) for piece in listed) \
                and any(not piece.startswith("各") for piece in listed):
            found.extend((match.start("units"), piece) for piece in listed)
            claimed.append(match.span())
    for match in cues.distributive.finditer(text):
        if any(lo <= match.start() < hi for lo, hi in claimed):
            continue  # 责任单位：…、各包村工作队、各村委会配合: those units are read whole already
        clause_end = _CLAUSE.search(text, match.end())
        clause = text[match.end() : clause_end.start() if clause_end else len(text)]
        permission = cues.permission.search(clause)
        duty = cues.modal.search(clause)
        if not clause.strip() or permission and not (duty and duty.start() < permission.start()):
            continue  # 各省可…: a permission gives no duty
        if not duty and text[: match.start()].rstrip().endswith(("：", ":")) and "的" in re.split(r"[，,；;]", clause)[0]:
            continue  # 以下四类：区直各部门向企业核发的各类证照: a noun phrase listed, not a subject
        if not duty and cues.enumeration.search(text, max(0, match.start() - CLAUSE_REACH), match.start()):
            continue  # 主要包括卫生院、各健康检测等待区域、…场所等: one of the things listed, not a subject
        lead = text[max(0, match.start() - CLAUSE_REACH) : match.start()]
        lead = re.split(r"[，,。；;：:\n]", lead)[-1]
        if cues.governed.search(lead):
            continue  # 依托新片区管委会、各镇既有的信息平台: an object of the clause's verb, not its subject
        owner = compact(match.group("owner"))
        if duty and cues.people.match(clause):
            continue  # 各学校教师要…: the people of the units are told, not the units
        listed_with: list[str] = []
        if duty:  # 各省（区、市）|人民政府要…, 各村|党支部要…: the subject runs on to a unit before its duty
            pieces = re.split("[、和及]", clause[: duty.start()])
            rest = pieces[0]  # 各辖区|派出所、综合执法大队要…
            if re.fullmatch(r"各[\u4e00-\u9fff]{1,5}", rest) and rest.endswith(cues.unit_endings):
                listed_with.append(rest)  # 各部门各单位要…: two kinds of unit, each told
            elif re.fullmatch(r"[\u4e00-\u9fff]{1,6}", rest) and rest.endswith(cues.unit_endings) \
                    and not rest.startswith(("对", "在", "于", "将", "按", "向", "从")):  # 各居委对辖区…要: no unit
                owner += rest
        else:  # 各居村、相关责任单位于6月20日前…: the subject ends where its date or act begins
            pieces = re.split(r"(?:于|在|对|将|按照)", clause)[0:1]
            pieces = re.split("[、和及]", pieces[0]) if pieces else []
        # 各联合党委、农业农村处和各渔业村要组织…: named units in the subject's list own it, unless told to help another
        # unit (…要配合…) or the list is no subject (a comma before the duty)
        names_own = duty is not None and not cues.assisting.match(clause, duty.end()) \
            and not re.search("[，,：:]", clause[: duty.start()])
        for piece in pieces[1:]:  # 各居村、相关责任单位要…: the units listed with it own the item too
            unit = compact(piece)
            # a class of units (相关责任单位, 有关部门), not a named one (综合执法大队要配合…: told, not owning)
            if 2 <= len(unit) <= LISTED_UNIT_MAX_CHARS and unit.startswith(("相关", "有关", "各")) \
                    and unit.endswith(("单位", "部门")) or names_own and _listed_named_unit(unit, cues):
                listed_with.append(unit)
        if names_own:  # 交通与建设处、政法综治处、辖区各派出所…要…: the named units listed before it own it too
            found.extend((match.start() - 1, unit) for unit in _listed_before(text, match.start(), cues))
        found.append((match.start(), owner))
        found.extend((match.start() + 1, unit) for unit in listed_with)
    labelled_units = {unit for at, unit in found if any(lo <= at < hi for lo, hi in labelled_spans)}
    owners: list[str] = []
    for _, owner in sorted(found, key=lambda item: item[0]):
        if owner in owners or owner.startswith("各") and any(
                unit != owner and unit.startswith(owner) for unit in labelled_units):
            continue  # 各村要… beside 责任单位：各村委会: the same party, named shorter
        owners.append(owner)
    return owners


# a sentence opening with two or more parties and the modal that tells them their duty: 农机、财政部门要…,
# 气象、水利、自然资源等部门要… (a single named unit told so owns nothing: the first owner convention)
_TOLD_LIST = re.compile(r"(?:^|(?<=[。；;\n]))[ \t\u3000]*(?P<units>[\u4e00-\u9fff（）()]{1,24}?(?:[、和及][\u4e00-\u9fff（）()]{1,24}?){1,8}?)"
                        r"(?P<kind>等(?:有关|相关)?(?:部门|单位))?(?P<modal>要(?!求|素|点|件)|应当|应(?!急|用|对|收|付|聘|届)|须(?!知)|必须)")
TOLD_LIST_PIECE_MAX_CHARS = 16
SHARING_PIECE_MAX_CHARS = 3  # 农机、财政部门: a bare word this short before a unit shares its ending
_SUMMED_UP = re.compile(r"等(?:有关|相关)?(?:部门|单位)$")
_AND = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和及](?=[\u4e00-\u9fff]{2})")


def _told_list(text: str, cues: OwnerCues) -> list[tuple[int, str]]:
    """The parties a sentence lists before the modal that tells them their duty, each an owner: printed as they
    are when 等部门 sums them up (气象、水利、自然资源等部门要…), else each a unit, a bare first word sharing the last
    unit's ending (农机、财政部门 → 农机部门, 财政部门; 区、县相关燃气主管部门 → 区相关燃气主管部门, …). A list told to
    help another unit (…要配合…), or given leave (可), owns nothing."""
    found: list[tuple[int, str]] = []
    for match in _TOLD_LIST.finditer(text):
        if "各" in match.group("units") or cues.assisting.match(text, match.end()) \
                or cues.permission.match(text, match.end()):
            continue  # (a 各 subject and the units listed with it are read as a distributive subject)
        units, kind = match.group("units"), match.group("kind")
        summed = _SUMMED_UP.search(units)
        if summed is not None:  # (the list's characters ran on to its 等部门)
            units, kind = units[: summed.start()], summed.group()
        pieces = [compact(piece) for piece in re.split("、", units)]
        pieces = [part for piece in pieces for part in _joined_units(piece, cues)]
        if kind:  # 公安、消防和城管等部门: 和 and 及 join parties too, but not inside one unit's name (住房和城乡建设局)
            pieces = [part for piece in pieces for part in ([piece] if _is_unit(piece, cues) else _AND.split(piece))]
        if len(pieces) < 2 or any(not 1 <= len(piece) <= TOLD_LIST_PIECE_MAX_CHARS or "等" in piece
                                  or piece.endswith(cues.place_endings) for piece in pieces):
            continue  # (客运站点、客运码头等人员密集场所要…: places, not who acts)
        if not kind:
            last = pieces[-1]
            if not _is_unit(last, cues) or len(last) < 3:
                continue
            shared = [piece + last[len(piece) :] if not _is_unit(piece, cues) and len(piece) <= SHARING_PIECE_MAX_CHARS
                      and len(piece) < len(last) - 1 else piece for piece in pieces[:-1]]
            if not all(_is_unit(piece, cues) and len(piece) >= 3 for piece in shared):
                continue  # (…局整治|办、局道安办要: a word cut off, no unit)
            pieces = [*shared, last]
        found.extend((match.start("units") + index, piece) for index, piece in enumerate(pieces))
    return found

