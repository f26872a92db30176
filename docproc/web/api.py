"""The REST API under ``/api`` (OpenAPI at ``/api/openapi.json``). Each route checks its
permission, calls the library or the desk's modules, and returns JSON or a file."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, Field

from docproc.web.accounts import User, authenticate, issue_token
from docproc.web.app import DOCUMENT_ID
from docproc.web.security import desk_of, require
from docproc.web.store import DocumentRow

router = APIRouter(tags=["desk"])


class LoginRequest(BaseModel):
    name: str
    password: str


class TokenResponse(BaseModel):
    token: str
    role: str


class DocumentStatus(BaseModel):
    id: str
    filename: str
    status: Literal["queued", "running", "done", "failed"]
    error: str | None
    pages: int
    pages_done: int
    uploaded_by: str
    uploaded_at: str
    approved: bool


class Accepted(BaseModel):
    id: str
    status: str


class NoticeEnvelope(BaseModel):
    id: str
    version: int = Field(description="send it back with PUT: a save based on an older version is refused (409)")
    notice: dict[str, Any] = Field(description="the reviewed docproc.notice/1 record")
    corrected_fields: list[str]
    updated_by: str | None
    updated_at: str


class NoticeSave(BaseModel):
    version: int
    notice: dict[str, Any]


class LedgerRequest(BaseModel):
    documents: list[str]
    format: Literal["xlsx", "docx", "pdf"] = "xlsx"
    unit: str | None = None
    template: str | None = Field(None, description="id of a template from POST /api/templates")


def _document(request: Request, doc_id: str) -> DocumentRow:
    if not DOCUMENT_ID.match(doc_id):
        raise HTTPException(404, "no such document")
    row = desk_of(request).store.document(doc_id)
    if row is None:
        raise HTTPException(404, "no such document")
    return row


@router.post("/login", response_model=TokenResponse)
def login(request: Request, body: LoginRequest) -> TokenResponse:
    """A bearer token for the user (send it as ``Authorization: Bearer <token>``)."""
    desk = desk_of(request)
    user = authenticate(desk.store, body.name, body.password)
    if user is None:
        raise HTTPException(401, "wrong user name or password")
    return TokenResponse(token=issue_token(desk.store, user.name, desk.config.token_hours), role=user.role)


@router.post("/documents", status_code=202, response_model=Accepted)
def upload_document(request: Request, user: Annotated[User, Depends(require("upload"))],
                    file: Annotated[UploadFile, File(description="PDF, image, .txt or saved web page (.html)")]) -> Accepted:
    """Keep the file and queue it for reading; poll ``GET /api/documents/{id}`` for progress."""
    from docproc.web.uploads import receive_upload

    desk = desk_of(request)
    row = receive_upload(desk.config, desk.store, file.filename, file.file, user.name)
    desk.jobs.enqueue(row.id)
    return Accepted(id=row.id, status=row.status)


@router.get("/documents", response_model=list[DocumentStatus])
def list_documents(request: Request, user: Annotated[User, Depends(require("read"))],
                   limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                   offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
    return [row.to_api() for row in desk_of(request).store.documents(limit=limit, offset=offset)]


@router.get("/documents/{doc_id}", response_model=DocumentStatus)
def document_status(request: Request, doc_id: str, user: Annotated[User, Depends(require("read"))]) -> dict[str, Any]:
    return _document(request, doc_id).to_api()


def _envelope(request: Request, doc_id: str) -> NoticeEnvelope:
    desk = desk_of(request)
    row = _document(request, doc_id)
    notice = desk.store.notice(doc_id)
    if notice is None:
        detail = row.error or f"the document is {row.status}: no notice yet"
        raise HTTPException(404, detail)
    corrected = sorted({c.field for c in desk.store.corrections(doc_id)})
    return NoticeEnvelope(id=doc_id, version=notice.version, notice=notice.record, corrected_fields=corrected,
                          updated_by=notice.updated_by, updated_at=notice.updated_at)


@router.get("/documents/{doc_id}/notice", response_model=NoticeEnvelope)
def get_notice(request: Request, doc_id: str, user: Annotated[User, Depends(require("read"))]) -> NoticeEnvelope:
    return _envelope(request, doc_id)


@router.put("/documents/{doc_id}/notice", response_model=NoticeEnvelope,
            responses={409: {"description": "someone saved a newer version meanwhile; nothing was saved"},
                       422: {"description": "the record is not a valid docproc.notice/1"}})
def put_notice(request: Request, doc_id: str, body: NoticeSave,
               user: Annotated[User, Depends(require("review"))]) -> NoticeEnvelope:
    """Save a corrected notice. Each changed field is kept as a correction (who, when); a new
    extraction never overwrites it; the archive index follows at once."""
    from docproc.web.processing import reindex
    from docproc.web.review import merge_edit

    desk = desk_of(request)
    current = _envelope(request, doc_id)
    record, changes = merge_edit(current.notice, body.notice)
    if changes:
        desk.store.save_correction(doc_id, body.version, record, changes, user.name)
        reindex(desk.config, desk.store, doc_id, record=record)
    elif body.version != current.version:
        from docproc.web.store import VersionConflict

        raise VersionConflict(current.version, current.updated_by, current.updated_at)
    return _envelope(request, doc_id)


@router.get("/documents/{doc_id}/corrections")
def corrections(request: Request, doc_id: str, user: Annotated[User, Depends(require("read"))]) -> list[dict[str, Any]]:
    """Every correction of the notice, oldest first: field, previous and new value, who, when."""
    _document(request, doc_id)
    return [c.to_dict() for c in desk_of(request).store.corrections(doc_id)]


@router.post("/documents/{doc_id}/approve", response_model=DocumentStatus)
def approve(request: Request, doc_id: str, user: Annotated[User, Depends(require("review"))],
            approved: bool = True) -> dict[str, Any]:
    """Mark the reviewed notice approved (it may then go into ledgers), or withdraw approval."""
    desk = desk_of(request)
    row = _document(request, doc_id)
    if desk.store.notice(doc_id) is None:
        raise HTTPException(409, row.error or "the document has no notice to approve")
    desk.store.set_approved(doc_id, user.name if approved else None)
    return _document(request, doc_id).to_api()


@router.post("/documents/{doc_id}/extract", response_model=NoticeEnvelope)
def extract_again(request: Request, doc_id: str, user: Annotated[User, Depends(require("review"))]) -> NoticeEnvelope:
    """Run extraction again on the read document (after an extractor update); corrected fields
    keep their corrections."""
    from docproc.web.processing import document_path, finish_document

    desk = desk_of(request)
    row = _document(request, doc_id)
    path = document_path(desk.config, doc_id)
    if row.status != "done" or not path.is_file():
        raise HTTPException(409, f"the document is {row.status}: nothing to extract from yet")
    import json

    record = json.loads(path.read_text(encoding="utf-8"))
    finish_document(desk.config, desk.store, doc_id, desk.config.uploads_dir / row.stored_name, record)
    return _envelope(request, doc_id)


@router.get("/documents/{doc_id}/pages/{number}.png", response_class=FileResponse)
def page_image(request: Request, doc_id: str, number: int,
               user: Annotated[User, Depends(require("read"))]) -> FileResponse:
    from docproc.web.page_images import page_png
    from docproc.web.processing import load_document

    desk = desk_of(request)
    row = _document(request, doc_id)
    document = load_document(desk.config, doc_id)
    if document is None or not any(p.number == number for p in document.pages):
        raise HTTPException(404, "no such page")
    path = page_png(desk.config, doc_id, desk.config.uploads_dir / row.stored_name, document, number)
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})


@router.get("/search")
def search(request: Request, user: Annotated[User, Depends(require("search"))],
           q: Annotated[str, Query(max_length=200)] = "", issuer: str | None = None,
           year: Annotated[int | None, Query(ge=1900, le=2200)] = None, person: str | None = None,
           doc_number: str | None = None, type: str | None = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
    """Archive hits, the same objects as ``docproc search --json``."""
    from docproc.index import SearchQuery
    from docproc.web.processing import archive

    query = SearchQuery(text=q, issuer=issuer or None, year=year, person=person or None,
                        doc_number=doc_number or None, doc_type=type or None, limit=limit)
    return [hit.to_dict() for hit in archive(desk_of(request).config).search(query)]


@router.get("/catalogue")
def catalogue(request: Request, user: Annotated[User, Depends(require("catalogue"))],
              format: Literal["xlsx", "csv"] = "xlsx") -> Response:
    """The archive's 归档文件目录 (DA/T 22-2015 columns)."""
    from docproc.index.catalogue_export import write_catalogue
    from docproc.web.processing import archive

    with tempfile.TemporaryDirectory(prefix="docproc-desk-") as folder:
        target = Path(folder) / f"catalogue.{format}"
        write_catalogue(archive(desk_of(request).config).entries(), target, format)
        data = target.read_bytes()
    return _download(data, f"归档文件目录.{format}", format)


def _download(data: bytes, filename: str, fmt: str) -> Response:
    from urllib.parse import quote

    from docproc.web.ledgers import MEDIA_TYPES

    media_type = MEDIA_TYPES.get(fmt, "application/octet-stream")
    disposition = f"attachment; filename=\"ledger.{fmt}\"; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


@router.post("/templates")
def upload_template(request: Request, user: Annotated[User, Depends(require("ledger"))],
                    file: Annotated[UploadFile, File()]) -> dict[str, str]:
    """Keep an office's own ledger template (.xlsx, .docx, .html.j2); returns its id."""
    from docproc.web.ledgers import MAX_TEMPLATE_BYTES, save_template

    data = file.file.read(MAX_TEMPLATE_BYTES + 1)
    return {"id": save_template(desk_of(request).config, file.filename or "", data)}


@router.post("/ledgers", responses={200: {"content": {"application/octet-stream": {}}}})
def build_ledger_file(request: Request, body: LedgerRequest,
                      user: Annotated[User, Depends(require("ledger"))]) -> Response:
    """The ledger of the approved notices of ``documents`` as an XLSX, DOCX or PDF file."""
    from docproc.web.ledgers import ledger_file, reviewed_notices, template_path

    desk = desk_of(request)
    notices = reviewed_notices(desk.store, body.documents)
    data, name = ledger_file(notices, body.format, unit=body.unit,
                             template=template_path(desk.config, body.template))
    return _download(data, name, body.format)


@router.post("/ledgers/status")
def ledger_tracking(request: Request, user: Annotated[User, Depends(require("ledger"))],
                    file: Annotated[UploadFile, File(description="a filled-in ledger (.xlsx)")],
                    on: dt.date | None = None, soon: Annotated[int, Query(ge=0, le=365)] = 7) -> dict[str, Any]:
    """Overdue and due-soon rows of a filled-in ledger, and completion by unit."""
    from docproc.web.ledgers import tracking_report
    from docproc.web.uploads import too_large

    limit = desk_of(request).config.max_upload_bytes
    with tempfile.TemporaryDirectory(prefix="docproc-desk-") as folder:
        path = Path(folder) / "ledger.xlsx"
        data = file.file.read(limit + 1)
        if len(data) > limit:
            raise too_large(limit)
        path.write_bytes(data)
        return tracking_report(path, on or dt.date.today(), soon)
