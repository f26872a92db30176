"""task_title: a task item's heading phrase, on headings written for these tests."""

from __future__ import annotations

import pytest

from docproc.extract.tasks import task_title


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("全面开展清产核资（2018年4-9月）。对辖区企业逐一核查。", "全面开展清产核资"),
        ("建立长效机制（长期）", "建立长效机制"),
        ("完成整改验收(11月底前)", "完成整改验收"),
        # a remark that merely holds a number is part of the heading
        ("建立经营单位名单（见附件1，新增企业一并纳入考核）。", "建立经营单位名单（见附件1，新增企业一并纳入考核）"),
        ("牵头单位：区应急局", "牵头单位"),
        # an inspection item laid out in fields: its title ends before the first field's label
        ("医院命名巡查方式：实地查看、网络检索。检查对象：医院网站。", "医院命名"),
        # a paragraph opening with 积极配合/配合上级 after a heading printed without its break
        ("加强水资源保护积极配合落实最严格水资源管理制度", "加强水资源保护"),
        ("加强水环境治理配合上级部门排查水环境隐患", "加强水环境治理"),
        # a distributive subject's duty run onto a four-character heading, 各级各… too
        ("护校安园各校要强化安防建设", "护校安园"),
        ("重点任务各级各有关部门要按照方案要求逐项抓好落实", "重点任务"),
        # the colon of a time is no label's
        ("区协和医院（每周一至周日）上午8：30-11：30 下午14:30-18:30", "区协和医院（每周一至周日）上午8：30-11：30下午14:30-18:30"),
        # a heading run into its paragraph: a unit's duty or the time it holds begins the paragraph
        ("全方位宣传活动社会事业处要主动对接区爱卫办，印制宣传海报", "全方位宣传活动"),
        ("持续扎实开展健康教育工作在爱国卫生月期间，各村要及时更新专栏", "持续扎实开展健康教育工作"),
        # …情况/对象/信息/隐患 ran into a paragraph that opens 一要, 对…，, 内容上, 结合
        ("识别认定新增监测对象一要全面排查农户实际生活状况", "识别认定新增监测对象"),
        ("排查监测对象帮扶措施落实情况对未消除风险监测对象的帮扶情况进行排查，重点关注措施", "排查监测对象帮扶措施落实情况"),
        ("排查规模性返贫风险隐患内容上，重点排查突发公共事件", "排查规模性返贫风险隐患"),
        ("抓好道路交通安全隐患整改工作片区道安办要根据区道安办工作指导，配合", "抓好道路交通安全隐患整改工作"),
        ("抓好道路交通安全宣传工作片区道安办、各村委会要通过微信、LED屏等形式加大警示力度", "抓好道路交通安全宣传工作"),
        # a paragraph opening with the day its work is due
        ("加强重点行业消防安全管理2020年12月底前，组织对学校开展排查", "加强重点行业消防安全管理"),
        ("完成2020年度工作总结报告", "完成2020年度工作总结报告"),  # a year inside the heading
        # after a verb of the work (监测, 检查 …) only an opener or a unit's duty begins the paragraph
        ("落实排污单位自行监测排污单位要依照法律法规要求，落实主体责任", "落实排污单位自行监测"),
        ("开展专项检查监测 根据《检查监测要点》，按照“双随机”原则开展", "开展专项检查监测"),
        # the bureau's own sentence after a space (我局…将), a quoted phrase inside the heading before 一是
        ("开展安全隐患排查治理活动 我局商务处将结合商贸企业安全生产实际，切实开展督查", "开展安全隐患排查治理活动"),
        ("围绕“效率、廉洁、质量”开展监督检查一是检查效率情况，对项目前期工作", "围绕“效率、廉洁、质量”开展监督检查"),
        # the paragraph opens naming the unit that does the work (由…处提供), or with 基于
        ("摸清重点人员底数由社会事业处提供民宿清单，经济发展处提供摊位点清单", "摸清重点人员底数"),
        ("线上宣传报道由旅游市场秩序整治专班牵头，跟进各联合党委任务进展", "线上宣传报道"),
        ("专项整治行动基于梳理得到的重点打击区域，由专班牵头制定方案", "专项整治行动"),
        # a unit inside the heading's own phrase, a paired heading: no cut there
        ("建立由区管委会办公室牵头的协调机制，定期会商", "建立由区管委会办公室牵头的协调机制，定期会商"),
        ("核实核准监测对象信息对新识别的监测对象，逐户核实", "核实核准监测对象信息"),
        # a copy that lost the line break: the paragraph restates the heading, opens with years, follows a label,
        # or (a long first sentence with no comma) opens with an adverb after the heading's noun
        ("产权登记产权登记情况、产权登记管理制度建设及执行情况等。", "产权登记"),
        ("国有资产交易2019年至2022年期间，企业产权转让等国有资产交易情况。", "国有资产交易"),
        ("排查范围旅行社、星级饭店、风景名胜区、A级旅游景区。", "排查范围"),
        ("宣传阐释专项行动的重大意义深入宣传解读部署开展打击整治养老诈骗专项行动在坚持以人民为中心的发展思想方面的重大意义，弘扬传统",
         "宣传阐释专项行动的重大意义"),
        ("清理范围主要包括以下四类：", "清理范围主要包括以下四类"),  # a sentence about the label, not its content
        ("在职责范围内，配合消防等部门规划停放充电场所。", "在职责范围内，配合消防等部门规划停放充电场所"),
        ("加强组织领导，推动工作全面落实。", "加强组织领导，推动工作全面落实"),  # a short heading keeps its words
        # a paragraph's first words after a short or paired heading (一是, 本次, 为加强, 重点检查), not inside a clause
        ("城镇燃气一是检查各燃气企业生产经营证照是否齐全。", "城镇燃气"),
        # 根据 opens the paragraph a copied heading ran into; not after a modal (各学校需根据…: the heading's own verb)
        ("网络食品抽检任务根据2017年网络食品抽检情况，2018年计划抽检10批次。", "网络食品抽检任务"),
        ("夯实消防基础，提高安全水平根据《乡镇消防队》的建设标准，及时调整充实专职消防队伍。", "夯实消防基础，提高安全水平"),
        ("各学校需根据《义务教育法》制定控辍保学工作实施方案。", "各学校需根据《义务教育法》制定控辍保学工作实施方案"),
        ("法规要求落实情况 包括辐射安全许可证制度落实情况，环境影响评价制度落实情况。", "法规要求落实情况"),
        ("水上交通本次检查的范围为：", "水上交通"),
        ("加强领导，确保责任落实为加强对伏季休渔工作的领导，成立领导小组。", "加强领导，确保责任落实"),
        ("全面检查农村低洼易涝点安全隐患，配合供电公司重点检查排涝站双电源配备情况。",
         "全面检查农村低洼易涝点安全隐患，配合供电公司重点检查排涝站双电源配备情况"),
        ("涉水领域活动的设施设备要重点检查，救生员要配齐。", "涉水领域活动的设施设备要重点检查，救生员要配齐"),
        # a short area heading (X方面) names the item; …等方面 and …方面的 are inside a heading
        ("工程建设方面重点排查施工、监理单位是否按要求落实人员配备", "工程建设方面"),
        ("危改房方面排查、处置片区内住房安全隐患问题", "危改房方面"),
        ("检查选址、用电用气安全等方面情况。", "检查选址、用电用气安全等方面情况"),
        ("加强安全管理方面的工作。", "加强安全管理方面的工作"),
        # a paired heading (X，Y) run into a unit's duty (各…要)
        ("加强协同配合，形成防控合力各相关处室要积极做好整治工作。", "加强协同配合，形成防控合力"),
        ("督促各地要加强监管。", "督促各地要加强监管"),
        # a long first clause run on from a short heading: the paragraph opens with who leads (由…牵头/负责)
        ("广泛开展动员宣传由旅游市场整治专班和海上船舶整治专班牵头，各联合党委积极动员各村居转发通告。", "广泛开展动员宣传"),
        ("安全生产工作由分管领导负责。", "安全生产工作由分管领导负责"),  # a short sentence is the heading itself
        # a heading ending on a noun of the work (措施, 运行, 内容) run into a verb that opens the paragraph (推动, 明确)
        ("建立健全配套措施推动加强服务中心、党群服务中心、信息平台等硬件和软件建设。", "建立健全配套措施"),
        ("完善监督评价机制明确积分事项的监督主体、监督对象、监督方式等，形成监督合力。", "完善监督评价机制"),
    ],
)
def test_task_title(heading: str, expected: str) -> None:
    assert task_title(heading) == expected


@pytest.mark.parametrize("heading", ["一、推广的改革举措（共2项）", "一、活动内容："])
def test_a_task_heading_with_a_count_or_a_colon_after_it_holds_tasks(heading: str) -> None:
    from tests.extract.test_frame import notice_record

    text = f"某局关于开展活动的通知\n各科室：\n{heading}\n（一）开展宣传活动。各科室要加强宣传。\n（二）组织整治活动。\n某局\n2022年3月1日\n"
    assert [(t["number"], t["title"]) for t in notice_record(text)["tasks"]] == [("（一）", "开展宣传活动"), ("（二）", "组织整治活动")]


def test_a_top_level_heading_run_into_its_paragraph_is_classed_by_its_own_words() -> None:
    from tests.extract.test_frame import notice_record

    text = ("某局关于开展专项行动的通知\n各处室：\n三、重点行业领域整治重点各处室要根据职责分工，抓好落实。\n"
            "（一）危险化学品：对照标准进行整治。\n（二）燃气：重点整治隐患。\n"
            "四、工作安排专项行动分两个阶段，各处室要按照各阶段工作重点有序推进。\n（一）动员部署（2023年6月2日前）。制定方案。\n"
            "某局\n2023年5月20日\n")
    assert [(t["number"], t["title"]) for t in notice_record(text)["tasks"]] == [("（一）", "危险化学品"), ("（二）", "燃气")]


def test_a_task_heading_run_into_the_bureaus_own_units_duty_holds_tasks() -> None:
    from tests.extract.test_frame import notice_record

    # 二、试点任务|局各有关单位应当…: the bureau's units (局各…) open the paragraph, not 局 the heading's last word
    text = ("某局关于印发试点方案的通知\n各分局：\n二、试点任务局各有关单位应当规范行政执法程序，实现全过程留痕。\n"
            "（一）规范文字记录。文字记录方式包括执法文书。\n（二）推行音像记录。音像记录方式包括录像。\n某局\n2017年5月2日\n")
    assert [(t["number"], t["title"]) for t in notice_record(text)["tasks"]] == [("（一）", "规范文字记录"), ("（二）", "推行音像记录")]


def test_stage_labels_inside_a_task_section_are_no_tasks_and_no_part_of_a_number() -> None:
    from tests.extract.test_frame import notice_record

    text = ("某局关于印发整治方案的通知\n各处室：\n二、主要任务\n第一阶段为3月16日至4月15日，重点完成设施修复。"
            "第二阶段为4月16日至5月16日，重点完成绿化提升。\n（一）设施修复提升方面。加快修复。\n（二）环境卫生整治方面。提升保洁。\n"
            "某局\n2020年3月10日\n")
    assert [(t["number"], t["title"]) for t in notice_record(text)["tasks"]] == [
        ("（一）", "设施修复提升方面"), ("（二）", "环境卫生整治方面")]


def test_a_heading_run_into_its_paragraph_by_按照_and_a_kind_of_place_heading_items() -> None:
    from tests.extract.test_frame import notice_record

    text = ("某镇关于印发专项整治实施方案的通知\n各村：\n三、重点整治和分工严格按照《安全生产法》明确的职责分工，加大整治力度。\n"
            "（一）易燃易爆危险品场所：重点检查储存条件。\n（二）危险化学品：开展专项检查。\n某镇人民政府\n2017年4月1日\n")
    assert [(t["number"], t["title"], t["owners"]) for t in notice_record(text)["tasks"]] == [
        ("（一）", "易燃易爆危险品场所", []), ("（二）", "危险化学品", [])]
    assert task_title("沿街商铺由街面网格负责前端管理，具体工作如下：") == "沿街商铺由街面网格负责前端管理，具体工作如下"


def test_a_deadline_word_in_prose_is_no_label_of_the_tasks_date() -> None:
    from tests.extract.test_frame import notice_record

    text = ("某局关于迎评工作的通知\n各处室：\n二、工作任务\n1.自查自评。找出存在问题并制定整改措施、明确整改时限，确定责任处室。"
            "5月22日前上传自评相关材料至区统一平台。\n2.整改完善（完成时限6月10日前）。制定工作计划。\n某局\n2020年5月1日\n")
    record = notice_record(text)
    assert [(d["date"], d["what"]) for d in record["deadlines"]] == [
        ("2020-05-22", "上传自评相关材料"), ("2020-06-10", "整改完善")]
    assert [t["deadline"] for t in record["tasks"]] == ["2020-05-22", "2020-06-10"]


def test_a_heading_run_into_the_units_its_paragraph_tells_their_duty() -> None:
    """（一）保障清明祭扫安全各村居联合党委，各处室…要…: the heading ends where the distributive subject opens."""
    assert task_title("保障清明祭扫安全各村居联合党委，各处室，各村居及各有关单位要进一步加强组织领导") == "保障清明祭扫安全"
    assert task_title("建立健全安全工作机制 各村居联合党委，各处室要把保障清明祭扫安全作为当前的一项重要工作") == "建立健全安全工作机制"
    assert task_title("区直各有关单位负责各自产权范围内的公房的摸底排查工作，区综合执法局要依照有关规定") != "区直各有关单位负责"


def test_a_heading_run_into_the_department_its_paragraph_tells_its_duty() -> None:
    """靶向宣传教育社会事业处要督促…: the heading ends where the department opens its paragraph."""
    assert task_title("靶向宣传教育社会事业处要督促学校、养老院加强消防安全宣传") == "靶向宣传教育"
    assert task_title("强化部门联动党政办公室负责统筹协调") == "强化部门联动"


@pytest.mark.parametrize(
    "heading, expected",
    [
        # a copy ran the heading (ending on a noun) into a paragraph opening with an adverb or verb of the work
        ("检查指导帮扶重点运输企业深入辖区“两客一危一货”运输企业、客货运场站，支援、指导企业做好疫情防护",
         "检查指导帮扶重点运输企业"),
        ("集中排查清理重点车辆和驾驶人隐患督促企业严把从业人员资格准入关，与公安局建立信息共享机制",
         "集中排查清理重点车辆和驾驶人隐患"),
        ("加大交通安全宣传曝光力度充分运用广播、电视、报刊和“两微一抖”等平台，加大宣传报道", "加大交通安全宣传曝光力度"),
        # headings ending on 治理, 行动 or 管理 (the campaign's own nouns)
        ("强力推进道路隐患排查治理认真落实道路建设项目安全设施“三同时”综合监督管理，督促落实工作措施",
         "强力推进道路隐患排查治理"),
        ("开展高速公路通行服务提升行动督促企业落实对进入高速公路的货车称重检测，对超重的货车禁行劝返",
         "开展高速公路通行服务提升行动"),
        ("实行涉企经营许可事项清单管理严格按照改革清单的要求逐项梳理本辖区的涉企经营许可事项，编制清单",
         "实行涉企经营许可事项清单管理"),
        # a short first clause keeps its adverb: it is the heading's own
        ("推动企业全面落实安全责任，切实加强管理", "推动企业全面落实安全责任，切实加强管理"),
    ],
)
def test_a_heading_run_into_a_paragraph_opening_with_an_adverb(heading: str, expected: str) -> None:
    assert task_title(heading) == expected


@pytest.mark.parametrize("heading, holds_tasks", [
    ("核查内容对照《工程勘察资质标准》对企业资质逐项核查", True),  # a short content heading run into its paragraph
    ("排查内容坚持问题导向，突出重点地区", True),
    ("申报内容按照通知要求如实填报相关材料", False),  # a not-task word classes it first
    ("进一步明确检查的具体内容和工作要求", False),  # 内容 inside a sentence, not opening it
])
def test_a_short_content_heading_run_into_its_paragraph_holds_tasks(heading: str, holds_tasks: bool) -> None:
    from docproc.extract.nlp import annotate
    from docproc.extract.outline import build_outline, load_section_classes, section_class

    text = f"一、{heading}。\n（一）建筑业企业资质\n对照标准核查。\n（二）安全生产许可证\n核查有效期。\n"
    node = build_outline(text)[0]
    assert (section_class(node, annotate(text), load_section_classes()) == "task") is holds_tasks
