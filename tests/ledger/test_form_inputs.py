"""`docproc ledger 自查表.pdf`: a self-check form given as a file becomes problem rows, not a notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.forms.items import problem_items
from docproc.forms.reader import names_itself_a_form
from docproc.ledger import build_ledger
from docproc.model.form import Form
from docproc.model.notice import Notice
from docproc.pipeline import Recognizer
from docproc.workflow import read_ledger_input
from tests.conftest import FIXTURES_DIR


@pytest.mark.parametrize(
    ("text", "is_form"),
    [
        ("附件1\n“破执法梗阻·优法治服务”专项问题自查表\n填报单位：", True),
        ("安全生产隐患排查整改清单\n序号", True),
        ("各乡镇：\n认真填报《“破执法梗阻·优法治服务”专项问题自查表》，于3月28日前报送。", False),
        ("关于开展专项检查的通知\n各单位：\n现将自查表印发给你们。", False),
    ],
)
def test_a_form_names_itself_in_its_first_lines(text: str, is_form: bool) -> None:
    assert names_itself_a_form(text) is is_form


def test_born_digital_form_pdf_gives_its_problems_as_rows() -> None:
    record = read_ledger_input(FIXTURES_DIR / "forms" / "zhifa-7col-two-pages" / "form.pdf", Recognizer())
    assert isinstance(record, Form)
    ledger = build_ledger([record])
    assert len(ledger.rows) == len(problem_items(record)) == 10
    first = ledger.rows[0]
    assert first.item == "食品安全领域裁量基准未按新修订条例更新，裁量空间过大。"
    assert first.owner_person == "王建华"
    assert first.deadline == "2024-05-31"


def test_notice_that_mentions_a_form_stays_a_notice(tmp_path: Path) -> None:
    record = read_ledger_input(FIXTURES_DIR / "seed-003" / "input.txt", Recognizer())
    assert isinstance(record, Notice)
    assert record.tasks
