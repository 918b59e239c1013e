"""What each page shows, computed once for the HTML page and its JSON twin.

Every handler calls exactly one function here; the frozen dataclass it
returns is rendered by a template and serialised as the ``/api/…`` answer
(FastAPI derives the OpenAPI schema from the same dataclasses), so a page
and its twin cannot disagree.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from urllib.parse import urlencode

from luoshi.data.topics import TOPICS
from luoshi.model import Metadata, Section
from luoshi.store import DocumentSummary, Store, StoredDocument
from luoshi.store.records import number
from luoshi.web.highlight import Mark, Segment, segments

Scalar = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Home:
    documents: int
    measures: int
    targets: int
    recent: tuple[DocumentSummary, ...]


DocumentSort = Literal["id", "-id", "year", "-year", "region", "-region", "measures", "-measures", "characters",
                       "-characters", "ingested_at", "-ingested_at"]
FACETS = ("region", "level", "year", "doc_type")


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """What the document list is narrowed to; ``q``: words of the title, region or file name."""

    region: str | None = None
    level: str | None = None
    year: int | None = None
    doc_type: str | None = None
    q: str | None = None
    sort: DocumentSort = "id"

    def query(self, **changes: object) -> str:
        """This filter as a query string, with ``changes`` (``None`` removes a parameter)."""
        values = {f: getattr(self, f) for f in (*FACETS, "q", "sort")} | changes
        return urlencode({k: v for k, v in values.items() if v not in (None, "") and not (k == "sort" and v == "id")})


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class DocumentList:
    """The documents matching ``filter`` (sorted), and every facet's values over all documents."""

    documents: tuple[DocumentSummary, ...]
    total: int
    filter: DocumentFilter
    facets: dict[str, tuple[FacetValue, ...]]


@dataclass(frozen=True, slots=True)
class OutlineNode:
    """A section with its subsections; ``measures`` counts those in the whole subtree."""

    index: int
    level: int
    label: str
    title: str
    heading: str  # label and title as written, or the heading's first words
    role: str
    start: int
    end: int
    measures: int
    children: tuple[OutlineNode, ...] = ()


@dataclass(frozen=True, slots=True)
class HeadlineRow:
    """A row of the 主要预期目标 table; ``item`` is its id in the source view (``…/source#h0``)."""

    item: str
    indicator: str
    indicator_text: str
    comparator: str
    value: float | int
    value_max: float | int | None
    unit: str
    period: str | None
    quote: str


@dataclass(frozen=True, slots=True)
class TopicRow:
    """How many tasks and measures of a document fall in one policy area (``topic`` None: unclassified)."""

    topic: str | None
    label: str
    tasks: int
    targets: int
    achievements: int


@dataclass(frozen=True, slots=True)
class DocumentPage:
    id: int
    name: str
    version: int
    format: str
    encoding: str
    characters: int
    ingested_at: datetime
    extracted: bool
    metadata: Metadata
    counts: dict[str, int]
    outline: tuple[OutlineNode, ...]
    headline_targets: tuple[HeadlineRow, ...]
    topics: tuple[TopicRow, ...]  # most tasks first


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One highlight; ``kind`` is one of ``labels.KINDS`` (a measure's kind: target or achievement)."""

    id: str
    kind: str
    start: int
    end: int
    fields: dict[str, Scalar] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SourcePage:
    id: int
    name: str
    title: str | None
    text: str
    items: tuple[SourceItem, ...]
    counts: dict[str, int]

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The text cut at every item boundary and section start (for the HTML page; the API gives text and items)."""
        return segments(len(self.text), [Mark(i.id, i.kind, i.start, i.end) for i in self.items],
                        [i.start for i in self.items if i.kind == "section"])


def home(store: Store, recent: int = 5) -> Home:
    listed = store.list_documents()
    newest = sorted(listed, key=lambda d: d.ingested_at, reverse=True)[:recent]
    return Home(len(listed), sum(d.measures for d in listed), sum(d.targets for d in listed), tuple(newest))


def document_list(store: Store, chosen: DocumentFilter = DocumentFilter()) -> DocumentList:
    listed = store.list_documents()  # by id
    words = (chosen.q or "").split()

    def matches(d: DocumentSummary) -> bool:
        return (all(getattr(chosen, f) in (None, getattr(d, f)) for f in FACETS)
                and all(w in f"{d.title or ''} {d.region or ''} {d.parent_region or ''} {d.name}" for w in words))

    found = [d for d in listed if matches(d)]
    key = chosen.sort.lstrip("-")
    known = sorted((d for d in found if getattr(d, key) is not None), key=lambda d: getattr(d, key),
                   reverse=chosen.sort.startswith("-"))
    unknown = [d for d in found if getattr(d, key) is None]  # last in either direction
    return DocumentList(tuple(known + unknown), len(listed), chosen, {f: facet(listed, f) for f in FACETS})


def facet(listed: list[DocumentSummary], name: str) -> tuple[FacetValue, ...]:
    """The values of ``name`` with their counts: years newest first, others most frequent first."""
    counts = Counter(getattr(d, name) for d in listed if getattr(d, name) is not None)
    order = sorted(counts, key=lambda v: (-v, "") if name == "year" else (-counts[v], str(v)))
    return tuple(FacetValue(str(v), counts[v]) for v in order)


def document_page(store: Store, doc_id: int) -> DocumentPage:
    """:raises NotFound:"""
    d = store.get_document(doc_id)
    kinds = Counter(m.kind for m in d.measures)
    counts = {"sections": len(d.sections), "sentences": len(d.sentences), "glossary": len(d.glossary),
              "measures": len(d.measures), "targets": kinds["target"], "achievements": kinds["achievement"],
              "headline_targets": len(d.targets), "tasks": len(d.tasks), "projects": len(d.projects),
              "slogans": len(d.slogans), "repairs": len(d.source.repairs), "chrome": len(d.source.chrome)}
    headline = tuple(HeadlineRow(f"h{i}", h.indicator, h.indicator_text, h.comparator, number(h.value),
                                 number(h.value_max), h.unit, h.period, d.quote(h.span.start, h.span.end))
                     for i, h in enumerate(d.targets))
    return DocumentPage(d.id, d.name, d.version, d.source.format, d.source.encoding, len(d.source.text),
                        d.ingested_at, d.extracted, d.metadata, counts, outline(d), headline, topics(d))


def topics(d: StoredDocument) -> tuple[TopicRow, ...]:
    tasks = Counter(t.topic for t in d.tasks)
    measures = Counter((m.topic, m.kind) for m in d.measures)
    keys = sorted(set(tasks) | {topic for topic, _ in measures},
                  key=lambda k: (-tasks[k], -measures[k, "target"], k is None, k or ""))
    return tuple(TopicRow(k, TOPICS.get(k, k) if k else "未归类", tasks[k], measures[k, "target"],
                          measures[k, "achievement"]) for k in keys)


def source_page(store: Store, doc_id: int) -> SourcePage:
    """:raises NotFound:"""
    d = store.get_document(doc_id)
    items = source_items(d)
    return SourcePage(d.id, d.name, d.metadata.title, d.source.text, items, dict(Counter(i.kind for i in items)))


def outline(d: StoredDocument) -> tuple[OutlineNode, ...]:
    """The sections as a tree (by ``parent``), each with its measure count."""
    children: dict[int | None, list[Section]] = {}
    for s in d.sections:
        children.setdefault(s.parent, []).append(s)
    direct = Counter(m.section for m in d.measures)

    def node(s: Section) -> OutlineNode:
        kids = tuple(node(c) for c in children.get(s.index, ()))
        heading = heading_text(s) or d.quote(s.heading.start, s.heading.end).strip()[:40]
        return OutlineNode(s.index, s.level, s.label, s.title, heading, s.role, s.span.start, s.span.end,
                           direct[s.index] + sum(k.measures for k in kids), kids)

    return tuple(node(s) for s in children.get(None, ()))


def heading_text(s: Section) -> str:
    """Label and title as a reader writes them: 一、发展基础 but 第一章 发展基础."""
    glue = "" if not s.label or not s.label[-1].isalnum() else " "
    return f"{s.label}{glue}{s.title}".strip()


def source_items(d: StoredDocument) -> tuple[SourceItem, ...]:
    """Everything the source view highlights, with the fields its popover shows."""
    items = [SourceItem(f"s{s.index}", "section", *((s.heading.start, s.heading.end) if s.heading.end > s.heading.start
                                                   else (s.span.start, s.span.start)),
                        {"label": s.label, "title": s.title, "role": s.role, "level": s.level})
             for s in d.sections]
    items += [SourceItem(f"c{i}", "chrome", c.span.start, c.span.end, {"kind": c.kind})
              for i, c in enumerate(d.source.chrome)]
    items += [SourceItem(f"r{i}", "repair", r.span.start, r.span.end,
                         {"before": r.before, "after": r.after, "status": r.status, "method": r.method})
              for i, r in enumerate(d.source.repairs)]
    items += [SourceItem(f"g{i}", "glossary", g.anchor.start, g.anchor.end,
                         {"term": g.term, "definition": g.definition, "label": g.label})
              for i, g in enumerate(d.glossary) if g.anchor is not None]
    items += [SourceItem(f"m{i}", m.kind, m.span.start, m.span.end, {
        "indicator": m.indicator, "comparator": m.comparator, "value": number(m.value),
        "value_max": number(m.value_max), "unit": m.unit, "change": m.change, "period": m.period,
        "indicator_simplified": m.indicator_simplified, "topic": m.topic,
        "confidence": round(m.confidence, 2),
    }) for i, m in enumerate(d.measures)]
    items += [SourceItem(f"h{i}", "headline", h.span.start, h.span.end, {
        "indicator": h.indicator_text, "comparator": h.comparator, "value": number(h.value),
        "value_max": number(h.value_max), "unit": h.unit, "period": h.period, "indicator_key": h.indicator,
    }) for i, h in enumerate(d.targets)]
    items += [SourceItem(f"t{i}", "task", t.span.start, t.span.end, {
        "verb": t.verb, "type": t.kind, "deadline": t.deadline, "period": t.period, "topic": t.topic,
    }) for i, t in enumerate(d.tasks)]
    items += [SourceItem(f"p{i}-{j}", "project", span.start, span.end,
                         {"name": p.name, "project_kind": p.kind, "category": p.category})
              for i, p in enumerate(d.projects) for j, span in enumerate(p.mentions)]
    items += [SourceItem(f"y{i}-{j}", "slogan", span.start, span.end, {"term": s.term, "definition": s.definition})
              for i, s in enumerate(d.slogans) for j, span in enumerate(s.mentions)]
    return tuple(sorted(items, key=lambda i: (i.start, -i.end, i.id)))
