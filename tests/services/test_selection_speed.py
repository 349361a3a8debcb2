"""The exact speed-ups of the selection path (issue 4, select_1000): an integer objective
when the scores have an exact unit, and the price of mandatory in one solve when the
mandatory items cost nothing. Each must give the same optimum as the plain path."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services import selection_model, selection_price
from app.services.errors import UserError
from app.services.selection import Built
from app.services.selection_price import price_of_mandatory, solve_with_price
from app.services.selection_model import (
    SelectionProblem,
    integer_scale,
    solve,
    solver_objective,
)
from tests.services.test_selection import MKNAP, PUBLISHED, brute, feasible

# --- the objective's unit ---------------------------------------------------------------


def fixed_scale_scores(rng: np.random.Generator, n: int) -> np.ndarray:
    """Total scores as the engine makes them: weights in whole percent (summing to 100) ×
    ordinal levels / 4, plus a numeric criterion with one decimal between anchors 0 and 10
    (the benchmark generator's 12 criteria, DESIGN §7)."""
    pct = np.array([15, 10, 12, 8, 10, 7, 6, 9, 7, 5, 6, 5])
    levels = rng.integers(0, 5, size=(n, 11)) / 4.0
    freed = np.round(rng.exponential(1.5, size=n), 1).clip(0, 10) / 10.0
    scores = np.column_stack([levels, freed])
    return (scores * (pct / pct.sum())[None, :]).sum(axis=1)


def test_integer_scale_finds_the_unit_of_scores_on_fixed_scales():
    value = fixed_scale_scores(np.random.default_rng(3), 500)
    s = integer_scale(value)
    assert s is not None
    k = value * s
    assert np.abs(k - np.round(k)).max() < 1e-6
    # the unit is the largest possible: the integers share no divisor
    assert math.gcd(*np.round(k).astype(np.int64).tolist()) == 1
    # 1/400 from the ordinal levels, 1/2000 from the numeric one: a multiple of 1/2000
    assert (2000 / s) == pytest.approx(round(2000 / s))


@pytest.mark.parametrize("value, expected", [
    ([3.0, 6.0, 9.0], 1 / 3),
    ([0.1, 0.2, 0.7], 10.0),
    ([1 / 3, 0.5], 6.0),
    ([0.25, -0.5, 0.0], 4.0),
])
def test_integer_scale_of_simple_fractions(value, expected):
    assert integer_scale(np.array(value)) == pytest.approx(expected)


@pytest.mark.parametrize("value", [
    [math.pi, 1.0],
    [math.e],
    [1000 / 1.035 ** k for k in range(1, 6)],     # discounted amounts (an NNV objective)
    [0.0, 0.0],
    [5e-324, 1.0],
    [1.0, float("nan")],
    [1e12, 1.5],                                   # integers past MAX_INTEGER_COEFFICIENT
])
def test_integer_scale_refuses_values_without_a_unit(value):
    assert integer_scale(np.array(value)) is None


def test_random_reals_are_left_on_the_float_path():
    rng = np.random.default_rng(7)
    assert all(integer_scale(rng.random(20)) is None for _ in range(200))


def test_solver_objective_is_the_value_times_its_scale():
    value = fixed_scale_scores(np.random.default_rng(5), 50)
    cost, scale = solver_objective(value)
    assert (cost == np.round(cost)).all()
    np.testing.assert_allclose(cost / scale, value, rtol=1e-14)
    cost, scale = solver_objective(np.array([math.pi, 2.0]))
    assert cost.max() == pytest.approx(selection_model.OBJECTIVE_SCALE)


@pytest.fixture
def float_path(monkeypatch):
    """Solve as before the integer objective: no unit found, largest coefficient 1e6."""
    monkeypatch.setattr(selection_model, "integer_scale", lambda value: None)


@pytest.fixture(scope="module")
def mknap():
    from tests.services.engine_fixtures import read_mknap

    if not MKNAP.is_file():
        pytest.skip("../shared/data/orlib_mknap1.txt not present")
    return read_mknap(MKNAP)


def _mknap_problem(inst) -> SelectionProblem:
    n, m, opt, profits, rows, caps = inst
    return SelectionProblem(ids=[str(j) for j in range(n)], value=profits, rows=rows,
                            caps=caps, row_names=[f"r{r}" for r in range(m)])


@pytest.mark.parametrize("k", range(7), ids=[f"mknap{k + 1}" for k in range(7)])
def test_mknap_integer_and_float_objectives_reach_the_same_optimum(mknap, k, monkeypatch):
    p = _mknap_problem(mknap[k])
    assert integer_scale(p.value) is not None          # whole-number (or 0.1) profits
    exact = solve(p)
    monkeypatch.setattr(selection_model, "integer_scale", lambda value: None)
    plain = solve(p)
    assert exact.optimal and plain.optimal
    assert exact.objective == pytest.approx(plain.objective, abs=1e-9)
    assert exact.objective == pytest.approx(PUBLISHED[k][2], abs=1e-6)


@st.composite
def scored_problems(draw):
    """Small problems whose values are scores on fixed scales (multiples of 1/400 or of a
    numeric criterion's 1/2000), so the integer objective is used."""
    n = draw(st.integers(1, 8))
    m = draw(st.integers(0, 3))
    value = [k / 2000 for k in draw(st.lists(st.integers(0, 2000), min_size=n, max_size=n))]
    rows = [draw(st.lists(st.integers(0, 10), min_size=n, max_size=n)) for _ in range(m)]
    caps = draw(st.lists(st.integers(0, 30), min_size=m, max_size=m))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=4))
    requires = [(a, b) for a, b in pairs if a < b]
    mandatory = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n))) & \
        (np.array(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))) == 0)
    return SelectionProblem(ids=[str(i) for i in range(n)], value=value,
                            rows=np.array(rows, dtype=float).reshape(m, n), caps=caps,
                            row_names=[f"r{i}" for i in range(m)], fixed_in=mandatory,
                            requires=requires)


@settings(max_examples=60, deadline=None)
@given(scored_problems())
def test_integer_objective_is_exact_against_brute_force(p):
    expected = brute(p)
    if expected is None:
        with pytest.raises(UserError):
            solve(p)
        return
    sol = solve(p)
    assert sol.optimal and feasible(p, sol.x)
    assert sol.objective == pytest.approx(expected, abs=1e-12)


def test_random_portfolio_scores_integer_and_float_paths_agree(monkeypatch):
    """Larger than brute force can check: 60 items, three yearly rows, dependencies."""
    rng = np.random.default_rng(11)
    for _ in range(3):
        n = 60
        value = fixed_scale_scores(rng, n)
        rows = rng.integers(0, 40, size=(3, n)) * 1000.0
        caps = rows.sum(axis=1) * 0.35
        requires = [(int(a), int(b)) for a, b in rng.integers(0, n, size=(40, 2)) if a > b]
        p = SelectionProblem(ids=[str(i) for i in range(n)], value=value, rows=rows, caps=caps,
                             row_names=["a", "b", "c"], requires=requires)
        exact = solve(p)
        with monkeypatch.context() as mp:
            mp.setattr(selection_model, "integer_scale", lambda value: None)
            plain = solve(p)
        assert exact.optimal and plain.optimal
        assert exact.objective == pytest.approx(plain.objective, abs=1e-12)


# --- the price of mandatory in one solve ------------------------------------------------


def _built(p: SelectionProblem, mandatory: np.ndarray) -> Built:
    """A ``Built`` around a plain problem: ``mandatory`` items are forced in by
    ``p.fixed_in`` only because they are mandatory."""
    return Built(problem=p, spec=None, data=None, frames=[], row_meta=[], not_selectable=[],
                 blocked={}, mandatory_only=mandatory, scores={}, rank_order=list(p.ids))


@st.composite
def mandatory_problems(draw):
    p = draw(scored_problems())
    mandatory = p.fixed_in & np.array(draw(st.lists(st.booleans(), min_size=p.n,
                                                    max_size=p.n)))
    return p, mandatory


@settings(max_examples=80, deadline=None)
@given(mandatory_problems(), st.booleans())
def test_solve_with_price_equals_the_two_solves(case, parallel):
    p, mandatory = case
    built = _built(p, mandatory)
    try:
        two = solve(p)
    except UserError:
        with pytest.raises(UserError):
            solve_with_price(built, parallel=parallel, head_start=0.0)
        return
    sol, price = solve_with_price(built, parallel=parallel, head_start=0.0)
    assert sol.optimal and feasible(p, sol.x)           # mandatory items held
    assert sol.objective == pytest.approx(two.objective, abs=1e-12)
    assert price == pytest.approx(price_of_mandatory(built, two.objective), abs=1e-12)
    assert sol.binding == selection_model.binding_rows(p, sol.x, sol.used)


def _counting(monkeypatch) -> list[SelectionProblem]:
    calls: list[SelectionProblem] = []
    real = selection_price.solve

    def counted(problem, **kw):
        calls.append(problem)
        return real(problem, **kw)

    monkeypatch.setattr(selection_price, "solve", counted)
    return calls


def test_mandatory_items_worth_taking_cost_one_solve(monkeypatch):
    # M is mandatory and the best item anyway: the free optimum holds it, price 0
    p = SelectionProblem(ids=["M", "A", "B"], value=[0.9, 0.5, 0.4],
                         rows=[[5, 5, 5]], caps=[10], row_names=["budget"],
                         fixed_in=[True, False, False])
    built = _built(p, np.array([True, False, False]))
    calls = _counting(monkeypatch)
    sol, price = solve_with_price(built, parallel=False)
    assert len(calls) == 1 and price == 0.0
    assert sol.x.tolist() == [True, True, False] and sol.binding == ["budget"]


def test_a_quick_first_solve_that_holds_the_mandatory_items_is_the_answer(monkeypatch):
    # in parallel mode too: the first solve ends within its head start, so no second one
    p = SelectionProblem(ids=["M", "A", "B"], value=[0.9, 0.5, 0.4],
                         rows=[[5, 5, 5]], caps=[10], row_names=["budget"],
                         fixed_in=[True, False, False])
    calls = _counting(monkeypatch)
    sol, price = solve_with_price(_built(p, np.array([True, False, False])), parallel=True,
                                  head_start=60.0)
    assert len(calls) == 1 and price == 0.0 and sol.x.tolist() == [True, True, False]


def test_a_costly_mandatory_item_costs_a_second_solve(monkeypatch):
    # M is mandatory but worth little: without it A and B fit (0.9), with it only one
    p = SelectionProblem(ids=["M", "A", "B"], value=[0.1, 0.5, 0.4],
                         rows=[[5, 5, 5]], caps=[10], row_names=["budget"],
                         fixed_in=[True, False, False])
    built = _built(p, np.array([True, False, False]))
    for parallel in (False, True):
        calls = _counting(monkeypatch)
        sol, price = solve_with_price(built, parallel=parallel, head_start=0.0)
        assert len(calls) == 2
        assert sol.x.tolist() == [True, True, False]
        assert price == pytest.approx(0.9 - 0.6)


@pytest.mark.parametrize("parallel", [False, True])
def test_infeasible_with_mandatory_names_the_conflict(parallel):
    p = SelectionProblem(ids=["M", "A"], value=[0.1, 0.5], rows=[[15, 5]], caps=[10],
                         row_names=["budget"], fixed_in=[True, False])
    with pytest.raises(UserError, match=r"\(M\).*budget"):
        solve_with_price(_built(p, np.array([True, False])), parallel=parallel,
                         head_start=0.0)


def test_parallel_solves_print_nothing_on_stdout(capfd):
    rng = np.random.default_rng(2)
    n = 40
    p = SelectionProblem(ids=[str(i) for i in range(n)], value=fixed_scale_scores(rng, n),
                         rows=rng.integers(1, 30, size=(2, n)) * 1000.0,
                         caps=[200_000.0, 200_000.0], row_names=["a", "b"],
                         fixed_in=np.arange(n) < 3)
    sol, price = solve_with_price(_built(p, np.arange(n) < 3), parallel=True, head_start=0.0)
    assert sol.optimal and price >= 0
    out, _err = capfd.readouterr()
    assert out == ""


def test_head_start_counts_the_first_solves_cpu_time_not_wall_time():
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from app.services.selection_price import _outlasts

    def run(job_fn, seconds):
        ident: list[int] = []
        started = threading.Event()

        def job():
            ident.append(threading.get_ident())
            started.set()
            return job_fn()

        with ThreadPoolExecutor(1) as pool:
            fut = pool.submit(job)
            started.wait()
            return _outlasts(fut, ident[0], seconds)

    def busy():
        end = time.thread_time() + 0.5
        while time.thread_time() < end:
            pass

    # waiting 0.3 s uses no CPU: it ends before using 0.1 s of it
    assert run(lambda: time.sleep(0.3), 0.1) is False
    # 0.5 s of computing outlasts a 0.05 s head start
    assert run(busy, 0.05) is True
