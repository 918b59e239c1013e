"""Tracking events: the append-only history from which every commitment's state is derived.

An event is written once and never updated or deleted; a correction is a
newer event. Each write is its own short transaction, retried with backoff
when SQLite reports the database locked (several processes writing at once
beyond the busy timeout) or PostgreSQL a deadlock or serialisation failure,
so that concurrent writers lose nothing. The same transaction refolds the
commitment's thread into the register's index (``luoshi.register.index``).
"""
from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from luoshi.errors import FileUnavailable, LuoshiError, NotFound, StoreError, TooLarge, UsageError
from luoshi.model import Span
from luoshi.register import index
from luoshi.register.status import EVENT_TYPES, is_machine, parse_deadline, split_units, status_key
from luoshi.store import reader, writer
from luoshi.store import schema as t
from luoshi.store.engine import WRITE

if TYPE_CHECKING:
    from luoshi.store import Store

FULFILMENT_AUTHOR = "luoshi:fulfilment"
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024  # files beyond this belong elsewhere; link them with a URL
WRITE_ATTEMPTS = 8
BACKOFF_SECONDS = 0.05  # doubled after each failed attempt, with jitter
TRANSIENT = ("database is locked", "database is busy", "deadlock detected", "could not serialize")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Event:
    """One dated change to a commitment, by its author."""

    id: int
    commitment_id: int
    at: datetime  # UTC
    author: str
    type: str  # status | lead | cooperating | deadline | note | evidence
    value: str | None  # status key, unit(s), ISO date, note or evidence text
    note: str | None = None
    url: str | None = None
    file_name: str | None = None
    file_sha256: str | None = None
    document_id: int | None = None  # a stored document that shows it …
    span: Span | None = None  # … at this span of its source text

    @property
    def is_evidence(self) -> bool:
        return self.type == "evidence" or any((self.url, self.file_sha256, self.span))

    @property
    def by_luoshi(self) -> bool:
        return is_machine(self.author)


def record(store: Store, commitment_id: int, type: str, value: str | None, author: str,
           at: datetime | None = None, *, note: str | None = None, url: str | None = None,
           file: str | Path | None = None, document: int | str | None = None, span: Span | None = None) -> Event:
    """Append one event to a commitment's history and return it.

    ``value`` is checked and normalised by ``type``: a status as key or label
    (``in_progress`` or ``推进中``), a deadline as ``YYYY-MM-DD``, cooperating
    units separated by 、 or commas. Evidence is ``value`` (text), ``url``,
    ``file`` (its content is kept in the database) and/or a ``span`` of a
    stored ``document``; at least one of them is required.

    :raises NotFound: no such commitment or document.
    :raises UsageError: a bad type, value or author.
    """
    if (document is None) != (span is None):
        raise UsageError("evidence in a stored document needs both the document and the span")
    row = _event_row(commitment_id, type, value, author, at, note, url, span)
    content = _evidence_content(file) if file is not None else None
    if content is not None:
        row.update(evidence_name=Path(file).name, evidence_sha256=hashlib.sha256(content).hexdigest())

    def write(conn: Connection) -> int:
        _check_targets(conn, commitment_id, document, span, row)
        if content is not None:
            writer.store_evidence_file(conn, row["evidence_sha256"], content)
        event_id = writer.insert_event(conn, row)
        index.refresh(conn, commitment_id)
        return event_id

    return event_from_row(row | {"id": write_retrying(store, write)})


def suggest_status(store: Store, commitment_id: int, status: str, *, document: int | str, span: Span,
                   note: str | None = None, at: datetime | None = None, author: str = FULFILMENT_AUTHOR) -> Event:
    """Record luoshi's own verdict on a commitment: a status event by ``luoshi:…`` with its evidence span.

    A suggestion never outranks a person's status (see ``status.fold``).
    Suggesting again what the latest suggestion already says, on the same
    evidence, appends nothing and returns that earlier event, so a verdict
    run can be repeated.
    """
    if not is_machine(author):
        raise UsageError(f"suggestions are luoshi's own; the author must start with 'luoshi:', not {author!r}")
    key, doc_id = status_value(status), _document_id(store, document)
    latest = next((e for e in reversed(history(store, commitment_id)) if e.type == "status" and e.by_luoshi), None)
    if latest is not None and (latest.value, latest.document_id, latest.span) == (key, doc_id, span):
        return latest
    return record(store, commitment_id, "status", key, author, at, note=note, document=doc_id, span=span)


def history(store: Store, commitment_id: int) -> list[Event]:
    """The commitment's whole history (every version of it), oldest first. :raises NotFound:"""
    with reading(store) as conn:
        if not reader.commitment_exists(conn, commitment_id):
            raise no_commitment(commitment_id)
        return [event_from_row(r._asdict()) for r in reader.commitment_events(conn, commitment_id)]


def evidence_file(store: Store, sha256: str) -> bytes:
    """The content of an evidence file by its sha256. :raises NotFound:"""
    with reading(store) as conn:
        content = reader.evidence_file(conn, sha256)
    if content is None:
        raise NotFound(f"no evidence file with sha256 {sha256}; `luoshi track show ITEM` lists them")
    return content


def write_retrying(store: Store, write: Callable[[Connection], T]) -> T:
    """Run ``write`` in its own write transaction, retrying transient lock failures with backoff."""
    attempt = 0
    while True:
        try:
            with _store_errors(store), store.engine.connect().execution_options(**WRITE) as conn, conn.begin():
                return write(conn)
        except _Transient:
            attempt += 1
            if attempt == WRITE_ATTEMPTS:
                raise StoreError(f"the database stayed locked through {WRITE_ATTEMPTS} attempts; "
                                 "another program holds it; try again", path=store.where) from None
            time.sleep(BACKOFF_SECONDS * 2 ** attempt * random.uniform(0.5, 1.5))


class _Transient(Exception):
    """A lock or serialisation failure worth retrying."""


@contextmanager
def _store_errors(store: Store) -> Iterator[None]:
    try:
        yield
    except LuoshiError:
        raise
    except OperationalError as exc:
        detail = str(exc.orig or exc).splitlines()[0]
        if any(word in detail.lower() for word in TRANSIENT):
            raise _Transient(detail) from None
        raise StoreError(f"database error: {detail}", path=store.where) from None
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"database error: {detail}", path=store.where) from None


@contextmanager
def reading(store: Store) -> Iterator[Connection]:
    """A read connection whose database failures are one-line ``StoreError``s."""
    with _store_errors(store), store.engine.connect() as conn:
        yield conn


def status_value(value: str) -> str:
    """The status key for a key or Chinese label; a ``UsageError`` listing the valid ones otherwise."""
    try:
        return status_key(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _event_row(commitment_id: int, type: str, value: str | None, author: str, at: datetime | None,
               note: str | None, url: str | None, span: Span | None) -> dict:
    if type not in EVENT_TYPES:
        raise UsageError(f"unknown event type {type!r}; use one of {', '.join(EVENT_TYPES)}")
    if not author or not author.strip():
        raise UsageError("every change needs an author; give --author NAME")
    value = value.strip() if isinstance(value, str) else value
    if type == "status":
        value = status_value(value or "")
    elif type == "deadline":
        try:
            value = parse_deadline(value or "").isoformat()
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    elif type == "cooperating":
        value = "、".join(split_units(value or ""))
    if type in ("lead", "cooperating", "note") and not value:
        raise UsageError(f"a {type} event needs a value")
    moment = at or datetime.now(UTC)
    if moment.tzinfo is None:
        raise UsageError("event times must carry a time zone (e.g. datetime.now(UTC))")
    return {"commitment_id": commitment_id, "at": moment.astimezone(UTC), "author": author.strip(), "type": type,
            "value": value or None, "note": (note or "").strip() or None, "evidence_url": (url or "").strip() or None,
            "evidence_name": None, "evidence_sha256": None, "evidence_document_id": None,
            "evidence_start": span.start if span else None, "evidence_end": span.end if span else None}


def _check_targets(conn: Connection, commitment_id: int, document: int | str | None, span: Span | None,
                   row: dict) -> None:
    """The commitment exists; the evidence document exists and holds the span. Fills the document id."""
    if not reader.commitment_exists(conn, commitment_id):
        raise no_commitment(commitment_id)
    if row["type"] == "evidence" and not any(row[k] for k in ("value", "evidence_url", "evidence_sha256")) \
            and span is None:
        raise UsageError("evidence needs a text, a URL, a file or a document span")
    if document is None:
        return
    doc_id = reader.resolve(conn, document)
    length = conn.execute(select(func.length(t.documents.c.source_text))
                          .where(t.documents.c.id == doc_id)).scalar_one()
    if span.end > length:
        raise UsageError(f"span [{span.start}, {span.end}) is outside document {doc_id} ({length} characters)")
    row["evidence_document_id"] = doc_id


def _document_id(store: Store, document: int | str) -> int:
    with reading(store) as conn:
        return reader.resolve(conn, document)


def _evidence_content(file: str | Path) -> bytes:
    path = Path(file)
    try:
        size = path.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise TooLarge(f"evidence file is {size / 2**20:.1f} MiB, over the {MAX_EVIDENCE_BYTES // 2**20} MiB "
                           "the database keeps; publish it and give --url instead", path=str(path))
        return path.read_bytes()
    except OSError as exc:
        raise FileUnavailable(f"cannot read the evidence file ({exc.strerror}); check the path",
                              path=str(path)) from None


def no_commitment(commitment_id: int) -> NotFound:
    return NotFound(f"no commitment {commitment_id}; `luoshi track list` shows their ids")


def event_from_row(row: dict) -> Event:
    """An ``Event`` from a ``commitment_events`` row as a dict (times without a zone are UTC)."""
    start, end = row.get("evidence_start"), row.get("evidence_end")
    at = row["at"]
    return Event(
        id=row["id"], commitment_id=row["commitment_id"], at=at if at.tzinfo else at.replace(tzinfo=UTC),
        author=row["author"], type=row["type"], value=row["value"], note=row["note"], url=row["evidence_url"],
        file_name=row["evidence_name"], file_sha256=row["evidence_sha256"],
        document_id=row["evidence_document_id"], span=Span(start, end) if start is not None else None,
    )
