"""The register's index: per commitment, what listings filter, sort and count on, kept current by every write.

A commitment's state is its thread's events folded (``status.fold``); a
register of 100,000 commitments cannot fold them on every page. The
``commitment_index`` table keeps the fold's result with the facets
(document region and year, innermost section role, topic, kind) and whether
the document is its name's latest version. It is written in the same
transaction as what changes it: ``add_document`` after a document's rows
(``Store.save_document``), ``refresh`` after an event (``events.record``),
so a reader never sees the two disagree. The fold here is the Python one
itself, so the index says what ``get`` says.

Search: on SQLite an FTS5 trigram table (``commitment_search``) finds any
substring of three or more characters through its index; shorter ones, and
PostgreSQL (whose pg_trgm GIN index serves ``LIKE``), use an escaped
``LIKE '%…%'``.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from heapq import heappop, heappush

from sqlalchemy import Connection, bindparam, exists, literal_column, null, select, true, update

from luoshi.model import Document, Section
from luoshi.register.status import DEFAULT_STATUS, STATUS_LABELS, fold
from luoshi.store import schema as t
from luoshi.store import writer
from luoshi.store.writer import Saved

STATUS_RANK = {key: rank for rank, key in enumerate(STATUS_LABELS)}  # the listing order of statuses, to sort by
DEFAULT_RANK = STATUS_RANK[DEFAULT_STATUS]
TRIGRAM = 3  # the shortest search the trigram index can answer

i, c, d, s, e = (t.commitment_index.c, t.commitments.c, t.documents.c, t.sections.c, t.commitment_events.c)
_IDS = select(c.id).where(c.document_id == bindparam("doc_id")).order_by(c.id)
# a new version is the latest, and its commitments have the default status and no lead unit yet: set by the
# INSERT, not bound per row (the status key is a plain word, quoted as SQL says)
_NEW_ROW_CONSTANTS = (("latest", true()), ("status", literal_column(f"'{DEFAULT_STATUS}'")),
                      ("status_rank", literal_column(str(DEFAULT_RANK))), ("lead_unit", null()))


def add_document(conn: Connection, saved: Saved, doc: Document, commitments: list[tuple]) -> None:
    """Index a newly stored document version's commitments; earlier versions of its name stop being latest.

    ``commitments`` are the document's commitment rows as ``writer.store_document`` wrote them (in id
    order): their index rows are built here from the in-memory document rather than by a query per row.
    A first version has no earlier versions and nothing to fold: a thread hashes the document's name, and
    no stored document (none is ever deleted) had this name, so no events are on its threads.
    """
    doc_id = saved.id
    ids = [row[0] for row in conn.execute(_IDS, {"doc_id": doc_id}).all()]  # .scalars() adds a filter call per row
    if len(ids) != len(commitments):
        raise RuntimeError(f"document {doc_id} has {len(ids)} commitments stored, {len(commitments)} written")
    region, year, role = doc.metadata.region, doc.metadata.year, section_roles(doc.sections)
    rows = [(commitment_id, doc_id, start, kind, ordinal, region, year, role(start), topic, deadline)
            for commitment_id, (_, kind, ordinal, _, start, _, _, topic, _, deadline, _) in zip(ids, commitments)]
    if rows:
        writer.insert_rows(conn, t.commitment_index, rows, _NEW_ROW_CONSTANTS)
    if saved.version > 1:
        earlier = select(d.id).where(d.name == saved.name, d.id != doc_id)
        conn.execute(update(t.commitment_index).where(i.latest, i.document_id.in_(earlier)).values(latest=False))
        same = t.commitments.alias("same_thread")
        tracked = exists(select(e.id).join(same, same.c.id == e.commitment_id).where(same.c.thread == c.thread))
        for thread in conn.execute(select(c.thread).distinct().where(c.document_id == doc_id, tracked)).scalars():
            _refresh_thread(conn, thread)
    if conn.dialect.name == "sqlite" and rows:
        # the texts are already stored: SQLite copies them rather than Python binding each again; in id order,
        # as FTS5 flushes its pending terms (an extra segment) whenever a rowid does not follow the last one
        conn.connection.dbapi_connection.execute(
            f"INSERT INTO {t.SEARCH_TABLE}(rowid, text) SELECT id, text FROM commitments WHERE document_id = ? "
            "ORDER BY id", (doc_id,))


def section_roles(sections: Sequence[Section]) -> Callable[[int], str | None]:
    """The role of the innermost section containing an offset: the highest level, then the latest start.

    The sections' boundaries cut the text into pieces inside which the
    containing sections do not change; each piece's winner is found once in
    a sweep (a heap of the open sections, best first) and an offset's piece
    by bisection. Sections need not nest. Ties (same level and start) go to
    the later section.
    """
    bounds = sorted({x.span.start for x in sections} | {x.span.end for x in sections})
    opening = sorted(sections, key=lambda x: x.span.start)
    open_: list[tuple[int, int, int, int, str]] = []
    roles: list[str | None] = []
    k = 0
    for at in bounds:
        while k < len(opening) and opening[k].span.start <= at:
            section = opening[k]
            heappush(open_, (-section.level, -section.span.start, -section.index, section.span.end, section.role))
            k += 1
        while open_ and open_[0][3] <= at:
            heappop(open_)
        roles.append(open_[0][4] if open_ else None)

    def role(offset: int) -> str | None:
        piece = bisect_right(bounds, offset) - 1
        return roles[piece] if piece >= 0 else None

    return role


def refresh(conn: Connection, commitment_id: int) -> None:
    """Fold the thread of ``commitment_id`` again (after an event) into the index rows of every version of it."""
    _refresh_thread(conn, conn.execute(select(c.thread).where(c.id == commitment_id)).scalar_one())


def _refresh_thread(conn: Connection, thread: str) -> None:
    members = (select(i.commitment_id, c.deadline).join(t.commitments, c.id == i.commitment_id)
               .where(c.thread == thread).order_by(i.commitment_id).with_for_update(of=t.commitment_index))
    defaults = conn.execute(members).all()  # locked first: concurrent writers of one thread take turns
    events = conn.execute(select(e.author, e.type, e.value, e.note).join(t.commitments, c.id == e.commitment_id)
                          .where(c.thread == thread).order_by(e.at, e.id)).all()
    for commitment_id, default in defaults:
        state = fold(events, date.fromisoformat(default) if default else None)
        conn.execute(update(t.commitment_index).where(i.commitment_id == commitment_id).values(
            status=state.status, status_rank=STATUS_RANK[state.status], lead_unit=state.lead_unit,
            deadline=state.deadline.isoformat() if state.deadline else None))


def search(conn: Connection, q: str) -> list[int]:
    """Ids of the latest versions' commitments whose text contains ``q`` (a literal, not a pattern)."""
    if conn.dialect.name == "sqlite" and len(q) >= TRIGRAM:
        fts = t.SEARCH_TABLE
        phrase = '"' + q.replace('"', '""') + '"'
        return list(conn.exec_driver_sql(
            f"SELECT commitment_id FROM {fts} JOIN commitment_index ON commitment_id = {fts}.rowid "
            f"WHERE {fts} MATCH ? AND latest", (phrase,)).scalars())
    return list(conn.execute(select(i.commitment_id).join(t.commitments, c.id == i.commitment_id).where(
        i.latest, c.text.like(f"%{like_escape(q)}%", escape="\\"))).scalars())


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern (escape character ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
