"""Indicator tables: the figures of a 主要指标 table, one ``Measure`` per number cell.

A five-year plan states its main indicators in a table (类别 | 指标 | 2020年 |
2025年 | 年均增长(%) | 属性), some annual reports their 主要预期目标 (指标 |
单位 | 2023年完成 | 2024年目标). The read stage writes a table as one line
per row: cells joined by tabs (DOCX), by `` | `` (HTML through trafilatura) or,
in a plain-text copy, by runs of spaces (by one space in a PDF's copy: read only
under a header of header words alone, each row a name and then values alone).
Prose extraction cannot read such a row (a bare 1400 under 2025年 names
nothing), so this stage does:

1. find header rows: a line split into cells, one of them a year (2025年,
   2024年目标) after a separator, with at least one more table word (a
   second year, a change column 年均增长, 属性, 单位, 指标). A document
   without one costs one regex scan.
2. read the rows below it with the same separator (a category cell written
   once, a group row of one cell, a blank line between rows are allowed);
   cells are aligned to the header columns from the right (a row may omit
   its merged 类别 cell; a header's 指标 may span 类别 and name).
3. each number cell becomes a ``Measure``: ``span`` the cell's own text,
   ``indicator`` the row's name cell without its unit bracket, ``unit`` from
   that bracket, a unit column or the column header's bracket, ``kind`` and
   ``period`` from the column (a base-year column is an achievement of that
   year, a target-year column a target of it, a change column a target over
   the plan period or the change of the year column before it), ``change``
   for change columns and names (…增长, …降低), and ``〔13.5〕`` a cumulative
   figure over the plan period. A row naming two indicators (A/B, A(B)) gives
   each its own figure of a two-figure cell (5.5/4.5, 65(50)).

Everything is read on the normalised text (Simplified, half-width) and
mapped back to source offsets; rows and cells are found on the source
lines, since normalising drops the spaces that separate a text copy's cells.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from unicodedata import east_asian_width

from luoshi.data.indicator_tables import (
    ACHIEVEMENT_SUFFIXES,
    ATTRIBUTE_HEADER,
    ATTRIBUTES,
    AVERAGE_HEADER,
    CATEGORY_HEADER,
    CELL_NOTE_MARK,
    CELL_PREFIXES,
    CELL_SUFFIXES,
    CELL_UNIT,
    CHANGE_HEADER,
    CHANGE_NAME_END,
    CUMULATIVE_CLOSE,
    CUMULATIVE_HEADER,
    CUMULATIVE_OPEN,
    DECREASE_WORDS,
    EMPTY_CELLS,
    INDICATOR_HEADER,
    MAIN_TABLE_TITLE,
    NAME_LABEL,
    NAME_UNIT,
    PARALLEL_NAME,
    PROSE_MARKS,
    RANGE_JOINERS,
    SERIAL_HEADER,
    SINGLE_SPACE_HEADER_MAX_CHARS,
    TABLE_NOTE,
    TABLE_NOTE_MAX_CHARS,
    TARGET_SUFFIXES,
    TWO_FIGURES,
    UNIT_HEADER,
    YEAR_HEADER,
)
from luoshi.data.targets import PLAN_END_YEARS
from luoshi.extract.alternation import word_pattern
from luoshi.extract.numbers import ARABIC
from luoshi.model import Measure, Metadata, Normalised, Source, Span, Structure

# A cell separator followed by a year: the cheap scan for header rows.
_HEADER_SCAN_RE = re.compile(r"(?:\t| |\u3000|\|)[ \u3000\t]*[12１２][0-9０-９]{3} ?[年\t |]")
# A PDF's text copy may set cells apart by one space: its tokens, a year written 2025 年 and
# a figure's trailing words (7 左右, 6 %) kept whole.
_SINGLE_TOKEN_RE = re.compile(r"[12１２][0-9０-９]{3} 年\S*|\S+")
_FIGURE_WORD_RE = re.compile(rf"(?:{'|'.join(w for w, _ in CELL_SUFFIXES)}|%|％|‰|个百分点)")
_NAME_BRACKET_RE = re.compile(r"[(（][^()（）\s]{1,8}[)）]")
_SPACE_SEP_RE = re.compile(r"(?:[ \u00a0]{2,}|\u3000+|[ \u00a0]*\u3000[ \u3000\u00a0]*)")
_TRIM = " \t\u3000\u00a0\r\f\v"
_YEAR_HEADER_RE = re.compile(YEAR_HEADER)
_CHANGE_HEADER_RE = re.compile(CHANGE_HEADER)
_CUMULATIVE_HEADER_RE = re.compile(CUMULATIVE_HEADER)
_AVERAGE_HEADER_RE = re.compile(AVERAGE_HEADER)
_UNIT_HEADER_RE = re.compile(UNIT_HEADER)
_ATTRIBUTE_HEADER_RE = re.compile(ATTRIBUTE_HEADER)
_INDICATOR_HEADER_RE = re.compile(INDICATOR_HEADER)
_CATEGORY_HEADER_RE = re.compile(CATEGORY_HEADER)
_SERIAL_HEADER_RE = re.compile(SERIAL_HEADER)
_MAIN_TITLE_RE = re.compile(MAIN_TABLE_TITLE)
_NAME_UNIT_RE = re.compile(NAME_UNIT)
_NAME_LABEL_RE = re.compile(NAME_LABEL)
_TABLE_NOTE_RE = re.compile(TABLE_NOTE)
CHANGE_NAME_RE = re.compile(CHANGE_NAME_END)  # public: the headline rows read it too
_PERCENT_UNITS = ("%", "％", "‰")
_OPENS_AS_WRITTEN = CUMULATIVE_OPEN + "［"  # a bracket as the source writes it (full-width folds to [)
_HEADER_UNIT_RE = re.compile(r"[(（]([^()（）]{1,8})[)）]")
# a change column's label in a header's second row (年均增长(%), 累计), not a cell's words (持续下降)
_CHANGE_LABEL_RE = re.compile(r"[\[〔【]?(?:(?:年均|年平均|累计)[/、]?)*(?:增长|增速|增幅|增减)?率?[\]〕】]?(?:\([^()]{1,4}\))?")
_UNIT_CELL_RE = re.compile(rf"(?:{CELL_UNIT})(?:/(?:{CELL_UNIT}))?")
_SERIAL_RE = re.compile(r"^(?:\d{1,3}|[(（]?[一二三四五六七八九十]+[)）、.]?|[①-⑳])[.、]?$")
_PARALLEL_NAME_RE = re.compile(PARALLEL_NAME)
_TWO_FIGURES_RE = re.compile(TWO_FIGURES)


_PREFIX = dict(CELL_PREFIXES)
_SUFFIX = dict(CELL_SUFFIXES)
_NUMBER = f"(?:{ARABIC})"  # the numerals module's Arabic number (1,234.5)
_CELL_RE = re.compile(
    rf"^(?P<pre>{word_pattern(_PREFIX)})?\s*"
    rf"(?P<open>[{re.escape(CUMULATIVE_OPEN)}])?\s*"
    rf"(?P<num>[-+]?{_NUMBER})"
    rf"(?:\s*(?:{word_pattern(RANGE_JOINERS)})\s*(?P<max>{_NUMBER}))?\s*"
    rf"(?P<unit>{CELL_UNIT})?\s*"
    rf"(?P<close>[{re.escape(CUMULATIVE_CLOSE)}])?\s*"
    rf"(?P<post>{word_pattern(_SUFFIX)})?\s*(?:{CELL_NOTE_MARK})?"
    r"(?:[、,;](?!\s*\d)\S.*)?$"  # >7、力争投入强度高于“十三五”时期实际: the figure, then words about it
)
_TARGET_SUFFIXES = frozenset(TARGET_SUFFIXES)
_SUFFIX_WORDS = frozenset(TARGET_SUFFIXES + ACHIEVEMENT_SUFFIXES)
_ACHIEVEMENT_SUFFIXES = frozenset(ACHIEVEMENT_SUFFIXES)
_PLAN_OF_END = {end: name for name, end in PLAN_END_YEARS.items()}
TITLE_LINES = 2  # lines above a header that may hold the table's title …
TITLE_MAX_CHARS = 200  # … in their last characters (主要指标如下表所示 may end a long paragraph)
GROUP_ROW_MAX_CHARS = 16  # a row of one cell this short (经济发展) labels a group of rows
SPACE_ROW_MISSING_MAX = 2  # a row of a text copy has at most this many cells fewer than its header
BLANK_LINES_MAX = 1  # blank lines that may sit between two rows


@dataclass(frozen=True, slots=True)
class Column:
    """One header cell: what its column holds."""

    kind: str  # year, change, unit, attribute, indicator, category, serial, other
    year: int | None = None
    suffix: str = ""  # after the year: 目标, 完成 …
    unit: str = ""  # from a bracket in the header: 年均增长(%) → %
    cumulative: bool = False  # 累计
    average: bool = False  # 年均


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    """A table found in a document: ``span`` covers its header and rows (source offsets)."""

    span: Span
    header: Span
    title: str  # the Simplified line just above the header naming the table, "" when none
    main: bool  # a main-indicator table (主要指标, 主要预期目标)
    target_year: int | None  # the year its targets are for (a plan's end, a report's year)
    plan: str | None  # the plan period its change columns cover (十四五 or 2021-2025)
    measures: tuple[Measure, ...]
    cumulative: frozenset[int] = frozenset()  # span starts of the bracketed figures (〔13.5〕) among them


# --- finding tables ---------------------------------------------------------------------


def find_tables(source: Source, norm: Normalised, structure: Structure, metadata: Metadata,
                roles=None, plan: bool | None = None) -> tuple[IndicatorTable, ...]:
    """The indicator tables of a document with their measures, in text order."""
    text = source.text
    scan = _HEADER_SCAN_RE.search(text)
    if scan is None:
        return ()
    tables: list[IndicatorTable] = []
    done = 0
    sent_starts = [s.span.start for s in structure.sentences]
    while scan is not None:
        line_start = text.rfind("\n", 0, scan.start()) + 1
        line_end = _line_end(text, scan.start())
        if line_start >= done and not _may_be_header(text, scan.group(), line_start, line_end):
            scan = _HEADER_SCAN_RE.search(text, scan.end())  # a later cell of the line may still start a header
            continue
        if line_start >= done:
            table = _table_at(source, norm, metadata, line_start, line_end, roles, plan, sent_starts)
            if table is not None:
                tables.append(table)
                done = table.span.end
        scan = _HEADER_SCAN_RE.search(text, max(line_end, done))
    return tuple(tables)


def _may_be_header(text: str, found: str, start: int, end: int) -> bool:
    """A cheap test before reading a line as a header: when one space stands before the year
    found (a PDF's copy), the line is short and holds no mark of prose; other separators
    (tab, pipe, a run of spaces) are checked in full."""
    if found[0] != " " or found.startswith("  "):
        return True
    return end - start <= SINGLE_SPACE_HEADER_MAX_CHARS and not any(c in text[start:end] for c in PROSE_MARKS)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _split(text: str, start: int, end: int, style: str | None = None) -> tuple[str, list[tuple[int, int]]]:
    """The cells of the line ``[start, end)`` as trimmed source spans, and the separator style.

    Tabs win, then pipes (two or more), then runs of spaces (an ideographic
    space counts as a run). ``style`` forces one.
    """
    line = text[start:end]
    if style is None:
        style = "tab" if "\t" in line else "pipe" if line.count("|") >= 2 else "space"
    spans: list[tuple[int, int]] = []
    if style == "tab":
        pieces, pos = [], start
        for piece in line.split("\t"):
            pieces.append((pos, pos + len(piece)))
            pos += len(piece) + 1
    elif style == "pipe":
        pieces, pos = [], start
        for piece in line.split("|"):
            pieces.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        if pieces and not text[slice(*pieces[0])].strip(_TRIM):
            pieces = pieces[1:]  # the border before the first cell
        if pieces and not text[slice(*pieces[-1])].strip(_TRIM):
            pieces = pieces[:-1]  # and after the last
    else:
        pieces, pos = [], start
        for sep in _SPACE_SEP_RE.finditer(line):
            pieces.append((pos, start + sep.start()))
            pos = start + sep.end()
        pieces.append((pos, end))
        pieces = [p for p in pieces if text[slice(*p)].strip(_TRIM)]
    for a, b in pieces:
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        spans.append((a, b))
    return style, spans


def _norm_cell(norm: Normalised, a: int, b: int) -> tuple[int, int]:
    """The normalised span of the source span ``[a, b)``."""
    return norm.from_source(a, b) if b > a else (norm.from_source(a, a)[0],) * 2


def _classify(cell: str) -> Column:
    cell = re.sub(r"\s+", "", cell)
    year = _YEAR_HEADER_RE.match(cell)
    unit = next((u for u in _HEADER_UNIT_RE.findall(cell) if u not in _SUFFIX_WORDS), "")
    unit_text = "%" if unit in ("%", "％") else unit
    if year:
        # 2020年(基数), 2025年目标(亿元): a bracket holds a suffix word or a unit
        rest = cell[year.start("suffix"):]
        suffix = _HEADER_UNIT_RE.sub(lambda b: b.group(1) if b.group(1) in _SUFFIX_WORDS else "", rest)
        if _CHANGE_HEADER_RE.search(suffix):  # 2021-2025年年均增长
            return Column("change", unit=unit_text, cumulative=bool(_CUMULATIVE_HEADER_RE.search(suffix)),
                          average=bool(_AVERAGE_HEADER_RE.search(suffix)))
        return Column("year", year=int(cell[:4]), suffix=suffix, unit=unit_text)
    bare = _HEADER_UNIT_RE.sub("", cell).strip("〔〕[]【】")
    if _CHANGE_HEADER_RE.search(bare):
        return Column("change", unit=unit_text, cumulative=bool(_CUMULATIVE_HEADER_RE.search(bare)),
                      average=bool(_AVERAGE_HEADER_RE.search(bare)))
    for kind, pattern in (("unit", _UNIT_HEADER_RE), ("attribute", _ATTRIBUTE_HEADER_RE),
                          ("indicator", _INDICATOR_HEADER_RE), ("category", _CATEGORY_HEADER_RE),
                          ("serial", _SERIAL_HEADER_RE)):
        if pattern.search(bare):
            return Column(kind, unit=unit_text)
    return Column("other", unit=unit_text)


def _header(norm: Normalised, text: str, start: int, end: int):
    """The header's style, cells and columns when the line is an indicator table's header."""
    style, cells = _split(text, start, end)
    columns = _columns(norm, cells)
    if columns is None and style == "space" and not any(c in text[start:end] for c in PROSE_MARKS):
        # a PDF's copy: one space between header cells, each of them a header word (指标 单位 2025年 属性)
        cells = _single_tokens(text, start, end)
        columns = _columns(norm, cells)
        if columns is not None and any(c.kind == "other" for c in columns):
            columns = None
        style = "single"
    return None if columns is None else (style, cells, columns)


def _single_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The space-separated tokens of ``[start, end)``, a figure's trailing words and a name's
    unit bracket joined to the token before them."""
    tokens: list[tuple[int, int]] = []
    for m in _SINGLE_TOKEN_RE.finditer(text, start, end):
        word = m.group()
        after_figure = tokens and text[tokens[-1][1] - 1].isdigit()
        if tokens and (_FIGURE_WORD_RE.fullmatch(word) if after_figure else _NAME_BRACKET_RE.fullmatch(word)):
            tokens[-1] = (tokens[-1][0], m.end())
        else:
            tokens.append(m.span())
    return tokens


def _single_row(norm: Normalised, text: str, start: int, end: int, columns: list[Column]) -> list[tuple[int, int]] | None:
    """The cells of a row of a one-space text copy, or None when the line is no row.

    The leading tokens that read as no value are the name (a name may hold a
    space: 地区生产总值 （亿元）); every token after them must read as a value
    (a figure, —, a unit, an attribute). With a 类别 column before the name
    column, a first name token of its own is the category.
    """
    tokens = _single_tokens(text, start, end)
    texts = [norm.text[slice(*_norm_cell(norm, a, b))] for a, b in tokens]
    lead = 1 if len(tokens) > 2 and _SERIAL_RE.match(texts[0]) and not _value_like(texts[1]) else 0
    first = next((i for i in range(lead + 1, len(tokens)) if _value_like(texts[i])), None)
    if first is None or not all(_value_like(t) for t in texts[first:]):
        return None
    names = tokens[lead:first]
    name_columns = sum(1 for c in columns if c.kind in ("category", "indicator"))
    if not any("\u4e00" <= ch <= "\u9fff" for t in texts[lead:first] for ch in t):
        return None
    if name_columns >= 2 and len(names) >= 2:
        name_cells = [names[0], (names[1][0], names[-1][1])]
    else:
        name_cells = [(names[0][0], names[-1][1])]
    return tokens[:lead] + name_cells + tokens[first:]


def _columns(norm: Normalised, cells: list[tuple[int, int]]) -> list[Column] | None:
    """The columns of header cells, when they make an indicator table's header."""
    if len(cells) < 3:
        return None
    columns = [_classify(norm.text[slice(*_norm_cell(norm, a, b))]) for a, b in cells]
    kinds = [c.kind for c in columns]
    years = kinds.count("year")
    if not years or kinds[0] == "year":
        return None
    support = (years >= 2) + ("change" in kinds) + ("attribute" in kinds) + ("unit" in kinds) + ("indicator" in kinds)
    return columns if support >= 1 else None


def _second_header_row(norm: Normalised, upper: list[Column], cells: list[tuple[int, int]]) -> list[Column] | None:
    """The columns of a header written over two rows (类别 | 指标 | 2020年 | 规划目标 | 属性
    above ``2025年 | 年均增长``), when ``cells`` is such a second row: no figure, a year or a change label.

    A label of the lower row wins; an empty cell takes the upper row's label
    above it (from the left before the lower row's first label, from the right after it).
    """
    texts = [re.sub(r"\s+", "", norm.text[slice(*_norm_cell(norm, a, b))]) for a, b in cells]
    lower = [_classify(t) if t else None for t in texts]
    labels = any(c is not None and (c.kind == "year" or c.kind == "change" and _CHANGE_LABEL_RE.fullmatch(t))
                 for t, c in zip(texts, lower))
    if not labels or any(t in ATTRIBUTES or t and t not in EMPTY_CELLS and c.kind != "year" and _CELL_RE.match(t)
                         for t, c in zip(texts, lower)):
        return None
    first = next(i for i, c in enumerate(lower) if c is not None)
    shift = len(lower) - len(upper)
    columns = []
    for i, column in enumerate(lower):
        if column is None:
            j = i if i < first else i - shift
            column = upper[j] if 0 <= j < len(upper) else Column("other")
        columns.append(column)
    return columns


def _tab_rows(text: str, start: int) -> list[tuple[int, list[tuple[int, int]]]]:
    """The rows of a tab-separated table from ``start``, each as (end, cells).

    A DOCX cell of several paragraphs breaks its row over lines
    ("2020年\n（基数）"): consecutive lines whose tabs add up to a full row
    (the most tabs of the block) are one row, the cell across the break one
    cell. A line without tabs is a group row (经济发展) when short and a row
    follows; blank lines may sit between rows.
    """
    lines: list[tuple[int, int, int]] = []  # start, end, tabs
    pos, blanks = start, 0
    while pos < len(text):
        end = _line_end(text, pos)
        line = text[pos:end]
        tabs = line.count("\t")
        if tabs:
            lines.append((pos, end, tabs))
            blanks = 0
        elif not line.strip(_TRIM):
            blanks += 1
            if blanks > BLANK_LINES_MAX:
                break
        else:
            _, cells = _split(text, pos, end, "tab")
            if not (_is_group_row(text, *cells[0]) and _next_is_row(text, end, "tab")):
                break
        pos = end + 1
    if not lines:
        return []
    full = max(tabs for _, _, tabs in lines)
    rows: list[tuple[int, list[tuple[int, int]]]] = []
    i = 0
    while i < len(lines):
        j, total = i + 1, lines[i][2]
        while total < full and j < len(lines) and total + lines[j][2] <= full \
                and text.count("\n", lines[j - 1][1], lines[j][0]) == 1:
            total += lines[j][2]
            j += 1
        if total != full:
            j = i + 1  # a row of merged cells (fewer tabs) stays as it is
        cells: list[tuple[int, int]] = []
        for k in range(i, j):
            _, line_cells = _split(text, lines[k][0], lines[k][1], "tab")
            if cells:  # the cell across the line break
                line_cells[0] = (cells.pop()[0], line_cells[0][1])
            cells.extend(line_cells)
        rows.append((lines[j - 1][1], cells))
        i = j
    return rows


def _table_at(source: Source, norm: Normalised, metadata: Metadata, start: int, end: int, roles, plan,
              sent_starts: list[int]) -> IndicatorTable | None:
    text = source.text
    rows: list[list[tuple[int, int]]] = []
    header_cells = None
    if "\t" in text[start:end]:
        block = _tab_rows(text, start)
        columns = _columns(norm, block[0][1])
        if columns is None or len(block) < 2:
            return None
        style, end = "tab", block[0][0]
        rows = [cells for _, cells in block[1:]]
        last_end = block[-1][0]
        pos = len(text)  # the rows are read
    else:
        head = _header(norm, text, start, end)
        if head is None:
            return None
        style, header_cells, columns = head
        pos, last_end = end + 1, end
    blanks = 0
    while pos < len(text):
        line_end = _line_end(text, pos)
        line = text[pos:line_end]
        if not line.strip(_TRIM):
            blanks += 1
            if blanks > BLANK_LINES_MAX:
                break
            pos = line_end + 1
            continue
        if style == "single":
            cells = _single_row(norm, text, pos, line_end, columns)
            if cells is None:
                tokens = _single_tokens(text, pos, line_end)
                if len(tokens) == 1 and _is_group_row(text, *tokens[0]) and _next_is_row(text, line_end, style):
                    pos, blanks = line_end + 1, 0
                    continue
                break
            rows.append(cells)
            last_end, pos, blanks = line_end, line_end + 1, 0
            continue
        _, cells = _split(text, pos, line_end, style if style != "space" or "\t" not in line else None)
        if len(cells) < 2:
            if len(cells) == 1 and _is_group_row(text, *cells[0]) and _next_is_row(text, line_end, style):
                pos, blanks = line_end + 1, 0
                continue
            break
        if style == "space" and (len(cells) < len(columns) - SPACE_ROW_MISSING_MAX
                                 or any(c in text[pos:line_end] for c in "。；;")):
            break  # a text copy's next paragraph (第三章　创新驱动, 　　2023年　全市…。), no row
        rows.append(cells)
        last_end, pos, blanks = line_end, line_end + 1, 0
    if rows and (lower := _second_header_row(norm, columns, rows[0])) is not None:
        columns, rows = lower, rows[1:]
        header_cells = None  # two header rows: their cells' places no longer tell the columns
    places = [_display_range(text, a, b) for a, b in header_cells] if style == "space" and header_cells else None
    if not rows:
        return None
    note_start = last_end + 1
    while note_start < len(text) and not text[note_start:_line_end(text, note_start)].strip(_TRIM):
        note_start = _line_end(text, note_start) + 1
    if note_start < len(text) and _TABLE_NOTE_RE.match(text, note_start):
        note_end = _line_end(text, note_start)
        if note_end - note_start <= TABLE_NOTE_MAX_CHARS:
            last_end = note_end  # 注：〔〕内为5年累计数: the table's own words, no figure of the text
    title = _title(norm, text, start)
    is_plan = plan if plan is not None else _is_plan(metadata, norm)
    context = _Context.of(columns, metadata, is_plan)
    measures = []
    for cells in rows:
        measures.extend(_row_measures(source, norm, columns, cells, context, roles, sent_starts, places))
    if not measures:
        return None
    cumulative = frozenset(m.span.start for m in measures if text[m.span.start] in _OPENS_AS_WRITTEN)
    main = bool(_MAIN_TITLE_RE.search(title)) or (
        roles is not None and roles.place(_norm_cell(norm, start, end)[0]).role == "targets")
    return IndicatorTable(Span(start, last_end), Span(start, end), title, main, context.target_year,
                          context.plan, tuple(measures), cumulative)


def _is_group_row(text: str, a: int, b: int) -> bool:
    cell = text[a:b]
    return 0 < len(cell) <= GROUP_ROW_MAX_CHARS and not any(c.isdigit() for c in cell) \
        and not any(c in cell for c in "。,，;；:：")


def _next_is_row(text: str, pos: int, style: str) -> bool:
    """Whether the next non-blank line after the line ending at ``pos`` is a row of the table."""
    while pos < len(text):
        start = pos + 1
        end = _line_end(text, start)
        if text[start:end].strip(_TRIM):
            if style == "single":
                return len(_single_tokens(text, start, end)) >= 2
            _, cells = _split(text, start, end, style if style != "space" else None)
            return len(cells) >= 2
        pos = end
    return False


def _title(norm: Normalised, text: str, header_start: int) -> str:
    """The Simplified line(s) just above the header (表1 “十四五”时期经济社会发展主要指标)."""
    end = header_start - 1
    lines = []
    for _ in range(TITLE_LINES):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip(_TRIM):
            a, b = _norm_cell(norm, max(start, end - TITLE_MAX_CHARS), end)
            lines.append(norm.text[a:b])
        end = start - 1
    return " ".join(reversed(lines))


def _is_plan(metadata: Metadata, norm: Normalised) -> bool:
    from luoshi.extract.headline_blocks import is_plan

    return is_plan(metadata, norm.text)


# --- what each column means ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    """The document's time frame as the table's columns see it."""

    kinds: tuple[tuple[str, str | None] | None, ...]  # per column: (kind, period) for value columns
    target_year: int | None
    plan: str | None

    @classmethod
    def of(cls, columns: list[Column], metadata: Metadata, plan: bool) -> _Context:
        years = sorted({c.year for c in columns if c.year})
        start = end = None
        if metadata.period and (m := re.match(r"(\d{4})\D+(\d{4})", metadata.period)):
            start, end = int(m.group(1)), int(m.group(2))
        if plan and end is None and len(years) >= 2:
            start, end = years[0] + 1, max(y for y in years if y > years[0])
        if plan:
            target_year = end
        elif metadata.year:
            target_year = metadata.year
        else:
            targets = [c.year for c in columns if c.year and c.suffix in _TARGET_SUFFIXES]
            target_year = targets[0] if targets else (years[-1] if years else None)
        plan_period = None
        if plan and end is not None:
            plan_period = _PLAN_OF_END.get(end) if start is None or end - start == 4 else None
            plan_period = plan_period or (f"{start}-{end}" if start else str(end))
        kinds: list[tuple[str, str | None] | None] = []
        last_year: tuple[str, str | None] | None = None
        for column in columns:
            if column.kind == "year":
                kind = _year_kind(column, years, start, metadata, plan)
                last_year = (kind, str(column.year))
                kinds.append(last_year)
            elif column.kind == "change":
                if column.average or column.cumulative or last_year is None or last_year[0] == "target" and plan:
                    kinds.append(("target", plan_period or (last_year[1] if last_year else None)))
                else:
                    kinds.append(last_year)  # 2023年完成 | 增长(%): the change of that year
            else:
                kinds.append(None)
        return cls(tuple(kinds), target_year, plan_period)


def _year_kind(column: Column, years: list[int], plan_start: int | None, metadata: Metadata, plan: bool) -> str:
    suffix = column.suffix
    if suffix in _TARGET_SUFFIXES or any(s in suffix for s in ("目标", "预期", "规划")):
        return "target"
    if suffix in _ACHIEVEMENT_SUFFIXES or any(s in suffix for s in ("完成", "实际", "基")):
        return "achievement"
    year = column.year or 0
    if plan and plan_start is not None:
        return "achievement" if year < plan_start else "target"
    if not plan and metadata.year:
        return "achievement" if year < metadata.year else "target"
    return "achievement" if len(years) >= 2 and year == years[0] else "target"


# --- rows and cells ----------------------------------------------------------------------


def _align(norm: Normalised, columns: list[Column], texts: list[str], first_value: int) -> list[int]:
    """The header column of each cell (below ``first_value``: a name or category cell).

    A row with as many cells as the header maps one to one. Otherwise the
    values start at the first cell that reads as one (a number, a placeholder
    such as —, a unit) and run on from the header's first value column; a
    last cell naming an attribute (预期性) stays under 属性. So a row may
    leave out its merged 类别 cell, a header's 指标 may span category and
    name, and a row may leave out an empty value cell before its attribute.
    """
    n, k = len(columns), len(texts)
    if k == n:
        return list(range(n))
    first = next((j for j in range(1, k) if _value_like(texts[j])), k)
    cols = [first_value - 1] * first  # category and name cells
    values = list(range(first_value, n))
    if values and columns[values[0]].kind == "unit" and first < k and not _UNIT_CELL_RE.fullmatch(texts[first]):
        values = values[1:]  # the unit stands in the name's bracket (森林覆盖率（%）), the unit cell is left out
    rest = k - first
    if rest < len(values) and texts[-1] in ATTRIBUTES and columns[-1].kind == "attribute":
        cols += values[:rest - 1] + [n - 1]
    else:
        cols += (values + [n] * rest)[:rest]  # cells past the last column are left out
    return cols


def _display_range(text: str, a: int, b: int) -> tuple[int, int]:
    """Where ``[a, b)`` stands on its line as a monospace copy shows it (a wide character takes two columns)."""
    line_start = text.rfind("\n", 0, a) + 1
    left = _width(text[line_start:a])
    return left, left + _width(text[a:b])


def _width(s: str) -> int:
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)


def _align_by_place(text: str, cells: list[tuple[int, int]], places: list[tuple[int, int]]) -> list[int] | None:
    """The header column each cell of a text copy stands under (the most overlap), or None when a cell
    stands under none or two cells under one: the copy is not laid out in columns."""
    cols = []
    for a, b in cells:
        left, right = _display_range(text, a, b)
        overlaps = [min(right, r) - max(left, l) for l, r in places]
        best = max(range(len(places)), key=lambda i: overlaps[i])
        if overlaps[best] <= 0:
            return None  # a cell under no header cell: the copy is not laid out in columns
        cols.append(best)
    return cols if len(set(cols)) == len(cols) and cols == sorted(cols) else None


def _value_like(cell: str) -> bool:
    return cell in EMPTY_CELLS or _CELL_RE.match(cell) is not None or _UNIT_CELL_RE.fullmatch(cell) is not None \
        or cell in ATTRIBUTES


def _row_measures(source: Source, norm: Normalised, columns: list[Column], cells: list[tuple[int, int]],
                  context: _Context, roles, sent_starts: list[int], places=None):
    n = len(columns)
    first_value = min((i for i, c in enumerate(columns) if c.kind in ("year", "change", "unit", "attribute")),
                      default=n)
    norm_cells = [_norm_cell(norm, a, b) for a, b in cells]
    texts = [norm.text[a:b] for a, b in norm_cells]
    cols = None
    if places is not None and len(cells) != n:  # a text copy: where a cell stands tells its column
        cols = _align_by_place(source.text, cells, places)
    if cols is None:
        cols = _align(norm, columns, texts, first_value)
    name_cell = None
    unit_cell = ""
    for (a, b), cell, col in zip(cells, texts, cols):
        if col < first_value:
            if cell and not _SERIAL_RE.match(cell) and cell not in ATTRIBUTES:
                name_cell = (a, b)
        elif col < n and columns[col].kind == "unit":
            unit_cell = source.text[a:b]
    if name_cell is None:
        return
    name_a, name_b = name_cell
    na, nb = _norm_cell(norm, name_a, name_b)
    label = _NAME_LABEL_RE.match(norm.text, na, nb)
    if label and label.end() < nb:
        na = label.end()
    name_norm = norm.text[na:nb]
    unit_match = _NAME_UNIT_RE.search(name_norm)
    name_unit = ""
    if unit_match:
        name_unit = norm.written(source.text, na + unit_match.start("unit"), na + unit_match.end("unit"))
        name_norm_end = na + unit_match.start()
    else:
        name_norm_end = nb
    while name_norm_end > na and norm.text[name_norm_end - 1] in " \t":
        name_norm_end -= 1
    if name_norm_end <= na:
        return
    indicator = re.sub(r"[\s\u3000]+", "", norm.written(source.text, na, name_norm_end))
    simplified = re.sub(r"\s+", "", norm.text[na:name_norm_end])
    unit = name_unit or unit_cell
    names = _parallel_names(indicator, simplified)
    for (ca, cb), cell, col in zip(norm_cells, texts, cols):
        if col < first_value or col >= n or context.kinds[col] is None:
            continue
        if not cell or cell in EMPTY_CELLS:
            continue
        pieces = _two_figures(cell) if len(names) == 2 else None
        # 城镇调查失业率/城镇登记失业率 | <5.5/<4.5: one figure for each name
        figures = zip(pieces, names) if pieces else [((0, len(cell)), (indicator, simplified))]
        for (fa, fb), (name, name_simplified) in figures:
            m = _CELL_RE.match(cell[fa:fb])
            if m is None:
                continue
            yield _cell_measure(source, norm, columns[col], context.kinds[col], context, m, ca + fa, name,
                                name_simplified, name_unit, unit, roles, sent_starts)


def _parallel_names(indicator: str, simplified: str) -> list[tuple[str, str]]:
    """The two names of a row naming two indicators (A/B, A(B)), else the row's one name.

    Normalising keeps lengths, so the written name splits where the Simplified one does.
    """
    split = _PARALLEL_NAME_RE.fullmatch(simplified)
    if split is None:
        return [(indicator, simplified)]
    written = indicator if len(indicator) == len(simplified) else simplified
    return [(written[slice(*span)], simplified[slice(*span)]) for span in _parts(split)]


def _two_figures(cell: str) -> list[tuple[int, int]] | None:
    """The spans of the two figures of a cell written for two names (5.5/4.5, 60(45)), else None."""
    split = _TWO_FIGURES_RE.fullmatch(cell)
    if split is None:
        return None
    spans = _parts(split)
    return spans if all(_CELL_RE.match(cell[slice(*span)]) for span in spans) else None


def _parts(split: re.Match) -> list[tuple[int, int]]:
    """The spans of the two parts of a PARALLEL_NAME / TWO_FIGURES match (after a slash or in brackets)."""
    return [split.span("a"), split.span("b") if split.group("b") is not None else split.span("b2")]


def _cell_measure(source: Source, norm: Normalised, column: Column, kind_period, context: _Context, m: re.Match,
                  ca: int, indicator: str, simplified: str, name_unit: str, unit: str, roles,
                  sent_starts: list[int]) -> Measure:
    """The measure of one figure ``m`` of a value cell, read at normalised offset ``ca``."""
    kind, period = kind_period
    name_change = bool(CHANGE_NAME_RE.search(simplified))
    direction = "down" if any(w in simplified for w in DECREASE_WORDS) else "up"
    cumulative = bool(m.group("open") and m.group("close"))
    # a change column holds a level's yearly bound for a rate (城镇调查失业率 | <5.5), a growth rate else
    change = name_change or cumulative or column.kind == "change" and name_unit not in _PERCENT_UNITS
    if cumulative and context.plan:
        period = context.plan
    comparator = "="
    if m.group("pre"):
        comparator = _PREFIX[m.group("pre")]
    if m.group("post"):
        comparator = _SUFFIX[m.group("post")]
    value_max = float(m.group("max").replace(",", "")) if m.group("max") else None
    if value_max is not None:
        comparator = "range"
    if m.group("unit"):
        cell_unit = norm.written(source.text, ca + m.start("unit"), ca + m.end("unit"))
    elif column.kind == "change":
        cell_unit = column.unit or (unit if cumulative or unit in _PERCENT_UNITS else "%")
    else:
        cell_unit = unit or column.unit
    value = float(m.group("num").replace(",", ""))
    quote_end = max(m.end(g) for g in ("num", "max", "unit", "close", "post") if m.group(g))
    span = norm.to_source(ca, ca + quote_end)  # the figure with its words, not a note mark after it
    confidence = 0.8 if cumulative else 0.9  # a cumulative figure's period is the plan's, read from brackets
    sentence = bisect_right(sent_starts, span.start) - 1 if sent_starts else -1
    section = roles.place(ca).section if roles is not None else None
    return Measure(
        span=span, kind=kind, indicator=indicator, indicator_simplified=simplified, value=value,
        unit=cell_unit, comparator=comparator, change=change, period=period, confidence=confidence,
        value_max=value_max, sentence=sentence if sentence >= 0 else None, section=section,
        direction=direction if change else None, topic=None,
    )


# --- merging with the prose measures -------------------------------------------------------


def merge_measures(prose: tuple[Measure, ...], tables: tuple[IndicatorTable, ...]) -> tuple[Measure, ...]:
    """The prose measures outside the tables and the tables' measures, in text order.

    Inside a table its cells are authoritative: a prose figure there (a number
    the prose rules read off a row) gives way to the cell's measure.
    """
    if not tables:
        return prose
    regions = [(t.span.start, t.span.end) for t in tables]
    starts = [a for a, _ in regions]

    def in_table(m: Measure) -> bool:
        i = bisect_right(starts, m.span.start) - 1
        return i >= 0 and m.span.start < regions[i][1]

    kept = [m for m in prose if not in_table(m)]
    kept.extend(m for t in tables for m in t.measures)
    kept.sort(key=lambda m: (m.span.start, m.span.end))
    return tuple(kept)
