"""Sensitivity: stability intervals and seeded rank intervals (DESIGN §7)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from app.services.scenarios import FrameSpec
from app.services.scoring import CriterionInfo, ScoreModel, rank_arrays
from app.services.selection_model import SelectionProblem
from app.services.sensitivity import (
    _top,
    analyse_scenario,
    portfolio_intervals,
    rank_intervals,
    tie_order,
    topk_intervals,
    varied,
)
from tests.services.engine_fixtures import scenario_with_frames, small_portfolio


def model(scores, weights, mandatory=None):
    s = np.array(scores, dtype=float)
    n, k = s.shape
    return ScoreModel(
        criteria=[CriterionInfo(j, f"c{j}", f"C{j}", "ordinal", weights[j]) for j in range(k)],
        ids=[f"I{i}" for i in range(n)], titles=[""] * n, scores=s,
        weights=np.array(weights, dtype=float),
        mandatory=np.array(mandatory or [False] * n), costs=np.ones(n))


def test_varied_keeps_the_sum():
    w = varied(np.array([0.5, 0.3, 0.2]), 0, 0.2)
    assert w.sum() == pytest.approx(1) and w[0] == 0.2
    assert w[1] / w[2] == pytest.approx(1.5)


def test_topk_interval_ends_where_two_scores_cross():
    # I0 = (1, 0), I1 = (0, 1): with weight t on c0, I0 = t, I1 = 1 - t; they cross at 0.5;
    # I2 scores 0.1 throughout and overtakes I1 at t = 0.9
    m = model([[1, 0], [0, 1], [0.1, 0.1]], [0.7, 0.3])
    iv = topk_intervals(m, k=2)
    assert iv[0].low == pytest.approx(0.5) and iv[0].high == pytest.approx(0.9)
    assert iv[1].low == pytest.approx(0.1) and iv[1].high == pytest.approx(0.5)


def test_topk_intervals_are_exact_by_probing():
    rng = np.random.default_rng(3)
    m = model(rng.integers(0, 5, size=(30, 4)) / 4, [0.4, 0.3, 0.2, 0.1])
    base = _top(m, m.weights, 5)
    for j, iv in enumerate(topk_intervals(m, k=5)):
        assert iv.low <= iv.weight <= iv.high
        for t in np.linspace(iv.low, iv.high, 9)[1:-1]:
            assert _top(m, varied(m.weights, j, t), 5) == base
        if iv.high < 1:
            assert _top(m, varied(m.weights, j, min(1, iv.high + 1e-6)), 5) != base
        if iv.low > 0:
            assert _top(m, varied(m.weights, j, max(0, iv.low - 1e-6)), 5) != base


def test_portfolio_interval():
    m = model([[1, 0], [0, 1]], [0.7, 0.3])
    p = SelectionProblem(ids=["I0", "I1"], value=[0, 0], rows=[[1, 1]], caps=[1],
                         row_names=["budget"])
    iv = portfolio_intervals(m, p)
    assert iv[0].low == pytest.approx(0.5, abs=1e-12) and iv[0].high == 1.0


def _best_by_enumeration(values: np.ndarray, rows: np.ndarray, caps: np.ndarray) -> float:
    n = len(values)
    best = 0.0
    for mask in range(1 << n):
        pick = np.array([(mask >> i) & 1 for i in range(n)], dtype=bool)
        if (rows[:, pick].sum(axis=1) <= caps + 1e-9).all():
            best = max(best, float(values[pick].sum()))
    return best


@pytest.mark.parametrize("seed", range(6))
def test_portfolio_interval_ends_are_the_exact_crossings(seed):
    """Against enumeration of every selection: inside the interval the recommended
    selection is optimal; just outside an end below 1 (or above 0) something beats it."""
    rng = np.random.default_rng(seed)
    n, k = 9, 3
    m = model(rng.integers(0, 5, (n, k)) / 4, list(rng.dirichlet(np.ones(k))))
    rows = rng.integers(1, 10, (2, n)).astype(float)
    caps = rows.sum(axis=1) * 0.45
    p = SelectionProblem(ids=m.ids, value=np.zeros(n), rows=rows, caps=caps,
                         row_names=["a", "b"])
    intervals = portfolio_intervals(m, p)
    from app.services.selection_model import solve

    base = solve(replace(p, value=m.filled() @ m.weights)).x
    for j, iv in enumerate(intervals):
        assert iv.low <= iv.weight <= iv.high

        def gap(t: float) -> float:
            v = m.filled() @ varied(m.weights, j, t)
            return _best_by_enumeration(v, rows, caps) - float(v[base].sum())

        for t in np.linspace(iv.low, iv.high, 7):
            assert gap(t) <= 1e-9
        if iv.high < 1:
            assert gap(min(1.0, iv.high + 1e-6)) > 0
        if iv.low > 0:
            assert gap(max(0.0, iv.low - 1e-6)) > 0


def test_portfolio_intervals_take_few_solves(monkeypatch):
    """The parametric search: a handful of exact solves per interval end, not a grid."""
    import app.services.sensitivity as sens

    calls = []
    real = sens.solve
    monkeypatch.setattr(sens, "solve", lambda p: calls.append(1) or real(p))
    rng = np.random.default_rng(3)
    n, k = 30, 6
    m = model(rng.integers(0, 5, (n, k)) / 4, list(rng.dirichlet(np.ones(k))))
    rows = rng.integers(1, 10, (2, n)).astype(float)
    p = SelectionProblem(ids=m.ids, value=np.zeros(n), rows=rows, caps=rows.sum(axis=1) / 2,
                         row_names=["a", "b"])
    portfolio_intervals(m, p)
    assert len(calls) <= 1 + 2 * k * 6


def test_rank_intervals_are_seeded_and_sensible():
    rng = np.random.default_rng(1)
    m = model(rng.random((40, 5)), [0.3, 0.25, 0.2, 0.15, 0.1], mandatory=[i == 7 for i in range(40)])
    a = rank_intervals(m, draws=3000, seed=42)
    b = rank_intervals(m, draws=3000, seed=42, chunk=128)
    assert b.draws == 3000 and (b.p05 <= b.p95).all()
    c = rank_intervals(m, draws=3000, seed=42)
    assert np.array_equal(a.p05, c.p05) and np.array_equal(a.p95, c.p95)
    assert (a.p05 <= a.p50).all() and (a.p50 <= a.p95).all()
    assert a.p05[7] == a.p95[7] == 1  # the mandatory item stays first
    assert a.p50.min() == 1 and a.p95.max() <= 40


def test_analyse_scenario_from_store(tmp_path):
    pf = small_portfolio(tmp_path / "x.portfolio")
    scenario_with_frames(pf, "Ramme", [FrameSpec(2_000_000)])
    with pf.read() as s:
        r = analyse_scenario(s, "Ramme", k=3, draws=500)
        r0 = analyse_scenario(s, None, k=3, draws=500)
    assert r.portfolio is not None and len(r.portfolio) == len(r.topk) == 7
    assert r0.portfolio is None
    assert r.ranks.ids == ["A", "B", "C", "D", "E", "F", "G", "H"]
    pf.close()


def test_rank_matrix_path_agrees_with_counts_path(monkeypatch):
    import app.services.sensitivity as sens

    rng = np.random.default_rng(5)
    m = model(rng.random((60, 4)), [0.4, 0.3, 0.2, 0.1], mandatory=[i % 17 == 0 for i in range(60)])
    a = rank_intervals(m, draws=700, seed=9, chunk=64)
    monkeypatch.setattr(sens, "COUNTS_MAX_N", 10)
    b = rank_intervals(m, draws=700, seed=9, chunk=64)
    assert np.array_equal(a.p05, b.p05) and np.array_equal(a.p50, b.p50)
    assert np.array_equal(a.p95, b.p95)


def tied_model(n=60, missing=True):
    """Many ties: five distinct score rows (distinct totals) repeated; costs in an order
    unrelated to the row order (some missing, some 0), ids descending against the row
    order, two mandatory. ``missing``: blank 10 % of the scores (distinct rows may then tie
    in total score too)."""
    rng = np.random.default_rng(11)
    patterns = np.array([[1, 0.5, 0], [0.5, 0.5, 0.5], [0, 0, 0], [0.25, 1, 0.75],
                         [0, 0, 1], [1, 0.5, 0]])  # rows 0 and 5 equal: one more tie
    scores = patterns[rng.integers(0, len(patterns), size=n)]
    if missing:
        scores[rng.random((n, 3)) < 0.1] = np.nan  # missing scores count 0
    costs = rng.choice([np.nan, 0.0, 1e5, 2e5, 5e5], size=n)
    return ScoreModel(
        criteria=[CriterionInfo(j, f"c{j}", f"C{j}", "ordinal", w)
                  for j, w in enumerate([0.5, 0.3, 0.2])],
        ids=[f"P{n - i:03d}" for i in range(n)], titles=[""] * n, scores=scores,
        weights=np.array([0.5, 0.3, 0.2]), mandatory=np.arange(n) % 29 == 3, costs=costs)


@pytest.mark.parametrize("concentration, missing, distinct",
                         [(np.inf, True, False), (1e12, False, False), (1e12, False, True)])
def test_unperturbed_rank_intervals_are_the_ranking_with_its_tie_rule(concentration, missing,
                                                                      distinct):
    # DESIGN §7: ties by a stated rule, never by database order; with no noise in the
    # weights (or next to none: the draws' own path) every draw reproduces the ranking
    # exactly, ties included; ``distinct``: no two rows alike (the rows scored as they are)
    m = tied_model(missing=missing)
    if distinct:
        m = replace(m, scores=m.scores + np.arange(m.n)[:, None] * [1e-3, 0, 0])
    ranks = rank_arrays(m).ranks
    ri = rank_intervals(m, draws=200, seed=3, concentration=concentration, chunk=64)
    assert np.array_equal(ri.p05, ranks) and np.array_equal(ri.p95, ranks)
    assert np.array_equal(ri.p50, ranks)


def test_tie_order_is_the_ranking_order_at_equal_scores():
    m = tied_model()
    for t in (0.0, 0.37, 1.0):
        assert np.array_equal(tie_order(m), m.order(np.full(m.n, t)))


def test_gmpp_like_ties_each_rank_lies_in_its_interval(monkeypatch):
    # the GMPP import: one weighted criterion, three distinct scores among 200 initiatives;
    # and a perturbed variant with two criteria — the current rank inside [p05, p95]
    import app.services.sensitivity as sens

    rng = np.random.default_rng(4)
    n = 200
    level = rng.integers(0, 3, size=n) / 2
    for weights in ([0.0, 1.0], [0.4, 0.6]):
        m = ScoreModel(
            criteria=[CriterionInfo(j, f"c{j}", f"C{j}", "ordinal", w) for j, w in enumerate(weights)],
            ids=[f"G{rng.integers(1e6):06d}-{i}" for i in range(n)], titles=[""] * n,
            scores=np.column_stack([np.full(n, 0.5), level]), weights=np.array(weights),
            mandatory=np.zeros(n, dtype=bool), costs=rng.choice([np.nan, 3e6, 1e7, 4e8], size=n))
        ranks = rank_arrays(m).ranks
        for counts_max in (sens.COUNTS_MAX_N, 10):  # both ways of counting ranks
            monkeypatch.setattr(sens, "COUNTS_MAX_N", counts_max)
            ri = rank_intervals(m, draws=400, seed=1)
            assert ((ri.p05 <= ranks) & (ranks <= ri.p95)).all()
