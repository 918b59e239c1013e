"""Turn ``--db`` into a SQLAlchemy engine configured for safe concurrent use.

A plain path means a SQLite file; anything with ``://`` is a SQLAlchemy URL
(``sqlite:///x.db``, ``postgresql+psycopg://…``). SQLite connections get WAL
journaling (readers never block the writer; checkpoints every 16 MiB of it,
not 4), a busy timeout (a second
writer waits instead of failing) and foreign keys. pysqlite's own implicit
transactions are switched off and luoshi emits ``BEGIN`` itself, as the
SQLAlchemy docs recommend, so that a writer can ask for ``BEGIN IMMEDIATE``:
it takes the write lock before reading the latest version number, which
makes "read latest version, insert version + 1" safe across processes.
On PostgreSQL a writing transaction takes a transaction-scoped advisory lock
for the same reason (row locks cannot guard a row that does not exist yet).
A bare ``postgresql://`` URL means the psycopg 3 driver.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from luoshi.errors import NotFound, StoreError, UsageError

DEFAULT_DB = "luoshi.db"
BUSY_TIMEOUT_MS = 30_000  # long enough for another process's document transaction
# WAL pages (4 KiB) before a commit copies them into the database file. SQLite's 1,000 made a batch of
# documents checkpoint (and fsync) every few documents, copying the same index pages again each time.
WAL_AUTOCHECKPOINT_PAGES = 4_000
WRITE = {"luoshi_begin": "BEGIN IMMEDIATE"}  # execution options of a writing connection
WRITE_LOCK_KEY = 0x6C756F736869  # "luoshi": the PostgreSQL advisory lock every writer takes


def database_url(db: str | Path) -> URL:
    """The SQLAlchemy URL for a ``--db`` value (a file path or a URL)."""
    text = str(db)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser()))
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise UsageError(f"not a database URL ({exc}); give a file path or e.g. sqlite:///luoshi.db") from None
    return url.set(drivername="postgresql+psycopg") if url.drivername in ("postgresql", "postgres") else url


def describe(url: URL) -> str:
    """The database as shown in messages: the file path, or the URL without password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def is_new_sqlite_file(url: URL) -> bool:
    database = url.database or ""
    return url.get_backend_name() == "sqlite" and database not in ("", ":memory:") and not Path(database).exists()


def make_engine(db: str | Path, *, create: bool) -> Engine:
    """An engine for ``db``; with ``create=False`` a missing SQLite file is an error."""
    url = database_url(db)
    where = describe(url)
    if is_new_sqlite_file(url):
        if not create:
            raise NotFound("no database here; run `luoshi ingest` or `luoshi demo` first, or pass --db", path=where)
        if not Path(url.database).parent.is_dir():
            raise StoreError("the folder for the database does not exist; create it first", path=where)
    try:
        engine = create_engine(url)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(f"no driver for this database ({exc}); install it with pip", path=where) from None
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    elif url.get_backend_name() == "postgresql":
        _configure_postgresql(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # luoshi emits BEGIN itself (see module docstring)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable except on power loss
        cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get("luoshi_begin", "BEGIN"))


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        if "luoshi_begin" in connection.get_execution_options():
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
