"""The quantity scanner: number + unit + comparator words in one regex pass."""
from __future__ import annotations

import pytest

from luoshi.extract.quantities import find_quantities


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, unit, unit_class, comparator", [
    ("增长6.5%以上", 6.5, "%", "percent", ">="),
    ("控制在3%以内", 3, "%", "percent", "<="),
    ("控制在3%", 3, "%", "percent", "<="),
    ("控制在3%左右", 3, "%", "percent", "~"),
    ("约4.58亿元以上", 4.58, "亿元", "money", "~"),
    ("提高1.5个百分点", 1.5, "个百分点", "percent", "="),
    ("300多家", 300, "家", "classifier", ">="),
    ("5万多人", 5, "万人", "classifier", ">="),
    ("2.1万户", 2.1, "万户", "classifier", "="),
    ("超千亿元", 1000, "亿元", "money", ">="),
    ("千亿以上", 1000, "亿", "magnitude", ">="),
    ("十件", 10, "件", "classifier", "="),
    ("两千万元", 2000, "万元", "money", "="),
    ("翻一番", 1, "番", "ratio", "="),
    ("三成", 3, "成", "ratio", "="),
    ("百分之五十", 50, "%", "percent", "="),
    ("16.4km", 16.4, "km", "measure", "="),
    ("1,200亩", 1200, "亩", "measure", "="),
    ("72微克/立方米", 72, "微克/立方米", "measure", "="),
    ("提高到1900元/月", 1900, "元/月", "money", "="),
    # a magnitude before a unit that starts with a magnitude character: the unit is whole
    ("120万千瓦", 120, "万千瓦", "capacity", "="),
    ("超过2亿千瓦", 2, "亿千瓦", "capacity", ">="),
    ("3.5亿千瓦时", 3.5, "亿千瓦时", "measure", "="),
    ("120万千伏安", 120, "万千伏安", "capacity", "="),
    ("3千米", 3, "千米", "measure", "="),
    ("五十万千瓦", 50, "万千瓦", "capacity", "="),
    # a decimal written in words
    ("控制在百分之五点五以内", 5.5, "%", "percent", "<="),
    ("三点五亿斤", 3.5, "亿斤", "measure", "="),
    # 兆 before money is Taiwan's 万亿; a big unit with the digits below it is one number in the last unit
    ("总产值达12.6兆元", 12.6, "兆元", "money", "="),
    ("平均月薪4万2,150元", 42150, "元", "money", "="),
    ("外销订单2兆705亿元", 20705, "亿元", "money", "="),
    ("进口额1亿3,600万美元", 13600, "万美元", "money", "="),
    ("零售额增长-3.5%", -3.5, "%", "percent", "="),  # a fall written as a negative rise
    # energy as plants and batteries state it; a density whose area carries a magnitude
    ("产能达35GWh", 35, "GWh", "measure", "="),
    ("密度达到507公里/万平方公里", 507, "公里/万平方公里", "measure", "="),
    ("密度达到5公里/百平方公里", 5, "公里/百平方公里", "measure", "="),
    # trips and sorts of things are counted like things
    ("航班起降4.2万架次", 4.2, "万架次", "classifier", "="),
    ("汇聚数据资源3万类", 3, "万类", "classifier", "="),
    # 立方 is the spoken 立方米; a magnitude after 多/余 belongs to the unit
    ("天然气产量达300亿立方", 300, "亿立方", "measure", "="),
    ("社会消费品零售总额三百二十多亿元", 320, "亿元", "money", ">="),
    ("引进资金五千余万元", 5000, "万元", "money", ">="),
])
def test_quantity(text, value, unit, unit_class, comparator) -> None:
    q = _one(text)
    assert (q.value, q.unit, q.unit_class, q.comparator) == (value, unit, unit_class, comparator)
    assert text[q.num_start:q.end].endswith(text[q.unit_end:q.end])


def test_a_big_unit_then_a_smaller_count_is_no_one_number() -> None:
    # 1万5千人 and 100兆瓦 keep their own readings
    assert [(q.value, q.unit) for q in find_quantities("招工1万5千人,建成100兆瓦电站")] == [
        (1, "万"), (5, "千人"), (100, "兆瓦")]
    # digits after 万 that do not fill its four lower places are a number of their own
    assert [(q.value, q.unit) for q in find_quantities("为120万70岁以上老人体检")] == [
        (120, "万"), (70, "岁")]


def test_ranges_merge() -> None:
    q = _one("增长6%—8%")
    assert (q.value, q.value_max, q.comparator, q.unit) == (6, 8, "range", "%")
    q = _one("3至5个")
    assert (q.value, q.value_max, q.comparator, q.unit) == (3, 5, "range", "个")


def test_dates_do_not_make_ranges() -> None:
    assert all(q.comparator != "range" for q in find_quantities("成文日期: 2021-11-23"))


def test_a_lone_chinese_one_is_an_article() -> None:
    assert find_quantities("建设一个中心、一批项目") == []


def test_a_chinese_numeral_before_a_sort_or_a_round_names_a_class_or_a_turn() -> None:
    assert find_quantities("开展新一轮找矿,二类水质,三组数据,两批次") == []
    assert [(q.value, q.unit) for q in find_quantities("3个1类新药")] == [(3, "个"), (1, "")]  # 1类: a class


def test_comparator_false_friends() -> None:
    q = _one("签约亿元以上项目")
    assert q.comparator == ">="  # 签约 ends in 约 but is no "about"


@pytest.mark.parametrize("text, comparator", [
    ("控制在3%", "<="),
    ("控制到达到3%", "<="),  # up to two characters between the cap verb and the number
    ("压缩在约为3%", "~"),  # a prefix comparator of its own wins
    ("控制在全市的3%", "="),  # three characters: out of the verb's reach
    ("在3%", "="),
    ("控制3%", "="),
])
def test_cap_verbs_reach_two_characters(text, comparator) -> None:
    assert find_quantities(text)[-1].comparator == comparator


def test_a_ratio_to_one_covers_its_notation() -> None:
    q = find_quantities("收入比缩小到2.3:1。")[0]
    assert (q.value, q.unit, "收入比缩小到2.3:1。"[q.num_start:q.end]) == (2.3, "", "2.3:1")
    assert [q.value for q in find_quantities("2.3:15")][:1] == [2.3]
    assert find_quantities("2.3:15")[0].end == 3  # 2.3:15 is no ratio to one
