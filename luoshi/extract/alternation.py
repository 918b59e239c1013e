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
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable

_FANOUT = 128  # below this many first characters the plain trie is faster (measured on the corpus)


def word_pattern(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words``, preferring the longest."""
    words = {w for w in words if w}
    firsts = sorted({w[0] for w in words})
    if len(firsts) <= _FANOUT:
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
