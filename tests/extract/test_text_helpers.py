"""Text helpers that keep extraction linear and fast in a text of many notices, a real notice read whole: spans
in log time (``covering``), group mentions and sentence ends searched within ``LOOK_BACK_REACH`` of a value
only when the text is longer than it; blank space dropped in one pass (``compact_with_offsets``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docproc.extract.found import compact_with_offsets
from docproc.extract.leader_group_of import mentions_near, sentence_around
from docproc.extract.leader_groups import GroupMention
from docproc.extract.textmatch import LOOK_BACK_REACH, covering, occurrences

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda s: (s[0], s[0] + s[1])), max_size=12)


@given(SPANS, st.integers(-5, 100))
def test_covering_answers_as_a_scan_of_every_span_does(spans: list[tuple[int, int]], position: int) -> None:
    assert covering(spans)(position) == any(lo <= position < hi for lo, hi in spans)


def _mention(name: str, start: int) -> GroupMention:
    return GroupMention(name, start, start + len(name), bare=False)


def test_a_notice_shorter_than_the_reach_sees_every_mention() -> None:
    text = "成立防汛工作领导小组。" * 10
    mentions = [_mention("防汛工作领导小组", 2), _mention("防汛工作领导小组", 13)]
    assert mentions_near(text, mentions, 13) is mentions


def test_a_text_longer_than_the_reach_sees_the_mentions_near_the_position_in_their_order() -> None:
    text = "。" * (4 * LOOK_BACK_REACH)
    far, near_late, near_early = _mention("甲领导小组", 0), _mention("乙领导小组", 2 * LOOK_BACK_REACH + 10), \
        _mention("丙领导小组", 2 * LOOK_BACK_REACH - 10)
    beyond = _mention("丁领导小组", 3 * LOOK_BACK_REACH + 1)
    mentions = [far, near_late, near_early, beyond]  # (a name read backwards can start before the one listed first)
    assert mentions_near(text, mentions, 2 * LOOK_BACK_REACH) == [near_late, near_early]


def test_a_sentence_is_found_by_its_marks_near_it_in_a_long_text() -> None:
    text = "！" + "字" * (2 * LOOK_BACK_REACH) + "成立领导小组。组长：张三。"
    start = text.index("领导小组")
    assert sentence_around(text, start, start + 4) == (start - LOOK_BACK_REACH, text.index("。"))  # not after the ！
    short = "前文！成立领导小组，组长：张三。"
    assert sentence_around(short, 5, 9) == (3, short.index("。"))


@given(st.text(alphabet=st.sampled_from("组长 \u3000\n\t张三\x1c\x85：1"), max_size=40))
def test_compact_with_offsets_drops_blank_space_and_points_each_character_back(text: str) -> None:
    compact, offsets = compact_with_offsets(text)
    assert compact == "".join(ch for ch in text if not ch.isspace())
    assert [text[offset] for offset in offsets] == list(compact)


def test_a_number_broken_over_lines_maps_back_past_every_break_before_it() -> None:
    from docproc.extract.metadata import _numbers_across_lines

    text = "标题\n\n（嘉建交[2014]55\n号）\n正文"
    [(start, end, number)] = _numbers_across_lines(text)
    assert number == "嘉建交〔2014〕55号" and text[start:end] == "嘉建交[2014]55\n号"


@pytest.mark.parametrize(("word", "text"), [
    ("通知", "关于通知的通知通知"), ("方案", "无"), ("aa", "aaaaa"), ("的通知", "某的通知的通知"),
    ("平潭综合实验区", "平潭综合实验区行政审批局平潭综合实验区交通与建设局"), ("某", "某某某")])
def test_occurrences_of_a_word_are_what_finditer_of_its_escaped_pattern_finds(word: str, text: str) -> None:
    assert list(occurrences(word, text)) == [m.start() for m in re.finditer(re.escape(word), text)]
