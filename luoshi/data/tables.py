"""Words of the analysis tables: Chinese labels for people, and how targets read.

Column names stay English identifiers in CSV, JSON and Parquet (for code);
spreadsheets show these labels in their header row (for people).
"""
from __future__ import annotations

# Canonical headline indicators (shared/gold/TARGETS.md) as a Chinese reader names them.
INDICATOR_LABELS: dict[str, str] = {
    "gdp_growth": "地区生产总值增长",
    "gdp_level": "地区生产总值",
    "fai_growth": "固定资产投资增长",
    "industry_va_growth": "规上工业增加值增长",
    "retail_growth": "社会消费品零售总额增长",
    "trade_growth": "进出口总额增长",
    "budget_revenue_growth": "一般公共预算收入增长",
    "income_growth": "居民人均可支配收入增长",
    "urban_income_growth": "城镇居民人均可支配收入增长",
    "rural_income_growth": "农村居民人均可支配收入增长",
    "new_urban_jobs": "城镇新增就业",
    "surveyed_unemployment": "城镇调查失业率",
    "registered_unemployment": "城镇登记失业率",
    "cpi": "居民消费价格涨幅",
    "rd_intensity": "研发经费投入强度",
    "energy_intensity": "单位地区生产总值能耗下降",
    "grain_output": "粮食产量",
    "other": "其他",
}

# How a target reads with its comparator: (before the number, after the unit).
# "range" is written "6-7%" and needs no words.
COMPARATOR_WORDS: dict[str, tuple[str, str]] = {
    "=": ("", ""),
    ">=": ("", "以上"),
    "<=": ("", "以内"),
    "~": ("", "左右"),
    ">": ("超过", ""),
    "<": ("低于", ""),
    "range": ("", ""),
}

# Indicators whose target is a ceiling: a lower value is the more ambitious
# target (a jobless rate held below 5.5% rather than 6%). A price target (CPI)
# is a ceiling set for stability, not ambition, so it has no direction here.
LOWER_IS_MORE_AMBITIOUS = frozenset({"surveyed_unemployment", "registered_unemployment"})
NO_AMBITION_DIRECTION = frozenset({"cpi"})

# ambition_change.direction / ambition values.
DIRECTION_WORDS = {"up": "上调", "down": "下调", "same": "持平"}
AMBITION_WORDS = {"higher": "更高", "lower": "更低", "same": "不变"}

UNCLASSIFIED_TOPIC = "未分类"  # measures and tasks without a topic

TABLE_TITLES: dict[str, str] = {
    "documents": "文件",
    "measures": "量化指标",
    "targets": "主要预期目标",
    "headline_targets_by_region_year": "主要预期目标(地区×年份)",
    "attention_by_topic": "政策关注度(按领域)",
    "ambition_change": "目标调整(逐年)",
}

COLUMN_LABELS: dict[str, str] = {
    "id": "编号",
    "doc": "文件",
    "version": "版本",
    "title": "标题",
    "region": "地区",
    "parent_region": "上级地区",
    "level": "行政级别",
    "division_code": "区划代码",
    "year": "年份",
    "period": "时期",
    "doc_type": "文件类型",
    "characters": "字数",
    "measures": "量化指标数",
    "targets": "预期目标数",
    "tasks": "任务数",
    "kind": "类别",
    "indicator": "指标",
    "indicator_label": "指标名称",
    "indicator_text": "原文指标",
    "value": "数值",
    "value_max": "上限值",
    "unit": "单位",
    "comparator": "比较",
    "change": "增减量",
    "confidence": "置信度",
    "start": "起始位置",
    "end": "结束位置",
    "quote": "原文",
    "topic": "领域",
    "topic_label": "领域名称",
    "share": "占比",
    "target": "目标",
    "next_year": "下一年份",
    "next_target": "下一年目标",
    "next_value": "下一年数值",
    "delta": "变化",
    "direction": "调整方向",
    "ambition": "目标力度",
    "next_doc": "下一年文件",
}
VALUE_SUFFIX_LABEL = "(数值)"  # the numeric twin of a pivot column: 地区生产总值增长(数值)
