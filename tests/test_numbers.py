"""Numerals: Arabic, Chinese and mixed numbers, parsed as the gold schema wants them.

Examples pin the forms documents use (两千万, 十件, 2.1万, 百分之五十, 三分之一);
property tests write random numbers as Chinese numerals and parse them back.
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.numbers import (
    find_numerals,
    parse_arabic,
    parse_chinese,
    split_chinese,
    to_chinese,
)


@pytest.mark.parametrize("numeral, value", [
    ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("三百五", 350), ("两千五", 2500),
    ("三千五百零六", 3506), ("一千零五十", 1050), ("一万五", 15000), ("两千万", 20_000_000),
    ("一亿两千万", 120_000_000), ("三万亿", 3 * 10**12), ("二〇二三", 2023), ("零", 0), ("百", 100), ("千", 1000),
    ("五点五", 5.5), ("十二点零五", 12.05), ("零点八", 0.8),
])
def test_parse_chinese(numeral: str, value: int) -> None:
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize("bad", ["", "十a", "个", "点五", "五点", "五点十"])
def test_parse_chinese_rejects_non_numerals(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_chinese(bad)


@pytest.mark.parametrize("numeral, value, magnitude", [
    ("两千万", 2000, "万"), ("千亿", 1000, "亿"), ("十", 10, ""), ("万", 1, "万"), ("三万亿", 3, "万亿"),
    ("一百二十", 120, ""),
])
def test_split_keeps_the_trailing_magnitude_for_the_unit(numeral: str, value: int, magnitude: str) -> None:
    assert split_chinese(numeral) == (value, magnitude)


def test_parse_arabic_thousands_separator() -> None:
    assert parse_arabic("1,234.5") == 1234.5
    assert parse_arabic("180.39") == 180.39


def _numerals(text: str) -> list[tuple[str, float, str, str]]:
    return [(text[n.start:n.end], n.value, n.magnitude, n.kind) for n in find_numerals(text)]


def test_find_numerals_forms() -> None:
    assert _numerals("完成2.1万户") == [("2.1万", 2.1, "万", "arabic")]
    assert _numerals("达到百分之五十") == [("百分之五十", 50, "", "percent")]
    assert _numerals("占三分之一") == [("三分之一", pytest.approx(1 / 3), "", "fraction")]
    assert _numerals("占1/7") == [("1/7", pytest.approx(1 / 7), "", "fraction")]
    assert _numerals("投资两千万元") == [("两千万", 2000, "万", "chinese")]
    assert _numerals("控制在百分之五点五以内") == [("百分之五点五", 5.5, "", "percent")]


def test_find_numerals_offsets_cover_the_number() -> None:
    text = "新增学位1,530个和630个"
    found = list(find_numerals(text))
    assert [text[n.start:n.end] for n in found] == ["1,530", "630"]
    assert [n.value for n in found] == [1530, 630]


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip(n: int) -> None:
    assert parse_chinese(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip_with_liang(n: int) -> None:
    assert parse_chinese(to_chinese(n, liang=True)) == n


@given(st.integers(min_value=1, max_value=10**8 - 1))
def test_chinese_numeral_in_a_sentence_is_found_whole(n: int) -> None:
    numeral = to_chinese(n, liang=True)
    text = f"共有{numeral}名"
    found = list(find_numerals(text))
    assert len(found) == 1
    value, magnitude = found[0].value, found[0].magnitude
    scale = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[magnitude]
    assert value * scale == n


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False))
def test_arabic_round_trip(d) -> None:
    text = f"达到{d}亿元"
    found = list(find_numerals(text))
    assert len(found) == 1
    assert found[0].value == pytest.approx(float(d))
    assert found[0].magnitude == "亿"
