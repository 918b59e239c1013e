"""PostgreSQL as a store: URLs, connection failures, and the same results as SQLite.

Every store-backed test already runs on both backends (see ``conftest.db``);
these tests cover what only a server has (URLs, passwords, refused
connections) and compare whole ingests of the real corpus across backends.
Those needing a server run when ``LUOSHI_TEST_POSTGRES_URL`` is set (CI).
"""
from __future__ import annotations

import socket

import pytest
from conftest import POSTGRES_URL, postgres_schema_url
from sqlalchemy.engine import make_url

from luoshi.analysis import TABLES, build
from luoshi.errors import StoreError
from luoshi.store import Store
from luoshi.store.engine import database_url, describe

needs_server = pytest.mark.skipif(not POSTGRES_URL, reason="set LUOSHI_TEST_POSTGRES_URL to test a PostgreSQL server")


@pytest.mark.parametrize("given", ["postgresql://u:secret@db.example/luoshi", "postgres://u:secret@db.example/luoshi"])
def test_a_bare_postgresql_url_means_the_psycopg_driver(given):
    url = database_url(given)
    assert (url.drivername, url.host, url.database, url.password) == ("postgresql+psycopg", "db.example", "luoshi",
                                                                      "secret")
    assert "secret" not in describe(url) and "***" in describe(url)
    assert database_url("postgresql+psycopg://h/d").drivername == "postgresql+psycopg"


def test_a_server_that_is_not_there_is_one_line_without_the_password():
    with socket.socket() as probe:  # a local port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreError) as err:
        Store(f"postgresql://luoshi:hunter2@127.0.0.1:{port}/luoshi")
    message = str(err.value)
    assert "\n" not in message and "[L200]" in message and "hunter2" not in message and f":{port}/" in message


@needs_server
def test_a_wrong_password_is_one_line_without_the_password():
    url = make_url(POSTGRES_URL).set(password="not-the-password")
    with pytest.raises(StoreError) as err:
        Store(url.render_as_string(hide_password=False))
    assert "\n" not in str(err.value) and "not-the-password" not in str(err.value)


@needs_server
def test_the_corpus_gives_the_same_documents_and_tables_on_both_backends(tmp_path, shared, request):
    from luoshi.ingest import ingest

    files = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    results = {}
    for backend, db in (("sqlite", str(tmp_path / "luoshi.db")), ("postgresql", postgres_schema_url(request))):
        with Store(db) as store:
            assert all(not r.failed for r in ingest(files, store))
            docs = store.list_documents()
            results[backend] = (
                [store.get_document(d.name) for d in docs],
                {name: build(store, name).rows for name in TABLES},
            )
    (sqlite_docs, sqlite_tables), (pg_docs, pg_tables) = results["sqlite"], results["postgresql"]
    assert len(sqlite_docs) == len(files)
    for a, b in zip(sqlite_docs, pg_docs, strict=True):
        assert (a.source, a.metadata, a.sections, a.sentences, a.measures, a.targets) == \
               (b.source, b.metadata, b.sections, b.sentences, b.measures, b.targets)
    assert sqlite_tables == pg_tables
