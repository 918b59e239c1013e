"""What the register, commitment and public board pages show (one function per page, as in ``queries``).

Everything is asked of the register's index (``luoshi.register.index``:
per commitment its facets and its state folded from events), so a page of
a register of 100,000 commitments reads a page of rows, not the register.
Filters, sorting and pages are SQL; a search first finds the matching
commitment ids (trigram full-text index, or an escaped ``LIKE`` for one or
two characters) and every later query keeps to them. Each facet counts the
rows that match every *other* chosen filter, so its counts say what
choosing a value would give; three ``GROUP BY`` queries give all nine:
per document (which also gives region and year), per kind × status × role
× topic with the overdue ones summed alongside, and per lead unit; the
per-facet sums over those groups are done here.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal
from urllib.parse import urlencode

from sqlalchemy import ARRAY, Connection, Integer, and_, any_, bindparam, case, column, false, func, not_, select
from sqlalchemy.sql.elements import ColumnElement

from luoshi.analysis import Column, Table
from luoshi.data.topics import TOPICS
from luoshi.register import STATUS_LABELS, CommitmentState, Event, get
from luoshi.register import index as register_index
from luoshi.register.events import event_from_row, reading
from luoshi.register.status import CLOSED, DUE_SOON_DAYS, Colour, colour
from luoshi.store import Store
from luoshi.store import schema as t
from luoshi.web import labels

PAGE_SIZE = 50
BOARD_PAGE_SIZE = 100  # commitments per page of the public board
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
FEW_IDS = 200  # search hits up to this many are bound one by one; more travel as one array


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

    def chosen(self) -> dict[str, str]:
        """The facets with a chosen value."""
        return {f: getattr(self, f) for f in FACETS if getattr(self, f)}


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


like_escape = register_index.like_escape
ci, cm, d = t.commitment_index.c, t.commitments.c, t.documents.c
DOCUMENT_ORDER = (ci.document_id, ci.span_start, ci.kind, ci.item_ordinal)
OPEN = and_(ci.deadline.is_not(None), ci.status.not_in(tuple(CLOSED)))  # a deadline to keep: may be overdue, due soon
SORT_COLUMNS = {"id": ci.commitment_id, "region": ci.region, "year": ci.year, "status": ci.status_rank,
                "deadline": ci.deadline, "lead_unit": ci.lead_unit, "topic": ci.topic}


class _Scope:
    """The SQL conditions of one request: the latest versions, the search hits, each chosen facet."""

    def __init__(self, conn: Connection, chosen: RegisterFilter, today: date, hits: list[int] | None) -> None:
        self.today = today.isoformat()
        self.base: list[ColumnElement] = [ci.latest]
        if hits is not None:
            self.base.append(_among(conn, hits))
        self.facets = {name: self.condition(name, value) for name, value in chosen.chosen().items()}

    def overdue(self) -> ColumnElement:
        return and_(OPEN, ci.deadline < self.today)

    def condition(self, name: str, value: str) -> ColumnElement:
        if name == "overdue":
            return self.overdue() if value == "yes" else not_(self.overdue())
        if name in ("document", "year"):
            col = ci.document_id if name == "document" else ci.year
            return col.is_(None) if value == NONE_VALUE and name == "year" else \
                col == int(value) if value.isdigit() else false()
        col = {"region": ci.region, "role": ci.role, "topic": ci.topic, "kind": ci.kind, "status": ci.status,
               "lead_unit": ci.lead_unit}[name]
        return col.is_(None) if value == NONE_VALUE else col == value

    def where(self, *skip: str) -> list[ColumnElement]:
        """The conditions, without the facets in ``skip``."""
        return self.base + [c for name, c in self.facets.items() if name not in skip]


def _among(conn: Connection, ids: list[int]) -> ColumnElement:
    """``commitment_id`` is one of ``ids``: bound one by one when few, else as one JSON text or array."""
    if len(ids) <= FEW_IDS:
        return ci.commitment_id.in_(ids)
    if conn.dialect.name == "sqlite":
        listed = select(column("value", Integer)).select_from(func.json_each(json.dumps(ids)))
        return ci.commitment_id.in_(listed.scalar_subquery())
    return ci.commitment_id == any_(bindparam("hits", ids, type_=ARRAY(Integer)))


def register_view(store: Store, chosen: RegisterFilter = RegisterFilter(), today: date | None = None,
                  page_size: int = PAGE_SIZE) -> RegisterView:
    """The register page: the filtered, sorted page of rows and the facets with their counts."""
    day = today or date.today()
    with reading(store) as conn:
        scope = _Scope(conn, chosen, day, register_index.search(conn, chosen.q) if chosen.q else None)
        facets, matching = _facets(conn, scope, chosen)
        total = matching if not chosen.q and not chosen.chosen() else \
            conn.execute(select(func.count()).where(ci.latest)).scalar_one()
        pages = max(1, -(-matching // page_size))
        page = min(max(chosen.page, 1), pages)
        ids = _sorted_ids(conn, scope, chosen.sort, (page - 1) * page_size, page_size)
        rows = _rows(conn, ids, day)
    return RegisterView(tuple(rows), matching, total, page, pages, page_size, replace(chosen, page=page), facets, day)


def matching_rows(store: Store, chosen: RegisterFilter, today: date | None = None) -> list[RegisterRow]:
    """Every row of the current view (all pages), for the exports."""
    day = today or date.today()
    with reading(store) as conn:
        scope = _Scope(conn, chosen, day, register_index.search(conn, chosen.q) if chosen.q else None)
        return _rows(conn, _sorted_ids(conn, scope, chosen.sort, 0, None), day)


def _sorted_ids(conn: Connection, scope: _Scope, sort: str, offset: int, limit: int | None) -> list[int]:
    """Ids of the matching rows in ``sort`` order from ``offset`` (``-``: descending; no value: last either way).

    A column that may be empty is read in two runs, the rows with a value
    then the rows without, so that each run follows an index.
    """
    name, descending = sort.lstrip("-"), sort.startswith("-")
    by_document = [o.desc() if descending else o for o in DOCUMENT_ORDER]
    query = select(ci.commitment_id).where(*scope.where())
    key = SORT_COLUMNS.get(name)
    if key is None or not key.nullable:
        order = by_document if key is None else [key.desc() if descending else key, *by_document]
        return _ids(conn, query.order_by(*order), offset, limit)
    found = _ids(conn, query.where(key.is_not(None)).order_by(key.desc() if descending else key, *by_document),
                 offset, limit)
    if limit is not None and len(found) == limit:
        return found
    known = offset + len(found) if found else conn.execute(
        select(func.count()).where(*scope.where(), key.is_not(None))).scalar_one()
    rest = None if limit is None else limit - len(found)
    return found + _ids(conn, query.where(key.is_(None)).order_by(*DOCUMENT_ORDER), max(0, offset - known), rest)


def _ids(conn: Connection, query, offset: int, limit: int | None) -> list[int]:
    if limit is not None:
        query = query.limit(limit)
    return list(conn.execute(query.offset(offset) if offset else query).scalars())


def _rows(conn: Connection, ids: list[int], today: date) -> list[RegisterRow]:
    """The rows of ``ids``, in that order."""
    found, meta = {}, {}
    for start in range(0, len(ids), 10_000):
        chunk = ids[start:start + 10_000]
        query = (select(ci.commitment_id, ci.document_id, ci.region, ci.year, ci.kind, cm.text, ci.topic, ci.role,
                        ci.status, ci.lead_unit, ci.deadline, cm.deadline_stated, cm.span_start, cm.span_end)
                 .join(t.commitments, cm.id == ci.commitment_id).where(_among(conn, chunk)))
        rows = conn.execute(query).all()
        meta |= _document_meta(conn, list({r.document_id for r in rows} - set(meta)))
        for r in rows:
            deadline = date.fromisoformat(r.deadline) if r.deadline else None
            doc = meta[r.document_id]
            found[r.commitment_id] = RegisterRow(
                r.commitment_id, r.document_id, doc.name, doc.title, r.region, r.year, r.kind, r.text, r.topic,
                r.role, r.status, STATUS_LABELS[r.status], r.lead_unit, deadline, r.deadline_stated,
                colour(deadline, r.status, today), r.span_start, r.span_end)
    return [found[i] for i in ids]


# --- facets -----------------------------------------------------------------------------------------

def _facets(conn: Connection, scope: _Scope, chosen: RegisterFilter) -> tuple[dict[str, tuple[FacetValue, ...]], int]:
    """Every facet's values with counts under the other filters, and how many rows match them all."""
    want = chosen.chosen()

    def tally(groups: list[tuple[dict[str, str], int]], name: str) -> dict[str, int]:
        """Rows per value of ``name`` among groups matching the chosen values of the groups' other facets."""
        others = [(f, v) for f, v in want.items() if f != name and groups and f in groups[0][0]]
        counts: dict[str, int] = {}
        for values, n in groups:
            if n and all(values[f] == v for f, v in others):
                counts[values[name]] = counts.get(values[name], 0) + n
        return counts

    # Per document (with its region and year): every filter but these three applies in SQL.
    documents = conn.execute(select(ci.document_id, func.count()).where(*scope.where("document", "region", "year"))
                             .group_by(ci.document_id)).all()
    meta = _document_meta(conn, [r.document_id for r in documents])
    by_doc = [({"document": str(r.document_id), "region": _value(meta[r.document_id].region),
                "year": _value(meta[r.document_id].year)}, r[1]) for r in documents]
    counts = {name: tally(by_doc, name) for name in ("document", "region", "year")}

    # Per kind, status, role and topic, the past-deadline ones alongside (overdue unless the status is closed):
    # region, year, document and lead unit apply in SQL.
    past = func.count(case((ci.deadline < scope.today, 1)))
    groups = conn.execute(select(ci.kind, ci.status, ci.role, ci.topic, func.count(), past)
                          .where(*scope.where("kind", "status", "role", "topic", "overdue"))
                          .group_by(ci.kind, ci.status, ci.role, ci.topic)).all()
    split = []
    for kind, status, role, topic, n, past_due in groups:
        late = 0 if status in CLOSED else past_due
        values = {"kind": kind, "status": status, "role": _value(role), "topic": _value(topic)}
        split += [(values | {"overdue": "yes"}, late), (values | {"overdue": "no"}, n - late)]
    for name in ("kind", "status", "role", "topic", "overdue"):
        counts[name] = tally(split, name)
    chosen_here = [(f, v) for f, v in want.items() if f in ("kind", "status", "role", "topic", "overdue")]
    matching = sum(n for values, n in split if all(values[f] == v for f, v in chosen_here))

    # Per lead unit: every other filter applies in SQL.
    counts["lead_unit"] = {_value(lead): n for lead, n in conn.execute(
        select(ci.lead_unit, func.count()).where(*scope.where("lead_unit")).group_by(ci.lead_unit))}

    facets = {name: _ordered(name, counts[name], _labeller(name, meta)) for name in FACETS}
    return facets, matching


def _value(value: object) -> str:
    return NONE_VALUE if value is None else str(value)


def _document_meta(conn: Connection, ids: list[int]) -> dict:
    """Name, title, region and year of documents (read from ``ix_documents_listing``, not the wide rows)."""
    if not ids:
        return {}
    query = select(d.id, d.name, d.title, d.region, d.year).where(d.id.in_(ids))
    return {r.id: r for r in conn.execute(query)}


def _labeller(name: str, meta: dict) -> Callable[[str], str]:
    def document(value: str) -> str:
        doc = meta[int(value)]
        return f"{doc.title or doc.name}（{doc.region or ''}{doc.year or ''}）"

    return {
        "document": document,
        "role": lambda v: labels.ROLES.get(v, v),
        "topic": lambda v: TOPICS.get(v, v),
        "kind": lambda v: KIND_LABELS.get(v, v),
        "status": lambda v: STATUS_LABELS.get(v, v),
        "overdue": lambda v: "逾期" if v == "yes" else "未逾期",
    }.get(name, lambda v: v)


def _ordered(name: str, counts: dict[str, int], label: Callable[[str], str]) -> tuple[FacetValue, ...]:
    """Years newest first, statuses in their order, others most frequent first; "not set" last."""
    shown = {v: NONE_LABEL.get(name, "未指定") if v == NONE_VALUE else label(v) for v in counts}
    if name == "year":
        order = sorted(counts, key=lambda v: (v == NONE_VALUE, -int(v) if v.isdigit() else 0))
    elif name == "status":
        order = sorted(counts, key=list(STATUS_LABELS).index)
    else:
        order = sorted(counts, key=lambda v: (v == NONE_VALUE, -counts[v], shown[v]))
    return tuple(FacetValue(v, shown[v], counts[v]) for v in order)


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
    commitments: int  # all of the document's commitments; ``items`` holds those on this page
    items: tuple[BoardItem, ...]


@dataclass(frozen=True, slots=True)
class Board:
    """One page of the board: ``documents`` whose commitments are on it; ``statuses``: the whole register."""

    documents: tuple[BoardDocument, ...]
    statuses: dict[str, int]
    today: date
    page: int = 1
    pages: int = 1
    page_size: int = BOARD_PAGE_SIZE
    document_count: int = 0  # documents with commitments, on all pages


def board(store: Store, today: date | None = None, page: int = 1, page_size: int = BOARD_PAGE_SIZE) -> Board:
    """Progress per document (by region, then year): counts by status and colour, each commitment's latest evidence.

    Documents follow each other in that order and their commitments in
    document order; a page holds ``page_size`` commitments, and every
    document on it comes with its counts over all its commitments.
    """
    day = today or date.today()
    with reading(store) as conn:
        counts = _board_counts(conn, day)
        meta = _document_meta(conn, list(counts))
        order = sorted(counts, key=lambda i: (meta[i].region is None, meta[i].region or "", -(meta[i].year or 0), i))
        sizes = {doc_id: sum(statuses.values()) for doc_id, (statuses, _) in counts.items()}
        total = sum(sizes.values())
        pages = max(1, -(-total // page_size))
        page = min(max(page, 1), pages)
        start, end, seen, shown = (page - 1) * page_size, page * page_size, 0, []
        for doc_id in order:
            size = sizes[doc_id]
            if seen < end and seen + size > start:
                shown.append((doc_id, max(0, start - seen), min(size, end - seen) - max(0, start - seen)))
            seen += size
        items = {doc_id: _board_items(conn, doc_id, offset, limit, day) for doc_id, offset, limit in shown}
        latest = _latest_evidence(conn, [i.id for doc_items in items.values() for i in doc_items])
    documents = tuple(
        BoardDocument(doc_id, meta[doc_id].title, meta[doc_id].name, meta[doc_id].region, meta[doc_id].year,
                      *counts[doc_id], sizes[doc_id],
                      tuple(replace(i, evidence=latest.get(i.id)) for i in items[doc_id]))
        for doc_id, _, _ in shown)
    statuses = {k: sum(s[k] for s, _ in counts.values()) for k in STATUS_LABELS}
    return Board(documents, statuses, day, page, pages, page_size, len(counts))


def _board_counts(conn: Connection, today: date) -> dict[int, tuple[dict[str, int], dict[str, int]]]:
    """Per document of the register: commitments per status and per colour (one pass over the index)."""
    day, soon = today.isoformat(), (today + timedelta(days=DUE_SOON_DAYS)).isoformat()
    red, yellow = and_(OPEN, ci.deadline < day), and_(OPEN, ci.deadline >= day, ci.deadline <= soon)
    columns = [func.sum(case((ci.status == key, 1), else_=0)) for key in STATUS_LABELS]
    query = (select(ci.document_id, func.count(), func.sum(case((red, 1), else_=0)),
                    func.sum(case((yellow, 1), else_=0)), *columns).where(ci.latest).group_by(ci.document_id))
    counts = {}
    for doc_id, n, reds, yellows, *per_status in conn.execute(query):
        counts[doc_id] = (dict(zip(STATUS_LABELS, per_status, strict=True)),
                          {"red": reds, "yellow": yellows, "green": n - reds - yellows})
    return counts


def _board_items(conn: Connection, doc_id: int, offset: int, limit: int, today: date) -> list[BoardItem]:
    query = (select(ci.commitment_id, ci.kind, cm.text, ci.status, ci.lead_unit, ci.deadline)
             .join(t.commitments, cm.id == ci.commitment_id).where(ci.latest, ci.document_id == doc_id)
             .order_by(*DOCUMENT_ORDER).limit(limit).offset(offset))
    items = []
    for r in conn.execute(query):
        deadline = date.fromisoformat(r.deadline) if r.deadline else None
        items.append(BoardItem(r.commitment_id, r.kind, r.text, r.status, STATUS_LABELS[r.status],
                               colour(deadline, r.status, today), r.lead_unit, deadline, None))
    return items


def _latest_evidence(conn: Connection, ids: list[int]) -> dict[int, Event]:
    """Per commitment id, the newest evidence event of its thread (any version of the document)."""
    if not ids:
        return {}
    c, e = t.commitments.c, t.commitment_events.c
    other = t.commitments.alias("other")
    evidence = (e.type == "evidence") | e.evidence_url.is_not(None) | e.evidence_sha256.is_not(None) \
        | e.evidence_start.is_not(None)
    query = (select(c.id.label("for_id"), t.commitment_events)
             .join(other, other.c.thread == c.thread).join(t.commitment_events, e.commitment_id == other.c.id)
             .where(evidence, c.id.in_(ids)).order_by(e.at, e.id))
    latest: dict[int, Event] = {}
    for r in conn.execute(query):
        fields = r._asdict()
        latest[fields.pop("for_id")] = event_from_row(fields)
    return latest


def safe_url(url: str | None) -> str | None:
    """``url`` when it may be a link (http or https); anything else (``javascript:``) is shown as text only."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
