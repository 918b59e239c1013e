"""``Store``: the repository object the CLI and the Python API use.

Each public method takes its own connection (and, for writes, its own
``BEGIN IMMEDIATE`` transaction), so a ``Store`` can be shared by a long
batch and is safe next to other processes writing the same database.
Database failures surface as ``StoreError`` with one readable line.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from luoshi.errors import LuoshiError, StoreError
from luoshi.model import Document
from luoshi.options import Options
from luoshi.store import reader, writer
from luoshi.store.engine import DEFAULT_DB, WRITE, describe, make_engine
from luoshi.store.migrate import upgrade
from luoshi.store.records import DocumentSummary, StoredDocument
from luoshi.store.writer import Saved


class Store:
    """A luoshi database: ``Store(path_or_url)``; close it with ``close()`` or use it in ``with``."""

    def __init__(self, db: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        """Open (and with ``create``, make) the database at ``db``, migrating its schema if needed.

        :raises NotFound: ``create`` is false and there is no SQLite file at ``db``.
        :raises SchemaTooNew: the database was written by a newer luoshi.
        """
        self.engine = make_engine(db, create=create)
        self.where = describe(self.engine.url)
        try:
            with self._errors():
                upgrade(self.engine, self.where)
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def url(self) -> str:
        """The database URL, password included (to open the same database in another process)."""
        return self.engine.url.render_as_string(hide_password=False)

    @property
    def shareable(self) -> bool:
        """Whether other processes can open this database (not an in-memory SQLite one)."""
        url = self.engine.url
        return url.get_backend_name() != "sqlite" or url.database not in (None, "", ":memory:")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------

    def save_document(self, doc: Document, options: Options = Options()) -> Saved:
        """Store ``doc`` in one transaction: ``(id, status, version, name)``, status ok / unchanged / new version.

        ``name`` is the name stored under: the source name, or that name qualified by region, year and type
        when a document of another region, year or type has it (``writer.stored_name``).
        The same transaction indexes its commitments for the register (``luoshi.register.index``).
        """
        from luoshi.register import index  # the register builds on the store: imported when first needed

        with self._write() as conn:
            saved, commitments = writer.store_document(conn, doc, options)
            if saved.status != "unchanged":
                index.add_document(conn, saved, doc, commitments)
            return saved

    def find_unchanged(self, name: str, sha256: str, options: Options = Options()) -> Saved | None:
        """The stored document that storing this source again would leave unchanged, if any."""
        with self._read() as conn:
            return writer.find_unchanged(conn, name, sha256, options)

    # --- reading ---------------------------------------------------------------

    def list_documents(self) -> list[DocumentSummary]:
        with self._read() as conn:
            return reader.list_documents(conn)

    def get_document(self, ref: int | str) -> StoredDocument:
        """A document by id or by source name (its latest version). :raises NotFound:"""
        with self._read() as conn:
            return reader.load_document(conn, reader.resolve(conn, ref))

    def measures(self, doc: int | str | None = None, kind: str | None = None) -> list[dict]:
        """Measures as prediction rows (``shared/gold`` format), of one document or all latest versions."""
        with self._read() as conn:
            doc_id = reader.resolve(conn, doc) if doc is not None else None
            return list(reader.measure_rows(conn, doc_id, kind))

    def targets(self, doc: int | str | None = None) -> list[dict]:
        """Headline-target rows, of one document or all latest versions."""
        with self._read() as conn:
            doc_id = reader.resolve(conn, doc) if doc is not None else None
            return list(reader.target_rows(conn, doc_id))

    def counts(self) -> dict[str, int]:
        """Rows per table, all versions included."""
        with self._read() as conn:
            return reader.counts(conn)

    # --- plumbing --------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except LuoshiError:
            raise
        except (SQLAlchemyError, self.engine.dialect.loaded_dbapi.Error) as exc:  # the writer uses raw cursors too
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise StoreError(f"database error: {detail}", path=self.where) from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._errors(), self.engine.connect().execution_options(**WRITE) as conn, conn.begin():
            yield conn
