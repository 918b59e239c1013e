"""Status values, their colours, and the fold that turns events into current state.

A commitment's state is never stored: it is derived from its append-only
events, so that the history is the truth and any past state can be rebuilt.
``fold`` is that derivation; ``luoshi.register.index`` keeps its result per
commitment for listings, rewritten by every write that changes it (a test
checks the two agree). "Today" is always a parameter, so colours are reproducible.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

# Status key (stored, English) -> label (shown, Chinese). Order is the order a listing shows them in.
STATUS_LABELS: dict[str, str] = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "done": "已完成",
    "partly_done": "部分完成",
    "not_done": "未完成",
    "no_public_info": "无公开信息",
}
LABEL_STATUS = {label: key for key, label in STATUS_LABELS.items()}
DEFAULT_STATUS = "not_started"  # a commitment nobody has reported on yet
CLOSED = frozenset({"done"})  # statuses that can no longer be overdue
DUE_SOON_DAYS = 3  # yellow from this many days before the deadline

Colour = Literal["red", "yellow", "green"]
COLOUR_LABELS: dict[str, str] = {"red": "逾期", "yellow": "临期", "green": "正常"}

EVENT_TYPES = ("status", "lead", "cooperating", "deadline", "note", "evidence")
MACHINE_AUTHOR_PREFIX = "luoshi:"  # authors of luoshi's own suggestions (luoshi:fulfilment)
UNIT_SEPARATORS = "、,，;；"  # between cooperating units as people type them


def status_key(value: str) -> str:
    """The stored key for a status given as a key (``in_progress``) or a label (``推进中``).

    :raises ValueError: not a status; the message lists the valid ones.
    """
    text = value.strip()
    if text in STATUS_LABELS:
        return text
    if text in LABEL_STATUS:
        return LABEL_STATUS[text]
    valid = ", ".join(f"{label} ({key})" for key, label in STATUS_LABELS.items())
    raise ValueError(f"unknown status {value!r}; use one of {valid}")


def parse_deadline(value: str) -> date:
    """A deadline typed as ``YYYY-MM-DD``. :raises ValueError: with a readable message."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"not a date {value!r}; write the deadline as YYYY-MM-DD, e.g. 2024-12-31") from None


def split_units(value: str) -> tuple[str, ...]:
    """Cooperating units as a tuple, from ``发改局、财政局`` or ``发改局,财政局``."""
    for sep in UNIT_SEPARATORS[1:]:
        value = value.replace(sep, UNIT_SEPARATORS[0])
    return tuple(u.strip() for u in value.split(UNIT_SEPARATORS[0]) if u.strip())


def is_overdue(deadline: date | None, status: str, today: date) -> bool:
    """Past its deadline and not done."""
    return deadline is not None and status not in CLOSED and deadline < today


def is_due_soon(deadline: date | None, status: str, today: date) -> bool:
    """Not done, deadline today or within ``DUE_SOON_DAYS`` days."""
    return (deadline is not None and status not in CLOSED
            and today <= deadline <= today + timedelta(days=DUE_SOON_DAYS))


def colour(deadline: date | None, status: str, today: date) -> Colour:
    """red = overdue, yellow = due soon, green otherwise (including done and no deadline)."""
    if is_overdue(deadline, status, today):
        return "red"
    if is_due_soon(deadline, status, today):
        return "yellow"
    return "green"


@dataclass(frozen=True, slots=True)
class Folded:
    """What a sequence of events says now (before colouring)."""

    status: str
    lead_unit: str | None
    cooperating_units: tuple[str, ...]
    deadline: date | None
    notes: tuple[str, ...]


def is_machine(author: str) -> bool:
    return author.startswith(MACHINE_AUTHOR_PREFIX)


def fold(events: Iterable, default_deadline: date | None = None) -> Folded:
    """Replay events (with ``type``, ``value``, ``note``, ``author``; oldest first) into the current state.

    The latest event of each kind wins, except that a person's status
    outranks luoshi's suggestions: a suggestion sets the status only while
    no person has set one (it stays visible in the timeline either way).
    Notes accumulate (a note on any event counts, so a status change can
    carry its reason).
    """
    person_status = machine_status = None
    lead, cooperating, deadline = None, (), default_deadline
    notes: list[str] = []
    for event in events:
        if event.type == "status":
            if is_machine(event.author):
                machine_status = event.value
            else:
                person_status = event.value
        elif event.type == "lead":
            lead = event.value or None
        elif event.type == "cooperating":
            cooperating = split_units(event.value or "")
        elif event.type == "deadline":
            deadline = date.fromisoformat(event.value) if event.value else None
        if event.type == "note" and event.value:
            notes.append(event.value)
        if event.note:
            notes.append(event.note)
    return Folded(person_status or machine_status or DEFAULT_STATUS, lead, cooperating, deadline, tuple(notes))
