"""Topic of a task or measure: a keyword-weighted vote over the taxonomy.

One regex alternation of every keyword (longest first, so 义务教育 wins
over 教育) scans the clause; each hit adds its topic's weight. The section
title votes too, at ``TITLE_WEIGHT`` (a weaker signal: 七、加快乡村振兴 says
what its clauses are about, but not each of them). The topic with the
highest total wins; ties go to the earlier topic in ``TOPICS``; no hit at
all gives ``None``. Taxonomy and weights: ``luoshi.data.topics``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from luoshi.data.topics import KEYWORDS, TITLE_WEIGHT, TOPICS
from luoshi.extract.alternation import word_pattern
from luoshi.model import Measure, Section, Task

_ORDER = {key: i for i, key in enumerate(TOPICS)}
_WEIGHTS: dict[str, tuple[str, float]] = {}
for _topic, _words in KEYWORDS.items():
    for _word, _weight in _words.items():
        if _word not in _WEIGHTS or _WEIGHTS[_word][1] < _weight:
            _WEIGHTS[_word] = (_topic, _weight)
_KEYWORD_RE = re.compile(word_pattern(_WEIGHTS))


def _vote(scores: dict[str, float], text: str, factor: float) -> None:
    for word in _KEYWORD_RE.findall(text):
        topic, weight = _WEIGHTS[word]
        scores[topic] = scores.get(topic, 0.0) + weight * factor


def classify_topic(text_simplified: str, title: str = "") -> str | None:
    """The topic key of a Simplified clause (and its section title), or ``None``."""
    scores: dict[str, float] = {}
    _vote(scores, text_simplified, 1.0)
    if title:
        _vote(scores, title, TITLE_WEIGHT)
    return _best(scores)


def _best(scores: dict[str, float]) -> str | None:
    if not scores:
        return None
    return max(scores, key=lambda t: (scores[t], -_ORDER[t]))


class TopicScorer:
    """Keyword hits of a whole text, found in one scan; ``topic(start, end, title)`` classifies a span."""

    __slots__ = ("_pos", "_topic", "_titles", "_weight")

    def __init__(self, text: str) -> None:
        hits = [(m.start(), _WEIGHTS[m.group()]) for m in _KEYWORD_RE.finditer(text)]
        self._pos = [p for p, _ in hits]
        self._topic = [w[0] for _, w in hits]
        self._weight = [w[1] for _, w in hits]
        self._titles: dict[str, dict[str, float]] = {}

    def topic(self, start: int, end: int, title: str = "") -> str | None:
        scores: dict[str, float] = {}
        if title:
            if title not in self._titles:
                base: dict[str, float] = {}
                _vote(base, title, TITLE_WEIGHT)
                self._titles[title] = base
            scores.update(self._titles[title])
        topics, weights = self._topic, self._weight
        for k in range(bisect_left(self._pos, start), bisect_left(self._pos, end)):
            t = topics[k]
            scores[t] = scores.get(t, 0.0) + weights[k]
        return _best(scores)


def topics_for_measures(measures: tuple[Measure, ...], tasks: tuple[Task, ...],
                        sections: tuple[Section, ...]) -> tuple[Measure, ...]:
    """Each measure's topic: that of the task holding it, else of its indicator and section title."""
    holder: dict[int, str | None] = {}
    for task in tasks:
        for i in task.measures:
            holder.setdefault(i, task.topic)
    out = []
    for i, m in enumerate(measures):
        topic = holder.get(i)
        if topic is None:
            title = sections[m.section].title if m.section is not None and m.section < len(sections) else ""
            topic = classify_topic(m.indicator_simplified, title)
        out.append(replace(m, topic=topic) if topic != m.topic else m)
    return tuple(out)

