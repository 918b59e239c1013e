"""When a commitment is due, as a date: from a stated limit (2024年6月底前, 年内) or its period.

A register needs a date to colour items red or yellow, but documents state
limits in words. A stated limit wins; otherwise an item is due at the end
of the last year of its period (a 2024 target by 2024-12-31, a 2021-2025
plan's by 2025-12-31). Unparseable limits give ``None``, never a guess.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from luoshi.data.deadlines import CHINESE_MONTHS, FIVE_YEAR_PLANS, LIMIT_SUFFIXES, YEAR_PARTS

_YEAR = r"(?P<year>(?:19|20)\d\d)年"
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|" + "|".join(sorted(CHINESE_MONTHS, key=len, reverse=True)) + ")月"
_PART = "(?P<part>" + "|".join(sorted(map(re.escape, YEAR_PARTS), key=len, reverse=True)) + ")"
_SUFFIX = "(?:" + "|".join(sorted(map(re.escape, LIMIT_SUFFIXES), key=len, reverse=True)) + ")?"
_STATED = re.compile(f"(?:{_YEAR})?(?:{_MONTH}|{_PART})?{_SUFFIX}")
_PERIOD_END = re.compile(r"((?:19|20)\d\d)\D*$")
_PLAN = re.compile("|".join(sorted(FIVE_YEAR_PLANS, key=len, reverse=True)))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def stated_deadline(text: str | None, year: int | None) -> date | None:
    """The date a stated limit ends on; ``year`` is the document's year for 年内, 6月底前 and the like."""
    if not text:
        return None
    for match in _STATED.finditer(text):
        stated, month, part = match.group("year", "month", "part")
        if not (stated or month or part) or not (stated or year):
            continue
        y = int(stated) if stated else year
        if month:
            return month_end(y, CHINESE_MONTHS.get(month) or int(month))
        if part:
            return month_end(y, YEAR_PARTS[part])
        return date(y, 12, 31)
    return None


def period_end(period: str | None) -> date | None:
    """31 December of the last year of ``2024``, ``2021-2025`` or a five-year plan (``十四五``)."""
    match = _PERIOD_END.search(period or "")
    if match:
        return date(int(match.group(1)), 12, 31)
    plan = _PLAN.search(period or "")
    return date(FIVE_YEAR_PLANS[plan.group()], 12, 31) if plan else None


def default_deadline(stated: str | None, period: str | None, year: int | None) -> date | None:
    """A stated limit if it parses, else the end of the period (or of the document's year)."""
    return stated_deadline(stated, _single_year(period) or year) or period_end(period or (str(year) if year else None))


def _single_year(period: str | None) -> int | None:
    return int(period) if period and period.isdigit() and len(period) == 4 else None
