"""Telling content from its bytes, and decoding text files strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.errors import InputError, UnsupportedInputError
from docproc.ingest import open_input
from docproc.ingest.sniff import check_extension, sniff_content
from docproc.ingest.textfile import detect_and_decode

REPO_DIR = Path(__file__).resolve().parents[2]
BAD = REPO_DIR / "fixtures" / "bad-input"
NOTICE_TEXT = (
    "市营商局（市行政审批局）进一步加强\n行政执法规范化建设工作实施方案\n"
    "为贯彻落实《鞍山市进一步加强行政执法规范化建设工作实\n"
    "施方案》（鞍法委发〔2023〕5号），促进严格规范公正文明执法。\n一、指导思想\n（一）规范行政执法队伍\n"
)


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "pdf", "pdf"),
        (b"\x00\x00junk before the header %PDF-1.4\n", "pdf", "pdf"),
        ("文件格式为 %PDF-1.4 的说明\n".encode(), "text", "text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png", "image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg", "image"),
        (b"II*\x00\x08\x00\x00\x00", "tiff", "image"),
        (b"MM\x00*\x00\x00\x00\x08", "tiff", "image"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp", "image"),
        (b"BM\x36\x00\x0c\x00", "bmp", "image"),
        ("关于开展专项行动的通知\n".encode(), "text", "text"),
        ("关于开展专项行动的通知\n".encode("gb18030"), "text", "text"),
        (b"\xff\xfe" + "通知".encode("utf-16-le"), "text", "text"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html", "html"),
        (b"\n  <html lang=zh>", "html", "html"),
        (b'<%@ page contentType="text/html;charset=UTF-8" %>\n<%@ taglib prefix="c" %>\n<style>', "html", "html"),
        (b"<% unfinished server directive", "text", "text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "ole", None),
        (b"\x1f\x8b\x08\x00", "gzip", None),
        (b"Rar!\x1a\x07\x01\x00", "rar", None),
        (b"\x00\x01\x02\x03\x00\x00\xff", "binary", None),
    ],
)
def test_sniff_content(head: bytes, name: str, kind: str | None) -> None:
    content = sniff_content(Path("x"), head)
    assert (content.name, content.kind) == (name, kind)


@pytest.mark.parametrize(
    ("file_name", "head", "error_words"),
    [
        ("scan.pdf", b"\xff\xd8\xff\xe0", "is named .pdf but is a JPEG image, not a PDF"),
        ("notice.txt", b"%PDF-1.4\n", "is named .txt but is a PDF, not a text file"),
        ("notice.pdf", "通知".encode(), "is named .pdf but is a text file, not a PDF"),
        ("notice.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document"),
        ("archive.tar.gz", b"\x1f\x8b\x08\x00", "gzip archive"),
    ],
)
def test_check_extension_refuses(file_name: str, head: bytes, error_words: str) -> None:
    path = Path(file_name)
    with pytest.raises(UnsupportedInputError, match=error_words):
        check_extension(path, sniff_content(path, head))


@pytest.mark.parametrize(
    ("file_name", "head", "kind"),
    [
        ("scan.jpg", b"\x89PNG\r\n\x1a\n", "image"),
        ("scan.TIF", b"II*\x00", "image"),
        ("notice", "通知".encode(), "text"),
        ("notice.md", "通知".encode(), "text"),
        ("download.bin", b"%PDF-1.4", "pdf"),
    ],
)
def test_check_extension_accepts(file_name: str, head: bytes, kind: str) -> None:
    path = Path(file_name)
    assert check_extension(path, sniff_content(path, head)) == kind


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("notice-utf8.txt", "utf-8"),
        ("notice-utf8-sig.txt", "utf-8-sig"),
        ("notice-gb18030.txt", "gb18030"),
    ],
)
def test_text_fixtures_decode_to_the_same_text(name: str, encoding: str) -> None:
    with open_input(BAD / name) as opened:
        assert (opened.kind, opened.page_count, opened.encoding) == ("text", 0, encoding)
        assert opened.text == NOTICE_TEXT
        assert list(opened.pages()) == []


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("通知\r\n".encode(), "utf-8", "通知\r\n"),
        ("通知".encode("gbk"), "gb18030", "通知"),  # also valid UTF-8 (֪ͨ), but not readable
        ("关于开展专项行动的通知".encode("gbk"), "gb18030", "关于开展专项行动的通知"),
        ("𠀀通知".encode("gb18030"), "gb18030", "𠀀通知"),  # four-byte GB18030
        (b"\xef\xbb\xbf" + "通知".encode(), "utf-8-sig", "通知"),
        (b"\xfe\xff" + "通知".encode("utf-16-be"), "utf-16", "通知"),
        (b"\xef\xbb\xbf\xff\xfe", None, None),  # a BOM then invalid UTF-8
    ],
)
def test_detect_and_decode(data: bytes, encoding: str | None, text: str | None) -> None:
    decoded = detect_and_decode(data)
    if encoding is None:
        assert decoded is None
    else:
        assert decoded == (text, encoding)


def test_text_that_decodes_as_nothing_readable(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(b"\xef\xbb\xbf\xff\xfe\xfd")
    with pytest.raises(InputError, match="not readable text") as raised:
        open_input(path)
    assert type(raised.value) is InputError
