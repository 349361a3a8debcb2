"""Exact selection (DESIGN §6 ``select``, §7): OR-Library mknap optima, rules of who takes
part, infeasibility messages, and properties against brute force."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.errors import UserError
from app.services.scenarios import FrameSpec
from app.services.scoring import rank
from app.services.selection import NoBudgetError, select_portfolio
from app.services.selection_model import SelectionProblem, closure, greedy, solve
from tests.conftest import SHARED_DATA
from tests.services.engine_fixtures import (
    YEAR,
    Ini,
    add_initiatives,
    mknap_portfolio,
    read_mknap,
    scenario_with_frames,
    small_portfolio,
)

MKNAP = SHARED_DATA / "orlib_mknap1.txt"
PUBLISHED = [(6, 10, 3800), (10, 10, 8706.1), (15, 10, 4015), (20, 10, 6120),
             (28, 10, 12400), (39, 5, 10618), (50, 5, 16537)]


@pytest.fixture(scope="module")
def mknap():
    if not MKNAP.is_file():
        pytest.skip("../shared/data/orlib_mknap1.txt not present")
    return read_mknap(MKNAP)


@pytest.mark.parametrize("k", range(7), ids=[f"mknap{k + 1}" for k in range(7)])
def test_mknap_instance_reaches_published_optimum(mknap, k):
    n, m, opt, profits, rows, caps = mknap[k]
    assert (n, m, opt) == PUBLISHED[k]
    sol = solve(SelectionProblem(ids=[str(j) for j in range(n)], value=profits, rows=rows,
                                 caps=caps, row_names=[f"budget {YEAR + r}" for r in range(m)]))
    assert sol.optimal
    assert sol.objective == pytest.approx(opt, abs=1e-6)
    assert (np.array(rows) @ sol.x <= np.array(caps) + 1e-9).all()


@pytest.mark.parametrize("k", range(7), ids=[f"mknap{k + 1}" for k in range(7)])
def test_mknap_instance_through_the_store_reaches_published_optimum(mknap, k, tmp_path):
    n, m, opt, profits, rows, caps = mknap[k]
    path = tmp_path / f"mknap{k + 1}.portfolio"
    scale = mknap_portfolio(path, profits, rows)
    from app.services.store import open_portfolio

    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        res = select_portfolio(s, budget={YEAR + r: c for r, c in enumerate(caps)})
    assert res.optimal
    assert res.total_score * scale == pytest.approx(opt, rel=1e-9)
    chosen = [int(i[1:]) for i in res.selected]
    assert sum(profits[j] for j in chosen) == pytest.approx(opt)


# --- rules of who takes part ------------------------------------------------------------

@pytest.fixture
def small(tmp_path):
    pf = small_portfolio(tmp_path / "lille.portfolio")
    yield pf
    pf.close()


def test_participation_rules(small):
    with small.read() as s:
        res = select_portfolio(s, budget=2_000_000)
    assert res.optimal
    assert "G" not in res.selected                    # rejected: out
    assert {"D", "E", "F"} <= set(res.selected)       # committed and mandatory: in
    assert res.not_selectable == ["H"]                # no cost lines
    assert res.always_in == ["F", "E", "D"]
    # E is mandatory outside the frame: uses no budget; D and F use it
    assert res.frame_use[0].used == pytest.approx(400_000 + 300_000 + 1_200_000)
    assert res.chosen == ["A"]
    assert res.binding == ["budget"]
    assert res.total_cost == pytest.approx(sum([1_200_000, 300_000, 2_000_000, 400_000]))


def test_price_of_mandatory_is_the_optimum_lost(small):
    with small.read() as s:
        res = select_portfolio(s, budget=2_000_000)
        scores = {r.id: r.score for r in rank(s).rows}
    # without forcing F (400.000 kr.), A (1,2 mio.) and B (0,5 mio.) both fit in 1,7 mio.
    free_best = scores["A"] + scores["B"] + scores["D"] + scores["E"]
    assert res.price_of_mandatory == pytest.approx(free_best - res.total_score)
    assert res.price_of_mandatory > 0


def test_yearly_frames_and_dependencies(small):
    with small.read() as s:
        res = select_portfolio(s, budget={YEAR: 2_000_000, YEAR + 1: 400_000})
    # C requires B: both or neither; C costs 800k in YEAR and 400k in YEAR+1
    assert ("C" in res.selected) <= ("B" in res.selected)
    for u in res.frame_use:
        assert u.used <= u.cap + 1e-6
    assert res.budget == {str(YEAR): 2_000_000, str(YEAR + 1): 400_000}


def test_anlaeg_and_drift_frames_are_separate(small):
    scenario_with_frames(small, "Anlæg og drift", [
        FrameSpec(1_500_000, YEAR, "anlaeg"), FrameSpec(700_000, YEAR, "drift")])
    with small.read() as s:
        res = select_portfolio(s, "Anlæg og drift")
    names = [u.name for u in res.frame_use]
    assert names == [f"budget {YEAR} anlæg", f"budget {YEAR} drift"]
    assert res.frame_use[1].used == pytest.approx(700_000)  # D 300k + F 400k drift
    assert f"budget {YEAR} drift" in res.binding


def test_infeasible_names_the_conflict(small):
    with small.read() as s, pytest.raises(UserError) as exc:
        select_portfolio(s, budget=500_000)
    text = str(exc.value)
    assert "budget" in text and "F" in text and "D" in text


def test_no_budget_exits_with_no_budget_error(small):
    with small.read() as s, pytest.raises(NoBudgetError):
        select_portfolio(s)


def test_forced_in_out_and_exclusion(small):
    scenario_with_frames(small, "Tvunget", [FrameSpec(5_000_000)], forced_in=["B"],
                         forced_out=["A"], exclusions={"enten-eller": ["B", "C"]})
    with small.read() as s:
        res = select_portfolio(s, "Tvunget")
    assert "B" in res.selected and "A" not in res.selected and "C" not in res.selected


def test_forced_in_item_without_costs_is_selectable(small):
    scenario_with_frames(small, "H ind", [FrameSpec(5_000_000)], forced_in=["H"])
    with small.read() as s:
        res = select_portfolio(s, "H ind")
    assert "H" in res.selected and res.not_selectable == []


def test_yearless_cost_lines_are_not_selectable_under_yearly_frames(tmp_path):
    from app.services.store import create_portfolio

    pf = create_portfolio(tmp_path / "x.portfolio", budget_year=YEAR)
    add_initiatives(pf, [Ini("Y", scores={"citizen_value": 4}, costs=[(None, "anlaeg", 10)]),
                         Ini("Z", scores={"citizen_value": 2}, costs=[(YEAR, "anlaeg", 10)])])
    with pf.read() as s:
        yearly = select_portfolio(s, budget={YEAR: 100})
        total = select_portfolio(s, budget=100)
    assert yearly.not_selectable == ["Y"] and yearly.selected == ["Z"]
    assert total.selected == ["Y", "Z"]
    pf.close()


def test_capacity_in_fte(tmp_path):
    from app.services.store import create_portfolio

    pf = create_portfolio(tmp_path / "x.portfolio", budget_year=YEAR)
    add_initiatives(pf, [
        Ini("P", scores={"citizen_value": 4}, costs=[(YEAR, "anlaeg", 10)], fte=[(YEAR, 1.5)]),
        Ini("Q", scores={"citizen_value": 3}, costs=[(YEAR, "anlaeg", 10)], fte=[(YEAR, 1.0)]),
    ])
    scenario_with_frames(pf, "Kapacitet", [FrameSpec(1000)], capacity_fte=2.0)
    with pf.read() as s:
        res = select_portfolio(s, "Kapacitet")
    assert res.selected == ["P"] and f"capacity {YEAR}" in res.binding
    pf.close()


def test_npv_objective(tmp_path):
    from app.services.store import create_portfolio

    pf = create_portfolio(tmp_path / "x.portfolio", budget_year=YEAR)
    add_initiatives(pf, [
        Ini("GOOD", scores={"citizen_value": 1}, costs=[(YEAR, "anlaeg", 100)],
            benefits=[(YEAR + 1, 500)]),
        Ini("POPULAR", scores={"citizen_value": 4}, costs=[(YEAR, "anlaeg", 100)]),
    ])
    with pf.read() as s:
        assert select_portfolio(s, budget=100).selected == ["POPULAR"]
        res = select_portfolio(s, budget=100, objective="npv")
    assert res.selected == ["GOOD"] and res.objective == "npv"
    assert res.objective_value > 0
    pf.close()


# --- properties against brute force ----------------------------------------------------

@st.composite
def problems(draw):
    n = draw(st.integers(1, 8))
    m = draw(st.integers(0, 3))
    value = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    rows = [draw(st.lists(st.integers(0, 10), min_size=n, max_size=n)) for _ in range(m)]
    caps = draw(st.lists(st.integers(0, 30), min_size=m, max_size=m))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=4))
    requires = [(a, b) for a, b in pairs if a < b]  # acyclic
    fixed_in = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n))) & \
        (np.array(draw(st.lists(st.integers(0, 4), min_size=n, max_size=n))) == 0)
    return SelectionProblem(ids=[str(i) for i in range(n)], value=value,
                            rows=np.array(rows, dtype=float).reshape(m, n), caps=caps,
                            row_names=[f"r{i}" for i in range(m)], fixed_in=fixed_in,
                            requires=requires)


def feasible(p: SelectionProblem, x: np.ndarray) -> bool:
    if p.m and (p.rows @ x > p.caps + 1e-9).any():
        return False
    if (p.fixed_in & ~x).any():
        return False
    return all(x[b] for a, b in p.requires if x[a])


def brute(p: SelectionProblem) -> float | None:
    best = None
    for bits in itertools.product([False, True], repeat=p.n):
        x = np.array(bits)
        if feasible(p, x):
            v = float(p.value[x].sum())
            best = v if best is None else max(best, v)
    return best


@settings(max_examples=60)
@given(problems())
def test_selection_is_feasible_optimal_and_holds_what_it_must(p):
    expected = brute(p)
    if expected is None:
        with pytest.raises(UserError):
            solve(p)
        return
    sol = solve(p)
    assert feasible(p, sol.x)                        # frames, mandatory, prerequisites
    assert sol.objective == pytest.approx(expected, abs=1e-7)
    g = greedy(p, list(range(p.n)))
    assert feasible(p, g) and p.value[g].sum() <= sol.objective + 1e-9


@settings(max_examples=40)
@given(problems(), st.integers(1, 20))
def test_larger_budget_never_lowers_the_optimum(p, extra):
    if brute(p) is None:
        return
    lo = solve(p).objective
    bigger = SelectionProblem(ids=p.ids, value=p.value, rows=p.rows, caps=p.caps + extra,
                              row_names=p.row_names, fixed_in=p.fixed_in, requires=p.requires)
    assert solve(bigger).objective >= lo - 1e-9


def test_closure_follows_prerequisites():
    p = SelectionProblem(ids=list("abc"), value=[1, 1, 1], rows=np.zeros((0, 3)), caps=[],
                         row_names=[], requires=[(0, 1), (1, 2)])
    assert closure(p, np.array([True, False, False])).tolist() == [True, True, True]


@settings(max_examples=40)
@given(problems(), st.lists(st.integers(0, 60), min_size=2, max_size=6))
def test_value_curve_is_monotone(p, budgets):
    from app.services.value_curve import curve_problem

    if brute(p) is None:
        return
    total = p.rows.sum(axis=0) if p.m else np.ones(p.n)
    keep = list(range(p.m))
    last = -np.inf
    for b in sorted(budgets):
        must = closure(p, p.fixed_in)
        if total[must].sum() > b:
            continue
        q = curve_problem(p, total, float(b), keep)
        if brute(q) is None:
            continue
        obj = solve(q).objective
        assert obj >= last - 1e-9
        last = obj


@settings(max_examples=8, deadline=None)
@given(st.lists(st.tuples(
    st.sampled_from(["idea", "proposal", "approved", "rejected", "on_hold"]),
    st.booleans(), st.integers(0, 4), st.integers(0, 900), st.integers(0, 900)),
    min_size=2, max_size=7), st.data())
def test_store_selection_respects_frames_mandatory_and_prerequisites(tmp_path_factory, items, data):
    from app.services.store import create_portfolio

    path = tmp_path_factory.mktemp("h") / "p.portfolio"
    pf = create_portfolio(path, budget_year=YEAR)
    inis = [Ini(f"I{k}", phase=ph, mandatory=mand and ph != "rejected",
                scores={"citizen_value": lvl},
                costs=[(YEAR, "anlaeg", float(c1)), (YEAR + 1, "drift", float(c2))])
            for k, (ph, mand, lvl, c1, c2) in enumerate(items)]
    for k in range(1, len(inis)):
        if data.draw(st.booleans()):
            inis[k].requires = [f"I{data.draw(st.integers(0, k - 1))}"]
    add_initiatives(pf, inis)
    frames = {YEAR: 5000.0, YEAR + 1: float(data.draw(st.integers(0, 3000)))}
    try:
        with pf.read() as s:
            res = select_portfolio(s, budget=frames)
    except UserError:
        pf.close()
        return  # infeasible: refused with a message (the rules are tested above)
    pf.close()
    sel = set(res.selected)
    by_id = {i.id: i for i in inis}
    for u in res.frame_use:
        assert u.used <= u.cap + 1e-6
        assert u.used == pytest.approx(sum(
            a for i in sel for y, _t, a in by_id[i].costs if y == u.year))
    for i in inis:
        if (i.mandatory or i.phase == "approved"):
            assert i.id in sel
        if i.phase == "rejected":
            assert i.id not in sel
        if i.id in sel:
            assert all(r in sel for r in i.requires if by_id[r].phase != "rejected")


def test_price_of_mandatory_skipped_exactly_when_it_cannot_cost(tmp_path):
    from app.services.selection import build_problem, select_built
    from app.services.selection_price import price_of_mandatory
    from app.services.store import create_portfolio

    pf = create_portfolio(tmp_path / "x.portfolio", budget_year=YEAR)
    add_initiatives(pf, [
        Ini("FREE", mandatory=True, outside_frame=True, scores={"citizen_value": 1},
            costs=[(YEAR, "anlaeg", 500)]),
        Ini("P", scores={"citizen_value": 4}, costs=[(YEAR, "anlaeg", 100)]),
    ])
    with pf.read() as s:
        built = build_problem(s, frames=[FrameSpec(100)])
    res = select_built(built)
    assert res.price_of_mandatory == 0.0 and set(res.selected) == {"FREE", "P"}
    quick = select_built(built, with_price=False)
    assert quick.price_of_mandatory is None and quick.selected == res.selected
    assert price_of_mandatory(built, res.objective_value) == 0.0
    assert res.gap == 0.0
    pf.close()


def test_solver_prints_nothing_on_stdout(capfd, mknap):
    n, m, opt, profits, rows, caps = mknap[5]  # HiGHS prints a debug line on this one
    solve(SelectionProblem(ids=[str(j) for j in range(n)], value=profits, rows=rows, caps=caps,
                           row_names=[f"r{r}" for r in range(m)]))
    out, _err = capfd.readouterr()
    assert out == ""


def test_per_unit_budget_counts_only_that_units_initiatives(small):
    from sqlalchemy import select as sql_select

    from app.models import OrgUnit

    with small.read() as s:
        buf = s.scalars(sql_select(OrgUnit).where(OrgUnit.code == "BUF")).one().id
    scenario_with_frames(small, "BUF-ramme", [FrameSpec(10_000_000), FrameSpec(1_000_000, unit_id=buf)])
    with small.read() as s:
        res = select_portfolio(s, "BUF-ramme")
    unit_frame = res.frame_use[1]
    assert unit_frame.name == "budget BUF"
    # BUF leads A (1,2 mio.), B (0,5 mio.) and the mandatory F (0,4 mio.): F + B fit, A does not
    assert unit_frame.used == pytest.approx(900_000)
    assert "A" not in res.selected and {"B", "C", "F"} <= set(res.selected)


def test_infeasible_message_names_the_frame_as_a_reader_does_in_the_portfolio_currency(small):
    """The engine's row names ("budget 2027 anlæg", the JSON contract) are not for
    messages: the conflict names the frame as the papers do, in the portfolio's currency."""
    from app.models import PortfolioSettings
    from app.services.i18n import set_language

    with small.session() as s:
        s.get(PortfolioSettings, 1).currency = "GBP"
    scenario_with_frames(small, "Stram", [FrameSpec(1, YEAR, "drift")])
    set_language("da")
    with small.read() as s, pytest.raises(UserError) as exc:
        select_portfolio(s, "Stram")
    text = str(exc.value)
    assert f"'{YEAR} drift'" in text and "GBP" in text
    assert "budget " not in text and "kr." not in text


def test_infeasible_capacity_is_named_in_danish():
    from app.services.i18n import set_language
    from app.services import labels

    set_language("da")
    p = SelectionProblem(ids=["A"], value=[1.0], rows=[[2.0]], caps=[1.0],
                         row_names=["capacity 2027"], row_units=["årsværk"],
                         row_titles=[labels.frame(2027, "capacity")], fixed_in=[True])
    with pytest.raises(UserError) as exc:
        solve(p)
    assert "capacity" not in str(exc.value) and "Kapacitet 2027" in str(exc.value)
