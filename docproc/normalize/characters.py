"""Character-level clean-up passes of OCR text: digits, years, 文号 brackets, spaces, strays,
lexicon-checked misreadings and ASCII punctuation between Chinese characters."""

from __future__ import annotations

import re
from functools import lru_cache

from docproc.normalize.offsets import Edit, TextEditor
from docproc.normalize.rules import CJK_IDEOGRAPH, CJK_PUNCTUATION, CleanupRules

_FULLWIDTH_DIGITS = {chr(0xFF10 + i): str(i) for i in range(10)}
_HAN = f"[{CJK_IDEOGRAPH}]"
_CJK_CONTEXT = f"[{CJK_IDEOGRAPH}{CJK_PUNCTUATION}]"
_SPACE = r"[ \t\u00a0]"
# A pattern here starts with the character class of its match's first character, not with a lookbehind:
# re skips to such a character at C speed, where a lookbehind first is tried at every position of the text.
_DIGIT_SPACE_DIGIT = re.compile(rf"\d{_SPACE}\d")  # what every split number holds


@lru_cache(maxsize=4)
def _patterns(rules: CleanupRules) -> dict[str, re.Pattern[str]]:
    year_chars = "".join(re.escape(c) for c in rules.year_digit_confusions if len(c) == 1)
    opening = re.escape(rules.doc_number_open_brackets)
    closing = re.escape(rules.doc_number_close_brackets)
    stray = re.escape(rules.stray_between_cjk)
    return {
        "fullwidth_digit": re.compile("[０-９]"),
        "year": re.compile(
            rf"([⒛12](?<![0-9A-Za-z][⒛12])(?:(?<=⒛)[0-9{year_chars}]{{2}}|(?<=[12])[0-9{year_chars}]{{3}}))"
            rf"(?={_SPACE}*(?:年|[{closing}〕]))"
        ),
        "doc_number": re.compile(
            rf"(?<={_HAN}){_SPACE}*[{opening}]{_SPACE}*((?:19|20)\d\d){_SPACE}*[{closing}]"
            rf"{_SPACE}*(\d{{1,5}}){_SPACE}*(?=号)"
        ),
        "date_space": re.compile(
            rf"{_SPACE}(?:(?<=\d{_SPACE}){_SPACE}*(?=[年月日号时点分个%])"
            rf"|(?<=[年月日号至到于在]{_SPACE})(?<!\d号{_SPACE}){_SPACE}{{0,2}}(?=\d)"
            rf"|(?<=\d[日月年]{_SPACE}){_SPACE}*(?=[至到前起止—－-]))"
        ),
        # ``〔2 024〕``, ``〔201 8〕``, ``6561 61``, ``0573-8 2061234``: one space splitting a number
        # after a Chinese character, an opening bracket or an area-code dash, one part ≤ 2 digits
        # (not a table row's number after a whole one before its next cell: ``0591-24311110 2 区交通与建设局``)
        "digit_space": re.compile(
            rf"(?<=[{CJK_IDEOGRAPH}〔［\[（(：:\-－])(?:(\d{{1,2}}){_SPACE}(\d{{2,11}})"
            rf"|(\d{{2,6}}){_SPACE}(\d{{1,2}})|(\d{{7,11}}){_SPACE}(\d{{1,2}})(?!{_SPACE}[{CJK_IDEOGRAPH}]))"
            rf"(?![\d.．:：])"
        ),
        # an e-mail or web address with spaces in it (``fw j @hengqi n. gov. cn``)
        "spaced_address": re.compile(
            rf"(?<={_CJK_CONTEXT}|[:：]){_SPACE}?(?:"
            rf"[A-Za-z0-9._%+-]+(?:{_SPACE}[A-Za-z0-9._%+-]+)*{_SPACE}?@{_SPACE}?[A-Za-z0-9.-]+"
            rf"(?:{_SPACE}[A-Za-z0-9.-]+)*"
            rf"|(?:https?:{_SPACE}?//{_SPACE}?|www{_SPACE}?\.{_SPACE}?)[A-Za-z0-9.-]+(?:{_SPACE}[A-Za-z0-9./-]+)*)"
        ),
        "punct_space": re.compile(
            rf"{_SPACE}(?:(?<=[^\s]{_SPACE}){_SPACE}*(?=[，。、；：！？”）》,.;:!?)])"
            rf"|(?<=[（“《(，。、；：]{_SPACE}){_SPACE}*(?=\S)"
            rf"|(?<={_HAN}{_SPACE}){_SPACE}*(?=[《“]|[（(](?![一二三四五六七八九十\d]{{1,3}}[)）])))"
        ),
        "stray": re.compile(
            rf"[ \t\u00a0{stray}](?<={_CJK_CONTEXT}[ \t\u00a0{stray}])"
            rf"(?:(?<={_SPACE}){_SPACE}*[{stray}]|(?<=[{stray}])){_SPACE}*(?={_CJK_CONTEXT}|[(),:;])"
        ),
        "paren": re.compile(r"[(（]([^()（）\n]{0,60})[)）]"),
        "ascii_punct": re.compile(r"[,:;?!]"),
        "dot_before_punct": re.compile(rf"\.(?<={_HAN}\.)(?=[，,。、；;])"),
        "space_in_word": re.compile(rf"{_SPACE}(?<={_HAN}{_SPACE})(?={_HAN})"),
        "has_cjk": re.compile(_CJK_CONTEXT),
    }


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")


def fullwidth_digits(editor: TextEditor, rules: CleanupRules) -> int:
    """１２３ → 123 (the extractors read ASCII digits)."""
    return editor.sub(_patterns(rules)["fullwidth_digit"], lambda m: _FULLWIDTH_DIGITS[m.group(0)])


_CHINESE_NUMERALS = "一二三四五六七八九十"
# enclosed numerals a word processor uses for list markers, spelled out as the outline reads markers: ㈠ → （一）,
# ⑴ → （1）, ⒈ → 1． (Unicode's parenthesized ideographs, parenthesized digits and digits with a full stop)
_ENCLOSED_NUMERALS = {
    **{chr(0x3220 + i): f"（{_CHINESE_NUMERALS[i]}）" for i in range(10)},
    **{chr(0x2474 + i): f"（{i + 1}）" for i in range(20)},
    **{chr(0x2488 + i): f"{i + 1}．" for i in range(20)},
}
# only where a marker stands: at a line's or sentence's start, before the words of its item (⒛21 in OCR is a year)
# (led by the numeral itself, so that the scan skips to one: a lookbehind first is tried at every position)
_NUMERAL_CLASS = "[" + "".join(_ENCLOSED_NUMERALS) + "]"
_ENCLOSED_NUMERAL = re.compile(f"{_NUMERAL_CLASS}(?<![^\\s。；;：:]{_NUMERAL_CLASS})(?=[\\u4e00-\\u9fff“《])")


def spell_out_enclosed_numerals(editor: TextEditor) -> int:
    """㈠ → （一）, ⑴ → （1）, ⒈ → 1．: list markers written as single enclosed characters."""
    return editor.sub(_ENCLOSED_NUMERAL, lambda m: _ENCLOSED_NUMERALS[m.group(0)])


def join_split_numbers(editor: TextEditor, rules: CleanupRules) -> int:
    """A number OCR split with a space (``〔2 024〕``, ``6561 61``, ``0573-8 2061234``), before the
    year and 文号 repairs read it."""
    if not _DIGIT_SPACE_DIGIT.search(editor.text):
        return 0
    return editor.sub(_patterns(rules)["digit_space"], lambda m: "".join(g for g in m.groups() if g))


def repair_years(editor: TextEditor, rules: CleanupRules) -> int:
    """``⒛21``/``2o21``/``2O2l`` → 2021, only before 年 or a 文号 bracket."""
    table = rules.year_digit_confusions

    def fix(match: re.Match[str]) -> str | None:
        year = "".join(table.get(c, c) for c in match.group(1))
        return year if year.isdigit() and year[:2] in ("19", "20") else None

    return editor.sub(_patterns(rules)["year"], fix)


def repair_doc_number_brackets(editor: TextEditor, rules: CleanupRules) -> int:
    """``沈法治发 匚2021〕 7号`` → ``沈法治发〔2021〕7号``."""
    edits: list[Edit] = []
    for match in _patterns(rules)["doc_number"].finditer(editor.text):
        edits.append((match.start(), match.start(1), "〔"))
        edits.append((match.end(1), match.start(2), "〕"))
        edits.append((match.end(2), match.end(), ""))
    return editor.apply(edits)


def tighten_spaces(editor: TextEditor, rules: CleanupRules) -> int:
    """Spaces inside dates (``9月 22日 至``) and before/after punctuation (``满意度 ,``, ``(二 )``)."""
    patterns = _patterns(rules)
    count = editor.sub(patterns["date_space"], lambda m: "")
    return count + editor.sub(patterns["punct_space"], lambda m: "")


def _joined_address(address: str) -> str | None:
    """The address without the spaces OCR put in it: around ``@`` and ``.``, and next to a piece of
    at most two characters (``fw j`` → ``fwj``); a space between two longer words stays."""
    lead = len(address) - len(address.lstrip(" \t\u00a0"))
    pieces = re.split(r"[ \t\u00a0]", address[lead:])
    if len(pieces) == 1:
        return None
    out = pieces[0]
    for piece in pieces[1:]:
        glue = (out[-1:] in "@./:" or piece[:1] in "@./" or len(piece) <= 2
                or len(re.split(r"[@./:]", out)[-1]) <= 2)
        out += piece if glue else " " + piece
    out = address[:lead] + out
    return out if out != address else None


def join_spaced_addresses(editor: TextEditor, rules: CleanupRules) -> int:
    """``fw j @hengqi n. gov. cn`` → ``fwj@hengqin.gov.cn`` (the address must hold ``@``, or start
    with ``http://`` / ``www.``)."""
    text = editor.text
    if "@" not in text and "www" not in text and "http" not in text:
        return 0
    return editor.sub(_patterns(rules)["spaced_address"], lambda m: _joined_address(m.group(0)))


def remove_strays(editor: TextEditor, rules: CleanupRules) -> int:
    """Stray ``| ~ i l {`` (and spaces around them) between Chinese characters."""
    return editor.sub(_patterns(rules)["stray"], lambda m: "")


def _covering_word(text: str, lo: int, hi: int, lexicon: frozenset[str], longest: int) -> bool:
    """Is there a lexicon word in ``text`` that covers ``[lo, hi)`` (for lo == hi: spans lo-1..lo)?"""
    first = lo - 1 if lo == hi else lo
    last = hi if lo == hi else hi - 1
    for length in range(2, longest + 1):
        for start in range(max(0, last - length + 1), first + 1):
            end = start + length
            if end > len(text) or end <= last:
                continue
            if text[start:end] in lexicon:
                return True
    return False


def correct_confusions(editor: TextEditor, rules: CleanupRules) -> int:
    """Misreadings fixed only when the fix makes a lexicon word that the misreading does not."""
    if not rules.confusions:
        return 0
    text = editor.text
    lexicon, longest = rules.lexicon, rules.max_word_length
    removable = {c.wrong for c in rules.confusions if not c.right and len(c.wrong) == 1}
    edits: list[Edit] = []
    by_first: dict[str, list[tuple[str, str]]] = {}
    for confusion in rules.confusions:
        by_first.setdefault(confusion.wrong[0], []).append((confusion.wrong, confusion.right))
    position = 0
    while position < len(text):
        candidates = by_first.get(text[position])
        if not candidates:
            position += 1
            continue
        done = False
        for wrong, right in candidates:
            if not text.startswith(wrong, position):
                continue
            end = position + len(wrong)
            if not right and not (
                position > 0 and _is_cjk(text[position - 1]) and _is_cjk(text[end : end + 1])
            ):
                continue
            edit = _checked_edit(text, position, end, right, removable, lexicon, longest)
            if edit is not None:
                edits.append(edit)
                position = edit[1]
                done = True
                break
        if not done:
            position += 1
    return editor.apply(edits)


def _checked_edit(
    text: str,
    start: int,
    end: int,
    right: str,
    removable: set[str],
    lexicon: frozenset[str],
    longest: int,
) -> Edit | None:
    margin = longest
    if right and _covering_word(text[: end + margin], start, end, lexicon, longest):
        return None  # the text as read is already a word (抽查 stays 抽查)
    variants = [(start, end)]
    if right and text[end : end + 1] in removable and _is_cjk(text[end + 1 : end + 2]):
        variants.append((start, end + 1))
    if right and start > 0 and text[start - 1] in removable and _is_cjk(text[start - 2 : start - 1]):
        variants.append((start - 1, end))
    for lo, hi in variants:
        window_lo = max(0, lo - margin)
        candidate = text[window_lo:lo] + right + text[hi : hi + margin]
        region_lo = lo - window_lo
        if _covering_word(candidate, region_lo, region_lo + len(right), lexicon, longest):
            return (lo, hi, right)
    return None


def fullwidth_punctuation(editor: TextEditor, rules: CleanupRules) -> int:
    """ASCII ``( ) : , ; ? !`` in Chinese text → full-width (not between two digits: 1,000, 8:30);
    a bracket pair half ASCII, half full-width (``（联系人：沈立群)``) becomes full-width."""
    patterns = _patterns(rules)
    has_cjk = patterns["has_cjk"]

    def pair(match: re.Match[str]) -> str | None:
        whole = match.group(0)
        if whole[0] == "（" and whole[-1] == "）" or not has_cjk.search(match.group(1)):
            return None
        return f"（{match.group(1)}）"  # ASCII or mixed pair (``（电话：…)``)

    count = editor.sub(patterns["paren"], pair)
    count += editor.sub(patterns["dot_before_punct"], lambda m: "")
    text = editor.text
    table = rules.ascii_to_fullwidth

    def convert(match: re.Match[str]) -> str | None:
        at = match.start()
        before = text[at - 1] if at > 0 else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        if before.isdigit() and after.isdigit():
            return None
        if has_cjk.match(before) or has_cjk.match(after):
            return table.get(match.group(0))
        return None

    return count + editor.sub(patterns["ascii_punct"], convert)


def join_split_words(editor: TextEditor, rules: CleanupRules) -> int:
    """A space inside a lexicon word (``帮 助``, ``自 查``) is removed."""
    lexicon, longest = rules.lexicon, rules.max_word_length
    text = editor.text

    def check(match: re.Match[str]) -> str | None:
        lo, hi = match.start(), match.end()
        window_lo = max(0, lo - longest)
        candidate = text[window_lo:lo] + text[hi : hi + longest]
        junction = lo - window_lo
        return "" if _covering_word(candidate, junction, junction, lexicon, longest) else None

    return editor.sub(_patterns(rules)["space_in_word"], check)
