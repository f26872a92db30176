"""find_leaders on the shapes web copies and the groups set up with parts print: a sentence run onto a
list's last post, a table one cell a line, numbered parts named with their group word, working groups
headed on the line of their roles. Texts written for these tests after the shapes of the dev gold."""

from __future__ import annotations

import pytest

from docproc.extract.leaders import find_leaders

CASES = {
    "a newspaper's 副总编辑 is a post, the name before it glued to the post before": (
        "经研究，决定调整某区未成年人保护委员会组成人员，名单如下：委 员：林某就 区工会工作委员会办公室主任科员"
        "陈某星 某县残疾人联合会副理事长张某琛 某时报社副总编辑 区未成年人保护委员会下设办公室，挂靠区社会事业局。", [
            ("某区未成年人保护委员会", "委员", "林某就", "区工会工作委员会办公室主任科员", "leaders.table.v1"),
            ("某区未成年人保护委员会", "委员", "陈某星", "某县残疾人联合会副理事长", "leaders.table_run_together.v1"),
            ("某区未成年人保护委员会", "委员", "张某琛", "某时报社副总编辑", "leaders.table_run_together.v1"),
        ]),
    "the group's duty run onto the list's last position (…社工（儿童福利）专班负责开展…)": (
        "经研究，决定成立集中整治工作专班，现将有关事项通知如下： 二、专班组成人员组 长：林 峰 党委委员 "
        "联络员：陈某杰 三支一扶（养老服务） 高某赢 苏平镇社工（儿童福利）专班负责开展集中整治工作的具体实施。", [
            ("集中整治工作专班", "组长", "林峰", "党委委员", "leaders.table.v1"),
            ("集中整治工作专班", "联络员", "陈某杰", "三支一扶（养老服务）", "leaders.table.v1"),
            ("集中整治工作专班", "联络员", "高某赢", "苏平镇社工（儿童福利）", "leaders.table.v1"),
        ]),
    "the sentence after a list run onto its last position (a web copy without line breaks)": (
        "决定成立某局信息化工作领导小组，组成人员如下：组 长：何 盈 局长 成 员：吴周鸣 区卫生监督所负责人"
        "张秋生 区计量检测所所长根据工作需要，领导小组下设办公室。", [
            ("某局信息化工作领导小组", "组长", "何盈", "局长", "leaders.table.v1"),
            ("某局信息化工作领导小组", "成员", "吴周鸣", "区卫生监督所负责人", "leaders.table.v1"),
            ("某局信息化工作领导小组", "成员", "张秋生", "区计量检测所所长", "leaders.table_run_together.v1"),
        ]),
    "numbered parts named with the group word (第一指导组) are parts of the group set up; a short bracket stays in its name": (
        "经研究，决定成立村（社区）“两委”换届选举工作指导组，现将有关事项通知如下：\n第一指导组\n组 长：陈立凯\n"
        "副组长：周伟、陈国\n指导村：北港村、渔屿村\n第二指导组\n组 长：林 黎\n", [
            ("村（社区）“两委”换届选举工作指导组第一指导组", "组长", "陈立凯", None, "leaders.table.v1"),
            ("村（社区）“两委”换届选举工作指导组第一指导组", "副组长", "周伟", None, "leaders.table.v1"),
            ("村（社区）“两委”换届选举工作指导组第一指导组", "副组长", "陈国", None, "leaders.table.v1"),
            ("村（社区）“两委”换届选举工作指导组第二指导组", "组长", "林黎", None, "leaders.table.v1"),
        ]),
    "parts of a working group after a duty that names another group; a part named with 、; a book title glued before the heading": (
        "附件：1.《疫苗接种知情同意书》某乡疫苗接种工作组\n（一）摸排、宣传和组织组\n组 长：潘宏春\n"
        "职 责：负责对接区防疫工作领导小组和区社会事业局。\n（二）安保组\n组 长：林和文\n", [
            ("某乡疫苗接种工作组摸排、宣传和组织组", "组长", "潘宏春", None, "leaders.table.v1"),
            ("某乡疫苗接种工作组安保组", "组长", "林和文", None, "leaders.table.v1"),
        ]),
    "an attachment's label and the list before it are no part of the group's name": (
        "附件：1.某局2023年旅游交通整治工作指挥部成员名单2.管控工作作战示意图附件1 某局2023年旅游交通整治工作指挥部成员名单 "
        "总 指 挥：林心平 某局副局长", [
            ("某局2023年旅游交通整治工作指挥部", "总指挥", "林心平", "某局副局长", "leaders.table.v1"),
        ]),
    "a year opening a group's name stays; 执行主任 is a role": (
        "经研究，决定成立2016某岛荧光夜跑音乐节组委会，组成人员名单如下：主 任：林江 区管委会副主任 执行主任：瞿华 区社会事业局副局长", [
            ("2016某岛荧光夜跑音乐节组委会", "主任", "林江", "区管委会副主任", "leaders.table.v1"),
            ("2016某岛荧光夜跑音乐节组委会", "执行主任", "瞿华", "区社会事业局副局长", "leaders.table.v1"),
        ]),
    "a member table a web copy printed one cell a line, its colon on a line of its own": (
        "成立某街道减量化工作联席会议，联席会议成员名单如下：\n\n召 集 人\n\n：\n\n欧阳斌\n\n党工委副书记、办事处主任\n\n"
        "第一副召集人\n\n：\n\n龚 锋\n\n党工委委员（兼）\n\n王庚申\n\n党工委委员、办事处副主任\n\n二、工作职责\n", [
            ("某街道减量化工作联席会议", "召集人", "欧阳斌", "党工委副书记、办事处主任", "leaders.table.v1"),
            ("某街道减量化工作联席会议", "第一副召集人", "龚锋", "党工委委员（兼）", "leaders.table.v1"),
            ("某街道减量化工作联席会议", "第一副召集人", "王庚申", "党工委委员、办事处副主任", "leaders.table.v1"),
        ]),
    "a short post on the line under a lone name (王 五 / 局长) is that name's": (
        "成立某街道减量化工作联席会议，联席会议成员名单如下：\n召 集 人：\n王 五\n局长\n", [
            ("某街道减量化工作联席会议", "召集人", "王五", "局长", "leaders.table.v1"),
        ]),
    "roles of a committee's working staff as printed": (
        "现成立某市土壤污染责任人认定委员会，组成人员：\n主 任 委 员：\n罗海林  市生态环境局副局长\n工作组负责人：\n"
        "任菊萍  市生态环境局土壤处处长\n专职工作人员：\n何  赟  市生态环境局土壤处副处长\n", [
            ("某市土壤污染责任人认定委员会", "主任委员", "罗海林", "市生态环境局副局长", "leaders.table.v1"),
            ("某市土壤污染责任人认定委员会", "工作组负责人", "任菊萍", "市生态环境局土壤处处长", "leaders.table.v1"),
            ("某市土壤污染责任人认定委员会", "专职工作人员", "何赟", "市生态环境局土壤处副处长", "leaders.table.v1"),
        ]),
    "a list's last post before the group's office; a duty item before a part's heading (完成组委会交办…)": (
        "决定成立某岛风筝冲浪节组委会，组成人员名单如下：主 任：林江 区管委会副主任 成 员：杨奋 区社会事业局办公室主任"
        "翟大辉 某运动协会会长组委会办公室设在区社会事业局，办公室主任由区社会事业局副局长陈鹏程同志兼任。\n"
        "（八）完成组委会交办的其他工作。\n二、新闻宣传组工作职责\n组 长：蔡 露\n", [
            ("某岛风筝冲浪节组委会", "主任", "林江", "区管委会副主任", "leaders.table.v1"),
            ("某岛风筝冲浪节组委会", "成员", "杨奋", "区社会事业局办公室主任", "leaders.table.v1"),
            ("某岛风筝冲浪节组委会", "成员", "翟大辉", "某运动协会会长", "leaders.table_run_together.v1"),
            ("某岛风筝冲浪节组委会办公室", "办公室主任", "陈鹏程", "区社会事业局副局长", "leaders.prose_by.v1"),
            ("某岛风筝冲浪节组委会新闻宣传组", "组长", "蔡露", None, "leaders.table.v1"),
        ]),
    "a working group's numbered heading opening the line of its roles; a list ending with its full stop": (
        "决定成立某县防汛抗旱指挥部。指挥部下设三个工作组：\n（一）综合组。组长：王强，成员：赵立、钱明。\n"
        "（二）抢险组。组长：孙八，成员：周九。\n", [
            ("某县防汛抗旱指挥部综合组", "组长", "王强", None, "leaders.table.v1"),
            ("某县防汛抗旱指挥部综合组", "成员", "赵立", None, "leaders.table.v1"),
            ("某县防汛抗旱指挥部综合组", "成员", "钱明", None, "leaders.table.v1"),
            ("某县防汛抗旱指挥部抢险组", "组长", "孙八", None, "leaders.table.v1"),
            ("某县防汛抗旱指挥部抢险组", "成员", "周九", None, "leaders.table.v1"),
        ]),
    "a scan's OCR glued names to rank posts (四级调研员) and to department posts": (
        "决定成立固定资产管理工作领导小组，具体内容如下：\n成员：郭为建四级调研员\n林瑞四级调研员\n陈强一级主任科员\n", [
            ("固定资产管理工作领导小组", "成员", "郭为建", "四级调研员", "leaders.table_run_together.v1"),
            ("固定资产管理工作领导小组", "成员", "林瑞", "四级调研员", "leaders.table_run_together.v1"),
            ("固定资产管理工作领导小组", "成员", "陈强", "一级主任科员", "leaders.table_run_together.v1"),
        ]),
    "a post opening with the bureau's own party committee (局党委…) glued to a name": (
        "决定成立某工作指导小组，组成人员如下：\n副组长：潘杰局党委委员、副局长\n", [
            ("某工作指导小组", "副组长", "潘杰", "局党委委员、副局长", "leaders.table_run_together.v1"),
        ]),
    "a · the page's encoding turned into ？ stays inside the group's name": (
        "决定成立第五届中国？某岛国际风筝冲浪节组委会，组成人员名单如下：主 任：林江 区管委会副主任", [
            ("第五届中国？某岛国际风筝冲浪节组委会", "主任", "林江", "区管委会副主任", "leaders.table.v1"),
        ]),
    "a four-character name with a compound surname run on after a post holding a comma": (
        "决定成立某活动组委会，具体成员如下：成 员：林 杰 某县委书记、县长，某片区党工委书记欧阳晓波 区党工委办公室主任"
        "吴品云 区党群工作部部长", [
            ("某活动组委会", "成员", "林杰", "某县委书记、县长，某片区党工委书记", "leaders.table.v1"),
            ("某活动组委会", "成员", "欧阳晓波", "区党工委办公室主任", "leaders.table_run_together.v1"),
            ("某活动组委会", "成员", "吴品云", "区党群工作部部长", "leaders.table_run_together.v1"),
        ]),
    "a title inside the name a setting-up verb opens (场所长效) is no member's post": (
        "三、组织领导\n镇层面成立某镇规模化居住租赁场所长效管理领导小组，统筹协调推进工作。\n"
        "组 长：王明 镇长\n", [
            ("某镇规模化居住租赁场所长效管理领导小组", "组长", "王明", "镇长", "leaders.table.v1"),
        ]),
    "a list's last post run onto the bare group word (…副组长领导小组下设办公室)": (
        "决定成立某区水库移民后期扶持政策领导小组，成员如下：组 长：王强 区管委会副主任 成 员：李登奎 某片区农业工作小组副组长"
        "领导小组下设办公室，设在区农业农村局。办公室主任由方建瑞同志兼任。", [
            ("某区水库移民后期扶持政策领导小组", "组长", "王强", "区管委会副主任", "leaders.table.v1"),
            ("某区水库移民后期扶持政策领导小组", "成员", "李登奎", "某片区农业工作小组副组长", "leaders.table.v1"),
            ("某区水库移民后期扶持政策领导小组办公室", "办公室主任", "方建瑞", None, "leaders.prose_by.v1"),
        ]),
    "a second post printed after one gap is the person's; an office staffed by 主任由…，…等同志为成员": (
        "决定成立某区公立医院改革工作领导小组，成员如下：\n组 长：王强 区管委会副主任\n"
        "成 员：林我忠 区经济发展局物价处处长 县物价局局长\n吴兆永 县人事局局长\n"
        "领导小组下设办公室，办公地点设在区社会事业局。主 任由欧阳晓波兼任，吴兆永、念华明等同志为成员。", [
            ("某区公立医院改革工作领导小组", "组长", "王强", "区管委会副主任", "leaders.table.v1"),
            ("某区公立医院改革工作领导小组", "成员", "林我忠", "区经济发展局物价处处长县物价局局长", "leaders.table.v1"),
            ("某区公立医院改革工作领导小组", "成员", "吴兆永", "县人事局局长", "leaders.table.v1"),
            ("某区公立医院改革工作领导小组办公室", "主任", "欧阳晓波", None, "leaders.prose_by.v1"),
            ("某区公立医院改革工作领导小组办公室", "成员", "吴兆永", None, "leaders.prose.v1"),
            ("某区公立医院改革工作领导小组办公室", "成员", "念华明", None, "leaders.prose.v1"),
        ]),
    "a name between the post it is chosen by and the title it holds (由局领导高建武副调研员任组长); 常务 is no name": (
        "成立液化气充装企业专项整治工作领导小组，由局领导高建武副调研员任组长，县委常委常务副县长任副组长。", [
            ("液化气充装企业专项整治工作领导小组", "组长", "高建武", "副调研员", "leaders.prose.v1"),
            ("液化气充装企业专项整治工作领导小组", "副组长", None, "县委常委常务副县长", "leaders.prose.v1"),
        ]),
    "a sentence staffing a role (成员由…担任) run onto the last post ends it there": (
        "决定成立某局专项治理工作领导小组，成员如下：组 长：王强 局长 副组长：林培杰 党组成员、副调研员成员由各处室负责人担任。", [
            ("某局专项治理工作领导小组", "组长", "王强", "局长", "leaders.table.v1"),
            ("某局专项治理工作领导小组", "副组长", "林培杰", "党组成员、副调研员", "leaders.table.v1"),
            ("某局专项治理工作领导小组", "成员", None, "各处室负责人", "leaders.prose_by.v1"),
        ]),
    "成立以X为组长的Y sets Y up; 成员由 posts with their names…组成; a part's duties after its list are no post": (
        "区管委会成立以实验区副书记杜源生为组长的某区春运工作领导小组，区管委会副巡视员陈文波为副组长，"
        "成员由区经济发展局副局长严小华、区交通与建设局副局长乐肇榕、区环境与国土资源局副调研员陈乃龙组成。"
        "区春运工作领导小组办公室设在区经发局，区经发局副局长严小华兼任办公室主任。\n"
        "3、春运票价监管检查工作小组 组 长：潘晓春 主要任务是负责各运输企业的春运票价监管检查工作。", [
            ("某区春运工作领导小组", "组长", "杜源生", "实验区副书记", "leaders.prose.v1"),
            ("某区春运工作领导小组", "副组长", "陈文波", "区管委会副巡视员", "leaders.prose.v1"),
            ("某区春运工作领导小组", "成员", "严小华", "区经济发展局副局长", "leaders.prose_by.v1"),
            ("某区春运工作领导小组", "成员", "乐肇榕", "区交通与建设局副局长", "leaders.prose_by.v1"),
            ("某区春运工作领导小组", "成员", "陈乃龙", "区环境与国土资源局副调研员", "leaders.prose_by.v1"),
            ("某区春运工作领导小组办公室", "办公室主任", "严小华", "区经发局副局长", "leaders.prose.v1"),
            ("春运票价监管检查工作小组", "组长", "潘晓春", None, "leaders.table.v1"),
        ]),
    "posts of every such unit end where the next sentence opens with the group word; 督促落实X领导小组 names no group": (
        "决定成立某地块征迁工作领导小组，组成人员如下：组 长：王强 局长 成 员：各相关村 党组织书记、村委主任领导小组将根据工作"
        "推进需要适时扩充相关人员。领导小组下设办公室，负责督促落实领导小组作出的决策部署。办公室主任由张立同志兼任。", [
            ("某地块征迁工作领导小组", "组长", "王强", "局长", "leaders.table.v1"),
            ("某地块征迁工作领导小组", "成员", None, "各相关村党组织书记、村委主任", "leaders.table.v1"),
            ("某地块征迁工作领导小组办公室", "办公室主任", "张立", None, "leaders.prose_by.v1"),
        ]),
    "由<post>、<post><name>同志担任: the posts before the name are that one person's": (
        "成立规范行政行为专项整治活动领导小组，组长由片区管理局党委委员施敏同志担任，"
        "副组长由片区管理局党委委员、科技副局长张腾龙同志担任。", [
            ("规范行政行为专项整治活动领导小组", "组长", "施敏", "片区管理局党委委员", "leaders.prose_by.v1"),
            ("规范行政行为专项整治活动领导小组", "副组长", "张腾龙", "片区管理局党委委员、科技副局长", "leaders.prose_by.v1"),
        ]),
    "through a scan, names glued to posts of the bureau's own departments (局党群…, 局四级…, 局党政办公室（主持工作）)": (
        "成立某片区工作指导小组，名单如下：\n成员：林和文局四级调研员\n王强平局党政办公室（主持工作）\n"
        "吕振南局党群工作处处长\n林超局农业农村处处长\n", [
            ("某片区工作指导小组", "成员", "林和文", "局四级调研员", "leaders.table_run_together.v1"),
            ("某片区工作指导小组", "成员", "王强平", "局党政办公室（主持工作）", "leaders.table_run_together.v1"),
            ("某片区工作指导小组", "成员", "吕振南", "局党群工作处处长", "leaders.table_run_together.v1"),
            ("某片区工作指导小组", "成员", "林超", "局农业农村处处长", "leaders.table_run_together.v1"),
        ]),
    "a group word opening the line under a list's last entry reads no name from that entry": (
        "决定成立某区重大动植物疫情防治指挥部，成员如下：\n总指挥：王强 区管委会副主任\n成员：刘标 某海关旅检科科长\n"
        "徐海燕 区传媒中心办公室\n指挥部下设畜牧、林业两个办公室。畜牧办公室挂靠区经济发展局，办公室主任由游天标担任。", [
            ("某区重大动植物疫情防治指挥部", "总指挥", "王强", "区管委会副主任", "leaders.table.v1"),
            ("某区重大动植物疫情防治指挥部", "成员", "刘标", "某海关旅检科科长", "leaders.table.v1"),
            ("某区重大动植物疫情防治指挥部", "成员", "徐海燕", "区传媒中心办公室", "leaders.table.v1"),
            ("某区重大动植物疫情防治指挥部畜牧办公室", "办公室主任", "游天标", None, "leaders.prose_by.v1"),
        ]),
    "parts set up after the group's office sentence (…。并设立综合协调小组…) are named with the group": (
        "成立某项目领导小组，人员如下：组 长：陈人寿 局长。领导小组下设办公室。并设立综合协调小组，人员如下："
        "综合协调小组：组 长：游天标副组长：林学发 林从月\n", [
            ("某项目领导小组", "组长", "陈人寿", "局长", "leaders.table.v1"),
            ("某项目领导小组综合协调小组", "组长", "游天标", None, "leaders.table.v1"),
            ("某项目领导小组综合协调小组", "副组长", "林学发", None, "leaders.table.v1"),
            ("某项目领导小组综合协调小组", "副组长", "林从月", None, "leaders.table.v1"),
        ]),
    "an investigation group (调查组) set up by a sentence names its list": (
        "经研究决定成立“5.29”某路口摩托车相撞事故调查组，现将组成人员名单通知如下： 组 长：林同璋 区交建局副调研员 "
        "副组长：伊 杰 区交建局安全监督处副处长", [
            ("“5.29”某路口摩托车相撞事故调查组", "组长", "林同璋", "区交建局副调研员", "leaders.table.v1"),
            ("“5.29”某路口摩托车相撞事故调查组", "副组长", "伊杰", "区交建局安全监督处副处长", "leaders.table.v1"),
        ]),
    "a group set up under a word the vocabulary lacks (督察小组) names its numbered parts; a field label ends a member list": (
        "为做好督察工作，经研究，决定调整充实某片区常态化疫情防控日常督察小组，其组成人员如下：第一组：党政办公室\n"
        "组 长：陈李凯\n成 员：周伟霞、陈国伟 督查对象：处室挂钩村、机关办公场所 第二组：党群工作处\n组 长：林 黎\n"
        "成 员：陈若非 督查对象：处室挂钩村", [
            ("某片区常态化疫情防控日常督察小组第一组", "组长", "陈李凯", None, "leaders.table.v1"),
            ("某片区常态化疫情防控日常督察小组第一组", "成员", "周伟霞", None, "leaders.table.v1"),
            ("某片区常态化疫情防控日常督察小组第一组", "成员", "陈国伟", None, "leaders.table.v1"),
            ("某片区常态化疫情防控日常督察小组第二组", "组长", "林黎", None, "leaders.table.v1"),
            ("某片区常态化疫情防控日常督察小组第二组", "成员", "陈若非", None, "leaders.table.v1"),
        ]),
    "a name a setting-up verb opens in its clause is read whole: digits, 、, # and a long bracket": (
        "经研究，决定成立平潭金井作业区2#、3#码头开港筹备工作组，组成人员名单如下： 组 长：王进足 区管委会副主任", [
            ("平潭金井作业区2#、3#码头开港筹备工作组", "组长", "王进足", "区管委会副主任", "leaders.table.v1"),
        ]),
    "a bracket of years inside a name a sentence adjusts stays in it": (
        "经研究，决定调整充实某局第四届（2018-2020年度）区级文明单位创建工作领导小组，组成人员如下：组 长：周建军 局长", [
            ("某局第四届（2018-2020年度）区级文明单位创建工作领导小组", "组长", "周建军", "局长", "leaders.table.v1"),
        ]),
    "a heading that sets the group up (一、成立…领导小组) names it without its verb": (
        "现制定工作方案如下：\n一、成立专项检查工作领导小组\n组 长：高李杰\n成 员：林 芳、林鸿\n二、检查内容\n", [
            ("专项检查工作领导小组", "组长", "高李杰", None, "leaders.table.v1"),
            ("专项检查工作领导小组", "成员", "林芳", None, "leaders.table.v1"),
            ("专项检查工作领导小组", "成员", "林鸿", None, "leaders.table.v1"),
        ]),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_find_leaders(text: str, expected: list[tuple[str | None, str, str | None, str | None, str]]) -> None:
    hits = find_leaders(text)
    assert [(h.group, h.role, h.name, h.position, h.rule) for h in hits] == expected


def test_a_group_another_parts_duty_names_is_not_the_group_a_bare_heading_word_means() -> None:
    """负责与区党工委…督导组联系: that 督导组 is the one the office liaises with, not the 督导组 heading below."""
    text = ("领导小组办公室下设综合组、督导组。\n（一）综合组：（由刘孟良任组长）\n1.负责与区党工委教育实践活动督导组联系工作；\n"
            "（二）督导组：（由庄荔任组长）\n")
    groups = {h.name: h.group for h in find_leaders(text)}
    assert groups["庄荔"] != "区党工委教育实践活动督导组"


def test_teams_a_working_group_is_divided_into_take_its_sentences_name() -> None:
    """工作组分2个工作专班 after a title naming the group otherwise; a sentence glued to a spaced name is no post."""
    text = ("关于成立实施乡村振兴战略专项工作组的通知\n决定成立实施乡村振兴战略工作组，工作组分2个工作专班，具体名单如下：\n"
            "一、产业兴旺工作专班\n组 长：贾尉斌\n副组长：卓 宁具体工作依托经济发展处。\n二、生态宜居工作专班\n组 长：林友庄\n"
            "副组长：吴 滨具体工作依托生态资源处。\n")
    hits = {h.name: (h.group, h.position) for h in find_leaders(text)}
    assert hits["林友庄"] == ("实施乡村振兴战略工作组生态宜居工作专班", None)
    assert hits["吴滨"] == ("实施乡村振兴战略工作组生态宜居工作专班", None)
    assert hits["卓宁"][1] is None


def test_a_heading_that_sets_a_group_up_names_it_when_its_roles_run_on() -> None:
    """一、成立…领导小组组长由…担任: the group word before 组长 is the group set up, no organ inside a post."""
    text = "一、成立综合协调工作机制领导小组组长由局党委书记高杰担任，副组长由局长沈福泉担任。"
    assert [(h.group, h.role, h.name) for h in find_leaders(text)] == [
        ("综合协调工作机制领导小组", "组长", "高杰"), ("综合协调工作机制领导小组", "副组长", "沈福泉")]


def test_groups_a_sentence_counts_are_each_a_group_of_their_own() -> None:
    """共成立3个督查组: each numbered heading names a group as printed, not a part of the one before."""
    text = ("四、组织领导 共成立3个督查组，督查组成员由各组组长抽调。\n1.党建工作督查组\n组 长：李宗强 区经济发展局副局长\n"
            "2.统计工作督查组\n组 长：林 润 区经济发展局调研员\n3.维稳、创城、安全生产督查组\n组 长：严小华 区经济发展局副局长\n")
    assert [(h.group, h.name) for h in find_leaders(text)] == [
        ("党建工作督查组", "李宗强"), ("统计工作督查组", "林润"), ("维稳、创城、安全生产督查组", "严小华")]


def test_a_list_its_groups_head_opens_is_the_groups_under_a_sentence_that_only_sets_up_the_office() -> None:
    """成员构成如下：领导小组下设办公室，挂靠局安监处。/ 组长：… / 成员：…: the group's list, not its office's."""
    text = ("成立第三季度安全生产检查领导小组，成员构成如下：领导小组下设办公室，挂靠局安监处，负责检查期间的协调工作。\n"
            "组 长：张遵耀 区交建局局长\n副组长：张祖柱 区交建局副局长\n成 员：柯长盛 市政管理处处长\n")
    assert {h.group for h in find_leaders(text)} == {"第三季度安全生产检查领导小组"}


def test_numbered_groups_on_lines_of_their_own_name_their_lists() -> None:
    """第一自查组（北厝工作片） / 组长：…; the next group's heading glued to the last list line; a village
    committee named before (村（社区）居民委员会) is no group of the lists."""
    text = ("开展村（社区）居民委员会成员近亲属享受低保情况排查。\n五、工作步骤\n第一自查组（北厝工作片）\n"
            "组 长：林友庄 局党委委员、副局长\n副组长：林 雄 农业农村处处长\n组 员：各村主干第二自查组（敖东工作片）\n"
            "组 长：贾尉斌 局党委委员、副局长\n")
    assert [(h.group, h.role, h.name) for h in find_leaders(text)] == [
        ("第一自查组", "组长", "林友庄"), ("第一自查组", "副组长", "林雄"), ("第一自查组", "组员", None),
        ("第二自查组", "组长", "贾尉斌")]


def test_roles_of_a_command_with_a_chief_commander_总指挥长() -> None:
    text = ("决定成立某区卫生计生建设项目总指挥部，组成人员如下：\n总指挥长：周青松 区党工委委员\n"
            "常务副总指挥长：魏凤琴 区卫生计生局局长\n副总指挥长：杨 奋 区社会事业局办公室主任\n")
    assert [(h.role, h.name) for h in find_leaders(text)] == [
        ("总指挥长", "周青松"), ("常务副总指挥长", "魏凤琴"), ("副总指挥长", "杨奋")]


def test_an_on_site_command_is_named_after_the_command_set_up_before() -> None:
    """成立…总指挥部和现场指挥部: the on-site command is the command's full name + 现场指挥部."""
    text = ("三、组织机构 成立平潭综合实验区2021年清明节祭扫工作总指挥部和现场指挥部。\n（一）总指挥部：\n"
            "总指挥：林 华 局长\n（二）现场指挥部：\n现场指挥：贾尉斌 局党委委员、副局长\n")
    assert [(h.group, h.role) for h in find_leaders(text)] == [
        ("平潭综合实验区2021年清明节祭扫工作总指挥部", "总指挥"),
        ("平潭综合实验区2021年清明节祭扫工作总指挥部现场指挥部", "现场指挥")]


def test_a_group_renamed_by_its_sentence_takes_its_new_name() -> None:
    """现将X指挥部调整为Y指挥部，…成员名单如下: the list is Y's."""
    text = ("现将苏平片区森林防火指挥部调整为苏平片区森林防灭火指挥部，并对组成单位人员进行相应调整，成员名单如下：\n"
            "总 指 挥：俞兆善 党委委员、四级调研员\n")
    assert [h.group for h in find_leaders(text)] == ["苏平片区森林防灭火指挥部"]


def test_a_numbered_working_group_labelled_with_its_own_name() -> None:
    """第一工作组：综合协调组 / 组长：…: the part is named by its own name after the command's."""
    text = ("决定成立某乡征迁攻坚指挥部，组成人员如下：\n指 挥 长：林 瑞 乡党委书记\n第一工作组：综合协调组\n"
            "组 长：任小强、陈彪\n第二工作组：后勤保障组\n组 长：林学密\n")
    assert [(h.group, h.name) for h in find_leaders(text)][1:] == [
        ("某乡征迁攻坚指挥部综合协调组", "任小强"), ("某乡征迁攻坚指挥部综合协调组", "陈彪"),
        ("某乡征迁攻坚指挥部后勤保障组", "林学密")]


def test_counted_groups_are_no_group_and_a_numbered_group_glued_after_a_full_stop_names_its_list() -> None:
    """片区成立4个工作组: counted, no name; …扶贫内页材料。第一自查组（北厝工作片） / 组长：…: that group's list."""
    text = ("二、工作安排片区成立4个工作组，其中督查组1个，自查组3个。\n（二）自查组工作职责：开展回头看工作；"
            "逐项核实扶贫内页材料。第一自查组（北厝工作片）\n组 长：林友庄 局党委委员、副局长\n")
    assert [(h.group, h.name) for h in find_leaders(text)] == [("第一自查组", "林友庄")]


def test_a_body_above_named_after_the_group_set_up_does_not_take_its_office() -> None:
    """成立森林防火指挥部，在区森林防火指挥部的指导…下: 指挥部下设办公室 is the office of the 指挥部 set up."""
    text = ("海坛片区管理局成立森林防火指挥部，在区森林防火指挥部的指导和海坛片区管理局的领导下，统一指挥片区森林防火工作。"
            "指挥长：周训岚（片区管理局党委委员）\n指挥部下设办公室，由陈雄强兼任办公室主任，吴武高担任副主任。\n")
    assert [(h.group, h.role, h.name) for h in find_leaders(text)] == [
        ("森林防火指挥部", "指挥长", "周训岚"),
        ("森林防火指挥部办公室", "办公室主任", "陈雄强"), ("森林防火指挥部办公室", "副主任", "吴武高")]


def test_a_determiner_before_the_group_set_up_is_no_part_of_its_name() -> None:
    """片区成立本次专项…领导小组: 本次 is no part of the name."""
    text = "一、组织领导片区成立本次专项安全生产大检查工作领导小组，由金井片区党委书记施强任组长。\n"
    assert [(h.group, h.role, h.name) for h in find_leaders(text)] == [
        ("专项安全生产大检查工作领导小组", "组长", "施强")]


def test_area_parts_of_the_one_group_a_sentence_set_up_are_named_after_it() -> None:
    """成立金井片区…指导组 / 一、金井片区…指导组 / （一）北厝片指导组: parts of that group, not groups of their own
    (as 成立三个…指导组 would set up)."""
    text = ("经局党委研究，现就成立金井片区村居疫苗接种暨换届工作指导组有关事项通知如下：\n"
            "一、金井片区村居疫苗接种暨换届工作指导组\n（一）北厝片指导组\n组　　长：林述佳　党委委员、副局长\n"
            "（二）敖东片指导组\n组　　长：林友庄　党委委员、副局长\n")
    assert [(h.group, h.name) for h in find_leaders(text)] == [
        ("金井片区村居疫苗接种暨换届工作指导组北厝片指导组", "林述佳"),
        ("金井片区村居疫苗接种暨换届工作指导组敖东片指导组", "林友庄")]


def test_a_unit_printed_as_a_members_post_with_the_next_member_glued_on() -> None:
    """…林 煊 新城联合党委李登奎 坛南联合党委、社会事业处处长…冯玉华 四级主任科员农产品…小组下设办公室: a unit as the
    whole post, the next name glued to it; titles printed one after another are one post."""
    text = ("决定成立金井片区农产品质量安全工作小组，组成人员名单如下：组 长：林友庄 党委委员、副局长"
            "成 员：翁 智 北湖联合党委、机关党委专职副书记林 煊 新城联合党委李登奎 坛南联合党委、社会事业处处长"
            "林 森 塘屿联合党委、财政经管办负责人冯玉华 四级主任科员农产品质量安全工作小组下设办公室，挂靠农业农村处。\n")
    assert [(h.name, h.position) for h in find_leaders(text)][2:] == [
        ("林煊", "新城联合党委"), ("李登奎", "坛南联合党委、社会事业处处长"), ("林森", "塘屿联合党委、财政经管办负责人"),
        ("冯玉华", "四级主任科员")]


def test_office_members_given_as_a_units_whole_staff() -> None:
    """…副主任由政法综治处柯雯同志担任，成员为政法综治处全体人员: one name-null 成员 entry, the staff its position."""
    text = ("决定成立金井片区消防安全委员会。消防安全委员会下设办公室，挂靠在政法综治处。办公室主任由政法综治处巫贤洪同志兼任，"
            "成员为政法综治处全体人员。办公室定期组织开展联合督导。")
    assert [(h.group, h.role, h.name, h.position) for h in find_leaders(text)][1:] == [
        ("金井片区消防安全委员会办公室", "成员", None, "政法综治处全体人员")]


def test_a_names_only_list_ends_where_the_groups_word_opens_the_next_sentence() -> None:
    """…王建伟林同璋 钱 鹏领导小组下设若干巡查小组，召集人分别为：…: the list ends before 领导小组下设."""
    from docproc.extract.leader_entries import parse_entries
    from docproc.extract.leader_lexicon import default_lexicon

    run = "徐志远 丁雄生 黄高龙 丁玉仁 王建伟林同璋 钱 鹏领导小组下设若干巡查小组，召集人分别为：柯长盛、李海强。"
    assert [(e.name, e.position) for e in parse_entries(run, 0, default_lexicon())] == [
        ("徐志远", None), ("丁雄生", None), ("黄高龙", None), ("丁玉仁", None), ("王建伟", None), ("林同璋", None),
        ("钱鹏", None)]
