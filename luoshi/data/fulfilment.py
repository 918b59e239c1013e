"""Thresholds and words for judging whether a year's targets were met.

How they are used is documented in docs/fulfilment.md; the numbers are
here so that a reader can see (and a reviewer can change) every tolerance
in one place.
"""
from __future__ import annotations

# --- tolerances ------------------------------------------------------------------
# A figure in % or 个百分点 is compared in percentage points; any other figure
# relative to the target's size.
POINT_UNITS: frozenset[str] = frozenset({"%", "个百分点", "百分点", "‰"})

# 左右 (~): an actual this close to the target counts as met.
APPROX_POINTS = 0.5  # 6.5%左右 is met by 6.0% or more
APPROX_RELATIVE = 0.05  # 500亿元左右 is met by 475亿元 or more

# "partly": a level or count that reaches 90% of its target (180亿元 of 200亿元
# lent). A rate in % or 个百分点 is partly only for a 左右 target, between its
# band and this many points below it (8%左右 reached 7.2%); a rate that falls
# short of a firm target (增长6.5%, reported 6.1%) is missed: a growth rate
# is not a quantity that accumulates towards its target.
PARTLY_POINTS = 1.0
PARTLY_RELATIVE = 0.10

# --- direction ---------------------------------------------------------------------
# A change written with one of these words before its number is a decrease
# (单位生产总值能耗下降3.5%, 压减5%); any other change is an increase.
DOWN_WORDS: tuple[str, ...] = (
    "下降", "降低", "减少", "压减", "压降", "回落", "下滑", "降幅", "缩减", "缩小", "减少了", "下跌", "负增长",
)
# A level target written with one of these before its number is a ceiling
# (审批时间压缩至50个工作日, 贫困发生率降至1%以下, 控制在3%).
CEILING_VERBS: tuple[str, ...] = (
    "压缩至", "压缩到", "压减至", "压减到", "降至", "降到", "减至", "减到", "下降至", "下降到", "降低至",
    "降低到", "控制在", "控制到", "缩短至", "缩短到", "缩小至", "缩小到",
)
# Indicators where less is better: an "=" or "~" target on them is a ceiling.
LOWER_IS_BETTER_KEYS: frozenset[str] = frozenset({"surveyed_unemployment", "registered_unemployment", "cpi"})
LOWER_IS_BETTER_WORDS: tuple[str, ...] = (
    "失业率", "消费价格", "物价", "CPI", "贫困发生率", "死亡率", "发病率", "事故", "排放", "浓度", "能耗",
    "负债率", "债务率", "不良贷款率", "用时", "时限", "时间", "天数", "成本", "收入比",
)

# --- matching ----------------------------------------------------------------------
# Two indicators written differently match when, after framing words and list
# ordinals are removed, they are equal; or spell the same characters in
# another order (户厕改造 / 改造户厕); or one contains the other with at most
# CONTAIN_EXTRA characters more (造林 / 新造林; but 工业固定资产投资 is not
# 固定资产投资: a longer modifier names a narrower indicator, so containment
# with more extra characters is no match); or, neither containing the other,
# the Dice coefficient of their character bigrams reaches SIMILARITY_MIN.
# Extra characters that are action words (创建省级智能工厂 / 省级智能工厂,
# 新增贷款投放 / 新增贷款) do not narrow the indicator and are not counted. Numbers inside the words must agree (超30亿元企业 is not
# 超10亿元企业).
SIMILARITY_MIN = 0.7
CONTAIN_EXTRA = 1
# Cascade: a county target and a city target on the same topic (Measure.topic)
# link at this lower word similarity.
TOPIC_SIMILARITY_MIN = 0.4
# Framing verbs before an indicator that do not change what is counted (完成造林
# = 造林). Creation verbs (新建, 新增, 创建) stay: they count a flow, not a stock.
FRAMING_VERBS: tuple[str, ...] = (
    "完成", "实施", "开展", "推进", "实现", "确保", "力争", "全力", "办好", "抓好", "启动", "全年", "年内", "年底",
    "全市", "全省", "全区", "全县", "今年", "累计",
)
ACTION_WORDS: tuple[str, ...] = (
    "创建", "新建", "建设", "建成", "新认定", "认定", "签约", "培育", "打造", "引进", "投放", "完成", "实施", "开展",
)
LIST_WINDOW = 80  # characters searched back for the names a 分别 list shares out
LIST_ORDINAL = r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+是?)"
# A change with no words of its own (增长7.2%) belongs to the sentence's first level figure.
BARE_CHANGE_VERBS: tuple[str, ...] = ("同比", "增长", "下降", "提高", "增加", "降低", "减少", "上涨", "上升", "回落")
# An actual whose clause says 年均/累计/五年 is a multi-year figure, not one year's.
MULTI_YEAR_WORDS: tuple[str, ...] = ("年均", "年平均", "累计", "五年", "十三五", "十四五", "以来")
# A review often covers the past year and the past term (一、过去五年工作回顾:
# 刚刚过去的2022年……五年来……). A figure belongs to the reviewed year when the
# last of these markers before it, within its part of the report, names that
# year ("{year}年", 一年来) rather than a term (五年来, “十三五”).
# (连续五年受到表彰 or “十四五”开局之年 name no term.)
TERM_MARKERS = r"五年来|过去五年|五年间|五年里|这五年|本届政府|[“\"]?十[一二三四五]五[”\"]?(?:期间|时期|以来)"
YEAR_MARKERS: tuple[str, ...] = ("刚刚过去的一年", "过去的一年", "一年来", "{year}年")

# A review may state a figure as a share of its target (城镇新增就业……分别完成
# 全年目标的125%、143%; 占年度计划的126.4%): the share is judged against 100%.
# A share of a task set by the level above (省定任务的170%) is not a share of
# the report's own target and does not count.
SHARE_OF_PLAN = r"(?:全年|年度)(?:目标|计划|任务)(?:任务)?的"
SHARE_WINDOW = 30  # characters searched before the number, within its clause

# A year after one of these words is a comparison base, not the figure's own
# year (一般公共预算收入204.5亿元，是2017年的1.8倍; 比2017年增长): a figure dated
# by it is treated as undated.
BASELINE_WORDS: tuple[str, ...] = ("是", "比", "较", "相当于", "同", "与", "为", "相比")
BASELINE_WINDOW = 40  # characters searched back for that year

# --- units -------------------------------------------------------------------------
# Magnitude prefixes: 万人 is 10,000 人; 亿元 is 10^8 元.
MAGNITUDES: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4),
    ("千", 1e3), ("百", 1e2),
)
# Base units of one dimension written differently (mass: 斤, 公斤, 吨), in a common base.
BASE_UNITS: dict[str, tuple[str, float]] = {
    "斤": ("kg", 0.5), "公斤": ("kg", 1.0), "千克": ("kg", 1.0), "吨": ("kg", 1000.0),
    "人": ("person", 1.0), "名": ("person", 1.0),
    "元": ("yuan", 1.0),
}
# Units that are not magnitudes even though they start with one (千克, 千米, 百分点).
NOT_MAGNITUDE: frozenset[str] = frozenset({"千克", "千米", "千瓦", "千瓦时", "百分点"})

# --- statuses ----------------------------------------------------------------------
# The register's status for a verdict (the achievement span is the evidence).
STATUS_OF_VERDICT: dict[str, str] = {
    "met": "已完成", "partly": "部分完成", "missed": "未完成", "unknown": "无公开信息",
}
