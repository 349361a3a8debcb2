"""Business-case lines in budget form (DESIGN §7)."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.enums import LineType


class BusinessCaseLine(Base):
    """One cost or benefit line of an initiative's business case.

    Amounts are in kr. (the portfolio's currency) in the price base year, as positive
    numbers for costs; a benefit may be negative (a dis-benefit). ``budget_year`` None
    means "no year given" (e.g. an imported whole-life total). Internal working time
    (category ``interne_ressourcer``) is not cash: ``cash`` is False and ``fte`` holds the
    årsværk; it counts against capacity, never the budget.
    """

    __tablename__ = "business_case_line"
    __table_args__ = (
        CheckConstraint("flow <> 'cost' OR amount >= 0", name="cost_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    flow: Mapped[str] = mapped_column(String(10))  # Flow
    budget_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line_type: Mapped[str] = mapped_column(String(10), default=LineType.OPERATING.value)
    derived_operating: Mapped[bool] = mapped_column(Boolean, default=False)  # afledt drift
    category: Mapped[str] = mapped_column(String(40), default="andet")
    financing: Mapped[str] = mapped_column(String(100), default="")
    amount: Mapped[float] = mapped_column(Float)  # likely value, kr.
    amount_low: Mapped[float | None] = mapped_column(Float, nullable=True)
    amount_high: Mapped[float | None] = mapped_column(Float, nullable=True)
    cash: Mapped[bool] = mapped_column(Boolean, default=True)
    fte: Mapped[float | None] = mapped_column(Float, nullable=True)  # årsværk
    benefit_kind: Mapped[str | None] = mapped_column(String(30), nullable=True)
    beneficiary: Mapped[str | None] = mapped_column(String(30), nullable=True)
    giving_unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("org_unit.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")

    initiative: Mapped["Initiative"] = relationship(back_populates="lines")  # type: ignore[name-defined]  # noqa: F821
