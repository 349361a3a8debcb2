"""Property tests (issue 8, "bad input at scale") over the engine: pairwise matrices (AHP),
budget frames (the exact selection against brute force) and dependency graphs. Any input
ends in an answer that satisfies the rules or in a clear ``UserError``."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.services import ahp, dependencies
from app.services.errors import UserError, ValidationError
from app.services.selection_model import SelectionProblem, solve

SAATY = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]


# --- pairwise matrices ---------------------------------------------------------------------

@st.composite
def reciprocal_matrices(draw, max_n: int = 9):
    n = draw(st.integers(min_value=1, max_value=max_n))
    a = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            v = draw(st.sampled_from(SAATY))
            a[i, j], a[j, i] = v, 1 / v
    return a


@given(reciprocal_matrices())
def test_any_valid_matrix_gives_normalised_weights(a):
    result = ahp.analyse(a)
    n = a.shape[0]
    assert result.weights.shape == (n,)
    assert np.all(result.weights > 0)
    assert abs(result.weights.sum() - 1) < 1e-9
    assert result.lambda_max >= n - 1e-7  # Perron: λmax ≥ n for positive reciprocal matrices
    assert result.cr >= -1e-9
    assert result.consistent == (result.cr <= ahp.CR_THRESHOLD)


@given(st.lists(st.floats(min_value=1, max_value=3), min_size=2, max_size=8))
def test_a_perfectly_consistent_matrix_returns_its_weights(raw):
    w = np.array(raw) / sum(raw)
    a = w[:, None] / w[None, :]  # ratios within [1/3, 3]: inside Saaty's range
    result = ahp.analyse(a)
    assert np.allclose(result.weights, w, atol=1e-9)
    assert result.cr < 1e-9 and result.consistent


@given(st.lists(st.lists(st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-20, 20),
    st.sampled_from(SAATY), st.text(max_size=3)), min_size=0, max_size=4), min_size=0, max_size=4))
def test_any_matrix_is_an_answer_or_a_clear_refusal(matrix):
    try:
        result = ahp.analyse(matrix)
    except ValidationError as exc:
        assert str(exc)
    else:
        assert np.isfinite(result.weights).all() and abs(result.weights.sum() - 1) < 1e-9


# --- budget frames: the exact selection against brute force ------------------------------

@st.composite
def selection_problems(draw):
    n = draw(st.integers(min_value=1, max_value=7))
    m = draw(st.integers(min_value=0, max_value=2))
    value = draw(st.lists(st.integers(-3, 20), min_size=n, max_size=n))
    rows = draw(st.lists(st.lists(st.integers(0, 10), min_size=n, max_size=n),
                         min_size=m, max_size=m))
    caps = draw(st.lists(st.integers(0, 30), min_size=m, max_size=m))
    pairs = [(a, b) for a in range(n) for b in range(n) if a != b]
    requires = draw(st.lists(st.sampled_from(pairs), max_size=4, unique=True)) if pairs else []
    exclusions = draw(st.lists(st.lists(st.integers(0, n - 1), min_size=2, max_size=3,
                                        unique=True), max_size=2)) if n >= 2 else []
    fixed_in = draw(st.lists(st.booleans(), min_size=n, max_size=n).map(
        lambda f: [x and (i % 3 == 0) for i, x in enumerate(f)]))
    fixed_out = draw(st.lists(st.booleans(), min_size=n, max_size=n).map(
        lambda f: [x and (i % 3 == 1) for i, x in enumerate(f)]))
    return SelectionProblem(
        ids=[f"I{i}" for i in range(n)], value=np.array(value, float),
        rows=np.array(rows, float).reshape(m, n), caps=np.array(caps, float),
        row_names=[f"budget {k}" for k in range(m)], fixed_in=np.array(fixed_in),
        fixed_out=np.array(fixed_out), requires=requires, exclusions=exclusions)


def _feasible(p: SelectionProblem, x: np.ndarray) -> bool:
    if p.m and np.any(p.rows @ x.astype(float) > p.caps + 1e-9):
        return False
    if any(x[a] and not x[b] for a, b in p.requires):
        return False
    if any(sum(x[i] for i in g) > 1 for g in p.exclusions):
        return False
    return bool(np.all(x[p.fixed_in]) and not np.any(x[p.fixed_out]))


@given(selection_problems())
def test_the_selection_is_feasible_and_optimal_or_clearly_refused(p):
    best = None
    for bits in itertools.product([False, True], repeat=p.n):
        x = np.array(bits)
        if _feasible(p, x):
            v = float(p.value[x].sum())
            best = v if best is None else max(best, v)
    try:
        sol = solve(p)
    except UserError as exc:
        assert best is None, f"refused ({exc}) although a selection with value {best} exists"
        assert str(exc)
        return
    assert best is not None
    assert _feasible(p, sol.x)
    assert sol.objective == pytest.approx(best, abs=1e-6)
    assert sol.objective == pytest.approx(float(p.value[sol.x].sum()), abs=1e-9)


# --- dependency graphs ---------------------------------------------------------------------

ids = st.sampled_from([f"D{i}" for i in range(8)])
edge_lists = st.lists(st.tuples(ids, ids).filter(lambda e: e[0] != e[1]), max_size=14,
                      unique=True)


@given(edge_lists)
def test_cycles_are_found_exactly_when_there_are_some(edges):
    graph = dependencies.build_graph(edges)
    cycles = dependencies.find_cycles(graph)
    assert (cycles == []) == nx.is_directed_acyclic_graph(graph)
    requires = set(edges)
    for cycle in cycles:  # each is a real cycle in "requires" order
        for a, b in zip(cycle, cycle[1:] + cycle[:1]):
            assert (a, b) in requires
        assert dependencies.cycle_text(cycle)


@given(edge_lists, ids, ids)
def test_a_new_dependency_is_refused_exactly_when_it_is_bad(edges, a, b):
    graph = dependencies.build_graph(edges)
    assume(nx.is_directed_acyclic_graph(graph))
    after = dependencies.build_graph([*edges, (a, b)])
    bad = a == b or (a, b) in set(edges) or not nx.is_directed_acyclic_graph(after)
    try:
        dependencies.check_new_dependency(edges, a, b)
    except UserError as exc:
        assert bad, f"refused a good dependency: {exc}"
        assert a in str(exc) and b in str(exc)
    else:
        assert not bad


@given(edge_lists)
def test_generations_put_prerequisites_first(edges):
    graph = dependencies.build_graph(edges)
    assume(nx.is_directed_acyclic_graph(graph))
    gen = dependencies.generations(graph)
    for prerequisite, dependant in graph.edges:
        assert gen[dependant] > gen[prerequisite]
