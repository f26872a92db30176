"""The desk's pages, rendered on the server (Jinja2); forms post back with the session's CSRF token.

Inbox (clerk), document view (everyone; corrections by clerk and office), ledgers (office),
archive (archivist). Pages call the same library functions as the API routes.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from docproc.errors import DocprocError
from docproc.web.accounts import User, authenticate, close_credential, open_session, session_user
from docproc.web.app import DOCUMENT_ID
from docproc.web.security import (
    CSRF_FIELD,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    desk_of,
    require,
    same_secret,
)

router = APIRouter(include_in_schema=False)
HOME_OF_ROLE = {"clerk": "/inbox", "office": "/ledgers", "archivist": "/archive", "admin": "/inbox"}


def _page(request: Request, name: str, user: User | None, status_code: int = 200, **context: Any) -> HTMLResponse:
    templates = desk_of(request).templates
    response: HTMLResponse = templates.TemplateResponse(
        request, name, {"user": user, "csrf_field": CSRF_FIELD, **context}, status_code=status_code
    )
    return response


def _safe_next(path: str | None) -> str:
    """Only a path of this site (never ``//host`` or a scheme) is followed after login."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    token = secrets.token_urlsafe(32)
    response = _page(request, "login.html", None, login_csrf=token, next=_safe_next(next), error=None)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                        secure=desk_of(request).config.secure_cookies)
    return response


@router.post("/login")
def login(request: Request, name: Annotated[str, Form()], password: Annotated[str, Form()],
          csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/") -> Response:
    desk = desk_of(request)
    if not same_secret(csrf_token, request.cookies.get(LOGIN_CSRF_COOKIE)):
        raise HTTPException(403, "the form's security token is missing or stale: reload the page and try again")
    user = authenticate(desk.store, name, password)
    if user is None:
        token = secrets.token_urlsafe(32)
        refused = _page(request, "login.html", None, status_code=401, login_csrf=token, next=_safe_next(next),
                        error="wrong user name or password")
        refused.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                           secure=desk.config.secure_cookies)
        return refused
    session, _ = open_session(desk.store, user.name, desk.config.session_hours)
    target = _safe_next(next)
    response = RedirectResponse(HOME_OF_ROLE[user.role] if target == "/" else target, status_code=303)
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="lax", secure=desk.config.secure_cookies,
                        max_age=int(desk.config.session_hours * 3600))
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, user: Annotated[User, Depends(require("read"))]) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        close_credential(desk_of(request).store, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/")
def home(request: Request) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    user = session_user(desk_of(request).store, cookie) if cookie else None
    return RedirectResponse(HOME_OF_ROLE[user.role] if user else "/login", status_code=303)


@router.get("/inbox")
def inbox(request: Request, user: Annotated[User, Depends(require("read"))], offset: int = 0) -> Response:
    desk = desk_of(request)
    documents = desk.store.documents(limit=100, offset=max(0, offset))
    return _page(request, "inbox.html", user, documents=documents, offset=max(0, offset),
                 total=desk.store.count_documents(), max_mb=desk.config.max_upload_bytes / (1024 * 1024),
                 max_pages=desk.config.max_pages, errors=[])


@router.post("/inbox")
def inbox_upload(request: Request, user: Annotated[User, Depends(require("upload"))],
                 files: Annotated[list[UploadFile], File()]) -> Response:
    """The form without JavaScript: several files at once, then back to the inbox."""
    from docproc.web.uploads import receive_upload

    desk = desk_of(request)
    errors: list[str] = []
    for upload in files:
        try:
            row = receive_upload(desk.config, desk.store, upload.filename, upload.file, user.name)
        except DocprocError as exc:
            errors.append(exc.one_line())
            continue
        desk.jobs.enqueue(row.id)
    if not errors:
        return RedirectResponse("/inbox", status_code=303)
    return _page(request, "inbox.html", user, status_code=422, documents=desk.store.documents(limit=100), offset=0,
                 total=desk.store.count_documents(), max_mb=desk.config.max_upload_bytes / (1024 * 1024),
                 max_pages=desk.config.max_pages, errors=errors)


@router.get("/documents/{doc_id}")
def document_view(request: Request, doc_id: str, user: Annotated[User, Depends(require("read"))],
                  page: int | None = None, q: str = "") -> Response:
    from docproc.web.page_images import match_boxes
    from docproc.web.processing import load_document
    from docproc.web.review import (
        COLUMN_LABELS,
        LIST_COLUMNS,
        LIST_FIELDS,
        SCALAR_FIELDS,
        TABLE_FIELDS,
        review_items,
        string_columns,
        value_text,
    )

    desk = desk_of(request)
    row = desk.store.document(doc_id) if DOCUMENT_ID.match(doc_id) else None
    if row is None:
        raise HTTPException(404, "no such document")
    document = load_document(desk.config, doc_id)
    notice = desk.store.notice(doc_id)
    history = desk.store.corrections(doc_id)
    corrected = {c.field for c in history}
    items = review_items(notice.record, corrected) if notice else []
    pages = [{"number": p.number, "width": p.width, "height": p.height} for p in document.pages] if document else []
    matches: dict[int, list[list[float]]] = {}
    if document is not None and q.strip():
        for p in document.pages:
            boxes = match_boxes(document, p.number, q)
            if boxes:
                matches[p.number] = boxes
    return _page(
        request, "document.html", user, row=row, notice=notice, items=items, pages=pages,
        history=list(reversed(history)), scalar_fields=SCALAR_FIELDS, list_fields=LIST_FIELDS,
        table_fields=TABLE_FIELDS, column_labels=COLUMN_LABELS, list_columns=LIST_COLUMNS,
        string_columns=string_columns(), value_text=value_text,
        matches_json=json.dumps(matches), start_page=page or 1, query=q,
        text=document.text if document is not None and not document.pages else None,
    )


@router.get("/ledgers")
def ledgers(request: Request, user: Annotated[User, Depends(require("ledger"))]) -> Response:
    desk = desk_of(request)
    approved = [(row, desk.store.notice(row.id)) for row in desk.store.documents(limit=500, approved_only=True)]
    return _page(request, "ledgers.html", user, approved=approved, report=None, chart=None, error=None,
                 today=dt.date.today().isoformat())


@router.post("/ledgers")
def ledger_download(request: Request, user: Annotated[User, Depends(require("ledger"))],
                    documents: Annotated[list[str], Form()], format: Annotated[str, Form()] = "xlsx",
                    unit: Annotated[str, Form()] = "",
                    template: Annotated[UploadFile | None, File()] = None) -> Response:
    from docproc.web.api import _download
    from docproc.web.ledgers import ledger_file, reviewed_notices, save_template, template_path

    desk = desk_of(request)
    template_file = None
    if template is not None and template.filename:
        template_file = template_path(desk.config, save_template(desk.config, template.filename, template.file.read()))
    data, name = ledger_file(reviewed_notices(desk.store, documents), format, unit=unit or None,
                             template=template_file)
    return _download(data, name, format)


@router.post("/ledgers/status")
def ledger_status_page(request: Request, user: Annotated[User, Depends(require("ledger"))],
                       ledger: Annotated[UploadFile, File()], on: Annotated[str, Form()] = "",
                       soon: Annotated[int, Form()] = 7) -> Response:
    from docproc.web.ledgers import tracking_chart, tracking_report

    desk = desk_of(request)
    approved = [(row, desk.store.notice(row.id)) for row in desk.store.documents(limit=500, approved_only=True)]
    day = dt.date.fromisoformat(on) if on else dt.date.today()
    with tempfile.TemporaryDirectory(prefix="docproc-desk-") as folder:
        path = Path(folder) / "ledger.xlsx"
        path.write_bytes(ledger.file.read(desk.config.max_upload_bytes))
        soon_days = max(0, min(soon, 365))
        report = tracking_report(path, day, soon_days)
        chart = tracking_chart(path, day, soon_days) if report["by_unit"] else None
    return _page(request, "ledgers.html", user, approved=approved, report=report, chart=chart, error=None,
                 today=day.isoformat())


@router.get("/archive")
def archive_page(request: Request, user: Annotated[User, Depends(require("search"))], q: str = "",
                 issuer: str = "", year: str = "", person: str = "", doc_number: str = "",
                 type: str = "") -> Response:
    from docproc.index import SearchQuery
    from docproc.web.processing import archive, document_id_of_archive_path

    desk = desk_of(request)
    filters = {"issuer": issuer, "year": year, "person": person, "doc_number": doc_number, "type": type}
    hits: list[dict[str, Any]] = []
    searched = bool(q.strip() or any(filters.values()))
    if searched:
        query = SearchQuery(text=q, issuer=issuer or None, year=int(year) if year.isdigit() else None,
                            person=person or None, doc_number=doc_number or None, doc_type=type or None,
                            limit=50)
        for hit in archive(desk.config).search(query):
            found = hit.to_dict()
            doc_id = document_id_of_archive_path(desk.config, hit.path)
            found["link"] = (f"/documents/{doc_id}?page={hit.page or 1}&q={quote(q.split()[0])}"
                             if doc_id and q.split() else f"/documents/{doc_id}" if doc_id else None)
            found["parts"] = _highlighted(hit.snippet, hit.highlights)
            hits.append(found)
    return _page(request, "archive.html", user, q=q, filters=filters, hits=hits, searched=searched)


def _highlighted(snippet: str, highlights: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) parts, for the template to mark without trusting HTML."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for start, end in highlights:
        parts.append((snippet[position:start], False))
        parts.append((snippet[start:end], True))
        position = end
    parts.append((snippet[position:], False))
    return [p for p in parts if p[0]]


@router.get("/archive/catalogue.{fmt}")
def catalogue_page(request: Request, fmt: str, user: Annotated[User, Depends(require("catalogue"))]) -> Response:
    from docproc.web.api import catalogue

    if fmt not in ("xlsx", "csv"):
        raise HTTPException(404, "the catalogue is .xlsx or .csv")
    return catalogue(request, user, "xlsx" if fmt == "xlsx" else "csv")
