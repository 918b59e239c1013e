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
from bisect import bisect_left, bisect_right
from functools import lru_cache

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
from luoshi.extract.roles import RoleMap, plan_name, review_plan_split
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
# the lookahead rejects a clause that cannot open with a head word before the three alternations try it
_HEAD = (rf"[ \t]*(?=[{''.join(sorted({re.escape(w[0]) for w in _HEAD_WORDS}))}])"
         rf"(?P<subj>{word_pattern(SUBJECT_PREFIXES)}?)(?P<adv>{word_pattern(LEAD_ADVERBS)}*)"
         rf"(?P<verb>{word_pattern(ACTION_VERBS)}{{1,3}})")
# a head opens the text or follows a boundary; matching the boundary character (rather than
# looking behind for it) lets the scan jump from boundary to boundary instead of trying every position
_HEAD_RE = re.compile(_HEAD)
_HEAD_AFTER_BOUNDARY_RE = re.compile(f"[{_BOUNDARY}]{_HEAD}")
_CLAUSE_END_RE = re.compile(f"[{_BOUNDARY}]")
_SENTENCE_END_RE = re.compile(r"[;；。!！?？\n]")
_RHETORIC_RE = re.compile(word_pattern(RHETORIC_OBJECT_WORDS))
_CONTENT = r"\u4e00-\u9fffA-Za-z0-9"  # characters that carry content: Chinese, Latin, digits
_ENOUGH_CONTENT_RE = re.compile(rf"[{_CONTENT}](?:[^{_CONTENT}]*[{_CONTENT}]){{{MIN_OBJECT_CHARS - 1}}}")
# every deadline starts with a digit or one of these characters: the lookahead lets the scan skip the rest
_DEADLINE_RE = re.compile(r"(?=[\d年当今到至上下一二三四第])(?:" + "|".join(f"(?:{p})" for p in DEADLINE_PATTERNS) + ")")
_YEAR_RE = re.compile(r"(20\d\d)年")
_ADVERBS_ONLY = frozenset(LEAD_ADVERBS) - frozenset(ACTION_VERBS)
_ADVERB_RE = re.compile(word_pattern(_ADVERBS_ONLY))
_LONG_OBJECT = 3 * max(map(len, RHETORIC_OBJECT_WORDS)) + MIN_OBJECT_CHARS
_SKIPPED_ROLES = frozenset(("chrome", "notes", "glossary", "front"))
_TRAILING = " \t,，;；。:：、"


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


def _is_rhetoric(obj: str) -> bool:
    if len(obj) > _LONG_OBJECT:
        return False  # an object this long always keeps content words (checked on the corpus)
    return _ENOUGH_CONTENT_RE.search(_RHETORIC_RE.sub("", obj)) is None


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


def _heads(text: str) -> list[re.Match]:
    """Every clause head, but a noun-like verb with neither adverb nor modal subject (服务业增加值…)."""
    first = _HEAD_RE.match(text)
    found = _HEAD_AFTER_BOUNDARY_RE.finditer(text)
    out = []
    for m in ((first, *found) if first else found):
        subj, adv, verb = m.groups()
        if adv or subj in MODAL_SUBJECTS or len(verb) > 2 or verb not in NOUN_LIKE_VERBS:
            out.append(m)
    return out


def extract_tasks(source: Source, norm: Normalised, structure: Structure, metadata: Metadata,
                  measures: tuple[Measure, ...], projects: tuple[Project, ...],
                  slogans: tuple[Slogan, ...]) -> tuple[Task, ...]:
    """Every task of one document, in text order (see the module docstring)."""
    text = norm.text
    heads = _heads(text)
    if not heads:
        return ()
    n_text = len(text)
    skipped = _skipped(structure, norm)
    skip_starts = [s for s, _ in skipped]
    skip_ends = [e for _, e in skipped]
    sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
    sentence_ends.append(n_text)  # the last sentence ends with the text
    roles = RoleMap(norm, structure, metadata)
    split = None if roles.has_parts() else review_plan_split(text)
    plan = plan_name(metadata)
    report_year = str(metadata.year) if metadata.year and metadata.doc_type and "工作报告" in metadata.doc_type \
        else None
    m_starts, m_owner = _mention_index(measures, lambda m: (m.span,))
    p_starts, p_owner = _mention_index(projects, lambda p: p.mentions)
    s_starts, s_owner = _mention_index(slogans, lambda s: s.mentions)
    sent_starts = [s.span.start for s in structure.sentences]
    head_starts = [m.start("subj") for m in heads]
    head_starts.append(n_text)  # the last head's clause may run to the end of the text
    year_hits = [(m.start(), m.group(1)) for m in _YEAR_RE.finditer(text)]
    year_pos = [p for p, _ in year_hits]
    deadlines = [(m.start(), m.group()) for m in _DEADLINE_RE.finditer(text)]
    deadline_pos = [p for p, _ in deadlines]
    n_deadlines = len(deadlines)
    titles = _titles(structure)
    src_start, src_end, source_text = norm.src_start, norm.src_end, source.text
    clause_end_search = _CLAUSE_END_RE.search
    place_at = roles.place

    rows: list[tuple] = []  # each task's fields but its topic and links, which are found for all at once
    task_starts: list[int] = []
    task_ends: list[int] = []
    task_titles: list[str] = []
    for n, m in enumerate(heads):
        start = head_starts[n]
        i = bisect_right(skip_starts, start) - 1
        if i >= 0 and start < skip_ends[i]:
            continue
        k = bisect_left(sentence_ends, start)
        end = min(sentence_ends[k], head_starts[n + 1])
        head_end = m.end()
        clause_end = clause_end_search(text, head_end, end)
        if _is_rhetoric(text[head_end:clause_end.start() if clause_end else end]):
            continue
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end <= head_end:
            continue
        place = place_at(start)
        role = place.role
        if split is not None and role not in _SKIPPED_ROLES:
            role = "review" if start < split else "plan"
        kind = "achievement" if role == "review" else "target"
        y = bisect_left(year_pos, start) - 1  # a year stated earlier in the sentence
        period = year_hits[y][1] if y >= 0 and year_pos[y] > (sentence_ends[k - 1] if k else -1) else place.period
        if period is None and kind == "target":
            period = plan or report_year
        d = bisect_left(deadline_pos, start)
        deadline = deadlines[d][1] if d < n_deadlines and deadline_pos[d] < end else None
        a, b = src_start[start], src_end[end - 1]
        sentence = bisect_right(sent_starts, a) - 1
        _, adv, verb = m.groups()
        head = _head_verb(adv, verb)
        section = place.section
        rows.append((Span(a, b), kind, head, source_text[a:b], text[start:end], period, deadline,
                     sentence if sentence >= 0 else None, section))
        task_starts.append(a)
        task_ends.append(b)
        task_titles.append(titles[section] if section is not None else "")
    topics = topics_of([row[4] for row in rows], task_titles)
    return tuple(Task(sp, kind, verb, txt, simple, period, deadline, topic, sentence, section, ms, ps, ss)
                 for (sp, kind, verb, txt, simple, period, deadline, sentence, section), topic, ms, ps, ss
                 in zip(rows, topics, _links(task_starts, task_ends, m_starts, m_owner),
                        _links(task_starts, task_ends, p_starts, p_owner),
                        _links(task_starts, task_ends, s_starts, s_owner)))


def _links(task_starts: list[int], task_ends: list[int], starts: list[int], owners: list[int]
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
