"""The value curve (værdikurve, the efficient frontier): the most value per budget level
(DESIGN §6 ``frontier``, §7).

Budgets run in ``steps`` evenly spaced points from the cost of what is always in
(committed items and mandatory items inside the frame, with their prerequisites) to that
plus the cost of every selectable candidate. The budget measure is the cost the
scenario's frames hold (``CostData.covered_cost``): with one total frame all cash cost,
with yearly frames the cost in the framed years (and types) — so a recommendation sits on
the curve's axis at its ``cost_in_frame`` and the frames' sum is a budget on that axis.
At each point the scenario's budget frames are replaced by one frame of that size over
what they hold (per-unit budgets, capacity, dependencies,
exclusions and forced choices stay), and the exact optimum is found (the points side by
side on the available CPUs). Exact optima under a growing frame never fall, so the curve
is monotone.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from sqlalchemy.orm import Session

from app.models import Scenario
from app.services import labels as labels_mod
from app.services.errors import UserError
from app.services.i18n import _
from app.services.selection import NoBudgetError, build_problem
from app.services.selection_price import available_cpus
from app.services.selection_model import SelectionProblem, closure, solve


@dataclass(frozen=True)
class CurvePoint:
    """One point: ``budget`` kr. (one frame over what the scenario's frames hold), the
    optimum's ``total_score`` (Σ rank
    scores), ``objective_value`` (Σ objective), ``total_cost`` kr. and ``selected`` ids."""

    budget: float
    total_score: float
    objective_value: float
    total_cost: float
    selected: list[str]


def curve_problem(problem: SelectionProblem, total_row: np.ndarray, budget: float,
                  keep_rows: list[int]) -> SelectionProblem:
    """The problem with its budget rows replaced by one total frame ``budget``."""
    rows = [total_row] + [problem.rows[r] for r in keep_rows]
    return SelectionProblem(
        ids=problem.ids, value=problem.value, rows=np.array(rows),
        caps=np.array([budget] + [problem.caps[r] for r in keep_rows]),
        row_names=["budget"] + [problem.row_names[r] for r in keep_rows],
        fixed_in=problem.fixed_in, fixed_out=problem.fixed_out, requires=problem.requires,
        exclusions=problem.exclusions,
        row_units=["kr."] + [problem.row_units[r] for r in keep_rows], labels=problem.labels,
        row_titles=[labels_mod.frame(None, "total")] + [problem.row_titles[r] for r in keep_rows],
        currency=problem.currency)


def frontier(session: Session, scenario: str | Scenario | None = None, *, steps: int = 20,
             objective: str | None = None) -> list[CurvePoint]:
    """The value curve of a scenario, ``steps`` points with ascending budgets.

    Raises ``NoBudgetError`` when the scenario has no budget frame (DESIGN §6),
    ``NoNpvError`` under the NNV objective when no candidate has an NNV (every point would
    be empty; ``Built.check_npv``), and ``UserError`` when ``steps`` < 1 or a point is
    infeasible (e.g. capacity).
    """
    if steps < 1:
        raise UserError(_("--steps must be at least 1"))
    built = build_problem(session, scenario, objective=objective)
    if not any(f.unit_id is None for f in built.frames):
        raise NoBudgetError(_("No budget: set budget frames on the scenario '{name}'").format(
            name=built.spec.name))
    built.check_npv()
    p = built.problem
    data = built.data
    main = [f for f in built.frames if f.unit_id is None]
    total_row = np.array([data.covered_cost(i, main) for i in p.ids])
    keep = [r for r, (year, ftype, unit_id) in enumerate(built.row_meta)
            if unit_id is not None or ftype == "capacity"]
    always = closure(p, p.fixed_in)
    low = float(total_row[always].sum())
    high = low + float(total_row[~always & ~p.fixed_out].sum())
    budgets = [high] if steps == 1 else list(np.linspace(low, high, steps))
    scores = built.scores
    order = {i: k for k, i in enumerate(built.rank_order)}
    problems = [curve_problem(p, total_row, float(b), keep) for b in budgets]
    workers = min(available_cpus(), len(problems))
    if workers > 1:  # HiGHS releases the GIL: the points are solved side by side
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="frontier") as pool:
            solutions = list(pool.map(solve, problems))
    else:
        solutions = [solve(q) for q in problems]
    points = []
    for b, sol in zip(budgets, solutions):
        sel = [p.ids[k] for k in np.flatnonzero(sol.x)]
        sel.sort(key=lambda i: order.get(i, 0))
        points.append(CurvePoint(
            budget=float(b), total_score=float(sum(scores.get(i, 0.0) for i in sel)),
            objective_value=sol.objective,
            total_cost=float(sum(data.total_cost[i] or 0.0 for i in sel)), selected=sel))
    return points
