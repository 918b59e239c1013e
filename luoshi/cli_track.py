"""``luoshi track``: set the status, lead unit and deadline of commitments, attach evidence, list what is due.

Every command appends one dated event with its author (``--author``, else
``$LUOSHI_AUTHOR``, else the login name); nothing is ever overwritten, so
``luoshi track show`` can always replay how an item got where it is.
"""
from __future__ import annotations

import getpass
import os
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from luoshi import register as reg
from luoshi.cli import Db, echo_json, failures, make_table, out, print_table
from luoshi.errors import UsageError
from luoshi.register.status import COLOUR_LABELS, DUE_SOON_DAYS, STATUS_LABELS, parse_deadline
from luoshi.store import DEFAULT_DB, Store

COLOUR_STYLES = {"red": "red", "yellow": "yellow", "green": "green"}

track = typer.Typer(no_args_is_help=True, help="Track commitments: status, lead unit, deadline, notes, evidence.")

Item = Annotated[int, typer.Argument(help="Commitment id (`luoshi track list` shows them).")]
Author = Annotated[str | None, typer.Option(help="Who makes the change (default: $LUOSHI_AUTHOR or login name).")]
Note = Annotated[str | None, typer.Option(help="Why: kept with the event.")]
Today = Annotated[str | None, typer.Option(help="Colour as of this date (YYYY-MM-DD) instead of today.")]
AsJson = Annotated[bool, typer.Option("--json", help="JSON instead of text.")]


def register(app: typer.Typer) -> None:
    """Add the ``track`` command group to the ``luoshi`` app."""
    app.add_typer(track, name="track")


def author_name(given: str | None) -> str:
    if given and given.strip():
        return given.strip()
    try:
        return os.environ.get("LUOSHI_AUTHOR") or getpass.getuser()
    except (KeyError, OSError):
        raise UsageError("no author known; give --author NAME or set LUOSHI_AUTHOR") from None


def as_of(today: str | None) -> date | None:
    if today is None:
        return None
    try:
        return parse_deadline(today)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _record(db: str, item: int, type_: str, value: str | None, author: str | None, **extra) -> None:
    with failures(), Store(db, create=False) as store:
        event = reg.record(store, item, type_, value, author_name(author), **extra)
        state = reg.get(store, item)
    shown = STATUS_LABELS.get(event.value, event.value) if type_ == "status" else event.value
    what = {"evidence": "evidence added", "note": "note added"}.get(type_, f"{type_} → {shown}")
    out.print(f"commitment {item}: {escape(what)}  [dim](event {event.id} by {escape(event.author)}, "
              f"{event.at:%Y-%m-%d %H:%M} UTC)[/]")
    if type_ == "status" and state.status != event.value:
        out.print(f"  [yellow]status stays {state.status_label}: a person's status outranks luoshi's suggestion[/]")


@track.command()
def status(item: Item, value: Annotated[str, typer.Argument(
        metavar="STATUS", help="未启动 推进中 已完成 部分完成 未完成 无公开信息 (or not_started, in_progress, done, "
                               "partly_done, not_done, no_public_info).")],
           author: Author = None, note: Note = None, db: Db = DEFAULT_DB) -> None:
    """Set a commitment's status."""
    _record(db, item, "status", value, author, note=note)


@track.command()
def evidence(item: Item,
             text: Annotated[str | None, typer.Option(help="What shows progress, in words.")] = None,
             url: Annotated[str | None, typer.Option(help="A link to it.")] = None,
             file: Annotated[Path | None, typer.Option(help="A file (kept in the database, up to 20 MiB).")] = None,
             author: Author = None, note: Note = None, db: Db = DEFAULT_DB) -> None:
    """Attach evidence: a text, a URL and/or a file."""
    with failures():
        if text is None and url is None and file is None:
            raise UsageError("give the evidence with --text, --url or --file")
    _record(db, item, "evidence", text, author, url=url, file=file, note=note)


@track.command()
def lead(item: Item, unit: Annotated[str, typer.Argument(help="The lead unit (牵头单位).")],
         cooperating: Annotated[str | None, typer.Option(
             help="Cooperating units (配合单位), separated by 、 or commas.")] = None,
         author: Author = None, note: Note = None, db: Db = DEFAULT_DB) -> None:
    """Assign the lead unit (and optionally the cooperating units)."""
    _record(db, item, "lead", unit, author, note=note)
    if cooperating:
        _record(db, item, "cooperating", cooperating, author)


@track.command()
def deadline(item: Item, day: Annotated[str, typer.Argument(metavar="YYYY-MM-DD", help="The new deadline.")],
             author: Author = None, note: Note = None, db: Db = DEFAULT_DB) -> None:
    """Set a commitment's deadline (replacing the one derived from the document)."""
    _record(db, item, "deadline", day, author, note=note)


@track.command()
def note(item: Item, text: Annotated[str, typer.Argument(help="A progress note.")],
         author: Author = None, db: Db = DEFAULT_DB) -> None:
    """Add a progress note."""
    _record(db, item, "note", text, author)


@track.command()
def show(item: Item, db: Db = DEFAULT_DB, today: Today = None, as_json: AsJson = False) -> None:
    """A commitment's current state and its whole timeline."""
    with failures(), Store(db, create=False) as store:
        state = reg.get(store, item, today=as_of(today))
    if as_json:
        echo_json(state_json(state))
        return
    out.print(f"[bold]commitment {state.id}[/]  {state.kind} in {escape(state.doc)} (v{state.version}) "
              f"at {state.span.start}–{state.span.end}")
    out.print(f"  {escape(state.text)}")
    due = state.deadline.isoformat() if state.deadline else "—"
    if state.deadline_stated:
        due += f"  (stated: {state.deadline_stated})"
    style = COLOUR_STYLES[state.colour]
    for label, value in (("status", f"{state.status_label} ({state.status})"),
                         ("colour", f"[{style}]{COLOUR_LABELS[state.colour]} ({state.colour})[/]"),
                         ("deadline", escape(due)), ("lead unit", escape(state.lead_unit or "—")),
                         ("cooperating", escape("、".join(state.cooperating_units) or "—")),
                         ("topic", escape(state.topic or "—")), ("period", escape(state.period or "—"))):
        out.print(f"  {label:<12}{value}")
    if state.suggested is not None:
        out.print(f"  [yellow]luoshi suggests {STATUS_LABELS[state.suggested.value]} (event {state.suggested.id})[/]")
    out.print(f"\n[bold]Timeline[/] ({len(state.events)} events)")
    for e in state.events:
        out.print(f"  {e.at:%Y-%m-%d %H:%M}  {escape(e.author)}  {escape(event_line(e))}")
    if not state.events:
        out.print("  [dim]no events yet: status 未启动 until someone reports[/]")


def event_line(e: reg.Event) -> str:
    """An event in words, for the timeline."""
    value = STATUS_LABELS.get(e.value, e.value) if e.type == "status" else e.value
    parts = [f"{e.type}: {value}" if value else e.type]
    if e.url:
        parts.append(e.url)
    if e.file_name:
        parts.append(f"file {e.file_name} (sha256 {e.file_sha256[:12]})")
    if e.span is not None:
        parts.append(f"document {e.document_id} at {e.span.start}–{e.span.end}")
    if e.note:
        parts.append(f"— {e.note}")
    return "  ".join(parts)


@track.command("list")
def list_(db: Db = DEFAULT_DB,
          overdue: Annotated[bool, typer.Option("--overdue", help="Past the deadline and not done (red).")] = False,
          due_soon: Annotated[bool, typer.Option(
              "--due-soon", help=f"Not done and due within {DUE_SOON_DAYS} days (yellow).")] = False,
          status_: Annotated[str | None, typer.Option("--status", help="Only this status.")] = None,
          doc: Annotated[str | None, typer.Option(help="One document (id or source file name).")] = None,
          kind: Annotated[str | None, typer.Option(help="task or measure.")] = None,
          lead_: Annotated[str | None, typer.Option("--lead", help="Only this lead unit.")] = None,
          today: Today = None, as_json: AsJson = False) -> None:
    """The register: commitments of the latest document versions with status, deadline and colour."""
    with failures(), Store(db, create=False) as store:
        listed = reg.list_commitments(store, doc=doc, kind=kind, status=status_, lead=lead_, overdue=overdue,
                                      due_soon=due_soon, today=as_of(today))
    if as_json:
        echo_json([summary_json(s) for s in listed])
        return
    if not listed:
        out.print("no commitments match", markup=False)
        return
    rows = [(s.id, COLOUR_LABELS[s.colour], s.status_label, s.deadline, s.lead_unit, s.doc, s.kind, s.text)
            for s in listed]
    print_table(make_table(("id", "colour", "status", "deadline", "lead", "doc", "kind", "text"), rows))


def summary_json(s: reg.CommitmentSummary) -> dict:
    return {"id": s.id, "doc": s.doc, "document_id": s.document_id, "version": s.version, "kind": s.kind,
            "text": s.text, "start": s.span.start, "end": s.span.end, "topic": s.topic, "period": s.period,
            "status": s.status, "status_label": s.status_label, "lead_unit": s.lead_unit,
            "deadline": s.deadline.isoformat() if s.deadline else None, "deadline_stated": s.deadline_stated,
            "colour": s.colour}


def state_json(s: reg.CommitmentState) -> dict:
    return {"id": s.id, "doc": s.doc, "document_id": s.document_id, "version": s.version, "kind": s.kind,
            "text": s.text, "start": s.span.start, "end": s.span.end, "topic": s.topic, "period": s.period,
            "status": s.status, "status_label": s.status_label, "lead_unit": s.lead_unit,
            "cooperating_units": list(s.cooperating_units),
            "deadline": s.deadline.isoformat() if s.deadline else None, "deadline_stated": s.deadline_stated,
            "colour": s.colour, "notes": list(s.notes),
            "suggested": s.suggested.value if s.suggested else None,
            "evidence": [event_json(e) for e in s.evidence], "events": [event_json(e) for e in s.events]}


def event_json(e: reg.Event) -> dict:
    return {"id": e.id, "at": e.at.isoformat(), "author": e.author, "type": e.type, "value": e.value,
            "note": e.note, "url": e.url, "file_name": e.file_name, "file_sha256": e.file_sha256,
            "document_id": e.document_id, "start": e.span.start if e.span else None,
            "end": e.span.end if e.span else None}
