"""Phases through the whole extractor, on texts written for these tests after the shapes of the
development gold: stages labelled inside one paragraph, a stage open after a date (…后)."""

from __future__ import annotations

from docproc.extract.pipeline import extract_notice
from tests.extract.text_document import document_from_text


def phases_of(body: str) -> list[tuple[str, str | None, str | None]]:
    text = f"某镇关于印发垃圾分类工作方案的通知\n各村委会：\n{body}\n某镇人民政府\n2021年4月9日\n"
    record = extract_notice(document_from_text(text)).to_dict()
    return [(p["name"], p["start"], p["end"]) for p in record["phases"]]


def test_stages_labelled_inside_one_paragraph() -> None:
    body = (
        "一、工作目标\n（一）打造示范村。年底前建成示范村。\n（二）分阶段稳步推进。第一阶段：从2021年3月1日至2021年6月30日，"
        "建成示范点。第二阶段：2021年7月1日至2021年12月31日，实现全覆盖。"
    )
    assert phases_of(body) == [
        ("第一阶段", "2021-03-01", "2021-06-30"),
        ("第二阶段", "2021-07-01", "2021-12-31"),
    ]


def test_a_stage_after_a_date_is_open_ended() -> None:
    body = "一、工作步骤\n（一）集中整治阶段（5月1日至6月30日）。开展整治。\n（二）长效管理阶段（7月1日后）。建立长效机制。"
    assert phases_of(body) == [
        ("集中整治阶段", "2021-05-01", "2021-06-30"),
        ("长效管理阶段", "2021-07-01", None),
    ]


def test_a_stage_at_the_beginning_of_a_month_and_a_section_that_only_announces_stages() -> None:
    body = (
        "五、整治时间和步骤\n2021年7月开始至2021年底，分三个阶段进行。\n"
        "（一）全面部署阶段（2021年7月初）。细化工作措施，全面组织发动。\n"
        "（二）整治攻坚阶段（2021年7月至11月）。组织自查。\n（三）建立长效机制（2021年12月）。建立长效工作机制。"
    )
    assert phases_of(body) == [
        ("全面部署阶段", "2021-07-01", "2021-07-01"),
        ("整治攻坚阶段", "2021-07-01", "2021-11-30"),
        ("建立长效机制", "2021-12-01", "2021-12-31"),
    ]


def test_dated_items_of_a_工作安排_section_are_stages_ending_on_their_date() -> None:
    body = ("三、工作安排\n本次大排查大整治不分环节。\n（一）迅速动员部署（2021年4月1日前）。制定方案。\n"
            "（二）项目自查自纠（2021年6月30日前）。开展自查。\n（三）建立长效机制。常态开展。")
    assert phases_of(body) == [
        ("迅速动员部署", None, "2021-04-01"),
        ("项目自查自纠", None, "2021-06-30"),
    ]


def test_stages_labelled_without_dates_under_a_stage_heading() -> None:
    body = "四、实施阶段\n第一阶段：迅速动员部署。明确具体任务。\n第二阶段：全面摸底排查。逐一摸底排查。"
    assert phases_of(body) == [("第一阶段", None, None), ("第二阶段", None, None)]


def test_a_stage_named_so_takes_the_dates_its_paragraph_opens_with() -> None:
    body = ("四、实施步骤\n（一）宣传发动阶段。2021年3月1日至3月15日，制定方案。\n"
            "（二）排查整治阶段。2021年3月16日至6月30日，开展整治。\n（三）评估总结。2021年12月底前，形成总结。")
    assert phases_of(body) == [
        ("宣传发动阶段", "2021-03-01", "2021-03-15"),
        ("排查整治阶段", "2021-03-16", "2021-06-30"),
    ]


def test_stages_dated_by_whole_years() -> None:
    body = "四、实施步骤\n（一）试点阶段（2021年）。开展试点。\n（二）推广阶段（2022年—2023年）。全面推广。"
    assert phases_of(body) == [("试点阶段", "2021-01-01", "2021-12-31"), ("推广阶段", "2022-01-01", "2023-12-31")]


def test_stages_labelled_after_a_colon_and_named_after_为() -> None:
    body = ("四、工作安排\n本次行动分三个阶段：第一阶段为动员部署阶段（5月1日至5月15日）；"
            "第二阶段为集中整治阶段（5月16日至8月31日）。")
    assert phases_of(body) == [
        ("动员部署阶段", "2021-05-01", "2021-05-15"),
        ("集中整治阶段", "2021-05-16", "2021-08-31"),
    ]


def test_a_stage_dated_on_a_时间_line_under_its_heading_the_line_kept() -> None:
    body = ("四、实施步骤\n（一）动员部署阶段\n时间：2021年3月1日至3月15日。制定方案。\n"
            "（二）集中整治阶段\n时间：2021年3月16日至6月30日。开展整治。")
    assert phases_of(body) == [
        ("动员部署阶段", "2021-03-01", "2021-03-15"), ("集中整治阶段", "2021-03-16", "2021-06-30")]


def test_a_stage_in_a_part_of_a_month_spans_it_and_a_stage_named_after_its_dates() -> None:
    body = ("四、实施步骤\n第一阶段：动员部署（3月上旬）\n第二阶段：集中整治（3月中旬至5月底）\n"
            "五、时间安排\n（一）2021年6月1日至6月15日，总结验收阶段。")
    assert phases_of(body) == [
        ("动员部署", "2021-03-01", "2021-03-10"), ("集中整治", "2021-03-11", "2021-05-31"),
        ("总结验收阶段", "2021-06-01", "2021-06-15"),
    ]


def test_a_stage_labelled_with_its_dates_in_brackets_is_named_after_the_colon_and_one_open_from_now() -> None:
    body = ("四、实施步骤\n第一阶段（2021年3月1日至3月15日）：动员部署。\n第二阶段（2021年3月16日至6月30日）：集中整治。\n"
            "五、工作步骤\n（一）自查阶段。从即日起至7月15日，开展自查。")
    assert phases_of(body) == [
        ("动员部署", "2021-03-01", "2021-03-15"), ("集中整治", "2021-03-16", "2021-06-30"), ("自查阶段", None, "2021-07-15")]


def test_stages_counted_in_prose_and_named_after_为_with_their_dates_between() -> None:
    body = (
        "四、步骤安排\n一是动员部署阶段（3月1日至3月10日）。制定方案。二是全面排查阶段（3月11日至4月30日）。开展排查。\n"
        "五、实施步骤\n第一阶段（5月1日至5月20日）为整改落实阶段。\n第二阶段（5月21日至6月30日）为总结验收阶段。"
    )
    assert phases_of(body) == [
        ("动员部署阶段", "2021-03-01", "2021-03-10"),
        ("全面排查阶段", "2021-03-11", "2021-04-30"),
        ("整改落实阶段", "2021-05-01", "2021-05-20"),
        ("总结验收阶段", "2021-05-21", "2021-06-30"),
    ]


def test_a_stage_named_before_时间为_or_即日起_and_one_in_中下旬() -> None:
    body = (
        "四、实施步骤\n（一）动员部署阶段，时间为3月1日至3月15日。制定方案。\n"
        "（二）自查自纠阶段：即日起至4月30日。开展自查。\n（三）验收阶段（9月中下旬）。组织验收。\n"
        "（四）总结提升阶段。2021年10月，全面总结。"
    )
    assert phases_of(body) == [
        ("动员部署阶段", "2021-03-01", "2021-03-15"),
        ("自查自纠阶段", None, "2021-04-30"),
        ("验收阶段", "2021-09-11", "2021-09-30"),
        ("总结提升阶段", "2021-10-01", "2021-10-31"),
    ]


def test_a_schedule_item_opening_with_its_due_date_is_a_deadline_not_a_stage() -> None:
    body = "四、进度安排\n（一）4月1日前，将实施方案报省环保厅备案。\n（二）5月20日前，组织开展自查工作。"
    text = f"某局关于开展专项检查的通知\n各单位：\n{body}\n某局\n2021年3月9日\n"
    record = extract_notice(document_from_text(text)).to_dict()
    assert record["phases"] == []
    assert [(d["date"], d["what"], d["to"]) for d in record["deadlines"]] == [
        ("2021-04-01", "报实施方案", "省环保厅"),
        ("2021-05-20", "组织开展自查工作", None),
    ]


def test_a_stage_heading_run_into_its_text_an_ocr_dash_and_the_campaigns_own_period() -> None:
    body = (
        "三、整治机制本次专项行动阶段为2021年5月至2021年9月，各单位要迅速行动。\n四、实施步骤\n"
        "（一）企业自查（6月一7月）。开展自查。\n（二）常态推进阶段（长期）需长期开展综合整治工作，健全完善机制。"
    )
    assert phases_of(body) == [
        ("企业自查", "2021-06-01", "2021-07-31"),
        ("常态推进阶段", None, None),
    ]


def test_stages_given_in_prose_as_dates_then_为_and_as_counted_steps() -> None:
    assert phases_of("一、时间安排\n3月份为动员部署阶段，4月至6月为集中整治阶段，7月为总结阶段。") == [
        ("动员部署阶段", "2021-03-01", "2021-03-31"),
        ("集中整治阶段", "2021-04-01", "2021-06-30"),
        ("总结阶段", "2021-07-01", "2021-07-31"),
    ]
    assert phases_of("一、方法步骤\n第一步，摸底调查（3月1日至3月31日）。第二步，集中整治（4月1日至6月30日）。") == [
        ("摸底调查", "2021-03-01", "2021-03-31"),
        ("集中整治", "2021-04-01", "2021-06-30"),
    ]


def test_items_opening_with_their_dates_under_a_schedule_heading_of_another_wording() -> None:
    body = "一、工作进度\n1.3月1日—3月15日：动员部署。\n2.3月16日—6月30日：排查整治。"
    assert phases_of(body) == [("动员部署", "2021-03-01", "2021-03-15"), ("排查整治", "2021-03-16", "2021-06-30")]


def test_a_stage_named_in_brackets_after_its_label_one_ending_before_a_date_and_two_quarters() -> None:
    assert phases_of("一、实施步骤\n第一阶段（动员部署阶段）：3月1日—3月15日。\n第二阶段（集中整治阶段）：3月16日—6月30日。") == [
        ("动员部署阶段", "2021-03-01", "2021-03-15"), ("集中整治阶段", "2021-03-16", "2021-06-30")]
    assert phases_of("一、时间安排\n3月15日前为动员部署阶段；3月16日至6月30日为集中整治阶段。") == [
        ("动员部署阶段", None, "2021-03-15"), ("集中整治阶段", "2021-03-16", "2021-06-30")]
    assert phases_of("一、实施步骤\n（一）准备阶段（2021年第一季度）\n（二）实施阶段（2021年第二、三季度）") == [
        ("准备阶段", "2021-01-01", "2021-03-31"), ("实施阶段", "2021-04-01", "2021-09-30")]


def test_headings_that_only_mention_stages_are_no_stages() -> None:
    body = ("一、工作要求\n（一）阶段目标。明确任务。\n（二）负责制定各阶段工作任务，联络各工作部门。\n"
            "（三）通报各阶段进展情况。\n二、工作步骤\n（一）第一阶段工作（3月1日至3月31日）。开展自查。")
    assert phases_of(body) == [("第一阶段工作", "2021-03-01", "2021-03-31")]


def test_a_work_item_named_then_dated_with_its_year_is_a_stage() -> None:
    body = ("一、整治内容\n（一）全面排查。摸清底数。\n（二）专项整治2021年9月18日-26日期间，由社会事业处牵头开展整治。\n"
            "（三）“回头看”“十一”前的2021年9月27日-28日，由社会事业处组织开展复查。")
    assert phases_of(body) == [("专项整治", "2021-09-18", "2021-09-26"), ("“回头看”", "2021-09-27", "2021-09-28")]


def test_dated_items_under_a_时段安排_heading_are_stages() -> None:
    body = ("三、重点时段安排\n（一）开展专项督查（2021年8月上旬—12月10日）结合联合抽查开展检查。\n"
            "（二）结合节日检查开展重点督查（2021年9月9日—10月10日）在节前、节中、节后开展检查。")
    assert phases_of(body) == [
        ("开展专项督查", "2021-08-01", "2021-12-10"),
        ("结合节日检查开展重点督查", "2021-09-09", "2021-10-10"),
    ]


def test_a_stage_dated_by_a_label_in_its_paragraph_and_items_headed_by_a_due_date_only() -> None:
    body = ("二、实施步骤\n（一）部署实施阶段。完成系统升级改造。（责任部门：市交通委。时间节点：2021年3月）\n"
            "（二）正式运行阶段。系统上线运行。（责任部门：市交通委。时间节点：2021年5月）\n"
            "三、时间节点\n（一）2021年4月底前\n组织开展岸电使用宣传教育。\n（二）2021年6月底前\n召开推进会议。")
    assert phases_of(body) == [
        ("部署实施阶段", "2021-03-01", "2021-03-31"),
        ("正式运行阶段", "2021-05-01", "2021-05-31"),
    ]


def test_a_stages_labelled_date_is_no_deadline_of_its_own() -> None:
    text = ("某委关于印发实施方案的通知\n各区：\n二、实施步骤\n（一）部署实施阶段。完成系统升级改造。"
            "（责任部门：市交通委。时间节点：2021年3月）\n某委\n2021年2月1日\n")
    record = extract_notice(document_from_text(text)).to_dict()
    assert [(p["name"], p["start"], p["end"]) for p in record["phases"]] == [("部署实施阶段", "2021-03-01", "2021-03-31")]
    assert record["deadlines"] == []


def test_a_stage_at_a_months_end_is_one_day_unless_its_siblings_are_dated_by_their_ends() -> None:
    ranges = ("三、实施步骤\n（一）集中整治阶段（5月—7月）。开展整治。\n（二）巩固提升阶段（8月—9月）。巩固成果。\n"
              "（三）总结阶段（9月底）。总结经验。")
    assert phases_of(ranges)[-1] == ("总结阶段", "2021-09-30", "2021-09-30")
    ends = "三、实施步骤\n1.自查梳理阶段（10月15日前）。开展自查。\n2.整改反馈阶段（11月底）。反馈整改情况。"
    assert phases_of(ends) == [("自查梳理阶段", None, "2021-10-15"), ("整改反馈阶段", None, "2021-11-30")]


def test_items_of_a_steps_section_take_the_dates_their_paragraph_opens_with_but_not_a_due_date() -> None:
    body = ("四、方法步骤\n（一）宣传发动环节。5月下旬起，约半个月时间。通过充分发动群众摸排线索。\n"
            "（二）总结提升环节。9月上旬起，约半个月时间。总结经验。\n（三）开展评估总结。2021年11月底前，形成评估报告。")
    assert phases_of(body) == [("宣传发动环节", "2021-05-21", None), ("总结提升环节", "2021-09-01", None)]


def test_stages_named_on_lines_of_their_own_or_listed_in_one_sentence_with_their_dates() -> None:
    body = "一、实施步骤\n动员部署阶段：3月1日至3月31日。各村制定方案。\n集中整治阶段：4月1日至6月30日。各村开展整治。"
    assert phases_of(body) == [("动员部署阶段", "2021-03-01", "2021-03-31"), ("集中整治阶段", "2021-04-01", "2021-06-30")]
    body = "一、实施步骤\n本次整治分三个阶段进行：动员部署阶段（3月1日至3月31日），集中整治阶段（4月1日至6月30日），总结验收阶段（7月）。"
    assert phases_of(body) == [("动员部署阶段", "2021-03-01", "2021-03-31"), ("集中整治阶段", "2021-04-01", "2021-06-30"),
                               ("总结验收阶段", "2021-07-01", "2021-07-31")]


def test_a_stage_labelled_第一阶段为_with_its_dates_in_brackets_then_its_work() -> None:
    body = "一、实施步骤\n第一阶段为动员部署阶段（2021年3月1日至3月10日），主要任务是制定方案。\n第二阶段为集中整治阶段（2021年3月11日至5月10日），主要任务是整治。"
    assert phases_of(body) == [("动员部署阶段", "2021-03-01", "2021-03-10"), ("集中整治阶段", "2021-03-11", "2021-05-10")]


def test_steps_headed_only_by_their_dates_are_named_by_the_heading_as_printed() -> None:
    body = ("一、实施步骤\n（一）即日起至1月10日。各处室要加强监管。\n（二）即日起致1月31日。各处室要严格措施。\n"
            "（三）2021年2-3月。开展复工复产检查。\n二、工作要求\n加强领导。")
    assert phases_of(body) == [("即日起至1月10日", None, "2021-01-10"), ("即日起致1月31日", None, "2021-01-31"),
                               ("2021年2-3月", "2021-02-01", "2021-03-31")]


def test_a_stage_label_with_its_years_takes_the_name_printed_after_them() -> None:
    body = ("一、实施步骤\n（一）第一阶段（2018年）：排查整治阶段。各处室开展排查。\n"
            "（二）第二阶段（2019年）：巩固提升阶段。各处室巩固成效。\n二、工作要求\n加强领导。")
    assert phases_of(body) == [("排查整治阶段", "2018-01-01", "2018-12-31"), ("巩固提升阶段", "2019-01-01", "2019-12-31")]


def test_items_of_a_时间安排_line_that_open_with_their_dates_are_stages_named_by_their_work() -> None:
    body = ("五、时间安排 1．2017年8月7日至9月10日开展安全生产大检查。2．2017年9月25日至30日进行“回头看”专项行动。\n"
            "六、工作要求\n各部门要加强领导。\n")
    assert phases_of(body) == [("开展安全生产大检查", "2017-08-07", "2017-09-10"),
                               ("进行“回头看”专项行动", "2017-09-25", "2017-09-30")]


def test_a_stage_label_with_its_name_in_brackets_and_items_on_one_day() -> None:
    body = ("三、活动步骤\n1.第一阶段（摸底梳理）：即日起至3月4日前，各村居开展摸底梳理。\n"
            "2.第二阶段（重点攻坚）：3月5日—4月7日，各村居开展重点攻坚。\n"
            "四、活动安排\n（一）文艺演出（1月20日上午9：00-11：00）活动启动仪式。\n（二）调查摸排阶段（即日起-6月10日）。巡查道路。\n")
    assert phases_of(body) == [("摸底梳理", None, "2021-03-04"), ("重点攻坚", "2021-03-05", "2021-04-07"),
                               ("文艺演出", "2021-01-20", "2021-01-20"), ("调查摸排阶段", None, "2021-06-10")]


def test_a_stage_from_a_day_until_the_work_ends_is_open_ended() -> None:
    body = ("三、工作步骤\n（一）宣传发动阶段（4月10日至4月20日）：张贴通告。\n（二）集中整治阶段（4月21日至4月30日）：清理摊点。\n"
            "（三）高频管控阶段（5月1日至结束）：每天安排人员轮流值班。\n")
    assert phases_of(body)[-1] == ("高频管控阶段", "2021-05-01", None)


def test_a_stage_until_an_event_is_open_ended_and_until_the_year_end_closes_then() -> None:
    body = ("三、工作步骤\n（一）动员部署阶段（6月1日至6月31日）：制定方案。\n（二）巩固提高阶段（9月1日至年底）：建立长效机制。\n"
            "（三）总结阶段（12月1日至2022年春节前）：总结经验。\n")
    assert phases_of(body) == [("动员部署阶段", "2021-06-01", "2021-06-30"), ("巩固提高阶段", "2021-09-01", "2021-12-31"),
                               ("总结阶段", "2021-12-01", None)]


def test_a_paragraph_running_until_an_event_gives_its_item_no_stage() -> None:
    body = ("二、工作安排\n（一）聚焦清零，打响隐患整改冲刺战。一是开展一轮隐患摸排。\n（二）强化源头治理。一是配合开展整治。\n"
            "（三）围绕护航大会，提级启动盯防管控机制。9月下旬至大会召开前，启动提级管控措施，抽调干部下沉一线。\n")
    assert phases_of(body) == []


def test_steps_of_a_stage_dated_by_their_end_are_stages_too() -> None:
    body = ("四、方法步骤\n（一）动员部署（2021年6月18日前完成）\n各部门制定方案。\n（二）开展试点（2022年6月30日前完成）\n"
            "1.确定试点企业（2021年6月30日前完成）。各镇选择一批企业。\n2.总结制定标准（2022年6月30日前完成）。各部门总结经验。\n")
    assert phases_of(body) == [("动员部署", None, "2021-06-18"), ("开展试点", None, "2022-06-30"),
                               ("确定试点企业", None, "2021-06-30"), ("总结制定标准", None, "2022-06-30")]


def test_a_stage_dated_from_a_month_on_is_open_ended() -> None:
    body = "三、工作步骤\n（一）动员部署（2021年5月底前）\n（二）全面实施（2021年7月份开始）\n"
    assert phases_of(body)[-1] == ("全面实施", "2021-07-01", None)


def test_a_stage_heading_closed_by_its_dates_with_the_paragraph_run_on() -> None:
    body = ("二、工作内容和步骤\n（一）前期准备（2021年6月）各村按照本方案，结合实际制定具体方案。\n"
            "（二）全面清理（2021年9月-10月）逾期未完成整改的，由镇牵头依法处置。\n")
    assert phases_of(body) == [("前期准备", "2021-06-01", "2021-06-30"), ("全面清理", "2021-09-01", "2021-10-31")]


def test_a_step_whose_paragraph_runs_from_now_to_a_day_is_a_stage_ending_then() -> None:
    body = ("三、整治工作步骤\n（一）全面自查。即日起至3月13日，各村要对照整治重点深入自查。\n"
            "（二）集中整治。3月14日至4月30日，各村集中整治发现的问题。\n")
    assert phases_of(body)[0] == ("全面自查", None, "2021-03-13")


def test_labelled_steps_of_a_schedule_are_stages_named_by_their_labels() -> None:
    body = ("一、检查内容\n检查项目进度。\n二、时间安排 自查时间：8月23日－8月31日各单位按要求自查。检查时间：9月1日－9月15日 "
            "总结汇总：9月16日－9月23日各检查组汇总检查情况。\n三、工作要求\n认真负责。")
    assert phases_of(body) == [
        ("自查时间", "2021-08-23", "2021-08-31"),
        ("检查时间", "2021-09-01", "2021-09-15"),
        ("总结汇总", "2021-09-16", "2021-09-23"),
    ]


def test_one_labelled_range_in_a_schedule_is_the_campaigns_period_not_a_stage() -> None:
    body = "一、时间安排\n活动时间：8月23日－9月30日，各村要认真组织。\n二、工作要求\n认真负责。"
    assert phases_of(body) == []


def test_a_heading_saying_what_is_done_in_a_stage_names_no_stage() -> None:
    body = ("一、具体措施\n（一）扎实推进“大学习”在学习阶段，重点通过集中学习来强化学习教育。\n1.带头学习。带头自学。\n"
            "（二）存在问题整改阶段（6月1日至6月30日）。逐项整改。")
    assert phases_of(body) == [("存在问题整改阶段", "2021-06-01", "2021-06-30")]


def test_a_stage_from_a_day_with_its_start_and_till_an_event_after_a_dash() -> None:
    body = ("二、工作步骤\n（一）集中攻坚阶段（2021年2月1日起至2021年2月14日）。各处室针对问题做好整改。\n"
            "（二）回头看阶段（2021年2月15日—2021年全国“两会”结束）。检查小组开展回头看。\n")
    assert phases_of(body) == [("集中攻坚阶段", "2021-02-01", "2021-02-14"), ("回头看阶段", "2021-02-15", None)]


def test_a_stage_headed_by_its_dates_is_named_by_the_work_after_them() -> None:
    body = ("四、时间安排\n1.即日起至2021年8月18日，举办专项检查行动宣誓活动，发放倡议书。\n"
            "2.即日起至9月25日，开展专项行动检查。\n五、工作要求\n认真负责。")
    assert phases_of(body) == [("举办专项检查行动宣誓活动", None, "2021-08-18"), ("开展专项行动检查", None, "2021-09-25")]


def test_a_month_range_printed_with_its_months_份_is_the_whole_span() -> None:
    body = "三、工作步骤\n1.宣传发动（8月份）。各村制定方案。\n2.组织实施（8-10月份）。各村张榜公示。\n四、工作要求\n认真负责。"
    assert phases_of(body)[-1] == ("组织实施", "2021-08-01", "2021-10-31")


def test_a_stage_from_a_day_kept_up_long_after_is_open_ended() -> None:
    body = "三、工作步骤\n1.组织实施（8-10月份）。各村张榜公示。\n2.总结提升（10月底并长期坚持）。各村建立台账。\n四、工作要求\n认真负责。"
    assert phases_of(body)[-1] == ("总结提升", "2021-10-31", None)


def test_a_stage_whose_dates_open_its_paragraph_in_a_bracket_of_their_own() -> None:
    body = "一、时间安排\n（一）调查摸底阶段。（10月9日—10月15日）开展调查摸底。\n（二）集中整治阶段。（10月16日—11月15日）开展整治。"
    assert phases_of(body) == [("调查摸底阶段", "2021-10-09", "2021-10-15"), ("集中整治阶段", "2021-10-16", "2021-11-15")]


def test_a_work_item_dated_before_the_colon_of_its_heading_is_a_stage_and_a_labelled_stage_keeps_its_name() -> None:
    body = ("三、改革任务\n1．区级动员部署（2021年1月-4月）：建立工作小组，压实责任。\n"
            "2．区级方案制定（2021年5月-6月）:梳理移交设施底数。\n四、实施步骤\n"
            "（一）第一阶段（2022年)：排查整治阶段。各单位开展排查。\n（二）第二阶段（2023年）：巩固提升阶段。开展督查。")
    assert phases_of(body) == [("区级动员部署", "2021-01-01", "2021-04-30"), ("区级方案制定", "2021-05-01", "2021-06-30"),
                               ("排查整治阶段", "2022-01-01", "2022-12-31"), ("巩固提升阶段", "2023-01-01", "2023-12-31")]


def test_dated_steps_run_onto_their_heading_past_a_space_and_a_stage_named_after_its_start() -> None:
    body = ("三、工作方式 （一）全面自查。企业自查。 四、工作步骤 1.9月15—22日，开展第二轮全面自查。各企业检查。"
            " 2.9月23日—30日，开展检查。我局督导。 五、工作要求 （一）细化方案。")
    assert phases_of(body) == [("开展第二轮全面自查", "2021-09-15", "2021-09-22"), ("开展检查", "2021-09-23", "2021-09-30")]
    body = "四、工作步骤\n（一）2021年11月开始，开展第三轮自查自改。各企业对标自查。\n（二）2021年12月开始，开展第三轮企业检查。我局督导。"
    assert phases_of(body) == [("开展第三轮自查自改", "2021-11-01", None), ("开展第三轮企业检查", "2021-12-01", None)]


def test_a_named_stage_takes_the_range_its_first_sentence_gives_past_its_subject() -> None:
    body = ("一、工作安排\n（一）自查阶段。各有关处室对照督查内容，9月11日-9月20日开展自查。认真梳理。\n"
            "（二）督查阶段。9月21日-9月25日，由各督查组开展实地检查。")
    assert phases_of(body) == [("自查阶段", "2021-09-11", "2021-09-20"), ("督查阶段", "2021-09-21", "2021-09-25")]


def test_stages_counted_in_prose_by_a_comma_are_named_by_their_work() -> None:
    body = ("三、时间安排\n从2021年4月1日至12月20日，分两个阶段进行。第一阶段，2021年4月1日—8月31日在片区范围组织开展野外火源"
            "治理专项行动。第二阶段，2021年9月20日—12月20日在片区范围组织开展查处违规用火行为专项行动。\n四、工作内容\n")
    assert phases_of(body) == [("组织开展野外火源治理专项行动", "2021-04-01", "2021-08-31"),
                               ("组织开展查处违规用火行为专项行动", "2021-09-20", "2021-12-20")]


def test_one_labelled_period_alone_is_the_campaigns_not_a_stage() -> None:
    body = ("二、调整时间和方法\n1、调整时间：从2016年1月1日至3月30日，利用3个月时间，对全区低保对象进行全面调整。\n"
            "2、调整方法：（1）宣传发动阶段（2016年1月1日至1月10日）。各乡镇要广泛宣传。\n")
    assert [name for name, _, _ in phases_of(body)] == ["调整方法：（1）宣传发动阶段"]


def test_labelled_steps_the_first_glued_to_its_sections_heading() -> None:
    body = "三、时间安排自查自评：8月23日-8月31日；考核小组检查：9月1日-9月15日。\n四、工作要求\n认真开展。\n"
    assert [(name, start) for name, start, _ in phases_of(body)] == [("自查自评", "2021-08-23"), ("考核小组检查", "2021-09-01")]


def test_stages_named_again_in_a_reporting_schedule_are_no_stages_of_their_own() -> None:
    body = (
        "一、实施步骤\n1.集中整治阶段（2021年5月至6月）。开展整治。\n2.深入巩固阶段（2021年7月至9月）。巩固成效。\n"
        "二、信息报送\n（1）集中整治阶段：从2021年5月起，各成员单位每月1日前报送工作进展。\n"
        "（2）全面总结阶段：2021年9月10日前各成员单位报送工作总结。"
    )
    assert phases_of(body) == [
        ("集中整治阶段", "2021-05-01", "2021-06-30"),
        ("深入巩固阶段", "2021-07-01", "2021-09-30"),
    ]


def test_a_places_duty_days_in_brackets_are_no_stage() -> None:
    body = (
        "一、工作步骤\n（一）宣传发动阶段（2021年3月1日至3月31日）。开展宣传。\n"
        "二、卡点人员配备\n1.东山陵园（值班安排4月1日—6日）负责人：王某\n2.西山片（设卡时间4月4日—5日）负责人：李某"
    )
    assert phases_of(body) == [("宣传发动阶段", "2021-03-01", "2021-03-31")]


def test_a_schedule_items_sentence_names_its_stage_by_its_work_and_a_duty_due_by_a_day_is_no_stage() -> None:
    body = (
        "二、时间安排\n（一）各产权所有人应于5月31日之前完成对玻璃幕墙的全面自查。\n"
        "（二）我局将于6月5日至6月21日开展督查。"
    )
    assert phases_of(body) == [("开展督查", "2021-06-05", "2021-06-21")]


def test_a_stage_named_after_its_dates_by_its_work_without_its_circumstance_and_who_does_it() -> None:
    body = (
        "三、检查方式及时间安排\n（一）6月1日至11日：各单位开展自查。\n"
        "（二）6月12日至25日：在各单位自检基础上，我局组织抽查。"
    )
    assert phases_of(body) == [("开展自查", "2021-06-01", "2021-06-11"), ("组织抽查", "2021-06-12", "2021-06-25")]


def test_a_stage_ending_before_a_part_of_a_month_ends_the_day_before_it_begins() -> None:
    # （6月中旬前）: the 10th; （7月下旬前）: the 20th; （8月上旬前）, （10月前）: the month before's last day; 至…上旬 stays
    # that part's end
    body = ("三、实施步骤\n（一）动员部署（6月中旬前）。部署工作。\n（二）排查整治（7月下旬前）。开展排查。\n"
            "（三）督查考核（8月上旬前）。开展督查。\n（四）总结提升阶段（即日起至9月上旬）。全面总结。\n（五）巩固提高（10月前）。建立机制。")
    assert phases_of(body) == [
        ("动员部署", None, "2021-06-10"),
        ("排查整治", None, "2021-07-20"),
        ("督查考核", None, "2021-07-31"),
        ("总结提升阶段", None, "2021-09-10"),
        ("巩固提高", None, "2021-09-30"),
    ]


def test_dated_items_under_a_时间和程序_or_检查时间及方式_heading_are_stages_named_by_their_work() -> None:
    body = ("二、时间和程序\n（一）5月25日之前，各燃气经营企业将申请材料报送至区建设局。\n（二）5月26日至6月8日，审核申报材料，安排现场核查；\n"
            "（三）6月11日至6月15日，审批、发证。\n三、检查时间及方式\n（一）即日起至11月23日，各有关企业开展自查自纠，排查摸底是否存在载货简易升降机"
            "并报送相关材料至我局综合协调办。")
    assert phases_of(body) == [
        ("审核申报材料，安排现场核查", "2021-05-26", "2021-06-08"),
        ("审批、发证", "2021-06-11", "2021-06-15"),
        ("开展自查自纠", None, "2021-11-23"),
    ]


def test_a_stage_labelled_by_its_quarter_is_named_by_it() -> None:
    body = ("三、工作安排\n（一）第二季度： 2021年6月30日前，各车站与属地街镇要全面完成工作对接。\n"
            "（二）第三季度：全面落实建立应急处置工作机制。2021年9月30日前，完成预案编制。")
    assert [name for name, _, _ in phases_of(body)] == ["第二季度", "第三季度"]


def test_items_dating_the_days_places_open_are_no_stages() -> None:
    body = ("一、活动时间\n1.殡仪馆、东海陵园（4月3日）；\n2.公益性公墓、大练乡涉迁坟墓安置区（4月2日—5日）。\n"
            "二、工作步骤\n（一）宣传发动阶段（3月20日至3月31日）。开展宣传。")
    assert phases_of(body) == [("宣传发动阶段", "2021-03-20", "2021-03-31")]


def test_dated_items_under_a_检查形式和时间_heading_are_stages() -> None:
    body = ("二、检查形式和时间\n(一)相关乡镇自查 2021年3月6日起至3月20日，相关乡镇人民政府负责开展自查。\n"
            "(二)重点抽查 2021年3月20日起至4月20日，区财政金融局将开展重点抽查。")
    assert phases_of(body) == [("相关乡镇自查", "2021-03-06", "2021-03-20"), ("重点抽查", "2021-03-20", "2021-04-20")]


def test_a_stage_ending_before_january_ends_on_the_last_day_of_the_year_before() -> None:
    body = "三、实施步骤\n（一）总结验收（2022年1月前）。全面总结。\n（二）巩固提升（2022年2月至6月）。建立机制。"
    assert phases_of(body)[0] == ("总结验收", None, "2021-12-31")


def test_dates_then_为_then_a_week_or_a_day_of_the_campaign_are_stages() -> None:
    body = ("三、活动时间\n“安全生产月”活动时间定于2021年6月1至6月30日开展。其中：6月1日至9日为安全生产事故警示周；"
            "6月9日为安全生产宣传咨询日；6月10日至16日为应急预案演练周活动。活动为期一个月。")
    assert phases_of(body) == [("安全生产事故警示周", "2021-06-01", "2021-06-09"),
                               ("安全生产宣传咨询日", "2021-06-09", "2021-06-09"),
                               ("应急预案演练周活动", "2021-06-10", "2021-06-16")]


def test_numbered_items_of_a_section_announcing_its_stages_are_stages() -> None:
    body = ("二、组织实施\n市水务局负责组织实施自查自纠工作。自查自纠工作具体分为三个阶段。\n"
            "1.调查摸排（2022年8月19日前）\n各单位全面梳理收费项目。\n2.集中整改（2022年8月25日前）\n取消不合理收费项目。\n"
            "3.工作总结（2022年8月31日前）\n报送工作总结。")
    assert phases_of(body) == [("调查摸排", None, "2022-08-19"), ("集中整改", None, "2022-08-25"),
                               ("工作总结", None, "2022-08-31")]


def test_a_stage_named_before_a_colon_and_its_dates_label_keeps_its_name() -> None:
    body = ("五、检查安排\n此次检查分为两个阶段：\n（一）自查自纠阶段：检查时间为9月24日—10月7日，各企业开展自查自纠；\n"
            "（二）现场检查阶段：检查时间为10月8日—10月15日，由检查小组进行现场检查。")
    assert [name for name, _, _ in phases_of(body)] == ["自查自纠阶段", "现场检查阶段"]


def test_the_year_printed_with_an_event_a_stage_runs_from_dates_its_end() -> None:
    body = ("三、工作步骤\n（一）动员部署阶段（2021年1月）\n（二）整治阶段（2021年2月至全国“两会”召开前）\n"
            "（三）总结验收阶段（2022年全国“两会”结束至3月底）\n")
    assert phases_of(body)[-1] == ("总结验收阶段", None, "2022-03-31")
