"""Terms the document defines itself: 〔1〕 notes and 名词解释 appendices.

Every line of a glossary or notes section that reads ``[label] term:
definition`` is an entry (label 〔1〕, [1], 1., 1、 or (1); a term of at most
``MAX_TERM`` characters without a colon); a line that does not is the
continuation of the entry before it. A term in quotes throughout
(“三线一单”) loses them.

The anchor is where the body cites the entry: the first 〔n〕 (or [n])
outside glossary and notes sections, widened back over the term when the
term stands right before it (“12221”市场体系〔1〕, quotes skipped);
for an entry without a note label, the first use of the term before the
glossary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.data import headings as H
from luoshi.structure.sections import Block

_ENTRY = re.compile(rf"(?P<label>{H.ENTRY_LABEL})?(?P<term>[^:\n。]{{1,{H.MAX_TERM}}}?):(?P<definition>[^\n]*)")
_NOTE_LABEL = re.compile(H.NOTE_MARK)
_QUOTES = "“”\"‘’'《》"
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Entry:
    """A glossary entry in normalised offsets."""

    term: str
    definition: str
    start: int
    end: int
    label_start: int
    label_end: int
    anchor: tuple[int, int] | None


def find_glossary(text: str, blocks: list[Block], heading_starts: set[int]) -> list[Entry]:
    """Entries of every glossary and notes section of ``text``."""
    raw: list[list] = []  # [term, definition, start, end, label_start, label_end]
    hosts = [b for b in blocks if b.role in ("glossary", "notes")]
    for b in hosts:
        previous = None
        for m in _LINE.finditer(text, b.head_end, b.end):
            if m.start() in heading_starts:
                previous = None
                continue
            e = _ENTRY.fullmatch(m.group())
            if e and e.group("definition").strip():
                label = e.span("label") if e.group("label") else (0, 0)
                previous = [_clean_term(e.group("term")), e.group("definition").strip(), m.start(), m.end(),
                            m.start() + label[0], m.start() + label[1]]
                raw.append(previous)
            elif previous is not None:
                previous[1] += m.group().strip()
                previous[3] = m.end()
    inside = [(b.start, b.end) for b in hosts]
    first_host = min((b.start for b in hosts), default=len(text))
    entries = []
    for term, definition, s, e, ls, le in raw:
        anchor = _note_anchor(text, text[ls:le], term, inside) if ls < le else None
        if anchor is None and len(term) >= 2:
            i = text.find(term, 0, first_host)
            anchor = (i, i + len(term)) if i >= 0 else None
        entries.append(Entry(term, definition, s, e, ls, le, anchor))
    return entries


def _clean_term(term: str) -> str:
    term = term.strip()
    if len(term) > 2 and term[0] in "“\"" and term[-1] in "”\"" and not any(q in term[1:-1] for q in "“”\""):
        return term[1:-1]
    return term


def _note_anchor(text: str, label: str, term: str, inside: list[tuple[int, int]]) -> tuple[int, int] | None:
    m = _NOTE_LABEL.fullmatch(label)
    if m is None:
        return None
    pos = text.find(label)
    while pos >= 0 and any(s <= pos < e for s, e in inside):
        pos = text.find(label, pos + 1)
    if pos < 0:
        return None
    return _widen_over_term(text, pos, term), pos + len(label)


def _widen_over_term(text: str, pos: int, term: str) -> int:
    """Start of ``term`` written right before ``pos`` (quotes skipped), else ``pos``."""
    i, k = pos, len(term)
    while k > 0 and i > 0:
        ch = text[i - 1]
        if ch == term[k - 1]:
            i -= 1
            k -= 1
        elif ch in _QUOTES:
            i -= 1
        else:
            return pos
    if k:
        return pos
    while i > 0 and text[i - 1] in "“\"‘《":  # an opening quote before the term
        i -= 1
    return i
