"""Initial schema: documents and everything found in them.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True)


def _document_id() -> sa.Column:
    return sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def _span(prefix: str = "span", nullable: bool = False) -> list[sa.Column]:
    return [sa.Column(f"{prefix}_start", sa.Integer, nullable=nullable),
            sa.Column(f"{prefix}_end", sa.Integer, nullable=nullable)]


def upgrade() -> None:
    op.create_table(
        "documents",
        _id(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("path", sa.Text),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("encoding", sa.String(32), nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("normalised_text", sa.Text, nullable=False),
        sa.Column("repairs_applied", sa.Boolean, nullable=False),
        sa.Column("extracted", sa.Boolean, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("title_confidence", sa.Float, nullable=False),
        sa.Column("region", sa.Text),
        sa.Column("parent_region", sa.Text),
        sa.Column("level", sa.String(16)),
        sa.Column("division_code", sa.String(6)),
        sa.Column("year", sa.Integer),
        sa.Column("period", sa.Text),
        sa.Column("doc_type", sa.Text),
        sa.Column("session", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("speaker", sa.Text),
        sa.Column("unknown", sa.JSON, nullable=False),
        sa.Column("provenance", sa.JSON, nullable=False),
        sa.Column("source_meta", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("name", "version", name="uq_documents_name_version"),
    )
    op.create_index("ix_documents_sha256", "documents", ["sha256"])

    op.create_table(
        "sections",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("parent_ordinal", sa.Integer),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        *_span(), *_span("heading"),
    )
    op.create_table(
        "sentences",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("section_ordinal", sa.Integer, nullable=False),
        *_span(),
    )
    op.create_table(
        "chrome",
        _id(), _document_id(),
        sa.Column("kind", sa.String(16), nullable=False),
        *_span(),
    )
    op.create_table(
        "repairs",
        _id(), _document_id(),
        *_span(),
        sa.Column("garbled", sa.Text, nullable=False),
        sa.Column("repaired", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("method", sa.String(32), nullable=False),
    )
    op.create_table(
        "glossary",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        *_span(), *_span("anchor", nullable=True),
    )
    op.create_table(
        "measures",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        *_span(),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("indicator", sa.Text, nullable=False),
        sa.Column("indicator_simplified", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_max", sa.Float),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("comparator", sa.String(8), nullable=False),
        sa.Column("change", sa.Boolean, nullable=False),
        sa.Column("period", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("sentence_ordinal", sa.Integer),
        sa.Column("section_ordinal", sa.Integer),
    )
    op.create_table(
        "headline_targets",
        _id(), _document_id(),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("indicator", sa.String(32), nullable=False),
        sa.Column("indicator_text", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_max", sa.Float),
        sa.Column("unit", sa.Text, nullable=False),
        sa.Column("comparator", sa.String(8), nullable=False),
        sa.Column("period", sa.Text),
        *_span(),
        sa.Column("quote", sa.Text, nullable=False),
    )
    for table in ("sections", "sentences", "chrome", "repairs", "glossary", "measures", "headline_targets"):
        op.create_index(f"ix_{table}_document_id", table, ["document_id"])


def downgrade() -> None:
    for table in ("headline_targets", "measures", "glossary", "repairs", "chrome", "sentences", "sections"):
        op.drop_table(table)
    op.drop_table("documents")
