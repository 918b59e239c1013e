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

A run is reported only with evidence that it is garbled, because an ASCII
``?`` before Chinese text may be a real question mark:

* ``repaired``: the ``?`` is followed by another ASCII ``!;?`` (a full-width
  mark read out of step) or by a rare character before any second ``?``,
  the run ends on a lone ASCII letter, and the in-step reading is made of
  common characters (``luoshi.read.hanzi``);
* ``flagged`` (``after=None``): the same evidence but the reading has rare
  characters — bytes were dropped inside the run, as in seed 002's
  ``?!褒堉鬯逼陂g`` (。“龍舟水”期間 lost 水”) — or the ``?`` is followed by
  folded marks and a second ``?``, a byte the decoder could not pair
  (``?!?``; a bare ``??`` only before an ASCII character, unlike 是吗??当然).

Checked on the corpus: exactly seed 002's 11 runs (all 17 of its ``?``),
nothing in the nine other documents, nothing when their 。，、 are turned
into ``?`` (17,116 false anchors); on every cut of 002's clean paragraphs
(simulated), no wrong repair, and about 70% of the runs found. The scan
looks only at an ASCII ``?`` between non-ASCII characters and reads at
most ``MAX_RUN`` characters from each, so clean text costs one ``str.find``.
"""
from __future__ import annotations

from luoshi.model import Repair, Span
from luoshi.read.hanzi import is_common

FOLDED = {"!": "！", ";": "；", "?": "？"}
MAX_RUN = 24
LOST = "\ufffd"  # the character whose lead byte was lost


def find_repairs(text: str) -> tuple[Repair, ...]:
    """Every out-of-step GBK run in ``text``, repaired or flagged (offsets into ``text``)."""
    repairs: list[Repair] = []
    at = text.find("?", 1)  # str.find is a fast byte scan; most texts have no "?" at all
    while 0 < at < len(text) - 1:
        repair = _repair_at(text, at) if _is_anchor(text, at) else None
        if repair is not None:
            repairs.append(repair)
        at = text.find("?", repair.span.end if repair else at + 1)
    return tuple(repairs)


def _is_anchor(text: str, at: int) -> bool:
    """The decoder's "?" for an orphaned lead byte: after non-ASCII text, before more garble."""
    return text[at - 1] > "\x7f" and (text[at + 1] > "\x7f" or text[at + 1] in FOLDED)


def _repair_at(text: str, at: int) -> Repair | None:
    unpaired, clean = _scan(text, at)
    folded_next = text[at + 1] in FOLDED
    if clean is not None and (folded_next or _has_rare(text[at + 1:unpaired or clean[0]])):
        end, shifted = clean
        after = _redecode(shifted)
        if after is not None:
            return Repair(Span(at, end), text[at:end], LOST + after, "repaired")
        if unpaired is None:
            return Repair(Span(at, end), text[at:end], None, "flagged")
    if unpaired is not None and _unpaired_shape(text, at + 1, unpaired):
        return Repair(Span(at, unpaired), text[at:unpaired], None, "flagged")
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


def _scan(text: str, at: int) -> tuple[int | None, tuple[int, bytes] | None]:
    """Where a run from ``at`` may end: after the first later ``?`` (a byte that could not
    pair), and after the first lone ASCII letter (back in step) — with the run's bytes as
    the out-of-step decoder read them."""
    unpaired = None
    shifted = bytearray()
    for j in range(at + 1, min(len(text), at + 1 + MAX_RUN)):
        char = text[j]
        if char == "?" and unpaired is None:  # a folded ？ read out of step, or an unpaired byte
            unpaired = j + 1
        if char in FOLDED:
            shifted += FOLDED[char].encode("gbk")
        elif "\x40" <= char <= "\x7e":  # a lone trail byte: the decoder is back in step
            return unpaired, (j + 1, bytes(shifted) + char.encode("ascii"))
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
    return unpaired, None


def _redecode(shifted: bytes) -> str | None:
    """The in-step reading of a clean run, if it is made of common characters."""
    try:
        decoded = shifted[1:].decode("gbk")
    except UnicodeDecodeError:
        return None
    if decoded and all(is_common(c) for c in decoded):
        return decoded
    return None
