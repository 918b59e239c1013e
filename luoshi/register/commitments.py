"""Commitments as the register shows them: what was promised, and where tracking stands today.

A commitment is one target task or target measure of a stored document
version. Its state is derived from its events: folded when one commitment
is read (``get``), and read from the register's index for listings
(``list_commitments``; ``luoshi.register.index`` keeps the same fold's
result, written with every event).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from luoshi.errors import UsageError
from luoshi.model import Span
from luoshi.register.events import Event, history, no_commitment, reading, status_value
from luoshi.register.status import DUE_SOON_DAYS, STATUS_LABELS, Colour, colour, fold
from luoshi.store import reader

if TYPE_CHECKING:
    from luoshi.store import Store

KINDS = ("task", "measure")


@dataclass(frozen=True, slots=True)
class CommitmentSummary:
    """One line of the register: a commitment and its current status, lead unit, deadline and colour."""

    id: int
    doc: str  # source name of the document
    document_id: int
    version: int
    kind: str  # task | measure
    text: str
    span: Span  # in the document's source text
    topic: str | None
    period: str | None
    status: str  # a key of STATUS_LABELS
    lead_unit: str | None
    deadline: date | None
    deadline_stated: str | None
    colour: Colour

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True, slots=True)
class CommitmentState:
    """A commitment with everything tracking says about it, and the events that say it."""

    id: int
    doc: str
    document_id: int
    version: int
    kind: str
    text: str
    span: Span
    topic: str | None
    period: str | None
    status: str
    lead_unit: str | None
    cooperating_units: tuple[str, ...]
    deadline: date | None
    deadline_stated: str | None
    notes: tuple[str, ...]
    evidence: tuple[Event, ...]
    events: tuple[Event, ...]  # the whole history, oldest first, every version of the commitment
    colour: Colour
    suggested: Event | None = None  # luoshi's latest status suggestion, when it differs from the status

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def get(store: Store, commitment_id: int, *, today: date | None = None) -> CommitmentState:
    """One commitment's current state, folded from its events; ``today`` decides the colour. :raises NotFound:"""
    timeline = tuple(history(store, commitment_id))
    with reading(store) as conn:
        rows = reader.commitment_rows(conn, ids=[commitment_id])
    if not rows:
        raise no_commitment(commitment_id)
    row = rows[0]
    state = fold(timeline, date.fromisoformat(row.default_deadline) if row.default_deadline else None)
    machine = [e for e in timeline if e.type == "status" and e.by_luoshi]
    suggested = machine[-1] if machine and machine[-1].value != state.status else None
    return CommitmentState(
        id=row.id, doc=row.doc, document_id=row.document_id, version=row.version, kind=row.kind, text=row.text,
        span=Span(row.span_start, row.span_end), topic=row.topic, period=row.period, status=state.status,
        lead_unit=state.lead_unit, cooperating_units=state.cooperating_units, deadline=state.deadline,
        deadline_stated=row.deadline_stated, notes=state.notes,
        evidence=tuple(e for e in timeline if e.is_evidence), events=timeline,
        colour=colour(state.deadline, state.status, today or date.today()), suggested=suggested,
    )


def list_commitments(store: Store, *, doc: int | str | None = None, kind: str | None = None,
                     status: str | None = None, lead: str | None = None, overdue: bool = False,
                     due_soon: bool = False, today: date | None = None) -> list[CommitmentSummary]:
    """Commitments of the latest document versions (or of ``doc``), filtered, in document order.

    ``overdue``: past the deadline and not done (red). ``due_soon``: not done
    and due within ``DUE_SOON_DAYS`` days (yellow). Both together: either.
    ``status`` is a key or a Chinese label. ``today`` defaults to the local date.
    """
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; use task or measure")
    key = status_value(status) if status is not None else None
    day = today or date.today()
    soon = (day + timedelta(days=DUE_SOON_DAYS)).isoformat()
    open_due = {(True, False): (None, (day - timedelta(days=1)).isoformat()), (False, True): (day.isoformat(), soon),
                (True, True): (None, soon)}.get((overdue, due_soon))
    with reading(store) as conn:
        doc_id = reader.resolve(conn, doc) if doc is not None else None
        rows = reader.commitment_rows(conn, doc_id=doc_id, kind=kind, status=key, lead=lead, open_due=open_due)
    return [_summary(r, day) for r in rows]


def _summary(row, today: date) -> CommitmentSummary:
    deadline = date.fromisoformat(row.deadline) if row.deadline else None
    return CommitmentSummary(
        id=row.id, doc=row.doc, document_id=row.document_id, version=row.version, kind=row.kind, text=row.text,
        span=Span(row.span_start, row.span_end), topic=row.topic, period=row.period, status=row.status,
        lead_unit=row.lead_unit, deadline=deadline, deadline_stated=row.deadline_stated,
        colour=colour(deadline, row.status, today),
    )

