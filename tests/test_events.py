"""Tracking events: validation, evidence, append-only history, suggestions, SQL and Python agree."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from test_register import doc_with_tasks

from luoshi import register
from luoshi.errors import FileUnavailable, NotFound, TooLarge, UsageError
from luoshi.model import Span
from luoshi.register import events as events_module
from luoshi.register.status import CLOSED, STATUS_LABELS
from luoshi.store import reader
from luoshi.store import schema as t

TODAY = date(2024, 6, 28)


@pytest.fixture
def item(store) -> int:
    """A stored task's commitment id."""
    store.save_document(doc_with_tasks())
    return next(c.id for c in register.list_commitments(store, kind="task", today=TODAY))


def event_rows(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(t.commitment_events).order_by(t.commitment_events.c.id))]


@pytest.mark.parametrize(("type_", "value", "message"), [
    ("status", "搞定", "推进中"),
    ("deadline", "年底", "YYYY-MM-DD"),
    ("lead", " ", "needs a value"),
    ("wish", "x", "status, lead"),
    ("evidence", None, "a text, a URL, a file"),
])
def test_bad_values_are_refused_and_nothing_is_written(store, item, type_, value, message):
    with pytest.raises(UsageError) as err:
        register.record(store, item, type_, value, "张三")
    assert message in str(err.value) and "\n" not in str(err.value)
    assert event_rows(store) == []


def test_every_change_needs_an_author_and_a_known_commitment(store, item):
    with pytest.raises(UsageError):
        register.record(store, item, "note", "进展", " ")
    with pytest.raises(NotFound):
        register.record(store, item + 100, "note", "进展", "张三")
    with pytest.raises(UsageError):
        register.record(store, item, "note", "进展", "张三", at=datetime(2024, 1, 1))  # no time zone


def test_status_labels_are_stored_as_keys(store, item):
    event = register.record(store, item, "status", "部分完成", "张三")
    assert event.value == "partly_done"
    assert register.history(store, item)[0] == event


def test_events_are_appended_never_changed(store, item):
    register.record(store, item, "status", "推进中", "张三")
    before = event_rows(store)
    register.record(store, item, "status", "已完成", "李四")
    register.record(store, item, "note", "验收通过", "李四")
    after = event_rows(store)
    assert after[:len(before)] == before and len(after) == 3
    assert register.get(store, item).status == "done"


def test_an_evidence_file_is_kept_in_the_database_once(store, item, tmp_path):
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg" * 10)
    first = register.record(store, item, "evidence", "现场照片", "张三", file=photo)
    second = register.record(store, item, "evidence", None, "李四", file=photo)
    assert first.file_name == "现场照片.jpg" and first.file_sha256 == second.file_sha256
    assert register.evidence_file(store, first.file_sha256) == photo.read_bytes()
    assert store.counts()["evidence_files"] == 1
    assert [e.id for e in register.get(store, item).evidence] == [first.id, second.id]
    with pytest.raises(NotFound):
        register.evidence_file(store, "0" * 64)


def test_a_large_or_missing_evidence_file_is_refused_in_one_line(store, item, tmp_path, monkeypatch):
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(events_module, "MAX_EVIDENCE_BYTES", 1024)
    with pytest.raises(TooLarge) as err:
        register.record(store, item, "evidence", None, "张三", file=big)
    assert "--url" in str(err.value) and str(big) in str(err.value)
    with pytest.raises(FileUnavailable):
        register.record(store, item, "evidence", None, "张三", file=tmp_path / "nothing.pdf")
    assert event_rows(store) == [] and store.counts()["evidence_files"] == 0


def test_evidence_can_point_into_a_stored_document(store, item):
    later = store.save_document(doc_with_tasks(name="2025.txt"))
    span = Span(10, 20)
    event = register.record(store, item, "evidence", None, "张三", document="2025.txt", span=span)
    assert (event.document_id, event.span) == (later.id, span)
    with pytest.raises(UsageError) as err:
        register.record(store, item, "evidence", None, "张三", document=later.id, span=Span(0, 10**6))
    assert "outside document" in str(err.value)
    with pytest.raises(UsageError):
        register.record(store, item, "evidence", None, "张三", document=later.id)


def test_suggestions_are_luoshis_repeatable_and_never_outrank_a_person(store, item):
    later = store.save_document(doc_with_tasks(name="2025.txt"))
    span = Span(5, 15)
    first = register.suggest_status(store, item, "已完成", document=later.id, span=span, note="2025年报告: 已建成")
    assert (first.author, first.type, first.value) == (register.FULFILMENT_AUTHOR, "status", "done")
    assert register.suggest_status(store, item, "done", document="2025.txt", span=span) == first
    assert len(register.history(store, item)) == 1
    assert register.get(store, item).status == "done"
    register.record(store, item, "status", "推进中", "张三")
    state = register.get(store, item)
    assert state.status == "in_progress" and state.suggested == first
    with pytest.raises(UsageError):
        register.suggest_status(store, item, "done", document=later.id, span=span, author="张三")


def test_the_sql_listing_knows_which_statuses_are_closed():
    assert set(reader.CLOSED_STATUSES) == CLOSED


authors = st.sampled_from(["张三", "李四", "luoshi:fulfilment"])
event_specs = st.lists(st.tuples(
    st.sampled_from(["status", "lead", "deadline", "note"]), authors,
    st.integers(0, 5), st.integers(-30, 30), st.integers(0, 3)), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=event_specs)
def test_sql_derivation_agrees_with_the_python_fold(store, specs):
    """Any history, with events out of time order: the listing (SQL) and ``get`` (Python) say the same."""
    if not store.counts()["documents"]:
        store.save_document(doc_with_tasks())
    item = register.list_commitments(store, today=TODAY)[0].id
    start = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=store.counts()["commitment_events"])
    statuses, units = list(STATUS_LABELS), ["市发改局", "市住建局", "市财政局", "市水务局"]
    for type_, author, pick, days, hours in specs:
        value = {"status": statuses[pick], "lead": units[pick % 4], "note": f"第{pick}次",
                 "deadline": (TODAY + timedelta(days=days)).isoformat()}[type_]
        register.record(store, item, type_, value, author, at=start + timedelta(hours=hours))
    state = register.get(store, item, today=TODAY)
    row = next(c for c in register.list_commitments(store, today=TODAY) if c.id == item)
    assert (row.status, row.lead_unit, row.deadline, row.colour) == (
        state.status, state.lead_unit, state.deadline, state.colour)


def test_a_locked_database_is_retried_then_reported_in_one_line(store, item, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from luoshi.errors import StoreError

    monkeypatch.setattr(events_module, "BACKOFF_SECONDS", 0.001)
    calls = []

    def flaky(conn):
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))
        return "written"

    assert events_module.write_retrying(store, flaky) == "written" and len(calls) == 3

    def always_locked(conn):
        raise OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))

    with pytest.raises(StoreError) as err:
        events_module.write_retrying(store, always_locked)
    assert "locked" in str(err.value) and "\n" not in str(err.value)

    def broken(conn):
        raise OperationalError("INSERT …", {}, sqlite3.OperationalError("no such table: x"))

    calls.clear()
    with pytest.raises(StoreError) as err:
        events_module.write_retrying(store, lambda conn: (calls.append(1), broken(conn)))
    assert len(calls) == 1 and "no such table" in str(err.value)
