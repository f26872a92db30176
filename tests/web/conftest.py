"""A desk on a temporary folder: one user of each role, an HTTP test client, helpers to log in,
upload and wait for a job."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from docproc.web import DeskConfig, create_app
from docproc.web.accounts import add_user
from docproc.web.store import DeskStore
from tests.conftest import FIXTURES_DIR

PASSWORD = "correct-horse-7"
ROLES = ("clerk", "office", "archivist", "admin")
SEED_TEXT = FIXTURES_DIR / "seed-000" / "input.txt"  # 沈阳市司法局 notice, see fixtures/seed-000/README.md


def make_users(data_dir: Path) -> None:
    store = DeskStore(DeskConfig(data_dir=data_dir).desk_db)
    for role in ROLES:
        add_user(store, role, role, PASSWORD)  # each user is named after its role
    store.close()


@dataclass
class Desk:
    client: TestClient
    config: DeskConfig
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, role: str) -> dict[str, str]:
        """A bearer token of the user named ``role`` (logged in through the API once)."""
        if role not in self.tokens:
            response = self.client.post("/api/login", json={"name": role, "password": PASSWORD})
            assert response.status_code == 200, response.text
            self.tokens[role] = response.json()["token"]
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def upload(self, path: Path, role: str = "clerk", name: str | None = None) -> dict[str, Any]:
        with open(path, "rb") as handle:
            response = self.client.post("/api/documents", files={"file": (name or path.name, handle)},
                                        headers=self.token(role))
        assert response.status_code == 202, response.text
        return dict(response.json())

    def wait(self, doc_id: str, seconds: float = 120) -> dict[str, Any]:
        headers = self.token("clerk")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status = self.client.get(f"/api/documents/{doc_id}", headers=headers).json()
            if status["status"] in ("done", "failed"):
                return dict(status)
            time.sleep(0.2)
        raise AssertionError(f"document {doc_id} not finished in {seconds} s: {status}")

    def login_session(self, role: str) -> str:
        """Sign in through the login form; returns the session's CSRF token (cookie kept by the client)."""
        page = self.client.get("/login")
        login_csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = self.client.post("/login", data={"name": role, "password": PASSWORD, "csrf_token": login_csrf},
                                    follow_redirects=False)
        assert response.status_code == 303, response.text
        inbox = self.client.get("/inbox")
        return inbox.text.split('data-csrf="', 1)[1].split('"', 1)[0]


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    data_dir = tmp_path / "desk"
    make_users(data_dir)
    config = DeskConfig(data_dir=data_dir, max_upload_bytes=2 * 1024 * 1024, max_pages=30)
    with TestClient(create_app(config)) as client:
        yield Desk(client, config)
