"""task_title: a task item's heading phrase, on headings written for these tests."""

from __future__ import annotations

import pytest

from docproc.extract.tasks import task_title


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("全面开展清产核资（2018年4-9月）。对辖区企业逐一核查。", "全面开展清产核资"),
        ("建立长效机制（长期）", "建立长效机制"),
        ("完成整改验收(11月底前)", "完成整改验收"),
        # a remark that merely holds a number is part of the heading
        ("建立经营单位名单（见附件1，新增企业一并纳入考核）。", "建立经营单位名单（见附件1，新增企业一并纳入考核）"),
        ("牵头单位：区应急局", "牵头单位"),
    ],
)
def test_task_title(heading: str, expected: str) -> None:
    assert task_title(heading) == expected
