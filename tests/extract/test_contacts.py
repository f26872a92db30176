"""find_contacts: parametrised tables of text → exact hits, from real lines of the seeds and written notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from docproc.extract.contacts import default_contact_lexicon, find_contacts, mend_broken_numbers

CASES = {
    "seed-003 unlabelled name, 联系方式 and 浙政钉 in a parenthetical": (
        "认真填报自查表,于3月28日前报送县司法局行政执法监督与应诉科备案(潘进进 联系方式656161 浙政钉13958966161)。",
        [("潘进进", "县司法局行政执法监督与应诉科", ["656161"], None, [], "浙政钉13958966161", "contacts.labelled.v1")],
    ),
    "seed-004 联系人 without colon": (
        "办公室主任由史毓志同志兼任。联系人张程程，联系电话6169675。",
        [("张程程", None, ["6169675"], None, [], None, "contacts.labelled.v1")],
    ),
    "seed-004 public hotline, mailbox and site on separate lines": (
        "监督举报投诉电话：6169675\n\n　　邮箱：byqqfzb@126.com\n\n    区政府官方网站：http://www.ykdz.gov.cn\n\n附件：名单\n",
        [(None, None, ["6169675"], None, ["byqqfzb@126.com"], "区政府官方网站：http://www.ykdz.gov.cn",
          "contacts.unit.v1")],
    ),
    "the unit after the last hand-over word (…情况至X（联系人：…）) is the org": (
        "各企业要报送大检查阶段性情况至区经济发展局综合协调办公室（联系人：翁其城，23163053）。",
        [("翁其城", "区经济发展局综合协调办公室", ["23163053"], None, [], None, "contacts.labelled.v1")],
    ),
    "a mailing address label glued after a mailbox, an 附件 line run on after the address": (
        "联系人：陈修玲0591-23163474电子邮箱：ptzhsyqjrb@163.com邮寄地址：某区商务营运中心7号楼6层630室附件：某细则（征求意见稿）",
        [("陈修玲", None, ["0591-23163474"], None, ["ptzhsyqjrb@163.com"], "邮寄地址：某区商务营运中心7号楼6层630室",
          "contacts.labelled.v1")],
    ),
    "a sector before each 联系人 label is its org, the next label glued to the number before it": (
        "教育系统联系人：陈茂辉 电话：23167002卫健系统联系人：魏 雅 电话：23177013",
        [("陈茂辉", "教育系统", ["23167002"], None, [], None, "contacts.labelled.v1"),
         ("魏雅", "卫健系统", ["23177013"], None, [], None, "contacts.labelled.v1")],
    ),
    "a word before a phone label that opens with no surname is no person (片区值班电话, …系统客服电话); 片区 is a unit": (
        "（片区值班电话：23150001）\n网上报名系统客服电话：021-61940002\n",
        [(None, "片区", ["23150001"], None, [], None, "contacts.unit.v1"),
         (None, None, ["021-61940002"], None, [], None, "contacts.unit.v1")],
    ),
    "two people share phone, fax and mailbox": (
        "联系人：陈雅琴、林志斌，电话：0595-22581376，传真：0595-22581370，邮箱：qzsfjzfk@163.com。",
        [("陈雅琴", None, ["0595-22581376"], "0595-22581370", ["qzsfjzfk@163.com"], None, "contacts.labelled.v1"),
         ("林志斌", None, ["0595-22581376"], "0595-22581370", ["qzsfjzfk@163.com"], None, "contacts.labelled.v1")],
    ),
    "each person with their own numbers": (
        "联系人：王芳，电话：0571-87051234；李强，手机：13905712345、0571-87051235。",
        [("王芳", None, ["0571-87051234"], None, [], None, "contacts.labelled.v1"),
         ("李强", None, ["13905712345", "0571-87051235"], None, [], None, "contacts.labelled.v1")],
    ),
    "office duty phone without a person": (
        "指挥部办公室值班电话：0373-8812345，传真：0373-8812346。",
        [(None, "指挥部办公室", ["0373-8812345"], "0373-8812346", [], None, "contacts.unit.v1")],
    ),
    "unit named before the parenthetical": (
        "请及时向市市场监管局消费者权益保护处反映（联系人：沈立群，电话：0573-82061234）。",
        [("沈立群", "市市场监管局消费者权益保护处", ["0573-82061234"], None, [], None, "contacts.labelled.v1")],
    ),
    "Traditional script, bracketed area code": (
        "聯繫人：鄭詠詩，電話：（0756）8841234，電子郵箱：fwj@hengqin.gov.cn。",
        [("鄭詠詩", None, ["（0756）8841234"], None, ["fwj@hengqin.gov.cn"], None, "contacts.labelled.v1")],
    ),
    "unit, name and its own 联系电话 label, twice in one bracket": (
        "（联系人：市经济和信息化局电力处 周立新联系电话：83601234；国网某市电力公司营销部 马骏联系电话：24401234）",
        [("周立新", "市经济和信息化局电力处", ["83601234"], None, [], None, "contacts.labelled.v1"),
         ("马骏", "国网某市电力公司营销部", ["24401234"], None, [], None, "contacts.labelled.v1")],
    ),
    "联系人 alone, then one line per unit, and the office's own mailbox": (
        "请及时反馈意见。\n联系人：\n省发展改革委：许静 86701234\n省能源局：赵明远 86705678\n电子邮箱：nyj2025@163.com\n附件：细则\n",
        [("许静", "省发展改革委", ["86701234"], None, [], None, "contacts.labelled.v1"),
         ("赵明远", "省能源局", ["86705678"], None, [], None, "contacts.labelled.v1"),
         (None, None, [], None, ["nyj2025@163.com"], None, "contacts.unit.v1")],
    ),
    "a page that set unit, name and number each on its own line": (
        "联系人：\n省能源局：\n刘静\n86705822\n附件：细则\n",
        [("刘静", "省能源局", ["86705822"], None, [], None, "contacts.labelled.v1")],
    ),
    "a mailbox in its own clause after two people with their numbers is the office's": (
        "联系人：张某，联系电话：0591-24318119；李某，联系电话：0591-24318120；邮箱：aqb@163.com。",
        [("张某", None, ["0591-24318119"], None, [], None, "contacts.labelled.v1"),
         ("李某", None, ["0591-24318120"], None, [], None, "contacts.labelled.v1"),
         (None, None, [], None, ["aqb@163.com"], None, "contacts.unit.v1")],
    ),
    "a unit in brackets after a number is the number's office, not a person": (
        "联系电话：0591-24318119（区安委办）。",
        [(None, "区安委办", ["0591-24318119"], None, [], None, "contacts.unit.v1")],
    ),
    "a person printed again under the signature with nothing new is one contact; 传真号 is a fax label": (
        "（联系人：区社会事业局 施某，联系电话：13760323799，传真号：24366736，邮箱：249607037@qq.com）。\n"
        "某管委会办公室\n2016年9月29日\n（联系人：施某，联系电话：13760323799）",
        [("施某", "区社会事业局", ["13760323799"], "24366736", ["249607037@qq.com"], None, "contacts.labelled.v1")],
    ),
    "names with their numbers in brackets, listed with 、": (
        "市级平台：刘某某（联系电话：17857696205）、董某（联系电话：17321087125）",
        [("刘某某", None, ["17857696205"], None, [], None, "contacts.labelled.v1"),
         ("董某", None, ["17321087125"], None, [], None, "contacts.labelled.v1")],
    ),
    "a unit with its person's name glued on": (
        "（联系人：市工业和信息化局电力处刘家明联系电话：83605910；市财政局经建一处李萌联系电话：59032601）",
        [("刘家明", "市工业和信息化局电力处", ["83605910"], None, [], None, "contacts.labelled.v1"),
         ("李萌", "市财政局经建一处", ["59032601"], None, [], None, "contacts.labelled.v1")],
    ),
    "the unit that sets up a hotline is its org": (
        "（二）强化社会监督。区农业农村局设立种业监管举报电话：0591-23153280，保证举报信息畅通。",
        [(None, "区农业农村局", ["0591-23153280"], None, [], None, "contacts.unit.v1")],
    ),
    "a 联系方式 section listing unit by unit, names unlabelled, numbers paired in order": (
        "七、联系人及方式 区经发局经济与信息化处：林文 王良熙 电话：23155826，24336808 区财政金融局：曾 玢 23159228 "
        "申报指南可在网站下载。",
        [("林文", "区经发局经济与信息化处", ["23155826"], None, [], None, "contacts.listed_by_unit.v1"),
         ("王良熙", "区经发局经济与信息化处", ["24336808"], None, [], None, "contacts.listed_by_unit.v1"),
         ("曾玢", "区财政金融局", ["23159228"], None, [], None, "contacts.listed_by_unit.v1")],
    ),
    "a unit's department before its bracketed number is no person (区经发局发改处)": (
        "并于6月30日前将自查总结报送至区经发局发改处（联系电话：23155735，邮箱：jfjfgc@163.com）",
        [(None, "区经发局发改处", ["23155735"], None, ["jfjfgc@163.com"], None, "contacts.unit.v1")],
    ),
    "numbers a line wrap broke with a space, OCR of a rendered page": (
        "（联系人：市工业和信息化局电力处梁某联系电话：83608 082）\n联系人：魏某，电话：0591-23151579，传真：0591-24397 579",
        [("梁某", "市工业和信息化局电力处", ["83608082"], None, [], None, "contacts.labelled.v1"),
         ("魏某", None, ["0591-23151579"], "0591-24397579", [], None, "contacts.labelled.v1")],
    ),
    "a mobile broken after six digits, beside a whole one": (
        "联系人：于某，联系电话：18522843986、182022 53661）",
        [("于某", None, ["18522843986", "18202253661"], None, [], None, "contacts.labelled.v1")],
    ),
    "two whole numbers side by side stay two": (
        "联系人：王某，电话：83608082 13905712345",
        [("王某", None, ["83608082", "13905712345"], None, [], None, "contacts.labelled.v1")],
    ),
    "a mailbox the recogniser spaced out, after a whole number": (
        "（联系人：俞某，联系电话：0591-23121177，18050762286；邮箱：\npt xzspj @163. com)",
        [("俞某", None, ["0591-23121177", "18050762286"], None, ["ptxzspj@163.com"], None, "contacts.labelled.v1")],
    ),
    "a mailbox after a number, one space between": (
        "联系人：谢某，电话：025-83115281 xiezf@nea.gov.cn",
        [("谢某", None, ["025-83115281"], None, ["xiezf@nea.gov.cn"], None, "contacts.labelled.v1")],
    ),
    "a hotline number in brackets after its label": (
        "设立非法集资举报电话（0591-23160063），鼓励群众积极提供线索。",
        [(None, None, ["0591-23160063"], None, [], None, "contacts.unit.v1")],
    ),
    "联系人 alone, then a unit and its spaced name, each value under its own label, a fax marked after it": (
        "联 系 人：\n省能源监管办 王 芳\n电子邮箱：wangf@example.gov.cn\n联系电话：0531-61234567 , 61234568（传真）\n"
        "省能源局 李晓东\n电子邮箱：lxd@example.cn\n联系电话：0531-62345678，62345679（传真）\n",
        [("王芳", "省能源监管办", ["0531-61234567"], "61234568", ["wangf@example.gov.cn"], None, "contacts.labelled.v1"),
         ("李晓东", "省能源局", ["0531-62345678"], "62345679", ["lxd@example.cn"], None, "contacts.labelled.v1")],
    ),
    "two people of one unit, then one value each under every label, in their order": (
        "联系人：\n省电力调控中心 张国华 廖小鹏\n电子邮箱：zgh@example.com，1234567@qq.com，\n"
        "联系电话：0531-81234567，81234568\n联系传真：0531-81234569，81234570\n",
        [("张国华", "省电力调控中心", ["0531-81234567"], "0531-81234569", ["zgh@example.com"], None,
          "contacts.labelled.v1"),
         ("廖小鹏", "省电力调控中心", ["81234568"], "81234570", ["1234567@qq.com"], None, "contacts.labelled.v1")],
    ),
    "one person, two faxes printed together stay as printed": (
        "联系人：赵某\n联系传真：0531-86191600，86191601\n",
        [("赵某", None, [], "0531-86191600，86191601", [], None, "contacts.labelled.v1")],
    ),
    "the office a reply goes to is the fax's org": (
        "请明确1名联络员，于2月2日前反馈省安委会办公室(传真:010-81234567)。",
        [(None, "省安委会办公室", [], "010-81234567", [], None, "contacts.unit.v1")],
    ),
    "a unit in brackets after the person is the person's": (
        "联系人：张三（区应急管理局），电话：0591-24318119。",
        [("张三", "区应急管理局", ["0591-24318119"], None, [], None, "contacts.labelled.v1")],
    ),
    "联系单位 gives the unit of the person after it": (
        "联系单位：区应急管理局，联系人：张三，联系电话：13805091358。",
        [("张三", "区应急管理局", ["13805091358"], None, [], None, "contacts.labelled.v1")],
    ),
    "a unit right before 联系人": (
        "领导小组办公室联系人：张三，电话：13805091358",
        [("张三", "领导小组办公室", ["13805091358"], None, [], None, "contacts.labelled.v1")],
    ),
    "联系方式 then a unit and a spaced person": (
        "联系方式：区应急管理局安全科 张 三 13805091358",
        [("张三", "区应急管理局安全科", ["13805091358"], None, [], None, "contacts.labelled.v1")],
    ),
    "请与…联系 and 请联系… name the contact's unit": (
        "请与区应急管理局联系，联系人：张三，电话：13805091358。如有疑问，请联系县司法局，联系人：李四，电话：13805091359。",
        [("张三", "区应急管理局", ["13805091358"], None, [], None, "contacts.labelled.v1"),
         ("李四", "县司法局", ["13805091359"], None, [], None, "contacts.labelled.v1")],
    ),
    "监督举报电话 is a public hotline, 监督 no person": (
        "监督举报电话：12345",
        [(None, None, ["12345"], None, [], None, "contacts.unit.v1")],
    ),
    "an address inside the contact's bracket is kept in other, its label with it": (
        "纸质版送至科技处（联系人：薛丽萍，联系电话：0591-24349836，地址：金井湾商务营运中心3号楼7层）。",
        [("薛丽萍", "科技处", ["0591-24349836"], None, [], "地址：金井湾商务营运中心3号楼7层", "contacts.labelled.v1")],
    ),
    "an address alone (a page footer) is no contact": ("地址：南京市中山路268号汇杰广场21楼 版权所有", []),
    "a numbered heading of a contact section names the unit of the contacts under it": (
        "三、项目申报联系方式 （一）区经发局（经信处） 1.第（一）、（四）项 联系人：李政 联系电话：0591-23163122 "
        "邮箱：3122238035@qq.com2.第（二）、（三）项 联系人：陈何 联系电话：0591-23163126； "
        "（二）区财金局（综合业务处） 联系人：张述乐 联系电话：0591-23163530；",
        [("李政", "区经发局（经信处）", ["0591-23163122"], None, ["3122238035@qq.com"], None, "contacts.labelled.v1"),
         ("陈何", "区经发局（经信处）", ["0591-23163126"], None, [], None, "contacts.labelled.v1"),
         ("张述乐", "区财金局（综合业务处）", ["0591-23163530"], None, [], None, "contacts.labelled.v1")],
    ),
    "the unit a clause sends to after 报送至 is the contact's, without the 至": (
        "请各村（居）注意收集材料，实时报送至政法综治处陈花芳，联系电话：17338898114。",
        [("陈花芳", "政法综治处", ["17338898114"], None, [], None, "contacts.unit.v1")],
    ),
    "a web address alone reaches nobody: no contact": (
        "具体操作流程详见：网址：http://mzt.example.gov.cn/mgj/ 。新能源云网址https://sgnec.example.com/tariff_subsidy",
        [],
    ),
    "a person printed with the 处 a name may take after the unit sent to": (
        "请于8月30日前报送政法综治处陈花芳处，联系电话：17338898114。",
        [("陈花芳", "政法综治处", ["17338898114"], None, [], None, "contacts.unit.v1")],
    ),
    "an address ends where the next contact label starts": (
        "联系人：区市场监督管理局质监处 薛楠电 话：0591-23163633 联系地址：某区商务营运中心7号楼5层电子邮箱：pt_zjc1@163.com",
        [("薛楠", "区市场监督管理局质监处", ["0591-23163633"], None, ["pt_zjc1@163.com"], "联系地址：某区商务营运中心7号楼5层",
          "contacts.labelled.v1")],
    ),
    "the unit after the hand-over verb of a long clause; the issuer's 我局 names no unit": (
        "并于3月20日前按要求报送至区经发局商务与物流处（电子邮箱：jfjswc@163.com）。请将反馈意见发至我局邮箱：schbj@nea.gov.cn。",
        [(None, "区经发局商务与物流处", [], None, ["jfjswc@163.com"], None, "contacts.unit.v1"),
         (None, None, [], None, ["schbj@nea.gov.cn"], None, "contacts.unit.v1")],
    ),
    "a number's line remark （办）/（手机） between numbers": (
        "联系人：张三，联系电话：0591-24318119（办），13805091358（手机）。",
        [("张三", None, ["0591-24318119", "13805091358"], None, [], None, "contacts.labelled.v1")],
    ),
    "values first, the person named after them": (
        "联系电话：0591-24318119，传真：0591-24318118，联系人：张三。",
        [("张三", None, ["0591-24318119"], "0591-24318118", [], None, "contacts.labelled.v1")],
    ),
    "a hotline label over units each with its number": (
        "咨询电话：区市场监管局 0591-24318119；区应急局 0591-24318118。",
        [(None, "区市场监管局", ["0591-24318119"], None, [], None, "contacts.unit.v1"),
         (None, "区应急局", ["0591-24318118"], None, [], None, "contacts.unit.v1")],
    ),
    "a number in brackets after the person; 同志 is no part of the name": (
        "联系人：张三（0591-24318119）。联系人：李四同志，电话：24318119。",
        [("张三", None, ["0591-24318119"], None, [], None, "contacts.labelled.v1"),
         ("李四", None, ["24318119"], None, [], None, "contacts.labelled.v1")],
    ),
    "labels spaced wider for print; a name spaced on its own line": (
        "联 系 人：吴十    电  话：0591-66667777    传  真：0591-66668888\n联 系 人：朱  九\n联系电话：0591-24300014",
        [("吴十", None, ["0591-66667777"], "0591-66668888", [], None, "contacts.labelled.v1"),
         ("朱九", None, ["0591-24300014"], None, [], None, "contacts.labelled.v1")],
    ),
    "a unit in brackets after the name is its org; a post beside the name is no second name": (
        "联系人：蒋五（县文明办），电话：0591-55556666。联系人：秦十 科长 电话：0591-34343434",
        [("蒋五", "县文明办", ["0591-55556666"], None, [], None, "contacts.labelled.v1"),
         ("秦十", None, ["0591-34343434"], None, [], None, "contacts.labelled.v1")],
    ),
    "业务咨询/技术支持 head contacts at a clause start, not inside a post": (
        "业务咨询：王五，0591-24300001；技术支持：赵六，13900001111。\n平台技术支持负责人 于龙\n联系电话：18522843986",
        [("王五", None, ["0591-24300001"], None, [], None, "contacts.labelled.v1"),
         ("赵六", None, ["13900001111"], None, [], None, "contacts.labelled.v1"),
         ("于龙", None, ["18522843986"], None, [], None, "contacts.labelled.v1")],
    ),
    "a name after the number it belongs to; 电话（传真） is a phone label": (
        "联系电话：0591-24300004 周八\n联系人：张三，电话（传真）：0591-24300002。",
        [("周八", None, ["0591-24300004"], None, [], None, "contacts.labelled.v1"),
         ("张三", None, ["0591-24300002"], None, [], None, "contacts.labelled.v1")],
    ),
    "places in brackets marking two duty numbers are no names; 热线 inside a sentence is no label": (
        "24小时值班电话：0538-2958119 （总部）、0538-2577119 （老街）\n切实加强政企热线联动，加快12398热线反映问题的处理。",
        [(None, None, ["0538-2958119", "0538-2577119"], None, [], None, "contacts.unit.v1")],
    ),
    "the unit a report goes to (报X，联系人：…) and the unit to contact (请及时与X联系) are the org": (
        "于4月20日前报工程物业部，联系人：刘壮15550850055。\n请及时与市场规范处联系，联系人：林云亭，联系电话：0591-23163655。",
        [("刘壮", "工程物业部", ["15550850055"], None, [], None, "contacts.labelled.v1"),
         ("林云亭", "市场规范处", ["0591-23163655"], None, [], None, "contacts.labelled.v1")],
    ),
    "labels of mailboxes, mobiles, desk phones and postcodes as offices print them": (
        "联系人：张三，办公室电话：0591-24300101，手机：13800000001，电子信箱：zs@163.com。\n"
        "联系人：李四；联系手机：13800000002；传真号码：0591-24300102。\n"
        "联系人：王五，联系电话：0591-24300103，邮件地址：ww@qq.com，邮编：350400。",
        [("张三", None, ["0591-24300101", "13800000001"], None, ["zs@163.com"], None, "contacts.labelled.v1"),
         ("李四", None, ["13800000002"], "0591-24300102", [], None, "contacts.labelled.v1"),
         ("王五", None, ["0591-24300103"], None, ["ww@qq.com"], "邮编：350400", "contacts.labelled.v1")],
    ),
    "the person asked to be contacted (请与X局林明联系（电话：…）); a remark 微信同号 is no name": (
        "如有疑问，请与区社会事业局林明联系（电话：0591-24300201）。\n报名联系人：陈二，13800000211（微信同号）。",
        [("林明", "区社会事业局", ["0591-24300201"], None, [], None, "contacts.labelled.v1"),
         ("陈二", None, ["13800000211"], None, [], None, "contacts.labelled.v1")],
    ),
    "an area code joined by a long dash and an extension (转…分机) stay part of the number as printed": (
        "联系人：张晨，联系电话：010—81929564。\n（市局某处联系方式：64220000转2666分机。）",
        [("张晨", None, ["010—81929564"], None, [], None, "contacts.labelled.v1"),
         (None, "市局某处", ["64220000转2666分机"], None, [], None, "contacts.unit.v1")],
    ),
    "the unit and person something is handed to (报X局张三同志（电话：…）) and a unit in brackets after a number": (
        "并于3月10日前将联络员名单报区应急局林晓东同志（电话：24183456）。\n"
        "咨询电话：0591-86178123（区市场监管局）。\n联系人：张三，电话：24183458；李四，电话：24183457（区财政局）。",
        [("林晓东", "区应急局", ["24183456"], None, [], None, "contacts.labelled.v1"),
         (None, "区市场监管局", ["0591-86178123"], None, [], None, "contacts.unit.v1"),
         ("张三", None, ["24183458"], None, [], None, "contacts.labelled.v1"),
         ("李四", "区财政局", ["24183457"], None, [], None, "contacts.labelled.v1")],
    ),
    "a unit and its person on a line of a contact list the scan printed without the gap": (
        "联系人：\n某能源监管办贾芳\n电子邮箱：jiafang@cnea.gov.cn\n某省发展改革委史华南\n电子邮箱：shihuanan@sd.cn\n"
        "联系电话：0531-86191694",
        [("贾芳", "某能源监管办", [], None, ["jiafang@cnea.gov.cn"], None, "contacts.labelled.v1"),
         ("史华南", "某省发展改革委", ["0531-86191694"], None, ["shihuanan@sd.cn"], None, "contacts.labelled.v1")],
    ),
    "lines holding only a unit and its number, under a heading of their own, are one contact each": (
        "五、咨询受理\n申报受理：\n\n区商务委    64178603\n\n区文化旅游局  62370153-8017\n本通知由区发展改革委负责解释。",
        [(None, "区商务委", ["64178603"], None, [], None, "contacts.unit.v1"),
         (None, "区文化旅游局", ["62370153-8017"], None, [], None, "contacts.unit.v1")],
    ),
    "联系人及邮箱: a person and a mailbox per unit, the next unit glued after the mailbox": (
        "教育系统联系人及邮箱：王 某 jyaq2024@163.com;\n卫健系统联系人及邮箱：李 某 1234567@qq.com民政系统联系人及邮箱：赵 某 7654321@qq.com",
        [("王某", "教育系统", [], None, ["jyaq2024@163.com"], None, "contacts.labelled.v1"),
         ("李某", "卫健系统", [], None, ["1234567@qq.com"], None, "contacts.labelled.v1"),
         ("赵某", "民政系统", [], None, ["7654321@qq.com"], None, "contacts.labelled.v1")],
    ),
    "each person labelled with their unit (科技处：NAME，联系电话：…; 68号窗口：…)": (
        "联系人：\n1.区某局\n科技处：王某，联系电话：0591-23160001；商物处：李某，联系电话：0591-23160002；\n"
        "2.行政服务中心 68号窗口：赵某，联系电话：0591-23160003；",
        [("王某", "科技处", ["0591-23160001"], None, [], None, "contacts.labelled.v1"),
         ("李某", "商物处", ["0591-23160002"], None, [], None, "contacts.labelled.v1"),
         ("赵某", "68号窗口", ["0591-23160003"], None, [], None, "contacts.labelled.v1")],
    ),
    "the unit and person a report is sent to, right before the contact's label (报送局某处王某,联系方式：…)": (
        "同时，要加强信息报送，工作情况及时报送局政法综治处王某某,联系方式：0591-62530001。",
        [("王某某", "局政法综治处", ["0591-62530001"], None, [], None, "contacts.unit.v1")],
    ),
    "the unit a bracket sends to before its 联系人 (报送区某院；联系人：…), a unit's 设在… remark cut": (
        "（请于9月25日前将此附件报送区劳动人事争议仲裁院；联系人：龚某某，联系电话：13600815870）。"
        "各单位冬防工作总结请于3月10日前报送区消防工作联席会议办公室（设在区公安消防支队，联系电话：0591-24318110）。",
        [("龚某某", "区劳动人事争议仲裁院", ["13600815870"], None, [], None, "contacts.labelled.v1"),
         (None, "区消防工作联席会议办公室", ["0591-24318110"], None, [], None, "contacts.unit.v1")],
    ),
    "the unit the clause before asks to be told (请及时向某处反馈，联系人：…)": (
        "在实施过程中如发现问题，请及时向某区财政金融局综合业务处反馈,联系人:林某，联系电话:24336548。",
        [("林某", "某区财政金融局综合业务处", ["24336548"], None, [], None, "contacts.labelled.v1")],
    ),
    "a place to apply is kept in other with its label, its bracket closed inside it": (
        "7.申报地点：区农发中心（区管委会3号楼603室），联系电话：0591-86161776。",
        [(None, None, ["0591-86161776"], None, [], "申报地点：区农发中心（区管委会3号楼603室）", "contacts.unit.v1")],
    ),
    "units listed each with its contact in brackets: each bracket's unit (上报A（值班电话：…）、B（应急电话：…）)": (
        "如有相关食品安全问题，请及时上报苏平片区管理局（值班电话：23159779）、区市场监管局苏平分局（应急电话：24250020）。",
        [(None, "苏平片区管理局", ["23159779"], None, [], None, "contacts.unit.v1"),
         (None, "区市场监管局苏平分局", ["24250020"], None, [], None, "contacts.unit.v1")],
    ),
    "a mailbox labelled 外网邮箱 in the bracket after the unit sent to": (
        "请于3月20日前将材料报送至区经济发展局商务与物流处（外网邮箱：jfjswc@163.com）。",
        [(None, "区经济发展局商务与物流处", [], None, ["jfjswc@163.com"], None, "contacts.unit.v1")],
    ),
    "an office named right before a phone label (收件人：金融处，电话：…) is the contact's unit, not a person": (
        "于4月18日前报送至区财政局（收件人：规划处，电话：23160000）。",
        [(None, "规划处", ["23160000"], None, [], None, "contacts.unit.v1")],
    ),
    "a mailbox things are sent to, printed without a label (发送至…@163.com), is a contact of its own": (
        "请于8月6日前提交自评材料（以电子文档形式发送至jjjc@163.com）。表格中的abc@163.com仅为示例。",
        [(None, None, [], None, ["jjjc@163.com"], None, "contacts.mailbox.v1")],
    ),
    "a contact after the 。 that ends 请及时与X联系 (org null, gold-at), an address closed by its office's numbered bracket": (
        "如有任何疑问，请及时与区社会事业局联系。联系人：张某琳联系电话：0591-38710001联系地址：区管委会3号楼9层"
        "区社会事业局社会保障处（一）附件：1.公益性岗位申报表",
        [("张某琳", None, ["0591-38710001"], None, [], "联系地址：区管委会3号楼9层区社会事业局社会保障处（一）",
          "contacts.labelled.v1")],
    ),
    "a numbered bracket after an address that opens a section is not the address's": (
        "联系人：郑某，联系地址：区管委会3号楼（一）工作要求",
        [("郑某", None, [], None, [], "联系地址：区管委会3号楼", "contacts.labelled.v1")],
    ),
    "a phone word without a number is no contact": ("对外公布行政执法监督投诉举报电话,畅通群众监督渠道。", []),
    "dates are not phones": ("于2025年1月15日17:00前报送。", []),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_find_contacts(text: str, expected: list[tuple[object, ...]]) -> None:
    hits = find_contacts(text)
    assert [(h.name, h.org, h.phones, h.fax, h.emails, h.other, h.rule) for h in hits] == expected


def test_span_covers_the_contact_block() -> None:
    text = "报送县司法局行政执法监督与应诉科备案(潘进进 联系方式656161 浙政钉13958966161)。"
    (hit,) = find_contacts(text)
    assert text[slice(*hit.span)] == "潘进进 联系方式656161 浙政钉13958966161"


def test_span_of_a_mended_number_is_in_the_text_as_given() -> None:
    text = "请联系。联系人：梁某，联系电话：83608 082，传真：0591-24397 579。"
    (hit,) = find_contacts(text)
    assert text[slice(*hit.span)] == "联系人：梁某，联系电话：83608 082，传真：0591-24397 579"


@pytest.mark.parametrize(("text", "mended"), [
    ("电话：836 08057；", "电话：83608057；"),
    ("电话：12345 678", "电话：12345 678"),  # 12345678 is no number here (a landline starts 2–9)
    ("3 月 5 日，第 2 1 条", "3 月 5 日，第 2 1 条"),
    ("邮箱：a@qq.com b@qq.com", "邮箱：a@qq.com b@qq.com"),
    ("邮箱：a@qq.com 12345678", "邮箱：a@qq.com 12345678"),
    ("电话：0591- 23163609区疾控中心", "电话：0591-23163609区疾控中心"),  # a print gap after the area code's dash
    ("2023-2025- 2026年", "2023-2025- 2026年"),  # no area code
])
def test_mend_broken_numbers(text: str, mended: str) -> None:
    assert mend_broken_numbers(text, default_contact_lexicon())[0] == mended


def test_the_attachment_line_after_a_contact_block_names_no_contact() -> None:
    from tests.extract.test_frame import notice_record

    page = Path(__file__).parents[2] / "fixtures" / "realnotices" / "xjnea-2020-171" / "input.txt"  # a dev case
    assert [c["name"] for c in notice_record(page.read_text(encoding="utf-8"))["contacts"]] == ["韩龙"]


def test_units_listed_with_their_numbers_after_a_colon_are_contacts_with_the_department_as_other() -> None:
    text = "附件：拟补助名单 区经发局：0591-23160001（经信处） 区财金局：0591-23160002（综合处）\n区经发局\n2019年9月20日\n"
    assert [(h.name, h.org, h.phones, h.other) for h in find_contacts(text)] == [
        (None, "区经发局", ["0591-23160001"], "经信处"), (None, "区财金局", ["0591-23160002"], "综合处")]


@pytest.mark.parametrize("text", ["面试工作联系电话：0591-23135297　23160010", "联系电话：0591-23135297 23160010"])
def test_two_whole_numbers_of_one_label_parted_by_a_space_are_one_contacts_phones(text: str) -> None:
    assert [hit.phones for hit in find_contacts(text)] == [["0591-23135297", "23160010"]]


def test_a_number_things_are_faxed_to_is_a_contact_or_the_fax_of_the_mailbox_its_sentence_names() -> None:
    alone = "考生放弃面试资格的应于2017年8月18日前手写放弃面试声明，并传真至059124139139，逾期责任自负。"
    assert [(h.name, h.org, h.phones, h.fax, h.rule) for h in find_contacts(alone)] == [
        (None, None, [], "059124139139", "contacts.fax_to.v1")]
    beside = "请于7月12日前将报名表发送至某局经信处电子邮箱15806071760@163.com，或传真至0591-24336808，我局将择优筛选。"
    assert [(h.fax, h.emails) for h in find_contacts(beside)] == [("0591-24336808", ["15806071760@163.com"])]


def test_a_landline_printed_with_its_area_code_glued_is_a_phone() -> None:
    assert [hit.phones for hit in find_contacts("如有空余学额另行通知。咨询电话：059186169956。")] == [["059186169956"]]


@pytest.mark.parametrize("text, phones", [
    ("（联系人：丁某文，联系电话：159****4977）", ["159****4977"]),
    ("联系人：林某，手机：139xxxx5518", ["139xxxx5518"]),
])
def test_a_mobile_whose_middle_four_the_page_masked_is_a_phone_as_printed(text: str, phones: list[str]) -> None:
    assert [hit.phones for hit in find_contacts(text)] == [phones]


@pytest.mark.parametrize("text, org", [
    ("联系人：市发展改革委  环资处  张某慧  23110001", "市发展改革委环资处"),
    ("联系人：区经济发展局 商务处 刘某某 联系电话：23160001", "区经济发展局商务处"),
    ("联系人：县司法局 王某强 电话：23160001", "县司法局"),
])
def test_a_unit_and_its_department_printed_apart_before_the_person_are_one_org(text: str, org: str) -> None:
    assert [hit.org for hit in find_contacts(text)] == [org]


@pytest.mark.parametrize("text", ["联系人：林某倩。联系电话：0591-23130001。", "联系人：林某倩。 邮 箱：11725001@qq.com，联系电话：0591-23130001"])
def test_a_persons_number_after_a_full_stop_is_still_that_persons(text: str) -> None:
    assert [(hit.name, hit.phones) for hit in find_contacts(text)] == [("林某倩", ["0591-23130001"])]


def test_a_receiving_windows_address_goes_to_other_with_its_label() -> None:
    text = "统一报送至市节能中心（受理窗口：中山北一路121号5楼，邮编200083，联系电话60800000）。"
    assert [(hit.org, hit.phones, hit.other) for hit in find_contacts(text)] == [
        ("市节能中心", ["60800000"], "受理窗口：中山北一路121号5楼；邮编200083")]
