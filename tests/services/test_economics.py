"""Economics in budget form (DESIGN §7) and NPV/IRR against numpy-financial's own tests."""

from __future__ import annotations

import math

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.economics import (
    Line,
    budget_table,
    economics_by_initiative,
    initiative_budget,
    irr,
    key_figures,
    npv,
    payback_period,
    pert,
    portfolio_budget,
)
from tests.services.engine_fixtures import YEAR, Ini, add_initiatives


# numpy-financial tests/test_financial.py: test_npv, test_irr, test_npv_irr_congruence
def test_npv_matches_numpy_financial_published_value():
    assert npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) == pytest.approx(
        122.894854950942692161628715, abs=1e-9)


@pytest.mark.parametrize("values, expected", [
    ([-150000, 15000, 25000, 35000, 45000, 60000], 0.0524),
    ([-100, 0, 0, 74], -0.0955),
    ([-100, 39, 59, 55, 20], 0.28095),
    ([-100, 100, 0, -7], -0.0833),
    ([-100, 100, 0, 7], 0.06206),
    ([-5, 10.5, 1, -8, 1], 0.0886),
])
def test_irr_matches_numpy_financial_published_values(values, expected):
    assert irr(values) == pytest.approx(expected, abs=0.5e-2)
    assert irr(values) == pytest.approx(npf.irr(values), abs=1e-10)


def test_irr_without_solution_is_nan():
    assert math.isnan(irr([-1, -2, -3]))


def test_npv_irr_congruence_and_readme_value():
    cash = [-40000, 5000, 8000, 12000, 30000]
    assert abs(npv(irr(cash), cash)) < 1e-8
    assert irr([-250000, 100000, 150000, 200000, 250000, 300000]) == pytest.approx(
        0.5672303344358536, abs=1e-12)


@given(st.floats(-0.5, 1.0), st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=12))
def test_npv_agrees_with_numpy_financial(rate, values):
    assert npv(rate, values) == pytest.approx(float(npf.npv(rate, values)), rel=1e-9, abs=1e-6)


def test_pert_and_payback():
    assert pert(100, 70, 190) == pytest.approx((70 + 400 + 190) / 6)
    assert pert(100, None, 190) == 100
    assert payback_period([10, 5]) == 0.0
    assert payback_period([-100, 10, 10]) is None


@pytest.mark.parametrize("net, start, expected", [
    # counted from the start of the first year with a cost, each year's net spread evenly
    # over the year: -100 by the end of year 1, -40 by the end of year 2, +20 by the end
    # of year 3 → 0 two thirds into year 3
    ([-100, 60, 60], 0, 2 + 40 / 60),
    ([-545_000, 670_000, 670_000], 0, 1 + 545 / 670),  # EK-003: recouped during 2028
    ([-100, 100], 0, 2.0),  # exactly recouped at the end of year 2
    ([-100, 300], 0, 1 + 1 / 3),
    ([-50, -50, 200], 0, 2.5),
    ([50, -200, 100, 100], 1, 2.5),  # a benefit-only year before the first cost
])
def test_payback_period_hand_computed(net, start, expected):
    assert payback_period(net, start=start) == pytest.approx(expected)


def test_key_figures_payback_and_years_without_lines():
    """EK-003 of the demo: 545 t.kr. net cost in 2027, then 670 t.kr. a year to 2030;
    go-live 2027 and horizon 5 → NNV over 2027–2032, lines only to 2030."""
    lines = [Line("cost", 2027, "anlaeg", 450_000), Line("cost", 2027, "drift", 120_000),
             Line("benefit", 2027, "drift", 300_000, benefit_kind="budgetrealiserbar"),
             Line("cost", 2027, "drift", 275_000, cash=False)]
    for y in (2028, 2029, 2030):
        lines += [Line("cost", y, "drift", 230_000),
                  Line("benefit", y, "drift", 900_000, benefit_kind="budgetrealiserbar")]
    k = key_figures("EK-003", lines, rate=0.035, horizon=5, go_live_year=2027, full=False)
    assert (k.first_year, k.last_year, k.data_last_year) == (2027, 2032, 2030)
    assert k.years_without_lines == (2031, 2032)
    assert k.payback_years == pytest.approx(1 + 545 / 670)
    assert k.npv == pytest.approx(npf.npv(0.035, [-545_000] + [670_000] * 3 + [0, 0]))
    k2 = key_figures("X", lines + [Line("cost", 2034, "drift", 10)], rate=0.035, horizon=5,
                     go_live_year=2027, full=False)
    assert k2.years_without_lines is None and k2.after_horizon == -10
    # a cost in a later year than the first dated one: payback counted from that year
    k3 = key_figures("Y", [Line("benefit", 2026, "drift", 50), Line("cost", 2027, "anlaeg", 200),
                           Line("benefit", 2028, "drift", 100), Line("benefit", 2029, "drift", 100)],
                     rate=0.0, horizon=2, go_live_year=None, full=False)
    assert k3.payback_years == pytest.approx(2.5)


def test_budget_table_in_budget_form():
    lines = [
        Line("cost", YEAR, "anlaeg", 1_000_000, financing="Digitaliseringspulje"),
        Line("cost", YEAR + 1, "drift", 200_000, derived_operating=True, financing="Drift"),
        Line("cost", YEAR + 6, "drift", 50_000),
        Line("cost", None, "anlaeg", 10_000),
        Line("cost", YEAR, "drift", 300_000, category="interne_ressourcer", cash=False, fte=0.5),
        Line("benefit", YEAR + 2, "drift", 400_000, benefit_kind="budgetrealiserbar"),
        Line("benefit", YEAR + 2, "drift", 999_000, benefit_kind="ikke_budgetrealiserbar",
             cash=False),
    ]
    t = budget_table(lines, YEAR)
    assert t.years == [YEAR, YEAR + 1, YEAR + 2, YEAR + 3]
    assert t.rows["anlaeg"][YEAR] == 1_000_000
    assert t.rows["drift"][YEAR + 1] == 200_000
    assert t.rows["derived_operating"][YEAR + 1] == 200_000
    assert t.rows["savings"][YEAR + 2] == -400_000  # mindreudgift: negative
    assert t.rows["drift"]["other"] == 50_000 and t.other_years == [YEAR + 6]
    assert t.rows["anlaeg"]["none"] == 10_000
    assert t.rows["net"]["total"] == 1_000_000 + 200_000 + 50_000 + 10_000 - 400_000
    assert t.rows["drift"][YEAR] == 0  # internal time is not cash
    assert t.fte[YEAR] == 0.5
    assert t.financing["Digitaliseringspulje"][YEAR] == 1_000_000


def test_key_figures_horizon_rate_and_internal_time():
    lines = [
        Line("cost", 2027, "anlaeg", 1000),
        Line("cost", 2027, "drift", 100, cash=False, fte=0.1),
        Line("benefit", 2028, "drift", 500),
        Line("benefit", 2029, "drift", 500),
        Line("benefit", 2040, "drift", 500),  # after the horizon
        Line("benefit", 2028, "drift", 10_000, benefit_kind="kvalitativ"),
    ]
    k = key_figures("X", lines, rate=0.035, horizon=2, go_live_year=None, full=False)
    assert (k.first_year, k.go_live_year, k.last_year) == (2027, 2027, 2029)
    assert k.npv == pytest.approx(npf.npv(0.035, [-1100, 500, 500]))
    assert k.tco == 1100 and k.cash_cost == 1000 and k.internal_cost == 100
    assert k.payback_years is None  # -1100 + 1000 never turns within the horizon
    assert k.roi == pytest.approx((1500 - 1100) / 1100)
    assert k.irr == pytest.approx(npf.irr([-1100, 500, 500]))


def test_economics_from_store_uses_portfolio_defaults_and_threshold(tmp_path):
    from app.services.store import create_portfolio

    pf = create_portfolio(tmp_path / "ø.portfolio", budget_year=YEAR)
    add_initiatives(pf, [
        Ini("BIG", costs=[(YEAR, "anlaeg", 12_000_000)], benefits=[(YEAR + 1, 4_000_000)]),
        Ini("SMALL", costs=[(YEAR, "anlaeg", 100_000)]),
    ])
    with pf.read() as s:
        e = economics_by_initiative(s)
        assert e["BIG"].discount_rate == 0.035 and e["BIG"].horizon_years == 5
        assert e["BIG"].full_business_case and not e["SMALL"].full_business_case
        assert e["BIG"].npv == pytest.approx(npf.npv(0.035, [-12e6, 4e6, 0, 0, 0, 0]))
        b = initiative_budget(s, "BIG")
        assert b.years[0] == YEAR
        assert b.rows["savings"][YEAR + 1] == -4_000_000
        assert b.rows["net"]["total"] == 8_000_000
        total = portfolio_budget(s)
        assert total.rows["anlaeg"]["total"] == 12_100_000
    pf.close()


def test_pert_expected_npv_differs_when_three_points_given():
    lines = [Line("cost", 2027, "anlaeg", 100, low=90, high=200), Line("benefit", 2028, "drift", 150)]
    k = key_figures("X", lines, rate=0.0, horizon=1, go_live_year=2027, full=True)
    assert k.three_point and k.expected_cost == pytest.approx((90 + 400 + 200) / 6)
    assert k.npv_expected == pytest.approx(150 - k.expected_cost)
    assert np.isclose(k.npv, 50)


def _assert_fast_npv_equals_key_figures(s) -> int:
    """``npv_by_initiative`` (the vectorised NNV) against ``key_figures(...).npv`` of
    every initiative, to 1e-6 relative; returns how many have an NNV."""
    from app.services.economics import npv_by_initiative, npv_horizon_gaps

    full = economics_by_initiative(s, with_irr=False)
    fast = npv_by_initiative(s)
    gaps = {iid: (k.data_last_year, k.last_year) for iid, k in full.items()
            if k.years_without_lines is not None}
    assert npv_horizon_gaps(s) == gaps
    some = sorted(full)[::3]
    assert npv_horizon_gaps(s, some) == {i: g for i, g in gaps.items() if i in some}
    assert list(fast) == list(full)
    for iid, k in full.items():
        if k.npv is None:
            assert fast[iid] is None, iid
        else:
            assert fast[iid] is not None, iid
            assert math.isclose(fast[iid], k.npv, rel_tol=1e-6, abs_tol=1e-6), (
                iid, fast[iid], k.npv)
    return sum(k.npv is not None for k in full.values())


def test_fast_npv_equals_key_figures_on_demo_portfolio(tmp_path):
    from app.services.demo import create_demo
    from app.services.store import open_portfolio

    create_demo(tmp_path / "demo.portfolio")
    with open_portfolio(tmp_path / "demo.portfolio", readonly=True) as pf, pf.read() as s:
        assert _assert_fast_npv_equals_key_figures(s) > 10


def test_fast_npv_equals_key_figures_on_generated_portfolio_with_overrides(tmp_path):
    """A generated portfolio, then per-initiative rate/horizon/go-live overrides,
    qualitative and undated benefits, lines past the horizon, a go-live before the first
    year and an initiative without lines."""
    import datetime as dt

    from sqlalchemy import select

    from app.models import BusinessCaseLine, Initiative
    from app.services.store import open_portfolio
    from tests.benchmarks.generator import generate_portfolio

    path = generate_portfolio(tmp_path / "gen.portfolio", 300, seed=3)
    with open_portfolio(path) as pf:
        with pf.session(context="test") as s:
            inis = s.scalars(select(Initiative).order_by(Initiative.id)).all()
            for i, ini in enumerate(inis[:60]):
                if i % 3 == 0:
                    ini.discount_rate = [0.0, 0.07, -0.02, 0.035][i % 4]
                if i % 4 == 1:
                    ini.horizon_years = [0, 2, 10][i % 3]
                if i % 5 == 2:
                    ini.end_date = dt.date(YEAR + (i % 7) - 3, 6, 30)
                if i % 6 == 3:
                    ini.lines.append(BusinessCaseLine(
                        flow="benefit", budget_year=YEAR + 1, line_type="drift",
                        amount=1e6, benefit_kind="kvalitativ"))
                    ini.lines.append(BusinessCaseLine(
                        flow="benefit", budget_year=None, line_type="drift", amount=5e5))
                if i % 7 == 4:
                    ini.lines.append(BusinessCaseLine(
                        flow="cost", budget_year=YEAR + 40, line_type="anlaeg", amount=3e5))
                    ini.lines.append(BusinessCaseLine(
                        flow="benefit", budget_year=YEAR - 2, line_type="drift", amount=2e5,
                        benefit_kind=None))
            s.add(Initiative(id="ZZ-EMPTY", title="Uden linjer"))
            s.add(Initiative(id="ZZ-UNDATED", title="Uden år", end_date=dt.date(YEAR, 1, 1)))
            s.flush()
            s.add(BusinessCaseLine(initiative_id="ZZ-UNDATED", flow="cost", budget_year=None,
                                   line_type="anlaeg", amount=1e5))
        with pf.read() as s:
            assert _assert_fast_npv_equals_key_figures(s) > 250
