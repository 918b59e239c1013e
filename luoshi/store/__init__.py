"""The store: documents and everything found in them, in SQLite or PostgreSQL.

``Store(db)`` opens a database (a file path or a SQLAlchemy URL), creating
and migrating its schema; see ``schema.py`` for the tables and
``writer.py`` for the versioning rules.
"""
from luoshi.store.database import Store
from luoshi.store.engine import DEFAULT_DB
from luoshi.store.records import DocumentSummary, StoredDocument
from luoshi.store.writer import Saved

__all__ = ["DEFAULT_DB", "DocumentSummary", "Saved", "Store", "StoredDocument"]
