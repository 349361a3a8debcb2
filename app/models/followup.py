"""Follow-up: success criteria (succeskriterier) with baseline, targets and measurements."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class SuccessCriterion(Base):
    """An indicator with baseline (nulpunktsmåling) and target band (pess./likely/opt.)."""

    __tablename__ = "success_criterion"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    unit_label: Mapped[str] = mapped_column(String(40), default="")
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    baseline_date: Mapped[date | None] = mapped_column(nullable=True)
    target_pessimistic: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_likely: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_optimistic: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_date: Mapped[date | None] = mapped_column(nullable=True)
    owner: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    measurements: Mapped[list[Measurement]] = relationship(
        cascade="all, delete-orphan", order_by="Measurement.measured_on"
    )


class Measurement(Base):
    __tablename__ = "measurement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    success_criterion_id: Mapped[int] = mapped_column(
        ForeignKey("success_criterion.id", ondelete="CASCADE")
    )
    measured_on: Mapped[date]
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")
