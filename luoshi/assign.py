"""Suggest the lead unit (牵头单位) and cooperating units (配合单位) of a task.

A department directory (``luoshi/data/departments.toml`` or a user's copy)
gives each department keywords with weights. A task's text is scanned once
with one compiled alternation, longest keyword first at each position, so
that 营商环境 is not read as 环境. Scores add up per department:

* a keyword counts at most ``MAX_REPEATS`` times (a long paragraph that
  repeats 项目 does not outweigh one 高速);
* hits in the task's first sentence count ``HEADLINE_FACTOR`` times: reports
  open each task with a short headline sentence (加快打造立体交通网络。)
  that names its subject, and the rest lists the means;
* the task's topic, its context (the paragraph's headline) and its section
  title, when given, add their hits at ``TOPIC_FACTOR``, ``CONTEXT_FACTOR``
  and ``SECTION_FACTOR``: a sentence such as 推进项目前期工作 names no
  subject, its paragraph does; a section title is broader (一、深入落实大湾区…
  holds transport, trade and finance tasks alike), so it counts less;
* a department named in the text itself (由市教育局牵头) gets ``NAMED_SCORE``.

The best score is the lead if it reaches ``MIN_LEAD_SCORE`` (one strong
keyword, or a typical one in the headline); otherwise the lead is left open
with a reason. Departments scoring at least ``COOPERATE_FRACTION`` of the
lead's score (and ``MIN_COOPERATE_SCORE``) cooperate, at most
``MAX_COOPERATING``. Ties go to the department with more distinct keywords,
then to the one listed first in the directory.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from luoshi.errors import UsageError

MAX_REPEATS = 2
HEADLINE_FACTOR = 2.0
TOPIC_FACTOR = 1.0
CONTEXT_FACTOR = 1.0
SECTION_FACTOR = 0.5
NAMED_SCORE = 10.0
MIN_LEAD_SCORE = 3.0
COOPERATE_FRACTION = 0.5
MIN_COOPERATE_SCORE = 2.0
MAX_COOPERATING = 3
UNDECIDED = "（待定）"

_HEADLINE_END = re.compile(r"[。！？；]")
_NAMED = -1.0  # weight marker: the token is a department's own name or alias


@dataclass(frozen=True, slots=True)
class Department:
    name: str  # without level prefix: 发展改革局
    aliases: tuple[str, ...] = ()
    keywords: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Directory:
    """The departments of one government and the scanner built from their keywords."""

    departments: tuple[Department, ...]
    origin: str  # "default" or the file it was read from
    pattern: re.Pattern = field(init=False, repr=False, compare=False)
    rules: dict[str, tuple[tuple[int, float], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rules: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, dept in enumerate(self.departments):
            for word, weight in dept.keywords:
                rules[word].append((i, weight))
            for word in (dept.name, *dept.aliases):
                rules[word].append((i, _NAMED))
        words = sorted(rules, key=lambda w: (-len(w), w))  # longest first: the alternation takes the first that fits
        object.__setattr__(self, "pattern", re.compile("|".join(map(re.escape, words))) if words else re.compile("(?!)"))
        object.__setattr__(self, "rules", {w: tuple(r) for w, r in rules.items()})


@dataclass(frozen=True, slots=True)
class Assignment:
    """A suggested lead and cooperating units (names without level prefix), with why."""

    lead: str | None  # None: no department fits well enough (printed as （待定）)
    cooperating: tuple[str, ...]
    score: float
    reasons: tuple[str, ...]


def load_directory(path: str | Path | None = None) -> Directory:
    """The default directory, or a user's TOML file in the same format.

    :raises UsageError: the file is missing, not TOML, or a department is malformed.
    """
    if path is None:
        return default_directory()
    where = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("department directory not found; give a TOML file like luoshi/data/departments.toml",
                         path=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the department directory ({exc.__class__.__name__})", path=where) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"not valid TOML ({exc}); see luoshi/data/departments.toml for the format",
                         path=where) from None
    return Directory(parse_departments(data, where), where)


@cache
def default_directory() -> Directory:
    text = files("luoshi.data").joinpath("departments.toml").read_text(encoding="utf-8")
    return Directory(parse_departments(tomllib.loads(text), "default"), "default")


def parse_departments(data: dict, where: str) -> tuple[Department, ...]:
    entries = data.get("department")
    if not isinstance(entries, list) or not entries:
        raise UsageError("no [[department]] entries; each needs name, aliases and keywords", path=where)
    departments = []
    for n, entry in enumerate(entries, 1):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise UsageError(f"department {n} has no name", path=where)
        aliases = entry.get("aliases", [])
        keywords = entry.get("keywords", {})
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise UsageError(f"department {name}: aliases must be a list of names", path=where)
        if not isinstance(keywords, dict) or not all(
                isinstance(w, int | float) and not isinstance(w, bool) and w > 0 for w in keywords.values()):
            raise UsageError(f"department {name}: keywords must map words to positive weights "
                             '(keywords = { "公路" = 3 })', path=where)
        departments.append(Department(name.strip(), tuple(a.strip() for a in aliases),
                                      tuple((k, float(w)) for k, w in keywords.items() if k.strip())))
    return tuple(departments)


def suggest(task_text: str, topic: str | None = None, *, context: str = "", section: str = "",
            directory: Directory | None = None) -> Assignment:
    """Lead and cooperating units for a task's (normalised, Simplified) text."""
    directory = directory or default_directory()
    scores: dict[int, float] = defaultdict(float)
    words: dict[int, dict[str, float]] = defaultdict(dict)
    named: set[int] = set()
    cut = _HEADLINE_END.search(task_text)
    headline = task_text[:cut.end()] if cut and cut.end() < len(task_text.rstrip()) else ""
    passes = ((task_text, 1.0, MAX_REPEATS), (headline, HEADLINE_FACTOR - 1.0, 1),
              (topic or "", TOPIC_FACTOR, 1), (context, CONTEXT_FACTOR, 1), (section, SECTION_FACTOR, 1))
    for n, (part, factor, limit) in enumerate(passes):
        counted: Counter[tuple[int, str]] = Counter()
        for match in directory.pattern.finditer(part):
            word = match.group()
            for dept, weight in directory.rules[word]:
                if weight == _NAMED:
                    named.update((dept,) if n == 0 else ())
                elif counted[dept, word] < limit:
                    counted[dept, word] += 1
                    scores[dept] += weight * factor
                    words[dept][word] = words[dept].get(word, 0.0) + weight * factor
    for dept in named:
        scores[dept] += NAMED_SCORE
        words[dept]["点名"] = NAMED_SCORE
    ranked = sorted(scores, key=lambda d: (-scores[d], -len(words[d]), d))
    names = [directory.departments[d].name for d in ranked]

    def why(d: int) -> str:
        listed = "、".join(f"{w}{v:g}" for w, v in sorted(words[d].items(), key=lambda kv: -kv[1]))
        return f"{directory.departments[d].name} {scores[d]:g}（{listed}）"

    if not ranked:
        return Assignment(None, (), 0.0, ("没有匹配部门目录中的关键词",))
    best = scores[ranked[0]]
    if best < MIN_LEAD_SCORE:
        return Assignment(None, (), best, (f"最高得分低于{MIN_LEAD_SCORE:g}：{why(ranked[0])}",))
    floor = max(best * COOPERATE_FRACTION, MIN_COOPERATE_SCORE)
    cooperating = [d for d in ranked[1:] if scores[d] >= floor][:MAX_COOPERATING]
    return Assignment(names[0], tuple(directory.departments[d].name for d in cooperating), best,
                      tuple(why(d) for d in (ranked[0], *cooperating)))
