"""Quantities: a number with its unit and comparator words, found by one regex.

A quantity is the grammatical unit "[comparator] number [多|余] [magnitude]
unit [以上|以内|左右…]". One compiled regex finds them all so that the slow
Python per-match work only runs on real candidates (a Chinese numeral with no
unit never leaves the regex engine). Whether a quantity is a *measure* (and
not a year, a name or a rank) is decided later, by ``filters`` and
``measures``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from luoshi.data.quantities import (
    CAP_VERBS,
    CAPACITY_UNITS,
    CLASSIFIERS,
    CN_DIGITS,
    CN_NUMERAL_BAD_UNITS,
    MEASURE_UNITS,
    MONEY_UNITS,
    PER_UNITS,
    PERCENT_UNITS,
    PREFIX_COMPARATOR_FALSE_FRIENDS,
    PREFIX_COMPARATORS,
    RANGE_JOINERS,
    RATIO_UNITS,
    ROUND_PREFIX_COMPARATORS,
    SUFFIX_COMPARATORS,
    TIME_UNITS,
    VOLTAGE_UNITS,
)
from luoshi.extract.alternation import word_pattern
from luoshi.extract.numbers import (
    ARABIC,
    CN_CHARS,
    CN_DECIMAL,
    parse_arabic,
    parse_chinese,
    split_chinese,
)

_UNIT_CLASS: dict[str, str] = {}
for _cls, _units in (
    ("classifier", CLASSIFIERS), ("ratio", RATIO_UNITS), ("time", TIME_UNITS),
    ("measure", MEASURE_UNITS), ("capacity", CAPACITY_UNITS), ("voltage", VOLTAGE_UNITS),
    ("money", MONEY_UNITS), ("percent", PERCENT_UNITS),
):
    for _u in _units:
        _UNIT_CLASS[_u] = _cls

_ALL_UNITS = word_pattern(_UNIT_CLASS)
_PER = word_pattern(PER_UNITS)
# After a Chinese numeral only words that cannot start an ordinary word:
# 五金 (hardware) and 四小园 are not quantities.
_CN_UNITS = word_pattern(u for u in _UNIT_CLASS if u not in ("金", "银", "铜", "番", "度电") and not u.isascii())
_CN_DIGIT_CHARS = "".join(CN_DIGITS)


def _magnitude_char() -> str:
    """One magnitude character, unless it starts a unit: 120万千瓦 is 120 万千瓦, not 120万千 and 瓦."""
    alternatives = []
    for c in "十百千万亿":
        tails = sorted((u[1:] for u in _UNIT_CLASS if len(u) > 1 and u[0] == c), key=len, reverse=True)
        alternatives.append(c + (f"(?!{'|'.join(map(re.escape, tails))})" if tails else ""))
    return f"(?:{'|'.join(alternatives)})"



QUANTITY_RE = re.compile(
    # a cheap first-character test lets the engine skip most positions at once
    rf"(?=[\d{CN_CHARS}翻\-−－])(?:"
    # 翻一番 / 翻了两番
    rf"翻了?(?P<fan>[一二两三四五]|\d+)番"
    # 实现翻番: a doubling with no count is 翻一番 (翻番式增长 names a manner)
    rf"|(?P<fan0>翻)番(?!式)"
    # 百分之五十 / 百分之50%
    rf"|百分之(?P<pct>{ARABIC}|[{CN_CHARS}]+{CN_DECIMAL}?)(?P<pct_sign>%?)"
    # 三分之一
    rf"|(?P<cfd>[{_CN_DIGIT_CHARS}十百]+)分之(?P<cfn>[{_CN_DIGIT_CHARS}十百]+)"
    # 1/7
    rf"|(?<![\d/.])(?P<fn>\d{{1,3}})/(?P<fd>\d{{1,3}})(?![\d/])"
    # 3万3,883美元, 4兆8,530亿元: a count of a big unit and the digits below it, in the unit after them (all four
    # lower places written, or fewer before a smaller big unit: 2兆705亿元; 390万65岁 is two numbers)
    rf"|(?<![\d.A-Za-z])(?P<hi>\d{{1,4}})(?P<big>[万亿兆])(?P<lo>\d{{1,3}},\d{{3}}|\d{{4}}|\d{{1,3}}(?=[万亿]))(?![\d.,])"
    rf"(?![十百千])(?P<lo_unit>[万亿]?(?:{_ALL_UNITS}))"
    # Arabic: 180.39亿元, 300多家, 2.1万户, 2千人次, 50万以上, 6.6 (unit optional)
    # (GDP28.34亿元: a figure glued to the measure's Latin name is still one)
    # (增长-18.9%: a fall written as a negative rise, the sign right after the rate's word)
    rf"|(?:(?<![\d.A-Za-z])|(?<=GDP))(?:(?<=[长速幅为])(?P<neg>[\-−－]))?(?P<ar>{ARABIC})(?P<ar_apx1>多|余)?"
    # 1千余万元: 余 between two magnitudes is a comparator inside the unit
    rf"(?P<ar_mag>{_magnitude_char()}*(?:[多余](?=[万亿]){_magnitude_char()}+)?)(?P<ar_apx2>多|余)?"
    # (the 人 of 人口 is no classifier: 740万人口 counts 人口 by 万; nor the 群 of 46万群众, nor the 银 of 5银行)
    rf"(?P<ar_unit>(?:{_ALL_UNITS})(?:/(?:{_PER}))?)?(?!(?<=人)口|(?<=群)[众体]|(?<=银)行)(?(ar_unit)|(?![年月日号届周]))"
    # Chinese with a unit: 十件, 两千万元, 千亿元 (a lone 一 is an article, not a number; 增长一倍 is a count)
    rf"|(?!一(?![十百千万亿零〇点倍]))(?P<cn>[{CN_CHARS}]+(?:{CN_DECIMAL}[万亿]*)?)(?P<cn_apx>多|余)?(?P<cn_mag>(?<=[多余])[万亿]{{1,2}})?(?P<cn_unit>{_CN_UNITS})"
    # Chinese magnitude with only a comparator after it: 千亿以上; or passed at a clause's end: 产值过千亿。
    rf"|(?P<cnm>[{CN_CHARS}]*[万亿](?=以上|以内|左右|以下|大关|台阶)|(?<=[过超破])[{CN_CHARS}]*[万亿](?=[，。；、,;]))"
    rf")"
)

_RATIO_TO_ONE_RE = re.compile(r"[:：∶]1(?![\d.])")
_BIG_STEPS = {"万": 10**4, "亿": 10**8, "兆": 10**12}  # 兆 (Taiwan): a million million, 万亿
_PREFIX = dict(PREFIX_COMPARATORS)
_ROUND_PREFIX = dict(ROUND_PREFIX_COMPARATORS)
_SUFFIX = dict(SUFFIX_COMPARATORS)
_PREFIX_RE = re.compile(rf"(?:{word_pattern(_PREFIX)})$")
_PREFIX_FALSE_RE = re.compile(rf"(?:{word_pattern(PREFIX_COMPARATOR_FALSE_FRIENDS)})$")
_SUFFIX_RE = re.compile(word_pattern(_SUFFIX))
_PREFIX_MAX = max(len(w) for w in _PREFIX)
_PREFIX_LASTS = frozenset(w[-1] for w in _PREFIX)
_SUFFIX_FIRSTS = frozenset(w[0] for w in _SUFFIX)
_FALSE_MAX = max(len(w) for w in PREFIX_COMPARATOR_FALSE_FRIENDS)
_CAP_MAX = max(len(w) for w in CAP_VERBS)


class Quantity(NamedTuple):
    """A number with its unit, in normalised-text offsets.

    A ``NamedTuple`` rather than a frozen dataclass: thousands are built per
    document on the hot path, and a tuple is several times cheaper to make.

    ``start``/``end`` cover numeral, unit and suffix comparator; ``num_start``
    is where the digits begin and ``unit_start``/``unit_end`` cover the unit
    as written (magnitude included: 万户). ``pre_start`` is where a prefix
    comparator word begins (== ``num_start`` when there is none).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    unit_start: int
    unit_end: int
    value: float
    unit: str
    unit_class: str  # percent, money, measure, classifier, ratio, time, capacity, voltage, magnitude, none
    comparator: str
    numeral: str  # arabic, chinese, percent, fraction
    pre_start: int
    value_max: float | None = None
    fixed_unit: str | None = None  # a unit not written as such (百分之五十 → "%")


@lru_cache(maxsize=1024)  # units come from a closed list: a few hundred (unit, magnitude) pairs recur
def _classify_unit(unit: str, magnitude: str) -> str:
    base = unit[len(magnitude):] if magnitude and unit.startswith(magnitude) else unit
    if not base:
        return "magnitude" if magnitude else "none"
    cls = _UNIT_CLASS.get(base)
    if cls is None and "/" in base:  # 1900元/月: the class of the unit before the denominator
        cls = _UNIT_CLASS.get(base[:base.index("/")])
    return cls or "none"


def _prefix_comparator(text: str, pos: int) -> tuple[str | None, int]:
    # most numbers follow no comparator: one set lookup instead of a regex search
    # ("\n" as well: ``$`` also matches before a final line break)
    if not pos or (text[pos - 1] not in _PREFIX_LASTS and text[pos - 1] != "\n"):
        return None, pos
    m = _PREFIX_RE.search(text, max(0, pos - _PREFIX_MAX), pos)
    if not m or _PREFIX_FALSE_RE.search(text, max(0, pos - _FALSE_MAX), pos):
        return None, pos
    return _PREFIX[m.group()], m.start()


def _suffix_comparator(text: str, pos: int) -> tuple[str | None, int]:
    if pos >= len(text) or text[pos] not in _SUFFIX_FIRSTS:
        return None, pos
    m = _SUFFIX_RE.match(text, pos)
    if not m:
        return None, pos
    return _SUFFIX[m.group()], m.end()


def _capped_positions(text: str) -> frozenset[int]:
    """Where a number is governed by 控制在 (possibly after 达到 etc.): up to two characters after the verb.

    Found once per text: most texts hold a few cap verbs, and most numbers none.
    """
    out: set[int] = set()
    for verb in CAP_VERBS:
        i = text.find(verb)
        while i >= 0:
            out.update(range(i + len(verb), i + _CAP_MAX + 3))
            i = text.find(verb, i + 1)
    return frozenset(out)


# the tuple constructor with the fields in order: a keyword call of ``Quantity`` costs twice as much
_new_quantity = tuple.__new__


def _without_approximation(written: str) -> str:
    """300多万 → 万: 多/余 inside a unit is a comparator, not part of the unit."""
    return written.replace("多", "").replace("余", "") if "多" in written or "余" in written else written


def _build(text: str, m: re.Match, capped: frozenset[int]) -> Quantity | None:
    fixed = None
    ar, apx1, magnitude, apx2, ar_unit = m.group("ar", "ar_apx1", "ar_mag", "ar_apx2", "ar_unit")
    if ar is not None:  # the common case first
        ns, ne = m.span("ar")
        ue = m.end()
        # the unit as written starts at the magnitude (多 before it is a comparator)
        us = m.start("ar_mag") if magnitude else (m.start("ar_unit") if ar_unit else ue)
        written = text[us:ue]
        unit = _without_approximation(written)
        inner = magnitude and len(magnitude) > 1 and ("余" in magnitude or "多" in magnitude)
        if inner:
            magnitude = _without_approximation(magnitude)
        unit_class = _classify_unit(unit if len(written) > 1 else written, magnitude)
        value = parse_arabic(ar)
        if m.group("neg"):
            ns, value = m.start("neg"), -value
        return _finish(text, value, ns, ne, us, ue, unit, unit_class, "arabic", fixed,
                       bool(apx1 or apx2 or inner), capped)
    g = m.groupdict()
    if g["hi"] is not None:
        return _compound(text, m, capped)
    if g["fan"] is not None or g["fan0"] is not None:
        num = g["fan"]
        if num is None:
            value, (ns, ne) = 1.0, m.span("fan0")
        else:
            value = parse_arabic(num) if num.isdigit() else parse_chinese(num)
            ns, ne = m.span("fan")
        lead, lead_start = _prefix_comparator(text, m.start())  # 接近翻两番: the comparator is before 翻
        if lead:
            q = _finish(text, value, ns, ne, ne, m.end(), text[ne:m.end()], "ratio", "chinese", None, False, capped)
            return q._replace(start=lead_start, pre_start=lead_start, comparator=lead)
        us, ue = ne, m.end()
        numeral = "chinese"
        unit_class = "ratio"
    elif g["pct"] is not None:
        num = g["pct"]
        try:
            value = parse_arabic(num) if num[0].isdigit() else parse_chinese(num)
        except ValueError:
            return None
        ns, ne = m.start(), m.end("pct")
        us, ue = ne, m.end()
        fixed = "%" if not g["pct_sign"] else None
        numeral, unit_class = "percent", "percent"
    elif g["cfd"] is not None:
        try:
            den, nom = parse_chinese(g["cfd"]), parse_chinese(g["cfn"])
        except ValueError:
            return None
        if not den or nom > den:
            return None
        value = nom / den
        ns, ne = m.span()
        us = ue = ne
        numeral, unit_class = "fraction", "none"
    elif g["fn"] is not None:
        nom, den = int(g["fn"]), int(g["fd"])
        if not den or nom >= den:
            return None
        value = nom / den
        ns, ne = m.span()
        us = ue = ne
        numeral, unit_class = "fraction", "none"
    elif g["cn"] is not None:
        run = g["cn"]
        if len(run) > 1 and all(c in CN_DIGITS for c in run):
            return None  # 二三 (a range or a year written digit by digit), not one number
        unit_text = g["cn_unit"]
        if unit_text in CN_NUMERAL_BAD_UNITS and not (run.endswith(("万", "亿")) and unit_text != "年"):
            return None  # (一次 is once; 突破百亿次 counts by 亿)
        try:
            value, magnitude = split_chinese(run)
        except ValueError:
            return None
        ns = m.start("cn")
        ne = m.end("cn") - len(magnitude)
        us, ue = ne, m.end()
        numeral = "chinese"
        magnitude += g["cn_mag"] or ""  # 四百六十多亿元: the magnitude after 多 is the unit's
        unit_class = _classify_unit(magnitude + unit_text, magnitude)
    else:  # cnm: 千亿以上
        try:
            value, magnitude = split_chinese(g["cnm"])
        except ValueError:
            return None
        ns = m.start("cnm")
        ne = m.end() - len(magnitude)
        us, ue = ne, m.end()
        numeral, unit_class = "chinese", "magnitude"
    return _finish(text, value, ns, ne, us, ue, _without_approximation(text[us:ue]), unit_class, numeral, fixed,
                   numeral == "chinese" and g["cn_apx"] is not None, capped)


def _compound(text: str, m: re.Match, capped: frozenset[int]) -> Quantity | None:
    """3万3,883美元 → 33883 美元, 1兆378亿元 → 10378 亿元: one number when the lower digits fit below the big unit."""
    lo_unit = m.group("lo_unit")
    lo_mag = lo_unit[0] if lo_unit[0] in _BIG_STEPS else ""
    step = _BIG_STEPS[m.group("big")] // _BIG_STEPS.get(lo_mag, 1)
    lo = parse_arabic(m.group("lo"))
    if step != 10_000 or lo >= step:
        return None  # 3亿5元 names no one number
    ns, ne = m.start("hi"), m.end("lo")
    us, ue = m.span("lo_unit")
    return _finish(text, int(m.group("hi")) * step + lo, ns, ne, us, ue, lo_unit,
                   _classify_unit(lo_unit, lo_mag), "arabic", None, False, capped)


def _finish(text: str, value: float, ns: int, ne: int, us: int, ue: int, unit: str, unit_class: str,
            numeral: str, fixed: str | None, approximate: bool, capped: frozenset[int]) -> Quantity:
    """Add the comparator words around a parsed number (``approximate``: 多 or 余 after it).

    ``capped`` holds the offsets a cap verb governs (``_capped_positions``).
    """
    comparator = "="
    pre_comp, pre_start = _prefix_comparator(text, ns)
    if not pre_comp and numeral == "chinese" and ns and text[ns] in "百千万亿" and text[ns - 1] in _ROUND_PREFIX:
        pre_comp, pre_start = _ROUND_PREFIX[text[ns - 1]], ns - 1  # 上千家配套企业
    if pre_comp:
        comparator = pre_comp
    if approximate:
        comparator = ">="
    suf_comp, end = _suffix_comparator(text, ue)
    if suf_comp:
        # 左右 wins over any other word; 约…以上 stays approximate
        comparator = suf_comp if (suf_comp == "~" or comparator != "~") else comparator
    elif comparator == "=" and pre_start in capped:
        comparator = "<="
    return _new_quantity(Quantity, (
        pre_start if pre_comp else ns, end, ns, ne, us, ue, value, fixed if fixed is not None else unit,
        unit_class, comparator, numeral, pre_start, None, fixed,
    ))


def _merge_range(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    """5—8% / 5%—8% / 3至5个: two numbers joined by a range word become one range."""
    gap = text[a.end:b.num_start]
    if gap not in RANGE_JOINERS:
        return None
    if a.unit and a.unit != b.unit:
        return None
    if not b.unit or b.value <= a.value or a.numeral != b.numeral:
        return None
    return Quantity(
        start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, unit_start=b.unit_start,
        unit_end=b.unit_end, value=a.value, unit=b.unit, unit_class=b.unit_class, comparator="range",
        numeral=a.numeral, pre_start=a.pre_start, value_max=b.value, fixed_unit=b.fixed_unit,
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity candidate in ``text``, in order, ranges merged."""
    out: list[Quantity] = []
    capped = _capped_positions(text)
    for m in QUANTITY_RE.finditer(text):
        q = _build(text, m, capped)
        if q is None:
            continue
        if not q.unit and _RATIO_TO_ONE_RE.match(text, q.end):
            # 收入比2.3:1: the ratio's notation, no unit; a comparator after it bounds the ratio (2.1∶1左右)
            comparator, end = _suffix_comparator(text, q.end + 2)
            q = q._replace(end=end, comparator=comparator or q.comparator)
        if out and out[-1].end < q.num_start <= out[-1].end + 1:
            merged = _merge_range(text, out[-1], q)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(q)
    return out
