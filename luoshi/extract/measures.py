"""Measures: every quantitative target and achievement, pinned to the source.

The pipeline over the normalised text of one document:

1. ``find_quantities``: one regex pass finds number + unit + comparator words;
2. ``filters``: drop names, slogans, ordinals, ranks, category thresholds;
3. per quantity, its clause (between ，；。 etc.) gives the indicator (before
   or after the number), the change flag (增长6% vs 达到6%), and with the
   section role and cue words its kind (target/achievement) and period.

All offsets are mapped back to ``Source.text`` through ``Normalised``; the
indicator is quoted from the source so that Traditional stays Traditional.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import numpy as np

from luoshi.data.quantities import (
    ACHIEVEMENT_CUES,
    BARE_RATES,
    BASE_YEAR_LEADS,
    CHANGE_NOUNS,
    CHANGE_QUALIFIERS,
    CHANGE_VERBS,
    COMPLETION_VERBS,
    COUNT_CHANGE_VERBS,
    CUE_FALSE_FRIENDS,
    CURRENT_WORDS,
    DECREASE_WORDS,
    ESTIMATE_CUES,
    FLOOR_COMPARATORS,
    FRAME_BUILD_VERBS,
    GAP_WORDS,
    GOAL_ASIDE_WORDS,
    GROUP_GAP_WORDS,
    GROWTH_RATE_HEADS,
    INNER_ADVERBS,
    IN_USE_VERBS,
    ITEM_EXPANSIONS,
    LEVEL_VERBS,
    LEVEL_WORDS,
    MEASURE_NAME_ENDS,
    NEW_WORDS,
    PAIRED_COMPOUNDS,
    PAST_ASIDE_WORDS,
    PERIOD_CHANGE_QUALIFIERS,
    PER_TIME_WORDS,
    PLAN_FIRST_YEARS,
    PLAN_TIME_WORDS,
    RATE_NAME_ENDS,
    RATE_QUALIFIERS,
    RATIO_REFERENCES,
    REFERENCE_WORDS,
    SETTLING_VERBS,
    SIMPLIFIED_PAIRS,
    STEP_NOUNS,
    STOCK_ATTRIBUTES,
    STRONG_ACHIEVEMENT_CUES,
    STRONG_TARGET_CUES,
    TARGET_CUES,
    THIS_YEAR_WORDS,
    TOTAL_WORDS,
    WEAK_TARGET_CUES,
    WORK_START_VERBS,
)
from luoshi.extract import filters
from luoshi.extract import indicator_text as indicator
from luoshi.extract.alternation import word_pattern
from luoshi.extract.char_tables import char_table, code_points
from luoshi.extract.quantities import Quantity, find_quantities
from luoshi.extract.roles import Place, RoleMap, plan_name
from luoshi.frozen import positional_builder
from luoshi.model import Measure, Metadata, Normalised, Source, Structure

# Clause boundaries (U+FFFD marks a character lost in a mojibake repair), sentence
# ends, and full stops, looked up for every character of a text at once.
_CLAUSE_END_CHARS = ",，;；。:：!！?？\n\t\ufffd"
_IS_CLAUSE_END = char_table(_CLAUSE_END_CHARS)  # (a tab separates the cells of a table row)
_IS_SENTENCE_END = char_table(";；。!！?？\n")
_IS_FULL_STOP = char_table("。!！?？\n")
_YEAR_RE = re.compile(r"((?:19|20)\d\d)年(?!以来|以前|起)")
_NIAN, _ONE, _NINE, _TWO, _ZERO = map(ord, "年1920")
_BASE_YEAR_LEAD_RE = re.compile(rf"(?:{'|'.join(BASE_YEAR_LEADS)})\s*$")
_BASE_YEAR_LEAD_LASTS = frozenset(w[-1] for w in BASE_YEAR_LEADS)
_THIS_YEAR_RE = re.compile("|".join(THIS_YEAR_WORDS))
_PLAN_TIME_RE = re.compile(rf"(十[一二三四五六]五)”?(?:{word_pattern(PLAN_TIME_WORDS)})")
_AVERAGE_RE = re.compile("年均|年平均")
_DIGIT_RE = re.compile(r"\d")
_BRACKETED_UNIT_RE = re.compile(r"[(（][^()（）]{1,8}[)）]\s*$")
_RATIO_COLON_RE = re.compile(r"(?<=\d)[:：∶](?=\d)")
_DROPPED_SPACE_RE = re.compile(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])")


# 同比增长 / 年均增长 / 分别下降 / 再压减 right before the number, not followed by 至/到/为
_CHANGE_TAIL = (
    rf"(?:了)?(?:{word_pattern(CHANGE_QUALIFIERS)})?(?:约|近|超过|超|达|达到)?$"
)
_CHANGE_RE = re.compile(rf"(?:{word_pattern(CHANGE_VERBS)}){_CHANGE_TAIL}")
_COUNT_CHANGE_RE = re.compile(rf"(?:{word_pattern(COUNT_CHANGE_VERBS)}){_CHANGE_TAIL}")
# 年均压减“三公”经费6%: a qualified change verb before the indicator
_QUALIFIED_CHANGE_RE = re.compile(
    rf"(?:{word_pattern(PERIOD_CHANGE_QUALIFIERS)})(?:{word_pattern(CHANGE_VERBS)})"
)
_CHANGE_NOUN_RE = re.compile(word_pattern(CHANGE_NOUNS))
_TIMES_OF_RE = re.compile(rf"(?:{word_pattern(RATIO_REFERENCES)})[^,，;；、。\d]{{1,12}}?的$")
_VERB_AFTER_RE = re.compile(rf"的?(?:{word_pattern(CHANGE_VERBS)})")
_BARE_RATE_RE = re.compile(rf"(?:{word_pattern(CHANGE_QUALIFIERS + RATE_QUALIFIERS)})?(?:{word_pattern(BARE_RATES)})")
_GAP_LEAD_RE = re.compile(word_pattern(GAP_WORDS))
_GROUP_GAP_WORDS = frozenset(GROUP_GAP_WORDS)  # (超过 may close a change: 提高超过2个百分点)
_GAP_PLACE_RE = re.compile(rf"(?:{word_pattern(REFERENCE_WORDS)})(?:平均水平|平均)?$")  # 高于全省(平均水平)
# 增速达到8%, 增长率为12%: a rate of change reaching a level is still a change
_CHANGE_NOUN_LEVEL_RE = re.compile(
    rf"(?:{word_pattern(CHANGE_NOUNS)})(?:{word_pattern(LEVEL_VERBS)})?(?:约|近|超过|超)?$"
)
# and so is the goal set for it (增速目标均为10%, 预期增长目标确定为10%)
_CHANGE_GOAL_RE = re.compile(
    rf"(?:{word_pattern(CHANGE_NOUNS + CHANGE_VERBS)})目标(?:均|都)?(?:确定)?"
    rf"(?:{word_pattern(LEVEL_VERBS)})?(?:约|近|超过|超)?$"
)
_CHANGE_WORD_RE = re.compile(word_pattern(CHANGE_VERBS + CHANGE_NOUNS + DECREASE_WORDS))
_DECREASES = frozenset(DECREASE_WORDS)
# Words that only say a count was done (建成投用10个): the things counted are named before
_DONE_ONLY_RE = re.compile(rf"(?:{word_pattern(COMPLETION_VERBS + IN_USE_VERBS)})+")
_SETTLED_RE = re.compile(rf"(?:已|全部|累计)?(?:{word_pattern(SETTLING_VERBS)})")
# The comparator that opens a size floor (超10亿元): words after a count that sort what it counts
_FLOOR_RE = re.compile(word_pattern(FLOOR_COMPARATORS))
_RATE_CLASSES = ("percent", "ratio", "money", "magnitude")
_SHARE_CLASSES = ("percent", "ratio")  # 6%, 2个百分点, 1.5倍: sizes relative to something
# (上年增长5.2%), (2023年为5.5%): the year an aside's figure belongs to opens it
# 排名全市第1位(预期目标为8.5%以上): the year's goal for the figure reported before, in a bracket
_INNER_WORDS = INNER_ADVERBS + STEP_NOUNS  # (a cheap test before the regex of drop_inner_adverbs)
_GOAL_ASIDE_RE = re.compile(rf"[(（]\s*(?:{word_pattern(GOAL_ASIDE_WORDS)})(?:为|是|[:：])?\s*")
_PAST_ASIDE_RE = re.compile(rf"[(（]\s*(?:((?:19|20)\d\d)年|{word_pattern(PAST_ASIDE_WORDS)})(?:同期)?(?:实际)?")

TARGET_ROLES = ("plan", "targets", "notes", "glossary", "appendix")
HEDGED_COMPARATORS = ("~", ">=", "<=")  # 左右, 以上, 以内: the hedges of a figure aimed at
NOTE_ROLES = ("notes", "glossary")


class _Bounds:
    """Sorted boundary offsets; ``around(a, b)`` gives the segment holding [a, b)."""

    __slots__ = ("n", "pos")

    def __init__(self, pos: list[int], n: int) -> None:
        self.pos = pos
        self.n = n

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_right(self.pos, start - 1) - 1 if start else -1
        j = bisect_left(self.pos, end)
        return (self.pos[i] + 1 if i >= 0 else 0), (self.pos[j] if j < len(self.pos) else self.n)

    def index(self, pos: int) -> int:
        return bisect_right(self.pos, pos)


def _chrome_spans(source: Source, norm: Normalised) -> tuple[list[int], list[int]]:
    spans = sorted(norm.from_source(c.span.start, c.span.end) for c in source.chrome)
    return [a for a, _ in spans], [b for _, b in spans]


def _inside(spans: tuple[list[int], list[int]], pos: int) -> bool:
    i = bisect_right(spans[0], pos) - 1
    return i >= 0 and pos < spans[1][i]


def _has_comparator_word(q: Quantity) -> bool:
    """约5%, 5%以上: a comparator word of the number's own (a cap verb before it is none)."""
    return q.pre_start < q.num_start or q.end > q.unit_end


def _propagate_lists(text: str, qs: list[Quantity]) -> list[Quantity]:
    """分别增长6%、8%以上: a trailing 以上/左右/以内 covers each number of the list.

    A number with no comparator word of its own is ``=``, or ``<=`` after a
    cap verb (控制在5.5%、4.5%左右): the trailing word decides for it too,
    and the cap verb for the numbers after it (控制在5.5%、4.5%).

    Also gives a unitless number its list's unit (6.6、7.5%), and a bare 个 the
    list's 个百分点 (快于全国3.4个、1个百分点).
    """
    out = list(qs)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and text[out[j].end:out[j + 1].pre_start] in ("、", "和", "及"):
            j += 1
        if j > i:
            if out[i].comparator == "<=" and not _has_comparator_word(out[i]):  # a cap verb governs the whole list
                for k in range(i + 1, j + 1):
                    if out[k].comparator == "=":
                        out[k] = out[k]._replace(comparator="<=")
            first = out[i]
            if first.pre_start < first.num_start and text.endswith("分别", 0, first.pre_start):
                for k in range(i + 1, j + 1):  # 分别突破300亿元和3000亿元: the word after 分别 opens each figure
                    if not _has_comparator_word(out[k]) and out[k].unit_class == first.unit_class:
                        out[k] = out[k]._replace(comparator=first.comparator)
            last = out[j]
            for k in range(i, j):
                q = out[k]
                if not q.unit and last.unit or q.unit == "个" and last.unit == "个百分点":  # 快于全国3.4个、1个百分点
                    q = q._replace(unit=last.unit, unit_class=last.unit_class, unit_start=last.unit_start,
                                   unit_end=last.unit_end, fixed_unit=last.fixed_unit)
                same_kind = q.unit_class == last.unit_class or (  # 426万、656万人以上: 万 is short for 万人
                    q.unit_class == "magnitude" and last.unit.startswith(q.unit))
                # a comparator word after the list wins over a cap verb before it, as 左右 does in 控制在3%左右
                if (q.comparator == "=" or not _has_comparator_word(q)) \
                        and last.comparator in (">=", "<=", "~") and same_kind:
                    q = q._replace(comparator=last.comparator)
                out[k] = q
        i = j + 1
    return out


def _is_change(text: str, q: Quantity, clause_start: int, region_start: int) -> bool:
    """增长6%, 年均增长3.7%, 提高2个百分点, 压减5% — but not 提高到80% nor 高于全省3个百分点."""
    if q.unit == "番":
        return True
    lead = text[max(clause_start, q.pre_start - 12):q.pre_start]
    gap = _GAP_LEAD_RE.search(lead) if q.unit in ("个百分点", "百分点") else None
    if gap and (_CHANGE_WORD_RE.search(lead, gap.end()) or _GAP_PLACE_RE.match(lead, gap.end())
                or gap.group() in _GROUP_GAP_WORDS and gap.end() < len(lead)):
        return False  # 快于经济增长0.5个百分点, 增速高于全省1个百分点, 增幅高于城镇居民: a gap to a benchmark
    rate = q.unit_class in _RATE_CLASSES
    if (_CHANGE_RE if rate else _COUNT_CHANGE_RE).search(lead):
        return True
    if q.unit_class == "percent" and _change_after(text, q):
        return True  # 保持年均8%增长: the change verb closes the clause after the rate
    if rate and q.unit_class != "money" and _QUALIFIED_CHANGE_RE.search(text, region_start, q.pre_start):
        return True
    if q.unit_class != "percent":
        return False
    if _CHANGE_GOAL_RE.search(lead):
        return True
    if not _CHANGE_NOUN_RE.search(text, region_start, q.pre_start):
        return False
    return not re.search(r"(?:至|到|为)$", lead) or _CHANGE_NOUN_LEVEL_RE.search(lead) is not None


def _change_after(text: str, q: Quantity) -> bool:
    """保持年均8%增长, 实现5%的增长: a change verb right after the rate, ending the clause."""
    m = _VERB_AFTER_RE.match(text, q.end)
    return m is not None and (m.end() == len(text) or text[m.end()] in _CLAUSE_END_CHARS)


_PARAGRAPH_YEAR_RE = re.compile(r"[\s\u3000]*((?:19|20)\d\d)年[,，]")


def _opens_with_earlier_year(text: str, pos: int, period: str | None) -> bool:
    """Does the paragraph holding ``pos`` open with a year (2016年,) before the section's year, or before the
    first year of the section's plan (2020年, under “十四五”)?"""
    first = int(period) if period and period.isdigit() else PLAN_FIRST_YEARS.get(period or "")
    if first is None:
        return False
    m = _PARAGRAPH_YEAR_RE.match(text, text.rfind("\n", 0, pos) + 1)
    return m is not None and int(m.group(1)) < first


_WORK_VERB_RE = re.compile(word_pattern(NEW_WORDS + FRAME_BUILD_VERBS + WORK_START_VERBS))
_HOLDS_NOW_RE = re.compile(r"现有[^,，;；。]{0,16}$")
_RANGE_TO_RE = re.compile(r"\d[^,，;；。\d]{0,6}?(?:到|至)")
_PARTITIVE_GAP_RE = re.compile(r"[,，]?(?:其?中[,，]?)?(?:已有|有)|[,，]?其?中[,，]?")
_CURRENT_BASE_RE = re.compile(rf"(?:从|由)(?:{word_pattern(CURRENT_WORDS)})的?$")
_CURRENT_LASTS = frozenset(w[-1] for w in CURRENT_WORDS) | {"的"}
_BASE_TO_RE = re.compile(r"[^,，;；。\d]{0,4}?(?:到|至)")  # 从107家增加到500家: the base of a change to a level


_YEAR_BASE_RE = re.compile(r"(?:从|由)(?:19|20)\d\d年(?:末|底)?的?$")


def _plain_base(text: str, q: Quantity) -> str | None:
    """高新企业数量从107家增加到500家: a figure right after 从/由 that a change leads on from is a level reached.

    "now" for a bare base, "year" for one dated (从2020年的196亿元增加到…), else None.
    """
    p = q.pre_start
    if not p or _BASE_TO_RE.match(text, q.end) is None:
        return None
    if text[p - 1] in "从由":
        return "now"
    if text[p - 1] in "年的末底" and _YEAR_BASE_RE.search(text, max(0, p - 9), p):
        return "year"
    return None


def _current_base(text: str, q: Quantity) -> bool:
    """从目前的14.4万元增加到20万元: the base is how things stand, an actual level (in a plan too)."""
    p = q.pre_start
    return p > 2 and text[p - 1] in _CURRENT_LASTS and _CURRENT_BASE_RE.search(text, max(0, p - 5), p) is not None


def _past_aside(text: str, q: Quantity, prev_end: int) -> re.Match | None:
    """增长6%左右(上年增长5.2%): a bracket right after a figure, closed right after ``q``, giving an earlier year's figure."""
    if not text.startswith((")", "）"), q.end):
        return None
    return _PAST_ASIDE_RE.match(text, prev_end, q.pre_start)


def _goal_aside(text: str, q: Quantity, clause_start: int) -> re.Match | None:
    """(预期目标为8.5%以上), (年度目标10%): a bracket in ``q``'s clause, closed right after it, that holds a goal."""
    if not text.startswith((")", "）"), q.end):
        return None
    k = max(text.rfind("(", clause_start, q.pre_start), text.rfind("（", clause_start, q.pre_start))
    if k < 0:
        return None
    m = _GOAL_ASIDE_RE.match(text, k, q.pre_start)
    return m if m and m.end() == q.pre_start else None


def _comma_item(text: str, prev: Quantity, prev_clause_start: int, q: Quantity, clause_end: int) -> bool:
    """分别提高19.6%，15.6%: a number alone in its clause after a comma and a 分别 figure is the list's next item."""
    return q.end == clause_end and "分别" in text[prev_clause_start:prev.pre_start]


def _direction(text: str, q: Quantity, clause_start: int) -> str:
    """下降3.5%, 压减5%, 降幅2% → down; 增长6%, 涨幅3%, 翻一番 → up: the last change word before the number."""
    word = None
    for m in _CHANGE_WORD_RE.finditer(text, clause_start, q.pre_start):
        if not text.startswith("值", m.end()):  # 增加值 is a noun
            word = m.group()
    return "down" if word in _DECREASES else "up"


_FALSE_FRIENDS_RE = re.compile(word_pattern(CUE_FALSE_FRIENDS))
_QUOTED_NAME_RE = re.compile(r"“[^“”\n]{1,12}”")
_YEARED_ROLES = frozenset(TARGET_ROLES) | {"plan_guess", "review_guess"}  # a paragraph's opening year can overrule
_PAST_DEADLINE_RE = re.compile(r"[到至](?=((?:19|20)\d\d)年)")


_STRONG_TARGET_CUES = tuple(c for c in TARGET_CUES if c not in WEAK_TARGET_CUES)


def _cue_balance(text: str, weak: bool = True) -> int:
    """Achievement cues minus target cues in ``text`` (false friends masked; ``weak`` counts 推进 and the like)."""
    if "“" in text:  # a cue word inside a quoted name is no cue (“十百千计划”, “一年来…”)
        text = _QUOTED_NAME_RE.sub("|", text)
    if "(" in text or "（" in text:  # nor is the goal a result is set against (增长8%(目标7%))
        text = _GOAL_ASIDE_RE.sub("|", text)
    has = _FALSE_FRIENDS_RE.sub("|", text).__contains__
    return sum(map(has, ACHIEVEMENT_CUES)) + sum(map(text.__contains__, ESTIMATE_CUES)) \
        - sum(map(has, TARGET_CUES if weak else _STRONG_TARGET_CUES))


class _CueBalances:
    """``_cue_balance`` of stretches of one text, each stretch read once.

    Every figure of a sentence asks about the same sentence and paragraph.
    """

    __slots__ = ("memo", "text")

    def __init__(self, text: str, first_planned: int | None = None) -> None:
        # 到/至 before a year the document no longer plans is no deadline: 增长到2020年的70790元 in a plan from 2021
        self.text = text if first_planned is None else _PAST_DEADLINE_RE.sub(
            lambda m: "|" if int(m.group(1)) < first_planned else m.group(0), text)
        self.memo: dict[tuple[int, int, bool], int] = {}

    def of(self, start: int, end: int, weak: bool = True) -> int:
        balance = self.memo.get((start, end, weak))
        if balance is None:
            balance = self.memo[(start, end, weak)] = _cue_balance(self.text[start:end], weak)
        return balance

    def of_paragraph(self, start: int, end: int) -> int:
        """The balance of the paragraph (line) that holds ``[start, end)``, without weak cues."""
        text = self.text
        pe = text.find("\n", end)
        return self.of(text.rfind("\n", 0, start) + 1, pe if pe >= 0 else len(text), False)

    def of_previous_paragraph(self, start: int) -> int:
        """The balance of the nearest paragraph before the one at ``start`` that has one (two back at most)."""
        text = self.text
        ps = text.rfind("\n", 0, start) + 1
        for _ in range(2):
            if ps <= 0:
                return 0
            pe = ps - 1
            ps = text.rfind("\n", 0, pe) + 1
            if pe > ps and (balance := self.of(ps, pe, False)):
                return balance
        return 0


def _kind(role: str | None, cues: _CueBalances, ss: int, se: int,
          full: tuple[int, int] | None = None) -> tuple[str | None, float]:
    """Target or achievement of the sentence ``[ss, se)``: the section role decides, strong cues overrule it.

    Without a decisive role the sentence's cue words decide, and when they
    are balanced, those of the full sentence ``full`` around it (a ;-list
    is governed by the words that open it: 计划进行的有五项:一是…;二是…),
    then those of its paragraph (a review paragraph says 同比, 累计,
    已 somewhere; a plan paragraph 力争, 确保), then the part of the text
    the cue split puts it in. When nothing marks the sentence the kind is
    None: the figure decides (``_unmarked_kind``).
    """
    sentence = cues.text[ss:se]
    if role == "review":
        if any(map(_FALSE_FRIENDS_RE.sub("|", sentence).__contains__, STRONG_TARGET_CUES)):
            return "target", 0.7
        return "achievement", 0.9
    if role in TARGET_ROLES:
        if any(map(sentence.__contains__, STRONG_ACHIEVEMENT_CUES)):
            return "achievement", 0.7
        return "target", 0.9
    balance = cues.of(ss, se)
    if balance < 0 and role in (None, "front", "review_guess", "plan_guess") and not cues.of(ss, se, False):
        paragraph = cues.of_paragraph(ss, se)
        if paragraph > 0 or not paragraph and cues.of_previous_paragraph(ss) > 0:
            return "achievement", 0.5  # 加快建设…7个项目 in a paragraph that reports: the push is done work
    if balance < 0 and role in (None, "front", "review_guess") and cues.of(ss, se, False) > 0:
        return "achievement", 0.55  # 着力…推进…,完成…,同比增长5.6%: pushes weigh less than a result's own words
    if balance:
        return ("achievement" if balance > 0 else "target"), 0.6
    if full is not None and full != (ss, se):
        balance = cues.of(*full, False)
        if balance:
            return ("achievement" if balance > 0 else "target"), 0.55
    # the paragraph is nearer than the split of the whole text: it decides first
    balance = cues.of_paragraph(ss, se)
    if balance:
        return ("achievement" if balance > 0 else "target"), 0.5
    if role in ("review_guess", "plan_guess"):  # a part found from cue words (review_plan_split)
        balance = cues.of_previous_paragraph(ss)  # a paragraph of no cue words goes on the one before
        if balance:
            return ("achievement" if balance > 0 else "target"), 0.5
        return ("achievement" if role == "review_guess" else "target"), 0.5
    return None, 0.5


def _unmarked_kind(comparator: str) -> str:
    """The kind of a figure in a sentence nothing marks: a hedged one (左右, 以上, 以内) is aimed at, a plain
    one is stated as a fact (全市地区生产总值增长4.5%; a target says it is one: 力争, 预期, 将 …)."""
    return "target" if comparator in HEDGED_COMPARATORS else "achievement"


@lru_cache(maxsize=64)  # a handful of (base, penalty) pairs recur; ``round`` of a float is slow
def _confidence(base: float, chinese: bool, inherited: bool) -> float:
    """A kind's confidence, less for a Chinese numeral and for an indicator taken from elsewhere."""
    return round(max(0.1, min(1.0, base - (0.1 * chinese + 0.1 * inherited))), 2)


def _after_base_lead(text: str, pos: int) -> bool:
    """是/比/高于 (and spaces) right before ``pos``; a set test of the character before rejects most positions."""
    if not pos:
        return False
    prev = text[pos - 1]
    return (prev in _BASE_YEAR_LEAD_LASTS or prev.isspace()) \
        and _BASE_YEAR_LEAD_RE.search(text, max(0, pos - 4), pos) is not None


class _YearMentions:
    """Where the text names a year (2021年), a plan's time (“十四五”期间) or the document's year (今年, 全年), found once.

    A comparison base (是2017年的1.8倍, 比2015年) is no period: it is skipped, and
    so is the year of a bracketed aside.
    """

    __slots__ = ("this_year", "year_pos", "years")

    def __init__(self, text: str, codes: np.ndarray) -> None:
        # digits are everywhere in a report, 年 after 19xx/20xx is rare: the code points find those first
        starts = np.flatnonzero(codes[4:] == _NIAN)
        lead = codes[starts]
        starts = starts[((lead == _ONE) & (codes[starts + 1] == _NINE)) | ((lead == _TWO) & (codes[starts + 1] == _ZERO))]
        # a year opening a bracket dates the aside in it (增长6%(2023年为5.2%)), not the figures after it
        hits = [(p, m.group(1)) for p in starts.tolist()
                if (m := _YEAR_RE.match(text, p)) and not _after_base_lead(text, p) and text[p - 1:p] not in ("(", "（")]
        if "五" in text:  # the nearer of a year and a plan's time names the period
            hits = sorted(hits + [(m.start(), m.group(1)) for m in _PLAN_TIME_RE.finditer(text)
                                  if not _after_base_lead(text, m.start() - (text[m.start() - 1] == "“"))])
        self.year_pos = [p for p, _ in hits]
        self.years = [y for _, y in hits]
        self.this_year = [m.start() for m in _THIS_YEAR_RE.finditer(text)]

    def last_year(self, start: int, end: int, text: str = "") -> str | None:
        i = bisect_left(self.year_pos, end) - 1
        if i < 0 or self.year_pos[i] < start:
            return None
        p = self.year_pos[i]
        if text and p and text[p - 1] in "由从" and _RANGE_TO_RE.search(text, p, end):
            return None  # 由2000年的45%提高到65%: the base year dates the base, not the level reached
        if text and _HOLDS_NOW_RE.search(text, max(p, end - 20), end):
            return None  # 2014年已脱贫60户,现有贫困户239户: what is held now is of no year named
        return self.years[i]

    def says_this_year(self, start: int, end: int) -> bool:
        i = bisect_left(self.this_year, end) - 1
        return i >= 0 and self.this_year[i] >= start


def _period(text: str, mentions: _YearMentions, sent_start: int, q: Quantity, kind: str, place: Place,
            metadata: Metadata) -> str | None:
    """The year or plan period a figure refers to, when the text says or implies it.

    A year in the sentence before the number wins (2021年,全区…; 到2025年…);
    then 今年/全年/年内 and, for targets, the period of the section heading
    (2024年工作安排, 今后五年); a target in a work report with no such
    heading is for the report's year, one in a five-year plan for the plan.
    """
    if kind == "achievement" and _AVERAGE_RE.search(text, max(sent_start, q.pre_start - 8), q.pre_start):
        return None  # 年均增长3.9%: an average over years, not one year's figure
    year = mentions.last_year(sent_start, q.num_start, text)
    if year:
        return year
    if mentions.says_this_year(sent_start, q.num_start):
        if place.period and place.period.isdigit():
            return place.period
        if metadata.year:
            return str(metadata.year if kind == "target" else metadata.year - 1)
        return None
    if kind != "target":
        return None
    if place.period:
        return place.period
    plan = plan_name(metadata)
    if plan:
        return plan
    if metadata.year and metadata.doc_type and "工作报告" in metadata.doc_type:
        return str(metadata.year)
    return None


def _candidates(text: str, found: list[Quantity], clauses: _Bounds, names: filters.NameSpans,
                chrome: tuple[list[int], list[int]]) -> list[tuple[Quantity, int, int]]:
    """The quantities that are measures, each with its clause [start, end)."""
    candidates: list[tuple[Quantity, int, int]] = []
    for q in found:
        if chrome[0] and _inside(chrome, q.num_start):
            continue
        if filters.is_name_or_label(text, q, names) or not filters.is_unitless_level(text, q) \
                or filters.is_outline_count(text, q):
            continue
        cs, ce = clauses.around(q.num_start, q.end)
        if not filters.chinese_numeral_ok(text, q, cs, ce) or filters.is_rank_field(text, q, cs, ce) \
                or filters.is_attendance(text, q, cs, ce):
            continue
        candidates.append((q, cs, ce))
    dropped = []
    for i, (q, cs, ce) in enumerate(candidates):
        nxt = candidates[i + 1][0] if i + 1 < len(candidates) else None
        prev = candidates[i - 1][0] if i else None
        dropped.append(filters.is_category_threshold(text, q, nxt, ce, prev)
                       or filters.is_member_threshold(text, q, prev, cs) or filters.is_scope_count(text, q, nxt, ce))
    for i in range(len(candidates) - 2, -1, -1):  # 超50亿元、100亿元产业项目: the list defines the kinds
        q, nxt = candidates[i][0], candidates[i + 1][0]
        if dropped[i + 1] and q.unit_class == nxt.unit_class and text[q.end:nxt.pre_start] in ("、", "和", "及", "或"):
            dropped[i] = True
    return [c for c, drop in zip(candidates, dropped) if not drop]


def _indicator_spans(text: str, q: Quantity, region: tuple[int, int], change: bool, cut: bool,
                     prev_ind: indicator.Spans, clauses: _Bounds, clause_start: int, floor: int,
                     used_end: int) -> tuple[indicator.Spans, bool, int]:
    """The indicator of ``q`` as spans, whether it was taken from elsewhere, and where its words end.

    ``region`` is the part of the clause that belongs to ``q`` (between its
    neighbours); when nothing there or before names it, a short clause
    before its own (after ``floor``). ``used_end`` is where the words of the
    figure before end: a count's object is not the verb of the next count.
    """
    rs, re_ = region
    verb_end = q.end
    pre_end = q.pre_start
    if q.unit == "倍" and (m := _TIMES_OF_RE.search(text, max(rs, pre_end - 16), pre_end)):
        pre_end = m.start()  # 为建区之初的7倍: what the figure is a multiple of is no word of it
    pre = indicator.clean_pre(text, rs, pre_end, change)
    if (pre[1] - pre[0] > 1 and text[pre[1] - 1] == "中" and rs > clause_start and q.unit
            and text.startswith(q.unit, rs - len(q.unit)) and text[rs] not in "、和及与"):
        pre = (pre[0], pre[1] - 1)  # 十件民生实事中九件: the part counts what the whole counts
    if prev_ind and change and not q.unit.endswith("百分点") and _BARE_RATE_RE.fullmatch(text, *pre):
        pre = (pre[0], pre[0])  # 收入3.5亿元,增幅6.1%: the rate of change of the figure before
    if q.unit_class == "money" and not text.startswith("的", q.end):
        post = (q.end, q.end)  # money counts nothing: 投入2.39亿元实施项目397个
        if not cut and 0 < pre[1] - pre[0] <= 2:  # 发放7000万元消费券: a bare verb's object follows the sum
            post = indicator.clean_post(text, q.end, re_, cut)
    elif change and q.unit_class == "percent" and _change_after(text, q):
        post = (q.end, q.end)  # 保持年均8%增长: the verb is no word of what grew, but of the quote
        verb_end = _VERB_AFTER_RE.match(text, q.end).end()
    else:
        post = indicator.clean_post(text, q.end, re_, cut)
        if q.unit_class != "percent":  # 9.02万人实现稳定脱贫 counts 稳定脱贫; 100%达到…标准 keeps its verb
            post = (indicator.strip_lead(text, *post), post[1])
            if cut and post[1] == re_ and text.endswith("率", *post):  # 14个断面达标率100%: the rate is the next figure's
                post = indicator.owner(text, (post,))[-1]
        elif text.endswith(RATE_NAME_ENDS, pre[0], pre[1]):
            post = (q.end, q.end)  # 配备率100%达标: a rate named before the number measures nothing after it
    end = post[1] if post[1] > post[0] else verb_end
    if post[1] > post[0]:
        # 提升A产业园、11个开发区…水平: words before a list's 、 belong to the item before
        listed = text[rs:q.pre_start].rstrip(" \t\u3000").endswith("、")
        if rs < used_end <= q.pre_start:  # 20个集聚区整合为11个开发区: the verb is 整合为, not 集聚区整合为
            pre = indicator.clean_pre(text, used_end, q.pre_start, change)
            if prev_ind and pre[1] == pre[0] and _PARTITIVE_GAP_RE.fullmatch(text, used_end, q.pre_start):
                return prev_ind + (post,), True, end  # 66个新开工项目已有28个开工建设: 28 of those projects
        if pre[1] > pre[0] and not listed and not indicator.is_enumeration(text, *pre):
            if q.unit_class == "money" and indicator.ends_with_attribute(text, *pre):
                return (post, pre), False, end  # 年度投资5500亿元的重大项目: the projects' annual investment
            return (pre, post), False, end
        if prev_ind and pre[1] == pre[0] and _FLOOR_RE.match(text, *post):  # 40家企业营收超10亿元,3家超50亿元
            a, b = prev_ind[-1]
            m = _FLOOR_RE.search(text, a, b)
            if m and m.start() > a:
                return prev_ind[:-1] + ((a, m.start()), post), False, end
        return (post,), False, end
    if prev_ind and not q.unit.endswith("百分点"):  # (points move the share itself)
        prev_ind = indicator.without_share(text, prev_ind)
    if pre[1] > pre[0]:
        if prev_ind and text[pre[0]:pre[1]] in GROWTH_RATE_HEADS:  # …突破200亿元,增速高于全市0.1个百分点
            named = prev_ind if indicator.join(text, prev_ind).endswith(GROWTH_RATE_HEADS) else prev_ind + (pre,)
            return named, True, end
        if prev_ind and text.startswith("占", pre[0]):
            return prev_ind + (pre,), True, end  # a share is of the whole thing named before
        if prev_ind and indicator.is_attribute(text, *pre) \
                and (text[pre[0]:pre[1]] in STOCK_ATTRIBUTES or not _names_a_measure(text, prev_ind)):
            owner = indicator.owner(text, prev_ind)
            if text[pre[0]:pre[1]] in STOCK_ATTRIBUTES:  # 新增规上企业30家、总数达360家: the stock is of all of them
                owner = indicator.without_flow_verb(text, owner)
            return owner + (pre,), True, end
        if prev_ind and indicator.is_level(text, *pre):  # 其中国家级6家: 国家级 + the things counted before
            return (pre,) + _strip_levels(text, prev_ind), True, end
        if prev_ind and q.unit_class == "classifier" and _SETTLED_RE.fullmatch(text, *pre):
            a, b = prev_ind[-1]  # 收集涉企问题1356个,解决1118个: 解决 + the things found (less their verb)
            return (pre, (a + 2, b) if b - a >= 4 else (a, b)), True, end
        if prev_ind and q.unit_class == "classifier" and _DONE_ONLY_RE.fullmatch(text, *pre) \
                and text[pre[0] - 1:pre[0]] in ("、", ",", "，") and len(prev_ind) == 1:
            a, b = prev_ind[0]  # 筹集政策性住房5万套、竣工8万套: the same things, done
            m = _WORK_VERB_RE.match(text, a, b)
            return (((m.end() if m and m.end() < b - 1 else a), b), pre), True, end
        if indicator.is_attribute(text, *pre) and "分别" in text[rs:pre[0]]:
            topic = _topic_clause(text, clauses, clause_start, floor)  # 高新技术产业增加值,分别占规上工业的30%
            if topic:
                return topic + (pre,), True, end
        if prev_ind and not text[rs:pre[0]].strip("、,，和及 "):
            return indicator.shared_modifier(text, prev_ind, pre) + (pre,), False, end
        if q.unit_class == "classifier" and not prev_ind and _DONE_ONLY_RE.fullmatch(text, *pre):
            thing = _object_before(text, clauses, clause_start, floor)  # …的产业园,确保今年建成投用10个
            topic = (thing,) if thing else _topic_clause(text, clauses, clause_start, floor)
            if topic:
                return topic + (pre,), True, end
        k = text.find("实现", pre[0] + 1, pre[1] - 2)
        if k > 0 and indicator.is_attribute(text, k + 2, pre[1]):
            return ((pre[0], k), (k + 2, pre[1])), False, end  # 规上工业企业实现营业收入286亿元: 实现 is the verb
        return (pre,), False, end
    if clause_start and text[clause_start - 1] == "\t":
        row = _row_name(text, clause_start)  # 地区生产总值（亿元）\t387\t520\t6.1%: the row names its cells
        if row:
            return (row,), True, end
    if prev_ind:
        a, b = prev_ind[0]
        if text.startswith(PER_TIME_WORDS, a):  # 日均新增市场主体196户,累计达43万户
            a += len(next(w for w in PER_TIME_WORDS if text.startswith(w, a)))
        if any(w in text[rs:q.pre_start] for w in TOTAL_WORDS) and text.startswith(NEW_WORDS, a):
            new = next(w for w in NEW_WORDS if text.startswith(w, a))  # 新增上市公司3家,累计达到25家
            if a + len(new) < b:
                return ((a + len(new), b),) + prev_ind[1:], True, end
        if change and q.unit_class == "percent" and not q.unit.endswith("百分点"):
            return _without_growth_rate(text, prev_ind), True, end  # …增速高于全市0.3个百分点,两年平均增长1.7%
        return prev_ind, True, end
    return _topic_clause(text, clauses, clause_start, floor, change), True, end


def _names_a_measure(text: str, spans: indicator.Spans) -> bool:
    """产量, 完成投资: a figure's name that owns no other measure after it (产量突破200亿立方米、投资超120亿元).

    Its total (地区生产总值…总量突破4万亿元) is still its own.
    """
    return indicator.owner(text, spans) == spans and text[spans[-1][1] - 1] in MEASURE_NAME_ENDS


def _without_growth_rate(text: str, spans: indicator.Spans) -> indicator.Spans:
    """生产总值增速 → 生产总值: a growth rate (%) after it is the figure's own, not a growth of its rate."""
    a, b = spans[-1]
    if text.endswith(GROWTH_RATE_HEADS, a, b):
        return spans[:-1] + ((a, b - 2),) if b - a > 2 else spans[:-1] or spans
    return spans


# Measure(*fields) through its slots: a keyword call of the frozen dataclass costs twice as much
_new_measure = positional_builder(Measure)


def extract_measures(source: Source, norm: Normalised, structure: Structure, metadata: Metadata,
                     roles: RoleMap | None = None) -> tuple[Measure, ...]:
    """All measures of one document, in text order (see SCHEMA.md).

    ``roles`` is the document's RoleMap when the caller already built it (the tasks need it too).
    """
    text = norm.text
    found = find_quantities(text)
    if not found:
        return ()
    codes = code_points(text)  # those above the tables' plane are no boundary: they read as U+FFFF
    clause_pos = np.flatnonzero(_IS_CLAUSE_END[codes]).tolist()
    if ":" in text or "：" in text:  # the colon of a ratio (2.3:1) ends no clause
        ratio_colons = {m.start() for m in _RATIO_COLON_RE.finditer(text)}
        clause_pos = [p for p in clause_pos if p not in ratio_colons] if ratio_colons else clause_pos
    garbled = [norm.from_source(r.span.start, r.span.end)[1] - 1 for r in source.repairs if r.status == "flagged"]
    if garbled:  # text left garbled is no word of any indicator: a clause ends with it
        clause_pos = sorted(set(clause_pos).union(p for p in garbled if p >= 0))
    clauses = _Bounds(clause_pos, len(text))
    sentences = _Bounds(np.flatnonzero(_IS_SENTENCE_END[codes]).tolist(), len(text))
    full_stops = np.flatnonzero(_IS_FULL_STOP[codes]).tolist()
    if roles is None:
        roles = RoleMap(norm, structure, metadata)
    mentions = _YearMentions(text, codes)
    planned = str(roles.first_planned) if roles.first_planned else None
    cues = _CueBalances(text, roles.first_planned)
    # with no review/plan sections at all, the cue words of the paragraphs split the text
    split = roles.split
    kept_bounds = _candidates(text, _propagate_lists(text, found), clauses, filters.NameSpans(text),
                              _chrome_spans(source, norm))
    kept = [k[0] for k in kept_bounds]
    kept_starts = {q.num_start for q in kept}
    dropped_ends = [q.end for q in found if q.num_start not in kept_starts]  # in text order

    sent_starts = [s.span.start for s in structure.sentences]
    measures: list[Measure] = []
    prev_ind: indicator.Spans = ()
    prev_change = False
    prev_direction: str | None = None
    prev_sentence = -1
    used_end = 0  # end of the words the previous measure used (its count's object)
    kinds: dict[tuple[str | None, int], tuple[str, float]] = {}  # per (role, sentence)
    items: list[_Item] = []  # one per measure
    runs: list[list[_Item]] = []  # lists of figures joined by 、/和/及, for 分别
    for i, (q, cs, ce) in enumerate(kept_bounds):
        sent_no = sentences.index(q.num_start)
        ss = sentences.pos[sent_no - 1] + 1 if sent_no else 0
        if sent_no != prev_sentence:
            prev_ind, prev_change = (), False
            sentence_changes: dict[str, bool] = {}  # was the sentence's last figure in each unit a change?
        place = roles.place(q.num_start)
        if place.role in NOTE_ROLES and q.unit_class != "percent":
            continue  # notes define slogans by their parts (1个中心+12个站); only rates are goals
        next_q = kept[i + 1] if i + 1 < len(kept) else None
        rs = max(cs, kept[i - 1].end) if i else cs
        if used_end > rs and (text[used_end:q.pre_start][:1] in ("、", "和", "及")
                              or text.startswith("分别", used_end)):
            rs = used_end  # the previous count's object ends before this list item (or the 分别 predicate)
        d = bisect_right(dropped_ends, q.pre_start) - 1
        if d >= 0 and dropped_ends[d] > rs:  # 超50亿元产业项目实现突破、实际到位资金增长3%
            k = text.find("、", dropped_ends[d], q.pre_start)
            rs = k + 1 if k >= 0 else rs
        quote_start = rs
        aside = _past_aside(text, q, kept[i - 1].end) if i and cs < kept[i - 1].end else None
        if aside:  # the bracket is no part of the quote, its year no word of the indicator
            quote_start, rs = kept[i - 1].end + 1, aside.end()
        goal = None if aside else _goal_aside(text, q, cs)
        if goal:  # the goal words are the quote's, the indicator is the figure's the goal was set for
            quote_start, rs = goal.start() + 1, goal.end()
        re_ = min(ce, next_q.pre_start) if next_q and next_q.pre_start < ce else ce
        between = text[kept[i - 1].end:q.pre_start] if i else ""
        in_list = between in ("、", "和", "及") or (
            between in ("，", ",") and _comma_item(text, kept[i - 1], kept_bounds[i - 1][1], q, ce)) or (
            not between and text[q.pre_start - 1:q.pre_start] == "%")  # 分别增长4.4%5.9%: a list that lost its 、
        own_change = _is_change(text, q, cs, rs)
        # 增长5.2%、约4.4万亿元: a sum after a rate in a list is the level, not a second change
        change = own_change or (in_list and prev_change
                                and (q.unit_class in _SHARE_CLASSES) == (kept[i - 1].unit_class in _SHARE_CLASSES))
        if goal and not change and sentence_changes.get(q.unit):
            change = True  # 增长5.9%…(预期目标为8.5%以上): the goal is of the same growth
        direction = (_direction(text, q, cs) if own_change else prev_direction) if change else None
        if direction == "up" and q.value < 0:
            direction = "down"  # 增长-2.6%: a negative rise is a fall
        spans, inherited, end = _indicator_spans(
            text, q, (rs, re_), change, next_q is not None and next_q.pre_start < ce, prev_ind,
            clauses, cs, kept[i - 1].end if i else 0, used_end)
        if next_q is not None and next_q.num_start < ce and (
                inherited and text.startswith("、", q.end) and next_q.unit_class != q.unit_class
                or next_q.pre_start == q.end and q.unit_class == "classifier"
                and (next_q.unit_class == "measure"  # 新修12条35公里通村道路: the roads are counted and measured
                     or next_q.unit_class == "classifier"
                     and not indicator.join(text, spans))):  # 累计为3316户9228名困难群众发放…: one object of both
            words = indicator.clean_post(text, next_q.end, ce, False)  # 1600个、年度投资5500亿元的重大项目
            spans = (words,) if words[1] > words[0] else spans
        if (q.unit_class == "money" and next_q is not None and next_q.unit_class == "classifier" and spans
                and next_q.num_start < ce and text[q.end:next_q.pre_start] == "的"
                and indicator.ends_with_attribute(text, *spans[-1])):
            words = indicator.clean_post(text, next_q.end, ce, False)  # 总投资80亿元的12个项目: the projects' sum
            a, b = spans[-1]
            spans = (words, (max(a, text.rfind("的", a, b) + 1), b)) if words[1] > words[0] else spans
        spans = indicator.drop_note_marks(text, spans)
        if any(w in text[a:b] for a, b in spans for w in _INNER_WORDS):
            spans = indicator.drop_inner_adverbs(text, spans)

        role = place.role
        if split is not None and role not in NOTE_ROLES:
            role = "review_guess" if q.num_start < split else "plan_guess"
        if (role, ss) not in kinds:  # cues are read from the whole sentence (and paragraph)
            se = sentences.pos[sent_no] if sent_no < len(sentences.pos) else len(text)
            f = bisect_right(full_stops, ss - 1)  # the full stop that ends the sentence, or the text's end
            full = (full_stops[f - 1] + 1 if f else 0, full_stops[f] if f < len(full_stops) else len(text))
            found_kind = _kind(role, cues, ss, se, full)
            if found_kind[0] == "target" and role in _YEARED_ROLES \
                    and _opens_with_earlier_year(text, ss, place.period or planned):
                found_kind = ("achievement", 0.6)  # 2016年,全省实现…: last year's results before this year's plan
            kinds[(role, ss)] = found_kind
        base = _plain_base(text, q)
        current = base == "now" or _current_base(text, q)
        kind, confidence = ("achievement", 0.9) if aside or current or base else kinds[(role, ss)]
        if goal:
            kind, confidence = "target", 0.8
        # a year or 全年 at the head of a ;-separated list covers the list
        stop = bisect_right(full_stops, q.num_start) - 1
        if kind is None:  # nothing marks the sentence: a year before the planned one dates a result
            stated = mentions.last_year(full_stops[stop] + 1 if stop >= 0 else 0, q.num_start, text)
            kind = "achievement" if stated and stated.isdigit() and planned and stated < planned \
                else _unmarked_kind(q.comparator)
        confidence = _confidence(confidence, q.numeral == "chinese", inherited)
        period = _period(text, mentions, full_stops[stop] + 1 if stop >= 0 else 0, q, kind, place, metadata)
        if aside:  # the aside's own year, or the year before the document's
            period = aside.group(1) or (str(metadata.year - 1) if metadata.year else None)
        elif current:  # how things stand now is no figure of the plan's years
            period = None

        start = indicator.skip_list_label(text, quote_start, q.pre_start)  # the label is no part of the quote
        while start < q.num_start and text[start] in " \t\u3000\u00a0、,，":
            start += 1
        span = norm.to_source(start, end)
        sentence = bisect_right(sent_starts, span.start) - 1 if sent_starts else -1
        measures.append(_new_measure(  # the fields of Measure, in order
            span, kind,
            _quote(source.text, norm, spans), indicator.join(text, spans),  # indicator as written, Simplified
            q.value, _source_unit(source, norm, q), q.comparator, change, period, confidence, q.value_max,
            sentence if sentence >= 0 else None, place.section, direction,
            None,  # topic: set by topics_for_measures
        ))
        item = _Item(len(measures) - 1, q, spans, cs, rs, sent_no, inherited)
        items.append(item)
        if in_list and runs and runs[-1][-1].index == item.index - 1:
            runs[-1].append(item)
        else:
            runs.append([item])
        prev_ind, prev_change, prev_direction, prev_sentence, used_end = spans, change, direction, sent_no, end
        sentence_changes[q.unit] = change
    _share_heads(source, norm, measures, items)
    for run in runs:
        if len(run) > 1:  # 分别 or not, a list of numbers after a list of as many items is distributive
            _share_words_after(source, norm, measures, run)
            first = run[0].index
            start = first
            while start and items[start - 1].sentence == run[0].sentence:
                start -= 1
            for it, spans in zip(run, _distribute(source, norm, measures, run, items[start:first])):
                items[it.index] = it._replace(spans=spans)  # later shares of the plan are named after these
            if len(run) == 2:
                _pair_compound(norm.text, measures, run, *sentences.around(run[0].q.num_start, run[1].q.end))
    traditional = None
    for i, m in enumerate(measures):
        for short, full, full_traditional in ITEM_EXPANSIONS:  # 城、乡居民…分别: the items spelt out
            if m.indicator_simplified.startswith(short):
                if traditional is None:  # (a text whose words differ from their Simplified form)
                    traditional = any(x.indicator != x.indicator_simplified for x in measures)
                cut = len(short)
                measures[i] = dataclasses.replace(
                    m, indicator=(full_traditional if traditional else full) + m.indicator[cut:],
                    indicator_simplified=full + m.indicator_simplified[cut:])
    return tuple(measures)


def _pair_compound(text: str, measures: list[Measure], run: list[_Item], sentence_start: int,
                   sentence_end: int) -> None:
    """城乡居民人均可支配收入分别增长6%和7.5% → 城镇居民…, 农村居民…: a compound names both of a pair
    (when its sentence says 分别 and both numbers are of one unit)."""
    one, two = measures[run[0].index], measures[run[1].index]
    if one.indicator != two.indicator or one.unit != two.unit or text.find("分别", sentence_start, sentence_end) < 0:
        return
    for compound, *written_pair in PAIRED_COMPOUNDS:
        at = one.indicator.find(compound)
        simple, *simple_pair = SIMPLIFIED_PAIRS[compound]
        sat = one.indicator_simplified.find(simple)
        if at < 0 or sat < 0:
            continue
        for it, word, simple_word in zip(run, written_pair, simple_pair):
            m = measures[it.index]
            simplified = m.indicator_simplified
            measures[it.index] = dataclasses.replace(
                m, indicator=m.indicator[:at] + word + m.indicator[at + len(compound):],
                indicator_simplified=simplified[:sat] + simple_word + simplified[sat + len(simple):])
        return


class _Item(NamedTuple):
    """A figure as the 分别 rule needs it: its measure, quantity, indicator spans and places."""

    index: int
    q: Quantity
    spans: indicator.Spans
    clause_start: int
    region_start: int
    sentence: int
    inherited: bool  # no words of its own: the indicator came from another figure


def _replace_indicator(source: Source, norm: Normalised, measures: list[Measure], index: int,
                       spans: indicator.Spans) -> None:
    """Give measure ``index`` the indicator of ``spans`` (quoted from the source)."""
    measures[index] = dataclasses.replace(measures[index], indicator=_quote(source.text, norm, spans),
                                          indicator_simplified=indicator.join(norm.text, spans))


def _share_words_after(source: Source, norm: Normalised, measures: list[Measure], run: list[_Item]) -> None:
    """4.07万户、9.02万人实现稳定脱贫: the words after a list of numbers are each number's."""
    last = run[-1]
    if last.inherited or not last.spans or last.spans[0][0] < last.q.end:
        return
    for it in run[:-1]:
        if it.inherited:
            _replace_indicator(source, norm, measures, it.index, last.spans)


def _share_heads(source: Source, norm: Normalised, measures: list[Measure], items: list[_Item]) -> None:
    """143个省重点、1003个市重点项目: a short count item takes the head the next item ends with (in ``items`` too).

    The head starts after the ending both items share (重点, 级 in 12个国家级、
    247个省级创新平台).
    """
    text = norm.text
    for i, (it, nxt) in enumerate(pairwise(items)):
        if not it.spans or not nxt.spans or it.q.unit != nxt.q.unit or it.q.unit_class != "classifier":
            continue
        (a, b), (na, nb) = it.spans[-1], nxt.spans[-1]  # the words after each number
        if a != it.q.end or na != nxt.q.end or b - a > 4 or text[b:nxt.q.pre_start] != "、":
            continue
        for size in range(min(b - a, 2), 0, -1):  # the longest shared ending first
            j = text.find(text[b - size:b], na, nb)
            if j >= 0 and j + size < nb:
                items[i] = it._replace(spans=it.spans + ((j + size, nb),))  # for the figures that follow
                _replace_indicator(source, norm, measures, it.index, items[i].spans)
                break


def _distribute(source: Source, norm: Normalised, measures: list[Measure], run: list[_Item],
                before: list[_Item]) -> list[indicator.Spans]:
    """分别 gives each number of a list its own item of the shared indicator (returned, [] for none).

    ``before`` holds the figures of the run's sentence before it.

    存、贷款余额分别增长6.6%、7.5% → 存款余额, 贷款余额. Shares of a plan
    (分别完成年度任务的107%、135%) are named by their topics: the items before
    分别 or in the clause before, or the owners of the figures just before
    (21个重点项目完成投资…, 8个省重点项目完成投资…), or those figures' own words.
    """
    text, first, n = norm.text, run[0], len(run)
    items: list[indicator.Spans] | None = None
    if first.q.unit_class == "percent" and indicator.plan_share(text, first.region_start, first.q.pre_start):
        here = text.find("分别", first.region_start, first.q.pre_start)
        if here > first.region_start:  # 就业、再就业分别完成全年目标的125%、143%
            pre = indicator.clean_pre(text, first.region_start, here, False)
            items = indicator.list_items(text, (pre,), n) if pre[1] > pre[0] else None
        topic_end = first.clause_start - 1
        if items is None and topic_end > 0 and text[topic_end] in ",，":
            topic_start = max(topic_end - 60, *(text.rfind(c, 0, topic_end) + 1 for c in ",，;；。\n"))
            pre = indicator.clean_pre(text, topic_start, topic_end, False)
            if pre[1] > pre[0] and not _DIGIT_RE.search(text, *pre):  # a clause of names, not of figures
                items = indicator.list_items(text, (pre,), n)
        owned = [it for it in before if it.spans and indicator.owner(text, it.spans) != it.spans]
        if items is None and len(owned) >= n:
            items = [indicator.owner(text, it.spans) for it in owned[-n:]]
        counts = [it.spans for it in before[-n:]]
        if items is None and len(counts) == n and len({indicator.join(text, c) for c in counts}) == n and all(counts):
            items = counts  # 城镇新增就业7.98万人,其中再就业2.14万人、…,分别为年度目标的159%、150%
    else:
        counts = [it.spans for it in before[-n:]]
        if (first.inherited and counts and first.spans == counts[-1] and len(counts) == n and all(counts)
                and len({indicator.join(text, c) for c in counts}) == n
                and "分别" in text[first.region_start:first.q.pre_start]):
            items = counts  # 重点项目70个,完成投资43.5亿元,分别增长40%和56%: the figures just before, one each
        else:
            items = indicator.list_items(text, first.spans, n)
        if (items is None and len(first.spans) > 1 and indicator.is_attribute(text, *first.spans[-1])
                and len(counts) == n and all(counts) and len({indicator.join(text, c) for c in counts}) == n):
            stock = text[slice(*first.spans[-1])] in STOCK_ATTRIBUTES  # …企业15家、23家,总数分别达到42家、96家
            items = [(indicator.without_flow_verb(text, c) if stock else c) + first.spans[-1:]
                     for c in counts]  # 95个省重点、1469个市重点项目,分别完成投资…
        if (items is None and first.inherited and "分别" in text[first.region_start:first.q.pre_start]
                and len(counts) == n and all(counts) and len({indicator.join(text, c) for c in counts}) == n):
            items = counts  # 城镇居民收入4.2万元、农村居民收入1.9万元,分别增长5.1%、7.3%
    if not items:
        return []
    for it, spans in zip(run, items):
        _replace_indicator(source, norm, measures, it.index, spans)
    return items


def _strip_levels(text: str, spans: indicator.Spans) -> indicator.Spans:
    """国家级重点龙头企业 → 重点龙头企业, so that 省级 after it does not read 省级国家级…."""
    a, b = spans[0]
    if text[a:b] in LEVEL_WORDS and len(spans) > 1:
        return spans[1:]
    for level in sorted(LEVEL_WORDS, key=len, reverse=True):
        if text.startswith(level, a) and a + len(level) < b:
            return ((a + len(level), b),) + spans[1:]
    return spans


def _row_name(text: str, cell_start: int) -> tuple[int, int] | None:
    """The first cell of the table row holding ``cell_start``, without a unit in brackets after it."""
    start = text.rfind("\n", 0, cell_start) + 1
    end = text.find("\t", start, cell_start)
    m = _BRACKETED_UNIT_RE.search(text, start, end)
    end = m.start() if m else end
    return (start, end) if end - start >= 2 and not _DIGIT_RE.search(text, start, end) else None


def _object_before(text: str, clauses: _Bounds, clause_start: int, floor: int) -> tuple[int, int] | None:
    """建设…的乡村振兴产业园,确保今年建成投用10个: the head noun closing the clause before."""
    if clause_start < 2 or text[clause_start - 1] not in ",，":
        return None
    prev_start, _ = clauses.around(clause_start - 2, clause_start - 1)
    head = text.rfind("的", max(prev_start, floor), clause_start - 1) + 1
    return (head, clause_start - 1) if head and 2 <= clause_start - 1 - head <= 12 else None


def _topic_clause(text: str, clauses: _Bounds, clause_start: int, floor: int,
                  change: bool = False) -> indicator.Spans:
    """规上工业主营业务收入、利润,分别增长4.2%、8.6%: a short clause before names the topic.

    For a change, the topic's own change words go (投资保持平稳较快增长,全年增长9% → 投资).
    """
    if clause_start < 2 or text[clause_start - 1] not in ",，":
        return ()
    prev_start, _ = clauses.around(clause_start - 2, clause_start - 1)
    if prev_start < floor or clause_start - 1 - prev_start > 30:
        return ()
    pre = indicator.clean_pre(text, prev_start, clause_start - 1, change)
    return (pre,) if pre[1] > pre[0] else ()


def _quote(source_text: str, norm: Normalised, spans: indicator.Spans) -> str:
    """The source words of normalised spans (Traditional stays Traditional), without what normalising left
    out inside them (a wrap, a page number, a pinyin gloss) or a line break it kept between Chinese words."""
    parts = []
    for a, b in spans:  # non-empty spans
        part = norm.written(source_text, a, b)
        if not part.isprintable() or " " in part:
            part = _DROPPED_SPACE_RE.sub("", part)
        if len(spans) == 1:
            return part
        parts.append(part)
    return "".join(parts)


def _source_unit(source: Source, norm: Normalised, q: Quantity) -> str:
    """The unit as written in the source (億元 stays 億元)."""
    if q.fixed_unit is not None:
        return q.fixed_unit
    if q.unit_end <= q.unit_start:
        return ""
    unit = _quote(source.text, norm, ((q.unit_start, q.unit_end),))  # 亿\n元 in a wrapped copy is 亿元
    if len(unit) > 1 and ("多" in unit or "余" in unit or "餘" in unit):
        unit = unit.replace("多", "").replace("余", "").replace("餘", "")
    return unit
