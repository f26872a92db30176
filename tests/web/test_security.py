"""Security of the desk: 401 without a credential, 403 for a wrong role, CSRF on forms and on
session requests, no ``..`` in any path, uploads refused when oversized or mislabelled."""

from __future__ import annotations

import io
import sqlite3

import pytest
from PIL import Image

from tests.web.conftest import SEED_TEXT, Desk

DOC = "0" * 32  # a well-formed document id that does not exist

API_ROUTES = [
    ("get", "/api/documents"),
    ("post", "/api/documents"),
    ("get", f"/api/documents/{DOC}"),
    ("get", f"/api/documents/{DOC}/notice"),
    ("put", f"/api/documents/{DOC}/notice"),
    ("get", f"/api/documents/{DOC}/corrections"),
    ("post", f"/api/documents/{DOC}/approve"),
    ("post", f"/api/documents/{DOC}/extract"),
    ("get", f"/api/documents/{DOC}/pages/1.png"),
    ("get", "/api/search?q=整改"),
    ("get", "/api/catalogue"),
    ("post", "/api/ledgers"),
    ("post", "/api/ledgers/status"),
    ("post", "/api/templates"),
]


@pytest.mark.parametrize(("method", "path"), API_ROUTES)
def test_unauthenticated_api_request_is_401(desk: Desk, method: str, path: str) -> None:
    response = desk.client.request(method, path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["detail"].startswith("not signed in")
    bad = desk.client.request(method, path, headers={"Authorization": "Bearer not-a-token"})
    assert bad.status_code == 401


@pytest.mark.parametrize("path", ["/inbox", f"/documents/{DOC}", "/ledgers", "/archive"])
def test_unauthenticated_page_goes_to_the_login_form(desk: Desk, path: str) -> None:
    response = desk.client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


@pytest.mark.parametrize(
    ("role", "method", "path"),
    [
        ("clerk", "get", "/api/search?q=整改"),
        ("clerk", "get", "/api/catalogue"),
        ("clerk", "post", "/api/ledgers"),
        ("archivist", "post", "/api/documents"),
        ("archivist", "put", f"/api/documents/{DOC}/notice"),
        ("archivist", "post", f"/api/documents/{DOC}/approve"),
        ("office", "post", "/api/documents"),
        ("office", "get", "/api/catalogue"),
        ("clerk", "get", "/ledgers"),
        ("clerk", "get", "/archive"),
        ("archivist", "get", "/ledgers"),
    ],
)
def test_wrong_role_is_403(desk: Desk, role: str, method: str, path: str) -> None:
    response = desk.client.request(method, path, headers=desk.token(role))
    assert response.status_code == 403
    assert f"a {role} may not do this" in response.text


def test_form_post_without_csrf_token_is_refused(desk: Desk) -> None:
    csrf = desk.login_session("clerk")
    files = {"files": ("seed.txt", SEED_TEXT.read_bytes())}
    refused = desk.client.post("/inbox", files=files, follow_redirects=False)
    assert refused.status_code == 403
    assert "security token is missing or stale" in refused.text
    wrong = desk.client.post("/inbox", files=files, data={"csrf_token": "guess"}, follow_redirects=False)
    assert wrong.status_code == 403
    assert desk.client.get("/api/documents", headers=desk.token("clerk")).json() == []  # nothing was kept
    accepted = desk.client.post("/inbox", files=files, data={"csrf_token": csrf}, follow_redirects=False)
    assert accepted.status_code == 303
    assert len(desk.client.get("/api/documents", headers=desk.token("clerk")).json()) == 1


def test_session_request_to_the_api_needs_the_csrf_header(desk: Desk) -> None:
    csrf = desk.login_session("clerk")
    upload = {"file": ("seed.txt", SEED_TEXT.read_bytes())}
    assert desk.client.get("/api/documents").status_code == 200  # reading needs no token
    assert desk.client.post("/api/documents", files=upload).status_code == 403
    assert desk.client.post("/api/documents", files=upload, headers={"X-CSRF-Token": csrf}).status_code == 202


def test_login_form_without_its_csrf_token_is_refused(desk: Desk) -> None:
    response = desk.client.post("/login", data={"name": "clerk", "password": "correct-horse-7"},
                                follow_redirects=False)
    assert response.status_code == 403
    assert "desk_session" not in response.cookies


def test_login_never_redirects_off_site(desk: Desk) -> None:
    page = desk.client.get("/login")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    response = desk.client.post("/login", data={"name": "clerk", "password": "correct-horse-7", "csrf_token": token,
                                                "next": "//evil.example/x"}, follow_redirects=False)
    assert response.headers["location"] == "/inbox"


@pytest.mark.parametrize(
    "raw_path",
    [
        b"/static/../desk.sqlite3",
        b"/static/%2e%2e/desk.sqlite3",
        b"/static/%252e%252e/desk.sqlite3",
        b"/api/documents/..%2F..%2Fdesk.sqlite3",
        b"/documents/../../etc/passwd",
        b"/static/..%5cdesk.sqlite3",
    ],
)
def test_dotdot_in_any_path_is_refused(desk: Desk, raw_path: bytes) -> None:
    import anyio

    from docproc.web.app import build_app

    app = build_app(desk.config)
    messages: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        messages.append(message)

    path = raw_path.decode()
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": raw_path, "query_string": b"", "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000)}
    anyio.run(app, scope, receive, send)
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")  # type: ignore[misc]
    assert start["status"] == 400
    assert b"a path with '..' is refused" in body


def test_document_ids_are_checked_before_any_lookup(desk: Desk) -> None:
    headers = desk.token("clerk")
    for doc_id in ("desk", "0" * 31 + "g", "A" * 32):
        assert desk.client.get(f"/api/documents/{doc_id}", headers=headers).status_code == 404


@pytest.mark.parametrize(
    ("extra", "detail"),
    [
        (10, "big.pdf: is larger"),  # within the multipart allowance: refused while copying
        (200_000, "the upload is larger"),  # refused from its Content-Length, before it is read
    ],
)
def test_oversized_upload_is_refused_with_a_clear_message(desk: Desk, extra: int, detail: str) -> None:
    data = b"%PDF-1.7\n" + b"0" * (desk.config.max_upload_bytes + extra)
    response = desk.client.post("/api/documents", files={"file": ("big.pdf", data)}, headers=desk.token("clerk"))
    assert response.status_code == 413
    assert response.json()["detail"] == (f"{detail} than the desk accepts (2 MB): split it or ask the "
                                         "administrator to raise the limit")
    assert [p.name for p in desk.config.uploads_dir.rglob("*") if p.is_file()] == []


def test_upload_just_over_the_limit_is_refused_while_copying(desk: Desk) -> None:
    from docproc.errors import DocprocError
    from docproc.web.store import DeskStore
    from docproc.web.uploads import receive_upload

    store = DeskStore(desk.config.desk_db)
    with pytest.raises(DocprocError, match="larger than the desk accepts"):
        receive_upload(desk.config, store, "big.txt", io.BytesIO(b"x" * (desk.config.max_upload_bytes + 1)), "clerk")
    assert [p.name for p in desk.config.uploads_dir.rglob("*") if p.is_file()] == []


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "status", "detail"),
    [
        ("scan.pdf", _png(), 415, "scan.pdf: is named .pdf but is a PNG image, not a PDF: rename it to .png/.jpg/.tif "
                                 "if that is what you meant, or pass the right file"),
        ("notice.txt", b"PK\x03\x04" + b"\x00" * 40, 415, "notice.txt: is a ZIP archive, which docproc does not read: "
                                                          "unpack it and pass the files inside"),
        ("empty.pdf", b"", 422, "empty.pdf: is empty (0 bytes)"),
        ("../../etc/passwd.txt", b"\xff\xfe\x00\x00", 422, None),
    ],
)
def test_mislabelled_or_unreadable_upload_is_refused(desk: Desk, name: str, data: bytes, status: int,
                                                     detail: str | None) -> None:
    response = desk.client.post("/api/documents", files={"file": (name, data)}, headers=desk.token("clerk"))
    if detail is None:  # a path in the name is only a label: the file is read by its content
        assert response.status_code in (202, 422)
        assert not (desk.config.data_dir.parent / "etc").exists()
        return
    assert response.status_code == status
    assert response.json()["detail"] == detail
    assert [p.name for p in desk.config.uploads_dir.rglob("*") if p.is_file()] == []


def test_too_many_pages_are_refused(desk: Desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pages = [Image.new("RGB", (60, 80), "white") for _ in range(desk.config.max_pages + 1)]
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:])
    response = desk.client.post("/api/documents", files={"file": ("long.pdf", buffer.getvalue())},
                                headers=desk.token("clerk"))
    assert response.status_code == 422
    assert response.json()["detail"] == "long.pdf: has 31 pages; the desk takes at most 30 per file: split it"


def test_passwords_are_stored_as_argon2_hashes(desk: Desk) -> None:
    with sqlite3.connect(desk.config.desk_db) as db:
        hashes = [h for (h,) in db.execute("SELECT password_hash FROM users")]
        tokens = db.execute("SELECT token_hash FROM credentials").fetchall()
    assert len(hashes) == 4 and all(h.startswith("$argon2id$") for h in hashes)
    assert all("correct-horse-7" not in h for h in hashes)
    token = desk.token("clerk")["Authorization"].split()[1]
    with sqlite3.connect(desk.config.desk_db) as db:
        stored = [t for (t,) in db.execute("SELECT token_hash FROM credentials")]
    assert token not in stored and len(stored) == len(tokens) + 1
