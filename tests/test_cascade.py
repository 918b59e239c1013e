"""Cascade: county targets linked to the city's, on the 肇庆 seeds (000 city, 001 高要区, 004 四会市)."""
from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.cascade import cascades, is_child, link_score
from luoshi.fulfilment import Figure
from luoshi.model import Span
from luoshi.pipeline import read


@pytest.fixture(scope="module")
def seeds(shared: Path):
    return {p.name[:3]: read(p) for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))}


@pytest.fixture(scope="module")
def zhaoqing(seeds):
    (found,) = cascades(seeds.values(), parent="肇庆市")
    return found


def test_children_come_from_the_division_table(seeds):
    assert is_child(seeds["001"], seeds["000"]) and is_child(seeds["004"], seeds["000"])
    assert not is_child(seeds["002"], seeds["000"])  # 连州市 is under 清远市
    assert not is_child(seeds["000"], seeds["001"])


def test_zhaoqing_cascade_links_and_gaps(seeds, zhaoqing):
    assert zhaoqing.parent_region == "肇庆市"
    assert set(zhaoqing.children) == {"高要区", "四会市"}
    linked = {(link.child_region, link.indicator) for link in zhaoqing.links}
    # 四会: 办好十件民生实事 answers the city's 扎实办好十件民生实事
    assert ("四会市", "民生实事") in linked
    # 四会: 确保全市60%以上行政村达到美丽宜居村标准 answers 全市95%以上行政村达到美丽宜居村标准
    assert ("四会市", "行政村达到美丽宜居村标准") in linked
    unmatched = {indicator for indicator, _ in zhaoqing.unmatched}
    assert "西江码头项目基本建成" in unmatched
    assert not unmatched & {link.indicator for link in zhaoqing.links}


def test_every_link_is_grounded(seeds, zhaoqing):
    by_name = {d.name: d for d in seeds.values()}
    for link in zhaoqing.links:
        for side in (link.parent, link.child):
            assert by_name[side.doc].text[side.start:side.end] == side.quote
        assert link.parent.doc == by_name[seeds["000"].name].name
    rows = zhaoqing.records()
    assert len(rows) == len(zhaoqing.links) + len(zhaoqing.unmatched)
    assert all(r["parent_region"] == "肇庆市" for r in rows)


def test_no_cascade_without_child_documents(seeds):
    assert cascades([seeds["002"], seeds["003"]]) == []


def _figure(words: str, unit: str, change: bool, key: str | None = None, topic: str | None = None) -> Figure:
    return Figure(doc="x", key=key, words=words, label=key or words, value=1, value_max=None, unit=unit,
                  comparator="=", change=change, direction="up", period=None, span=Span(0, 1), quote="x",
                  topic=topic)


def test_link_score_rules():
    assert link_score(_figure("", "%", True, "gdp_growth"), _figure("", "%", True, "gdp_growth")) == (1.0, "indicator")
    assert link_score(_figure("", "%", True, "gdp_growth"), _figure("", "%", True, "fai_growth"))[0] == 0
    assert link_score(_figure("民生实事", "件", False), _figure("民生实事", "件", False))[1] == "words"
    assert link_score(_figure("民生实事", "件", False), _figure("民生实事", "%", False))[0] == 0  # units differ
    # a shared topic accepts weaker wording
    city = _figure("污水处理率", "%", False, topic="ecology")
    county = _figure("生活污水集中处理率", "%", False, topic="ecology")
    assert link_score(city, county)[1] == "topic"
    assert link_score(city, _figure("生活污水集中处理率", "%", False))[0] == 0
