"""build_document_text: paragraphs from placed lines (seed 000's text on a GB/T 9704 page)."""

from __future__ import annotations

import pytest

from docproc.layout.paragraphs import build_document_text
from docproc.model.document import Line, Page
from tests.layout.page_builder import box, centred, full, page, right_aligned, visual_width

INTRO = [
    full("为贯彻落实 《沈阳市⒛21年法治政府建设工作要点》,增", 0, 2),
    full("强法治政府建设的针对性、创新性、实效性,推动严格规范公", 1),
    full("正文明执法,打造良好的法治化营商环境,提升企业满意度 ,", 2),
    full("结合我市实际,决定在全市开展助企护企执法监督专项行动 ,", 3),
    box("制定本方案。", 4),
]
INTRO_TEXT = (
    "为贯彻落实 《沈阳市⒛21年法治政府建设工作要点》,增强法治政府建设的针对性、创新性、实效性,"
    "推动严格规范公正文明执法,打造良好的法治化营商环境,提升企业满意度 ,结合我市实际,"
    "决定在全市开展助企护企执法监督专项行动 ,制定本方案。"
)


def paragraphs(*pages: Page) -> list[str]:
    text = build_document_text(list(pages))
    for p in pages:
        for line in p.lines:
            assert line.span is not None
            assert text[line.span[0] : line.span[1]] == line.text
    return text.split("\n")


CASES = [
    (
        "member-list entries that happen to sit centred are not joined like a title",
        [
            full("为贯彻落实《沈阳市2021年法治政府建设工作要点》,增", 0, 2),
            full("强法治政府建设的针对性、创新性、实效性,推动严格规范公", 1),
            box("正文明执法。", 2),
            box("成  员:穆雷 市司法局副局长", 3, 2),
            box("李悦 市公安局副局长", 4, 7),
            box("李学良 市市场监督管理局副局长", 5, 7),
            box("索丽珍 市生态环境局二级巡视员", 6, 7),
        ],
        [
            "为贯彻落实《沈阳市2021年法治政府建设工作要点》,增强法治政府建设的针对性、创新性、实效性,推动严格规范公正文明执法。",
            "成  员:穆雷 市司法局副局长",
            "李悦 市公安局副局长",
            "李学良 市市场监督管理局副局长",
            "索丽珍 市生态环境局二级巡视员",
        ],
    ),
    (
        "body paragraph of five lines wrapping at the right margin",
        INTRO,
        [INTRO_TEXT],
    ),
    (
        "heading alone on its line, then an indented paragraph",
        [
            box("一、指导思想", 0, 2),
            full("以习近平新时代中国特色社会主义思想为指导,深入贯彻", 1, 2),
            box("落实党的十九大精神。", 2),
            box("二、工作目标", 3, 2),
        ],
        [
            "一、指导思想",
            "以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党的十九大精神。",
            "二、工作目标",
        ],
    ),
    (
        "heading sentence flowing on is one paragraph beginning with the heading",
        [
            full("(一 )加强组织领导。各地区、各部门要高度重视助企护", 0, 2),
            full("企执法监督专项行动,领导小组办公室要发挥好统筹协调作用 ,", 1),
            box("积极助力企业向好发展。", 2),
            full("(二 )严格责任落实。联合检查组针对问题要不遮掩、不", 3, 2),
            box("护短。", 4),
        ],
        [
            "(一 )加强组织领导。各地区、各部门要高度重视助企护企执法监督专项行动,"
            "领导小组办公室要发挥好统筹协调作用 ,积极助力企业向好发展。",
            "(二 )严格责任落实。联合检查组针对问题要不遮掩、不护短。",
        ],
    ),
    (
        "leader rows are list lines; continuation rows under the names stand alone",
        [
            box("成立市助企护企执法监督专项行动工作领导小组。", 0, 2),
            box("组   长:王会奇 副市长", 1),
            box("常务副组长:王佩军 市司法局局长", 2),
            box("副 组 长:许树文 市公安局常务副局长", 3),
            box("曲向军 市市场监督管理局局长", 4, 5.5),
            box("成   员:穆 雷 市司法局副局长", 5),
            box("李 悦 市公安局副局长", 6, 5.5),
        ],
        [
            "成立市助企护企执法监督专项行动工作领导小组。",
            "组   长:王会奇 副市长",
            "常务副组长:王佩军 市司法局局长",
            "副 组 长:许树文 市公安局常务副局长",
            "曲向军 市市场监督管理局局长",
            "成   员:穆 雷 市司法局副局长",
            "李 悦 市公安局副局长",
        ],
    ),
    (
        "phase heading with dates, then its text",
        [
            box("(三 )集中检查阶段 (10月 25日 至 11月 30日 )", 0, 2),
            full("各地区、各部门按照职责分工,对本地区、本系统执法情况", 1, 2),
            box("开展集中检查。", 2),
        ],
        [
            "(三 )集中检查阶段 (10月 25日 至 11月 30日 )",
            "各地区、各部门按照职责分工,对本地区、本系统执法情况开展集中检查。",
        ],
    ),
    (
        "signature right-aligned with the date under it",
        [
            *INTRO,
            right_aligned("沈阳市全面推进法治政府建设工作领导小组", 6, 2),
            right_aligned("2021年9月26日", 7, 4),
        ],
        [INTRO_TEXT, "沈阳市全面推进法治政府建设工作领导小组", "2021年9月26日"],
    ),
    (
        "title centred over two lines, then the 主送 line",
        [
            centred("沈阳市助企护企执法监督专项行动", 0, height=24.0),
            centred("工作方案", 1.05, height=24.0),
            box("各区、县(市)人民政府,市政府有关部门:", 2.5),
            *[
                Line(
                    ln.text, (ln.bbox[0], ln.bbox[1] + 4 * 28.9, ln.bbox[2], ln.bbox[3] + 4 * 28.9)
                )
                for ln in INTRO
                if ln.bbox
            ],
        ],
        [
            "沈阳市助企护企执法监督专项行动工作方案",
            "各区、县(市)人民政府,市政府有关部门:",
            INTRO_TEXT,
        ],
    ),
    (
        "a full line ending with 。 runs on when the next line is not indented",
        [
            full("营造良好法治化营商环境,亲商、富商、安商的社会共识深", 0, 2),
            full("入人心,企业获得感和满意度明显增强,市场主体创造力。", 1),
            box("和活力得到最大释放。", 2),
        ],
        [
            "营造良好法治化营商环境,亲商、富商、安商的社会共识深入人心,企业获得感和满意度明显增强,"
            "市场主体创造力。和活力得到最大释放。"
        ],
    ),
    (
        "a heading-looking line at the margin continues a running line",
        [
            full("对检查发现的问题,严格按照", 0, 2),
            box("一、二类标准分别处理。", 1),
        ],
        ["对检查发现的问题,严格按照一、二类标准分别处理。"],
    ),
    (
        "a Latin word broken over two lines gets one space; CJK gets none",
        [
            full("各单位统一使用Microsoft", 0, 2),
            full("Office软件编制台账,报送至邮箱byqqfzb@126.", 1),
            box("com。", 2),
        ],
        ["各单位统一使用Microsoft Office软件编制台账,报送至邮箱byqqfzb@126.com。"],
    ),
    (
        "list lines: 联系人 and 附件",
        [
            box("请于10月22日前报送领导小组办公室。", 0, 2),
            box("联系人:张程程,联系电话:6169675", 1, 2),
            box("附件:专项行动问题自查表", 2, 2),
        ],
        [
            "请于10月22日前报送领导小组办公室。",
            "联系人:张程程,联系电话:6169675",
            "附件:专项行动问题自查表",
        ],
    ),
]


@pytest.mark.parametrize(("name", "lines", "expected"), CASES, ids=[c[0] for c in CASES])
def test_paragraphs(name: str, lines: list[Line], expected: list[str]) -> None:
    assert paragraphs(page(lines)) == expected


def test_block_paragraphs_without_indent_end_at_sentence_end() -> None:
    """Without first-line indents, a full line ending with 。 ends its paragraph."""
    lines = [
        full("各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设。", 0),
        full("部门,国家税务总局各省、自治区、直辖市和计划单列市税务局,", 1),
        box("社会信用体系建设部际联席会议成员单位办公厅(室):", 2),
    ]
    assert paragraphs(page(lines)) == [
        "各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设。",
        "部门,国家税务总局各省、自治区、直辖市和计划单列市税务局,社会信用体系建设部际联席会议成员单位办公厅(室):",
    ]


RUNNING = "营造良好法治化营商环境,亲商、富商、安商的社会共识深入人心,企业获得感和满意度明显增强,"


@pytest.mark.parametrize(
    ("first_of_next_page", "expected"),
    [
        (
            box("市场主体创造力和活力得到最大释放。", 0),
            [RUNNING + "市场主体创造力和活力得到最大释放。"],
        ),
        (box("三、组织领导", 0, 2), [RUNNING, "三、组织领导"]),
        (
            box("市场主体创造力和活力得到最大释放。", 0, 2),
            [RUNNING, "市场主体创造力和活力得到最大释放。"],
        ),
    ],
)
def test_paragraph_runs_on_over_a_page_break(first_of_next_page: Line, expected: list[str]) -> None:
    first = page(
        [
            *INTRO,
            full("营造良好法治化营商环境,亲商、富商、安商的社会共识深", 5, 2),
            full("入人心,企业获得感和满意度明显增强,", 6),
        ]
    )
    second = page([first_of_next_page, box("四、主要任务", 2, 2)], number=2)
    assert paragraphs(first, second) == [INTRO_TEXT, *expected, "四、主要任务"]


def test_text_file_lines_are_kept_as_given() -> None:
    lines = [
        Line("一、指导思想"),
        Line("以习近平新时代中国特色社会主义思想为指导,深入贯彻"),
        Line(""),
        Line("落实党的十九大精神。"),
    ]
    second = page([Line("二、工作目标")], number=2)
    assert paragraphs(page(lines), second) == [
        "一、指导思想",
        "以习近平新时代中国特色社会主义思想为指导,深入贯彻",
        "",
        "落实党的十九大精神。",
        "二、工作目标",
    ]


def with_chars(line: Line) -> Line:
    """``line`` with a box per non-space character, placed by its width from the line's left edge."""
    assert line.bbox is not None
    x0, y0, _, y1 = line.bbox
    boxes = []
    for index, char in enumerate(line.text):
        if not char.isspace():
            left = x0 + visual_width(line.text[:index])
            boxes.append((left, y0, left + visual_width(char), y1))
    line.char_boxes = boxes
    return line


def test_attachment_titles_go_on_under_their_number_or_their_first_character() -> None:
    """GB/T 9704 7.3.4: a long attachment title goes on aligned under its first character (the
    renderer of our scans aligns it under the number); each numbered title starts a paragraph."""
    lines = [
        box("自查结果于9月25日前报区行政审批局。", 0, 2),
        with_chars(full("附件：1.区直各部门、乡镇涉企涉民证照（卡）证明类事项", 1, 2)),
        box("目录", 2, 5),
        with_chars(full("2.区直各部门、乡镇涉企涉民证照（卡）证明类事项", 3, 5)),
        box("工作联系表", 4, 6),
        with_chars(box("3.检查情况汇总表", 5, 5)),
        box("平潭综合实验区管委会办公室", 7, 12),
    ]
    assert paragraphs(page(lines)) == [
        "自查结果于9月25日前报区行政审批局。",
        "附件：1.区直各部门、乡镇涉企涉民证照（卡）证明类事项目录",
        "2.区直各部门、乡镇涉企涉民证照（卡）证明类事项工作联系表",
        "3.检查情况汇总表",
        "平潭综合实验区管委会办公室",
    ]


def test_an_indented_line_after_a_numbered_body_line_is_a_new_paragraph() -> None:
    """Only the 附件说明 hangs: a numbered body item running to the margin, then an indented line,
    is two paragraphs as before."""
    lines = [
        with_chars(full("1.开展自查自纠。各部门要认真对照本部门的工作职责，对职责", 0, 2)),
        box("范围内的事项进行全面梳理。", 1),
        with_chars(full("2.分类分批专项整改。在自查自纠的基础上，将办理证照较多", 2, 2)),
        box("各部门要高度重视。", 3, 2),
    ]
    assert paragraphs(page(lines)) == [
        "1.开展自查自纠。各部门要认真对照本部门的工作职责，对职责范围内的事项进行全面梳理。",
        "2.分类分批专项整改。在自查自纠的基础上，将办理证照较多",
        "各部门要高度重视。",
    ]


def test_a_page_holding_only_member_entries_keeps_one_entry_per_line() -> None:
    """The last page of a member list: every line ends short of a margin measured on the list itself,
    so only the entries' shape keeps them apart."""
    lines = [
        box("林和文 政法综治处处长", 0, 4),
        box("俞育龙农业农村处处长", 1, 4),
        box("王春姬机关党委专职副书记", 2, 4),
        box("周凯峰 白青办事处主任", 3, 4),
    ]
    assert paragraphs(page(lines)) == ["林和文 政法综治处处长", "俞育龙农业农村处处长", "王春姬机关党委专职副书记",
                                       "周凯峰 白青办事处主任"]


def test_the_last_page_of_a_contact_list_is_measured_against_the_documents_margin() -> None:
    first = page([full(f"第{n}行正文，内容一直写到右边的页边，没有断开的地方也没有句号", n, 0) for n in range(6)], 1)
    last = page([
        box("联系电话：0531-67800967，67800757（传真）", 0),
        box("山东省能源局 聂晓涛", 1),
        box("电子邮箱：snyjdlc@shandong.cn", 2),
        box("联系电话：0531-68627725", 3),
    ], 2)
    assert paragraphs(first, last)[-4:] == [
        "联系电话：0531-67800967，67800757（传真）", "山东省能源局 聂晓涛", "电子邮箱：snyjdlc@shandong.cn",
        "联系电话：0531-68627725"]
