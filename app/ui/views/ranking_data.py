"""Turn the engine's ranking (and rank intervals) into the plain rows the ranking view shows.

The one place where the ranking view meets the services; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services import scoring
from app.services.snapshots import load_settings
from app.ui.views.ranking_model import RankingViewRow


@dataclass(frozen=True)
class RankingData:
    """``ranking`` from ``scoring.rank``; ``rows`` in rank order; ``draws`` the number of
    random weight draws behind the rank intervals (0 = none computed)."""

    ranking: scoring.Ranking
    rows: list[RankingViewRow]
    currency: str
    draws: int = 0


def view_rows(ranking: scoring.Ranking,
              intervals: dict[str, tuple[int, int]] | None = None) -> list[RankingViewRow]:
    """One ``RankingViewRow`` per ranked initiative; contributions in criterion order.

    ``intervals``: {id: (5th, 95th percentile rank)}."""
    keys = [c.key for c in ranking.criteria]
    k = len(keys)
    out = []
    for r in ranking.rows:
        low_high = (intervals or {}).get(r.id)
        out.append(RankingViewRow(
            rank=r.rank, id=r.id, title=r.title, score=r.score,
            contributions=tuple(r.contributions.get(key, 0.0) for key in keys),
            mandatory=r.mandatory, complete=r.complete,
            assessed=int(round(r.completeness * k)), criteria=k,
            value_for_money=r.value_for_money, cost=r.total_cost,
            rank_low=low_high[0] if low_high else None,
            rank_high=low_high[1] if low_high else None,
            lead_department=r.lead_department,
        ))
    return out


def load_ranking(session: Session, scenario: str | None) -> RankingData:
    """The ranking of ``scenario`` (None = default) as view rows, with rank intervals when
    the engine provides them. Raises ``UserError`` for an unknown scenario."""
    ranking = scoring.rank(session, scenario)
    currency = load_settings(session).currency
    return RankingData(ranking, view_rows(ranking), currency)
