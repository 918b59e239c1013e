"""Canonical headline indicators and the words documents use for them.

Work reports and plans name the same handful of headline indicators in many
ways (地区生产总值/生产总值/GDP/经济增长; 规上工业增加值/规模以上工业增加值 …).
This table maps those phrasings to one canonical key so that targets can be
compared across regions and years. All strings are Simplified (matching runs
on ``Measure.indicator_simplified``).

Each ``IndicatorRule`` is tried in order; the first whose ``names`` regex
matches the *whole* cleaned indicator (scope words such as 全市 and growth
words such as 增长/增速 removed) and whose unit family fits wins. Whole-match
is deliberate: 人均地区生产总值, 单位工业增加值能耗 and 高新技术产业占规模以上
工业增加值比重 contain a headline name but are different indicators.
"""
from __future__ import annotations

from dataclasses import dataclass

# --- the canonical keys ------------------------------------------------------

INDICATOR_KEYS: tuple[str, ...] = (
    "gdp_growth", "gdp_level", "fai_growth", "industry_va_growth", "retail_growth",
    "trade_growth", "budget_revenue_growth", "income_growth", "urban_income_growth",
    "rural_income_growth", "new_urban_jobs", "surveyed_unemployment",
    "registered_unemployment", "cpi", "rd_intensity", "energy_intensity", "grain_output",
    "other",
)
OTHER = "other"

# --- unit families -------------------------------------------------------------
# A headline name only maps to a key when its unit makes sense for that key:
# 地区生产总值 + % is growth, + 亿元 is a level, + 个 is neither.

UNIT_FAMILIES: dict[str, frozenset[str]] = {
    "percent": frozenset({"%", "个百分点", "百分点", "‰"}),
    "money": frozenset({
        "亿元", "万亿元", "千亿元", "百亿元", "万元", "元", "亿", "万亿", "千亿",
        "亿美元", "万美元",
    }),
    # 城镇新增就业 is counted in people, or in jobs (就业岗位2万个).
    "people": frozenset({"人", "万人", "万", "千人", "名", "万名", "人次", "万人次", "个", "万个"}),
    "grain": frozenset({
        "万亿斤", "亿斤", "万斤", "斤", "亿吨", "万吨", "吨", "亿公斤", "万公斤", "公斤", "千克", "万千克",
    }),
}

# --- words removed before matching -------------------------------------------
# Scope and framing words written before an indicator (全市地区生产总值,
# 实现地区生产总值, 今年全区规上工业增加值). Repeatedly stripped from the front.
LEADING_WORDS: tuple[str, ...] = (
    "今年", "明年", "全年", "年度", "本年", "当年", "届末", "期末", "到期末",
    "全省", "全市", "全区", "全县", "全州", "全旗", "全盟", "全镇", "全乡", "全域",
    "本省", "本市", "本区", "本县", "我省", "我市", "我区", "我县", "我州", "我旗",
    "实现", "确保", "力争", "争取", "努力", "推动", "促进", "完成", "保持", "预计",
    "其中", "年均", "累计",
)
# Verbs that frame a target; an indicator may still carry the clause before
# them (在“十四五”中前期实现地区生产总值): the name is what follows the last one.
FRAME_VERBS: tuple[str, ...] = ("实现", "确保", "力争", "争取", "推动", "促进", "推进")
# Framing words written after an indicator, before the number
# (生产总值增速高于全省, 粮食产量保持在, 居民消费价格涨幅控制在, 研发经费
# 投入强度预计).
TRAILING_FRAME = (
    r"(?:(?:分别|均|力争|确保|努力|继续|稳定|保持|控制|实现)?"
    r"(?:控制在|保持在|稳定在|维持在|达到|达|突破|超过|超|不低于|不高于|低于|高于|为|在)"
    r"|(?:高于|快于|超过|领先|略高于|不低于|低于|与)"
    r"(?:全国|全省|全市|全州|全区|全盟|省|市|国家|周边)?(?:平均水平|平均|水平|均值)?"
    r"|预计|预期|有望|力争|确保|争取|将"
    # the basis of a comparison (一般公共预算收入按可比口径增长3%, …同比增长5%)
    r"|按?(?:可比|同|自然)口径|同比|可比)$"
)
# Change words closing an indicator (生产总值增速, 居民消费价格涨幅, 能耗下降):
# an indicator written with one of them states a change, not a level.
CHANGE_WORDS: tuple[str, ...] = (
    "年均增长", "年均增速", "增长率", "增长速度", "增速", "增幅", "增长", "增加", "提高",
    "上涨", "涨幅", "上升", "年均", "累计下降", "下降率", "降低率", "降幅", "下降", "降低", "减少",
)
# Units may be written in Traditional script (萬人, 億元) or full width (６％);
# the unit family is looked up on the Simplified, half-width form.
UNIT_T2S = str.maketrans("萬億個點噸劃畝項間臺輛頃餘門％", "万亿个点吨划亩项间台辆顷余门%")

# --- the rules ----------------------------------------------------------------

_GDP = r"(?:地区|国内|国民|地方|区域)?生产总值|(?:地区)?GDP"
_INCOME = r"(?:常住)?居民(?:人均)?(?:可支配)?收入|(?:人均)?可支配收入|居民人均收入|居民收入"


@dataclass(frozen=True, slots=True)
class IndicatorRule:
    """One canonical key: the names that denote it and the units it takes.

    ``change`` is ``False`` for a key that is a level (地区生产总值 达到 520
    亿元, not 增加 50 亿元) and ``None`` when the unit already decides it: a
    percent after 地区生产总值 is its growth whether or not the clause says
    增长 (生产总值增速高于全省1个百分点 is a gap, still about growth).
    """

    key: str
    names: str  # regex, whole-matched against the cleaned indicator
    units: str  # a UNIT_FAMILIES key
    change: bool | None = None


INDICATOR_RULES: tuple[IndicatorRule, ...] = (
    IndicatorRule(
        "energy_intensity",
        r"(?:单位|万元)(?:地区|国内)?(?:生产总值|GDP)(?:综合)?(?:能耗|能源消耗量?|能源消费量?)"
        r"|能耗强度|能源消耗强度|能源消费强度|单位(?:地区)?生产总值能耗强度",
        "percent",
    ),
    IndicatorRule(
        "rd_intensity",
        r"(?:全社会)?(?:R&D|RD|研发|研究与(?:试验|实验)发展|研究和(?:试验|实验)发展|科技研发)"
        r"(?:经费)?(?:投入|支出)?(?:强度|(?:占|相当于)(?:全[省市区县]|本[省市区县])?(?:地区|国内)?(?:生产总值|GDP)(?:的)?比(?:重|例))",
        "percent",
    ),
    IndicatorRule("gdp_growth", _GDP + r"|经济|经济发展", "percent"),
    IndicatorRule("gdp_level", r"(?:" + _GDP + r")(?:总量|规模)?|经济总量|经济规模", "money", change=False),
    IndicatorRule(
        "fai_growth",
        r"(?:全社会|全口径|城镇)?固定资产投资(?:总额|额|完成额)?(?:不含农户)?|固投|(?:全社会)?投资",
        "percent",
    ),
    IndicatorRule(
        "industry_va_growth",
        # 规模工业增加值 is Hunan's usual wording for 规模以上工业增加值.
        r"(?:规模以上|规上)(?:工业|工业企业)?(?:增加值)?|规模工业(?:增加值)?",
        "percent",
    ),
    IndicatorRule(
        "retail_growth",
        r"(?:全社会)?(?:社会)?消费品零售(?:总额|额)|社消?零(?:总额|额)?",
        "percent",
    ),
    IndicatorRule(
        "trade_growth",
        r"(?:外贸|对外贸易|货物贸易|货物)?进出口(?:贸易)?(?:总额|总值|总量|额)?|外贸(?:总额|总值)?",
        "percent",
    ),
    IndicatorRule(
        "budget_revenue_growth",
        r"(?:全口径)?(?:地方级?)?(?:财政)?(?:一般公共(?:财政)?预算|公共财政预算|一般预算)(?:财政)?收入",
        "percent",
    ),
    IndicatorRule(
        "urban_income_growth",
        r"城镇(?:常住)?居民(?:人均)?(?:可支配)?收入|城市居民(?:人均)?(?:可支配)?收入",
        "percent",
    ),
    IndicatorRule(
        "rural_income_growth",
        r"农村(?:常住)?居民(?:人均)?(?:可支配|纯)?收入|农民(?:人均)?(?:可支配|纯)?收入",
        "percent",
    ),
    IndicatorRule("income_growth", r"(?:城乡|全体)?(?:" + _INCOME + r")", "percent"),
    IndicatorRule(
        "new_urban_jobs",
        r"(?:城镇新增|新增城镇)就业(?:人数|人员|岗位)?|新增就业(?:人数|岗位)?|城镇(?:新)?就业(?:人数)?新增",
        "people",
    ),
    IndicatorRule("surveyed_unemployment", r"(?:城镇|城市)?(?:人口)?调查失业率", "percent"),
    IndicatorRule("registered_unemployment", r"(?:城镇|城市)?(?:人口)?登记失业率", "percent"),
    IndicatorRule(
        "cpi",
        r"(?:城乡|全市|全省)?居民消费价格(?:总水平|指数|总指数)?|CPI|消费价格(?:指数)?|物价(?:总水平|水平)?",
        "percent",
    ),
    IndicatorRule(
        "grain_output",
        r"粮食(?:总产量|产量|总产|生产总量|年产量)|粮食生产",
        "grain",
    ),
)
