"""XLSX → ledger JSON → XLSX keeps every cell a clerk edited; update adds rows and keeps edits."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from docproc.errors import InputError
from docproc.ledger import build_ledger, read_ledger_xlsx, render_ledger, update_ledger_xlsx
from docproc.model.ledger import Ledger
from docproc.model.notice import Notice
from tests.conftest import validate_record

# (cell, value a clerk typed): 完成情况, 状态, 销号情况, 责任人, 备注, a re-worded task, a changed deadline
CLERK_EDITS = [
    ("H4", "已修订程序规定，完成培训2次"),
    ("I4", "已完成"),
    ("J4", dt.datetime(2021, 11, 20)),
    ("F4", "王佩军"),
    ("K5", "与市公安局联合推进"),
    ("I5", "整改中"),
    ("C6", "细化自由裁量基准（含环保领域）"),
    ("G6", dt.datetime(2021, 11, 30)),
    ("E7", "市营商局"),
    ("H14", "=已完成"),
]


def _edited_ledger(tmp_path: Path, ledger: Ledger) -> Path:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(render_ledger(ledger, "xlsx"))
    workbook = openpyxl.load_workbook(path)
    ws = workbook["整改台账"]
    for coordinate, value in CLERK_EDITS:
        ws[coordinate] = value
        if isinstance(value, str):
            ws[coordinate].data_type = "s"
    ws["N3"] = "督办人"  # a column of the clerks' own
    ws["N4"] = "赵科长"
    ws["D8"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF00")
    workbook.save(path)
    return path


def _cells(path: Path) -> dict[str, object]:
    ws = openpyxl.load_workbook(path)["整改台账"]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def test_round_trip_keeps_every_edited_cell(seed000_notice: Notice, seed001_notice: Notice, tmp_path: Path) -> None:
    ledger = build_ledger([seed000_notice, seed001_notice], unit="市司法局", date="2021-10-08")
    edited = _edited_ledger(tmp_path, ledger)
    record = read_ledger_xlsx(edited).to_dict()
    validate_record(record, "ledger")
    json_path = tmp_path / "台账.ledger.json"
    json_path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    again = tmp_path / "again.xlsx"
    again.write_bytes(render_ledger(Ledger.from_dict(json.loads(json_path.read_text(encoding="utf-8"))), "xlsx"))
    before, after = _cells(edited), _cells(again)
    for coordinate, value in CLERK_EDITS:
        assert after[coordinate] == value, coordinate
    own_columns = {"N3", "N4"}
    assert {k: v for k, v in before.items() if k not in own_columns} == after
    row = record["rows"][0]
    assert (row["progress"], row["status"], row["closed_on"], row["owner_person"]) == (
        "已修订程序规定，完成培训2次", "已完成", "2021-11-20", "王佩军")
    assert record["rows"][2]["deadline"] == "2021-11-30"
    assert record["unit"] == "市司法局" and record["generated_on"] == "2021-10-08"
    assert record["sources"][0]["doc_number"] == "沈法治发〔2021〕7号"


def test_update_adds_new_rows_and_keeps_the_clerks_workbook(
    seed000_notice: Notice, seed001_notice: Notice, tmp_path: Path
) -> None:
    edited = _edited_ledger(tmp_path, build_ledger([seed000_notice], date="2021-10-08"))
    before = _cells(edited)
    result = update_ledger_xlsx(edited, [seed000_notice, seed001_notice])
    assert [r.no for r in result.added] == list(range(12, 27))
    assert result.kept == 11
    out = tmp_path / "updated.xlsx"
    out.write_bytes(result.data)
    after = _cells(out)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing of the old sheet changed
    ws = openpyxl.load_workbook(out)["整改台账"]
    assert ws["D8"].fill.fgColor.rgb == "00FFFF00"
    assert (ws["A15"].value, ws["C15"].value) == (12, "加强行政执法人员管理")
    assert ws["N15"].value is None
    assert len(read_ledger_xlsx(out).sources) == 2
    # a second update with the same notices adds nothing
    out.write_bytes(update_ledger_xlsx(out, [seed001_notice]).data)
    assert len(read_ledger_xlsx(out).rows) == 26


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2021-11-01", "2021-11-01"), ("2021/11/1", "2021-11-01"), ("2021.11.01", "2021-11-01"),
     ("2021年11月1日", "2021-11-01"), (dt.datetime(2021, 11, 1, 0, 0), "2021-11-01"), (None, None)],
)
def test_deadlines_typed_by_clerks(typed: object, expected: str | None, tmp_path: Path) -> None:
    path = tmp_path / "l.xlsx"
    path.write_bytes(render_ledger(_one_row_ledger(), "xlsx"))
    workbook = openpyxl.load_workbook(path)
    workbook["整改台账"]["G4"] = typed
    workbook.save(path)
    assert read_ledger_xlsx(path).rows[0].deadline == expected


@pytest.mark.parametrize(
    ("cell", "typed", "message"),
    [("G4", "下月底", "cell G4: '下月底' is not a date"),
     ("G4", "2021-02-30", "cell G4: '2021-02-30' is not a date"),
     ("I4", "完成了", "cell I4: status '完成了' is not one of 未开始/整改中/已完成/已销号"),
     ("A4", "一", "cell A4: 序号 '一' is not a number")],
)
def test_unreadable_clerk_cells_name_the_cell(cell: str, typed: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "l.xlsx"
    path.write_bytes(render_ledger(_one_row_ledger(), "xlsx"))
    workbook = openpyxl.load_workbook(path)
    workbook["整改台账"][cell] = typed
    workbook.save(path)
    with pytest.raises(InputError) as caught:
        read_ledger_xlsx(path)
    assert caught.value.message.startswith(message)


def test_a_workbook_without_a_ledger_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "姓名"
    workbook.save(path)
    with pytest.raises(InputError, match="no ledger header row"):
        read_ledger_xlsx(path)


def _one_row_ledger() -> Ledger:
    from docproc.model.ledger import LedgerRow

    return Ledger(title="台账", rows=[LedgerRow(no=1, item="建立通报制度", deadline="2021-12-20")], generated_on="2021-10-08")
