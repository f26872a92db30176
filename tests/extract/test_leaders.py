"""find_leaders: parametrised tables of text → exact hits, from real lines of the seeds and written notices."""

from __future__ import annotations

import pytest

from docproc.extract.leaders import (
    default_lexicon,
    find_leaders,
    split_positions,
    split_run_together,
)

G000 = "市助企护企执法监督专项行动工作领导小组"
SEED_000_GROUP = (
    "成立市助企护企执法监督专项行动工作领导小组。\n\n组   长:王会奇 副市长\n 常务副组长:王佩军 市司法局局长\n\n"
    "副 组 长:许树文 市公安局常务副局长\n\n曲向军 市市场监督管理局局长\n\n成   员:穆 雷 市司法局副局长\n\n"
    "李 悦 市公安局副局长\n|\n\n市助企护企执法监督专项行动工作领导小组下设办公室,\n\n"
    "办公室设在市司法局,市 司法局局长王佩军兼任办公室主任。\n"
)
G004 = "鲅鱼圈区优化营商法治环境规范行政处罚行为专项治理活动领导小组"
SEED_004_LIST = (
    "附件\n鲅鱼圈区优化营商法治环境规范\n\n行政处罚行为专项治理活动领导小组\n\n成员单位及成员名单\n\n"
    "组　长：田文阁　政府常务副区长、管委会常务副主任\n副组长：张玉军  区软环境办公室主任\n\n"
    "　　史毓志　区政府办公室副主任、法制办主任\n成　员：范春儒  区国土资源局局长\n\n张  宇  区经济和信息化局副局长\n"
    "        荀  亮  海星办事处副主任\n\n行政处罚治理活动专项领导小组下设办公室，办公室设在区政府办公室（法制办），"
    "办公室主任由史毓志同志兼任。联系人张程程，联系电话6169675。\n"
)
SEED_001_PROSE = (
    "（一）强化组织领导。成立“加强行政执法规范化建设”工作领导小组，局长任组长，副局长任副组长，"
    "局机关各科室负责人为小组成员，小组办公室设在政策法规科。"
)
SEED_001_TASK = "成立以局长为组长的“重大行政执法决定法制审核领导小组”，制定方案和细则。"
RUN_TOGETHER = "成立县安全生产工作领导小组。\n成员：李悦市公安局副局长李学良市市场监督管理局副局长\n"
OCR_JOINED_LINES = (  # OCR of seed 000's scan: the layout stage joined two list lines into one
    "成立县安全生产工作领导小组。\n成 员: 李悦市公安局副局长\n李学良市市场监督管理局副局长索丽珍 市生态环境局二级巡视员\n"
    "申 理 市城市管理综合行政执法局副局长\n"
)
OCR_LIST_RUN_ON = (  # OCR of seed 004's clean scan: five list lines joined, some with spaces, some without
    "成立县安全生产工作领导小组。\n成员：沈兆亮 区民政局副局长\n"
    "李岩区教育体育局纪检组长孙立新 区卫生与计划生育局副局长申守怡 区市场监督管理局副局长曹柏区农村经济发展局副局长\n"
    "胡跃波 区水利局副书记\n"
)
OFFICE_PROSE = (
    "决定成立安义县城乡环境综合整治工作领导小组。\n领导小组下设办公室，办公室设在县住房和城乡建设局，"
    "熊卫东同志兼任办公室主任，付建华、李  静同志任办公室副主任，负责领导小组日常工作。\n"
)

WRAPPED_POSITION = (  # a saved page's list: one position wrapped at the page width before its last word
    "成立某区“多规合一”试点工作领导小组。\n成 员：赖建 区交通与建设局局长\n陈人和 区经济发展局党组副书记、调\n研员\n"
    "卓文 区行政服务中心主任\n"
)
G_WRAP = "某区“多规合一”试点工作领导小组"
SUB_GROUP = (  # a part of a group set up with 下设: its full name is the group's and its own
    "建立某省安全保护工作部际联席会议制度。\n一、某省安全保护工作部际联席会议组成\n召集人：王立 省公安厅副厅长\n"
    "二、联络员工作组\n联席会议下设联络员工作组，负责通报安全保护形势。\n联络员工作组召集人由省公安厅治安总队总队长担任。\n"
)
G_SUB = "某省安全保护工作部际联席会议"
BARE_PART = (  # a part set up with 下设 by its bare word: the group's name and its own; its head by 由…兼任
    "决定成立某区专项整治工作领导小组，现就有关事宜通知如下：一、领导小组成员名单组 长：陈 华 党委委员、副局长"
    "成 员：陈若非 党政办公室主任领导小组下设工作专班，专班负责人由陈强兼任，组员为林强、高俊。二、工作任务（一）排查问题。\n"
)
G_BARE = "某区专项整治工作领导小组"
LISTED_PARTS = (  # parts a group sets up by a list of bare 组 names, each heading its own entries
    "二、组织领导 成立节前安全生产检查领导小组，下设商贸组和工业组2个检查小组。 "
    "商贸组组长：张纬华，成员：林传凤 卓 宁 杨际瑶 工业组组长：陈 华，成员：姚 欣 刘秀华\n三、检查范围\n本次检查重点涉及我局系统。\n"
)
G_PARTS = "节前安全生产检查领导小组"
QUOTED_IN_NAME = (  # quotes inside a group's name, a unit as a position, a sentence run on after the list
    "经研究决定，成立“某县农业局安全生产‘党政同责、一岗双责’领导小组”，组成人员如下： 组 长：陈立 局长 "
    "组 员：高传明 农机管理站副站长 魏国 综合处 下设办公室，办公室挂靠综合处，办公室主任由魏国同志兼任。\n"
)
G_QUOTED = "某县农业局安全生产‘党政同责、一岗双责’领导小组"
NAMES_ALONE = (  # a name alone on a continuation line; surnames beyond 百家姓 (帅, 楼)
    "成立某市信用建设工作领导小组。\n组 长：李文\n副组长：冯 镭\n沈 慧\n何洪（市纪委）\n"
    "成 员：帅建民（市旅游局）\n楼 华（人行某市支行）\n"
)
G_NAMES = "某市信用建设工作领导小组"
SHORT_NAME_AND_PARTS = (  # an office given a short name, and its working groups under numbered headings
    "某片区人口普查领导小组办公室（以下简称片区人普办）是片区人口普查领导小组的办事机构，内设综合组、业务组。\n"
    "一、片区人普办组成人员\n主 任：胡东 副局长\n成 员：周霞 综合办副主任\n二、办公室内设工作组及职责分工\n"
    "（一）综合组\n组长：翁武\n成员：郑祥\n职责：承办办公室日常性文件管理工作。\n（二）业务组\n组长：吴斌\n"
)
G_OFFICE = "某片区人口普查领导小组办公室"
GLUED_GIVEN_NAME = "成立县安全生产工作领导小组。\n成  员：张 辉 平潭县烟草局局长\n肖 锌平潭消防支队筹建组组长\n"
BARE_AFTER_LIST = (
    "成立县防汛工作指挥部。\n指挥长：陈一 县长\n"
    "成 员：徐二 县传媒中心办公室 指挥部下设办公室，负责日常工作。\n"
)
GLUED_EACH_AFTER_LIST = "成立县防汛工作指挥部。\n指挥长：陈一 县长\n成 员：李二 局长. 各相关村主干指挥部下设办公室，办公室主任由张三担任。\n"
UNNAMED_LIST = (
    "一、组织机构\n组长：王一 党委书记\n成员：李二 办公室主任\n领导小组下设办公室，负责日常工作。\n"
    "二、工作要求\n办公室承担辖区垃圾分类工作领导小组日常事务。\n"
)
CASES = {
    "an office named by its short name; its working groups named under it": (SHORT_NAME_AND_PARTS, [
        (G_OFFICE, "主任", "胡东", "副局长", "leaders.table.v1"),
        (G_OFFICE, "成员", "周霞", "综合办副主任", "leaders.table.v1"),
        # working groups under the office take the leading group's name (the gold README's "Settled" note)
        ("某片区人口普查领导小组综合组", "组长", "翁武", None, "leaders.table.v1"),
        ("某片区人口普查领导小组综合组", "成员", "郑祥", None, "leaders.table.v1"),
        ("某片区人口普查领导小组业务组", "组长", "吴斌", None, "leaders.table.v1"),
    ]),
    "quotes inside a group's name; a unit as a position; the sentence after the list": (QUOTED_IN_NAME, [
        (G_QUOTED, "组长", "陈立", "局长", "leaders.table.v1"),
        (G_QUOTED, "组员", "高传明", "农机管理站副站长", "leaders.table.v1"),
        (G_QUOTED, "组员", "魏国", "综合处", "leaders.table.v1"),
        (G_QUOTED + "办公室", "办公室主任", "魏国", None, "leaders.prose_by.v1"),
    ]),
    "a name alone under the role above; surnames 帅 and 楼": (NAMES_ALONE, [
        (G_NAMES, "组长", "李文", None, "leaders.table.v1"),
        (G_NAMES, "副组长", "冯镭", None, "leaders.table.v1"),
        (G_NAMES, "副组长", "沈慧", None, "leaders.table.v1"),
        (G_NAMES, "副组长", "何洪", "市纪委", "leaders.table.v1"),
        (G_NAMES, "成员", "帅建民", "市旅游局", "leaders.table.v1"),
        (G_NAMES, "成员", "楼华", "人行某市支行", "leaders.table.v1"),
    ]),
    "a part set up with 下设 takes its group's name, also where it is named alone": (SUB_GROUP, [
        (G_SUB, "召集人", "王立", "省公安厅副厅长", "leaders.table.v1"),
        (G_SUB + "联络员工作组", "召集人", None, "省公安厅治安总队总队长", "leaders.prose_by.v1"),
    ]),
    "parts a 下设 list names head their own entries; a part's name ends the list before it": (LISTED_PARTS, [
        (G_PARTS + "商贸组", "组长", "张纬华", None, "leaders.table.v1"),
        (G_PARTS + "商贸组", "成员", "林传凤", None, "leaders.table.v1"),
        (G_PARTS + "商贸组", "成员", "卓宁", None, "leaders.table.v1"),
        (G_PARTS + "商贸组", "成员", "杨际瑶", None, "leaders.table.v1"),
        (G_PARTS + "工业组", "组长", "陈华", None, "leaders.table.v1"),
        (G_PARTS + "工业组", "成员", "姚欣", None, "leaders.table.v1"),
        (G_PARTS + "工业组", "成员", "刘秀华", None, "leaders.table.v1"),
    ]),
    "a part set up with 下设 by its bare word takes its group's name; 专班负责人 is a role": (BARE_PART, [
        (G_BARE, "组长", "陈华", "党委委员、副局长", "leaders.table.v1"),
        (G_BARE, "成员", "陈若非", "党政办公室主任", "leaders.table.v1"),
        (G_BARE + "工作专班", "专班负责人", "陈强", None, "leaders.prose_by.v1"),
        (G_BARE + "工作专班", "组员", "林强", None, "leaders.prose_listed.v1"),
        (G_BARE + "工作专班", "组员", "高俊", None, "leaders.prose_listed.v1"),
    ]),
    "a position wrapped before its last word (调 / 研员) stays one entry; the list goes on": (WRAPPED_POSITION, [
        (G_WRAP, "成员", "赖建", "区交通与建设局局长", "leaders.table.v1"),
        (G_WRAP, "成员", "陈人和", "区经济发展局党组副书记、调研员", "leaders.table.v1"),
        (G_WRAP, "成员", "卓文", "区行政服务中心主任", "leaders.table.v1"),
    ]),
    "seed-000 table, continuation lines, office in prose": (SEED_000_GROUP, [
        (G000, "组长", "王会奇", "副市长", "leaders.table.v1"),
        (G000, "常务副组长", "王佩军", "市司法局局长", "leaders.table.v1"),
        (G000, "副组长", "许树文", "市公安局常务副局长", "leaders.table.v1"),
        (G000, "副组长", "曲向军", "市市场监督管理局局长", "leaders.table.v1"),
        (G000, "成员", "穆雷", "市司法局副局长", "leaders.table.v1"),
        (G000, "成员", "李悦", "市公安局副局长", "leaders.table.v1"),
        (G000 + "办公室", "办公室主任", "王佩军", "市司法局局长", "leaders.prose.v1"),
    ]),
    "seed-004 list with units, office director 由…兼任": (SEED_004_LIST, [
        (G004, "组长", "田文阁", "政府常务副区长、管委会常务副主任", "leaders.table.v1"),
        (G004, "副组长", "张玉军", "区软环境办公室主任", "leaders.table.v1"),
        (G004, "副组长", "史毓志", "区政府办公室副主任、法制办主任", "leaders.table.v1"),
        (G004, "成员", "范春儒", "区国土资源局局长", "leaders.table.v1"),
        (G004, "成员", "张宇", "区经济和信息化局副局长", "leaders.table.v1"),
        (G004, "成员", "荀亮", "海星办事处副主任", "leaders.table.v1"),
        ("行政处罚治理活动专项领导小组办公室", "办公室主任", "史毓志", None, "leaders.prose_by.v1"),
    ]),
    "seed-001 group defined by positions only": (SEED_001_PROSE, [
        ("“加强行政执法规范化建设”工作领导小组", "组长", None, "局长", "leaders.prose.v1"),
        ("“加强行政执法规范化建设”工作领导小组", "副组长", None, "副局长", "leaders.prose.v1"),
        ("“加强行政执法规范化建设”工作领导小组", "成员", None, "局机关各科室负责人", "leaders.prose.v1"),
    ]),
    "seed-001 group named after its head": (SEED_001_TASK, [
        ("重大行政执法决定法制审核领导小组", "组长", None, "局长", "leaders.prose.v1"),
    ]),
    "list run together without separators": (RUN_TOGETHER, [
        ("县安全生产工作领导小组", "成员", "李悦", "市公安局副局长", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "李学良", "市市场监督管理局副局长", "leaders.table_run_together.v1"),
    ]),
    "two list lines joined, the second's position after a space": (OCR_JOINED_LINES, [
        ("县安全生产工作领导小组", "成员", "李悦", "市公安局副局长", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "李学良", "市市场监督管理局副局长", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "索丽珍", "市生态环境局二级巡视员", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "申理", "市城市管理综合行政执法局副局长", "leaders.table.v1"),
    ]),
    "list lines joined with and without spaces": (OCR_LIST_RUN_ON, [
        ("县安全生产工作领导小组", "成员", "沈兆亮", "区民政局副局长", "leaders.table.v1"),
        ("县安全生产工作领导小组", "成员", "李岩", "区教育体育局纪检组长", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "孙立新", "区卫生与计划生育局副局长", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "申守怡", "区市场监督管理局副局长", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "曹柏", "区农村经济发展局副局长", "leaders.table_run_together.v1"),
        ("县安全生产工作领导小组", "成员", "胡跃波", "区水利局副书记", "leaders.table.v1"),
    ]),
    "office director and two deputies in prose": (OFFICE_PROSE, [
        ("安义县城乡环境综合整治工作领导小组办公室", "办公室主任", "熊卫东", None, "leaders.prose.v1"),
        ("安义县城乡环境综合整治工作领导小组办公室", "办公室副主任", "付建华", None, "leaders.prose.v1"),
        ("安义县城乡环境综合整治工作领导小组办公室", "办公室副主任", "李静", None, "leaders.prose.v1"),
    ]),
    "a list under a heading naming no group, its group named in full later": (UNNAMED_LIST, [
        ("辖区垃圾分类工作领导小组", "组长", "王一", "党委书记", "leaders.table.v1"),
        ("辖区垃圾分类工作领导小组", "成员", "李二", "办公室主任", "leaders.table.v1"),
    ]),
    "a spaced surname whose given name OCR glued to the position": (GLUED_GIVEN_NAME, [
        ("县安全生产工作领导小组", "成员", "张辉", "平潭县烟草局局长", "leaders.table.v1"),
        ("县安全生产工作领导小组", "成员", "肖锌", "平潭消防支队筹建组组长", "leaders.table.v1"),
    ]),
    "a bare group word after the list's last entry names no new group": (BARE_AFTER_LIST, [
        ("县防汛工作指挥部", "指挥长", "陈一", "县长", "leaders.table.v1"),
        ("县防汛工作指挥部", "成员", "徐二", "县传媒中心办公室", "leaders.table.v1"),
    ]),
    "a 各 entry glued to the bare group word after it names no group": (GLUED_EACH_AFTER_LIST, [
        ("县防汛工作指挥部", "指挥长", "陈一", "县长", "leaders.table.v1"),
        ("县防汛工作指挥部", "成员", "李二", "局长", "leaders.table.v1"),
        ("县防汛工作指挥部", "成员", None, "各相关村主干", "leaders.table.v1"),
        ("县防汛工作指挥部办公室", "办公室主任", "张三", None, "leaders.prose_by.v1"),
    ]),
    "OCR read a quoted name's inner ‘ as “": (
        "经研究决定，成立“某局安全生产“党政同责、一岗双责’领导小组”，组成人员如下：\n组长：陈一 局长\n", [
            ("某局安全生产‘党政同责、一岗双责’领导小组", "组长", "陈一", "局长", "leaders.table.v1"),
        ]),
    "members composed after the office set up under the group are the office's": (
        "成立某镇防范非法集资工作领导小组，名单如下：\n组长：施一 党委委员\n"
        "领导小组下设办公室，办公室主任由陈二兼任，成员由政法综治处、各派出所抽调人员组成。\n", [
            ("某镇防范非法集资工作领导小组", "组长", "施一", "党委委员", "leaders.table.v1"),
            ("某镇防范非法集资工作领导小组办公室", "办公室主任", "陈二", None, "leaders.prose_by.v1"),
            ("某镇防范非法集资工作领导小组办公室", "成员", None, "政法综治处、各派出所抽调人员", "leaders.prose_by.v1"),
        ]),
    "第一副总指挥 and 常务副总指挥 are roles of their own": (
        "决定调整某片区防汛抗旱指挥部成员。\n总 指 挥：叶一 党委书记、局长第一副总指挥：施二 党委副书记"
        "常务副总指挥：林三 党委委员、副局长\n", [
            ("某片区防汛抗旱指挥部", "总指挥", "叶一", "党委书记、局长", "leaders.table.v1"),
            ("某片区防汛抗旱指挥部", "第一副总指挥", "施二", "党委副书记", "leaders.table.v1"),
            ("某片区防汛抗旱指挥部", "常务副总指挥", "林三", "党委委员、副局长", "leaders.table.v1"),
        ]),
    "常务副指挥 and 副指挥 without 总 are roles of their own": (
        "决定成立某局殡葬改革应急指挥部。\n总 指 挥：林一 党委书记、局长常务副指挥：林 二 党委委员副 指 挥：欧阳三 "
        "党委副书记 潘 四 副局长\n", [
            ("某局殡葬改革应急指挥部", "总指挥", "林一", "党委书记、局长", "leaders.table.v1"),
            ("某局殡葬改革应急指挥部", "常务副指挥", "林二", "党委委员", "leaders.table.v1"),
            ("某局殡葬改革应急指挥部", "副指挥", "欧阳三", "党委副书记", "leaders.table.v1"),
            ("某局殡葬改革应急指挥部", "副指挥", "潘四", "副局长", "leaders.table.v1"),
        ]),
    "a one-line list running into the sentence that sets up the office": (
        "成立某片区消防安全委员会，组成人员如下：主任：叶一 局长成员：林玉 流水中心幼儿园园长高婷婷 东升幼儿园园长"
        "俞敏 某公益事业有限公司董事长某片区消防安全委员会下设办公室，挂靠在政法综治处，办公室主任由薛忠同志兼任。", [
            ("某片区消防安全委员会", "主任", "叶一", "局长", "leaders.table.v1"),
            ("某片区消防安全委员会", "成员", "林玉", "流水中心幼儿园园长", "leaders.table.v1"),
            ("某片区消防安全委员会", "成员", "高婷婷", "东升幼儿园园长", "leaders.table_run_together.v1"),
            ("某片区消防安全委员会", "成员", "俞敏", "某公益事业有限公司董事长", "leaders.table_run_together.v1"),
            ("某片区消防安全委员会办公室", "办公室主任", "薛忠", None, "leaders.prose_by.v1"),
        ]),
    "two posts of one person before the role, the second a title then the name": (
        "片区管理局成立某综合治理工作领导小组，由片区管理局党委书记、局长施一任组长，局党委副书记林二任第一副组长。", [
            ("某综合治理工作领导小组", "组长", "施一", "片区管理局党委书记、局长", "leaders.prose.v1"),
            ("某综合治理工作领导小组", "第一副组长", "林二", "局党委副书记", "leaders.prose.v1"),
        ]),
    "OCR lost the gap between each name and its post, which starts with 党委": (
        "成立某片区疫苗接种工作领导小组。\n组长：孙树群党委书记、局长\n副组长：何盈党委副书记\n", [
            ("某片区疫苗接种工作领导小组", "组长", "孙树群", "党委书记、局长", "leaders.table_run_together.v1"),
            ("某片区疫苗接种工作领导小组", "副组长", "何盈", "党委副书记", "leaders.table_run_together.v1"),
        ]),
    "OCR glued two-character names to posts that start with a department's name": (
        "成立某工作领导小组。\n组长：林锋农业农村处处长\n成员：张立交通与建设处处长\n王小明农业农村处副处长\n", [
            ("某工作领导小组", "组长", "林锋", "农业农村处处长", "leaders.table_run_together.v1"),
            ("某工作领导小组", "成员", "张立", "交通与建设处处长", "leaders.table_run_together.v1"),
            ("某工作领导小组", "成员", "王小明", "农业农村处副处长", "leaders.table_run_together.v1"),
        ]),
    "a list under a shorter heading takes the name its adjusting sentence prints, so does its office": (
        "决定调整某片区管理局防汛抗旱指挥部成员。现将相关事宜通知如下：\n一、片区防汛抗旱指挥部组成人员名单\n"
        "总指挥：叶一 局长\n成员：陈二 党政办公室主任\n防汛抗旱指挥部下设办公室，办公室主任由陈二兼任。\n", [
            ("某片区管理局防汛抗旱指挥部", "总指挥", "叶一", "局长", "leaders.table.v1"),
            ("某片区管理局防汛抗旱指挥部", "成员", "陈二", "党政办公室主任", "leaders.table.v1"),
            ("某片区管理局防汛抗旱指挥部办公室", "办公室主任", "陈二", None, "leaders.prose_by.v1"),
        ]),
    "an adjusting sentence with 现将 names the group; the title's longer form does not": (
        "关于调整某市应急救援委员会\n及应急救援委员会办公室组成人员名单的通知\n"
        "现将区应急救援委员会及应急救援委员会办公室组成人员名单调整如下：\n一、区应急救援委员会组成人员\n"
        "主任：许一 管委会主任\n", [
            ("区应急救援委员会", "主任", "许一", "管委会主任", "leaders.table.v1"),
        ]),
    "an office set up under a list no sentence named takes the group the text names later": (
        "一、组织机构\n组长：孙一 局长\n领导小组下设办公室，办公室主任由张立同志兼任。"
        "办公室负责承担辖区垃圾分类工作领导小组日常事务。\n", [
            ("辖区垃圾分类工作领导小组", "组长", "孙一", "局长", "leaders.table.v1"),
            ("辖区垃圾分类工作领导小组办公室", "办公室主任", "张立", None, "leaders.prose_by.v1"),
        ]),
    "a different group of the same word is not a short form of the one set up": (
        "成立某县防汛抗旱指挥部。\n一、市防汛抗旱指挥部组成\n指挥长：陈一 县长\n", [
            ("市防汛抗旱指挥部", "指挥长", "陈一", "县长", "leaders.table.v1"),
        ]),
    "a bracketed list holding one rare surname (念) is still a list": (
        "成立某信访问题调处工作领导小组，成员如下：组 员：张 杰（交通与建设处负责人）陈雄强（政法综治处负责人）"
        "林我禄（交通与建设处正科级干部）念喜琴（党群工作处四级主任科员）\n", [
            ("某信访问题调处工作领导小组", "组员", "张杰", "交通与建设处负责人", "leaders.table.v1"),
            ("某信访问题调处工作领导小组", "组员", "陈雄强", "政法综治处负责人", "leaders.table.v1"),
            ("某信访问题调处工作领导小组", "组员", "林我禄", "交通与建设处正科级干部", "leaders.table.v1"),
            ("某信访问题调处工作领导小组", "组员", "念喜琴", "党群工作处四级主任科员", "leaders.table.v1"),
        ]),
    "a list whose last post ends in 负责人 runs into the group's short name and 下设": (
        "成立某片区农村建设领导小组，名单如下：组长：林一 局长 成员：高传云 区农发中心服务站负责人"
        "农村建设领导小组下设办公室，办公室主任由林锋同志兼任。", [
            ("某片区农村建设领导小组", "组长", "林一", "局长", "leaders.table.v1"),
            ("某片区农村建设领导小组", "成员", "高传云", "区农发中心服务站负责人", "leaders.table.v1"),
            ("某片区农村建设领导小组办公室", "办公室主任", "林锋", None, "leaders.prose_by.v1"),
        ]),
    "各 posts spaced from the rest of a one-line list are one position-only entry": (
        "成立某工作专班，名单如下：组长：林一 局长 成员：林峰 服务站负责人 各行政村 党组织书记、村委会主任（常务副主任）"
        "工作专班下设办公室，负责日常工作。", [
            ("某工作专班", "组长", "林一", "局长", "leaders.table.v1"),
            ("某工作专班", "成员", "林峰", "服务站负责人", "leaders.table.v1"),
            ("某工作专班", "成员", None, "各行政村党组织书记、村委会主任（常务副主任）", "leaders.table.v1"),
        ]),
    "numbered teams of a group list their members without roles, one team running into the next": (
        "成立某镇督查工作领导小组。\n组长：林一 镇长\n领导小组分为三个督查组：第一组：张 杰、杨建春、林雄弟、念喜琴第二组：陈雄强、"
        "王以忠 某镇党委 2020年4月2日", [
            ("某镇督查工作领导小组", "组长", "林一", "镇长", "leaders.table.v1"),
            ("某镇督查工作领导小组第一组", "成员", "张杰", None, "leaders.team.v1"),
            ("某镇督查工作领导小组第一组", "成员", "杨建春", None, "leaders.team.v1"),
            ("某镇督查工作领导小组第一组", "成员", "林雄弟", None, "leaders.team.v1"),
            ("某镇督查工作领导小组第一组", "成员", "念喜琴", None, "leaders.team.v1"),
            ("某镇督查工作领导小组第二组", "成员", "陈雄强", None, "leaders.team.v1"),
            ("某镇督查工作领导小组第二组", "成员", "王以忠", None, "leaders.team.v1"),
        ]),
    "一办四组: the members under （一）办公室 are the office's; 科员 is a position": (
        "成立某片区创建工作领导小组，组成人员如下：\n组长：林一 局长\n领导小组下设一办四组：\n（一）办公室\n"
        "主任：王三 党政办主任\n成员：李四 科员\n（二）宣传组\n组长：赵五 党群处处长\n", [
            ("某片区创建工作领导小组", "组长", "林一", "局长", "leaders.table.v1"),
            ("某片区创建工作领导小组办公室", "主任", "王三", "党政办主任", "leaders.table.v1"),
            ("某片区创建工作领导小组办公室", "成员", "李四", "科员", "leaders.table.v1"),
            ("某片区创建工作领导小组宣传组", "组长", "赵五", "党群处处长", "leaders.table.v1"),
        ]),
    "an office with its own name set up by 下设, its members listed after 成员为": (
        "成立某片区复工领导小组。\n组长：林一 局长\n领导小组下设企业项目复产复工办公室，办公室主任由冯朱义同志兼任，"
        "成员为林美玲、陈姗姗、林宇晨。", [
            ("某片区复工领导小组", "组长", "林一", "局长", "leaders.table.v1"),
            ("某片区复工领导小组办公室", "办公室主任", "冯朱义", None, "leaders.prose_by.v1"),
            ("某片区复工领导小组办公室", "成员", "林美玲", None, "leaders.prose_listed.v1"),
            ("某片区复工领导小组办公室", "成员", "陈姗姗", None, "leaders.prose_listed.v1"),
            ("某片区复工领导小组办公室", "成员", "林宇晨", None, "leaders.prose_listed.v1"),
        ]),
    "a committee sets up its office and counted working groups: the office's list, then the groups' own": (
        "成立某区爱国卫生运动工作委员会。\n主任：林一 区长\n委员会下设办公室和六个工作组，即：新闻宣传组、市容整治组。\n"
        "一、办公室成员及职责\n主 任：高文生\n成 员：林龙珠（区社会事业局办公室主任科员）\n二、六个工作小组及分工\n"
        "（一）新闻宣传组\n组长：林平\n组员：林心平、黄武华\n", [
            ("某区爱国卫生运动工作委员会", "主任", "林一", "区长", "leaders.table.v1"),
            ("某区爱国卫生运动工作委员会办公室", "主任", "高文生", None, "leaders.table.v1"),
            ("某区爱国卫生运动工作委员会办公室", "成员", "林龙珠", "区社会事业局办公室主任科员", "leaders.table.v1"),
            ("某区爱国卫生运动工作委员会新闻宣传组", "组长", "林平", None, "leaders.table.v1"),
            ("某区爱国卫生运动工作委员会新闻宣传组", "组员", "林心平", None, "leaders.table.v1"),
            ("某区爱国卫生运动工作委员会新闻宣传组", "组员", "黄武华", None, "leaders.table.v1"),
        ]),
    "以A为组长，B为副组长，C为成员的…: the clauses after 以 share it": (
        "局决定成立以局长林一为组长，副局长陈二为副组长，各科室负责人为成员的安全生产工作领导小组。", [
            ("安全生产工作领导小组", "组长", "林一", "局长", "leaders.prose.v1"),
            ("安全生产工作领导小组", "副组长", "陈二", "副局长", "leaders.prose.v1"),
            ("安全生产工作领导小组", "成员", None, "各科室负责人", "leaders.prose.v1"),
        ]),
    "调整后的X names the group the list is": (
        "关于调整某县防汛抗旱指挥部成员的通知\n现将调整后的县防汛抗旱指挥部成员名单通知如下：\n总指挥：林一 县长\n", [
            ("县防汛抗旱指挥部", "总指挥", "林一", "县长", "leaders.table.v1"),
        ]),
    "OCR lost the space before a village's name: the list's spaced lines say where posts start": (
        "成立某片区消防安全工作领导小组。\n组长：程波 党委委员\n成员：丁昌湖 东庠边防派出所所长\n郭连仁 流水国土所所长\n"
        "何紫霞 中楼幼儿园园长\n杨程流水司法所所长\n陈代清中楼中学校长\n", [
            ("某片区消防安全工作领导小组", "组长", "程波", "党委委员", "leaders.table.v1"),
            ("某片区消防安全工作领导小组", "成员", "丁昌湖", "东庠边防派出所所长", "leaders.table.v1"),
            ("某片区消防安全工作领导小组", "成员", "郭连仁", "流水国土所所长", "leaders.table.v1"),
            ("某片区消防安全工作领导小组", "成员", "何紫霞", "中楼幼儿园园长", "leaders.table.v1"),
            ("某片区消防安全工作领导小组", "成员", "杨程", "流水司法所所长", "leaders.table_run_together.v1"),
            ("某片区消防安全工作领导小组", "成员", "陈代清", "中楼中学校长", "leaders.table_run_together.v1"),
        ]),
    "an office named by the group's abbreviation (道安领导小组) is the full group's office": (
        "成立苏平片区道路交通安全工作领导小组。\n组长：林一 局长\n道安领导小组下设办公室，办公室主任由韩祥平同志兼任。", [
            ("苏平片区道路交通安全工作领导小组", "组长", "林一", "局长", "leaders.table.v1"),
            ("苏平片区道路交通安全工作领导小组办公室", "办公室主任", "韩祥平", None, "leaders.prose_by.v1"),
        ]),
    "a post ending in 副主任 before a spaced 委 员 label is no 副主任委员": (
        "成立某地价委员会。主 任：李德金 区党工委书记 副主任：陈东荣 区党工委委员、管委会副主任 委 员：林 杰 区国土资源局局长\n"
        "副主任委员：王五 局长\n", [
            ("某地价委员会", "主任", "李德金", "区党工委书记", "leaders.table.v1"),
            ("某地价委员会", "副主任", "陈东荣", "区党工委委员、管委会副主任", "leaders.table.v1"),
            ("某地价委员会", "委员", "林杰", "区国土资源局局长", "leaders.table.v1"),
            ("某地价委员会", "副主任委员", "王五", "局长", "leaders.table.v1"),
        ]),
    "spaced names without posts, two spaces between entries": (
        "成立某领导小组。\n组  长：张 三\n成  员：王 五  赵 六\n", [
            ("某领导小组", "组长", "张三", None, "leaders.table.v1"),
            ("某领导小组", "成员", "王五", None, "leaders.table.v1"),
            ("某领导小组", "成员", "赵六", None, "leaders.table.v1"),
        ]),
    "offices a 指挥部 set up by name: each head is that office's": (
        "成立某区疫情防治指挥部。\n总指挥：林一 区长\n指挥部下设畜牧、林业两个办公室。畜牧办公室挂靠区经济发展局，"
        "办公室主任由游天标担任，林业办公室挂靠区林业局，办公室主任由林庆兴担任。", [
            ("某区疫情防治指挥部", "总指挥", "林一", "区长", "leaders.table.v1"),
            ("某区疫情防治指挥部畜牧办公室", "办公室主任", "游天标", None, "leaders.prose_by.v1"),
            ("某区疫情防治指挥部林业办公室", "办公室主任", "林庆兴", None, "leaders.prose_by.v1"),
        ]),
    "an expert group's 组长 and members are no leaders": (
        "成立某县安全生产工作领导小组。\n组长：张三 县长\n二、成立专家组\n组长：王五 高级工程师\n成员：赵六 工程师\n", [
            ("某县安全生产工作领导小组", "组长", "张三", "县长", "leaders.table.v1"),
        ]),
    "roles given to posts without names, two posts two entries": (
        "成立某县创卫工作领导小组，组长由县长担任，副组长由分管副县长、县政府办主任担任。", [
            ("某县创卫工作领导小组", "组长", None, "县长", "leaders.prose_by.v1"),
            ("某县创卫工作领导小组", "副组长", None, "分管副县长", "leaders.prose_by.v1"),
            ("某县创卫工作领导小组", "副组长", None, "县政府办主任", "leaders.prose_by.v1"),
        ]),
    "a post printed before its name; a group role in brackets after a post": (
        "成立某县领导小组。\n组长：县长 张三\n副组长：张明火副局长（常务副组长）\n", [
            ("某县领导小组", "组长", "张三", "县长", "leaders.table.v1"),
            ("某县领导小组", "常务副组长", "张明火", "副局长", "leaders.table_run_together.v1"),
        ]),
    "a committee's 主任 under its office's heading heads the office": (
        "决定成立某区应急救援委员会。\n主 任：李四 区长\n二、某区应急救援委员会办公室组成人员\n"
        "其办公室组成人员如下：\n主 任：王五（兼）\n副主任：赵六 区政府办副主任\n", [
            ("某区应急救援委员会", "主任", "李四", "区长", "leaders.table.v1"),
            ("某区应急救援委员会办公室", "主任", "王五", "兼", "leaders.table.v1"),
            ("某区应急救援委员会办公室", "副主任", "赵六", "区政府办副主任", "leaders.table.v1"),
        ]),
    "roles heading spaced rows without colons, run on after the entry before": (
        "决定成立某局春节期间安全生产工作领导小组：组 长 严小华 区局副局长副组长 张纬华 区局处长成 员 林传凤 区局副处长 "
        "卓 宁 区局科员安全生产工作领导小组办公室设在区局。", [
            ("某局春节期间安全生产工作领导小组", "组长", "严小华", "区局副局长", "leaders.table.v1"),
            ("某局春节期间安全生产工作领导小组", "副组长", "张纬华", "区局处长", "leaders.table.v1"),
            ("某局春节期间安全生产工作领导小组", "成员", "林传凤", "区局副处长", "leaders.table.v1"),
            ("某局春节期间安全生产工作领导小组", "成员", "卓宁", "区局科员", "leaders.table.v1"),
        ]),
    "numbered groups the group set up, each with its roles, the list ending at its duties": (
        "成立某片区整治工作组。工作组下设办公室和2个小组，主任由翁文卿兼任。2个小组具体人员及职责如下：第一组\n"
        "组 长：陈 弘\n成 员：薛理涓、高 众\n联 络 员：陈颖寒 林晨阳 工作职责：对北港开展整治。第二组\n组 长：陈 强\n", [
            ("某片区整治工作组办公室", "主任", "翁文卿", None, "leaders.prose_by.v1"),
            ("某片区整治工作组第一组", "组长", "陈弘", None, "leaders.table.v1"),
            ("某片区整治工作组第一组", "成员", "薛理涓", None, "leaders.table.v1"),
            ("某片区整治工作组第一组", "成员", "高众", None, "leaders.table.v1"),
            ("某片区整治工作组第一组", "联络员", "陈颖寒", None, "leaders.table.v1"),
            ("某片区整治工作组第一组", "联络员", "林晨阳", None, "leaders.table.v1"),
            ("某片区整治工作组第二组", "组长", "陈强", None, "leaders.table.v1"),
        ]),
    "groups set up together, each listed under its own heading": (
        "决定成立某局工会工作小组、共青团工作小组和妇联工作小组，人员名单如下：\n一、工会工作小组\n组 长：薛 敏\n"
        "副 组 长：陈明勇\n二、共青团工作小组\n组 长：林同发\n副 组 长：林 煌\n成 员：王 芳、林婉萍\n", [
            ("某局工会工作小组", "组长", "薛敏", None, "leaders.table.v1"),
            ("某局工会工作小组", "副组长", "陈明勇", None, "leaders.table.v1"),
            ("共青团工作小组", "组长", "林同发", None, "leaders.table.v1"),
            ("共青团工作小组", "副组长", "林煌", None, "leaders.table.v1"),
            ("共青团工作小组", "成员", "王芳", None, "leaders.table.v1"),
            ("共青团工作小组", "成员", "林婉萍", None, "leaders.table.v1"),
        ]),
    "teams a group set up in its office, named after it; names before 副 titles; staff given by a count": (
        "成立某局固定资产管理工作领导小组。在领导小组办公室临时设立两个资产清查工作专班。\n"
        "（一）机关固定资产清查专班：组长由何盈副书记担任，成员为林瑞珍、俞小花。\n"
        "（二）原白青乡土地房屋清查专班：组长由欧阳志为副局长担任，成员为林航、办事处成员1名。\n", [
            ("某局固定资产管理工作领导小组机关固定资产清查专班", "组长", "何盈", "副书记", "leaders.prose_by.v1"),
            ("某局固定资产管理工作领导小组机关固定资产清查专班", "成员", "林瑞珍", None, "leaders.prose_listed.v1"),
            ("某局固定资产管理工作领导小组机关固定资产清查专班", "成员", "俞小花", None, "leaders.prose_listed.v1"),
            ("某局固定资产管理工作领导小组原白青乡土地房屋清查专班", "组长", "欧阳志为", "副局长", "leaders.prose_by.v1"),
            ("某局固定资产管理工作领导小组原白青乡土地房屋清查专班", "成员", "林航", None, "leaders.prose_listed.v1"),
            ("某局固定资产管理工作领导小组原白青乡土地房屋清查专班", "成员", None, "办事处成员1名", "leaders.prose_listed.v1"),
        ]),
    "groups of their own under numbered headings, members spaced for print without 、": (
        "经研究，决定成立三个疫情防控工作指导组。\n（一）南海疫情防控工作指导组\n组 长：林 华\n成 员：翁 智 吴 滨 施建安\n"
        "（二）敖东疫情防控工作指导组\n组 长：林茂海\n", [
            ("南海疫情防控工作指导组", "组长", "林华", None, "leaders.table.v1"),
            ("南海疫情防控工作指导组", "成员", "翁智", None, "leaders.table.v1"),
            ("南海疫情防控工作指导组", "成员", "吴滨", None, "leaders.table.v1"),
            ("南海疫情防控工作指导组", "成员", "施建安", None, "leaders.table.v1"),
            ("敖东疫情防控工作指导组", "组长", "林茂海", None, "leaders.table.v1"),
        ]),
    "office members listed with 包括, a unit in brackets after a name": (
        "决定成立某某评估工作领导小组。领导小组下设办公室，丁文婷同志任办公室主任，"
        "办公室成员包括施友兴、王爱平及片区教育专干林辅奎（苏澳学校）、高文锋（平原中心校）。", [
            ("某某评估工作领导小组办公室", "办公室主任", "丁文婷", None, "leaders.prose.v1"),
            ("某某评估工作领导小组办公室", "办公室成员", "施友兴", None, "leaders.prose_listed.v1"),
            ("某某评估工作领导小组办公室", "办公室成员", "王爱平", None, "leaders.prose_listed.v1"),
            ("某某评估工作领导小组办公室", "办公室成员", "林辅奎", "苏澳学校", "leaders.prose_listed.v1"),
            ("某某评估工作领导小组办公室", "办公室成员", "高文锋", "平原中心校", "leaders.prose_listed.v1"),
        ]),
    "the signing organ under a list's last line is no wrapped position": (
        "决定成立某专项行动领导小组，组成人员如下：\n组  长：郑华  区长\n成  员：王敏  局长\n某某局\n二〇二四年三月一日\n", [
            ("某专项行动领导小组", "组长", "郑华", "区长", "leaders.table.v1"),
            ("某专项行动领导小组", "成员", "王敏", "局长", "leaders.table.v1"),
        ]),
    "posts printed before their names in a list split at 、": (
        "决定成立某某工作领导小组，组成人员如下：\n组长：县长 张伟\n成员：县财政局局长 赵亮、县教育局局长 孙丽\n", [
            ("某某工作领导小组", "组长", "张伟", "县长", "leaders.table.v1"),
            ("某某工作领导小组", "成员", "赵亮", "县财政局局长", "leaders.table.v1"),
            ("某某工作领导小组", "成员", "孙丽", "县教育局局长", "leaders.table.v1"),
        ]),
    "a row whose gaps OCR lost: role, name and post glued at the line start; names before department posts": (
        "决定成立某局安全生产工作领导小组：\n组长严小华区经济发展局副局长\n成员林传凤区经济发展局商务处副处长\n"
        "林本勇行政许可处处长\n陈超办公室主任\n", [
            ("某局安全生产工作领导小组", "组长", "严小华", "区经济发展局副局长", "leaders.table_run_together.v1"),
            ("某局安全生产工作领导小组", "成员", "林传凤", "区经济发展局商务处副处长", "leaders.table_run_together.v1"),
            ("某局安全生产工作领导小组", "成员", "林本勇", "行政许可处处长", "leaders.table_run_together.v1"),
            ("某局安全生产工作领导小组", "成员", "陈超", "办公室主任", "leaders.table_run_together.v1"),
        ]),
    "a member label whose 成 the scan's detector dropped; an entry line ending in a comma": (
        "某部际联席会议成员名单\n召集人：孙春兰 国务院副总理\n副召集人：陈宝生 教育部部长\n员： 孙 尧 教育部副部长\n"
        "欧小宁区经济发展局局长、党组书记，区安办主任，\n赖德芳区交通与建设局局长\n", [
            ("某部际联席会议", "召集人", "孙春兰", "国务院副总理", "leaders.table.v1"),
            ("某部际联席会议", "副召集人", "陈宝生", "教育部部长", "leaders.table.v1"),
            ("某部际联席会议", "成员", "孙尧", "教育部副部长", "leaders.table.v1"),
            ("某部际联席会议", "成员", "欧小宁", "区经济发展局局长、党组书记，区安办主任", "leaders.table_run_together.v1"),
            ("某部际联席会议", "成员", "赖德芳", "区交通与建设局局长", "leaders.table_run_together.v1"),
        ]),
    "a self reference (我区) is no part of the group's name": (
        "现就建立我区社会保障卡项目建设联席会议制度相关事项通知如下：\n召集人：周青松 区管委会副主任\n", [
            ("社会保障卡项目建设联席会议", "召集人", "周青松", "区管委会副主任", "leaders.table.v1"),
        ]),
    "a long part's name under 下设 takes the group's name; a bare 领导小组 heading names no group": (
        "决定成立某县防汛抗旱指挥部。指挥部下设综合协调和信息报送组、抢险救灾组两个工作组。\n（一）综合协调和信息报送组\n"
        "组长：张三 县应急局局长\n", [
            ("某县防汛抗旱指挥部综合协调和信息报送组", "组长", "张三", "县应急局局长", "leaders.table.v1"),
        ]),
    "a list under a heading of the bare group word keeps the group its sentence set up": (
        "经研究，决定成立某县文明创建工作领导小组。\n一、领导小组\n组长：王五 县长\n", [
            ("某县文明创建工作领导小组", "组长", "王五", "县长", "leaders.table.v1"),
        ]),
    "a post held concurrently (（兼） before it); the posts of every unit joined with 以及 are their own entry": (
        "决定成立某局工会工作小组，人员名单如下：\n组 长：薛 敏（兼） 党群工作小组常务副组长\n"
        "成 员：陈友团 供电所所长以及各行政村的党组织书记、村委会主任\n", [
            ("某局工会工作小组", "组长", "薛敏", "兼党群工作小组常务副组长", "leaders.table.v1"),
            ("某局工会工作小组", "成员", "陈友团", "供电所所长", "leaders.table.v1"),
            ("某局工会工作小组", "成员", None, "各行政村的党组织书记、村委会主任", "leaders.table.v1"),
        ]),
    "office members by name and the posts of every such unit (成员由A、B及各渔业村主干组成)": (
        "成立某工作领导小组。领导小组下设办公室，办公室主任由林锋兼任，成员由李岚、张自腾及各渔业村主干组成。", [
            ("某工作领导小组办公室", "办公室主任", "林锋", None, "leaders.prose_by.v1"),
            ("某工作领导小组办公室", "成员", "李岚", None, "leaders.prose_by.v1"),
            ("某工作领导小组办公室", "成员", "张自腾", None, "leaders.prose_by.v1"),
            ("某工作领导小组办公室", "成员", None, "各渔业村主干", "leaders.prose_by.v1"),
        ]),
    "an organizing committee (组委会) is a group": (
        "决定成立三大活动组委会，组成人员如下：\n主 任：林青 区管委会副主任\n", [
            ("三大活动组委会", "主任", "林青", "区管委会副主任", "leaders.table.v1"),
        ]),
    "a 指导小组 is a group": (
        "决定成立某片区换届选举工作指导小组，现将组成人员名单通知如下：\n组 长：何 盈 局党委副书记\n", [
            ("某片区换届选举工作指导小组", "组长", "何盈", "局党委副书记", "leaders.table.v1"),
        ]),
    "member units are not leaders": ("成员单位：市司法局、市公安局、市市场监督管理局。\n", []),
    "a 牵头 unit is not a leader": ("县司法局牵头在全县范围内开展专项行动，由县纪委县监委牵头负责。", []),
    "党的 inside a group's name; a phone's label after a 联络员 is no name": (
        "局党委研究决定，成立区公安局党的群众路线教育实践活动领导小组。\n组 长：陈明　区公安局局长\n"
        "联络员：林杰 电话：13799978100\n", [
            ("区公安局党的群众路线教育实践活动领导小组", "组长", "陈明", "区公安局局长", "leaders.table.v1"),
            ("区公安局党的群众路线教育实践活动领导小组", "联络员", "林杰", None, "leaders.table.v1"),
        ]),
    "a class of posts joined to the last entry with 以及 is an entry of its own; a unit then its person's name": (
        "成立片区道路交通安全综合整治工作领导小组，成员如下：\n组 长：陈雄强 片区管理局局长\n"
        "成 员：吴 勇 岚城综合执法大队大队长以及片区所辖相关单位负责人、各村（居）委会主任。"
        "领导小组下设办公室，办公室主任由陈雄强兼任，副主任由政法综治处邱勇、交通与建设处毛文宇担任。\n", [
            ("片区道路交通安全综合整治工作领导小组", "组长", "陈雄强", "片区管理局局长", "leaders.table.v1"),
            ("片区道路交通安全综合整治工作领导小组", "成员", "吴勇", "岚城综合执法大队大队长", "leaders.table.v1"),
            ("片区道路交通安全综合整治工作领导小组", "成员", None, "片区所辖相关单位负责人、各村（居）委会主任",
             "leaders.table.v1"),
            ("片区道路交通安全综合整治工作领导小组办公室", "办公室主任", "陈雄强", None, "leaders.prose_by.v1"),
            ("片区道路交通安全综合整治工作领导小组办公室", "副主任", "邱勇", "政法综治处", "leaders.prose_by.v1"),
            ("片区道路交通安全综合整治工作领导小组办公室", "副主任", "毛文宇", "交通与建设处", "leaders.prose_by.v1"),
        ]),
    "two names of a names-only list glued together are split where one split gives two names": (
        "成立检测站建设项目领导小组。领导小组下设办公室，由林从月兼任办公室主任，办公室成员：游雪芸郑祖定 吴敏敏 韩丽。", [
            ("检测站建设项目领导小组办公室", "办公室主任", "林从月", None, "leaders.prose.v1"),
            ("检测站建设项目领导小组办公室", "办公室成员", "游雪芸", None, "leaders.table.v1"),
            ("检测站建设项目领导小组办公室", "办公室成员", "郑祖定", None, "leaders.table.v1"),
            ("检测站建设项目领导小组办公室", "办公室成员", "吴敏敏", None, "leaders.table.v1"),
            ("检测站建设项目领导小组办公室", "办公室成员", "韩丽", None, "leaders.table.v1"),
        ]),
    "a working group takes the name its setting-up sentence lists; a duty label after a role is no name": (
        "成立经济普查工作领导小组。办公室内设综合协调组、宣传组2个工作组，工作组成员及职责分工如下：\n"
        "一、综合组协调组\n组 长：陈 尧\n成 员：林雄淮\n二、宣传督导组\n组 长：郑 青\n副组长：\n主要任务：负责普查宣传。\n", [
            ("经济普查工作领导小组综合协调组", "组长", "陈尧", None, "leaders.table.v1"),
            ("经济普查工作领导小组综合协调组", "成员", "林雄淮", None, "leaders.table.v1"),
            ("经济普查工作领导小组宣传组", "组长", "郑青", None, "leaders.table.v1"),
        ]),
    "a set-up name listing fields with 、; numbered parts headed with a colon, a bracket inside their names": (
        "成立第四季度安全生产、标后管理、消防安全专项整治检查领导小组，成员构成如下：\n组 长：赖德芳 区交建局局长\n"
        "下设2个检查小组。\n（一）全区建设工程项目检查小组：\n组 长：张祖柱\n"
        "（二）全区市政工程、管道燃气（含液化气）检查小组\n组 长：王建伟\n", [
            ("第四季度安全生产、标后管理、消防安全专项整治检查领导小组", "组长", "赖德芳", "区交建局局长", "leaders.table.v1"),
            ("第四季度安全生产、标后管理、消防安全专项整治检查领导小组全区建设工程项目检查小组", "组长", "张祖柱", None,
             "leaders.table.v1"),
            ("第四季度安全生产、标后管理、消防安全专项整治检查领导小组全区市政工程、管道燃气（含液化气）检查小组", "组长", "王建伟",
             None, "leaders.table.v1"),
        ]),
    "的 inside the name a setting-up verb opens, but not after 以…为/任 (the phrase before the name)": (
        "经研究，决定成立海坛片区新型冠状病毒感染的肺炎防控工作领导小组，成员如下：组 长：方良栋 局党委书记、局长\n"
        "", [
            ("海坛片区新型冠状病毒感染的肺炎防控工作领导小组", "组长", "方良栋", "局党委书记、局长", "leaders.table.v1"),
        ]),
    "…任副组长的 before a name is the phrase before it, not part of it": (
        "县政府决定成立由县长任组长、分管副县长任副组长的营商环境优化提升工作领导小组。", [
            ("营商环境优化提升工作领导小组", "组长", None, "县长", "leaders.prose.v1"),
            ("营商环境优化提升工作领导小组", "副组长", None, "分管副县长", "leaders.prose.v1"),
        ]),
    "a role with 为 right after a bracketed entry is the list's next role": (
        "成立森林防火指挥部，组成如下：副指挥长：施友发（自然资源工作小组组长）陈强（综合协调工作小组副组长）"
        "成员为各派出所所长、林业站站长。\n", [
            ("森林防火指挥部", "副指挥长", "施友发", "自然资源工作小组组长", "leaders.table.v1"),
            ("森林防火指挥部", "副指挥长", "陈强", "综合协调工作小组副组长", "leaders.table.v1"),
            ("森林防火指挥部", "成员", None, "各派出所所长", "leaders.table.v1"),
            ("森林防火指挥部", "成员", None, "林业站站长", "leaders.table.v1"),
        ]),
    "an office's own list stays that office; its working groups take the leading group's name": (
        "为推进宜居环境建设，区管委会成立区宜居环境建设指挥部及其办公室，现将有关事项通知如下：\n一、办公室组成人员\n"
        "主 任：赖德芳 区交通与建设局局长\n二、办公室内设工作组\n（一）综合协调组\n组 长：王 浩 区管委会办公室副主任\n", [
            ("区宜居环境建设指挥部办公室", "主任", "赖德芳", "区交通与建设局局长", "leaders.table.v1"),
            ("区宜居环境建设指挥部综合协调组", "组长", "王浩", "区管委会办公室副主任", "leaders.table.v1"),
        ]),
    "本区 opening a set-up name is printed as part of it": (
        "为推进治本攻坚，成立本区建设领域治本攻坚三年行动工作领导小组，组长由委主要领导担任。", [
            ("本区建设领域治本攻坚三年行动工作领导小组", "组长", None, "委主要领导", "leaders.prose_by.v1"),
        ]),
    "a heading run into its paragraph (领导小组职责及工作机构领导小组负责…) names no group": (
        "经研究，决定成立金井片区乡村振兴战略领导小组。\n（二）领导小组职责及工作机构领导小组负责研究制定规划。"
        "领导小组下设办公室，办公室主任由林雄同志兼任，办公室成员由施斌、吴滨组成。\n", [
            ("金井片区乡村振兴战略领导小组办公室", "办公室主任", "林雄", None, "leaders.prose_by.v1"),
            ("金井片区乡村振兴战略领导小组办公室", "办公室成员", "施斌", None, "leaders.prose_by.v1"),
            ("金井片区乡村振兴战略领导小组办公室", "办公室成员", "吴滨", None, "leaders.prose_by.v1"),
        ]),
    "a sub-group labelled 第一小组：NAME under a group takes the group's name before its own, as the label prints it": (
        "成立清明节祭扫工作总指挥部，组成如下：\n总指挥：李继行 局长\n领导小组下设2个清明祭扫保障工作小组第一小组：大练清明祭扫保障工作小组\n"
        "组 长：韩祥平\n副组长：张 立\n第二小组：东海陵园、平潭殡仪馆清明祭扫保障工作小组\n组 长：潘 杰\n", [
            ("清明节祭扫工作总指挥部", "总指挥", "李继行", "局长", "leaders.table.v1"),
            ("清明节祭扫工作总指挥部大练清明祭扫保障工作小组", "组长", "韩祥平", None, "leaders.table.v1"),
            ("清明节祭扫工作总指挥部大练清明祭扫保障工作小组", "副组长", "张立", None, "leaders.table.v1"),
            ("清明节祭扫工作总指挥部东海陵园、平潭殡仪馆清明祭扫保障工作小组", "组长", "潘杰", None, "leaders.table.v1"),
        ]),
    "sub-groups labelled by what they cover take their number; units staff is drawn from are no group": (
        "成立以区交建主要领导为组长的检查领导小组。检查组人员由局相关处室、区重点办及各片区指挥部抽调组成。\n"
        "组 长：张遵耀 区交建局局长\n副组长：张祖柱 区交建局副局长 第一小组：金井湾片区房建项目 带队领导：张祖柱\n"
        "成员：辛艺阳 薛来强 李求府 第二小组：岚城片区房建项目 带队领导：林同璋\n成员：陈秋生 王孝标\n", [
            ("检查领导小组", "组长", "张遵耀", "区交建局局长", "leaders.table.v1"),
            ("检查领导小组", "副组长", "张祖柱", "区交建局副局长", "leaders.table.v1"),
            ("检查领导小组第一小组", "带队领导", "张祖柱", None, "leaders.table.v1"),
            ("检查领导小组第一小组", "成员", "辛艺阳", None, "leaders.table.v1"),
            ("检查领导小组第一小组", "成员", "薛来强", None, "leaders.table.v1"),
            ("检查领导小组第一小组", "成员", "李求府", None, "leaders.table.v1"),
            ("检查领导小组第二小组", "带队领导", "林同璋", None, "leaders.table.v1"),
            ("检查领导小组第二小组", "成员", "陈秋生", None, "leaders.table.v1"),
            ("检查领导小组第二小组", "成员", "王孝标", None, "leaders.table.v1"),
        ]),
    "a committee's office set up before its list (办公室设在…，其人员组成：) staffs the office, its 主任 included": (
        "决定成立区属公立医院管理委员会。现将成员名单通知如下：\n主 任：林江铃 区管委会副主任\n"
        "区属公立医院管理委员会办公室设在区卫生和计划生育局，其人员组成：\n主　任：许旺平（兼）\n成　员：林智宏 区卫生局副局长\n", [
            ("区属公立医院管理委员会", "主任", "林江铃", "区管委会副主任", "leaders.table.v1"),
            ("区属公立医院管理委员会办公室", "主任", "许旺平", "兼", "leaders.table.v1"),
            ("区属公立医院管理委员会办公室", "成员", "林智宏", "区卫生局副局长", "leaders.table.v1"),
        ]),
    "a heading naming the end of the group a sentence set up (（一）总指挥部：) is that group": (
        "为确保祭扫安全，成立金井片区2024年清明节祭扫工作总指挥部和现场指挥部。\n（一）总指挥部：\n总 指 挥：李继行 局长\n", [
            ("金井片区2024年清明节祭扫工作总指挥部", "总指挥", "李继行", "局长", "leaders.table.v1"),
        ]),
    "对我区… drops the pronoun after the verb": (
        "根据工作需要，经管委会研究，对我区生态区建设领导小组成员进行调整，调整后的人员名单如下：\n组 长：林 青 区管委会主任\n", [
            ("生态区建设领导小组", "组长", "林青", "区管委会主任", "leaders.table.v1"),
        ]),
    "names with posts in brackets glued to the post of the entry before them": (
        "成立片区舆情应对处置领导小组，成员如下：\n成 员：林 健 综合执法工作小组组长林辉宁 应急管理工作小组副组长念佳道（东澳村党支部书记）"
        "丁显清（澳前村党支部书记）陈 生（中甲村党支部书记）\n", [
            ("片区舆情应对处置领导小组", "成员", "林健", "综合执法工作小组组长", "leaders.table.v1"),
            ("片区舆情应对处置领导小组", "成员", "林辉宁", "应急管理工作小组副组长", "leaders.table_run_together.v1"),
            ("片区舆情应对处置领导小组", "成员", "念佳道", "东澳村党支部书记", "leaders.table.v1"),
            ("片区舆情应对处置领导小组", "成员", "丁显清", "澳前村党支部书记", "leaders.table.v1"),
            ("片区舆情应对处置领导小组", "成员", "陈生", "中甲村党支部书记", "leaders.table.v1"),
        ]),
    "posts joined by 、 before a role one person holds are that person's; before 副组长 each is one": (
        "成立街道垃圾分类工作领导小组：街道党工委书记、办事处主任为组长，分管领导为副组长。"
        "成立镇安全生产工作领导小组，组长由镇党委书记、镇长担任，副组长由分管副镇长、派出所所长担任。", [
            ("街道垃圾分类工作领导小组", "组长", None, "街道党工委书记、办事处主任", "leaders.prose.v1"),
            ("街道垃圾分类工作领导小组", "副组长", None, "分管领导", "leaders.prose.v1"),
            ("镇安全生产工作领导小组", "组长", None, "镇党委书记、镇长", "leaders.prose_by.v1"),
            ("镇安全生产工作领导小组", "副组长", None, "分管副镇长", "leaders.prose_by.v1"),
            ("镇安全生产工作领导小组", "副组长", None, "派出所所长", "leaders.prose_by.v1"),
        ]),
    "a second post broken by a cell gap (书记、财政经管 办主任) goes on; a class of posts (铁路沿线各村主干) stands alone": (
        "成立镇护路联防工作领导小组，成员如下：\n成 员：林 森 某村党委书记、财政经管 办主任 王 某 某镇局长、某县 政府县长 "
        "吴 滨 某执法队负责人 铁路沿线各村主干\n", [
            ("镇护路联防工作领导小组", "成员", "林森", "某村党委书记、财政经管办主任", "leaders.table.v1"),
            ("镇护路联防工作领导小组", "成员", "王某", "某镇局长、某县政府县长", "leaders.table.v1"),
            ("镇护路联防工作领导小组", "成员", "吴滨", "某执法队负责人", "leaders.table.v1"),
            ("镇护路联防工作领导小组", "成员", None, "铁路沿线各村主干", "leaders.table.v1"),
        ]),
    "a name with a rarer surname glued after a post (…党委书记念保雄 里美…) opens the next entry": (
        "成立片区防汛抗旱指挥部，成员如下：\n成 员：林茂海 某村联合党委书记 林 勇 某某联合党委书记冯朱义 某屿联合党委书记念保雄 "
        "某美联合党委书记陈 祺 某光联合党委书记\n", [
            ("片区防汛抗旱指挥部", "成员", "林茂海", "某村联合党委书记", "leaders.table.v1"),
            ("片区防汛抗旱指挥部", "成员", "林勇", "某某联合党委书记", "leaders.table.v1"),
            ("片区防汛抗旱指挥部", "成员", "冯朱义", "某屿联合党委书记", "leaders.table_run_together.v1"),
            ("片区防汛抗旱指挥部", "成员", "念保雄", "某美联合党委书记", "leaders.table_run_together.v1"),
            ("片区防汛抗旱指挥部", "成员", "陈祺", "某光联合党委书记", "leaders.table_run_together.v1"),
        ]),
    "a list of names, some with their unit in brackets, one spaced for print (高 翔、吕济荣（区企抽调）)": (
        "（一）在建项目检查小组\n组 长：李 平\n成 员：林志伟、高之栩、高 翔、吕济荣（区企抽调）、林同平（区企抽调）\n", [
            ("在建项目检查小组", "组长", "李平", None, "leaders.table.v1"),
            ("在建项目检查小组", "成员", "林志伟", None, "leaders.table.v1"),
            ("在建项目检查小组", "成员", "高之栩", None, "leaders.table.v1"),
            ("在建项目检查小组", "成员", "高翔", None, "leaders.table.v1"),
            ("在建项目检查小组", "成员", "吕济荣", "区企抽调", "leaders.table.v1"),
            ("在建项目检查小组", "成员", "林同平", "区企抽调", "leaders.table.v1"),
        ]),
    "a group set up in prose (以A为组长) keeps its heads though each of its parts lists a 组长 of its own": (
        "特成立以片区管理局党委书记、局长王某为组长，其他分管领导为副组长的安全生产检查领导小组。下设2个检查小组。\n"
        "（一）在建项目检查小组\n组 长：李 平\n（二）澳前镇辖区检查小组\n组 长：周某\n", [
            ("安全生产检查领导小组", "组长", "王某", "片区管理局党委书记、局长", "leaders.prose.v1"),
            ("安全生产检查领导小组", "副组长", None, "其他分管领导", "leaders.prose.v1"),
            ("安全生产检查领导小组在建项目检查小组", "组长", "李平", None, "leaders.table.v1"),
            ("安全生产检查领导小组澳前镇辖区检查小组", "组长", "周某", None, "leaders.table.v1"),
        ]),
    "决定建立 sets a group up; a duty toward it (认真落实领导小组确定的…) names no group for its office": (
        "经研究，决定建立某片区科技特派员领导小组。具体人员如下：\n组 长：欧阳某 党委委员、副局长\n"
        "各处室要认真落实领导小组确定的工作部署，充分发挥领导小组的作用。\n"
        "领导小组下设办公室，办公室主任由王某同志兼任。\n", [
            ("某片区科技特派员领导小组", "组长", "欧阳某", "党委委员、副局长", "leaders.table.v1"),
            ("某片区科技特派员领导小组办公室", "办公室主任", "王某", None, "leaders.prose_by.v1"),
        ]),
    "纪检监察员 is a post: the name glued after it is the next member": (
        "成立片区防控工作领导小组，成员如下：\n成 员：林 霞 驻片区纪检监察组正科级纪检监察员念保雄 办公室工作小组组长"
        "王廷彩 党群工作小组组长\n", [
            ("片区防控工作领导小组", "成员", "林霞", "驻片区纪检监察组正科级纪检监察员", "leaders.table.v1"),
            ("片区防控工作领导小组", "成员", "念保雄", "办公室工作小组组长", "leaders.table_run_together.v1"),
            ("片区防控工作领导小组", "成员", "王廷彩", "党群工作小组组长", "leaders.table_run_together.v1"),
        ]),
    "a member list's closing remark (如需人事调整，由其继任者接替) is no part of its last post": (
        "成立专项整治工作专班，成员如下：\n成 员：翁某某 经济发展服务中心主任方 舟 经济发展处副处长各村（居）委会主任"
        "如需人事调整由其继任者接替，不再另行发文。\n", [
            ("专项整治工作专班", "成员", "翁某某", "经济发展服务中心主任", "leaders.table.v1"),
            ("专项整治工作专班", "成员", "方舟", "经济发展处副处长", "leaders.table_run_together.v1"),
            ("专项整治工作专班", "成员", None, "各村（居）委会主任", "leaders.table_run_together.v1"),
        ]),
    "a heading that sets the group up (一、成立X领导小组) over its list names X, the verb no part of it": (
        "经研究决定成立创建第六届（2018--2020年）全国文明城市工作领导小组，名单如下：\n"
        "一、成立苏平片区创建全国文明城市工作领导小组\n组 长：孙某某 党委书记、局长\n", [
            ("苏平片区创建全国文明城市工作领导小组", "组长", "孙某某", "党委书记、局长", "leaders.table.v1"),
        ]),
    "a part's members run into its field labels, one printed spaced (刘敏敏牵头 部门：…主要成员部门：)": (
        "成立创城工作领导小组，下设工作组：\n（一）组织协调组\n组 长：游某某\n"
        "成 员：蓝芳芳、何亮亮、刘敏敏牵头 部门：党政办公室主要成员部门：党群工作组、各村及相关单位主要职责：\n"
        "1.制定行动计划。\n", [
            ("创城工作领导小组组织协调组", "组长", "游某某", None, "leaders.table.v1"),
            ("创城工作领导小组组织协调组", "成员", "蓝芳芳", None, "leaders.table.v1"),
            ("创城工作领导小组组织协调组", "成员", "何亮亮", None, "leaders.table.v1"),
            ("创城工作领导小组组织协调组", "成员", "刘敏敏", None, "leaders.table.v1"),
        ]),
    "a class of units glued after a post, its posts printed apart (所长各行政村 党组织书记、…), a closing remark after": (
        "成立片区扶贫开发工作领导小组，成员如下：\n成 员：陈某某 北区供电所所长各行政村 党组织书记、村委会主任（常务副主任）"
        "以上组成人员若因工作岗位变动由其继任者自然接替。\n", [
            ("片区扶贫开发工作领导小组", "成员", "陈某某", "北区供电所所长", "leaders.table.v1"),
            ("片区扶贫开发工作领导小组", "成员", None, "各行政村党组织书记、村委会主任（常务副主任）", "leaders.table_run_together.v1"),
        ]),
    "助理员 is a post: the three-character name before it is whole (高嘉荟 …行政助理员)": (
        "成立春节期间安全生产工作领导小组，成员如下：\n成 员：吴某某 区经济发展局商务处科员 高嘉荟 区经济发展局商务处行政助理员 "
        "安全生产工作领导小组办公室设在商务处。\n", [
            ("春节期间安全生产工作领导小组", "成员", "吴某某", "区经济发展局商务处科员", "leaders.table.v1"),
            ("春节期间安全生产工作领导小组", "成员", "高嘉荟", "区经济发展局商务处行政助理员", "leaders.table.v1"),
        ]),
    "teams a group set up, listed under their own headings, are named after the group once": (
        "片区成立城乡建设品质提升领导小组，下设城市建设和农村建设两个工作组。\n附件2\n片区城乡建设品质提升领导小组\n"
        "组 长：王某某 党委书记\n（一）片区城市建设品质提升工作组\n组 长：李某某 党委委员、副局长\n", [
            ("片区城乡建设品质提升领导小组", "组长", "王某某", "党委书记", "leaders.table.v1"),
            ("片区城乡建设品质提升领导小组片区城市建设品质提升工作组", "组长", "李某某", "党委委员、副局长", "leaders.table.v1"),
        ]),
    "a body set up by name whose list follows (…搜救中心，…如下： / 主 任：) is the group, its 主任 its own head": (
        "区管委会决定成立区海上搜救中心，中心领导组成人员如下：\n主 任：王某 区管委会副主任\n成 员：李某 区海事局副局长\n"
        "区管委会\n2016年9月30日", [
            ("区海上搜救中心", "主任", "王某", "区管委会副主任", "leaders.table.v1"),
            ("区海上搜救中心", "成员", "李某", "区海事局副局长", "leaders.table.v1"),
        ]),
    "a 领导小组 led as a committee (主任 over 委员): 主任 and 副主任 are its own, not its office's": (
        "经研究，决定成立区职业教育领导小组，其组成人员名单如下：\n主 任：王某 区管委会副主任\n"
        "副 主 任：张某 区管委会办公室主任\n委 员：李某 区教育局副局长\n", [
            ("区职业教育领导小组", "主任", "王某", "区管委会副主任", "leaders.table.v1"),
            ("区职业教育领导小组", "副主任", "张某", "区管委会办公室主任", "leaders.table.v1"),
            ("区职业教育领导小组", "委员", "李某", "区教育局副局长", "leaders.table.v1"),
        ]),
    "the office a run-on list's group sets up (…所长下设办公室，设在…) is no part of the last member's post": (
        "成立专项行动工作领导小组。组 长：王某某 区管委会副主任 成 员：陈某 区卫计局医政处处长 吴某某 区卫生监督所所长"
        "下设办公室，设在区卫计局。\n", [
            ("专项行动工作领导小组", "组长", "王某某", "区管委会副主任", "leaders.table.v1"),
            ("专项行动工作领导小组", "成员", "陈某", "区卫计局医政处处长", "leaders.table.v1"),
            ("专项行动工作领导小组", "成员", "吴某某", "区卫生监督所所长", "leaders.table.v1"),
        ]),
    "a name and the title it goes by (王某某局长为组长) heads the group without 以; a party post (党委委员) names no one": (
        "我局成立消防安全检查工作领导小组，王某某局长为组长，其他副局长为副组长，党委委员、副局长为常务副组长。", [
            ("消防安全检查工作领导小组", "组长", "王某某", "局长", "leaders.prose.v1"),
            ("消防安全检查工作领导小组", "副组长", None, "其他副局长", "leaders.prose.v1"),
            ("消防安全检查工作领导小组", "常务副组长", None, "党委委员、副局长", "leaders.prose.v1"),
        ]),
    "网格长 is a title: a row run together after it (…网格长林 某 …) starts the next member": (
        "成立片区岸线巡防工作领导小组，成员如下：组 长：王某某 书记 成 员：陈某某 裕建网格网格长林 某 君山网格网格长"
        "翁某某 流水网格网格长。", [
            ("片区岸线巡防工作领导小组", "组长", "王某某", "书记", "leaders.table.v1"),
            ("片区岸线巡防工作领导小组", "成员", "陈某某", "裕建网格网格长", "leaders.table.v1"),
            ("片区岸线巡防工作领导小组", "成员", "林某", "君山网格网格长", "leaders.table_run_together.v1"),
            ("片区岸线巡防工作领导小组", "成员", "翁某某", "流水网格网格长", "leaders.table_run_together.v1"),
        ]),
    "a post without a name whose unit is spaced from its title (…渔业处 处长) is one position": (
        "成立渔业防台风应急工作领导小组。副组长：某区经济发展局海洋渔业处 处长 某县农村发展局（县海洋与渔业局） 局长 "
        "成 员：区经济发展局办公室主要负责人。", [
            ("渔业防台风应急工作领导小组", "副组长", None, "某区经济发展局海洋渔业处处长", "leaders.table.v1"),
            ("渔业防台风应急工作领导小组", "副组长", None, "某县农村发展局（县海洋与渔业局）局长", "leaders.table.v1"),
            ("渔业防台风应急工作领导小组", "成员", None, "区经济发展局办公室主要负责人", "leaders.table.v1"),
        ]),
    "units sharing the post named after the last of them (…处、…处、区质安站负责人为成员) are one entry, no names": (
        "成立消防安全战役工作领导小组，由区交通与建设局分管局长任组长，局城建处、市政处、房管处、区质安站负责人为成员。", [
            ("消防安全战役工作领导小组", "组长", None, "区交通与建设局分管局长", "leaders.prose.v1"),
            ("消防安全战役工作领导小组", "成员", None, "局城建处、市政处、房管处、区质安站负责人", "leaders.prose.v1"),
        ]),
    "two names joined by 与 in a 由…兼任 clause are two entries": (
        "成立某区校车安全管理工作联席会议。联席会议下设办公室，办公室主任由陈某程同志兼任；副主任由林某璋同志与张某同志兼任。", [
            ("某区校车安全管理工作联席会议办公室", "办公室主任", "陈某程", None, "leaders.prose_by.v1"),
            ("某区校车安全管理工作联席会议办公室", "副主任", "林某璋", None, "leaders.prose_by.v1"),
            ("某区校车安全管理工作联席会议办公室", "副主任", "张某", None, "leaders.prose_by.v1"),
        ]),
    "the clause right after the group set up names its head without 以": (
        "成立某局2020年“安全生产月”活动领导小组，党组书记、局长陈某金为组长，分管副局长为副组长。", [
            ("某局2020年“安全生产月”活动领导小组", "组长", "陈某金", "党组书记、局长", "leaders.prose.v1"),
            ("某局2020年“安全生产月”活动领导小组", "副组长", None, "分管副局长", "leaders.prose.v1"),
        ]),
    "a party committee's post before the same person's other post (党组副书记、调研员王浩) is one entry; 党组 is no name": (
        "我局成立以党组副书记、调研员王浩为组长，党委委员、副局长为副组长，相关处室负责人为成员的工作领导小组。", [
            ("工作领导小组", "组长", "王浩", "党组副书记、调研员", "leaders.prose.v1"),
            ("工作领导小组", "副组长", None, "党委委员、副局长", "leaders.prose.v1"),
            ("工作领导小组", "成员", None, "相关处室负责人", "leaders.prose.v1"),
        ]),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_find_leaders(text: str, expected: list[tuple[str | None, str, str | None, str | None, str]]) -> None:
    hits = find_leaders(text)
    assert [(h.group, h.role, h.name, h.position, h.rule) for h in hits] == expected


def test_spans_point_at_the_entry_in_the_text() -> None:
    hits = find_leaders(SEED_000_GROUP)
    assert SEED_000_GROUP[slice(*hits[0].span)] == "王会奇 副市长"
    assert SEED_000_GROUP[slice(*hits[4].span)] == "穆 雷 市司法局副局长"
    assert SEED_000_GROUP[slice(*hits[-1].span)] == "市 司法局局长王佩军兼任办公室主任"


@pytest.mark.parametrize(
    "token, expected",
    [
        ("王会奇副市长", [("王会奇", "副市长")]),
        # a department's name opens the post: it tells where a two- or three-character name ends
        ("陈强综治应急中心负责人", [("陈强", "综治应急中心负责人")]),
        ("陈国伟财税专班负责人", [("陈国伟", "财税专班负责人")]),
        ("杨林海洋与渔业执法支队副支队长", [("杨林", "海洋与渔业执法支队副支队长")]),
        ("李悦市公安局副局长李学良市市场监督管理局副局长", [("李悦", "市公安局副局长"), ("李学良", "市市场监督管理局副局长")]),
        ("孟庆伟市委常委、常务副市长", [("孟庆伟", "市委常委、常务副市长")]),
        ("王会奇", None),
        # no position start: a known surname, then a place of two or more characters and a unit word
        ("孙玉堂红旗镇副镇长", [("孙玉堂", "红旗镇副镇长")]),
        ("荀亮海星办事处副主任", [("荀亮", "海星办事处副主任")]),
        ("区软环境办公室主任", None),
        # OCR lost the gap: a two-character name, then a place ending in 乡/片区 (not a four-character name)
        ("林猛大练乡党委书记、乡长", [("林猛", "大练乡党委书记、乡长")]),
        ("王盛白青乡乡长", [("王盛", "白青乡乡长")]),
        ("李平澳前片区开发管理局副局长", [("李平", "澳前片区开发管理局副局长")]),
        ("欧阳志为市委常委", [("欧阳志为", "市委常委")]),
        ("郭云中国人民银行平潭支行行长", [("郭云", "中国人民银行平潭支行行长")]),
    ],
)
def test_split_run_together(token: str, expected: list[tuple[str, str]] | None) -> None:
    assert split_run_together(token, default_lexicon()) == expected


@pytest.mark.parametrize(
    "token, expected",
    [
        ("区文化广电新闻出版局副局长徐连胜熊岳镇常务副镇长",
         [("", "区文化广电新闻出版局副局长"), ("徐连胜", "熊岳镇常务副镇长")]),
        ("区发展和改革局副局长张宇区经济和信息化局副局长", [("", "区发展和改革局副局长"), ("张宇", "区经济和信息化局副局长")]),
        ("区林业局副局长胡跃波区水利局副书记李彧区海洋与渔业局副局长",
         [("", "区林业局副局长"), ("胡跃波", "区水利局副书记"), ("李彧", "区海洋与渔业局副局长")]),
        ("区政府办公室副主任、法制办主任", [("", "区政府办公室副主任、法制办主任")]),
        ("市委常委、常务副市长", [("", "市委常委、常务副市长")]),
        ("区教育体育局纪检组长", [("", "区教育体育局纪检组长")]),
        # posts without names run on after a position (各…), up to the sentence after the list
        ("经济发展处处长辖区各派出所所长北厝、敖东、南海综合执法大队队长各包村工作队长",
         [("", "经济发展处处长"), ("", "辖区各派出所所长"), ("", "北厝、敖东、南海综合执法大队队长"), ("", "各包村工作队长")]),
        ("东庠派出所所长片区各内设处室、各行政村为片区防指成员单位",  # a sentence after the list, no posts
         [("", "东庠派出所所长片区各内设处室、各行政村为片区防指成员单位")]),
        ("镇司法所所长各包村工作队领导各村支部书记、村委主任",
         [("", "镇司法所所长"), ("", "各包村工作队领导"), ("", "各村支部书记、村委主任")]),
        ("综治处三级主任科员各村党（总）支部书记领导小组全面负责防范工作",
         [("", "综治处三级主任科员"), ("", "各村党（总）支部书记")]),
        # a bracketed remark after the title stays with its position
        ("区综合执法局副局长（主持工作）洪勇区公安局副局长",
         [("", "区综合执法局副局长（主持工作）"), ("洪勇", "区公安局副局长")]),
    ],
)
def test_split_positions(token: str, expected: list[tuple[str, str]]) -> None:
    assert split_positions(token, default_lexicon()) == expected


def test_a_name_then_positions_run_together() -> None:
    text = "成立县安全生产工作领导小组。\n成员：李云涛 区文化广电新闻出版局副局长徐连胜熊岳镇常务副镇长\n孙玉堂 红旗镇副镇长\n"
    assert [(h.name, h.position, h.rule) for h in find_leaders(text)] == [
        ("李云涛", "区文化广电新闻出版局副局长", "leaders.table.v1"),
        ("徐连胜", "熊岳镇常务副镇长", "leaders.table_run_together.v1"),
        ("孙玉堂", "红旗镇副镇长", "leaders.table.v1"),
    ]


def test_run_together_entries_have_exact_spans() -> None:
    hits = find_leaders(OCR_LIST_RUN_ON)
    assert [OCR_LIST_RUN_ON[slice(*h.span)] for h in hits[1:5]] == [
        "李岩区教育体育局纪检组长", "孙立新 区卫生与计划生育局副局长", "申守怡 区市场监督管理局副局长", "曹柏区农村经济发展局副局长",
    ]


def test_a_position_ending_in_a_surname_whose_given_name_is_spaced() -> None:
    # OCR of a clean scan: four list lines joined, ``刘 洋`` split over the join
    text = ("成立长垣市城区防汛抗旱指挥部。\n成员：王 斌 市住房和城乡建设局副局长李红霞市城市管理局副局长 赵金山 "
            "市气象局局长刘 洋 市公安局副局长\n")
    assert [(h.name, h.position) for h in find_leaders(text)] == [
        ("王斌", "市住房和城乡建设局副局长"), ("李红霞", "市城市管理局副局长"),
        ("赵金山", "市气象局局长"), ("刘洋", "市公安局副局长"),
    ]


def test_a_heads_title_spaced_for_print_is_the_persons_post_not_part_of_the_next_name() -> None:
    text = "具体组成人员如下：\n组 长：施 强 局 长\n成 员：吴兆刚 处 长 林 岱 副主任科员\n"
    assert [(h.role, h.name, h.position) for h in find_leaders(text)] == [
        ("组长", "施强", "局长"), ("成员", "吴兆刚", "处长"), ("成员", "林岱", "副主任科员")]


def test_a_listed_posts_mark_is_no_part_of_it() -> None:
    text = ("成立某片区护路联防工作领导小组，组长：张某 局长\n"
            "成员：陈某新 平原警务室负责人许某鑫 苏澳警务室负责人各中小学校长、各村党组织书记领导小组下设办公室，依托政法综治处")
    positions = [h.position for h in find_leaders(text) if h.name is None]
    assert positions == ["各中小学校长", "各村党组织书记"]


def test_a_listed_deputy_of_a_rarer_surname_keeps_the_list_and_numbered_roles_are_no_positions() -> None:
    text = ("决定成立某某工程标准化管理活动领导小组，组成人员名单如下： （一）组 长：王某足 （二）常务副组长：赖某芳 "
            "（三）副组长：皮某林、徐某远 （四）成 员：李 某、林某飞\n")
    assert [(h.role, h.name, h.position) for h in find_leaders(text)] == [
        ("组长", "王某足", None), ("常务副组长", "赖某芳", None), ("副组长", "皮某林", None), ("副组长", "徐某远", None),
        ("成员", "李某", None), ("成员", "林某飞", None)]


def test_a_parts_duties_after_its_member_list_and_a_space_end_the_list() -> None:
    text = ("第一组 组 长:杨一春 成 员:洪二聪、游三清 负责检查城北水利工作站所辖的水利工程设施。"
            "第二组 组 长:吴四贵 成 员:刘五远、高六斌 具体负责检查城中水利工作站。")
    assert [(h.group, h.role, h.name) for h in find_leaders(text)] == [
        ("第一组", "组长", "杨一春"), ("第一组", "成员", "洪二聪"), ("第一组", "成员", "游三清"),
        ("第二组", "组长", "吴四贵"), ("第二组", "成员", "刘五远"), ("第二组", "成员", "高六斌"),
    ]


def test_the_rest_of_a_lists_members_drawn_from_units_and_a_liaisons_phone_in_brackets() -> None:
    # …、高寒垚其余成员由…抽调人员组成: the names, then one entry for the members drawn from units, in the list's
    # group; 联络员：卢伟（182…）: a phone number in brackets is no post
    text = ("三、巡查组组成\n（一）房屋安全巡查小组\n组 长：王一伟\n成 员：陈二钰、何三雄、高四垚其余成员由区执法应急局及"
            "局城建处抽调人员组成\n联络员：卢五（18250180000）\n")
    assert [(h.group, h.role, h.name, h.position) for h in find_leaders(text)] == [
        ("房屋安全巡查小组", "组长", "王一伟", None),
        ("房屋安全巡查小组", "成员", "陈二钰", None),
        ("房屋安全巡查小组", "成员", "何三雄", None),
        ("房屋安全巡查小组", "成员", "高四垚", None),
        ("房屋安全巡查小组", "成员", None, "区执法应急局及局城建处抽调人员"),
        ("房屋安全巡查小组", "联络员", "卢五", None),
    ]
