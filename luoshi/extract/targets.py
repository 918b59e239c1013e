"""The headline-targets table (主要预期目标): one row per headline target.

The rows are the measures found inside the headline block(s)
(``headline_blocks``), each mapped to a canonical indicator key
(``indicators.canonical_indicator``) or to ``other`` with the document's
own words. Measures are the single source of numbers, values, units and
comparators; this stage only selects, names and deduplicates them.

An indicator table (``indicator_tables``) that is the document's main-indicator
table gives a row for each target-year cell (and each change cell over the
plan period) of a canonical indicator; its cells are left out of the prose
blocks, whose list grammar does not fit a table's rows.
"""
from __future__ import annotations

import re

from luoshi.data.targets import (
    COMPLETE_NAME_ENDINGS,
    ITEM_LABEL,
    LIST_JOINERS,
    NAME_GLOSS,
    NAME_LEADING_WORDS,
    NAME_TRAILING_WORDS,
    NAME_VARIANTS,
    NEXT_IN_LIST,
    PAIRED_PREFIXES,
    RESPECTIVELY,
    RESPECTIVELY_ONE,
    SHARE_WORD,
    SHARED_VALUE,
    TARGET_YEAR,
)
from luoshi.extract.headline_blocks import CUE_RE, HeadlineBlock, find_blocks
from luoshi.extract.indicator_tables import CHANGE_NAME_RE, IndicatorTable
from luoshi.extract.indicators import OTHER, canonical_indicator
from luoshi.model import (
    HeadlineTarget,
    Measure,
    Metadata,
    Normalised,
    Source,
    Span,
    Structure,
)

_LIST_JOINER_RE = re.compile("|".join(sorted(LIST_JOINERS, key=len, reverse=True)))
_COMPLETE_NAME_RE = re.compile(f"(?:{'|'.join(COMPLETE_NAME_ENDINGS)})$")
_TARGET_YEAR_RE = re.compile(TARGET_YEAR)
_ITEM_LABEL_RE = re.compile(ITEM_LABEL)
_SHARED_VALUE_RE = re.compile(SHARED_VALUE)
_RESPECTIVELY_ONE_RE = re.compile(RESPECTIVELY_ONE)
_NEXT_IN_LIST_RE = re.compile(NEXT_IN_LIST)
_NAME_GLOSS_RE = re.compile(NAME_GLOSS)
_NAME_TRAILING_RE = re.compile(NAME_TRAILING_WORDS)
_NAME_LEADING_RE = re.compile(NAME_LEADING_WORDS)
_NAME_VARIANTS = tuple((re.compile(pattern), repl) for pattern, repl in NAME_VARIANTS)
_SENTENCE_MARKS = "。!?\n"
# A target year governs its sentence or, in a list of targets, its item:
# "…增长6%左右,力争到2025年突破3000亿元;一般公共预算收入增长5%" holds a
# 2024 target after the 2025 one.
_YEAR_SCOPE_MARKS = _SENTENCE_MARKS + ";"


def extract_targets(
    source: Source,
    norm: Normalised,
    structure: Structure,
    metadata: Metadata,
    measures: tuple[Measure, ...],
    tables: tuple[IndicatorTable, ...] = (),
) -> tuple[HeadlineTarget, ...]:
    """The document's headline targets, in text order."""
    rows: list[HeadlineTarget] = []
    seen: set[tuple] = set()
    if tables:
        regions = [(t.span.start, t.span.end) for t in tables]
        measures = tuple(m for m in measures if not any(a <= m.span.start < b for a, b in regions))
    for block in find_blocks(norm, structure, metadata):
        for target in _block_rows(block, norm, measures):
            key = _row_identity(target)
            if key not in seen:
                seen.add(key)
                rows.append(target)
    table_rows = [row for table in tables if table.main for row in table_targets(table)]
    if table_rows:
        for target in table_rows:
            key = _row_identity(target)
            if key not in seen:
                seen.add(key)
                rows.append(target)
        rows.sort(key=lambda r: r.span.start)
    return tuple(rows)


def table_targets(table: IndicatorTable):
    """The headline rows of a main-indicator table: each cell for its target year (a level, or
    the year's change) and each change over the plan period, of a canonical indicator."""
    year = str(table.target_year) if table.target_year else None
    for measure in table.measures:
        if measure.kind != "target" or year is None:
            continue
        over_plan = table.plan is not None and measure.period == table.plan
        if measure.period != year and not over_plan:
            continue
        if measure.span.start in table.cumulative and not CHANGE_NAME_RE.search(measure.indicator_simplified):
            continue  # 研发经费投入强度 [0.7]: a level's rise over the plan is no headline target
        key = canonical_indicator(measure.indicator_simplified, measure.unit, measure.change)
        if key is None:
            continue
        yield HeadlineTarget(
            indicator=key,
            indicator_text=measure.indicator,
            value=measure.value,
            unit=measure.unit,
            comparator=measure.comparator,
            span=measure.span,
            period=year,
            value_max=measure.value_max,
        )


def _row_identity(row: HeadlineTarget) -> tuple:
    """One row per canonical key; ``other`` rows per name and value."""
    if row.indicator != OTHER:
        return (row.indicator,)
    return (OTHER, row.indicator_text, row.value, row.unit, row.comparator)


def _block_rows(block: HeadlineBlock, norm: Normalised, measures: tuple[Measure, ...]):
    span = norm.to_source(block.start, block.end)
    inside = sorted(
        (
            m for m in measures
            if span.start <= m.span.start and m.span.end <= span.end
            and _after_list_start(m, block, norm)
            and _for_block_year(m, block, norm) and not _in_aside(m, block, norm)
        ),
        key=lambda m: (m.span.start, m.span.end),
    )
    for group in _shared_name_groups(inside, norm):
        first = group[0].span.start
        for measure, names in zip(group, _group_names(group, norm)):
            for written, simplified in _shared_value_names(measure, _after_cue(*names), norm):
                if _names_nothing(simplified):
                    continue  # a bare figure (a table cell on a line of its own)
                yield HeadlineTarget(
                    indicator=_key(simplified, measure),
                    indicator_text=_without_label(written),
                    value=measure.value,
                    unit=measure.unit,
                    comparator=measure.comparator,
                    # "…分别控制在5.5%和4.5%以内": the second number's row quotes the names too.
                    span=Span(first, measure.span.end),
                    period=block.period,
                    value_max=measure.value_max,
                )


def _after_list_start(measure: Measure, block: HeadlineBlock, norm: Normalised) -> bool:
    """Whether the number comes after the cue: a figure before it in the cue's sentence
    ("去年增长5.2%,在此基础上,今年的主要预期目标是:…") is no target of the list."""
    _, end = norm.from_source(measure.span.start, measure.span.end)
    return end > block.list_start


def _in_aside(measure: Measure, block: HeadlineBlock, norm: Normalised) -> bool:
    """Whether the number sits in brackets: an aside (上年增长5.2%), not a target of the list.

    An aside never runs over a line break: brackets are looked for on the number's line only.
    """
    text = norm.text
    _, end = norm.from_source(measure.span.start, measure.span.end)
    start = max(block.list_start, text.rfind("\n", 0, end) + 1)
    return text.rfind("(", start, end) > text.rfind(")", start, end)


def _shared_value_names(measure: Measure, names: tuple[str, str], norm: Normalised) -> list[tuple[str, str]]:
    """One name per listed indicator when the listed names share one number, else the name.

    They share it after 均 (A和B均增长8%); after 分别 with no second number in
    the list (A、B分别增长10%); and when every listed name is a headline
    indicator of its own with no second number (城镇调查失业率和登记失业率
    稳定在4.3%左右).
    """
    written, simplified = names
    quote = _norm_text(norm, measure, measure)
    at = quote.find(simplified)
    pieces = list_items(simplified)
    if at < 0 or len(pieces) < 2:
        return [names]
    if len(written) != len(simplified):
        written = simplified
    shared = [(_join(written, p), _join(simplified, p)) for p in pieces]
    name_end = at + len(simplified)
    if _SHARED_VALUE_RE.match(quote, name_end) or not _next_in_list(measure, norm) and (
        _RESPECTIVELY_ONE_RE.match(quote, name_end) or all(_key(name, measure) != OTHER for _, name in shared)
    ):
        return shared
    return [names]


def _next_in_list(measure: Measure, norm: Normalised) -> bool:
    """Whether another number follows the measure's in a list (…分别增长7%、8%)."""
    _, end = norm.from_source(measure.span.start, measure.span.end)
    return bool(_NEXT_IN_LIST_RE.match(norm.text, end))


def _after_cue(written: str, simplified: str) -> tuple[str, str]:
    """The name after a cue the measure kept ("…主要预期目标是地区生产总值" with no colon → 地区生产总值)."""
    cue = None
    for cue in CUE_RE.finditer(simplified):
        pass
    if cue is None or cue.end() >= len(simplified):
        return written, simplified
    at = cue.end()
    return (written[at:] if len(written) == len(simplified) else simplified[at:]), simplified[at:]


def _key(simplified: str, measure: Measure) -> str:
    """The canonical key of a name, read without a list label, a bracketed gloss (——生产总值(GDP)),
    trailing scope words (…失业率全年) and with known wording variants rewritten (区属地区生产总值)."""
    name = _NAME_TRAILING_RE.sub("", _NAME_GLOSS_RE.sub("", _without_label(simplified))) or simplified
    for pattern, repl in _NAME_VARIANTS:
        name = pattern.sub(repl, name)
    return canonical_indicator(name, measure.unit, measure.change) or OTHER


def _names_nothing(name: str) -> bool:
    """Whether a name is empty but for a list label (——7%, or a bare 7% on its own line)."""
    label = _ITEM_LABEL_RE.match(name)
    return not name[label.end() if label else 0:].strip()


def _without_label(name: str) -> str:
    """The name without a list item's label (——, (一), 一是) or the word that opened the list (即),
    which the measure may have kept."""
    label = _ITEM_LABEL_RE.match(name)
    name = name[label.end():] if label and label.end() < len(name) else name
    return _NAME_LEADING_RE.sub("", name)


def _for_block_year(measure: Measure, block: HeadlineBlock, norm: Normalised) -> bool:
    """False when the measure's sentence (or list item) names another target year (展望2035年,… in a 2025 plan)."""
    if block.period is None:
        return True
    start, end = norm.from_source(measure.span.start, measure.span.end)
    text = norm.text
    while start > block.start and text[start - 1] not in _YEAR_SCOPE_MARKS:
        start -= 1
    years = {a or b for a, b in _TARGET_YEAR_RE.findall(text, start, end)}
    return not years or block.period in years


def _shared_name_groups(measures: list[Measure], norm: Normalised) -> list[list[Measure]]:
    """Runs of measures in one sentence that carry the same indicator words."""
    groups: list[list[Measure]] = []
    for measure in measures:
        last = groups[-1] if groups else None
        if (
            last is not None
            and measure.indicator_simplified == last[0].indicator_simplified
            and not any(mark in _norm_text(norm, last[0], measure) for mark in _SENTENCE_MARKS)
        ):
            last.append(measure)
        else:
            groups.append([measure])
    return groups


def _group_names(group: list[Measure], norm: Normalised) -> list[tuple[str, str]]:
    """Each measure's indicator (as written, Simplified), lists shared out.

    In "城镇调查失业率和城镇登记失业率分别控制在5.5%和4.5%以内" each measure
    may carry both names; the i-th of n measures gets the i-th name. A
    compound (城乡居民…) is shared out only after 分别.
    """
    simplified = group[0].indicator_simplified
    # Normalisation keeps lengths, so the written form splits at the same places.
    written = group[0].indicator if len(group[0].indicator) == len(simplified) else simplified
    names = [(m.indicator, m.indicator_simplified) for m in group]
    pieces = list_items(simplified)
    if len(group) > 1 and len(pieces) == len(group):
        return [(_join(written, p), _join(simplified, p)) for p in pieces]
    if len(group) == 2 and len(pieces) == 1 and RESPECTIVELY in _norm_text(norm, group[0], group[1]):
        return _paired(written, simplified) or names
    return names


def _norm_text(norm: Normalised, first: Measure, last: Measure) -> str:
    start, _ = norm.from_source(first.span.start, first.span.end)
    _, end = norm.from_source(last.span.start, last.span.end)
    return norm.text[start:end]


def _paired(written: str, simplified: str) -> list[tuple[str, str]] | None:
    """城乡居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入."""
    for compound, pair in PAIRED_PREFIXES.items():
        at = simplified.find(compound)
        if at >= 0:
            end = at + len(compound)
            return [(written[:at] + word + written[end:], simplified[:at] + word + simplified[end:]) for word in pair]
    return None


def _join(text: str, piece: list[tuple[int, int]]) -> str:
    return "".join(text[a:b] for a, b in piece)


def list_items(indicator: str) -> list[list[tuple[int, int]]]:
    """The whole names in a joined indicator, each as the slices that spell it.

    A shared tail goes to every item: 高新技术产业、战略性新兴产业占规模以上
    工业增加值比重 → 高新技术产业占…比重 and 战略性新兴产业占…比重; 省、市临床
    重点专科 → 省临床重点专科 and 市临床重点专科. Items that are whole names
    already (城镇调查失业率和城镇登记失业率) are kept as they are.
    """
    bounds, pos = [], 0
    for joiner in _LIST_JOINER_RE.finditer(indicator):
        if joiner.start() > pos:
            bounds.append((pos, joiner.start()))
        pos = joiner.end()
    if pos < len(indicator):
        bounds.append((pos, len(indicator)))
    if len(bounds) < 2 or _COMPLETE_NAME_RE.search(indicator[slice(*bounds[0])]):
        return [[b] for b in bounds]
    last_start, last_end = bounds[-1]
    cut = indicator.find(SHARE_WORD, last_start, last_end)
    if cut <= last_start:
        cut = last_start + (bounds[0][1] - bounds[0][0])
    if cut >= last_end:
        return [[b] for b in bounds]
    return [[b, (cut, last_end)] for b in bounds[:-1]] + [[bounds[-1]]]
