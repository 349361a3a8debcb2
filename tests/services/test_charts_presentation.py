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
    # the budget slide shows what the frames do not hold: "of which outside the frame"
    # under anlæg and drift, so the rows less those equal what the frames hold
    assert data.outside_frame_ids == ["EK-020", "EK-021"]
    names = [r[0] for r in data.budget_rows]
    for u in result.frame_use:
        if u.unit_id is None and u.frame_type in ("anlaeg", "drift"):
            k = names.index({"anlaeg": "Anlæg", "drift": "Drift"}[u.frame_type])
            assert k + 1 in data.of_which_rows
            col = data.budget_years.index(u.year)
            held = data.budget_rows[k][1][col] - data.budget_rows[k + 1][1][col]
            assert held == pytest.approx(u.used), (u.name, held, u.used)


def _meeting(n: int, recommended: list[str] | None = None):
    """A meeting of ``n`` dated initiatives P-000… (the last ranks first), the
    ``recommended`` ids (None: no recommendation) as the slide's pool."""
    from datetime import date as day
    from types import SimpleNamespace

    from tests.services.test_dependencies import UNITS, row

    rows = [row(f"P-{k:03d}", unit=1 + k % 2, start=day(2027, 1 + k % 12, 1),
                end=day(2028, 1 + k % 12, 28)) for k in range(n)]
    order = [r.id for r in reversed(rows)]
    pool = meeting._roadmap_pool(rows, order, recommended or [])
    return SimpleNamespace(rows=rows, units=UNITS, budget_year=2027, is_what_if=False,
                           roadmap_pool=pool, roadmap_recommended=bool(recommended))


def test_the_roadmap_slide_shows_the_whole_pool_when_it_fits():
    data = _meeting(12)
    chart, note = meeting.roadmap_slide(data, lambda c: True, chars_across=90)
    assert len(chart.bars) == 12 and note == ""
    rec = [r.id for r in data.rows[:5]]
    chart, note = meeting.roadmap_slide(_meeting(12, rec), lambda c: True, chars_across=90)
    assert sorted(b.id for b in chart.bars) == rec and "5" in note


def test_the_roadmap_slide_shows_the_most_best_ranked_recommended_that_fit():
    """The slide shows as many of the recommended initiatives, best ranked first, as the
    drawer's test lets keep their names (here: at most 7 rows), and says which."""
    data = _meeting(60, [f"P-{k:03d}" for k in range(0, 60, 2)])  # every other one
    chart, note = meeting.roadmap_slide(data, lambda c: c.height <= 7, chars_across=90)
    ids = sorted(b.id for b in chart.bars)
    n = len(ids)
    assert chart.height <= 7 and n >= 1
    best = [r.id for r in data.roadmap_pool]
    assert best[:3] == ["P-058", "P-056", "P-054"]  # the last ranks first
    assert ids == sorted(best[:n])
    # one more would not fit
    from app.services.charts.roadmap import group_lanes, roadmap_chart

    more = [r for r in data.rows if r.id in set(best[:n + 1])]
    assert group_lanes(roadmap_chart(more, data.units, 2027, chars_across=90)).height > 7
    assert f" {n} " in note and " 30 " in note
    chart, note = meeting.roadmap_slide(_meeting(60), lambda c: len(c.bars) <= 9,
                                        chars_across=90)
    assert len(chart.bars) == 9 and "60" in note


def test_rows_fit_counts_the_rows_and_the_lane_names():
    from app.services.charts import roadmap

    data = _meeting(4)
    chart, _note = meeting.roadmap_slide(data, lambda c: True, chars_across=200)
    rows = chart.height
    assert roadmap.rows_fit(chart, rows * 20, 20, 10)
    assert not roadmap.rows_fit(chart, rows * 20 - 1, 20, 10)
    # lanes too thin for their names are padded first: the rows then need more room
    thin = min(lane.y1 - lane.y0 for lane in chart.lanes)
    assert not roadmap.rows_fit(chart, rows * 20, 20, thin * 20 + 40)
    assert not roadmap.rows_fit(chart, 1000, 1, 600)  # two names of 600 px never fit


