"""Cross-document tables: what researchers compile by hand from many reports.

Each table is a function ``Store -> Table`` over the latest version of every
stored document. A ``Table`` is plain data (typed columns, rows of Python
values), so the exporters (``luoshi.export``) write any of them to CSV,
XLSX, JSON or Parquet the same way.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from sqlalchemy import Table as SqlTable
from sqlalchemy import func, select

from luoshi.data.indicators import INDICATOR_KEYS, OTHER
from luoshi.data.tables import (
    AMBITION_WORDS,
    COLUMN_LABELS,
    COMPARATOR_WORDS,
    DIRECTION_WORDS,
    INDICATOR_LABELS,
    LOWER_IS_MORE_AMBITIOUS,
    NO_AMBITION_DIRECTION,
    UNCLASSIFIED_TOPIC,
    VALUE_SUFFIX_LABEL,
)
from luoshi.data.topics import TOPICS
from luoshi.errors import UsageError
from luoshi.store import DocumentSummary, Store, schema
from luoshi.store.records import number

ColumnType = Literal["text", "int", "float", "bool"]
HEADLINE_KEYS = tuple(k for k in INDICATOR_KEYS if k != OTHER)


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # English identifier: CSV/JSON/Parquet header
    type: ColumnType
    label: str  # Chinese header for spreadsheets


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def records(self) -> list[dict]:
        names = self.column_names
        return [dict(zip(names, row, strict=True)) for row in self.rows]


def columns(*specs: str) -> tuple[Column, ...]:
    """Columns from ``"name:type"`` specs; labels come from ``luoshi.data.tables``."""
    made = []
    for spec in specs:
        name, _, kind = spec.partition(":")
        made.append(Column(name, kind or "text", COLUMN_LABELS.get(name, name)))
    return tuple(made)


def target_text(value: float | None, unit: str, comparator: str, value_max: float | None = None) -> str | None:
    """A target as a report writes it: 6%以上, 5.5%以内, 6-7%, 超过500亿元."""
    if value is None:
        return None
    before, after = COMPARATOR_WORDS.get(comparator, ("", ""))
    figure = f"{number(value)}-{number(value_max)}" if comparator == "range" and value_max is not None \
        else f"{number(value)}"
    return f"{before}{figure}{unit}{after}"


# --- the tables ------------------------------------------------------------------


def documents_table(store: Store) -> Table:
    """The stored documents (latest versions), one row each."""
    cols = columns("id:int", "doc", "version:int", "title", "region", "parent_region", "level", "division_code",
                   "year:int", "period", "doc_type", "characters:int", "measures:int", "targets:int")
    return Table("documents", cols, tuple(
        (d.id, d.name, d.version, d.title, d.region, d.parent_region, d.level, d.division_code, d.year, d.period,
         d.doc_type, d.characters, d.measures, d.targets) for d in store.list_documents()))


def measures_table(store: Store) -> Table:
    """Every quantitative measure, with its document's region and year."""
    where = {d.name: d for d in store.list_documents()}
    cols = columns("doc", "region", "year:int", "kind", "indicator", "comparator", "value:float",
                   "value_max:float", "unit", "change:bool", "period", "confidence:float", "start:int", "end:int",
                   "quote")
    return Table("measures", cols, tuple(
        (m["doc"], where[m["doc"]].region, where[m["doc"]].year, m["kind"], m["indicator"], m["comparator"],
         m["value"], m["value_max"], m["unit"], m["change"], m["period"], m["confidence"], m["start"], m["end"],
         m["quote"]) for m in store.measures()))


def targets_table(store: Store) -> Table:
    """The headline targets (主要预期目标), one row per document × indicator."""
    cols = columns("doc", "region", "year:int", "indicator", "indicator_label", "indicator_text", "comparator",
                   "value:float", "value_max:float", "unit", "target", "period", "start:int", "end:int", "quote")
    return Table("targets", cols, tuple(
        (t["doc"], t["region"], t["year"], t["indicator"], INDICATOR_LABELS.get(t["indicator"]), t["indicator_text"],
         t["comparator"], t["value"], t["value_max"], t["unit"],
         target_text(t["value"], t["unit"], t["comparator"], t["value_max"]), t["period"], t["start"], t["end"],
         t["quote"]) for t in store.targets()))


def headline_targets_by_region_year(store: Store) -> Table:
    """The growth-target dataset: one row per document (region × year), one column per canonical indicator.

    Each indicator has a text column as the report words it (``6%以上``) and a
    numeric twin (``gdp_growth_value``: the value, the lower bound of a
    range). A document stating one indicator twice keeps its first statement.
    Targets outside the canonical list ("other") are in the ``targets`` table.
    """
    docs = {d.name: d for d in store.list_documents()}
    found: dict[str, dict[str, dict]] = defaultdict(dict)
    for t in store.targets():
        if t["indicator"] != OTHER:
            found[t["doc"]].setdefault(t["indicator"], t)
    pivot = []
    for name, cells in found.items():
        d = docs[name]
        row = [d.region, d.parent_region, d.year, d.doc_type, d.period, name]
        for key in HEADLINE_KEYS:
            t = cells.get(key)
            row += [target_text(t["value"], t["unit"], t["comparator"], t["value_max"]), t["value"]] if t \
                else [None, None]
        pivot.append(tuple(row))
    pivot.sort(key=lambda r: (r[0] is None, r[0] or "", r[2] is None, r[2] or 0, r[5]))
    cols = columns("region", "parent_region", "year:int", "doc_type", "period", "doc")
    for key in HEADLINE_KEYS:
        label = INDICATOR_LABELS[key]
        cols += (Column(key, "text", label), Column(f"{key}_value", "float", label + VALUE_SUFFIX_LABEL))
    return Table("headline_targets_by_region_year", cols, tuple(pivot))


def attention_by_topic(store: Store) -> Table:
    """Policy attention: per document, how many measures and tasks fall under each topic.

    ``share`` is the topic's part of the document's measures and tasks
    together. Items without a topic count under 未分类.
    """
    docs = store.list_documents()
    measures, tasks = _topic_counts(store, schema.measures), _topic_counts(store, schema.tasks)
    rows = []
    for d in docs:
        m, t = measures.get(d.id, Counter()), tasks.get(d.id, Counter())
        total = sum(m.values()) + sum(t.values())
        for topic in sorted(set(m) | set(t), key=lambda k: (k is None, k or "")):
            count = m[topic] + t[topic]
            label = UNCLASSIFIED_TOPIC if topic is None else TOPICS.get(topic, topic)
            rows.append((d.name, d.region, d.year, topic, label, m[topic], t[topic], round(count / total, 4)))
    cols = columns("doc", "region", "year:int", "topic", "topic_label", "measures:int", "tasks:int", "share:float")
    return Table("attention_by_topic", cols, tuple(rows))


def ambition_change(store: Store) -> Table:
    """Year-over-year change of each region's headline targets.

    Compares a region's annual targets (documents without a multi-year
    period) in consecutive stated years. ``direction`` says whether the
    number went up or down; ``ambition`` whether the target asks for more
    (for a jobless-rate ceiling a lower number asks for more; a price target
    has no ambition). Values in different units are not compared.
    """
    docs = {d.name: d for d in store.list_documents()}
    series: dict[tuple[str, str], dict[int, dict]] = defaultdict(dict)
    for t in store.targets():
        d = docs[t["doc"]]
        if t["indicator"] != OTHER and d.region and d.year and not _multi_year(d):
            series[(d.region, t["indicator"])].setdefault(d.year, t)
    rows = []
    for (region, key), by_year in sorted(series.items()):
        for year, next_year in pairwise(sorted(by_year)):
            a, b = by_year[year], by_year[next_year]
            delta = number(round(b["value"] - a["value"], 6)) if a["unit"] == b["unit"] else None
            rows.append((
                region, key, INDICATOR_LABELS[key], year, a["doc"],
                target_text(a["value"], a["unit"], a["comparator"], a["value_max"]), a["value"],
                next_year, b["doc"], target_text(b["value"], b["unit"], b["comparator"], b["value_max"]), b["value"],
                delta, _direction(delta), _ambition(key, delta),
            ))
    cols = columns("region", "indicator", "indicator_label", "year:int", "doc", "target", "value:float",
                   "next_year:int", "next_doc", "next_target", "next_value:float", "delta:float", "direction",
                   "ambition")
    return Table("ambition_change", cols, tuple(rows))


TABLES: dict[str, tuple[Callable[[Store], Table], str]] = {
    "documents": (documents_table, "the stored documents with region, year and type"),
    "measures": (measures_table, "every quantitative target and achievement, with region and year"),
    "targets": (targets_table, "headline targets (主要预期目标), one row per document × indicator"),
    "headline_targets_by_region_year": (headline_targets_by_region_year,
                                        "headline targets pivoted: one row per region × year, a column per indicator"),
    "attention_by_topic": (attention_by_topic, "measures and tasks per topic in each document (policy attention)"),
    "ambition_change": (ambition_change, "each region's headline targets compared with the year before"),
}


def build(store: Store, name: str) -> Table:
    """The table called ``name``. :raises UsageError: no such table."""
    if name not in TABLES:
        raise UsageError(f"no table {name!r}; `luoshi tables` lists them: {', '.join(TABLES)}")
    return TABLES[name][0](store)


# --- helpers ---------------------------------------------------------------------


def _multi_year(d: DocumentSummary) -> bool:
    return bool(d.period and "-" in d.period)


def _direction(delta: float | None) -> str | None:
    if delta is None:
        return None
    return DIRECTION_WORDS["up" if delta > 0 else "down" if delta < 0 else "same"]


def _ambition(key: str, delta: float | None) -> str | None:
    if delta is None or key in NO_AMBITION_DIRECTION:
        return None
    if delta == 0:
        return AMBITION_WORDS["same"]
    more = delta < 0 if key in LOWER_IS_MORE_AMBITIOUS else delta > 0
    return AMBITION_WORDS["higher" if more else "lower"]


def _topic_counts(store: Store, table: SqlTable) -> dict[int, Counter]:
    """Rows of an item table (measures, tasks) per document id and topic key (``None``: no topic)."""
    counts: dict[int, Counter] = defaultdict(Counter)
    keys = (table.c.document_id, table.c.topic)
    with store.engine.connect() as conn:
        for doc_id, topic, count in conn.execute(select(*keys, func.count()).group_by(*keys)):
            counts[doc_id][topic] += count
    return counts
