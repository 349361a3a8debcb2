"""A portfolio's headline facts for the window title and status bar."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Initiative, PortfolioSettings


@dataclass(frozen=True)
class Overview:
    """``initiatives`` counted; ``budget_year`` the year being budgeted; ``currency`` ISO 4217."""

    name: str
    municipality: str
    initiatives: int
    budget_year: int
    currency: str


def load_overview(session: Session) -> Overview:
    """The portfolio's name, municipality, number of initiatives, budget year and currency."""
    settings = session.get(PortfolioSettings, 1)
    count = session.scalar(select(func.count()).select_from(Initiative)) or 0
    if settings is None:  # pragma: no cover - every portfolio has its settings row
        raise LookupError("portfolio_settings row missing")
    return Overview(settings.name, settings.municipality, int(count), settings.budget_year,
                    settings.currency)
