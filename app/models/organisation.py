"""Organisational units: forvaltning above afdeling, plus institutions and staff units."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.enums import UnitKind


class OrgUnit(Base):
    """An organisatorisk enhed. ``code`` is short and stable (e.g. ``BUF``, ``MOD``)."""

    __tablename__ = "org_unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default=UnitKind.FORVALTNING.value)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("org_unit.id", ondelete="SET NULL"), nullable=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[OrgUnit]] = relationship(back_populates="parent")

    def forvaltning(self) -> OrgUnit:
        """The top unit of this unit's branch (the forvaltning it belongs to)."""
        unit = self
        while unit.parent is not None:
            unit = unit.parent
        return unit
