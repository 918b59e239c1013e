"""Several processes append tracking events to one database at once; none is lost, even after a restart."""
from __future__ import annotations

import multiprocessing

from test_register import doc_with_tasks

from luoshi import register
from luoshi.store import Store

WRITERS, EVENTS_EACH = 4, 50


def write_events(db: str, items: list[int], writer: int) -> None:
    """One process: its own Store, EVENTS_EACH events spread over the items."""
    with Store(db) as store:
        for i in range(EVENTS_EACH):
            item = items[i % len(items)]
            if i % 3 == 0:
                register.record(store, item, "status", ("in_progress", "partly_done", "done")[i % 9 // 3],
                                f"writer-{writer}", note=f"{writer}:{i}")
            else:
                register.record(store, item, "note", f"{writer}:{i}", f"writer-{writer}")


def written(store, items: list[int]) -> list[tuple[str, str]]:
    return sorted((e.author, e.note or e.value) for item in items for e in register.history(store, item))


def test_concurrent_writers_lose_no_event_and_a_restart_keeps_them(store):
    store.save_document(doc_with_tasks())
    items = [c.id for c in register.list_commitments(store)]
    db = store.engine.url.render_as_string(hide_password=False)
    store.close()  # every writer, and the reader after them, opens the database anew

    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=write_events, args=(db, items, n)) for n in range(WRITERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
    assert [p.exitcode for p in processes] == [0] * WRITERS

    expected = sorted((f"writer-{n}", f"{n}:{i}") for n in range(WRITERS) for i in range(EVENTS_EACH))
    with Store(db) as reopened:
        assert reopened.counts()["commitment_events"] == WRITERS * EVENTS_EACH
        assert written(reopened, items) == expected
        ids = [e.id for item in items for e in register.history(reopened, item)]
        assert len(set(ids)) == len(ids)
    with Store(db, create=False) as restarted:
        assert written(restarted, items) == expected
        assert all(register.get(restarted, item).status in ("in_progress", "partly_done", "done") for item in items)
        listed = {c.id: c.status for c in register.list_commitments(restarted)}  # the index the writers kept
        assert listed == {item: register.get(restarted, item).status for item in items}
