"""Whose a contact is when its own line names no unit: the unit label before a person's entry
(``科技处：刘豫闽，联系电话：…``), or the unit (and person) the clause before sends to (``…报送局政法综治处林某,
联系方式：…``, ``将此附件报送区某院；联系人：…``). Used by :mod:`docproc.extract.contacts`."""

from __future__ import annotations

import re

from docproc.extract.contact_lexicon import CJK, ContactLexicon

_UNIT_LABEL = re.compile(f"(?P<unit>[{CJK}\\d]{{2,12}})[：:]\\s*$")


_SENT_TO_THEN_LABEL = re.compile(f"(?:报送|上报|报至|送至)(?P<unit>[{CJK}]{{4,30}})[；;，,]\\s*$")


# 请及时向平潭综合实验区财政金融局综合业务处反馈，联系人：…: the unit the clause before asks to be told
_ASKED_THEN_LABEL = re.compile(f"向(?P<unit>[{CJK}]{{4,30}}?)(?:反馈|反映|咨询|联系|报告)[；;，,]\\s*$")


def sent_to(text: str, position: int) -> str:
    """``将此附件报送区劳动人事争议仲裁院；联系人：…``, ``请及时向区财政金融局综合业务处反馈，联系人：…``: the unit
    the clause before a contact sends to or asks to be told ("" if none)."""
    sent = _SENT_TO_THEN_LABEL.search(text, max(0, position - 40), position) \
        or _ASKED_THEN_LABEL.search(text, max(0, position - 40), position)
    return sent.group("unit") if sent else ""


_SENT_TO_BEFORE = re.compile(f"(?:报送|上报|报至|送至|报|送)(?P<who>[{CJK}]{{4,30}})[,，]?\\s*$")


def handed_to(text: str, position: int) -> str:
    """``…及时报送局政法综治处林虹霞,联系方式：…``: the unit and person the clause sends to, right before a
    contact's label ("" when there is none)."""
    sent = _SENT_TO_BEFORE.search(text, max(0, position - 40), position)
    return sent.group("who") if sent else ""


def labelled_by_unit(text: str, position: int, lexicon: ContactLexicon) -> str | None:
    """``科技处：刘豫闽，联系电话：…``, ``68号窗口：李培灵，…``: the unit a person's entry is labelled with."""
    label = _UNIT_LABEL.search(text, max(0, position - 14), position)
    return lexicon.unit(label.group("unit")) if label else None
