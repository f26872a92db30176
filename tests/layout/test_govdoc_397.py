"""The typeset sample GovDoc-CN 397: its PDF text layer, its element boxes (397_N.xml) and 397.txt."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from docproc.layout.furniture import split_page_furniture
from docproc.layout.paragraphs import build_document_text
from docproc.layout.reading_order import order_lines
from docproc.model.document import Line, Page

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "govdoc-cn-397"
pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="GovDoc-CN sample 397 not present")

HEADER = ["发展改革委办公厅", "税 务 总 局 办 公 厅 文件", "发改办财金规〔2019〕860 号"]


def compact(text: str) -> str:
    """Whitespace removed; U+00AD is how this PDF's font encodes the hyphen of 2014-2020."""
    return re.sub(r"\s", "", text).replace("\xad", "-")


def pdf_lines() -> list[tuple[float, float, list[Line]]]:
    import pdfplumber

    pages = []
    with pdfplumber.open(SAMPLE / "397.pdf") as pdf:
        for p in pdf.pages:
            lines = [
                Line(text=t["text"], bbox=(t["x0"], t["top"], t["x1"], t["bottom"]))
                for t in p.extract_text_lines()
            ]
            pages.append((float(p.width), float(p.height), lines))
    return pages


def layout(raw: list[tuple[float, float, list[Line]]]) -> tuple[str, list[Page], list[str]]:
    pages, numbers = [], []
    for n, (width, height, lines) in enumerate(raw, start=1):
        body, zones = split_page_furniture(order_lines(lines, width, height), width, height)
        numbers += [z.text or "" for z in zones if z.kind == "page-number"]
        pages.append(Page(number=n, width=width, height=height, text_source="pdf-text", lines=body))
    text = build_document_text(pages)
    for page in pages:
        for line in page.lines:
            assert line.span is not None and text[line.span[0] : line.span[1]] == line.text
    return text, pages, numbers


@pytest.fixture(scope="module")
def text_layer() -> list[tuple[float, float, list[Line]]]:
    return pdf_lines()


def reference_lines() -> list[str]:
    return [compact(ln) for ln in (SAMPLE / "397.txt").read_text(encoding="utf-8").splitlines()]


def assert_matches_reference(paragraphs: list[str]) -> None:
    """Each paragraph is one 397.txt line, or several consecutive ones (397.txt also breaks lines at
    some sentence ends inside a paragraph); 397.txt adds a 。 to the 二级标题 headings."""
    reference = reference_lines()
    i = reference.index(paragraphs[0])
    for paragraph in paragraphs:
        joined = ""
        while joined != paragraph and joined.removesuffix("。") != paragraph:
            assert i < len(reference) and len(joined) < len(paragraph), paragraph
            joined += reference[i]
            i += 1
    assert i == len(reference)


def test_text_layer_paragraphs(text_layer: list[tuple[float, float, list[Line]]]) -> None:
    text, _, numbers = layout(text_layer)
    paragraphs = text.split("\n")
    assert paragraphs[:3] == HEADER
    assert numbers == ["1", "2", "3", "4", "5"]
    assert len(paragraphs) == 33
    body = [compact(p) for p in paragraphs[3:]]
    assert_matches_reference(body)


@pytest.mark.parametrize(
    "start",
    [
        "为贯彻落实《中华人民共和国个人所得税法》",
        "关于加强个人所得税纳税信用建设的通知",
        "各省、自治区、直辖市、新疆生产建设兵团",
        "一、总体要求",
        "二、建立个人所得税纳税信用管理机制",
        "税务总局以自然人纳税人识别号为唯一标识",  # runs on from page 2 to page 3
        "税务部门与有关部门合作",  # runs on from page 3 to page 4
        "国家发展改革委办公厅",
        "2019年8月20日",
    ],
)
def test_paragraph_is_one_line_of_397_txt(
    text_layer: list[tuple[float, float, list[Line]]], start: str
) -> None:
    text, _, _ = layout(text_layer)
    (found,) = [compact(p) for p in text.split("\n") if compact(p).startswith(start)]
    (expected,) = [ln for ln in reference_lines() if ln.startswith(start)]
    assert found == expected


def element_boxes() -> dict[int, list[tuple[str, tuple[float, float, float, float]]]]:
    """397_N.xml: Pascal-VOC element boxes in 1224×1584 px pages, scaled to the 612×792 pt PDF."""
    out = {}
    for n in range(1, 6):
        xml = (SAMPLE / f"397_{n}.xml").read_bytes().decode("gbk")
        out[n] = [
            (name, (int(a) / 2, int(b) / 2, int(c) / 2, int(d) / 2))
            for name, a, b, c, d in re.findall(
                r"<name>(.*?)</name>.*?<xmin>(\d+)</xmin>\s*<ymin>(\d+)</ymin>\s*"
                r"<xmax>(\d+)</xmax>\s*<ymax>(\d+)</ymax>",
                xml,
                re.S,
            )
        ]
    return out


def test_paragraphs_follow_the_annotated_elements(
    text_layer: list[tuple[float, float, list[Line]]],
) -> None:
    """Headings, title, 主送, signature and date elements are paragraphs of their own; a paragraph
    never spans two elements of one page."""
    text, pages, _ = layout(text_layer)
    elements = element_boxes()
    line_elements = []
    for page in pages:
        for line in page.lines:
            assert line.bbox is not None and line.span is not None
            cx, cy = (line.bbox[0] + line.bbox[2]) / 2, (line.bbox[1] + line.bbox[3]) / 2
            (element,) = [
                (page.number, i, name)
                for i, (name, (x0, y0, x1, y1)) in enumerate(elements[page.number])
                if x0 <= cx <= x1 and y0 <= cy <= y1
            ]
            line_elements.append((line.span, element))
    for (span, element), (next_span, next_element) in zip(
        line_elements, line_elements[1:], strict=False
    ):
        same_paragraph = "\n" not in text[span[1] : next_span[0]]
        if element[2] in {
            "一级标题",
            "二级标题",
            "正文标题",
            "主送机关",
            "发文机关",
            "成文日期",
            "发文字号",
        }:
            assert same_paragraph == (element == next_element), (element, text[span[0] : span[1]])
        elif same_paragraph and element[0] == next_element[0]:
            assert element == next_element


def ocr_like(
    raw: list[tuple[float, float, list[Line]]], seed: int
) -> list[tuple[float, float, list[Line]]]:
    """The text layer as an OCR engine would give it: some lines cut in two boxes with a hairline
    gap, boxes padded and jittered by a point, every page's boxes shuffled."""
    rng = random.Random(seed)
    pages = []
    for width, height, lines in raw:
        boxes = []
        for line in lines:
            assert line.bbox is not None
            x0, y0, x1, y1 = line.bbox
            pad = rng.uniform(-1.0, 1.0)
            text = line.text
            if len(text) > 8 and rng.random() < 0.4:
                cut = rng.randrange(3, len(text) - 3)
                at = x0 + (x1 - x0) * cut / len(text)
                boxes.append(Line(text[:cut], (x0 - 1, y0 - 1 + pad, at - 1, y1 + 1 + pad), 0.9))
                boxes.append(Line(text[cut:], (at + 1, y0 - 1 - pad, x1 + 1, y1 + 1 - pad), 0.8))
            else:
                boxes.append(Line(text, (x0 - 1, y0 - 1 + pad, x1 + 1, y1 + 1 + pad), 0.95))
        rng.shuffle(boxes)
        pages.append((width, height, boxes))
    return pages


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ocr_like_boxes_give_the_text_layer_paragraphs(
    text_layer: list[tuple[float, float, list[Line]]], seed: int
) -> None:
    expected, _, _ = layout(text_layer)
    text, _, numbers = layout(ocr_like(text_layer, seed))
    assert numbers == ["1", "2", "3", "4", "5"]
    # the red header's 文件 stands half on each of the two organ rows: either row may take it
    assert sorted(compact(text[: text.index("发改办")])) == sorted(compact("".join(HEADER[:2])))
    assert text[text.index("发改办") :] == expected[expected.index("发改办") :]
