"""What a document's title page states: title, type, session, date, speaker, plan period.

A work report opens with its title, a line saying when and where it was
delivered (——2023年2月22日在连州市第十六届人民代表大会第三次会议上) and who
delivered it (市长 戴少枚); a plan opens with its title and the session that
approved it ((2021年1月31日区十七届人大七次会议审议批准)). Only sessions
written that way count: the body also cites earlier sessions (较好完成了市四届
人大三次会议确定的目标), which say nothing about this document.

All functions read the normalised (Simplified) title-page lines, chrome
lines excluded; the session line may be broken over two lines, so it is
searched in the lines joined.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from luoshi.data import doc_types as T
from luoshi.data.metadata_cues import (
    CN_NUMERAL,
    LEADER_TITLES,
    PERSON_NAME,
    SESSION,
    ZERO_LOOKALIKES,
)
from luoshi.extract.numbers import parse_chinese, to_chinese

_YEAR = rf"(?P<y>\d{{4}}|[{CN_NUMERAL}O○]{{4}})"
_DATE = rf"{_YEAR}\s*年\s*(?P<m>\d{{1,2}}|[{CN_NUMERAL}]{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|[{CN_NUMERAL}]{{1,3}})\s*日"
# A session is this document's when it is where the report was delivered (在…会议上)
# or the plan approved (…会议审议批准), or when a title line names it.
_STATED_SESSION = re.compile(
    rf"(?:(?P<date>{_DATE})(?:(?![年日])[^。，；,;\n]){{0,24}}?)?(?P<session>{SESSION})"
    r"(?=上|审议|批准|通过|[^。，；]{0,12}政府工作报告)"
)
_SPEAKER = re.compile(
    rf"(?<!副)(?P<title>{'|'.join(sorted(LEADER_TITLES, key=len, reverse=True))})\s*(?P<name>{PERSON_NAME})$"
)
_TITLE_END = re.compile(rf"{T.TITLE_END}$")
_TITLE_TYPES = tuple((re.compile(p), t) for p, t in T.TITLE_TYPES)
_PLAN_ORDINAL = re.compile(T.PLAN_ORDINAL)
_PLAN_PERIOD = re.compile(T.PLAN_PERIOD)
# 2024年连州市政府工作报告. A plan report is delivered in the year it plans: the last year its title names
# (2022年…执行情况与2023年…草案 → 2023; 2025年国民经济和社会发展计划 → 2025).
_TITLE_YEAR = re.compile(rf"{_YEAR}\s*年(?:度)?[^\d年]{{0,16}}?政府工作报告")
_ANY_YEAR = re.compile(rf"{_YEAR}\s*年")
_REVIEW_HEADING = re.compile(T.REVIEW_HEADING)
_PLAN_HEADING = re.compile(T.PLAN_HEADING)
_OPENING = re.compile(r"各位代表[:：!！,，]?\s*(?:现在|$)")
# A whole report's salutation comes after its title page (title, ——delivered at… line, speaker), which has
# no sentence in it: that many lines are looked at, up to the first sentence.
SALUTATION_LINES = 6
_SENTENCE_END = re.compile(r"[。！？!?]")
_BRACKETED_DATE = re.compile(rf"\(({_DATE})\)")
# Lines a title is never made of: a bare date (a notice's signature), a bracketed remark ((此件公开发布)),
# a numbered heading (a table of contents above the title).
_NOT_TITLE = re.compile(rf"(?:{_DATE}|\([^()]*\))$|(?:[{CN_NUMERAL}]{{1,3}}、|\([{CN_NUMERAL}]{{1,3}}\)|第[{CN_NUMERAL}]{{1,3}}[章节篇])")
_SITE_TAG = re.compile(r"^[\[【][^\]】]{1,8}[\]】]\s*")  # a forum's or site's category before the title: [内蒙古] 2024年…
SPEAKER_TAIL = 24  # the leader's title and name end their line: only its tail is searched
MAX_TITLE_LINES = 4  # a title broken over at most this many lines
MAX_TITLE_LENGTH = 90


@dataclass(frozen=True, slots=True)
class Stated:
    """One value and how it was found (for Metadata.notes)."""

    value: str
    how: str


def title(lines: Sequence[str]) -> Stated | None:
    """The first title in the title-page lines: a line (or up to four joined) ending in a type word."""
    for i, line in enumerate(lines):
        if not line or "。" in line or line.startswith(("—", "-")):
            continue
        joined = ""
        for j in range(i, min(i + MAX_TITLE_LINES, len(lines))):
            part = lines[j].strip()
            if not part or "。" in part or "，" in part or "," in part or part.startswith(("—", "-")) or _NOT_TITLE.match(part):
                break
            joined += part
            if len(joined) > MAX_TITLE_LENGTH:
                break
            if _TITLE_END.search(joined):
                where = f"title line{'s' if j > i else ''} {i + 1}" + (f"–{j + 1}" if j > i else "")
                return Stated(_SITE_TAG.sub("", joined), where)
    return None


def doc_type(title_text: str) -> str | None:
    for pattern, kind in _TITLE_TYPES:
        if pattern.search(title_text):
            return kind
    return None


def doc_type_from_cues(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The type with at least two distinct cues in ``text`` and more than any other type."""
    found = sorted(((tuple(c for c in cues if c in text), kind) for kind, cues in T.TYPE_CUES.items()),
                   key=lambda f: -len(f[0]))
    (best, kind), runner_up = found[0], found[1][0]
    return (kind, best) if len(best) >= 2 and len(best) > len(runner_up) else None


def session_and_date(lines: Sequence[str]) -> tuple[Stated | None, Stated | None]:
    """The congress session that heard or approved this document, and the date given with it."""
    flat = "".join(lines)
    found = list(_STATED_SESSION.finditer(flat)) if "届" in flat else []
    # a notice printed above the report may name the session first, undated: the dated delivery line wins
    m = next((f for f in found if f.group("date")), found[0] if found else None)
    if not m:
        return None, _bracketed_date(lines)
    term, meeting = _ordinal(m.group("term")), _ordinal(m.group("meeting"))
    session = Stated(f"第{term}届人民代表大会第{meeting}次会议", f"stated: {m.group('session')}")
    date = None
    if m.group("date"):
        iso = iso_date(m.group("date"))
        if iso:
            date = Stated(iso, f"stated with the session: {m.group('date')}")
    return session, date or _bracketed_date(lines)


def _bracketed_date(lines: Sequence[str]) -> Stated | None:
    """A title page's date line of its own in brackets, ``(2024年3月12日)``, above the salutation.

    A bare date line is not taken: a notice printed above the report signs with one.
    """
    for line in lines:
        if line.startswith("各位代表"):
            break
        m = _BRACKETED_DATE.fullmatch(line.strip())
        if m and (iso := iso_date(m.group(1))):
            return Stated(iso, f"stated in brackets under the title: {line.strip()}")
    return None


def speaker(lines: Sequence[str]) -> Stated | None:
    """The leader named at the end of a title-page line (市长 戴少枚), before the salutation."""
    for line in lines:
        if line.startswith("各位代表"):
            break
        m = _SPEAKER.search(line.strip()[-SPEAKER_TAIL:])
        if m:
            return Stated(m.group("name"), f"stated: {m.group(0)}")
    return None


def title_year(title_text: str) -> int | None:
    m = _TITLE_YEAR.search(title_text)
    if m:
        return _year(m.group("y"))
    if doc_type(title_text) == T.PLAN_REPORT:
        return max(filter(None, (_year(y.group("y")) for y in _ANY_YEAR.finditer(title_text))), default=None)
    return None


def plan_period(title_text: str, lines: Sequence[str]) -> Stated | None:
    """A five-year plan's years: from its ordinal (十四五 → 2021-2025) or an explicit 2021—2025年."""
    m = _PLAN_ORDINAL.search(title_text)
    if m:
        n = int(parse_chinese(m.group("n1") or m.group("n2") or m.group("n3")))
        start = T.FIRST_PLAN_YEARS.get(n, T.FIRST_PLAN_YEARS[3] + 5 * (n - 3))
        return Stated(f"{start}-{start + 4}", f"the {n}th five-year plan ({m.group(0)})")
    for line in lines:
        p = _PLAN_PERIOD.search(line)
        if p and int(p.group("end")) - int(p.group("start")) == 4:
            return Stated(f"{p.group('start')}-{p.group('end')}", f"stated: {p.group(0)}")
    return None


def heading_year(text: str) -> Stated | None:
    """A work report's year from its headings: 2023年工作安排 → 2023, 2022年工作回顾 → 2023."""
    plan = _PLAN_HEADING.search(text)
    if plan:
        return Stated(plan.group("year"), f"inferred from the heading {plan.group(0).strip()}")
    review = _REVIEW_HEADING.search(text)
    if review:
        return Stated(str(int(review.group("year")) + 1),
                      f"inferred: the heading {review.group(0).strip()} reviews the year before the report")
    return None


def opens_with_salutation(lines: Sequence[str]) -> bool:
    """Whether the text starts like a whole report (各位代表：现在…) rather than mid-way: the salutation
    is among its first lines, after title-page lines only (no sentence before it)."""
    for line in lines[:SALUTATION_LINES]:
        if _OPENING.match(line):
            return True
        if _SENTENCE_END.search(line):
            return False
    return False


def iso_date(written: str) -> str | None:
    """``2023年2月22日`` or ``二〇二三年二月二十二日`` → ``2023-02-22`` (None if not a real date)."""
    m = re.fullmatch(_DATE, written.strip())
    if not m:
        return None
    year, month, day = _year(m.group("y")), _number(m.group("m")), _number(m.group("d"))
    try:
        return datetime.date(year, month, day).isoformat() if year else None
    except ValueError:  # 2月30日
        return None


def _year(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    try:
        return int(parse_chinese(written.translate(ZERO_LOOKALIKES)))
    except ValueError:
        return None


def _number(written: str) -> int:
    return int(written) if written.isdigit() else int(parse_chinese(written))


def _ordinal(written: str) -> str:
    """Session ordinals in Chinese numerals, as congresses write them: 16 → 十六."""
    return to_chinese(int(written)) if written.isdigit() else written
