"""Any text in → a schema-valid record out, or NothingExtractedError when nothing notice-like was found."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docproc.errors import NothingExtractedError
from docproc.extract import extract_notice
from docproc.extract.pipeline import NOTICE_EVIDENCE_FIELDS
from tests.extract.text_document import document_from_text, notice_validator

PIECES = st.sampled_from([
    "一、", "（二）", "3.", "（1）", "①", "第一阶段：", "主要任务", "阶段（9月22日至30日）", "于10月22日前报送",
    "每月10日前", "12末至明年1月底", "沈法治发 匚⒛21〕 7号", "〔2021〕", "“", "”", "《", "》", "\n", "\n\n",
    "组长：", "附件：1.", "印发", "2o21年9月26日", "二○○七年十二月二十日", "|", "~", "V、伍", " ", "：", "。",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_valid_record_or_nothing_extracted(text: str) -> None:
    try:
        notice = extract_notice(document_from_text(text))
    except NothingExtractedError as exc:
        assert "\n" not in str(exc)
        return
    assert any(getattr(notice, name) for name in NOTICE_EVIDENCE_FIELDS)
    record = notice.to_dict()
    notice_validator().validate(record)
    for evidence in record["evidence"].values():
        start, end = evidence["span"]
        assert 0 <= start <= end <= len(text)
