"""The public progress board (信息公开): read-only, open without signing in, counts equal to the register's."""
from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from luoshi import register
from luoshi.demo import run_demo
from luoshi.store import Store
from luoshi.web import Settings, create_app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("board") / "luoshi.db")
    with Store(db) as store:
        assert not [r for r in run_demo(store).results if r.failed]
        rows = register.list_commitments(store)
        at = datetime(2024, 5, 1, tzinfo=UTC)
        register.record(store, rows[0].id, "status", "已完成", "张三", at)
        register.record(store, rows[0].id, "evidence", "旧证据", "张三", at)
        register.record(store, rows[0].id, "evidence", "<i>验收通过</i>", "张三", at.replace(day=2),
                        url="javascript:alert(1)")
        register.record(store, rows[1].id, "status", "推进中", "张三", at)
        with TestClient(create_app(Settings(db=db, public=True))) as client:
            yield client, store


def board_pages(client: TestClient) -> list[dict]:
    first = client.get("/api/board").json()
    return [first] + [client.get(f"/api/board?page={n}").json() for n in range(2, first["pages"] + 1)]


def test_board_counts_equal_the_register(site):
    client, store = site
    pages = board_pages(client)
    everything = register.list_commitments(store)
    assert len(pages) == -(-len(everything) // pages[0]["page_size"]) > 1
    items: dict[int, list[int]] = {}
    for data in pages:
        assert data["statuses"] == {k: Counter(c.status for c in everything)[k] for k in register.STATUS_LABELS}
        assert sum(len(doc["items"]) for doc in data["documents"]) <= data["page_size"]
        for doc in data["documents"]:
            mine = register.list_commitments(store, doc=doc["id"])
            items.setdefault(doc["id"], []).extend(i["id"] for i in doc["items"])
            assert sum(doc["statuses"].values()) == sum(doc["colours"].values()) == doc["commitments"] == len(mine)
            assert doc["colours"] == {k: Counter(c.colour for c in mine)[k] for k in ("red", "yellow", "green")}
    for doc_id, ids in items.items():  # each document's commitments, in order, across the pages
        assert ids == [c.id for c in register.list_commitments(store, doc=doc_id)]
    assert len(items) == pages[0]["document_count"] == len(store.list_documents())
    html = client.get("/board?page=2").text
    assert "第 2 /" in html and 'rel="prev"' in html


def test_board_shows_the_latest_evidence_escaped_and_is_public(site):
    client, store = site
    first = register.list_commitments(store)[0]
    page, item = next((data["page"], i) for data in board_pages(client) for d in data["documents"]
                      for i in d["items"] if i["id"] == first.id)
    assert item["evidence"]["value"] == "<i>验收通过</i>" and item["status"] == "done"
    response = client.get(f"/board?page={page}")
    assert response.status_code == 200
    html = response.text
    assert "信息公开 · 只读" in html and "落实进度公开" in html
    assert "<i>验收通过</i>" not in html and "&lt;i&gt;验收通过&lt;/i&gt;" in html
    assert 'href="javascript:' not in html
    rows = sum(client.get(f"/board?page={n}").text.count('<tr data-id="') for n in range(1, len(board_pages(client)) + 1))
    assert rows == len(register.list_commitments(store))


def test_board_stays_open_when_the_site_has_accounts(tmp_path):
    """With accounts, the private site asks for sign-in, but the public board and its twin never do."""
    from luoshi import accounts

    db = str(tmp_path / "luoshi.db")
    with Store(db) as store:
        assert not [r for r in run_demo(store).results if r.failed]
        accounts.add_user(store, "editor1", "a-long-password-1", "editor")
    with TestClient(create_app(Settings(db=db)), follow_redirects=False) as client:
        assert client.get("/register").status_code in (303, 401)
        assert client.get("/board").status_code == 200
        assert client.get("/api/board").json()["documents"]
