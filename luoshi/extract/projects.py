"""Named key projects: 肇明高速, 广湛高铁, 西江码头, 市第七人民医院 …

A project is a kind suffix (``luoshi.data.projects.KIND_SUFFIXES``) with a
specific name before it. The name is the run of characters left of the
suffix, back to punctuation or the previous project, starting after the last
verb, adverb or connective in that run (加快建设肇明高速 → 肇明高速;
中心城区至明港机场 → 明港机场) and after a leading count (4个西江码头 →
西江码头). It must keep 2–8 characters and must not be built only from
generic modifiers (现代农业产业园, 乡镇卫生院) nor contain a category mark
(县级人民医院, 各类园区). An enumeration that shares one suffix names each
member (广湛、珠肇、深南高铁 → 广湛高铁, 珠肇高铁, 深南高铁).
Mentions of the same name are grouped into one ``Project``.
"""
from __future__ import annotations

import re

from luoshi.data.projects import (
    COUNT_PREFIX,
    GENERIC_MARKS,
    GENERIC_MODIFIERS,
    IDIOM_NAMES,
    KIND_SUFFIXES,
    NAME_CUT_WORDS,
    NAME_LEFT_STOPS,
    PORT_FALSE_FOLLOWERS,
    PORT_FALSE_LEADERS,
)
from luoshi.data.verbs import ACTION_VERBS, LEAD_ADVERBS
from luoshi.extract.alternation import word_pattern
from luoshi.frozen import positional_builder
from luoshi.model import Metadata, Normalised, Project, Source, Span, Structure, Task

MAX_PREFIX = 8
MIN_PREFIX = 2
_LOOKBACK = 16
_SUFFIX_RE = re.compile(word_pattern(KIND_SUFFIXES))
# a name holding another kind word is two things run together (车产业城产业园); 港 alone may be a place (明港)
_INNER_SUFFIX_RE = re.compile(word_pattern(s for s in KIND_SUFFIXES if len(s) > 1))
_NAME_RUN_RE = re.compile(f"[^{re.escape(''.join(NAME_LEFT_STOPS))}]*\\Z")
_CUT_RE = re.compile(word_pattern({*NAME_CUT_WORDS, *ACTION_VERBS, *(a for a in LEAD_ADVERBS if len(a) > 1)}))
_GENERIC_RE = re.compile(f"(?:{word_pattern(GENERIC_MODIFIERS)})+")
_COUNT_RE = re.compile(COUNT_PREFIX)
_GENERIC_MARKS = frozenset(GENERIC_MARKS)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
# a phase or section right after the suffix belongs to the name: 二期, (肇庆段)
_TAIL_RE = re.compile(r"[一二三四五六七八九十\d]期|\([^()\n]{1,8}段\)|新院区|新院")
# the suffix glued to more name characters is part of a longer word: 园区化, 机场站
_GLUED_AFTER = {"港": "区", "园区": "化", "机场": "站"}
_project = positional_builder(Project)  # link_projects rebuilds hundreds: replace() costs four times more


def _is_generic(prefix: str) -> bool:
    """Made up only of generic modifiers (现代农业, 省级 …), or marked as a category."""
    return not _GENERIC_MARKS.isdisjoint(prefix) or _GENERIC_RE.fullmatch(prefix) is not None


def _name_start(text: str, end: int, floor: int) -> int:
    """Where the name before ``end`` starts (see the module docstring)."""
    # the longest run of non-stop characters ending at ``end``, at most _LOOKBACK long, not before floor
    start = _NAME_RUN_RE.search(text, max(floor, end - _LOOKBACK), end).start() if floor < end else end
    last = None
    for last in _CUT_RE.finditer(text, start, end):
        pass
    if last is not None:
        start = last.end()
    for count in _COUNT_RE.finditer(text, start, end):
        start = count.end()
    return start


def _good(prefix: str) -> bool:
    return MIN_PREFIX <= len(prefix) <= MAX_PREFIX and bool(_NAME_CHARS.fullmatch(prefix)) \
        and not _is_generic(prefix) and _INNER_SUFFIX_RE.search(prefix) is None


def find_project_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, suffix)`` of every project mention in ``text``, in order."""
    out: list[tuple[int, int, str, str]] = []
    floor = 0  # a name never reaches back over the previous suffix
    for m in _SUFFIX_RE.finditer(text):
        suffix, s0, e0 = m.group(), m.start(), m.end()
        prev_floor = floor
        if suffix == "港" and (text[e0:e0 + 1] in PORT_FALSE_FOLLOWERS or text[s0 - 1:s0] in PORT_FALSE_LEADERS):
            continue
        if _GLUED_AFTER.get(suffix) == text[e0:e0 + 1]:
            continue
        start = _name_start(text, s0, prev_floor)
        if not _good(text[start:s0]) or text[start:e0] in IDIOM_NAMES:
            continue
        end = e0
        tail = _TAIL_RE.match(text, end)
        if tail:
            end = tail.end()
        floor = end
        out.append((start, end, text[start:end], suffix))
        # members of an enumeration before it share the suffix: 广湛、珠肇、深南高铁
        while start > prev_floor + 1 and text[start - 1] == "、":
            ms = _name_start(text, start - 1, prev_floor)
            member = text[ms:start - 1]
            if not _good(member) or len(member) > 4:
                break
            out.append((ms, start - 1, member + suffix, suffix))
            start = ms
    out.sort()
    return out


def extract_projects(source: Source, norm: Normalised, structure: Structure, metadata: Metadata
                     ) -> tuple[Project, ...]:
    """Every named project of one document, mentions grouped by name, in order of first mention."""
    groups: dict[str, tuple[str, list[Span]]] = {}
    for start, end, name, suffix in find_project_mentions(norm.text):
        groups.setdefault(name, (suffix, []))[1].append(norm.to_source(start, end))
    return tuple(
        Project(name=name, kind=suffix, category=KIND_SUFFIXES[suffix], mentions=tuple(spans))
        for name, (suffix, spans) in groups.items()
    )


def link_projects(projects: tuple[Project, ...], tasks: tuple[Task, ...]) -> tuple[Project, ...]:
    """Each project with the tasks that mention it (``Task.projects`` read the other way)."""
    mentioned: dict[int, list[int]] = {}
    for t, task in enumerate(tasks):
        for p in task.projects:
            mentioned.setdefault(p, []).append(t)
    return tuple(_project(p.name, p.kind, p.category, p.mentions, tuple(mentioned[i])) if i in mentioned else p
                 for i, p in enumerate(projects))
