"""Run-on texts: a whole notice crawled onto one line (title, 文号, 主送, body and signature run
together, or separated by single spaces) broken back into its printed lines."""


import bisect
import re
from functools import lru_cache

# ---------------------------------------------------------------- run-on texts
from docproc.extract.dates import all_full_dates, chinese_number, is_full_date
from docproc.extract.frame_cues import (
    SPACE,
    FrameCues,
    compact,
    is_organ,
    is_title_like,
    load_frame_cues,
    looks_like_recipients,
    text_lines,
)
from docproc.extract.leader_lexicon import default_lexicon
from docproc.extract.metadata import DOC_NUMBER, ISSUED_BOOK_TITLE_END
from docproc.extract.outline import load_section_classes
from docproc.extract.signature import PLACE_OPENING, PLACE_WORDS, SEAL_REMARK
from docproc.extract.textmatch import SECTION_NUMBER, occurrences, unclosed_brackets
from docproc.normalize.offsets import Edit

_SPACE_RUN = re.compile(f"[{SPACE}]+")
_TOKEN = re.compile(r"\S+")
_SPACED_RUN = re.compile(f"[^{SPACE}](?:[{SPACE}]+[^{SPACE}])+")  # 务 院: single characters spaced for print
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = "。；！？!?;"
_CLAUSE_CLOSE = re.compile(f"[{re.escape(_SENTENCE_END)}）)]")  # a sentence's end or a closing bracket
_MARKER = re.compile(
    r"(?P<chapter>[一二三四五六七八九十]{1,3}、)"
    rf"|(?P<section>{SECTION_NUMBER})"
    r"|(?P<item>(?<![\d.．])\d{1,2}[.．、](?:(?![\d%])|(?=(?:19|20)\d\d年)))"  # 4.2018年…统计表: an item on a year
    r"|(?P<subitem>[（(]\d{1,2}[）)])"
    r"|(?P<stage>第[一二三四五六七八九十]{1,3}(?:阶段|部分)[:：]?)"
)
_MARKER_FOLLOWER = re.compile(r"[\u3400-\u9fff“《（(]")
_LABEL_JUST_BEFORE = re.compile(r"附\s*件\s*[：:]?\s*$")  # 附件： right before the word: its title opens it
_PLACE_END = re.compile(rf"(?:{PLACE_WORDS}|村)$")
_YEAR_FOLLOWS = re.compile(r"(?:19|20)\d\d年")
_IMPRINT = re.compile(r"\s*印[发發]")



def _own_doc_number(line: str, cues: FrameCues) -> re.Match[str] | None:
    """The document's own 文号 near the start of a run-on line (not a number cited in brackets)."""
    for match in DOC_NUMBER.finditer(line, 0, min(len(line), 600)):
        # what stands before the code itself (the pattern's agency may have taken the title's tail:
        # 关于印发…方案的通知|国发〔1988〕72号 is the notice's own number, not one cited after 印发)
        code = _agency_start(line, match, cues)
        before = line[max(0, code - 12) : code]
        if re.search(r"[（(《〈]|根据|按照|依据|转发|印发", before) and not re.search(r"[）)》〉]", before):
            continue
        return match
    return None


def _agency_start(line: str, match: re.Match[str], cues: FrameCues) -> int:
    """Where the agency code of ``match`` starts: after a title's document-type word or a space."""
    agency = match.group("agency")
    start = match.start("agency")
    ends = [cut + len(suffix) for suffix in cues.doc_type_suffixes
            if (cut := agency.rfind(suffix)) >= 0 and cut + len(suffix) < len(agency)]
    if ends:  # the last document-type word before the code (…方案的通知|岚综管办)
        return start + max(ends)
    trimmed = re.split(r"[的据照和及与、]", agency)[-1] or agency
    return start + len(agency) - len(trimmed)


_LEVELS = ("chapter", "section", "item", "subitem")


def _marker_number(match: re.Match[str]) -> int | None:
    digits = re.sub(r"[^\d一二三四五六七八九十]", "", match.group(0))
    if not digits:
        return None
    return int(digits) if digits.isdigit() else chinese_number(digits)


@lru_cache(maxsize=1)
def _section_word_before() -> re.Pattern[str]:
    """A section's word (工作任务, 时间安排, 注意事项 …: ``models/extract/sections.json``) ending the text before."""
    classes = load_section_classes()
    words = sorted({*classes.task, *classes.phase, *classes.not_task}, key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})$")


def _char_before(line: str, start: int) -> str:
    """The last character before ``start`` that is no space ("" if none): ``line[:start].rstrip(SPACE)[-1:]``,
    without copying the line."""
    index = start - 1
    while index >= 0 and line[index] in SPACE:
        index -= 1
    return line[index] if index >= 0 else ""


def _marker_breaks(line: str, last: dict[str, int], cues: FrameCues, inline_points: bool = False) -> list[int]:
    """Positions before numbering markers that open an item inside a long line: after a sentence,
    a colon or a space, right after a short heading, or — glued to the text before it — when it is
    the next number of its sequence (``…完成时限：9月25日前（二）分类…`` after （一））. ``last`` holds
    the last number seen of each marker kind and is updated."""
    breaks: list[int] = []
    last_chapter_at = last_item_at = -10_000
    for match in _MARKER.finditer(line):
        start = match.start()
        kind = match.lastgroup or ""
        follower = line[match.end() : match.end() + 2].lstrip(SPACE)[:1]
        if not follower or not (_MARKER_FOLLOWER.match(follower) or _YEAR_FOLLOWS.match(line, match.end())):
            continue
        sentence = line[line.rfind("。", 0, start) + 1 : start]
        if sentence.count("“") > sentence.count("”"):
            continue  # a numbering quoted in a sentence (分点罗列“1.…；2.…”)
        if kind in ("item", "subitem") and unclosed_brackets(sentence) > 0:
            continue  # …“八不准”规定（1.不准…；2.不准…）: points listed inside a bracket
        previous = _char_before(line, start)
        if inline_points and kind == "subitem" and previous in ("：", ":", "；", ";"):
            continue  # a paragraph of a copy printed line by line: 范围包括：（1）…；（2）… stay its points
        number = _marker_number(match)
        strong = not previous or previous in _SENTENCE_END + "：:" or start and line[start - 1] in SPACE
        heading_run = (
            kind in ("section", "item", "subitem")
            and 0 < start - last_chapter_at <= cues.heading_max_chars
            and "。" not in line[last_chapter_at:start]
        ) or (  # 2.国有经济布局得到优化(1)推进…: an item's short heading, then its first point glued to it
            kind == "subitem" and number == 1
            and 0 < start - last_item_at <= cues.heading_max_chars
            and not re.search(r"[。；;，,]", line[last_item_at:start])
        )
        in_sequence = kind in _LEVELS and number is not None and number >= 2 and number == last.get(kind, 0) + 1
        # …各分局工作任务（一）创新监管方式…: a table's cells run together, the section's word then its first item
        after_section_word = kind == "section" and number == 1 and bool(_section_word_before().search(line, 0, start))
        if strong or heading_run or in_sequence or after_section_word:
            if start > 0:
                breaks.append(start)
            if kind in ("chapter", "section", "stage"):
                last_chapter_at = start
            if kind == "item":
                last_item_at = start
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
            before, rest = line[:d_start], line[d_end:].strip(SPACE)
            if (not rest or cues.chrome_line.match(rest)) and before.rstrip(SPACE)[-1:] in "。）)》":
                # …（闽建建〔2012〕11号） 二〇一二年四月十日 (附件下载): the date closing the text, no organ
                breaks.extend([d_start, d_end] if rest else [d_start])
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


# a decree's head: ``…令第 606 号`` opening the text, its promulgation sentence, then the signer
# (``总　理　温家宝``) and the date, run together with the decree's own title
_DECREE_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,20}令[ \t\u3000]*第[ \t\u3000]*\d{1,5}[ \t\u3000]*[号號]")
_SIGNER = re.compile(
    r"(?<=。)(?:总[ \t\u3000]*理|主[ \t\u3000]*席|省[ \t\u3000]*长|市[ \t\u3000]*长|县[ \t\u3000]*长|部[ \t\u3000]*长"
    r"|局[ \t\u3000]*长|主[ \t\u3000]*任)[ \t\u3000]+[\u4e00-\u9fff]{2,4}(?=[ \t\u3000]*(?:19|20|[一二]〇|[一二]○|[一二]零))"
)


def _decree_breaks(line: str) -> list[int]:
    """``国务院令第432号 | 《…》已经…通过，现予公布。 | 总理 温家宝 | 二○○五年二月十五日 | 电力监管条例…``."""
    head = _DECREE_HEAD.match(line)
    if head is None:
        return []
    breaks = [head.end()]
    signer = _SIGNER.search(line, head.end(), head.end() + 400)
    if signer is not None:
        breaks.append(signer.start())
        dates = [span for _, span in all_full_dates(line[signer.end() : signer.end() + 20])]
        if dates and dates[0][0] <= 3:
            breaks.extend([signer.end() + dates[0][0], signer.end() + dates[0][1]])
    return breaks


ATTACHMENT_REACH = 300  # characters back from a signature's word to the 附件 label of a title glued to it
_ATTACHMENT_BEFORE = re.compile(rf"附\s*(?:件|[：:])[^。；;]{{0,{ATTACHMENT_REACH}}}$")


def _organs_before(line: str, position: int, cues: FrameCues) -> list[int]:
    """Starts of the organ names standing right before ``position`` (a signature's date), or []."""
    head = line[:position].rstrip(SPACE)
    remark = list(SEAL_REMARK.finditer(head))
    if remark and not head[remark[-1].end() :].strip(SPACE):  # ORGAN（党政办公室代章） DATE
        head = head[: remark[-1].start()].rstrip(SPACE)
    floor = max(head.rfind(c) for c in _SENTENCE_END + "）)》”：:") + 1
    starts: list[int] = []
    first_start = first_end = -1  # the word of the first organ read so far
    for start, end in reversed(_words(head, floor)):
        word = head[start:end]
        if starts and starts[0] == first_start and _organ_head(word, cues) \
                and not _opens_with_place(head[first_start:first_end]) \
                and is_organ(word + head[first_start:first_end], cues):
            starts[0] = start  # 平潭…党工委农村工作 领导小组办公室: one organ broken by a space
            break
        # …联席会议制度国务院 after 附件：: an attachment's title glued to the organ (not a whole organ after a
        # sentence: 。平潭…行政审批制度改革工作小组办公室)
        label_reach = max(0, start - ATTACHMENT_REACH - len("附 件 12："))  # the reach, and the label before it
        glued = _glued_title(word, cues) if _ATTACHMENT_BEFORE.search(head, label_reach, start) else None
        if glued is None and is_organ(word, cues):
            if _spaced_head_glued(head, start, word, cues):  # …名单国 务 院: the 国 belongs to the organ
                starts.insert(0, start - 2)
                break
            # 平潭…经济发展局平潭…财政金融局: organs a copy ran together
            glued_organs = _glued_organs(word, cues)
            after_title = _title_of_no_kind(word, cues) if glued_organs == [0] and _LABEL_JUST_BEFORE.search(
                head, 0, start) else None
            if after_title is not None:  # 附件：…病种种类|平潭…管委会办公室: the title, then the organ
                starts.insert(0, start + after_title)
                break
            starts[0:0] = [start + at for at in glued_organs]
            first_start, first_end = start, end
            continue
        if glued is not None:
            starts.insert(0, start + glued)
        break
    return starts


def _opens_with_place(word: str) -> bool:
    place = PLACE_OPENING.match(word)
    return place is not None and place.end() >= 3


def _organ_head(word: str, cues: FrameCues) -> bool:
    """``word`` is the head of an organ a space broke (``平潭综合实验区党工委农村工作`` before ``领导小组办公室``): it opens
    with a place of three characters or more, is all CJK, and is no organ, title or post of its own."""
    return _opens_with_place(word) and bool(re.fullmatch(r"[\u4e00-\u9fff]{4,16}", word)) \
        and not is_organ(word, cues) and not word.endswith(cues.title_words) \
        and not any(post in word for post in default_lexicon().titles)  # 区土地开发总公司总经理: a member's post


GLUED_ORGAN_MIN_CHARS = 6


def _glued_organs(word: str, cues: FrameCues) -> list[int]:
    """Where each organ run onto the one before starts in ``word`` (``…行政审批局国家税务总局…税务局``): [0, …]."""
    starts = [0]
    while True:
        head = word[starts[-1] :]
        found = next((index for index in range(GLUED_ORGAN_MIN_CHARS, len(head) - GLUED_ORGAN_MIN_CHARS + 1)
                      if head[index:].startswith((head[:2], *cues.organ_openers)) and is_organ(head[:index], cues)
                      and is_organ(head[index:], cues)), None)
        if found is None:
            return starts
        starts.append(starts[-1] + found)


def _spaced_head_glued(head: str, start: int, word: str, cues: FrameCues) -> bool:
    """Whether a name spaced for print (``务 院``) lost its first character to the word before it
    (``…名单国 务 院``): that character, a space, then the run, and with it the run is an organ."""
    if _SPACED_RUN.fullmatch(word) is None or start < 3 or head[start - 1] not in SPACE:
        return False
    first = head[start - 2]
    return _CJK.match(first) is not None and head[start - 3] not in SPACE and is_organ(first + compact(word), cues)


_JOINING_WORDS = ("与", "暨", "與")


def _words(text: str, floor: int) -> list[tuple[int, int]]:
    """Spans of the space-separated words of ``text[floor:]``; a run of single characters
    (``国 务 院``, a word spaced for print) is one word, and so is a word with the one before it when
    a conjunction opens it (a name the page broke: ``…成果巩固 与乡村振兴工作领导小组办公室``)."""
    words: list[tuple[int, int]] = []
    single_run = False
    for match in re.finditer(f"[^{SPACE}]+", text[floor:]):
        start, end = floor + match.start(), floor + match.end()
        single = end - start == 1
        if single and single_run or words and text.startswith(_JOINING_WORDS, start):
            words[-1] = (words[-1][0], end)  # (…扶贫开发成果巩固 与乡村振兴…办公室: a line no conjunction opens)
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


def _title_of_no_kind(word: str, cues: FrameCues) -> int | None:
    """Where an organ starts again with its place after an attachment's title of no known kind
    (``…门诊特殊病种种类平潭综合实验区管委会办公室`` → 平潭…), or None."""
    return next((index for index in range(4, len(word) - 3) if _opens_with_place(word[index:])
                 and not _opens_with_place(word[index - 1 :])  # (国家税务总局平|潭…: the place goes on to the left)
                 and not _PLACE_END.search(word[:index])  # (平潭综合实验区|苏平片区管理局: one organ, place by place)
                 and is_organ(word[index:], cues) and not is_organ(word[:index], cues)), None)


def _is_short_heading(token: str, cues: FrameCues) -> bool:
    """``一、组织领导``: a numbered heading without sentence punctuation, run into its paragraph."""
    match = _MARKER.match(token)
    return match is not None and len(token) <= 24 and not re.search(r"[。，；：:,;]", token[match.end() :])


BOOK_TITLE_REACH = 40  # characters from a space to the 《 and the 》 around it, when it is inside a book title
SPACE_CUE_REACH = 400  # characters after a space that the cues for a break there read (a label, a title, recipients)
_NEXT_TOKEN = re.compile(r"\s*(\S+)")


def _inside_book_title(before: str, after: str) -> bool:
    """Whether the space between ``before`` and ``after`` stands inside one 《…》."""
    # (looked for within the reach only: a 《 or 》 farther away gives False either way)
    opened = before.rfind("《", max(0, len(before) - BOOK_TITLE_REACH))
    closed = after.find("》", 0, BOOK_TITLE_REACH + 1)
    return opened >= 0 and len(before) - opened <= BOOK_TITLE_REACH and "》" not in before[opened:] \
        and 0 <= closed <= BOOK_TITLE_REACH and not re.search(r"[。；！？《]", before[opened + 1 :] + after[:closed])


def _book_title_spaces(line: str) -> list[tuple[int, int]]:
    """Spaces a crawled copy left inside a book title (《…“中秋、国庆” 期间…》): removed, as the title
    is printed without them."""
    return [m.span() for m in _SPACE_RUN.finditer(line)
            if _inside_book_title(line[max(0, m.start() - BOOK_TITLE_REACH - 1) : m.start()],
                                  line[m.end() : m.end() + BOOK_TITLE_REACH + 1])]  # (what it reads: a window each side)


def _space_breaks(line: str, cues: FrameCues) -> list[int]:
    """Breaks at the single spaces a crawled copy left where its lines were."""
    breaks: list[int] = []
    tokens = [token.span() for token in _TOKEN.finditer(line)]  # (what str.split() gives, as spans: found once)
    token_starts = [start for start, _ in tokens]
    for match in _SPACE_RUN.finditer(line):
        if match.start() == 0 or match.end() == len(line):
            continue
        # what each cue reads around the space: windows, not the whole line's two halves (a page on one line has
        # thousands of spaces)
        before = line[max(0, match.start() - BOOK_TITLE_REACH - 1) : match.start()]
        after = line[match.end() : match.end() + SPACE_CUE_REACH]
        previous = bisect.bisect_left(token_starts, match.start()) - 1
        token_before = line[slice(*tokens[previous])] if previous >= 0 else ""
        following = bisect.bisect_left(token_starts, match.end())
        token_after = line[slice(*tokens[following])] if following < len(tokens) else ""
        if token_after.count("《") > token_after.count("》") and 0 <= after.find("》", 0, 61) <= 60:
            # 平潭…关于印发《…“中秋、国庆” 期间…方案》的通知: the token runs to its book title's end
            closed = after.find("》", 0, 61)
            rest = _NEXT_TOKEN.match(line, match.end() + closed + 1)
            token_after = "".join(after[: closed + 1].split()) + (rest.group(1) if rest else "")
        if _inside_book_title(before, after):
            continue  # 关于印发《…“中秋、国庆” 期间…方案》的通知: a space inside a book title
        # 王 浩, 组 长: spacing inside a word
        if (len(token_before) == 1 or len(token_after) == 1) and not cues.role_label.match(after):
            continue
        if any((longer := cues.role_label.match(line, match.start() - back)) is not None and longer.end() > match.end()
               for back in range(1, min(3, len(token_before)) + 1)):
            continue  # 副 组 长：, 副局长副 主 任：: the role starts before this space
        reason = (
            before[-1] in _SENTENCE_END + "：:"
            or _is_short_heading(token_before, cues)
            or cues.structural_starts.match(after)
            or cues.role_label.match(after)
            or DOC_NUMBER.match(token_after)
            or is_full_date(token_before)
            or cues.chrome_line.match(token_after) or cues.chrome_line.match(token_before)
            or is_title_like(token_after, cues) and len(compact(token_after)) >= 10
            and not (token_after.startswith(("关于", "關於")) and is_organ(token_before, cues))  # 某管委会 / 关于…
            # 某局关于印发某区2018 网络…方案的通知: the title's own words on both sides
            and not (re.search("关于|關於", token_before) and not is_title_like(token_before, cues))
            # recipients after the title (关于…项目 申报的通知 各有关企业：…, broken by a space of its own) or after the
            # document's number (岚综实财〔2012〕51号 区直各预算单位：…)
            or "：" in after[:200] and looks_like_recipients(after[:200].split("：", 1)[0])
            and (is_title_like(token_before, cues) or DOC_NUMBER.fullmatch(token_before) is not None
                 or is_title_like(line[breaks[-1] if breaks else 0 : match.start()], cues))
            or _starts_sentence_after_list(token_before, token_after)
        )
        if reason:
            breaks.append(match.start())
    return breaks


def _starts_sentence_after_list(token_before: str, token_after: str) -> bool:
    """``… 魏为国 综合处 下设办公室，办公室挂靠…。``: a sentence (a clause with its comma) after the short
    unpunctuated words of a member list starts a new line."""
    return (
        0 < len(token_before) <= 12
        and not re.search(r"[，,。；;：:、]", token_before)
        and bool(re.match(r"[\u4e00-\u9fff]{2,12}[，,]", token_after))
        and bool(re.search(r"[。；]", token_after))
    )


def _structural_breaks(line: str, cues: FrameCues) -> list[int]:
    """Before 附件：/抄送：/（此件…）/（联系人… right after a sentence, without a space."""
    return [mark.end() for mark in _CLAUSE_CLOSE.finditer(line, 0, len(line) - 1)
            if cues.structural_starts.match(line, mark.end())]


def _role_breaks(line: str, cues: FrameCues) -> list[int]:
    """Before each role label of a member list run into one line (``…主任副组长：郭小童``)."""
    breaks = []
    for match in cues.role_label.finditer(line):
        start = match.start()
        if start and _CJK.match(line[start - 1]):
            # …管委会副主任 委 员：: a post's last word and a spaced role, not the role 副主任委员
            shorter = next((start + gap.end() for gap in re.finditer(f"[{SPACE}]+", match.group())
                            if len(match.group()[: gap.start()].split()[-1]) >= 2  # 副主任|委 员, not 副|组 长
                            and cues.role_label.fullmatch(match.group()[gap.end() :])), None)
            start = shorter if shorter is not None else start
        if start and (line[start - 1] in _SENTENCE_END + "：:" + SPACE or _CJK.match(line[start - 1])
                      or line[start - 1] in "）)"):
            breaks.append(start)
    return breaks


def _head_breaks(line: str, cues: FrameCues) -> list[int]:
    """Title | 文号 | 主送： at the start of a run-on line without spaces."""
    breaks: list[int] = []
    number = _own_doc_number(line, cues)
    after = 0
    title_before_number = False  # …的通知|国发〔1988〕72号|各省…：
    if number is not None:
        agency_start = _agency_start(line, number, cues)
        words = line[:agency_start].split()
        # the title's last word, or the whole title printed with spaces (…实施意见 的 通 知国办发…)
        title_before_number = agency_start > 0 and bool(words) and (
            is_title_like(words[-1], cues) or is_title_like(line[:agency_start], cues))
        if title_before_number:
            breaks.append(agency_start)
        breaks.append(number.end())
        after = number.end()
    # the title may follow (岚综管办〔2015〕173号平潭…的通知区直各单位：) or stand alone (…的通知各省：); a
    # page's own labels (当前位置：…  时间：…) may come first, so each colon's stretch is tried in turn
    title_end = -1
    start = after
    colon = after
    for _ in range(0 if title_before_number else 6):
        colon = line.find("：", start, after + 600)
        if colon < 0:
            colon = len(line)
        title_end = _title_end(line, start, colon, cues)
        if title_end >= 0 or colon == len(line):
            break
        start = colon + 1
    if title_end >= 0:
        breaks.append(title_end)
        if colon < len(line) and looks_like_recipients(line[title_end:colon]) \
                and not DOC_NUMBER.search(line[title_end:colon]):  # …的通知 岚金井委〔2020〕79号 来源：: a page label
            breaks.append(colon + 1)
    first_colon = line.find("：", after, after + 320)
    if title_end < 0 and number is not None and first_colon > after and looks_like_recipients(line[after:first_colon]):
        breaks.append(first_colon + 1)
    return breaks


TITLE_LINE_RECIPIENTS_MAX_CHARS = 80  # the longest 主送 read after a title that opens a line other than the head


def _title_then_recipients(line: str, cues: FrameCues) -> list[int]:
    """Title | 主送： at the start of a run-on line that is not the page's head line (the page repeats its
    title over the body: ``…关于成立…工作专班的通知各处室，各办事处：为进一步…``); none unless the piece
    before the document type is a whole title (关于, no sentence marks)."""
    colon = line.find("：", 0, 300)
    if colon < 0 or "关于" not in line[:colon]:  # (most pieces: no title before their first colon)
        return []
    end = _title_end(line, 0, colon, cues)
    if end <= 0 or "关于" not in line[:end] or re.search(r"[，。；,;]", line[:end]) \
            or len(compact(line[end:colon])) > TITLE_LINE_RECIPIENTS_MAX_CHARS \
            or not looks_like_recipients(line[end:colon]):
        return []
    return [end, colon + 1]


TITLE_RUN_MAX_CHARS = 60  # the longest rest of a title read past a type word inside it


def _title_goes_on(rest: str, cues: FrameCues) -> bool:
    """``rest`` (after a document type word) runs on to ``…的通知``: the title's own type is still to come."""
    match = re.match(rf"[^，,。；;：:、\s]{{1,{TITLE_RUN_MAX_CHARS}}}?的", rest)
    return match is not None and rest.startswith(cues.doc_type_suffixes, match.end())


def _title_end(line: str, start: int, colon: int, cues: FrameCues) -> int:
    """Where a title ending in a document type closes inside ``line[start:colon]``: before the
    recipients up to the colon, or before the body's first sentence (a 通报 without 主送); -1 if none."""
    head = line[start:colon]
    type_ends = {at + len(suffix) for suffix in cues.doc_type_suffixes for at in occurrences(suffix, head)}
    ends = sorted({end for end in type_ends if not unclosed_brackets(head[:end], "《", "》")}
                  | {end + 1 for end in type_ends if ISSUED_BOOK_TITLE_END.search(head[: end + 1])})
    for end in ends:
        words = head[:end].split()
        last = words[-1][:-1] if words and ISSUED_BOOK_TITLE_END.search(head[:end]) else words[-1] if words else ""
        if not last or not is_title_like(last, cues) or head[end : end + 1] in ("的", "》", "”"):
            continue
        if _title_goes_on(head[end:], cues):
            continue  # 关于严禁在实验区规划|建设用地上种植…的通知: a type word inside the title, its own type after
        if colon < len(line) and looks_like_recipients(head[end:]):
            return start + end
        if cues.sentence_opener.match(head, end):
            return start + end
    return -1


LINE_BY_LINE_MIN_LINES = 15  # a copy of at least this many lines, most of them short, was printed line by line


def split_run_on(text: str, cues: FrameCues | None = None) -> list[Edit]:
    """Edits that break every run-on line of ``text`` into its printed lines."""
    cues = cues or load_frame_cues()
    edits: list[Edit] = []
    long_lines = [line for line in text_lines(text) if line.end - line.start >= cues.run_on_min_chars]
    head = next((line for line in long_lines if _own_doc_number(line.text(text), cues)), None)
    if head is None and long_lines:
        head = long_lines[0]
    sequence: dict[str, int] = {}
    lines = list(text_lines(text))
    inline_points = len(lines) >= LINE_BY_LINE_MIN_LINES and len(long_lines) * 3 < len(lines)
    for line in lines:
        value = line.text(text)
        if line.end - line.start < cues.run_on_min_chars:
            _marker_breaks(value[:12], sequence, cues)  # a short line's own number continues the sequence
            continue
        positions: set[int] = set(_space_breaks(value, cues))
        positions.update(_marker_breaks(value, sequence, cues, inline_points))
        positions.update(_signature_breaks(value, cues))
        positions.update(_role_breaks(value, cues))
        positions.update(_structural_breaks(value, cues))
        if head is not None and line.start == head.start:
            positions.update(_head_breaks(value, cues))
            positions.update(_decree_breaks(value))
        cuts = sorted({0, *(p for p in positions if 0 < p < len(value)), len(value)})
        for lo, hi in zip(cuts, cuts[1:], strict=False):  # a piece that opens with the title again, then its 主送
            piece = value[lo:hi]
            skip = len(piece) - len(piece.lstrip(SPACE))
            positions.update(lo + skip + at for at in _title_then_recipients(piece[skip:], cues))
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
        edits.extend((line.start + lo, line.start + hi, "") for lo, hi in _book_title_spaces(value))
    edits.sort()
    merged: list[Edit] = []
    for edit in edits:
        if merged and edit[0] < merged[-1][1]:
            continue
        merged.append(edit)
    return merged


