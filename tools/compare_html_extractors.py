"""Which main-text finder reads saved government pages best: trafilatura or docproc's own tree walk.

    .venv/bin/pip install 'trafilatura>=2,<3'        # only for this comparison; docproc does not need it
    .venv/bin/python tools/compare_html_extractors.py

Pages: the **dev** saved pages of ``fixtures/realnotices`` (``input.html`` + ``reference.txt``, the
page's own text as printed) and the pages of ``fixtures/html`` (``input.html`` + ``expected.txt``).
Held-out cases are never read. Scored: CER (whitespace removed) of the page's title and body — the
metadata block is left out, since ``reference.txt`` has none — against the reference with its metadata
lines left out likewise. Both candidates decode the page the same way (docproc.ingest.html_decode) and
lay out lines the same way (one block per line, table cells separated by a TAB), so the comparison is
of main-content detection alone:

* ``trafilatura``: ``trafilatura.extract`` (XML output, tables kept, ``favor_recall``), its ``<head>``,
  ``<p>``, ``<item>``, ``<row>``/``<cell>`` and ``<lb/>`` laid out as lines, its metadata title put
  first when the body does not hold it;
* ``own``: :func:`docproc.ingest.html_content.page_parts` (lxml tree, own content-block choice).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from lxml import etree

from docproc.ingest.html import main_text, parse_html
from docproc.ingest.html_blocks import normalise_line
from docproc.ingest.html_content import PageParts, page_parts
from docproc.ingest.html_decode import decode_page
from docproc.metrics import character_error_rate

REPO_DIR = Path(__file__).resolve().parent.parent
REAL_DIR = REPO_DIR / "fixtures" / "realnotices"
HTML_DIR = REPO_DIR / "fixtures" / "html"


def dev_pages() -> list[tuple[str, Path, str]]:
    """(name, input.html, reference text without metadata lines) of every page that may be studied."""
    splits = json.loads((REAL_DIR / "splits.json").read_text(encoding="utf-8"))
    pages = []
    for name in splits["dev"]:
        page = REAL_DIR / name / "input.html"
        if page.is_file():
            pages.append((name, page, (REAL_DIR / name / "reference.txt").read_text(encoding="utf-8")))
    for folder in sorted(p for p in HTML_DIR.iterdir() if (p / "expected.txt").is_file()):
        page = folder / "input.html"
        own = page_parts(parse_html(decode_page(page.read_bytes()).text))  # type: ignore[union-attr]
        expected = (folder / "expected.txt").read_text(encoding="utf-8")
        metadata = {f"{label}：{value}" for label, value in (own.metadata if own else [])}
        pages.append((f"html/{folder.name}", page, "\n".join(
            line for line in expected.splitlines() if line not in metadata)))
    return pages


def _xml_lines(element: etree._Element) -> list[str]:
    lines: list[str] = []
    for node in element:
        if node.tag in ("p", "head", "item", "quote", "code"):
            text = "".join(node.itertext()) if not len(node.findall(".//lb")) else None
            if text is None:
                parts = [node.text or ""]
                for child in node:
                    parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
                    parts.append(child.tail or "")
                text = "".join(parts)
            lines += [normalise_line(t) for t in text.split("\n") if normalise_line(t)]
        elif node.tag == "table":
            for row in node.iter("row"):
                cells = [normalise_line(" ".join(cell.itertext())) for cell in row.iter("cell")]
                if any(cells):
                    lines.append("\t".join(cells))
        else:
            lines += _xml_lines(node)
    return lines


def trafilatura_parts(html: str) -> PageParts | None:
    import trafilatura

    xml = trafilatura.extract(html, output_format="xml", include_tables=True, include_comments=False,
                              favor_recall=True, with_metadata=True)
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    body = _xml_lines(main if main is not None else root)
    title = normalise_line(root.get("title") or "") or None
    if title and "".join(title.split()) in "".join("".join(body).split()):
        title = None
    return PageParts(title, [], body)


def main() -> int:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("pip install 'trafilatura>=2,<3' to run this comparison", file=sys.stderr)
        return 3
    totals: dict[str, list[float]] = {"trafilatura": [], "own": []}
    seconds: dict[str, float] = {"trafilatura": 0.0, "own": 0.0}
    print(f"{'page':40} {'trafilatura':>12} {'own':>8}")
    for name, page, reference in dev_pages():
        decoded = decode_page(page.read_bytes())
        assert decoded is not None
        row = []
        for candidate in ("trafilatura", "own"):
            started = time.perf_counter()
            parts = (trafilatura_parts(decoded.text) if candidate == "trafilatura"
                     else page_parts(parse_html(decoded.text)))
            seconds[candidate] += time.perf_counter() - started
            text = main_text(PageParts(parts.title, [], parts.body)) if parts else ""
            cer = character_error_rate(text, reference)
            totals[candidate].append(cer)
            row.append(cer)
        print(f"{name:40} {row[0]:12.4f} {row[1]:8.4f}")
    count = len(totals["own"])
    print(f"{'mean CER over ' + str(count) + ' pages':40} "
          f"{sum(totals['trafilatura']) / count:12.4f} {sum(totals['own']) / count:8.4f}")
    print(f"{'seconds in all':40} {seconds['trafilatura']:12.3f} {seconds['own']:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
