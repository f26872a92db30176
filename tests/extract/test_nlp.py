"""The spaCy pipeline: the direct character Doc equals the blank zh tokenizer's, and regex hits become spans."""

from __future__ import annotations

import json

import pytest

from docproc.extract.nlp import annotate, pipeline_dir, vocabulary_patterns
from docproc.extract.outline import build_outline, load_section_classes, section_class


def test_spans_map_back_to_the_spaced_text() -> None:
    text = "组   长：王会奇\n 沈法治发 〔2021〕 7号"
    spans = annotate(text)
    assert [text[a:b] for a, b in spans.spans("LEADER_ROLE")] == ["组   长"]
    assert [text[a:b] for a, b in spans.spans("DOC_NUMBER")] == ["沈法治发 〔2021〕 7号"]


def test_doc_numbers_become_spans_and_every_label_has_a_reader() -> None:
    text = "根据《通知》（平委办〔2024〕9号）要求，成立领导小组，\n于9月22日至9月30日完成。"
    spans = annotate(text)
    assert [text[a:b] for a, b in spans.spans("DOC_NUMBER")] == ["平委办〔2024〕9号"]
    # group words and dates are no spans: no rule read them
    assert set(spans.by_label) == {"DOC_NUMBER"}


def test_role_words_match_with_the_spacing_of_print() -> None:
    text = "组   长：王会奇 副市长\n副 组 长：许树文\n成员：穆雷"
    roles = ["".join(text[a:b].split()) for a, b in annotate(text).spans("LEADER_ROLE")]
    assert {"组长", "副组长", "成员"} <= set(roles)


def test_no_span_crosses_a_line_break() -> None:
    """Lines are annotated in chunks; a term or a 文号 broken over two lines is none."""
    text = "一、工作\n任务\n平委办〔2024〕\n9号\n组长：王会奇"
    spans = annotate(text)
    assert spans.spans("SECTION_TASK") == [] and spans.spans("DOC_NUMBER") == []
    assert all("\n" not in text[a:b] for label in spans.by_label for a, b in spans.spans(label))


def test_chunks_give_the_spans_of_one_doc_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"组 长：王会奇{i}  平委办〔2024〕{i}号 于9月{i % 28 + 1}日前完成，领导小组" for i in range(60)]
    text = "\n".join(lines)
    whole = annotate(text).by_label
    monkeypatch.setattr("docproc.extract.nlp.CHUNK_CHARS", 100)  # a few lines per Doc
    assert annotate(text).by_label == whole
    assert len(whole["DOC_NUMBER"]) == 60 and len(whole["LEADER_ROLE"]) >= 60


@pytest.mark.parametrize(("heading", "expected"), [
    ("二、重点任务", "task"), ("三、行动任务", "task"), ("一、指导思想", "not_task"), ("四、保障措施", "not_task"),
    ("五、工作要求", "not_task"), ("二、加强队伍建设", "other"), ("四、整治措施及分工", "task"),
    ("三、职责分工", "not_task"), ("三、工作任务及时间安排", "task"), ("四、整治重点与时间安排", "task"),
    ("二、活动内容及安排", "task"), ("五、时间安排及工作任务", "not_task"), ("二、支持内容和标准", "task"),
    ("二、扶持范围和标准", "other"), ("二、信息报送内容", "not_task"), ("三、申报材料", "not_task"),
])
def test_sections_are_classed_from_the_pipelines_spans(heading: str, expected: str) -> None:
    text = heading + "\n（一）内容。\n"
    top = build_outline(text)[0]
    assert section_class(top, annotate(text), load_section_classes()) == expected


def test_the_saved_pipeline_holds_the_patterns_the_vocabularies_make() -> None:
    """tools/build_spacy_pipeline.py must be re-run after a vocabulary changes: this fails until it is."""
    saved = [json.loads(line) for line in (pipeline_dir() / "span_ruler" / "patterns").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    assert saved == vocabulary_patterns()
