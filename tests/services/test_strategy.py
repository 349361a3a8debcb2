"""Editing criteria, goals and external requirements: validated, audited, undoable."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, Initiative
from app.services import strategy, strategy_weights
from app.services.errors import ValidationError
from app.services.snapshots import load_initiatives


def _crit(pf, key):
    with pf.read() as s:
        return next(c for c in strategy.list_criteria(s) if c.key == key)


def test_criterion_edit_returns_old_values_and_is_audited(new_portfolio):
    crit = _crit(new_portfolio, "citizen_value")
    with new_portfolio.session(context="test") as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
        old = strategy.update_criterion(s, crit.id, {"name": "Værdi for borgerne"})
        assert s.scalar(select(func.count()).select_from(AuditEntry)) > before
    assert old == {"name": crit.name}
    assert _crit(new_portfolio, "citizen_value").name == "Værdi for borgerne"


def test_numeric_criterion_needs_two_different_anchors(new_portfolio):
    crit = _crit(new_portfolio, "economic_benefit")
    with pytest.raises(ValidationError, match="anchors|ankre"):
        with new_portfolio.session() as s:
            strategy.update_criterion(s, crit.id, {"anchor_high": 0.0})
    assert _crit(new_portfolio, "economic_benefit").anchor_high == 5_000_000.0


def test_taken_criterion_name_is_refused(new_portfolio):
    crit = _crit(new_portfolio, "citizen_value")
    other = _crit(new_portfolio, "risk")
    with pytest.raises(ValidationError):
        with new_portfolio.session() as s:
            strategy.update_criterion(s, crit.id, {"name": other.name})


def test_level_guide_is_set_and_old_guide_returned(new_portfolio):
    crit = _crit(new_portfolio, "readiness")
    with new_portfolio.session() as s:
        old = strategy.set_level(s, crit.id, 3, guide="Ny vejledning æøå")
    assert old[1] == crit.levels[3].guide
    assert _crit(new_portfolio, "readiness").levels[3].guide == "Ny vejledning æøå"


def test_requirement_that_obliges_makes_linked_initiative_mandatory_and_restore(new_portfolio):
    with new_portfolio.session() as s:
        rid = strategy.add_requirement(s, "FDS-1", "Digital post", "law",
                                       deadline=date(2027, 1, 1))
        ini = Initiative(id="EK-001", title="Digital post-integration")
        s.add(ini)
        s.flush()
        s.execute(strategy.initiative_requirement.insert().values(
            initiative_id="EK-001", requirement_id=rid))
    with new_portfolio.session() as s:
        strategy.update_requirement(s, rid, {"obliges_local_work": True})
    with new_portfolio.read() as s:
        assert load_initiatives(s)[0].mandatory
    with new_portfolio.session() as s:
        snap = strategy.delete_requirement(s, rid)
    with new_portfolio.read() as s:
        assert not load_initiatives(s)[0].mandatory
    with new_portfolio.session() as s:
        strategy.restore_requirement(s, snap)
    with new_portfolio.read() as s:
        assert load_initiatives(s)[0].mandatory
        assert strategy.list_requirements(s)[0].initiative_ids == ("EK-001",)


def test_goal_add_duplicate_code_refused_delete_restore(new_portfolio):
    with new_portfolio.session() as s:
        gid = strategy.add_goal(s, "M1", "Borgeren i centrum")
    with pytest.raises(ValidationError, match="M1"):
        with new_portfolio.session() as s:
            strategy.add_goal(s, "M1", "Igen")
    with new_portfolio.session() as s:
        snap = strategy.delete_goal(s, gid)
    with new_portfolio.read() as s:
        assert strategy.list_goals(s) == []
    with new_portfolio.session() as s:
        strategy.restore_goal(s, snap)
    with new_portfolio.read() as s:
        assert [g.code for g in strategy.list_goals(s)] == ["M1"]


def test_unknown_source_type_is_refused(new_portfolio):
    with pytest.raises(ValidationError):
        with new_portfolio.session() as s:
            strategy.add_requirement(s, "X", "Y", "hearsay")


def test_pairwise_judgements_are_stored_once_per_pair(new_portfolio):
    from app.models import WeightSet

    with new_portfolio.read() as s:
        ws = s.scalars(select(WeightSet)).first().id
    with new_portfolio.session() as s:
        assert strategy_weights.set_judgement(s, ws, "citizen_value", "risk", 3.0) is None
    with new_portfolio.session() as s:
        # the reverse pair replaces the first; the old value is returned as seen from this side
        assert strategy_weights.set_judgement(s, ws, "risk", "citizen_value", 0.5) == pytest.approx(1 / 3)
    with new_portfolio.read() as s:
        assert strategy_weights.load_judgements(s, ws) == {("risk", "citizen_value"): 0.5}
    with pytest.raises(ValidationError):
        with new_portfolio.session() as s:
            strategy_weights.set_judgement(s, ws, "risk", "citizen_value", 10.0)
    with new_portfolio.session() as s:
        strategy_weights.set_judgement(s, ws, "risk", "citizen_value", None)
    with new_portfolio.read() as s:
        assert strategy_weights.load_judgements(s, ws) == {}


def test_new_draft_for_next_year_copies_and_is_refused_twice(new_portfolio):
    from app.models import WeightSet
    from app.services import weights

    with new_portfolio.read() as s:
        current = s.scalars(select(WeightSet)).one()
        cid, year = current.id, current.budget_year
    with new_portfolio.session() as s:
        new = strategy_weights.new_draft_weights(s, year + 1, cid)
    with new_portfolio.read() as s:
        assert weights.percents(s, new) == weights.percents(s, cid)
    with pytest.raises(ValidationError):
        with new_portfolio.session() as s:
            strategy_weights.new_draft_weights(s, year + 1, cid)
    with new_portfolio.session() as s:
        strategy_weights.delete_draft_weights(s, new)
    with new_portfolio.read() as s:
        assert s.get(WeightSet, new) is None
