"""Accounts: hashed passwords, roles, sessions and the failed sign-in limit, on every backend."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select

from luoshi import accounts
from luoshi.errors import NotFound, UsageError
from luoshi.store import schema as t

PASSWORD = "correct horse 9"
PRODUCTION_HASHER = accounts._hasher


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    """Cheap parameters for speed; the real ones are checked by the first test."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_the_real_hasher_is_argon2id_with_owasp_costs():
    assert PRODUCTION_HASHER.type is Type.ID
    assert PRODUCTION_HASHER.memory_cost >= 19 * 1024 and PRODUCTION_HASHER.time_cost >= 2


def test_passwords_are_stored_as_argon2id_hashes_only(store):
    accounts.add_user(store, "wang", PASSWORD, "editor")
    with store.engine.connect() as conn:
        stored = conn.execute(select(t.users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.authenticate(store, "wang", PASSWORD, "10.0.0.1").role == "editor"
    assert accounts.authenticate(store, "wang", PASSWORD.upper(), "10.0.0.1") is None


@pytest.mark.parametrize(("name", "password", "role"), [
    ("", PASSWORD, "editor"), ("two words", PASSWORD, "editor"), ("x" * 65, PASSWORD, "editor"),
    ("li", "short", "editor"), ("li", PASSWORD, "root"),
])
def test_bad_accounts_are_refused(store, name, password, role):
    with pytest.raises(UsageError):
        accounts.add_user(store, name, password, role)
    assert accounts.list_users(store) == []


def test_names_are_unique_and_roles_ordered(store):
    admin = accounts.add_user(store, "admin", PASSWORD, "admin")
    with pytest.raises(UsageError, match="already"):
        accounts.add_user(store, "admin", PASSWORD, "viewer")
    viewer = accounts.add_user(store, "viewer", PASSWORD, "viewer")
    assert admin.can("editor") and admin.can("viewer") and not viewer.can("editor") and viewer.can("viewer")
    assert [u.username for u in accounts.list_users(store)] == ["admin", "viewer"]


def test_sessions_are_kept_as_hashes_expire_and_end(store):
    user = accounts.add_user(store, "wang", PASSWORD, "editor")
    token, opened = accounts.create_session(store, user)
    with store.engine.connect() as conn:
        assert conn.execute(select(t.sessions.c.id)).scalar_one() != token
    assert accounts.session_of(store, token).csrf_token == opened.csrf_token
    assert accounts.session_of(store, token + "x") is None and accounts.session_of(store, None) is None
    later = datetime.now(UTC) + accounts.SESSION_LIFETIME + timedelta(seconds=1)
    assert accounts.session_of(store, token, now=later) is None
    accounts.destroy_session(store, token)
    assert accounts.session_of(store, token) is None


def test_disabling_a_user_ends_their_sessions_and_sign_ins(store):
    user = accounts.add_user(store, "wang", PASSWORD, "editor")
    token, _ = accounts.create_session(store, user)
    assert accounts.has_users(store)
    assert accounts.disable_user(store, "wang").disabled
    assert accounts.session_of(store, token) is None
    assert accounts.authenticate(store, "wang", PASSWORD, "10.0.0.1") is None
    assert not accounts.has_users(store)
    with pytest.raises(NotFound):
        accounts.disable_user(store, "nobody")


def test_failed_sign_ins_lock_one_name_from_one_address_for_the_window(store):
    accounts.add_user(store, "wang", PASSWORD, "editor")
    start = datetime.now(UTC)
    for _ in range(accounts.FAILED_LOGINS):
        assert accounts.authenticate(store, "wang", "guess", "10.0.0.1", now=start) is None
    with pytest.raises(accounts.TooManyAttempts) as locked:
        accounts.authenticate(store, "wang", PASSWORD, "10.0.0.1", now=start + timedelta(minutes=1))
    assert 0 < locked.value.retry_after <= accounts.FAILED_WINDOW.total_seconds()
    assert accounts.authenticate(store, "wang", PASSWORD, "10.0.0.2", now=start) is not None
    after = start + accounts.FAILED_WINDOW + timedelta(seconds=1)
    assert accounts.authenticate(store, "wang", PASSWORD, "10.0.0.1", now=after) is not None


def test_a_success_clears_the_failures_before_it(store):
    accounts.add_user(store, "wang", PASSWORD, "editor")
    for _ in range(accounts.FAILED_LOGINS - 1):
        accounts.authenticate(store, "wang", "guess", "10.0.0.1")
    assert accounts.authenticate(store, "wang", PASSWORD, "10.0.0.1") is not None
    for _ in range(accounts.FAILED_LOGINS - 1):
        assert accounts.authenticate(store, "wang", "guess", "10.0.0.1") is None
