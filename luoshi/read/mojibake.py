"""Find GBK text that was decoded one byte out of step, and re-decode it.

How such a run arises: a GBK byte stream is cut inside a two-byte
character X (a chunk boundary, a bad copy). The decoder prints ``?`` for the
orphaned lead byte of X, then reads every following pair one byte late —
[trail of X, lead of Y], [trail of Y, lead of Z], … — which gives valid but
mostly rare characters, until a trail byte in 0x40–0x7E is read on its own
as an ASCII letter and the decoder is back in step. Later the text's
full-width ``！；？`` were folded to ASCII ``!;?``::

    。“依托縣  = A1A3 A1B0 D2C0 CDD0 BF68
    ?!耙劳锌h  = ?  A3A1 B0D2 C0CD D0BF 68      (! is the folded ！)

Repair: map ``!;?`` back to full width, GBK-encode the run after the
``?``, drop its first byte (the trail of X) and decode the rest in step:
``“依托縣``. X itself cannot be known — its lead byte is gone and a dozen
common characters end in the same trail byte (。專模保校…) — so it becomes
U+FFFD in ``Repair.after``.

A run is reported only with evidence that it is garbled: the ``?`` is
followed by another ASCII ``!;?`` (a full-width mark read out of step), or
the run holds a rare character. It is ``repaired`` when the re-decoding is
made of common characters and ends cleanly on the ASCII letter; otherwise
(bytes were dropped inside it, or it ends on a second ``?`` — a byte the
decoder could not pair) it is ``flagged`` with ``after=None``. The scan
looks only at ASCII ``?`` between non-ASCII characters and reads at most
``MAX_RUN`` characters from each, so clean text costs one regex pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.model import Repair, Span
from luoshi.read.hanzi import is_common

FOLDED = {"!": "！", ";": "；", "?": "？"}
MAX_RUN = 24
LOST = "\ufffd"  # the character whose lead byte was lost

# The decoder's "?" for an orphaned lead byte, between non-ASCII text and more garble.
_ANCHOR = re.compile(r"(?<=[^\x00-\x7f])\?(?=[!;?]|[^\x00-\x7f])")


@dataclass(frozen=True, slots=True)
class _Parse:
    end: int  # exclusive offset of the run's last character
    shifted: bytes  # the run's bytes after the "?", as the out-of-step decoder read them
    clean: bool  # ends on an ASCII letter (back in step) rather than on an unpaired "?"


def find_repairs(text: str) -> tuple[Repair, ...]:
    """Every out-of-step GBK run in ``text``, repaired or flagged (offsets into ``text``)."""
    repairs: list[Repair] = []
    done = 0
    for match in _ANCHOR.finditer(text):
        if match.start() < done:
            continue
        repair = _repair_at(text, match.start())
        if repair is not None:
            repairs.append(repair)
            done = repair.span.end
    return tuple(repairs)


def _repair_at(text: str, at: int) -> Repair | None:
    parses = _parses(text, at)
    if not parses:
        return None
    first, clean = parses[0], parses[-1] if parses[-1].clean else None
    folded_next = text[at + 1] in FOLDED
    if clean is not None and (folded_next or _has_rare(text[at + 1:first.end])):
        after = _redecode(clean.shifted)
        if after is not None:
            return Repair(Span(at, clean.end), text[at:clean.end], LOST + after, "repaired")
        if first is clean:
            return Repair(Span(at, clean.end), text[at:clean.end], None, "flagged")
    if not first.clean and _unpaired_shape(text, at + 1, first.end):
        return Repair(Span(at, first.end), text[at:first.end], None, "flagged")
    return None


def _unpaired_shape(text: str, start: int, end: int) -> bool:
    """``?!?``/``?;?``, or ``??`` before ASCII: out-of-step marks, then a byte that could not pair.

    A lone "?!"-free ``??`` must be followed by the ASCII byte that refused to pair with it
    (seed 002: ``縮??;到``), which tells it from a doubled question mark (``是吗??当然``).
    """
    between = text[start:end - 1]
    if not all(c in FOLDED for c in between):
        return False
    if between.strip("?"):
        return True
    return end < len(text) and "!" <= text[end] <= "~"


def _has_rare(chars: str) -> bool:
    return any(c > "\x7f" and not is_common(c) for c in chars)


def _parses(text: str, at: int) -> list[_Parse]:
    """Ways to read ``text[at:]`` as one out-of-step run (at most one ends cleanly)."""
    parses: list[_Parse] = []
    shifted = bytearray()
    for j in range(at + 1, min(len(text), at + 1 + MAX_RUN)):
        char = text[j]
        if char == "?":  # either a folded ？ read out of step, or the decoder's mark for an unpaired byte
            parses.append(_Parse(j + 1, bytes(shifted), clean=False))
        if char in FOLDED:
            shifted += FOLDED[char].encode("gbk")
        elif "\x40" <= char <= "\x7e":  # a lone trail byte: the decoder is back in step
            parses.append(_Parse(j + 1, bytes(shifted) + char.encode("ascii"), clean=True))
            break
        elif char > "\x7f":
            try:
                pair = char.encode("gbk")
            except UnicodeEncodeError:
                break
            if len(pair) != 2:
                break
            shifted += pair
        else:
            break
    return parses


def _redecode(shifted: bytes) -> str | None:
    """The in-step reading of a clean run, if it is made of common characters."""
    try:
        decoded = shifted[1:].decode("gbk")
    except UnicodeDecodeError:
        return None
    if decoded and all(is_common(c) for c in decoded):
        return decoded
    return None
