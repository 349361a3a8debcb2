"""Turn the engine's ranking (and rank intervals) into the plain rows the ranking view shows.

The one place where the ranking view meets the services; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services import scoring, sensitivity
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


def draws_for(n: int) -> int:
    """Random weight draws for rank intervals: 10,000 (DESIGN §7) up to 1,000 initiatives,
    fewer above so that a national-size portfolio still re-ranks while the user waits."""
    return INTERVAL_DRAWS if n <= 1000 else max(500, INTERVAL_DRAWS * 1000 // n)


#: random weight draws behind the rank intervals (seeded: the same every time)
INTERVAL_DRAWS = 10_000
INTERVAL_SEED = 0


def load_ranking(session: Session, scenario: str | None) -> RankingData:
    """The ranking of ``scenario`` (None = default) as view rows, with the 5th–95th
    percentile rank intervals of ``sensitivity.rank_intervals`` under the same weights.
    Raises ``UserError`` for an unknown scenario."""
    ranking = scoring.rank(session, scenario)
    currency = load_settings(session).currency
    weights = {c.key: c.weight for c in ranking.criteria}
    model = scoring.load_model(session, weights)
    if model.n == 0 or not len(model.weights) or model.weights.sum() <= 0:
        return RankingData(ranking, view_rows(ranking), currency)
    draws = draws_for(model.n)
    ri = sensitivity.rank_intervals(model, draws=draws, seed=INTERVAL_SEED)
    intervals = {i: (int(lo), int(hi)) for i, lo, hi in zip(ri.ids, ri.p05, ri.p95)}
    return RankingData(ranking, view_rows(ranking, intervals), currency, draws)
