"""The register at scale: a per-commitment index of facets and current state, and Chinese full-text search.

``commitment_index`` holds, per commitment, what the register filters and
sorts on, with the state folded from the thread's events; it is filled here
from the events with the same rules as ``luoshi.register.status.fold``
(written out in SQL so that this revision stays what it is when the code
moves on). Search: SQLite gets an FTS5 table with the trigram tokenizer
(any substring of three or more characters, Chinese included), PostgreSQL
the pg_trgm extension and a GIN trigram index for ``LIKE '%…%'``.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import context, op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STATUSES = ("not_started", "in_progress", "done", "partly_done", "not_done", "no_public_info")  # in listing order
SORTED_BY = ("document_id", "span_start")


def upgrade() -> None:
    op.create_table(
        "commitment_index",
        sa.Column("commitment_id", sa.Integer, sa.ForeignKey("commitments.id", ondelete="CASCADE"),
                  primary_key=True, autoincrement=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("latest", sa.Boolean, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("item_ordinal", sa.Integer, nullable=False),
        sa.Column("region", sa.Text),
        sa.Column("year", sa.Integer),
        sa.Column("role", sa.String(16)),
        sa.Column("topic", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_rank", sa.Integer, nullable=False),
        sa.Column("lead_unit", sa.Text),
        sa.Column("deadline", sa.String(10)),
    )
    _backfill()
    index = "commitment_index"
    op.create_index(f"ix_{index}_document", index,
                    ["latest", "document_id", "span_start", "kind", "item_ordinal", "status", "deadline"])
    op.create_index(f"ix_{index}_facets", index, ["latest", "kind", "status", "role", "topic", "deadline"])
    op.create_index(f"ix_{index}_status", index, ["latest", "status_rank", *SORTED_BY])
    for column in ("lead_unit", "region", "year", "deadline", "topic"):
        op.create_index(f"ix_{index}_{column}", index, ["latest", column, *SORTED_BY])
    op.create_index("ix_documents_listing", "documents", ["id", "name", "title", "region", "year"])
    if context.get_context().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE commitment_search USING fts5(text, content='commitments', "
                   "content_rowid='id', tokenize='trigram')")
        op.execute("INSERT INTO commitment_search(commitment_search) VALUES ('rebuild')")
    elif context.get_context().dialect.name == "postgresql":
        _trigram_index()


def _trigram_index() -> None:
    """pg_trgm (in ``public`` when it is new, so that no one schema's drop takes it away) and a GIN index.

    A server where the extension cannot be created still searches, by scanning; the index is an optimisation.
    """
    if context.is_offline_mode():
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_commitments_text_trgm ON commitments USING gin (text gin_trgm_ops)")
        return
    conn = op.get_bind()
    find = sa.text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                   "WHERE e.extname = 'pg_trgm'")
    schema = conn.execute(find).scalar()
    for create in ("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public", "CREATE EXTENSION IF NOT EXISTS pg_trgm"):
        if schema is not None:
            break
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(create)
        except sa.exc.DBAPIError:
            continue
        schema = conn.execute(find).scalar()
    if schema is not None:
        conn.exec_driver_sql(f'CREATE INDEX ix_commitments_text_trgm ON commitments '
                             f'USING gin (text "{schema}".gin_trgm_ops)')


def _backfill() -> None:
    """One row per stored commitment, its state folded from its thread's events in SQL."""
    documents = sa.table("documents", *map(sa.column, ("id", "name", "version", "region", "year")))
    sections = sa.table("sections", *map(sa.column, ("document_id", "level", "span_start", "span_end", "role")))
    commitments = sa.table("commitments", *map(sa.column, (
        "id", "document_id", "kind", "item_ordinal", "thread", "span_start", "text", "topic", "deadline")))
    events = sa.table("commitment_events", *map(sa.column, ("id", "commitment_id", "at", "author", "type", "value")))
    c, d, s, e = commitments.c, documents.c, sections.c, events.c
    other_doc = documents.alias("other_doc")
    latest = d.version == (sa.select(sa.func.max(other_doc.c.version)).where(other_doc.c.name == d.name)
                           .scalar_subquery())
    role = (sa.select(s.role).where(s.document_id == c.document_id, s.span_start <= c.span_start,
                                    c.span_start < s.span_end)
            .order_by(s.level.desc(), s.span_start.desc()).limit(1).scalar_subquery())

    def newest(kind: str, *conditions):
        same = commitments.alias("same_thread")
        return (sa.select(e.value).select_from(events.join(same, same.c.id == e.commitment_id))
                .where(same.c.thread == c.thread, e.type == kind, *conditions)
                .order_by(e.at.desc(), e.id.desc()).limit(1).scalar_subquery())

    machine = e.author.like("luoshi:%")
    status = sa.func.coalesce(newest("status", sa.not_(machine)), newest("status", machine), "not_started")
    query = (sa.select(c.id, c.document_id, sa.case((latest, True), else_=False), c.span_start, c.kind,
                       c.item_ordinal, d.region, d.year, role, c.topic, status, sa.literal(0), newest("lead"),
                       sa.func.coalesce(newest("deadline"), c.deadline))
             .join(documents, d.id == c.document_id))
    columns = ("commitment_id", "document_id", "latest", "span_start", "kind", "item_ordinal", "region", "year",
               "role", "topic", "status", "status_rank", "lead_unit", "deadline")
    index = sa.table("commitment_index", *map(sa.column, columns))
    op.execute(index.insert().from_select(columns, query))
    rank = sa.case(*((index.c.status == key, i) for i, key in enumerate(STATUSES)), else_=0)
    op.execute(index.update().values(status_rank=rank))


def downgrade() -> None:
    dialect = context.get_context().dialect.name
    op.drop_index("ix_documents_listing", "documents")
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS commitment_search")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_commitments_text_trgm")
    op.drop_table("commitment_index")
