"""Is this text plausible Chinese? The yardstick for encoding guesses and mojibake.

A wrong decoding (GBK read as Big5, bytes read one out of step) still gives
valid characters, but mostly rare ones. So plausibility is measured against
a set of *common* hanzi: the ``COMMON_RANK`` most frequent GB2312 characters
(``luoshi/data/hanzi_rank.txt``, see ``luoshi.data.build_hanzi_rank``) plus
every Traditional character whose Simplified form is one of them. The cut
keeps 99.85% of the hanzi of the seed and dev documents while excluding the
rare characters a shifted decoding typically produces (吮, 痪, 褒, 鬯, 堉).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

RANK_FILE = Path(__file__).resolve().parents[1] / "data" / "hanzi_rank.txt"
COMMON_RANK = 3500
CJK_UNIFIED = range(0x4E00, 0xA000)

# Non-hanzi characters that real Chinese documents are made of (ASCII is handled apart).
_PUNCTUATION_RANGES = (
    (0x00A0, 0x00A0), (0x00B0, 0x00B7), (0x00C0, 0x017F), (0x00D7, 0x00D7), (0x00F7, 0x00F7),
    (0x2010, 0x203B), (0x2103, 0x2103), (0x2160, 0x217F), (0x2190, 0x2193), (0x2460, 0x24FF),
    (0x25A0, 0x25CF), (0x3000, 0x303F), (0x3220, 0x3229), (0xFE30, 0xFE6B), (0xFF01, 0xFF5E),
)
PUNCTUATION = frozenset(chr(cp) for lo, hi in _PUNCTUATION_RANGES for cp in range(lo, hi + 1))


@cache
def hanzi_ranks() -> dict[str, int]:
    """Frequency rank (0 = most frequent) of each ranked hanzi, Traditional forms included."""
    from luoshi.normalise import to_simplified

    ranks = {char: rank for rank, char in enumerate(RANK_FILE.read_text(encoding="utf-8").strip())}
    everything = [chr(cp) for cp in CJK_UNIFIED]
    # One character per line, so OpenCC's phrase tables never see two neighbours.
    simplified = to_simplified("\n".join(everything)).split("\n")
    for char, simple in zip(everything, simplified, strict=True):
        if char not in ranks and simple in ranks:
            ranks[char] = ranks[simple]
    return ranks


@cache
def common_hanzi() -> frozenset[str]:
    """Common Simplified hanzi and their Traditional forms (built once, ~20 ms)."""
    return frozenset(char for char, rank in hanzi_ranks().items() if rank < COMMON_RANK)


def is_common(char: str) -> bool:
    """A common hanzi (either script) or ordinary CJK punctuation."""
    return char in common_hanzi() or char in PUNCTUATION


def plausibility(text: str) -> float:
    """Share of the non-space characters that are ASCII, common hanzi or ordinary punctuation."""
    common = common_hanzi()
    total = good = 0
    for char in text:
        if char.isspace():
            continue
        total += 1
        if (" " < char < "\x7f") or char in common or char in PUNCTUATION:
            good += 1
    return good / total if total else 0.0


def rarity(text: str) -> float:
    """Mean frequency rank of the hanzi in ``text`` (unranked ones count as the rarest).

    Breaks ties between decodings that are all plausible, as a short text can
    be in both GBK and Big5: 上上交们 (GBK) read as Big5 is 貧貧住断.
    """
    ranks = hanzi_ranks()
    unranked = len(ranks)
    found = [ranks.get(char, unranked) for char in text if char >= "\u3400"]
    return sum(found) / len(found) if found else 0.0
