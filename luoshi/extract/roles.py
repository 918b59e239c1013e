"""Where a number sits: the role and period of its section.

The structure stage gives sections with roles (review, plan, targets, …).
A figure in a review section is an achievement, one in a plan or targets
section a target; a year in a heading (2024年工作安排) is the period of the
figures below it. When the structure stage found no sections, short heading
lines with review/plan words stand in for them, so that extraction still
separates 回顾 from 安排; after a review line, a paragraph's plan lead-in
(今年工作的总体要求是:…) starts the plan.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from luoshi.data.headings import MAX_LEAD_IN, PAST_PLAN_WORDS, PLAN_LEAD_INS
from luoshi.data.quantities import (
    CUE_FALSE_FRIENDS,
    DONE_LINE_FALSE_FRIENDS,
    DONE_LINE_WORDS,
    FIVE_YEAR_PLANS,
    NOTES_TITLE_WORDS,
    PART_ACHIEVEMENT_CUES,
    PART_PLAN_PHRASES,
    PART_REVIEW_PHRASES,
    PART_TARGET_CUES,
    PLAN_FIRST_YEARS,
    PLAN_TITLE_WORDS,
    REVIEW_TITLE_WORDS,
)
from luoshi.model import Metadata, Normalised, Section, Structure
from luoshi.structure.sections import cue_role as _cue_role
from luoshi.structure.sections import slogan_cue as _slogan_cue

DECISIVE_ROLES = ("review", "plan", "targets", "notes", "glossary", "appendix", "chrome", "front")
# Roles of a section that a heading line inside it does not overrule.
_KEPT_ROLES = ("notes", "glossary", "appendix", "chrome")
_YEAR_RE = re.compile(r"(20\d\d)年")
_OPENING_YEAR_RE = re.compile(r"(?:关于)?(20\d\d)年(?!\d)")
_FIVE_YEAR_RE = re.compile(r"(十[一二三四五六]五)|今后五年|未来五年|五年奋斗目标")
_PLAN_ORDINAL_RE = re.compile(r"十[一二三四五六]五")
_SHORT_LINE_RE = re.compile(r"^[^\n]{1,40}$", re.MULTILINE)
_LEAD_IN_RE = re.compile(rf"^([^\n。:;!?]{{1,{MAX_LEAD_IN}}}):", re.MULTILINE)
_OPENING_TIME_RE = re.compile(r"(?:^|(?<=[。!?]))[“\"]?(?:(20\d\d)年|(十[一二三四五六]五)”?(?:时期|期间|以来))",
                              re.MULTILINE)
_YEAR_NAMED_RE = re.compile(r"(20\d\d)年(?!\d)")
_NUMBERED_LINE_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、([^\n]{1,16})", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Place:
    role: str | None  # the decisive role of the innermost section that has one
    section: int | None
    period: str | None  # a year or plan period stated by a heading above


def _title_role(title: str) -> str | None:
    says = title.__contains__
    if any(map(says, NOTES_TITLE_WORDS)):
        return "notes"
    if any(map(says, REVIEW_TITLE_WORDS)):
        return "review"
    if any(map(says, PLAN_TITLE_WORDS)):
        return "plan"
    return None


def _title_period(title: str, metadata: Metadata, last: bool = False) -> str | None:
    """The year or plan a title names; ``last``: the last one (the plan part of 十四五成就和十五五目标任务)."""
    m = _last_match(_YEAR_RE, title) if last else _YEAR_RE.search(title)
    if m:
        return m.group(1)
    m = _last_match(_FIVE_YEAR_RE, title) if last else _FIVE_YEAR_RE.search(title)
    if m:
        if m.group(1):
            return m.group(1)
        # 今后五年 in a work report: the end of the term (届末), five years on
        return plan_name(metadata) or (str(metadata.year + 5) if metadata.year else None)
    if "今年" in title and metadata.year:
        return str(metadata.year)
    return None


def _last_match(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    m = None
    for m in rx.finditer(text):
        pass
    return m


def plan_name(metadata: Metadata) -> str | None:
    """十四五 for a plan whose period starts in 2021 (None when not a five-year plan)."""
    if metadata.period:
        m = re.match(r"(\d{4})", metadata.period)
        if m and int(m.group(1)) in FIVE_YEAR_PLANS:
            return FIVE_YEAR_PLANS[int(m.group(1))]
    return None


class RoleMap:
    """Answers ``place(pos)`` for a normalised offset, built once per document.

    ``split`` is where the text turns from review to plan when no section
    says (see review_plan_split), None when one does or no cue word does.
    ``first_planned`` is the first year the document plans: from its
    metadata, else the year its first plan line names (a news item), or None.
    """

    def __init__(self, norm: Normalised, structure: Structure, metadata: Metadata) -> None:
        self._starts: list[int] = []
        self._places: list[Place] = []
        if structure.sections:
            self._from_sections(norm, structure, metadata)
            if not self.has_parts():  # sections that say nothing of review or plan: heading lines may
                self._add_heading_lines(norm.text, metadata)
        else:
            self._from_heading_lines(norm.text, metadata)
        self.first_planned = first_planned_year(metadata) or planned_year_named(norm.text)
        self.split = None if self.has_parts() else _cue_split(norm.text, self.first_planned)  # (its year found above)

    def _from_sections(self, norm: Normalised, structure: Structure, metadata: Metadata) -> None:
        sections = structure.sections
        by_index = {s.index: s for s in sections}
        resolved: dict[int, Place] = {}
        shared = _sibling_roles(sections)
        dated = _dated_roles(sections, metadata)

        def resolve(idx: int) -> Place:
            if idx in resolved:
                return resolved[idx]
            s = by_index[idx]
            parent = resolve(s.parent) if s.parent is not None and s.parent in by_index else None
            role = _own_role(s)
            if s.role in ("review", "plan") and _cue_role(s.title) is None:  # a part the structure stage inherited
                inherited = parent is not None and parent.role in ("review", "plan") \
                    and parent.role != by_index[s.parent].role
                named = _plan_ordinal_role(s.title, metadata) if s.parent is None else None  # a part, not a task
                role = named or (parent.role if inherited else role)
            if parent is not None and _slogan_cue(s.title, role, parent.role, by_index[s.parent].title):
                role = parent.role  # (一)紧盯目标任务,经济运行稳中向好 under 2023年主要成效 still reviews
            if role is None and parent is not None:
                role = parent.role
            if role is None:
                role = dated.get(s.index) or shared.get((s.parent, s.level))
            period = _title_period(s.title, metadata)
            if period is None and parent is not None:  # a plan part under a title naming both: its last time
                turned = role == "plan" and parent.role == "review"
                period = _title_period(by_index[s.parent].title, metadata, last=True) if turned else parent.period
            place = Place(role, s.index, period)
            resolved[idx] = place
            return place

        # A section's span covers its children: sweeping starts in order and
        # returning to the enclosing section where a child ends gives the
        # innermost section at every offset.
        events = []
        for s in sections:
            start, end = norm.from_source(s.span.start, s.span.end)
            events.append((start, end, resolve(s.index)))
        events.sort(key=lambda e: (e[0], -e[1]))
        outside = Place(None, None, None)
        stack: list[tuple[int, Place]] = []
        points: list[tuple[int, Place]] = []
        for start, end, place in events:
            while stack and stack[-1][0] <= start:
                popped_end, _ = stack.pop()
                points.append((popped_end, stack[-1][1] if stack else outside))
            stack.append((end, place))
            points.append((start, place))
        while stack:
            popped_end, _ = stack.pop()
            points.append((popped_end, stack[-1][1] if stack else outside))
        points.sort(key=lambda p: p[0])  # stable: a later event at the same offset wins
        for pos, place in points:
            if self._starts and self._starts[-1] == pos:
                self._places[-1] = place
            else:
                self._starts.append(pos)
                self._places.append(place)

    def _from_heading_lines(self, text: str, metadata: Metadata) -> None:
        points = _heading_lines(text, metadata)
        for pos in sorted(points):
            self._starts.append(pos)
            self._places.append(points[pos])

    def _add_heading_lines(self, text: str, metadata: Metadata) -> None:
        """The roles of heading lines over sections that have none; the sections still number the figures."""
        points = _heading_lines(text, metadata)
        if not points:
            return
        sections = list(zip(self._starts, self._places))
        self._starts, self._places = [], []
        heading = None
        for pos in sorted(set(points) | {p for p, _ in sections}):
            heading = points.get(pos, heading)
            i = bisect_right([p for p, _ in sections], pos) - 1
            section = sections[i][1] if i >= 0 else Place(None, None, None)
            if heading is None or section.role in _KEPT_ROLES:
                place = section
            else:
                place = Place(heading.role, section.section, heading.period or section.period)
            self._starts.append(pos)
            self._places.append(place)

    def has_parts(self) -> bool:
        """Does any section say whether it reviews or plans?"""
        return any(p.role in ("review", "plan", "targets") for p in self._places)

    def place(self, pos: int) -> Place:
        i = bisect_right(self._starts, pos) - 1
        return self._places[i] if i >= 0 else Place(None, None, None)


def _plan_ordinal_role(title: str, metadata: Metadata) -> str | None:
    """Plan for a title that names only the five-year plan the document's first planned year falls in
    (关于“十五五”规划纲要(草案)的说明 in a 2026 report), review for one that names only an earlier plan."""
    named = set(_PLAN_ORDINAL_RE.findall(title))
    first = first_planned_year(metadata)
    if len(named) != 1 or first is None:
        return None
    start = PLAN_FIRST_YEARS.get(named.pop())
    if start is None:
        return None
    return "plan" if start <= first <= start + 4 else "review" if start + 4 < first else None


def _own_role(section: Section) -> str | None:
    """The role a section says itself: the structure stage's decisive role, else its title's words."""
    return section.role if section.role in DECISIVE_ROLES else _title_role(section.title)


def _sibling_roles(sections: Sequence[Section]) -> dict[tuple[int | None, int], str]:
    """The part role (review or plan) that the sections of one parent and level say, where those that say
    one all say the same: an excerpt's (五) with no cue of its own reviews when its sibling (六) does."""
    said: dict[tuple[int | None, int], set[str]] = {}
    for s in sections:
        role = _own_role(s)
        if role in ("review", "plan"):
            said.setdefault((s.parent, s.level), set()).add(role)
    return {key: roles.pop() for key, roles in said.items() if len(roles) == 1}


def _dated_roles(sections: Sequence[Section], metadata: Metadata) -> dict[int, str]:
    """Review or plan for sections that say neither but open on a year (关于2030年工作 / 关于2031年工作):
    among siblings naming different years the latest is planned and the earlier reviewed; a lone one is
    reviewed before the document's year and planned in it."""
    years: dict[tuple[int | None, int], list[tuple[int, int]]] = {}
    for s in sections:
        m = _OPENING_YEAR_RE.match(s.title)
        if m and _own_role(s) is None:
            years.setdefault((s.parent, s.level), []).append((s.index, int(m.group(1))))
    out: dict[int, str] = {}
    for dated in years.values():
        named = {y for _, y in dated}
        latest = max(named) if len(named) > 1 else metadata.year if metadata.year in named else None
        for index, year in dated:
            if latest is not None and year <= latest:
                out[index] = "plan" if year == latest else "review"
            elif metadata.year and year < metadata.year:
                out[index] = "review"
    return out


def _heading_lines(text: str, metadata: Metadata) -> dict[int, Place]:
    """Short lines (and numbered ones) whose words say review or plan, by where they start."""
    points: dict[int, Place] = {}
    for m in _SHORT_LINE_RE.finditer(text):
        line = m.group(0).strip()
        if not line or line[-1] in "。;；,，":
            continue
        role = _line_role(line)
        if role is not None:
            points[m.start()] = Place(role, None, _title_period(line, metadata))
    reviews = sorted(pos for pos, place in points.items() if place.role == "review")
    for m in _LEAD_IN_RE.finditer(text):  # 今年工作的总体要求是:坚持稳中求进。… ends a review line's part
        if reviews and reviews[0] < m.start() and m.start() not in points and _plan_lead_in(m.group(1)):
            points[m.start()] = Place("plan", None, _title_period(m.group(1), metadata))
    for m in _NUMBERED_LINE_RE.finditer(text):
        head = m.group(1)
        role = "review" if any(w in head for w in PART_REVIEW_PHRASES) else (
            "plan" if any(w in head for w in PART_PLAN_PHRASES) else None)
        if role is not None and m.start() not in points:
            points[m.start()] = Place(role, None, _title_period(head, metadata))
    return points


def _plan_lead_in(lead: str) -> bool:
    """Does a paragraph's lead-in (the words before its colon) announce the plan (重点抓好以下工作)?"""
    return any(map(lead.__contains__, PLAN_LEAD_INS)) and not any(map(lead.__contains__, PAST_PLAN_WORDS)) \
        and _line_role(lead) != "review"


def _line_role(line: str) -> str | None:
    """The role a short line gives the text below it: review when it reports done work (DONE_LINE_WORDS) and
    does not look ahead too, none when it does both, else what its words name (``_title_role``)."""
    if _DONE_LINE_RE.search(_DONE_FALSE_FRIENDS_RE.sub("|", line)):
        return None if _TARGET_RE.search(_FALSE_FRIENDS_RE.sub("|", line)) else "review"
    return _title_role(line)


_FALSE_FRIENDS_RE = re.compile("|".join(CUE_FALSE_FRIENDS))
_ACHIEVEMENT_RE = re.compile("|".join(PART_ACHIEVEMENT_CUES))
_TARGET_RE = re.compile("|".join(PART_TARGET_CUES))
_DONE_LINE_RE = re.compile("|".join(DONE_LINE_WORDS))
_DONE_FALSE_FRIENDS_RE = re.compile("|".join(DONE_LINE_FALSE_FRIENDS))


def first_planned_year(metadata: Metadata) -> int | None:
    """The first year a document plans: its plan period's start, else the year it was delivered."""
    if metadata.period and metadata.period[:4].isdigit():
        return int(metadata.period[:4])
    return metadata.year


def _past_openings(text: str, first_planned: int | None) -> list[int]:
    """Where sentences open on a time before the planned one (2020年,全市… / “十三五”期间… in a plan from 2021)."""
    if first_planned is None:
        return []
    past_plans = {name for start, name in FIVE_YEAR_PLANS.items() if start + 4 < first_planned}  # over by then
    out = []
    for m in _OPENING_TIME_RE.finditer(text):
        year, plan = m.group(1), m.group(2)
        if (year and int(year) < first_planned) or (plan and plan in past_plans):
            out.append(m.start())
    return out


def planned_year_named(text: str) -> int | None:
    """The year a text of no known year plans: the one its first line of target cues names (a news item:
    2019年,全市… before 今年…2020年全市要…)."""
    for line in text.split("\n"):
        masked = _FALSE_FRIENDS_RE.sub("|", line)
        if _TARGET_RE.search(masked) and (m := _YEAR_NAMED_RE.search(masked)):
            return int(m.group(1))
    return None


def review_plan_split(text: str, first_planned: int | None = None) -> int | None:
    """Where a text with no review/plan headings turns from review to plan.

    Reports review the past year first and plan the next one after, so the
    split is the paragraph boundary that leaves the most achievement cues
    (同比, 累计, 获得…) before it and the most target cues (力争, 确保, 将…)
    after it; 0 when the whole text reads as a plan, None when no cue word
    says anything either way (a news item that only states figures). A line
    sentence that opens on a time before the first planned year (2020年,… /
    “十三五”期间… in a plan from 2021) counts as an achievement cue; with no
    year known, the planned one is ``planned_year_named``.
    """
    return _cue_split(text, first_planned if first_planned is not None else planned_year_named(text))


def _cue_split(text: str, first_planned: int | None) -> int | None:
    """``review_plan_split`` with the planned year already found (None: none is known)."""
    best, best_score, score, pos = 0, 0, 0, 0
    balances = []
    cued = False
    past = _past_openings(text, first_planned)
    for line in text.split("\n"):
        masked = _FALSE_FRIENDS_RE.sub("|", line)
        achieved = len(_ACHIEVEMENT_RE.findall(masked)) + bisect_left(past, pos + len(line)) - bisect_left(past, pos)
        planned = len(_TARGET_RE.findall(masked))
        cued = cued or bool(achieved or planned)
        balances.append((pos, achieved - planned))
        pos += len(line) + 1
    if not cued:
        return None
    # score(k) = sum(b before k) - sum(b from k) = 2 * prefix(k) - total; maximise the prefix sum
    for start, balance in balances:
        if score > best_score:
            best, best_score = start, score
        score += balance
    if score > best_score:
        best = len(text)
    return best
