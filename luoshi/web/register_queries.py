"""What the register, commitment and public board pages show (one function per page, as in ``queries``).

The register reads every commitment of the latest document versions with
its current state (``luoshi.store.reader.commitment_states``: status, lead
unit and deadline folded from events in SQL), the document's region and
year and the role of the innermost section holding it, in one query. The
search is a portable ``LIKE '%词%'`` (escaped) on the commitment text,
which works on SQLite and PostgreSQL alike; a trigram index (SQLite FTS5,
pg_trgm) is the later step for very large registers. Facets, sorting and
pages are applied to those rows in Python: each facet counts the rows that
match every *other* chosen filter, so its counts say what choosing a value
would give.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal
from urllib.parse import urlencode

from sqlalchemy import Connection, select

from luoshi.analysis import Column, Table
from luoshi.data.topics import TOPICS
from luoshi.register import STATUS_LABELS, CommitmentState, Event, get
from luoshi.register.events import event_from_row, reading
from luoshi.register.status import Colour, colour
from luoshi.store import Store, reader
from luoshi.store import schema as t
from luoshi.web import labels

PAGE_SIZE = 50
CONTEXT = 200  # characters of source text shown each side of a commitment
KIND_LABELS = {"task": "工作任务", "measure": "量化指标"}
COLOUR_CLASSES = {"red": "逾期", "yellow": "临期", "green": "正常"}
RegisterSort = Literal["doc", "-doc", "id", "-id", "region", "-region", "year", "-year", "status", "-status",
                       "deadline", "-deadline", "lead_unit", "-lead_unit", "topic", "-topic"]
FACETS = ("region", "year", "document", "role", "topic", "kind", "status", "lead_unit", "overdue")
FACET_LABELS = {"region": "地区", "year": "年份", "document": "文件", "role": "章节类别", "topic": "领域",
                "kind": "类别", "status": "状态", "lead_unit": "牵头单位", "overdue": "是否逾期"}
NONE_VALUE = "-"  # a facet value meaning "not set" (no lead unit yet, no topic)
NONE_LABEL = {"lead_unit": "未指定", "topic": "未归类", "region": "地区不详", "year": "年份不详", "role": "不详"}


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """What the register is narrowed to; facet values are strings as in the query string (``-``: not set)."""

    region: str | None = None
    year: str | None = None
    document: str | None = None  # a document id
    role: str | None = None
    topic: str | None = None
    kind: str | None = None
    status: str | None = None
    lead_unit: str | None = None
    overdue: str | None = None  # "yes" | "no"
    q: str | None = None
    sort: RegisterSort = "doc"
    page: int = 1

    def query(self, **changes: object) -> str:
        """This filter as a query string, with ``changes`` (``None`` removes a parameter); page 1 unless given."""
        values = {f: getattr(self, f) for f in (*FACETS, "q", "sort")} | {"page": None} | changes
        return urlencode({k: v for k, v in values.items()
                          if v not in (None, "") and not (k == "sort" and v == "doc") and not (k == "page" and v == 1)})


@dataclass(frozen=True, slots=True)
class RegisterRow:
    id: int
    document_id: int
    doc: str
    title: str | None
    region: str | None
    year: int | None
    kind: str
    text: str
    topic: str | None
    role: str | None
    status: str
    status_label: str
    lead_unit: str | None
    deadline: date | None
    deadline_stated: str | None
    colour: Colour
    span_start: int
    span_end: int


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class RegisterView:
    """One page of the commitments matching ``filter``; ``matching``: on all pages; ``total``: in the register."""

    rows: tuple[RegisterRow, ...]
    matching: int
    total: int
    page: int
    pages: int
    page_size: int
    filter: RegisterFilter
    facets: dict[str, tuple[FacetValue, ...]]
    today: date


def register_rows(store: Store, q: str | None = None, today: date | None = None) -> list[RegisterRow]:
    """Every commitment of the latest document versions (text containing ``q``), in document order."""
    day = today or date.today()
    states = reader.commitment_states().subquery()
    s, d, sec = states.c, t.documents.c, t.sections.c
    role = (select(sec.role).where(sec.document_id == s.document_id, sec.span_start <= s.span_start,
                                   s.span_start < sec.span_end)
            .order_by(sec.level.desc(), sec.span_start.desc()).limit(1).correlate(states).scalar_subquery())
    query = (select(states, d.title, d.region, d.year, role.label("role"))
             .join(t.documents, d.id == s.document_id)
             .where(s.document_id.in_(select(reader.latest_versions().subquery().c.id))))
    if q:
        query = query.where(s.text.like(f"%{like_escape(q)}%", escape="\\"))
    with reading(store) as conn:
        rows = conn.execute(query.order_by(s.document_id, s.span_start, s.kind, s.item_ordinal)).all()
    out = []
    for r in rows:
        deadline = date.fromisoformat(r.deadline) if r.deadline else None
        out.append(RegisterRow(r.id, r.document_id, r.doc, r.title, r.region, r.year, r.kind, r.text, r.topic, r.role,
                               r.status, STATUS_LABELS[r.status], r.lead_unit, deadline, r.deadline_stated,
                               colour(deadline, r.status, day), r.span_start, r.span_end))
    return out


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern (escape character ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def facet_value(row: RegisterRow, name: str) -> str:
    """The row's value for facet ``name`` as it appears in the query string."""
    if name == "document":
        return str(row.document_id)
    if name == "overdue":
        return "yes" if row.colour == "red" else "no"
    value = getattr(row, name)
    return NONE_VALUE if value is None else str(value)


def facet_label(row: RegisterRow, name: str) -> str:
    value = facet_value(row, name)
    if value == NONE_VALUE:
        return NONE_LABEL.get(name, "未指定")
    return {
        "document": lambda: f"{row.title or row.doc}（{row.region or ''}{row.year or ''}）",
        "role": lambda: labels.ROLES.get(value, value),
        "topic": lambda: TOPICS.get(value, value),
        "kind": lambda: KIND_LABELS.get(value, value),
        "status": lambda: row.status_label,
        "overdue": lambda: "逾期" if value == "yes" else "未逾期",
    }.get(name, lambda: value)()


SORT_KEYS = {
    "doc": lambda r: (r.document_id, r.span_start), "id": lambda r: r.id, "region": lambda r: r.region,
    "year": lambda r: r.year, "status": lambda r: list(STATUS_LABELS).index(r.status),
    "deadline": lambda r: r.deadline, "lead_unit": lambda r: r.lead_unit, "topic": lambda r: r.topic,
}


def register_view(store: Store, chosen: RegisterFilter = RegisterFilter(), today: date | None = None,
                  page_size: int = PAGE_SIZE) -> RegisterView:
    """The register page: the filtered, sorted page of rows and the facets with their counts."""
    day = today or date.today()
    everything = register_rows(store, None, day)
    searched = register_rows(store, chosen.q, day) if chosen.q else everything
    chosen_facets = {f: getattr(chosen, f) for f in FACETS if getattr(chosen, f)}

    def passes(row: RegisterRow, skip: str | None = None) -> bool:
        return all(facet_value(row, f) == v for f, v in chosen_facets.items() if f != skip)

    facets = {name: facet(searched, name, lambda r, n=name: passes(r, n)) for name in FACETS}
    found = sort_rows([r for r in searched if passes(r)], chosen.sort)
    pages = max(1, -(-len(found) // page_size))
    page = min(max(chosen.page, 1), pages)
    shown = tuple(found[(page - 1) * page_size:page * page_size])
    return RegisterView(shown, len(found), len(everything), page, pages, page_size, replace(chosen, page=page),
                        facets, day)


def matching_rows(store: Store, chosen: RegisterFilter, today: date | None = None) -> list[RegisterRow]:
    """Every row of the current view (all pages), for the exports."""
    day = today or date.today()
    chosen_facets = {f: getattr(chosen, f) for f in FACETS if getattr(chosen, f)}
    rows = [r for r in register_rows(store, chosen.q, day)
            if all(facet_value(r, f) == v for f, v in chosen_facets.items())]
    return sort_rows(rows, chosen.sort)


def facet(rows: list[RegisterRow], name: str, passes) -> tuple[FacetValue, ...]:
    """Values of ``name`` among rows passing the other filters: years newest first, others most frequent first."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for row in rows:
        if passes(row):
            value = facet_value(row, name)
            counts[value] += 1
            shown.setdefault(value, facet_label(row, name))
    if name == "year":
        order = sorted(counts, key=lambda v: (v == NONE_VALUE, -int(v) if v.isdigit() else 0))
    elif name == "status":
        order = sorted(counts, key=list(STATUS_LABELS).index)
    else:
        order = sorted(counts, key=lambda v: (v == NONE_VALUE, -counts[v], shown[v]))
    return tuple(FacetValue(v, shown[v], counts[v]) for v in order)


def sort_rows(rows: list[RegisterRow], sort: str) -> list[RegisterRow]:
    """Rows by ``sort`` (``-`` first: descending); rows without the value come last either way."""
    key = SORT_KEYS[sort.lstrip("-")]
    known = sorted((r for r in rows if key(r) is not None), key=key, reverse=sort.startswith("-"))
    return known + [r for r in rows if key(r) is None]


EXPORT_COLUMNS = (
    ("id", "int", "编号"), ("region", "text", "地区"), ("year", "int", "年份"), ("doc", "text", "文件"),
    ("role", "text", "章节类别"), ("kind", "text", "类别"), ("text", "text", "承诺内容"), ("topic", "text", "领域"),
    ("status", "text", "状态"), ("lead_unit", "text", "牵头单位"), ("deadline", "text", "期限"),
    ("overdue", "bool", "逾期"), ("start", "int", "原文起点"), ("end", "int", "原文终点"),
)


def export_table(rows: list[RegisterRow]) -> Table:
    """The current view as an analysis ``Table`` (Chinese labels and values), for ``luoshi.export``."""
    cols = tuple(Column(name, kind, label) for name, kind, label in EXPORT_COLUMNS)
    return Table("register", cols, tuple(
        (r.id, r.region, r.year, r.doc, labels.ROLES.get(r.role, r.role) if r.role else None, KIND_LABELS[r.kind],
         r.text, TOPICS.get(r.topic, r.topic) if r.topic else None, r.status_label, r.lead_unit,
         r.deadline.isoformat() if r.deadline else None, r.colour == "red", r.span_start, r.span_end)
        for r in rows))


# --- one commitment ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceContext:
    """The commitment's characters with up to ``CONTEXT`` characters either side, and where to open the source."""

    before: str
    text: str
    after: str
    anchor: str | None  # the source view's element id: the measure (m3) or the innermost section (s2)


@dataclass(frozen=True, slots=True)
class CommitmentPage:
    commitment: CommitmentState
    title: str | None
    region: str | None
    year: int | None
    role: str | None
    context: SourceContext
    evidence_documents: dict[int, str] = field(default_factory=dict)  # id -> title of documents cited as evidence


def commitment_page(store: Store, commitment_id: int, today: date | None = None) -> CommitmentPage:
    """:raises NotFound:"""
    state = get(store, commitment_id, today=today)
    c, d, sec = t.commitments.c, t.documents.c, t.sections.c
    with reading(store) as conn:
        row = conn.execute(select(c.item_ordinal, d.source_text, d.title, d.region, d.year)
                           .join(t.documents, d.id == c.document_id).where(c.id == commitment_id)).one()
        section = conn.execute(select(sec.ordinal, sec.role).where(
            sec.document_id == state.document_id, sec.span_start <= state.span.start, state.span.start < sec.span_end)
            .order_by(sec.level.desc(), sec.span_start.desc()).limit(1)).first()
        cited = _titles(conn, {e.document_id for e in state.evidence if e.document_id is not None})
    text, span = row.source_text, state.span
    anchor = f"m{row.item_ordinal}" if state.kind == "measure" else f"s{section.ordinal}" if section else None
    context = SourceContext(text[max(0, span.start - CONTEXT):span.start], text[span.start:span.end],
                            text[span.end:span.end + CONTEXT], anchor)
    return CommitmentPage(state, row.title, row.region, row.year, section.role if section else None, context, cited)


def _titles(conn: Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    d = t.documents.c
    return {r.id: r.title or r.name for r in conn.execute(select(d.id, d.title, d.name).where(d.id.in_(ids)))}


def has_evidence_file(state: CommitmentState, sha256: str) -> str | None:
    """The file name under which ``sha256`` is evidence of this commitment, if it is."""
    return next((e.file_name or sha256 for e in state.evidence if e.file_sha256 == sha256), None)


# --- the public board -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardItem:
    id: int
    kind: str
    text: str
    status: str
    status_label: str
    colour: Colour
    lead_unit: str | None
    deadline: date | None
    evidence: Event | None  # the latest evidence on record


@dataclass(frozen=True, slots=True)
class BoardDocument:
    id: int
    title: str | None
    name: str
    region: str | None
    year: int | None
    statuses: dict[str, int]  # status key -> commitments, every status (zero too) in STATUS_LABELS order
    colours: dict[str, int]  # red / yellow / green -> commitments
    items: tuple[BoardItem, ...]


@dataclass(frozen=True, slots=True)
class Board:
    documents: tuple[BoardDocument, ...]
    statuses: dict[str, int]
    today: date


def board(store: Store, today: date | None = None) -> Board:
    """Progress per document (by region, then year): counts by status and colour, each commitment's latest evidence."""
    day = today or date.today()
    rows = register_rows(store, None, day)
    with reading(store) as conn:
        latest = _latest_evidence(conn, [r.id for r in rows])
    by_doc: dict[int, list[RegisterRow]] = defaultdict(list)
    for r in rows:
        by_doc[r.document_id].append(r)
    docs = []
    for doc_rows in by_doc.values():
        first = doc_rows[0]
        statuses = Counter(r.status for r in doc_rows)
        colours = Counter(r.colour for r in doc_rows)
        items = tuple(BoardItem(r.id, r.kind, r.text, r.status, r.status_label, r.colour, r.lead_unit, r.deadline,
                                latest.get(r.id)) for r in doc_rows)
        docs.append(BoardDocument(first.document_id, first.title, first.doc, first.region, first.year,
                                  {k: statuses[k] for k in STATUS_LABELS},
                                  {k: colours[k] for k in ("red", "yellow", "green")}, items))
    docs.sort(key=lambda b: (b.region is None, b.region or "", -(b.year or 0), b.id))
    total = Counter(r.status for r in rows)
    return Board(tuple(docs), {k: total[k] for k in STATUS_LABELS}, day)


def _latest_evidence(conn: Connection, ids: list[int]) -> dict[int, Event]:
    """Per commitment id, the newest evidence event of its thread (any version of the document)."""
    c, e = t.commitments.c, t.commitment_events.c
    other = t.commitments.alias("other")
    evidence = (e.type == "evidence") | e.evidence_url.is_not(None) | e.evidence_sha256.is_not(None) \
        | e.evidence_start.is_not(None)
    query = (select(c.id.label("for_id"), t.commitment_events)
             .join(other, other.c.thread == c.thread).join(t.commitment_events, e.commitment_id == other.c.id)
             .where(evidence).order_by(e.at, e.id))
    wanted = set(ids)
    latest: dict[int, Event] = {}
    for r in conn.execute(query):
        if r.for_id in wanted:
            fields = r._asdict()
            latest[fields.pop("for_id")] = event_from_row(fields)
    return latest


def safe_url(url: str | None) -> str | None:
    """``url`` when it may be a link (http or https); anything else (``javascript:``) is shown as text only."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
