"""Cheaper writes of the register: no column sizes in the search table, no duplicate commitments index.

SQLite's FTS5 table ``commitment_search`` kept each row's token count in a
``_docsize`` shadow table, a B-tree insert per commitment that only ranking
(bm25) reads; the register matches and never ranks, so the table is made
again with ``columnsize=0`` and rebuilt from ``commitments``: it finds the
same rows. ``ix_commitments_document_id`` repeated the first column of the
unique index ``uq_commitments_item`` (document_id, kind, item_ordinal), which
serves the same lookups.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""
from alembic import context, op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _search_table(options: str) -> None:
    op.execute("DROP TABLE IF EXISTS commitment_search")
    op.execute("CREATE VIRTUAL TABLE commitment_search USING fts5(text, content='commitments', "
               f"content_rowid='id', tokenize='trigram'{options})")
    op.execute("INSERT INTO commitment_search(commitment_search) VALUES ('rebuild')")


def upgrade() -> None:
    op.drop_index("ix_commitments_document_id", "commitments")
    if context.get_context().dialect.name == "sqlite":
        _search_table(", columnsize=0")


def downgrade() -> None:
    if context.get_context().dialect.name == "sqlite":
        _search_table("")
    op.create_index("ix_commitments_document_id", "commitments", ["document_id"])
