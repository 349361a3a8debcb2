"""Weights that do not sum to 100 % are scaled by ranking and said so (DESIGN §7); numbers
in weight messages go through ``formatting`` (Babel); weights, frames and forced ids that
are not numbers or do not exist are refused naming them, and nothing is stored (DESIGN §9)."""

from __future__ import annotations

import argparse
import hashlib
import math

import pytest
from sqlalchemy import select

from app.models import BudgetFrame, ScenarioForce, Weight
from app.services import formatting, scenarios
from app.services.errors import UserError, ValidationError
from app.services.i18n import set_language
from app.services.scoring import rank
from app.services.weights import (
    current_weight_set,
    make_what_if,
    percents,
    rebalance,
    set_weights,
    sum_problems,
)
from tests.services.engine_fixtures import YEAR, small_portfolio

NBSP = "\u00a0"


@pytest.fixture
def lang():
    before = formatting.language()
    yield set_language
    set_language(before)


@pytest.fixture
def pf(tmp_path):
    p = small_portfolio(tmp_path / "v.portfolio")
    yield p
    p.close()


def _draft_150_30(pf) -> int:
    """The draft weights as the new user typed them: 150 % and 30 %, the rest 0."""
    with pf.session() as s:
        ws = current_weight_set(s)
        changes = {k: 0.0 for k in percents(s, ws.id)}
        changes.update(strategic_fit=150.0, risk=30.0)
        set_weights(s, ws.id, changes)
        return ws.id


def test_rank_says_the_weights_were_scaled_and_from_what_sum(pf, lang, capsys):
    from app.commands.ranking import ranking_document, run

    lang("en")
    with pf.read() as s:
        assert rank(s).warnings() == []  # the fixture's weights sum to 100
    _draft_150_30(pf)
    with pf.read() as s:
        r = rank(s)
    assert r.criteria[0].weight == pytest.approx(150 / 180)  # scaled, as before
    assert r.warnings() == ["The top-level weights sum to 180%; the ranking scaled them to 100%"]
    doc = ranking_document(r)
    assert doc["warnings"] == r.warnings()
    assert doc["weight_scaling"] == [{"parent": None, "sum_percent": pytest.approx(180.0)}]
    path = pf.path
    pf.close()
    lang("da")
    assert run(argparse.Namespace(portfolio=str(path), scenario=None, json=False)) == 0
    out = capsys.readouterr().out
    assert (f"Advarsel: Vægtene på øverste niveau summerer til 180{NBSP}%; rangordningen har "
            f"skaleret dem til 100{NBSP}%") in out


def test_weight_sums_are_written_by_babel_on_the_top_level(pf, lang):
    ws_id = _draft_150_30(pf)
    lang("da")
    with pf.read() as s:
        assert sum_problems(s, ws_id) == [
            f"Vægtene på øverste niveau summerer til 180{NBSP}%, ikke 100{NBSP}%"]
    with pytest.raises(UserError) as err:
        rebalance({"a": 60.0, "b": 40.0, "c": 0.0}, {"a": 100.0, "b": 50.0},
                  {k: ["a", "b", "c"] for k in "abc"})
    assert str(err.value) == f"De ændrede vægte summerer til 150{NBSP}%, mere end 100{NBSP}%"
    lang("en")
    with pytest.raises(UserError, match=r"sum to 33\.33%, more than 20%"):
        rebalance({"a": 10.0, "b": 10.0, "c": 80.0}, {"a": 100 / 3},
                  {"a": ["a", "b"], "b": ["a", "b"], "c": ["c"]})


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, "abc"])
def test_a_weight_that_is_not_a_number_is_refused_naming_the_criterion(pf, lang, value):
    lang("da")
    with pf.read() as s:
        ws_id = current_weight_set(s).id
        before = percents(s, ws_id)
    with pytest.raises(ValidationError, match=r"Vægten for Risiko.*\(risk\) er ikke et tal"):
        with pf.session() as s:
            set_weights(s, ws_id, {"citizen_value": 20, "risk": value})
    with pytest.raises(ValidationError, match=r"\(risk\) er ikke et tal"):
        with pf.session() as s:
            make_what_if(s, "Prøve", {"risk": value})
    with pf.read() as s:
        assert percents(s, ws_id) == before
        assert s.scalars(select(Weight).where(Weight.percent.is_(None))).first() is None
        assert scenarios.list_scenarios(s)[-1].name != "Prøve"


def test_bad_frames_and_unknown_forced_ids_are_refused_and_nothing_is_stored(pf, lang):
    lang("da")
    with pf.session() as s:
        sc = scenarios.create_scenario(s, "Budget", frames=[scenarios.FrameSpec(1_000_000.0)])
        sc_id = sc.id
    path = pf.path
    with pf.read() as s:
        frames_before = [(f.budget_year, f.amount) for f in s.scalars(select(BudgetFrame))]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    bad = [
        (lambda s: scenarios.set_frames(s, sc_id, [scenarios.FrameSpec(
            math.nan, year=YEAR, frame_type="anlaeg")]),
         f"Budgetrammen {YEAR} anlæg er ikke et beløb"),
        (lambda s: scenarios.set_frames(s, sc_id, [scenarios.FrameSpec(math.inf)]),
         "Budgetrammen Hele budgettet er ikke et beløb"),
        (lambda s: scenarios.set_force(s, sc_id, "ZZ-404", "in"),
         "Scenariet 'Budget': intet tiltag har id'et ZZ-404"),
        (lambda s: scenarios.create_scenario(s, "Ny", forced_out=["A", "ZZ-404"]),
         "Scenariet 'Ny': intet tiltag har id'et ZZ-404"),
        (lambda s: scenarios.create_scenario(s, "Ny", exclusions={"Enten-eller": ["A", "Q"]}),
         "udelukkelsesgruppen 'Enten-eller' angiver ukendte tiltag: Q"),
        (lambda s: scenarios.create_scenario(s, "Ny", frames=[scenarios.FrameSpec(
            math.nan, year=YEAR)]), f"Budgetrammen {YEAR} er ikke et beløb"),
    ]
    for edit, message in bad:
        with pytest.raises(UserError) as err:
            with pf.session() as s:
                edit(s)
        assert message in str(err.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    with pf.read() as s:
        assert [(f.budget_year, f.amount) for f in s.scalars(select(BudgetFrame))] == frames_before
        assert s.scalars(select(ScenarioForce)).first() is None
        assert [x.name for x in scenarios.list_scenarios(s)] == ["Standard", "Budget"]


def test_english_rank_writes_value_for_money_per_dkk_1m(pf, lang, capsys):
    from app.commands.ranking import run

    path = pf.path
    pf.close()
    lang("en")
    assert run(argparse.Namespace(portfolio=str(path), scenario=None, json=False)) == 0
    out = capsys.readouterr().out
    assert "Value for money (points per DKK 1m)" in out and "mio." not in out
    lang("da")
    assert run(argparse.Namespace(portfolio=str(path), scenario=None, json=False)) == 0
    assert "Værdi for pengene (point pr. 1 mio. kr.)" in capsys.readouterr().out
