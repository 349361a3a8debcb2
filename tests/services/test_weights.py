"""Weights per budget year: adopted and locked; what-ifs logged; the criteria tree."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import AuditEntry, Criterion, Scenario, Weight, WeightSet
from app.services.errors import UserError, ValidationError
from app.services.scoring import rank
from app.services.weights import (
    adopt,
    current_weight_set,
    leaf_criteria,
    leaf_weights,
    make_what_if,
    rebalance,
    set_weights,
)
from tests.services.engine_fixtures import Ini, add_initiatives, small_portfolio


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in the source language (English); Danish is the default."""
    from app.services import formatting
    from app.services.i18n import set_language

    before = formatting.language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def pf(tmp_path):
    p = small_portfolio(tmp_path / "v.portfolio")
    yield p
    p.close()


def test_default_weights_sum_to_one(pf):
    with pf.read() as s:
        ws = current_weight_set(s)
        w = leaf_weights(s, ws.id)
    assert ws.status == "draft"
    assert sum(w.values()) == pytest.approx(1.0)
    assert w["strategic_fit"] == pytest.approx(0.25)


def test_adopted_weights_are_locked(pf):
    with pf.session() as s:
        ws = current_weight_set(s)
        adopt(s, ws.id, adopted_by="Økonomiudvalget")
        ws_id = ws.id
    with pf.session() as s:
        with pytest.raises(UserError, match="what-if"):
            set_weights(s, ws_id, {"risk": 50})
    with pf.read() as s:
        assert s.get(WeightSet, ws_id).status == "adopted"
        assert leaf_weights(s, ws_id)["risk"] == pytest.approx(0.10)
        events = s.scalars(select(AuditEntry).where(AuditEntry.field == "weights adopted")).all()
        assert len(events) == 1


def test_adopt_refuses_sums_other_than_100(pf):
    with pf.session() as s:
        ws = current_weight_set(s)
        set_weights(s, ws.id, {"risk": 30})
    with pf.session() as s, pytest.raises(ValidationError, match="120"):
        adopt(s, current_weight_set(s).id)


def test_what_if_is_a_logged_scenario_with_rebalanced_weights(pf):
    with pf.session() as s:
        adopt(s, current_weight_set(s).id)
    with pf.session() as s:
        sc = make_what_if(s, "Borgerne først", {"citizen_value": 45})
        sc_id = sc.id
    with pf.read() as s:
        sc = s.get(Scenario, sc_id)
        assert sc.is_what_if and not sc.is_default
        ws = s.get(WeightSet, sc.weight_set_id)
        assert ws.status == "what_if"
        w = leaf_weights(s, ws.id)
        assert w["citizen_value"] == pytest.approx(0.45)
        # the other 85 % scaled to 55 %: strategic fit 25 → 25·55/85
        assert w["strategic_fit"] == pytest.approx(0.25 * 0.55 / 0.85)
        assert sum(w.values()) == pytest.approx(1.0)
        ranking = rank(s, "Borgerne først")
        assert ranking.is_what_if and ranking.weight_set.status == "what_if"
        assert rank(s).weight_set.status == "adopted"  # the adopted set is untouched
        ev = s.scalars(select(AuditEntry).where(AuditEntry.field == "what-if")).one()
        assert ev.scenario_id == sc_id and "citizen_value=45" in ev.new_value
    with pf.session() as s, pytest.raises(UserError):
        make_what_if(s, "Borgerne først", {"risk": 5})  # name taken
    with pf.session() as s, pytest.raises(UserError):
        make_what_if(s, "X", {"citizen_value": 120})


def test_rebalance_keeps_each_group_sum():
    sib = {"a": ["a", "b", "c"], "b": ["a", "b", "c"], "c": ["a", "b", "c"]}
    out = rebalance({"a": 50, "b": 30, "c": 20}, {"a": 20}, sib)
    assert out == pytest.approx({"a": 20, "b": 48, "c": 32})


def test_group_criteria_multiply_down_the_tree(pf):
    with pf.session() as s:
        parent = s.scalars(select(Criterion).where(Criterion.key == "strategic_fit")).one()
        parent.kind = "group"
        kids = [Criterion(key=f"goal{i}", name=f"Mål {i}", parent_id=parent.id, sort_order=i)
                for i in (1, 2)]
        s.add_all(kids)
        s.flush()
        ws = current_weight_set(s)
        ws.weights.extend([Weight(criterion_id=kids[0].id, percent=75),
                           Weight(criterion_id=kids[1].id, percent=25)])
    add_initiatives(pf, [Ini("T", scores={"goal1": 4, "goal2": 0})])
    with pf.read() as s:
        keys = [c.key for c in leaf_criteria(s)]
        w = leaf_weights(s, current_weight_set(s).id)
        r = rank(s).by_id()["T"]
    assert "strategic_fit" not in keys and keys[:2] == ["goal1", "goal2"]
    assert w["goal1"] == pytest.approx(0.25 * 0.75) and w["goal2"] == pytest.approx(0.25 * 0.25)
    assert r.score == pytest.approx(0.25 * 0.75)
