"""One width policy for OCR'd lines: digits and Latin half-width, Chinese punctuation full-width,
文号 year brackets 〔〕 (docproc.layout.width_policy)."""

from __future__ import annotations

import pytest

from docproc.layout.width_policy import apply_width_policy


@pytest.mark.parametrize(
    ("read", "written"),
    [
        # digits and Latin letters half-width (the real MOA scan: ６大区域, ４省, 2019年３月)
        ("全国划分为６大区域", "全国划分为6大区域"),
        ("吉林、黑龙江等４省(自治区)", "吉林、黑龙江等4省（自治区）"),
        ("2019年３月", "2019年3月"),
        ("ＡＩ与１．５倍", "AI与1.5倍"),
        # Chinese punctuation full-width
        ("(一)建立区域协作和分区推进机制。", "（一）建立区域协作和分区推进机制。"),
        ("(2)项目", "（2）项目"),
        ("(市营商局)", "（市营商局）"),
        ("组 长:王会奇 副市长", "组 长：王会奇 副市长"),
        ("于10月22日前报送,联系电话:", "于10月22日前报送，联系电话："),
        ("“优机优补”,“有进有出”;", "“优机优补”，“有进有出”；"),
        ("提高至35%,其中", "提高至35%，其中"),
        ("是否完成?", "是否完成？"),
        ("见附件1)。", "见附件1）。"),
        # ... but not between digits nor in Latin text
        ("会议于8:30开始,共1,000人", "会议于8:30开始，共1,000人"),
        ("see Fig. 1, p. 2", "see Fig. 1, p. 2"),
        ("Microsoft Office (2019)", "Microsoft Office (2019)"),
        # 文号 year brackets restored
        ("中基协处分（2025）334号", "中基协处分〔2025〕334号"),
        ("中基协字[2025]356号", "中基协字〔2025〕356号"),
        ("沈法治发(2021) 7号", "沈法治发〔2021〕7号"),
        ("鲅政办发〔2017〕37号", "鲅政办发〔2017〕37号"),
        # a year in brackets that is no 文号 keeps its (full-width) brackets
        ("实施方案（2024）年度", "实施方案（2024）年度"),
        ("", ""),
    ],
)
def test_width_policy(read: str, written: str) -> None:
    assert apply_width_policy(read) == written


def test_policy_keeps_the_count_of_visible_characters() -> None:
    """Character boxes stay aligned: the policy changes characters one for one (spaces aside)."""
    read = "中基协处分 （ 2025 ） 334号,全国６大区域(一)"
    written = apply_width_policy(read)
    assert len("".join(written.split())) == len("".join(read.split()))
