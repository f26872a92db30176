"""A saved page's bytes to text (declared charset, fallbacks) and telling a page from other files."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.errors import UnsupportedInputError
from docproc.ingest.html import html_text
from docproc.ingest.html_decode import declared_charset, decode_page
from docproc.ingest.sniff import check_extension, sniff_content
from tests.conftest import FIXTURES_DIR

GOVCN = FIXTURES_DIR / "html" / "govcn-guofa-2018-43"
# The real page with a head declaring GB2312 (gov.cn served it as UTF-8; the same page saved by a
# GB2312 site must read the same). Its text is all within GB2312.
GB_HEAD = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'


def govcn_page() -> str:
    return GB_HEAD + (GOVCN / "input.html").read_text(encoding="utf-8") + "</body></html>"


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="gb2312">', "gb2312"),
        (b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=GBK'></head>", "GBK"),
        (b'<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=utf-8">', "utf-8"),
        (b'<?xml version="1.0" encoding="utf-8"?><html><head><meta charset=big5></head>', "big5"),
        (b"<html><head><title>\xcd\xa8\xd6\xaa</title></head>", None),
    ],
)
def test_declared_charset(head: bytes, charset: str | None) -> None:
    assert declared_charset(head) == charset


@pytest.mark.parametrize("encoding", ["gb2312", "gbk", "gb18030"])
def test_a_gb_page_reads_as_its_utf8_twin(encoding: str) -> None:
    page = govcn_page()
    utf8 = html_text(page.encode("utf-8"), Path("p.html"))
    gb = html_text(page.replace("gb2312", encoding).encode(encoding), Path("p.html"))
    assert (gb.text, gb.encoding, gb.warnings) == (utf8.text, "gb18030", [])
    assert utf8.warnings == ["the page declares charset gb2312 but its bytes are UTF-8: read as UTF-8"]


def test_gbk_characters_in_a_page_declared_gb2312() -> None:
    page = GB_HEAD + "<p>朱镕基同志讲话</p><p>堃、喆、镕：GBK 才有的字</p></body></html>"
    decoded = decode_page(page.encode("gbk"))
    assert decoded is not None
    assert (decoded.encoding, decoded.warnings) == ("gb18030", [])
    assert "朱镕基" in decoded.text and "堃、喆" in decoded.text


def test_a_few_broken_bytes_are_replaced_and_said() -> None:
    data = govcn_page().encode("gb18030").replace("海南省人民政府要明确".encode("gb18030"), b"\xff\xfe\xfd", 1)
    page = html_text(data, Path("p.html"))
    # 0xFF cannot start a GB18030 character; 0xFE 0xFD is one of its user-defined (private use) ones
    assert "用于特定医疗目的。\ufffd\ue4c4审批的条件和程序" in page.text
    assert page.warnings == ["1 undecodable byte sequence(s) as GB18030 replaced by U+FFFD"]


def test_a_declared_charset_that_lies_about_utf8_bytes_is_overruled() -> None:
    page = '<meta charset="iso-8859-1"><p>关于开展消防检查的通知</p>'.encode()
    decoded = decode_page(page)
    assert decoded is not None and decoded.encoding == "utf-8"
    assert decoded.warnings == ["the page declares charset iso-8859-1 but its bytes are UTF-8: read as UTF-8"]


def test_utf16_page_with_bom() -> None:
    page = "\ufeff<html><body><p>各有关单位：</p><p>特此通知。</p></body></html>".encode("utf-16")
    assert html_text(page, Path("p.html")).text == "各有关单位：\n特此通知。"


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (b"<!-- saved from url=(0045)https://www.gov.cn/zhengce/content.htm -->\r\n<!DOCTYPE html>", "html"),
        (b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
         "html"),
        (b"<div class='wrap'><table><tr><td>", "html"),
        (b"  <META http-equiv=Content-Type content='text/html; charset=gb2312'>", "html"),
        ("\ufeff<html><body>".encode("utf-16"), "html"),
        ("<这不是网页>关于开展专项行动的通知".encode(), "text"),
        (b"<p", "html"),
        (b"<!-- only a comment", "text"),
    ],
)
def test_sniff_web_pages(head: bytes, name: str) -> None:
    assert sniff_content(Path("x"), head).name == name


@pytest.mark.parametrize(
    ("file_name", "head", "kind"),
    [
        ("page.html", b"<!DOCTYPE html><html>", "html"),
        ("page.HTM", b"<html>", "html"),
        ("page.shtml", b"<html>", "html"),
        ("saved.txt", b"<html><body>", "html"),  # an HTML page named .txt is read as the page it is
        ("download", b"<html>", "html"),
    ],
)
def test_check_extension_reads_pages(file_name: str, head: bytes, kind: str) -> None:
    path = Path(file_name)
    assert check_extension(path, sniff_content(path, head)) == kind


@pytest.mark.parametrize(
    ("file_name", "head", "words"),
    [
        ("page.html", "关于开展专项行动的通知".encode(), "is named .html but is a text file, not an HTML page"),
        ("page.html", b"\x00\x01\x02\x03\x00\xff", "binary data of an unknown kind"),
        ("page.htm", b"%PDF-1.7\n", "is named .htm but is a PDF, not an HTML page"),
        ("scan.jpg", b"<html>", "is named .jpg but is an HTML page, not an image"),
    ],
)
def test_check_extension_refuses_what_a_page_name_does_not_hold(file_name: str, head: bytes, words: str) -> None:
    path = Path(file_name)
    with pytest.raises(UnsupportedInputError, match=words):
        check_extension(path, sniff_content(path, head))
