"""build_outline: numbering markers as printed and as OCR reads them (``1. 加强…`` with a space)."""

from __future__ import annotations

import pytest

from docproc.extract.outline import build_outline

CASES = {
    "typeset items": ("二、重点任务\n（一）规范队伍\n1.加强管理。依托系统。\n2.加强建设。", [
        ("二", "重点任务"), ("（一）", "规范队伍"), ("（一）1", "加强管理"), ("（一）2", "加强建设"),
    ]),
    "OCR puts a space after the item number at a line start": (
        "二、重点任务\n（一）规范队伍\n1. 加强管理。依托系统。\n2. 加强建设。", [
            ("二", "重点任务"), ("（一）", "规范队伍"), ("（一）1", "加强管理"), ("（一）2", "加强建设"),
        ]),
    "an item opening with its date, typeset and in a one-line web copy": (
        "二、整治内容\n（一）防汛\n1. 全面检查。\n2. 4月25日前，修订预案。3. 5月25日前，完成排查。", [
            ("二", "整治内容"), ("（一）", "防汛"), ("（一）1", "全面检查"), ("（一）2", "4月25日前，修订预案"),
            ("（一）3", "5月25日前，完成排查"),
        ]),
    "points listed inside a bracket are not items": (
        "二、整治重点\n（一）开展乱占耕地建房整治。严格落实“八不准”规定（1.不准占用基本农田建房；2.不准抢占耕地建房），"
        "坚决遏制新增违法占地。\n（二）开展河湖整治。", [
            ("二", "整治重点"), ("（一）", "开展乱占耕地建房整治"), ("（二）", "开展河湖整治"),
        ]),
    "points listed inside a paragraph after a colon and semicolons are not items": (
        "二、工作任务\n1.重点排查。排查重点范围包括：（1）小梁薄板房屋；（2）违法建筑；（3）其他房屋。\n2.全面排查。", [
            ("二", "工作任务"), ("1", "重点排查"), ("2", "全面排查"),
        ]),
    "a spaced number inside a sentence is not an item": ("一、工作目标\n到2025年完成 3. 5万户改造。", [
        ("一", "工作目标"),
    ]),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_outline_nodes(text: str, expected: list[tuple[str, str]]) -> None:
    nodes = [node for top in build_outline(text) for node in top.walk()]
    assert [(node.path_below_top() or node.label, node.heading) for node in nodes] == expected


def test_stage_labels_left_out_of_a_numbering_path_when_asked() -> None:
    text = "三、工作步骤\n第一阶段：动员部署\n（一）制定方案。\n（二）召开会议。\n"
    items = [node for top in build_outline(text) for node in top.walk() if node.kind != "phase"][1:]
    assert [node.path_below_top() for node in items] == ["第一阶段（一）", "第一阶段（二）"]
    assert [node.path_below_top(skip_kinds=("phase",)) for node in items] == ["（一）", "（二）"]


def test_points_listed_inside_a_bracket_a_scan_broke_over_lines_are_no_items() -> None:
    text = ("一、主要任务\n（一）开展农村乱占耕地建房问题整治行动。严格落实“八不准”（1.不准占用永久基本农田建房；\n"
            "2.不准强占多占耕地建房；\n3.不准买卖、流转耕地违法建房），坚决遏制新增违法占用耕地建房问题。\n")
    top = build_outline(text)[0]
    assert [child.label for child in top.children] == ["（一）"] and not top.children[0].children


def test_the_numbered_lines_of_a_covers_attachment_list_are_no_items() -> None:
    """附件：1、X / 2、Y before the enclosed plan: were they items, the plan's 一、二、 would nest under 2、."""
    text = ("现印发给你们。\n附件：1、某区耕地保护工作方案\n\n2、某区耕地利用工作方案\n\n某区农委\n2020年10月19日\n"
            "附件1\n某区耕地保护工作方案\n一、总体要求\n加强保护。\n二、主要任务\n（一）建立保护清单。划定类别。\n")
    roots = build_outline(text)
    assert [node.label for node in roots] == ["一", "二"]
    assert [child.heading for child in roots[1].children] == ["建立保护清单"]


def test_a_stage_label_a_copy_ran_onto_its_sections_heading_opens_an_item() -> None:
    text = "四、实施阶段第一阶段:迅速动员部署。明确具体任务。第二阶段:全面摸底排查。逐一排查。五、工作保障\n"
    assert [(child.marker, child.heading) for child in build_outline(text)[0].children] == [
        ("第一阶段", "迅速动员部署"), ("第二阶段", "全面摸底排查"),
    ]


def test_a_chapter_number_glued_after_the_bracket_closing_a_paragraph_opens_a_chapter() -> None:
    text = "三、主要任务\n（一）排查隐患。责任单位：交通与建设处、各村（社区）四、实施阶段\n第一阶段：动员部署。\n"
    assert [(node.marker, node.heading) for node in build_outline(text)] == [("三、", "主要任务"), ("四、", "实施阶段")]
