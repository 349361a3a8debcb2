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
#: above this many initiatives no rank intervals are computed while the user waits (their
#: rank counts take n × n memory: 2,000 initiatives = 16 MB, 10,000 would be 400 MB)
INTERVAL_MAX_INITIATIVES = 2000


#: up to this many initiatives the intervals are computed at once (≈ 0.4 s); above, the
#: view shows the ranking first and fills the intervals in from a worker thread
INTERVAL_SYNC_MAX = 300


def interval_map(model: scoring.ScoreModel) -> tuple[dict[str, tuple[int, int]], int]:
    """{id: (5th, 95th percentile rank)} under seeded random weights, and the draws used.
    Pure (no session): may run off the GUI thread."""
    draws = draws_for(model.n)
    ri = sensitivity.rank_intervals(model, draws=draws, seed=INTERVAL_SEED)
    return {i: (int(lo), int(hi)) for i, lo, hi in zip(ri.ids, ri.p05, ri.p95)}, draws


def load_ranking(session: Session, scenario: str | None) -> tuple[RankingData, scoring.ScoreModel | None]:
    """The ranking of ``scenario`` (None = default) as view rows with the 5th–95th
    percentile rank intervals of ``sensitivity.rank_intervals`` under the same weights.
    Returns (data, model): for a portfolio above ``INTERVAL_SYNC_MAX`` the intervals are
    left out and ``model`` is what ``interval_map`` needs to compute them; else ``model``
    is None. Raises ``UserError`` for an unknown scenario."""
    ranking = scoring.rank(session, scenario)
    currency = load_settings(session).currency
    weights = {c.key: c.weight for c in ranking.criteria}
    model = scoring.load_model(session, weights)
    if (model.n == 0 or model.n > INTERVAL_MAX_INITIATIVES or not len(model.weights)
            or model.weights.sum() <= 0):
        return RankingData(ranking, view_rows(ranking), currency), None
    if model.n > INTERVAL_SYNC_MAX:
        return RankingData(ranking, view_rows(ranking), currency), model
    intervals, draws = interval_map(model)
    return RankingData(ranking, view_rows(ranking, intervals), currency, draws), None
