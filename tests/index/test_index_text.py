"""Folding, line joining, n-gram keys and snippets of the archive index."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docproc.index.text import (
    distinct_grams,
    fold,
    gram_document,
    gram_key,
    join_lines,
    make_snippet,
    query_grams,
    query_terms,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("沈法治发〔2021〕7号", "沈法治发(2021)7号"),
        ("嘉市监发［2023］18号", "嘉市监发(2023)18号"),
        ("（一）ＡＢＣ１２３", "(一)abc123"),
        ("二〇二一年", "二○二一年"),
        ("“整改”　台账", "\"整改\" 台账"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["关于加强农村宅基地审批管", "理的实施意见的通知"], "关于加强农村宅基地审批管理的实施意见的通知"),
        (["Email: office", "example.org"], "Email: office example.org"),
        (["  ", "一、总体要求 "], "一、总体要求"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_gram_keys() -> None:
    assert gram_key("整改") == "g006574g006539"
    assert gram_document("整改 台整改") == "g0053f0 g0053f0g006574 g006539 g006574 g006574g006539"
    assert distinct_grams("整 改") == ["改", "整"]
    assert distinct_grams("整改整") == ["改", "改整", "整", "整改"]
    assert query_grams("整") == ["整"]
    assert query_grams("执法监督") == ["执法", "法监", "监督"]
    assert query_terms("执法  整改 执法") == ["执法", "整改"]


def test_snippet_window_and_highlights() -> None:
    text = "甲" * 30 + "开展整改工作" + "乙" * 60 + "整改"
    snippet = make_snippet(text, ["整改"], width=20)
    # 20 characters starting a third of them (6) before the first match
    assert snippet.text == "…" + "甲" * 4 + "开展整改工作" + "乙" * 10 + "…"
    assert snippet.highlights == ((7, 9),)
    assert snippet.marked() == "…" + "甲" * 4 + "开展[整改]工作" + "乙" * 10 + "…"
    assert make_snippet("嘉市监发〔2023〕18号", [fold("嘉市监发(2023)18号")]).highlights == ((0, 13),)
