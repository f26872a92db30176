"""What a deadline's date governs (docproc.extract.deadline_acts), rules written after test_deadlines.py filled up."""

from __future__ import annotations

from datetime import date

import pytest

from docproc.extract.deadlines import find_deadlines


def test_an_act_done_by_the_obliged_themselves_is_still_an_obligation() -> None:
    text = "其余列入名单的违建项目在8月31日前自行取缔或关闭到位。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2016, [])] == [(date(2016, 8, 31), "取缔或关闭到位")]


@pytest.mark.parametrize("text, to", [
    ("各主管部门在6月20日前提出补偿方案报管委会同意后，牵头实施。", "管委会"),
    ("各主管部门在6月20日前提出补偿方案报区管委会审批。", "区管委会"),
])
def test_a_plan_sent_up_for_approval_is_the_plan_and_where_it_goes(text: str, to: str) -> None:
    assert [(h.what, h.to) for h in find_deadlines(text, 2016, [])] == [("提出补偿方案", to)]


def test_a_heading_glued_before_the_subject_is_no_part_of_what_is_sent() -> None:
    text = "（四）总结验收（11月）各镇、各部门将工作总结于2016年11月10日前报区农业局。"
    assert [(h.what, h.to) for h in find_deadlines(text, 2016, [])] == [("报工作总结", "区农业局")]


# what the one deadline of a sentence is due for, by the rule that reads it: (text, the year it is read in, what)
WHAT_IS_DUE = {
    "对X进行Y reads the act as printed": ("区交通局在10月10日前对本系统现行的规范性文件进行梳理排查。", 2023, "进行梳理排查"),
    "对X开展Y too": ("在10月底前，对试点村开展村干部届中审计工作。", 2023, "开展村干部届中审计工作"),
    "对X进行一次Y keeps its count": ("各单位要于9月底前对辖区内的养老机构进行一次全面排查。", 2023, "进行一次全面排查"),
    "the time a window closes is no part of what": ("申报时间截止到2021年7月30日。", 2021, "申报"),
    "a form filled in before it is sent is the form": (
        "各村于9月底前将《排查摸底表》（附表1）填写后报送至政法综治处。", 2021, "报送《排查摸底表》"),
    "things packed before they are sent are the things": (
        "请于8月25日前将《推荐表》（见附件）和案例内容分别打包发送至区农业农村局邮箱。", 2021, "发送《推荐表》和案例内容"),
    "a topic fronted after the date and told by a modal is what is done": (
        "乡镇财政所要及时拨付资金，6月底前专项补助资金必须全额支付使用。", 2017, "支付使用专项补助资金"),
    "a stamp put on before it is sent is no act of its own": (
        "资金到位情况等相关材料请于2017年6月10日前加盖公章后报送区农村发展局。", 2017, "报送资金到位情况等相关材料"),
    "the unit an act is left to by 由 is no part of it": (
        "（四）岗位对接。11月25日前，由区人力资源和公务员管理处做好网络报名情况的统计汇总。", 2014, "做好网络报名情况的统计汇总"),
    "a fronted object stamped before it is sent is the object": (
        "请各相关单位于5月10日前将具体联系人名单加盖公章后报至区交建局办公室。", 2018, "报具体联系人名单"),
    "汇总上报 is one act": ("报送时间：各乡镇于4月28日前汇总上报区财政金融局综合业务处。", 2016, "汇总上报"),
    "a heading printed before its paragraph with a space is no part of the topic": (
        "四、申报时间 申报材料于2019年7月23日前报送区财政金融局综合业务处。", 2019, "报送申报材料"),
    "a form joined by 或/及 to another thing sent is one of the things": (
        "请于9月7日前将电子文档及盖章件或盖章扫描件报送至知识产权处。", 2026, "报送电子文档及盖章件或盖章扫描件"),
    "the forms a thing is sent in are no part of it": (
        "请于9月7日前将自查报告正式文件及电子邮件报送至知识产权处。", 2026, "报送自查报告"),
    "a subject of any shape told by its modal is no part of what": (
        "2020年底前示范区内新建、在建中大型矿山企业要达到国家绿色矿山建设要求。", 2020, "达到国家绿色矿山建设要求"),
    "a subject listing places and units, told by its modal, is none either": (
        "2017年6月30日前，全区各轨道交通车站与属地街镇、派出所要全面完成应急处置工作的对接。", 2020, "完成应急处置工作的对接"),
    "国企 told by its modal is a subject": (
        "2022年6月底前，区属国企要完善集团资产管理等内控制度。", 2020, "完善集团资产管理等内控制度"),
    "a stamp the thing needs is no part of what": (
        "方案需加盖公司公章后于2021年9月23日上午10:00前提交至片区经发处。", 2021, "提交方案"),
    "nor a stamp all things need, after a comma": ("请于2021年9月23日前提交方案，均需加盖单位公章。", 2021, "提交方案"),
    "the place an act is done at is no part of what": ("由党政办公室负责：于6月底前在显著位置设置主题公益广告。", 2023, "设置主题公益广告"),
    "the papers carried to where the act is done are no part of it": (
        "请于6月26日前持户口簿、出生证原件及复印件等材料到相应幼儿园进行登记。", 2026, "进行登记"),
    "nor those carried to where one applies": ("符合条件的，请于8月25日前持相关材料到教育处申请，逾期不予受理。", 2015, "申请"),
}


@pytest.mark.parametrize("text, year, what", WHAT_IS_DUE.values(), ids=WHAT_IS_DUE.keys())
def test_what_is_due(text: str, year: int, what: str) -> None:
    assert [h.what for h in find_deadlines(text, year, [])] == [what]


@pytest.mark.parametrize("text, what", [
    ("申请时间：“技术指导员申请表”于4月22日前报送到我局农业处。", "报送“技术指导员申请表”"),
    ("请按照文件要求将参训代表名单按附表填写后于5月17日前报送区市场监督管理局。", "报送参训代表名单"),
    ("各处室、东庠办事处统计汇总后将附件于8月30日前报送至政法综治处。", "报送附件"),
    ("附上申报表，以及片区管理局推荐文件加盖公章，于6月15日前通过OA邮箱报送至区农业农村局。", "报送片区管理局推荐文件"),
    ("（二）申报材料需经属地乡镇人民政府以及区农业局相关处室（种植业类报区农技中心）审核盖章后，于9月30日前报送区农业局。",
     "报送申报材料"),
])
def test_a_sent_things_label_stamp_form_and_approval_are_no_part_of_what(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2021, [])][:1] == [what]


def test_an_items_heading_closed_by_its_due_date_alone_is_what_is_due() -> None:
    from tests.extract.test_frame import notice_record

    record = notice_record("关于开展某某专项行动的通知\n各村：\n三、主要任务\n（一）加强集体资产线上监督平台宣传力度（10月31日前）。开展宣传。\n"
                           "（二）升级村级财务网上公开系统（10月31日前）。完成系统升级。\n（三）前期数据收集(2023年6月前)。收集信息。\n"
                           "四、工作要求\n加强领导。\n某某管理局\n2023年3月1日\n")
    assert [(d["date"], d["what"]) for d in record["deadlines"]] == [
        ("2023-10-31", "加强集体资产线上监督平台宣传力度"), ("2023-10-31", "升级村级财务网上公开系统")]


def test_a_dated_condition_ending_in_的_sets_no_deadline_and_申请_is_an_act_due() -> None:
    text = "本地区企业2022年7月15日前主动申请注销资质的，我局将依法予以注销。"
    assert find_deadlines(text, 2022, []) == []
    text = "5月27日前以书面形式向区乡村振兴局申请开通监测信息系统相关功能权限。"
    assert [h.what for h in find_deadlines(text, 2022, [])] == ["申请开通监测信息系统相关功能权限"]


def test_the_same_day_of_each_quarters_last_month_recurs_and_with_its_year_is_dated() -> None:
    text = "请各物业企业分别于3月10日、6月10日、9月10日、12月10日前报送相关工作开展情况。"
    assert [(h.date, h.recurring) for h in find_deadlines(text, 2021, [])] == [
        (None, "3月10日前"), (None, "6月10日前"), (None, "9月10日前"), (None, "12月10日前")]
    text = "请于2021年3月10日、6月10日、9月10日、12月10日前报送相关工作开展情况。"
    assert [h.recurring for h in find_deadlines(text, 2021, [])] == [None, None, None, None]


def test_a_date_that_picks_whom_to_draw_from_is_due_for_nothing() -> None:
    text = ("二、检查对象\n按照“双随机、一公开”监管工作要求，按照10%比例通过随机抽样的方式，"
            "从2021年12月31日前取得拍卖业务许可的拍卖企业及拍卖企业分公司抽取检查对象。\n")
    assert find_deadlines(text, 2022, []) == []


def test_a_result_entered_into_a_long_named_system_is_what_is_entered() -> None:
    text = "于2022年6月30日前将检查结果录入至“国家企业信用信息公示系统—部门协同监管平台”、福建省“互联网+监管”系统。"
    assert [(h.date, h.what, h.to) for h in find_deadlines(text, 2022, [])] == [(date(2022, 6, 30), "录入检查结果", None)]


def test_an_items_labels_after_the_act_are_no_part_of_what() -> None:
    text = "2019年底前全面完成 责任单位：区公共资源交易中心 配合单位：区交通与建设局、农业农村局"
    assert [(h.date, h.what) for h in find_deadlines(text, 2019, [])] == [(date(2019, 12, 31), "完成")]


def test_an_items_bracket_saying_it_reaches_a_stage_by_its_date_dates_the_item() -> None:
    text = ("4.加强危险化学品罐区的风险管控。开展排查整治。（区安监局牵头，区经济发展局等按职责分工负责，"
            "2018年3月底前取得阶段性成果，2018年4月至2019年10月深化提升）\n")
    hits = find_deadlines(text, 2017, [], {0: "加强危险化学品罐区的风险管控"})
    assert [(h.date, h.what) for h in hits] == [(date(2018, 3, 31), "加强危险化学品罐区的风险管控")]


def test_a_thing_sent_to_be_reviewed_where_it_goes_is_sent_and_its_copies_are_no_part_of_it() -> None:
    text = "申报主体于2026年5月11日前将纸质申报材料一份提交至某区市场监督管理局进行审核。逾期不予受理。"
    assert [(h.what, h.to) for h in find_deadlines(text, 2026, [])] == [("提交纸质申报材料", "某区市场监督管理局")]


def test_a_receiver_printed_with_the_person_there_sends_the_thing_the_sentence_fronted() -> None:
    text = "请各单位将参赛人员名单回执（附件2）和网上答题情况汇总表（见附件3）于7月31日前报食品处陈某华。"
    assert [(h.what, h.to) for h in find_deadlines(text, 2017, [])] == [("报参赛人员名单回执和网上答题情况汇总表", "食品处")]


def test_a_list_the_act_opens_with_a_colon_is_no_part_of_what() -> None:
    text = "（一）即日起至5月底前完成以下房屋排查：1.2022年前已排查的经营性自建房；2.2022年以来新投用的经营性自建房。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2022, [])] == [(date(2022, 5, 31), "完成以下房屋排查")]


@pytest.mark.parametrize("text, what", [
    ("考生放弃面试资格的应于2017年8月18日前在身份证复印件背面手写放弃面试声明，并传真至059124139139，逾期责任自负。", "手写放弃面试声明"),
    ("各单位应于8月18日前在区政府网站上公布统计表。", "公布统计表"),
    # a place inside the thing's own relative clause stays
    ("于10月10日前梳理汇总上报在自查自纠过程中发现的问题。", "梳理汇总上报在自查自纠过程中发现的问题"),
])
def test_where_the_act_is_done_is_no_part_of_what(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2017, [])] == [what]


@pytest.mark.parametrize("text, what", [
    ("于2018年12月底前集中开展建筑施工安全专项治理。", "开展建筑施工安全专项治理"),
    ("各地于2025年底前初步建立新污染物环境调查监测体系。", "建立新污染物环境调查监测体系"),
])
def test_how_far_or_how_gathered_an_act_goes_is_no_part_of_what(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2018, [])] == [what]


@pytest.mark.parametrize("text, what, to", [
    # 报告 inside the thing made is no send verb when a send verb and its receiver follow; 我委 is a receiver
    ("各区于2025年9月底前完成自评估报告编制并报送我委。", "完成自评估报告编制", "我委"),
    ("于4月10日前形成自查报告报县应急局。", "形成自查报告", "县应急局"),
])
def test_a_report_made_then_sent_to_a_pronoun_receiver(text: str, what: str, to: str) -> None:
    assert [(h.what, h.to) for h in find_deadlines(text, 2025, [])] == [(what, to)]


@pytest.mark.parametrize("text, what", [
    ("12月底前，局党委将组织对各党组织开展评级定星工作。", "开展评级定星工作"),
    ("2020年12月底前，组织对学校、幼儿园、养老服务机构等行业单位集中开展排查整治。", "开展排查整治"),
])
def test_what_the_subject_will_have_done_to_a_对_object_is_the_act(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2019, [])] == [what]


def test_receivers_listed_one_after_another_take_the_topic_as_what_is_sent() -> None:
    text = "各区行业主管部门将自查自纠情况形成报告，于8月31日前报送市水务局、市经济信息化委、市住房城乡建设管理委。"
    assert [(h.what, h.to) for h in find_deadlines(text, 2022, [])] == [("报送报告", "市水务局、市经济信息化委、市住房城乡建设管理委")]


def test_a_time_of_day_alone_without_a_daily_cue_is_no_recurring_deadline() -> None:
    assert find_deadlines("请各工作人员务必在5点30分之前到达指定地点，做好准备工作。", 2023, []) == []
    daily = find_deadlines("每日参与人员于8:00前到达各自点位。", 2023, [])
    assert [(h.recurring, h.what) for h in daily] == [("8:00前", "到达各自点位")]


def test_the_unit_a_recurring_act_is_done_with_is_no_part_of_it_but_a_thing_sent_together_is() -> None:
    partner = find_deadlines("区应急管理部门每月3日前，与区行业领域监管部门核对本区上月事故统计数据。", 2024, [])
    assert [(h.recurring, h.what) for h in partner] == [("每月3日前", "核对本区上月事故统计数据")]
    together = find_deadlines("工作开展情况，请于每季度末月13日前与本行业领域开展情况一并报送局安监处。", 2024, [])
    assert [h.to for h in together] == ["局安监处"]  # (not read as a partner unit: what would become 安监处)


def test_what_a_goal_is_set_for_is_its_subject_not_the_objects_of_the_act() -> None:
    hits = find_deadlines("力争陆上风电2026年6月前核准，光伏电站2026年6月前开工。", 2025, [])
    assert [(h.date, h.what) for h in hits] == [(date(2026, 5, 31), "核准"), (date(2026, 5, 31), "开工")]
    assert [h.what for h in find_deadlines("力争将项目于2025年底前报送区发改委。", 2025, [])] == ["报送项目"]


def test_villages_towns_and_schools_after_a_fronted_date_are_its_subject() -> None:
    hits = find_deadlines("2025年底前，全部行政村完成微型消防站的建设。", 2024, [])
    assert [(h.date, h.what) for h in hits] == [(date(2025, 12, 31), "完成微型消防站的建设")]


def test_that_an_act_is_owed_too_is_no_part_of_it() -> None:
    text = ("各单位要于12月27日前将专项行动工作总结上报食品处，其中6月22日、11月27日前还要分别报送"
            "《食品安全重大案件报送表》（附件2）以及全年食品重大案件情况。")
    assert [h.what for h in find_deadlines(text, 2020, [])][1:] == [
        "报送《食品安全重大案件报送表》以及全年食品重大案件情况"] * 2


def test_how_firm_a_fronted_topic_is_held_is_no_part_of_what() -> None:
    text = "原则上2015年至2019年规划资源审批项目档案数字化应在2021年5月底前完成，其余历史项目在2021年底前完成。"
    assert [h.what for h in find_deadlines(text, 2021, [])] == ["完成2015年至2019年规划资源审批项目档案数字化", "完成其余历史项目"]


# the deadlines of a sentence, each by its date and what: (text, the year it is read in, [(date, what), …])
DATES_AND_WHATS_DUE = {
    "a date that 完成 follows straight is when it is done by": (
        "总体安排：2018年1月底前完成任务部署，2月底完成队伍编组和入队教育。", 2017,
        [(date(2018, 1, 31), "完成任务部署"), (date(2018, 2, 28), "完成队伍编组和入队教育")]),
    "a month with 份 that 完成 follows": ("加快推进行业信用体系建设，2015年6月份完成行业信用信息目录的研究制定工作。", 2015,
                                         [(date(2015, 6, 30), "完成行业信用信息目录的研究制定工作")]),
    "a part of a month that 全面完成 follows": (
        "8月中旬全面完成问题查处、整治整改和问责追责。", 2021, [(date(2021, 8, 20), "完成问题查处、整治整改和问责追责")]),
    "a range's end is no deadline": ("此次整治工作自本方案下发之日起，至2023年7月31日全面完成。", 2023, []),
    "nor a thing done": ("该项目已于2020年6月底完成验收。", 2020, []),
    "each dated item of a quoted list is due for its own act": (
        "各部门按照“2021年第三季度完成主线审批和市政公用服务事项、2021年年底前完成辅线审批和中介服务事项”的节点要求，梳理清单。",
        2021, [(date(2021, 9, 30), "完成主线审批和市政公用服务事项"), (date(2021, 12, 31), "完成辅线审批和中介服务事项")]),
    "objects fronted by 将 share the verb after the last date": (
        "请行管处于6月15日前将上半年工作进展情况、12月15日前将工作总结分别报送委安办。", 2019,
        [(date(2019, 6, 15), "报送上半年工作进展情况"), (date(2019, 12, 15), "报送工作总结")]),
    "a 集团 told by its modal is the subject": (
        "11月23日前，各区港口管理部门、上港集团应将泊位岸电改造计划报送至市港航中心。", 2023,
        [(date(2023, 11, 23), "报送泊位岸电改造计划")]),
    "a year long past before 前 dates nothing": (
        "建设管理部门要加强把关，特别是2000年前高层公共建筑改造工程，重点加强对消防设施的把关。", 2026, []),
}


@pytest.mark.parametrize("text, year, due", DATES_AND_WHATS_DUE.values(), ids=DATES_AND_WHATS_DUE.keys())
def test_dates_and_whats_due(text: str, year: int, due: list[tuple[date, str]]) -> None:
    assert [(h.date, h.what) for h in find_deadlines(text, year, [])] == due


@pytest.mark.parametrize("text, what, to", [
    # a note on the form in brackets after the receiver, a mailbox with 至 inside it: no part of the receiver
    ("请相关企业对照创建标准，准备申报材料请于7月1日之前报区经发局商务处（一式5份，A4纸简装成册；另报电子版至邮箱："
     "jf@163.com）。", "报申报材料", "区经发局商务处"),
    # the form filled in is what is sent, not where the form is printed
    ("请按上述要求，填写附件中的《某年农村公路安保工程明细表》，并于2013年3月20日前报我局备案。",
     "报《某年农村公路安保工程明细表》", "我局"),
])
def test_what_is_sent_is_the_thing_readied_not_a_note_or_where_it_is_printed(text: str, what: str, to: str) -> None:
    assert [(h.what, h.to) for h in find_deadlines(text, 2016, [])] == [(what, to)]


def test_a_group_an_item_sets_up_is_what_is_reported_not_the_items_number() -> None:
    text = "通知如下：\n一、各企业务必成立某某评审工作小组，于5月25日前报区经济发展局商务处。"
    assert [(h.what, h.to) for h in find_deadlines(text, 2015, [])] == [("报某某评审工作小组", "区经济发展局商务处")]


@pytest.mark.parametrize("text, what", [
    # the subject's 的 goes with the subject
    ("各联合党委和相关处室的整治工作开展情况及成效于每月8日报送片区政法综治处。", "报送整治工作开展情况及成效"),
    # a form's labels run on before the thing its note sends
    ("填表人： 联系电话： 备注：表格于9月3日前汇总至政法综治处。", "汇总表格"),
])
def test_the_thing_sent_starts_after_its_subject_and_the_labels_before_it(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2021, [])] == [what]
