"""ALTO XML v4 (Library of Congress) from a Document: the format archive and library systems ingest.

Measurements are in 1/1200 inch (``inch1200``), exact for both scans and text-layer pages, whose
boxes are in points (× 1200/72). Each page holds one PrintSpace with one TextBlock of its lines in
reading order; a line is one ``String`` per run of characters between spaces (Chinese has no word
breaks, so a line without spaces is one String), with ``SP`` between runs and the OCR confidence
as ``WC``. Zones (red header, seal) become ``Illustration`` elements.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

from docproc.errors import InputError
from docproc.model.document import BBox, Document, Line, Page

ALTO_NAMESPACE = "http://www.loc.gov/standards/alto/ns-v4#"
ALTO_SCHEMA_LOCATION = "http://www.loc.gov/standards/alto/v4/alto-4-2.xsd"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
UNITS_PER_POINT = 1200 / 72


def _units(value: float) -> str:
    return str(round(value * UNITS_PER_POINT))


def _set_box(element: ET.Element, bbox: BBox) -> None:
    x0, y0, x1, y1 = bbox
    element.set("HPOS", _units(x0))
    element.set("VPOS", _units(y0))
    element.set("WIDTH", _units(max(x1 - x0, 0.0)))
    element.set("HEIGHT", _units(max(y1 - y0, 0.0)))


# Characters XML 1.0 cannot hold at all (C0 controls but tab, line feed and carriage return; U+FFFE,
# U+FFFF; lone surrogates): a damaged text layer can give them, and one makes the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _NOT_XML.sub("", text)


def _tag(name: str) -> str:
    return f"{{{ALTO_NAMESPACE}}}{name}"


def _add_line(block: ET.Element, line: Line, line_id: str) -> None:
    assert line.bbox is not None
    x0, y0, x1, y1 = line.bbox
    text_line = ET.SubElement(block, _tag("TextLine"), ID=line_id)
    _set_box(text_line, line.bbox)
    text = xml_text(line.text).strip()
    step = (x1 - x0) / max(len(text), 1)  # boxes of runs: an even share of the line per character
    position = 0
    runs = text.split()
    for number, run in enumerate(runs):
        start = text.index(run, position)
        if number:
            space = ET.SubElement(text_line, _tag("SP"))
            space.set("HPOS", _units(x0 + position * step))
            space.set("VPOS", _units(y0))
            space.set("WIDTH", _units((start - position) * step))
        string = ET.SubElement(text_line, _tag("String"), ID=f"{line_id}_S{number + 1}", CONTENT=run)
        _set_box(string, (x0 + start * step, y0, x0 + (start + len(run)) * step, y1))
        if line.confidence is not None:
            string.set("WC", f"{max(0.0, min(1.0, float(line.confidence))):.4f}")
        position = start + len(run)


def _add_page(layout: ET.Element, page: Page) -> None:
    page_id = f"P{page.number}"
    element = ET.SubElement(layout, _tag("Page"), ID=page_id, PHYSICAL_IMG_NR=str(page.number))
    element.set("WIDTH", _units(page.width))
    element.set("HEIGHT", _units(page.height))
    space = ET.SubElement(element, _tag("PrintSpace"))
    _set_box(space, (0.0, 0.0, page.width, page.height))
    lines = [ln for ln in page.lines if ln.bbox is not None and ln.text.strip()]
    if lines:
        block = ET.SubElement(space, _tag("TextBlock"), ID=f"{page_id}_B1")
        _set_box(block, (
            min(ln.bbox[0] for ln in lines if ln.bbox), min(ln.bbox[1] for ln in lines if ln.bbox),
            max(ln.bbox[2] for ln in lines if ln.bbox), max(ln.bbox[3] for ln in lines if ln.bbox),
        ))
        for number, line in enumerate(lines, start=1):
            _add_line(block, line, f"{page_id}_L{number}")
    for number, zone in enumerate((z for z in page.zones if z.bbox is not None), start=1):
        assert zone.bbox is not None
        illustration = ET.SubElement(space, _tag("Illustration"), ID=f"{page_id}_Z{number}",
                                     TYPE=zone.kind)
        _set_box(illustration, zone.bbox)


def alto_xml(document: Document, *, software_version: str | None = None) -> str:
    """The ALTO v4 XML text of ``document`` (a text file without pages cannot be laid out)."""
    if not document.pages:
        raise InputError("ALTO needs pages with line boxes; this document came from a text file",
                         path=document.source.file)
    from docproc import __version__

    ET.register_namespace("", ALTO_NAMESPACE)
    ET.register_namespace("xsi", XSI_NAMESPACE)
    root = ET.Element(_tag("alto"))
    root.set(f"{{{XSI_NAMESPACE}}}schemaLocation", f"{ALTO_NAMESPACE} {ALTO_SCHEMA_LOCATION}")
    description = ET.SubElement(root, _tag("Description"))
    ET.SubElement(description, _tag("MeasurementUnit")).text = "inch1200"
    image_info = ET.SubElement(description, _tag("sourceImageInformation"))
    ET.SubElement(image_info, _tag("fileName")).text = xml_text(document.source.file)
    processing = ET.SubElement(description, _tag("OCRProcessing"), ID="OCR_1")
    step = ET.SubElement(processing, _tag("ocrProcessingStep"))
    if document.source.ocr_engine:  # the schema puts the settings before the software
        ET.SubElement(step, _tag("processingStepSettings")).text = f"engine={document.source.ocr_engine}"
    software = ET.SubElement(step, _tag("processingSoftware"))
    ET.SubElement(software, _tag("softwareName")).text = "docproc"
    ET.SubElement(software, _tag("softwareVersion")).text = software_version or __version__
    layout = ET.SubElement(root, _tag("Layout"))
    for page in document.pages:
        _add_page(layout, page)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_alto(document: Document, output: str | Path) -> Path:
    """Write the ALTO XML of ``document`` to ``output`` atomically."""
    from docproc.fileio import write_text_atomic

    return write_text_atomic(output, alto_xml(document))
