"""GB/T 9704 elements: 发文字号, 发文机关, 标题, enclosed titles, 主送机关, 成文日期, 印发日期, 附件,
cited documents and the document type. Works on the normalised text (spans point into it)."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from docproc.extract.attachments import find_attachments
from docproc.extract.dates import all_full_dates, parse_full_date
from docproc.extract.enclosures import (
    counted_enclosures,
    enclosed_titles_of,
    enclosure_heading,
    run_on_heading,
)
from docproc.extract.found import (
    Found,
    Line,
    compact,
    compact_with_offsets,
    lines_of,
    split_trailing_bracket,
)
from docproc.extract.signature import (
    SEAL_REMARK,
    is_organ,
    organ_broken_over,
    repeated_prefix_organs,
    signature_organs,
    with_bodies_joined,
    with_columns_interleaved,
    with_organs_ending,
)
from docproc.extract.textmatch import DOC_NUMBER
from docproc.normalize.rules import load_cleanup_rules, models_dir

DECREE_NUMBER = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[日号號月年]))(?![日号號])[\u4e00-\u9fff]{2,22}令(?:(?:19|20)\d\d年)?第\d{1,5}[号號]|(?<=[，,、）)])第\d{1,5}[号號]令"
    r"|(?<=[（(])[\u4e00-\u9fff]{2,12}?\d{1,5}[号號]令(?=[）)])"  # （国家电监会14号令）
    r"|(?<=[（(])[\u4e00-\u9fff]{1,6}令\d{1,5}[号號](?=[）)])"  # （沪府令39号）
)
DECREE_HEAD = re.compile(r"^\s*[\u4e00-\u9fff]{2,20}令[ \t\u3000]*第[ \t\u3000]*\d{1,5}[ \t\u3000]*[号號]")
# a decree's promulgation sentence names what it puts in force: 《电力监管条例》已经…通过，现予公布
_PROMULGATED = re.compile(r"^《(?P<title>[^《》\n]{2,80})》(?:已经|业经|经)[^。\n]{0,80}?(?:通过|批准)[^。\n]{0,30}?现予(?:公布|发布)")
BARE_NUMBER = re.compile(r"(?<=[（(])\s*[〔\[［](?P<year>(?:19|20)\d\d)[〕\]］]\s*(?P<serial>\d{1,5})[号號](?=\s*[）)])")
_CITED_TITLE = re.compile(r"《([^《》\n]{2,80})》\s*[（(]?\s*$")
_PRINTED = re.compile(r"印[发發]")


@dataclass
class Metadata:
    doc_number: Found | None = None
    doc_number_parts: tuple[str, int, int] | None = None
    title: Found | None = None
    enclosed_titles: list[Found] = field(default_factory=list)
    doc_type: Found | None = None
    recipients: list[Found] = field(default_factory=list)
    issuers: list[Found] = field(default_factory=list)
    issue_date: Found | None = None
    print_date: Found | None = None
    attachments: list[Found] = field(default_factory=list)
    cited_documents: list[tuple[Found, str | None]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, eq=False)  # one per loaded vocabulary: hashed by identity in lru_caches
class MetadataCues:
    doc_types: tuple[tuple[str, str], ...]
    organ_suffixes: tuple[str, ...]
    enclosing_verbs: tuple[str, ...]
    forwarded_kinds: tuple[str, ...]  # 若干意见, 意见, 报告 …: longest first
    recipient_cues: tuple[str, ...]
    body_doc_type: re.Pattern[str]


@lru_cache(maxsize=1)
def load_metadata_cues() -> MetadataCues:
    data = json.loads((models_dir() / "extract" / "metadata.json").read_text(encoding="utf-8"))
    return MetadataCues(
        doc_types=tuple((a, b) for a, b in data["doc_types"]),
        organ_suffixes=tuple(sorted(data["organ_suffixes"], key=len, reverse=True)),
        enclosing_verbs=tuple(data["enclosing_verbs"]),
        forwarded_kinds=tuple(sorted(data["forwarded_kinds"], key=len, reverse=True)),
        recipient_cues=tuple(data["recipient_cues"]),
        body_doc_type=re.compile(data["body_doc_type_cue"]),
    )


def _header_lines(lines: list[Line]) -> list[Line]:
    """Lines before the first line holding a sentence (。)."""
    out: list[Line] = []
    for line in lines:
        if "。" in line.text:
            break
        out.append(line)
    return out


def find_doc_number(text: str, lines: list[Line], meta: Metadata) -> None:
    """The document's own 文号: in the header, not a number cited in brackets or after 根据/按照."""
    for line in _header_lines(lines)[:12]:
        for match in DOC_NUMBER.finditer(line.text):
            before = line.text[: match.start()]
            if re.search(r"[（(《〈][^）)》〉]*$|根据|按照|依据", before):
                continue
            agency = re.split(r"[的据照和及与、\s]", match.group("agency"))[-1] or match.group("agency")
            number = f"{agency}〔{match.group('year')}〕{match.group('serial')}号"
            if "號" in match.group(0):
                number = number[:-1] + "號"
            start = line.start + match.end() - len(number)
            meta.doc_number = Found(number, (start, line.start + match.end()), "doc_number.header.v1")
            meta.doc_number_parts = (agency, int(match.group("year")), int(match.group("serial")))
            return
    header = _header_lines(lines)[:3] or lines[:1]
    for line in header:  # a decree's own number opens it: 中华人民共和国国务院令第 606 号
        decree = DECREE_HEAD.match(line.text)
        if decree:
            meta.doc_number = Found(compact(decree.group(0)), (line.start, line.start + decree.end()),
                                    "doc_number.decree.v1")
            return


_DECREE_LEAD = re.compile(r"(?:根据|依据|依照|按照|遵照|参照|以及|及|执行|贯彻|落实|结合)+")
_AGENCY_LEAD = re.compile(r"[的据照和及与、见]|执行|结合|参照|落实|贯彻|公司")  # words that end the text before a code


def find_cited_documents(
    text: str, meta: Metadata, number_spans: list[tuple[int, int]] | None = None
) -> None:
    """Other documents' numbers; ``number_spans`` are the NLP pipeline's DOC_NUMBER hits."""
    own = meta.doc_number.span if meta.doc_number else None
    if number_spans is None:
        number_spans = [m.span() for m in DOC_NUMBER.finditer(text)]
        number_spans += [m.span() for m in DECREE_NUMBER.finditer(text)]
    hits: list[tuple[int, int, str]] = []
    for span_start, span_end in number_spans:
        match = DOC_NUMBER.fullmatch(text, span_start, span_end)
        if match is None:
            decree = DECREE_NUMBER.match(text, span_start)  # (its lookahead reads past the span: no endpos)
            if decree is not None and decree.end() == span_end:
                lead = _DECREE_LEAD.match(text, span_start, span_end)  # 根据中华人民共和国…令第16号: no 根据
                start = lead.end() if lead else span_start
                hits.append((start, span_end, text[start:span_end]))
            continue
        start, end = match.span()
        agency = match.group("agency")
        # the agency code is the run of characters after the last 《》（ or 的/据/照 before the bracket
        trimmed = _AGENCY_LEAD.split(agency)[-1] or agency  # 具体要求见沪市监特种〔2022〕27号 → 沪市监特种…
        start = end - len(match.group(0)) + (len(agency) - len(trimmed))
        hits.append((start, end, text[start:end]))
    hits += _numbers_across_lines(text)
    for match in BARE_NUMBER.finditer(text):  # （[2015]28号）: a number printed without its agency code
        hits.append((match.start(), match.end(), f"〔{match.group('year')}〕{match.group('serial')}号"))
    seen: set[str] = set()
    for start, end, number in sorted(hits):
        if own and start < own[1] and end > own[0]:
            continue
        if meta.doc_number and number == meta.doc_number.value:
            continue
        if number in seen:
            continue
        seen.add(number)
        title_match = _CITED_TITLE.search(text[max(0, start - 90) : start])
        title = title_match.group(1) if title_match else None
        meta.cited_documents.append((Found(number, (start, end), "cited.doc_number.v1"), title))


@lru_cache(maxsize=1)
def _loose_number() -> re.Pattern[str]:
    """A 文号 in any of the brackets the clean-up mends to 〔〕 (``[2020】``), where a line break kept the
    clean-up from mending it."""
    rules = load_cleanup_rules()
    opening, closing = re.escape(rules.doc_number_open_brackets), re.escape(rules.doc_number_close_brackets)
    return re.compile(rf"(?P<agency>[\u4e00-\u9fff]{{1,14}}?)[{opening}](?P<year>(?:19|20)\d\d)[{closing}]\s*"
                      r"(?P<serial>\d{1,5})\s*[号號]")


def _numbers_across_lines(text: str) -> list[tuple[int, int, str]]:
    """文号 a hard-wrapped copy broke over two lines inside its number (``（嘉建交[2014]55`` / ``号）``,
    ``（发改能源规`` / ``[2020]1479号）``) or printed with mixed brackets (``[2020】``) that the clean-up did
    not mend because a line break stood inside, as (start, end, number) in ``text``."""
    joined = text.replace("\n", "")
    matches = list(_loose_number().finditer(joined))
    if not matches:
        return []
    # the i-th line break stands before joined position (its offset - i): a joined offset maps back past those before it
    breaks = [at - i for i, at in enumerate(m.start() for m in re.finditer("\n", text))]

    def kept(index: int) -> int:
        return index + bisect.bisect_right(breaks, index)

    hits = []
    for match in matches:
        agency = _AGENCY_LEAD.split(match.group("agency"))[-1] or match.group("agency")
        start = kept(match.start("agency") + len(match.group("agency")) - len(agency))
        agency_end, end = kept(match.end("agency") - 1) + 1, kept(match.end() - 1) + 1
        if "\n" in text[start:agency_end] or "\n" not in text[start:end] and "〔" in text[start:end]:
            continue  # a name broken over lines is no agency code; a number in 〔〕 on one line is read already
        hits.append((start, end, f"{agency}〔{match.group('year')}〕{match.group('serial')}号"))
    return hits


def _fragment_inside_title(header: list[Line], index: int) -> bool:
    """``…关于征集科技特派`` / ``员`` / ``和组织实施…的通知``: a scan's OCR set a piece of a title line on a
    line of its own; the line above it is the title's, not a 文号, a banner or a sentence."""
    if index < 1 or not re.fullmatch(r"[\u4e00-\u9fff]{1,3}", compact(header[index].text)):
        return False
    above = compact(header[index - 1].text)
    return (len(above) >= 6 and not DOC_NUMBER.search(above) and not above.endswith(("文件", "：", ":"))
            and not re.search(r"[。；，,：:]", above) and not parse_full_date(above))


_TITLE_REMARK = re.compile(r"[（(](?:第[一二三四五六七八九十\d]{1,3}[批期次]|试行|暂行|征求意见稿|修订稿|草案)[）)]$")
# 关于印发《金井片区开展安全生产大检查工作的通知》: a title that closes on the book title it issues (no 的通知 after)
ISSUED_BOOK_TITLE_END = re.compile(r"(?:关于|關於)(?:印发|转发|下发|印發|轉發)《[^《》]+》$")


# 国务院办公厅关于全面推行行政规范性文件 / 合法性审核机制的指导意见: a line of a title about something, cut at a type
# word inside it (文件, 规划) before its own …的 type
_TITLE_WRAPPED_AT_TYPE_WORD = re.compile(r"(?:关于|關於)[^的，,。；;：:]{2,40}$")


def ends_as_title(value: str, suffixes: tuple[str, ...]) -> bool:
    """``value`` ends as a title does: in a document type (after any remark), or in the book title it issues."""
    value = _TITLE_REMARK.sub("", value)
    return value.endswith(suffixes) or bool(ISSUED_BOOK_TITLE_END.search(value)) and value[:-1].endswith(suffixes)


# 发布日期：2026-01-14, 信息来源：省能源局综合处, …的通知 发文字号：…: a page's label before the recipients (or a breadcrumb's 您所在的位置：), read past
_PAGE_LABEL_BEFORE_COLON = re.compile(r"(?:发文字号|文号|索引号|发布机构|签发人|来源|位置|(?:发布|成文|印发)?(?:日期|时间)|作者|主题分类)\s*$")


_SIGNER_LABEL = re.compile(r"\s*签发人\s*[：:]\s*[\u4e00-\u9fff]{2,4}(?=\s)")  # a 文号 line's signer, before the heading


_RECIPIENTS_THEN_PURPOSE = re.compile(r"[：:](?:为了?|根据|按照|依据|结合)")


def find_title(text: str, lines: list[Line], meta: Metadata, cues: MetadataCues) -> None:
    """The document's top heading: the last title-like block of the header (a web page's own heading
    may stand above the document's; the document's is the one right above the recipients)."""
    header = _header_lines(lines)[:25]
    suffixes = tuple(s for s, _ in cues.doc_types)
    found: Found | None = None
    for index, line in enumerate(header):
        value = compact(line.text)
        if line.text.endswith(("：", ":")) and found is not None \
                and not _PAGE_LABEL_BEFORE_COLON.search(line.text.rstrip("：: ")):
            break  # the recipients line: the title stands above it (not a page's 您所在的位置：)
        number = DOC_NUMBER.search(line.text)
        signer = _SIGNER_LABEL.match(line.text, number.end()) if number else None
        after_number = signer.end() if signer else number.end() if number else 0  # (… 签发人：施强 平潭…局 关于…)
        rest = line.text[after_number:] if number else ""
        about = re.search("关于|關於", rest)
        if number and about and len(compact(rest[: about.start()])) <= 30 and compact(rest).endswith(suffixes) \
                and len(compact(rest)) <= 90 and not re.search(r"[，,。；;：:）)]", rest):
            # 岚综管综〔2015〕172号 平潭…管委会 关于调整…的通知: a run-on copy's body heading after its 文号
            start = line.start + after_number + len(rest) - len(rest.lstrip())
            found = Found(compact(text[start : line.end]), (start, line.end), "title.header.v1")
            continue
        if line.text.endswith(("：", ":")) or DOC_NUMBER.search(value) or len(value) > 90:
            continue
        if re.search(r"[：:].*[，,]", value) or len(re.findall(r"[，,]", value)) >= 2 and len(value) > 40:
            continue  # 各处室，…：因工作需要，经研究，决定; 为贯彻…精神，做好…，…我乡决定 (a line cut mid-sentence)
        if _RECIPIENTS_THEN_PURPOSE.search(value):
            continue  # 各单位：为认真贯彻落实省、区关于开展…活动的通知|精神: the body's first sentence after its recipients
        wrapped = len(value) <= 2 and index > 0 and (compact(header[index - 1].text) + value).endswith(suffixes)
        if not ends_as_title(value, suffixes) and not wrapped:  # …申报指南（第一批）
            continue
        first = index - 1 if wrapped else index  # …工作的通 / 知: a title wrapped inside its last word
        head_start = None  # where the title starts inside the line of its 文号 (文号 organ 关于… / …的通知)
        while first > 0:
            previous = header[first - 1]
            prev_value = compact(previous.text)
            number = DOC_NUMBER.search(previous.text)
            rest = previous.text[number.end() :] if number else ""
            if number and ("关于" in rest and not value.startswith("关于")
                           or rest.strip() and is_organ(compact(rest), cues) and not value.startswith("关于")):
                # 闽岚综实管综〔2012〕10号 平潭…管委会 / 印发关于…的通知: the organ opens the title
                head_start = previous.start + number.end() + (len(rest) - len(rest.lstrip()))
                break
            if (
                DOC_NUMBER.search(prev_value)
                or prev_value.endswith(("文件", "文件：")) and not _TITLE_WRAPPED_AT_TYPE_WORD.search(prev_value)
                or len(prev_value) > 40
                or parse_full_date(prev_value)
                or "：" in prev_value
                or _TITLE_REMARK.sub("", prev_value).endswith(suffixes) and not _TITLE_WRAPPED_AT_TYPE_WORD.search(prev_value)
                or len(prev_value) < 4 and prev_value not in ("关于", "關於")  # 某委 某局 / 关于 / …的通知
                and not _fragment_inside_title(header, first - 1)
            ):
                break
            first -= 1
        span = (head_start if head_start is not None else header[first].start, line.end)
        found = Found(compact(text[span[0] : span[1]]), span, "title.header.v1")
    if found is None and meta.doc_number is not None and meta.doc_number.rule == "doc_number.decree.v1":
        for line in lines[:4]:
            promulgated = _PROMULGATED.match(line.text.strip())
            if promulgated:
                offset = line.start + line.text.find("《") + 1
                found = Found(promulgated.group("title"), (offset, offset + len(promulgated.group("title"))),
                              "title.decree.v1")
                break
    if found is not None and found.value.startswith(("关于", "關於")):
        found = _named_by_body_heading(text, lines, found, cues) or found
    if found is not None:
        meta.title = found
        _enclosed_titles(found, meta, cues)


def _named_by_body_heading(text: str, lines: list[Line], found: Found, cues: MetadataCues) -> Found | None:
    """``关于成立…的通知`` (a web page's heading) over the body's ``平潭…管理局关于成立…的通知 为…``: the body's
    heading names the organs that issue it, and is the title; None when no line below does."""
    for line in [line for line in lines if line.start >= found.span[1]][:3]:
        value, offsets = compact_with_offsets(line.text)
        at = value.find(str(found.value))
        if at <= 0:
            continue
        parts = line.text[: offsets[at]].split()  # 平潭…经济发展局 平潭…财政金融局 | 关于…
        if all(is_organ(part, cues) for part in parts):
            start, end = line.start + offsets[0], line.start + offsets[at + len(str(found.value)) - 1] + 1
            return Found(compact(text[start:end]), (start, end), "title.header.v1")
    return None


def _enclosed_titles(title: Found, meta: Metadata, cues: MetadataCues) -> None:
    names = enclosed_titles_of(str(title.value), cues)
    if names:
        meta.enclosed_titles = [Found(n, title.span, "title.enclosed.v1") for n in names]


def find_doc_type(text: str, meta: Metadata, cues: MetadataCues) -> None:
    if meta.title is not None:
        title = _TITLE_REMARK.sub("", str(meta.title.value))
        if ISSUED_BOOK_TITLE_END.search(title):
            title = title[:-1]  # 关于印发《…的通知》: the type the book title ends in
        for suffix, doc_type in cues.doc_types:
            if title.endswith(suffix):
                meta.doc_type = Found(doc_type, meta.title.span, "doc_type.title.v1")
                return
    match = cues.body_doc_type.search(text[:3000])
    if match:
        value = match.group(1)
        doc_type = dict(cues.doc_types).get(value, value)
        meta.doc_type = Found(doc_type, match.span(1), "doc_type.body.v1")


# a sentence ending in a colon (根据《…》要求，…名单如下：) is not a list of recipients, nor a page's label
_RECIPIENTS_NOT = re.compile(r"《|如下|根据|按照|决定|经研究")  # (a page's label before its colon is read past)


RECIPIENTS_MAX_CHARS = 600  # a national notice's 主送 may list forty organs before its colon


def find_recipients(text: str, lines: list[Line], meta: Metadata, cues: MetadataCues) -> None:
    after = meta.title.span[1] if meta.title else 0
    for line in lines[:25]:
        if line.end <= after:
            continue
        found_colon = re.search(r"：|:(?=\s*$)", line.text)  # an ASCII colon only where it ends the line
        colon = found_colon.start() if found_colon else -1
        if colon <= 0 or colon > RECIPIENTS_MAX_CHARS:
            if "。" in line.text:
                return
            continue
        head = line.text[:colon]
        if _PAGE_LABEL_BEFORE_COLON.search(head):
            continue  # a page's label between the title and the recipients
        position = line.start
        previous = lines.index(line) - 1
        suffixes = tuple(s for s, _ in cues.doc_types)
        while previous >= 0 and lines[previous].end > after and not re.search(r"[。：:]", lines[previous].text) \
                and not compact(lines[previous].text).endswith(suffixes) \
                and not DOC_NUMBER.search(lines[previous].text) and _wrapped_into(lines[previous], line):
            position = lines[previous].start  # a recipients line the page wrapped at its width (…电力批发 / 用户：)
            head = text[position : line.start + colon]
            previous -= 1
        if "。" in head or _RECIPIENTS_NOT.search(head) or not (any(c in head for c in cues.recipient_cues)
                               or re.sub(r"[（(][^）)]*[）)]$", "", compact(head)).endswith(cues.organ_suffixes)):
            return
        for part in re.split(r"([，,；;])", head):
            if part and part not in "，,；;":
                value = compact(part)
                if value:
                    meta.recipients.append(
                        Found(value, (position, position + len(part)), "recipients.colon_line.v1")
                    )
            position += len(part)
        return


def _wrapped_into(previous: Line, line: Line) -> bool:
    """Whether ``line`` continues ``previous`` broken at the page width (no punctuation ends it)."""
    return bool(previous.text) and previous.text[-1] not in "。：:；;！？" and len(compact(previous.text)) >= 20


# （党政办公室代章）: the office whose seal stands in for the signing organ's, printed between it and the date
_ORGAN_THEN_DATE = re.compile(r"^\s*(?P<organ>[\u4e00-\u9fff（）()]{4,30}?)[ \t\u3000]{2,}(?=\S)")  # 某局  2024年3月5日


def find_dates_and_issuers(
    text: str, lines: list[Line], meta: Metadata, cues: MetadataCues
) -> None:
    print_organ: Found | None = None
    for imprint in _PRINTED.finditer(text):
        line_start = text.rfind("\n", 0, imprint.start()) + 1
        segment = text[line_start : imprint.start()]
        dates = all_full_dates(segment)
        if not dates or segment[dates[-1][1][1] :].strip():
            continue
        value, (d_start, d_end) = dates[-1]
        meta.print_date = Found(value, (line_start + d_start, line_start + d_end), "print_date.imprint.v1")
        organ = segment[:d_start].strip()
        print_organ = None
        if is_organ(organ, cues):
            organ_start = line_start + segment.index(organ)
            print_organ = Found(
                compact(organ), (organ_start, organ_start + len(organ)), "issuers.imprint.v1"
            )
    signature: list[Found] = []
    for index, line in enumerate(lines):
        dates = all_full_dates(line.text)
        alone = compact(SEAL_REMARK.sub("", line.text))  # （党政办公室代章） 2021年9月23日: a seal's remark
        organ_before = _ORGAN_THEN_DATE.match(line.text) if len(dates) == 1 else None
        if organ_before and not (is_organ(organ_before.group("organ"), cues) and line.text.rstrip().endswith(
                line.text[dates[0][1][0] : dates[0][1][1]])):
            organ_before = None
        if len(dates) != 1 or len(alone) > len(compact(line.text[dates[0][1][0] : dates[0][1][1]])) + 1 \
                and organ_before is None:
            continue
        value, (d_start, d_end) = dates[0]
        meta.issue_date = Found(value, (line.start + d_start, line.start + d_end), "issue_date.signature.v1")
        if organ_before is not None:  # 某县应急管理局  2024年3月5日: the organ and its date on one line
            organ = organ_before.group("organ")
            signature = [Found(compact(organ), (line.start, line.start + len(organ)), "issuers.signature.v1")]
        back = index - 1
        if back >= 0 and SEAL_REMARK.fullmatch(lines[back].text.strip()):
            back -= 1  # 某县应急管理局 / （某县安委办代章） / date: the organ above the seal's remark
        while back >= 0 and index - back <= SIGNATURE_MAX_LINES and is_organ(lines[back].text, cues):
            fragment = lines[back - 1] if back >= 1 else None
            if fragment is not None and not _CLOSING_FORMULA.match(fragment.text) \
                    and organ_broken_over(fragment, lines[back], cues):
                # 国家发 / 展改革委: a web page's narrow signature cell broke the organ's name
                organ = compact(fragment.text) + compact(lines[back].text)
                signature[:0] = [Found(organ, (fragment.start, lines[back].end), "issuers.signature.v1")]
                back -= 2
                continue
            signature[:0] = signature_organs(lines[back], cues)
            back -= 1
        if back >= 0 and signature and index - back <= SIGNATURE_MAX_LINES:
            signature = with_organs_ending(lines[back], signature, cues)
            signature = with_columns_interleaved(lines[back], signature)
        signature = with_bodies_joined(signature, text[: signature[0].span[0]] if signature else "")
        break
    if meta.issue_date is None and meta.print_date is not None:
        meta.issue_date = Found(meta.print_date.value, meta.print_date.span, "issue_date.imprint.v1")
        meta.warnings.append("no signature date: issue_date taken from the 印发 date of the imprint")
    header_organ = _red_header_organ(lines, cues)
    if signature and header_organ is not None:
        signature = [
            Found(header_organ.value, s.span, s.rule)
            if header_organ.value.endswith(s.value) and header_organ.value != s.value
            else s
            for s in signature
        ]
    if not signature and lines and meta.issue_date is None and is_organ(lines[-1].text, cues):
        last = lines[-1]
        signature = [Found(compact(last.text), (last.start, last.end), "issuers.signature_undated.v1")]
    if signature:
        meta.issuers = signature
        return
    title_organ = _title_organ(meta, cues)
    if title_organ is not None:
        span = title_organ.span
        joint = repeated_prefix_organs(Line(span[0], span[1], title_organ.value), cues)
        meta.issuers = joint or [title_organ]  # 平潭…审批局平潭…建设局平潭…支队关于…: a joint issue
        return
    for candidate in (print_organ, header_organ):
        if candidate is not None:
            meta.issuers = [candidate]
            return


SIGNATURE_MAX_LINES = 12  # organ lines above a signature's date (a joint issue of seven organs prints seven)


_CLOSING_FORMULA = re.compile(r"^\s*特此(?:通知|函告|公告|批复|报告|函复|通报)[。.，,]?\s*$")  # no organ's first part


def _red_header_organ(lines: list[Line], cues: MetadataCues) -> Found | None:
    for line in lines[:40]:
        value = compact(line.text)
        if value.endswith("文件") and is_organ(value[:-2], cues):
            return Found(value[:-2], (line.start, line.end - 2), "issuers.red_header.v1")
    return None


def _title_organ(meta: Metadata, cues: MetadataCues) -> Found | None:
    if meta.title is None:
        return None
    value: str = meta.title.value
    about = value.find("关于") if "关于" in value else value.find("關於")
    if about <= 0:
        return None
    organ = value[:about]
    if not is_organ(organ, cues):
        return None
    return Found(organ, (meta.title.span[0], meta.title.span[0] + about), "issuers.title.v1")


# 苏平片区, 2017年平潭: a place or year before a 《》 name (not the cover's own 关于印发)
_ISSUING_VERBS = r"印发|转发|批转"  # a cover's verbs: no name of what it encloses holds one
_PLACE_OR_YEAR = re.compile(rf"(?!.*(?:关于|{_ISSUING_VERBS}))(?:(?:19|20)\d\d年)?[\u4e00-\u9fff]{{0,16}}(?<=\S)")


CITATION_REACH = 3000  # characters after the title where the cover cites its enclosure in full


def _fuller_prefix(prefix: str, cues: MetadataCues) -> bool:
    """What a fuller form of an enclosed name may add before it: a place or a year, or the organ that issues
    it with 关于 (``平潭综合实验区管委会关于`` + ``进一步做好…实施方案``)."""
    return bool(_PLACE_OR_YEAR.fullmatch(prefix)) or prefix.endswith("关于") and not re.search(
        _ISSUING_VERBS, prefix) and is_organ(prefix[:-2], cues)


def _fuller_citation(text: str, title_end: int, name: str, cues: MetadataCues) -> str | None:
    """``现将《2017年平潭食品…方案》印发给你们`` under ``关于印发食品…方案的通知``: the cover cites the
    enclosed document with the place, the year or the issuing organ its title left out."""
    for cited in re.finditer(r"《([^《》]{1,80})》", text[title_end : title_end + CITATION_REACH]):
        value = compact(cited.group(1))
        if value.endswith(name) and value != name and _fuller_prefix(value[: len(value) - len(name)], cues):
            return value
    return None


def extract_metadata(text: str, number_spans: list[tuple[int, int]] | None = None) -> Metadata:
    """All GB/T 9704 elements of the normalised ``text`` (``number_spans``: DOC_NUMBER hits)."""
    cues = load_metadata_cues()
    # a web copy's heading with its 文号 in brackets after it: the title, and the document's own number
    lines = lines_of(text)
    lines = split_trailing_bracket(lines, tuple(s for s, _ in cues.doc_types), DOC_NUMBER, len(_header_lines(lines)[:12]))
    meta = Metadata()
    find_doc_number(text, lines, meta)
    find_cited_documents(text, meta, number_spans)
    find_title(text, lines, meta, cues)
    find_doc_type(text, meta, cues)
    find_recipients(text, lines, meta, cues)
    find_dates_and_issuers(text, lines, meta, cues)
    if meta.title is not None:  # the enclosure's own heading, when printed
        quoted = "《" in str(meta.title.value)
        organ = str(meta.title.value).split("关于")[0]
        headings = [enclosure_heading(text, meta.title.span[1], str(found.value), [organ])
                    or _fuller_citation(text, meta.title.span[1], str(found.value), cues)
                    for found in meta.enclosed_titles]
        meta.enclosed_titles = [
            # a 《》 name keeps its words; its heading counts only when it adds a place, a year or its organ
            # before them
            Found(heading, found.span, found.rule)
            if heading and (not quoted or heading.endswith(str(found.value)) and _fuller_prefix(
                heading[: len(heading) - len(str(found.value))], cues))
            else found
            for found, heading in zip(meta.enclosed_titles, headings, strict=True)
        ]
        # 平潭综合实验区市场监督管理局开展…方案, 金井片区2020年春运工作实施方案: run on with a signing organ or its place
        signing = [str(found.value) for found in meta.issuers]
        meta.enclosed_titles = [
            Found(heading, found.span, found.rule)
            if (heading := run_on_heading(text[meta.title.span[1] :], str(found.value), signing)) else found
            for found in meta.enclosed_titles]
    find_attachments(text, lines, meta)
    counted = counted_enclosures(str(meta.title.value), [str(a.value) for a in meta.attachments]) if meta.title else None
    if counted is not None and meta.title is not None:  # 《X》等五个工作方案: the five the 附件说明 names
        meta.enclosed_titles = [Found(name, meta.title.span, "title.enclosed_counted.v1") for name in counted]
    if meta.title is None:
        meta.warnings.append("no title found")
    return meta


def iso_found(found: Found | None) -> str | None:
    if found is None:
        return None
    value = found.value
    return value.isoformat() if isinstance(value, date) else str(value)
