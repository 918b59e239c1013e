"""Document types and the words that identify them (Simplified).

A title names its type (…政府工作报告, …国民经济和社会发展第十四个五年规划和
二〇三五年远景目标纲要). An excerpt without a title still speaks like its
type: a work report addresses the congress (各位代表, 请予审议) and closes
with the government's own conduct (建设人民满意的政府); a plan calls itself
本规划 and names its 规划期.
"""
from __future__ import annotations

GWR = "政府工作报告"
FYP = "五年规划纲要"
PLAN_REPORT = "国民经济和社会发展计划报告"
BUDGET_REPORT = "预算报告"
SPECIAL_PLAN = "专项规划"

_N = "[一二三四五六七八九十]+"
# Title regex → type, first match wins (a plan report's title holds 国民经济和社会发展 too).
TITLE_TYPES: tuple[tuple[str, str], ...] = (
    (r"政府工作报告", GWR),
    # …计划执行情况与…计划草案的报告, and a year's plan itself (平利县2025年国民经济和社会发展计划)
    (r"国民经济和社会发展(?:年度)?计划(?:执行情况|草案)|计划执行情况|20\d\d年(?:度)?国民经济和社会发展(?:年度)?计划",
     PLAN_REPORT),
    (r"预算执行情况|预算草案|决算", BUDGET_REPORT),
    (rf"国民经济和社会发展(?:第{_N}个五年|“?{_N}五”?)(?:规划|计划)|五年规划(?:和.{{0,20}}远景目标)?纲要", FYP),
    (r"规划(?:纲要)?(?:[(（][^()（）]{1,20}[)）])?$", SPECIAL_PLAN),
)
# A title line ends with its type word (…与2023年计划草案 too), perhaps followed by a bracketed note: （2022年更新）.
TITLE_END = r"(?:政府工作报告|纲要|规划|计划|报告|计划草案)(?:[(（][^()（）]{1,20}[)）])?"

# Which Nth five-year plan: 第十四个五年规划, “十四五”交通规划, 十四五规划, 十四五时期.
# Unquoted, N五 needs 规划/时期/期间 after it (二十五项 is no plan).
PLAN_ORDINAL = rf"第(?P<n1>{_N})个五年(?:规划|计划)|“(?P<n2>{_N})五”|(?P<n3>{_N})五(?:规划|时期|期间)"
# Explicit period: 2021—2025年, 2021-2025年.
PLAN_PERIOD = r"(?P<start>20\d\d)\s*[—–\-~至到]+\s*(?P<end>20\d\d)\s*年"
# First years of the first three plans; from the third on, plans follow each other every five years.
FIRST_PLAN_YEARS = {1: 1953, 2: 1958, 3: 1966}

# Cues of a type in an untitled text, each the document speaking of itself (a report
# cites other plans' 规划纲要, so that is no cue). Inference needs two distinct cues
# of one type and more than any other type has.
TYPE_CUES: dict[str, tuple[str, ...]] = {
    GWR: ("各位代表", "向大会报告", "向大会作报告", "向大会作工作报告", "请予审议", "人民满意的政府", "政府自身建设", "主要预期目标"),
    FYP: ("本规划", "本纲要", "规划期内", "规划期为", "规划期末"),
    BUDGET_REPORT: ("预算执行情况", "预算草案", "本级预算"),
}

# Headings that date a work report: "2022年工作回顾" is in the 2023 report,
# "2023年工作安排"/"2023年重点工作" in the 2023 report.
REVIEW_HEADING = r"(?:^|\n)[一二三四五六七八九十、.\d]{0,3}(?P<year>20\d\d)年(?:工作)?回顾"
PLAN_HEADING = (
    r"(?:^|\n)[一二三四五六七八九十、.\d]{0,3}(?P<year>20\d\d)年"
    r"(?:[上下]半年)?(?:重点工作|工作安排|工作总体要求|总体要求|目标要求|主要目标|主要预期目标|目标任务|主要任务"
    r"|工作计划|工作打算)"
)
