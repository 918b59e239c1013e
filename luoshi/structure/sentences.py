"""Split the normalised text into sentences.

A sentence ends at 。, at a run of ``! ? ;`` that touches a Chinese
character (so ``a;b`` in a URL or formula does not split; the normaliser
folds ！？； to ASCII), and at every line break. Closing quotes and brackets
right after the mark stay with the sentence (``…。”``). A 。 inside “…”
still ends a sentence: government texts rarely quote whole sentences, and
a quote left open by a typo must not swallow the rest of a paragraph.
Headings are sentences of their own: callers pass the heading and
section boundaries as extra cuts.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

_PIECE = re.compile(r"[^\n。!?;]+(?:[。!?;]+[”’」』》)\]]*)?|[。!?;]+[”’」』》)\]]*")
_SPACE = " \t"


def split_sentences(
    text: str, cuts: Iterable[int] = (), whole: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence, without surrounding whitespace.

    Each ``whole`` span (a heading wrapped over two lines) stays one sentence.
    """
    cut = sorted(set(cuts))
    cut.append(len(text) + 1)  # a sentinel: no bounds checks below
    k = 0
    out: list[tuple[int, int]] = []
    open_start = -1  # start of a sentence continued past an ASCII-context mark
    for m in _PIECE.finditer(text):
        s, e = m.span()
        if open_start >= 0:
            s, open_start = open_start, -1
        if text[e - 1] in "!?;" and _ascii_context(text, e):
            open_start = s
            continue
        while cut[k] <= s:
            k += 1
        while cut[k] < e:  # a heading or section starts or ends inside
            _add(text, s, cut[k], out)
            s = cut[k]
            k += 1
        if text[s] in _SPACE or text[e - 1] in _SPACE:
            _add(text, s, e, out)
        else:
            out.append((s, e))
    if open_start >= 0:
        _add(text, open_start, len(text), out)
    return _join_wholes(out, whole) if whole else out


def _join_wholes(spans: list[tuple[int, int]], whole: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    starts = [w[0] for w in whole]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        k = bisect_right(starts, s) - 1  # the last whole span starting at or before s
        if out and k >= 0 and whole[k][0] <= out[-1][0] and e <= whole[k][1]:
            out[-1] = (out[-1][0], e)  # the previous piece began inside the same whole span
        else:
            out.append((s, e))
    return out


def _add(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s] in _SPACE:
        s += 1
    while e > s and text[e - 1] in _SPACE:
        e -= 1
    if s < e:
        out.append((s, e))


def _ascii_context(text: str, e: int) -> bool:
    """Whether the mark run ending at ``e`` sits between ASCII characters on one line."""
    s = e
    while s > 0 and text[s - 1] in "!?;":
        s -= 1
    before = text[s - 1] if s > 0 else "\n"
    after = text[e] if e < len(text) else "\n"
    return before.isascii() and before != "\n" and after.isascii() and after != "\n"
