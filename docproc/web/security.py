"""Who is asking, and may they: bearer tokens for the API, session cookies with CSRF for pages.

Every route depends on :func:`require` with the permission it needs (``docproc.web.accounts``):
no credential → 401 (a page redirects to the login form instead), a role without the permission
→ 403. A state-changing request made with the session cookie must carry the session's CSRF token
(form field ``csrf_token`` or header ``X-CSRF-Token``); a bearer token needs none, since a browser
never sends it on its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from fastapi import HTTPException, Request

from docproc.web.accounts import User, same_secret, session_user, token_user

if TYPE_CHECKING:
    from docproc.web.app import Desk

SESSION_COOKIE = "desk_session"
LOGIN_CSRF_COOKIE = "desk_login_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LoginRequired(Exception):
    """A page asked for without a session: the handler redirects to the login form."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def desk_of(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _sent_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


async def authenticated_user(request: Request) -> User:
    desk = desk_of(request)
    token = _bearer(request)
    if token is not None:
        user = token_user(desk.store, token)
        if user is None:
            raise HTTPException(401, "the token is unknown or has expired: POST /api/login for a new one",
                                headers={"WWW-Authenticate": "Bearer"})
        return user
    cookie = request.cookies.get(SESSION_COOKIE)
    user = session_user(desk.store, cookie) if cookie else None
    if user is None:
        if is_api(request):
            raise HTTPException(401, "not signed in: send Authorization: Bearer <token> (POST /api/login)",
                                headers={"WWW-Authenticate": "Bearer"})
        raise LoginRequired(request.url.path)
    if request.method not in SAFE_METHODS and not same_secret(await _sent_csrf(request), user.csrf):
        raise HTTPException(403, "the form's security token is missing or stale: reload the page and try again")
    return user


def require(permission: str) -> Callable[[Request], Awaitable[User]]:
    """A dependency: the signed-in user, if their role has ``permission``."""

    async def dependency(request: Request) -> User:
        user = await authenticated_user(request)
        if not user.may(permission):
            raise HTTPException(403, f"a {user.role} may not do this (needs the {permission} permission)")
        return user

    dependency.__name__ = f"require_{permission}"
    return dependency
