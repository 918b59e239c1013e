"""Read stored rows back as model objects and as export rows."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Connection, Select, func, select

from luoshi.errors import NotFound
from luoshi.model import (
    Chrome,
    GlossaryEntry,
    HeadlineTarget,
    Measure,
    Metadata,
    Project,
    Repair,
    Section,
    Sentence,
    Slogan,
    Source,
    Span,
    Task,
)
from luoshi.store import schema as t
from luoshi.store.records import DocumentSummary, StoredDocument, measure_record, target_record
from luoshi.store.writer import source_name

d = t.documents.c


def latest_versions() -> Select:
    """``documents`` rows that are the latest version of their name."""
    newest = select(d.name, func.max(d.version).label("version")).group_by(d.name).subquery()
    return select(t.documents).join(newest, (d.name == newest.c.name) & (d.version == newest.c.version))


def resolve(conn: Connection, ref: int | str) -> int:
    """A document id from an id or a source name (a name means its latest version)."""
    text = str(ref).strip()
    if text.isdigit() and conn.execute(select(d.id).where(d.id == int(text))).first():
        return int(text)
    row = conn.execute(select(d.id).where(d.name == text).order_by(d.version.desc()).limit(1)).first()
    if row is None:
        raise NotFound(f"no document {text!r} in the database; `luoshi docs` lists them (by id or file name)")
    return row.id


def list_documents(conn: Connection) -> list[DocumentSummary]:
    newest = latest_versions().subquery()

    def count(table) -> object:
        return select(func.count()).where(table.c.document_id == newest.c.id).scalar_subquery()

    query = select(
        newest, count(t.measures).label("n_measures"), count(t.headline_targets).label("n_targets"),
        func.length(newest.c.source_text).label("characters"),
    ).order_by(newest.c.id)
    return [
        DocumentSummary(
            id=r.id, name=r.name, version=r.version, format=r.format, title=r.title, region=r.region,
            parent_region=r.parent_region, level=r.level, division_code=r.division_code, year=r.year,
            period=r.period, doc_type=r.doc_type, characters=r.characters, measures=r.n_measures,
            targets=r.n_targets, ingested_at=_utc(r.ingested_at),
        )
        for r in conn.execute(query)
    ]


def load_document(conn: Connection, doc_id: int) -> StoredDocument:
    row = conn.execute(select(t.documents).where(d.id == doc_id)).first()
    if row is None:
        raise NotFound(f"no document with id {doc_id} in the database")

    def rows(table) -> list:
        order = table.c.ordinal if "ordinal" in table.c else table.c.span_start
        return list(conn.execute(select(table).where(table.c.document_id == doc_id).order_by(order, table.c.id)))

    source = Source(
        name=row.name, path=row.path, sha256=row.sha256, format=row.format, encoding=row.encoding,
        text=row.source_text,
        chrome=tuple(Chrome(Span(r.span_start, r.span_end), r.kind) for r in rows(t.chrome)),
        repairs=tuple(Repair(Span(r.span_start, r.span_end), r.garbled, r.repaired, r.status, r.method)
                      for r in rows(t.repairs)),
        meta=dict(row.source_meta), meta_origin=dict(row.source_meta_origin),
    )
    metadata = Metadata(
        title=row.title, title_confidence=row.title_confidence, region=row.region,
        parent_region=row.parent_region, level=row.level, division_code=row.division_code, year=row.year,
        period=row.period, doc_type=row.doc_type, session=row.session, date=row.date, speaker=row.speaker,
        unknown=dict(row.unknown), provenance=dict(row.provenance), notes=dict(row.notes),
    )
    return StoredDocument(
        id=row.id, version=row.version, ingested_at=_utc(row.ingested_at), extracted=row.extracted,
        repairs_applied=row.repairs_applied, source=source, normalised_text=row.normalised_text,
        metadata=metadata,
        sections=tuple(
            Section(r.ordinal, Span(r.span_start, r.span_end), Span(r.heading_start, r.heading_end), r.level,
                    r.label, r.title, r.role, r.parent_ordinal)
            for r in rows(t.sections)),
        sentences=tuple(Sentence(r.ordinal, Span(r.span_start, r.span_end), r.section_ordinal)
                        for r in rows(t.sentences)),
        glossary=tuple(
            GlossaryEntry(r.term, r.definition, Span(r.span_start, r.span_end), r.label,
                          Span(r.anchor_start, r.anchor_end) if r.anchor_start is not None else None)
            for r in rows(t.glossary)),
        measures=tuple(_measure(r) for r in rows(t.measures)),
        targets=tuple(_target(r) for r in rows(t.headline_targets)),
        tasks=_tasks(conn, doc_id, rows(t.tasks)),
        projects=tuple(Project(r.name, r.kind, r.category, _spans(r.mentions), tuple(r.tasks))
                       for r in rows(t.projects)),
        slogans=tuple(Slogan(r.term, _spans(r.mentions), r.definition, r.glossary_ordinal) for r in rows(t.slogans)),
    )


def _tasks(conn: Connection, doc_id: int, rows: list) -> tuple[Task, ...]:
    links: dict[int, list[int]] = {}
    tm = t.task_measures.c
    for r in conn.execute(select(tm.task_ordinal, tm.measure_ordinal).where(tm.document_id == doc_id).order_by(tm.id)):
        links.setdefault(r.task_ordinal, []).append(r.measure_ordinal)
    return tuple(
        Task(Span(r.span_start, r.span_end), r.kind, r.verb, r.text, r.text_simplified, r.period, r.deadline, r.topic,
             r.sentence_ordinal, r.section_ordinal, tuple(links.get(r.ordinal, ())), tuple(r.projects),
             tuple(r.slogans))
        for r in rows)


def _spans(pairs: list) -> tuple[Span, ...]:
    return tuple(Span(start, end) for start, end in pairs)


def measure_rows(conn: Connection, doc_id: int | None = None, kind: str | None = None) -> Iterator[dict]:
    """Measures as prediction rows (``measure_record``), of one document or of all latest versions; a row's
    ``doc`` is the source file name, as the gold files name documents, also of a document stored under a
    qualified name (``writer.stored_name``)."""
    m = t.measures.c
    docs = _documents(doc_id)
    query = (select(docs.c.name, t.measures).join(docs, docs.c.id == m.document_id)
             .order_by(docs.c.id, m.span_start, m.ordinal))
    if kind is not None:
        query = query.where(m.kind == kind)
    for r in conn.execute(query):
        yield measure_record(source_name(r.name), _measure(r), r.quote)


def target_rows(conn: Connection, doc_id: int | None = None) -> Iterator[dict]:
    """Headline-target rows (``target_record``), of one document or of all latest versions (``doc`` as in
    ``measure_rows``)."""
    h = t.headline_targets.c
    docs = _documents(doc_id)
    query = (select(docs.c.name, docs.c.region, docs.c.year, t.headline_targets)
             .join(docs, docs.c.id == h.document_id).order_by(docs.c.id, h.ordinal))
    for r in conn.execute(query):
        yield target_record(source_name(r.name), r.region, r.year, _target(r), r.quote)


def _utc(moment: datetime) -> datetime:
    """SQLite keeps no time zone; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _documents(doc_id: int | None):
    if doc_id is None:
        return latest_versions().subquery()
    return select(t.documents).where(d.id == doc_id).subquery()


def _measure(r) -> Measure:
    return Measure(Span(r.span_start, r.span_end), r.kind, r.indicator, r.indicator_simplified, r.value, r.unit,
                   r.comparator, r.change, r.period, r.confidence, r.value_max, r.sentence_ordinal,
                   r.section_ordinal, r.direction, r.topic)


def _target(r) -> HeadlineTarget:
    return HeadlineTarget(r.indicator, r.indicator_text, r.value, r.unit, r.comparator,
                          Span(r.span_start, r.span_end), r.period, r.value_max)


def counts(conn: Connection) -> dict[str, int]:
    """Row counts of every table (all versions)."""
    return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (t.documents, *t.CHILD_TABLES, *t.REGISTER_TABLES)}


# --- the register -----------------------------------------------------------------------------------

c = t.commitments.c
e = t.commitment_events.c
ci = t.commitment_index.c
CLOSED_STATUSES = ("done",)  # never overdue (luoshi.register.status.CLOSED)


def commitment_states() -> Select:
    """Every commitment with its current status, lead unit and deadline, as ``luoshi.register.index`` keeps them."""
    return (select(c.id, c.document_id, d.name.label("doc"), d.version, c.kind, c.item_ordinal,
                   c.thread, c.span_start, c.span_end, c.text, c.topic, c.period, c.deadline_stated, ci.status,
                   ci.lead_unit, ci.deadline, c.deadline.label("default_deadline"), ci.latest)
            .join(t.commitment_index, ci.commitment_id == c.id).join(t.documents, d.id == c.document_id))


def commitment_rows(conn: Connection, *, doc_id: int | None = None, kind: str | None = None,
                    status: str | None = None, lead: str | None = None,
                    open_due: tuple[str | None, str] | None = None, ids: list[int] | None = None) -> list:
    """Current states of commitments (latest document versions unless ``doc_id`` or ``ids``), in document order.

    ``open_due = (first, last)``: only commitments not done whose deadline
    is between the two ISO dates (``first`` None: any earlier date too).
    ISO date strings order as dates in any database.
    """
    query = commitment_states()
    if doc_id is not None:
        query = query.where(c.document_id == doc_id)
    elif ids is None:
        query = query.where(ci.latest)
    if ids is not None:
        query = query.where(c.id.in_(ids))
    if kind is not None:
        query = query.where(c.kind == kind)
    if status is not None:
        query = query.where(ci.status == status)
    if lead is not None:
        query = query.where(ci.lead_unit == lead)
    if open_due is not None:
        first, last = open_due
        query = query.where(ci.status.not_in(CLOSED_STATUSES), ci.deadline <= last)
        if first is not None:
            query = query.where(ci.deadline >= first)
    return list(conn.execute(query.order_by(c.document_id, c.span_start, c.kind, c.item_ordinal)))


def commitment_events(conn: Connection, commitment_id: int) -> list:
    """Every event of the commitment's thread (all document versions), oldest first."""
    this = t.commitments.alias("this")
    other = t.commitments.alias("other")
    thread = select(this.c.thread).where(this.c.id == commitment_id).scalar_subquery()
    query = (select(t.commitment_events).join(other, other.c.id == e.commitment_id)
             .where(other.c.thread == thread).order_by(e.at, e.id))
    return list(conn.execute(query))


def commitment_exists(conn: Connection, commitment_id: int) -> bool:
    return conn.execute(select(c.id).where(c.id == commitment_id)).first() is not None


def evidence_file(conn: Connection, sha256: str) -> bytes | None:
    f = t.evidence_files.c
    row = conn.execute(select(f.content).where(f.sha256 == sha256)).first()
    return bytes(row.content) if row else None

