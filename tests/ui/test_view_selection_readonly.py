"""A read-only portfolio (another editor holds it, or a screenshot): the analysis views
show everything and offer no edit."""

from __future__ import annotations

from app.services.store import open_portfolio
from app.ui.views.budget import BudgetView
from app.ui.views.selection import SelectionView
from app.ui.views.selection_model import COL_FORCED
from app.ui.views.weights import WeightsView
from app.ui.views.weights_sets import COL_PERCENT
from tests.ui.view_analysis_support import build_portfolio, make_context


def test_read_only_views_show_data_but_offer_no_edits(qtbot, portfolio_path, tmp_path):
    build_portfolio(portfolio_path).close()
    pf = open_portfolio(portfolio_path, readonly=True)
    try:
        ctx = make_context(pf, tmp_path)
        selection = SelectionView(ctx)
        weights = WeightsView(ctx)
        budget = BudgetView(ctx)
        for w in (selection, weights, budget):
            qtbot.addWidget(w)
        assert selection.result is not None and selection.result.optimal
        assert not selection.model.setData(selection.model.index(0, COL_FORCED), "in")
        assert selection.frames.fields[0].edit.isReadOnly()
        assert not selection.frames.fields[0].slider.isEnabled()
        assert not selection.objective.isEnabled()
        model = weights.weights_tab.model
        assert not weights.weights_tab.adopt_button.isEnabled()
        assert not weights.pairwise_tab.model.setData(weights.pairwise_tab.model.index(0, 1), 3.0)
        assert model.rowCount() == 7
        assert not model.setData(model.index(0, COL_PERCENT), 40.0)
        assert model.index(0, COL_PERCENT).data().startswith("25")
        assert not any(b.isEnabled() for b in weights.goals_tab.buttons)
        assert budget.per_model.rowCount() == 4  # three recommended and the total
        assert ctx.undo_stack.count() == 0
    finally:
        pf.close()
