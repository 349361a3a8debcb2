"""The audit log: every change, who, when, what, old → new (aktindsigt-ready)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class AuditEntry(Base):
    """One changed field (or a created / deleted row) in one transaction.

    ``initiative_id`` is set whenever the change concerns an initiative, so its history
    can be shown; it is a plain column (no foreign key) so history survives deletion.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_initiative", "initiative_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete | event
    entity: Mapped[str] = mapped_column(String(60))  # table name
    entity_id: Mapped[str] = mapped_column(String(200))
    initiative_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    field: Mapped[str] = mapped_column(String(100), default="")
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    context: Mapped[str] = mapped_column(Text, default="")  # e.g. "import uk_gmpp.csv"
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenario.id", ondelete="SET NULL"), nullable=True
    )
