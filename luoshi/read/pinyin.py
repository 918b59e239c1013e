"""Find pinyin glosses that some mirror sites print after characters, and drop them.

Pages copied from such sites read ``經(jīng)濟社會發(fā)展的主要預(yù)期目標(biāo)``: a
toned pinyin syllable in brackets after a character, for no reader of the
report. Left in, the gloss cuts every word it sits in (經濟, 目標), so cues,
indicators and units are not found. Each gloss becomes a ``Repair`` with an
empty ``after`` (method ``pinyin``): the normalised view leaves it out and
the source keeps it, as for any repair. Only a syllable with a tone mark
right after a Han character counts, so ASCII words in brackets stay.
"""
from __future__ import annotations

import re

from luoshi.model import Repair, Span

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS_RE = re.compile(rf"[(（][a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")  # a bracket first: a fast scan


def find_pinyin_glosses(text: str) -> tuple[Repair, ...]:
    """A repair dropping each toned pinyin gloss after a character (offsets into ``text``)."""
    return tuple(Repair(span=Span(m.start(), m.end()), before=m.group(), after="", status="repaired", method="pinyin")
                 for m in _GLOSS_RE.finditer(text) if m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff")
