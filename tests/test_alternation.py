"""Word alternations: the trie (and its grouped form) finds what a plain longest-first alternation finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.data.topics import KEYWORDS
from luoshi.extract.alternation import WordScan, word_pattern

_CHARS = "推进动加快建设设立改造一二三abc"


def _plain(words) -> re.Pattern:
    """The reference: every word as its own branch, longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def _hits(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(_CHARS, min_size=1, max_size=4), min_size=1, max_size=12), st.text(_CHARS, max_size=60))
def test_small_word_sets_match_like_the_plain_alternation(words: list[str], text: str) -> None:
    assert _hits(re.compile(word_pattern(words)), text) == _hits(_plain(words), text)
    assert _hits(re.compile(word_pattern(words, fanout=1)), text) == _hits(_plain(words), text)  # grouped


_FIRSTS = [chr(0x4E00 + 3 * i) for i in range(200)]  # more first characters than a plain trie takes
_TAILS = ("", "甲", "甲乙", "乙")
_MANY = [first + tail for first in _FIRSTS for tail in _TAILS]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_TAILS), min_size=len(_FIRSTS), max_size=len(_FIRSTS)),
       st.lists(st.sampled_from(_MANY), max_size=100),
       st.text("".join(_FIRSTS[::7]) + "甲乙丙,", max_size=120))
def test_many_first_characters_use_groups_and_still_match_the_longest(tails: list[str], more: list[str],
                                                                      text: str) -> None:
    words = [first + tail for first, tail in zip(_FIRSTS, tails)] + more
    assert _hits(re.compile(word_pattern(words)), text) == _hits(_plain(words), text)


def test_topic_keywords_on_real_text(shared) -> None:
    words = {w for table in KEYWORDS.values() for w in table}
    text = (shared / "corpus" / "seeds" / "000_04df038d627074af.txt").read_text(encoding="utf-8")
    assert _hits(re.compile(word_pattern(words)), text) == _hits(_plain(words), text)
    assert _hits(re.compile(word_pattern(words)), text)  # the scan finds keywords at all


def test_repeated_and_optional_groups() -> None:
    rx = re.compile(f"(?:{word_pattern(_MANY)})+$")
    assert rx.fullmatch(_MANY[0] + _MANY[5] + _MANY[17])
    assert not rx.fullmatch(_MANY[0] + "丙")
    assert word_pattern([]) == "(?!)"


def _scanned(words: list[str], text: str) -> list[tuple[int, int]]:
    starts, indices = WordScan(words).find(text)
    return [(s, s + len(words[i])) for s, i in zip(starts.tolist(), indices.tolist())]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abcde", min_size=1, max_size=9), min_size=1, max_size=12, unique=True),
       st.text("abcde\n", max_size=60))
def test_word_scan_finds_what_the_alternation_finds_among_overlapping_words(words: list[str], text: str) -> None:
    assert _scanned(words, text) == _hits(_plain(words), text)


_WIDE = [chr(0x4E00 + i) for i in range(600)]  # ten bits a rank: words of seven or more lose bits in their key


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text("".join(_WIDE[:4]), min_size=1, max_size=10), min_size=1, max_size=12, unique=True),
       st.text("".join(_WIDE[:4]) + _WIDE[9] + "\n", max_size=60))
def test_word_scan_checks_words_longer_than_their_key(words: list[str], text: str) -> None:
    words = [*words, *(w for w in _WIDE[4:] if w not in words)]
    assert _scanned(words, text) == _hits(_plain(words), text)


def test_word_scan_of_topic_keywords_on_real_text(shared) -> None:
    words = sorted({w for table in KEYWORDS.values() for w in table})
    text = (shared / "corpus" / "seeds" / "001_6c2582cb47a6a2df.txt").read_text(encoding="utf-8")
    assert _scanned(words, text) == _hits(_plain(words), text) != []
