"""Signing in, roles, CSRF and editing commitments through the web application, in process.

Each test gets a fresh database (SQLite, and PostgreSQL with
``LUOSHI_TEST_POSTGRES_URL``) holding one small report, whose target
measures are commitments, and an admin, an editor and a viewer.
"""
from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from conftest import make_document
from fastapi.testclient import TestClient

from luoshi import accounts, register
from luoshi.register.events import MAX_EVIDENCE_BYTES
from luoshi.store import Store
from luoshi.web import Settings, create_app
from luoshi.web.labels import SAVED

PASSWORD = "correct horse 9"
HOSTILE = '<script>alert("note")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    """Cheap argon2 parameters: these tests are about the web, not the hash's cost (test_accounts checks that)."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def site(db):
    """The app on a store with a report and three accounts; the commitment id to edit."""
    with Store(db) as store:
        store.save_document(make_document())
        for name, role in (("admin", "admin"), ("editor", "editor"), ("viewer", "viewer")):
            accounts.add_user(store, name, PASSWORD, role)
        commitment = register.list_commitments(store)[0].id
        with TestClient(create_app(Settings(db=db, secret_key="test-key"), store=store)) as client:
            yield client, store, commitment


def sign_in(client: TestClient, username: str, password: str = PASSWORD, next: str = "/"):
    form = client.get("/login")
    token = re.search(r'action="/login"[^>]*>\s*<input type="hidden" name="csrf_token" value="([^"]+)"',
                      form.text).group(1)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token,
                                       "next": next}, follow_redirects=False)


def csrf(client: TestClient) -> str:
    return client.get("/api/me").json()["csrf_token"]


def test_anonymous_visitors_are_sent_to_sign_in_once_accounts_exist(site):
    client, _store, commitment = site
    page = client.get("/documents", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fdocuments"
    assert client.get("/api/documents").status_code == 401
    assert client.get("/static/luoshi.css").status_code == 200
    assert client.get("/api/me").json()["username"] is None
    assert client.post(f"/api/commitments/{commitment}/events", json={"type": "note", "value": "x"}).status_code == 401


def test_sign_in_sets_a_safe_session_cookie_and_returns_to_the_page(site):
    client, _store, _ = site
    answer = sign_in(client, "editor", next="/documents")
    assert answer.status_code == 303 and answer.headers["location"] == "/documents"
    cookie = next(c for c in answer.headers.get_list("set-cookie") if c.startswith("luoshi_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=43200" in cookie
    me = client.get("/api/me").json()
    assert (me["username"], me["role"], me["can_edit"]) == ("editor", "editor", True) and len(me["csrf_token"]) > 20
    page = client.get("/documents")
    assert page.status_code == 200 and "editor（编辑）" in page.text and 'action="/logout"' in page.text
    assert 'href="/upload"' in page.text


def test_the_cookie_is_secure_over_https(site):
    client, _store, _ = site
    client.base_url = client.base_url.copy_with(scheme="https")
    answer = client.post("/api/login", json={"username": "viewer", "password": PASSWORD})
    assert "Secure" in answer.headers["set-cookie"] and "HttpOnly" in answer.headers["set-cookie"]


def test_sign_in_never_redirects_off_site(site):
    client, _store, _ = site
    assert sign_in(client, "viewer", next="//evil.example/x").headers["location"] == "/"


def test_wrong_password_and_unknown_user_get_the_same_answer(site):
    client, _store, _ = site
    wrong, unknown = sign_in(client, "editor", "nope nope"), sign_in(client, "nobody", "nope nope")
    assert wrong.status_code == unknown.status_code == 401
    assert "用户名或密码错误" in wrong.text and "用户名或密码错误" in unknown.text
    assert client.get("/api/me").json()["username"] is None


def test_sign_in_form_without_its_token_is_refused(site):
    client, _store, _ = site
    answer = client.post("/login", data={"username": "editor", "password": PASSWORD}, follow_redirects=False)
    assert answer.status_code == 403 and "CSRF" in answer.text
    assert client.get("/api/me").json()["username"] is None


def test_five_failures_lock_the_name_for_that_address_even_with_the_right_password(site):
    client, _store, _ = site
    for _ in range(accounts.FAILED_LOGINS):
        assert sign_in(client, "editor", "wrong password").status_code == 401
    locked = sign_in(client, "editor")
    assert locked.status_code == 429 and "登录失败次数过多" in locked.text and "分钟后再试" in locked.text
    assert client.post("/api/login", json={"username": "editor", "password": PASSWORD}).status_code == 429
    assert sign_in(client, "viewer").status_code == 303  # another name is not locked


def test_json_sign_in_and_sign_out(site):
    client, _store, _ = site
    me = client.post("/api/login", json={"username": "viewer", "password": PASSWORD})
    assert me.status_code == 200 and me.json()["role"] == "viewer" and me.json()["can_edit"] is False
    assert client.post("/api/logout").status_code == 403  # no token
    assert client.post("/api/logout", headers={"X-CSRF-Token": me.json()["csrf_token"]}).status_code == 204
    assert client.get("/api/me").json()["username"] is None


def test_sign_out_ends_the_session_on_the_server(site):
    client, _store, _ = site
    sign_in(client, "editor")
    token = client.cookies.get("luoshi_session")
    answer = client.post("/logout", data={"csrf_token": csrf(client)}, follow_redirects=False)
    assert answer.status_code == 303
    client.cookies.set("luoshi_session", token)  # a copy of the old cookie opens nothing
    assert client.get("/api/me").json()["username"] is None


def test_a_change_without_the_csrf_token_is_refused_and_records_nothing(site):
    client, store, commitment = site
    sign_in(client, "editor")
    for token in (None, "forged"):
        answer = client.post(f"/commitments/{commitment}/status", data={"status": "done", "csrf_token": token or ""})
        assert answer.status_code == 403 and "CSRF" in answer.text
        assert client.post(f"/api/commitments/{commitment}/events", json={"type": "status", "value": "done"},
                           headers={"X-CSRF-Token": token} if token else {}).status_code == 403
    assert register.history(store, commitment) == []


def test_a_viewer_can_read_but_never_write(site):
    client, store, commitment = site
    sign_in(client, "viewer")
    assert client.get("/api/documents").status_code == 200
    answer = client.post(f"/api/commitments/{commitment}/events", json={"type": "note", "value": "x"},
                         headers={"X-CSRF-Token": csrf(client)})
    assert answer.status_code == 403 and "没有此操作的权限" in answer.json()["detail"]
    assert register.history(store, commitment) == []


def test_an_editor_changes_status_lead_deadline_and_notes(site):
    client, store, commitment = site
    sign_in(client, "editor")
    token = csrf(client)
    for path, data in (("status", {"status": "推进中", "note": "已开工"}), ("lead", {"value": "市发展改革局"}),
                       ("deadline", {"value": "2025-06-30"}), ("note", {"value": "季度检查"})):
        answer = client.post(f"/commitments/{commitment}/{path}", data=data | {"csrf_token": token},
                             follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/commitments/{commitment}?saved={path}#history"
        assert SAVED[path] in client.get(answer.headers["location"]).text
    state = register.get(store, commitment)
    assert (state.status, state.lead_unit, str(state.deadline), state.notes) == \
        ("in_progress", "市发展改革局", "2025-06-30", ("已开工", "季度检查"))
    assert {e.author for e in state.events} == {"editor"}


def test_json_twin_records_an_event_and_reports_bad_values(site):
    client, store, commitment = site
    sign_in(client, "admin")
    headers = {"X-CSRF-Token": csrf(client)}
    made = client.post(f"/api/commitments/{commitment}/events", json={"type": "status", "value": "done"},
                       headers=headers)
    assert made.status_code == 201 and made.json()["author"] == "admin"
    assert register.get(store, commitment).status == "done"
    bad = client.post(f"/api/commitments/{commitment}/events", json={"type": "deadline", "value": "soon"},
                      headers=headers)
    assert bad.status_code == 400 and bad.json()["detail"].startswith("输入有误")
    assert client.post("/api/commitments/999999/events", json={"type": "note", "value": "x"},
                       headers=headers).status_code == 404
    assert len(register.history(store, commitment)) == 1


def test_evidence_file_text_and_url(site):
    client, store, commitment = site
    sign_in(client, "editor")
    token = csrf(client)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
    answer = client.post(f"/commitments/{commitment}/evidence",
                         data={"csrf_token": token, "value": "验收报告", "url": "https://example.org/a"},
                         files={"file": ("../../etc/验收.pdf", pdf, "application/pdf")}, follow_redirects=False)
    assert answer.status_code == 303
    (event,) = register.get(store, commitment).evidence
    assert (event.value, event.url, event.file_name) == ("验收报告", "https://example.org/a", "验收.pdf")
    assert register.evidence_file(store, event.file_sha256) == pdf


def test_evidence_over_the_cap_is_413_and_a_mismatched_type_400(site):
    client, store, commitment = site
    sign_in(client, "editor")
    headers = {"X-CSRF-Token": csrf(client)}
    url = f"/api/commitments/{commitment}/evidence"
    big = client.post(url, headers=headers, files={"file": ("big.txt", b"a" * (MAX_EVIDENCE_BYTES + 1))})
    assert big.status_code == 413 and "超过 20 MB" in big.json()["detail"]
    for name, content in (("tool.exe", b"MZ\x90\x00"), ("fake.pdf", b"<html>not a pdf</html>"),
                          ("bin.txt", b"\x00\x01\x02")):
        wrong = client.post(url, headers=headers, files={"file": (name, content)})
        assert wrong.status_code == 400, name
    assert register.history(store, commitment) == []


def test_a_huge_request_is_refused_before_it_is_read(site):
    client, _store, commitment = site
    answer = client.post(f"/api/commitments/{commitment}/evidence", content=b"",
                         headers={"content-length": str(30 * 2**20), "content-type": "multipart/form-data"})
    assert answer.status_code == 413


def test_hostile_note_and_file_name_are_shown_escaped(site):
    client, store, commitment = site
    sign_in(client, "editor")
    token = csrf(client)
    client.post(f"/commitments/{commitment}/note", data={"csrf_token": token, "value": HOSTILE})
    client.post(f"/commitments/{commitment}/evidence", data={"csrf_token": token},
                files={"file": ('<img src=x onerror=alert(2)>.txt', "佐证".encode())})
    assert register.get(store, commitment).notes == (HOSTILE,)
    page = client.get(f"/commitments/{commitment}")  # the commitment page shows notes and file names …
    assert page.status_code == 200
    assert HOSTILE not in page.text and "<img src=x onerror=alert(2)>" not in page.text
    assert "&lt;script&gt;alert" in page.text and "&lt;img src=x onerror=alert(2)&gt;.txt" in page.text
    error = client.post(f"/commitments/{commitment}/deadline", data={"csrf_token": token, "value": HOSTILE})
    assert error.status_code == 400 and "<script>" not in error.text  # … and so does an error page


def test_edit_forms_carry_the_session_token_for_editors_only(site):
    client, store, commitment = site
    template = client.app.state.templates.get_template("_edit_forms.html")
    state = register.get(store, commitment)

    def forms_for(who: str) -> str:
        sign_in(client, who)
        request = type("R", (), {"app": client.app, "scope": {}, "cookies": dict(client.cookies)})()
        return template.render(request=request, commitment_id=commitment, commitment=state)

    editor_html = forms_for("editor")
    assert editor_html.count(f'value="{csrf(client)}"') == 5 and f"/commitments/{commitment}/evidence" in editor_html
    assert "<form" not in forms_for("viewer")


def test_without_accounts_the_site_is_read_only_for_everyone(db):
    with Store(db) as store:
        store.save_document(make_document())
        commitment = register.list_commitments(store)[0].id
        with TestClient(create_app(Settings(db=db), store=store)) as client:
            assert client.get("/api/documents").status_code == 200
            assert "luoshi user add 用户名 --role admin" in client.get("/").text
            answer = client.post(f"/api/commitments/{commitment}/events", json={"type": "note", "value": "x"})
            assert answer.status_code == 403 and "luoshi user add" in answer.json()["detail"]


def test_public_mode_reads_without_sign_in_and_never_writes(db):
    with Store(db) as store:
        store.save_document(make_document())
        accounts.add_user(store, "editor", PASSWORD, "editor")
        commitment = register.list_commitments(store)[0].id
        with TestClient(create_app(Settings(db=db, public=True), store=store)) as client:
            assert client.get("/api/documents").status_code == 200
            assert client.post("/api/login", json={"username": "editor", "password": PASSWORD}).status_code == 403
            answer = client.post(f"/api/commitments/{commitment}/events", json={"type": "note", "value": "x"})
            assert answer.status_code == 403 and register.history(store, commitment) == []
