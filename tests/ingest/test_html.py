"""Saved web pages to their main text: real pages against exact texts, and the reading rules as tables."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import docproc
from docproc.ingest.html import html_text, parse_html
from docproc.ingest.html_blocks import normalise_line, render_lines
from docproc.ingest.html_content import page_parts
from tests.conftest import FIXTURES_DIR, validate_record

HTML_DIR = FIXTURES_DIR / "html"
REAL_DIR = FIXTURES_DIR / "realnotices"
HTML_CASES = sorted(p.name for p in HTML_DIR.iterdir() if (p / "expected.txt").is_file())
# Dev saved pages of the real gold (fixtures/realnotices/splits.json → dev); held-out ones are never
# read here. reference.txt is the page's text as printed (annotator's), without the metadata block.
DEV_PAGES = ["pingtan-2565", "pingtan-2579", "pingtan-2590", "pingtan-2595", "pingtan-2613", "pingtan-65807"]


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("case", HTML_CASES)
def test_real_page_gives_its_exact_main_text(case: str) -> None:
    page = HTML_DIR / case / "input.html"
    document = docproc.recognize(page)
    assert document.text + "\n" == (HTML_DIR / case / "expected.txt").read_text(encoding="utf-8")
    assert (document.source.pages, document.source.text_source, document.pages) == (1, "text", [])
    assert document.source.sha256 == hashlib.sha256(page.read_bytes()).hexdigest()
    validate_record(document.to_dict(), "document")


@pytest.mark.parametrize("case", DEV_PAGES)
def test_dev_page_body_is_the_annotated_reference_and_metadata_the_gold(case: str) -> None:
    assert case in json.loads((REAL_DIR / "splits.json").read_text(encoding="utf-8"))["dev"]
    folder = REAL_DIR / case
    page = html_text((folder / "input.html").read_bytes(), folder / "input.html")
    metadata_lines = [f"{label}：{value}" for label, value in page.metadata]
    body = page.text.splitlines()[len(metadata_lines) + (1 if page.title else 0):]
    assert page.text.splitlines()[: len(metadata_lines)] == metadata_lines
    assert compact("\n".join(body)) == compact((folder / "reference.txt").read_text(encoding="utf-8"))
    gold = json.loads((folder / "gold.notice.json").read_text(encoding="utf-8"))
    assert dict(page.metadata) == gold["page_metadata"]


def test_gov_cn_index_table_becomes_label_value_lines() -> None:
    page = html_text((HTML_DIR / "govcn-guofa-2018-43" / "input.html").read_bytes(), Path("p.html"))
    assert page.metadata == [
        ("索引号", "000014349/2018-00222"),
        ("主题分类", "卫生、体育\\医药管理"),
        ("发文机关", "国务院"),
        ("成文日期", "2018年12月21日"),
        ("标题", "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定"),
        ("发文字号", "国发〔2018〕43号"),
        ("发布日期", "2018年12月29日"),
    ]  # 主题词 has no value: left out
    assert page.title is None  # the body's first lines hold it


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("  组 &nbsp; &nbsp; 长：李德金 &nbsp;区党工委书记 ", "组 长：李德金 区党工委书记"),
        ("\u3000\u3000为加强对消防工作的组织领导，\n经区管委会研究", "为加强对消防工作的组织领导， 经区管委会研究"),
        ("组\u3000\u3000长：王学政\u3000党委副书记", "组\u3000\u3000长：王学政\u3000党委副书记"),
        ("王学政 \u3000 党委副书记\u3000", "王学政\u3000党委副书记"),
        ("a\xa0\xa0b\tc\r\nd", "a b c d"),
        ("&lt;附件&gt;&#x4E00;&amp;&#20108;", "<附件>一&二"),
    ],
)
def test_whitespace_and_entities_inside_a_line(raw: str, line: str) -> None:
    root = parse_html(f"<html><body><p>{raw}</p></body></html>")
    assert render_lines([root.find("body")]) == [line]
    assert normalise_line(line) == line


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        ("<p>各有关单位：<br>　　现将通知转发给你们。<br><br>　　特此通知。</p>",
         ["各有关单位：", "现将通知转发给你们。", "特此通知。"]),
        ("<div>正文<span>继续</span><o:p></o:p><div>第二段</div>尾</div>", ["正文继续", "第二段", "尾"]),
        ("<table><tr><td>序号</td><td>单位</td><td>职务</td></tr><tr><td>1</td><td>区公安局</td><td>副局长</td></tr></table>",
         ["序号\t单位\t职务", "1\t区公安局\t副局长"]),
        ("<table><tr><td><p>成员</p><p>单位</p></td><td></td><td>电话</td></tr></table>", ["成员 单位\t\t电话"]),
        ("<table><tr><td><p>第一段</p></td></tr><tr><td><p>第二段</p></td></tr></table>", ["第一段", "第二段"]),
        ("<table><tr><td>左</td><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>",
         ["左", "甲\t乙"]),
        ("<p>看得见</p><p style='display: none'>看不见</p><p hidden>也看不见</p><script>var a='脚本';</script>"
         "<style>p{}</style><noscript>请启用</noscript><select><option>选项</option></select>",
         ["看得见"]),
    ],
)
def test_blocks_breaks_and_tables_as_lines(html: str, lines: list[str]) -> None:
    root = parse_html(f"<html><body>{html}</body></html>")
    assert render_lines([root.find("body")]) == lines


PAGE = """<!DOCTYPE html><html><head><title>关于开展消防检查的通知_通知公告_某县人民政府</title></head><body>
<div class="header"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/hd">互动交流</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/tz">通知公告</a></div>
<div class="article">
  <h1 class="title">关于开展消防检查的通知</h1>
  <table class="xxgk"><tr><td>索引号：</td><td>001-2024-0001</td><td>发布机构：</td><td>某县应急管理局</td></tr>
  <tr><td>发布日期：</td><td>2024-03-01</td><td>浏览次数：</td><td></td></tr></table>
  <div class="content">
    <p>各乡镇人民政府：</p>
    <p>为做好春季消防安全工作，经研究，决定开展消防检查。现将有关事项通知如下：</p>
    <p>一、检查时间：2024年3月至5月。</p>
    <p>二、检查内容：重点场所消防设施。</p>
    <p>某县应急管理局</p><p>2024年3月1日</p>
  </div>
  <div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
</div>
<div class="footer"><p>主办单位：某县人民政府办公室</p><p>网站标识码：1234567890</p><p>版权所有 © 某县</p></div>
</body></html>"""


def test_page_chrome_is_left_out_and_title_and_metadata_lead() -> None:
    parts = page_parts(parse_html(PAGE))
    assert parts is not None
    assert parts.title == "关于开展消防检查的通知"
    assert parts.metadata == [("索引号", "001-2024-0001"), ("发布机构", "某县应急管理局"), ("发布日期", "2024-03-01")]
    assert parts.body == [
        "各乡镇人民政府：",
        "为做好春季消防安全工作，经研究，决定开展消防检查。现将有关事项通知如下：",
        "一、检查时间：2024年3月至5月。",
        "二、检查内容：重点场所消防设施。",
        "某县应急管理局",
        "2024年3月1日",
    ]


def test_text_after_a_premature_html_close_tag_is_still_read() -> None:
    html = ("<!DOCTYPE html><html><head><title>网络出版服务管理规定_中国政府网</title></head><body>"
            "<div class='head'><a href='/'>首页</a></div></html>"
            "<div id='UCAP-CONTENT'><p>第一条 为了规范网络出版服务秩序，根据国务院有关规定，制定本规定。</p>"
            "<p>第二条 在中华人民共和国境内从事网络出版服务，适用本规定。</p></div></body></html>")
    parts = page_parts(parse_html(html))
    assert parts is not None
    assert parts.body == ["第一条 为了规范网络出版服务秩序，根据国务院有关规定，制定本规定。",
                          "第二条 在中华人民共和国境内从事网络出版服务，适用本规定。"]


def test_a_page_nested_twenty_thousand_deep_is_read_without_recursing_without_bound() -> None:
    html = "<html><body>" + "<div>" * 20000 + "<p>关于开展消防检查的通知。</p><p>各单位要认真落实。</p>" + \
        "</div>" * 20000 + "</body></html>"
    page = html_text(html.encode(), Path("deep.html"))
    assert page.text == "关于开展消防检查的通知。各单位要认真落实。"  # flattened below 200 levels: one line


def test_a_page_without_a_title_keeps_the_header_lines_above_its_list() -> None:
    """A server template saved as is (``<%@ page … %>``, no <title>): the 文号 and the title stand as
    paragraphs before the block the content score picks (a member list); they belong to the text."""
    page = (
        '<%@ page contentType="text/html;charset=UTF-8" %>\n<style>.t{font-weight:bold}</style>\n<body>'
        '<p align="center"><strong>某政办函[2013]89号</strong></p>'
        '<p><span class="t">某市人民政府办公室关于成立某市<br/>信用建设工作领导小组的通知</span></p>'
        '<div class="list"><ul>' + "".join(f"<li>成员：张{i}明（市{i}局）</li>" for i in "一二三四五六七八")
        + "</ul></div><p>办公室设在市发改局。</p></body>"
    ).encode()
    lines = html_text(page, Path("page.html")).text.splitlines()
    assert lines[:3] == ["某政办函[2013]89号", "某市人民政府办公室关于成立某市", "信用建设工作领导小组的通知"]
    assert lines[3] == "成员：张一明（市一局）"
