"""The database tables, as SQLAlchemy Core metadata.

The tables are meant to be read as they are (Datasette, pandas, psql), so
names are plain words and every span is two columns ``span_start`` /
``span_end`` of code-point offsets into ``documents.source_text``
(``end`` is a reserved word in SQL). ``quote`` columns are convenience
copies of ``source_text[span_start:span_end]`` for people browsing the
tables; the offsets are the truth.

This module describes the *current* schema for the repository code. The
schema itself is created and changed only by the Alembic revisions in
``luoshi/store/migrations/versions`` (a test checks the two agree).
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _document_fk() -> Column:
    return Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),  # source name: file name, or "file.csv#row12"
    Column("version", Integer, nullable=False),
    Column("path", Text),
    Column("sha256", String(64), nullable=False),
    Column("format", String(16), nullable=False),
    Column("encoding", String(32), nullable=False),
    Column("source_text", Text, nullable=False),
    Column("normalised_text", Text, nullable=False),
    Column("repairs_applied", Boolean, nullable=False),
    Column("extracted", Boolean, nullable=False),
    Column("title", Text),
    Column("title_confidence", Float, nullable=False),
    Column("region", Text),
    Column("parent_region", Text),
    Column("level", String(16)),
    Column("division_code", String(6)),
    Column("year", Integer),
    Column("period", Text),
    Column("doc_type", Text),
    Column("session", Text),
    Column("date", String(10)),
    Column("speaker", Text),
    Column("unknown", JSON, nullable=False),
    Column("provenance", JSON, nullable=False),
    Column("notes", JSON, nullable=False, server_default="{}"),  # field -> how it was found or inferred
    Column("source_meta", JSON, nullable=False),  # Source.meta: hints from the file, its columns, its sidecar
    Column("source_meta_origin", JSON, nullable=False, server_default="{}"),  # hint key -> where it came from
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("name", "version", name="uq_documents_name_version"),
)
Index("ix_documents_sha256", documents.c.sha256)
# Lists of documents read these columns from the index alone: in SQLite they follow the texts in the row.
Index("ix_documents_listing", documents.c.id, documents.c.name, documents.c.title, documents.c.region,
      documents.c.year)

sections = Table(
    "sections", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("parent_ordinal", Integer),
    Column("level", Integer, nullable=False),
    Column("label", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("heading_start", Integer, nullable=False),
    Column("heading_end", Integer, nullable=False),
)
Index("ix_sections_document_id", sections.c.document_id)

sentences = Table(
    "sentences", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("section_ordinal", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
)
Index("ix_sentences_document_id", sentences.c.document_id)

chrome = Table(
    "chrome", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("kind", String(16), nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
)
Index("ix_chrome_document_id", chrome.c.document_id)

repairs = Table(
    "repairs", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("garbled", Text, nullable=False),  # Repair.before: the source slice as found
    Column("repaired", Text),  # Repair.after: None when only flagged
    Column("status", String(16), nullable=False),
    Column("method", String(32), nullable=False),
)
Index("ix_repairs_document_id", repairs.c.document_id)

glossary = Table(
    "glossary", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("term", Text, nullable=False),
    Column("definition", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("anchor_start", Integer),
    Column("anchor_end", Integer),
)
Index("ix_glossary_document_id", glossary.c.document_id)

measures = Table(
    "measures", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("indicator", Text, nullable=False),
    Column("indicator_simplified", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("unit", Text, nullable=False),
    Column("comparator", String(8), nullable=False),
    Column("change", Boolean, nullable=False),
    Column("period", Text),
    Column("confidence", Float, nullable=False),
    Column("sentence_ordinal", Integer),
    Column("section_ordinal", Integer),
    Column("direction", String(8)),  # up | down: which way the indicator should move, when stated
    Column("topic", Text),
)
Index("ix_measures_document_id", measures.c.document_id)

headline_targets = Table(
    "headline_targets", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("indicator", String(32), nullable=False),
    Column("indicator_text", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("unit", Text, nullable=False),
    Column("comparator", String(8), nullable=False),
    Column("period", Text),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
)
Index("ix_headline_targets_document_id", headline_targets.c.document_id)

tasks = Table(
    "tasks", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("verb", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("text_simplified", Text, nullable=False),
    Column("period", Text),
    Column("deadline", Text),  # as the text states it: 年内, 2024年6月底前
    Column("topic", Text),
    Column("sentence_ordinal", Integer),
    Column("section_ordinal", Integer),
    Column("projects", JSON, nullable=False),  # ordinals into projects
    Column("slogans", JSON, nullable=False),  # ordinals into slogans
)
Index("ix_tasks_document_id", tasks.c.document_id)

task_measures = Table(  # Task.measures as rows, so that SQL can join a task to its numbers
    "task_measures", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("task_ordinal", Integer, nullable=False),
    Column("measure_ordinal", Integer, nullable=False),
)
Index("ix_task_measures_document_id", task_measures.c.document_id)

projects = Table(
    "projects", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("category", String(16), nullable=False),
    Column("mentions", JSON, nullable=False),  # [[start, end], …] into the source text
    Column("tasks", JSON, nullable=False),  # ordinals into tasks
)
Index("ix_projects_document_id", projects.c.document_id)

slogans = Table(
    "slogans", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("ordinal", Integer, nullable=False),
    Column("term", Text, nullable=False),
    Column("definition", Text),
    Column("glossary_ordinal", Integer),
    Column("mentions", JSON, nullable=False),  # [[start, end], …] into the source text
)
Index("ix_slogans_document_id", slogans.c.document_id)

# Child tables in the order a document's rows are written.
CHILD_TABLES = (sections, sentences, chrome, repairs, glossary, measures, headline_targets, tasks, task_measures,
                projects, slogans)

# --- the register: commitments and their append-only tracking events -------------------------------

commitments = Table(  # one row per trackable item of a document version: each target task and target measure
    "commitments", metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("kind", String(8), nullable=False),  # task | measure
    Column("item_ordinal", Integer, nullable=False),  # index into the document's tasks or measures
    # Which history the commitment's events join: a hash of the source name, kind, text and occurrence, so
    # the same item in every version of a document shares one thread of events.
    Column("thread", String(32), nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("topic", Text),
    Column("period", Text),
    Column("deadline", String(10)),  # default deadline, ISO date: stated limit or end of the period
    Column("deadline_stated", Text),  # the limit as the text states it
    UniqueConstraint("document_id", "kind", "item_ordinal", name="uq_commitments_item"),
)
Index("ix_commitments_thread", commitments.c.thread)

evidence_files = Table(  # file contents kept in the database, so that it is self-contained; one row per content
    "evidence_files", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

commitment_events = Table(  # append-only: rows are inserted, never updated or deleted
    "commitment_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("commitment_id", Integer, ForeignKey("commitments.id"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),  # UTC
    Column("author", Text, nullable=False),
    Column("type", String(16), nullable=False),  # status | lead | cooperating | deadline | note | evidence
    Column("value", Text),  # status key, unit, ISO date, note or evidence text
    Column("note", Text),
    Column("evidence_url", Text),
    Column("evidence_name", Text),  # file name as given
    Column("evidence_sha256", String(64), ForeignKey("evidence_files.sha256")),
    Column("evidence_document_id", Integer, ForeignKey("documents.id")),  # a stored document that shows it
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
)
Index("ix_commitment_events_commitment_id", commitment_events.c.commitment_id)

REGISTER_TABLES = (commitments, evidence_files, commitment_events)

# What the register lists and filters on, one row per commitment, so that a page of 100,000 commitments is
# an index scan: the document's region and year, the innermost section's role, and the state folded from the
# thread's events (``luoshi.register.status.fold``). Derived, never edited by hand: ``luoshi.register.index``
# writes it in the same transaction as the document or the event it follows from.
commitment_index = Table(
    "commitment_index", metadata,
    Column("commitment_id", Integer, ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    _document_fk(),
    Column("latest", Boolean, nullable=False),  # the document is the latest version of its name
    Column("span_start", Integer, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("item_ordinal", Integer, nullable=False),
    Column("region", Text),
    Column("year", Integer),
    Column("role", String(16)),
    Column("topic", Text),
    Column("status", String(16), nullable=False),
    Column("status_rank", Integer, nullable=False),  # the status's place in STATUS_LABELS, to sort by
    Column("lead_unit", Text),
    Column("deadline", String(10)),  # ISO date: the newest deadline event, or the default
)
_ci = commitment_index.c
Index("ix_commitment_index_document", _ci.latest, _ci.document_id, _ci.span_start, _ci.kind, _ci.item_ordinal,
      _ci.status, _ci.deadline)  # covers the board's counts per document
Index("ix_commitment_index_facets", _ci.latest, _ci.kind, _ci.status, _ci.role, _ci.topic, _ci.deadline)
Index("ix_commitment_index_status", _ci.latest, _ci.status_rank, _ci.document_id, _ci.span_start)
Index("ix_commitment_index_lead_unit", _ci.latest, _ci.lead_unit, _ci.document_id, _ci.span_start)
Index("ix_commitment_index_region", _ci.latest, _ci.region, _ci.document_id, _ci.span_start)
Index("ix_commitment_index_year", _ci.latest, _ci.year, _ci.document_id, _ci.span_start)
Index("ix_commitment_index_deadline", _ci.latest, _ci.deadline, _ci.document_id, _ci.span_start)
Index("ix_commitment_index_topic", _ci.latest, _ci.topic, _ci.document_id, _ci.span_start)

# Full-text search over commitments.text, made by revision 0006 in each dialect's own way and so not described
# here: on SQLite the FTS5 table ``commitment_search`` (trigram tokenizer, no column sizes since 0007; FTS5
# keeps shadow tables named ``commitment_search_*``), on PostgreSQL a pg_trgm GIN index. ``include_object`` tells Alembic's comparison
# to leave them out.
SEARCH_TABLE = "commitment_search"
TRIGRAM_INDEX = "ix_commitments_text_trgm"


def include_object(_object, name: str | None, type_: str, reflected: bool, _compare_to) -> bool:
    """Alembic's ``include_object`` hook: everything but the dialect-specific search objects."""
    if reflected and type_ == "table" and name and (name == SEARCH_TABLE or name.startswith(SEARCH_TABLE + "_")):
        return False
    return not (reflected and type_ == "index" and name == TRIGRAM_INDEX)

# --- accounts: who may edit the register in the web application --------------------------------------

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False),
    Column("password_hash", Text, nullable=False),  # argon2id, with its parameters and salt
    Column("role", String(8), nullable=False),  # viewer | editor | admin
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled", Boolean, nullable=False),
    UniqueConstraint("username", name="uq_users_username"),
)

sessions = Table(  # a signed-in browser; the cookie holds a random token, the table only its sha256
    "sessions", metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
Index("ix_sessions_user_id", sessions.c.user_id)

login_attempts = Table(  # failed sign-ins, counted per user name and address to slow down guessing
    "login_attempts", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False),
    Column("ip", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_login_attempts_username_ip", login_attempts.c.username, login_attempts.c.ip)

uploads = Table(  # documents uploaded through the web application, and how their ingest went
    "uploads", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("status", String(8), nullable=False),  # running | done | error
    Column("message", Text),  # the one-line error
    Column("document_ids", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
)
