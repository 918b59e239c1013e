"""Cut a text at the boundaries of possibly nested or overlapping marks.

The source view must highlight items by their offsets without ever
inserting raw text: the page is built from *segments* — maximal runs of
characters covered by the same set of marks — each escaped on its own.
A character may lie under several marks (a headline target inside a
measure, a measure crossing a mojibake repair); its segment carries all of
them, innermost (shortest) last, so the page can colour by the innermost.
Zero-width marks cover no character and are ignored.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """Something to highlight: ``id`` is unique on the page, ``kind`` picks its style."""

    id: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]`` under ``marks`` (ids, outermost first); ``opens``/``closes`` start/end here."""

    start: int
    end: int
    marks: tuple[str, ...] = ()
    opens: tuple[str, ...] = ()
    closes: tuple[str, ...] = ()


def segments(length: int, marks: list[Mark] | tuple[Mark, ...], points: Iterable[int] = ()) -> tuple[Segment, ...]:
    """Non-overlapping segments tiling ``[0, length)``, cut wherever a mark starts or ends and at ``points``.

    :raises ValueError: a mark lies outside ``[0, length]``, or two marks share an id.
    """
    if len({m.id for m in marks}) != len(marks):
        raise ValueError("mark ids must be unique")
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        if not 0 <= mark.start <= mark.end <= length:
            raise ValueError(f"mark {mark.id} [{mark.start}, {mark.end}) outside text of length {length}")
        if mark.start < mark.end:
            starts[mark.start].append(mark)
            ends[mark.end].append(mark)
    cuts = sorted({0, length, *starts, *ends, *(p for p in points if 0 < p < length)})
    active: dict[str, Mark] = {}
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        for mark in ends.get(lo, ()):
            del active[mark.id]
        opened = starts.get(lo, ())
        active.update((m.id, m) for m in opened)
        covering = sorted(active.values(), key=lambda m: (m.start - m.end, m.start, m.id))
        out.append(Segment(lo, hi, tuple(m.id for m in covering), tuple(m.id for m in opened),
                           tuple(m.id for m in ends.get(hi, ()))))
    return tuple(out)
