"""Uploading documents through the web application: checks first, then ingest with a progress page."""
from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from luoshi import accounts
from luoshi.store import Store
from luoshi.web import Settings, create_app
from luoshi.web.views.upload import MAX_UPLOAD_BYTES

PASSWORD = "correct horse 9"


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def site(db):
    with Store(db) as store:
        accounts.add_user(store, "editor", PASSWORD, "editor")
        accounts.add_user(store, "viewer", PASSWORD, "viewer")
        with TestClient(create_app(Settings(db=db, secret_key="test-key"), store=store)) as client:
            yield client, store


def sign_in(client: TestClient, username: str) -> str:
    """Sign in; the session's CSRF token."""
    return client.post("/api/login", json={"username": username, "password": PASSWORD}).json()["csrf_token"]


def test_an_editor_uploads_a_seed_and_follows_its_progress_to_the_stored_document(site, shared):
    client, store = site
    token = sign_in(client, "editor")
    seed = min((shared / "corpus" / "seeds").glob("004_*.txt"))
    form = client.get("/upload")
    assert form.status_code == 200 and f'value="{token}"' in form.text
    answer = client.post("/upload", data={"csrf_token": token}, files={"file": (seed.name, seed.read_bytes())},
                         follow_redirects=False)
    assert answer.status_code == 303
    upload_id = int(re.fullmatch(r"/uploads/(\d+)", answer.headers["location"]).group(1))
    progress = client.get(f"/api/uploads/{upload_id}").json()
    assert (progress["status"], progress["file_name"], progress["username"]) == ("done", seed.name, "editor")
    (doc_id,) = progress["document_ids"]
    stored = store.get_document(doc_id)
    assert stored.name == seed.name and stored.source.text == seed.read_text(encoding="utf-8")
    page = client.get(f"/uploads/{upload_id}")
    assert "已入库" in page.text and f'href="/documents/{doc_id}"' in page.text and "Refresh" not in page.headers
    assert seed.name in client.get("/upload").text  # listed among recent uploads
    assert [u["id"] for u in client.get("/api/uploads").json()] == [upload_id]


def test_an_empty_file_gets_its_one_line_error_and_stores_nothing(site):
    client, store = site
    token = sign_in(client, "editor")
    answer = client.post("/upload", data={"csrf_token": token}, files={"file": ("空报告.txt", b"")})
    assert answer.status_code == 400
    (message,) = re.findall(r'<p class="error" role="alert">([^<]*)</p>', answer.text)
    assert "空报告.txt" in message and "[L101]" in message and "\n" not in message
    assert store.list_documents() == [] and store.counts()["documents"] == 0


def test_wrong_type_too_large_and_binary_files_are_refused(site):
    client, store = site
    headers = {"X-CSRF-Token": sign_in(client, "editor")}
    for name, content, status in (("表格.xls", b"\xd0\xcf\x11\xe0", 400), ("noext", b"text", 400),
                                  ("fake.pdf", b"just text, not a pdf", 400),
                                  ("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1), 413)):
        answer = client.post("/api/uploads", headers=headers, files={"file": (name, content)})
        assert answer.status_code == status, name
        assert "\n" not in answer.json()["detail"]
    assert store.list_documents() == []


def test_json_upload_and_hostile_file_name(site):
    client, _store = site
    headers = {"X-CSRF-Token": sign_in(client, "editor")}
    text = "示例市政府工作报告\n二、2024年工作安排\n今年主要预期目标是:地区生产总值增长6%左右。\n"
    hostile = "<img src=x onerror=alert(1)>.txt"
    answer = client.post("/api/uploads", headers=headers, files={"file": (f"c:\\temp\\{hostile}", text.encode())})
    assert answer.status_code == 202 and answer.json()["file_name"] == hostile
    page = client.get(f"/uploads/{answer.json()['id']}").text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;.txt" in page


def test_viewers_and_forged_requests_cannot_upload(site):
    client, store = site
    token = sign_in(client, "viewer")
    assert client.post("/upload", data={"csrf_token": token}, files={"file": ("a.txt", "报告".encode())}
                       ).status_code == 403
    assert "只有编辑可以上传文件" in client.get("/upload").text
    client.post("/api/logout", headers={"X-CSRF-Token": token})
    token = sign_in(client, "editor")
    assert client.post("/upload", files={"file": ("a.txt", "报告".encode())}).status_code == 403
    assert store.list_documents() == []
    assert client.get("/api/uploads/999").status_code == 404
