"""The vocabulary of :mod:`docproc.extract.deadlines`, read from ``models/extract/deadlines.json`` into
compiled patterns once: what binds a date (前, 截止), what makes a sentence an obligation (modals,
obligation verbs), how what is due is read (send verbs, object markers, adverbs, manner phrases) and
which subjects and openers are left out of it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from docproc.extract.textmatch import alternation
from docproc.normalize.rules import models_dir

TIME = re.compile(r"\s*(?P<noon>上午|下午|中午|晚上|晚)?\s*(?P<time>\d{1,2}[:：]\d{2}|\d{1,2}\s*[时點点](?:半|\d{1,2}分)?)")
WEEKDAY = r"(?:\s*[（(](?:星期|周|礼拜)[一二三四五六日天][）)])?"  # 5月10日（周五）前


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return alternation(words, longest_first=True)


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class DeadlineCues:
    before: re.Pattern[str]  # 前/之前/以前 after the date (with an optional clock time)
    until: re.Pattern[str]  # 截止 before the date
    as_of_subject: re.Pattern[str]  # 数据 before 截止日期为: the data's cut-off, not a due date
    preposition: re.Pattern[str]  # 于/请于/应在 … before the date, at the end of the topic
    modal: re.Pattern[str]
    obligation_start: re.Pattern[str]
    send_verb: str
    receiver_link: str
    object_marker: str
    adverbs: str
    degree_adverbs: str
    manner: re.Pattern[str]
    receiver_trailer: re.Pattern[str]
    whole_receivers: str  # 管委会: a receiver by its bare word
    subject: re.Pattern[str]
    subject_fronting: re.Pattern[str]  # 各乡镇、各部门将…: a subject, anywhere, and the object marker after it
    item_label: re.Pattern[str]  # 牵头单位：, 完成时限：: an item's label (sections.json) that a what ran on into
    unit_subject: re.Pattern[str]
    daily: re.Pattern[str]  # 每日, 当天: a time of day alone after one of these in its sentence recurs daily
    daily_clock: re.Pattern[str]  # 8:00前: a time of day alone, one of ``recurring`` that only a daily cue makes one
    with_partner: re.Pattern[str]  # 与区…部门核对…, 会同…: a clause opening with the unit its act is done with
    modal_subject: re.Pattern[str]  # 示范区内…企业要|达到…: a subject of any shape ending as a unit, then its modal
    subject_breaking_verbs: tuple[str, ...]  # 完成, 报送: a subject holding one of these is a clause, not a subject
    procedural: re.Pattern[str]
    target: re.Pattern[str]
    goal: re.Pattern[str]
    condition_opener: re.Pattern[str]
    recurring: tuple[re.Pattern[str], ...]
    exhortation: re.Pattern[str]
    content: re.Pattern[str]  # 应包括…: a clause saying what a document holds
    sent_thing: re.Pattern[str]  # 情况, 报告, 名单 …: how a thing sent ends
    past: re.Pattern[str]  # 已, 累计, 完成了: what was done
    acting_unit: re.Pattern[str]  # the unit a fronted date's sentence opens with (and the unit it works with)
    done_by_unit: re.Pattern[str]  # 由区人力资源和公务员管理处|做好…: the unit the work is left to
    window_closes: re.Pattern[str]  # (下午17:30)(申报)截止 right after a date
    window_label: re.Pattern[str]  # 报名时间: the act a window is for
    complete_acts: frozenset[str]  # 开工, 完工: an act whole without an object
    item_done_acts: frozenset[str]  # 完成, 取得阶段性成果: an item's bracket says it is done by its date
    toward_act: re.Pattern[str]  # 向区经发局提出…: whom it goes to, then the act
    whole_act_first: re.Pattern[str]  # 整改到位、…, 完工并…: such an act before the next one
    caused: re.Pattern[str]  # 组织申报单位|编制…: who a causative verb makes act, before the act
    fronted_object_verbs: str  # 公布, 通告 …: a verb whose object 将 fronts before where it goes (在…向社会公布)
    period_goal: re.Pattern[str]  # 确保, 力争: a goal a period's end without 前 may date
    goal_reached: re.Pattern[str]  # …达到15%, 全面完成…: the clause after that date reaches it


WHOM = r"[^，,。；;向]{2,20}"  # whom a thing goes to after 向 (向区经发局提出…, 将…向区环保局报告)


@lru_cache(maxsize=1)
def load_deadline_cues() -> DeadlineCues:
    data = json.loads((models_dir() / "extract" / "deadlines.json").read_text(encoding="utf-8"))
    sections = json.loads((models_dir() / "extract" / "sections.json").read_text(encoding="utf-8"))
    partner_units = _alternation(data["named_unit_endings"])
    # 集中开展…: how gathered, before an act only (集中供养率 is a noun)
    degree = _alternation(data["degree_adverbs"]) \
        + rf"|(?:{_alternation(data['gathering_adverbs'])})(?=(?:{_alternation(data['caused_acts'])}))"
    obligation_start = (rf"(?:{_alternation(data['modals'])})?\s*(?:{degree})?"
                        rf"(?:{_alternation(data['obligation_verbs'] + data['send_verbs'] + data['object_markers'])})")
    daily_clock = re.compile(data["daily_clock"])
    return DeadlineCues(
        before=re.compile(rf"{WEEKDAY}(?:{TIME.pattern}|\s*(?:上午|下午|晚上)(?=\s*(?:下班|前|之前|以前)))?\s*(?:下班|工作日|24时)?\s*"
                          rf"(?:{_alternation(data['before_words'])})"),
        until=re.compile(rf"(?:{_alternation(data['until_words'])})(?:时间|日期)?(?:为|是|[：:])?\s*$"),
        as_of_subject=re.compile(rf"(?:{_alternation(data['as_of_subjects'])})$"),
        preposition=re.compile(rf"(?:{_alternation(data['date_prepositions'])})\s*$"),
        modal=re.compile(rf"(?<![主重需必提摘纪概相供反对适响效感])(?:{_alternation(data['modals'])})"),
        obligation_start=re.compile(obligation_start),
        degree_adverbs=degree,
        send_verb=rf"(?!{_alternation(data['send_verb_nouns'])})(?:{_alternation(data['send_verbs'])})",
        receiver_link=_alternation(data["receiver_links"]),
        object_marker=_alternation(data["object_markers"]),
        adverbs=_alternation(data["adverbs_before_verb"]),
        manner=re.compile("|".join(data["manner_phrases"])),
        whole_receivers=_alternation(data["whole_receivers"]),
        receiver_trailer=re.compile(rf"(?:进行)?(?:{_alternation(data['receiver_trailers'])})$"),  # (…局进行审核)
        subject=re.compile(rf"^各[^，。；、]{{0,10}}?(?:{_alternation(data['subject_units'])})"
                           rf"(?:[^，。；、和及与]{{0,3}}?(?:{_alternation(data['named_unit_endings'])})(?=[和及与、]))?"  # 各片区管理局和…
                           rf"(?:[（(][^）)]*[）)])?"
                           rf"(?:[和及与、][^，。；、]{{0,6}}?(?:{_alternation(data['subject_units'])}))*"),  # 各处室和单位
        item_label=re.compile(rf"\s*(?:{_alternation(sections['owner_labels'] + sections['deadline_labels'])})\s*[：:]"),
        subject_fronting=re.compile(
            rf"各[^，。；、将把]{{0,10}}?(?:{_alternation(data['subject_units'])})(?:[（(][^）)]*[）)])?"
            rf"(?:[和及与、]各?[^，。；、将把]{{0,6}}?(?:{_alternation(data['subject_units'])}))*"
            rf"(?:{_alternation(data['modals'])})*(?:{_alternation(data['object_markers'])})"),
        unit_subject=re.compile(
            rf"^(?![将把將向對对])(?:[^，。；、《]{{2,14}}?(?:{_alternation(data['subject_unit_endings'])})、)*"  # 财政部、发展改革委要…
            rf"[^，。；、《]{{2,14}}?(?:{_alternation(data['subject_unit_endings'])})"
            rf"(?=(?:{_alternation(data['subject_followers'] + data['obligation_verbs'])}))"
        ),
        daily=re.compile(_alternation(data["daily_cues"])),
        daily_clock=daily_clock,
        with_partner=re.compile(rf"^(?:{_alternation(data['acting_partner_verbs'])}|和|与)"),
        modal_subject=re.compile(
            rf"^(?![将把將向對对在于])(?P<subject>[^，,。；;《“：:]{{2,24}}?"
            rf"(?:{'|'.join(data['acting_unit_endings'])}|{_alternation(data['subject_unit_endings'])}))"
            rf"(?<![主重需必提摘纪概相供反对适响效感不])"
            rf"(?:必须|应当|要|应|须)(?![求点素件])(?=[\u4e00-\u9fff]{{2}})"),
        subject_breaking_verbs=tuple(data["obligation_verbs"] + data["send_verbs"]),
        procedural=re.compile(rf"^(?:{_alternation(data['procedural_openers'])})"),
        target=re.compile(rf"(?:^|[，,])\s*(?:{_alternation(data['target_openers'])})\s*$"),
        goal=re.compile(_alternation(data["goal_words"])),
        condition_opener=re.compile(rf"^(?:{_alternation(data['condition_openers'])})"),
        recurring=(*(re.compile(p) for p in data["recurring"]), daily_clock),
        exhortation=re.compile(_alternation(data["exhortations"])),
        content=re.compile(_alternation(data["content_verbs"])),
        sent_thing=re.compile(rf"(?:{_alternation(data['sent_things'])})$"),
        past=re.compile("|".join(data["past_markers"])),
        done_by_unit=re.compile(rf"^由[^，,。；;、]{{2,24}}(?:{partner_units})"
                                rf"(?=(?:{_alternation(data['done_by_acts'])}))"),
        acting_unit=re.compile(
            rf"^(?:[^，。；《“]{{1,24}}?(?:{'|'.join(data['acting_unit_endings'])})(?:[（(][^（）()]{{1,12}}[）)])?"
            rf"(?:(?:{_alternation(data['acting_partner_verbs'])})[^，。；《“]{{1,14}}?"
            rf"(?:{partner_units}))?"
            # 会同上海城投集团|完成…, 和上海城投集团共同|研究…: only the unit it works with
            rf"|(?:{_alternation(data['acting_partner_verbs'])}|和|与)[^，。；《“]{{1,14}}?"
            rf"(?:{partner_units})(?:共同)?)"
            r"(?:等(?:有关|相关)?(?:部门|单位))?"  # 联合区消防支队等部门|打造…: the others it works with
        ),
        window_closes=re.compile(
            rf"\s*(?P<clock>(?:上午|下午|晚上)?\s*\d{{1,2}}(?:[点时:：](?:\d{{2}}|半)?)(?:分)?)?\s*"
            rf"(?P<act>{_alternation(data['window_acts'])})?\s*(?:截止|止)(?![^，,。；;]*前)"
        ),
        window_label=re.compile(rf"(?P<act>{_alternation(data['window_acts'])})(?:时间|日期|期限)"),
        complete_acts=frozenset(data["complete_acts"]),
        item_done_acts=frozenset(data["item_done_acts"]),
        toward_act=re.compile(rf"向{WHOM}?(?:{obligation_start})"),
        whole_act_first=re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{_alternation(data['complete_acts'])})(?=、|并)"),
        fronted_object_verbs=_alternation(data["fronted_object_verbs"]),
        caused=re.compile(rf"^(?:{_alternation(data['causative_verbs'])})[^，,。；;]{{1,20}}?(?=(?:{_alternation(data['caused_acts'])}))"),
        period_goal=re.compile(_alternation(data["period_goal_openers"])),
        goal_reached=re.compile(rf"^[^，,。；;]{{0,30}}?(?:{_alternation(data['goal_reached_verbs'])})"),
    )
