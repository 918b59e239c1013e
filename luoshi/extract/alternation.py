"""Regex alternations of many literal words, factored as a trie.

Python's ``re`` tries the branches of ``a|b|c`` one by one at every
position; with hundreds of keywords that dominates a scan. Sharing prefixes
(``推(?:进|动)`` for 推进|推动) lets a failed first character reject the
whole group at once. Longer words still win over their prefixes because
each node's branches are ordered longest first, ending with the empty
branch when a word ends there.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def word_pattern(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words``, preferring the longest."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node(trie) or "(?!)"


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


def _depth(node: dict) -> int:
    return 1 + max((_depth(n) for c, n in node.items() if c), default=0)
