"""Write one ``Document`` as rows, in the caller's transaction.

Nothing is updated in place: a document is a new ``documents`` row (version
1, or latest + 1 when the same source name comes back with other bytes) plus
its child rows. The ``Normalised`` offset map is not stored: it is a pure
function of the source text and the repairs (``normalise(text, repairs)``),
so ``StoredDocument.document()`` recomputes it; the normalised text is
stored so that it can be browsed and checked against the recomputation.

The same transaction creates the document's commitments (each task and
each target measure), so a stored document is always in the register. A
commitment's thread is a hash of the source name, its kind, its text and
which occurrence of that text it is: the same item in a new version of the
document has the same thread, so its tracking history carries over.
Tracking events are appended with ``insert_event``; nothing here updates
or deletes them.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from sqlalchemy import JSON, Connection, Dialect, Table, bindparam, select
from sqlalchemy.exc import IntegrityError

from luoshi.deadlines import default_deadline
from luoshi.model import Document
from luoshi.options import Options
from luoshi.store import schema as t

Status = Literal["ok", "unchanged", "new version"]


class Saved(NamedTuple):
    id: int
    status: Status
    version: int


def find_unchanged(conn: Connection, name: str, sha256: str, options: Options) -> Saved | None:
    """The stored document this source would leave unchanged, if any.

    Same name and same bytes as the latest version is "unchanged", unless
    that version was stored without extraction and extraction is now asked
    for: then the new run adds information and becomes a new version.
    """
    return _unchanged(_latest(conn, name), sha256, options)


def save_document(conn: Connection, doc: Document, options: Options) -> Saved:
    latest = _latest(conn, doc.source.name)
    unchanged = _unchanged(latest, doc.source.sha256, options)
    if unchanged is not None:
        return unchanged
    version = latest.version + 1 if latest is not None else 1
    doc_id = conn.execute(_INSERT[t.documents], _document_row(doc, version, options)).inserted_primary_key[0]
    for table, rows in _child_rows(doc, doc_id):
        if rows:
            _insert_many(conn, table, rows)
    commitments = _commitment_rows(doc, doc_id)
    if commitments:
        _insert_many(conn, t.commitments, commitments)
    return Saved(doc_id, "new version" if version > 1 else "ok", version)


def insert_event(conn: Connection, row: dict) -> int:
    """Append one tracking event; its id."""
    return conn.execute(_INSERT[t.commitment_events], row).inserted_primary_key[0]


def store_evidence_file(conn: Connection, sha256: str, content: bytes) -> None:
    """Keep a file's content once per sha256 (a second writer of the same file is no error)."""
    if conn.execute(select(t.evidence_files.c.sha256).where(t.evidence_files.c.sha256 == sha256)).first():
        return
    try:
        with conn.begin_nested():
            conn.execute(_INSERT[t.evidence_files],
                         {"sha256": sha256, "size": len(content), "content": content, "stored_at": datetime.now(UTC)})
    except IntegrityError:  # stored meanwhile by a concurrent transaction (PostgreSQL)
        pass


def _unchanged(latest, sha256: str, options: Options) -> Saved | None:
    if latest is not None and latest.sha256 == sha256 and (latest.extracted or not options.extract):
        return Saved(latest.id, "unchanged", latest.version)
    return None


def _latest(conn: Connection, name: str):
    return conn.execute(_LATEST, {"name": name}).first()


# Statements built once: SQLAlchemy then reuses their compiled form (it matters for many small documents).
_d = t.documents.c
_LATEST = (select(_d.id, _d.version, _d.sha256, _d.extracted).where(_d.name == bindparam("name"))
           .order_by(_d.version.desc()).limit(1))
_INSERT = {table: table.insert() for table in (t.documents, *t.CHILD_TABLES, *t.REGISTER_TABLES)}


def _insert_many(conn: Connection, table: Table, rows: list[dict]) -> None:
    """``executemany`` of SQLAlchemy's INSERT for this dialect, straight on the DBAPI cursor.

    SQLAlchemy's bookkeeping per statement and per row costs more than
    inserting a small document's rows; here only the columns whose type
    needs converting (JSON) go through SQLAlchemy's own bind processors for
    the dialect, and ints, floats, strings, booleans and None, which every
    driver binds as they are, go straight through. The cursor belongs to the
    connection, so the rows are part of the document's transaction.
    """
    sql, keys, converters = _insert_plan(table, conn.dialect)
    if keys is None:  # named parameters (psycopg)
        params = [{**row, **{k: f(row[k]) for k, f in converters.items()}} for row in rows] if converters else rows
    else:
        params = [list(map(row.__getitem__, keys)) for row in rows]
        for at, convert in [(keys.index(k), f) for k, f in converters.items()]:
            for values in params:
                values[at] = convert(values[at])
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()


@cache
def _insert_plan(table: Table, dialect: Dialect) -> tuple[str, tuple[str, ...] | None, dict[str, Callable]]:
    """The INSERT (all columns but ``id``) compiled for ``dialect``, its bind names in order when the
    driver's parameters are positional, and a converter for each JSON column."""
    columns = [c for c in table.columns if c.key != "id"]
    compiled = table.insert().compile(dialect=dialect, column_keys=[c.key for c in columns])
    converters = {}
    for column in columns:
        if isinstance(column.type, JSON):
            process = column.type.dialect_impl(dialect).bind_processor(dialect) or (lambda value: value)
            converters[column.key] = _with_empty_shortcut(process)
    return str(compiled), tuple(compiled.positiontup) if compiled.positional else None, converters


def _with_empty_shortcut(process: Callable) -> Callable:
    """Most JSON values stored are empty lists: convert that one once."""
    empty = process([])
    return lambda value: empty if value == [] else process(value)


def _document_row(doc: Document, version: int, options: Options) -> dict:
    src, meta = doc.source, doc.metadata
    return {
        "name": src.name, "version": version, "path": src.path, "sha256": src.sha256,
        "format": src.format, "encoding": src.encoding,
        "source_text": src.text, "normalised_text": doc.normalised.text,
        "repairs_applied": options.repair_mojibake, "extracted": options.extract,
        "title": meta.title, "title_confidence": meta.title_confidence, "region": meta.region,
        "parent_region": meta.parent_region, "level": meta.level, "division_code": meta.division_code,
        "year": meta.year, "period": meta.period, "doc_type": meta.doc_type, "session": meta.session,
        "date": meta.date, "speaker": meta.speaker,
        "unknown": dict(meta.unknown), "provenance": dict(meta.provenance),
        "notes": dict(meta.notes), "source_meta": dict(src.meta),
        "source_meta_origin": dict(src.meta_origin),
        "ingested_at": datetime.now(UTC),
    }


def _child_rows(doc: Document, doc_id: int) -> list[tuple]:
    quote = doc.quote
    return [
        (t.sections, [
            {"document_id": doc_id, "ordinal": s.index, "parent_ordinal": s.parent, "level": s.level,
             "label": s.label, "title": s.title, "role": s.role, "span_start": s.span.start,
             "span_end": s.span.end, "heading_start": s.heading.start, "heading_end": s.heading.end}
            for s in doc.sections]),
        (t.sentences, [
            {"document_id": doc_id, "ordinal": s.index, "section_ordinal": s.section,
             "span_start": s.span.start, "span_end": s.span.end}
            for s in doc.sentences]),
        (t.chrome, [
            {"document_id": doc_id, "kind": c.kind, "span_start": c.span.start, "span_end": c.span.end}
            for c in doc.source.chrome]),
        (t.repairs, [
            {"document_id": doc_id, "span_start": r.span.start, "span_end": r.span.end, "garbled": r.before,
             "repaired": r.after, "status": r.status, "method": r.method}
            for r in doc.source.repairs]),
        (t.glossary, [
            {"document_id": doc_id, "ordinal": i, "term": g.term, "definition": g.definition, "label": g.label,
             "span_start": g.span.start, "span_end": g.span.end,
             "anchor_start": g.anchor.start if g.anchor else None, "anchor_end": g.anchor.end if g.anchor else None}
            for i, g in enumerate(doc.glossary)]),
        (t.measures, [
            {"document_id": doc_id, "ordinal": i, "span_start": m.span.start, "span_end": m.span.end,
             "quote": quote(m.span), "kind": m.kind, "indicator": m.indicator,
             "indicator_simplified": m.indicator_simplified, "value": m.value, "value_max": m.value_max,
             "unit": m.unit, "comparator": m.comparator, "change": m.change, "period": m.period,
             "confidence": m.confidence, "sentence_ordinal": m.sentence, "section_ordinal": m.section,
             "direction": m.direction, "topic": m.topic}
            for i, m in enumerate(doc.measures)]),
        (t.headline_targets, [
            {"document_id": doc_id, "ordinal": i, "indicator": h.indicator, "indicator_text": h.indicator_text,
             "value": h.value, "value_max": h.value_max, "unit": h.unit, "comparator": h.comparator,
             "period": h.period, "span_start": h.span.start, "span_end": h.span.end, "quote": quote(h.span)}
            for i, h in enumerate(doc.targets)]),
        (t.tasks, [
            {"document_id": doc_id, "ordinal": i, "span_start": k.span.start, "span_end": k.span.end,
             "kind": k.kind, "verb": k.verb, "text": k.text, "text_simplified": k.text_simplified,
             "period": k.period, "deadline": k.deadline, "topic": k.topic, "sentence_ordinal": k.sentence,
             "section_ordinal": k.section, "projects": list(k.projects), "slogans": list(k.slogans)}
            for i, k in enumerate(doc.tasks)]),
        (t.task_measures, [
            {"document_id": doc_id, "task_ordinal": i, "measure_ordinal": m}
            for i, k in enumerate(doc.tasks) for m in k.measures]),
        (t.projects, [
            {"document_id": doc_id, "ordinal": i, "name": p.name, "kind": p.kind, "category": p.category,
             "mentions": [[s.start, s.end] for s in p.mentions], "tasks": list(p.tasks)}
            for i, p in enumerate(doc.projects)]),
        (t.slogans, [
            {"document_id": doc_id, "ordinal": i, "term": s.term, "definition": s.definition,
             "glossary_ordinal": s.glossary, "mentions": [[m.start, m.end] for m in s.mentions]}
            for i, s in enumerate(doc.slogans)]),
    ]


def _commitment_rows(doc: Document, doc_id: int) -> list[dict]:
    """One row per target task and target measure, due by its stated limit or the end of its period.

    Achievements (tasks and measures reporting work done) are not commitments: they are what a later
    report offers as evidence for earlier ones.
    """
    meta, seen = doc.metadata, Counter()
    items = [("task", i, k.span, k.text, k.topic, k.period, k.deadline)
             for i, k in enumerate(doc.tasks) if k.kind == "target"]
    items += [("measure", i, m.span, doc.quote(m.span), m.topic, m.period, None)
              for i, m in enumerate(doc.measures) if m.kind == "target"]
    rows = []
    for kind, ordinal, span, text, topic, period, stated in items:
        seen[kind, text] += 1
        due = _deadline(stated, period or meta.period, meta.year)
        rows.append({
            "document_id": doc_id, "kind": kind, "item_ordinal": ordinal,
            "thread": thread_key(doc.source.name, kind, text, seen[kind, text]),
            "span_start": span.start, "span_end": span.end, "text": text, "topic": topic,
            "period": period or meta.period or (str(meta.year) if meta.year else None),
            "deadline": due.isoformat() if due else None, "deadline_stated": stated,
        })
    return rows


# Thousands of commitments share a handful of (limit, period, year) triples; parse each once.
_deadline = lru_cache(maxsize=4096)(default_deadline)


def thread_key(name: str, kind: str, text: str, occurrence: int) -> str:
    """The thread of the ``occurrence``-th commitment of this kind and text in the document called ``name``."""
    return hashlib.sha256(f"{name}\x1f{kind}\x1f{text}\x1f{occurrence}".encode()).hexdigest()[:32]
