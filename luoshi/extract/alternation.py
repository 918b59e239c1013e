"""Regex alternations of many literal words, factored as a trie.

Python's ``re`` tries the branches of ``a|b|c`` one by one at every
position; with hundreds of keywords that dominates a scan. Sharing prefixes
(``推(?:进|动)`` for 推进|推动) lets a failed first character reject the
whole group at once. Longer words still win over their prefixes because
each node's branches are ordered longest first, ending with the empty
branch when a word ends there.

With hundreds of distinct first characters, even the top level of the trie
is a long list that every candidate position walks to the end when nothing
matches. Above ``_FANOUT`` first characters the words are therefore split
into about √n groups by first character: a character class (one table
lookup) picks the group, the trie of the rest of its words follows, and
where a word may end a lookbehind checks which first characters it allows
(``[推促](?:进(?<=[推促]进)|动(?<=推动))``). The match is the same longest
word at the same position.

``WordScan`` finds the same matches without the regex engine, for a scan of
much text: numpy table lookups on the code points, Python only for the rare
start that needs a closer look.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import numpy as np

_FANOUT = 128  # below this many first characters the plain trie is faster (measured on the corpus)
_MAX_RANK_BITS = 12  # WordScan's pair table has 4 ** bits entries: 64 MB at most


def word_pattern(words: Iterable[str], fanout: int = _FANOUT) -> str:
    """A non-capturing regex matching any of ``words``, preferring the longest.

    Above ``fanout`` distinct first characters the trie is grouped (see the module docstring).
    """
    words = {w for w in words if w}
    firsts = sorted({w[0] for w in words})
    if len(firsts) <= fanout:
        return _trie_pattern(words) or "(?!)"
    size = round(2 * math.sqrt(len(firsts)))  # ~√n groups of ~√n: both lists stay short
    groups = []
    for i in range(0, len(firsts), size):
        group = set(firsts[i:i + size])
        rest: dict = {}  # the trie of each word but its first character; ends hold the allowed firsts
        for word in words:
            if word[0] in group:
                node = rest
                for ch in word[1:]:
                    node = node.setdefault(ch, {})
                node.setdefault("", set()).add(word[0])
        groups.append(_class(group) + _rest_node(rest, ""))
    return "(?:" + "|".join(groups) + ")"


def _trie_pattern(words: set[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node(trie)


def _node(node: dict) -> str:
    branches = []
    ends = False
    for ch in sorted(node, key=lambda c: -_depth(node[c]) if c else 0):
        if ch == "":
            ends = True
            continue
        branches.append(re.escape(ch) + _node(node[ch]))
    if not branches:
        return ""
    if ends:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _rest_node(node: dict, path: str) -> str:
    """The rest-trie below ``path``, longest first; a word end checks its first character behind."""
    branches = [re.escape(ch) + _rest_node(node[ch], path + ch)
                for ch in sorted((c for c in node if c), key=lambda c: -_depth(node[c]))]
    if "" in node:
        branches.append(f"(?<={_class(node[''])}{re.escape(path)})")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _depth(node: dict) -> int:
    return 1 + max((_depth(n) for c, n in node.items() if c), default=0)


class WordScan:
    """The matches of ``re.finditer(word_pattern(words), text)`` (leftmost, longest, no overlaps), with numpy.

    The regex engine enters its matcher at every position. Here each character becomes its rank in
    the words' alphabet (0: in no word), and one table lookup per position, on the ranks of it and
    the next character, gives the one- or two-character word starting there and whether a longer
    word may. Only those few starts read on, one character per round, each round one sorted lookup
    of the packed ranks among the words' prefixes of that length, as long as the ranks fit in 64
    bits; the rare starts that still lead to a longer word are checked against the text. Matches
    inside an earlier one are then dropped in order, as the regex scan drops them.
    """

    _LONGER = 1 << 30  # flag in the pair table: a longer word starts with these two characters

    def __init__(self, words: Sequence[str]) -> None:
        chars = sorted({c for w in words for c in w})
        if (chars and ord(chars[-1]) > 0xFFFF) or len(chars) >= 1 << _MAX_RANK_BITS or "" in words:
            raise ValueError("WordScan takes non-empty words of up to 4095 distinct BMP characters")
        self._bits = bits = max(1, len(chars).bit_length())
        self._rank = np.zeros(0x10000, dtype=np.uint16)
        self._rank[[ord(c) for c in chars]] = np.arange(1, len(chars) + 1)
        self._single = np.zeros(1 << bits, dtype=np.int32)  # by rank: the one-character word's index + 1
        self._pairs = np.zeros(1 << 2 * bits, dtype=np.int32)  # by two ranks: the word's index + 1 | _LONGER
        packed = 64 // bits  # the longest prefix whose ranks fit in one key
        prefixes: dict[int, dict[int, int]] = {}  # length → key → the word of that length, or -1
        self._long: dict[int, list[tuple[str, int]]] = {}  # key of the first `packed` characters → longer words
        for index, word in enumerate(words):
            ranks = [int(r) for r in self._rank[[ord(c) for c in word]]]
            if len(word) == 1:
                self._single[ranks[0]] = index + 1
                continue
            key = ranks[0] << bits | ranks[1]
            self._pairs[key] |= index + 1 if len(word) == 2 else self._LONGER
            for size in range(3, min(len(word), packed) + 1):
                key = key << bits | ranks[size - 1]
                level = prefixes.setdefault(size, {})
                level[key] = index if size == len(word) else level.get(key, -1)
            if len(word) > packed:
                self._long.setdefault(key, []).append((word, index))
        for longer in self._long.values():
            longer.sort(key=lambda w: -len(w[0]))
        self._prefixes = [(np.array(sorted(level), dtype=np.uint64),
                           np.array([level[k] for k in sorted(level)], dtype=np.int64))
                          for _, level in sorted(prefixes.items())]  # lengths 3, 4, …

    def find(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The start and the word index of each match, in text order."""
        n = len(text)
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        ranks = np.zeros(n + 1 + len(self._prefixes), dtype=np.int64)  # past the end: rank 0, in no word
        ranks[:n] = self._rank[np.minimum(cp, 0xFFFF)]
        pairs = ranks[:n] << self._bits | ranks[1:n + 1]
        pair, single = self._pairs[pairs], self._single[ranks[:n]]
        starts = np.flatnonzero(pair | single)
        pair, single = pair[starts], single[starts]
        two = pair & (self._LONGER - 1)
        word = np.where(two > 0, two, single).astype(np.int64) - 1
        length = np.where(two > 0, 2, np.where(single > 0, 1, 0))
        alive = np.flatnonzero(pair & self._LONGER)  # starts that may lead to a longer word, as indices
        key = pairs[starts[alive]].astype(np.uint64)
        for size, (keys, indices) in enumerate(self._prefixes, 3):  # the longest word at a start wins
            if not len(alive):
                break
            key = key << np.uint64(self._bits) | ranks[starts[alive] + size - 1].astype(np.uint64)
            at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
            on = keys[at] == key
            alive, key, at = alive[on], key[on], at[on]
            hit = indices[at] >= 0
            length[alive[hit]] = size
            word[alive[hit]] = indices[at[hit]]
        for i, k in zip(alive.tolist(), key.tolist()):
            for longer, index in self._long.get(k, ()):
                if text.startswith(longer, int(starts[i])):
                    length[i], word[i] = len(longer), index
                    break
        found = np.flatnonzero(length)
        starts, ends, word = starts[found], starts[found] + length[found], word[found]
        inside = _inside(starts, ends)
        if not inside.any():
            return starts, word
        # a match starting inside the first match of its overlapping run goes, as that one stays
        run = np.maximum.accumulate(np.where(inside, 0, np.arange(len(starts))))
        keep = starts >= ends[run]
        keep[run] = True
        starts, ends, word = starts[keep], ends[keep], word[keep]
        if _inside(starts, ends).any():  # one after a match so dropped: settle them all in order
            keep, last_end = [], 0
            for start, end in zip(starts.tolist(), ends.tolist()):
                keep.append(start >= last_end)
                last_end = end if keep[-1] else last_end
            starts, word = starts[keep], word[keep]
        return starts, word


def _inside(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Whether each match starts before the end of an earlier one."""
    inside = np.zeros(len(starts), dtype=bool)
    inside[1:] = starts[1:] < np.maximum.accumulate(ends)[:-1]
    return inside
