"""The division table and its lookups (luoshi.regions)."""
from __future__ import annotations

from collections import Counter

import pytest

from luoshi import regions


def test_table_covers_every_province_prefecture_and_county():
    levels = Counter(d.level for d in regions.all_divisions())
    # The 民政部 county-and-above list: 34 provincial, 333 prefectural, 2,843 county-level units.
    assert levels == {"province": 34, "prefecture": 333, "county": 2843}


def test_every_code_is_six_digits_and_every_parent_is_one_level_up():
    divisions = regions.all_divisions()
    assert len({d.code for d in divisions}) == len(divisions)
    for d in divisions:
        assert len(d.code) == 6 and d.code.isdigit(), d
        parent = regions.parent_of(d.code)
        if d.level == "province":
            assert d.parent_code is None
            assert d.code.endswith("0000")
        else:
            assert parent is not None, d
            assert parent.code[:2] == d.code[:2]  # same province
            assert parent.level in (("province",) if d.level == "prefecture" else ("prefecture", "province"))


def test_the_shipped_table_is_compact():
    assert (regions.DATA / "divisions.tsv").stat().st_size < 1_000_000
    header = (regions.DATA / "divisions.tsv").read_text(encoding="utf-8").split("\ncode\t", 1)[0]
    assert "Source" in header or "Codes and names" in header  # says where the data comes from


@pytest.mark.parametrize(
    ("name", "code", "level", "parent"),
    [
        ("肇庆市", "441200", "prefecture", "广东省"),
        ("高要区", "441204", "county", "肇庆市"),
        ("四会市", "441284", "county", "肇庆市"),
        ("连州市", "441882", "county", "清远市"),
        ("江城区", "441702", "county", "阳江市"),
        ("驻马店市", "411700", "prefecture", "河南省"),
        ("仙桃市", "429004", "county", "湖北省"),  # a county-level city directly under its province
        ("东莞市", "441900", "prefecture", "广东省"),  # a prefecture without counties
        ("偃师区", "410307", "county", "洛阳市"),  # renamed in 2021: the current code, not the old 410381
    ],
)
def test_lookup_gives_code_level_and_parent(name, code, level, parent):
    div = regions.lookup(name)
    assert div is not None
    assert (div.code, div.level) == (code, level)
    assert regions.parent_of(div.code).name == parent


def test_municipality_districts_hang_from_the_municipality():
    chaoyang = regions.lookup("朝阳区", within="110000")
    assert chaoyang.code == "110105"
    assert regions.parent_of(chaoyang.code).name == "北京市"
    assert regions.get("110000").level == "province"


def test_shared_names_are_not_looked_up_blindly():
    assert {d.code for d in regions.find("江城")} >= {"441702", "530826"}  # 阳江 江城区, 普洱 江城…自治县
    assert regions.lookup("江城") is None
    assert regions.lookup("江城", within="530000").code == "530826"
    assert len(regions.find_full("朝阳区")) >= 2
    assert regions.lookup("朝阳区") is None


def test_a_full_name_beats_a_short_name():
    assert regions.lookup("吉林市").level == "prefecture"
    assert regions.lookup("吉林").level == "province"


def test_climbing_and_descending():
    assert [a.name for a in regions.ancestors("441284")] == ["肇庆市", "广东省"]
    below = {d.name for d in regions.descendants("441200")}
    assert {"四会市", "高要区", "端州区", "怀集县"} <= below
    assert all(regions.is_within(d.code, "441200") for d in regions.descendants("441200"))
    assert {d.level for d in regions.children("441200")} == {"county"}
    guangdong = regions.descendants("440000")
    assert {"prefecture", "county"} == {d.level for d in guangdong}
    assert not regions.is_within("411700", "440000")


def test_former_names_point_to_their_successor():
    (record,) = regions.former("偃师市")
    assert record.parent_name == "洛阳市"
    assert regions.get(record.successor).name == "偃师区"
    assert regions.former("四会市") == ()


def test_names_ending_at_a_position_longest_first():
    text = "在阳江市江城区第九届"
    assert regions.names_ending_at(text, text.index("第"))[0] == "江城区"
    assert regions.names_ending_at(text, text.index("江城")) == ["阳江市"]


def test_common_word_short_names_and_generic_names_are_flagged():
    assert all(d.wordlike for d in regions.find("振兴") if d.short == "振兴")  # 乡村振兴 is no place
    assert all(d.wordlike for d in regions.find("合作") if d.short == "合作")
    assert not any(d.wordlike for d in regions.find("四会"))
    assert not any(d.wordlike for d in regions.find("大连"))  # prefecture short names are never flagged
    assert all(d.generic for d in regions.find_full("城区"))
    assert not regions.lookup("肇庆市").generic
