"""ALTO v4 XML from Documents: structure, coordinates in 1/1200 inch, runs split at spaces."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from docproc.errors import InputError
from docproc.export import alto_xml
from docproc.model.document import Document, Line, Page, Source, Zone
from docproc.pipeline import load
from tests.conftest import FIXTURES_DIR

NS = {"a": "http://www.loc.gov/standards/alto/ns-v4#"}


def test_alto_of_an_ocr_document() -> None:
    document = load(FIXTURES_DIR / "notices" / "forward-xiushui" / "degraded.document.json")
    root = ET.fromstring(alto_xml(document))
    assert root.tag == "{http://www.loc.gov/standards/alto/ns-v4#}alto"
    assert root.findtext("a:Description/a:MeasurementUnit", namespaces=NS) == "inch1200"
    assert root.findtext("a:Description/a:sourceImageInformation/a:fileName", namespaces=NS) == "degraded.pdf"
    pages = root.findall("a:Layout/a:Page", NS)
    assert [p.get("ID") for p in pages] == ["P1", "P2"]
    assert (pages[0].get("WIDTH"), pages[0].get("HEIGHT")) == ("9924", "14032")  # 595.44 × 841.92 pt
    for page, element in zip(document.pages, pages, strict=True):
        lines = element.findall(".//a:TextLine", NS)
        expected = [ln for ln in page.lines if ln.text.strip()]
        assert len(lines) == len(expected)
        for line, text_line in zip(expected, lines, strict=True):
            contents = [s.get("CONTENT") for s in text_line.findall("a:String", NS)]
            assert " ".join(contents) == " ".join(line.text.split())
    first = pages[0].find(".//a:TextLine", NS)
    assert first is not None
    x0, y0, x1, y1 = document.pages[0].lines[0].bbox  # type: ignore[misc]
    assert first.get("HPOS") == str(round(x0 * 1200 / 72))
    assert first.get("VPOS") == str(round(y0 * 1200 / 72))
    assert first.get("WIDTH") == str(round((x1 - x0) * 1200 / 72))
    string = first.find("a:String", NS)
    assert string is not None and string.get("CONTENT") == "修水县人民政府办公室文件"
    assert string.get("WC") == "1.0000"


def test_runs_between_spaces_become_strings_with_sp_and_zones_illustrations() -> None:
    line = Line(text="抄送 县委办", bbox=(72.0, 720.0, 144.0, 736.0), confidence=0.9)
    page = Page(number=1, width=595.0, height=842.0, text_source="ocr", lines=[line], dpi=300,
                zones=[Zone(kind="seal", bbox=(400.0, 600.0, 520.0, 720.0))])
    document = Document(source=Source(file="x.png", sha256="0" * 64, pages=1, text_source="ocr"),
                        pages=[page], text="抄送 县委办")
    root = ET.fromstring(alto_xml(document))
    text_line = root.find(".//a:TextLine", NS)
    assert text_line is not None
    children = [(c.tag.split("}")[1], c.get("CONTENT"), c.get("HPOS"), c.get("WIDTH")) for c in text_line]
    # 6 characters over 72 pt: 12 pt (200 units) each
    assert children == [("String", "抄送", "1200", "400"), ("SP", None, "1600", "200"),
                        ("String", "县委办", "1800", "600")]
    (illustration,) = root.findall(".//a:Illustration", NS)
    assert (illustration.get("TYPE"), illustration.get("HPOS"), illustration.get("WIDTH")) == ("seal", "6667", "2000")


def test_a_text_file_cannot_be_laid_out() -> None:
    from docproc.pipeline import Recognizer

    document = Recognizer().recognize(FIXTURES_DIR / "seed-000" / "input.txt")
    with pytest.raises(InputError, match="ALTO needs pages"):
        alto_xml(document)


def test_control_characters_of_a_text_layer_give_valid_xml() -> None:
    """fixtures/bad-input/bel-in-text.document.json: BEL, U+0001 and ESC in the lines' text."""
    document = load(FIXTURES_DIR / "bad-input" / "bel-in-text.document.json")
    root = ET.fromstring(alto_xml(document))  # raised "not well-formed (invalid token)" before
    strings = [s.get("CONTENT") for s in root.iterfind(".//a:String", NS)]
    assert strings == ["一、指导思想", "（一）规范行政执法队伍"]
