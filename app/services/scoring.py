"""Anchored scoring and ranking (DESIGN §7 "Scales", "Total score", §6 ``rank``).

Every criterion has a fixed scale: ordinal levels 0..4 score ``level / 4``; numeric
quantities map linearly between the criterion's two anchors and are capped to 0..1;
``lower_is_better`` reverses either scale. A score therefore never depends on the other
initiatives of the portfolio (no min–max over the portfolio).

The pure core is ``ScoreModel``: an n×k matrix of agreed scores (NaN = missing) and k leaf
weights (fractions summing to 1), so re-ranking after a weight change is one
vectorised product and sum. ``rank(session, scenario)`` builds it from the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Assessment
from app.models.enums import Assessor, CriterionKind
from app.services.criterion_info import CriterionInfo
from app.services.errors import UserError
from app.services.i18n import _
from app.services.plain_rows import plain_rows

if TYPE_CHECKING:  # pragma: no cover
    from app.models import Scenario
    from app.services.snapshots import InitiativeRow
    from app.services.weights import GroupSum

#: The stated tie rule (DESIGN §7: "ties are broken by a stated rule, never by database order").
TIE_RULE = (
    "mandatory first; then by total score (rounded to 12 decimals), higher first; ties by "
    "higher value for money, then lower total cost (no cost last), then id ascending"
)


def tie_rule_text() -> str:
    """``TIE_RULE`` in the current language (for readable outputs)."""
    return _(
        "mandatory first; then by total score (rounded to 12 decimals), higher first; ties by "
        "higher value for money, then lower total cost (no cost last), then id ascending"
    )


#: scores equal to this many decimals count as a tie
TIE_DECIMALS = 12
_NUMERIC = CriterionKind.NUMERIC.value
#: value for money is total score per this amount of cost (1 mio. kr.)
VFM_UNIT = 1_000_000.0


def scale_value(criterion: CriterionInfo, value: float | None) -> float:
    """A raw assessment value on the criterion's own scale → score 0..1 (NaN if missing).

    Ordinal: level 0..4 → level/4 (clipped). Numeric: (value − low)/(high − low), capped
    to 0..1. ``lower_is_better`` gives 1 − score. Source: DESIGN §7 "Scales". The one-value
    form of ``scale_values`` (same arithmetic, so the same results to the last bit).
    Raises ``UserError`` for a numeric criterion without two different anchors.
    """
    if value is None:
        return float("nan")
    return float(scale_values(criterion, np.array([value], dtype=float))[0])


def scale_values(criterion: CriterionInfo, values: np.ndarray) -> np.ndarray:
    """``scale_value`` for an array of raw values of one criterion (float64 (m,), NaN =
    missing → NaN): the same IEEE operations element by element, vectorised.

    Raises ``UserError`` for a numeric criterion without two different anchors when any
    value is present (a criterion nobody has scored needs no anchors yet).
    """
    v = np.asarray(values, dtype=float)
    present = ~np.isnan(v)
    if criterion.kind == _NUMERIC:
        low, high = criterion.anchor_low, criterion.anchor_high
        if low is None or high is None or high == low:
            if not present.any():
                return np.full(v.shape, np.nan)
            raise UserError(
                _("The numeric criterion '{name}' needs two different anchors").format(
                    name=criterion.name)
            )
        s = (v - low) / (high - low)
    else:
        s = v / 4.0
    s = np.minimum(1.0, np.maximum(0.0, s))  # NaN stays NaN
    return 1.0 - s if criterion.lower_is_better else s


def agreed_scores(session: Session, criteria: list[CriterionInfo],
                  ids: list[str]) -> np.ndarray:
    """The n×k matrix of agreed scores 0..1 (NaN = missing) for initiatives ``ids`` (rows,
    in this order) and leaf ``criteria`` (columns), from the store's agreed assessments.

    One query; each criterion's column is scaled with ``scale_values`` (DESIGN §7
    "Scales"). Assessments of other initiatives or criteria are ignored. Raises
    ``UserError`` when an assessed numeric criterion lacks two different anchors.
    """
    scores = np.full((len(ids), len(criteria)), np.nan)
    a = Assessment.__table__.c
    rows = plain_rows(session, select(a.initiative_id, a.criterion_id, a.value)
                      .where(a.assessor == Assessor.AGREED.value))
    if not rows or not criteria:
        return scores
    index = {iid: i for i, iid in enumerate(ids)}
    col = {c.id: j for j, c in enumerate(criteria)}
    m = len(rows)
    row_of = np.fromiter((index.get(r[0], -1) for r in rows), dtype=np.int64, count=m)
    col_of = np.fromiter((col.get(r[1], -1) for r in rows), dtype=np.int64, count=m)
    values = np.fromiter((r[2] for r in rows), dtype=float, count=m)
    known = (row_of >= 0) & (col_of >= 0)
    for j, criterion in enumerate(criteria):
        here = known & (col_of == j)
        if here.any():
            scores[row_of[here], j] = scale_values(criterion, values[here])
    return scores


@dataclass
class ScoreModel:
    """The pure scoring core: n initiatives × k leaf criteria.

    ``scores``: float64 n×k, agreed scores 0..1, NaN = missing. ``weights``: float64 k,
    fractions summing to 1. ``costs``: float64 n, total cash cost in kr. (NaN = no cost
    lines). ``mandatory``: bool n. Row order is the store's id order.
    """

    criteria: list[CriterionInfo]
    ids: list[str]
    titles: list[str]
    scores: np.ndarray
    weights: np.ndarray
    mandatory: np.ndarray
    costs: np.ndarray
    lead_unit_ids: list[int | None] = field(default_factory=list)
    lead_departments: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.ids)

    @cached_property
    def id_rank(self) -> np.ndarray:
        """Position of each row's id in ascending id order (the last tie-breaker)."""
        ranks = np.empty(self.n, dtype=np.int64)
        ranks[np.argsort(np.array(self.ids, dtype=object), kind="stable")] = np.arange(self.n)
        return ranks

    def with_weights(self, weights: np.ndarray | dict[str, float]) -> ScoreModel:
        """A copy with other leaf weights (array in column order, or {key: fraction});
        normalised to sum 1. Raises ``UserError`` on negative or all-zero weights."""
        if isinstance(weights, dict):
            w = np.array([float(weights.get(c.key, 0.0)) for c in self.criteria])
        else:
            w = np.asarray(weights, dtype=float)
        return replace(self, weights=normalise(w), criteria=[
            replace(c, weight=float(x)) for c, x in zip(self.criteria, normalise(w))
        ])

    def filled(self) -> np.ndarray:
        """Scores with missing values as 0 (a missing score contributes 0); computed once
        (treat ``scores`` as read-only: make a new model to change them)."""
        return self._filled

    @cached_property
    def _filled(self) -> np.ndarray:
        return np.nan_to_num(self.scores, nan=0.0)

    def totals(self, weights: np.ndarray | None = None) -> np.ndarray:
        """Total scores (n,) = Σ_j weight_j × score_ij, summed row by row so that a row's
        total never depends on the other rows (a matrix product may round differently
        with the matrix's size)."""
        w = self.weights if weights is None else weights
        return (self.filled() * w[None, :]).sum(axis=1)

    def contributions(self, weights: np.ndarray | None = None) -> np.ndarray:
        """n×k contributions weight × score; each row sums to the total score."""
        w = self.weights if weights is None else weights
        return self.filled() * w[None, :]

    def completeness(self) -> np.ndarray:
        """Fraction (n,) of the weighted leaf criteria (weight > 0; all leaves when none
        is weighted) that have an agreed score; 1.0 when there are no criteria. A criterion
        of weight 0 cannot change a score, so a missing score there does not count."""
        if self.scores.shape[1] == 0:
            return np.ones(self.n)
        cols = self.weights > 0
        if not cols.any():
            cols = np.ones(self.scores.shape[1], dtype=bool)
        return 1.0 - np.isnan(self.scores[:, cols]).mean(axis=1)

    def value_for_money(self, totals: np.ndarray | None = None) -> np.ndarray:
        """Total score per 1 mio. kr. of cost (n,), NaN when the cost is missing or 0."""
        t = self.totals() if totals is None else totals
        with np.errstate(divide="ignore", invalid="ignore"):
            v = t / (self.costs / VFM_UNIT)
        v[~(self.costs > 0)] = np.nan
        return v

    def order(self, totals: np.ndarray | None = None) -> np.ndarray:
        """Row indices in rank order by ``TIE_RULE``."""
        t = self.totals() if totals is None else totals
        vfm = self.value_for_money(t)
        cost = np.where(np.isnan(self.costs), np.inf, self.costs)
        # lexsort: last key is primary
        return np.lexsort((
            self.id_rank,
            cost,
            -np.nan_to_num(vfm, nan=-np.inf),
            -np.round(t, TIE_DECIMALS),
            ~self.mandatory,
        ))


def normalise(w: np.ndarray) -> np.ndarray:
    """Weights scaled to sum 1. Raises ``UserError`` when negative or all zero."""
    w = np.asarray(w, dtype=float)
    if (w < 0).any() or not np.isfinite(w).all():
        raise UserError(_("Weights must be zero or positive"))
    total = w.sum()
    if total <= 0:
        if len(w) == 0:
            return w
        raise UserError(_("The weights are all zero"))
    return w / total


@dataclass(frozen=True)
class RankedInitiative:
    """One row of a ranking. ``score`` 0..1; ``contributions`` {criterion key: weight ×
    score}; ``value_for_money`` score per 1 mio. kr. (None without cost); ``total_cost``
    kr. (None without cost lines); ``completeness`` 0..1."""

    rank: int
    id: str
    title: str
    score: float
    mandatory: bool
    complete: bool
    completeness: float
    contributions: dict[str, float]
    value_for_money: float | None
    total_cost: float | None
    lead_unit_id: int | None
    lead_department: str
    phase: str


@dataclass(frozen=True)
class WeightSetInfo:
    id: int | None
    name: str
    budget_year: int | None
    status: str


@dataclass(frozen=True)
class Ranking:
    """A ranking under one scenario (DESIGN §6 ``rank``). ``weight_groups``: the sibling
    groups of the weight set whose percentages do not sum to 100 % and were scaled to it
    (``weights.GroupSum``; ``warnings`` gives the texts)."""

    scenario: str
    is_what_if: bool
    weight_set: WeightSetInfo
    criteria: list[CriterionInfo]
    rows: list[RankedInitiative]
    tie_rule: str = TIE_RULE
    weight_groups: tuple[GroupSum, ...] = ()

    def warnings(self) -> list[str]:
        """What a reader of the ranking must know, in the output language: weights that
        did not sum to 100 % and were scaled ("Vægtene på øverste niveau summerer til
        180 %; rangordningen har skaleret dem til 100 %")."""
        return [g.warning() for g in self.weight_groups]

    def by_id(self) -> dict[str, RankedInitiative]:
        return {r.id: r for r in self.rows}


@dataclass(frozen=True)
class RankArrays:
    """A ranking as arrays (the fast path for a weight change; no per-row objects).

    ``order``: row indices in rank order; ``ranks``: rank 1..n of each row; ``totals``
    (n,); ``contributions`` n×k; ``value_for_money`` (n,) NaN without cost;
    ``completeness`` (n,). Rows are in the model's row order (``model.ids``)."""

    order: np.ndarray
    ranks: np.ndarray
    totals: np.ndarray
    contributions: np.ndarray
    value_for_money: np.ndarray
    completeness: np.ndarray


def rank_arrays(model: ScoreModel, weights: np.ndarray | None = None) -> RankArrays:
    """Rank a ``ScoreModel`` under ``weights`` (fractions in column order; default the
    model's) as arrays: one vectorised product, a row sum and one lexsort."""
    w = model.weights if weights is None else normalise(np.asarray(weights, dtype=float))
    contributions = model.filled() * w[None, :]
    totals = contributions.sum(axis=1)
    order = model.order(totals)
    ranks = np.empty(model.n, dtype=np.int64)
    ranks[order] = np.arange(1, model.n + 1)
    return RankArrays(order=order, ranks=ranks, totals=totals, contributions=contributions,
                      value_for_money=model.value_for_money(totals),
                      completeness=model.completeness())


def rank_model(model: ScoreModel) -> list[RankedInitiative]:
    """Rank a ``ScoreModel`` (pure): every initiative once, ranks 1..n by ``TIE_RULE``."""
    ra = rank_arrays(model)
    keys = [c.key for c in model.criteria]
    totals = ra.totals.tolist()
    contrib = ra.contributions.tolist()
    comp = ra.completeness.tolist()
    vfm = ra.value_for_money.tolist()
    costs = model.costs.tolist()
    mand = model.mandatory.tolist()
    leads = model.lead_unit_ids or [None] * model.n
    depts = model.lead_departments or [""] * model.n
    phases = model.phases or [""] * model.n
    rows: list[RankedInitiative] = []
    for pos, i in enumerate(ra.order.tolist(), start=1):
        cost, v = costs[i], vfm[i]
        rows.append(RankedInitiative(
            pos, model.ids[i], model.titles[i], totals[i], mand[i], comp[i] >= 1.0, comp[i],
            dict(zip(keys, contrib[i])), None if v != v else v,
            None if cost != cost else cost, leads[i], depts[i], phases[i],
        ))
    return rows


def load_model(session: Session, weights: dict[str, float] | None = None,
               rows: list[InitiativeRow] | None = None) -> ScoreModel:
    """Build the ``ScoreModel`` of a portfolio from its agreed assessments.

    ``weights``: leaf weights {criterion key: fraction}; None → the weights of the default
    scenario (see ``weights.leaf_weights``). ``rows``: ``snapshots.load_initiatives`` if
    already loaded. One query per table.
    """
    from app.services import weights as weights_service
    from app.services.snapshots import load_initiatives

    leaves = weights_service.leaf_criteria(session)
    if weights is None:
        from app.services.scenarios import get_scenario

        ws = weights_service.weight_set_for(session, get_scenario(session, None))
        weights = weights_service.leaf_weights(session, ws.id if ws else None)
    if rows is None:
        rows = load_initiatives(session)
    scores = agreed_scores(session, leaves, [r.id for r in rows])
    w = _weight_vector(leaves, weights)
    criteria = [replace(c, weight=float(x)) for c, x in zip(leaves, w)]
    return ScoreModel(
        criteria=criteria, ids=[r.id for r in rows], titles=[r.title for r in rows],
        scores=scores, weights=w, mandatory=np.array([r.mandatory for r in rows], dtype=bool),
        costs=np.array([np.nan if r.total_cost is None else r.total_cost for r in rows]),
        lead_unit_ids=[r.lead_unit_id for r in rows],
        lead_departments=[r.lead_department for r in rows], phases=[r.phase for r in rows],
    )


def _weight_vector(leaves: list[CriterionInfo], weights: dict[str, float]) -> np.ndarray:
    """Leaf weights in column order, normalised to sum 1 (left as they are when all 0)."""
    w = np.array([float(weights.get(c.key, 0.0)) for c in leaves])
    return normalise(w) if len(w) and w.sum() > 0 else w


def total_scores(session: Session, weights: dict[str, float], ids: list[str]) -> np.ndarray:
    """Total scores 0..1 (float64, one per id, in the order of ``ids``) under leaf
    ``weights`` {criterion key: fraction}: the ``totals`` of ``rank_arrays(load_model(
    session, weights))`` for these ids, to the last bit, without loading initiative rows.
    An id the store does not know scores 0. Raises ``UserError`` as ``agreed_scores``."""
    from app.services import weights as weights_service

    leaves = weights_service.leaf_criteria(session)
    model = ScoreModel(criteria=leaves, ids=list(ids), titles=[],
                       scores=agreed_scores(session, leaves, ids),
                       weights=_weight_vector(leaves, weights),
                       mandatory=np.zeros(len(ids), dtype=bool), costs=np.full(len(ids), np.nan))
    return model.totals()


def rank(session: Session, scenario: str | Scenario | None = None,
         rows: list[InitiativeRow] | None = None) -> Ranking:
    """Rank every initiative under a scenario (name, object or None = the default).
    ``rows``: ``snapshots.load_initiatives`` if already loaded.

    Raises ``UserError`` for an unknown scenario name. DESIGN §6 ``rank``, §7.
    """
    from app.services import weights as weights_service
    from app.services.scenarios import get_scenario

    sc = get_scenario(session, scenario)
    ws = weights_service.weight_set_for(session, sc)
    model = load_model(session, weights_service.leaf_weights(session, ws.id if ws else None),
                       rows)
    info = WeightSetInfo(
        id=ws.id if ws else None, name=ws.name if ws else "", 
        budget_year=ws.budget_year if ws else None, status=ws.status if ws else "",
    )
    return Ranking(scenario=sc.name, is_what_if=bool(sc.is_what_if), weight_set=info,
                   criteria=model.criteria, rows=rank_model(model),
                   weight_groups=tuple(weights_service.group_sums(session, info.id)))


_MOVED = {"AssessmentView", "assessments_for", "criterion_by_key"}


def __getattr__(name: str) -> object:
    """``assessments_for`` and friends moved to ``app.services.assessments``; still
    reachable here for callers of the first API version (lazily: no import cycle)."""
    if name in _MOVED:
        from app.services import assessments

        return getattr(assessments, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
