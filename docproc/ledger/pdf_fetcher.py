"""What the HTML of a PDF ledger may load: files under the template's own folder and docproc's
bundled templates, and inline ``data:`` images, fonts and stylesheets. Nothing else.

An office's HTML template is code docproc runs. Jinja's sandbox keeps it from Python, but WeasyPrint
then fetches every URL the page names — ``<link rel="attachment" href="file:///etc/passwd">`` would
attach that file to the ledger, ``http://…`` would call out. :class:`LedgerResourceFetcher` serves
regular files whose real path (symlinks followed) lies under an allowed folder and refuses the rest;
a refusal stops the rendering (:class:`RefusedResource`, turned into a one-line ``TemplateError``).
Imported only when a PDF is made (it needs WeasyPrint).
"""

from __future__ import annotations

import mimetypes
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

# Inline data a page needs (a logo, a font, a style sheet); an inline attachment it does not.
DATA_MEDIA_TYPES = ("image/", "font/", "text/css")
MAX_RESOURCE_BYTES = 20 * 1024 * 1024  # a logo or a font, not a disk image


class RefusedResource(FatalURLFetchingError):
    """A URL the template may not load; stops WeasyPrint (a BaseException it does not swallow)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused to load {url}: {reason}")
        self.url = url
        self.reason = reason


class LedgerResourceFetcher(URLFetcher):
    """A WeasyPrint URL fetcher confined to ``allowed_dirs`` (their real paths)."""

    def __init__(self, allowed_dirs: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.allowed_dirs = [Path(os.path.realpath(d)) for d in allowed_dirs]

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            media_type = url[5:].split(",", 1)[0].split(";", 1)[0].strip().lower()
            if not media_type.startswith(DATA_MEDIA_TYPES):
                raise RefusedResource(_short(url), "inline data other than an image, a font or a style sheet")
            return super().fetch(url, headers)
        if scheme != "file":
            raise RefusedResource(url, _ONLY_HERE)
        path = Path(os.path.realpath(unquote(urlsplit(url).path)))
        if not any(path.is_relative_to(folder) for folder in self.allowed_dirs):
            raise RefusedResource(url, _ONLY_HERE)
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise RefusedResource(url, "not a regular file")
            if info.st_size > MAX_RESOURCE_BYTES:
                raise RefusedResource(url, f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MB")
            body = path.read_bytes()
        except OSError as exc:  # missing or unreadable: WeasyPrint leaves it out, as a browser would
            raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from exc
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": media_type})


_ONLY_HERE = "a template may load files only from its own folder and docproc's bundled templates"


def _short(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "…"
