"""The PDF ledger: the HTML ledger (A4 landscape) laid out by WeasyPrint with a CJK font.

WeasyPrint finds fonts through fontconfig; Debian's fonts-noto-cjk gives ``Noto Sans CJK SC`` and
``Noto Serif CJK SC``, which the HTML template names first. WeasyPrint needs Pango (Debian:
libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0).
"""

from __future__ import annotations

import logging
from pathlib import Path

from docproc.errors import MissingDependencyError


def html_to_pdf(html: str, base_dir: Path) -> bytes:
    """Lay out an HTML page (its ``@page`` rules decide paper and margins) as PDF bytes."""
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
    document = HTML(string=html, base_url=str(base_dir))
    pdf: bytes = document.write_pdf()
    return pdf
