"""Fulfilment: were last year's targets met? A verdict per target, both figures grounded.

A region's work report for year N states targets for N; its report for N+1
reviews N. For each target of report N the best matching achievement of
report N+1 (same canonical indicator, or closely matching words; compatible
unit; same change flag) is judged against it: met / partly / missed, or
unknown when no comparable figure was reported. The rules (directions,
ceilings, the 左右 band) are in ``judge`` and docs/fulfilment.md; every
threshold is in ``luoshi.data.fulfilment``.

The core works on anything shaped like a document (an in-memory
``Document`` or a ``StoredDocument`` read from the store): ``fulfilment``
takes a sequence of them and pairs consecutive reports itself.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from luoshi import register
from luoshi.data.fulfilment import (
    ACTION_WORDS,
    APPROX_POINTS,
    APPROX_RELATIVE,
    BARE_CHANGE_VERBS,
    BASE_UNITS,
    BASELINE_WINDOW,
    BASELINE_WORDS,
    CEILING_VERBS,
    CONTAIN_EXTRA,
    DOWN_WORDS,
    FRAMING_VERBS,
    LIST_ORDINAL,
    LIST_WINDOW,
    LOWER_IS_BETTER_KEYS,
    LOWER_IS_BETTER_WORDS,
    MAGNITUDES,
    MULTI_YEAR_WORDS,
    NOT_MAGNITUDE,
    PARTLY_POINTS,
    PARTLY_RELATIVE,
    POINT_UNITS,
    SHARE_OF_PLAN,
    SHARE_WINDOW,
    SIMILARITY_MIN,
    STATUS_OF_VERDICT,
    TERM_MARKERS,
    YEAR_MARKERS,
)
from luoshi.data.indicators import UNIT_T2S
from luoshi.data.quantities import GAP_WORDS
from luoshi.extract.indicators import OTHER, canonical_indicator, clean_indicator
from luoshi.extract.targets import list_items
from luoshi.model import (
    HeadlineTarget,
    Measure,
    Metadata,
    Section,
    Sentence,
    Source,
    Span,
)
from luoshi.normalise import to_simplified
from luoshi.store import Store

VerdictName = Literal["met", "partly", "missed", "unknown"]
Band = Literal["reached", "approx", "partly", "beyond"]  # where an actual falls against its bound (``Gap.band``)
BAND_VERDICTS: dict[Band, VerdictName] = {"reached": "met", "approx": "met", "partly": "partly", "beyond": "missed"}
EPSILON = 1e-9
# A change measure's own words close to its number: 下降3.5%, 同比下降, 压减5%.
DIRECTION_WINDOW = 8
REVIEW_ROLES = ("review",)
TARGET_ROLES = ("plan", "targets", "body", None)


class Report(Protocol):
    """What fulfilment reads from a document: ``Document`` and ``StoredDocument`` both fit."""

    source: Source
    metadata: Metadata
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    measures: tuple[Measure, ...]
    targets: tuple[HeadlineTarget, ...]

    @property
    def name(self) -> str: ...


# --- the verdict -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetSide:
    value: float
    comparator: str
    unit: str
    period: str | None
    doc: str
    start: int
    end: int
    quote: str
    value_max: float | None = None
    direction: str = "up"  # "down" for a decrease target (能耗下降3%): value is the size of the decrease


@dataclass(frozen=True, slots=True)
class ActualSide:
    """The reported figure, in the target's terms: its unit, and signed along the target's direction.

    A 下降3.5% actual against a 增长5% target has value −3.5; against a
    下降1% target, 3.5. ``written`` is the number as the text writes it.
    """

    value: float
    unit: str
    period: str | None
    doc: str
    start: int
    end: int
    quote: str
    written: float
    written_unit: str


@dataclass(frozen=True, slots=True)
class Gap:
    """How an actual stands against the bound it is judged by; the reasons (English, Chinese) are written from it."""

    actual: float  # in the target's unit and direction
    bound: float  # the floor or ceiling judged against
    unit: str
    ceiling: bool  # the bound caps the actual (less is better); else it is a floor to reach
    miss: float  # how far the actual is on the wrong side of the bound (≤ 0: on the right side)
    slack: float  # the 左右 band (0 for a firm target)
    partly: float  # the band of a partly-met target (0: none)
    comparator: str = "="
    decrease: bool = False  # judged as the size of a decrease (能耗下降3%)

    @property
    def band(self) -> Band:
        """Where the actual falls: on the bound's good side, within the 左右 band, the partly band, or beyond."""
        if self.miss <= EPSILON:
            return "reached"
        if self.miss <= self.slack + EPSILON:
            return "approx"
        if self.partly > self.slack and self.miss <= self.partly + EPSILON:
            return "partly"
        return "beyond"


@dataclass(frozen=True, slots=True)
class ShareOfPlan:
    """The next report gives a share of the target (完成年度任务的125%), not the figure."""

    percent: float


@dataclass(frozen=True, slots=True)
class Clash:
    """The next report gives a figure for the indicator that does not compare with the target."""

    quote: str
    value: float
    unit: str
    change: bool
    target_change: bool
    target_unit: str


@dataclass(frozen=True, slots=True)
class NoFigure:
    """The next report gives no figure for the indicator."""

    period: str | None
    doc: str


Why = Gap | ShareOfPlan | Clash | NoFigure


@dataclass(frozen=True, slots=True)
class Verdict:
    region: str
    indicator: str  # canonical key (TARGETS.md), or the indicator words
    target: TargetSide
    actual: ActualSide | None
    verdict: VerdictName
    reason: str  # in English, for the JSONL; luoshi.fulfilment_text writes it in Chinese from ``why``
    why: Why | None = None

    @property
    def status(self) -> str:
        """The register status this verdict suggests (the actual's span is the evidence)."""
        return status_for(self.verdict)

    def record(self) -> dict:
        """The JSONL object of ``luoshi fulfilment --jsonl``."""
        t, a = self.target, self.actual
        target = {"value": number(t.value), "comparator": t.comparator, "unit": t.unit, "period": t.period,
                  "doc": t.doc, "start": t.start, "end": t.end, "quote": t.quote}
        if t.value_max is not None:
            target["value_max"] = number(t.value_max)
        actual = None if a is None else {
            "value": number(a.value), "unit": a.unit, "period": a.period, "doc": a.doc, "start": a.start,
            "end": a.end, "quote": a.quote,
        }
        return {"region": self.region, "indicator": self.indicator, "target": target, "actual": actual,
                "verdict": self.verdict, "reason": self.reason}


def status_for(verdict: str) -> str:
    """met → 已完成, partly → 部分完成, missed → 未完成, unknown → 无公开信息."""
    return STATUS_OF_VERDICT[verdict]


# --- judging one pair ------------------------------------------------------------


def judge(value: float, comparator: str, actual: float, *, unit: str, value_max: float | None = None,
          lower_is_better: bool = False) -> tuple[VerdictName, str]:
    """The verdict for an actual figure against a target, and why.

    ``actual`` is already in the target's unit and direction. ``>=``/``>``
    targets are floors and ``<=``/``<`` ceilings; ``=`` (达到X) and ``~``
    (X左右) are floors too, or ceilings when less is better (失业率, CPI).
    A floor is met when the actual reaches it (for ``~``: comes within the
    tolerance band of it; above the band is met as well, since more of a
    floor-type indicator is better); a shortfall within the partly band is
    partly, beyond it missed. A range is met inside it or on its good side.
    """
    gap = measure_gap(value, comparator, actual, unit=unit, value_max=value_max, lower_is_better=lower_is_better)
    return verdict_of(gap), english_reason(gap)


def measure_gap(value: float, comparator: str, actual: float, *, unit: str, value_max: float | None = None,
                lower_is_better: bool = False) -> Gap:
    """The bound ``judge`` holds ``actual`` against, how far it misses, and the bands (see ``judge``)."""
    points = unit.strip() in POINT_UNITS
    scale = 1.0 if points else abs(value)
    slack = (APPROX_POINTS if points else APPROX_RELATIVE) * scale if comparator == "~" else 0.0
    if points:
        partly = PARTLY_POINTS if comparator == "~" else 0.0
    else:
        partly = PARTLY_RELATIVE * scale
    if comparator == "range" and value_max is not None:
        bound = value_max if lower_is_better else value
        ceiling = lower_is_better
    else:
        bound = value
        ceiling = comparator in ("<=", "<") or (comparator in ("=", "~") and lower_is_better)
    miss = actual - bound if ceiling else bound - actual
    return Gap(actual, bound, unit, ceiling, miss, slack, partly, comparator)


def verdict_of(gap: Gap) -> VerdictName:
    return BAND_VERDICTS[gap.band]


def english_reason(gap: Gap) -> str:
    """The ``reason`` of the JSONL: 7.4 vs floor 8%: 0.6 off."""
    kind = "ceiling" if gap.ceiling else "floor"
    text = f"{_fmt(gap.actual)} vs {kind} {_fmt(gap.bound)}{gap.unit}"
    miss, slack, partly, band = gap.miss, gap.slack, gap.partly, gap.band
    if band == "reached":
        text = f"{text}: {'within' if gap.ceiling else 'reached'}"
    elif band == "approx":
        text = f"{text}: {_fmt(miss)} off, within the 左右 band of {_fmt(slack)}"
    elif band == "partly":
        text = f"{text}: {_fmt(miss)} off, within the partly band of {_fmt(partly)}"
    else:
        text = f"{text}: {_fmt(miss)} off" + (f", beyond the partly band of {_fmt(partly)}" if partly else "")
    return f"decrease {text}" if gap.decrease else text


# --- figures: measures with what matching needs ------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """A target or achievement of one report, with its indicator resolved for matching."""

    doc: str
    key: str | None  # canonical key, or None
    words: str  # cleaned indicator words (Simplified)
    label: str  # what the verdict calls it: the key or the document's words
    value: float
    value_max: float | None
    unit: str
    comparator: str
    change: bool
    direction: str  # up / down
    period: str | None
    span: Span
    quote: str
    headline: bool = False
    topic: str | None = None
    share_of_plan: bool = False  # 完成全年目标的125%: a share of the target, not the figure itself
    should_fall: bool = False  # the extractor says less is better (Measure.direction == "down")


def number(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _fmt(value: float) -> str:
    return f"{value:.4g}"


def _simplified(text: str) -> str:
    return text if text.isascii() else to_simplified(text)


def direction_of(source_text: str, span: Span, value_start: int | None = None) -> str:
    """``down`` when the words just before the number say a decrease (下降, 压减, 回落), else ``up``."""
    end = value_start if value_start is not None else _number_start(source_text, span)
    window = _simplified(source_text[max(span.start, end - DIRECTION_WINDOW):end])
    return "down" if any(w in window for w in DOWN_WORDS) else "up"


def _number_start(text: str, span: Span) -> int:
    """Where the (last) number of a measure's quote starts: its words before it hold the verb."""
    quote = text[span.start:span.end]
    digits = [m.start() for m in re.finditer(r"[0-9０-９.．]+", quote)]
    if not digits:
        return span.end
    pos = digits[-1]
    while pos > 0 and quote[pos - 1] in "0123456789０１２３４５６７８９.．":
        pos -= 1
    return span.start + pos


def _words(indicator_simplified: str) -> str:
    return clean_indicator(indicator_simplified) or indicator_simplified


def _role(doc: Report, section: int | None) -> str | None:
    if section is None or not 0 <= section < len(doc.sections):
        return None
    return doc.sections[section].role


def _list_names(measures: Sequence[Measure], text: str) -> dict[int, str]:
    """Names for runs of measures that share one indicator (see ``_run_names``), and for bare changes.

    A bare change (全市生产总值完成3082.8亿元，首次突破3000亿元大关，增长7.2%) takes the
    name of its sentence's first level figure.
    """
    names: dict[int, str] = {}
    i = 0
    while i < len(measures):
        j = i + 1
        while (j < len(measures) and measures[j].sentence == measures[i].sentence
               and measures[j].indicator_simplified == measures[i].indicator_simplified
               and measures[j].change == measures[i].change):
            j += 1
        if j - i > 1:
            names.update((i + k, name) for k, name in enumerate(_run_names(measures, i, j, text)))
        i = j
    for i, m in enumerate(measures):
        if i not in names and m.change and _bare_change(m, text):
            owner = next((o for o in measures[:i] if o.sentence == m.sentence and not o.change), None)
            if owner is not None:
                names[i] = owner.indicator_simplified
    return names


def _run_names(measures: Sequence[Measure], i: int, j: int, text: str) -> list[str]:
    """The k names of a run ``measures[i:j]`` of k figures with one indicator, or ``[]``.

    In order of preference: the items of a k-item list indicator (旅游综合收入、
    接待游客分别增长30%和20%); after 分别, the k level figures just before the
    run (接待游客5020万人次、旅游综合收入365.8亿元，分别增长22.5%、30.3%); or the k
    names listed in the clause before 分别 (城镇新增就业、失业人员再就业、困难人员实现
    就业、新增转移农村劳动力就业，分别完成年度任务的135%、163%、193%、125%).
    """
    run = measures[i:j]
    items = list_items(run[0].indicator_simplified)
    if len(items) == len(run):
        return ["".join(run[0].indicator_simplified[a:b] for a, b in piece) for piece in items]
    same_sentence = i > 0 and measures[i - 1].sentence == run[0].sentence
    floor = measures[i - 1].span.end if same_sentence else max(0, run[0].span.start - LIST_WINDOW)
    lead = text[floor:run[0].span.end]  # a quote may start with its 分别
    if "分别" not in lead:
        return []
    if run[0].change and i >= len(run):
        before = measures[i - len(run):i]
        if (all(not m.change and m.sentence == run[0].sentence for m in before)
                and len({m.indicator_simplified for m in before}) == len(run)):
            return [m.indicator_simplified for m in before]
    clause = _CLAUSE_BREAK_RE.split(lead[:lead.rindex("分别")].rstrip("，, "))[-1]
    listed = [_simplified(w.strip()) for w in clause.split("、")]
    return listed if len(listed) == len(run) and all(listed) else []


_BARE_CHANGE_RE = re.compile("^(?:" + "|".join(BARE_CHANGE_VERBS) + ")")


def _bare_change(m: Measure, text: str) -> bool:
    """增长7.2% with no indicator of its own (the extractor's words are a neighbour's: 首次)."""
    if m.sentence is None or canonical_indicator(m.indicator_simplified, m.unit, m.change):
        return False
    return bool(_BARE_CHANGE_RE.match(_simplified(text[m.span.start:m.span.end])))


def _figure(doc: Report, m: Measure, words_simplified: str, *, headline: HeadlineTarget | None = None) -> Figure:
    text = doc.source.text
    words_simplified = _ORDINAL_RE.sub("", words_simplified) or words_simplified  # 一是新增城镇就业
    key = canonical_indicator(words_simplified, m.unit, m.change)
    words = _words(words_simplified)
    if headline is not None:
        key = None if headline.indicator == OTHER else headline.indicator
        words = _words(_simplified(headline.indicator_text)) if key is None else words
    # The sign of a change is what the text says (下降 → down); Measure.direction says which way the
    # indicator *should* move, so a target written as a rise that should fall (涨幅控制在3%) is a ceiling.
    direction = direction_of(text, m.span)
    return Figure(
        doc=doc.name, key=key, words=words, label=key or words, value=m.value, value_max=m.value_max,
        unit=m.unit.translate(UNIT_T2S), comparator=m.comparator, change=m.change,
        direction=direction if m.change else "up", period=m.period, span=m.span,
        quote=text[m.span.start:m.span.end], headline=headline is not None, topic=m.topic,
        should_fall=m.kind == "target" and m.direction == "down" and not (m.change and direction == "down"),
        share_of_plan=m.unit == "%" and not m.change and _share_of_plan(text, m.span),
    )


_SHARE_OF_PLAN_RE = re.compile(SHARE_OF_PLAN)


def _share_of_plan(text: str, span: Span) -> bool:
    """Whether the clause before the number says it is a share of the plan (分别完成全年目标的125%、143%)."""
    start = max(0, span.start - SHARE_WINDOW)
    breaks = [b.end() for b in _CLAUSE_BREAK_RE.finditer(text, start, span.start)]
    window = _simplified(text[breaks[-1] if breaks else start:span.end])
    return bool(_SHARE_OF_PLAN_RE.search(window))


def _headline_only(doc: Report, h: HeadlineTarget, year: int | None) -> Figure:
    """A headline target with no measure behind it (the stored table only)."""
    text = doc.source.text
    quote = text[h.span.start:h.span.end]
    key = None if h.indicator == OTHER else h.indicator
    change = key is not None and (key.endswith("_growth") or key in ("cpi", "energy_intensity"))
    direction = direction_of(text, h.span)
    return Figure(
        doc=doc.name, key=key, words=_words(_simplified(h.indicator_text)), label=key or _simplified(h.indicator_text),
        value=h.value, value_max=h.value_max, unit=h.unit.translate(UNIT_T2S), comparator=h.comparator,
        change=change, direction=direction if change else "up", period=h.period or (str(year) if year else None),
        span=h.span, quote=quote, headline=True,
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def target_figures(doc: Report, *, any_period: bool = False) -> list[Figure]:
    """The targets a report sets for its own year (or for any period): headline rows first, then the others."""
    year = doc.metadata.year
    period = str(year) if year else None
    measures = [m for m in doc.measures if m.kind == "target" and (any_period or m.period == period)]
    names = _list_names(measures, doc.source.text)
    out: list[Figure] = []
    used: set[int] = set()
    for h in doc.targets:
        if not any_period and h.period not in (None, period):
            continue
        at = next((i for i, m in enumerate(measures)
                   if i not in used and _overlaps(m.span, h.span) and abs(m.value - h.value) < EPSILON), None)
        if at is None:
            out.append(_headline_only(doc, h, year))
            continue
        used.add(at)
        out.append(_figure(doc, measures[at], names.get(at, measures[at].indicator_simplified), headline=h))
    seen = {(f.label, f.value, f.unit, f.comparator, f.period) for f in out}
    for i, m in enumerate(measures):
        if i in used or _role(doc, m.section) not in TARGET_ROLES:
            continue
        f = _figure(doc, m, names.get(i, m.indicator_simplified))
        if (f.label, f.value, f.unit, f.comparator, f.period) not in seen:
            seen.add((f.label, f.value, f.unit, f.comparator, f.period))
            out.append(f)
    return out


def actual_figures(doc: Report, year: int) -> list[Figure]:
    """What a report says was achieved in ``year``: its review's figures for that year, not multi-year ones."""
    text = doc.source.text
    measures = [m for m in doc.measures if m.kind == "achievement"]
    names = _list_names(measures, text)
    markers = _Markers(text, year)
    out = []
    for i, m in enumerate(measures):
        period = None if m.period and _baseline_year(text, m) else m.period
        if period != str(year):
            if period is not None or _role(doc, m.section) not in REVIEW_ROLES:
                continue
            if markers.term_before(_part_start(doc, m.section), m.span.start):
                continue
        if _multi_year(doc, m):
            continue
        out.append(_figure(doc, m, names.get(i, m.indicator_simplified)))
    return out


def _baseline_year(text: str, m: Measure) -> bool:
    """Whether the year a figure was dated by is a comparison base (是2017年的1.8倍, 比2017年), not its own."""
    window = text[max(0, m.span.start - BASELINE_WINDOW):m.span.start]
    at = window.rfind(f"{m.period}年")
    return at > 0 and bool(_BASELINE_RE.search(_simplified(window[max(0, at - 3):at])))


_BASELINE_RE = re.compile(f"(?:{'|'.join(BASELINE_WORDS)})$")


class _Markers:
    """Where a report names the reviewed year or a whole term, found once (see ``TERM_MARKERS``)."""

    def __init__(self, text: str, year: int) -> None:
        words = "|".join(re.escape(w.format(year=year)) for w in YEAR_MARKERS)
        hits = [(m.start(), m.lastgroup == "term") for m in re.finditer(f"(?P<term>{TERM_MARKERS})|{words}", text)]
        self.pos = [p for p, _ in hits]
        self.term = [t for _, t in hits]

    def term_before(self, start: int, end: int) -> bool:
        """Whether the last marker in ``[start, end)`` names a term rather than the year."""
        i = bisect_left(self.pos, end) - 1
        return i >= 0 and self.pos[i] >= start and self.term[i]


def _part_start(doc: Report, section: int | None) -> int:
    """Where the top-level part holding ``section`` starts (一、过去五年工作回顾)."""
    start = 0
    while section is not None and 0 <= section < len(doc.sections):
        start = doc.sections[section].span.start
        section = doc.sections[section].parent
    return start


_CLAUSE_BREAK_RE = re.compile(r"[,，;；。:：!！?？\n]")


def _multi_year(doc: Report, m: Measure) -> bool:
    """年均增长, 累计, 五年来 in the figure's own clause: a figure over several years, not one year's.

    A gap (年均增长7.3%,高于全省1个百分点) is a gap between the figures of the clause before it, so that
    clause counts as its own.
    """
    text = doc.source.text
    start = max(0, m.span.start - 12)
    breaks = [b.end() for b in _CLAUSE_BREAK_RE.finditer(text, start, m.span.start)]
    window = _simplified(text[breaks[-1] if breaks else start:m.span.end])
    if window.startswith(GAP_WORDS) and breaks:
        before = [b.end() for b in _CLAUSE_BREAK_RE.finditer(text, max(0, breaks[-1] - 24), breaks[-1] - 1)]
        window = _simplified(text[before[-1] if before else max(0, breaks[-1] - 24):m.span.end])
    return any(w in window for w in MULTI_YEAR_WORDS)


# --- matching ---------------------------------------------------------------------


def _unit_scale(unit: str) -> tuple[str, float]:
    """(base, factor): 万人 → (person, 1e4); 亿斤 → (kg, 5e7); 万户 → (户, 1e4); % → (%, 1)."""
    unit = unit.strip().translate(UNIT_T2S)
    factor = 1.0
    for prefix, size in MAGNITUDES:
        if unit == prefix:
            return "", size  # 10.02万 (people): a bare magnitude
        if unit.startswith(prefix) and unit not in NOT_MAGNITUDE:
            unit, factor = unit[len(prefix):], size
            break
    base, size = BASE_UNITS.get(unit, (unit, 1.0))
    return base, factor * size


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``, or ``None`` when the units do not compare.

    % and 个百分点 do not compare (a rate is not a difference of rates). A
    bare magnitude (10.02万, no noun) compares with any counted unit.
    """
    a, b = unit.strip().translate(UNIT_T2S), to_unit.strip().translate(UNIT_T2S)
    if a in POINT_UNITS or b in POINT_UNITS:
        same = a == b or {a, b} <= {"个百分点", "百分点"}
        return value if same else None
    base_a, fa = _unit_scale(a)
    base_b, fb = _unit_scale(b)
    if base_a != base_b and base_a and base_b:
        return None
    return value * fa / fb


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


_ORDINAL_RE = re.compile(LIST_ORDINAL)
_FRAMING_RE = re.compile("^(?:" + "|".join(sorted(FRAMING_VERBS, key=len, reverse=True)) + ")+")
_ACTION_RE = re.compile("|".join(sorted(ACTION_WORDS, key=len, reverse=True)))
_DIGITS_RE = re.compile(r"\d+(?:\.\d+)?")


def match_words(words: str) -> str:
    """Indicator words as compared: list ordinals (四是) and framing verbs (完成, 全市) removed."""
    stripped = _FRAMING_RE.sub("", _ORDINAL_RE.sub("", words))
    return stripped or words


def similarity(a: str, b: str) -> float:
    """How alike two indicators are (0–1); see ``luoshi.data.fulfilment`` for the rules."""
    a, b = match_words(a), match_words(b)
    if not a or not b or _DIGITS_RE.findall(a) != _DIGITS_RE.findall(b):
        return 0.0
    if a == b:
        return 1.0
    if len(a) == len(b) and sorted(a) == sorted(b):
        return 0.95
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 2 and short in long_:
        # 造林 / 新造林 / 创建造林 are one indicator; 固定资产投资 / 工业固定资产投资 are two
        extra = _ACTION_RE.sub("", long_.replace(short, "", 1))
        return 0.9 if len(extra) <= CONTAIN_EXTRA else 0.0
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y))


def indicator_score(a: Figure, b: Figure) -> float:
    """1 for the same canonical key, 0 for different keys, else word similarity (0 below the threshold)."""
    if a.key and b.key:
        return 1.0 if a.key == b.key else 0.0
    score = similarity(a.words, b.words)
    return score if score >= SIMILARITY_MIN else 0.0


@dataclass(frozen=True, slots=True)
class Candidates:
    """What the next report says about a target's indicator."""

    comparable: Figure | None  # same change flag, convertible unit: judged directly
    share: Figure | None  # 完成全年目标的125%: judged as a share of the target
    clash: Figure | None  # the indicator, but a figure that does not compare (explains an unknown)


def best_actual(target: Figure, actuals: Iterable[Figure]) -> Candidates:
    """The best actual of each sort for ``target``.

    Best: highest indicator score, then an explicit year over an implied
    one, then the first mention (a review states its headline figures first).
    """
    best: dict[str, tuple[tuple, Figure]] = {}
    for i, a in enumerate(actuals):
        score = indicator_score(target, a)
        if score <= 0:
            continue
        if a.share_of_plan and target.unit not in POINT_UNITS:
            sort = "share"
        elif a.change == target.change and convert(a.value, a.unit, target.unit) is not None:
            sort = "comparable"
        else:
            sort = "clash"
        rank = (score, a.period is not None, -i)
        if sort not in best or rank > best[sort][0]:
            best[sort] = (rank, a)
    return Candidates(*(best[k][1] if k in best else None for k in ("comparable", "share", "clash")))


def lower_is_better(target: Figure) -> bool:
    """Whether less of the indicator is better (失业率, CPI), or the target's own verb caps it (压缩至, 控制在)."""
    if target.key in LOWER_IS_BETTER_KEYS or target.should_fall:
        return True
    if target.change:
        return False  # a change target is judged along its own direction
    if any(w in target.words for w in LOWER_IS_BETTER_WORDS):
        return True
    return any(v in _simplified(target.quote) for v in CEILING_VERBS)


def verdict_for(region: str, target: Figure, actuals: Sequence[Figure], actual_doc: str) -> Verdict:
    side = TargetSide(
        value=target.value, comparator=target.comparator, unit=target.unit, period=target.period, doc=target.doc,
        start=target.span.start, end=target.span.end, quote=target.quote, value_max=target.value_max,
        direction=target.direction,
    )
    found = best_actual(target, actuals)
    actual = found.comparable or found.share
    if actual is None:
        if found.clash is not None:
            clash = found.clash
            why = (f"the report states {clash.quote!r} ({_fmt(clash.value)}{clash.unit}, "
                   f"{'a change' if clash.change else 'a level'}), not comparable with a "
                   f"{'change' if target.change else 'level'} in {target.unit}")
            basis: Why = Clash(clash.quote, clash.value, clash.unit, clash.change, target.change, target.unit)
        else:
            why = f"no figure for this indicator reported for {target.period} in {actual_doc}"
            basis = NoFigure(target.period, actual_doc)
        return Verdict(region, target.label, side, None, "unknown", why, basis)
    if actual is found.share:
        # 完成全年目标的125%: the share is judged as a level against 100% of the target
        verdict = verdict_of(measure_gap(100, ">=", actual.value, unit=""))
        reason = f"reported as {_fmt(actual.value)}% of the target: {verdict}"
        return Verdict(region, target.label, side, _actual_side(actual, target.value * actual.value / 100,
                                                                target), verdict, reason, ShareOfPlan(actual.value))
    value = convert(actual.value, actual.unit, target.unit)
    assert value is not None  # comparable actuals convert
    if target.change and actual.direction != target.direction:
        value = -value
    gap = measure_gap(target.value, target.comparator, value, unit=target.unit, value_max=target.value_max,
                      lower_is_better=lower_is_better(target))
    if target.change and target.direction == "down":
        gap = replace(gap, decrease=True)
    return Verdict(region, target.label, side, _actual_side(actual, value, target), verdict_of(gap),
                   english_reason(gap), gap)


def _actual_side(actual: Figure, value: float, target: Figure) -> ActualSide:
    return ActualSide(
        value=value, unit=target.unit, period=actual.period or target.period, doc=actual.doc,
        start=actual.span.start, end=actual.span.end, quote=actual.quote, written=actual.value,
        written_unit=actual.unit,
    )


# --- pairing reports ----------------------------------------------------------------


def region_key(meta: Metadata) -> str | None:
    return meta.division_code or meta.region


def is_yearly_report(doc: Report) -> bool:
    """A report about one year (a work report), not a multi-year plan."""
    meta = doc.metadata
    if meta.year is None or region_key(meta) is None:
        return False
    if meta.doc_type:
        return "工作报告" in meta.doc_type
    return meta.period is None or meta.period == str(meta.year)


def report_pairs(docs: Iterable[Report]) -> list[tuple[Report, Report]]:
    """(report N, report N+1) of the same region, in region then year order (the last stored wins a tie)."""
    by_region: dict[str, dict[int, Report]] = {}
    for doc in docs:
        if is_yearly_report(doc):
            by_region.setdefault(region_key(doc.metadata), {})[doc.metadata.year] = doc  # type: ignore[index]
    pairs = []
    for years in by_region.values():
        for year in sorted(years):
            if year + 1 in years:
                pairs.append((years[year], years[year + 1]))
    return pairs


def verdicts_for_pair(targets_doc: Report, actuals_doc: Report) -> list[Verdict]:
    """Every headline or canonical-indicator target of ``targets_doc`` (matched or not), and every other
    target that found an actual."""
    year = targets_doc.metadata.year
    assert year is not None
    region = targets_doc.metadata.region or region_key(targets_doc.metadata) or ""
    actuals = actual_figures(actuals_doc, year)
    out = []
    for target in target_figures(targets_doc):
        v = verdict_for(region, target, actuals, actuals_doc.name)
        if target.headline or target.key or v.actual is not None:
            out.append(v)
    return out


def fulfilment(docs: Iterable[Report], region: str | None = None) -> list[Verdict]:
    """Verdicts for every pair of consecutive yearly reports (of ``region`` only, by name or code, if given)."""
    out = []
    for earlier, later in report_pairs(docs):
        meta = earlier.metadata
        if region is not None and region not in (meta.region, meta.division_code):
            continue
        out.extend(verdicts_for_pair(earlier, later))
    return out


# --- the register ------------------------------------------------------------------


def suggest_statuses(store: Store, verdicts: Iterable[Verdict]) -> list[tuple[Verdict, int]]:
    """Record each judged verdict as luoshi's status suggestion on its target's commitment.

    The commitment is the stored target measure at the target's span; the
    evidence is the achievement's span in the next report. A verdict with
    no actual (unknown) has no evidence and suggests nothing. Suggesting
    again is idempotent (``register.suggest_status``). Returns (verdict,
    commitment id) for every suggestion made. The note, which the commitment's
    history shows, is the verdict's reason in Chinese.
    """
    from luoshi.fulfilment_text import reason_zh  # that module builds on this one

    spans: dict[str, list] = {}
    made = []
    for v in verdicts:
        if v.actual is None:
            continue
        if v.target.doc not in spans:
            spans[v.target.doc] = register.list_commitments(store, doc=v.target.doc, kind="measure")
        target = Span(v.target.start, v.target.end)
        commitment = next((c for c in spans[v.target.doc] if c.span == target), None) or next(
            (c for c in spans[v.target.doc] if _overlaps(c.span, target)), None)
        if commitment is None:
            continue
        register.suggest_status(store, commitment.id, v.status, document=v.actual.doc,
                                span=Span(v.actual.start, v.actual.end), note=reason_zh(v))
        made.append((v, commitment.id))
    return made
