"""Alembic environment: runs revisions on the connection luoshi hands over.

luoshi calls Alembic from code (``luoshi.store.migrate``) with an open
connection in ``config.attributes["connection"]``; there is no alembic.ini.
Offline mode (``migrate.sql_script``) renders the DDL for a dialect instead.
"""
from alembic import context

if context.is_offline_mode():
    context.configure(dialect_name=context.config.attributes["dialect"], literal_binds=True)
else:
    context.configure(connection=context.config.attributes["connection"], render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
