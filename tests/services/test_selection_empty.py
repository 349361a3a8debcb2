"""A selection with nothing to choose from is an empty, optimal answer, not a crash
(found by the derandomised CI profile: every initiative rejected)."""

from __future__ import annotations

import numpy as np

from app.models import BusinessCaseLine, Initiative
from app.services.selection import select_portfolio
from app.services.selection_model import SelectionProblem, solve


def test_a_problem_without_items_solves_to_nothing():
    problem = SelectionProblem(ids=[], value=np.zeros(0), rows=np.zeros((1, 0)),
                               caps=np.array([100.0]), row_names=["budget"])
    solution = solve(problem)
    assert solution.optimal
    assert solution.x.shape == (0,) and solution.objective == 0.0


def test_only_rejected_initiatives_select_nothing(new_portfolio):
    with new_portfolio.session() as s:
        for iid in ("EK-001", "EK-002"):
            s.add(Initiative(id=iid, title=iid, phase="rejected"))
            s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=2027,
                                   amount=1000.0))
    with new_portfolio.read() as s:
        result = select_portfolio(s, budget=5000.0)
    assert result.selected == []
    assert result.optimal
