"""Notices for the ledger tests: the seed texts through recognize + extract_notice, and gold records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from docproc.model.form import Form
from docproc.model.notice import Notice
from tests.conftest import FIXTURES_DIR


def notice_of_text(path: Path) -> Notice:
    import docproc
    from docproc.extract import extract_notice

    return extract_notice(docproc.recognize(path))


def gold_notice(case: str) -> Notice:
    data = json.loads((FIXTURES_DIR / "gold" / f"{case}.notice.json").read_text(encoding="utf-8"))
    return Notice.from_dict(data)


LEDGER_FIXTURES = FIXTURES_DIR / "ledger"


def ledger_fixture_notice(relative: str) -> Notice:
    """A notice record of ``fixtures/ledger/`` (see each case's README)."""
    return Notice.from_dict(json.loads((LEDGER_FIXTURES / relative).read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def seed000_notice() -> Notice:
    # the notice's own text, not its raw OCR by another engine, whose misreadings are no longer corrected
    return notice_of_text(FIXTURES_DIR / "seed-000" / "clean-transcription.txt")


@pytest.fixture(scope="session")
def seed001_notice() -> Notice:
    return notice_of_text(FIXTURES_DIR / "seed-001" / "input.txt")


def self_check_form_record() -> dict[str, Any]:
    """A 自查表 as ``docproc form`` records it: three rows, two with a problem (one 无)."""
    columns = {"number": "序号", "item": "检查项目", "finding": "自查情况", "problem": "存在问题",
               "measure": "整改措施", "owner": "责任人", "deadline": "整改时限"}

    def evidence(row: int, raw: dict[str, str] | None = None) -> dict[str, Any]:
        return {"page": 2, "bbox": [56.0, 100.0 + 20 * row, 540.0, 118.0 + 20 * row], "table": 0,
                "row": row, "rowspan": 1, "confidence": 0.97, "rule": "forms.items.v1",
                "columns": columns, "raw": raw or {}}

    return {
        "schema": "docproc.form/1",
        "source": {"file": "自查表.pdf", "sha256": "0" * 64, "pages": 2, "text_source": "ocr"},
        "title": "“破执法梗阻·优法治服务”专项问题自查表",
        "tables": [],
        "items": [
            {"number": "1", "item": "行政执法裁量基准", "finding": "否", "problem": "裁量基准未及时修订",
             "measure": "对照新修订法规逐项修订裁量基准", "owner": "张伟", "deadline": "2024-06-30",
             "evidence": evidence(1)},
            {"number": "2", "item": "行政执法程序", "finding": "是", "problem": "无", "measure": None,
             "owner": None, "deadline": None, "evidence": evidence(2)},
            {"number": "3", "item": "执法案卷管理", "finding": "否", "problem": "=HYPERLINK(\"http://x\")案卷归档不及时",
             "measure": "建立案卷归档台账", "owner": "李娜", "deadline": None,
             "evidence": evidence(3, {"deadline": "长期坚持"})},
        ],
    }


@pytest.fixture()
def self_check_form() -> Form:
    return Form.from_dict(self_check_form_record())
