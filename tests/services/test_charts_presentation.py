"""The meeting service behind presentation mode: decisions and their departures."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import presentation as meeting
from app.services.errors import UserError


def test_a_decision_in_line_with_the_recommendation_needs_no_reason():
    v = meeting.decision_values("EK-001", "approved", "", recommended=True, scenario_id=3,
                                today=date(2027, 3, 1), user="mødeleder")
    assert v["departs_from_recommendation"] is False and v["decided_on"] == date(2027, 3, 1)
    assert v["forum"] == "steering_group" and v["scenario_id"] == 3


@pytest.mark.parametrize("outcome,recommended", [("approved", False), ("rejected", True),
                                                 ("postponed", True)])
def test_a_departure_from_the_recommendation_is_marked_and_needs_a_reason(outcome, recommended):
    with pytest.raises(UserError, match="EK-002"):
        meeting.decision_values("EK-002", outcome, "  ", recommended=recommended, scenario_id=None)
    v = meeting.decision_values("EK-002", outcome, "Politisk prioritet", recommended=recommended,
                                scenario_id=None)
    assert v["departs_from_recommendation"] is True and v["reason"] == "Politisk prioritet"


def test_conditions_are_required_for_a_conditional_approval_and_outcomes_are_checked():
    with pytest.raises(UserError):
        meeting.decision_values("EK-003", "approved_with_conditions", "", recommended=True,
                                scenario_id=None)
    with pytest.raises(UserError):
        meeting.decision_values("EK-003", "maybe", "x", recommended=True, scenario_id=None)
    assert set(meeting.outcome_names()) == set(meeting.OUTCOMES)


def test_a_what_if_without_any_change_is_refused(new_portfolio):
    with new_portfolio.session(context="test") as s, pytest.raises(UserError):
        meeting.make_meeting_what_if(s, None)


def test_the_recommendation_is_shown_at_its_cost_inside_the_frame(tmp_path):
    """Mandatory items financed outside the frame use no budget: the slide and the value
    curve place the recommendation at what the frame carries, never beyond the frame."""
    from app.services import selection
    from app.services.demo import create_demo
    from app.services.store import open_portfolio

    path = tmp_path / "demo.portfolio"
    create_demo(path)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        result = selection.select_portfolio(s)
        data = meeting.load_meeting(s)
    assert result.cost_outside_frame > 0  # the demo has such items
    assert data.cost_outside_frame == pytest.approx(result.cost_outside_frame)
    assert data.cost_in_frame == pytest.approx(result.cost_in_frame)
    mark = data.value_curve.recommended
    frame = next(r.value for r in data.value_curve.rules if r.orientation == "v")
    assert mark.x == pytest.approx(result.cost_in_frame)
    assert mark.x <= frame + 0.5 < result.total_cost
    assert mark.count == len(data.recommended)


def _rows(n: int):
    from types import SimpleNamespace

    return [SimpleNamespace(id=f"P-{k:03d}") for k in range(n)]


def test_the_roadmap_slide_shows_every_initiative_of_a_small_portfolio():
    rows = _rows(meeting.ROADMAP_SLIDE_LIMIT)
    shown, note = meeting._roadmap_rows(rows, [r.id for r in reversed(rows)], [])
    assert shown == rows and note == ""


def test_the_roadmap_slide_of_a_large_portfolio_shows_the_best_ranked_recommended():
    """A national portfolio (244 projects) cannot be read as one projected roadmap: the
    slide shows the recommended initiatives, best ranked first, at most the limit, and
    says so; without a recommendation the best ranked of all."""
    limit = meeting.ROADMAP_SLIDE_LIMIT
    rows = _rows(3 * limit)
    order = [r.id for r in reversed(rows)]  # the last row ranks first
    recommended = [r.id for r in rows if int(r.id[2:]) % 2 == 0]  # every other one
    shown, note = meeting._roadmap_rows(rows, order, recommended)
    ids = [r.id for r in shown]
    assert len(ids) == limit and set(ids) <= set(recommended)
    assert set(ids) == set(sorted(recommended, key=order.index)[:limit])
    assert ids == sorted(ids)  # the portfolio's own order is kept
    assert f"{limit}" in note and f"{len(recommended)}" in note

    few = recommended[:5]
    shown, note = meeting._roadmap_rows(rows, order, few)
    assert [r.id for r in shown] == few and "5" in note

    shown, note = meeting._roadmap_rows(rows, order, [])
    assert {r.id for r in shown} == set(order[:limit]) and f"{3 * limit}" in note
