"""Strategy: goals, external requirements, criteria with scales, weights, pairwise judgements."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned, utcnow
from app.models.enums import CriterionKind, WeightStatus


class StrategicGoal(Base):
    """A goal of the local digitalisation strategy (strategisk mål)."""

    __tablename__ = "strategic_goal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ExternalRequirement(Base):
    """An external requirement (eksternt krav): law, joint-public strategy, KOMBIT, EU, ..."""

    __tablename__ = "external_requirement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    source_type: Mapped[str] = mapped_column(String(30))  # RequirementSource
    source: Mapped[str] = mapped_column(String(300), default="")
    deadline: Mapped[date | None] = mapped_column(nullable=True)
    obliges_local_work: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(500), default="")


class Criterion(Base):
    """A criterion (kriterium) with a fixed scale.

    ``kind`` ordinal: levels 0..4 with a scoring guide (``CriterionLevel``); score =
    level / 4. ``kind`` numeric: raw quantity mapped linearly to 0..1 between
    ``anchor_low`` and ``anchor_high`` and capped (DESIGN §7). ``lower_is_better``
    reverses either scale. ``kind`` group: a node of the criteria tree.
    """

    __tablename__ = "criterion"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default=CriterionKind.ORDINAL.value)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("criterion.id", ondelete="CASCADE"), nullable=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("strategic_goal.id", ondelete="SET NULL"), nullable=True
    )
    lower_is_better: Mapped[bool] = mapped_column(Boolean, default=False)
    anchor_low: Mapped[float | None] = mapped_column(Float, nullable=True)
    anchor_high: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit_label: Mapped[str] = mapped_column(String(40), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    levels: Mapped[list[CriterionLevel]] = relationship(
        cascade="all, delete-orphan", order_by="CriterionLevel.level"
    )


class CriterionLevel(Base):
    """One level of an ordinal scale: 0 ingen, 1 lille, 2 middel, 3 stor, 4 meget stor."""

    __tablename__ = "criterion_level"
    __table_args__ = (UniqueConstraint("criterion_id", "level"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(60))
    guide: Mapped[str] = mapped_column(Text, default="")  # scoringsvejledning


class WeightSet(Versioned, Base):
    """Weights for one budget year: draft, adopted (locked) or a what-if."""

    __tablename__ = "weight_set"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    budget_year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=WeightStatus.DRAFT.value)
    adopted_on: Mapped[date | None] = mapped_column(nullable=True)
    adopted_by: Mapped[str] = mapped_column(String(200), default="")  # e.g. Økonomiudvalget
    based_on_id: Mapped[int | None] = mapped_column(
        ForeignKey("weight_set.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    weights: Mapped[list[Weight]] = relationship(cascade="all, delete-orphan")


class Weight(Base):
    """A criterion's weight in percent within a weight set (top-level or within its parent)."""

    __tablename__ = "weight"
    __table_args__ = (UniqueConstraint("weight_set_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weight_set_id: Mapped[int] = mapped_column(ForeignKey("weight_set.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    percent: Mapped[float] = mapped_column(Float)


class PairwiseJudgement(Base):
    """One AHP judgement: how much more important ``row`` is than ``col`` (1/9..9).

    Judgements compare siblings under ``parent_criterion_id`` (None = the top level).
    """

    __tablename__ = "pairwise_judgement"
    __table_args__ = (UniqueConstraint("weight_set_id", "row_criterion_id", "col_criterion_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weight_set_id: Mapped[int] = mapped_column(ForeignKey("weight_set.id", ondelete="CASCADE"))
    parent_criterion_id: Mapped[int | None] = mapped_column(
        ForeignKey("criterion.id", ondelete="CASCADE"), nullable=True
    )
    row_criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    col_criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"))
    value: Mapped[float] = mapped_column(Float)
