"""``docproc index add|export|stats`` and ``docproc search`` through CliRunner; state checked through
the library and by reading the written catalogue back."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.index import SearchQuery, open_store
from tests.conftest import FIXTURES_DIR

CASES = ["seed-000", "notices/joint-issue-jiaxing", "notices/forward-xiushui"]


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    """A folder of three OCR'd documents plus a file the walk must ignore."""
    folder = tmp_path / "archive"
    for case in CASES:
        target = folder / Path(case).name
        target.mkdir(parents=True)
        shutil.copy(FIXTURES_DIR / case / "degraded.document.json", target / "scan.document.json")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_add_search_stats_export(archive: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "archive.sqlite3")
    code, _, err = run("index", "add", str(archive), "--db", db, "--no-progress")
    assert code == 0, err
    assert f"index {db}: 3 added, 0 updated, 0 unchanged, 0 failed" in err
    code, _, err = run("index", "add", str(archive), "--db", db, "--no-progress")
    assert "0 added, 0 updated, 3 unchanged, 0 failed" in err

    code, out, _ = run("search", "专项整治", "--issuer", "商务局", "--json", "--db", db)
    assert code == 0
    (hit,) = json.loads(out)
    assert set(hit) >= {"path", "doc_number", "title", "issuers", "issue_date", "page", "snippet", "score"}
    assert hit["path"] == str((archive / "joint-issue-jiaxing" / "scan.document.json").resolve())
    assert hit["doc_number"] == "嘉市监发〔2023〕18号"
    assert hit["issuers"] == ["嘉兴市市场监督管理局", "嘉兴市商务局"]
    assert hit["issue_date"] == "2023-05-09"
    assert hit["page"] == 1

    code, out, _ = run("search", "台账", "--year", "2022", "--db", db)
    assert code == 0
    assert out.splitlines()[0] == f"{(archive / 'forward-xiushui' / 'scan.document.json').resolve()} p.1"
    assert "修府办发〔2022〕63号" in out.splitlines()[1]

    code, out, _ = run("index", "stats", "--json", "--db", db)
    assert json.loads(out)["documents"] == 3
    assert json.loads(out)["by_year"] == {"2021": 1, "2022": 1, "2023": 1}

    out_csv = tmp_path / "catalogue.csv"
    code, _, err = run("index", "export", "-o", str(out_csv), "--db", db)
    assert code == 0, err
    rows = list(csv.reader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]
    assert rows[1][:8] == ["1", "", "沈法治发〔2021〕7号", "沈阳市全面推进法治政府建设工作领导小组",
                           "沈阳市助企护企执法监督专项行动工作方案", "20210926", "", "7"]
    assert rows[3][3] == "嘉兴市市场监督管理局、嘉兴市商务局"

    out_xlsx = tmp_path / "catalogue.xlsx"
    code, _, _ = run("index", "export", "--format", "xlsx", "-o", str(out_xlsx), "--db", db)
    import openpyxl

    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[2][2:6] == ["修府办发〔2022〕63号", "修水县人民政府办公室",
                              "修水县人民政府办公室转发县自然资源局关于加强农村宅基地审批管理的实施意见的通知",
                              "20220930"]


def test_catalogue_cells_never_start_a_formula(tmp_path: Path) -> None:
    notice = tmp_path / "evil.txt"
    notice.write_text("=HYPERLINK(\"http://x\")关于开展整改工作的通知\n各单位：\n请做好整改。\n", encoding="utf-8")
    db = str(tmp_path / "a.sqlite3")
    assert run("index", "add", str(notice), "--db", db, "--no-progress")[0] == 0
    out_csv = tmp_path / "c.csv"
    assert run("index", "export", "-o", str(out_csv), "--db", db)[0] == 0
    cells = [c for row in csv.reader(out_csv.read_text(encoding="utf-8-sig").splitlines()) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_missing_path_and_unknown_export_format(tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite3")
    code, _, err = run("index", "add", str(tmp_path / "absent"), str(FIXTURES_DIR / "seed-000" / "input.txt"),
                       "--db", db, "--no-progress")
    assert code == 2 and f"docproc: error: {tmp_path / 'absent'}: no such file" in err.splitlines()
    assert "1 added, 0 updated, 0 unchanged, 1 failed" in err  # the other file is indexed
    code, _, err = run("index", "export", "-o", str(tmp_path / "c.ods"), "--db", db)
    assert code == 1 and "--format xlsx or csv" in err


def test_search_of_a_missing_index_says_so_and_an_empty_one_finds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "typo.sqlite3"
    code, _, err = run("search", "整改", "--db", str(db))
    assert code == 7 and "no archive index at" in err
    assert not db.exists()
    open_store(db).close()
    code, out, _ = run("search", "整改", "--json", "--db", str(db))
    assert (code, json.loads(out)) == (0, [])
    assert open_store(db).search(SearchQuery("整改")) == []
