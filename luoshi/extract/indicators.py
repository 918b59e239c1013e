"""Canonical headline indicators: one key for the many ways of writing one.

``canonical_indicator`` is the public API other stages reuse (the headline
table, fulfilment across years, comparison across levels): given a measure's
Simplified indicator words, unit and change flag it returns a key such as
``gdp_growth`` or ``None`` when the indicator is not one of the canonical
headline indicators. The language data lives in ``luoshi.data.indicators``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from luoshi.data.indicators import (
    CHANGE_WORDS,
    FRAME_VERBS,
    INDICATOR_KEYS,
    INDICATOR_RULES,
    LEADING_WORDS,
    OTHER,
    TRAILING_FRAME,
    UNIT_FAMILIES,
    UNIT_T2S,
)
from luoshi.extract.alternation import word_pattern

__all__ = ["INDICATOR_KEYS", "OTHER", "canonical_indicator", "clean_indicator", "unit_family"]


_NOISE_RE = re.compile(r"[\s“”\"'‘’《》〈〉「」『』()（）\[\]【】]+")
_FRAMED_RE = re.compile(rf"^.*(?:{word_pattern(FRAME_VERBS)})(?=..)")
_LEADING_RE = re.compile(rf"^(?:{word_pattern(LEADING_WORDS)})+")
_TRAILING_FRAME_RE = re.compile(TRAILING_FRAME)
_CHANGE_RE = re.compile(rf"(?:{word_pattern(CHANGE_WORDS)})$")
_RULES = tuple((rule, re.compile(rule.names)) for rule in INDICATOR_RULES)
_FAMILY_OF_UNIT = {unit: family for family, units in UNIT_FAMILIES.items() for unit in units}


def unit_family(unit: str) -> str | None:
    """The family (percent, money, people, grain) of a unit as written, or ``None``."""
    return _FAMILY_OF_UNIT.get(unit.strip().translate(UNIT_T2S))


def clean_indicator(indicator_simplified: str) -> str:
    """The indicator's name without scope, framing and change words.

    全市生产总值增速高于全省 → 生产总值; 居民消费价格涨幅控制在 → 居民消费价格;
    在“十四五”中前期实现地区生产总值 → 地区生产总值; 城镇新增就业 stays.
    """
    text = _FRAMED_RE.sub("", _NOISE_RE.sub("", indicator_simplified).upper())
    while True:
        before = text
        text = _LEADING_RE.sub("", text)
        text = _TRAILING_FRAME_RE.sub("", text)
        text = _CHANGE_RE.sub("", text) or text
        if text == before:
            return text


@lru_cache(maxsize=4096)
def canonical_indicator(indicator_simplified: str, unit: str, change: bool) -> str | None:
    """The canonical key of a headline indicator, or ``None`` for any other indicator.

    ``unit`` is the unit as written (Traditional accepted); ``change`` is the
    measure's change flag (增长/提高/下降 …), which tells a level (地区生产总值
    达到520亿元) from an increase (增加50亿元). The name must match a known
    phrasing as a whole, so 人均地区生产总值 or 单位工业增加值能耗 give ``None``.
    """
    family = unit_family(unit)
    if family is None:
        return None
    core = clean_indicator(indicator_simplified)
    if not core:
        return None
    for rule, names in _RULES:
        if rule.units != family or (rule.change is not None and rule.change != change):
            continue
        if names.fullmatch(core):
            return rule.key
    return None
