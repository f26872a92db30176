"""The REST API through an HTTP test client, asserting the state after each call."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES_DIR, validate_record
from tests.web.conftest import SEED_TEXT, Desk

TITLE = "沈阳市助企护企执法监督专项行动工作方案"
CORRECTED_TITLE = "沈阳市助企护企执法监督专项行动实施方案"


def processed(desk: Desk, path: Path = SEED_TEXT) -> str:
    doc_id = desk.upload(path)["id"]
    status = desk.wait(doc_id)
    assert status["status"] == "done", status
    return str(doc_id)


def get_notice(desk: Desk, doc_id: str, role: str = "clerk") -> dict[str, Any]:
    response = desk.client.get(f"/api/documents/{doc_id}/notice", headers=desk.token(role))
    assert response.status_code == 200, response.text
    return dict(response.json())


def save(desk: Desk, doc_id: str, version: int, notice: dict[str, Any], role: str = "clerk") -> Any:
    return desk.client.put(f"/api/documents/{doc_id}/notice", json={"version": version, "notice": notice},
                           headers=desk.token(role))


def test_upload_is_read_and_extracted(desk: Desk) -> None:
    accepted = desk.upload(SEED_TEXT, name="通知.txt")
    assert accepted["status"] == "queued"
    status = desk.wait(accepted["id"])
    assert (status["status"], status["error"], status["filename"]) == ("done", None, "通知.txt")
    envelope = get_notice(desk, accepted["id"])
    assert envelope["version"] == 1
    assert envelope["corrected_fields"] == []
    notice = envelope["notice"]
    validate_record(notice, "notice")
    assert (notice["title"], notice["doc_number"], notice["issue_date"]) == (TITLE, "沈法治发〔2021〕7号", "2021-09-26")
    assert notice["source"]["file"] == "通知.txt"
    stored = list(desk.config.uploads_dir.glob("*.txt"))
    assert [p.name for p in stored] == [f"{accepted['id']}.txt"]  # a generated name, not the user's


def test_login_with_a_wrong_password_is_401(desk: Desk) -> None:
    response = desk.client.post("/api/login", json={"name": "clerk", "password": "wrong-password"})
    assert response.status_code == 401
    assert response.json()["detail"] == "wrong user name or password"
    assert desk.client.post("/api/login", json={"name": "nobody", "password": "x" * 10}).status_code == 401


def test_correction_is_kept_with_who_and_when_and_the_archive_follows(desk: Desk) -> None:
    doc_id = processed(desk)
    envelope = get_notice(desk, doc_id)
    notice = envelope["notice"]
    warnings = list(notice["warnings"])
    notice["title"] = CORRECTED_TITLE
    notice["tasks"][1]["deadline"] = "2021-11-30"
    notice["warnings"] = ["a client may not rewrite warnings"]
    response = save(desk, doc_id, envelope["version"], notice)
    assert response.status_code == 200, response.text
    saved = response.json()
    assert saved["version"] == 2
    assert saved["corrected_fields"] == ["tasks", "title"]
    assert saved["notice"]["title"] == CORRECTED_TITLE
    assert saved["notice"]["warnings"] == warnings  # not an editable field
    history = desk.client.get(f"/api/documents/{doc_id}/corrections", headers=desk.token("office")).json()
    assert [(c["field"], c["user"], c["version"]) for c in history] == [("title", "clerk", 2), ("tasks", "clerk", 2)]
    assert history[0]["previous"] == TITLE and history[0]["value"] == CORRECTED_TITLE
    hits = desk.client.get("/api/search", params={"q": "专项行动实施方案"}, headers=desk.token("archivist")).json()
    assert [(h["title"], h["matched"]) for h in hits] == [(CORRECTED_TITLE, "title")]
    assert desk.client.get("/api/search", params={"q": "专项行动工作方案"},
                           headers=desk.token("archivist")).json()[0]["title"] == CORRECTED_TITLE  # body text still holds it


def test_second_save_on_an_old_version_is_a_conflict_and_nothing_is_lost(desk: Desk) -> None:
    doc_id = processed(desk)
    first = get_notice(desk, doc_id, "clerk")
    second = get_notice(desk, doc_id, "office")
    first["notice"]["title"] = CORRECTED_TITLE
    assert save(desk, doc_id, first["version"], first["notice"], "clerk").status_code == 200
    second["notice"]["doc_number"] = "沈法治发〔2021〕8号"
    response = save(desk, doc_id, second["version"], second["notice"], "office")
    assert response.status_code == 409
    assert response.json()["current_version"] == 2
    assert "saved by clerk" in response.json()["detail"] and "not saved" in response.json()["detail"]
    after = get_notice(desk, doc_id)
    assert (after["version"], after["notice"]["title"], after["notice"]["doc_number"]) == (
        2, CORRECTED_TITLE, "沈法治发〔2021〕7号")
    response = save(desk, doc_id, after["version"], {**after["notice"], "doc_number": "沈法治发〔2021〕8号"}, "office")
    assert response.status_code == 200
    assert response.json()["notice"]["doc_number_parts"] == {"agency_code": "沈法治发", "year": 2021, "serial": 8}


def test_extracting_again_keeps_every_correction(desk: Desk) -> None:
    doc_id = processed(desk)
    envelope = get_notice(desk, doc_id)
    envelope["notice"]["title"] = CORRECTED_TITLE
    assert save(desk, doc_id, envelope["version"], envelope["notice"]).status_code == 200
    response = desk.client.post(f"/api/documents/{doc_id}/extract", headers=desk.token("clerk"))
    assert response.status_code == 200, response.text
    again = response.json()
    assert again["version"] == 3
    assert again["notice"]["title"] == CORRECTED_TITLE
    assert again["notice"]["doc_number"] == "沈法治发〔2021〕7号"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("issue_date", "2021/09/26", "issue_date: '2021/09/26' does not match"),
        ("tasks", [{"number": "1"}], "tasks.0: 'title' is a required property"),
        ("issuers", "沈阳市司法局", "issuers: '沈阳市司法局' is not of type 'array'"),
    ],
)
def test_an_invalid_notice_is_refused_and_nothing_changes(desk: Desk, field: str, value: Any, message: str) -> None:
    doc_id = processed(desk)
    envelope = get_notice(desk, doc_id)
    response = save(desk, doc_id, envelope["version"], {**envelope["notice"], field: value})
    assert response.status_code == 422
    assert response.json()["detail"].startswith(message)
    assert get_notice(desk, doc_id)["version"] == 1
    assert desk.client.get(f"/api/documents/{doc_id}/corrections", headers=desk.token("clerk")).json() == []


def test_ledger_of_approved_notices_holds_the_corrected_values(desk: Desk, tmp_path: Path) -> None:
    from docproc.ledger import read_ledger_xlsx

    doc_id = processed(desk)
    envelope = get_notice(desk, doc_id)
    task = envelope["notice"]["tasks"][1]
    task["deadline"] = "2021-11-30"
    task["owners"] = ["市司法局", "市市场监管局"]
    assert save(desk, doc_id, envelope["version"], envelope["notice"]).status_code == 200
    office = desk.token("office")
    refused = desk.client.post("/api/ledgers", json={"documents": [doc_id], "format": "xlsx"}, headers=office)
    assert refused.status_code == 422 and "not approved yet" in refused.json()["detail"]
    assert desk.client.post(f"/api/documents/{doc_id}/approve", headers=desk.token("clerk")).json()["approved"]
    response = desk.client.post("/api/ledgers", json={"documents": [doc_id], "format": "xlsx", "unit": "市司法局"},
                                headers=office)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(response.content)
    ledger = read_ledger_xlsx(target)
    row = next(r for r in ledger.rows if r.item.startswith(task["title"]))
    assert (row.deadline, row.owner_unit) == ("2021-11-30", "市司法局、市市场监管局")
    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
        other = desk.client.post("/api/ledgers", json={"documents": [doc_id], "format": fmt}, headers=office)
        assert other.status_code == 200 and other.content.startswith(magic)


def test_tracking_report_of_a_filled_in_ledger(desk: Desk, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from docproc.ledger import build_ledger, write_ledger
    from docproc.model.notice import Notice

    doc_id = processed(desk)
    notice = Notice.from_dict(get_notice(desk, doc_id)["notice"])
    path = write_ledger(build_ledger([notice], unit="市司法局", date="2021-10-08"), tmp_path / "l.xlsx")
    workbook = load_workbook(path)
    sheet = workbook.active
    header_row = next(r for r in sheet.iter_rows(min_row=1, max_row=10) if any(c.value == "状态" for c in r))
    status_col = next(c.column for c in header_row if c.value == "状态")
    first = header_row[0].row + 1
    sheet.cell(first, status_col).value = "已完成"
    workbook.save(path)
    with open(path, "rb") as handle:
        response = desk.client.post("/api/ledgers/status", params={"on": "2021-12-25", "soon": 7},
                                    files={"file": ("l.xlsx", handle)}, headers=desk.token("office"))
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["on"] == "2021-12-25" and report["finished"] == 1
    assert sum(u["total"] for u in report["by_unit"]) == report["total"]
    assert sum(u["finished"] for u in report["by_unit"]) == 1
    assert len(report["overdue"]) + len(report["due_soon"]) + len(report["no_deadline"]) + report["open_later"] \
        == report["total"] - 1


def test_search_hits_are_the_objects_of_docproc_search_json(desk: Desk) -> None:
    processed(desk)
    api_hits = desk.client.get("/api/search", params={"q": "执法监督", "year": 2021},
                               headers=desk.token("archivist")).json()
    completed = subprocess.run(
        [sys.executable, "-m", "docproc.cli", "search", "执法监督", "--year", "2021", "--json",
         "--db", str(desk.config.archive_db)], capture_output=True, text=True, check=True)
    assert api_hits == json.loads(completed.stdout)
    assert len(api_hits) == 1 and api_hits[0]["highlights"]


def test_page_image_and_catalogue(desk: Desk) -> None:
    from openpyxl import load_workbook
    from PIL import Image

    doc_id = processed(desk, FIXTURES_DIR / "govdoc-cn-397" / "397.pdf")
    status = desk.client.get(f"/api/documents/{doc_id}", headers=desk.token("archivist")).json()
    assert (status["pages"], status["pages_done"]) == (5, 5)
    response = desk.client.get(f"/api/documents/{doc_id}/pages/2.png", headers=desk.token("archivist"))
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    from docproc.web.processing import load_document

    document = load_document(desk.config, doc_id)
    assert document is not None
    assert image.size == (round(document.pages[1].width * desk.config.image_dpi / 72),
                          round(document.pages[1].height * desk.config.image_dpi / 72))
    assert desk.client.get(f"/api/documents/{doc_id}/pages/9.png", headers=desk.token("clerk")).status_code == 404
    catalogue = desk.client.get("/api/catalogue", headers=desk.token("archivist"))
    assert catalogue.status_code == 200
    sheet = load_workbook(io.BytesIO(catalogue.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
    assert len(rows) == 2 and rows[1][7] == 5


def test_openapi_documents_every_route(desk: Desk) -> None:
    schema = desk.client.get("/api/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/login", "/api/documents", "/api/documents/{doc_id}", "/api/documents/{doc_id}/notice",
        "/api/documents/{doc_id}/pages/{number}.png", "/api/search", "/api/ledgers", "/api/catalogue",
    }
    assert set(schema["paths"]["/api/documents/{doc_id}/notice"]) == {"get", "put"}
    assert not any(path.startswith(("/inbox", "/login")) for path in schema["paths"])  # pages are not API


def test_a_saved_web_page_is_read_whole(desk: Desk) -> None:
    page = FIXTURES_DIR / "html" / "govcn-guofa-2018-43" / "input.html"  # see its README
    doc_id = desk.upload(page)["id"]
    status = desk.wait(doc_id)
    assert (status["status"], status["filename"]) == ("done", "input.html")
    assert [p.name for p in desk.config.uploads_dir.glob("*.html")] == [f"{doc_id}.html"]
    from docproc.web.processing import load_document

    document = load_document(desk.config, doc_id)
    expected = (page.parent / "expected.txt").read_text(encoding="utf-8")
    assert document is not None and document.text.strip() == expected.strip()
