"""open_input over the committed fixtures: kinds, page counts, triage reasons, bad inputs."""

from __future__ import annotations

import hashlib
import inspect
import shutil
from pathlib import Path

import numpy as np
import pytest

from docproc.errors import (
    CorruptInputError,
    EmptyInputError,
    EncryptedPdfError,
    ImageTooLargeError,
    InputError,
    UnsupportedInputError,
    UsageError,
)
from docproc.ingest import ImagePage, TextLayerPage, open_input, sha256_file

REPO_DIR = Path(__file__).resolve().parents[2]
BAD = REPO_DIR / "fixtures" / "bad-input"
GOVDOC_397 = REPO_DIR / "fixtures" / "govdoc-cn-397"

NOTICE_LINES = [
    "市营商局（市行政审批局）进一步加强",
    "行政执法规范化建设工作实施方案",
    "为贯彻落实《鞍山市进一步加强行政执法规范化建设工作实",
    "施方案》（鞍法委发〔2023〕5号），促进严格规范公正文明执法。",
    "一、指导思想",
    "（一）规范行政执法队伍",
]


def read_all(path: Path, **options: object) -> tuple[str, int, list[TextLayerPage | ImagePage]]:
    with open_input(path, dpi=72, **options) as opened:  # type: ignore[arg-type]
        return opened.kind, opened.page_count, list(opened.pages())


def page_summary(page: TextLayerPage | ImagePage) -> str:
    return "text" if isinstance(page, TextLayerPage) else f"ocr:{page.reason}"


@pytest.mark.parametrize(
    ("name", "kind", "pages"),
    [
        ("text-layer.pdf", "pdf", ["text"]),
        ("mixed.pdf", "pdf", ["text", "ocr:no-text-layer", "ocr:sparse-text-over-image", "ocr:invisible-text"]),
        ("cid-garbage.pdf", "pdf", ["ocr:cid-garbage"]),
        ("fake-bold.pdf", "pdf", ["text"]),
        ("rotated-90.pdf", "pdf", ["text"]),
        ("gapped-line.pdf", "pdf", ["text"]),
        ("table.pdf", "pdf", ["text"]),
        ("blank-page.png", "image", ["ocr:image"]),
        ("scan-page.jpg", "image", ["ocr:image"]),
        ("two-pages.tif", "image", ["ocr:image", "ocr:image"]),
        ("exif-rotated.jpg", "image", ["ocr:image"]),
        ("notice-utf8.txt", "text", []),
    ],
)
def test_kind_and_page_triage(name: str, kind: str, pages: list[str]) -> None:
    got_kind, page_count, got_pages = read_all(BAD / name)
    assert got_kind == kind
    assert [page_summary(p) for p in got_pages] == pages
    assert page_count == len(pages)
    assert [p.number for p in got_pages] == list(range(1, len(pages) + 1))


def test_force_ocr_sends_text_pages_to_ocr() -> None:
    _, _, pages = read_all(BAD / "mixed.pdf", force_ocr=True)
    assert [page_summary(p) for p in pages] == ["ocr:forced"] * 4


@pytest.mark.parametrize(
    ("name", "first_lines"),
    [
        ("text-layer.pdf", NOTICE_LINES),
        ("fake-bold.pdf", ["严格规范公正文明执法"]),
        ("gapped-line.pdf", ["组 长：王会奇 副市长", "2019年"]),
        ("rotated-90.pdf", ["组 长：王会奇 副市长"]),
    ],
)
def test_text_layer_lines(name: str, first_lines: list[str]) -> None:
    _, _, pages = read_all(BAD / name)
    page = pages[0]
    assert isinstance(page, TextLayerPage)
    assert [line.text for line in page.lines] == first_lines
    for line in page.lines:
        assert line.confidence is None
        assert line.bbox is not None
        x0, y0, x1, y1 = line.bbox
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height


def test_text_layer_boxes_are_top_left_points() -> None:
    _, _, pages = read_all(BAD / "text-layer.pdf")
    page = pages[0]
    assert isinstance(page, TextLayerPage)
    assert (page.width, page.height) == (595.0, 842.0)
    tops = [line.bbox[1] for line in page.lines if line.bbox]
    assert tops == sorted(tops)
    # The first line's baseline is 760 pt above the bottom: its box lies 66..86 pt from the top.
    assert page.lines[0].bbox is not None
    assert 64 < page.lines[0].bbox[1] < page.lines[0].bbox[3] < 86


def test_rotated_page_box_matches_the_ink() -> None:
    """The line box on a /Rotate 90 page covers the text where the rendered page shows it."""
    with open_input(BAD / "rotated-90.pdf", dpi=72) as opened:
        (text_page,) = list(opened.pages())
    with open_input(BAD / "rotated-90.pdf", dpi=72, force_ocr=True) as opened:
        (image_page,) = list(opened.pages())
    assert isinstance(text_page, TextLayerPage) and isinstance(image_page, ImagePage)
    assert image_page.image.shape == (595, 842, 3)
    assert text_page.lines[0].bbox is not None
    x0, y0, x1, y1 = (round(v) for v in text_page.lines[0].bbox)
    ink = image_page.image.min(axis=2) < 128
    inside = ink[y0 : y1 + 1, x0 : x1 + 1].sum()
    assert inside > 0.9 * ink.sum() > 0


@pytest.mark.parametrize(("page_number", "first_line"), [
    (1, "发展改革委办公厅"),
    (2, "经济发展、惠及百姓民生作出的一项重大决策部署。各地区、各部"),
    (3, "违规行为记录为重点，研究制定自然人纳税信用管理的制度办法，"),
    (4, "专项附加扣除和享受优惠等过程中存在严重违法失信行为的纳税"),
    (5, "税收共治管理、信用协同监管格局。要建立工作考核推进机制，对"),
])
def test_govdoc_397_first_lines(page_number: int, first_line: str) -> None:
    _, page_count, pages = read_all(GOVDOC_397 / "397.pdf")
    assert page_count == 5
    page = pages[page_number - 1]
    assert isinstance(page, TextLayerPage)
    assert (page.width, page.height) == (612.0, 792.0)
    assert page.lines[0].text == first_line


def test_govdoc_397_header_lines() -> None:
    _, _, pages = read_all(GOVDOC_397 / "397.pdf")
    page = pages[0]
    assert isinstance(page, TextLayerPage)
    assert [line.text for line in page.lines[:5]] == [
        "发展改革委办公厅",
        "文件",
        "税务总局办公厅",
        "发改办财金规〔2019〕860号",
        "关于加强个人所得税纳税信用建设的通知",
    ]
    last = pages[4]
    assert isinstance(last, TextLayerPage)
    assert [line.text for line in last.lines[-4:]] == ["国家发展改革委办公厅", "税务总局办公厅", "2019年8月20日", "— 5 —"]


def test_govdoc_397_page_image_dpi_from_letter_size() -> None:
    _, _, pages = read_all(GOVDOC_397 / "397_1.png")
    (page,) = pages
    assert isinstance(page, ImagePage)
    assert page.image.shape == (1584, 1224, 3)
    assert (page.dpi, page.width, page.height) == (144.0, 612.0, 792.0)


@pytest.mark.parametrize(
    ("name", "error", "words"),
    [
        ("empty.pdf", EmptyInputError, "empty"),
        ("truncated.pdf", CorruptInputError, "truncated"),
        ("garbage.pdf", CorruptInputError, "damaged PDF"),
        ("no-pages.pdf", EmptyInputError, "is a PDF with no pages"),
        ("encrypted.pdf", EncryptedPdfError, "--password"),
        ("png-named.pdf", UnsupportedInputError, "is named .pdf but is a PNG image"),
        ("docx-named.pdf", UnsupportedInputError, "Word document"),
        ("html-named.jpg", UnsupportedInputError, "HTML page"),
        ("pdf-named.png", UnsupportedInputError, "is named .png but is a PDF"),
        ("huge-30000.png", ImageTooLargeError, "30000×30000"),
        ("control-chars.txt", InputError, "readable text"),
        ("whitespace-only.txt", EmptyInputError, "blank space"),
    ],
)
def test_bad_input_raises_its_class(name: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as raised:
        open_input(BAD / name)
    assert type(raised.value) is error
    line = raised.value.one_line()  # type: ignore[attr-defined]
    assert words in line
    assert "\n" not in line
    assert line.startswith(str(BAD / name))


def test_truncated_image_fails_when_its_page_is_read() -> None:
    with open_input(BAD / "truncated.png") as opened, pytest.raises(CorruptInputError, match="truncated"):
        list(opened.pages())


@pytest.mark.parametrize(("password", "message"), [
    (None, "pass its password with --password"),
    ("wrong", "password given is wrong"),
])
def test_encrypted_pdf_needs_the_right_password(password: str | None, message: str) -> None:
    with pytest.raises(EncryptedPdfError, match=message):
        open_input(BAD / "encrypted.pdf", password=password)


def test_encrypted_pdf_opens_with_its_password() -> None:
    _, _, pages = read_all(BAD / "encrypted.pdf", password="secret")
    assert isinstance(pages[0], TextLayerPage)
    assert [line.text for line in pages[0].lines] == NOTICE_LINES


@pytest.mark.parametrize(("make", "words"), [
    (lambda tmp: tmp / "missing.pdf", "no such file"),
    (lambda tmp: tmp, "is a directory"),
])
def test_missing_file_and_directory(tmp_path: Path, make: object, words: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError, match=words) as raised:
        open_input(path)
    assert type(raised.value) is InputError


def test_pdf_page_too_large_to_rasterise() -> None:
    with open_input(BAD / "mixed.pdf", max_pixels=1_000_000) as opened:
        pages = opened.pages()
        assert isinstance(next(pages), TextLayerPage)
        with pytest.raises(ImageTooLargeError, match=r"page 2 would be 2479×3508 pixels at 300 dpi"):
            next(pages)


def test_image_larger_than_max_pixels() -> None:
    with pytest.raises(ImageTooLargeError, match="827×1169 pixels"):
        open_input(BAD / "blank-page.png", max_pixels=500_000)


@pytest.mark.parametrize(("options", "words"), [
    ({"dpi": 0}, "--dpi"),
    ({"dpi": 5000}, "--dpi"),
    ({"max_pixels": 0}, "--max-pixels"),
])
def test_bad_options(options: dict[str, int], words: str) -> None:
    with pytest.raises(UsageError, match=words):
        open_input(BAD / "text-layer.pdf", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "new_name", "kind"), [
    ("text-layer.pdf", "notice.bin", "pdf"),
    ("scan-page.jpg", "scan", "image"),
    ("scan-page.jpg", "scan.png", "image"),  # image formats stand in for each other
    ("notice-gb18030.txt", "notice.dat", "text"),
])
def test_content_decides_when_the_extension_does_not(tmp_path: Path, name: str, new_name: str, kind: str) -> None:
    target = tmp_path / new_name
    shutil.copyfile(BAD / name, target)
    with open_input(target) as opened:
        assert opened.kind == kind


@pytest.mark.parametrize("name", ["mixed.pdf", "two-pages.tif", "notice-gb18030.txt", "encrypted.pdf"])
def test_input_is_never_modified(name: str) -> None:
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    with open_input(path, password="secret", dpi=72) as opened:
        assert opened.sha256 == before
        list(opened.pages())
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before == sha256_file(path)
    assert path.stat().st_mtime_ns == mtime


def test_pages_is_lazy() -> None:
    with open_input(BAD / "mixed.pdf", dpi=72) as opened:
        pages = opened.pages()
        assert inspect.isgenerator(pages)
        first = next(pages)
        assert isinstance(first, TextLayerPage)
        second = next(pages)
        assert isinstance(second, ImagePage)
        assert second.image.dtype == np.uint8 and second.image.shape == (842, 595, 3)
        assert second.dpi == 72.0 and (second.width, second.height) == (595.0, 842.0)


def test_closed_input_refuses_pages() -> None:
    opened = open_input(BAD / "text-layer.pdf")
    opened.close()
    with pytest.raises(ValueError, match="closed"):
        list(opened.pages())


def test_scan_page_is_grey_text_on_white() -> None:
    _, _, pages = read_all(BAD / "mixed.pdf")
    page = pages[1]
    assert isinstance(page, ImagePage)
    image = page.image
    assert image.flags["C_CONTIGUOUS"]
    assert np.median(image) >= 240  # paper
    assert image.min() < 80  # ink


def test_ruled_table_cells() -> None:
    _, _, pages = read_all(BAD / "table.pdf")
    page = pages[0]
    assert isinstance(page, TextLayerPage)
    (table,) = page.tables
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert table.bbox == (72.0, 142.0, 472.0, 262.0)
    assert [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells] == [
        (0, 0, 1, 1, "序号"),
        (0, 1, 1, 2, "整改任务"),
        (1, 0, 1, 1, "1"),
        (1, 1, 1, 1, "规范执法"),
        (1, 2, 1, 1, "市营商局"),
        (2, 0, 1, 1, "2"),
        (2, 1, 1, 1, "加强行政执法人员管理"),
        (2, 2, 1, 1, "政策法规科"),
    ]
    assert page.lines[0].text == "自查表"


@pytest.mark.parametrize("name", ["text-layer.pdf", "mixed.pdf", "gapped-line.pdf"])
def test_pages_without_rulings_have_no_tables(name: str) -> None:
    _, _, pages = read_all(BAD / name)
    assert all(p.tables == [] for p in pages if isinstance(p, TextLayerPage))


def test_a_pdf_without_pages_after_an_encrypted_one_is_still_empty() -> None:
    """PDFium keeps its last error code: the encrypted file's must not name the next file's fault."""
    with pytest.raises(EncryptedPdfError):
        open_input(BAD / "encrypted.pdf")
    with pytest.raises(EmptyInputError, match="is a PDF with no pages"):
        open_input(BAD / "no-pages.pdf")
