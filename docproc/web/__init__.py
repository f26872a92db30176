"""The review desk: a web application and REST API over the library (``docproc serve``).

Clerks upload scans and correct the extracted notices beside the page image, offices turn approved
notices into ledgers, archivists search the archive. ``create_app(DeskConfig(data_dir=…))`` builds
the ASGI application; the routes stay thin and call the library. See docs/web.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docproc.web.config import DeskConfig

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["DeskConfig", "create_app"]


def create_app(config: DeskConfig) -> FastAPI:
    """The desk's FastAPI application for ``config`` (imports the web extra only when called)."""
    from docproc.web.app import build_app

    return build_app(config)
