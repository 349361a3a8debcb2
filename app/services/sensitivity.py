"""Sensitivity of the ranking and the recommended portfolio to the weights (DESIGN §7).

1. Stability intervals, one per leaf weight: the range the weight can take — the other
   weights rescaled proportionally so they still sum to 1 — within which the top-k of the
   ranking (its members and their order) does not change. Exact: each total score is linear
   in the varied weight, so the interval ends at the nearest crossing of two scores that
   matter (adjacent top-k items, or the k-th against an outsider of the same group).
2. The same for the recommended portfolio (the optimal selection): an exact parametric
   search along each weight (``portfolio_intervals``; a few exact solves per end).
3. Rank intervals under random weights: seeded Dirichlet draws around the current weights
   (concentration ``c``: α = c·w), scores in float32 chunks, the 5th–95th percentile of
   each initiative's rank (memory bounded: n × n counts for small n, draws × n ranks above).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from app.services.errors import UserError
from app.services.scoring import ScoreModel, rank_arrays
from app.services.selection_model import SelectionProblem, solve

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.orm import Session

    from app.models import Scenario

#: up to this many initiatives rank intervals count ranks in an n × n table
COUNTS_MAX_N = 2_000
#: default k of "top-k"
DEFAULT_TOP_K = 10


@dataclass(frozen=True)
class WeightInterval:
    """For one criterion: current weight and the [low, high] interval (fractions of 1)
    within which the thing watched (top-k or the portfolio) does not change."""

    key: str
    name: str
    weight: float
    low: float
    high: float


def varied(weights: np.ndarray, j: int, t: float) -> np.ndarray:
    """Weights with weight j set to t and the others rescaled to sum to 1 − t (when the
    others are all 0, they share 1 − t equally)."""
    w = np.asarray(weights, dtype=float)
    rest = 1.0 - w[j]
    out = w * ((1.0 - t) / rest) if rest > 1e-15 else np.full_like(w, (1.0 - t) / max(1, len(w) - 1))
    out[j] = t
    return out


def _top(model: ScoreModel, weights: np.ndarray, k: int) -> tuple[str, ...]:
    order = model.order(model.filled() @ weights)
    return tuple(model.ids[i] for i in order[:k])


def topk_intervals(model: ScoreModel, k: int = DEFAULT_TOP_K) -> list[WeightInterval]:
    """Per leaf weight, the interval within which the top-k (members and order) stays.

    Score of row i as weight j moves to t: s_i(t) = t·x_ij + (1 − t)/(1 − w_j)·(S_i − w_j x_ij),
    linear in t; the interval is bounded by the nearest crossings around w_j between
    adjacent top-k rows and between the k-th row and every outsider of its group
    (mandatory or not). Ties at a crossing follow ``scoring.TIE_RULE``."""
    x = model.filled()
    w = model.weights
    n = model.n
    k = min(k, n)
    out = []
    if n == 0:
        return [WeightInterval(c.key, c.name, float(c.weight), 0.0, 1.0) for c in model.criteria]
    order = model.order(x @ w)
    top = order[:k]
    outsiders = order[k:]
    pairs_a, pairs_b = [], []
    for a, b in zip(top[:-1], top[1:]):
        if model.mandatory[a] == model.mandatory[b]:
            pairs_a.append(a)
            pairs_b.append(b)
    last = top[-1]
    same = outsiders[model.mandatory[outsiders] == model.mandatory[last]]
    pairs_a += [last] * len(same)
    pairs_b += list(same)
    pa, pb = np.array(pairs_a, dtype=int), np.array(pairs_b, dtype=int)
    totals = x @ w
    base = _top(model, w, k)
    for j, c in enumerate(model.criteria):
        rest = 1.0 - w[j]
        if len(pa) == 0:
            out.append(WeightInterval(c.key, c.name, float(w[j]), 0.0, 1.0))
            continue
        if rest <= 1e-15:
            low, high = _scan(lambda t: _top(model, varied(w, j, t), k) == base, w[j])
            out.append(WeightInterval(c.key, c.name, float(w[j]), low, high))
            continue
        # s_i(t) = A_i + B_i t
        r = (totals - w[j] * x[:, j]) / rest
        A = r
        B = x[:, j] - r
        dA = A[pa] - A[pb]  # a ranks above b now: dA + dB·w ≥ 0
        dB = B[pa] - B[pb]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = -dA / dB
        ok = np.isfinite(t) & (t >= -1e-12) & (t <= 1 + 1e-12)
        tied = ok & (np.abs(t - w[j]) <= 1e-12)
        # tied now (order by the tie rule): the side on which b gains ends the interval
        high_c = np.concatenate([t[ok & ~tied & (t > w[j])], np.full(int((tied & (dB < 0)).sum()), w[j])])
        low_c = np.concatenate([t[ok & ~tied & (t < w[j])], np.full(int((tied & (dB > 0)).sum()), w[j])])
        low = float(np.clip(low_c.max(), 0, 1)) if len(low_c) else 0.0
        high = float(np.clip(high_c.min(), 0, 1)) if len(high_c) else 1.0
        out.append(WeightInterval(c.key, c.name, float(w[j]), low, high))
    return out


def _scan(same: Callable[[float], bool], current: float, grid: int = 20, tol: float = 1e-4) -> tuple[float, float]:
    """The stretch around ``current`` where ``same(t)`` holds: a grid walk outwards, then
    bisection to ``tol``. Assumes ``same(current)``."""
    def edge(inside: float, outside: float) -> float:
        while abs(outside - inside) > tol:
            mid = (inside + outside) / 2
            if same(mid):
                inside = mid
            else:
                outside = mid
        return inside

    step = 1.0 / grid
    low, t = 0.0, current
    while t > 0:
        nxt = max(0.0, t - step)
        if not same(nxt):
            low = edge(t, nxt)
            break
        t = nxt
    else:
        low = 0.0
    high, t = 1.0, current
    while t < 1:
        nxt = min(1.0, t + step)
        if not same(nxt):
            high = edge(t, nxt)
            break
        t = nxt
    else:
        high = 1.0
    return low, high


class AnalysisCancelled(Exception):
    """Raised by ``portfolio_intervals`` when its ``stop`` callback asks it to stop."""


#: relative tolerance within which another selection's total score counts as equal to
#: the recommended one's (the solver proves optimality to ~1e-12 of the largest score)
VALUE_TOLERANCE = 1e-9

#: safety cap on the solves per interval end (each finds a strictly better selection, so
#: the search ends long before; a typical end takes 1–4 solves)
MAX_SOLVES_PER_END = 200


def portfolio_intervals(model: ScoreModel, problem: SelectionProblem, *,
                        stop: Callable[[], bool] | None = None) -> list[WeightInterval]:
    """Per leaf weight, the interval within which the recommended portfolio (the optimal
    selection of ``problem`` with ``value`` = total scores) stays optimal. ``problem.ids``
    must be a subset of ``model.ids``. ``stop``: polled before every solve; when it returns
    True, ``AnalysisCancelled`` is raised (a view whose data changed). Raises ``UserError``
    when the selection is infeasible.

    Exact parametric search (Eisner & Severance, "Mathematical techniques for efficient
    record segmentation in large shared databases", J. ACM 23(4), 1976): with weight j at
    t and the others rescaled (``varied``), every score is linear in t, so the total score
    of a fixed selection is a line and the optimum V(t) is their upper envelope — convex,
    piecewise linear — and the recommended selection x* is optimal on one interval around
    the current weight. Towards each end: solve at the end; if x* is still optimal there,
    that is the end; otherwise the better selection's line crosses x*'s line at t', the
    next point to solve; when nothing beats x* at t', t' is the end. Every step finds a
    selection strictly better than x* at its point, so few exact solves are needed (1–4 per
    end as a rule) and the ends are the exact crossings, not a grid's approximation.
    "Stays optimal": nothing scores more than x* (ties with another selection count as
    unchanged); the interval is [w, w] when x* loses at once on both sides.
    """
    pos = {i: r for r, i in enumerate(model.ids)}
    rows = np.array([pos[i] for i in problem.ids], dtype=int)
    x = model.filled()[rows]
    w = model.weights

    def solve_at(values: np.ndarray) -> np.ndarray:
        if stop is not None and stop():
            raise AnalysisCancelled
        return solve(replace(problem, value=values)).x

    base = solve_at(x @ w)
    out = []
    for j, c in enumerate(model.criteria):
        at0 = x @ varied(w, j, 0.0)
        slope = x @ varied(w, j, 1.0) - at0  # score_i(t) = at0_i + slope_i · t
        ends = [_stable_end(base, at0, slope, float(w[j]), end, solve_at) for end in (0.0, 1.0)]
        out.append(WeightInterval(c.key, c.name, float(w[j]), ends[0], ends[1]))
    return out


def _stable_end(base: np.ndarray, at0: np.ndarray, slope: np.ndarray, current: float,
                end: float, solve_at: Callable[[np.ndarray], np.ndarray]) -> float:
    """The end of the interval around ``current`` (towards ``end``, 0 or 1) where the
    selection ``base`` (bool (n,)) stays optimal, scores being ``at0 + slope · t``
    (``portfolio_intervals``)."""
    a_base, b_base = float(at0[base].sum()), float(slope[base].sum())
    t = end
    for _ in range(MAX_SOLVES_PER_END):
        if abs(t - current) <= 1e-12:
            return current
        chosen = solve_at(at0 + slope * t)
        a, b = float(at0[chosen].sum()), float(slope[chosen].sum())
        ours = a_base + b_base * t
        if a + b * t <= ours + VALUE_TOLERANCE * max(1.0, abs(ours)):
            return t  # nothing beats base here: the envelope is base's line up to t
        # the better selection's line crosses base's between current and t
        da, db = a - a_base, b - b_base
        crossing = -da / db if db != 0 else current
        lo, hi = min(current, t), max(current, t)
        t = float(np.clip(crossing, lo, hi))
    return t


@dataclass(frozen=True)
class RankIntervals:
    """Per initiative (model row order): the 5th and 95th percentile and the median of its
    rank over ``draws`` random weight vectors; ``seed`` makes it reproducible."""

    ids: list[str]
    p05: np.ndarray
    p50: np.ndarray
    p95: np.ndarray
    draws: int
    seed: int
    concentration: float


def tie_order(model: ScoreModel) -> np.ndarray:
    """Row indices (n,) in the order ``ScoreModel.order`` gives initiatives whose total
    scores are equal: the tie-break of ``scoring.TIE_RULE`` alone (mandatory first, then
    higher value for money, lower cost, id). It does not depend on the weights: at equal
    score s > 0 a higher value for money s/cost is a lower cost, and at s = 0 every cost
    gives value for money 0 and the cost decides; either way the same order as at s = 1,
    which is what ``model.order`` is asked for here (the rule is reused, not restated)."""
    return model.order(np.ones(model.n))


def _draw_orders(s: np.ndarray, shift: int) -> np.ndarray:
    """Rank orders of ``m`` draws: ``s`` (m × n float32, ≥ 0, columns already in tie order)
    → (m × n int64) column indices, higher score first, equal scores by column. One int64
    composite key per cell — the score's bit pattern (monotone for non-negative floats),
    negated, above the column index in the low ``shift`` bits — and one unstable sort of
    the keys (unique, so the order is fully determined; faster than a stable argsort)."""
    key = -(s.view(np.int32).astype(np.int64)) << shift
    key |= np.arange(s.shape[1], dtype=np.int64)
    key.sort(axis=1)
    key &= (1 << shift) - 1
    return key


def rank_intervals(model: ScoreModel, *, draws: int = 10_000, seed: int = 0,
                   concentration: float = 50.0, chunk: int = 500,
                   low: float = 5.0, high: float = 95.0) -> RankIntervals:
    """Rank intervals under seeded Dirichlet weight perturbation (α = concentration · w
    for the criteria with weight > 0; zero weights stay 0; ``concentration=inf`` means no
    perturbation: every draw is the current weights, so every interval is the current rank).

    Every draw orders the initiatives exactly as the ranking does (``scoring.TIE_RULE``):
    mandatory first, then score, equal scores by ``tie_order`` — never by row order.
    Initiatives with identical scores on the weighted criteria get bit-identical draw
    scores (computed once per distinct row), so they tie in every draw as they do in the
    ranking. Scores in float32 chunks of ``chunk`` draws (ties closer than float32 precision
    count as ties). Ranks counted in an n × n int32 table up to ``COUNTS_MAX_N``
    initiatives (4 MB at 1,000), above that kept as a draws × n int16 matrix (1,000 draws ×
    10,000 = 20 MB). A percentile is the smallest rank reached by at least that share of the
    draws (the inverted CDF). Results repeat exactly for a seed.

    Returns ``RankIntervals`` in model row order (ranks 1..n). Raises ``ValueError`` when
    ``draws`` < 1 or ``concentration`` ≤ 0."""
    n, k = model.scores.shape
    if draws < 1:
        raise ValueError("draws must be at least 1")
    if not concentration > 0:
        raise ValueError("concentration must be positive")
    rng = np.random.default_rng(seed)
    if n == 0:
        empty = np.zeros(0)
        return RankIntervals([], empty, empty, empty, draws, seed, concentration)
    if np.isinf(concentration):  # no noise: every draw is the ranking itself
        ranks = rank_arrays(model).ranks.astype(float)
        return RankIntervals(ids=list(model.ids), p05=ranks, p50=ranks.copy(), p95=ranks.copy(),
                             draws=draws, seed=seed, concentration=concentration)
    w = model.weights
    active = np.flatnonzero(w > 0)
    # columns in tie order: equal scores then sort by column index
    perm = tie_order(model)
    xa = model.filled()[perm][:, active]
    distinct, inverse = np.unique(xa, axis=0, return_inverse=True)  # rows sorted
    inverse = inverse.ravel()
    gather = len(distinct) < n  # else score the rows as they are (in tie order)
    x = (distinct if gather else xa).astype(np.float32)
    boost = model.mandatory[perm].astype(np.float32) * 2.0  # scores ≤ 1: mandatory first
    shift = max(1, (n - 1).bit_length())
    use_counts = n <= COUNTS_MAX_N
    if use_counts:  # n × n rank counts: fastest, 4 MB at n = 1,000
        counts = np.zeros((n, n), dtype=np.int32)
        flat_base = np.arange(n, dtype=np.int64) * n
    else:  # draws × n rank matrix: memory grows with draws, not n²
        all_ranks = np.empty((draws, n), dtype=np.int16 if n < 32_767 else np.int32)
    done = 0
    while done < draws:
        m = min(chunk, draws - done)
        if len(active):
            wd = rng.dirichlet(w[active] * concentration, size=m).astype(np.float32)
        else:
            wd = np.zeros((m, 0), dtype=np.float32)
        # einsum: steadier than BLAS for this thin product on small machines
        s = np.einsum("mk,nk->mn", wd, x)  # m × distinct rows
        if gather:
            s = s[:, inverse]
        s += boost[None, :]
        order = _draw_orders(s, shift)
        ranks = np.empty_like(order)
        ranks[np.arange(m)[:, None], order] = np.arange(n)[None, :]
        if use_counts:
            counts += np.bincount((flat_base[None, :] + ranks).ravel(),
                                  minlength=n * n).reshape(n, n).astype(np.int32)
        else:
            all_ranks[done:done + m] = ranks + 1
        done += m
    kth = [max(1, int(np.ceil(q / 100.0 * draws))) - 1 for q in (low, 50.0, high)]
    if use_counts:
        cum = np.cumsum(counts, axis=1)
        got = [(np.argmax(cum > i, axis=1) + 1).astype(float) for i in kth]
    else:
        part = np.partition(all_ranks, sorted(set(kth)), axis=0)
        got = [part[i].astype(float) for i in kth]
    p05, p50, p95 = (np.empty(n) for _ in range(3))
    for out, vals in zip((p05, p50, p95), got):
        out[perm] = vals  # back from tie order to model row order
    return RankIntervals(ids=list(model.ids), p05=p05, p50=p50, p95=p95,
                         draws=draws, seed=seed, concentration=concentration)


#: why a scenario has no portfolio intervals (``SensitivityReport.portfolio_note``):
#: no budget frame, selection by NPV, or the selection is infeasible (forced initiatives
#: exceed a frame; ``SensitivityReport.portfolio_message`` holds the selection's message)
NO_BUDGET, NPV_OBJECTIVE, INFEASIBLE = "no_budget", "npv_objective", "infeasible"
#: intervals narrower than this (a twentieth of a percentage point, below what is shown)
#: count as "any change alters the result"
POINT = 5e-4


@dataclass(frozen=True)
class SensitivityReport:
    """Everything for the sensitivity of one scenario. ``portfolio`` is None when the
    scenario has no recommended portfolio to test; ``portfolio_note`` then says why
    (``NO_BUDGET``, ``NPV_OBJECTIVE`` or ``INFEASIBLE``; None when computed or not asked
    for) and, for ``INFEASIBLE``, ``portfolio_message`` the selection's own message (which
    frame the forced initiatives exceed). ``top``: the ids of the current top-k in rank
    order."""

    scenario: str
    top_k: int
    topk: list[WeightInterval]
    portfolio: list[WeightInterval] | None
    ranks: RankIntervals
    portfolio_note: str | None = None
    top: list[str] = field(default_factory=list)
    portfolio_message: str | None = None


@dataclass(frozen=True)
class ScenarioInputs:
    """What the analysis of a scenario needs, read from the store (pure afterwards, so it
    may run off the GUI thread): the scenario's name, its ``ScoreModel`` and — when it has
    a budget and selects by score — its selection problem (else ``problem`` is None and
    ``portfolio_note`` says why)."""

    scenario: str
    model: ScoreModel
    problem: SelectionProblem | None
    portfolio_note: str | None


def scenario_inputs(session: Session, scenario: str | Scenario | None = None, *,
                    with_portfolio: bool = True) -> ScenarioInputs:
    """Read a scenario's ``ScoreModel`` (its weights) and, with ``with_portfolio``, its
    selection problem. Raises ``UserError`` for an unknown scenario, or for frames the
    selection cannot use (``selection.build_problem``)."""
    from app.services import weights as weights_service
    from app.services.scenarios import get_scenario
    from app.services.scoring import load_model
    from app.services.selection import NoBudgetError, build_problem

    sc = get_scenario(session, scenario)
    ws = weights_service.weight_set_for(session, sc)
    model = load_model(session, weights_service.leaf_weights(session, ws.id if ws else None))
    problem, note = None, None
    if with_portfolio:
        try:
            built = build_problem(session, sc)
        except NoBudgetError:
            built, note = None, NO_BUDGET
        if built is not None:
            if built.spec.objective == "score":
                problem = built.problem
            else:
                note = NPV_OBJECTIVE
    return ScenarioInputs(sc.name, model, problem, note)


def top_ids(model: ScoreModel, k: int = DEFAULT_TOP_K) -> list[str]:
    """The ids of the current top-k (rank order, ``scoring.TIE_RULE``)."""
    return list(_top(model, model.weights, k))


def analyse(inputs: ScenarioInputs, *, k: int = DEFAULT_TOP_K, draws: int = 10_000,
            seed: int = 0, concentration: float = 50.0) -> SensitivityReport:
    """The ``SensitivityReport`` of ``scenario_inputs`` (pure: no session). Raises
    ``ValueError`` when k < 1 or draws < 1. An infeasible selection (forced initiatives
    beyond a frame) does not stop the rest: the top-k and rank intervals do not depend on
    it, so the report has ``portfolio`` None, ``portfolio_note`` ``INFEASIBLE`` and the
    selection's message in ``portfolio_message`` (as the GUI's Sensitivity tab shows)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    m = inputs.model
    portfolio, note, message = None, inputs.portfolio_note, None
    if inputs.problem is not None:
        try:
            portfolio = portfolio_intervals(m, inputs.problem)
        except UserError as exc:
            note, message = INFEASIBLE, str(exc)
    return SensitivityReport(
        scenario=inputs.scenario, top_k=k, topk=topk_intervals(m, k), portfolio=portfolio,
        ranks=rank_intervals(m, draws=draws, seed=seed, concentration=concentration),
        portfolio_note=note, top=top_ids(m, k), portfolio_message=message)


def analyse_scenario(session: Session, scenario: str | Scenario | None = None, *,
                     k: int = DEFAULT_TOP_K, draws: int = 10_000,
                     seed: int = 0, concentration: float = 50.0,
                     with_portfolio: bool = True) -> SensitivityReport:
    """Stability intervals (top-k and, when the scenario has a budget, the recommended
    portfolio) and rank intervals for a scenario (name, object or None = default).
    Raises ``UserError`` for an unknown scenario or frames the selection cannot use; an
    infeasible selection gives ``portfolio_note`` ``INFEASIBLE`` (see ``analyse``)."""
    return analyse(scenario_inputs(session, scenario, with_portfolio=with_portfolio),
                   k=k, draws=draws, seed=seed, concentration=concentration)


def stability_sentence(iv: WeightInterval, k: int | None) -> str:
    """One sentence a steering group reads: the range of ``iv``'s weight within which the
    top ``k`` (``k`` None: the recommended portfolio) stays as it is — or that any change
    alters it (an interval narrower than ``POINT``: two initiatives now equal). Percent
    in the current language (``formatting.format_percent``, one decimal)."""
    from app.services.formatting import format_percent
    from app.services.i18n import _

    low, high = format_percent(iv.low, 1), format_percent(iv.high, 1)
    if iv.high - iv.low < POINT:
        if k is None:
            return _("Any change to the weight of {criterion} changes the recommended "
                     "portfolio.").format(criterion=iv.name)
        return _("Any change to the weight of {criterion} changes the top {k}: initiatives "
                 "with equal scores swap places.").format(criterion=iv.name, k=k)
    if k is None:
        return _("The weight of {criterion} can lie between {low} and {high} without "
                 "changing the recommended portfolio.").format(criterion=iv.name, low=low,
                                                                high=high)
    return _("The weight of {criterion} can lie between {low} and {high} without changing "
             "the top {k}.").format(criterion=iv.name, low=low, high=high, k=k)


def narrowest(intervals: Sequence[WeightInterval]) -> int:
    """Index of the narrowest interval (high − low; the first of equals): the weight the
    result is most sensitive to. Raises ``ValueError`` when ``intervals`` is empty."""
    if not intervals:
        raise ValueError("no intervals")
    return min(range(len(intervals)), key=lambda j: intervals[j].high - intervals[j].low)


def stability_sentences(topk: Sequence[WeightInterval] | None,
                        portfolio: Sequence[WeightInterval] | None, k: int,
                        picked: int | None = None) -> list[str]:
    """The sentences the CLI and the GUI's Sensitivity tab both show, by one rule: without
    ``picked`` (a criterion row the user chose in the GUI), each sentence names the
    criterion with the narrowest interval of its own kind (top ``k``; recommended
    portfolio) and says "Narrowest interval"; with ``picked``, both name that criterion
    and say "Chosen criterion". Lists may be None (not computed); returns 0–2 sentences."""
    from app.services.i18n import _

    out = []
    for ivs, kk in ((topk, k), (portfolio, None)):
        if not ivs:
            continue
        if picked is not None and picked < len(ivs):
            out.append(_("Chosen criterion: {sentence}").format(
                sentence=stability_sentence(ivs[picked], kk)))
        elif picked is None:
            out.append(_("Narrowest interval: {sentence}").format(
                sentence=stability_sentence(ivs[narrowest(ivs)], kk)))
    return out
