"""Per-character lookups for a whole text at once, with numpy.

A stage that asks "is this character a boundary?" of every character turns
the text into its code points once and indexes a boolean table over the
Basic Multilingual Plane with them: one vector lookup instead of a Python
loop or a regex scan.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def char_table(chars: Iterable[str] = "", *ranges: tuple[str, str]) -> np.ndarray:
    """Over the BMP: whether each code point is one of ``chars`` or in one of the ``ranges``."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    for lo, hi in ranges:
        table[ord(lo):ord(hi) + 1] = True
    return table


def code_points(text: str) -> np.ndarray:
    """The code points of ``text``, those beyond the BMP as U+FFFF (a noncharacter in no table)."""
    return np.minimum(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4"), 0xFFFF)
