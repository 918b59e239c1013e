"""Cascade: how a city's commitments are taken up by its counties and districts.

For a parent region (a prefecture) and the stored documents of regions
directly under it (``luoshi.regions``), each county target is linked to the
parent target it answers: the same canonical indicator, or indicator words
that match (``luoshi.fulfilment.similarity``), with a compatible unit and the
same change flag; a shared topic (``Measure.topic``, when filled) lowers the
word threshold. Parent targets that no county takes up are listed apart:
they are the commitments with no counterpart below.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from luoshi import regions
from luoshi.data.fulfilment import SIMILARITY_MIN, TOPIC_SIMILARITY_MIN
from luoshi.fulfilment import Figure, Report, TargetSide, convert, number, region_key, similarity, target_figures


@dataclass(frozen=True, slots=True)
class Link:
    """A county target and the parent target it answers."""

    indicator: str  # the parent's canonical key or words
    parent: TargetSide
    child_region: str
    child_indicator: str
    child: TargetSide
    score: float  # 1 for the same canonical key, else word similarity
    basis: str  # "indicator", "words" or "topic"

    def record(self, parent_region: str) -> dict:
        return {"parent_region": parent_region, "indicator": self.indicator, "parent": _side(self.parent),
                "child_region": self.child_region, "child_indicator": self.child_indicator,
                "child": _side(self.child), "score": round(self.score, 3), "basis": self.basis}


@dataclass(frozen=True, slots=True)
class Cascade:
    """One parent region: its links and the parent targets with no county counterpart."""

    parent_region: str
    children: tuple[str, ...]  # the child regions that have documents
    links: tuple[Link, ...]
    unmatched: tuple[tuple[str, TargetSide], ...]  # (indicator, parent target)

    def records(self) -> list[dict]:
        """One JSON object per link, then one per parent target without a counterpart."""
        rows = [link.record(self.parent_region) for link in self.links]
        rows += [{"parent_region": self.parent_region, "indicator": indicator, "parent": _side(side),
                  "child_region": None, "child": None} for indicator, side in self.unmatched]
        return rows


def _side(side: TargetSide) -> dict:
    return {"value": number(side.value), "comparator": side.comparator, "unit": side.unit, "period": side.period,
            "doc": side.doc, "start": side.start, "end": side.end, "quote": side.quote}


def _target_side(f: Figure) -> TargetSide:
    return TargetSide(value=f.value, comparator=f.comparator, unit=f.unit, period=f.period, doc=f.doc,
                      start=f.span.start, end=f.span.end, quote=f.quote, value_max=f.value_max,
                      direction=f.direction)


def link_score(parent: Figure, child: Figure) -> tuple[float, str]:
    """How well a county target answers a parent target: (score, basis), score 0 when it does not."""
    if parent.change != child.change or convert(child.value, child.unit, parent.unit) is None:
        return 0.0, ""
    if parent.key and child.key:
        return (1.0, "indicator") if parent.key == child.key else (0.0, "")
    score = similarity(parent.words, child.words)
    if score >= SIMILARITY_MIN:
        return score, "words"
    if parent.topic and parent.topic == child.topic and score >= TOPIC_SIMILARITY_MIN:
        return score, "topic"
    return 0.0, ""


def is_child(child: Report, parent: Report) -> bool:
    """Whether ``child`` is the document of a region directly under ``parent``'s region."""
    c, p = child.metadata, parent.metadata
    if c.division_code and p.division_code:
        up = regions.parent_of(c.division_code)
        return up is not None and up.code == p.division_code
    return bool(c.parent_region and c.parent_region == p.region)


def cascade(parents: Sequence[Report], children: Sequence[Report]) -> Cascade:
    """Link every county target of ``children`` to the best target of ``parents`` (one region's documents)."""
    parent_figures = [f for doc in parents for f in target_figures(doc, any_period=True)]
    links: list[Link] = []
    taken: set[int] = set()
    for doc in children:
        region = doc.metadata.region or region_key(doc.metadata) or doc.name
        for child in target_figures(doc, any_period=True):
            best, best_score, best_basis = None, 0.0, ""
            for i, parent in enumerate(parent_figures):
                score, basis = link_score(parent, child)
                if score > best_score:
                    best, best_score, best_basis = i, score, basis
            if best is None:
                continue
            taken.add(best)
            parent = parent_figures[best]
            links.append(Link(parent.label, _target_side(parent), region, child.label, _target_side(child),
                              best_score, best_basis))
    meta = parents[0].metadata if parents else None
    return Cascade(
        parent_region=(meta.region or region_key(meta) or "") if meta else "",
        children=tuple(dict.fromkeys(d.metadata.region or d.name for d in children)),
        links=tuple(links),
        unmatched=tuple((f.label, _target_side(f)) for i, f in enumerate(parent_figures) if i not in taken),
    )


def cascades(docs: Iterable[Report], parent: str | None = None) -> list[Cascade]:
    """A cascade for every stored region that has documents of its child regions (or only ``parent``)."""
    docs = list(docs)
    by_region: dict[str, list[Report]] = {}
    for doc in docs:
        key = region_key(doc.metadata)
        if key:
            by_region.setdefault(key, []).append(doc)
    out = []
    for key, group in by_region.items():
        meta = group[0].metadata
        if parent is not None and parent not in (meta.region, meta.division_code):
            continue
        kids = [d for d in docs if is_child(d, group[0])]
        if kids:
            out.append(cascade(group, kids))
    return out
