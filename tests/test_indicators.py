"""canonical_indicator: the many phrasings of a headline indicator map to one key."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.data.indicators import INDICATOR_RULES, LEADING_WORDS, UNIT_FAMILIES
from luoshi.extract.indicators import INDICATOR_KEYS, canonical_indicator, clean_indicator, unit_family

MAPPED = [
    # GDP growth, written every way reports write it
    ("地区生产总值", "%", True, "gdp_growth"),
    ("生产总值", "%", True, "gdp_growth"),
    ("全市地区生产总值", "%", True, "gdp_growth"),
    ("GDP", "%", True, "gdp_growth"),
    ("gdp", "%", True, "gdp_growth"),
    ("经济增长", "%", False, "gdp_growth"),
    ("经济", "%", True, "gdp_growth"),
    ("地区生产总值增速", "%", False, "gdp_growth"),
    ("生产总值增速高于全省", "个百分点", False, "gdp_growth"),  # a gap to the province
    ("地区生产总值年均增长", "%", True, "gdp_growth"),
    # GDP level
    ("地区生产总值", "亿元", False, "gdp_level"),
    ("地区生产总值总量", "亿元", False, "gdp_level"),
    ("地区生产总值年均增长", "亿元", False, "gdp_level"),  # the growth clause's name carried over
    ("在“十四五”中前期实现地区生产总值", "亿元", False, "gdp_level"),  # a framing clause left on
    ("经济总量", "万亿元", False, "gdp_level"),
    ("GDP", "亿", False, "gdp_level"),
    # investment, industry, consumption, trade
    ("固定资产投资", "%", True, "fai_growth"),
    ("全社会固定资产投资", "%", True, "fai_growth"),
    ("规模以上工业增加值", "%", True, "industry_va_growth"),
    ("规上工业增加值", "%", True, "industry_va_growth"),
    ("全县规模以上工业增加值", "%", True, "industry_va_growth"),
    ("社会消费品零售总额", "%", True, "retail_growth"),
    ("社零总额", "%", True, "retail_growth"),
    ("进出口总额", "%", True, "trade_growth"),
    ("外贸进出口", "%", True, "trade_growth"),
    ("外贸进出口总值", "%", True, "trade_growth"),
    ("进出口", "%", True, "trade_growth"),
    # fiscal revenue
    ("一般公共预算收入", "%", True, "budget_revenue_growth"),
    ("地方一般公共预算收入", "%", True, "budget_revenue_growth"),
    ("一般公共财政预算收入", "%", True, "budget_revenue_growth"),
    ("地方公共财政预算收入", "%", True, "budget_revenue_growth"),
    ("地方级一般公共预算收入", "%", True, "budget_revenue_growth"),
    # incomes
    ("居民人均可支配收入", "%", True, "income_growth"),
    ("城乡居民人均可支配收入", "%", True, "income_growth"),
    ("全体居民人均可支配收入", "%", True, "income_growth"),
    ("城镇居民人均可支配收入", "%", True, "urban_income_growth"),
    ("城镇常住居民人均可支配收入", "%", True, "urban_income_growth"),
    ("农村居民人均可支配收入", "%", True, "rural_income_growth"),
    ("农民人均可支配收入", "%", True, "rural_income_growth"),
    # jobs and unemployment
    ("城镇新增就业", "万人", False, "new_urban_jobs"),
    ("新增城镇就业", "人", False, "new_urban_jobs"),
    ("城镇新增就业人数", "万人", False, "new_urban_jobs"),
    ("城镇新增就业岗位", "万个", False, "new_urban_jobs"),
    ("城镇新增就业", "萬人", False, "new_urban_jobs"),  # Traditional unit
    ("城镇调查失业率", "%", False, "surveyed_unemployment"),
    ("调查失业率", "%", False, "surveyed_unemployment"),
    ("城镇登记失业率", "%", False, "registered_unemployment"),
    # prices, innovation, energy, grain
    ("居民消费价格涨幅", "%", True, "cpi"),
    ("居民消费价格", "%", True, "cpi"),
    ("居民消费价格指数涨幅", "%", True, "cpi"),
    ("CPI", "%", False, "cpi"),
    ("R&D经费投入强度", "%", False, "rd_intensity"),
    ("研发经费投入强度", "%", False, "rd_intensity"),
    ("研发投入强度", "%", False, "rd_intensity"),
    ("研发经费投入强度预计", "%", False, "rd_intensity"),
    ("研究与试验发展经费投入占地区生产总值比重", "%", False, "rd_intensity"),
    ("研究与试验发展经费支出相当于生产总值比重", "%", False, "rd_intensity"),
    ("全社会研发经费支出相当于全市生产总值的比例", "%", False, "rd_intensity"),
    ("地区生产总值增速高于全省平均水平", "个百分点", False, "gdp_growth"),
    ("登记失业率", "%", False, "registered_unemployment"),
    ("单位地区生产总值能耗", "%", True, "energy_intensity"),
    ("单位生产总值能耗", "%", True, "energy_intensity"),
    ("单位GDP能耗", "%", True, "energy_intensity"),
    ("万元生产总值能耗", "%", True, "energy_intensity"),
    ("能耗强度", "%", True, "energy_intensity"),
    ("粮食产量", "亿斤", False, "grain_output"),
    ("粮食总产量", "万吨", False, "grain_output"),
    ("粮食产量", "万亿斤", False, "grain_output"),
    ("国内生产总值", "%", True, "gdp_growth"),
    ("单位国内生产总值能耗", "%", True, "energy_intensity"),
]

UNMAPPED = [
    ("人均地区生产总值", "万元", False),  # per head is another indicator
    ("地区生产总值", "亿元", True),  # an increase in money is not the level
    ("地区生产总值", "个", False),  # wrong unit
    ("常住人口城镇化率", "个百分点", True),
    ("高新技术产业占规模以上工业增加值比重", "%", False),
    ("单位工业增加值能耗", "%", True),
    ("工业投资", "%", True),
    ("财政总收入", "%", True),
    ("全社会研发经费投入", "%", True),  # spending growth, not intensity
    ("数字经济", "%", True),
    ("粮食播种面积", "万亩", False),
    ("城镇调查失业率", "万人", False),
    ("", "%", True),
]


@pytest.mark.parametrize(("indicator", "unit", "change", "key"), MAPPED)
def test_phrasings_map_to_their_key(indicator, unit, change, key):
    assert canonical_indicator(indicator, unit, change) == key


@pytest.mark.parametrize(("indicator", "unit", "change"), UNMAPPED)
def test_other_indicators_map_to_none(indicator, unit, change):
    assert canonical_indicator(indicator, unit, change) is None


def test_clean_indicator_strips_scope_frame_and_change_words():
    assert clean_indicator("全市生产总值增速高于全省") == "生产总值"
    assert clean_indicator("居民消费价格涨幅控制在") == "居民消费价格"
    assert clean_indicator("粮食产量保持在") == "粮食产量"
    assert clean_indicator("城镇新增就业") == "城镇新增就业"
    assert clean_indicator("在“十四五”中前期实现地区生产总值") == "地区生产总值"
    assert clean_indicator("地区生产总值年均增长") == "地区生产总值"


def test_unit_family():
    assert unit_family("%") == "percent"
    assert unit_family("億元") == "money"
    assert unit_family("萬人") == "people"
    assert unit_family("亿斤") == "grain"
    assert unit_family("家") is None


def test_every_rule_key_is_a_canonical_key():
    assert {rule.key for rule in INDICATOR_RULES} <= set(INDICATOR_KEYS)
    assert {rule.units for rule in INDICATOR_RULES} <= set(UNIT_FAMILIES)


@given(
    st.sampled_from(MAPPED),
    st.lists(st.sampled_from([w for w in LEADING_WORDS if w.startswith(("全", "今", "我", "本"))]), max_size=2),
)
def test_scope_words_do_not_change_the_key(case, prefixes):
    indicator, unit, change, key = case
    assert canonical_indicator("".join(prefixes) + indicator, unit, change) == key


@given(st.text(max_size=12), st.sampled_from(sorted({u for us in UNIT_FAMILIES.values() for u in us})), st.booleans())
def test_result_is_a_key_or_none(indicator, unit, change):
    assert canonical_indicator(indicator, unit, change) in set(INDICATOR_KEYS) | {None}
