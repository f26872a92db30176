"""Whole notices: the four seeds and the GovDoc-CN sample, expected values read from the documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docproc.extract import extract_notice
from docproc.model.notice import Notice
from tests.extract.text_document import document_from_text, notice_validator

ROOT = Path(__file__).resolve().parents[2]
INPUTS = {  # the seeds as given, copied verbatim into fixtures/
    "000": ROOT / "fixtures" / "seed-000" / "input.txt",
    "001": ROOT / "fixtures" / "seed-001" / "input.txt",
    "003": ROOT / "fixtures" / "seed-003" / "input.txt",
    "004": ROOT / "fixtures" / "seed-004" / "input.txt",
    "397": ROOT / "fixtures" / "govdoc-cn-397" / "397.txt",
}


def _record(key: str) -> dict[str, Any]:
    text = INPUTS[key].read_text(encoding="utf-8")
    record = extract_notice(document_from_text(text, INPUTS[key].name)).to_dict()
    notice_validator().validate(record)
    return record


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    return {key: _record(key) for key in INPUTS}


def test_seed_000(records: dict[str, dict[str, Any]]) -> None:
    r = records["000"]
    assert r["doc_number"] == "沈法治发〔2021〕7号"
    assert r["doc_number_parts"] == {"agency_code": "沈法治发", "year": 2021, "serial": 7}
    assert r["title"] == "沈阳市助企护企执法监督专项行动工作方案"
    assert r["doc_type"] == "方案"
    assert r["issuers"] == ["沈阳市全面推进法治政府建设工作领导小组"]
    assert (r["issue_date"], r["print_date"]) == ("2021-09-26", "2021-09-26")
    assert [(p["name"], p["start"], p["end"]) for p in r["phases"]] == [
        ("动员部署阶段", "2021-09-22", "2021-09-30"),
        ("自查自检阶段", "2021-10-08", "2021-10-22"),
        ("集中检查阶段", "2021-10-25", "2021-11-30"),
        ("总结整改阶段", "2021-12-01", "2021-12-20"),
        ("巩固提升阶段", "2021-12-21", "2021-12-25"),
    ]
    assert [(d["date"], d["what"], d["to"]) for d in r["deadlines"]] == [
        ("2021-10-22", "报送自查报告", "市助企护企执法监督专项行动工作领导小组办公室")
    ]
    assert [t["number"] for t in r["tasks"]] == [
        "（二）", "（二）3", "（二）4", "（二）5", "（二）6", "（三）", "（三）7", "（三）8",
        "（四）", "（四）9", "（四）10", "（五）", "（五）11", "（五）12", "（五）13",
    ]
    assert r["tasks"][2]["title"] == "全面落实“三项制度”"
    assert r["cited_documents"] == [] and r["recipients"] == []
    # evidence points into the raw OCR text
    start, end = r["evidence"]["doc_number"]["span"]
    assert INPUTS["000"].read_text(encoding="utf-8")[start:end] == "沈法治发 匚⒛21〕 7号"


def test_seed_001(records: dict[str, dict[str, Any]]) -> None:
    r = records["001"]
    assert r["doc_number"] is None
    assert r["title"] == "市营商局（市行政审批局）进一步加强行政执法规范化建设工作实施方案"
    assert r["doc_type"] == "方案"  # the 公文 kind the title ends in (ANNOTATION: 方案 for 实施方案)
    assert r["issuers"] == ["鞍山市营商环境建设局（市行政审批局）"]
    assert [c["number"] for c in r["cited_documents"]] == ["鞍法委发〔2023〕5号"]
    assert r["attachments"] == ["鞍山市进一步加强行政执法规范化建设工作任务分解表（市营商局）"]
    assert len(r["tasks"]) == 20 and {t["section"] for t in r["tasks"]} == {"重点任务"}
    assert r["tasks"][2]["number"] == "（一）2" and r["tasks"][2]["title"] == "加强行政执法队伍建设"
    assert r["phases"] == [] and r["issue_date"] is None


def test_seed_003(records: dict[str, dict[str, Any]]) -> None:
    r = records["003"]
    assert r["title"] is None and "no title found" in r["warnings"]
    assert r["doc_type"] == "方案"
    assert r["recipients"] == ["各乡镇", "县各有关部门"]
    assert [c["number"] for c in r["cited_documents"]] == ["平委办〔2024〕9号", "平纪〔2024〕37号", "平纪办〔2018〕11号"]
    assert [(p["name"], p["start"], p["end"]) for p in r["phases"]] == [
        ("问题自查阶段", None, "2024-03-31"),
        ("监督检查阶段", "2024-04-01", "2024-07-31"),
        ("整改提升阶段", "2024-08-01", "2024-09-30"),
        ("总结验收阶段", "2024-10-01", "2024-11-30"),
    ]
    assert [(d["date"], d["to"]) for d in r["deadlines"]] == [("2024-03-28", "县司法局行政执法监督与应诉科")]
    assert [t["number"] for t in r["tasks"]] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert {t["section"] for t in r["tasks"]} == {"整治内容"}


def test_seed_004(records: dict[str, dict[str, Any]]) -> None:
    r = records["004"]
    assert r["doc_number"] == "鲅政办发〔2017〕37号"
    assert r["title"] == "关于印发《优化营商法治环境规范行政处罚行为专项治理活动方案》的通知"
    assert r["enclosed_titles"] == ["优化营商法治环境规范行政处罚行为专项治理活动方案"]
    assert r["doc_type"] == "通知"
    assert r["recipients"] == ["各镇、办事处", "驻区执法单位", "区本级执法部门及所属执法机构"]
    assert r["issuers"] == ["营口市鲅鱼圈区人民政府办公室"]
    assert r["issue_date"] == "2017-06-28"
    assert [(p["name"], p["start"], p["end"]) for p in r["phases"]] == [
        ("自查自纠阶段", "2017-06-11", "2017-08-31"),
        ("重点抽查阶段", "2017-09-01", "2017-11-30"),
        ("整改提高阶段", "2017-12-31", "2018-01-31"),
    ]
    assert [d["date"] for d in r["deadlines"]] == ["2017-07-01", "2017-08-20", "2017-12-31"]
    assert r["deadlines"][0]["what"] == "报送工作部署情况"
    assert r["deadlines"][0]["to"] == "区政府办公室（法制办）"
    # 将…逐级汇总后形成书面材料，于2017年12月底之前，向区委和区政府报告: the last verb's object
    assert (r["deadlines"][2]["what"], r["deadlines"][2]["to"]) == ("报告书面材料", "区委和区政府")
    assert [t["title"] for t in r["tasks"]] == ["执法不严格", "执法不公正", "执法不规范", "执法不廉洁", "执法不文明"]
    assert r["attachments"] == ["鲅鱼圈区优化营商法治环境规范行政处罚行为专项治理活动领导小组成员单位及成员名单"]


def test_govdoc_397(records: dict[str, dict[str, Any]]) -> None:
    r = records["397"]
    assert r["doc_number"] == "发改办财金规〔2019〕860号"
    assert r["title"] == "关于加强个人所得税纳税信用建设的通知"
    assert r["issuers"] == ["国家发展改革委办公厅", "税务总局办公厅"]
    assert r["issue_date"] == "2019-08-20"
    assert r["recipients"] == [
        "各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门",
        "国家税务总局各省、自治区、直辖市和计划单列市税务局",
        "社会信用体系建设部际联席会议成员单位办公厅（室）",
    ]
    assert [c["number"] for c in r["cited_documents"]] == [
        "国发〔2018〕41号", "国发〔2014〕21号", "国发〔2016〕33号", "国办发〔2019〕35号"
    ]
    assert r["cited_documents"][0]["title"] == "国务院关于印发个人所得税专项附加扣除暂行办法的通知"
    assert r["tasks"] == [] and r["phases"] == [] and r["deadlines"] == []


def test_record_round_trips(records: dict[str, dict[str, Any]]) -> None:
    for record in records.values():
        assert Notice.from_dict(record).to_dict() == record
