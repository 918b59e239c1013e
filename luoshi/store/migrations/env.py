"""Alembic environment: runs revisions on the connection luoshi hands over.

luoshi calls Alembic from code (``luoshi.store.migrate``) with an open
connection in ``config.attributes["connection"]``; there is no alembic.ini.
"""
from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
