"""Text-layer triage on strings: real text stays, broken layers go to OCR with their reason."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from docproc.ingest.triage import (
    BROKEN_GLYPH,
    broken_glyph_fraction,
    doubled_letter_fraction,
    readable_fraction,
    triage_text_layer,
)

REAL = "为贯彻落实《鞍山市进一步加强行政执法规范化建设工作实施方案》（鞍法委发〔2023〕5号），促进严格规范公正文明执法。"


@pytest.mark.parametrize(
    ("text", "unmapped", "reason"),
    [
        (REAL, 0, None),
        ("发展改革委办公厅\n税务总局办公厅 文件\n发改办财金规〔2019〕860号", 0, None),
        ("人人参与，常常检查，各部门要认真落实。", 0, None),  # natural reduplication
        ("——……——……2000年1100号", 0, None),  # doubled punctuation and digits are not fake bold
        ("— 1 —", 0, None),  # too short to judge, and readable
        ("", 0, "no-text-layer"),
        (" \r\n\t ", 0, "no-text-layer"),
        ("(cid:3)(cid:17)(cid:245)(cid:1021)(cid:88)(cid:412)(cid:9)(cid:31)", 0, "cid-garbage"),
        ("通知(cid:3)(cid:17)(cid:245)(cid:1021)(cid:88)(cid:412)(cid:9)如下", 0, "cid-garbage"),
        ("\x11õϽXƜ\t\x1fM\x80\x02\x03", 0, "cid-garbage"),
        ("\ufffd\ufffd\ufffd\ufffd关于\ufffd\ufffd\ufffd\ufffd\ufffd", 0, "cid-garbage"),
        ("严格规范公正文明执法严格规范", 10, "cid-garbage"),  # pdfium: no Unicode mapping
        ("\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008", 0, "cid-garbage"),  # private use
        ("ĀœƜϽЖѪҨӁԱՅאבגדהוזחטי", 0, "garbled-text"),
        ("严严格格规规范范公公正正文文明明执执法法", 0, "doubled-chars"),
        ("关关于于加加强强个个人人所所得得税税纳纳税税信信用用建建设设的的通通知知", 0, "doubled-chars"),
        ("(cid:3)", 0, "cid-garbage"),  # short, but all of it broken
        ("通知(cid:3)", 0, None),  # short and partly readable: not judged
    ],
)
def test_triage_text_layer(text: str, unmapped: int, reason: str | None) -> None:
    assert triage_text_layer(text, unmapped_glyphs=unmapped) == reason


@pytest.mark.parametrize(
    ("text", "fraction"),
    [
        ("严严格格", 1.0),
        ("严格规范", 0.0),
        ("人人参与", 0.5),
        ("1122——", 0.0),
        ("", 0.0),
    ],
)
def test_doubled_letter_fraction(text: str, fraction: float) -> None:
    assert doubled_letter_fraction(text) == fraction


@pytest.mark.parametrize(
    ("text", "unmapped", "fraction"),
    [
        ("(cid:1)(cid:2)关于", 0, 0.5),
        ("关于\ufffd\ufffd", 0, 0.5),
        ("关于通知", 2, 0.5),
        ("关于通知", 0, 0.0),
        ("", 0, 0.0),
    ],
)
def test_broken_glyph_fraction(text: str, unmapped: int, fraction: float) -> None:
    assert broken_glyph_fraction(text, unmapped_glyphs=unmapped) == fraction


@pytest.mark.parametrize(
    ("text", "fraction"),
    [("关于①Ⅱ№℃□○→≤（）：", 1.0), ("ĀœЖא", 0.0), ("关于ЖЖ", 0.5)],
)
def test_readable_fraction(text: str, fraction: float) -> None:
    assert readable_fraction(text) == fraction


def test_broken_glyph_is_every_visible_control_private_use_surrogate_and_replacement_character() -> None:
    """The one-pass pattern agrees with the Unicode categories on every code point."""
    def by_category(char: str) -> bool:
        return not char.isspace() and (char == "\ufffd" or unicodedata.category(char) in ("Co", "Cc", "Cs"))
    disagree = [hex(code) for code in range(sys.maxunicode + 1)
                if by_category(chr(code)) != bool(BROKEN_GLYPH.fullmatch(chr(code)))]
    assert disagree == []
