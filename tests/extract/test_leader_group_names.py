"""find_leaders on how a group is named where its setting-up sentence and its list differ: a verb with 了, a
cited document that set up another group, a 委员会 naming the work of a 领导小组, a heading run onto the name,
a short form of the name set up. Texts written for these tests after the shapes of the dev gold (round 18)."""

from __future__ import annotations

import pytest

from docproc.extract.leader_groups import find_group_mentions
from docproc.extract.leaders import find_leaders

CASES = {
    "a heading names the list's group; a group each school sets up after the list is another": (
        "二、组织机构与职责\n（一）安全事件应急领导小组\n组 长：李 晖\n副组长：周 智\n成 员：吴思廉、王 刚\n"
        "（二）应急机构\n各初中毕业生学校应成立学校体育考试安全事件应急领导小组，制定本校的安全事件应急预案。\n", [
            ("安全事件应急领导小组", "组长", "李晖", None),
            ("安全事件应急领导小组", "副组长", "周智", None),
            ("安全事件应急领导小组", "成员", "吴思廉", None),
            ("安全事件应急领导小组", "成员", "王刚", None),
        ]),
    "组建了: the group the verb with 了 sets up, not a group a cited document set up": (
        "根据《某局关于组建某区第四次全国农业普查领导小组办公室的通知》精神，我局组建了苏平片区第四次全国农业普查"
        "工作专班（以下简称“工作专班”），现将有关事项通知如下：\n二、人员组成\n组 长：韩一平 党委委员\n"
        "副组长：潘二萍 经济发展处处长\n", [
            ("苏平片区第四次全国农业普查工作专班", "组长", "韩一平", "党委委员"),
            ("苏平片区第四次全国农业普查工作专班", "副组长", "潘二萍", "经济发展处处长"),
        ]),
    "a 委员会 naming the work of the 领导小组 set up; 主任 right after its setting-up sentence heads the group": (
        "经研究，决定成立某片区农村土地承包调解委员会工作领导小组，其组成名单如下：主 任：林一庄 局党委委员 副局长"
        "副主任：林 森 财政经管办主任成 员：林二栋 党政办公室副处长\n", [
            ("某片区农村土地承包调解委员会工作领导小组", "主任", "林一庄", "局党委委员副局长"),
            ("某片区农村土地承包调解委员会工作领导小组", "副主任", "林森", "财政经管办主任"),
            ("某片区农村土地承包调解委员会工作领导小组", "成员", "林二栋", "党政办公室副处长"),
        ]),
    "a run-on heading before a short form of the name set up; 调解员 is a role": (
        "决定成立金井片区管理局婚姻家庭纠纷人民调解委员会。现通知如下： 三、组织队伍 片区婚姻家庭人民调解委员会"
        "由以下人员组成： 主 任：林一琴 片区妇联主席副主任：魏二娇 片区妇联副主席调解员：施三金 跨海村妇联主席"
        "林四玉 红山村妇联主席\n", [
            ("金井片区管理局婚姻家庭纠纷人民调解委员会", "主任", "林一琴", "片区妇联主席"),
            ("金井片区管理局婚姻家庭纠纷人民调解委员会", "副主任", "魏二娇", "片区妇联副主席"),
            ("金井片区管理局婚姻家庭纠纷人民调解委员会", "调解员", "施三金", "跨海村妇联主席"),
            ("金井片区管理局婚姻家庭纠纷人民调解委员会", "调解员", "林四玉", "红山村妇联主席"),
        ]),
    "the office a group sets up by its own name (下设河长制办公室) and the body it sits in (挂靠…工作小组)": (
        "河长制工作领导小组予以调整充实，具体人员名单如下：河长：林一武 党委书记\n成员：林二勇 党政办公室主任"
        "领导小组下设河长制办公室，办公室挂靠片区农业农村工作小组。人员名单如下：主 任：吴一滨 农业农村处处长"
        "成 员：林三发 党群工作处二级主任科员林四栋 农业农村处干事特此通知\n", [
            ("河长制工作领导小组", "成员", "林二勇", "党政办公室主任"),
            ("河长制工作领导小组办公室", "主任", "吴一滨", "农业农村处处长"),
            ("河长制工作领导小组办公室", "成员", "林三发", "党群工作处二级主任科员"),
            ("河长制工作领导小组办公室", "成员", "林四栋", "农业农村处干事"),
        ]),
    "posts of every such unit closing a list, two where a post ends on its title before the next 各": (
        "成立苏平片区清明祭扫临时工作专班。\n成 员：张一鹏 党政办公室主任 王二华 大练卫生院院长 "
        "各行政村包村工作队队长 各党支部书记、常务专职副主任\n", [
            ("苏平片区清明祭扫临时工作专班", "成员", "张一鹏", "党政办公室主任"),
            ("苏平片区清明祭扫临时工作专班", "成员", "王二华", "大练卫生院院长"),
            ("苏平片区清明祭扫临时工作专班", "成员", None, "各行政村包村工作队队长"),
            ("苏平片区清明祭扫临时工作专班", "成员", None, "各党支部书记、常务专职副主任"),
        ]),
    "a bare group word a verb sets up names the group; a government's 经济和信息化委员会 is no group": (
        "根据《某省质量技术监督局和某省经济和信息化委员会关于开展全省施工升降设备专项检查的紧急通知》精神，制定如下方案："
        "\n（一）组织领导。为切实抓好施工升降设备安全工作，决定成立领导小组。\n组长：赵一勇，副组长：张二华、陈三，"
        "成员：杨四瑶。\n", [
            ("领导小组", "组长", "赵一勇", None),
            ("领导小组", "副组长", "张二华", None),
            ("领导小组", "副组长", "陈三", None),
            ("领导小组", "成员", "杨四瑶", None),
        ]),
    "a unit, a name and a title before the role in prose give the name and the title": (
        "区管委会成立宜居环境建设指挥部，指挥部下设办公室，挂靠区交通与建设局，由区交通与建设局赖某芳局长任办公室主任。", [
            ("宜居环境建设指挥部办公室", "办公室主任", "赖某芳", "局长"),
        ]),
    "承办 (what the office does for the group) is no part of the group's name": (
        "四、领导小组办公室职责（1）承办智慧城市建设领导小组交办的其他事项。五、领导小组办公室人员组成 办公室挂靠区经济发展局，"
        "办公室副主任由李某强同志兼任。", [
            ("智慧城市建设领导小组办公室", "办公室副主任", "李某强", None),
        ]),
    "a numbered group's heading names it whole, and a later list glued to its number takes that number": (
        "现就成立片区安全生产检查组事项通知如下：\n一、片区安全生产检查组第一组\n组 长：林 武\n"
        "成 员：党群工作处、经济发展处职责：负责党群领域的安全生产检查工作第二组\n组 长：任 贵\n"
        "成 员：交通与建设处职责：负责交通与建设领域的安全检查工作第三组\n组 长：林某庄\n成 员：农业农村处\n"
        "二、工作要求\n", [
            ("片区安全生产检查组第一组", "组长", "林武", None),
            ("片区安全生产检查组第二组", "组长", "任贵", None),
            ("片区安全生产检查组第三组", "组长", "林某庄", None),
        ]),
    "a 专班 set up under a 领导小组 is named whole, past the 领导 a post word would end": (
        "附件1 某片区应对新冠肺炎疫情工作领导小组春运工作专班成员名单 为了加强组织协调，经研究决定，成立某片区应对新冠肺炎"
        "疫情工作领导小组春运工作专班，专班成员组成如下：\n组 长：任 贵 党委委员、副局长\n副 组 长：林 勇 坛西联合党委书记\n", [
            ("某片区应对新冠肺炎疫情工作领导小组春运工作专班", "组长", "任贵", "党委委员、副局长"),
            ("某片区应对新冠肺炎疫情工作领导小组春运工作专班", "副组长", "林勇", "坛西联合党委书记"),
        ]),
    "a member's name spaced for print before the bare group word is no part of a group's name": (
        "经研究，决定成立某局旅游市场监管工作领导小组。现将有关事项通知如下：\n组 长：黄某希（党组书记、局长）\n"
        "成 员：林某勇、叶 峰、陈 强领导小组下设办公室，由叶峰同志任办公室主任。\n", [
            ("某局旅游市场监管工作领导小组", "组长", "黄某希", "党组书记、局长"),
            ("某局旅游市场监管工作领导小组", "成员", "林某勇", None),
            ("某局旅游市场监管工作领导小组", "成员", "叶峰", None),
            ("某局旅游市场监管工作领导小组", "成员", "陈强", None),
            ("某局旅游市场监管工作领导小组办公室", "办公室主任", "叶峰", None),
        ]),
    "a section heading a copy glued before the group's name is no part of it": (
        "一、组织构架某片区整治违规施工工作领导小组具体组成人员如下：组长：巫某洪 政法综治处处长 成员：柯某 政法综治处四级主任科员", [
            ("某片区整治违规施工工作领导小组", "组长", "巫某洪", "政法综治处处长"),
            ("某片区整治违规施工工作领导小组", "成员", "柯某", "政法综治处四级主任科员"),
        ]),
    "a 指挥协调机构 is a group, and 总顾问 spaced for print one role": (
        "为强化组织领导，成立联合执法行动指挥协调机构，负责指导、协调解决联合行动中的重大问题。\n总 顾 问：陈某寿　游某标\n"
        "总 指 挥：林某发\n副总指挥：曾某澜　游　华\n指挥协调机构下设执法办案组、指挥协调组和信息宣传组。\n", [
            ("联合执法行动指挥协调机构", "总顾问", "陈某寿", None),
            ("联合执法行动指挥协调机构", "总顾问", "游某标", None),
            ("联合执法行动指挥协调机构", "总指挥", "林某发", None),
            ("联合执法行动指挥协调机构", "副总指挥", "曾某澜", None),
            ("联合执法行动指挥协调机构", "副总指挥", "游华", None),
        ]),
    "a one-character remark after a listed name (（兼）) is its position, the next name after 、 its own entry": (
        "成立某局安全生产工作领导小组。领导小组下设办公室，办公室主任由方某兼任，成员：杨某宝（兼）、郭某燕。", [
            ("某局安全生产工作领导小组办公室", "办公室主任", "方某", None),
            ("某局安全生产工作领导小组办公室", "成员", "杨某宝", "兼"),
            ("某局安全生产工作领导小组办公室", "成员", "郭某燕", None),
        ]),
    "two names joined by 和 in prose (成员由周某和郑某同志兼任) are two entries": (
        "成立某统计调查工作领导小组。领导小组下设办公室，主任由施某福同志兼任，成员由周某和郑某同志兼任，联络员由周某同志兼任。", [
            ("某统计调查工作领导小组办公室", "主任", "施某福", None),
            ("某统计调查工作领导小组办公室", "成员", "周某", None),
            ("某统计调查工作领导小组办公室", "成员", "郑某", None),
            ("某统计调查工作领导小组办公室", "联络员", "周某", None),
        ]),
    "常务副主任委员 is one role, not a post ending in 常务副主任 before 委员": (
        "现将调整后的某区规划委员会组成人员名单通知如下： 主任委员 张某民 区党工委书记常务副主任委员 林某耀 区党工委副书记\n", [
            ("某区规划委员会", "主任委员", "张某民", "区党工委书记"),
            ("某区规划委员会", "常务副主任委员", "林某耀", "区党工委副书记"),
        ]),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_group_names(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert [(h.group, h.role, h.name, h.position) for h in find_leaders(text)] == expected


def test_an_attachment_label_after_a_list_is_no_member() -> None:
    text = ("成立体育考试工作领导小组。\n成 员：林一华 社会事业局副局长 附件2 平潭年初中毕业升学体育考试免考申请表\n")
    assert [(h.name, h.position) for h in find_leaders(text)] == [("林一华", "社会事业局副局长")]


def test_a_sentence_saying_what_a_plan_applies_to_or_what_a_bodys_office_is_ends_before_the_groups_name() -> None:
    text = ("1.4 适用范围本预案适用于某某区某某片区防汛抗旱指挥部对辖区内洪水灾害的处置。"
            "某片区管理局设立片区防指，其办事机构为某某片区防汛抗旱指挥部办公室，依托片区综治办。")
    names = [m.name for m in find_group_mentions(text) if not m.bare]
    assert names and all(name.startswith("某某") for name in names)


@pytest.mark.parametrize("text, name", [
    ("工作中重点抓好区防汛指挥部的各项部署。", "区防汛指挥部"),
    ("信息发布组由政法综治处按照区防汛抗旱指挥部的要求发布。", "区防汛抗旱指挥部"),
    ("进一步健全和完善政务公开工作领导小组的职责。", "政务公开工作领导小组"),
    ("汇总后同时上报赛区执委会和青运会组委会。", "赛区执委会和青运会组委会"),
])
def test_a_clause_read_back_from_a_group_word_is_no_part_of_its_name(text: str, name: str) -> None:
    assert [m.name for m in find_group_mentions(text) if not m.bare] == [name]


def test_a_group_word_gives_way_to_the_word_its_last_character_opens() -> None:
    # 筹备工作组委会: the body set up is a 组委会 (organising committee), not a 工作组 followed by 委会
    text = ("成立某片区首届“迎春文化节”活动筹备工作组委会。主 任：林一凤 片区管理局局长\n"
            "组委会下设2个工作组。（一）综合协调组组 长：胡二荣\n")
    leaders = [(h.group, h.role, h.name) for h in find_leaders(text)]
    assert ("某片区首届“迎春文化节”活动筹备工作组委会", "主任", "林一凤") in leaders
    assert all(group.startswith("某片区首届“迎春文化节”活动筹备工作组委会") for group, _, _ in leaders)


def test_parts_a_counted_setting_up_lists_belong_to_the_group_the_text_names_most() -> None:
    # 组建3个组，分别为…: each part heads its prose roles; its parent is the command the text names (by its short
    # name too), not the body above it named in the sentence before the list
    text = ("成立某某区东山片区防汛抗旱指挥部（以下简称片区防指）。片区防指负责辖区防汛工作。片区防指及时传达"
            "区防汛指挥部的指令。根据实际需要组建3个组，分别为综合组、抢险组、后勤组。"
            "（1）综合组：组长由片区管理局副局长陈一朝担任。（2）抢险组：组长由片区管理局人武部部长担任。"
            "（3）后勤组：组长由片区管理局党委委员周二岚担任。")
    groups = {(h.group, h.role, h.name) for h in find_leaders(text)}
    assert groups == {
        ("某某区东山片区防汛抗旱指挥部综合组", "组长", "陈一朝"),
        ("某某区东山片区防汛抗旱指挥部抢险组", "组长", None),
        ("某某区东山片区防汛抗旱指挥部后勤组", "组长", "周二岚"),
    }
