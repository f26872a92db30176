"""Attachments (附件说明): the titles listed after 附件：/附：/附表：, numbered or not, on one line or
several, wrapped titles joined, editors' remarks and joined download links cut off. Used by
:func:`docproc.extract.metadata.extract_metadata`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docproc.extract.dates import parse_full_date
from docproc.extract.found import Found, Line, compact
from docproc.extract.textmatch import DOC_NUMBER

if TYPE_CHECKING:
    from docproc.extract.metadata import Metadata

_LABEL_NUMBER = r"(?:\d{1,2}(?:\s*[-－—]\s*\d{1,2})?|[一二三四五六七八九十]{1,2})"  # 1, 一, 1-2
_ATTACHMENT = re.compile(  # 附件：, 附件1：, 附件一：, 附件1-2：, and 附件1．X with the number's own dot
    rf"^附(?:件|表)?\s*(?:{_LABEL_NUMBER}\s*)?[：:]\s*(?P<rest>.*)$"
    rf"|^附(?:件|表)\s*{_LABEL_NUMBER}\s*[.．、]\s*(?=[\u4e00-\u9fff《“])(?P<dotted>.*)$")
_NUMBERED_LABEL = re.compile(rf"^附(?:件|表)\s*{_LABEL_NUMBER}")
_FIRST_DOTTED = re.compile(r"^附(?:件|表)\s*1\s*[.．]")  # 附件1. X: the label's 1 and its dot open a numbered list
_NUMBERED_ATTACHMENT = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,2}、)\s*(.+)$")


def _numbering(value: str) -> str:
    """The style an item is numbered in (``1.``, ``（1）``, ``一、``), so a list continues only in its own."""
    value = value.strip()
    return "paren" if value[:1] in "（(" else "chinese" if value[:1] in "一二三四五六七八九十" else "arabic"


def _rest(label: re.Match[str]) -> str:
    return (label.group("rest") if label.group("rest") is not None else label.group("dotted")).strip()
_BARE_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*$")
_REMARK_AFTER_TITLE = re.compile(r"[（(](?:略|另发|另附|另行印发)[）)]$")  # 安全检查表（略）: an editor's remark


def _attachment_title(value: str) -> str:
    value = re.split(r"\s+(?=(?:信息)?来源\s*[:：]|附件下载|发布(?:时间|日期)\s*[:：])", value)[0]  # … 来源：某局: the page's
    repeated = re.fullmatch(r"\s*(\S{4,})\s+\1\s*", value) or re.match(r"\s*(\S{4,}?)\s+附件\s*\d*\s+\1(?=\s|$)", value)
    if repeated:  # 附件：X X, 附件：X 附件 X 本企业…: a web copy printed the attachment's own heading (and text) after its line
        value = repeated.group(1)
    value = _CONTACT_AFTER_TITLE.split(value)[0]  # …拟补助名单 区经发局：0591-…（经信处）: the contacts after it
    value = compact(value)
    value = re.split(r"(?<=\S)附件\s*\d|(?<=[表单案则法见知录册）)])附件(?=[\u4e00-\u9fff])", value)[0]  # …检查表附件1…, …调度表附件平潭…
    value = re.split(r"(?<=[表单册录])序号(?=[\u4e00-\u9fff])", value)[0]  # …任务分解表序号任务类型…: the table's header
    value = re.split(r"(?<=\S{4})(?:抄送|抄报)[：:]", value)[0]  # …机构名单抄送：驻区…纪检组: the imprint's 抄送 ran on
    value = re.split(r"(?<=[表单册录书])(?:联系人|联系电话)[：:]", value)[0]  # …情况表联系人:郑方: the contact ran on
    value = re.sub(r"(?<=\S{4})附件$", "", value)  # …技术指南附件 (the attachment's own label, run onto its title line)
    suffix = _FILE_SUFFIX.search(value)
    if suffix and suffix.end() < len(value):  # ….docx国家能源局四川监管办公室: the signature after a file name
        value = value[: suffix.end()]
    elif suffix and re.search(r"[）)][\u4e00-\u9fff][^（）()]*关于", value[: suffix.start()]):
        # …（征求意见稿)华北能源监管局关于…的函.pdf: a download link the copy joined to the title (…（2024年修订版）
        # 补充修订条款.docx is one title)
        value = value[: re.search(r"[）)](?=[\u4e00-\u9fff])", value).end()]  # type: ignore[union-attr]
    value = _REMARK_AFTER_TITLE.sub("", value.rstrip("；;。，,")).rstrip("；;。，,")
    value = _without_repeated_heading(value)
    if _TITLES_THEN_NOUN.fullmatch(value) and value.endswith(title_words()):
        return value  # 《习近平在宁德》《习近平在厦门》大学习大讨论活动初步安排表: one title naming the books
    if value.startswith("《") and "》" in value:
        close = value.index("》")
        tail = value[close + 1 :]
        numbered = _NUMBER_LINE.match(tail)
        if numbered:  # 《关于印发…的通知》（岚综实旅发〔2018〕75号）平潭…管理局: the title and its 文号 (the signature ran on)
            return value[1:close] + numbered.group()
        if not tail:
            value = value[1:close]  # 《方案》: brackets enclosing the whole title are not part of it
        elif not _FILE_SUFFIX.fullmatch(tail) and ("《" in tail or not tail.endswith(title_words())):
            value = value[1:close]  # 《方案》 附表《…》填表人: the title alone (《报告书》填写说明 is a title of its own)
        # 《方案》.docx: printed as it is
    return value


def _without_repeated_heading(value: str) -> str:
    """``X附件X``: the attachment's heading printed again right after its line, read once spaces are gone (a
    heading spaced for print, ``…党的 二十大…``, matches only so; the spaced forms are read before)."""
    repeated = re.fullmatch(r"(?P<title>\S{4,}?)附件(?P=title)", value)
    return repeated.group("title") if repeated else value


_TITLES_THEN_NOUN = re.compile(r"(?:《[^《》]+》)+[\u4e00-\u9fff]{2,}")
_FILE_SUFFIX = re.compile(r"\.(?:docx?|wps|pdf|xlsx?|et|rar|zip|ofd|txt)", re.IGNORECASE)


def _numbered_run(value: str) -> list[tuple[int, str]]:
    """``1.X2.Y3.Z``, ``1：X2：Y`` (a list run into one line) → [(offset, X), (offset, Y), (offset, Z)]; [] if not."""
    markers = []
    expected = 1
    # 1.2016年…方案; 1：X2：Y (numbers closed by a colon)
    for match in re.finditer(r"(?<![\d.])(\d{1,2})\s*[.．、：:]\s*(?=\D|(?:19|20)\d\d年)", value):
        if int(match.group(1)) == expected:
            markers.append(match)
            expected += 1
    if len(markers) < 2 or markers[0].start() != 0:
        return []
    out = []
    for index, match in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(value)
        out.append((match.end(), value[match.end() : end].strip()))
    return out


def title_words() -> tuple[str, ...]:
    """How a document's or an attachment's title ends (方案, 名单, 统计表 …)."""
    from docproc.extract.frame_cues import load_frame_cues  # frame_cues reads this module's cues

    return load_frame_cues().title_words


WRAPPED_TITLE_MAX_CHARS = 40
_NUMBER_LINE = re.compile(rf"[（(]{DOC_NUMBER.pattern}[）)]")  # （闽商务〔2022〕108号）: a document's number in brackets
# …任务分解表（联系人：高某，电话：…）, …名单 区经发局：0591-23160001: a contact printed after the last title
_CONTACT_AFTER_TITLE = re.compile(r"[（(]联系人[：:][^（）()]*[）)]?\s*$|\s+[\u4e00-\u9fff]{2,12}[：:]\s*(?:\d{3,4}-)?\d{7,8}")
_PHONE_IN_TITLE = re.compile(r"[：:]\s*(?:\d{3,4}-)?\d{7,8}")
TITLE_MAX_CHARS = 80  # the longest real attachment title in dev gold has 69 (a joint notice with its 文号)


_CHECK_BOX = re.compile(r"[□☐■☑√]")  # 是否…；□是□否: a form's question, not a title


def _is_title(value: str) -> bool:
    """An attachment title is one phrase: a table's header row, a sentence run into the 附件 line
    (``附件：科技特派员典型案例姓名性别民族…``) or a form's question with its boxes is not one."""
    return len(value) <= TITLE_MAX_CHARS and "。" not in value and not _CHECK_BOX.search(value) \
        and not _PHONE_IN_TITLE.search(value)  # …名单区经发局:0591-23163127(经信处): a contact line ran on


def _wraps_title(title: str, line: str) -> bool:
    """Whether ``line`` is the rest of an attachment title the page wrapped: the title does not end as a
    title does, the line does, and the line is short and no sentence."""
    words = title_words()
    value = compact(line)
    ends = value.endswith(words) or len(value) <= 3 and (title + value).endswith(words)  # …企业名 / 单
    return (not title.endswith(words) and ends and len(value) <= WRAPPED_TITLE_MAX_CHARS
            and not re.search(r"[。；：:]", value) and not _NUMBERED_ATTACHMENT.match(line))


def _wraps_before_next(line: Line, below: Line | None, style: str | None) -> bool:
    """Whether an unnumbered ``line`` of a numbered list is the rest of the title above it: a short
    phrase with the list's next number right below it (``1．…2023年度核查`` / ``报告书`` / ``2．…``)."""
    value = compact(line.text)
    return (below is not None and 0 < len(value) <= WRAPPED_TITLE_MAX_CHARS and not re.search(r"[。；;：:]", value)
            and _NUMBERED_ATTACHMENT.match(below.text) is not None and _numbering(below.text) == style)


def _next_title(title: str, line: str) -> bool:
    """Whether ``line`` is the next title of an unnumbered list: the title before it ended as a title
    does, and the line is a short phrase that ends as one too."""
    words = title_words()
    value = compact(line)
    return (title.endswith(words) and value.endswith(words) and len(value) <= WRAPPED_TITLE_MAX_CHARS
            and not re.search(r"[。；，,：:]", value) and not parse_full_date(value))


def find_attachments(text: str, lines: list[Line], meta: Metadata) -> None:
    """Titles listed after 附件：/附：/附表：, numbered or not, on one line or several (附件1：…, 附件2：…)."""
    organs = [compact(str(found.value)) for found in meta.issuers]  # (whose signature a copy may run onto a title)
    for index, line in enumerate(lines):
        match = _ATTACHMENT.match(line.text)
        if not match and line.text.strip() == "附件" and index + 1 < len(lines) \
                and _NUMBERED_ATTACHMENT.match(lines[index + 1].text):
            match = _ATTACHMENT.match("附件：")  # 附件 / 1.… / 2.…: the label's colon lost, its list still numbered
        if not match:
            continue
        if meta.attachments and _NUMBERED_LABEL.match(line.text):
            continue  # 附件2： / 某区…台账 over an appended form: the attachment itself, listed already
        items: list[Found] = []

        def add(value: str, line: Line = line, items: list[Found] = items) -> None:
            run = _numbered_run(value)
            for _, piece in run or [(0, value)]:
                title = _attachment_title(piece)
                if title and _is_title(title):
                    offset = line.start + line.text.index(piece)
                    items.append(Found(title, (offset, offset + len(piece)), "attachments.v1"))

        first = _rest(match)
        if re.match(r"附(?:件|表)\s*1\s*[.．、]", first):  # 附件：附件1.X.doc附件2.Y.doc: each title after its own label
            first = re.sub(r"附(?:件|表)\s*(?=\d{1,2}\s*[.．、])", "", first)
        if match.group("dotted") is not None and _FIRST_DOTTED.match(line.text) and not _NUMBERED_ATTACHMENT.match(first):
            first = "1." + first  # 附件1. X / 2. Y, 附件1.X2.Y: the label's own 1 numbers the first item of an arabic list
        numbered = _NUMBERED_ATTACHMENT.match(first)
        style = _numbering(first) if numbered else None
        if first:  # 附件：1.X；2.Y on one line is a run of titles; 附件：1.X alone, the title after its number
            add(first if numbered and _numbered_run(first) else numbered.group(1) if numbered else first)
        start = index + 1
        if not first and index + 1 < len(lines) and not _NUMBERED_ATTACHMENT.match(lines[index + 1].text) \
                and not _BARE_NUMBER.match(lines[index + 1].text):
            single = lines[index + 1]  # 附件： / 河北南网…运营规则（模拟运行版）
            if len(compact(single.text)) <= 60 and "。" not in single.text and not parse_full_date(single.text):
                add(single.text, single)
                start += 1
        unnumbered = bool(items) and not numbered
        followers = iter(enumerate(lines[start:], start))
        for at, follower in followers:
            labelled = _ATTACHMENT.match(follower.text)
            item = _NUMBERED_ATTACHMENT.match(follower.text)
            bare = _BARE_NUMBER.match(follower.text)
            if labelled and _NUMBERED_LABEL.match(follower.text) and _rest(labelled):
                add(_rest(labelled), follower)
            elif item and (numbered or not first) and _numbering(follower.text) == (style or _numbering(follower.text)):
                style = style or _numbering(follower.text)
                add(follower.text if _numbered_run(follower.text) else item.group(1), follower)
            elif bare and not first:  # 1. / 蒙西…实施细则: a copy that put the number on a line of its own
                title_line = next(followers, (None, None))[1]
                if title_line is None:
                    break
                add(title_line.text, title_line)
            elif items and _NUMBER_LINE.fullmatch(compact(follower.text)):  # …的通知 / （闽商务〔2022〕108号）: its 文号
                last = items[-1]
                items[-1] = Found(last.value + compact(follower.text), (last.span[0], follower.end), "attachments.v1")
            elif items and (_wraps_title(items[-1].value, follower.text)  # 1.某县…安全生产 / 大检查工作方案
                            or numbered and _wraps_before_next(follower, lines[at + 1] if at + 1 < len(lines) else None,
                                                               style)):
                last = items[-1]
                items[-1] = Found(_attachment_title(last.value + follower.text), (last.span[0], follower.end),
                                  "attachments.v1")
            elif unnumbered and _next_title(items[-1].value, follower.text):  # 附件：X统计表 / Y台账
                add(follower.text, follower)
            else:
                break
        after_signature = meta.issue_date is not None and line.start > meta.issue_date.span[1]
        if after_signature and items and all(_FILE_SUFFIX.search(item.value) for item in items):
            continue  # a page's download list after the document, not its 附件说明
        items = [Found(_without_signature(str(item.value), organs), item.span, item.rule) for item in items]
        known = [found.value for found in meta.attachments]
        meta.attachments.extend(item for item in items if not any(item.value.startswith(k) for k in known))


SIGNATURE_PART_MIN_CHARS = 4  # 平潭综合实验区: the least of a signing organ's name a title may have run on to


def _without_signature(value: str, organs: list[str]) -> str:
    """``…企业一览表平潭综合实验区``, ``…任务表1平潭综合实验区社会事业局2021年6月15日``: a copy ran the signature (the signing
    organ's name, opening as a signing organ's does, and the date) onto the last attachment's title; the title ends where
    the organ begins (with the page number the copy left there), when what is left ends as a title does."""
    for at in range(SIGNATURE_PART_MIN_CHARS, len(value) - SIGNATURE_PART_MIN_CHARS + 1):
        tail = value[at:]
        if any(organ[:SIGNATURE_PART_MIN_CHARS] == tail[:SIGNATURE_PART_MIN_CHARS] for organ in organs):
            head = re.sub(r"\d{1,2}$", "", value[:at])
            if head.endswith(title_words()):
                return head
    return value


