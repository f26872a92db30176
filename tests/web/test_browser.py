"""End to end in a real browser: Playwright drives Debian's chromium (``make install`` brings it)
against a desk served on loopback, with the real OCR engine.

A clerk drops a 20-page scan on the inbox and watches it being read page by page, reviews it,
corrects the title and a task's deadline, and approves it; an office builds the ledger and finds
the corrected values in its cells, then tracks it; an archivist finds the corrected title and opens
the hit at its page. ``DOCPROC_REGEN=1`` saves a screenshot of each page to ``docs/images/``.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.desk import make_users, running_desk
from docproc.web import DeskConfig
from tests.conftest import FIXTURES_DIR, REPO_DIR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
# 20 scanned pages: three real scanned notices one after the other (fixtures/seed-*/README.md)
SCANS = [FIXTURES_DIR / "seed-004" / "degraded.pdf", FIXTURES_DIR / "seed-001" / "degraded.pdf",
         FIXTURES_DIR / "seed-003" / "degraded.pdf"]
PASSWORD = "bench-password"
CORRECTED_TITLE = "审核台更正后的专项整治工作方案"
CORRECTED_DEADLINE = "2026-12-31"
READ_SECONDS = 1500  # 20 pages of real OCR on a shared 2-core machine


def twenty_page_scan(target: Path) -> Path:
    import pypdfium2

    merged = pypdfium2.PdfDocument.new()
    for scan in SCANS:
        merged.import_pages(pypdfium2.PdfDocument(scan))
    assert len(merged) == 20
    merged.save(target)
    return target


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = REPO_DIR / "docs" / "images" if os.environ.get("DOCPROC_REGEN") else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make install` as root (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def sign_in(page, base: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.click(".logout button")
    page.wait_for_url(re.compile(r".*/login$"))


@pytest.mark.slow
def test_upload_progress_review_correct_ledger_search(browser, tmp_path: Path, shots: Path) -> None:  # type: ignore[no-untyped-def]
    from docproc.ledger import read_ledger_xlsx

    scan = twenty_page_scan(tmp_path / "整治方案-20页.pdf")
    config = DeskConfig(data_dir=tmp_path / "desk")
    make_users(config, ["clerk"], "clerk")
    make_users(config, ["office"], "office")
    make_users(config, ["archivist"], "archivist")
    with running_desk(config) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
        sign_in(page, base, "clerk")
        page.wait_for_url(f"{base}/inbox")

        # drop the scan on the inbox, as a person drags it from a folder
        data = base64.b64encode(scan.read_bytes()).decode()
        transfer = page.evaluate_handle(
            """([data, name]) => { const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                 const t = new DataTransfer(); t.items.add(new File([bytes], name, {type: 'application/pdf'}));
                 return t; }""", [data, scan.name])
        page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
        state = page.locator("#upload-list li .state")
        state.filter(has_text=re.compile(r"识别中 ([6-9]|1[0-9]) / 20 页")).wait_for(timeout=READ_SECONDS * 1000)
        page.screenshot(path=str(shots / "desk-inbox.png"))
        review = page.locator("#upload-list li .state a", has_text="完成 20 / 20 页")
        review.wait_for(timeout=READ_SECONDS * 1000)

        review.click()
        page.wait_for_selector("#notice-form")
        page.locator(".page img").first.wait_for()
        page.wait_for_function("document.querySelector('.page img').complete")
        first_item = page.locator("#items .item").first
        first_item.click()
        assert page.locator(".box.active").count() + page.locator(".item.active").count() >= 1
        page.screenshot(path=str(shots / "desk-document.png"))

        page.fill("input[data-field=title]", CORRECTED_TITLE)
        task = page.locator("table[data-table=tasks] tbody tr").last  # a leaf task: a ledger row
        task_title = task.locator("textarea[data-column=title]").input_value()
        task.locator("textarea[data-column=deadline]").fill(CORRECTED_DEADLINE)
        page.click("#save")  # saved, the page reloads with the correction in the history
        page.locator("#history td", has_text=CORRECTED_TITLE).first.wait_for(timeout=60_000)
        assert page.input_value("input[data-field=title]") == CORRECTED_TITLE
        page.click("#approve")
        page.locator(".approved").wait_for()
        sign_out(page)

        sign_in(page, base, "office")
        page.wait_for_url(f"{base}/ledgers")
        page.locator("#ledger-form input[type=checkbox]").first.check()
        page.select_option("#ledger-format", "xlsx")
        page.screenshot(path=str(shots / "desk-ledgers.png"))
        with page.expect_download() as download_info:
            page.click("#build-ledger")
        ledger_path = tmp_path / "ledger.xlsx"
        download_info.value.save_as(ledger_path)
        ledger = read_ledger_xlsx(ledger_path)
        assert ledger.title == "审核台更正后的专项整治整改台账"  # made from the corrected title
        corrected = [r for r in ledger.rows if r.deadline == CORRECTED_DEADLINE]
        assert len(corrected) == 1 and task_title[:8] in corrected[0].item

        page.set_input_files("#status-form input[name=ledger]", str(ledger_path))
        page.fill("#status-form input[name=on]", "2027-01-05")
        page.click("#status-form button[type=submit]")
        page.locator("#report img.chart").wait_for()
        assert page.locator("#report h3.overdue + table td", has_text=CORRECTED_DEADLINE).count() == 1
        page.screenshot(path=str(shots / "desk-tracking.png"), full_page=True)
        sign_out(page)

        sign_in(page, base, "archivist")
        page.wait_for_url(f"{base}/archive")
        page.fill("#search-form input[name=q]", "更正后的专项整治")
        page.click("#search-form button[type=submit]")
        hit = page.locator("#hits li a", has_text=CORRECTED_TITLE)
        hit.wait_for()
        assert page.locator("#hits mark", has_text="更正后的专项整治").count() >= 1
        page.screenshot(path=str(shots / "desk-archive.png"))
        page.fill("#search-form input[name=q]", "整改")
        page.click("#search-form button[type=submit]")
        page.locator("#hits li a").first.click()
        match = page.locator(".box.match").first
        match.wait_for()
        figure = match.locator("xpath=..")
        figure.scroll_into_view_if_needed()
        page.wait_for_function("(f) => { const i = f.querySelector('img'); return i.complete && i.naturalWidth > 0; }",
                               arg=figure.element_handle(), timeout=120_000)
        page.screenshot(path=str(shots / "desk-hit.png"))
    if not os.environ.get("DOCPROC_REGEN"):
        shutil.rmtree(shots, ignore_errors=True)
