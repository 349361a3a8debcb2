"""Scenarios: named weights, budget frames, objective and forced choices; decisions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned, utcnow
from app.models.enums import FrameType, Objective


class Scenario(Versioned, Base):
    """A scenario (scenarie). A what-if is a scenario with ``is_what_if`` set.

    ``weight_set_id`` None means the adopted weights of the portfolio's budget year.
    ``capacity_fte`` limits internal resources (årsværk per year) when set.
    """

    __tablename__ = "scenario"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    weight_set_id: Mapped[int | None] = mapped_column(
        ForeignKey("weight_set.id", ondelete="SET NULL"), nullable=True
    )
    objective: Mapped[str] = mapped_column(String(10), default=Objective.SCORE.value)
    is_what_if: Mapped[bool] = mapped_column(Boolean, default=False)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    based_on_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenario.id", ondelete="SET NULL"), nullable=True
    )
    capacity_fte: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200), default="")

    frames: Mapped[list[BudgetFrame]] = relationship(cascade="all, delete-orphan")
    forces: Mapped[list[ScenarioForce]] = relationship(cascade="all, delete-orphan")
    exclusion_groups: Mapped[list[ExclusionGroup]] = relationship(cascade="all, delete-orphan")


class BudgetFrame(Base):
    """A budget frame in kr.: total (``budget_year`` None) or for one budget year;
    ``frame_type`` total, anlæg or drift; ``unit_id`` set for a per-unit budget."""

    __tablename__ = "budget_frame"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"))
    budget_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    frame_type: Mapped[str] = mapped_column(String(10), default=FrameType.TOTAL.value)
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("org_unit.id", ondelete="CASCADE"), nullable=True
    )
    amount: Mapped[float] = mapped_column(Float)


class ScenarioForce(Base):
    """An initiative forced in or out of a scenario's selection."""

    __tablename__ = "scenario_force"
    __table_args__ = (UniqueConstraint("scenario_id", "initiative_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"))
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(5))  # ForceMode


class ExclusionGroup(Base):
    """At most one member of the group may be selected (mutual exclusion)."""

    __tablename__ = "exclusion_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    members: Mapped[list[ExclusionMember]] = relationship(cascade="all, delete-orphan")


class ExclusionMember(Base):
    __tablename__ = "exclusion_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("exclusion_group.id", ondelete="CASCADE"), primary_key=True
    )
    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )


class Decision(Base):
    """A decision (beslutning) on an initiative: outcome, forum, date, reason."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    outcome: Mapped[str] = mapped_column(String(30))  # DecisionOutcome
    forum: Mapped[str] = mapped_column(String(30))  # Forum
    decided_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenario.id", ondelete="SET NULL"), nullable=True
    )
    departs_from_recommendation: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
