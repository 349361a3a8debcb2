"""Initiatives (tiltag), their units, links, assessments, dependencies and notes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned, utcnow
from app.models.enums import Audience, InitiativeKind, Phase

initiative_unit = Table(
    "initiative_unit",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("org_unit.id", ondelete="CASCADE"), primary_key=True),
)
"""Participating units (deltagende enheder), the lead unit not included."""

initiative_goal = Table(
    "initiative_goal",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column("goal_id", ForeignKey("strategic_goal.id", ondelete="CASCADE"), primary_key=True),
)

initiative_requirement = Table(
    "initiative_requirement",
    Base.metadata,
    Column("initiative_id", ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "requirement_id",
        ForeignKey("external_requirement.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)


class Initiative(Versioned, Base):
    """A digitalisation initiative with a stable string id (the source's, or e.g. ``EK-001``).

    Business-case parameters (discount rate, horizon, price base year) are stored on the
    initiative; None means the portfolio's default (DESIGN §7).
    """

    __tablename__ = "initiative"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    lead_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("org_unit.id", ondelete="SET NULL"), nullable=True
    )
    phase: Mapped[str] = mapped_column(String(20), default=Phase.IDEA.value)
    kind: Mapped[str] = mapped_column(String(20), default=InitiativeKind.DEVELOPMENT.value)
    audience: Mapped[str] = mapped_column(String(20), default=Audience.INTERNAL.value)
    maturity_level: Mapped[str | None] = mapped_column(String(30), nullable=True)
    project_owner: Mapped[str] = mapped_column(String(200), default="")  # projektejer
    project_manager: Mapped[str] = mapped_column(String(200), default="")  # projektleder
    benefit_owner: Mapped[str] = mapped_column(String(200), default="")  # gevinstejer
    system_owner: Mapped[str] = mapped_column(String(200), default="")  # systemejer
    start_date: Mapped[date | None] = mapped_column(nullable=True)
    end_date: Mapped[date | None] = mapped_column(nullable=True)
    baseline_end_date: Mapped[date | None] = mapped_column(nullable=True)
    mandatory: Mapped[bool] = mapped_column(Boolean, default=False)
    outside_frame: Mapped[bool] = mapped_column(Boolean, default=False)  # uden for rammen
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    financing: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    discount_rate: Mapped[float | None] = mapped_column(Float, nullable=True)
    horizon_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    price_base_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    full_business_case: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    status_override: Mapped[str | None] = mapped_column(String(10), nullable=True)
    status_comment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")  # import source, if any
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    lead_unit: Mapped["OrgUnit | None"] = relationship()  # type: ignore[name-defined]  # noqa: F821
    units: Mapped[list["OrgUnit"]] = relationship(secondary=initiative_unit)  # type: ignore[name-defined]  # noqa: F821
    goals: Mapped[list["StrategicGoal"]] = relationship(secondary=initiative_goal)  # type: ignore[name-defined]  # noqa: F821
    requirements: Mapped[list["ExternalRequirement"]] = relationship(  # type: ignore[name-defined]  # noqa: F821
        secondary=initiative_requirement
    )
    assessments: Mapped[list[Assessment]] = relationship(
        cascade="all, delete-orphan", back_populates="initiative"
    )
    lines: Mapped[list["BusinessCaseLine"]] = relationship(  # type: ignore[name-defined]  # noqa: F821
        cascade="all, delete-orphan", back_populates="initiative"
    )
    notes: Mapped[list[FieldNote]] = relationship(cascade="all, delete-orphan")


class Assessment(Base):
    """A score on a criterion by an assessor (proposer / digitalisation unit / agreed).

    ``value`` is on the criterion's own scale: level 0..4 for ordinal criteria, the raw
    quantity (e.g. kr. a year) for numeric ones.
    """

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("initiative_id", "criterion_id", "assessor"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    assessor: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")
    assessed_by: Mapped[str] = mapped_column(String(200), default="")
    assessed_at: Mapped[datetime] = mapped_column(default=utcnow)

    initiative: Mapped[Initiative] = relationship(back_populates="assessments")


class Dependency(Base):
    """``initiative_id`` requires ``requires_id``: B must be chosen, and finish, before A."""

    __tablename__ = "dependency"
    __table_args__ = (
        CheckConstraint("initiative_id <> requires_id", name="no_self_dependency"),
    )

    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    requires_id: Mapped[str] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    note: Mapped[str] = mapped_column(Text, default="")


class FieldNote(Base):
    """A note on a field, e.g. the reason a value was withheld (kept from an import)."""

    __tablename__ = "field_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
