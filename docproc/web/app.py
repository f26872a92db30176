"""The desk's FastAPI application: state, routers, error handling, path safety.

Nothing outside ``DIR`` (and the package's own static files) is ever served: originals and page
images are found by document id (32 hex digits, checked) in the desk database, never by a path
the client sent, and any request whose path holds a ``..`` segment is refused outright.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import HTTPException
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from docproc.errors import DocprocError, EncryptedPdfError, InputError, UnsupportedInputError
from docproc.web.config import DeskConfig
from docproc.web.jobs import DeskJobs
from docproc.web.processing import close_archive
from docproc.web.security import LoginRequired, is_api
from docproc.web.store import DeskStore, VersionConflict
from docproc.web.uploads import UploadTooLarge, clear_incoming, too_large

WEB_DIR = Path(__file__).resolve().parent
DOCUMENT_ID = re.compile(r"^[0-9a-f]{32}$")
_TRAVERSAL = re.compile(r"(^|/)\.\.(/|$)")
UPLOAD_OVERHEAD_BYTES = 64 * 1024  # multipart headers and boundaries around the file


@dataclass
class Desk:
    config: DeskConfig
    store: DeskStore
    jobs: DeskJobs
    templates: Jinja2Templates


def status_of(error: DocprocError) -> int:
    """The HTTP status a library error answers with."""
    if isinstance(error, VersionConflict):
        return 409
    if isinstance(error, UploadTooLarge):
        return 413
    if isinstance(error, UnsupportedInputError):
        return 415
    if isinstance(error, EncryptedPdfError | InputError):
        return 422
    return 500 if error.exit_code not in (1, 2, 5, 6) else 422


def build_app(config: DeskConfig) -> FastAPI:
    config.data_dir.mkdir(parents=True, exist_ok=True)
    config.uploads_dir.mkdir(parents=True, exist_ok=True)
    store = DeskStore(config.desk_db)
    jobs = DeskJobs(config, store)
    templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        clear_incoming(config)
        if config.run_jobs:
            jobs.start()
        try:
            yield
        finally:
            jobs.stop()
            close_archive()

    app = FastAPI(
        title="docproc review desk", version="1", lifespan=lifespan,
        openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None,
        description="Upload scans, review and correct extracted notices, build ledgers, search the "
                    "archive. Authenticate with POST /api/login, then send Authorization: Bearer <token>.",
    )
    app.state.desk = Desk(config, store, jobs, templates)

    @app.middleware("http")
    async def refuse_traversal(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        raw = request.scope.get("raw_path") or request.url.path.encode()
        path = unquote(unquote(raw.decode("latin-1")))
        if _TRAVERSAL.search(path.replace("\\", "/")):
            return JSONResponse({"detail": "a path with '..' is refused"}, status_code=400)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > config.max_upload_bytes + UPLOAD_OVERHEAD_BYTES:
            # refused before the body is read: a multipart upload over the limit never reaches disk
            return JSONResponse({"detail": f"the upload {too_large(config.max_upload_bytes).message}"},
                                status_code=413)
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={quote(exc.next_path)}", status_code=303)

    @app.exception_handler(DocprocError)
    async def library_error(request: Request, exc: DocprocError) -> Response:
        status = status_of(exc)
        body: dict[str, object] = {"detail": exc.one_line()}
        if isinstance(exc, VersionConflict):
            body["current_version"] = exc.current
        if is_api(request):
            return JSONResponse(body, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"message": exc.one_line(), "user": None},
                                          status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if is_api(request) or request.headers.get("accept", "").startswith("application/json"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(request, "error.html", {"message": str(exc.detail), "user": None},
                                          status_code=exc.status_code, headers=exc.headers)

    from docproc.web.api import router as api_router
    from docproc.web.views import router as views_router

    app.include_router(api_router, prefix="/api")
    app.include_router(views_router)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    return app
