"""The NNV objective says why when initiatives have no net present value (no business-case
line with a budget year, e.g. the GMPP import's totals): none among the candidates is
refused naming how many and what to do (it selected nothing and said nothing); some is a
warning naming how many count as 0 and which. And a portfolio's amounts are given in its
own currency in the ``select`` JSON (a GBP portfolio's frames said "kr.")."""

from __future__ import annotations

import pytest

from app.services import formatting
from app.services.scenarios import FrameSpec
from app.services.selection import select_portfolio
from app.services.selection_npv import NoNpvError
from app.services.store import create_portfolio
from app.services.value_curve import frontier
from tests.services.engine_fixtures import YEAR, Ini, add_initiatives, scenario_with_frames


@pytest.fixture(autouse=True)
def _danish():
    formatting.set_language("da")
    yield
    formatting.set_language("da")


def _portfolio(path, items, currency="DKK"):
    pf = create_portfolio(path, municipality="Testkommune", budget_year=YEAR, currency=currency)
    add_initiatives(pf, items)
    return pf


#: totals only, as the GMPP import gives them: no year, so no NNV
TOTALS_ONLY = [Ini("A", scores={"citizen_value": 4}, costs=[(None, "anlaeg", 100.0)],
                   benefits=[(None, 500.0)]),
               Ini("B", scores={"citizen_value": 2}, costs=[(None, "anlaeg", 100.0)]),
               Ini("C", phase="approved", costs=[(YEAR, "drift", 10.0)],
                   benefits=[(YEAR + 1, 40.0)])]


def test_npv_with_no_candidate_having_one_is_refused_saying_why(tmp_path):
    with _portfolio(tmp_path / "p.portfolio", TOTALS_ONLY) as pf, pf.read() as s:
        with pytest.raises(NoNpvError) as caught:
            select_portfolio(s, objective="npv", budget=1000.0)
        # the score objective on the same portfolio still recommends
        assert select_portfolio(s, budget=1000.0).chosen == ["A", "B"]
    # A and B can be chosen; C (approved, with an NNV) is always in and chooses nothing
    assert caught.value.candidates == 2 and caught.value.missing == ["A", "B"]
    message = str(caught.value)
    assert "ingen af de 2 tiltag, der kan vælges" in message
    assert "budgetår" in message and "samlet score" in message


def test_npv_value_curve_is_refused_too(tmp_path):
    with _portfolio(tmp_path / "p.portfolio", TOTALS_ONLY) as pf:
        scenario_with_frames(pf, "NNV", [FrameSpec(amount=1000.0)], objective="npv")
        with pf.read() as s, pytest.raises(NoNpvError):
            frontier(s, "NNV", steps=2)


def test_some_without_npv_warn_how_many_count_as_zero(tmp_path):
    items = [Ini("A", scores={"citizen_value": 4}, costs=[(YEAR, "anlaeg", 100.0)],
                 benefits=[(YEAR + 1, 500.0)]),
             Ini("B", scores={"citizen_value": 2}, costs=[(None, "anlaeg", 100.0)],
                 benefits=[(None, 900.0)]),
             Ini("X", phase="rejected", costs=[(None, "anlaeg", 1.0)])]
    with _portfolio(tmp_path / "p.portfolio", items) as pf, pf.read() as s:
        result = select_portfolio(s, objective="npv", budget=1000.0)
        by_score = select_portfolio(s, budget=1000.0)
    assert result.chosen == ["A"]  # B's 900 of benefit has no year: it counts as 0
    assert result.without_npv == ["B"] and result.in_play == 2  # the rejected X takes no part
    doc = result.to_json()
    assert doc["without_npv"] == ["B"]
    [warning] = doc["warnings"]
    assert warning.startswith("1 af 2 tiltag har ingen nettonutidsværdi") and "B" in warning
    assert by_score.without_npv == [] and by_score.to_json()["warnings"] == []


def test_select_json_gives_the_portfolios_currency(tmp_path):
    items = [Ini("A", scores={"citizen_value": 4}, costs=[(YEAR, "anlaeg", 100.0)])]
    with _portfolio(tmp_path / "gbp.portfolio", items, currency="GBP") as pf, pf.read() as s:
        doc = select_portfolio(s, budget={YEAR: 1000.0}).to_json()
    assert doc["currency"] == "GBP"
    assert [f["unit"] for f in doc["frames"]] == ["GBP"]
    with _portfolio(tmp_path / "dkk.portfolio", items) as pf, pf.read() as s:
        doc = select_portfolio(s, budget=1000.0).to_json()
    assert doc["currency"] == "DKK" and doc["frames"][0]["unit"] == "kr."  # as before
