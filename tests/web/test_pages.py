"""The server-rendered pages, through a signed-in session: what each shows, and its forms."""

from __future__ import annotations

import io
import json
import re

from tests.conftest import FIXTURES_DIR
from tests.web.conftest import SEED_TEXT, Desk

GOVDOC = FIXTURES_DIR / "govdoc-cn-397" / "397.pdf"


def test_inbox_lists_uploads_with_progress_and_failures(desk: Desk) -> None:
    good = desk.upload(SEED_TEXT, name="沈阳通知.txt")["id"]
    blank = desk.upload(FIXTURES_DIR / "seed-001" / "input.txt", name="second.txt")["id"]
    desk.wait(good)
    desk.wait(blank)
    desk.login_session("clerk")
    page = desk.client.get("/inbox")
    assert page.status_code == 200
    assert f'<a href="/documents/{good}">沈阳通知.txt</a>' in page.text
    assert 'id="dropzone"' in page.text and 'name="csrf_token"' in page.text
    assert page.text.count('class="status status-done"') == 2


def test_document_view_shows_boxes_fields_and_history(desk: Desk) -> None:
    doc_id = desk.upload(GOVDOC)["id"]
    assert desk.wait(doc_id)["status"] == "done"
    desk.login_session("clerk")
    page = desk.client.get(f"/documents/{doc_id}")
    assert page.status_code == 200
    assert f'src="/api/documents/{doc_id}/pages/1.png"' in page.text
    assert len(re.findall(r'class="box[^"]*" id="box-', page.text)) >= 1  # values with a box on a page
    assert 'data-table="tasks"' in page.text and 'id="save"' in page.text
    assert "尚无更正" in page.text
    boxed = desk.client.get(f"/documents/{doc_id}", params={"page": 2, "q": "国务院"})
    matches = boxed.text.split('<script type="application/json" id="matches">', 1)[1].split("</script>", 1)[0]
    assert json.loads(matches)  # page → boxes of 国务院 on it
    assert all(len(box) == 4 for boxes in json.loads(matches).values() for box in boxes)


def test_archive_page_links_hits_to_their_page_and_marks_matches(desk: Desk) -> None:
    doc_id = desk.upload(SEED_TEXT)["id"]
    desk.wait(doc_id)
    desk.login_session("archivist")
    page = desk.client.get("/archive", params={"q": "执法监督", "year": "2021"})
    assert page.status_code == 200
    assert f'href="/documents/{doc_id}?page=1&amp;q=%E6%89%A7%E6%B3%95%E7%9B%91%E7%9D%A3"' in page.text
    assert "<mark>执法监督</mark>" in page.text
    assert 'href="/archive/catalogue.xlsx"' in page.text
    catalogue = desk.client.get("/archive/catalogue.csv")
    assert catalogue.status_code == 200 and catalogue.content.startswith("\ufeff序号".encode())


def test_ledgers_page_builds_a_ledger_and_tracks_one(desk: Desk) -> None:
    from openpyxl import load_workbook

    doc_id = desk.upload(SEED_TEXT)["id"]
    desk.wait(doc_id)
    assert desk.client.post(f"/api/documents/{doc_id}/approve", headers=desk.token("clerk")).status_code == 200
    csrf = desk.login_session("office")
    page = desk.client.get("/ledgers")
    assert f'value="{doc_id}"' in page.text
    response = desk.client.post("/ledgers", data={"documents": doc_id, "format": "xlsx", "csrf_token": csrf})
    assert response.status_code == 200, response.text
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert any("整改台账" in str(c.value) for row in sheet.iter_rows(max_row=3) for c in row)
    tracked = desk.client.post("/ledgers/status", data={"on": "2022-01-10", "soon": "7", "csrf_token": csrf},
                               files={"ledger": ("l.xlsx", response.content)})
    assert tracked.status_code == 200, tracked.text
    assert 'id="report"' in tracked.text and 'src="data:image/svg+xml' in tracked.text and "2022-01-10" in tracked.text
