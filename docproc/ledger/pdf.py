"""The PDF ledger: the HTML ledger (A4 landscape) laid out by WeasyPrint with a CJK font.

WeasyPrint finds fonts through fontconfig; Debian's fonts-noto-cjk gives ``Noto Sans CJK SC`` and
``Noto Serif CJK SC``, which the HTML template names first. WeasyPrint needs Pango (Debian:
libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0).

The page may load files only from its template's folder and the bundled templates
(:mod:`docproc.ledger.pdf_fetcher`): an office's template cannot attach ``/etc/passwd`` to a ledger.
"""

from __future__ import annotations

import logging
from pathlib import Path

from docproc.errors import MissingDependencyError, TemplateError
from docproc.resources import templates_dir


def html_to_pdf(html: str, template: Path) -> bytes:
    """Lay out an HTML page (its ``@page`` rules decide paper and margins) as PDF bytes.

    ``template`` is the HTML template the page was rendered from: relative URLs point into its
    folder, and only that folder and the bundled templates may be loaded."""
    try:
        from weasyprint import HTML
    except ImportError as exc:
        raise MissingDependencyError(
            "PDF ledgers need WeasyPrint: pip install weasyprint (and Debian's libpango-1.0-0, "
            f"libpangoft2-1.0-0, fonts-noto-cjk) ({exc})"
        ) from exc
    # WeasyPrint logs every unsupported CSS property at WARNING; a ledger page is ours, keep it quiet.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from docproc.ledger.pdf_fetcher import LedgerResourceFetcher, RefusedResource

    fetcher = LedgerResourceFetcher([template.parent, templates_dir()])
    try:
        document = HTML(string=html, base_url=str(template.parent), url_fetcher=fetcher)
        pdf: bytes = document.write_pdf()
    except RefusedResource as exc:
        raise TemplateError(f"{template.name}: {exc}") from None
    return pdf
