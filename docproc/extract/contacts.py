"""Contacts of a notice: people, units, phones, fax, e-mail, other accounts, public hotlines.

A contact block is a run of labelled values (``联系人：…，电话：…，传真：…，邮箱：…``) with only
punctuation between them; a person may also be named without a label just before a phone label
(``(潘进进 联系方式656161 浙政钉13958966161)``). Each person of a block gets one entry with the
numbers that follow their name (people listed together share them); a block without a person is one
entry with ``name`` None and its unit in ``org``. Rule ids: ``contacts.labelled.v1`` (a block with a person),
``contacts.unit.v1`` (an office or hotline without a person), ``contacts.listed_by_unit.v1`` (a 联系方式 section
listing ``unit：name number`` without labels), ``contacts.row.v1`` (a name right before a mobile number,
``contact_rows``), ``contacts.mailbox.v1`` (a mailbox things are sent to, printed without a label),
``contacts.table.v1`` (a row of a contact table whose copy lost its cell breaks, ``contact_tables``). Labels and
value patterns are data under ``models/extract/contacts/``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from docproc.extract.contact_groups import (
    ContactHit,
    Item,
    group_people,
    named_after_values,
    paired,
    shared_mailbox,
)
from docproc.extract.contact_lexicon import (
    CJK,
    ContactLexicon,
    default_contact_lexicon,
    load_contact_lexicon,
    mend_broken_numbers,
    original_position,
)
from docproc.extract.contact_rows import (
    digits,
    glued_unit_numbers,
    person_before_bracket,
    reads_as_person,
    row_contacts,
    unit_listings,
)
from docproc.extract.contact_tables import table_contacts
from docproc.extract.contact_units import (
    UNIT_BEFORE_LABEL_MAX_CHARS,
    clause_start,
    handed_to,
    labelled_by_unit,
    org_of_block,
    sent_to,
    unit_then_name,
)
from docproc.extract.leader_lexicon import default_lexicon as default_leader_lexicon
from docproc.extract.textmatch import BRACKETED_NUMBER, end_of_last

__all__ = [  # the vocabulary and the number mending live in contact_lexicon; callers import them here too
    "ContactHit", "ContactLexicon", "default_contact_lexicon", "find_contacts", "load_contact_lexicon",
    "mend_broken_numbers",
]

NAME_WINDOW = 12  # characters before a phone label searched for an unlabelled name


@lru_cache(maxsize=4)
def _patterns(lexicon: ContactLexicon) -> dict[str, re.Pattern[str]]:
    labels = "|".join(r"[ \t\u3000]{0,4}".join(map(re.escape, label)) for label, _ in lexicon.labels)  # 电  话
    phone = f"(?<!\\d)(?:{lexicon.phone})(?!\\d)"
    separators = re.escape(lexicon.value_separators)
    remark = f"(?:{lexicon.number_remark})"
    place = f"\\s*[（(][{CJK}]{{2,6}}[）)](?=\\s*[{separators}]\\s*(?:{phone}))"
    return {
        "label": re.compile(f"(?P<label>{labels})\\s*[:：]?\\s*"),
        # 0591-…（办）; 0538-2958119 （爱琴海）、0538-2577119: a place in brackets between numbers marks the line
        # 0591-23135297　23160010: a space alone parts two whole numbers of one label
        "phones": re.compile(f"{phone}(?:{remark}|{place})?(?:(?:\\s*[{separators}]\\s*|[ \\t\u3000]+){phone}(?:{remark}|{place})?)*"),
        "number_remark": re.compile(remark),
        "phone": re.compile(phone),
        "email": re.compile(lexicon.email),
        "emails": re.compile(f"(?:{lexicon.email})(?:\\s*[{separators}]\\s*(?:{lexicon.email}))*"),
        "other": re.compile(lexicon.other),
        # 地址：金井湾商务营运中心3号楼7层 (up to an 附件： label a copy ran on after it, or the next contact label:
        # …7号楼5层电子邮箱：…) (a bracket closed inside it is its own: 区农发中心（区管委会3号楼603室）, and so is a
        # numbered one closing it: …经发局发改处（二） 联系人：…, …社会保障处（一）附件：…; not one opening a section)
        "address": re.compile(rf"(?:(?!附件\s*\d{{0,2}}[：:]|(?:{labels})\s*[：:])(?:(?!{BRACKETED_NUMBER})[（(][^（）()\n，,。；;]{{1,30}}[）)]"
                              rf"|{BRACKETED_NUMBER}(?=\s|$|附件|(?:{labels})\s*[：:])|(?!{BRACKETED_NUMBER})[^，,。；;）)\n])){{2,60}}"),
        "names": re.compile(f"[{CJK}、\\s]{{2,40}}"),
        "labels_only": re.compile(labels),
        "gap": re.compile(lexicon.gap),
        "name_before": re.compile(f"(?<=[\\s(（，,；;：:、])(?P<name>[{CJK}]{{2,3}})\\s*[，,（(]?\\s*$"),  # 刘某（联系电话：
    }


_UNIT_WORD = re.compile(f"\\s*(?P<unit>[{CJK}]{{2,24}})[ \t\u3000]+(?P<rest>[{CJK}](?:[ \u3000]?[{CJK}]){{1,3}})(?![{CJK}])")


def _unit_and_person(text: str, position: int, lexicon: ContactLexicon) -> bool:
    """Whether a unit and a person follow (``联系方式：区应急管理局安全科 张三 138…``)."""
    found = _UNIT_WORD.match(text, position)
    return bool(found and lexicon.unit(found.group("unit")) and lexicon.is_name("".join(found.group("rest").split())))


_UNIT_NUMBER = re.compile(f"\\s*(?P<unit>[{CJK}]{{2,24}})[ \\t\u3000]*(?=[（(]?\\d)")


def _unit_then_number(text: str, position: int, lexicon: ContactLexicon) -> bool:
    """Whether a unit and its number follow (``咨询电话：区市场监管局 0591-…；区应急局 0591-…``)."""
    found = _UNIT_NUMBER.match(text, position)
    return bool(found and lexicon.unit(found.group("unit")))


def _heads_contact(text: str, start: int, label: str, kind: str) -> bool:
    """Whether the label at ``start`` heads a contact: 业务咨询：, 技术支持： do only at a clause's start
    (``…平台技术支持负责人`` is a post); 联系人, 电话 … also glued to a name before them."""
    return not (kind == "person" and not re.search("联|聯", label) and start > 0
                and re.match(f"[{CJK}]", text[start - 1]))


_NAME_START = re.compile(f"\\s*[{CJK}](?:[ \u3000]?[{CJK}]){{1,3}}(?=[\\s，,、；;（(]|\\d|$)")
_SEPARATOR = re.compile(r"[ \t\u3000]*(?:[，,、/；;][ \t\u3000]*)?")


def _person_run(text: str, label: re.Match[str], patterns: dict[str, re.Pattern[str]],
                lexicon: ContactLexicon) -> list[Item]:
    """What follows a person label: units, names (spaced for print too), numbers and addresses, in order,
    up to a sentence end or another label."""
    out: list[Item] = []
    label_kinds = lexicon.label_kinds
    position = label.end()
    limit = _line_limit(text, position)
    while True:
        spacing = _SEPARATOR.match(text, position)
        at = spacing.end() if spacing else position
        if at >= limit:
            following = _listed_line(text, limit, lexicon)
            if following is None:
                break
            position, limit = following, _line_limit(text, following)  # 联系人： / 省发展改革委：蒋欢欢 86705951
            continue
        inner = patterns["label"].match(text, at)
        if inner:  # 张三联系电话：…；李四联系电话：…: a number's own label inside the run
            kind = label_kinds.get("".join(inner.group("label").split()))
            value_pattern = {"phone": patterns["phones"], "fax": patterns["phones"], "email": patterns["emails"]}.get(
                kind or "")
            found = value_pattern.match(text, inner.end()) if value_pattern is not None else None
            if kind is None or found is None:
                break
            items, position = _labelled_items(kind, found, at, at, text, patterns, lexicon)  # under its own label
            out.extend(items)
            continue
        email = patterns["email"].match(text, at)
        phones = patterns["phones"].match(text, at)
        bracket = re.match(f"[（(](?P<name>[{CJK}]{{2,4}})[）)]", text[at:limit])
        word = re.match(f"[{CJK}](?:[ \u3000]{{0,3}}[{CJK}])*", text[at:limit])  # 朱  九: spaced for print
        if email:
            out.append(Item("email", [email.group()], at, email.end(), label.start()))
            position = email.end()
        elif phones:
            out.append(Item("phone", [v.group() for v in patterns["phone"].finditer(phones.group())], at,
                             phones.end(), label.start()))
            position = phones.end()
        elif (held := _bracketed(text, at, patterns["phones"])) is not None:  # 张三（0591-24318119）
            out.append(Item("phone", [v.group() for v in patterns["phone"].finditer(held.group())], at,
                             held.end() + 1, label.start()))
            position = held.end() + 1
        elif out and out[-1].kind == "phone" and (remark := patterns["number_remark"].match(text, at)):
            position = remark.end()  # 0591-24318119（办），13805091358（手机）: which line it is
        elif (own := _own_unit(text[at:limit], lexicon)) and out and out[-1].kind in ("person", "phone"):
            # 联系人：张三（区应急管理局）, 蒋五（县文明办）, 李四，电话：…（区财政局）: the unit in brackets after a
            # person or their number is that person's
            out.append(Item("own_org", [own.group("unit")], at, at + own.end(), label.start()))
            position = at + own.end()
        elif bracket and lexicon.is_name(bracket.group("name")):
            out.append(Item("person", [bracket.group("name")], at, at + bracket.end(), label.start()))
            position = at + bracket.end()
        elif word:
            words = word.group()
            inner_label = next((found for found in patterns["labels_only"].finditer(words) if _heads_contact(
                words, found.start(), found.group(), label_kinds.get("".join(found.group().split()), ""))), None)
            if inner_label is not None and inner_label.start() > 0:
                words = words[: inner_label.start()].rstrip()  # 章建新联系电话：…: the name ends at the label
            parts = _spaced_names(words.split())
            end = at + len(words)
            if len(parts) > 1 and parts[-1] in lexicon.person_posts:
                parts = parts[:-1]  # 秦十 科长: the post is a remark on the person before it
            if len(parts) > 1 and any(len(p) > 1 for p in parts):
                # 县司法局 王强, 张伟 李娜: units and names side by side (王 强, spaced for print, is one name)
                kinds = [("org" if lexicon.unit(p) else "person" if lexicon.is_name(p) else "") for p in parts]
                if not all(kinds):
                    break
                cursor = at
                for kind, part in zip(kinds, parts, strict=True):
                    found = re.compile(r"[ \u3000]*".join(map(re.escape, part))).search(text, cursor)
                    assert found is not None  # the part was read from this stretch of text
                    if kind == "org" and out and out[-1].kind == "org" and out[-1].start >= at \
                            and part.endswith(lexicon.department_endings):  # 市发展改革委  环资处: one unit's department
                        out[-1] = Item("org", [out[-1].values[0] + part], out[-1].start, found.end(), label.start())
                    else:
                        out.append(Item(kind, [part], found.start(), found.end(), label.start()))
                    cursor = found.end()
                position = end
                continue
            value = "".join(parts)
            if lexicon.unit(value):
                out.append(Item("org", [value], at, end, label.start()))
                if text[end : end + 1] in ("：", ":"):
                    end += 1  # 省能源局：刘硕英 86705822
            elif lexicon.is_name(value.removesuffix("同志")) and value.endswith("同志"):
                out.append(Item("person", [value.removesuffix("同志")], at, end, label.start()))  # 张三同志
            elif lexicon.is_name(value):
                out.append(Item("person", [value], at, end, label.start()))
            elif (glued := unit_then_name(value, lexicon)) is not None:
                unit, name = glued  # 市工业和信息化局电力处刘家彧: a unit with its person's name glued on
                out.append(Item("org", [unit], at, at + len(unit), label.start()))
                out.append(Item("person", [name], at + len(unit), end, label.start()))
            else:
                cut = value.split("同志")[0]
                if cut != value and lexicon.is_name(cut):
                    out.append(Item("person", [cut], at, end, label.start()))
                else:
                    break
            position = end
        else:
            break
    if out:  # the run starts at its label (a unit before it in the clause is the contacts' org)
        out[0] = Item(out[0].kind, out[0].values, label.start(), out[0].end, out[0].label_start)
    return out


_OWN_UNIT = re.compile(f"[（(](?P<unit>[{CJK}]{{2,30}})[）)]")


def _own_unit(stretch: str, lexicon: ContactLexicon) -> re.Match[str] | None:
    found = _OWN_UNIT.match(stretch)
    return found if found and lexicon.unit(found.group("unit")) == found.group("unit") else None


def _labelled_items(kind: str, found: re.Match[str], start: int, label_start: int, text: str,
                    patterns: dict[str, re.Pattern[str]], lexicon: ContactLexicon) -> tuple[list[Item], int]:
    """The items of one labelled value, and where they end: numbers (``0531-67800967 , 67800757(传真)``:
    a number marked 传真 after it is a fax), addresses, or one account as printed."""
    if kind in ("other", "address"):
        return [Item(kind, [found.group()], start, found.end(), label_start, found.group())], found.end()
    finder = patterns["email"] if kind == "email" else patterns["phone"]
    values = [v for v in finder.finditer(found.group())]
    mark = _FAX_MARK.match(text, found.end())
    if kind == "phone" and mark and lexicon.label_kinds.get(mark.group("label")) == "fax":
        fax = values.pop()
        items = [Item("phone", [v.group() for v in values], start, found.start() + fax.start(), label_start)] \
            if values else []
        fax_start = found.start() + fax.start()  # labelled by its mark
        items.append(Item("fax", [fax.group()], fax_start, mark.end(), fax_start, fax.group()))
        return items, mark.end()
    return [Item(kind, [v.group() for v in values], start, found.end(), label_start, found.group())], found.end()


_FAX_MARK = re.compile(r"\s*[（(](?P<label>[^）)]{2,4})[）)]")


def _spaced_names(parts: list[str]) -> list[str]:
    """Words of a line with a name spaced for print joined again: [山东能源监管办, 贾, 芳] →
    [山东能源监管办, 贾芳]."""
    out: list[str] = []
    run: list[str] = []
    for part in [*parts, ""]:
        if len(part) == 1:
            run.append(part)
            continue
        if run:
            out.append("".join(run))
            run = []
        if part:
            out.append(part)
    return out


def _line_limit(text: str, position: int) -> int:
    stop = re.compile(r"[。\n]").search(text, position)
    return stop.start() if stop else len(text)


_LISTED_UNIT = re.compile(f"(?P<unit>[{CJK}]{{2,24}})[：:]")
_LISTED_NAME = re.compile(f"[{CJK}](?:[ \u3000]?[{CJK}]){{1,3}}(?:[ \t\u3000]+\\d.*)?")
LISTED_LINE_MAX_CHARS = 40


def _listed_line(text: str, line_end: int, lexicon: ContactLexicon) -> int | None:
    """Where the next line goes on with a contact list broken into lines (``省能源局：刘硕英 86705822``,
    ``张伟 0591-…``, or a page that set unit, name and number each on its own line), or None."""
    if text[line_end : line_end + 1] != "\n":
        return None
    next_end = text.find("\n", line_end + 1)
    line = text[line_end + 1 : next_end if next_end >= 0 else len(text)].strip(" \t\u3000")
    if not line or len(line) > LISTED_LINE_MAX_CHARS:
        return None
    patterns = _patterns(lexicon)
    unit = _LISTED_UNIT.match(line)
    words = _spaced_names(line.split())
    if (
        (unit is not None and lexicon.unit(unit.group("unit")))
        or (  # 山东电力调控中心 张国强 廖大鹏: a unit and its people, their numbers on the lines after
            len(words) > 1 and lexicon.unit(words[0]) is not None
            and all(lexicon.is_name(word) for word in words[1:])
        )
        or (_LISTED_NAME.fullmatch(line) and lexicon.is_name("".join(line.split()[0:1]) if " " in line else line))
        or unit_then_name(line, lexicon) is not None  # 山东省发展改革委史华南: the scan lost the gap
        or patterns["phones"].fullmatch(line)
        or patterns["email"].fullmatch(line)
        or patterns["label"].match(line)
    ):
        return line_end + 1 + (len(text[line_end + 1 :]) - len(text[line_end + 1 :].lstrip(" \t\u3000")))
    return None


def _items(text: str, lexicon: ContactLexicon) -> list[Item]:
    patterns = _patterns(lexicon)
    kinds = lexicon.label_kinds
    items: list[Item] = []
    for label in patterns["label"].finditer(text):
        kind = kinds["".join(label.group("label").split())]
        if not _heads_contact(text, label.start(), label.group("label"), kind):
            continue
        if kind == "phone" and not re.search("[:：]", label.group()) and re.match(f"[{CJK}]", text[label.end() : label.end() + 1]):
            continue  # 加强政企热线联动: a phone word in a sentence, no label of a number
        if kind == "person" or kind == "phone" and (
                _NAME_START.match(text, label.end()) or _unit_and_person(text, label.end(), lexicon)
                or _unit_then_number(text, label.end(), lexicon)):
            # 联系人：县司法局 王强 23155917；联系方式：王强，0591-…: people, their units and numbers in a run
            items.extend(_person_run(text, label, patterns, lexicon))
            continue
        if kind == "org":  # 联系单位：区应急管理局，联系人：…: the unit of the people after it
            unit = re.match(f"[{CJK}（）()]{{2,30}}", text[label.end() : _line_limit(text, label.end())])
            if unit and lexicon.unit(unit.group()) == unit.group():
                items.append(Item("org", [unit.group()], label.start(), label.end() + unit.end(), label.start()))
            continue
        value_pattern = {"phone": patterns["phones"], "fax": patterns["phones"], "email": patterns["emails"],
                         "address": patterns["address"]}.get(kind, patterns["other"])
        value = value_pattern.match(text, label.end())
        if not value and kind == "phone":  # 举报电话（0591-23160063）: the number in brackets
            value = _bracketed(text, label.end(), value_pattern)
        if not value:
            continue
        before = text[clause_start(text, label.start()) : label.start()]
        start = label.start()
        if kind == "other":  # keep the label's own qualifier: 区政府官方网站
            qualifier = re.search(f"[{CJK}]*$", before)
            start -= len(qualifier.group()) if qualifier else 0
        placed = kind == "phone" and re.search("[（(]", value.group()) is not None  # numbers marked by places
        named_after = None if placed else re.match(f"\\s*[（(](?P<name>[{CJK}]{{2,30}})[）)]|[ \\t\u3000]+(?P<bare>[{CJK}]{{2,3}})(?=$|[\\s，,。；;])",
                               text[value.end() : value.end() + 34])  # 0591-23155917（王强）, 0591-24300004 周八
        if named_after and named_after.group("bare"):
            named_after = re.match(f"[ \\t\u3000]+(?P<name>[{CJK}]{{2,3}})", text[value.end() : value.end() + 8])
        if named_after and lexicon.unit(named_after.group("name")) is not None:  # 0591-24318119（区安委办）
            items.append(Item("org", [named_after.group("name")], start, start, label.start()))
        elif named_after and lexicon.is_name(named_after.group("name")):  # 0591-23155917（王强）: the number's person
            items.append(Item("person", [named_after.group("name")], start, start, label.start()))
        items.extend(_labelled_items(kind, value, start, label.start(), text, patterns, lexicon)[0])
        asked = _person_asked_for(text, label.start(), lexicon) if kind == "phone" else None
        glued = unit_then_name(asked[1], lexicon) if asked else None
        if glued is not None and asked is not None:
            # 请与区社会事业局林明联系（电话：…）, 报区应急局林晓东同志（电话：…）: the person asked for, and their unit
            person_at = asked[0] + len(glued[0])
            items.append(Item("org", [glued[0]], asked[0], person_at, label.start()))
            items.append(Item("person", [glued[1]], person_at, label.start(), label.start()))  # up to its bracket
        window_start = max(0, label.start() - NAME_WINDOW)
        window = ("\n" if window_start == 0 else "") + text[window_start : label.start()]
        named = None if glued is not None else patterns["name_before"].search(window)
        if kind in ("phone", "other") and named:
            name_start = label.start() - len(window) + named.start("name")
            if lexicon.unit(named.group("name")) == named.group("name"):  # 收件人：金融处，电话：…: an office
                items.append(Item("org", [named.group("name")], name_start, name_start + len(named.group("name")),
                                  name_start))
            elif reads_as_person(named.group("name"), lexicon, default_leader_lexicon()):
                items.append(Item("person", [named.group("name")], name_start, name_start + 3, name_start))
    taken = [(item.start, item.end) for item in items]
    # 申报受理： / 区商务委    64178603 (a line of its own); 区经发局：0591-23163127（经信处） 区财金局：… (after a colon; a
    # list's units glued after the number before or after its 应急电话 / 联系方式 heading)
    for line in [*_UNIT_NUMBER_LINE.finditer(text), *_UNIT_COLON_NUMBER.finditer(text)]:
        listed, numbers = line.group("unit"), patterns["phones"].fullmatch(line.group("numbers"))
        part_label = next((label for label in lexicon.unit_role_labels if listed.startswith(label)), "")
        listed = listed[len(part_label) :]  # 1.主办单位平潭综合实验区经济发展局：0591-…: the unit, not its part
        if numbers is None or lexicon.unit(listed) != listed or any(lo < line.end() and line.start() < hi for lo, hi in taken):
            continue
        items.append(Item("org", [listed], line.start("unit") + len(part_label), line.end("unit"), line.start("unit")))
        items.append(Item("phone", [v.group() for v in patterns["phone"].finditer(numbers.group())],
                          line.start("numbers"), line.end("numbers"), line.start("unit")))
        if line.groupdict().get("part"):  # the unit's department that answers it
            items.append(Item("other", [line.group("part")], line.start("part"), line.end("part"), line.start("unit")))
    for row_unit, at, number, (_, end) in glued_unit_numbers(text, lexicon):  # …平潭实验幼儿园24368558平潭平原镇中心幼儿园…
        if not any(lo < end and at < hi for lo, hi in taken):
            items.append(Item("org", [row_unit], at, at + len(row_unit), at))
            items.append(Item("phone", [v.group() for v in patterns["phone"].finditer(number)], at + len(row_unit), end, at))
    items.sort(key=lambda item: item.start)
    return [
        item
        for index, item in enumerate(items)
        if not any(o.start <= item.start < o.end and o.kind != "person" for o in items[:index])
    ]


# a line holding only a unit and its number (a list of where to call, under a heading of its own)
_UNIT_NUMBER_LINE = re.compile(rf"(?m)^[ \t\u3000]*(?P<unit>[{CJK}]{{2,24}}?)[ \t\u3000]*"
                               r"(?P<numbers>[\d（(][\d\-－—–转分机（）()、/ ]*\d)[ \t\u3000]*$")


_UNIT_COLON_NUMBER = re.compile(rf"(?:^|(?<=[\s，,；;、\d.．])|(?<=电话|方式))(?P<unit>(?:(?!电话|方式)[{CJK}]){{2,24}}?)[：:][ \t\u3000]*"
                                rf"(?P<numbers>(?:0\d{{2,3}}[-－—])?[2-9]\d{{6,7}}|1[3-9]\d{{9}})(?:(?![\d-])|(?=\d[.．][^\d]))(?:[（(](?P<part>[{CJK}]{{2,8}})[）)])?")
_ASKED_TO_CONTACT = re.compile(f"与(?P<who>[{CJK}]{{4,30}}?)(?:联系|联络)\\s*[（(]\\s*$")
_HANDED_TO = re.compile(f"(?P<who>[{CJK}]{{4,30}}?)(?:同志)?\\s*[（(]\\s*$")


def _person_asked_for(text: str, label_start: int, lexicon: ContactLexicon) -> tuple[int, str] | None:
    """Where the unit and person a bracketed number belongs to start, and what they read, when the clause
    asks to contact them (``请与区社会事业局林明联系（``) or hands something over to them
    (``将名单报区应急局林晓东同志（``, after the last hand-over verb); else None."""
    floor = max(0, label_start - UNIT_BEFORE_LABEL_MAX_CHARS - 8)
    asked = _ASKED_TO_CONTACT.search(text, floor, label_start)
    if asked:
        return asked.start("who"), asked.group("who")
    before = text[floor:label_start]
    verb = end_of_last(before, lexicon.hand_over_verbs)
    handed = _HANDED_TO.fullmatch(before, verb) if verb is not None else None
    return (floor + handed.start("who"), handed.group("who")) if handed else None


def _bracketed(text: str, position: int, value_pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The value inside the bracket that opens at ``position``, when the bracket holds only that value."""
    if text[position : position + 1] not in ("（", "("):
        return None
    value = value_pattern.match(text, position + 1)
    return value if value and text[value.end() : value.end() + 1] in ("）", ")") else None


def _values_after_full_stop(text: str, block: list[Item], item: Item) -> bool:
    """``联系人：林倩。联系电话：…``: a block naming a person but no number or mailbox yet, then after a full stop a
    number or a mailbox: that person's."""
    return any(other.kind == "person" for other in block) and item.kind in _VALUE_KINDS \
        and not any(other.kind in _VALUE_KINDS for other in block) \
        and re.fullmatch(r"\s*。\s*", text[block[-1].end : item.start]) is not None


_VALUE_KINDS = ("phone", "email", "fax")


def _blocks(text: str, items: list[Item], lexicon: ContactLexicon) -> list[list[Item]]:
    gap = _patterns(lexicon)["gap"]
    blocks: list[list[Item]] = []
    for item in items:
        if blocks and (item.start <= blocks[-1][-1].end or gap.fullmatch(text[blocks[-1][-1].end : item.start])
                       or _values_after_full_stop(text, blocks[-1], item)):
            blocks[-1].append(item)
        else:
            blocks.append([item])
    return blocks


def find_contacts(text: str, lexicon: ContactLexicon | None = None) -> list[ContactHit]:
    """Every contact in ``text``, in reading order: one entry per person, or per office without one.
    Spans are positions in ``text`` as given, phone numbers broken by a line wrap mended."""
    lexicon = lexicon or default_contact_lexicon()
    text, removed = mend_broken_numbers(text, lexicon)
    listed = [ContactHit(name, unit, phones, None, [], None, span, "contacts.listed_by_unit.v1")
              for name, unit, phones, span in unit_listings(text, lexicon)]  # it knows each person's unit
    names = {hit.name for hit in listed}
    table = list(table_contacts(text, lexicon))  # a glued table's header says what each cell is
    hits = _once_per_person(sorted([h for h in _contacts(text, lexicon) if h.name not in names
                                    and not any(row.span[0] <= h.span[0] < row.span[1] for row in table)] + listed,
                                   key=lambda hit: hit.span))
    rows = table + _row_hits(text, hits + table, lexicon)  # (a row's unit is its line's: none is looked for below)
    for hit in hits:
        if hit.name and hit.org is None:
            hit.org = labelled_by_unit(text, hit.span[0], lexicon) or lexicon.unit(sent_to(text, hit.span[0]))
        if hit.name is None and hit.org is None:
            hit.org, hit.name = unit_then_name(handed_to(text, hit.span[0]), lexicon) or (None, None)
            if hit.name is None and hit.org is None:  # 潘凡程（联络员，手机：…）: the person before the bracket
                hit.name = person_before_bracket(text, hit.span[0], lexicon, default_leader_lexicon())
        elif hit.name is None and hit.org is not None and (named := unit_then_name(hit.org, lexicon)) is not None:
            hit.org, hit.name = named  # …报送政法综治处陈花芳处，联系电话：: the unit sent to, then its person
    rows += _bare_mailboxes(text, hits + rows, lexicon)
    rows += _faxed_to(text, hits + rows, lexicon)
    for hit in hits + rows:
        hit.span = (original_position(hit.span[0], removed), original_position(hit.span[1], removed))
    # 网址：http://…: a web address alone reaches nobody (who it is, a number or a mailbox is a contact)
    hits = [hit for hit in hits if hit.name or hit.phones or hit.emails or hit.fax
            or not (hit.other and lexicon.web_address_only.match(hit.other))]
    return sorted(hits + rows, key=lambda hit: hit.span)


SENT_TO_REACH = 8  # characters before a bare mailbox where the words sending things to it stand
_SENT_TO_MAILBOX = re.compile(r"(?:发送|报送|发|送|传|报)(?:至|到)[：:]?\s*$|邮箱[：:]?\s*$")


def _bare_mailboxes(text: str, hits: list[ContactHit], lexicon: ContactLexicon) -> list[ContactHit]:
    """A mailbox printed without a label that no contact holds (``…以电子文档形式发送至ptjj@163.com``): where
    things are sent, a contact of its own with neither name nor unit (``contacts.mailbox.v1``)."""
    held = {email.lower() for hit in hits for email in hit.emails}
    out: list[ContactHit] = []
    for found in _patterns(lexicon)["email"].finditer(text):
        sent_to = _SENT_TO_MAILBOX.search(text, max(0, found.start() - SENT_TO_REACH), found.start())
        if sent_to is not None and found.group().lower() not in held:
            held.add(found.group().lower())
            out.append(ContactHit(None, None, [], None, [found.group()], None, found.span(), "contacts.mailbox.v1"))
    return out


_FAXED_TO = re.compile(r"传真(?:至|到)[：:]?\s*")  # …，或传真至|0591-24336808: a number is faxed to what follows


def _faxed_to(text: str, hits: list[ContactHit], lexicon: ContactLexicon) -> list[ContactHit]:
    """A number things are faxed to, printed without a label (``…发送至…邮箱x@163.com，或传真至0591-24336808``): the
    fax of the contact whose mailbox the same sentence names, else a contact of its own with neither name nor unit
    (``contacts.fax_to.v1``)."""
    held = {digits(number) for hit in hits for number in [*hit.phones, *([hit.fax] if hit.fax else [])]}
    out: list[ContactHit] = []
    for cue in _FAXED_TO.finditer(text):
        found = _patterns(lexicon)["phone"].match(text, cue.end())  # 0591-24336808, 059124139139: a phone's forms
        if found is None:
            continue
        number = found.group()
        if digits(number) in held:
            continue
        held.add(digits(number))
        sentence_start = max(text.rfind("。", 0, found.start()), text.rfind("\n", 0, found.start())) + 1
        mailbox = next((hit for hit in hits if hit.emails and hit.fax is None and not hit.phones
                        and sentence_start <= hit.span[0] < found.start()), None)
        if mailbox is not None:
            mailbox.fax = number
        else:
            out.append(ContactHit(None, None, [], number, [], None, found.span(), "contacts.fax_to.v1"))
    return out


def _row_hits(text: str, hits: list[ContactHit], lexicon: ContactLexicon) -> list[ContactHit]:
    """People printed right before a phone number no other contact holds (``contact_rows``); a person
    printed again with another number (a duty roster's rows) is one entry with both."""
    claimed = {digits(phone) for hit in hits for phone in hit.phones}
    by_name: dict[str, ContactHit] = {}
    for name, unit, number, span in row_contacts(text, claimed, lexicon, default_leader_lexicon()):
        if name in by_name:
            by_name[name].phones.append(number)
        else:
            by_name[name] = ContactHit(name, unit, [number], None, [], None, span, "contacts.row.v1")
    return list(by_name.values())


def _once_per_person(hits: list[ContactHit]) -> list[ContactHit]:
    """A person printed again later with nothing new (``（联系人：施文，联系电话：137…）`` under the signature,
    after the full entry in the body) is one contact; so is an office's number printed again (``…上报苏平片区管理局
    （值班电话：23159779）`` and later ``苏平片区：23159779``): the first printing holds it."""
    out: list[ContactHit] = []
    for hit in hits:
        earlier = next((h for h in out if (hit.name and h.name == hit.name or not hit.name and hit.phones and h.org)
                        and {digits(p) for p in hit.phones} <= {digits(p) for p in h.phones}
                        and set(hit.emails) <= set(h.emails) and (hit.fax is None or hit.fax == h.fax)), None)
        if earlier is None:
            out.append(hit)
    return out


def _contacts(text: str, lexicon: ContactLexicon) -> list[ContactHit]:
    hits: list[ContactHit] = []
    for block in _blocks(text, _items(text, lexicon), lexicon):
        if all(item.kind in ("person", "org", "own_org") for item in block):
            continue
        block_org = org_of_block(text, block, lexicon)
        span = (block[0].start, block[-1].end)
        seen: set[str] = set()
        for group in shared_mailbox(named_after_values(group_people(block)), text):
            group.names = [n for n in group.names if not (n in seen or seen.add(n))]  # type: ignore[func-returns-value]
            if not group.names and not group.items:
                continue
            phones = [value for item in group.items if item.kind == "phone" for value in item.values]
            faxes = [item.printed or item.values[0] for item in group.items if item.kind == "fax"]
            emails = [value for item in group.items if item.kind == "email" for value in item.values]
            if all(item.kind == "address" for item in group.items) and not group.names:
                continue  # 地址：… alone (a page footer, a table's header) is no contact
            others = ["".join(text[item.start : item.end].split()) for item in group.items
                      if item.kind in ("other", "address")]
            fax = faxes[0] if faxes else None
            other = "；".join(others) if others else None
            org = group.org or block_org
            if not group.names:
                hits.append(ContactHit(None, org, phones, fax, emails, other, span, "contacts.unit.v1"))
            elif (each := paired(group)) is not None:
                hits.extend(ContactHit(name, org, person_phones, person_fax, person_emails, other, span,
                                       "contacts.labelled.v1")
                            for name, person_phones, person_fax, person_emails in each)
            else:
                hits.extend(ContactHit(name, org, list(phones), fax, list(emails), other, span, "contacts.labelled.v1")
                            for name in group.names)
    return hits


