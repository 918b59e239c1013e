"""Numbered slogans and shorthand, linked to the document's own definitions.

Three sources of slogans (see ``luoshi.data.slogans`` for the shapes):
quoted phrases with a numeral (“1+1+9”工作部署, “五个一”), unquoted
counted names (三清三拆三整治, 百千万工程), and entries of the document's
notes or 名词解释 glossary whose term holds a numeral (一镇三村, 双百工程),
found wherever the body uses them. A slogan links to the glossary entry
whose term (quotes dropped) equals it, or is it with a name word added,
or quotes it (增强“四个意识” defines 四个意识).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from luoshi.data.slogans import (
    MAX_EXTENSION,
    MAX_QUOTED,
    NAME_SUFFIXES,
    NUMERAL_CHARS,
    PERIOD_RE,
)
from luoshi.model import (
    GlossaryEntry,
    Metadata,
    Normalised,
    Slogan,
    Source,
    Span,
    Structure,
)

_NUM = re.escape(NUMERAL_CHARS)
_SUFFIX_ALT = "|".join(sorted(NAME_SUFFIXES, key=len, reverse=True))
_QUOTED_RE = re.compile(
    rf"“([^“”\n]{{0,{MAX_QUOTED}}}?[{_NUM}][^“”\n]{{0,{MAX_QUOTED}}}?)”"
    rf"([\u4e00-\u9fff]{{0,{MAX_EXTENSION}}}?(?:{_SUFFIX_ALT}))?")
_WORD = r"(?:(?!\1)[\u4e00-\u9fff])"  # a character of the counted word, not the numeral itself
_REPEATED_RE = re.compile(rf"([一二三四五六七八九十两]){_WORD}{{1,2}}\1{_WORD}{{1,2}}(?:\1{_WORD}{{1,3}})?")
# the first character as a class of its own lets the scan skip to candidates (a repeat of it would not)
_HUNDREDS_RE = re.compile(rf"[十百千万][十百千万]{{2,3}}(?:{_SUFFIX_ALT})")
_PERIOD_RE = re.compile(PERIOD_RE)
_QUOTES = "“”\"‘’"
# quoted numbers that are not slogans: a bare figure, an ordinal (“第一议题”), a count of
# buildings or years (“三所学校”), a pair of names joined by a dash
_NOT_SLOGAN_RE = re.compile(r"^[\d.]+$|^第|^[\d一二三四五六七八九十两]+(?:所|年|级|分钟)|—")
# a repeated numeral inside ordinary prose (一是…一是) is no slogan: its words must not be function words
_PROSE_CHARS = frozenset("是要的了个项和与及在")


def _strip_quotes(term: str) -> str:
    return term.translate({ord(q): None for q in _QUOTES})


def _mentions(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _QUOTED_RE.finditer(text):
        core = m.group(1)
        if len(core) > MAX_QUOTED or _PERIOD_RE.fullmatch(core) or _NOT_SLOGAN_RE.search(core):
            continue
        out.append((m.start(), m.end(), core + (m.group(2) or "")))
    quoted_starts = [s for s, _, _ in out]  # quoted matches do not overlap: both lists are sorted
    quoted_ends = [e for _, e, _ in out]
    for rx in (_REPEATED_RE, _HUNDREDS_RE):
        for m in rx.finditer(text):
            term = m.group()
            if rx is _REPEATED_RE and _PROSE_CHARS.intersection(term):
                continue
            q = bisect_right(quoted_ends, m.start())  # the first quoted match ending after this one starts
            if q < len(quoted_ends) and quoted_starts[q] < m.end():
                continue  # part of a quoted slogan already found
            out.append((m.start(), m.end(), term))
    return out


def _glossary_key(entry: GlossaryEntry) -> str:
    return _strip_quotes(entry.term)


def _entry_for(term: str, core: str, keys: list[str], entries: tuple[GlossaryEntry, ...]) -> int | None:
    for i, key in enumerate(keys):
        if key == term or key == core:
            return i
    for i, key in enumerate(keys):
        if key.startswith(core) and any(key == core + s for s in NAME_SUFFIXES):
            return i
        if f"“{core}”" in entries[i].term:
            return i
    return None


def extract_slogans(source: Source, norm: Normalised, structure: Structure, metadata: Metadata
                    ) -> tuple[Slogan, ...]:
    """Every slogan of one document, mentions grouped by term, in order of first mention."""
    text = norm.text
    entries = structure.glossary
    keys = [_glossary_key(g) for g in entries]
    glossary_spans = [norm.from_source(g.span.start, g.span.end) for g in entries]

    def in_glossary(pos: int) -> bool:
        return any(s <= pos < e for s, e in glossary_spans)

    found = [m for m in _mentions(text) if not in_glossary(m[0])]
    seen = {t for _, _, t in found}
    # glossary terms with a numeral, wherever the body uses them
    for key in keys:
        if key in seen or len(key) > MAX_QUOTED or not any(c in NUMERAL_CHARS for c in key):
            continue
        pos = text.find(key)
        while pos >= 0:
            if not in_glossary(pos):
                found.append((pos, pos + len(key), key))
            pos = text.find(key, pos + 1)
        seen.add(key)
    found.sort()
    groups: dict[str, list[Span]] = {}
    cores: dict[str, str] = {}
    for start, end, term in found:
        groups.setdefault(term, []).append(norm.to_source(start, end))
        m = _QUOTED_RE.match(text, start)
        cores.setdefault(term, m.group(1) if m else term)
    slogans = []
    for term, spans in groups.items():
        i = _entry_for(term, cores[term], keys, entries)
        slogans.append(Slogan(term=term, mentions=tuple(spans),
                              definition=entries[i].definition if i is not None else None, glossary=i))
    return tuple(slogans)
