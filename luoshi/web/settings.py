"""How the web application is configured: database, secret key, public mode.

The secret key signs session cookies and CSRF tokens, so it must survive
restarts: it comes from ``$LUOSHI_SECRET_KEY`` or, for a SQLite database,
from a key file generated once beside it (``luoshi.db.secret``, owner-only).
A server database without ``$LUOSHI_SECRET_KEY`` gets a key for this
process only (sessions end when it restarts).
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from luoshi.errors import StoreError
from luoshi.store import DEFAULT_DB
from luoshi.store.engine import database_url

SECRET_ENV = "LUOSHI_SECRET_KEY"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB  # a SQLite file or a SQLAlchemy URL
    secret_key: str | None = None  # None: $LUOSHI_SECRET_KEY, the key file beside a SQLite file, or per process
    public: bool = False  # the read-only public site (信息公开): no sign-in, no editing


def secret_key(settings: Settings) -> str:
    """The key to sign cookies and tokens with (see the module docstring for where it comes from)."""
    if settings.secret_key:
        return settings.secret_key
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
    url = database_url(settings.db)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return secrets.token_urlsafe(32)
    return _key_file(Path(f"{url.database}.secret"))


def _key_file(path: Path) -> str:
    try:
        if path.exists():
            key = path.read_text(encoding="ascii").strip()
            if key:
                return key
        key = secrets.token_urlsafe(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key + "\n")
        return key
    except OSError as exc:
        raise StoreError(f"cannot read or write the web secret key file ({exc.strerror}); "
                         f"set ${SECRET_ENV} instead", path=str(path)) from None
