"""Find the passage that states a document's headline targets.

A work report opens its year's programme with one passage: "今年经济社会发
展的主要预期目标是:地区生产总值增长6%以上,…"; a plan has a 主要目标
section ("在“十四五”末实现以下主要目标:" and a list of ——items). This
module finds those passages in the normalised text, from the cue grammar
(``luoshi.data.targets``) and, where the structure stage marked a section
with role ``targets``, from that section. It also decides each block's
horizon: a work report's headline table holds only the coming year's
targets, not the five-year goals a new government may state beside them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from luoshi.data.targets import (
    ANNUAL_CUE_WORD,
    ANNUAL_WORDS,
    BLOCK_CLOSERS,
    BLOCK_CUES,
    COMING_YEAR_WORDS,
    CUE_CONTINUATION,
    CUE_SCOPE_WORDS,
    ECONOMY_SUBJECT,
    EXPLAINED_TARGETS,
    HEADING_CUE,
    HEADING_MAX_CHARS,
    HEADING_START,
    ITEM_LABEL,
    LAST_YEAR_WORDS,
    LIST_CLAUSE_END,
    LIST_ITEM_MAX_CHARS,
    LIST_ITEM_START,
    MULTI_YEAR_ITEM,
    MULTI_YEAR_WORDS,
    NON_TARGET_ROLES,
    NUMBERED_ITEM_END,
    NUMBERED_LABEL,
    ONE_INDICATOR_LEAD,
    PAST_WORDS,
    PLAN_END_YEARS,
    PLAN_TITLE_WORD,
    PLAN_WORDS,
    REPORT_TITLE_WORD,
    SENTENCE_STOPS,
    STRONG_CUE,
)
from luoshi.model import Metadata, Normalised, Section, Structure

CUE_RE = re.compile("|".join(f"(?:{cue})" for cue in BLOCK_CUES))  # public: the rows strip a cue from a name
_HEADING_CUE_RE = re.compile(rf"^[ \t]*(?:{HEADING_CUE})[ \t]*$", re.MULTILINE)
# The same line after its line break: a plain first character lets the engine
# skip from line break to line break instead of trying ``^`` at every position.
_HEADING_CUE_AFTER_BREAK_RE = re.compile(rf"\n([ \t]*(?:{HEADING_CUE})[ \t]*$)", re.MULTILINE)
_HEADING_START_RE = re.compile(rf"\s*{HEADING_START}")
_STRONG_RE = re.compile(STRONG_CUE)
_CUE_SCOPE_RE = re.compile(CUE_SCOPE_WORDS)
_ECONOMY_SUBJECT_RE = re.compile(ECONOMY_SUBJECT)
_ONE_INDICATOR_LEAD_RE = re.compile(ONE_INDICATOR_LEAD)
_PAST_RE = re.compile(PAST_WORDS)
_COMING_YEAR_RE = re.compile(COMING_YEAR_WORDS)
_LAST_YEAR_RE = re.compile(LAST_YEAR_WORDS)
_CLOSER_RE = re.compile(rf"\s*(?:{BLOCK_CLOSERS})")
_EXPLAINED_RE = re.compile(EXPLAINED_TARGETS)
_CLAUSE_END_RE = re.compile(r"[,;。!?]")
_CUE_CONTINUATION_RE = re.compile(CUE_CONTINUATION)
_SENTENCE_END = "。!?\n"
_SENTENCE_MARKS = "。!?"
_LIST_ITEM_RE = re.compile(rf"\s*{LIST_ITEM_START}")
_LIST_CLAUSE_END_RE = re.compile(LIST_CLAUSE_END)
_MULTI_RE = re.compile(MULTI_YEAR_WORDS)
_MULTI_ITEM_RE = re.compile(MULTI_YEAR_ITEM)
_PLAN_WORDS_RE = re.compile(PLAN_WORDS)
_ANNUAL_RE = re.compile(ANNUAL_WORDS)
_YEAR_RE = re.compile(r"(?<!\d)(20\d\d)年")
_PLAN_NAME_RE = re.compile("|".join(PLAN_END_YEARS))
_PERIOD_END_RE = re.compile(r"(\d{4})\D*$")
_DIGIT_RE = re.compile(r"\d|百分之")  # a figure: digits, or a rate written in words (增长百分之六)
_NUMBERED_ITEM_END_RE = re.compile(NUMBERED_ITEM_END)
_NUMBERED_RE = re.compile(rf"\s*(?:{HEADING_START}|{NUMBERED_LABEL})")
_ITEM_LABEL_RE = re.compile(ITEM_LABEL)
_NOT_A_YEAR_RE = re.compile(r"\d(?!\d*年)")
_TITLE_WINDOW = 400  # characters at the start of a text that hold its title
_TITLE_LINES = 3  # a title may wrap over a few short lines
_TITLE_MAX_CHARS = 60


@dataclass(frozen=True, slots=True)
class HeadlineBlock:
    """A headline-targets passage: ``[start, end)`` in the normalised text.

    ``list_start`` is where the cue ends and the targets begin; ``period``
    is the year the targets are for (the coming year of a report, the end
    year of a plan) when it can be told.
    """

    start: int
    list_start: int
    end: int
    period: str | None
    strong: bool
    multi_year: bool


@dataclass(frozen=True, slots=True)
class _Outline:
    """The structure's sections in normalised offsets."""

    sections: tuple[tuple[Section, int, int], ...]

    def chain(self, pos: int) -> list[Section]:
        """Sections holding ``pos``, innermost first."""
        holding = [(s, a, b) for s, a, b in self.sections if a <= pos < b]
        holding.sort(key=lambda item: (item[2] - item[1], -item[0].level))
        return [s for s, _, _ in holding]


def find_blocks(norm: Normalised, structure: Structure, metadata: Metadata) -> tuple[HeadlineBlock, ...]:
    """The headline blocks that count for this document's table, in text order."""
    text = norm.text
    outline = _Outline(tuple((s, *norm.from_source(s.span.start, s.span.end)) for s in structure.sections))
    plan = is_plan(metadata, text)
    cues = sorted(
        [(start, end, True) for start, end in _heading_cues(text)]
        + [(m.start(), m.end(), False) for m in CUE_RE.finditer(text)]
    )
    blocks: list[HeadlineBlock] = []
    for i, (cue_start, cue_end, heading) in enumerate(cues):
        if blocks and cue_start < blocks[-1].end:
            continue
        if not heading and _EXPLAINED_RE.search(text, text.rfind("\n", 0, cue_start) + 1, cue_start):
            # "提出上述预期目标,综合考虑了….经济增长预期目标为5%左右,…" explains the
            # targets already stated; its cue opens no block
            continue
        chain = outline.chain(cue_start)
        if heading and _broken_cue(text, cue_start, cue_end):
            # the list goes on after 是:, inline or (是: closing its line) as items on the lines below
            start = _sentence_start(text, cue_start - 1)
            end = _block_end(text, _CUE_CONTINUATION_RE.match(text, cue_end + 1).end(), outline, chain)
        elif heading:
            start, end = cue_start, _section_end(text, cue_end)
        else:
            start, end = _sentence_start(text, cue_start), _block_end(text, cue_end, outline, chain)
        # A later cue after an inline one opens its own block
        # ("今后五年的主要目标是:…。今年的主要预期目标是:…");
        # under a heading cue it restates the heading.
        later = None if heading else next((s for s, _, _ in cues[i + 1:] if s >= cue_end), None)
        if later is not None and later < end:
            end = max(cue_end, _sentence_start(text, later))
        if not _may_hold_targets(chain[0].role if chain else None, text[start:cue_end]):
            continue
        if _DIGIT_RE.search(text, cue_end, end):
            block = _make_block(text, start, cue_end, end, chain, metadata, plan, strong=heading)
            if block.strong and not heading and (
                _names_a_field(text, start, cue_start, cue_end) or _names_one_indicator(text, start, cue_start)
            ):
                block = replace(block, strong=False)
            blocks.append(block)
    blocks.extend(_section_blocks(text, outline, blocks, metadata, plan))
    blocks.sort(key=lambda b: b.start)
    if not plan:
        blocks = [b for b in blocks if not b.multi_year]
    if any(b.strong for b in blocks):
        blocks = [b for b in blocks if b.strong]
    return tuple(blocks)


def _broken_cue(text: str, cue_start: int, cue_end: int) -> bool:
    """Whether a cue on a line of its own sits inside its sentence, not over a section:
    the line before stops mid-sentence and the line after goes on with 是/为 or a colon."""
    before = text[text.rfind("\n", 0, max(cue_start - 1, 0)) + 1:max(cue_start - 1, 0)].rstrip()
    return (
        cue_start > 0 and bool(before) and before[-1] not in SENTENCE_STOPS
        and bool(_CUE_CONTINUATION_RE.match(text, cue_end + 1))
    )


def _names_one_indicator(text: str, start: int, cue_start: int) -> bool:
    """Whether the cue follows one indicator's name in its clause (经济增长预期目标为6%左右)."""
    clause_start = max(text.rfind(mark, start, cue_start) for mark in ",;:。") + 1
    return bool(_ONE_INDICATOR_LEAD_RE.search(text, max(clause_start, start), cue_start))


def _names_a_field(text: str, start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the cue's clause names one field's goals (乡村振兴的主要目标是), not the economy's
    (经济社会发展的主要目标是, 全市的主要目标是)."""
    if "预期" in text[cue_start:cue_end]:
        return False
    clause_start = max(text.rfind(mark, start, cue_start) for mark in ",;:。") + 1
    subject = _CUE_SCOPE_RE.sub("", text[max(clause_start, start):cue_start].strip())
    return len(subject) > 1 and subject.endswith("的") and not _ECONOMY_SUBJECT_RE.search(subject)


def _heading_cues(text: str) -> list[tuple[int, int]]:
    """The spans of heading lines that are cues: those of ``_HEADING_CUE_RE.finditer(text)``."""
    spans = []
    first = _HEADING_CUE_RE.match(text)
    if first:
        spans.append(first.span())
    spans.extend(m.span(1) for m in _HEADING_CUE_AFTER_BREAK_RE.finditer(text, first.end() if first else 0))
    return spans


def _may_hold_targets(role: str | None, lead: str) -> bool:
    """Whether a cue in a section of this role (``None``: outside any section) opens a headline block.

    Chrome, notes and glossary never hold one. A cue looking back at last
    year's targets (去年的主要预期目标是…, 过去一年,全市主要预期目标为…)
    opens none wherever it stands, unless it names the coming year too. A
    section misread as review must not hide the real block, so there a
    strong cue without past-time words still counts.
    """
    if role in NON_TARGET_ROLES:
        return False
    if _LAST_YEAR_RE.search(lead) and not _COMING_YEAR_RE.search(lead):
        return False
    if role == "review":
        return bool(_STRONG_RE.search(lead)) and not _PAST_RE.search(lead)
    return True


def is_plan(metadata: Metadata, text: str) -> bool:
    """Whether the document is a (five-year) plan rather than a work report.

    The metadata's type decides; without one, the title (or the first short
    lines, where a title sits) must name a plan and not a report.
    """
    if metadata.doc_type:
        return PLAN_TITLE_WORD in metadata.doc_type
    lines = [line for line in text[:_TITLE_WINDOW].split("\n") if line.strip()][:_TITLE_LINES]
    head = " ".join([metadata.title or ""] + [line for line in lines if len(line) <= _TITLE_MAX_CHARS])
    return PLAN_TITLE_WORD in head and REPORT_TITLE_WORD not in head


# A figure as targets state it: a number followed by its unit or mark (6%, 3万人, 2024年), not a digit inside
# ASCII debris that web copies leave after a heading (【…主要预期目标建议】+ ~/ k6 `+ p) …).
_FIGURE_RE = re.compile(r"\d[\d.,]*\s*(?:%|[^\x00-\x7f])|百分之")
_CHINESE_RE = re.compile(r"[\u3400-\u9fff]")  # the rest of a cue's line says something only in words or figures


def _sentence_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _SENTENCE_END:
        i -= 1
    while i < pos and text[i].isspace():
        i += 1
    return i


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _block_end(text: str, list_start: int, outline: _Outline, chain: list[Section]) -> int:
    """Where the targets that follow a cue end.

    Inline (the usual report form): at the end of the cue's paragraph, or
    before the first clause that talks about the targets instead of stating
    them. As a list (the cue closes its paragraph): over the following list
    paragraphs, or to the end of an enclosing ``targets`` section.
    """
    para_end = _paragraph_end(text, list_start)
    # "…主要预期目标如下。" closes its paragraph as a colon would, and so does a cue whose
    # paragraph only sums the goals up in words before a list of items with the figures
    # ("…发展的目标是:经济发展方式转变取得显著成效,…。" then "——…年均增长10%左右")
    rest = text[list_start:para_end]
    figure = _FIGURE_RE.search(rest)
    if (figure or _CHINESE_RE.search(rest)) and (figure or not _LIST_ITEM_RE.match(text, para_end + 1)):
        return _inline_end(text, list_start, para_end)
    end = para_end
    pos = para_end + 1
    first, previous = True, ""
    while pos < len(text):
        next_end = _paragraph_end(text, pos)
        paragraph = text[pos:next_end]
        if not _is_list_item(paragraph, first, previous):
            break
        end, pos, first, previous = next_end, next_end + 1, False, paragraph
    for section in chain:
        if section.role == "targets":
            _, _, b = next(item for item in outline.sections if item[0] is section)
            end = max(end, b)
            break
    return end


def _is_list_item(paragraph: str, first: bool, previous: str) -> bool:
    """Whether a paragraph after a list cue continues the list (``previous``: the list's last paragraph).

    The first always does unless it is a heading (a numbered target is not one);
    later ones when marked as items (a numbered one only after a numbered item),
    or short with a number or ending like a list clause (a target without a
    number: "居民收入增长与经济增长基本同步;"). A closer (这些目标…,
    围绕上述目标…) ends the list.
    """
    if _CLOSER_RE.match(paragraph) or _is_heading(paragraph) and not (
        _is_numbered_item(paragraph) and (first or _NUMBERED_RE.match(previous)) or _same_marker(paragraph, previous)
    ):
        return False
    short = len(paragraph) <= LIST_ITEM_MAX_CHARS
    return first or bool(
        _LIST_ITEM_RE.match(paragraph)
        or short and (_DIGIT_RE.search(paragraph) or _LIST_CLAUSE_END_RE.search(paragraph))
    )


def _inline_end(text: str, list_start: int, para_end: int) -> int:
    """The end of targets listed in the cue's own paragraph.

    Before the first clause that talks about the targets (以上目标…, 我们将…),
    a sentence that opens with a heading label glued into the paragraph, or
    the second sentence in a row that states no number (the text has moved
    on; one such sentence may sit between target sentences: 开放发展取得新突破,…).
    """
    sentence_start, numeric_end, quiet = list_start, None, 0
    for mark in _CLAUSE_END_RE.finditer(text, list_start, para_end):
        if _CLOSER_RE.match(text, mark.end()):
            return mark.start()
        if mark.group() not in _SENTENCE_MARKS:
            continue
        if _DIGIT_RE.search(text, sentence_start, mark.start()):
            numeric_end, quiet = mark.start(), 0
        else:
            quiet += 1
            if quiet == 2:
                return numeric_end if numeric_end is not None else mark.start()
        if _HEADING_START_RE.match(text, mark.end()):
            return mark.start()
        sentence_start = mark.end()
    return para_end


def _is_heading(paragraph: str) -> bool:
    """A paragraph that opens a new section: a numbered label or a short line without sentence marks.

    A short line stating a number other than a year ("地区生产总值增长6%",
    one target per line without marks) is an item, not a heading.
    """
    if _HEADING_START_RE.match(paragraph):
        return True
    line = paragraph.strip()
    if not 0 < len(line) <= HEADING_MAX_CHARS or any(mark in line for mark in ",;。:"):
        return False
    label = _ITEM_LABEL_RE.match(line)
    return not _NOT_A_YEAR_RE.search(line, label.end() if label else 0)


def _same_marker(paragraph: str, previous: str) -> bool:
    """Whether both paragraphs open with the same item marker: a run of items
    ("●居民收入增长与经济增长同步" after "●经济增长6%左右"), not a new heading."""
    this, last = _LIST_ITEM_RE.match(paragraph), _LIST_ITEM_RE.match(previous)
    return bool(this and last and this.group().strip() == last.group().strip())


def _is_numbered_item(paragraph: str) -> bool:
    """A numbered target on a line of its own ("(二)固定资产投资增长10%;"), not a heading
    (the list must be numbered too: see ``_is_list_item``)."""
    return (
        len(paragraph) <= LIST_ITEM_MAX_CHARS
        and bool(_DIGIT_RE.search(paragraph))
        and bool(_NUMBERED_ITEM_END_RE.search(paragraph))
    )


def _section_end(text: str, heading_end: int) -> int:
    """The end of the paragraphs under a heading: just before the next heading."""
    end = pos = _paragraph_end(text, heading_end)
    pos += 1
    previous = ""
    while pos < len(text):
        next_end = _paragraph_end(text, pos)
        paragraph = text[pos:next_end]
        if _is_heading(paragraph) and not _same_marker(paragraph, previous):
            break
        end, pos, previous = next_end, next_end + 1, paragraph
    return end


def _section_blocks(text, outline, blocks, metadata, plan):
    """``targets`` sections with no cue inside: the whole section body is a block."""
    for section, a, b in outline.sections:
        if section.role != "targets" or any(a <= blk.start < b or blk.start <= a < blk.end for blk in blocks):
            continue
        heading_end = min(b, max(a, _paragraph_end(text, a)))
        if _DIGIT_RE.search(text, heading_end, b):
            yield _make_block(text, a, heading_end, b, outline.chain(a), metadata, plan, strong=True)


def _make_block(text, start, list_start, end, chain, metadata, plan, *, strong: bool = False) -> HeadlineBlock:
    lead = text[start:list_start]
    titles = " ".join(s.title for s in chain)
    items = [c for c in re.split(r"[,;。\n]", text[list_start:end]) if _DIGIT_RE.search(c)]
    multi_items = sum(1 for c in items if _MULTI_ITEM_RE.search(c))
    annual = bool(_ANNUAL_RE.search(lead)) or len(set(_YEAR_RE.findall(lead))) == 1 and not _MULTI_RE.search(lead)
    # a report's 预期目标 under a heading that names the plan and the year (“十五五”时期目标任务和2026年
    # 工作安排) are the year's; five-year items (年均增长…) or the plan's span in the list still mark the plan's
    expected = not plan and ANNUAL_CUE_WORD in lead and bool(
        _ANNUAL_RE.search(titles) or len(set(_YEAR_RE.findall(titles))) == 1
    )
    multi = not annual and bool(
        _MULTI_RE.search(lead) or not expected and _MULTI_RE.search(titles)
        or _PLAN_WORDS_RE.search(text, list_start, end) or (items and 2 * multi_items >= len(items))
    )
    if plan:
        period = _plan_period(metadata, (lead, titles, text[list_start:end], metadata.title or "", text[:_TITLE_WINDOW]))
    else:
        period = _report_year(metadata, lead, titles)
    return HeadlineBlock(start, list_start, end, period, strong or bool(_STRONG_RE.search(lead + titles)), multi)


def _report_year(metadata: Metadata, lead: str, titles: str) -> str | None:
    """The coming year: stated in the cue, else in the section heading, else the metadata year."""
    for where in (lead, titles):
        years = set(_YEAR_RE.findall(where))
        if len(years) == 1:
            return years.pop()
    return str(metadata.year) if metadata.year else None


def _plan_period(metadata: Metadata, texts: tuple[str, ...]) -> str | None:
    """A plan's end year: from the metadata period, else from the plan's name (十四五 → 2025)."""
    if metadata.period and (m := _PERIOD_END_RE.search(metadata.period)):
        return m.group(1)
    for where in texts:
        if m := _PLAN_NAME_RE.search(where):
            return str(PLAN_END_YEARS[m.group(0)])
    return None
