"""Numerals: find and parse Arabic, Chinese and mixed numbers.

Government documents write quantities as ``180.39``, ``1,234``, ``两千万``,
``十``, ``2.1万``, ``百分之五十``, ``三成``, ``翻一番`` and ``1/7``. Following the
gold schema, a trailing magnitude (万, 亿; after Arabic digits also 千) is
*unit*, not value: ``2.1万户`` is 2.1 万户 and ``千亿元`` is 1000 亿元. The
parsers here return that split so that the unit stays "as written".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.data.quantities import CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS

CN_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
# Regex fragments shared with the quantity scanner (luoshi.extract.quantities).
ARABIC = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?"
CN_DECIMAL = f"(?:点[{''.join(CN_DIGITS)}]+)"  # 五点五: a decimal point and digits, read one by one
_CN = f"[{CN_CHARS}]+{CN_DECIMAL}?"

# One scan finds every numeral; the order of the alternatives matters:
# fractions and percents written out in words before plain numerals.
NUMERAL_RE = re.compile(
    rf"(?P<pct>百分之(?P<pct_num>{ARABIC}|{_CN}))"
    rf"|(?P<permil>千分之(?P<permil_num>{ARABIC}|{_CN}))"
    rf"|(?P<cnfrac>(?P<den>[{''.join(CN_DIGITS)}十百千]+)分之(?P<nom>[{''.join(CN_DIGITS)}十百千]+))"
    rf"|(?P<frac>(?<![\d./])(?P<fn>\d+)/(?P<fd>\d+)(?![\d/]))"
    rf"|(?P<ar>(?<![\d.])(?:{ARABIC}))(?P<ar_mag>[十百千万亿]*)"
    rf"|(?P<cn>{_CN})"
)


@dataclass(frozen=True, slots=True)
class Numeral:
    """A numeral found in text: ``[start, end)`` covers digits and magnitude.

    ``magnitude`` is the trailing 万/亿 (and after Arabic digits 十/百/千)
    that belongs to the unit; ``mag_start`` is where it begins (== ``end``
    when there is none). ``kind`` is ``arabic``, ``chinese``, ``percent``,
    ``permille`` or ``fraction``.
    """

    start: int
    end: int
    value: float
    magnitude: str
    mag_start: int
    kind: str


def parse_arabic(s: str) -> float:
    """``"1,234.5"`` → 1234.5."""
    return float(s.replace(",", ""))


def _parse_small(s: str) -> float:
    """A numeral below 万: 三千五百零六, 十五, 两千五 (= 2500), 二〇二三 (digit string)."""
    if not s:
        return 0.0
    if all(c in CN_DIGITS for c in s):  # digit string: 二〇二三, 五
        value = 0
        for c in s:
            value = value * 10 + CN_DIGITS[c]
        return float(value)
    total = 0
    digit = None
    last_unit = 1
    for c in s:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[c]
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if digit is not None:
        # 两千五 = 2500: a bare trailing digit is one order below the last unit,
        # unless a 零 came before it (一千零五 = 1005).
        total += digit * (last_unit // 10 if last_unit >= 10 and "零" not in s and "〇" not in s else 1)
    return float(total)


def parse_chinese(s: str) -> float:
    """Parse a whole Chinese numeral, big units included: 两千三百万 → 23000000, 五点五 → 5.5."""
    whole, point, decimals = s.partition("点")
    if point:
        if not whole or not decimals or any(c not in CN_DIGITS for c in decimals):
            raise ValueError(f"not a Chinese numeral: {s!r}")
        return parse_chinese(whole) + float("0." + "".join(str(CN_DIGITS[c]) for c in decimals))
    if not s or any(c not in CN_CHARS for c in s):
        raise ValueError(f"not a Chinese numeral: {s!r}")
    for big in ("亿", "万"):
        i = s.rfind(big) if big == "亿" else s.find(big)
        if i >= 0:
            head, tail = s[:i], s[i + 1:]
            head_value = parse_chinese(head) if head else 1.0
            tail_value = parse_chinese(tail) if tail else 0.0
            if tail and len(tail) == 1 and tail in CN_DIGITS and head and head[-1] not in "零〇":
                tail_value = CN_DIGITS[tail] * CN_BIG_UNITS[big] / 10  # 一万五 = 15000
            return head_value * CN_BIG_UNITS[big] + tail_value
    return _parse_small(s)


def split_chinese(s: str) -> tuple[float, str]:
    """Split a Chinese numeral into (value, trailing magnitude): 两千万 → (2000, "万").

    The trailing 万/亿/万亿 is returned as magnitude because the schema keeps
    it in the unit (千亿元 → 1000 亿元). A bare 万 or 亿 means one of it.
    """
    i = len(s)
    while i > 0 and s[i - 1] in CN_BIG_UNITS:
        i -= 1
    head, mag = s[:i], s[i:]
    if not mag:
        return parse_chinese(s), ""
    return (parse_chinese(head) if head else 1.0), mag


def find_numerals(text: str, start: int = 0, end: int | None = None):
    """Yield every ``Numeral`` in ``text[start:end]`` (Chinese runs included).

    Chinese numeral runs are yielded even inside words (一些, 万物); deciding
    whether a numeral is a quantity is the caller's job (it needs a unit).
    """
    for m in NUMERAL_RE.finditer(text, start, len(text) if end is None else end):
        if m.group("pct"):
            num = m.group("pct_num")
            value = parse_arabic(num) if num[0].isdigit() else parse_chinese(num)
            yield Numeral(m.start(), m.end(), value, "", m.end(), "percent")
        elif m.group("permil"):
            num = m.group("permil_num")
            value = parse_arabic(num) if num[0].isdigit() else parse_chinese(num)
            yield Numeral(m.start(), m.end(), value, "", m.end(), "permille")
        elif m.group("cnfrac"):
            den, nom = parse_chinese(m.group("den")), parse_chinese(m.group("nom"))
            if den:
                yield Numeral(m.start(), m.end(), nom / den, "", m.end(), "fraction")
        elif m.group("frac"):
            n, d = int(m.group("fn")), int(m.group("fd"))
            if d:
                yield Numeral(m.start(), m.end(), n / d, "", m.end(), "fraction")
        elif m.group("ar"):
            mag = m.group("ar_mag")
            yield Numeral(m.start(), m.end(), parse_arabic(m.group("ar")), mag, m.end("ar"), "arabic")
        else:
            s = m.group("cn")
            try:
                value, mag = split_chinese(s)
            except ValueError:
                continue
            yield Numeral(m.start(), m.end(), value, mag, m.end() - len(mag), "chinese")


def to_chinese(n: int, *, liang: bool = False) -> str:
    """Write a non-negative integer below 10**12 as a Chinese numeral (十六 in 第十六届; round-trip tests).

    ``liang`` writes 两 for a leading 2 before 千/万/亿 (两千万), as documents do.
    """
    if n < 0 or n >= 10**12:
        raise ValueError("out of range")
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"

    def below_10k(x: int, leading: bool) -> str:
        out = []
        zero = False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // unit % 10
            if d == 0:
                if out:
                    zero = True
                continue
            if zero:
                out.append("零")
                zero = False
            if unit == 10 and d == 1 and not out and leading:
                out.append("十")
            else:
                ch = "两" if liang and d == 2 and unit >= 1000 and not out else digits[d]
                out.append(ch + name)
        return "".join(out)

    parts = []
    groups = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    started = False
    pending_zero = False
    for value, name in groups:
        if value == 0:
            if started:
                pending_zero = True
            continue
        if started and (pending_zero or value < 1000):
            parts.append("零")
        pending_zero = False
        parts.append(below_10k(value, not started) + name)
        started = True
    return "".join(parts)
