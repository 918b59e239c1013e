"""The Chinese words of a fulfilment verdict's reason (``luoshi.fulfilment_text``).

Each phrase is a ``str.format`` template; the reason is assembled from them
in a fixed order: what was reported, how it stands against the target,
the band it fell within, then the verdict.
"""
from __future__ import annotations

VERDICT_WORDS = {"met": "已完成", "partly": "部分完成", "missed": "未完成", "unknown": "无法判断"}

PHRASES = {
    # the figures: 实际7.4%, 目标8%左右, 目标上限4.5%; a decrease target compares sizes of decrease (降幅)
    "actual": "实际{what}{value}",
    "actual_fell": "实际下降{value}",  # a growth target met by a fall (进出口下降3.5%)
    "actual_rose": "实际不降反升{value}",  # a decrease target met by a rise
    "target": "目标{what}{bound}",
    "decrease": "降幅",
    "approx_bound": "{value}左右",
    "floor_of_range": "区间下限{value}",
    "ceiling_of_range": "区间上限{value}",
    "ceiling_bound": "上限{value}",
    "approx_ceiling_bound": "上限{value}左右",
    # how the actual stands against the bound
    "reached": "{actual}，达到{target}",
    "at_ceiling": "{actual}，与{target}持平",
    "higher": "{actual}，比{target}高{gap}",
    "lower": "{actual}，比{target}低{gap}",
    # the band a miss fell within (or beyond)
    "within_approx": "，在“左右”允许的{band}以内",
    "within_partly": "，差距在{band}以内",
    "beyond_partly": "，差距超过{band}",
    "share_of_target": "{band}（目标的{percent}%）",
    # the other grounds
    "share": "次年报告称完成年度目标的{percent}%",
    "clash": "次年报告写的是“{quote}”，与目标不可比（次年报告是{kind}，单位“{unit}”；目标是{target_kind}，单位“{target_unit}”）",
    "no_figure_year": "次年报告未见该指标{period}年的数字",
    "no_figure": "次年报告未见该指标的数字",
    "change": "增幅或增量",
    "level": "总量或水平",
    "verdict": "：{verdict}",
}

# A gap between two rates is written in points: 7.4% vs 8% is 0.6个百分点 apart.
POINT_GAP_UNITS = {"%": "个百分点", "个百分点": "个百分点", "百分点": "个百分点", "‰": "个千分点"}
