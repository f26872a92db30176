"""contact_tables: contact tables whose copy lost their cell breaks, the header's labels glued after 序号 and
each row's number glued to the row before, through ``find_contacts``. Rows written after the shapes of real
Pingtan pages (a directory of complaint offices, a kindergarten list, a list of clinics, a roster with masked
mobiles); names and numbers are made up."""

from __future__ import annotations

import pytest

from docproc.extract.contact_tables import header_columns, table_vocabulary
from docproc.extract.contacts import find_contacts

TABLES = {
    "a directory: unit, person, phone, fax, mailbox and address, empty fax cells": (
        "附件2 投诉机构名录 序号机构名称联系人电话传真邮箱地址1金井片区管理局朱某天0591-231600010591-23150002"
        "jjpq@163.com平潭县红山村加田下65号金井片区管理局2海坛片区管理局吴某记0591-62880003 5145@qq.com"
        "平潭县政府路16号1号楼2层3君山片区管理局郑某祥0591-23100004 5729@qq.com平潭县中楼国昌路1号 附件下载",
        [("朱某天", "金井片区管理局", ["0591-23160001"], "0591-23150002", ["jjpq@163.com"],
          "平潭县红山村加田下65号金井片区管理局"),
         ("吴某记", "海坛片区管理局", ["0591-62880003"], None, ["5145@qq.com"], "平潭县政府路16号1号楼2层"),
         ("郑某祥", "君山片区管理局", ["0591-23100004"], None, ["5729@qq.com"], "平潭县中楼国昌路1号")],
    ),
    "a list of schools: the mobile glued to the next row's number; a row without a person": (
        "附件 序号学校名称学校性质查验单位地址联系人联系电话1平潭某某幼儿园民办潭城镇卫生院平潭龙中495号李 某"
        "137000000012平潭恒某幼儿园民办澳前卫生院金井大道318-1号陈 某150000000023育达某某幼儿园民办潭城镇卫生院"
        "八一新庄2号 159000000034平潭莱某幼儿园有限公司民办潭城镇卫生院海滨城C区9号楼二层李某平13900000004 附件下载",
        [("李某", "平潭某某幼儿园", ["13700000001"], None, [], None),
         ("陈某", "平潭恒某幼儿园", ["15000000002"], None, [], None),
         (None, "育达某某幼儿园", ["15900000003"], None, [], None),
         ("李某平", "平潭莱某幼儿园有限公司", ["13900000004"], None, [], None)],
    ),
    "clinics: the name before the number, two numbers of one cell run together, the address after": (
        "序号定点医院名称联系电话地址1福建某某医院0591-87980001福州市某路20号2某某人民医院0591-83940003福州市某路602号"
        "7号楼1层3平潭某某医院0591-231600040591-24230005平潭县临湖七路2号4某某门诊部400897000113500000006福州市台江路11号",
        [(None, "福建某某医院", ["0591-87980001"], None, [], "福州市某路20号"),
         (None, "某某人民医院", ["0591-83940003"], None, [], "福州市某路602号7号楼1层"),
         (None, "平潭某某医院", ["0591-23160004", "0591-24230005"], None, [], "平潭县临湖七路2号"),
         (None, "某某门诊部", ["4008970001", "13500000006"], None, [], "福州市台江路11号")],
    ),
    "a roster of departments and persons, mobiles masked by the page, a name printed spaced": (
        "序号部门姓名联系方式1机关党委任某强139xxxx55182党群工作处李 某136xxxx95963屿头派出所 陈某章136xxxx3469 附件下载",
        [("任某强", "机关党委", ["139xxxx5518"], None, [], None),
         ("李某", "党群工作处", ["136xxxx9596"], None, [], None),
         ("陈某章", "屿头派出所", ["136xxxx3469"], None, [], None)],
    ),
    "a person's cell first, the unit and post after it": (
        "序号姓名单位职务手机1林某明区财政局科长138000000012陈某华区农业局干事139000000023吴某东流水镇副镇长13700000003",
        [("林某明", "区财政局", ["13800000001"], None, [], None),
         ("陈某华", "区农业局", ["13900000002"], None, [], None),
         ("吴某东", "流水镇", ["13700000003"], None, [], None)],
    ),
}


@pytest.mark.parametrize("text, expected", TABLES.values(), ids=TABLES.keys())
def test_each_row_of_a_glued_contact_table_is_a_contact(text: str, expected: list[tuple[object, ...]]) -> None:
    hits = [h for h in find_contacts(text) if h.rule == "contacts.table.v1"]
    assert [(h.name, h.org, h.phones, h.fax, h.emails, h.other) for h in hits] == expected


@pytest.mark.parametrize("text", [
    "序号机构名称联系人电话1金井片区管理局朱某天0591-231600012海坛片区管理局吴某记0591-62880003",  # two rows
    # a blank form to fill in: its rows hold no number
    "序号姓名性别年龄人员类型联系方式备注1张三男28 队长2 联络员3 4 5 6 注明：各村居5-8人",
    # a header without a number column: a list of members, not of contacts
    "序号单位姓名职务1区财政局林某明科长2区农业局陈某华干事3流水镇吴某东副镇长",
])
def test_no_contact_table_is_read_where_none_is_printed(text: str) -> None:
    assert [h for h in find_contacts(text) if h.rule == "contacts.table.v1"] == []


def test_a_glued_header_names_its_columns_in_order() -> None:
    vocabulary = table_vocabulary()
    assert header_columns("机构名称联系人电话传真邮箱地址", vocabulary) == [
        "unit", "person", "phone", "fax", "email", "address"]
    assert header_columns("学校名称学校性质查验单位地址联系人联系电话", vocabulary) == [
        "unit", "unit", "address", "person", "phone"]
    assert header_columns("姓名性别职务手机", vocabulary) == ["person", "", "phone"]
