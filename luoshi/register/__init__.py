"""The register: every commitment of every stored document, and its tracking history.

Public API (each function takes an open ``luoshi.store.Store``):

- ``list_commitments(store, doc=, kind=, status=, lead=, overdue=, due_soon=, today=)`` -> ``[CommitmentSummary]``
- ``get(store, id, today=)`` -> ``CommitmentState`` (status, lead and cooperating units, deadline, notes,
  evidence, the full event timeline and the red/yellow/green colour)
- ``record(store, id, type, value, author, at=None, note=, url=, file=, document=, span=)`` -> ``Event``
- ``suggest_status(store, id, status, document=, span=, note=)`` -> ``Event`` (luoshi's verdict, by
  ``luoshi:fulfilment``; never outranks a person's status)
- ``history(store, id)`` (the events, oldest first), ``evidence_file(store, sha256)``

Commitments are created by the store with their document (each target task and
each target measure); status values and colours live in ``status``.
"""
from luoshi.register.commitments import CommitmentState, CommitmentSummary, get, list_commitments
from luoshi.register.events import FULFILMENT_AUTHOR, Event, evidence_file, history, record, suggest_status
from luoshi.register.status import COLOUR_LABELS, DEFAULT_STATUS, STATUS_LABELS, colour, fold, status_key

__all__ = [
    "COLOUR_LABELS", "DEFAULT_STATUS", "FULFILMENT_AUTHOR", "STATUS_LABELS", "CommitmentState", "CommitmentSummary",
    "Event", "colour", "evidence_file", "fold", "get", "history", "list_commitments", "record", "status_key",
    "suggest_status",
]
