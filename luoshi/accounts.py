"""Accounts: who may read and edit the register through the web application.

Passwords are kept as argon2id hashes; a session is a random token whose
sha256 alone is stored, so a copy of the database opens no session.
Failed sign-ins are counted in the database (not in one process's memory),
so the limit holds across the web server's workers.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, func, insert, select, update

from luoshi.errors import NotFound, UsageError
from luoshi.register.events import reading, write_retrying
from luoshi.store import schema as t

if TYPE_CHECKING:
    from luoshi.store import Store

ROLES = ("viewer", "editor", "admin")  # each may do what the ones before it may
ROLE_LABELS = {"viewer": "查看", "editor": "编辑", "admin": "管理员"}
MIN_PASSWORD = 8
MAX_USERNAME = 64
SESSION_LIFETIME = timedelta(hours=12)
FAILED_LOGINS = 5  # allowed per user name and address within …
FAILED_WINDOW = timedelta(minutes=15)

_hasher = PasswordHasher()
# Verified against when the user name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    role: str
    created_at: datetime
    disabled: bool = False

    def can(self, role: str) -> bool:
        """Whether this user has ``role`` or a stronger one."""
        return not self.disabled and ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in browser: its user and the token its forms must carry."""

    user: User
    csrf_token: str
    expires_at: datetime


class TooManyAttempts(Exception):
    """Too many failed sign-ins for this user name from this address; wait ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed sign-ins; try again in {retry_after} seconds")
        self.retry_after = retry_after


def add_user(store: Store, username: str, password: str, role: str) -> User:
    """Create an account. :raises UsageError: bad name, short password, unknown role, name taken."""
    username = check_username(username)
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"the password is too short; use at least {MIN_PASSWORD} characters")
    row = {"username": username, "password_hash": _hasher.hash(password), "role": role,
           "created_at": datetime.now(UTC), "disabled": False}

    def write(conn: Connection) -> int:
        if conn.execute(select(t.users.c.id).where(t.users.c.username == username)).first():
            raise UsageError(f"there is already a user {username!r}; `luoshi user list` shows them")
        return conn.execute(insert(t.users).values(row)).inserted_primary_key[0]

    user_id = write_retrying(store, write)
    return User(user_id, username, role, row["created_at"])


def check_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > MAX_USERNAME or any(c.isspace() or not c.isprintable() for c in name):
        raise UsageError(f"a user name is 1–{MAX_USERNAME} printable characters without spaces")
    return name


def list_users(store: Store) -> list[User]:
    with reading(store) as conn:
        return [_user(r) for r in conn.execute(select(t.users).order_by(t.users.c.id))]


def has_users(store: Store) -> bool:
    """Whether any account can sign in (without one, the web application is read-only for everyone)."""
    with reading(store) as conn:
        return conn.execute(select(t.users.c.id).where(t.users.c.disabled.is_(False)).limit(1)).first() is not None


def disable_user(store: Store, username: str) -> User:
    """Stop an account from signing in and end its sessions. :raises NotFound:"""
    def write(conn: Connection) -> User:
        row = conn.execute(select(t.users).where(t.users.c.username == username)).first()
        if row is None:
            raise NotFound(f"no user {username!r}; `luoshi user list` shows them")
        conn.execute(update(t.users).where(t.users.c.id == row.id).values(disabled=True))
        conn.execute(delete(t.sessions).where(t.sessions.c.user_id == row.id))
        return _user(row)

    user = write_retrying(store, write)
    return User(user.id, user.username, user.role, user.created_at, disabled=True)


def authenticate(store: Store, username: str, password: str, ip: str, *, now: datetime | None = None
                 ) -> User | None:
    """The user when the name and password match an enabled account; ``None`` otherwise.

    :raises TooManyAttempts: ``FAILED_LOGINS`` failures for this name and address within ``FAILED_WINDOW``
        (checked before the password, so guessing on cannot succeed).
    """
    now = now or datetime.now(UTC)
    name, ip = username.strip()[:MAX_USERNAME], ip[:64]
    attempts = t.login_attempts.c
    with reading(store) as conn:
        recent = conn.execute(select(func.count(), func.min(attempts.at)).where(
            attempts.username == name, attempts.ip == ip, attempts.at > now - FAILED_WINDOW)).one()
        row = conn.execute(select(t.users).where(t.users.c.username == name)).first()
    if recent[0] >= FAILED_LOGINS:
        first = recent[1] if recent[1].tzinfo else recent[1].replace(tzinfo=UTC)
        raise TooManyAttempts(max(1, int((first + FAILED_WINDOW - now).total_seconds()) + 1))
    if _verify(row.password_hash if row is not None else _DUMMY_HASH, password) and row is not None \
            and not row.disabled:
        write_retrying(store, lambda conn: conn.execute(
            delete(t.login_attempts).where(attempts.username == name, attempts.ip == ip)))
        return _user(row)
    def fail(conn: Connection) -> None:
        conn.execute(delete(t.login_attempts).where(attempts.at <= now - FAILED_WINDOW))  # no longer counted
        conn.execute(insert(t.login_attempts).values(username=name, ip=ip, at=now))

    write_retrying(store, fail)
    return None


def create_session(store: Store, user: User, *, now: datetime | None = None) -> tuple[str, Session]:
    """A new session for ``user``: the token for the cookie (kept nowhere else) and the session."""
    now = now or datetime.now(UTC)
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = now + SESSION_LIFETIME
    write_retrying(store, lambda conn: conn.execute(insert(t.sessions).values(
        id=_digest(token), user_id=user.id, csrf_token=csrf, created_at=now, expires_at=expires)))
    return token, Session(user, csrf, expires)


def session_of(store: Store, token: str | None, *, now: datetime | None = None) -> Session | None:
    """The live session for a cookie token, if any (expired sessions and disabled users have none)."""
    if not token:
        return None
    now = now or datetime.now(UTC)
    with reading(store) as conn:
        row = conn.execute(select(t.users, t.sessions.c.csrf_token, t.sessions.c.expires_at)
                           .join(t.sessions, t.users.c.id == t.sessions.c.user_id)
                           .where(t.sessions.c.id == _digest(token))).first()
    if row is None or row.disabled:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires <= now:
        return None
    return Session(_user(row), row.csrf_token, expires)


def destroy_session(store: Store, token: str | None) -> None:
    """Sign out: the token opens nothing from now on. Old expired sessions are cleared on the way."""
    now = datetime.now(UTC)

    def write(conn: Connection) -> None:
        conn.execute(delete(t.sessions).where(t.sessions.c.expires_at <= now))
        if token:
            conn.execute(delete(t.sessions).where(t.sessions.c.id == _digest(token)))

    write_retrying(store, write)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _user(row) -> User:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return User(row.id, row.username, row.role, created, bool(row.disabled))
