"""Date rules: text → resolved ISO dates (year context 2021 unless the text gives one)."""

from __future__ import annotations

from datetime import date

import pytest

from docproc.extract.dates import (
    all_full_dates,
    chinese_number,
    document_year,
    find_date_ranges,
    iso,
    parse_full_date,
)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9月22日至9月30日", "2021-09-22", "2021-09-30"),
        ("6月中旬至8月底", "2021-06-11", "2021-08-31"),
        ("12末至明年1月底", "2021-12-31", "2022-01-31"),
        ("2024年4月至7月", "2024-04-01", "2024-07-31"),
        ("9月上旬至11月底", "2021-09-01", "2021-11-30"),
        ("9月22日至30日", "2021-09-22", "2021-09-30"),
        ("2024年3月", "2024-03-01", "2024-03-31"),
        ("11月下旬至12月初", "2021-11-21", "2021-12-01"),
        ("11月至次年2月", "2021-11-01", "2022-02-28"),
        ("7月1日", "2021-07-01", "2021-07-01"),
        # a first day printed without its 日 before the dash; two parts of a month sharing one 旬
        ("2020年7月16-9月30日", "2020-07-16", "2020-09-30"),
        ("7月16-30日", "2021-07-16", "2021-07-30"),
        ("6月上、中旬", "2021-06-01", "2021-06-20"),
        ("6月中、下旬", "2021-06-11", "2021-06-30"),
        ("2024年2月1日起至2024年2月24日", "2024-02-01", "2024-02-24"),  # a start with 起, then 至
    ],
)
def test_date_ranges(text: str, start: str, end: str) -> None:
    found = find_date_ranges(text)
    assert len(found) == 1
    first, last = found[0].resolve(2021)
    assert (iso(first), iso(last)) == (start, end)


@pytest.mark.parametrize(
    ("text", "end"),
    [("3月底前", "2021-03-31"), ("2023年6月底前", "2023-06-30"), ("12月底之前", "2021-12-31"),
     ("六月底前", "2021-06-30"), ("一九八六年二月底前", "1986-02-28"), ("十二月十五日前", "2021-12-15")],
)
def test_end_of_month(text: str, end: str) -> None:
    found = find_date_ranges(text)
    assert iso(found[0].start.resolve(2021, as_end=True)) == end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二○○七年十二月二十日", "2007-12-20"),
        ("二〇二一年九月二十六日", "2021-09-26"),
        ("2019年8月20日", "2019-08-20"),
        ("2017年 6月 28日", "2017-06-28"),
        ("二〇二三年二月三十日", None),
    ],
)
def test_full_dates(text: str, expected: str | None) -> None:
    parsed = parse_full_date(text)
    assert (parsed[0].isoformat() if parsed else None) == expected


@pytest.mark.parametrize(("text", "value"), [("十", 10), ("二十三", 23), ("十二", 12), ("二〇二一", 2021), ("甲", None)])
def test_chinese_numbers(text: str, value: int | None) -> None:
    assert chinese_number(text) == value


def test_document_year_prefers_the_texts_own_dates() -> None:
    assert document_year("于2017年12月底之前报告。7月1日前报送") == (2017, "dates")
    assert document_year("到2025年实现目标") == (2025, "year_mention")
    assert document_year("没有年份") == (None, "none")


@pytest.mark.parametrize(
    ("text", "printed"),
    [("最迟在一九八六年二月底前交清", "一九八六年二月底"), ("请于十一月三十日前报送", "十一月三十日"), ("九月份组织演练", "九月")],
)
def test_chinese_numeral_dates_keep_their_printed_span(text: str, printed: str) -> None:
    found = find_date_ranges(text)
    assert [text[f.span[0] : f.span[1]] for f in found] == [printed]


@pytest.mark.parametrize("text", ["三个月内完成", "第十一条", "五一劳动节", "十一五规划"])
def test_numbers_that_are_no_dates(text: str) -> None:
    assert find_date_ranges(text) == []


def test_document_year_takes_the_issue_year_among_years_as_often_named() -> None:
    """A plan from 2015年7月 to 2016年5月: year-less dates (于8月5日前) are the issue's year, not the later one."""
    text = ("第一阶段（2015年7月15日至11月2日），于8月5日前报送。2015年9月1日召开推进会。"
            "第二阶段（2016年3月1日至3月30日）。第三阶段（2016年4月1日至5月30日）。")
    assert document_year(text, date(2015, 7, 30)) == (2015, "dates")


def test_document_year_is_not_a_year_before_the_issue() -> None:
    # 我办于2022年7月牵头启动…: what was done before a notice of 2023; its year-less dates are 2023's
    text = "我办于2022年7月牵头启动2023年度试点示范项目。在2月28日前将项目信息录入平台。"
    assert document_year(text, date(2023, 2, 20)) == (2023, "issue_date")
    assert document_year(text) == (2022, "dates")
    assert document_year("于2024年3月底前完成。", date(2023, 12, 20)) == (2024, "dates")


def test_a_day_misprinted_with_月_before_a_break_is_read_as_the_day() -> None:
    assert [d for d, _ in all_full_dates("平潭综合实验区规划局 2019年6月26月（此件主动公开）")] == [date(2019, 6, 26)]
    assert all_full_dates("2019年6月至12月") == []


def test_a_year_with_前_is_due_on_the_last_day_of_the_year_before() -> None:
    from docproc.extract.deadlines import find_deadlines

    hits = find_deadlines("2025年前，100%行政村必须全部完成微型消防站的建设。力争2027年前实现宜装尽装。", 2024, [])
    assert [(h.date, h.what) for h in hits] == [(date(2024, 12, 31), "完成微型消防站的建设"),
                                                 (date(2026, 12, 31), "实现宜装尽装")]
    # the first quarters of a year, about a year, and what was before a year are no such dates
    for text in ("2020年前三季度完成投资。", "2019年前后建成的小区要完成改造。", "该土地硬化于2012年以前，系历史违建。"):
        assert find_deadlines(text, 2024, []) == []
