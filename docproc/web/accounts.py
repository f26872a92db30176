"""Accounts, roles, sessions and API tokens of the desk.

Passwords are hashed with Argon2id (``argon2-cffi``); sessions (browser) and tokens (REST API) are
random 256-bit values of which only the SHA-256 is stored, so a stolen database holds no usable
credential. A session carries its own CSRF token, which every form and every state-changing
request made with the session cookie must send back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from docproc.errors import MissingDependencyError, UsageError
from docproc.web.store import DeskStore

if TYPE_CHECKING:
    from argon2 import PasswordHasher

ROLES = ("clerk", "office", "archivist", "admin")
Role = Literal["clerk", "office", "archivist", "admin"]
MIN_PASSWORD_CHARS = 8

# What each role may do; every route names the permission it needs. Admin may do everything.
PERMISSIONS: dict[str, frozenset[str]] = {
    "upload": frozenset({"clerk", "admin"}),
    "read": frozenset(ROLES),  # documents, pages, notices (an archivist opens search hits)
    "review": frozenset({"clerk", "office", "admin"}),  # correct and approve notices
    "ledger": frozenset({"office", "admin"}),
    "search": frozenset({"archivist", "office", "admin"}),
    "catalogue": frozenset({"archivist", "admin"}),
}


@dataclass(frozen=True)
class User:
    name: str
    role: str
    csrf: str | None = None  # the session's CSRF token; None for an API token

    def may(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


def _hasher() -> PasswordHasher:
    try:
        from argon2 import PasswordHasher
    except ImportError as exc:
        raise MissingDependencyError("the desk needs its extra: pip install 'docproc[web]'") from exc
    return PasswordHasher()


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def check_password(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def add_user(store: DeskStore, name: str, role: str, password: str) -> None:
    """Create the account, or set the role and password of an existing one."""
    name = name.strip()
    if not name or len(name) > 64 or any(ch.isspace() for ch in name):
        raise UsageError("a user name is 1 to 64 characters without spaces")
    if role not in ROLES:
        raise UsageError(f"--role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_CHARS:
        raise UsageError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")
    store.add_user(name, role, hash_password(password))


# A hash of a password nobody has, checked when the user does not exist, so a wrong name takes as
# long as a wrong password (no telling which names exist by timing).
_DUMMY_HASH: list[str] = []


def authenticate(store: DeskStore, name: str, password: str) -> User | None:
    found = store.user(name)
    if found is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hash_password(secrets.token_hex(16)))
        check_password(_DUMMY_HASH[0], password)
        return None
    _, user_name, role, password_hash = found
    return User(user_name, role) if check_password(password_hash, password) else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def open_session(store: DeskStore, name: str, hours: float) -> tuple[str, str]:
    """A new browser session of ``name``: (session token for the cookie, its CSRF token)."""
    found = store.user(name)
    if found is None:
        raise UsageError(f"no user {name}")
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    store.add_credential(_digest(token), "session", found[0], csrf, time.time() + hours * 3600)
    return token, csrf


def issue_token(store: DeskStore, name: str, hours: float) -> str:
    """A bearer token for the REST API."""
    found = store.user(name)
    if found is None:
        raise UsageError(f"no user {name}")
    token = secrets.token_urlsafe(32)
    store.add_credential(_digest(token), "token", found[0], None, time.time() + hours * 3600)
    return token


def session_user(store: DeskStore, token: str) -> User | None:
    found = store.credential(_digest(token), "session")
    return None if found is None else User(found[0], found[1], found[2])


def token_user(store: DeskStore, token: str) -> User | None:
    found = store.credential(_digest(token), "token")
    return None if found is None else User(found[0], found[1], None)


def close_credential(store: DeskStore, token: str) -> None:
    store.drop_credential(_digest(token))


def same_secret(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a sent CSRF token with the session's."""
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))
