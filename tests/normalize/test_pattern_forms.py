"""The clean-up patterns are written led by their first character's class, for speed. Each must match exactly
where its plain form (a lookbehind first, as one would first write it) matches: same spans, same groups."""

from __future__ import annotations

import random
import re

import pytest

from docproc.normalize import characters
from docproc.normalize.rules import CJK_IDEOGRAPH, CJK_PUNCTUATION, load_cleanup_rules

_SPACE = r"[ \t\u00a0]"
_HAN = f"[{CJK_IDEOGRAPH}]"
_CJK_CONTEXT = f"[{CJK_IDEOGRAPH}{CJK_PUNCTUATION}]"


def _plain_forms() -> dict[str, re.Pattern[str]]:
    rules = load_cleanup_rules()
    year_chars = "".join(re.escape(c) for c in rules.year_digit_confusions if len(c) == 1)
    closing = re.escape(rules.doc_number_close_brackets)
    stray = re.escape(rules.stray_between_cjk)
    numerals = "".join(characters._ENCLOSED_NUMERALS)
    return {
        "year": re.compile(
            rf"(?<![0-9A-Za-z])((?:⒛[0-9{year_chars}]{{2}})|(?:[12][0-9{year_chars}]{{3}}))"
            rf"(?={_SPACE}*(?:年|[{closing}〕]))"
        ),
        "date_space": re.compile(
            rf"(?<=\d){_SPACE}+(?=[年月日号时点分个%])"
            rf"|(?<=[年月日号至到于在])(?<!\d号){_SPACE}{{1,3}}(?=\d)"
            rf"|(?<=\d[日月年])(?:{_SPACE}+)(?=[至到前起止—－-])"
        ),
        "punct_space": re.compile(
            rf"(?<=[^\s]){_SPACE}+(?=[，。、；：！？”）》,.;:!?)])"
            rf"|(?<=[（“《(，。、；：]){_SPACE}+(?=\S)"
            rf"|(?<={_HAN}){_SPACE}+(?=[《“]|[（(](?![一二三四五六七八九十\d]{{1,3}}[)）]))"
        ),
        "stray": re.compile(rf"(?<={_CJK_CONTEXT}){_SPACE}*[{stray}]{_SPACE}*(?={_CJK_CONTEXT}|[(),:;])"),
        "dot_before_punct": re.compile(rf"(?<={_HAN})\.(?=[，,。、；;])"),
        "space_in_word": re.compile(rf"(?<={_HAN}){_SPACE}(?={_HAN})"),
        "enclosed_numeral": re.compile(rf"(?:^|(?<=[\s。；;：:]))[{numerals}](?=[\u4e00-\u9fff“《])", re.MULTILINE),
    }


def _fast_forms() -> dict[str, re.Pattern[str]]:
    patterns = characters._patterns(load_cleanup_rules())
    return {**patterns, "enclosed_numeral": characters._ENCLOSED_NUMERAL}


_ALPHABET = list(
    "   \t\u00a0\n0123456789年月日号至到于在前起止—－-时点分%，。、；：！？”）》,.;:!?)（“《(中文国一二三十"
    "⒛oOlIzZ〔〕[]|~{}iJ丨㈠⑴⒈ab"
)


@pytest.mark.parametrize("name", sorted(_plain_forms()))
def test_the_fast_form_matches_where_the_plain_form_does(name: str) -> None:
    plain, fast = _plain_forms()[name], _fast_forms()[name]
    assert plain.pattern != fast.pattern
    draw = random.Random(name)
    for _ in range(4000):
        text = "".join(draw.choice(_ALPHABET) for _ in range(draw.randint(1, 24)))
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, text


@pytest.mark.parametrize(
    ("name", "text", "spans"),
    [
        ("date_space", "于 10月 22日 前", [(1, 2), (5, 6), (9, 10)]),
        ("punct_space", "满意度 ，结合（ 二 ）", [(3, 4), (8, 9), (10, 11)]),
        ("stray", "巩l固 | 随机", [(1, 2), (3, 6)]),
        ("year", "⒛21年 2o21〕 x2021年", [(0, 3), (5, 9)]),
        ("enclosed_numeral", "㈠加强\n⑴落实。⒈推进 a⒉不", [(0, 1), (4, 5), (8, 9)]),
    ],
)
def test_the_fast_forms_on_examples(name: str, text: str, spans: list[tuple[int, int]]) -> None:
    assert [m.span() for m in _fast_forms()[name].finditer(text)] == spans
