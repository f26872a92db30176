"""contact_rows: a person's name printed right before a phone number, with no label (rows of a table
run into one line, a name with its number in brackets), through ``find_contacts``. Lines written after
the shapes of real Pingtan notices (duty rosters, 联络员 tables); names and numbers are made up."""

from __future__ import annotations

import pytest

from docproc.extract.contacts import find_contacts

CASES = {
    "a duty roster run into one line: the person before each number; one person on two rows keeps both": (
        "值班表 日期 带班领导 值班人员 联系方式 备注 9.20 严小方 刘炯东 陈 晗 13950370001 "
        "9.21 李宗明 翁其山 13055770002 9.22 李宗明 陈 晗 13015770003 附件下载",
        [("陈晗", None, ["13950370001", "13015770003"], "contacts.row.v1"),
         ("翁其山", None, ["13055770002"], "contacts.row.v1")],
    ),
    "a table's rows: the row's unit is the nearest unit cell before the name; a post is no name": (
        "序号 单位 分管领导 职务 联系电话 联络员 联系电话\n"
        "1 区管委会办公室 李妙新 区办副主任 13860600001 林道明 13960890002\n"
        "2 区消防支队 肖锌华 支队长 13805090003 林 炎 18106060004\n"
        "3 平潭县供电公司 高志文 副总经理 13959130005 高志文 13959130005\n",
        [("林道明", "区管委会办公室", ["13960890002"], "contacts.row.v1"),
         ("林炎", "区消防支队", ["18106060004"], "contacts.row.v1"),
         ("高志文", "平潭县供电公司", ["13959130005"], "contacts.row.v1")],
    ),
    "a contacts section's lines: unit, person and landline": (
        "五、联系方式\n区经济发展局 曾 玢 23160001\n区财政金融局 叶竹山 0591-24330002\n",
        [("曾玢", "区经济发展局", ["23160001"], "contacts.row.v1"),
         ("叶竹山", "区财政金融局", ["0591-24330002"], "contacts.row.v1")],
    ),
    "names listed with their numbers in brackets, each under the 片区 it is labelled with": (
        "各片区确定一名联络员，澳前片区：王芳（13805910001）、金井片区：李 强（13905910002）。",
        [("王芳", "澳前片区", ["13805910001"], "contacts.row.v1"),
         ("李强", "金井片区", ["13905910002"], "contacts.row.v1")],
    ),
    "a unit with its person's name glued on, handed the thing right before the number": (
        "做到每日一报（每日下午5：00之前报片区防控办林某军15980220001）。",
        [("林某军", "片区防控办", ["15980220001"], "contacts.row.v1")],
    ),
    "rows of schools, villages and a town government: each is the row's unit": (
        "序号 单位 联系人 联系电话\n1 平潭县城关小学 林 芳 13805910003\n2 东庠村 陈明华 13905910004\n"
        "3 流水镇人民政府 吴小东 13705910005\n4 平潭县实验幼儿园 郑 敏 13605910006\n",
        [("林芳", "平潭县城关小学", ["13805910003"], "contacts.row.v1"),
         ("陈明华", "东庠村", ["13905910004"], "contacts.row.v1"),
         ("吴小东", "流水镇人民政府", ["13705910005"], "contacts.row.v1"),
         ("郑敏", "平潭县实验幼儿园", ["13605910006"], "contacts.row.v1")],
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_people_printed_before_their_mobile_numbers_are_contacts(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(h.name, h.org, h.phones, h.rule) for h in find_contacts(text)] == expected


@pytest.mark.parametrize("text", [
    "陈强区国资局党委委员、副局长13705920787",  # glued: the name's left edge is not found
    "请各单位于3月1日前报送，咨询电话13805910000。",  # a phone word, no person
    "1 区消防支队 肖锌华 支队长 13805090003",  # a post's number
    "2024年申报单位共计13805910000元",  # not a name before the digits
    "民政系统 林 晨 28020001@qq.com",  # a mail address, no phone number
    "64李 明村委委员 65东崑村6100001薛理义支部委员",  # a place before the digits of a table run together
])
def test_no_person_is_read_where_none_is_printed(text: str) -> None:
    assert [h for h in find_contacts(text) if h.rule == "contacts.row.v1"] == []


def test_a_number_a_labelled_contact_holds_is_not_read_again() -> None:
    hits = find_contacts("联系人：张敏，联系电话：13805910000。\n值班 张 敏 13805910000\n")
    assert [(h.name, h.phones, h.rule) for h in hits] == [("张敏", ["13805910000"], "contacts.labelled.v1")]


def test_a_table_of_units_glued_to_their_numbers_gives_each_unit_its_number() -> None:
    text = ("附件4 公办幼儿园招生咨询电话 幼儿园咨询电话幼儿园咨询电话平潭实验幼儿园24368558平潭平原镇中心幼儿园62537201"
            "平潭海峡儿童学园86169956平潭屿头乡中心幼儿园15960136275")
    assert [(h.name, h.org, h.phones) for h in find_contacts(text)] == [
        (None, "平潭实验幼儿园", ["24368558"]), (None, "平潭平原镇中心幼儿园", ["62537201"]),
        (None, "平潭海峡儿童学园", ["86169956"]), (None, "平潭屿头乡中心幼儿园", ["15960136275"])]


@pytest.mark.parametrize("text", [
    "各地补助标准为13805910000元，区财政局62537201元，区农业局62537202元",  # amounts, not numbers
    "平潭实验幼儿园24368558平潭平原镇中心幼儿园62537201",  # two rows make no table
])
def test_no_glued_table_is_read_where_none_is_printed(text: str) -> None:
    assert [h for h in find_contacts(text) if h.org in ("平潭实验幼儿园", "区财政局")] == []


@pytest.mark.parametrize("text, expected", [
    ("成 员：赵一琳陈二强 潘三程（联络员，手机：18559190000） 成 员：郑四明 何 英（联络员，手机：18106010000）",
     [("潘三程", ["18559190000"]), ("何英", ["18106010000"])]),  # the liaison before the bracket, spaced or not
    ("成立防汛指挥部，镇长吴一华指挥长（联系电话：13805020000），分管副镇长陈建常务副指挥长（联系电话：13600850000），"
     "副指挥长吴二清（站长，联系电话：24282370）。",
     [("吴一华", ["13805020000"]), ("陈建", ["13600850000"]), ("吴二清", ["24282370"])]),  # posts and roles around
])
def test_a_phone_label_in_a_bracket_belongs_to_the_person_printed_before_it(
        text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert [(hit.name, hit.phones) for hit in find_contacts(text)] == expected


def test_a_bracketed_phone_after_no_person_names_nobody() -> None:
    hits = find_contacts("请各单位于5月底前报送材料（联系电话：23150000）。")
    assert [(hit.name, hit.phones) for hit in hits] == [(None, ["23150000"])]
