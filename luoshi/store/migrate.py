"""Bring a database's schema up to date with Alembic, from code.

The schema is versioned from the first release: every change is a revision
in ``migrations/versions``. Opening a database runs any revisions it lacks;
a database stamped with a revision this code does not know was written by a
newer luoshi, and is refused (``SchemaTooNew``) rather than misread.
"""
from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Connection, Engine

from luoshi.errors import SchemaTooNew
from luoshi.store.engine import WRITE

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _missing_revisions(connection: Connection, script: ScriptDirectory, where: str) -> bool:
    """Whether revisions must run; raises ``SchemaTooNew`` for an unknown revision."""
    current = set(MigrationContext.configure(connection).get_current_heads())
    heads = set(script.get_heads())
    if current == heads:
        return False
    for revision in current:
        try:
            script.revision_map.get_revision(revision)
        except (RevisionError, CommandError):
            raise SchemaTooNew(
                f"database schema is at revision {revision}, newer than this luoshi knows "
                f"(latest {', '.join(sorted(heads))}); upgrade luoshi to read it",
                path=where,
            ) from None
    return True


def upgrade(engine: Engine, where: str) -> None:
    """Run the revisions the database lacks (none, usually: a cheap check)."""
    script = ScriptDirectory.from_config(_config())
    with engine.connect() as connection:
        if not _missing_revisions(connection, script, where):
            return
    # Check again under the write lock: another process may have migrated meanwhile.
    with engine.connect().execution_options(**WRITE) as connection, connection.begin():
        if _missing_revisions(connection, script, where):
            command.upgrade(_config(connection), "head")


def sql_script(dialect: str = "postgresql") -> str:
    """The DDL of every revision for ``dialect``, for a DBA to read or run by hand."""
    config = _config()
    config.attributes["dialect"] = dialect
    buffer = io.StringIO()
    config.output_buffer = buffer
    command.upgrade(config, "head", sql=True)
    return buffer.getvalue()


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()
