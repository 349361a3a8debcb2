"""open_rank and rerank: opening a portfolio and ranking it; re-ranking after a weight change.

Application paths measured (never re-implemented): ``store.open_portfolio`` +
``scoring.rank`` (open_rank); ``scoring.rank_arrays(model, weights)`` (rerank: the
engine's documented fast path for a weight change once the ``ScoreModel`` is loaded —
order, ranks, totals, contributions, value for money and completeness as arrays). The limits are the bare libraries doing the same scan and sort:
``sqlite3`` reading the same rows + one numpy matrix–vector product + ``np.lexsort``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from tests.benchmarks.generator import cached_portfolio
from tests.benchmarks.harness import GROWTH_SIZES, Context, Missing, Result, median_time


def _scoring():
    try:
        from app.services import scoring
    except ImportError as exc:  # pragma: no cover - depends on what has landed
        raise Missing(f"app.services.scoring: {exc}") from exc
    for name in ("rank", "load_model", "rank_arrays"):
        if not hasattr(scoring, name):
            raise Missing(f"app.services.scoring.{name}")
    return scoring


def _open_and_rank(path: Path) -> int:
    from app.services.store import open_portfolio

    scoring = _scoring()
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        ranking = scoring.rank(s)
    return len(ranking.rows)


def _bare_open_and_rank(path: Path) -> int:
    """The limit: the same rows read with sqlite3, one product, one lexsort."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ini = con.execute("SELECT id, title, mandatory, phase, lead_unit_id FROM initiative "
                          "ORDER BY id").fetchall()
        index = {r[0]: i for i, r in enumerate(ini)}
        crit = con.execute("SELECT c.id, w.percent FROM criterion c JOIN weight w ON "
                           "w.criterion_id = c.id ORDER BY c.sort_order").fetchall()
        col = {c[0]: j for j, c in enumerate(crit)}
        scores = np.zeros((len(ini), len(crit)))
        for iid, cid, v in con.execute("SELECT initiative_id, criterion_id, value FROM "
                                       "assessment WHERE assessor = 'agreed'"):
            scores[index[iid], col[cid]] = v
        cost = np.zeros(len(ini))
        for iid, amount in con.execute("SELECT initiative_id, amount FROM business_case_line "
                                       "WHERE flow = 'cost' AND cash = 1"):
            cost[index[iid]] += amount
        w = np.array([c[1] for c in crit]) / 100.0
        totals = scores @ w
        mand = np.array([bool(r[2]) for r in ini])
        order = np.lexsort((cost, -totals, ~mand))
        return len(order)
    finally:
        con.close()


def bench_open_rank(ctx: Context) -> None:
    """open_rank_N: open a portfolio read-only and rank it (target 1.0 s at 5,000)."""
    _scoring()
    for n in ctx.sizes("open_rank", GROWTH_SIZES, (5_000,)):
        path = cached_portfolio(n)
        assert _open_and_rank(path) == n  # warm-up, and the ranking lists everyone
        runs = ctx.reps(5, 3)
        t = ctx.time(lambda _: _open_and_rank(path), runs)
        lim = median_time(lambda _: _bare_open_and_rank(path), ctx.last_runs)
        ctx.add(Result(f"open_rank_{n}", n, t, limit_seconds=lim,
                       target_seconds=1.0 if n == 5_000 else None, runs=ctx.last_runs))


def _weight_change(model, step: int) -> dict[str, float]:
    """Move 5 percentage points from one criterion to the next, in turn (a what-if)."""
    keys = [c.key for c in model.criteria]
    pct = {c.key: c.weight * 100 for c in model.criteria}
    a, b = keys[step % len(keys)], keys[(step + 1) % len(keys)]
    moved = min(5.0, pct[a])
    pct[a] -= moved
    pct[b] += moved
    return pct


def bench_rerank(ctx: Context) -> None:
    """rerank_N: re-rank after a weight change, N × 12 (target 20 ms at 10,000)."""
    scoring = _scoring()
    from app.services.store import open_portfolio

    for n in ctx.sizes("rerank", GROWTH_SIZES, (10_000,)):
        path = cached_portfolio(n)
        with open_portfolio(path, readonly=True) as pf, pf.read() as s:
            model = scoring.load_model(s)
        assert model.scores.shape == (n, 12), model.scores.shape
        changes = [_weight_change(model, i) for i in range(12)]
        wvecs = [np.array([changes[i][c.key] for c in model.criteria]) / 100 for i in range(12)]
        step = iter(range(10**6))

        def rerank(_: object) -> None:
            ra = scoring.rank_arrays(model, wvecs[next(step) % len(wvecs)])
            assert len(ra.order) == n

        rerank(None)
        runs = ctx.reps(15, 7)
        t = ctx.time(rerank, runs)
        filled = np.nan_to_num(model.scores, nan=0.0)
        costs = np.nan_to_num(model.costs, nan=np.inf)
        mand = model.mandatory
        lstep = iter(range(10**6))

        def bare(_: object) -> None:
            w = wvecs[next(lstep) % len(wvecs)]
            totals = filled @ w
            np.lexsort((costs, -totals, ~mand))

        lim = median_time(bare, ctx.last_runs)
        ctx.add(Result(f"rerank_{n}", n, t, limit_seconds=lim,
                       target_seconds=0.020 if n == 10_000 else None, runs=ctx.last_runs))
