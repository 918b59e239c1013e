"""Words of indicator tables (主要指标表, 主要预期目标表): header names, units, cell words.

A plan's main-indicator table reads 类别 | 指标 | 2020年 | 2025年 | 年均增长(%) | 属性;
an annual report's 指标 | 单位 | 2023年完成 | 2024年目标. Header cells are
matched on the normalised text (Simplified, half-width: ``()[]%<>``);
cells keep ``〔〕【】`` as written.
"""
from __future__ import annotations

# --- the header row -------------------------------------------------------------------
# A year column: 2020年, 2025年目标, 2023年完成, 2024年预计, “十四五”末 is not one.
YEAR_HEADER = r"^(?:19|20)\d\d年?(?P<suffix>[^\d()]*)"
# Suffixes of a year column saying it holds targets or reached figures.
TARGET_SUFFIXES = ("目标", "预期", "规划", "计划", "目标值", "规划值", "预期值", "力争", "期末")
ACHIEVEMENT_SUFFIXES = ("完成", "实际", "实绩", "基数", "基期", "基期值", "现状", "现状值", "完成值", "实现", "预计", "预计完成", "执行")
# A change column: 年均增长(%), 增长(%), 增速, 累计, 〔累计〕, 年均/累计.
CHANGE_HEADER = r"年均|增长|增速|增幅|累计|提高|下降|降低"
CUMULATIVE_HEADER = r"累计"
AVERAGE_HEADER = r"年均|年平均"
UNIT_HEADER = r"^(?:计量)?单位$"
ATTRIBUTE_HEADER = r"^(?:指标)?(?:属性|性质|类型属性)$"
INDICATOR_HEADER = r"^(?:主要)?(?:指标|指标名称|项目|内容|名称)$"
CATEGORY_HEADER = r"^(?:类别|类型|分类|领域|维度|一级指标)$"
SERIAL_HEADER = r"^(?:序号|编号|No\.?)$"
# Attribute words: the cells of the 属性 column.
ATTRIBUTES = ("预期性", "约束性", "预期", "约束")
# A table holds these words in its title (the line just before its header) or is a
# main-indicator table by its position (a ``targets`` section).
MAIN_TABLE_TITLE = r"主要(?:经济社会发展|发展|经济)?(?:预期)?(?:目标|指标)|指标体系|预期目标"

# --- a number cell ---------------------------------------------------------------------
# Comparator words and signs before and after the number (shared/gold/SCHEMA.md):
# ≥ 以上 → >=; ≤ 以下 以内 → <=; 左右 约 → ~.
CELL_PREFIXES: tuple[tuple[str, str], ...] = (
    (">=", ">="), ("≥", ">="), (">", ">="), ("≧", ">="), ("不低于", ">="), ("不少于", ">="), ("大于", ">="),
    ("高于", ">="), ("超过", ">="), ("突破", ">="), ("达到", "="), ("达", "="),
    ("<=", "<="), ("≤", "<="), ("<", "<="), ("≦", "<="), ("不超过", "<="), ("不高于", "<="), ("低于", "<="),
    ("小于", "<="), ("控制在", "<="),
    ("约", "~"), ("大约", "~"),
)
CELL_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("以上", ">="), ("之上", ">="), ("以下", "<="), ("以内", "<="), ("之内", "<="), ("左右", "~"),
)
# Brackets around a figure that holds for the whole period (〔13.5〕: cumulative over the plan).
CUMULATIVE_OPEN = "[〔【"
CUMULATIVE_CLOSE = "]〕】"
RANGE_JOINERS = ("-", "—", "–", "~", "～", "至", "到")
# A unit written in a cell after its number (1000亿元, 6%): a short run of these.
CELL_UNIT = r"%|‰|个百分点|百分点|[万亿千百]?(?:元|人|户|吨|亩|斤|公里|千米|米|平方米|立方米|千瓦|千瓦时|辆|家|个|所|张|件|项|床|座|套|岁|年|天|小时|人次|标准煤|吨标准煤|美元|平方公里)"
# A unit in brackets after an indicator's name: 地区生产总值(亿元), 失业率(%).
NAME_UNIT = (
    r"[(（](?P<unit>%|‰|[^()（）、,，;；\d]{0,6}?(?:%|‰|元|人|户|吨|亩|斤|公里|千米|米|平方米|立方米|千瓦|千瓦时|辆|家|个|所"
    r"|张|件|项|床|座|套|岁|年|天|小时|人次|标准煤|美元|微克/立方米|毫克/升|度|倍|小时/人|公顷|平方米/人|立方米/秒))[)）]\s*$"
)
# Marks of running prose: a line holding one is no header of a one-space text copy.
PROSE_MARKS = "。，,；;：:！？!?"
# …and is short: a header row of header words (指标 单位 2020年 2025年 年均增长 属性).
SINGLE_SPACE_HEADER_MAX_CHARS = 80
# A row naming two indicators, each with its figure in the same cell:
# 城镇调查失业率/城镇登记失业率 | <5.5/<4.5; 常住人口城镇化率(户籍人口城镇化率) | 65(50).
# Matched on the name without its unit bracket; a cell splits only when its name does
# (a bracket of Latin letters glosses one name: 地区生产总值(GDP)).
PARALLEL_NAME = r"(?P<a>[^/()]+)(?:/(?P<b>[^/()]+)|\((?P<b2>[^()]*[\u4e00-\u9fff][^()]*)\))"
TWO_FIGURES = r"(?P<a>[^/()]+?)\s*(?:/\s*(?P<b>[^/()]+)|\(\s*(?P<b2>[^()]*\d[^()]*)\))"
# An indicator whose name says it changes: its figures are changes (增长6%, 降低13.5%).
CHANGE_NAME_END = r"(?:增长|增速|增幅|增长率|降低|下降|减少|削减|压减|提高|提升|降幅|减幅|涨幅)(?:率)?$"
DECREASE_WORDS = ("降低", "下降", "减少", "削减", "压减", "降幅", "减幅")
# A note mark after a cell's figure (60.6* : a 2019 figure, explained under the table).
CELL_NOTE_MARK = r"[*＊※△▲#]|[①-⑳]|\(\d\)"
# A list label before an indicator's name (1.国内生产总值增长, (3)森林覆盖率): no word of it.
NAME_LABEL = r"(?:\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]+、)\s*"
# A paragraph right after a table that explains it (注：〔〕内为5年累计数): part of the table.
TABLE_NOTE = r"[ \u3000]*(?:注|说明|备注|资料来源|数据来源)[0-9一二三四五六七八九十]*[:：]"
TABLE_NOTE_MAX_CHARS = 400
# Cells that are no figure: 持续下降, 完成省下达任务, —, 与经济增长同步.
EMPTY_CELLS = ("—", "-", "/", "——", "–", "…", "", "无", "暂无")
