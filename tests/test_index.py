"""The register index: it says what folding each thread's events says, and its search finds exact substrings."""
from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

from conftest import make_document, span_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from test_register import doc_with_tasks

from luoshi import register
from luoshi.model import Section, Span, Task
from luoshi.options import Options
from luoshi.register import index
from luoshi.register.status import STATUS_LABELS
from luoshi.store import Store, writer
from luoshi.store import schema as t

TODAY = date(2024, 6, 28)
UNITS = ["市发改局", "市住建局", "市财政局"]
HOSTILE_TASK = "力争年内完成率达到100%_以上并发布\\“示例”\"清单\""


def index_rows(store: Store) -> dict[int, tuple]:
    i = t.commitment_index.c
    with store.engine.connect() as conn:
        return {r.commitment_id: (r.status, r.lead_unit, r.deadline, r.latest)
                for r in conn.execute(select(t.commitment_index).order_by(i.commitment_id))}


def folded(store: Store, commitment_id: int) -> tuple:
    state = register.get(store, commitment_id)
    return state.status, state.lead_unit, state.deadline.isoformat() if state.deadline else None


steps = st.lists(st.one_of(
    st.just(("new version",)),
    st.tuples(st.just("event"), st.sampled_from(["status", "lead", "deadline", "note"]),
              st.sampled_from(["张三", "luoshi:fulfilment"]), st.integers(0, 5), st.integers(-40, 40),
              st.integers(0, 50)),
), max_size=10)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_the_index_equals_the_fold_after_any_events_and_versions(store, steps):
    """Events out of time order, on any version of a commitment, between new versions: index == fold."""
    name = f"report-{store.counts()['documents']}.txt"
    versions = [store.save_document(doc_with_tasks(name=name)).id]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for n, step in enumerate(steps):
        if step[0] == "new version":
            versions.append(store.save_document(doc_with_tasks(f"附件{n}。", name=name)).id)
            continue
        _, type_, author, pick, days, which = step
        if type_ == "lead" and author.startswith("luoshi:"):
            author = "李四"
        ids = [c.id for doc in versions for c in register.list_commitments(store, doc=doc, today=TODAY)]
        value = {"status": list(STATUS_LABELS)[pick], "lead": UNITS[pick % 3], "note": f"第{n}次",
                 "deadline": (TODAY + timedelta(days=days)).isoformat()}[type_]
        register.record(store, ids[which % len(ids)], type_, value, author, at=start + timedelta(hours=which))
    rows = index_rows(store)
    mine = [c.id for doc in versions for c in register.list_commitments(store, doc=doc, today=TODAY)]
    assert mine and all(rows[c][:3] == folded(store, c) for c in mine)
    assert [c for c in mine if rows[c][3]] == [c.id for c in register.list_commitments(store, doc=versions[-1])]


def hostile_doc():
    """A report with a task whose text holds LIKE wildcards, a backslash and quotes."""
    text = make_document().text + HOSTILE_TASK + "。\n"
    task = Task(span_of(text, HOSTILE_TASK), "target", "完成", HOSTILE_TASK, HOSTILE_TASK, "2024", "年内", None,
                None, 2)
    return dataclasses.replace(make_document(text, name="hostile.txt"), tasks=(task,))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.one_of(st.text(alphabet="示例大道年内百千万工程%_\\\"“率以上", min_size=1, max_size=5),
                   st.sampled_from(["%", "_", "\\", '"', "%_", "100%", "示例", "道", "年内实施百千万"])))
def test_search_finds_exactly_the_latest_texts_containing_the_words(store, q):
    """Three or more characters go through the trigram index (on SQLite), fewer through LIKE: same answer."""
    if not store.counts()["documents"]:
        store.save_document(doc_with_tasks(name="a.txt"))
        store.save_document(doc_with_tasks("附件。", name="a.txt"))  # the first version is no longer searched
        store.save_document(hostile_doc())
    latest = register.list_commitments(store)
    with store.engine.connect() as conn:
        found = index.search(conn, q)
    assert sorted(found) == sorted(c.id for c in latest if q in c.text)


def test_every_substring_of_a_text_finds_it(store):
    store.save_document(doc_with_tasks())
    store.save_document(hostile_doc())
    latest = register.list_commitments(store)
    with store.engine.connect() as conn:
        for c in latest:
            for size in (1, 2, 3, 4, 7):
                for at in range(0, max(1, len(c.text) - size + 1), 2):
                    q = c.text[at:at + size]
                    assert c.id in index.search(conn, q), q
    assert any(HOSTILE_TASK == c.text for c in latest)


def event_row(commitment_id: int, type_: str, value: str, author: str, day: int) -> dict:
    return {"commitment_id": commitment_id, "at": datetime(2024, 3, day, tzinfo=UTC), "author": author,
            "type": type_, "value": value, "note": None, "evidence_url": None, "evidence_name": None,
            "evidence_sha256": None, "evidence_document_id": None, "evidence_start": None, "evidence_end": None}


def test_a_0005_database_with_data_gets_its_index_and_search_on_upgrade(db):
    from alembic import command

    from luoshi.store.engine import make_engine
    from luoshi.store.migrate import _config

    engine = make_engine(db, create=True)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0005")
        first = writer.save_document(conn, doc_with_tasks(), Options())
        second = writer.save_document(conn, doc_with_tasks("附件。"), Options())
        c = t.commitments.c
        old = conn.execute(select(c.id).where(c.document_id == first.id).order_by(c.id)).scalars().all()
        for row in (event_row(old[0], "status", "in_progress", "张三", 2),
                    event_row(old[0], "status", "done", "luoshi:fulfilment", 3),  # a suggestion: the person wins
                    event_row(old[0], "lead", "市发改局", "张三", 1),
                    event_row(old[1], "deadline", "2024-03-31", "张三", 1),
                    event_row(old[1], "status", "partly_done", "luoshi:fulfilment", 1)):
            writer.insert_event(conn, row)
    engine.dispose()
    with Store(db) as store:
        counts = store.counts()
        assert (counts["documents"], counts["commitment_events"]) == (2, 5)
        latest = register.list_commitments(store, today=TODAY)
        assert {c.document_id for c in latest} == {second.id} and len(latest) == len(old)
        assert [(c.status, c.lead_unit, c.deadline) for c in latest] == [
            (s.status, s.lead_unit, s.deadline) for s in (register.get(store, c.id) for c in latest)]
        texts = {c.text: c for c in latest}
        tracked, suggested = (texts[register.get(store, i).text] for i in old[:2])  # their new versions
        assert (tracked.status, tracked.lead_unit) == ("in_progress", "市发改局")
        assert (suggested.status, suggested.deadline, suggested.colour) == ("partly_done", date(2024, 3, 31), "red")
        assert all(index_rows(store)[c][:3] == folded(store, c) for c in old)
        road = next(c.id for c in latest if "示例大道" in c.text)
        with store.engine.connect() as conn:
            assert index.search(conn, "建成示例大道") == [road] and index.search(conn, "大道") == [road]
        register.record(store, road, "status", "done", "张三")  # the upgraded index keeps up with new events
        assert next(c for c in register.list_commitments(store) if c.id == road).status == "done"


sections_st = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 4),
                                 st.sampled_from(["review", "plan", "other"])), max_size=8)


@given(sections=sections_st)
def test_a_sections_role_is_the_innermost_containing_section_even_when_they_do_not_nest(sections):
    """The bisection over the sweep gives what "highest level, then latest start, containing it" gives."""
    found = [Section(n, Span(a, a + size), Span(a, a), level, "", "", role, None)
             for n, (a, size, level, role) in enumerate(sections)]
    role = index.section_roles(found)
    for offset in range(-1, 43):
        containing = [s for s in found if s.span.start <= offset < s.span.end]
        best = max(containing, key=lambda s: (s.level, s.span.start, s.index), default=None)
        assert role(offset) == (best.role if best else None), offset


def test_index_rows_carry_the_role_sql_finds_for_each_commitment(store):
    """The index rows built from the document say what a query of the stored sections says."""
    saved = store.save_document(make_document())
    c, s, i = t.commitments.c, t.sections.c, t.commitment_index.c
    role = (select(s.role).where(s.document_id == c.document_id, s.span_start <= c.span_start,
                                 c.span_start < s.span_end)
            .order_by(s.level.desc(), s.span_start.desc()).limit(1).scalar_subquery())
    with store.engine.connect() as conn:
        expected = conn.execute(select(c.id, c.document_id, c.span_start, c.kind, c.item_ordinal, role, c.topic,
                                       c.deadline).where(c.document_id == saved.id).order_by(c.id)).all()
        indexed = conn.execute(select(i.commitment_id, i.document_id, i.span_start, i.kind, i.item_ordinal, i.role,
                                      i.topic, i.deadline).where(i.document_id == saved.id)
                               .order_by(i.commitment_id)).all()
    assert expected and indexed == expected and {r.role for r in indexed} - {None}


def search_table_state(conn) -> tuple[list[str], list[str]]:
    """The search table's shadow tables and the commitments table's indexes."""
    names = conn.exec_driver_sql("SELECT type, name, tbl_name FROM sqlite_master").all()
    return (sorted(n for kind, n, _ in names if kind == "table" and n.startswith(t.SEARCH_TABLE)),
            sorted(n for kind, n, table in names if kind == "index" and table == "commitments"))


def test_a_0006_database_with_data_searches_the_same_after_0007_and_back(db_path):
    """0007 remakes the SQLite search table without column sizes (and drops a duplicate index): same hits."""
    from alembic import command

    from luoshi.store.engine import make_engine
    from luoshi.store.migrate import _config

    engine = make_engine(db_path, create=True)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0006")
        for doc in (doc_with_tasks(), doc_with_tasks("附件。"), hostile_doc()):
            saved, rows = writer.store_document(conn, doc, Options())
            index.add_document(conn, saved, doc, rows)
        assert f"{t.SEARCH_TABLE}_docsize" in search_table_state(conn)[0]
    engine.dispose()
    words = ["示例大道", "大道", "年内", "100%_", '"示例"', "千万工程", "没有的词"]

    def hits(store: Store) -> dict[str, list[int]]:
        latest = register.list_commitments(store)
        with store.engine.connect() as conn:
            found = {q: sorted(index.search(conn, q)) for q in words}
            conn.exec_driver_sql(f"INSERT INTO {t.SEARCH_TABLE}({t.SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)")
        assert found == {q: sorted(c.id for c in latest if q in c.text) for q in words}
        return found

    with Store(db_path) as store:
        before = hits(store)
        with store.engine.connect() as conn:
            shadows, indexes = search_table_state(conn)
        assert f"{t.SEARCH_TABLE}_docsize" not in shadows and f"{t.SEARCH_TABLE}_data" in shadows
        assert "ix_commitments_document_id" not in indexes and "ix_commitments_thread" in indexes
        assert before["示例大道"] and before["100%_"]
        store.save_document(doc_with_tasks("又一个附件。"))  # written after the upgrade: found too
        after = hits(store)
        assert after["示例大道"] and after["示例大道"] != before["示例大道"]
    with engine.begin() as conn:
        command.downgrade(_config(conn), "0006")
        assert f"{t.SEARCH_TABLE}_docsize" in search_table_state(conn)[0]
        assert "ix_commitments_document_id" in search_table_state(conn)[1]
    engine.dispose()
    with Store(db_path) as store:  # upgraded again on opening
        assert hits(store) == after
