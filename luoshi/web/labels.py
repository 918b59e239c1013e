"""Chinese words the web pages show for luoshi's English identifiers.

Identifiers (kinds, roles, comparators, field names) stay English in the
data and the JSON API; pages translate them through these tables, and the
source view hands the same tables to its script for the popovers.
"""
from __future__ import annotations

from luoshi.data.topics import TOPICS

LEVELS = {"province": "省级", "prefecture": "地级", "county": "县级"}

ROLES = {
    "chrome": "网页附加内容", "front": "标题与前言", "review": "工作回顾", "plan": "工作安排", "targets": "主要目标",
    "notes": "注释", "glossary": "名词解释", "appendix": "附录", "body": "正文",
}

# What a highlight in the source view is (the popover's heading, the legend, in this order).
KINDS = {
    "target": "目标", "achievement": "成效", "headline": "主要预期目标", "task": "工作任务", "project": "重点项目",
    "slogan": "提法", "glossary": "名词解释", "repair": "乱码修复", "chrome": "非正文内容", "section": "章节标题",
}

FIELDS = {
    "indicator": "指标", "indicator_simplified": "指标（简体）", "indicator_key": "指标代码",
    "comparator": "比较", "value": "数值", "value_max": "上限", "unit": "单位", "change": "性质",
    "period": "期间", "confidence": "置信度", "term": "术语", "definition": "释义", "label": "编号",
    "before": "原文（乱码）", "after": "修复为", "status": "状态", "method": "方法", "kind": "类别",
    "title": "标题", "role": "章节类别", "level": "层级", "verb": "动词", "type": "性质", "deadline": "期限",
    "topic": "领域", "name": "名称", "project_kind": "类型", "category": "类别",
}

# What the commitment page says after an edit form was saved (``?saved=<event type>``).
SAVED = {
    "status": "已保存：状态已更新。", "lead": "已保存：牵头单位已更新。", "deadline": "已保存：完成时限已更新。",
    "note": "已保存：备注已添加。", "evidence": "已保存：佐证已添加。",
}

COMPARATORS = {"=": "等于", ">=": "不低于", "<=": "不高于", "~": "左右", "range": "区间", ">": "高于", "<": "低于"}

REPAIR_STATUS = {"repaired": "已修复", "flagged": "无法确定，仅标记"}

CHROME_KINDS = {"page": "网页栏目、导航等", "scraper_header": "采集程序添加的标头", "separator": "分隔线"}

CHANGE = {True: "增量或增速", False: "水平值"}

TASK_TYPES = {"target": "将要做（目标）", "achievement": "已做到（成效）"}

PROJECT_CATEGORIES = {
    "transport": "交通", "port": "港口码头", "park": "园区", "school": "学校", "hospital": "医院", "water": "水利",
    "energy": "能源", "culture": "文化体育", "other": "其他",
}

# Per field, how its values read in Chinese (the popover script uses this; JSON keys are strings).
VALUES = {
    "comparator": COMPARATORS, "status": REPAIR_STATUS, "role": ROLES, "kind": CHROME_KINDS,
    "change": {"true": CHANGE[True], "false": CHANGE[False]}, "type": TASK_TYPES, "topic": TOPICS,
    "category": PROJECT_CATEGORIES,
}


def amount(comparator: str, value: object, value_max: object, unit: str) -> str:
    """A target as a Chinese reader writes it: 不低于6%, 6%左右, 5–6%."""
    if comparator == "range" and value_max is not None:
        return f"{value}–{value_max}{unit}"
    if comparator == "~":
        return f"{value}{unit}左右"
    return f"{'' if comparator == '=' else COMPARATORS.get(comparator, comparator)}{value}{unit}"
