"""A fulfilment verdict's reason in Chinese, for the web pages: 实际7.4%，低于目标8%0.6个百分点：未完成.

``Verdict.reason`` stays English (the JSONL of ``luoshi fulfilment`` is read
by scripts); this writes the same grounds, from ``Verdict.why``, with the
phrases of ``luoshi.data.fulfilment_text``.
"""
from __future__ import annotations

from luoshi.data.fulfilment import APPROX_RELATIVE, PARTLY_RELATIVE
from luoshi.data.fulfilment_text import PHRASES, POINT_GAP_UNITS, VERDICT_WORDS
from luoshi.fulfilment import EPSILON, Clash, Gap, NoFigure, ShareOfPlan, Verdict


def reason_zh(verdict: Verdict) -> str:
    """Why the verdict is what it is, in one Chinese sentence ending with the verdict (已完成, 未完成, …)."""
    why = verdict.why
    if isinstance(why, Gap):
        text = _gap(why)
    elif isinstance(why, ShareOfPlan):
        text = PHRASES["share"].format(percent=_num(why.percent))
    elif isinstance(why, Clash):
        text = PHRASES["clash"].format(quote=why.quote, kind=_kind(why.change), unit=why.unit,
                                       target_kind=_kind(why.target_change), target_unit=why.target_unit)
    elif isinstance(why, NoFigure) and why.period:
        text = PHRASES["no_figure_year"].format(period=why.period)
    else:
        text = PHRASES["no_figure"]
    return text + PHRASES["verdict"].format(verdict=VERDICT_WORDS[verdict.verdict])


def _gap(gap: Gap) -> str:
    what = PHRASES["decrease"] if gap.decrease else ""
    if gap.actual < 0:
        actual = PHRASES["actual_rose" if gap.decrease else "actual_fell"].format(value=_amount(-gap.actual, gap.unit))
    else:
        actual = PHRASES["actual"].format(what=what, value=_amount(gap.actual, gap.unit))
    figures = {"actual": actual,
               "target": PHRASES["target"].format(what=what, bound=_bound(gap)),
               "gap": _apart(abs(gap.miss), gap.unit)}
    if abs(gap.miss) <= EPSILON:
        return PHRASES["at_ceiling" if gap.ceiling else "reached"].format(**figures)
    higher = gap.miss > 0 if gap.ceiling else gap.miss < 0
    text = PHRASES["higher" if higher else "lower"].format(**figures)
    if gap.band == "reached":
        return text
    if gap.band == "approx":
        return text + PHRASES["within_approx"].format(band=_band(gap.slack, gap.unit, APPROX_RELATIVE))
    band = _band(gap.partly, gap.unit, PARTLY_RELATIVE)
    if gap.band == "partly":
        return text + PHRASES["within_partly"].format(band=band)
    return text + (PHRASES["beyond_partly"].format(band=band) if gap.partly else "")


def _band(size: float, unit: str, relative: float) -> str:
    """A tolerance band: in points for rates (1个百分点), else with the share of the target it is (20亿元（目标的10%）)."""
    if unit.strip() in POINT_GAP_UNITS:
        return _apart(size, unit)
    return PHRASES["share_of_target"].format(band=_apart(size, unit), percent=_num(relative * 100))


def _bound(gap: Gap) -> str:
    value = _amount(gap.bound, gap.unit)
    if gap.comparator == "~":
        return PHRASES["approx_ceiling_bound" if gap.ceiling else "approx_bound"].format(value=value)
    if gap.comparator == "range":
        return PHRASES["ceiling_of_range" if gap.ceiling else "floor_of_range"].format(value=value)
    return PHRASES["ceiling_bound"].format(value=value) if gap.ceiling else value


def _kind(change: bool) -> str:
    return PHRASES["change" if change else "level"]


def _apart(size: float, unit: str) -> str:
    """A distance between two figures in ``unit``: 0.6个百分点 between rates, 19.7亿元 between sums."""
    return f"{_num(size)}{POINT_GAP_UNITS.get(unit.strip(), unit)}"


def _amount(value: float, unit: str) -> str:
    return f"{_num(value)}{unit}"


def _num(value: float) -> str:
    """At most four decimals, no trailing zeros: 7.4, 0.6 (not 0.5999999), 2742.06, 125."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
