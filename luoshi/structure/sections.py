"""Sections: the heading tree plus the blocks no heading announces, with roles.

Besides one section per heading (its span runs to the next heading of the
same or a higher level), the outline holds:

* level-0 sections for the text before the first heading: the preamble
  ("front" when it holds a title, session line or 各位代表; else "body")
  and any chrome regions (``Source.chrome``) in it;
* "targets" blocks: the sentence that states the headline targets
  (``今年经济社会发展的主要预期目标是:…。``), through its 。 — or, when the
  cue ends its line, through the ——/numbered lines that list them — as a
  child of the plan or body section it sits in;
* "notes" blocks: runs of 〔1〕… lines outside any glossary;
* "chrome" children for chrome regions after the first heading;
* a contents list at the top (一、…回顾 / 二、…安排 on adjacent lines, ``_contents``)
  gives empty sections, and the text after it a level-0 block of its own.

Roles: a heading's title cue (``ROLE_CUES``, ``TARGET_TITLE``; a title ending
in the progress made, ``PROGRESS_TITLE``, has none) decides; an
appendix label gives "appendix"; otherwise a section inherits its parent's
role, and a top-level section takes the role its first sentence opens with
(``OPENING_CUES``: 过去一年… is review, 今后五年… plan), failing that the role
of the previous top-level section when that was review or plan (a plan's
chapters after 总体要求 are plan); a title with cues of both (发展背景和总体要求)
passes on the role of its last cue. Before the first heading, a document
that calls itself a summary or debrief (``RETROSPECTIVE_TITLE``) passes on
review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from luoshi.data import headings as H
from luoshi.structure.headings import Heading

_TARGET_TITLE = re.compile(H.TARGET_TITLE)
_TARGET_EXCLUDES = re.compile(H.TARGET_TITLE_EXCLUDES)
_TARGET_WORD = re.compile("|".join(H.TARGET_WORDS))
_TARGET_CUE = re.compile(f"(?:{_TARGET_WORD.pattern}){H.TARGET_COPULA}")
_PROGRESS = re.compile(H.PROGRESS_TITLE)
_SLOGAN = re.compile(H.SLOGAN_TITLE)
_PARTS = ("review", "plan")
_LISTED_KINDS = frozenset(kind for kind, _ in H.NUMBERED_KINDS)  # what a contents list numbers
_CUES = {role: re.compile("|".join(words)) for role, words in H.ROLE_CUES.items()}
_OPENING = {role: re.compile(rf"[\s“]*(?:{'|'.join(words)})") for role, words in H.OPENING_CUES.items()}
_PLAN_TURN = re.compile("|".join(H.PLAN_TURN_WORDS))
_FRONT = re.compile("|".join(re.escape(c) for c in H.FRONT_CUES))
_RETROSPECTIVE = re.compile(H.RETROSPECTIVE_TITLE, re.MULTILINE)
_NOTE_MARK = re.compile(H.NOTE_MARK)
_NOTE_LINE = re.compile(rf"\n(?:{H.NOTE_MARK})")  # a note line after the first: it starts at .start() + 1
_LIST_LINE = re.compile(H.LIST_ITEM)
_SENTENCE_END = re.compile(r"[。!?\n]")
_HOSTS_TARGETS = frozenset({"plan", "body"})


@dataclass(frozen=True, slots=True)
class Block:
    """A section in normalised offsets; ``parent`` indexes the final list."""

    start: int
    end: int
    head_start: int
    head_end: int
    level: int
    label_end: int  # head_start..label_end is the numbering label
    title: str
    role: str
    parent: int | None


def build_sections(text: str, headings: list[Heading], chrome: list[tuple[int, int]]) -> list[Block]:
    """The outline of ``text`` in document order (parents before children)."""
    blocks: list[tuple[Block, int | None]] = []  # (block, parent key); keys index ``blocks``
    first = headings[0].start if headings else len(text)
    for s, e, role in _preamble(text, first, chrome):
        blocks.append((Block(s, e, s, s, 0, s, "", role, None), None))
    heading_key: list[int] = []
    roles: list[str] = []
    previous_top = "review" if _RETROSPECTIVE.search(text, 0, first) else "body"
    toc = _contents(text, headings)
    after, gap = _after_contents(text, headings, toc)
    turns: dict[int, int] = {}  # a heading naming both parts → where its own text turns to the plan
    for i, h in enumerate(headings):
        if i == after and gap:
            blocks.append(gap)
        end = h.end if i in toc else _section_end(text, headings, i)
        parent = h.parent if h.parent not in toc else None  # a contents entry, and the body after the list
        parent_key = heading_key[parent] if parent is not None else None
        role = cue_role(h.title)
        if parent is not None and slogan_cue(h.title, role, roles[parent], headings[parent].title):
            role = roles[parent]  # (一)紧盯目标任务,经济运行稳中向好 under 2023年工作回顾 still reviews
        if role is None:
            if h.kind == "annex":  # an annex that reports progress (2030年民生实事完成情况) reviews
                role = "review" if _PROGRESS.search(h.title) else "appendix"
            elif parent is not None and parent in turns and h.start >= turns[parent]:
                role = "plan"  # (一)大力发展人工智能 after the lead text of 成就和…目标任务 turned to the plan
            elif parent is not None:
                role = roles[parent]
            else:
                role = _opening_role(text, h.end) or (previous_top if previous_top in ("review", "plan") else "body")
        if parent is None and i not in toc:
            previous_top = _last_role(h.title) or role  # 发展背景和总体要求: the chapters after it are plan
        roles.append(role)
        heading_key.append(len(blocks))
        blocks.append((Block(h.start, end, h.start, h.end, h.level, h.start + len(h.label), h.title, role, None), parent_key))
        if role == "review" and i not in toc and _names_review_then_plan(h.title):
            lead_end = headings[i + 1].start if i + 1 < len(headings) and headings[i + 1].parent == i else end
            turn = _plan_turn(text, h.end, lead_end)
            if turn is not None:
                turns[i] = turn
                if turn < lead_end:
                    lo, hi = _trim(text, turn, lead_end)
                    blocks.append((Block(lo, hi, lo, lo, h.level + 1, lo, "", "plan", None), heading_key[-1]))
    if after == len(headings) and gap:
        blocks.append(gap)
    owner = innermost(len(text), [b for b, _ in blocks])  # blocks are in document order here
    extra: list[tuple[Block, int | None]] = []
    for s, e in chrome:
        if s >= first and owner[s] >= 0:
            host = blocks[owner[s]][0]
            extra.append((Block(s, min(e, host.end), s, s, host.level + 1, s, "", "chrome", None), int(owner[s])))
    extra += _target_blocks(text, blocks, owner, {h.start for h in headings})
    extra += _note_blocks(text, blocks, owner)
    return _finish(blocks + extra)


def _contents(text: str, headings: list[Heading]) -> set[int]:
    """The headings of a contents list: the first heading, empty and numbered 1, right above its sibling 2
    (一、…回顾 / 二、…安排 on adjacent lines), and every heading that follows it line by line. Their
    sections are empty: the text after the list is no part of its last entry."""
    if len(headings) < 2:
        return set()
    first, second = headings[0], headings[1]
    if not (first.ordinal == 1 and second.ordinal == 2 and first.kind == second.kind in _LISTED_KINDS
            and first.level == second.level and not text[first.end:second.start].strip()):
        return set()
    toc = {0}
    for i in range(1, len(headings)):
        h = headings[i]
        if text[headings[i - 1].end:h.start].strip() or h.kind == first.kind and h.ordinal == 1:
            break  # text, or the document itself starting over at 一、 right below the list
        toc.add(i)
    return toc


def _after_contents(text: str, headings: list[Heading], toc: set[int]) -> tuple[int, tuple[Block, None] | None]:
    """The text between a contents list and the next heading, a level-0 block like a preamble, and the index
    of that heading."""
    if not toc:
        return -1, None
    after = max(toc) + 1
    s, e = _trim(text, headings[after - 1].end, headings[after].start if after < len(headings) else len(text))
    if s >= e:
        return after, None
    return after, (Block(s, e, s, s, 0, s, "", "front" if _FRONT.search(text, s, e) else "body", None), None)


def _preamble(text: str, first: int, chrome: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Level-0 pieces before the first heading: chrome regions and the rest."""
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    for s, e in chrome:
        if s >= first:
            break
        pieces.append((pos, s, ""))
        pieces.append((s, min(e, first), "chrome"))
        pos = min(e, first)
    pieces.append((pos, first, ""))
    out = []
    for s, e, role in pieces:
        s, e = _trim(text, s, e)
        if s < e:
            out.append((s, e, role or ("front" if _FRONT.search(text, s, e) else "body")))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n":
        s += 1
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    return s, e


def _section_end(text: str, headings: list[Heading], i: int) -> int:
    level = headings[i].level
    end = len(text)
    for h in headings[i + 1:]:
        if h.level <= level:
            end = h.start
            break
    return _trim(text, headings[i].start, end)[1]


def cue_role(title: str) -> str | None:
    """The role a heading's own words give it (None: it inherits one)."""
    if _CUES["glossary"].search(title):
        return "glossary"
    if _TARGET_TITLE.search(title) and not _TARGET_EXCLUDES.search(title):
        return "targets"
    if _PROGRESS.search(title):
        return None
    first: tuple[int, str] | None = None
    for role in ("front", "notes", "review", "plan"):
        m = _CUES[role].search(title)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), role)
    return first[1] if first else None


def slogan_cue(title: str, role: str | None, parent_role: str | None, parent_title: str) -> bool:
    """Is a child's review/plan cue, against its part's, only a word of a slogan of clauses (紧盯目标任务,…)?
    Not under a parent that names both parts (过去五年工作回顾和今后五年工作建议): its children split them."""
    return role in _PARTS and parent_role in _PARTS and role != parent_role and _SLOGAN.search(title) is not None \
        and not all(_CUES[part].search(parent_title) for part in _PARTS)


def _names_review_then_plan(title: str) -> bool:
    """A title naming both parts, the review first (“十四五”时期发展成就和“十五五”时期主要目标任务)."""
    return cue_role(title) == "review" and _last_role(title) == "plan"


def _plan_turn(text: str, start: int, end: int) -> int | None:
    """Where the lead text of such a part turns to the plan (``H.PLAN_TURN_WORDS``); None if it does not."""
    pos = text.find("\n", start, end)
    while 0 <= pos < end:
        line_start = pos + 1
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        line = text[line_start:line_end]
        opens = _OPENING["plan"].match(line, 0, H.OPENING_WINDOW)
        if (opens or _PLAN_TURN.search(line)) and not _CUES["review"].search(line):
            return line_start
        pos = line_end if line_end < end else -1
    return None


def _last_role(title: str) -> str | None:
    """The review/plan role of the cue that comes last in ``title`` (what the section ends on)."""
    last: tuple[int, str] | None = None
    for role in ("review", "plan"):
        for m in _CUES[role].finditer(title):
            if last is None or m.start() > last[0]:
                last = (m.start(), role)
    return last[1] if last else None


def _opening_role(text: str, pos: int) -> str | None:
    """Review or plan, from how the text right after a heading ending at ``pos`` opens."""
    for role, rx in _OPENING.items():
        if rx.match(text, pos, pos + H.OPENING_WINDOW):
            return role
    return None


def _target_blocks(
    text: str, blocks: list[tuple[Block, int | None]], owner: np.ndarray, heading_starts: set[int]
) -> list[tuple[Block, int]]:
    out: list[tuple[Block, int]] = []
    last_end = -1
    for m in _TARGET_CUE.finditer(text):
        k = int(owner[m.start()])
        if k < 0 or m.start() < last_end:
            continue
        host = blocks[k][0]
        if host.role not in _HOSTS_TARGETS or m.start() < host.head_end:
            continue
        start = max(host.head_end, _sentence_start(text, m.start(), host.start))
        end = min(_targets_end(text, m.end(), heading_starts), host.end)
        start, end = _trim(text, start, end)
        word = _TARGET_WORD.match(text, m.start())
        head_end = word.end() if word else m.end()
        out.append((Block(start, end, m.start(), head_end, host.level + 1, m.start(), text[m.start():head_end], "targets", None), k))
        last_end = end
    return out


def _sentence_start(text: str, pos: int, floor: int) -> int:
    for i in range(pos - 1, floor - 1, -1):
        if text[i] in "。!?\n":
            return i + 1
    return floor


def _targets_end(text: str, pos: int, heading_starts: set[int]) -> int:
    """End of a targets statement whose cue ends at ``pos`` (a list stops at a heading)."""
    m = _SENTENCE_END.search(text, pos)
    if m is None:
        return len(text)
    if m.group() != "\n":
        end = m.end()
        while end < len(text) and text[end] in "”’)":
            end += 1
        return end
    if text[pos:m.start()].strip():
        return m.start()
    end = m.start()  # the cue ends its line: the targets are listed below it
    while end + 1 < len(text) and end + 1 not in heading_starts and _LIST_LINE.match(text, end + 1):
        nl = text.find("\n", end + 1)
        end = nl if nl >= 0 else len(text)
    return end


def _note_blocks(text: str, blocks: list[tuple[Block, int | None]], owner: np.ndarray) -> list[tuple[Block, int]]:
    """Runs of at least two 〔1〕 lines outside glossary and notes sections."""
    out: list[tuple[Block, int]] = []
    starts = [0] if _NOTE_MARK.match(text) else []
    starts += [m.start() + 1 for m in _NOTE_LINE.finditer(text)]
    run: list[int] = []
    for s in starts + [-1]:
        if run and s >= 0 and text.rfind("\n", 0, s) == _line_end(text, run[-1]):
            run.append(s)
            continue
        if len(run) >= 2:
            k = int(owner[run[0]])
            if k >= 0 and blocks[k][0].role not in ("glossary", "notes"):
                host = blocks[k][0]
                end = min(_line_end(text, run[-1]), host.end)
                out.append((Block(run[0], end, run[0], run[0], host.level + 1, run[0], "", "notes", None), k))
        run = [s] if s >= 0 else []
    return out


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return nl if nl >= 0 else len(text)


def _finish(items: list[tuple[Block, int | None]]) -> list[Block]:
    """Sort into document order and turn parent keys into final indices."""
    order = sorted(range(len(items)), key=lambda k: (items[k][0].start, items[k][0].level, -items[k][0].end))
    index = {k: i for i, k in enumerate(order)}
    out = []
    for k in order:
        b, parent = items[k]
        out.append(Block(b.start, b.end, b.head_start, b.head_end, b.level, b.label_end, b.title, b.role,
                         index[parent] if parent is not None else None))
    return out


def innermost(n: int, blocks: list[Block]) -> np.ndarray:
    """For each position of a text of length ``n``, the innermost section index (-1: none)."""
    owner = np.full(n + 1, -1, dtype=np.int64)
    for k, b in enumerate(blocks):  # document order: parents before children
        owner[b.start:b.end] = k
    return owner
