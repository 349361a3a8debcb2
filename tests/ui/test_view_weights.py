"""The strategy and weights view: draft weights edited and undone, adopted weights give a
what-if, the pairwise workshop's CR follows every judgement, criteria and goals edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEntry, Scenario, WeightSet
from app.services import strategy, strategy_weights, weights
from app.ui.views import registry
from app.ui.views.weights import WeightsView
from app.ui.views.weights_sets import COL_PERCENT
from tests.ui.view_analysis_support import RecordingDialogs, build_portfolio, make_context


@pytest.fixture
def portfolio(portfolio_path):
    pf = build_portfolio(portfolio_path)
    yield pf
    pf.close()


def _view(qtbot, portfolio, tmp_path, dialogs=None) -> WeightsView:
    view = WeightsView(make_context(portfolio, tmp_path, dialogs))
    qtbot.addWidget(view)
    return view


@pytest.fixture
def view(qtbot, portfolio, tmp_path) -> WeightsView:
    return _view(qtbot, portfolio, tmp_path)


def _draft_id(portfolio) -> int:
    with portfolio.read() as s:
        return s.scalars(select(WeightSet).where(WeightSet.status != "what_if")).one().id


def _percent(portfolio, key: str) -> float:
    with portfolio.read() as s:
        return weights.percents(s, _draft_id(portfolio))[key]


def _row(view, key):
    return next(i for i, r in enumerate(view.weights_tab.model.rows()) if r.key == key)


def test_weights_view_is_registered():
    assert registry.get("weights").factory is WeightsView


def test_shows_draft_weights_and_models_pass_modeltester(view, qtmodeltester):
    model = view.weights_tab.model
    assert model.index(_row(view, "strategic_fit"), COL_PERCENT).data() == "25,0\u00a0%"
    assert "draft" in view.weights_tab.sets.currentText() or "kladde" in view.weights_tab.sets.currentText()
    assert view.weights_tab.adopt_button.isEnabled()
    for m in (model, view.pairwise_tab.model, view.goals_tab.goals, view.goals_tab.requirements):
        qtmodeltester.check(m, force_py=True)


def test_editing_a_draft_weight_is_stored_and_undone(qtbot, portfolio, tmp_path):
    view = _view(qtbot, portfolio, tmp_path)
    model = view.weights_tab.model
    assert model.setData(model.index(_row(view, "citizen_value"), COL_PERCENT), 20.0)
    assert _percent(portfolio, "citizen_value") == 20.0
    assert model.index(_row(view, "citizen_value"), COL_PERCENT).data() == "20,0\u00a0%"
    assert "⚠" in view.weights_tab.sums.text()  # the group now sums to 105 %
    view.context.undo_stack.undo()
    assert _percent(portfolio, "citizen_value") == 15.0
    assert "✓" in view.weights_tab.sums.text()


def test_changing_adopted_weights_makes_a_logged_what_if(qtbot, portfolio, tmp_path):
    dialogs = RecordingDialogs(text="Borgerne først")
    view = _view(qtbot, portfolio, tmp_path, dialogs)
    view.weights_tab.adopt()  # asks "adopted by" (answered "Borgerne først" — any text)
    with portfolio.read() as s:
        assert s.get(WeightSet, _draft_id(portfolio)).status == "adopted"
    model = view.weights_tab.model
    assert not view.weights_tab.adopt_button.isEnabled()
    assert model.setData(model.index(_row(view, "citizen_value"), COL_PERCENT), 30.0)
    with portfolio.read() as s:
        sc = s.scalars(select(Scenario).where(Scenario.name == "Borgerne først")).one()
        assert sc.is_what_if
        assert weights.percents(s, sc.weight_set_id)["citizen_value"] == 30.0
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "event", AuditEntry.field == "what-if")).first() is not None
    assert _percent(portfolio, "citizen_value") == 15.0  # the adopted weights are unchanged
    assert view.context.scenario().name == "Borgerne først"
    assert view.context.scenario().is_what_if
    assert not view.what_if.isHidden()  # the view labels the what-if
    view.context.undo_stack.undo()
    with portfolio.read() as s:
        assert s.scalars(select(Scenario).where(Scenario.name == "Borgerne først")).first() is None
    assert not view.context.scenario().is_what_if
    assert view.what_if.isHidden()


def test_pairwise_cr_updates_live_and_points_out_the_worst_judgement(qtbot, portfolio, tmp_path):
    view = _view(qtbot, portfolio, tmp_path)
    tab = view.pairwise_tab
    m = tab.model
    assert tab.result.cr == pytest.approx(0.0, abs=1e-9)
    assert m.setData(m.index(0, 1), 9.0)  # strategic fit ≫ external requirements
    assert tab.result.cr > 0
    assert m.setData(m.index(1, 2), 9.0)  # external ≫ citizen value …
    assert m.setData(m.index(2, 0), 9.0)  # … ≫ strategic fit: a cycle, inconsistent
    assert not tab.result.consistent
    assert m.highlight() is not None
    assert "⚠" in tab.cr_label.text()
    assert tab.suggestion.text()
    with portfolio.read() as s:
        stored = strategy_weights.load_judgements(s, _draft_id(portfolio))
    assert stored[("strategic_fit", "external_requirements")] == 9.0
    assert view.context.undo_stack.count() == 3


def test_use_these_weights_sets_the_draft(qtbot, portfolio, tmp_path):
    view = _view(qtbot, portfolio, tmp_path)
    m = view.pairwise_tab.model
    m.setData(m.index(0, 1), 3.0)
    proposal = view.pairwise_tab.proposed_percents()
    assert sum(proposal.values()) == pytest.approx(100.0)
    assert view.pairwise_tab.use_weights()
    assert _percent(portfolio, "strategic_fit") == pytest.approx(proposal["strategic_fit"])
    assert proposal["strategic_fit"] > proposal["external_requirements"]


def test_editing_a_scoring_guide_goes_through_the_undo_stack(qtbot, portfolio, tmp_path):
    view = _view(qtbot, portfolio, tmp_path)
    tab = view.criteria_tab
    tab.list.setCurrentRow(next(i for i, c in enumerate(tab.criteria) if c.key == "readiness"))
    tab.levels.item(3, 1).setText("Ressourcer afsat, business case godkendt i styregruppen")
    with portfolio.read() as s:
        crit = next(c for c in strategy.list_criteria(s) if c.key == "readiness")
    assert crit.levels[3].guide.endswith("styregruppen")
    view.context.undo_stack.undo()
    with portfolio.read() as s:
        crit = next(c for c in strategy.list_criteria(s) if c.key == "readiness")
    assert crit.levels[3].guide == "Ressourcer afsat og business case udarbejdet."


def test_goals_are_added_deleted_and_restored(qtbot, portfolio, tmp_path):
    dialogs = RecordingDialogs(answer=True, text="Borgeren i centrum")
    view = _view(qtbot, portfolio, tmp_path, dialogs)
    assert view.goals_tab.add_goal()
    goals = view.goals_tab.goals
    assert goals.rowCount() == 1 and goals.index(0, 1).data() == "Borgeren i centrum"
    view.goals_tab.goals_view.selectRow(0)
    assert view.goals_tab.delete_goal()
    assert goals.rowCount() == 0
    view.context.undo_stack.undo()
    assert goals.rowCount() == 1


def test_requirement_obliging_local_work_is_a_checkbox(qtbot, portfolio, tmp_path):
    dialogs = RecordingDialogs(text="Digital Post til alle")
    view = _view(qtbot, portfolio, tmp_path, dialogs)
    assert view.goals_tab.add_requirement()
    reqs = view.goals_tab.requirements
    col = 5
    assert reqs.flags(reqs.index(0, col)) & Qt.ItemFlag.ItemIsUserCheckable
    assert reqs.setData(reqs.index(0, col), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    with portfolio.read() as s:
        assert strategy.list_requirements(s)[0].obliges_local_work


def test_new_draft_for_next_year_is_shown_editable_and_adoptable(view, portfolio):
    tab = view.weights_tab
    assert tab.draft_button.text().endswith("2028")
    assert tab.new_draft()
    assert tab.shown_set().budget_year == 2028 and tab.shown_set().status == "draft"
    model = tab.model
    assert model.setData(model.index(_row(view, "risk"), COL_PERCENT), 5.0)
    assert model.setData(model.index(_row(view, "readiness"), COL_PERCENT), 15.0)
    tab.adopt()
    assert tab.shown_set().status == "adopted"
    with portfolio.read() as s:
        ws = s.get(WeightSet, tab.shown_set().id)
        assert ws.budget_year == 2028 and weights.percents(s, ws.id)["risk"] == 5.0


def test_pairwise_compares_within_a_group_of_the_criteria_tree(qtbot, portfolio, tmp_path):
    from app.models import Criterion, Weight

    with portfolio.session() as s:
        parent = s.scalars(select(Criterion).where(Criterion.key == "strategic_fit")).one()
        parent.kind = "group"
        ws = s.scalars(select(WeightSet)).one()
        for order, (key, name) in enumerate((("goal_1", "Mål 1: Borgeren i centrum"),
                                             ("goal_2", "Mål 2: Data på tværs"))):
            child = Criterion(key=key, name=name, parent_id=parent.id, sort_order=10 + order)
            s.add(child)
            s.flush()
            s.add(Weight(weight_set_id=ws.id, criterion_id=child.id, percent=50.0))
    view = _view(qtbot, portfolio, tmp_path)
    tab = view.pairwise_tab
    assert not tab.group.isHidden()
    tab.group.setCurrentIndex(tab.group.findData(parent.id))
    tab.group.activated.emit(tab.group.currentIndex())
    assert tab.keys == ["goal_1", "goal_2"]
    assert tab.model.setData(tab.model.index(0, 1), 3.0)
    assert tab.use_weights()
    assert _percent(portfolio, "goal_1") == pytest.approx(75.0)
    assert _percent(portfolio, "goal_2") == pytest.approx(25.0)
    with portfolio.read() as s:
        assert strategy_weights.load_judgements(s, _draft_id(portfolio), parent.id) == {("goal_1", "goal_2"): 3.0}
        assert strategy_weights.load_judgements(s, _draft_id(portfolio)) == {}
    assert tab.parent_id == parent.id  # still on the group after the reload
