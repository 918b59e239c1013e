"""The normalised view: what every analysis stage reads, mapped exactly back.

Five steps, each on the whole text (no per-character Python loop):

1. Repairs: a repaired mojibake run is replaced by its ``after`` text; each
   replacement character maps to the whole repaired source span.
2. Width folding, one character → one character:
   ``luoshi.data.punctuation.FOLD``, as a numpy lookup table over the code
   points that step 3 reads anyway.
3. Whitespace, found with numpy as runs of spaces, tabs, newlines and
   invisible characters (``INVISIBLE_RANGES``). A run holding a newline becomes one ``\\n`` (blank
   lines and line indents go; none at the start or end of the text); a run
   holding a tab becomes one tab; a run of spaces between two ASCII
   letters/digits becomes one space; anything else is dropped
   (``政 府 工 作 報 告`` → ``政府工作报告``). A kept character is the first
   one of its run, so it maps to one source character. A page number on a
   line of its own (``— 3 —``, ``第3页``; ``PAGE_NUMBER_MARKED``, in a copy of
   a printed report) counts as whitespace, with the blank lines and form
   feed around it: the paragraph it cut runs on across it.
4. Hard wraps (PDF copies: a line break every ~30–40 characters, in the
   middle of words): only in a document whose longer lines mostly share one
   width, a line break after a line of about that width that ends no
   sentence, before a line that starts no heading or list item, is dropped
   as whitespace is, so each paragraph is one line (see ``_wrap_breaks``;
   where paragraphs are indented, a full line before an unindented one wraps
   even after a sentence end). Other documents are left exactly as step 3
   made them. In any document, a line that is only an opening bracket runs
   on into the next line when that one holds the rest of a heading's label
   (broken as ``（\n三）``, ``LONE_OPENERS``). A span may then hold the
   source's ``\n``.
5. Traditional → Simplified with OpenCC ``t2s`` over the whole text. Its
   dictionaries map every phrase to one of the same length (checked for
   OpenCC 1.4.2), so each character keeps its position. This is verified
   per line; a line whose length changes is converted again one character
   at a time, which keeps the map exact.

Invariant: ``source[src_start[i]:src_end[i]]`` is the source text that
produced normalised character ``i``; both arrays are non-decreasing and
every source character left out of the map is whitespace or invisible, or
part of a marked page number on a line of its own.
"""
from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from luoshi.data.chrome_patterns import PAGE_NUMBER_MARKED
from luoshi.data.headings import ANNEX, BOX, LIST_ITEM, LONE_OPENER_TAIL, LONE_OPENERS, NUMBERED_KINDS
from luoshi.data.punctuation import (
    CLOSERS,
    FOLD,
    INVISIBLE_RANGES,
    NEWLINE,
    SENTENCE_ENDS,
    SPACE,
    TAB,
)
from luoshi.model import Normalised, Repair


@lru_cache(maxsize=1)
def _opencc_t2s() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


def to_simplified(text: str) -> str:
    """OpenCC Traditional → Simplified (the converter is built once)."""
    return _opencc_t2s()(text)


def normalise(
    text: str,
    repairs: Sequence[Repair] = (),
    *,
    convert: Callable[[str], str] = to_simplified,
) -> Normalised:
    """Build the analysis view of ``text`` (see the module docstring)."""
    repaired, m_start, m_end = _apply_repairs(text, repairs)
    cleaned, keep = _fold_and_clean_whitespace(repaired)
    if m_start is None:  # no repair: each kept character is its own source character
        starts, ends = keep, keep + 1
    else:
        starts, ends = m_start[keep], m_end[keep]
    simplified = convert(cleaned) if cleaned else cleaned
    if not _same_line_lengths(cleaned, simplified):
        simplified, starts, ends = _realign(cleaned, simplified, convert, starts, ends)
    return Normalised(text=simplified, src_start=_to_array(starts), src_end=_to_array(ends), source_length=len(text))


def _to_array(values: np.ndarray) -> array:
    out = array("l")
    out.frombytes(np.ascontiguousarray(values, dtype=_ITEM).view(np.uint8))  # one copy, no bytes object
    return out


_ITEM = np.dtype(f"=i{array('l').itemsize}")


def _apply_repairs(text: str, repairs: Sequence[Repair]) -> tuple[str, np.ndarray | None, np.ndarray | None]:
    """Replace repaired runs; return the new text and its map to ``text`` (``None``: the identity)."""
    usable = sorted(
        (r for r in repairs if r.status == "repaired" and r.after is not None and r.span.start < r.span.end <= len(text)),
        key=lambda r: r.span.start,
    )
    if not usable:
        return text, None, None
    pieces: list[str] = []
    start_parts: list[np.ndarray] = []
    end_parts: list[np.ndarray] = []
    pos = 0
    for r in usable:
        a, b = r.span.start, r.span.end
        if a < pos:  # overlaps the previous repair: keep the first one
            continue
        after = r.after or ""
        pieces += [text[pos:a], after]
        start_parts += [np.arange(pos, a, dtype=np.int64), np.full(len(after), a, dtype=np.int64)]
        end_parts += [np.arange(pos + 1, a + 1, dtype=np.int64), np.full(len(after), b, dtype=np.int64)]
        pos = b
    pieces.append(text[pos:])
    start_parts.append(np.arange(pos, len(text), dtype=np.int64))
    end_parts.append(np.arange(pos + 1, len(text) + 1, dtype=np.int64))
    return "".join(pieces), np.concatenate(start_parts), np.concatenate(end_parts)


def _run_chars() -> np.ndarray:
    """Lookup table over the BMP: which code points belong to whitespace runs."""
    table = np.zeros(0x10000, dtype=bool)
    table[[SPACE, TAB, NEWLINE]] = True
    for lo, hi in INVISIBLE_RANGES:
        table[lo:min(hi, 0xFFFF) + 1] = True
    return table


def _fold_table() -> np.ndarray:
    """Lookup table over the BMP: the folded code point of each (``FOLD`` holds BMP characters only).

    16-bit entries, looked up with the 32-bit code points as they come: a small table that stays
    in the cache and no 64-bit copy of the text.
    """
    table = np.arange(0x10000, dtype=np.uint16)
    table[[ord(k) for k in FOLD]] = [ord(v) for v in FOLD.values()]
    return table


_RUN_CHAR = _run_chars()
_FOLDED = _fold_table()
_ASTRAL_INVISIBLE = min(lo for lo, _ in INVISIBLE_RANGES if lo > 0xFFFF)
_NONE = np.iinfo(np.int64).max


def _fold_and_clean_whitespace(text: str) -> tuple[str, np.ndarray]:
    """Fold widths and reduce whitespace runs; return the new text and the kept indices of ``text``.

    Vectorised over code points: a text with a space between every two
    characters costs no more than one without.
    """
    raw = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    cp = np.where(raw > 0xFFFF, raw, _FOLDED[raw & 0xFFFF])
    n = len(cp)
    ws = _RUN_CHAR[np.minimum(cp, 0xFFFF)] & (cp <= 0xFFFF) | (cp >= _ASTRAL_INVISIBLE)
    furniture = _page_numbers(text, n)
    ws |= furniture
    pos = np.flatnonzero(ws)
    keep = ~ws
    if len(pos):
        first = np.flatnonzero(np.diff(pos, prepend=-2) != 1)  # run starts, as indices into pos
        last = np.append(first[1:], len(pos)) - 1
        start, end = pos[first], pos[last] + 1
        inner = (start > 0) & (end < n)
        kind = cp[pos]

        def first_of(code: int) -> np.ndarray:
            return np.minimum.reduceat(np.where(kind == code, pos, _NONE), first)

        newline, tab, space = first_of(NEWLINE), first_of(TAB), first_of(SPACE)
        before, after = cp[np.maximum(start - 1, 0)], cp[np.minimum(end, n - 1)]
        words = _ascii_alnum(before) & _ascii_alnum(after)
        kept = np.where(newline != _NONE, newline, np.where(tab != _NONE, tab, np.where(words, space, _NONE)))
        kept = kept[inner & (kept != _NONE)]
        keep[kept] = True
    index = np.flatnonzero(keep)
    out = cp[index]
    cleaned = _decode(out)
    wraps = np.union1d(_wrap_breaks(cleaned, out, raw[index] < 0x80, cp, index, furniture),
                       _lone_openers(cleaned, out))
    if len(wraps):
        joined = np.ones(len(out), dtype=bool)
        joined[wraps] = False
        index = index[joined]
        cleaned = _decode(out[joined])
    return cleaned, index


# After the line break that ends the text before it: blank lines, the number's line, blank lines, and the
# break and form feed that open the next page's first line (or the end of the text).
_PAGE_LINE = re.compile(rf"\n((?:[^\S\n]*\n)*{PAGE_NUMBER_MARKED}(?:\n[^\S\n]*(?=\n))*"
                        rf"(?:\n[\f\v]*(?=[^\S\n]*\S)|\s*\Z))")


def _page_numbers(text: str, n: int) -> np.ndarray:
    """Which characters of ``text`` (``n`` long) are page-number lines with the blank lines around them."""
    furniture = np.zeros(n, dtype=bool)
    for match in _PAGE_LINE.finditer(text):
        furniture[match.start(1):match.end(1)] = True
    return furniture


def _decode(cp: np.ndarray) -> str:
    return cp.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")


# --- hard-wrapped documents -------------------------------------------------
# Measured on the corpus (10 documents, one paragraph per line): among lines of
# at least WRAP_LINE_MIN characters, the most common width ±WRAP_SLACK covers at
# most 17% (a 6-line excerpt; 9% for the others). The same documents re-wrapped
# at 30, 34 or 40 characters give 61–96% (indented paragraphs) and 85–98% (not).
WRAP_LINE_MIN = 15  # shorter lines (headings, a paragraph's last line) say nothing of the width
WRAP_SHARE = 0.5  # share of those lines at the most common width (±WRAP_SLACK) …
WRAP_LINES = 8  # … and at least this many of them
WRAP_SLACK = 1  # widths are estimates (ASCII counts half): lines this close share a width
WRAP_SHORT = 3  # a wrapped line may be this much narrower (its paragraph's indent, a pushed-down mark) …
WRAP_LONG = 2  # … or this much wider (a hanging mark) than the wrap width
WRAP_INDENTED_ENDS = 3  # paragraph ends (short lines ending a sentence) that show whether paragraphs are indented
# A web copy of a PDF keeps its lines but not their widths: digits, Latin letters and punctuation converted to
# ASCII, or a justified line's spacing, spread the widths of its full lines over 6–8 characters (33–39 in a
# report wrapped at ~38), so no one width holds half of them. Such a text is still hard-wrapped when nearly
# all its longer lines end mid-sentence (a text typed one paragraph per line ends them on 。) and most of
# those lie in a band below the width of the fullest ones (RAGGED_TOP: its upper quartile).
RAGGED_MIDWAY = 0.55  # share of the longer lines that end no sentence (a paragraph's last line may be long)
RAGGED_TOP = 0.75
RAGGED_SHORT = 6  # a full line may be this much narrower than the top width …
RAGGED_LONG = 6  # … or this much wider
RAGGED_SHARE = 0.6  # share of the mid-sentence longer lines in that band
RAGGED_MIN_WIDTH = 25  # a page is wider than this: narrower "full lines" are headings, a title's halves
# A stray marker a copy leaves at the end of each paragraph ("…提出意见。F9f", "各位代表:F9f"): a run of
# ASCII letters and digits, both, glued to Chinese text and ending at least STRAY_MARK_REPEATS lines. A line
# that ends on it ends its paragraph, and only such a line does.
STRAY_MARK = re.compile(r"(?<=[^\x00-\x7f])(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{2,4}$")
STRAY_MARK_REPEATS = 3
_LINE_START = re.compile(
    "|".join(re.sub(r"\(\?P<\w+>", "(?:", p) for p in (*(p for _, p in NUMBERED_KINDS), BOX, ANNEX, LIST_ITEM))
)
_ENDS = np.array([ord(c) for c in SENTENCE_ENDS])
_CLOSERS = np.array([ord(c) for c in CLOSERS])
_OPENERS = np.array([ord(c) for c in LONE_OPENERS])
_OPENER_TAIL = re.compile(LONE_OPENER_TAIL)


def _wrap_breaks(text: str, out: np.ndarray, narrow: np.ndarray, cp: np.ndarray, index: np.ndarray,
                 furniture: np.ndarray) -> np.ndarray:
    """Positions in ``text`` of the line breaks that only wrap a paragraph (none unless it is hard-wrapped).

    ``out`` is ``text`` as code points, ``narrow`` flags its characters that
    were ASCII before folding (half a character wide), ``cp``/``index`` are the
    folded source and where each character of ``text`` comes from in it;
    ``furniture`` flags the page-number lines of the source, which count as
    neither a blank line nor an indent.
    A PDF copy breaks its lines at one width, in the middle of words; a
    document typed with one paragraph per line has lines of every length. So
    the width is the document's most common line width, and a document is
    hard-wrapped only when that width covers most of its longer lines. A
    break then wraps when the line before is that wide and ends no sentence,
    no blank line follows, and the next line starts no heading or list item.
    Where the document indents its paragraphs, a break before an unindented
    line wraps even after a sentence end, if the line before is full.
    """
    breaks = np.flatnonzero(out == NEWLINE)
    if len(breaks) < WRAP_LINES:
        return breaks[:0]
    starts = np.concatenate(([0], breaks + 1))
    ends = np.append(breaks, len(out))
    narrow_before = np.concatenate(([0], np.cumsum(narrow, dtype=np.int32)))
    width = (ends - starts) - (narrow_before[ends] - narrow_before[starts]) / 2  # ASCII counts half
    long_lines = width[(ends - starts) >= WRAP_LINE_MIN]
    if len(long_lines) < WRAP_LINES:
        return breaks[:0]
    counts = np.bincount(np.rint(long_lines).astype(np.int64), minlength=WRAP_SLACK + 1)
    near = np.convolve(counts, np.ones(2 * WRAP_SLACK + 1, dtype=np.int64))[WRAP_SLACK:-WRAP_SLACK]
    centre = int(np.argmax(near))  # the densest window of widths; the wrap width is its mode
    low = max(centre - WRAP_SLACK, 0)
    wrap = low + int(np.argmax(counts[low:centre + WRAP_SLACK + 1]))
    before = width[:-1]
    last, prev, nxt = out[breaks - 1], out[np.maximum(breaks - 2, 0)], out[breaks + 1]
    marked = _after_stray_mark(text, out, breaks)
    ended = np.isin(last, _ENDS) | np.isin(last, _CLOSERS) & np.isin(prev, _ENDS) | marked
    ragged = None
    if counts[max(wrap - WRAP_SLACK, 0):wrap + WRAP_SLACK + 1].sum() < max(WRAP_LINES, WRAP_SHARE * len(long_lines)):
        chars = (ends - starts)[:-1]
        if _mostly_midway(ended, chars):  # cheap and necessary: most texts fail it
            heads = np.array([bool(_LINE_START.match(text, s)) for s in starts[:-1].tolist()], dtype=bool)
            ragged = _ragged_top(before, ended | heads, chars)
        if ragged is None:
            return breaks[:0]
    words = _ascii_alnum(last) & _ascii_alnum(nxt)  # two ASCII words: the break is their space
    here, there = index[breaks], index[breaks + 1]
    newlines = np.cumsum((cp == NEWLINE) & ~furniture)
    blank = newlines[there] - newlines[here] > 0
    indented = (there - here > 1) & (cp[there - 1] != NEWLINE) & ~furniture[there - 1]  # blanks before the line
    if ragged is None:
        band = (before >= wrap - WRAP_SHORT) & (before <= wrap + WRAP_LONG)
    else:
        band = (before >= ragged - RAGGED_SHORT) & (before <= ragged + RAGGED_LONG)
    paragraph_ends = indented[ended & ~band]
    if marked.any():  # the marks say where paragraphs end: a full line that ends a sentence still wraps
        wraps = (before >= (wrap if ragged is None else ragged) - RAGGED_SHORT) & ~marked
    elif ragged is not None:
        wraps = band & ~ended
    elif len(paragraph_ends) >= WRAP_INDENTED_ENDS and paragraph_ends.mean() >= WRAP_SHARE:
        wraps = band & ~indented & (~ended | (before >= wrap - WRAP_SLACK))
    else:
        wraps = band & ~ended
    candidate = breaks[wraps & ~words & ~blank]
    return np.array([b for b in candidate.tolist() if not _LINE_START.match(text, b + 1)], dtype=np.int64)


def _mostly_midway(ended: np.ndarray, chars: np.ndarray) -> bool:
    """Do enough of the longer lines end mid-sentence for a ragged hard wrap?"""
    long = chars >= WRAP_LINE_MIN
    midway = int((long & ~ended).sum())
    return midway >= WRAP_LINES and midway >= RAGGED_MIDWAY * long.sum()


def _ragged_top(before: np.ndarray, ended: np.ndarray, chars: np.ndarray) -> float | None:
    """The width of the full lines of a ragged hard wrap (by the break after each line); None: not one.
    ``ended`` flags the lines that end a sentence or start a heading: neither says the text is wrapped."""
    if not _mostly_midway(ended, chars):
        return None
    midway = (chars >= WRAP_LINE_MIN) & ~ended
    top = float(np.quantile(before[midway], RAGGED_TOP))
    if top < RAGGED_MIN_WIDTH:
        return None
    band = (before >= top - RAGGED_SHORT) & (before <= top + RAGGED_LONG)
    return top if (band & midway).sum() >= RAGGED_SHARE * midway.sum() else None


def _after_stray_mark(text: str, out: np.ndarray, breaks: np.ndarray) -> np.ndarray:
    """Breaks right after the marker most lines of ``text`` that carry one end on ("…提出意见。F9f")."""
    ends = breaks[_ascii_alnum(out[np.maximum(breaks - 1, 0)]) & (breaks > 0)].tolist()  # few: looked at one by one
    found = [(end, m.group()) for end in ends if (m := STRAY_MARK.search(text, max(end - 5, 0), end))]
    if len(found) < STRAY_MARK_REPEATS:
        return np.zeros(len(breaks), dtype=bool)
    mark, count = Counter(word for _, word in found).most_common(1)[0]
    if count < STRAY_MARK_REPEATS:
        return np.zeros(len(breaks), dtype=bool)
    return np.isin(breaks, [end for end, word in found if word == mark])


def _lone_openers(text: str, out: np.ndarray) -> np.ndarray:
    """Line breaks right after a line that is only an opening bracket, before the rest of its label
    ("（\\n三）…"): the label runs on."""
    breaks = np.flatnonzero(out[1:] == NEWLINE) + 1
    if not len(breaks):
        return breaks
    alone = np.isin(out[breaks - 1], _OPENERS) & ((breaks == 1) | (out[np.maximum(breaks - 2, 0)] == NEWLINE))
    return np.array([b for b in breaks[alone].tolist() if _OPENER_TAIL.match(text, b + 1)], dtype=breaks.dtype)


def _ascii_alnum(cp: np.ndarray) -> np.ndarray:
    return ((cp >= 0x30) & (cp <= 0x39)) | ((cp >= 0x41) & (cp <= 0x5A)) | ((cp >= 0x61) & (cp <= 0x7A))


def _same_line_lengths(before: str, after: str) -> bool:
    if before == after:  # a Simplified text mostly comes back unchanged: one comparison, no split
        return True
    return len(before) == len(after) and list(map(len, before.split("\n"))) == list(map(len, after.split("\n")))


def _realign(
    before: str, after: str, convert: Callable[[str], str], starts: np.ndarray, ends: np.ndarray
) -> tuple[str, np.ndarray, np.ndarray]:
    """Redo the conversion of each line whose length changed one character at a time.

    Such a line loses its phrase-level conversion but keeps an exact map:
    every output character comes from the one source character converted.
    """
    b_lines, a_lines = before.split("\n"), after.split("\n")
    if len(b_lines) != len(a_lines):  # the converter touched line breaks: redo every line
        a_lines = [""] * len(b_lines)
    pieces: list[str] = []
    index: list[int] = []  # for each output character, the index in ``before`` it comes from
    b_off = 0
    for b_line, a_line in zip(b_lines, a_lines):
        if len(b_line) == len(a_line):
            pieces.append(a_line)
            index.extend(range(b_off, b_off + len(b_line)))
        else:
            for k, ch in enumerate(b_line):
                out = convert(ch)
                pieces.append(out)
                index.extend([b_off + k] * len(out))
        pieces.append("\n")
        index.append(b_off + len(b_line))
        b_off += len(b_line) + 1
    pieces.pop()  # no \n after the last line
    index.pop()
    at = np.array(index, dtype=np.int64)
    return "".join(pieces), starts[at], ends[at]
