"""How Chinese plans state when something is due: the words for parts of a year.

Each entry maps a phrase that ends a time limit to the (month, day) it
ends on; ``luoshi.deadlines`` combines them with a year (stated, or the
document's own) into a date.
"""
from __future__ import annotations

# Parts of a year -> the month whose last day ends them.
YEAR_PARTS: dict[str, int] = {
    "一季度": 3, "第一季度": 3, "1季度": 3,
    "二季度": 6, "第二季度": 6, "2季度": 6, "上半年": 6, "年中": 6,
    "三季度": 9, "第三季度": 9, "3季度": 9, "前三季度": 9,
    "四季度": 12, "第四季度": 12, "4季度": 12, "下半年": 12, "年底": 12, "年末": 12, "年内": 12, "全年": 12,
}
# Words after a month or year that make it a limit (6月底前, 2025年前).
LIMIT_SUFFIXES = ("底前", "末前", "底", "末", "前", "以前", "内", "份")
CHINESE_MONTHS: dict[str, int] = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12,
}
# Five-year plans by their short names -> their last year (十四五 = 2021-2025).
FIVE_YEAR_PLANS: dict[str, int] = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030,
                                   "十六五": 2035}
