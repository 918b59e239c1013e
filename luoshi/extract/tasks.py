"""Tasks: the actionable commitments of a document, each with its measures, projects and slogans.

A task is a clause whose head is an action verb (``luoshi.data.verbs``):
after an optional subject (我们将, 全市) and manner adverbs (全力, 积极),
one or more verbs (加快建设, 力争) open the clause. Clauses split at
``，；。：`` and line ends, never at ``、`` (an enumeration stays one task);
a clause that opens with no action verb continues the task before it in
the same sentence (推进X,使Y达到80% is one task).

Rhetoric is not a task: the object (the rest of the head clause) with the
``RHETORIC_OBJECT_WORDS`` removed must keep at least ``MIN_OBJECT_CHARS``
Chinese characters (全面提升发展质量 and 加强作风建设 fail; 加快建设肇明高速
passes). A verb that is often a noun (发展, 服务) heads a task only after an
adverb or a modal (将, 要): 全市服务业增加值增长7% is no task.

Kind follows the section role (review → achievement; plan, targets →
target); in other sections the document's review/plan split decides, as
for measures. Period: a year stated in the sentence before the task, else
the heading's period, else for a target the plan or the report's year.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import lru_cache
from itertools import repeat

import numpy as np

from luoshi.data.verbs import (
    ACTION_VERBS,
    DEADLINE_PATTERNS,
    LEAD_ADVERBS,
    MIN_OBJECT_CHARS,
    MODAL_SUBJECTS,
    NOUN_LIKE_VERBS,
    RHETORIC_OBJECT_WORDS,
    SUBJECT_PREFIXES,
)
from luoshi.extract.alternation import word_pattern
from luoshi.extract.char_tables import char_table, code_points
from luoshi.extract.roles import RoleMap, plan_name
from luoshi.extract.topics import topics_of
from luoshi.model import (
    Measure,
    Metadata,
    Normalised,
    Project,
    Slogan,
    Source,
    Span,
    Structure,
    Task,
)

_BOUNDARY = ",，;；。:：!！?？\n"
_HEAD_WORDS = (*SUBJECT_PREFIXES, *LEAD_ADVERBS, *ACTION_VERBS)
# the adverbs and verbs are tried again and again as the head backtracks: their tries grouped by first
# character already at 40 first characters (not the 128 that suits a scan) cut a fifth of the head scan
_HEAD_FANOUT = 40
# the lookahead rejects a clause that cannot open with a head word before the three alternations try it
_HEAD = (rf"[ \t]*(?=[{''.join(sorted({re.escape(w[0]) for w in _HEAD_WORDS}))}])"
         rf"(?P<subj>{word_pattern(SUBJECT_PREFIXES)}?)(?P<adv>{word_pattern(LEAD_ADVERBS, _HEAD_FANOUT)}*)"
         rf"(?P<verb>{word_pattern(ACTION_VERBS, _HEAD_FANOUT)}{{1,3}})"
         rf"(?P<obj>[^{_BOUNDARY}]*)")  # the object: the rest of the head's clause
# a head opens the text or follows a boundary; matching the boundary character (rather than
# looking behind for it) lets the scan jump from boundary to boundary instead of trying every position
_HEAD_RE = re.compile(_HEAD)
_HEAD_AFTER_BOUNDARY_RE = re.compile(f"[{_BOUNDARY}]{_HEAD}")
_SENTENCE_END = char_table(";；。!！?？\n")
_RHETORIC_RE = re.compile(word_pattern(RHETORIC_OBJECT_WORDS))
_CONTENT = char_table("", ("\u4e00", "\u9fff"), ("A", "Z"), ("a", "z"), ("0", "9"))  # Chinese, Latin, digits
_NEWLINE = ord("\n")
# every deadline starts with a digit or one of these characters: the lookahead rejects the other
# positions before the alternation tries them
_DEADLINE_RE = re.compile(r"(?=[\d年当今到至上下一二三四第])(?:" + "|".join(f"(?:{p})" for p in DEADLINE_PATTERNS) + ")")
# every deadline holds one of these characters and is at most _DEADLINE_REACH long (tested): only the
# few windows that reach an anchor are searched, not every position of the text
_DEADLINE_ANCHOR = char_table("年月季")
_DEADLINE_REACH = 12
_YEAR_RE = re.compile(r"(20\d\d)年")
_ADVERBS_ONLY = frozenset(LEAD_ADVERBS) - frozenset(ACTION_VERBS)
_ADVERB_RE = re.compile(word_pattern(_ADVERBS_ONLY))
_LONG_OBJECT = 3 * max(map(len, RHETORIC_OBJECT_WORDS)) + MIN_OBJECT_CHARS
_SKIPPED_ROLES = frozenset(("chrome", "notes", "glossary", "front"))
_TRAILING_CHAR = char_table(" \t,，;；。:：、")


def _column_builder(cls: type) -> Callable[..., list]:
    """``[cls(*row) for row in zip(*columns)]`` for a frozen ``slots=True`` dataclass, every field given as a
    column in declaration order, no ``__post_init__`` (the values are valid by construction).

    Thousands of tasks per document: creating the objects and then filling each slot over a whole column
    in C (``map`` over the slot's setter) costs a third less than ``luoshi.frozen.positional_builder``'s
    Python call per object.
    """
    setters = [getattr(cls, f.name).__set__ for f in fields(cls)]

    def build(*columns: Sequence) -> list:
        objects = list(map(object.__new__, repeat(cls, len(columns[0]))))
        for set_slot, column in zip(setters, columns, strict=True):
            deque(map(set_slot, objects, column), maxlen=0)
        return objects

    return build


_tasks = _column_builder(Task)
_spans = _column_builder(Span)  # a task's span is never empty


@lru_cache(maxsize=4096)  # a few hundred adverb/verb chains recur across documents
def _head_verb(adv: str, verb: str) -> str:
    """The verb chain with pure manner adverbs dropped (全力配合推进 → 配合推进; 加快建设 stays)."""
    pos = 0
    while True:
        m = _ADVERB_RE.match(adv, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return adv[pos:] + verb


def _rhetoric(objects: list[str]) -> np.ndarray:
    """Whether each object is rhetoric: fewer than ``MIN_OBJECT_CHARS`` content characters once the
    rhetoric words are gone. One substitution over the objects joined by line breaks (no object or
    rhetoric word holds one) and one count per object, rather than two regex calls each."""
    lengths = np.fromiter(map(len, objects), dtype=np.int64, count=len(objects))
    # an object this long always keeps content words (checked on the corpus)
    short = np.flatnonzero(lengths <= _LONG_OBJECT)
    out = np.zeros(len(objects), dtype=bool)
    if len(short):
        cp = code_points(_RHETORIC_RE.sub("", "\n".join([objects[i] for i in short.tolist()])))
        owner = np.cumsum(cp == _NEWLINE)  # a line break belongs to the object after it, and is no content
        out[short] = np.bincount(owner, weights=_CONTENT[cp], minlength=len(short)) < MIN_OBJECT_CHARS
    return out


def _mention_index(items, spans_of) -> tuple[list[int], list[int]]:
    pairs = sorted((sp.start, i) for i, item in enumerate(items) for sp in spans_of(item))
    return [p for p, _ in pairs], [i for _, i in pairs]


def _titles(structure: Structure) -> list[str]:
    """Each section's title, or its nearest titled ancestor's (a 专栏 or an untitled block)."""
    sections = structure.sections
    out: list[str] = []
    for sec in sections:  # parents come before their children
        out.append(sec.title or (out[sec.parent] if sec.parent is not None and sec.parent < len(out) else ""))
    return out


def _skipped(structure: Structure, norm: Normalised) -> list[tuple[int, int]]:
    """Headings and non-body sections, in normalised offsets."""
    out = [norm.from_source(s.span.start, s.span.end) for s in structure.sections if s.role in _SKIPPED_ROLES]
    out += [norm.from_source(s.heading.start, s.heading.end) for s in structure.sections if s.level > 0]
    return sorted(out)


def _heads(text: str) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, adverbs, verbs, object)`` of every clause head, but a noun-like verb with neither
    adverb nor modal subject (服务业增加值…)."""
    first = _HEAD_RE.match(text)
    found = _HEAD_AFTER_BOUNDARY_RE.finditer(text)
    out = []
    for m in ((first, *found) if first else found):
        subj, adv, verb, obj = m.groups()
        if adv or subj in MODAL_SUBJECTS or len(verb) > 2 or verb not in NOUN_LIKE_VERBS:
            start = m.start(1)
            out.append((start, start + len(subj) + len(adv) + len(verb), adv, verb, obj))
    return out


def extract_tasks(source: Source, norm: Normalised, structure: Structure, metadata: Metadata,
                  measures: tuple[Measure, ...], projects: tuple[Project, ...],
                  slogans: tuple[Slogan, ...], roles: RoleMap | None = None) -> tuple[Task, ...]:
    """Every task of one document, in text order (see the module docstring).

    The binary searches that place each head (skipped region, sentence, year,
    deadline, source span, sentence index) run as numpy searches over all
    heads at once, as do the trailing-punctuation and rhetoric checks; only
    the fields loop per task.
    """
    text = norm.text
    heads = _heads(text)
    if not heads:
        return ()
    n_text = len(text)
    cp = code_points(text)
    sentence_ends = np.append(np.flatnonzero(_SENTENCE_END[cp]), n_text)  # the last ends the text
    starts = np.array([h[0] for h in heads])
    k = np.searchsorted(sentence_ends, starts)  # the sentence holding each head
    # a task runs to its sentence's end or the next head, less trailing punctuation
    ends = np.minimum(sentence_ends[k], np.append(starts[1:], n_text))
    while True:
        trailing = (ends > starts) & _TRAILING_CHAR[cp[ends - 1]]
        if not trailing.any():
            break
        ends -= trailing
    keep = ~_in_skipped(starts, structure, norm) & ~_rhetoric([h[4] for h in heads]) \
        & (ends > np.array([h[1] for h in heads]))
    kept = np.flatnonzero(keep)
    if not len(kept):
        return ()
    t_starts, t_ends = starts[kept], ends[kept]
    k = np.searchsorted(sentence_ends, t_starts)
    periods = _stated_years(text, t_starts, np.where(k > 0, sentence_ends[k - 1], -1))
    deadlines = _deadlines(text, cp, t_starts, t_ends)
    src_a = np.asarray(norm.src_start)[t_starts]
    src_b = np.asarray(norm.src_end)[t_ends - 1]
    sentences = np.searchsorted(np.array([s.span.start for s in structure.sentences], dtype=np.int64), src_a,
                                side="right") - 1
    task_starts, task_ends = src_a.tolist(), src_b.tolist()

    if roles is None:
        roles = RoleMap(norm, structure, metadata)
    split = roles.split
    plan = plan_name(metadata)
    report_year = str(metadata.year) if metadata.year and metadata.doc_type and "工作报告" in metadata.doc_type \
        else None
    titles = _titles(structure)
    place_at = roles.place
    rows: list[tuple] = []  # (kind, verb, period, section) of each task; topics and links are found for all at once
    for i, start, period in zip(kept.tolist(), t_starts.tolist(), periods):
        adv, verb = heads[i][2:4]
        place = place_at(start)
        role = place.role
        if split is not None and role not in _SKIPPED_ROLES:
            role = "review" if start < split else "plan"
        kind = "achievement" if role == "review" else "target"
        if period is None:
            period = place.period
            if period is None and kind == "target":
                period = plan or report_year
        rows.append((kind, _head_verb(adv, verb) if adv else verb, period, place.section))
    kinds, verbs, periods, sections = zip(*rows)
    bounds = list(zip(t_starts.tolist(), t_ends.tolist()))
    simplified = [text[a:b] for a, b in bounds]
    topics = topics_of(simplified, [titles[s] if s is not None else "" for s in sections])
    written = [norm.written(source.text, a, b) for a, b in bounds]  # as written, less line breaks and page lines
    return tuple(_tasks(_spans(task_starts, task_ends), kinds, verbs, written, simplified, periods, deadlines,
                        topics, [s if s >= 0 else None for s in sentences.tolist()], sections,
                        _links(src_a, task_ends, *_mention_index(measures, lambda m: (m.span,))),
                        _links(src_a, task_ends, *_mention_index(projects, lambda p: p.mentions)),
                        _links(src_a, task_ends, *_mention_index(slogans, lambda s: s.mentions))))


def _in_skipped(starts: np.ndarray, structure: Structure, norm: Normalised) -> np.ndarray:
    """Whether each position lies in the last skipped region starting at or before it."""
    skipped = _skipped(structure, norm)
    if not skipped:
        return np.zeros(len(starts), dtype=bool)
    skip_starts = np.array([s for s, _ in skipped])
    skip_ends = np.array([e for _, e in skipped])
    i = np.searchsorted(skip_starts, starts, side="right") - 1
    return (i >= 0) & (starts < skip_ends[i])  # i == -1 reads the last region, but the mask drops it


def _stated_years(text: str, starts: np.ndarray, marks: np.ndarray) -> list[str | None]:
    """For each task start, the last year stated before it in its sentence (after the mark before it, or -1)."""
    hits = [(m.start(), m.group(1)) for m in _YEAR_RE.finditer(text)]
    if not hits:
        return [None] * len(starts)
    pos = np.array([p for p, _ in hits])
    y = np.searchsorted(pos, starts) - 1
    stated = (y >= 0) & (pos[y] > marks)
    return [hits[i][1] if ok else None for i, ok in zip(y.tolist(), stated.tolist())]


def _deadlines(text: str, cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[str | None]:
    """For each task, the first deadline starting inside it."""
    hits = _deadline_hits(text, cp)
    if not hits:
        return [None] * len(starts)
    pos = np.array([p for p, _ in hits] + [len(text)])  # a sentinel no task end passes
    d = np.searchsorted(pos, starts)
    inside = pos[d] < ends
    return [hits[i][1] if ok else None for i, ok in zip(d.tolist(), inside.tolist())]


def _deadline_hits(text: str, cp: np.ndarray) -> list[tuple[int, str]]:
    """``(start, deadline)`` of each match of ``_DEADLINE_RE.finditer(text)``, found near the anchors.

    A match starting at ``s`` holds an anchor ``a`` with ``s > a - _DEADLINE_REACH``; searching up to
    ``a + _DEADLINE_REACH`` cuts no match that starts at or before ``a`` short, and matches starting
    after ``a`` are left to a later anchor's window.
    """
    hits = []
    pos = 0  # every match starting before pos has been found
    for a in np.flatnonzero(_DEADLINE_ANCHOR[cp]).tolist():
        pos = max(pos, a - _DEADLINE_REACH + 1)
        while pos <= a:
            m = _DEADLINE_RE.search(text, pos, a + _DEADLINE_REACH)
            if m is None or m.start() > a:
                break
            hits.append((m.start(), m.group()))
            pos = m.end()
        pos = max(pos, a + 1)
    return hits


def _links(task_starts: np.ndarray, task_ends: list[int], starts: list[int], owners: list[int]
           ) -> list[tuple[int, ...]]:
    """For each task, the owners of the mentions that start inside it, each once, in order.

    Tasks are sorted, so a mention lies in the last task that starts at or before it, and in
    the ones before that for as long as they still reach it (they can share a source character
    only where a repair maps several characters to one). One pass over the mentions instead
    of a search per task.
    """
    found: dict[int, dict[int, None]] = {}
    if starts:
        holders = np.searchsorted(task_starts, starts, side="right") - 1
        for t, pos, owner in zip(holders.tolist(), starts, owners):
            while t >= 0 and pos < task_ends[t]:
                found.setdefault(t, {})[owner] = None
                t -= 1
    out: list[tuple[int, ...]] = [()] * len(task_starts)
    for t, owned in found.items():
        out[t] = tuple(owned)
    return out
