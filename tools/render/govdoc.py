"""Derives reference texts for a GovDoc-CN sample from its cleaned text and its PDF's text layer.

    python tools/render/govdoc.py fixtures/govdoc-cn-397

The dataset's `NNN.txt` is split into sentences and adds a `。` after second-level headings that the
page does not print. `reference.txt` keeps its lines but drops every character the PDF text layer
does not have; `reference-pN.txt` splits those lines at the page boundaries of the text layer. The
two must agree character for character (whitespace aside), else the script stops.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import pdfplumber

PAGE_NUMBER_LINE = re.compile(r"\s*—\s*\d+\s*—\s*")
PRINTED_AS = {"\xad": "-"}  # the PDF's soft hyphen is drawn as a hyphen


def printed_pages(pdf_path: Path) -> list[str]:
    """Whitespace-free text of each page, page numbers left out."""
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            lines = [line for line in (page.extract_text() or "").splitlines() if not PAGE_NUMBER_LINE.fullmatch(line)]
            text = "".join("".join(lines).split())
            pages.append("".join(PRINTED_AS.get(char, char) for char in text))
    return pages


def split_reference(lines: list[str], pages: list[str]) -> list[list[tuple[int, str]]]:
    """Each reference line as (page index, text) segments; unprinted characters dropped."""
    printed = "".join(pages)
    reference = "".join("".join(lines).split())
    page_of: list[int] = []
    for number, text in enumerate(pages):
        page_of += [number] * len(text)
    position: list[int | None] = [None] * len(reference)
    matcher = difflib.SequenceMatcher(None, reference, printed, autojunk=False)
    for tag, ref_start, ref_end, out_start, out_end in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(ref_end - ref_start):
                position[ref_start + offset] = out_start + offset
        elif tag != "delete":
            raise ValueError(f"text layer and reference disagree: {tag} {reference[ref_start:ref_end]!r} "
                             f"vs {printed[out_start:out_end]!r}")
    if sum(p is not None for p in position) != len(printed):
        raise ValueError("reference does not cover every printed character")
    segmented: list[list[tuple[int, str]]] = []
    index = 0
    for line in lines:
        segments: list[tuple[int, str]] = []
        for char in line.strip():
            if char.isspace():
                if segments:
                    segments[-1] = (segments[-1][0], segments[-1][1] + char)
                continue
            mapped = position[index]
            index += 1
            if mapped is None:
                continue
            page = page_of[mapped]
            if not segments or segments[-1][0] != page:
                segments.append((page, ""))
            segments[-1] = (page, segments[-1][1] + char)
        segmented.append([(page, text.strip()) for page, text in segments])
    return segmented


def write_references(folder: Path) -> None:
    stem = folder.name.rsplit("-", 1)[-1]
    lines = [line.strip() for line in (folder / f"{stem}.txt").read_text(encoding="utf-8").splitlines()]
    pages = printed_pages(folder / f"{stem}.pdf")
    segmented = split_reference([line for line in lines if line], pages)
    for number in range(len(pages)):
        page_lines = [text for segments in segmented for page, text in segments if page == number]
        (folder / f"reference-p{number + 1}.txt").write_text("\n".join(page_lines) + "\n", encoding="utf-8")
    whole = ["".join(text for _, text in segments) for segments in segmented]
    (folder / "reference.txt").write_text("\n".join(whole) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        write_references(Path(argument))
