"""Portfolio settings: one row per portfolio database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Versioned, utcnow


class PortfolioSettings(Versioned, Base):
    """Settings of the portfolio (exactly one row, id 1).

    Defaults: currency DKK; discount rate 3.5 % (Finansministeriet, socio-economic rate
    for years 0–35 since January 2021); horizon 5 years; status lights after Statens
    It-råd (cost overrun over 10 % red, delay over 3 months red).
    """

    __tablename__ = "portfolio_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="Digitaliseringsportefølje")
    municipality: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="DKK")
    price_base_year: Mapped[int] = mapped_column(Integer)
    budget_year: Mapped[int] = mapped_column(Integer)
    discount_rate: Mapped[float] = mapped_column(Float, default=0.035)
    horizon_years: Mapped[int] = mapped_column(Integer, default=5)
    #: cost overrun (fraction) above which the status light turns amber / red
    cost_overrun_amber: Mapped[float] = mapped_column(Float, default=0.05)
    cost_overrun_red: Mapped[float] = mapped_column(Float, default=0.10)
    #: delay in months above which the status light turns amber / red
    delay_amber_months: Mapped[float] = mapped_column(Float, default=1.0)
    delay_red_months: Mapped[float] = mapped_column(Float, default=3.0)
    #: total cost (kr.) above which an initiative needs a full business case
    full_business_case_threshold: Mapped[float] = mapped_column(Float, default=10_000_000.0)
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
