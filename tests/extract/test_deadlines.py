"""find_deadlines: parametrised tables of sentences → (date, recurring, what, to), in the shapes real notices
print them. Sentences are written for these tests (names and units invented), after the shapes of the
development gold."""

from __future__ import annotations

from datetime import date

import pytest

from docproc.extract.deadlines import find_deadlines

CASES = {
    "since when (自…起) and how the thing is made ready (填写相关表格后, 整理成册后) are no part of what": (
        "请各有关企业自2024年3月份起将本企业的安全隐患情况填写相关表格后（附件附后）于每月15日前上报我局。"
        "请各学校将统计表整理成册后于5月1日前报送区教育局。",
        [(None, "每月15日前", "上报本企业的安全隐患情况", "我局"),
         (date(2024, 5, 1), None, "报送统计表", "区教育局")],
    ),
    "how it is grouped (以行政村为单位) and the system logged into (登陆“…系统”的“…”模块) are no part of what": (
        "乡镇种植计划于3月底前以行政村为单位汇总至区林业局。"
        "6月30日前，各施工企业应登陆“某省工程建设监管系统”的“自查自纠”模块填写《自查自纠情况报告》。",
        [(date(2024, 3, 31), None, "汇总乡镇种植计划", "区林业局"),
         (date(2024, 6, 30), None, "填写《自查自纠情况报告》", None)],
    ),
    "将X提供给Y is sent; a review by others before it is sent (由X审核确认后) is no act; 各村居 is the subject": (
        "牵头单位要在4月底前将项目范围图提供给各片区指挥部。"
        "5月12日前，各村居需将巡逻队员名单由村主干、包村领导审核确认后报至政法综治处。",
        [(date(2024, 4, 30), None, "提供项目范围图", "各片区指挥部"),
         (date(2024, 5, 12), None, "报巡逻队员名单", "政法综治处")],
    ),
    "进行 + an act about the topic fronted before the date gives the act and the topic": (
        "企业自查情况还应于7月31日前登录省监管平台进行登记。",
        [(date(2024, 7, 31), None, "登记企业自查情况", None)],
    ),
    "a day printed without 日 before 前; a manner adverb (全力, 逐户逐人) before the act": (
        "请获奖单位于9月28前将收款账户说明函发送至区金融办。2024年底前，全力实现村级集体经济收入提升全覆盖。"
        "各村要结合省民政厅数据，6月底前逐户逐人摸底排查其家庭情况。",
        [(date(2024, 9, 28), None, "发送收款账户说明函", "区金融办"),
         (date(2024, 12, 31), None, "实现村级集体经济收入提升全覆盖", None),
         (date(2024, 6, 30), None, "摸底排查其家庭情况", None)],
    ),
    "a bracket saying how the thing sent is filled in is no act of the sentence": (
        "请各片区局将初定试点村名单和项目（填写附件1、2）,于8月10日下午下班前报送至区农业农村局乡村振兴处。",
        [(date(2024, 8, 10), None, "报送初定试点村名单和项目", "区农业农村局乡村振兴处")],
    ),
    "a long 将-object naming a form whose title holds 报, sent after the comma": (
        "请于8月15日前将《花名册》《报名表》及学历证书复印件、身份证复印件、户籍证明复印件、2寸彩色照片在内的学员推荐材料，报区农业农村局农业处汇总。",
        [(date(2024, 8, 15), None, "报《花名册》《报名表》及学历证书复印件、身份证复印件、户籍证明复印件、2寸彩色照片在内的学员推荐材料",
          "区农业农村局农业处")],
    ),
    "a mailbox sent to is no part of what is sent": (
        "各单位要将总结材料（纸质版、电子版）于4月28日前分别报区社会事业局公卫家庭处郑某、区宣传影视部冯某OA邮箱。",
        [(date(2024, 4, 28), None, "报总结材料", None)],
    ),
    "the number of copies (一式四份) is how it is sent, not what": (
        "请于8月26日前报送申报材料一式四份。",
        [(date(2024, 8, 26), None, "报送申报材料", None)],
    ),
    "the unit that sends (由X) and how (由专人, 自主) are no part of what is due": (
        "以上材料由各村居于6月30日前，由专人报送至区文体局。每年11月底前自主确定次年用电计划。",
        [(date(2024, 6, 30), None, "报送以上材料", "区文体局"),
         (None, "每年11月底前", "确定次年用电计划", None)],
    ),
    "asked for by a day without 前 (请各企业于…将…报送, 并于…将…报), in the year the sentence named before": (
        "请各企业于7月15日将自查自改情况报送至区商务局。"
        "各单位要于2025年5月底前完成专项行动的总结评估，并于5月31日将总结材料报省卫健委。",
        [(date(2024, 7, 15), None, "报送自查自改情况", "区商务局"),
         (date(2025, 5, 31), None, "完成专项行动的总结评估", None),
         (date(2025, 5, 31), None, "报总结材料", "省卫健委")],
    ),
    "recurring: 每个月A、B日前 (one each), 每年度6月底前, 每季度末 with its dates in brackets (no dates of their own)": (
        "每个月11日、26日前，分两次将督查情况统计表传送至信用监管处。"
        "由各企业测算后，提出建议性指标值，并于每年度6月底前报送区国资局。"
        "各责任处室于每季度末(6月20日、9月20日、12月20日前)及时汇总工作进度。",
        [(None, "每个月11日前", "传送督查情况统计表", "信用监管处"),
         (None, "每个月26日前", "传送督查情况统计表", "信用监管处"),
         (None, "每年度6月底前", "报送建议性指标值", "区国资局"),
         (None, "每季度末(6月20日、9月20日、12月20日前)", "汇总工作进度", None)],
    ),
    "通过OA系统 is how it goes; every form 填写 named before is what is sent": (
        "于11月1日前将专项整治行动总结及统计报表通过OA系统汇总到市场规范管理处。"
        "各企业应认真填写《履职情况自查表》（附件一）和《在岗承诺书》（附件二），于9月30日前上报药械处。"
        "请于3月15日前发送经董事会审议通过的年度投资计划报告和汇总表的书面材料。",
        [(date(2024, 11, 1), None, "汇总专项整治行动总结及统计报表", "市场规范管理处"),
         (date(2024, 9, 30), None, "上报《履职情况自查表》和《在岗承诺书》", "药械处"),
         (date(2024, 3, 15), None, "发送经董事会审议通过的年度投资计划报告和汇总表的书面材料", None)],
    ),
    "an item's number opening the sentence is no part of what is sent": (
        "一、各区属国企应认真谋划。二、2021年1-4月份筹融资计划请于1月29日上午下班前上报区国资局产权资本处。",
        [(date(2024, 1, 29), None, "上报2021年1-4月份筹融资计划", "区国资局产权资本处")],
    ),
    "在…的方式 is how; a clause opening with the next date is that date's, not this one's": (
        "请你单位于2018年5月8日前，在主要媒体或采取其他便于公众知晓的方式公布企业有关信息，2018年6月8日前开展清洁生产审核。",
        [(date(2018, 5, 8), None, "公布企业有关信息", None),
         (date(2018, 6, 8), None, "开展清洁生产审核", None)],
    ),
    "通过 a named channel (quotes and all) is how; 报于X after the object is where it goes": (
        "请各单位于2月20日前通过公共服务网“三支一扶”/“岗位征集”/“岗位需求申报”填写有关信息。"
        "使用单位应于每年1月30日前提交上一年度的评估报告和使用计划情况报于我局备案。",
        [(date(2024, 2, 20), None, "填写有关信息", None),
         (None, "每年1月30日前", "提交上一年度的评估报告和使用计划情况", "我局")],
    ),
    "要认真总结X，并于…前报送: what is sent is X": (
        "各企业要认真总结本企业“安全生产月”活动开展情况，并于6月25日前以书面和电子文本两种形式报送区经发局。",
        [(date(2024, 6, 25), None, "报送本企业“安全生产月”活动开展情况", "区经发局")],
    ),
    "向X提出申请: X is where it goes, not what": (
        "符合条件的村居于2月28日前向片区政法综治处提出申请。",
        [(date(2024, 2, 28), None, "提出申请", "片区政法综治处")],
    ),
    "年底前 with an adverb of extent before the verb, which what leaves out": (
        "在四个片区各选定两个村庄推行示范村建设，年底前基本建成垃圾分类示范村；在全域开展示范区域建设。",
        [(date(2024, 12, 31), None, "建成垃圾分类示范村", None)],
    ),
    "将X，于…前分别报送Y: the object held in the clause before": (
        "各牵头单位应将本单位的工作方案（电子版与纸质版）以及联络员姓名电话，于6月10日前分别报送区督查室和区安办。",
        [(date(2024, 6, 10), None, "报送本单位的工作方案以及联络员姓名电话", "区督查室和区安办")],
    ),
    "manner phrase and 反馈至: 以书面形式 is how, not what": (
        "并在每月5日前将检查落实情况以书面形式反馈至县应急局。",
        [(None, "每月5日前", "反馈检查落实情况", "县应急局")],
    ),
    "two dates share one 前 (分别于A和B前)": (
        "半年和年度工作总结应分别于6月20日和12月20日前报送区安办。",
        [(date(2024, 6, 20), None, "报送半年和年度工作总结", "区安办"),
         (date(2024, 12, 20), None, "报送半年和年度工作总结", "区安办")],
    ),
    "quarterly: 每季度首月10号前, a reference in brackets is dropped": (
        "工作统计表（县办〔2023〕12号附件1、2）应于每季度首月10号前报送县安办。",
        [(None, "每季度首月10号前", "报送工作统计表", "县安办")],
    ),
    "发送 to a mailbox: the mailbox is not a receiver": (
        "请各企业于4月1日前将《应急演练计划表》发送邮箱：yjj2024@163.com。",
        [(date(2024, 4, 1), None, "发送《应急演练计划表》", None)],
    ),
    "an item that opens with its month is due by the month's end": (
        "（三）重点工作\n3．九月份组织开展社区消防应急演练活动。\n",
        [(date(2024, 9, 30), None, "组织开展社区消防应急演练活动", None)],
    ),
    "another body's plan for a month is not the reader's deadline": (
        "11月份，省生态环境厅将组织专家对我县开展全面督查考核。\n", [],
    ),
    "a month inside a sentence is not an item's month": (
        "今年6月份以来，各地积极开展专项整治。", [],
    ),
    "a list of units as the subject; 对X进行Y reads 进行Y, the act as printed (dev gold 7 of 10)": (
        "二、减轻企业负担2013年年底前，财政部、发展改革委要对重点省份涉企收费情况进行集中清理整顿，坚决取缔乱收费。",
        [(date(2013, 12, 31), None, "进行集中清理整顿", None)],
    ),
    "a month in Chinese numerals": (
        "各地应于六月底前将落实情况报农业农村部备案。",
        [(date(2024, 6, 30), None, "报落实情况", "农业农村部")],
    ),
    "各地 is the subject; the verb after it (组织) opens what": (
        "2019年8月底前，各地组织二级医院完成病案首页的编码转换工作。",
        [(date(2019, 8, 31), None, "组织二级医院完成病案首页的编码转换工作", None)],
    ),
    "a date opening its sentence dates the act after it, the acting unit left out": (
        "2019年3月底前，全国二级公立医院全部纳入省卫生健康委满意度调查平台。",
        [(date(2019, 3, 31), None, "纳入省卫生健康委满意度调查平台", None)],
    ),
    "a fronted date: the unit and the unit it works with are left out": (
        "5月30日前，区环境监测站配合环保处编制并上报专项检查报告。",
        [(date(2024, 5, 30), None, "编制并上报专项检查报告", None)],
    ),
    "a fronted date over what was done (了) is no deadline": (
        "6月30日前，区民政、教育等部门开展联合检查，完成了全区养老机构的排查。", [],
    ),
    "于 DATE 前 binds the act after it, a manner word (依法依规) left out": (
        "由乡镇人民政府拟定整治方案，经区农业农村委核定，于2020年10月30日前依法依规落实分类处置。",
        [(date(2020, 10, 30), None, "落实分类处置", None)],
    ),
    "于 DATE 前 with a verb outside the obligation list": (
        "其中，计划补办手续的项目，于2020年6月20日前征询区发展改革委等部门意见。",
        [(date(2020, 6, 20), None, "征询区发展改革委等部门意见", None)],
    ),
    "the last month of every quarter (每季度最后一月) is recurring": (
        "各属地乡镇于每月20日前报送月度工作统计表，每季度最后一月20日前报送季度工作情况报告。",
        [(None, "每月20日前", "报送月度工作统计表", None), (None, "每季度最后一月20日前", "报送季度工作情况报告", None)],
    ),
    "two things due on two dates, sent by the verb after the second": (
        "各村工作方案于4月8日前，工作总结、相关图片于4月26日前报送至社会事业处。",
        [(date(2024, 4, 8), None, "报送各村工作方案", "社会事业处"),
         (date(2024, 4, 26), None, "报送工作总结、相关图片", "社会事业处")],
    ),
    "a contact in brackets after what is sent is no part of it": (
        "请于10月8日前向组委会报送各工作小组详细工作方案及进展情况（联系人：区社会事业局施某，联系电话：13760323799）。",
        [(date(2024, 10, 8), None, "报送各工作小组详细工作方案及进展情况", "组委会")],
    ),
    "an item number the copy ran into the sentence before, and the subject with its modal, are no part of the object": (
        "确保各项工作落实到位 (二)有关企业要将由企业主要负责人签字的自查自改情况于2016年7月5日前报送乡安监站。",
        [(date(2016, 7, 5), None, "报送由企业主要负责人签字的自查自改情况", "乡安监站")],
    ),
    "every year on several dates sharing one 前": (
        "并于每年5月1日、9月30日和11月1日前将本企业安全风险分析报告报某能源监管办。",
        [(None, "每年5月1日前", "报本企业安全风险分析报告", "某能源监管办"),
         (None, "每年9月30日前", "报本企业安全风险分析报告", "某能源监管办"),
         (None, "每年11月1日前", "报本企业安全风险分析报告", "某能源监管办")],
    ),
    "two acts joined by 并将: the first is what is due, the receiver the sentence's": (
        "各乡镇要于5月10日前完成自查并将自查报告报送县应急局。",
        [(date(2024, 5, 10), None, "完成自查", "县应急局")],
    ),
    "what was summed up (对X进行总结) is what a later 报告 sends": (
        "区支队应对专项行动实施情况进行总结，在12月5日前书面报告省总队。",
        [(date(2024, 12, 5), None, "报告专项行动实施情况", "省总队")],
    ),
    "as of a date (截至) is not due": ("截至2023年底，全县已建成站点120个。", []),
    "a date, a comma, then the unit that must act": (
        "2019年3月底前，省卫生健康委推行统一的疾病分类编码。2019年6月底前，各省份建立省级考核信息系统。",
        [(date(2019, 3, 31), None, "推行统一的疾病分类编码", None),
         (date(2019, 6, 30), None, "建立省级考核信息系统", None)],
    ),
    "每年 carries to a second year-less date of its sentence": (
        "2020年起，每年2月底前各省份完成辖区内考核工作，3月底前省卫生健康委完成监测指标分析工作。",
        [(None, "每年2月底前", "完成辖区内考核工作", None),
         (None, "每年3月底前", "完成监测指标分析工作", None)],
    ),
    "a distributive subject, a modal and 将 before the thing sent": (
        "各有关处室和单位要将具体工作方案于3月26日前报送政法综治处。",
        [(date(2024, 3, 26), None, "报送具体工作方案", "政法综治处")],
    ),
    "a first verb phrase, then 报 and where it goes": (
        "对辖区工作进行自评打分，10月30日前形成年度督查考核情况总结报省环保厅。",
        [(date(2024, 10, 30), None, "形成年度督查考核情况总结", "省环保厅")],
    ),
    "a clause opening with its verb keeps the unit it names": (
        "6月底前完成国家卫生健康委部署的排查任务。",
        [(date(2024, 6, 30), None, "完成国家卫生健康委部署的排查任务", None)],
    ),
    "a date first, then the units and 将 what they send": (
        "5月15日前，各处室将总结报送党政办公室。",
        [(date(2024, 5, 15), None, "报送总结", "党政办公室")],
    ),
    "units joined by 和 under one 各": (
        "各有关处室和单位要将具体工作方案于3月26日前报送政法综治处。",
        [(date(2024, 3, 26), None, "报送具体工作方案", "政法综治处")],
    ),
    "a manner phrase right after 前 is no hindrance": (
        "于2024年5月20日前以书面形式将整改情况报送区安委办。",
        [(date(2024, 5, 20), None, "报送整改情况", "区安委办")],
    ),
    "最迟于 is how the date is bound, not what is due": (
        "各单位最迟于2024年5月10日前完成自查。",
        [(date(2024, 5, 10), None, "完成自查", None)],
    ),
    "a date in brackets after a task: what the bracket follows": (
        "（一）全面排查隐患（2024年9月30日前完成）。",
        [(date(2024, 9, 30), None, "完成全面排查隐患", None)],
    ),
    "an urging clause is not the object a later 报送 left out": (
        "请各单位高度重视，于2024年5月20日（星期五）前报送。",
        [(date(2024, 5, 20), None, "报送", None)],
    ),
    "全面 before 完成 is an adverb what leaves out": (
        "4月6日前全面完成森林火灾风险隐患排查整治工作。",
        [(date(2024, 4, 6), None, "完成森林火灾风险隐患排查整治工作", None)],
    ),
    "a request dated without 前, for two dates, to 汇总 somewhere": (
        "各部门半年、年度工作进展情况请于6月30日和12月31日汇总到政法综治处。",
        [(date(2024, 6, 30), None, "汇总半年、年度工作进展情况", "政法综治处"),
         (date(2024, 12, 31), None, "汇总半年、年度工作进展情况", "政法综治处")],
    ),
    "a dated meeting is no deadline": ("请于3月15日召开动员会议。", []),
    "报告 ending the object fronted by 将 is not the verb": (
        "请各乡镇于2024年4月10日前将自查报告报县应急局。",
        [(date(2024, 4, 10), None, "报自查报告", "县应急局")],
    ),
    "a paragraph's first clause does not send the heading above it": (
        "一、工作要求\n请于2024年4月10日（星期三）下班前报送。",
        [(date(2024, 4, 10), None, "报送", None)],
    ),
    "a manner phrase before the act (对照清单逐项, 按照省厅要求) is not what is due": (
        "各地于9月30日前对照清单逐项完成整改。请于9月30日前按照省厅要求报送总结。",
        [(date(2024, 9, 30), None, "完成整改", None), (date(2024, 9, 30), None, "报送总结", None)],
    ),
    "two dates without 前 sharing 分别将…报送": (
        "各单位要在8月17日、9月17日分别将整治情况报送我委。",
        [(date(2024, 8, 17), None, "报送整治情况", "我委"), (date(2024, 9, 17), None, "报送整治情况", "我委")],
    ),
    "a monthly day without 前 before 定期向…报告": (
        "各村委会于每月15日定期向片区道安办报告隐患摸排及整改情况。",
        [(None, "每月15日", "报告隐患摸排及整改情况", "片区道安办")],
    ),
    "three dates sharing one 前 and one act": (
        "各区分别于2023年11月20日、2024年6月20日、2025年12月20日前报送阶段性工作总结。",
        [(date(2023, 11, 20), None, "报送阶段性工作总结", None), (date(2024, 6, 20), None, "报送阶段性工作总结", None),
         (date(2025, 12, 20), None, "报送阶段性工作总结", None)],
    ),
    "如有X，请于…前书面反馈: the object is X, 书面 is manner": (
        "如有意见建议，请于11月25日前书面反馈。",
        [(date(2024, 11, 25), None, "反馈意见建议", None)],
    ),
    "将X发至a mailbox: 发 X, no receiver": (
        "请于5月15日17:00前将反馈意见发至我局联系人邮箱guangrui@nea.gov.cn。",
        [(date(2024, 5, 15), None, "发反馈意见", None)],
    ),
    "通过… is a manner that keeps its verb; （一式三份） is a note on the form": (
        "请于2024年5月20日下班前通过OA报送。请于4月30日前将推荐材料（一式三份）报送区社会事业局。",
        [(date(2024, 5, 20), None, "报送", None), (date(2024, 4, 30), None, "报送推荐材料", "区社会事业局")],
    ),
    "报送时间：…前 labels the act of the clause before": (
        "请各乡镇将自查报告报县应急局，报送时间：2024年4月10日前。",
        [(date(2024, 4, 10), None, "报送自查报告", None)],
    ),
    "形成自查报告报X: 报告 is what is made, 报 sends it": (
        "各乡镇要认真组织自查，于4月10日前形成自查报告报县应急局。",
        [(date(2024, 4, 10), None, "形成自查报告", "县应急局")],
    ),
    "a subject alone before the date is no object; 书面 before the verb is manner": (
        "各乡镇于2024年4月10日前报送，联系人：张三。各乡镇要在4月10日前，将检查情况书面报送县应急局。",
        [(date(2024, 4, 10), None, "报送", None), (date(2024, 4, 10), None, "报送检查情况", "县应急局")],
    ),
    "X月前 is the last day before that month; 二季度末前 the quarter's last day": (
        "第一批试点单位要在2024年6月前完成验收。各地应在二季度末前完成全部设备更新。",
        [(date(2024, 5, 31), None, "完成验收", None), (date(2024, 6, 30), None, "完成全部设备更新", None)],
    ),
    "X月中旬前 is the 10th, 下旬前 the 20th, 上旬前 the month before's last day (中旬 without 前: the 20th)": (
        "各村在2023年8月中旬前要基本完成换届选举工作。各村于11月下旬前完成自查。请于12月上旬前报送总结。"
        "请于9月中旬报送台账。",
        [(date(2023, 8, 10), None, "完成换届选举工作", None), (date(2024, 11, 20), None, "完成自查", None),
         (date(2024, 11, 30), None, "报送总结", None), (date(2024, 9, 20), None, "报送台账", None)],
    ),
    "上午前 binds the date; where one goes for it is no part of the act; 将X，盖章反馈至Y sends X (the phone after Y aside)": (
        "各村要在2024年8月11日上午前到社会事业处212领取消杀药水，并于2024年8月14日前将本村集中灭蚊开展情况"
        "（需包含现场照片），盖章反馈至社会事业处周海玲处059162536596。",
        [(date(2024, 8, 11), None, "领取消杀药水", None),
         (date(2024, 8, 14), None, "反馈本村集中灭蚊开展情况", "社会事业处周海玲处")],
    ),
    "a clause on what comes with it (并附…) is not what is sent: the clause before it is": (
        "请符合条件的企业提交申报材料，申报材料一式5份，并附相同内容U盘2个、光盘2张，于6月24日前报送至区经发局发改处。",
        [(date(2024, 6, 24), None, "报送申报材料", "区经发局发改处")],
    ),
    "a send verb right after the date binds it; the named person is what is sent": (
        "请各乡镇分别明确1名联络员，做好日常沟通衔接，于3月15日前反馈县人社局。",
        [(date(2024, 3, 15), None, "反馈联络员", "县人社局")],
    ),
    "盖章扫描后 is when, not what; 送达 is one verb": (
        "各部门盖章扫描后于5月8日前发送至邮箱。申报材料请于2024年6月28日（星期五）下班前送达县科技局。",
        [(date(2024, 5, 8), None, "发送", None), (date(2024, 6, 28), None, "送达申报材料", "县科技局")],
    ),
    "对X，进行Y: the act after the comma; a comma inside brackets does not end the clause": (
        "各单位要于9月底前对辖区内的养老机构，进行一次全面排查。"
        "请于2024年5月15日前将推荐名单（纸质版一式两份，加盖公章）报送县人社局。",
        [(date(2024, 9, 30), None, "进行一次全面排查", None), (date(2024, 5, 15), None, "报送推荐名单", "县人社局")],
    ),
    "what was made (形成, 填写) is the object; 书面报告 is a noun; 请各单位 is the subject": (
        "各机构形成书面报告于2024年8月15日前报送市交通委。请各单位汇总信息，填写相应的推荐表格并于4月20日前发送至科技处邮箱。"
        "请各单位于2024年4月22日前报送。",
        [(date(2024, 8, 15), None, "报送书面报告", "市交通委"), (date(2024, 4, 20), None, "发送相应的推荐表格", None),
         (date(2024, 4, 22), None, "报送", None)],
    ),
    "将X进行Y → 进行Y; 报 inside 申报日 does not send": (
        "各区于2025年3月10日前将截至申报日的可再生能源项目进行线上初审。"
        "电网企业于2025年4月底前将截至申报日的项目实际发电量报送我委。",
        [(date(2025, 3, 10), None, "进行线上初审", None), (date(2025, 4, 30), None, "报送截至申报日的项目实际发电量", "我委")],
    ),
    "把X降低到Y → 降低X到Y; 对X进行一次Y keeps 进行; the forms sent in are no part of the object": (
        "各单位要在二季度前把单位产品电耗降低到历史最好水平。有关部门于三季度以前，对用电单位进行一次用电大普查，查清供电设备。"
        "各企业于7月31日前将自查报告正式文件及电子邮件报送省能源局。各区于9月25日前报书面材料连同电子文档。",
        [(date(2024, 6, 30), None, "降低单位产品电耗到历史最好水平", None),
         (date(2024, 9, 30), None, "进行一次用电大普查", None),
         (date(2024, 7, 31), None, "报送自查报告", "省能源局"),
         (date(2024, 9, 25), None, "报书面材料连同电子文档", None)],
    ),
    "a clause of circumstances after the subject (各村要结合实际) is skipped; 将X形成Y → 形成Y; 全权负责 is no object": (
        "4月6日前，各村要结合实际，制定具体的工作方案。各村于4月25日前将活动组织开展情况形成书面总结，上报爱卫办。"
        "临时设立六个资产清查工作专班，全权负责相关区域资产清查工作，并在2024年6月底前完成。",
        [(date(2024, 4, 6), None, "制定具体的工作方案", None), (date(2024, 4, 25), None, "形成书面总结", None),
         (date(2024, 6, 30), None, "完成相关区域资产清查工作", None)],
    ),
    "并将X分别于…前报送: 并 is no part of the object; 截至 is no receiver's 至": (
        "健全督导机制，并将行动总结分别于2024年8月7日、2024年12月4日前报送政法综治处。每月1日前上报截至上月末的累计情况。",
        [(date(2024, 8, 7), None, "报送行动总结", "政法综治处"), (date(2024, 12, 4), None, "报送行动总结", "政法综治处"),
         (None, "每月1日前", "上报截至上月末的累计情况", None)],
    ),
    "a clock time in the afternoon (下午5点, 下午4点半) is counted from noon": (
        "各单位务必于5月10日下午5点前将材料报送至县委办公室。请于5月11日下午4点半前报送名单。",
        [(date(2024, 5, 10), None, "报送材料", "县委办公室"), (date(2024, 5, 11), None, "报送名单", None)],
    ),
    "通报/公示 right after the date are acts due then": (
        "组织对辖区产废单位进行考评考核，12月底前通报全区督查考核情况。",
        [(date(2024, 12, 31), None, "通报全区督查考核情况", None)],
    ),
    "通过电子邮件 before 将 is manner": (
        "请于2024年6月5日前通过电子邮件将汇总表报送我局，逾期视为放弃。",
        [(date(2024, 6, 5), None, "报送汇总表", "我局")],
    ),
    "每周五下班前 is a weekly deadline": (
        "请各村于每周五下午下班前报送本周情况。",
        [(None, "每周五下午下班前", "报送本周情况", None)],
    ),
    "a bracketed note on what is sent is no part of it; a 《》 title keeps its own brackets": (
        "各单位请于8月13日前报送专项整治进展情况（发现的线索）及相关报表。请于9月1日前完成《某县网站栏目（系统）信息表》的填报。",
        [(date(2024, 8, 13), None, "报送专项整治进展情况及相关报表", None),
         (date(2024, 9, 1), None, "完成《某县网站栏目（系统）信息表》的填报", None)],
    ),
    "a second act joined by 并 after the sent object is not what is due": (
        "各分局于9月15日前报送工作总结并汇总专项行动相关数据。",
        [(date(2024, 9, 15), None, "报送工作总结", None)],
    ),
    "两个对象各有日期、共用一个报送动词 (于A日前将X、B日前将Y分别报送Z)": (
        "请各科室于6月15日前将上半年工作进展情况、12月15日前将工作总结分别报送局安办。",
        [(date(2024, 6, 15), None, "报送上半年工作进展情况", "局安办"),
         (date(2024, 12, 15), None, "报送工作总结", "局安办")],
    ),
    "an adverb of manner before the verb (主动, 积极) is left out of what": (
        "企业应于2024年4月30日前主动申请注销《执业药师注册证》。",
        [(date(2024, 4, 30), None, "申请注销《执业药师注册证》", None)],
    ),
    "a note in brackets holding a send verb (…汇总数据…) is no part of the act; 汇总后转报 sends with 转报": (
        "各区要于2024年5月19日前将核查工作总结（一式两份，有关汇总数据较上年变化超3%的应说明原因）报市港航中心。"
        "请于5月10日前将推荐名单汇总后转报市发改委。请于6月13日前将盖章扫描件报区乡村振兴局。",
        [(date(2024, 5, 19), None, "报核查工作总结", "市港航中心"),
         (date(2024, 5, 10), None, "转报推荐名单", "市发改委"),
         (date(2024, 6, 13), None, "报盖章扫描件", "区乡村振兴局")],
    ),
    "下午下班前 binds a date; 通过X平台完成 reads past the manner; 汇总表 is a table's name, not the act": (
        "请于2024年5月20日下午下班前将电子版发送至邮箱abc@qq.com。项目单位7月31日前通过新能源云平台完成注册和信息填报。"
        "请于3月15日下班前将投资计划报告和汇总表的书面材料发送至区国资局。",
        [(date(2024, 5, 20), None, "发送电子版", None),
         (date(2024, 7, 31), None, "完成注册和信息填报", None),
         (date(2024, 3, 15), None, "发送投资计划报告和汇总表的书面材料", "区国资局")],
    ),
    "several days after 每月 sharing one 前 are each monthly; what the clause before sends (向X报送Y) is sent": (
        "请各成员单位按时向专项办报送专项行动摸排情况表，于每月15日、30日下午下班前报送政法综治处。",
        [(None, "每月15日下午下班前", "报送专项行动摸排情况表", "政法综治处"),
         (None, "每月30日下午下班前", "报送专项行动摸排情况表", "政法综治处")],
    ),
    "an object-less send after 提出X后 sends X": (
        "区相关职能部门对照申报材料清单，对申报项目提出初审意见后，4月10日（周五）前报送区发展改革委。",
        [(date(2024, 4, 10), None, "报送初审意见", "区发展改革委")],
    ),
    "a send whose object is a unit (各主管部门, …司) sends what was made before; a clause saying what a report holds "
    "is not what is sent": (
        "各单位组织开展清查工作，填报有关清查报表，于2024年4月25日前报送各主管部门。"
        "各派出机构要形成监管工作总结报告和问题清单，总结报告应包括总体情况、发现问题等内容，并于9月30日前报送市场监管司。",
        [(date(2024, 4, 25), None, "报送有关清查报表", "各主管部门"),
         (date(2024, 9, 30), None, "报送监管工作总结报告和问题清单", "市场监管司")],
    ),
    "a time of day alone (当日8:00前, 每日早上8点前, 每周一上午10时前) recurs; a duty before 向X报告 is not what is reported": (
        "物资设施应于当日8:00前布置到位。每日参与人员于8:00前达到各自点位，各单位负责人负责本单位人员落实到位，"
        "并于8:00前向现场指挥部报告。各组每周一上午10时前报上周情况。",
        [(None, "当日8:00前", "布置到位", None), (None, "8:00前", "达到各自点位", None),
         (None, "8:00前", "报告", "现场指挥部"), (None, "每周一上午10时前", "报上周情况", None)],
    ),
    "the partners a fronted date's act is done with (联合X等部门) are no part of it; of two acts joined by 并 the first": (
        "2024年12月底前，联合区消防支队等部门打造教育行业系统标杆示范单位并召开现场推广会议。"
        "各单位要于5月30日前编制并上报专项检查报告。",
        [(date(2024, 12, 31), None, "打造教育行业系统标杆示范单位", None),
         (date(2024, 5, 30), None, "编制并上报专项检查报告", None)],
    ),
    "several dates each with its own 前 share one act; a later recurring one takes the object sent before": (
        "各处室、单位于2018年7月10日前、10月10日前和2019年1月10日前分别将季度、半年工作进展情况汇总送局安监处，"
        "明年起每季度第二个月10日前报送。",
        [(date(2018, 7, 10), None, "汇总季度、半年工作进展情况", "送局安监处"),
         (date(2024, 10, 10), None, "汇总季度、半年工作进展情况", "送局安监处"),
         (date(2019, 1, 10), None, "汇总季度、半年工作进展情况", "送局安监处"),
         (None, "每季度第二个月10日前", "报送季度、半年工作进展情况", None)],
    ),
    "a clock time after a monthly day; a weekday before a send verb; 通过…渠道 is how": (
        "各发电企业应于每月2日12：00前通过市价格监测与成本调查队指定渠道填报上月数据。各部门每周三报送安全生产工作动态。"
        "各乡镇每周一上午要将上一周收缴进度报送到区社会保障服务中心。",
        [(None, "每月2日12：00前", "填报上月数据", None), (None, "每周三", "报送安全生产工作动态", None),
         (None, "每周一上午", "报送上一周收缴进度", "区社会保障服务中心")],
    ),
    "a fronted date's acting unit with its bracket and the unit it works with (会同X), or a district, are no part of what": (
        "2025年9月底前，区建设管理委（区水务局）会同上海城投集团完成移交清单现场盘点。2026年5月底前，杨浦区完成区级防汛防台预案修编。",
        [(date(2025, 9, 30), None, "完成移交清单现场盘点", None), (date(2026, 5, 31), None, "完成区级防汛防台预案修编", None)],
    ),
    "将X<verb>至<place>: the verb and what it moves, the place no receiver": (
        "各参加单位自行负责在每日早上8点前将要素保障物资投放至指定位置。",
        [(None, "每日早上8点前", "投放要素保障物资", None)],
    ),
    "a thing with no verb of its own before its send verb and receiver is sent by that verb": (
        "请各处室于2月10日前工作落实情况报送至局安监处。",
        [(date(2024, 2, 10), None, "报送工作落实情况", "局安监处")],
    ),
    "…报告，于DATE上报 without 前 is due that day; 数据截止日期为 is the data's cut-off; …审核后 is the act": (
        "各分局总结工作经验，形成专项行动工作报告，于9月15日上报质监处。采用数据截止日期为2023年12月31日。"
        "各区并于2024年1月31日前通过平台完成基础信息的更改审核后，提交市幕墙办。",
        [(date(2024, 9, 15), None, "上报专项行动工作报告", "质监处"),
         (date(2024, 1, 31), None, "完成基础信息的更改审核", None)],
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_find_deadlines(text: str, expected: list[tuple[object, ...]]) -> None:
    hits = find_deadlines(text, 2024, [])
    assert [(h.date, h.recurring, h.what, h.to) for h in hits] == expected


def test_the_clock_time_of_a_deadline() -> None:
    hits = find_deadlines("各单位务必于5月10日下午5点前报送材料。请于5月11日下午4点半前报送名单。请于5月12日10:30前报送。", 2024, [])
    assert [h.time for h in hits] == ["17:00", "16:30", "10:30"]


@pytest.mark.parametrize("text, expected", [
    ("报名时间自公告发布之日起至2024年5月25日下午17:30截止。", (date(2024, 5, 25), "报名", "17:30")),
    ("2024年9月12日17:30申报截止。", (date(2024, 9, 12), "申报", "17:30")),
    ("申报截止时间为2024年6月30日下午5时30分。", (date(2024, 6, 30), "申报", "17:30")),
    ("征集时间：即日起至2024年8月31日止。", (date(2024, 8, 31), "征集", None)),
])
def test_the_close_of_an_application_window_is_a_deadline(text: str, expected: tuple[object, ...]) -> None:
    assert [(h.date, h.what, h.time) for h in find_deadlines(text, 2024, [])] == [expected]


def test_a_campaigns_own_period_closes_no_window() -> None:
    assert find_deadlines("工作自2024年2月18日起至2024年9月15日止，分三个阶段实施。", 2024, []) == []


def test_a_date_in_the_bracket_closing_an_item_after_its_owners_dates_the_item() -> None:
    text = "2.重点排查重大危险源。认真组织开展排查，建立数据库。（区直各有关部门按职责分工负责，2018年3月底前完成）\n"
    hits = find_deadlines(text, 2017, [], {0: "重点排查重大危险源"})
    assert [(h.date, h.what) for h in hits] == [(date(2018, 3, 31), "重点排查重大危险源")]


@pytest.mark.parametrize("text, expected", [
    ("对照任务清单，确保片区6月底特困人员集中供养率达10%，7月底集中供养率达到15%。片区将各村的工作纳入考核。",
     [(date(2020, 6, 30), "特困人员集中供养率达10%"), (date(2020, 7, 31), "集中供养率达到15%")]),
    ("一、工作目标\n2026年底，全面完成老旧小区改造任务。", [(date(2026, 12, 31), "完成老旧小区改造任务")]),
    ("2020年12月，全面完成整治。", [(date(2020, 12, 31), "完成整治")]),
    # opening its sentence, the goal's verb right after it; a named half-year of a printed year: its end
    ("2026年底实现全区覆盖。", [(date(2026, 12, 31), "实现全区覆盖")]),
    ("2021年上半年确定造林空间落地方案。", [(date(2021, 6, 30), "确定造林空间落地方案")]),
])
def test_a_period_end_without_before_dates_a_goal_reached_by_then(text: str, expected: list[tuple[date, str]]) -> None:
    assert [(h.date, h.what) for h in find_deadlines(text, 2020, [])] == expected


@pytest.mark.parametrize("text", [
    "一、背景\n2019年底，全区已完成改造。",  # done, in a year before the document's
    "今年一季度，全国平均用电增长率达17.6%，为历年同期的最高水平。",  # a quarter: a statement
    "二、工作目标到2021年12月底，无烟场所建成比例达70%以上；2022年6月底，基本实现100%建成无烟机关。",  # targets
    "7月底生活不能自理特困人员集中供养率达到15%。",  # no goal word, not opening its sentence
])
def test_a_period_end_without_before_that_dates_no_goal(text: str) -> None:
    assert find_deadlines(text, 2020, []) == []


def test_an_act_whole_without_an_object_and_an_entry_into_a_system() -> None:
    text = "在2月28日前将项目信息录入省在线监管平台，全力推进项目前期工作，确保6月底前全部开工，9月底前全部完工。"
    assert [(h.date, h.what, h.to) for h in find_deadlines(text, 2023, [])] == [
        (date(2023, 2, 28), "录入项目信息", None), (date(2023, 6, 30), "开工", None), (date(2023, 9, 30), "完工", None),
    ]


def test_a_news_report_is_no_send_verb() -> None:
    text = "请各处室、各村于2月23日前将宣传教育活动开展的报道、图片或影像资料报政法综治处。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2021, [])] == [
        (date(2021, 2, 23), "报宣传教育活动开展的报道、图片或影像资料")]
    text = "请于2月23日前将统计报表报送政法综治处。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2021, [])] == [(date(2021, 2, 23), "报送统计报表")]


def test_a_stamp_before_the_send_verb_is_how_it_is_sent() -> None:
    text = "请各乡镇于2019年5月15日前将核对情况盖章报送民政处。请于6月25日前签字盖章报送《成效汇总表》。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2019, [])] == [
        (date(2019, 5, 15), "报送核对情况"), (date(2019, 6, 25), "报送《成效汇总表》")]


def test_who_gathers_a_thing_before_it_is_sent_is_no_part_of_what() -> None:
    text = "（6）免考材料由各校统一收缴，于4月7日前报区社会事业局基础教育处审核。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2026, [])] == [(date(2026, 4, 7), "报免考材料")]


def test_an_items_number_before_the_topic_is_no_part_of_what() -> None:
    text = "3.技术指导员申请表请于4月22日前报送区局。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2016, [])] == [(date(2016, 4, 22), "报送技术指导员申请表")]


def test_an_act_after_whom_it_goes_to_binds_the_date() -> None:
    text = "（2）申报单位完成服务活动后，在2016年12月31日之前向区经发局提出验收申请，由区经发局组织专家组进行项目验收。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2016, [])] == [(date(2016, 12, 31), "提出验收申请")]
    text = "各行业主管部门在6月20日前提出补偿方案。"  # 提出 is an obligation verb
    assert [(h.date, h.what) for h in find_deadlines(text, 2016, [])] == [(date(2016, 6, 20), "提出补偿方案")]


def test_a_clause_saying_after_what_is_when_and_a_form_after_its_object_is_how() -> None:
    text = "（3）承建单位在完成项目建设后，要在12月31日之前报送区经发局，由区经发局牵头组织验收。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2016, [])] == [(date(2016, 12, 31), "报送")]
    text = "请各处室于3月10日上午下班前，将《某局志愿者登记表》的电子版报送至邮箱a@b.com。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2021, [])] == [(date(2021, 3, 10), "报送《某局志愿者登记表》")]


def test_an_items_number_before_a_closing_date_is_no_part_of_what() -> None:
    text = "2.申报截止日期为2019年8月30日，逾期不予受理。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2019, [])] == [(date(2019, 8, 30), "申报")]


@pytest.mark.parametrize("text, what", [
    ("各项目于2021年9月15日前整改到位、反馈上报。", "整改到位"),
    ("确保项目于6月30日前完工并完成资金拨付使用。", "完工"),
    ("对信访件于10月30日前解决到位、息诉息访。", "解决到位"),
])
def test_an_act_whole_in_itself_before_the_next_is_what_is_due(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2021, [])] == [what]


def test_whom_a_fronted_object_goes_to_before_its_verb_is_no_part_of_what() -> None:
    text = "区办公室于6月17日前将整顿名单向社会通告。各单位于6月20日前将整改情况向区环保局报告。"
    assert [(h.what, h.to) for h in find_deadlines(text, 2016, [])] == [("通告整顿名单", None), ("报告整改情况", "区环保局")]


@pytest.mark.parametrize("text, what", [
    ("请于4月30日前组织申报单位编制实施方案。", "编制实施方案"),
    ("于6月30日前组织各行业系统、生产经营单位开展消防安全自查自纠活动。", "开展消防安全自查自纠活动"),
    ("于6月30日前组织开展消防安全检查。", "组织开展消防安全检查"),  # nobody made to act between: the act as printed
])
def test_who_is_made_to_act_is_no_part_of_what(text: str, what: str) -> None:
    assert [h.what for h in find_deadlines(text, 2021, [])] == [what]


def test_a_stamp_clause_and_a_manner_phrase_before_the_act_are_no_part_of_what() -> None:
    text = "1.各乡镇要填写《联络员登记表》（见附件1），加盖公章，于2014年11月20日前报送区环境与国土资源局生态处。"
    assert [h.what for h in find_deadlines(text, 2014, [])] == ["报送《联络员登记表》"]
    text = "各相关业务处室于每月30日前根据任务分工上报本月道安工作落实情况，并由局道安办汇总上报区道安办。"
    assert [h.what for h in find_deadlines(text, 2020, [])] == ["上报本月道安工作落实情况"]


def test_the_principle_a_thing_is_made_by_is_how_not_what() -> None:
    text = "2022年4月底前，按“标准量化、程序规范、范围明确”原则制定本企业事项清单。"
    assert [h.what for h in find_deadlines(text, 2022, [])] == ["制定本企业事项清单"]


@pytest.mark.parametrize("text, recurring, what", [
    ("6月1日起执行旬报制度，每旬最后一日前向区排查办报送本旬排查整治进展情况。", "每旬最后一日前", "报送本旬排查整治进展情况"),
    ("按照要求向省总队报送相关材料：每天16:00时前，报送执勤情况。", "每天16:00时前", "报送执勤情况"),
])
def test_a_ten_day_return_and_a_clock_time_with_时_recur(text: str, recurring: str, what: str) -> None:
    assert [(h.recurring, h.what) for h in find_deadlines(text, 2022, [])] == [(recurring, what)]


@pytest.mark.parametrize("text, expected", [
    ("到2025年底前,基本建立较为完善的积分、清单制度。", [(date(2025, 12, 31), "建立较为完善的积分、清单制度")]),
    ("到2025年底，全区基本建立较为完善的制度。", []),  # no 前: a target year
])
def test_a_target_year_with_前_is_due(text: str, expected: list[tuple[date, str]]) -> None:
    assert [(h.date, h.what) for h in find_deadlines(text, 2022, [])] == expected


def test_在_before_the_date_binds_the_act_as_于_does() -> None:
    text = "在2024年底前培育8个具有辖区鲜明特色、类型多样的宜居宜业和美乡村示范样板。"
    assert [(h.date, h.what) for h in find_deadlines(text, 2024, [])] == [
        (date(2024, 12, 31), "培育8个具有辖区鲜明特色、类型多样的宜居宜业和美乡村示范样板")]


def test_a_distributive_subject_naming_its_units_in_full_is_no_part_of_what_is_sent() -> None:
    text = "各片区管理局和责任单位相关整治工作开展情况及成效于每月10日报送区安办。"
    assert [(h.recurring, h.what, h.to) for h in find_deadlines(text, 2021, [])] == [
        ("每月10日", "报送相关整治工作开展情况及成效", "区安办")]


def test_the_units_a_target_is_handed_down_to_are_its_receivers() -> None:
    text = "考核牵头部门应于2026年7月31日前向所主管的重点单位下达2026年双控目标。"
    assert [(h.date, h.what, h.to) for h in find_deadlines(text, 2026, [])] == [
        (date(2026, 7, 31), "下达2026年双控目标", "所主管的重点单位")]


def test_a_labelled_month_with_before_is_due_at_the_end_of_the_month_before() -> None:
    text = "3.奖励表彰。由区整治办授予牌匾。责任单位：区整治办完成时限：2022年12月前\n"
    hits = find_deadlines(text, 2022, [], {0: "奖励表彰"}, ("完成时限",))
    assert [(h.date, h.what) for h in hits] == [(date(2022, 11, 30), "奖励表彰")]
