"""Write one ``Document`` as rows, in the caller's transaction.

Nothing is updated in place: a document is a new ``documents`` row (version
1, or latest + 1 when the same source name comes back with other bytes) plus
its child rows. The ``Normalised`` offset map is not stored: it is a pure
function of the source text and the repairs (``normalise(text, repairs)``),
so ``StoredDocument.document()`` recomputes it; the normalised text is
stored so that it can be browsed and checked against the recomputation.

The same transaction creates the document's commitments (each task and
each target measure), so a stored document is always in the register. A
commitment's thread is a hash of the source name, its kind, its source
slice and which occurrence of that slice it is: the same item in a new version of the
document has the same thread, so its tracking history carries over.
Tracking events are appended with ``insert_event``; nothing here updates
or deletes them.

A document is known by its source name, but people keep reports of many
places and years under one file name (政府工作报告.pdf in a folder per city):
a source whose region, year or type, where both are known, differ from
those of the stored document of its name is another document, not a new
version of it. It is stored under its name qualified by what sets it apart
(``肇庆市/2024/政府工作报告.pdf``, see ``stored_name``), so that it neither
hides the other from the register nor inherits its tracking history.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    Dialect,
    Table,
    bindparam,
    select,
)
from sqlalchemy.exc import IntegrityError

from luoshi.deadlines import default_deadline
from luoshi.model import Document, Metadata
from luoshi.options import Options
from luoshi.store import schema as t

Status = Literal["ok", "unchanged", "new version"]
Constants = tuple[tuple[str, ColumnElement], ...]  # (column, SQL expression) pairs an INSERT sets for every row


class Saved(NamedTuple):
    id: int
    status: Status
    version: int
    name: str  # the name stored under: the source name, or that name qualified (``stored_name``)


def find_unchanged(conn: Connection, name: str, sha256: str, options: Options) -> Saved | None:
    """The stored document this source would leave unchanged, if any.

    Same name and same bytes as the latest version is "unchanged", unless
    that version was stored without extraction and extraction is now asked
    for: then the new run adds information and becomes a new version. The
    name may have been qualified when it was stored (``stored_name``): the
    latest versions of names ending in ``/name`` with these bytes count too.
    """
    found = _unchanged(_latest(conn, name), sha256, options)
    if found is None:
        qualified_names = select(_d.name).distinct().where(_d.sha256 == sha256,
                                                           _d.name.endswith("/" + name, autoescape=True))
        for qualified in conn.execute(qualified_names).scalars():
            found = _unchanged(_latest(conn, qualified), sha256, options)
            if found is not None:
                break
    return found


def save_document(conn: Connection, doc: Document, options: Options) -> Saved:
    return store_document(conn, doc, options)[0]


def store_document(conn: Connection, doc: Document, options: Options) -> tuple[Saved, list[tuple]]:
    """``save_document``, and the commitment rows written (in ``commitments`` column order without ``id``,
    in id order; none when unchanged), from which the register indexes them without reading them back."""
    name = doc.source.name
    latest = _latest(conn, name)
    if latest is not None and not _same_document(latest, doc.metadata):
        name = stored_name(name, doc.metadata)
        latest = _latest(conn, name)
    unchanged = _unchanged(latest, doc.source.sha256, options)
    if unchanged is not None:
        return unchanged, []
    version = latest.version + 1 if latest is not None else 1
    doc_id = conn.execute(_INSERT[t.documents], _document_row(doc, name, version, options)).inserted_primary_key[0]
    commitments: list[tuple] = []
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        for table, rows in _rows(doc, doc_id, name, _json_list(conn.dialect)):
            if rows:
                _insert_many(cursor, conn.dialect, table, rows)
            if table is t.commitments:
                commitments = rows
    finally:
        cursor.close()
    return Saved(doc_id, "new version" if version > 1 else "ok", version, name), commitments


def stored_name(name: str, meta: Metadata) -> str:
    """``name`` qualified by the document's region, year and type (those known): the name a document is
    stored under when another document already has its source name."""
    return "/".join(str(part) for part in (meta.region, meta.year, meta.doc_type, name) if part)


def source_name(name: str) -> str:
    """The source file name a document was stored under ``name`` for: ``name`` less what ``stored_name`` added
    (source names hold no ``/``)."""
    return name.rsplit("/", 1)[-1]


def _same_document(latest, meta: Metadata) -> bool:
    """Whether a source with ``meta`` can be a version of the stored document ``latest``: no field that both
    know differs (a field one of them does not know is no evidence either way)."""
    return all(old is None or new is None or old == new
               for old, new in ((latest.region, meta.region), (latest.year, meta.year),
                                (latest.doc_type, meta.doc_type)))


def insert_rows(conn: Connection, table: Table, rows: list[tuple], constants: Constants = ()) -> None:
    """Insert ``rows`` in the connection's transaction: tuples in ``table``'s column order, without ``id`` and
    without the ``constants`` columns, which the statement itself sets (see ``_insert_many``)."""
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        _insert_many(cursor, conn.dialect, table, rows, constants)
    finally:
        cursor.close()


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
        return Saved(latest.id, "unchanged", latest.version, latest.name)
    return None


def _latest(conn: Connection, name: str):
    return conn.execute(_LATEST, {"name": name}).first()


# Statements built once: SQLAlchemy then reuses their compiled form (it matters for many small documents).
_d = t.documents.c
_LATEST = (select(_d.id, _d.name, _d.version, _d.sha256, _d.extracted, _d.region, _d.year, _d.doc_type)
           .where(_d.name == bindparam("name"))
           .order_by(_d.version.desc()).limit(1))
_INSERT = {table: table.insert() for table in (t.documents, t.evidence_files, t.commitment_events)}


def _insert_many(cursor, dialect: Dialect, table: Table, rows: list[tuple], constants: Constants = ()) -> None:
    """``executemany`` of SQLAlchemy's INSERT for this dialect, straight on the DBAPI cursor.

    SQLAlchemy's bookkeeping per statement and per row costs more than
    inserting a small document's rows, and so does building a dict per row:
    rows are tuples in the table's column order, their JSON columns already
    converted (``_json_list``); ints, floats, strings, booleans and None
    every driver binds as they are. A driver with named parameters
    (psycopg) gets each tuple zipped with the column names. The cursor
    belongs to the connection, so the rows are part of the document's
    transaction. A column every row sets alike can be a ``constants`` pair
    (name, SQL expression such as ``true()`` or ``null()``) instead: the
    statement holds it, and it is not bound once per row (sqlite3 binds a
    None or a bool several times slower than an int or a string). The
    compiled statement is cached by its constants: build them once.
    """
    sql, names = _insert_plan(table, dialect, constants)
    cursor.executemany(sql, rows if names is None else [dict(zip(names, row)) for row in rows])


def _insert_plan(table: Table, dialect: Dialect, constants: Constants = ()) -> tuple[str, tuple[str, ...] | None]:
    """The INSERT of every column but ``id`` compiled for ``dialect``, the ``constants`` columns set by the
    statement, and the names of the bound columns when the driver's parameters are named (positional ones
    follow the table's column order, as the rows do)."""
    return _compiled_insert(table, type(dialect), dialect.paramstyle, constants)


@cache
def _compiled_insert(table: Table, dialect_class: type[Dialect], paramstyle: str, constants: Constants
                     ) -> tuple[str, tuple[str, ...] | None]:
    """``_insert_plan``, compiled once per dialect and parameter style rather than once per engine (every
    ``Store`` has an engine of its own, and compiling the dozen INSERTs again cost it 3–8 ms)."""
    fixed = dict(constants)
    keys = tuple(c.key for c in table.columns if c.key != "id" and c.key not in fixed)
    compiled = table.insert().values(fixed).compile(dialect=dialect_class(paramstyle=paramstyle),
                                                    column_keys=keys)
    if compiled.positional and tuple(compiled.positiontup) != keys:
        raise RuntimeError(f"the INSERT into {table.name} does not bind its columns in table order")
    return str(compiled), None if compiled.positional else keys


@cache
def _json_list(dialect: Dialect) -> Callable[[tuple | list], object]:
    """A list (or tuple) as the dialect binds a JSON value, through SQLAlchemy's own processor.

    Most lists stored are empty: that one is converted once.
    """
    process = JSON().dialect_impl(dialect).bind_processor(dialect) or (lambda value: value)
    empty = process([])
    return lambda value: process(value) if value else empty


def _document_row(doc: Document, name: str, version: int, options: Options) -> dict:
    src, meta = doc.source, doc.metadata
    return {
        "name": name, "version": version, "path": src.path, "sha256": src.sha256,
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


def _rows(doc: Document, doc_id: int, name: str, json: Callable) -> Iterator[tuple[Table, list[tuple]]]:
    """Each table's rows for the document stored as ``name``, in the order they are written, as tuples in
    column order."""
    text = doc.source.text
    yield t.sections, [
        (doc_id, s.index, s.parent, s.level, s.label, s.title, s.role, s.span.start, s.span.end,
         s.heading.start, s.heading.end)
        for s in doc.sections]
    yield t.sentences, [(doc_id, s.index, s.section, s.span.start, s.span.end) for s in doc.sentences]
    yield t.chrome, [(doc_id, c.kind, c.span.start, c.span.end) for c in doc.source.chrome]
    yield t.repairs, [
        (doc_id, r.span.start, r.span.end, r.before, r.after, r.status, r.method) for r in doc.source.repairs]
    yield t.glossary, [
        (doc_id, i, g.term, g.definition, g.label, g.span.start, g.span.end,
         g.anchor.start if g.anchor else None, g.anchor.end if g.anchor else None)
        for i, g in enumerate(doc.glossary)]
    quotes = [text[m.span.start:m.span.end] for m in doc.measures]
    yield t.measures, [
        (doc_id, i, m.span.start, m.span.end, quote, m.kind, m.indicator, m.indicator_simplified, m.value,
         m.value_max, m.unit, m.comparator, m.change, m.period, m.confidence, m.sentence, m.section,
         m.direction, m.topic)
        for i, (m, quote) in enumerate(zip(doc.measures, quotes))]
    yield t.headline_targets, [
        (doc_id, i, h.indicator, h.indicator_text, h.value, h.value_max, h.unit, h.comparator, h.period,
         h.span.start, h.span.end, text[h.span.start:h.span.end])
        for i, h in enumerate(doc.targets)]
    yield t.tasks, [
        (doc_id, i, k.span.start, k.span.end, k.kind, k.verb, k.text, k.text_simplified, k.period, k.deadline,
         k.topic, k.sentence, k.section, json(k.projects), json(k.slogans))
        for i, k in enumerate(doc.tasks)]
    yield t.task_measures, [(doc_id, i, m) for i, k in enumerate(doc.tasks) for m in k.measures]
    yield t.projects, [
        (doc_id, i, p.name, p.kind, p.category, json([[s.start, s.end] for s in p.mentions]), json(p.tasks))
        for i, p in enumerate(doc.projects)]
    yield t.slogans, [
        (doc_id, i, s.term, s.definition, s.glossary, json([[m.start, m.end] for m in s.mentions]))
        for i, s in enumerate(doc.slogans)]
    yield t.commitments, _commitment_rows(doc, doc_id, name, quotes)


def _commitment_rows(doc: Document, doc_id: int, name: str, quotes: list[str]) -> list[tuple]:
    """One row per target task and target measure, due by its stated limit or the end of its period.

    Achievements (tasks and measures reporting work done) are not commitments: they are what a later
    report offers as evidence for earlier ones. ``quotes`` are the measures' quotes.

    A commitment's text is its words as written, without the line breaks and page lines inside them
    (``Task.text``, ``Normalised.written``). Its thread hashes the source slice: threads stay what they
    were when the texts were the raw slices.
    """
    meta = doc.metadata
    fallback = meta.period or (str(meta.year) if meta.year else None)
    thread = _threads(name)
    source, norm = doc.source.text, doc.normalised
    seen: dict[tuple[str, str], int] = {}
    rows = []
    items = [("task", i, k.span, source[k.span.start:k.span.end], k.text, k.topic, k.period, k.deadline)
             for i, k in enumerate(doc.tasks) if k.kind == "target"]
    items += [("measure", i, m.span, quotes[i], norm.written(source, *norm.from_source(m.span.start, m.span.end)),
               m.topic, m.period, None)
              for i, m in enumerate(doc.measures) if m.kind == "target"]
    for kind, ordinal, span, key, text, topic, period, stated in items:  # thousands: one loop, no call per row
        occurrence = seen[kind, key] = seen.get((kind, key), 0) + 1
        rows.append((doc_id, kind, ordinal, thread(kind, key, occurrence), span.start, span.end, text, topic,
                     period or fallback, _deadline(stated, period or meta.period, meta.year), stated))
    return rows


@lru_cache(maxsize=4096)  # thousands of commitments share a handful of (limit, period, year) triples
def _deadline(stated: str | None, period: str | None, year: int | None) -> str | None:
    """The default deadline as stored: an ISO date, or None."""
    due = default_deadline(stated, period, year)
    return due.isoformat() if due else None


def thread_key(name: str, kind: str, text: str, occurrence: int) -> str:
    """The thread of the ``occurrence``-th commitment of this kind and text in the document called ``name``."""
    return _threads(name)(kind, text, occurrence)


def _threads(name: str) -> Callable[[str, str, int], str]:
    """``thread_key`` for the document called ``name``, its name hashed once for all its commitments."""
    prefix = hashlib.sha256(f"{name}\x1f".encode())

    def thread(kind: str, text: str, occurrence: int) -> str:
        digest = prefix.copy()
        digest.update(f"{kind}\x1f{text}\x1f{occurrence}".encode())
        return digest.hexdigest()[:32]

    return thread
