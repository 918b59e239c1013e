"""Uploads whose server stopped mid-ingest: failed with a clear message, not "running" for ever."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import update

from luoshi import accounts, uploads
from luoshi.register.events import write_retrying
from luoshi.store import Store
from luoshi.store import schema as t
from luoshi.web import Settings, create_app


@pytest.fixture
def editor(store, monkeypatch):
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    return accounts.add_user(store, "editor", "correct horse 9", "editor")


def started_at(store: Store, upload_id: int, moment: datetime) -> None:
    write_retrying(store, lambda conn: conn.execute(
        update(t.uploads).where(t.uploads.c.id == upload_id).values(created_at=moment)))


def test_a_server_starting_fails_the_uploads_its_predecessor_left_running(store, editor, db):
    orphan = uploads.start(store, editor, "报告.txt", 10)
    finished = uploads.start(store, editor, "已完成.txt", 10)
    uploads.run(store, finished, [])
    with TestClient(create_app(Settings(db=db, secret_key="k"), store=store)) as client:
        failed = uploads.get(store, orphan)
        assert (failed.status, failed.message, failed.status_label) == ("error", uploads.INTERRUPTED, "入库失败")
        assert failed.finished_at is not None and failed.finished_at >= failed.created_at
        assert uploads.get(store, finished).status == "done"
        client.post("/api/login", json={"username": "editor", "password": "correct horse 9"})
        page = client.get(f"/uploads/{orphan}")
        assert "服务器在入库过程中停止，请重新上传" in page.text and "Refresh" not in page.headers
        assert client.get(f"/api/uploads/{orphan}").json()["status"] == "error"
        # an upload begun while this server runs is left to finish
        current = uploads.start(store, editor, "新报告.txt", 10)
        assert uploads.fail_interrupted(store, failed.finished_at) == 0
        assert uploads.get(store, current).status == "running"


def test_the_public_site_writes_nothing_at_start(store, editor, db):
    orphan = uploads.start(store, editor, "报告.txt", 10)
    with TestClient(create_app(Settings(db=db, secret_key="k", public=True), store=store)):
        assert uploads.get(store, orphan).status == "running"


def test_an_upload_running_far_longer_than_an_ingest_takes_is_shown_failed(store, editor):
    now = datetime.now(UTC)
    old, recent = uploads.start(store, editor, "旧.txt", 10), uploads.start(store, editor, "新.txt", 10)
    started_at(store, old, now - uploads.STALE_AFTER - timedelta(minutes=1))
    started_at(store, recent, now - uploads.STALE_AFTER + timedelta(minutes=5))
    assert [(u.id, u.status, u.message) for u in uploads.recent(store)] == [
        (recent, "running", None), (old, "error", uploads.INTERRUPTED)]
    assert uploads.get(store, old).status == "error"
    uploads.run(store, recent, [])
    assert uploads.get(store, recent).status == "done"
