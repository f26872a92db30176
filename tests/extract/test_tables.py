"""Member and contact tables of a notice: TAB-separated rows as a saved page gives them, and rows a
scan's OCR or a plain copy printed with spaces (cells glued or broken as OCR leaves them). Rows
written for these tests after the shape of the development gold (a 联席会议's member table)."""

from __future__ import annotations

from docproc.extract.tables import find_tables, table_contacts, table_leaders

TABBED = (
    "某县消防工作联席会议成员名单\n序号\t成员单位\t分管领导\t职务\t联系电话\t联络员\t联系电话\n"
    "1\t县政府办公室\t李妙君\t副主任\t13860607652\t林道胜\t13960893171\n"
)
# OCR of the same table printed: a header word glued to the next, a name glued to its number or its
# post, a mobile number broken by a gap
SPACED = (
    "某县消防工作联席会议成员名单\n序号 成员单位 分管领导职务 联系电话 联络员 联系电话\n"
    "1 县政府办公室 李妙君 副主任 13860607652 林道胜13960893171\n"
    "2 党群工作部 林平副部长 13509372616 吴翊金 13805039 357\n"
    "这一行不是表格的行。\n"
)


def _contacts(text: str) -> list[tuple[str | None, str | None, list[str]]]:
    return [(h.name, h.org, h.phones) for table in find_tables(text) for h in table_contacts(table)]


def test_a_tab_separated_member_table_gives_contacts_and_members() -> None:
    assert _contacts(TABBED) == [
        ("李妙君", "县政府办公室", ["13860607652"]), ("林道胜", "县政府办公室", ["13960893171"])]
    table = find_tables(TABBED)[0]
    assert [(role, name, position) for role, name, position, _ in table_leaders(table, "G")] == [
        ("成员", "李妙君", "县政府办公室副主任"), ("联络员", "林道胜", "县政府办公室")]


def test_a_table_printed_with_spaces_through_ocr_gives_the_same_rows() -> None:
    assert _contacts(SPACED) == [
        ("李妙君", "县政府办公室", ["13860607652"]), ("林道胜", "县政府办公室", ["13960893171"]),
        ("林平", "党群工作部", ["13509372616"]), ("吴翊金", "党群工作部", ["13805039357"]),
    ]
    table = find_tables(SPACED)[0]
    assert table.header == ["序号", "成员单位", "分管领导", "职务", "联系电话", "联络员", "联系电话"]
    spans = [cell.span for row in table.rows for cell in row]
    assert all(SPACED[lo:hi].replace(" ", "") for lo, hi in spans)  # every cell points into the text


def test_a_line_of_words_is_no_table_header() -> None:
    assert find_tables("联系人 电话 单位\n1 县政府办公室\n") == []


# a web page's text copy of a contact table: every cell run into one line, then the page's footer
RUN_ON = ("附件 各乡镇联络员名单 序号 单位 姓名 职务 联系电话 1 城关镇 张明 副镇长 13812345678 "
          "2 东河镇 李华 安监站长 13912345678 3 西山乡 王强 副乡长 13712345678 来源：某县应急局\n")


def test_a_numbered_table_run_into_one_line_gives_its_rows() -> None:
    assert _contacts(RUN_ON) == [("张明", "城关镇", ["13812345678"]), ("李华", "东河镇", ["13912345678"]),
                                 ("王强", "西山乡", ["13712345678"])]
    table = find_tables(RUN_ON)[0]
    assert RUN_ON[slice(*table.rows[1][2].span)] == "李华"  # cells keep their places in the text


def test_a_numbered_table_one_cell_a_line_gives_its_rows() -> None:
    text = "各乡镇联络员名单\n序号\n单位\n姓名\n职务\n联系电话\n1\n城关镇\n张明\n副镇长\n13812345678\n2\n东河镇\n李华\n安监站长\n13912345678\n"
    assert _contacts(text) == [("张明", "城关镇", ["13812345678"]), ("李华", "东河镇", ["13912345678"])]


def test_a_run_on_table_is_read_once_and_a_list_without_numbers_is_none() -> None:
    assert len(find_tables(SPACED)) == 1
    assert find_tables("序号 单位 姓名 职务 联系电话 城关镇 张明 副镇长 13812345678\n") == []


def test_rows_without_numbers_run_into_one_line_each_ending_in_a_phone() -> None:
    text = "附件 联络员名单 单位 姓名 职务 联系电话 城关镇 张明 副镇长 13812345678 东河镇 李华 安监站长 13912345678 来源：某县应急局\n"
    assert _contacts(text) == [("张明", "城关镇", ["13812345678"]), ("李华", "东河镇", ["13912345678"])]


def test_a_person_with_an_office_and_a_mobile_column_keeps_both() -> None:
    text = ("附件 联络员名单 序号 单位 姓名 职务 办公电话 手机 1 城关镇 张明 副镇长 23456789 13812345678 "
            "2 东河镇 李华 安监站长 23456790 13912345678 来源：某县应急局\n")
    assert _contacts(text) == [("张明", "城关镇", ["23456789", "13812345678"]),
                               ("李华", "东河镇", ["23456790", "13912345678"])]


def test_a_unit_column_holding_the_post_and_phone_columns_headed_as_offices_print_them() -> None:
    text = ("附件\n联络员名单\n序号 姓名 单位及职务 固定电话 手机号\n1 张三 城关镇副镇长 23456789 13812345678\n"
            "2 李四 东河镇安监站长 23456790 13912345678\n")
    assert _contacts(text) == [("张三", "城关镇副镇长", ["23456789", "13812345678"]),
                               ("李四", "东河镇安监站长", ["23456790", "13912345678"])]


def test_a_table_of_units_and_their_duty_phones_gives_a_contact_per_unit() -> None:
    rows = [(None, "区公安局", ["0591-24311110"]), (None, "区交通与建设局", ["0591-24311111"])]
    spaced = "附件\n各成员单位值班电话\n序号 单位 值班电话\n1 区公安局 0591-24311110\n2 区交通与建设局 0591-24311111\n"
    run_on = "附件 各成员单位值班电话 序号 单位 值班电话 1 区公安局 0591-24311110 2 区交通与建设局 0591-24311111\n"
    assert _contacts(spaced) == _contacts(run_on) == rows
    assert table_leaders(find_tables(spaced)[0], "某领导小组") == []


def test_ocr_rows_with_a_unit_glued_to_its_name_and_names_glued_to_their_numbers() -> None:
    text = ("各成员单位联络员名单\n序号 成员单位 分管领导 职务 联系电话 联络员 联系电话\n"
            "15 某银监局某办事处吴志扬 副主任 1895126377 林华18120938681\n"
            "17 某县自来水公司 刘必胜 党总支副书记 13675016789刘必胜13675016789\n")
    assert _contacts(text) == [
        ("吴志扬", "某银监局某办事处", ["1895126377"]), ("林华", "某银监局某办事处", ["18120938681"]),
        ("刘必胜", "某县自来水公司", ["13675016789"]), ("刘必胜", "某县自来水公司", ["13675016789"])]


def test_a_contact_table_a_copy_glued_cell_to_cell_gives_each_row_masked_numbers_too() -> None:
    from docproc.extract.tables import find_glued_tables

    text = ("附件：应急接访小分队成员名单序号部门姓名联系方式1机关党委任小强139xxxx55182党群工作处李 福136xxxx9596"
            "3屿头派出所 陈楷章136xxxx34694屿南村王花英13512347456")
    (table,) = find_glued_tables(text)
    assert [(h.name, h.org, h.phones) for h in table_contacts(table)] == [
        ("任小强", "机关党委", ["139xxxx5518"]), ("李福", "党群工作处", ["136xxxx9596"]),
        ("陈楷章", "屿头派出所", ["136xxxx3469"]), ("王花英", "屿南村", ["13512347456"])]
