"""The normalised view: what every analysis stage reads, mapped exactly back.

Four steps, each on the whole text (no per-character Python loop):

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
   one of its run, so it maps to one source character.
4. Traditional → Simplified with OpenCC ``t2s`` over the whole text. Its
   dictionaries map every phrase to one of the same length (checked for
   OpenCC 1.4.2), so each character keeps its position. This is verified
   per line; a line whose length changes is converted again one character
   at a time, which keeps the map exact.

Invariant: ``source[src_start[i]:src_end[i]]`` is the source text that
produced normalised character ``i``; both arrays are non-decreasing and
every source character left out of the map is whitespace or invisible.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from luoshi.data.punctuation import FOLD, INVISIBLE_RANGES, NEWLINE, SPACE, TAB
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
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    cp = np.where(cp > 0xFFFF, cp, _FOLDED[cp & 0xFFFF])
    n = len(cp)
    ws = _RUN_CHAR[np.minimum(cp, 0xFFFF)] & (cp <= 0xFFFF) | (cp >= _ASTRAL_INVISIBLE)
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
    return cp[keep].astype("<u4").tobytes().decode("utf-32-le", "surrogatepass"), np.flatnonzero(keep)


def _ascii_alnum(cp: np.ndarray) -> np.ndarray:
    return ((cp >= 0x30) & (cp <= 0x39)) | ((cp >= 0x41) & (cp <= 0x5A)) | ((cp >= 0x61) & (cp <= 0x7A))


def _same_line_lengths(before: str, after: str) -> bool:
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
