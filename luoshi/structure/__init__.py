"""The structure stage: outline with roles, sentences and glossary.

Everything is found on the normalised text and stored in source offsets
(``Normalised.to_source``). Headings inside chrome regions are ignored.
"""
from __future__ import annotations

import numpy as np

from luoshi.frozen import positional_builder
from luoshi.model import (
    GlossaryEntry,
    Normalised,
    Section,
    Sentence,
    Source,
    Span,
    Structure,
)
from luoshi.structure.glossary import find_glossary
from luoshi.structure.headings import find_headings, spaced_headings
from luoshi.structure.sections import build_sections, innermost
from luoshi.structure.sentences import split_sentences

_sentence = positional_builder(Sentence)
_span = positional_builder(Span)


def analyse(source: Source, norm: Normalised) -> Structure:
    """Sections, sentences and glossary of one document."""
    text = norm.text
    chrome = _chrome_regions(source, norm)
    headings = find_headings(text, skip=chrome, spaced=spaced_headings(source.text, text, norm.src_start))
    blocks = build_sections(text, headings, chrome)
    cuts = {b.start for b in blocks} | {h.end for h in headings}  # a heading is a sentence of its own
    wrapped = [(h.start, h.end) for h in headings if "\n" in text[h.start:h.end]]
    owner = innermost(len(text), blocks)
    to_source = norm.to_source
    sections = tuple(
        Section(
            index=i,
            span=to_source(b.start, b.end),
            heading=to_source(b.head_start, b.head_end),
            level=b.level,
            label=_slice(source.text, to_source(b.head_start, b.label_end)),
            title=b.title,
            role=b.role,  # type: ignore[arg-type]
            parent=b.parent,
        )
        for i, b in enumerate(blocks)
    )
    bounds = np.array(split_sentences(text, cuts, wrapped), dtype=np.int64).reshape(-1, 2)
    starts, ends = bounds[:, 0], bounds[:, 1]
    # sentences are never empty: index the map directly; thousands of them, so built through their slots
    sentences = tuple(map(_sentence, range(len(bounds)),
                          map(_span, np.asarray(norm.src_start)[starts].tolist(),
                              np.asarray(norm.src_end)[ends - 1].tolist()),
                          owner[starts].tolist()))
    glossary = tuple(
        GlossaryEntry(
            term=g.term,
            definition=g.definition,
            span=to_source(g.start, g.end),
            label=_slice(source.text, to_source(g.label_start, g.label_end)),
            anchor=to_source(*g.anchor) if g.anchor else None,
        )
        for g in find_glossary(text, blocks, {h.start for h in headings})
    )
    return Structure(sections=sections, sentences=sentences, glossary=glossary)


def _slice(text: str, span: Span) -> str:
    return text[span.start:span.end]


def _chrome_regions(source: Source, norm: Normalised) -> list[tuple[int, int]]:
    """Chrome spans in normalised offsets, merged and sorted."""
    regions: list[tuple[int, int]] = []
    for s, e in sorted(norm.from_source(c.span.start, c.span.end) for c in source.chrome):
        if s >= e:
            continue
        if regions and s <= regions[-1][1] + 1:  # adjacent lines merge across their \n
            regions[-1] = (regions[-1][0], max(e, regions[-1][1]))
        else:
            regions.append((s, e))
    return regions
