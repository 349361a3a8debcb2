"""select, frontier and sensitivity: the optimiser, the value curve and rank intervals.

Application paths measured: ``selection.select_portfolio`` on the generated scenario
"Benchmark" (five yearly budget frames; the optimum, the price of mandatory — a second
exact solve unless the first optimum holds the mandatory items — and the greedy
cut-off); ``value_curve.frontier`` (20 points); ``sensitivity.rank_intervals`` (10,000
seeded Dirichlet weight draws). Limits: HiGHS through ``scipy.optimize.milp`` on the
same built problem(s) with the same objective, one after the other, without the
application's bookkeeping (the application solves the two problems of select side by
side when it has two CPUs); numpy drawing the same weights, one product, one argsort per
draw and the percentiles.
"""

from __future__ import annotations

import numpy as np

from tests.benchmarks.generator import BENCH_SCENARIO, cached_portfolio
from tests.benchmarks.harness import Context, Missing, Result, median_time
from tests.benchmarks.bench_ui import _need

#: exact 0/1 optimisation at optimality gap 0 (DESIGN §7) on five knapsack rows grows
#: exponentially in the worst case; these sizes finish within the suite's time budget
SELECT_SIZES = (150, 1_000)
FRONTIER_SIZES = (150, 500, 1_000)
SENSITIVITY_SIZES = (150, 1_000, 5_000)


def _bare_milp(problem, fixed_in: np.ndarray | None = None) -> float:
    """Solve ``problem`` (a ``SelectionProblem``) with scipy's HiGHS directly; seconds.
    The objective is the one the application hands HiGHS (``solver_objective``: whole
    numbers when the scores have an exact unit), so the limit is the same solver run."""
    import time

    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix, csr_matrix, vstack

    from app.services.selection_model import silenced_fd1, solver_objective

    n = problem.n
    fixed = problem.fixed_in if fixed_in is None else fixed_in
    reqs = problem.requires
    rows = [k for k in range(len(reqs)) for _ in (0, 1)]
    cols = [x for a, b in reqs for x in (a, b)]
    parts = [csr_matrix(problem.rows)] if problem.m else []
    ub = [problem.caps] if problem.m else []
    if reqs:
        parts.append(coo_matrix(([1.0, -1.0] * len(reqs), (rows, cols)),
                                shape=(len(reqs), n)).tocsr())
        ub.append(np.zeros(len(reqs)))
    for group in problem.exclusions:
        parts.append(csr_matrix(np.isin(np.arange(n), group).astype(float)[None, :]))
        ub.append(np.ones(1))
    t0 = time.perf_counter()
    cons = [LinearConstraint(vstack(parts).tocsr(), -np.inf, np.concatenate(ub))] if parts \
        else []
    # HiGHS prints debug lines with printf even with disp=False; silenced as the
    # application's solve silences them (same redirection, so the same cost)
    with silenced_fd1():
        res = milp(c=-solver_objective(problem.value)[0], integrality=np.ones(n),
                   bounds=Bounds(fixed.astype(float), np.where(problem.fixed_out, 0.0, 1.0)),
                   constraints=cons, options={"disp": False, "mip_rel_gap": 0.0})
    assert res.x is not None, res.message
    return time.perf_counter() - t0


def bench_select(ctx: Context) -> None:
    """select_N: the recommended portfolio under five yearly frames (target 2 s at 1,000)."""
    selection = _need("app.services.selection", "select_portfolio", "build_problem")
    from app.services.store import open_portfolio

    for n in ctx.sizes("select", SELECT_SIZES, (1_000,)):
        path = cached_portfolio(n)
        with open_portfolio(path, readonly=True) as pf, pf.read() as s:
            built = selection.build_problem(s, BENCH_SCENARIO)
            runs = ctx.reps(3, 1)

            def run(_: object) -> None:
                result = selection.select_portfolio(s, BENCH_SCENARIO)
                assert result.optimal and result.selected

            t = ctx.time(run, runs)
        p = built.problem
        lims = []
        # the bare solver takes as long as the application (it is the solver's time); with
        # --quick it is measured at the headline size only
        for _ in range(ctx.last_runs if (n == 1_000 or not ctx.quick) else 0):
            lim = _bare_milp(p)
            if built.mandatory_only.any():  # the price of mandatory: the same without them
                lim += _bare_milp(p, p.fixed_in & ~built.mandatory_only)
            lims.append(lim)
        ctx.add(Result(f"select_{n}", n, t,
                       limit_seconds=float(np.median(lims)) if lims else None,
                       target_seconds=2.0 if n == 1_000 else None, runs=ctx.last_runs))


def bench_frontier(ctx: Context) -> None:
    """frontier_N: the value curve, 20 points (target 10 s at 500)."""
    curve = _need("app.services.value_curve", "frontier", "curve_problem")
    selection = _need("app.services.selection", "build_problem")
    from app.services.selection_model import closure
    from app.services.store import open_portfolio

    for n in ctx.sizes("frontier", FRONTIER_SIZES, (500,)):
        path = cached_portfolio(n)
        with open_portfolio(path, readonly=True) as pf, pf.read() as s:
            runs = ctx.reps(3, 1)
            points: list = []

            def run(_: object) -> None:
                points[:] = curve.frontier(s, BENCH_SCENARIO, steps=20)
                assert len(points) == 20

            t = ctx.time(run, runs)
            built = selection.build_problem(s, BENCH_SCENARIO)
        p, data = built.problem, built.data
        # the curve's own budget measure: what the main frames cover (value_curve.frontier)
        main = [f for f in built.frames if f.unit_id is None]
        total_row = np.array([data.covered_cost(i, main) for i in p.ids])
        keep = [r for r, (_y, ftype, unit_id) in enumerate(built.row_meta)
                if unit_id is not None or ftype == "capacity"]
        assert closure(p, p.fixed_in).any()
        lims = [sum(_bare_milp(curve.curve_problem(p, total_row, pt.budget, keep))
                    for pt in points)
                for _ in range(ctx.last_runs if (n == 500 or not ctx.quick) else 0)]
        ctx.add(Result(f"frontier_{n}", n, t,
                       limit_seconds=float(np.median(lims)) if lims else None,
                       target_seconds=10.0 if n == 500 else None, runs=ctx.last_runs))


def _bare_intervals(x: np.ndarray, w: np.ndarray, mandatory: np.ndarray, draws: int,
                    seed: int) -> None:
    """The limit: the same Dirichlet draws, one product and one argsort per draw (the
    unavoidable work; turning the orders into percentiles is left out)."""
    rng = np.random.default_rng(seed)
    active = np.flatnonzero(w > 0)
    boost = mandatory.astype(np.float32) * 2.0
    x32 = x.astype(np.float32)
    for start in range(0, draws, 500):
        m = min(500, draws - start)
        wd = np.zeros((m, x.shape[1]), dtype=np.float32)
        wd[:, active] = rng.dirichlet(w[active] * 50.0, size=m)
        np.argsort(-(np.einsum("mk,nk->mn", wd, x32) + boost), axis=1)


def bench_sensitivity(ctx: Context) -> None:
    """sensitivity_N: rank intervals from 10,000 weight draws (target 1 s at 1,000)."""
    sensitivity = _need("app.services.sensitivity", "rank_intervals")
    scoring = _need("app.services.scoring", "load_model")
    from app.services.store import open_portfolio

    for n in ctx.sizes("sensitivity", SENSITIVITY_SIZES, (1_000,)):
        with open_portfolio(cached_portfolio(n), readonly=True) as pf, pf.read() as s:
            model = scoring.load_model(s)
        runs = ctx.reps(5, 3) if n <= 1_000 else ctx.reps(3, 1)

        def run(_: object) -> None:
            ri = sensitivity.rank_intervals(model, draws=10_000, seed=1)
            assert len(ri.p05) == n

        t = ctx.time(run, runs)
        x = model.filled()
        lim = median_time(lambda _: _bare_intervals(x, model.weights, model.mandatory,
                                                    10_000, 1), ctx.last_runs)
        ctx.add(Result(f"sensitivity_{n}", n, t, limit_seconds=lim,
                       target_seconds=1.0 if n == 1_000 else None, runs=ctx.last_runs))
