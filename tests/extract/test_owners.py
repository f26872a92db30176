"""find_owners: who a task item belongs to, from sentences written for these tests after the shapes
of the development gold (labelled lists, ``X负责``, distributive ``各X要``, permissions)."""

from __future__ import annotations

import pytest

from docproc.extract.outline import load_section_classes
from docproc.extract.owners import find_owners, heading_unit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("牵头单位：区行政审批局、区效能办", ["区行政审批局", "区效能办"]),
        ("鼓励各领域各类主体主动参与绿色电力市场交易。（责任单位：区投促办）", ["区投促办"]),  # encouraged, not owning
        ("全面排查，分类建档。相关部门：区公安分局、区城管执法局、属地街道等。", ["区公安分局", "区城管执法局", "属地街道"]),
        ("各乡镇人民政府、各相关部门要自行梳理其他违法项目。", ["各乡镇人民政府", "各相关部门"]),  # a subject, not the label
        ("建立保护清单。(区农业农村委、区规划资源局牵头，各街镇、开发区、头桥集团配合实施)",
         ["区农业农村委", "区规划资源局", "各街镇", "开发区", "头桥集团"]),  # a development zone is a unit
        ("市政绿化管养由区城建中心负责落实。", ["区城建中心"]),  # the unit after 由, not the work before it
        ("依托新片区管委会、各镇既有的信息平台，持续完善应用场景。", []),  # a 各 word a verb governs is no subject
        ("加强岸电对接。（牵头部门：市交通委港务监管处；实施部门：市港航中心、各区交通主管部门）",
         ["市交通委港务监管处", "市港航中心", "各区交通主管部门"]),
        ("加强监督检查。（区市场监管局、区公安局按职责分工负责）", ["区市场监管局", "区公安局"]),
        ("各省要建立工作台账，按月报送进展。", ["各省"]),
        ("各渔港所在村要明确防台责任人。", ["各渔港所在村"]),  # 所在: no preposition ending the subject
        ("各省可结合实际制定细则。", []),  # a permission gives no duty
        # the subject runs on to its unit before the duty
        ("各省（区、市）人民政府要统筹建设监管平台。", ["各省（区、市）人民政府"]),
        ("各村党支部要组建志愿者队伍。", ["各村党支部"]),
        ("符合条件的项目，各部门要积极向上协助争取支持。", ["各部门"]),  # 要积极向上 tells the subject; no unit
        ("各辖区派出所要加强校园周边巡逻。", ["各辖区派出所"]),
        # named units listed with a distributive subject before its duty own the item with it (X各Y is distributive too)
        ("各辖区派出所、综合执法大队要开展秩序整顿。", ["各辖区派出所", "综合执法大队"]),
        ("辖区各派出所、党群工作处要做好交通安全宣传。", ["辖区各派出所", "党群工作处"]),
        ("各联合党委、农业农村处、区海洋与渔业执法支队第三大队和各渔业村要组织渔船开展消防安全自检自查。",
         ["各联合党委", "农业农村处", "区海洋与渔业执法支队第三大队", "各渔业村"]),
        ("各村、派出所要配合市场监管局开展检查。", ["各村"]),  # told to help another unit: no owner
        # named units listed before the distributive one, from the clause's start, own it too (a point's 一是 is none)
        ("开辟宣传阵地。政法综治处、各村要充分利用报刊媒体开展宣传。", ["政法综治处", "各村"]),
        ("交通与建设处、政法综治处、辖区各派出所及综合执法队要加强校园周边环境综合治理。",
         ["交通与建设处", "政法综治处", "辖区各派出所", "综合执法队"]),
        ("加强燃气安全宣传。县液化气管理站、各燃气企业要结合活动加强宣传教育。", ["县液化气管理站", "各燃气企业"]),
        ("开展宣讲。一是各处室、各单位要通过讲座开展安全宣讲。", ["各处室", "各单位"]),
        ("派出所、各村要配合市场监管局开展检查。", ["各村"]),  # told to help another unit: no owner
        ("各监管单位成立检查小组，副组长由区房管局、区建管委分管领导担任，要加强检查。", ["各监管单位"]),  # not its list
        # but not on to a whole phrase: 各地 owns it, the rest is what it must do
        ("各地在推进试点的同时要加强监管。", ["各地"]),
        # 由X牵头，Y与Z等…分工负责: each unit, split at a 与 between two units, not inside 交通与建设处
        ("由社会事业处牵头,交通与建设处与资源生态处等有关处室和单位分工负责。",
         ["社会事业处", "交通与建设处", "资源生态处"]),
        # X负责 + what it does: the unit owns it; named units told 要配合 own nothing; 村干部 is people
        ("社会事业处负责制定工作方案；党群工作处负责做好政策宣传工作。", ["社会事业处", "党群工作处"]),
        ("社会事业处负责牵头协调，督促各校建立机制。", ["社会事业处"]),
        ("辖区派出所、综合执法大队要配合区市场监督管理局强化监管。", []),
        ("各相关部门要将村干部参与宣传工作纳入考评。", ["各相关部门"]),
        ("各校要全面掌握学生变动情况。", ["各校"]),
        ("各居委对辖区内独居老人进行一次全面排摸。", ["各居委"]),  # a preposition ends the subject
        # a unit labelled with its contact person: the unit, without the person; people are no unit
        ("牵头单位联系人：区交建局住房发展处高兆霞 落实单位责任人：正荣地产叶铭", ["区交建局住房发展处", "正荣地产"]),
        ("牵头单位联系人:包片干部和社区干部 落实单位责任人：正荣物业王黎明", ["正荣物业"]),
        ("各村要组织清理卫生死角。责任单位：党政办公室、各村委会", ["党政办公室", "各村委会"]),  # 各村 = 各村委会
        # a class of units listed with a distributive subject owns the item too, before its duty or its date
        ("各居村、相关责任单位要对排查中发现的危房开展整治。", ["各居村", "相关责任单位"]),
        ("各居村、相关责任单位于2021年6月20日前，对房屋完成重点排查。", ["各居村", "相关责任单位"]),
        ("各学校教师要切实做好帮扶工作。", []),  # the people of the units, not the units
        # a labelled list is split at its punctuation only
        ("责任单位：政法综治处、辖区内各司法所和派出所", ["政法综治处", "辖区内各司法所和派出所"]),
        # a 各 word inside what a scope covers is a thing listed, not a subject
        ("主要包括卫生院、各健康检测等待区域、集中居住场所等。", []),
        ("包括各类学校、各类医院和养老机构等特殊场所。", []),
        ("各分局应及时汇总“三考”期间相关工作情况，并报送至食品处。", ["各分局"]),  # a bureau's branch offices
        ("由市场规范处牵头，辖区分局组织开展电子通讯器材市场集中整治。", []),  # who leads, no duty divided
        ("责任分工：由资源生态处牵头，农业农村处、各村委会配合。", ["资源生态处", "农业农村处", "各村委会"]),
        ("各部门各单位要深刻吸取事故教训，全面排查燃气安全隐患。", ["各部门", "各单位"]),  # two kinds of unit, glued
        ("落实帮扶工作，定期上门宣传提示消防安全。（政法综治处、各村居负责）", ["政法综治处", "各村居"]),  # units, not duty
        ("开展罐区隐患排查整治。（区综合执法局（区安监局）牵头，区经济发展局、公安局等按职责分工负责，2018年3月底前完成）",
         ["区综合执法局（区安监局）", "区经济发展局", "公安局"]),  # a unit with its other name in brackets
        ("全区各行业协会商会要对照通知要求，自觉调整和规范一批收费项目。", ["全区各行业协会商会"]),  # associations
        ("各协会要主动公开收费项目。", ["各协会"]),
        # 协助 is a responsibility word as 配合 is; what is asked for (要求协助) names no owner
        ("由资源生态处牵头，君山片区自然资源服务站协助核实。", ["资源生态处", "君山片区自然资源服务站"]),
        ("受理各级、各部门要求协助处理的劳资纠纷案件。", ["各部门"]),  # (not 各部门要求)
        ("强化社会参与。各联合党委、各处室要充分利用广播电视持续加强宣传教育。", ["各联合党委", "各处室"]),  # 社会 is no unit
        # the last labelled unit runs into its own duty: the unit, not the duty
        ("责任单位：区综合执法局、市场监督管理局牵头，区直相关部门，区管委会办公室政策法规处负责法制审查工作",
         ["区综合执法局", "市场监督管理局", "区直相关部门", "区管委会办公室政策法规处"]),
        # 一是…；二是X牵头…: the enumerator is no part of the unit
        ("安全管理措施：一是增设安全警示牌；二是交通与建设处牵头，对农村公路进行整改。", ["交通与建设处"]),
    ],
)
def test_find_owners(text: str, expected: list[str]) -> None:
    classes = load_section_classes()
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == expected


@pytest.mark.parametrize("heading, expected", [
    ("政法综治处:", "政法综治处"),
    ("某供电公司南区供电所:供电企业应定期对所属设施开展检查", "某供电公司南区供电所"),
    ("公安局驻某片区工作组：", "公安局驻某片区工作组"),
    ("各村（社区）：将防火要求纳入村规民约", "各村（社区）"),
    ("牵头单位：区行政审批局", None),  # a label, not a unit
    ("全区各单位办公室节能抽查抽查时间：", None),
    ("主要目标：", None),
    ("构建知识产权大保护工作格局", None),  # an act ending in 局, no bureau
    ("优化全市产业布局：", None),
    ("区市场监管局", "区市场监管局"),
])
def test_heading_unit(heading: str, expected: str | None) -> None:
    classes = load_section_classes()
    assert heading_unit(heading, classes.owner_labels, classes.deadline_labels) == expected


def test_a_unit_heading_owns_its_items() -> None:
    from docproc.extract.nlp import annotate
    from docproc.extract.outline import build_outline
    from docproc.extract.tasks import find_tasks

    text = ("四、整治措施及分工\n（一）政法综治处:\n1.组织开展宣传教育。\n2.督促各村（社区）制定防火公约。\n"
            "（二）交通与建设处:\n1.督促物业服务企业加强停放充电管理。\n")
    tasks = find_tasks(build_outline(text), load_section_classes(), annotate(text), 2021)
    assert [(t.number, t.title, t.owners) for t in tasks] == [
        ("（一）", "政法综治处", ["政法综治处"]),
        ("（一）1", "组织开展宣传教育", ["政法综治处"]),
        ("（一）2", "督促各村（社区）制定防火公约", ["政法综治处"]),
        ("（二）", "交通与建设处", ["交通与建设处"]),
        ("（二）1", "督促物业服务企业加强停放充电管理", ["交通与建设处"]),
    ]


def _tasks(text: str) -> list[tuple[str, str, list[str]]]:
    from docproc.extract.nlp import annotate
    from docproc.extract.outline import build_outline
    from docproc.extract.tasks import find_tasks

    tasks = find_tasks(build_outline(text), load_section_classes(), annotate(text), 2020)
    return [(t.number, t.title, t.owners) for t in tasks]


def test_a_bracket_closing_an_item_owns_the_item_and_its_sub_items() -> None:
    text = ("二、整治内容与责任分工\n（一）防洪防潮设施整治内容：\n1.全面检查水利工程。\n2.全面检查监测设施。\n"
            "（农业农村处牵头，政法综治处等相关处室、单位分工负责）\n（二）渔业整治内容：\n1.全面检查渔船。\n")
    owners = ["农业农村处", "政法综治处"]
    assert _tasks(text) == [
        ("（一）", "防洪防潮设施整治内容", owners),
        ("（一）1", "全面检查水利工程", owners),
        ("（一）2", "全面检查监测设施", owners),
        ("（二）", "渔业整治内容", []),
        ("（二）1", "全面检查渔船", []),
    ]


def test_labelled_lines_after_an_items_last_sub_item_own_the_item_and_its_sub_items() -> None:
    text = ("二、主要任务\n（一）深入学习宣传安全生产论述\n1.形成常态化学习制度。各级党委安排专题学习。\n"
            "2.形成宣传长效机制。构建安全生产宣传网络。\n牵头部门：区执法应急局，配合部门：各片区管理局、区社会事业局\n"
            "（二）落实企业主体责任\n3.构建全链条管理模式。推行安全生产责任保险。\n")
    owners = ["区执法应急局", "各片区管理局", "区社会事业局"]
    assert _tasks(text) == [
        ("（一）", "深入学习宣传安全生产论述", owners),
        ("（一）1", "形成常态化学习制度", owners),
        ("（一）2", "形成宣传长效机制", owners),
        ("（二）", "落实企业主体责任", []),
        ("（二）3", "构建全链条管理模式", []),
    ]


def test_a_bracket_closing_the_last_of_items_that_each_have_one_is_its_own() -> None:
    text = ("二、重点任务\n（一）打造制造中心。\n1.统筹两个市场。（商务部负责）\n2.推动创新创业。（海关总署负责）\n")
    assert _tasks(text) == [
        ("（一）", "打造制造中心", []),
        ("（一）1", "统筹两个市场", ["商务部"]),
        ("（一）2", "推动创新创业", ["海关总署"]),
    ]


def test_a_labelled_list_of_units_is_not_read_again_for_distributive_subjects() -> None:
    classes = load_section_classes()
    text = "责任分工：由资源生态处牵头，农业农村处、派驻执法队、各包村工作队、各村委会配合。"
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == [
        "资源生态处", "农业农村处", "派驻执法队", "各包村工作队", "各村委会"]


def test_lead_and_responsible_offices_labelled_after_the_item_and_a_leader_label_off_its_title() -> None:
    text = ("三、整治重点\n（一）医疗、检测场所。主要包括各类医院。\n牵头领导：周训岚\n牵头处室：社会事业处、交通与建设处\n"
            "责任处室（单位）：资源生态处、政法综治处，辖区各执法大队\n（二）城镇燃气（含管道燃气）牵头领导：李 平牵头处室：交通建设处"
            "责任处室（单位）：辖区各派出所\n")
    assert _tasks(text) == [
        ("（一）", "医疗、检测场所", ["社会事业处", "交通与建设处", "资源生态处", "政法综治处", "辖区各执法大队"]),
        ("（二）", "城镇燃气（含管道燃气）", ["交通建设处", "辖区各派出所"]),
    ]


@pytest.mark.parametrize("text, owners", [
    ("（牵头单位：县应急局；配合单位：县公安局、县交通局）", ["县应急局", "县公安局", "县交通局"]),
    ("责任单位：县应急局、县公安局（按职责分工负责）", ["县应急局", "县公安局"]),
    ("【责任单位：县应急局】", ["县应急局"]),
    ("责任单位：区市场监管局（金井分局）、区公安局", ["区市场监管局（金井分局）", "区公安局"]),
    ("（主责单位：县应急局；协办单位：县公安局）", ["县应急局", "县公安局"]),
    ("责任单位为县应急局、县公安局。", ["县应急局", "县公安局"]),
    ("（责任单位：县应急局 县公安局）", ["县应急局", "县公安局"]),
    ("（县应急局，县公安局）", ["县应急局", "县公安局"]),
    ("（县应急局、县公安局，各乡镇）", ["县应急局", "县公安局", "各乡镇"]),
    ("（含加油站、加气站）", []),
])
def test_labelled_owners_inside_brackets_and_with_a_bracketed_qualifier(text: str, owners: list[str]) -> None:
    classes = load_section_classes()
    assert find_owners("全面排查隐患。" + text, classes.owner_labels, classes.deadline_labels) == owners


def test_items_headed_by_a_department_alone_or_run_into_its_paragraph_are_that_departments() -> None:
    text = ("三、活动内容及分工\n（一）质量技术监督管理处\n1.深入开展电梯维保单位专项整治。\n"
            "（二）知识产权保护处聚焦民生领域，深入开展知识产权专项行动。\n（三）大力宣传安全生产重大决策部署\n1.积极宣传政策措施。\n")
    assert _tasks(text) == [
        ("（一）", "质量技术监督管理处", ["质量技术监督管理处"]),
        ("（一）1", "深入开展电梯维保单位专项整治", ["质量技术监督管理处"]),
        ("（二）", "知识产权保护处", ["知识产权保护处"]),
        ("（三）", "大力宣传安全生产重大决策部署", []),  # an act, not a department
        ("（三）1", "积极宣传政策措施", []),
    ]


def test_a_notice_laid_out_as_a_one_row_table_gives_its_items_the_owner_cells() -> None:
    from tests.extract.test_frame import notice_record

    text = ("某区市场监督管理局关于开展2017年红盾护农专项行动工作的通知\n各有关单位：\n"
            "经研究，决定开展红盾护农专项行动。现将有关事项通知如下：专项名称2017年红盾护农专项行动分管领导王某"
            "牵头单位市场规范管理处、质量技术监督管理处配合单位消费者权益保护处、稽查支队，各分局工作任务（一）创新监管方式，"
            "加强部门协调。要认真转变监管理念。\n（二）突出整治重点，加大监管力度。适时组织开展专项执法行动。\n"
            "（三）依法查处销售侵权盗版出版物的行为。重点检查出版物市场。（责任单位：知识产权处、各分局）时间安排2017年4月20日至"
            "10月30日注意事项（一）加强领导，落实责任。各单位要高度重视整治工作，尤其是在重点时段，集中执法力量，采取有效措施，"
            "抓好工作落实，认真制定整治工作方案，精心组织部署。\n某区市场监督管理局\n2017年4月14日\n")
    cells = ["市场规范管理处", "质量技术监督管理处", "消费者权益保护处", "稽查支队", "各分局"]
    assert [(t["number"], t["title"], t["owners"]) for t in notice_record(text)["tasks"]] == [
        ("（一）", "创新监管方式，加强部门协调", cells),
        ("（二）", "突出整治重点，加大监管力度", cells),
        ("（三）", "依法查处销售侵权盗版出版物的行为", ["知识产权处", "各分局"]),
    ]


def test_a_paired_heading_run_into_the_units_told_their_duty_gives_those_units() -> None:
    """（一）突出活动主题，积极开展…活动各处室（中心），…各村（居）要…: the title ends before the units, which own it."""
    text = ("二、重点任务\n（一）突出活动主题，积极开展各类防灾减灾宣教活动各处室（中心），东庠办事处，各村（居）要认真组织"
            "开展今年全国防灾减灾日各项活动。\n（二）强化科普宣传，全力提升全民灾害风险防范能力各处室（中心）要结合实际开展宣传。\n")
    assert _tasks(text) == [
        ("（一）", "突出活动主题，积极开展各类防灾减灾宣教活动", ["各处室（中心）", "各村（居）"]),
        ("（二）", "强化科普宣传，全力提升全民灾害风险防范能力", ["各处室（中心）"]),
    ]


def test_a_measures_heading_run_into_its_paragraph_heads_a_task_section() -> None:
    """一、重点路段管控措施坛南湾景区路段作为…: a copy lost the heading's line break; its items are tasks."""
    text = ("一、重点路段管控措施坛南湾景区路段作为金井片区旅游交通重点路段，采取“平战”结合的管控措施。\n"
            "（一）平时状态管控。坛南湾景区路段在平时状态道路正常通行。\n"
            "（二）战时状态管控。当田美澳全部停车场即将爆满时，启动战时管控状态。（牵头单位：区公安局金井支队）\n"
            "二、工作要求\n（一）统一思想，提高认识。各相关责任单位要牢固树立大局意识。\n")
    assert _tasks(text) == [
        ("（一）", "平时状态管控", []),
        ("（二）", "战时状态管控", ["区公安局金井支队"]),
    ]


def test_a_bracketed_责任分工_label_owns_its_item_and_a_bracket_left_open_ends_with_its_line() -> None:
    text = ("二、主要任务\n（一）健全责任体系\n1.落实部门监管责任。严格落实监管责任。（责任分工：党群工作处、经济发展处依据职责负责）\n"
            "2.落实基层管理责任。加强基层管理。（责任分工：各村居联合党委、各处室、各村（社区）\n"
            "3.落实单位主体责任。压实主体责任。（责任分工：政法综治处牵头，区公安局配合）\n")
    assert _tasks(text) == [
        ("（一）", "健全责任体系", []),
        ("（一）1", "落实部门监管责任", ["党群工作处", "经济发展处"]),
        ("（一）2", "落实基层管理责任", ["各村居联合党委", "各处室", "各村（社区）"]),
        ("（一）3", "落实单位主体责任", ["政法综治处", "区公安局"]),
    ]


def test_how_a_labelled_unit_takes_part_is_no_part_of_its_name() -> None:
    text = "责任分工：区规划局负责开展规划编制工作，白青乡人民政府组织实施,区直有关部门配合,区交通与建设局业务检查指导"
    classes = load_section_classes()
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == [
        "区规划局", "白青乡人民政府", "区直有关部门", "区交通与建设局"]


def test_a_labelled_list_splits_at_及_after_a_village_or_a_team() -> None:
    classes = load_section_classes()
    text = "责任单位：局交通与建设处、资源生态处、各相关村居及包村居工作队"
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == [
        "局交通与建设处", "资源生态处", "各相关村居", "包村居工作队"]


@pytest.mark.parametrize("text, expected", [
    ("（各处室（中心）牵头负责本行业治理，其中交通与建设处、农业农村处负责房建领域）", ["各处室（中心）", "交通与建设处", "农业农村处"]),
    ("片区各相关处室要积极配合区直部门开展排查。", ["片区各相关处室"]),
    ("规范化老年协会应积极配合上级单位，做好协会的登记工作。", []),  # told to help another, with an adverb between
])
def test_a_unit_named_after_其中_and_one_told_how_eagerly_to_help(text: str, expected: list[str]) -> None:
    classes = load_section_classes()
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == expected


def test_a_bureaus_own_offices_after_a_comma_are_one_unit() -> None:
    # 区交建局各村 names two units; 局各处室 after a 、 is the bureau's offices
    classes = load_section_classes()
    text = "推动党员学习教育提质增效。（牵头处室：局党建人事处；责任处室：局各处室、机关党支部）"
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == ["局党建人事处", "局各处室", "机关党支部"]


@pytest.mark.parametrize("text, expected", [
    # one list across a comma before its responsibility word, 海关 a unit
    ("严格实施禁限措施。（区经发局、区资源生态局，平潭海关等按职责分工负责）", ["区经发局", "区资源生态局", "平潭海关"]),
    ("实施风险筛查评估。（区资源生态局牵头，区经发局、区市场监管局，平潭海关等按职责分工负责）",
     ["区资源生态局", "区经发局", "区市场监管局", "平潭海关"]),
    # a comma after a clause of its own stays a comma (区资源生态局牵头 is no bare unit)
    ("落实环境信息调查。（区资源生态局牵头，区经发局配合）", ["区资源生态局", "区经发局"]),
])
def test_units_of_one_list_split_by_a_comma_in_the_closing_bracket(text: str, expected: list[str]) -> None:
    classes = load_section_classes()
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == expected


def test_units_labelled_支撑单位_own_the_item_beside_its_lead_units() -> None:
    classes = load_section_classes()
    text = "推进城市更新项目。（牵头单位：经济技术开发区、九里亭街道，支撑单位：区规划资源局、区建设管理委）"
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == [
        "经济技术开发区", "九里亭街道", "区规划资源局", "区建设管理委"]


def test_a_partner_after_与_owns_nothing() -> None:
    classes = load_section_classes()
    text = "开展环境整治和除“四害”活动。各村要组织人员，与专业防治队配合开展灭鼠灭蚊。"
    assert "与专业防治队" not in find_owners(text, classes.owner_labels, classes.deadline_labels)


@pytest.mark.parametrize("text, expected", [
    ("强化消防应急处置。农业农村处和区海洋与渔业执法支队第三大队要加强渔业船员培训。",
     ["农业农村处", "区海洋与渔业执法支队第三大队"]),
    ("加强监测预警。气象、水利、自然资源等部门要积极应用地质灾害气象风险预警系统。", ["气象", "水利", "自然资源"]),
    ("农机、财政部门要积极宣传购机补贴政策。", ["农机部门", "财政部门"]),  # a bare first word shares the unit's ending
    ("区、县相关燃气主管部门要立即组织开展大检查。", ["区相关燃气主管部门", "县相关燃气主管部门"]),
    ("住房和城乡建设局、区应急管理局应当加强联动。", ["住房和城乡建设局", "区应急管理局"]),
    ("公安、消防和城管等部门要加强联动。", ["公安", "消防", "城管"]),  # 和 joins parties summed up by 等部门
    ("住房和城乡建设局、财政局等部门要加强联动。", ["住房和城乡建设局", "财政局"]),  # but not inside a unit's name
    ("区交通局要加强领导。", []),  # a single named unit told its duty owns nothing (the first owner convention)
    ("派出所、综合执法大队要配合市场监管局开展检查。", []),  # told to help another unit
    ("客运站点、客运码头等人员密集场所要重点排查消防设施。", []),  # places, not who acts
])
def test_the_parties_a_sentence_lists_before_its_modal_each_own_the_item(text: str, expected: list[str]) -> None:
    classes = load_section_classes()
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == expected


@pytest.mark.parametrize("text, expected", [
    ("分级分类实施约谈督办。〔责任分工：苏平片区消安委依据职责负责〕", ["苏平片区消安委"]),
    ("严格履行行业消防安全监管责任。〔责任分工：区公安局苏平支队、各处室依据行业分管负责〕", ["区公安局苏平支队", "各处室"]),
    ("组织全面排查。〔责任分工：政法综治处、区公安局苏平支队各村委会依据职责负责〕",
     ["政法综治处", "区公安局苏平支队", "各村委会"]),
])
def test_a_labelled_list_in_tortoise_shell_brackets_ends_at_its_bracket(text: str, expected: list[str]) -> None:
    classes = load_section_classes()
    assert find_owners(text, classes.owner_labels, classes.deadline_labels) == expected
