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

from datetime import date

from sqlalchemy import Connection, exists, literal, select, true, update

from luoshi.register.status import DEFAULT_STATUS, STATUS_LABELS, fold
from luoshi.store import schema as t

STATUS_RANK = {key: rank for rank, key in enumerate(STATUS_LABELS)}  # the listing order of statuses, to sort by
TRIGRAM = 3  # the shortest search the trigram index can answer

i, c, d, s, e = (t.commitment_index.c, t.commitments.c, t.documents.c, t.sections.c, t.commitment_events.c)
COLUMNS = ("commitment_id", "document_id", "latest", "span_start", "kind", "item_ordinal", "region", "year", "role",
           "topic", "status", "status_rank", "lead_unit", "deadline")


def add_document(conn: Connection, doc_id: int) -> None:
    """Index a newly stored document version's commitments; earlier versions of its name stop being latest."""
    role = (select(s.role).where(s.document_id == c.document_id, s.span_start <= c.span_start,
                                 c.span_start < s.span_end)
            .order_by(s.level.desc(), s.span_start.desc()).limit(1).scalar_subquery())
    rows = (select(c.id, c.document_id, true(), c.span_start, c.kind, c.item_ordinal, d.region, d.year, role,
                   c.topic, literal(DEFAULT_STATUS), literal(STATUS_RANK[DEFAULT_STATUS]), literal(None), c.deadline)
            .join(t.documents, d.id == c.document_id).where(c.document_id == doc_id))
    conn.execute(t.commitment_index.insert().from_select(COLUMNS, rows))
    name = select(d.name).where(d.id == doc_id).scalar_subquery()
    conn.execute(update(t.commitment_index).where(
        i.latest, i.document_id.in_(select(d.id).where(d.name == name, d.id != doc_id))).values(latest=False))
    same = t.commitments.alias("same_thread")
    tracked = exists(select(e.id).join(same, same.c.id == e.commitment_id).where(same.c.thread == c.thread))
    for thread in conn.execute(select(c.thread).distinct().where(c.document_id == doc_id, tracked)).scalars():
        _refresh_thread(conn, thread)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {t.SEARCH_TABLE}(rowid, text) SELECT id, text FROM commitments "
                             "WHERE document_id = ?", (doc_id,))


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
