"""The register: tasks, projects, slogans, commitments and their tracking events; measure direction and topic.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from collections import Counter

import sqlalchemy as sa
from alembic import context, op

from luoshi.deadlines import default_deadline
from luoshi.store.writer import thread_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True)


def _document_id() -> sa.Column:
    return sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def _span() -> list[sa.Column]:
    return [sa.Column("span_start", sa.Integer, nullable=False), sa.Column("span_end", sa.Integer, nullable=False)]


def upgrade() -> None:
    op.add_column("measures", sa.Column("direction", sa.String(8)))
    op.add_column("measures", sa.Column("topic", sa.Text))
    op.create_table(
        "tasks",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        *_span(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("verb", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_simplified", sa.Text, nullable=False),
        sa.Column("period", sa.Text),
        sa.Column("deadline", sa.Text),
        sa.Column("topic", sa.Text),
        sa.Column("sentence_ordinal", sa.Integer),
        sa.Column("section_ordinal", sa.Integer),
        sa.Column("projects", sa.JSON, nullable=False),
        sa.Column("slogans", sa.JSON, nullable=False),
    )
    op.create_table(
        "task_measures",
        _id(), _document_id(),
        sa.Column("task_ordinal", sa.Integer, nullable=False),
        sa.Column("measure_ordinal", sa.Integer, nullable=False),
    )
    op.create_table(
        "projects",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("mentions", sa.JSON, nullable=False),
        sa.Column("tasks", sa.JSON, nullable=False),
    )
    op.create_table(
        "slogans",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("definition", sa.Text),
        sa.Column("glossary_ordinal", sa.Integer),
        sa.Column("mentions", sa.JSON, nullable=False),
    )
    op.create_table(
        "commitments",
        _id(), _document_id(),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("item_ordinal", sa.Integer, nullable=False),
        sa.Column("thread", sa.String(32), nullable=False),
        *_span(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("topic", sa.Text),
        sa.Column("period", sa.Text),
        sa.Column("deadline", sa.String(10)),
        sa.Column("deadline_stated", sa.Text),
        sa.UniqueConstraint("document_id", "kind", "item_ordinal", name="uq_commitments_item"),
    )
    op.create_table(
        "evidence_files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "commitment_events",
        _id(),
        sa.Column("commitment_id", sa.Integer, sa.ForeignKey("commitments.id"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("evidence_url", sa.Text),
        sa.Column("evidence_name", sa.Text),
        sa.Column("evidence_sha256", sa.String(64), sa.ForeignKey("evidence_files.sha256")),
        sa.Column("evidence_document_id", sa.Integer, sa.ForeignKey("documents.id")),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
    )
    for table in ("tasks", "task_measures", "projects", "slogans", "commitments"):
        op.create_index(f"ix_{table}_document_id", table, ["document_id"])
    op.create_index("ix_commitments_thread", "commitments", ["thread"])
    op.create_index("ix_commitment_events_commitment_id", "commitment_events", ["commitment_id"])
    if not context.is_offline_mode():
        _register_stored_targets()


def _register_stored_targets() -> None:
    """Documents stored before the register get their commitments: every target measure (tasks were not kept).

    The rows are what ``writer.save_document`` makes for them now, so a new version of such a document
    continues these commitments' threads.
    """
    conn = op.get_bind()
    documents, measures = sa.table("documents", *map(sa.column, ("id", "name", "year", "period"))), sa.table(
        "measures", *map(sa.column, ("document_id", "ordinal", "kind", "span_start", "span_end", "quote", "period")))
    query = (sa.select(documents.c.id, documents.c.name, documents.c.year, documents.c.period.label("doc_period"),
                       measures.c.ordinal, measures.c.span_start, measures.c.span_end, measures.c.quote,
                       measures.c.period)
             .join(measures, measures.c.document_id == documents.c.id).where(measures.c.kind == "target")
             .order_by(documents.c.id, measures.c.ordinal))
    seen: Counter = Counter()
    rows = []
    for r in conn.execute(query):
        seen[r.id, r.quote] += 1
        due = default_deadline(None, r.period or r.doc_period, r.year)
        rows.append({"document_id": r.id, "kind": "measure", "item_ordinal": r.ordinal,
                     "thread": thread_key(r.name, "measure", r.quote, seen[r.id, r.quote]),
                     "span_start": r.span_start, "span_end": r.span_end, "text": r.quote, "topic": None,
                     "period": r.period or r.doc_period or (str(r.year) if r.year else None),
                     "deadline": due.isoformat() if due else None, "deadline_stated": None})
    if rows:
        columns = ("document_id", "kind", "item_ordinal", "thread", "span_start", "span_end", "text", "topic",
                   "period", "deadline", "deadline_stated")
        conn.execute(sa.table("commitments", *map(sa.column, columns)).insert(), rows)


def downgrade() -> None:
    for table in ("commitment_events", "evidence_files", "commitments", "slogans", "projects", "task_measures",
                  "tasks"):
        op.drop_table(table)
    with op.batch_alter_table("measures") as batch:
        batch.drop_column("topic")
        batch.drop_column("direction")
