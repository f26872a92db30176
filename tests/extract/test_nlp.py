"""The spaCy pipeline: the direct character Doc equals the blank zh tokenizer's, and regex hits become spans."""

from __future__ import annotations

import pytest

from docproc.extract.nlp import annotate, character_doc, load_pipeline


@pytest.mark.parametrize("text", [
    "沈法治发〔2021〕7号", "a  b\n\n c", " 开头", "x \u3000y", "  ", "", "\n", "a \nb", "末尾 ", "组   长：王会奇 副市长\n",
])
def test_character_doc_is_what_the_zh_tokenizer_makes(text: str) -> None:
    nlp = load_pipeline()
    expected = nlp.make_doc(text)
    doc = character_doc(nlp, text)
    assert doc.text == text
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in expected]


def test_doc_numbers_and_dates_become_spans() -> None:
    doc = annotate("根据《通知》（平委办〔2024〕9号）要求，于9月22日至9月30日完成。")
    assert [(span.label_, span.text) for span in doc.spans["docproc"] if span.label_ in {"DOC_NUMBER", "DATE"}] == [
        ("DOC_NUMBER", "平委办〔2024〕9号"), ("DATE", "9月22日至9月30日"),
    ]
