"""Alembic environment of Prioritise, run by the application itself (app/services/migrate.py).

The caller passes an open connection in ``config.attributes["connection"]`` and owns the
transaction around it: every revision runs inside that one transaction, so an upgrade
either completes or leaves the portfolio as it was. ``render_as_batch`` lets SQLite
rebuild tables for changes ALTER TABLE cannot make (Alembic docs, "Running Batch
Migrations for SQLite and Other Databases").
"""

from __future__ import annotations

from alembic import context

from app.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes its connection
    raise RuntimeError("Prioritise runs its migrations itself; use app.services.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
