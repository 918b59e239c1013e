"""Verdict reasons in Chinese: written from the verdict's grounds, checked on real Zhumadian verdicts."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from luoshi import register
from luoshi.data.fulfilment_text import PHRASES, VERDICT_WORDS
from luoshi.fulfilment import (
    Gap,
    TargetSide,
    Verdict,
    fulfilment,
    judge,
    measure_gap,
    suggest_statuses,
    verdict_of,
)
from luoshi.fulfilment_text import reason_zh
from luoshi.pipeline import read
from luoshi.store import Store


@pytest.fixture(scope="module")
def verdicts(shared: Path) -> list[Verdict]:
    return fulfilment([read(p) for p in sorted((shared / "corpus" / "dev" / "zhumadian").glob("*.txt"))])


def one(verdicts: list[Verdict], year: str, indicator: str) -> Verdict:
    (found,) = [v for v in verdicts if v.target.period == year and v.indicator == indicator]
    return found


def test_the_growth_miss_of_2019(verdicts):
    # 2019 report: 生产总值增长8%以上; 2020 report: 增长7.4%
    assert reason_zh(one(verdicts, "2019", "gdp_growth")) == "实际7.4%，比目标8%低0.6个百分点：未完成"


def test_an_approximate_target_names_its_band(verdicts):
    # 2021: 生产总值增长8%左右 → 7.2% (partly); 规模以上工业增加值增长8%左右 → 5.3% (missed)
    assert reason_zh(one(verdicts, "2021", "gdp_growth")) == \
        "实际7.2%，比目标8%左右低0.8个百分点，差距在1个百分点以内：部分完成"
    assert reason_zh(one(verdicts, "2021", "industry_va_growth")).endswith("差距超过1个百分点：未完成")


def test_a_ceiling_a_share_a_sum_and_no_figure(verdicts):
    assert reason_zh(one(verdicts, "2020", "registered_unemployment")) == \
        "实际2.85%，比目标上限4.5%低1.65个百分点：已完成"  # 4.5%以内 vs 2.85%
    assert reason_zh(one(verdicts, "2021", "new_urban_jobs")) == "次年报告称完成年度目标的135%：已完成"
    assert reason_zh(one(verdicts, "2021", "新增贷款投放")) == \
        "实际180.3亿元，比目标200亿元低19.7亿元，差距在20亿元（目标的10%）以内：部分完成"
    assert reason_zh(one(verdicts, "2022", "cpi")) == "次年报告未见该指标2022年的数字：无法判断"
    clash = reason_zh(one(verdicts, "2022", "retail_growth"))
    assert "“社会消费品零售总额完成1125.9亿元”" in clash and clash.endswith("：无法判断")


def test_every_real_reason_is_chinese_and_ends_with_its_verdict(verdicts):
    assert len(verdicts) > 20
    for v in verdicts:
        text = reason_zh(v)
        assert text.endswith("：" + VERDICT_WORDS[v.verdict]), text
        assert not any(word in text for word in ("vs", "floor", "ceiling", "off", "None", "{", "}")), text
        if v.actual is not None and isinstance(v.why, Gap):
            assert text.startswith("实际") and f"{abs(v.actual.value):g}" in text, text


def test_a_suggested_status_carries_the_chinese_reason(shared, tmp_path):
    folder = shared / "corpus" / "dev" / "zhumadian"
    docs = [read(folder / f"zhumadian_{year}_gwr.txt") for year in (2019, 2020)]
    with Store(tmp_path / "r.db") as store:
        for doc in docs:
            store.save_document(doc)
        made = suggest_statuses(store, fulfilment(docs))
        assert made
        for verdict, commitment in made:
            (suggestion,) = [e for e in register.get(store, commitment).events if e.by_luoshi]
            assert suggestion.note == reason_zh(verdict)


def test_the_jsonl_record_keeps_its_english_reason_and_fields(verdicts):
    v = one(verdicts, "2019", "gdp_growth")
    record = json.loads(json.dumps(v.record()))
    assert set(record) == {"region", "indicator", "target", "actual", "verdict", "reason"}
    assert record["reason"] == "7.4 vs floor 8%: 0.6 off" == judge(8, ">=", 7.4, unit="%")[1]


@pytest.mark.parametrize(("args", "expected"), [
    ((3, ">=", 4.1), "实际降幅4.1%，比目标降幅3%高1.1个百分点：已完成"),
    ((3, "~", 2.8), "实际降幅2.8%，比目标降幅3%左右低0.2个百分点，在“左右”允许的0.5个百分点以内：已完成"),
    ((3, ">=", 3), "实际降幅3%，达到目标降幅3%：已完成"),
    ((3, ">=", -1.2), "实际不降反升1.2%，比目标降幅3%低4.2个百分点：未完成"),
])
def test_a_decrease_compares_sizes_of_decrease(args, expected):
    value, comparator, actual = args
    gap = replace(measure_gap(value, comparator, actual, unit="%"), decrease=True)
    assert reason_zh(_verdict(gap)) == expected


def test_a_fall_against_a_growth_target_and_an_approximate_ceiling():
    # 外贸进出口总额增长5% vs 下降3.5%; 居民消费价格涨幅控制在3%左右 vs 上涨0.4%
    assert reason_zh(_verdict(measure_gap(5, "=", -3.5, unit="%"))) == "实际下降3.5%，比目标5%低8.5个百分点：未完成"
    assert reason_zh(_verdict(measure_gap(3, "~", 0.4, unit="%", lower_is_better=True))) == \
        "实际0.4%，比目标上限3%左右低2.6个百分点：已完成"


def test_a_range_names_the_side_it_was_held_to():
    assert reason_zh(_verdict(measure_gap(20, "range", 15, unit="家", value_max=30))) == \
        "实际15家，比目标区间下限20家低5家，差距超过2家（目标的10%）：未完成"
    assert reason_zh(_verdict(measure_gap(2, "range", 4, unit="%", value_max=3, lower_is_better=True))) == \
        "实际4%，比目标区间上限3%高1个百分点：未完成"


def test_the_phrases_are_data():
    assert all(isinstance(p, str) and p for p in PHRASES.values())


def _verdict(gap: Gap) -> Verdict:
    side = TargetSide(gap.bound, gap.comparator, gap.unit, "2020", "a.txt", 0, 1, "x")
    return Verdict("示例市", "x", side, None, verdict_of(gap), "", gap)
