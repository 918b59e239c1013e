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
from dataclasses import fields
from operator import attrgetter

import numpy as np

from luoshi.data.topics import KEYWORDS, TITLE_WEIGHT, TOPICS
from luoshi.extract.alternation import WordScan, word_pattern
from luoshi.frozen import positional_builder
from luoshi.model import Measure, Section, Task

_ORDER = {key: i for i, key in enumerate(TOPICS)}
_WEIGHTS: dict[str, tuple[str, float]] = {}
for _topic, _words in KEYWORDS.items():
    for _word, _weight in _words.items():
        if _word not in _WEIGHTS or _WEIGHTS[_word][1] < _weight:
            _WEIGHTS[_word] = (_topic, _weight)
_KEYWORD_RE = re.compile(word_pattern(_WEIGHTS))
_KEYS = list(TOPICS)
_KEY_OR_NONE = np.array([*_KEYS, None], dtype=object)  # index len(_KEYS): no topic
_HITS = {word: (_KEYS.index(topic), weight) for word, (topic, weight) in _WEIGHTS.items()}
_KEYWORD_SCAN = WordScan(list(_HITS))  # finds what _KEYWORD_RE finds, twice as fast over a document's tasks
_WORD_TOPIC = np.array([t for t, _ in _HITS.values()], dtype=np.int64)
_WORD_WEIGHT = np.array([w for _, w in _HITS.values()], dtype=np.float64)


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
    """The highest score; on a tie the topic listed first in ``TOPICS``."""
    best, best_score = None, 0.0
    for topic, score in scores.items():
        if best is None or score > best_score or (score == best_score and _ORDER[topic] < _ORDER[best]):
            best, best_score = topic, score
    return best


def topics_of(texts: list[str], titles: list[str]) -> list[str | None]:
    """``classify_topic(text, title)`` of many texts at once.

    One keyword scan of the texts and then the distinct titles, joined by
    line breaks (no keyword holds one, so no hit straddles two of them),
    and one weighted count of the hits per text and topic, so that
    thousands of tasks cost one pass rather than a Python loop each. Hits
    are counted in text order, as ``classify_topic`` adds them, so the sums
    and hence the ties come out the same.
    """
    rows = {title: row for row, title in enumerate(dict.fromkeys(("", *titles)))}  # "" (row 0) votes for nothing
    scanned = [*texts, *list(rows)[1:]]  # the texts, then each distinct title but ""
    scores = np.zeros((len(scanned), len(_KEYS)))
    if scanned:
        starts, words = _KEYWORD_SCAN.find("\n".join(scanned))
        text_ends = np.cumsum(np.fromiter(map(len, scanned), dtype=np.int64, count=len(scanned)) + 1)
        owner = np.searchsorted(text_ends, starts, side="right")
        weights = _WORD_WEIGHT[words] * np.where(owner < len(texts), 1.0, TITLE_WEIGHT)
        scores = np.bincount(owner * len(_KEYS) + _WORD_TOPIC[words], weights=weights,
                             minlength=scores.size).reshape(scores.shape)
    votes = np.vstack((np.zeros(len(_KEYS)), scores[len(texts):]))  # by row of rows
    scores = scores[:len(texts)] + votes[np.fromiter(map(rows.__getitem__, titles), dtype=np.int64, count=len(titles))]
    best = scores.argmax(axis=1)  # the first maximum: ties go to the earlier topic
    top = scores[np.arange(len(texts)), best]
    return _KEY_OR_NONE[np.where(top > 0, best, len(_KEYS))].tolist()


def topics_for_measures(measures: tuple[Measure, ...], tasks: tuple[Task, ...],
                        sections: tuple[Section, ...]) -> tuple[Measure, ...]:
    """Each measure's topic: that of the task holding it, else of its indicator and section title."""
    holder: dict[int, str | None] = {}
    for task in tasks:
        for i in task.measures:
            holder.setdefault(i, task.topic)
    found = [holder.get(i) for i in range(len(measures))]
    unheld = [i for i, topic in enumerate(found) if topic is None]
    # the rest in one batch: classify_topic(indicator, title) of each, as topics_of computes it
    for i, topic in zip(unheld, topics_of([measures[i].indicator_simplified for i in unheld],
                                          [_title(sections, measures[i].section) for i in unheld])):
        found[i] = topic
    return tuple(_with_topic(m, topic) if topic != m.topic else m for m, topic in zip(measures, found))


def _title(sections: tuple[Section, ...], section: int | None) -> str:
    return sections[section].title if section is not None and section < len(sections) else ""


_MEASURE_FIELDS = attrgetter(*(f.name for f in fields(Measure)))
_TOPIC_FIELD = [f.name for f in fields(Measure)].index("topic")
_measure = positional_builder(Measure)


def _with_topic(measure: Measure, topic: str | None) -> Measure:
    """``dataclasses.replace(measure, topic=topic)`` without its per-field bookkeeping."""
    values = list(_MEASURE_FIELDS(measure))
    values[_TOPIC_FIELD] = topic
    return _measure(*values)
