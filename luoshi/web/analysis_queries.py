"""What the fulfilment and comparison pages show (one function per page, as in ``queries``).

Fulfilment judges each work report's targets against the next year's
report (``luoshi.fulfilment``); comparison shows the cross-document tables
of ``luoshi.analysis``. Both quote the source and link each figure to its
highlight in the source view (``/documents/{id}/source#m12``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from luoshi.analysis import Table, ambition_change, attention_by_topic, headline_targets_by_region_year
from luoshi.data.tables import INDICATOR_LABELS
from luoshi.fulfilment import fulfilment
from luoshi.fulfilment_text import reason_zh
from luoshi.store import Store, StoredDocument
from luoshi.web.labels import amount

VERDICT_LABELS = {"met": "已完成", "partly": "部分完成", "missed": "未完成", "unknown": "无法判断"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One side of a verdict as the page shows it: the figure, its quote, and where the quote is."""

    text: str  # 不低于6%
    period: str | None
    quote: str
    document_id: int | None
    anchor: str | None  # the source view's element id for the quote (m3, h0), when it is a highlighted item
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class VerdictRow:
    region: str
    indicator: str
    indicator_label: str
    target: Figure
    actual: Figure | None
    verdict: str
    verdict_label: str
    reason: str
    reason_zh: str  # 实际7.4%，比目标8%低0.6个百分点：未完成


@dataclass(frozen=True, slots=True)
class VerdictCount:
    verdict: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class FulfilmentPage:
    verdicts: tuple[VerdictRow, ...]
    counts: tuple[VerdictCount, ...]  # every verdict, in VERDICT_LABELS order


def stored_documents(store: Store) -> list[StoredDocument]:
    return [store.get_document(d.id) for d in store.list_documents()]


def fulfilment_page(store: Store) -> FulfilmentPage:
    docs = stored_documents(store)
    by_name = {d.name: d for d in docs}
    anchors = {d.name: _anchors(d) for d in docs}
    rows = []
    for v in fulfilment(docs):
        t, a = v.target, v.actual
        target = Figure(_amount(t.comparator, t.value, t.value_max, t.unit), t.period, t.quote,
                        _id(by_name, t.doc), anchors.get(t.doc, {}).get((t.start, t.end)), t.start, t.end)
        actual = None if a is None else Figure(f"{_num(a.written)}{a.written_unit}", a.period, a.quote,
                                               _id(by_name, a.doc), anchors.get(a.doc, {}).get((a.start, a.end)),
                                               a.start, a.end)
        rows.append(VerdictRow(v.region, v.indicator, INDICATOR_LABELS.get(v.indicator, v.indicator), target, actual,
                               v.verdict, VERDICT_LABELS[v.verdict], v.reason, reason_zh(v)))
    tally = Counter(r.verdict for r in rows)
    return FulfilmentPage(tuple(rows), tuple(VerdictCount(k, label, tally[k]) for k, label in VERDICT_LABELS.items()))


def _anchors(d: StoredDocument) -> dict[tuple[int, int], str]:
    """Spans of the document's highlighted figures -> their ids in the source view (headline rows win)."""
    found = {(m.span.start, m.span.end): f"m{i}" for i, m in enumerate(d.measures)}
    found.update({(h.span.start, h.span.end): f"h{i}" for i, h in enumerate(d.targets)})
    return found


def _id(by_name: dict[str, StoredDocument], name: str) -> int | None:
    d = by_name.get(name)
    return d.id if d else None


def _num(value: float) -> str:
    return f"{value:g}"


def _amount(comparator: str, value: float, value_max: float | None, unit: str) -> str:
    return amount(comparator, _num(value), None if value_max is None else _num(value_max), unit)


@dataclass(frozen=True, slots=True)
class TableView:
    """An analysis table for a page: its Chinese headings and rows (columns empty in every row left out)."""

    name: str
    columns: tuple[str, ...]  # English identifiers, as in the exports
    headings: tuple[str, ...]
    rows: tuple[tuple, ...]


@dataclass(frozen=True, slots=True)
class TopicTotal:
    topic: str | None
    label: str
    items: int
    measures: int
    tasks: int


@dataclass(frozen=True, slots=True)
class ComparisonPage:
    headline: TableView  # headline targets by region × year (the words as the reports write them)
    attention: tuple[TopicTotal, ...]  # measures and tasks per topic over all documents, most first
    attention_by_document: TableView
    ambition: TableView


def table_view(table: Table, hide: tuple[str, ...] = ()) -> TableView:
    """``table`` without the columns named in ``hide`` or ending ``_value`` (numeric twins) and empty columns."""
    keep = [i for i, c in enumerate(table.columns)
            if c.name not in hide and not c.name.endswith("_value") and any(r[i] is not None for r in table.rows)]
    return TableView(table.name, tuple(table.columns[i].name for i in keep),
                     tuple(table.columns[i].label for i in keep), tuple(tuple(r[i] for i in keep) for r in table.rows))


def comparison_page(store: Store) -> ComparisonPage:
    attention = attention_by_topic(store)
    totals: dict[str | None, list] = defaultdict(lambda: ["", 0, 0])
    for r in attention.records():
        total = totals[r["topic"]]
        total[0] = r["topic_label"]
        total[1] += r["measures"]
        total[2] += r["tasks"]
    topics = sorted((TopicTotal(k, label, m + t, m, t) for k, (label, m, t) in totals.items()),
                    key=lambda x: (-x.items, x.topic is None, x.label))
    return ComparisonPage(table_view(headline_targets_by_region_year(store)), tuple(topics),
                          table_view(attention, hide=("topic",)),
                          table_view(ambition_change(store), hide=("indicator", "value", "next_value")))
