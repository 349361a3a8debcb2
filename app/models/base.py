"""Declarative base, naming convention and shared column types.

The naming convention gives every constraint a stable name, which Alembic's batch mode
needs to rebuild SQLite tables (see Alembic docs, "Batch Migrations for SQLite").
"""

from __future__ import annotations

import enum
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware UTC (stored as such in every timestamp column)."""
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    """Base of every table of a portfolio."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True)}


class Versioned:
    """Mixin: an optimistic-locking row version (DESIGN §5: concurrent edits detected).

    SQLAlchemy raises ``StaleDataError`` when an UPDATE finds another version than the
    one it read; the store turns that into a ``ConflictError``.
    """

    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


class StrEnum(str, enum.Enum):
    """An enum stored by its value (the code used in files, JSON and the database)."""

    def __str__(self) -> str:
        return self.value
