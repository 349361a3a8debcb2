"""Scenarios: lookup, edits for undo, comparison (DESIGN §3, §7)."""

from __future__ import annotations

import pytest

from app.models import Scenario, WeightSet
from app.services.errors import UserError
from app.services.scenarios import (
    FrameSpec,
    compare,
    finish_comparison,
    prepare_comparison,
    create_scenario,
    delete_scenario,
    get_scenario,
    set_force,
    set_frames,
    set_objective,
    spec_of,
)
from app.services.weights import make_what_if
from tests.services.engine_fixtures import YEAR, small_portfolio


@pytest.fixture
def pf(tmp_path):
    p = small_portfolio(tmp_path / "s.portfolio")
    yield p
    p.close()


def test_default_and_unknown(pf):
    with pf.read() as s:
        assert get_scenario(s, None).name == "Standard"
        with pytest.raises(UserError, match="Ukendt|Unknown"):
            get_scenario(s, "Mangler")


def test_edits_return_old_values(pf):
    with pf.session() as s:
        sc = create_scenario(s, "Budget", frames=[FrameSpec(1_000_000)])
        old = set_frames(s, sc.id, [FrameSpec(2_000_000, YEAR, "anlaeg")])
        assert old == [FrameSpec(1_000_000)]
        assert set_force(s, sc.id, "A", "out") is None
        assert set_force(s, sc.id, "A", "in") == "out"
        assert set_objective(s, sc.id, "npv") == "score"
        with pytest.raises(UserError):
            set_objective(s, sc.id, "profit")
        sid = sc.id
    with pf.read() as s:
        spec = spec_of(s.get(Scenario, sid))
    assert spec.frames == [FrameSpec(2_000_000, YEAR, "anlaeg")]
    assert spec.forced_in == {"A"} and spec.objective == "npv"
    with pf.session() as s:
        assert set_force(s, sid, "A", None) == "in"
    with pf.session() as s:
        assert spec_of(s.get(Scenario, sid)).forced_in == set()
    with pf.session() as s, pytest.raises(UserError):
        create_scenario(s, "Budget")


def test_delete_what_if_removes_its_weights_but_not_the_default(pf):
    with pf.session() as s:
        sc = make_what_if(s, "Hvad nu hvis", {"risk": 20})
        sid, wsid = sc.id, sc.weight_set_id
    with pf.session() as s:
        delete_scenario(s, sid)
    with pf.read() as s:
        assert s.get(Scenario, sid) is None and s.get(WeightSet, wsid) is None
    with pf.session() as s, pytest.raises(UserError):
        delete_scenario(s, get_scenario(s, None).id)


def test_compare_two_scenarios(pf):
    with pf.session() as s:
        create_scenario(s, "Lille", frames=[FrameSpec(1_000_000)])
        create_scenario(s, "Stor", frames=[FrameSpec(4_000_000)])
    with pf.read() as s:
        c = compare(s, "Lille", "Stor")
    assert c.a == "Lille" and c.b == "Stor"
    assert c.only_a == [] and set(c.only_b) >= {"A"}
    assert c.total_score_b > c.total_score_a
    assert c.budget_a == {"budget": pytest.approx(700_000)}  # F 400.000 + D 300.000; B does not fit
    assert len(c.rank_changes) == 8 and all(r.moved == 0 for r in c.rank_changes)


def test_compare_moves_first_and_no_portfolio_without_budget(pf):
    with pf.session() as s:
        create_scenario(s, "Lille", frames=[FrameSpec(1_000_000)])
        make_what_if(s, "Borgere", {"citizen_value": 60})  # copies Standard: no frames
    with pf.read() as s:
        data = prepare_comparison(s, "Lille", "Borgere")
    c = finish_comparison(data)  # the solves need no session (GUI worker thread)
    moves = [abs(r.moved) for r in c.rank_changes]
    assert moves == sorted(moves, reverse=True) and moves[0] > 0 and c.moved
    assert c.no_budget_b and "Borgere" in c.message_b and c.message_a is None
    assert c.only_a is None and c.only_b is None and c.total_score_a is not None
    assert [(r.name, r.cap_a, r.cap_b, r.difference) for r in c.budget_rows] == [
        ("budget", 1_000_000, None, None)]
