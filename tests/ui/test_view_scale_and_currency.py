"""One score scale and the output language's currency in the views: the recommendation's
value curve is drawn in points exactly once, the bubble card prints a score in points,
English writes "DKK" where Danish writes "kr.", and the goal/requirement deletion question
uses Qt's plural forms (Danish, and English through the plural-only English catalogue)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from app.services import formatting
from app.services.formatting import format_score
from app.ui.views.budget_model import budget_headers
from app.ui.views.ranking_model import currency_unit
from app.ui.views.selection import SelectionView
from app.ui.views.selection_data import curve_chart
from tests.ui.view_analysis_support import build_portfolio, make_context

DELETE = "Delete {code} {title}? Its links to %n initiative(s) go with it."


@pytest.fixture(autouse=True)
def _danish():
    formatting.set_language("da")
    yield
    formatting.set_language("da")


@pytest.fixture
def portfolio(portfolio_path):
    pf = build_portfolio(portfolio_path)
    yield pf
    pf.close()


def test_the_recommendation_value_curve_is_in_points_once(qtbot, portfolio, tmp_path):
    view = SelectionView(make_context(portfolio, tmp_path))
    qtbot.addWidget(view)
    result, data = view.result, view.data
    assert result is not None and data is not None and data.curve
    chart = curve_chart(data, result, 4_000_000.0)
    assert chart.recommended.y == pytest.approx(result.total_score * 100.0)
    assert [m.y for m in chart.points] == pytest.approx([p.total_score * 100.0 for p in data.curve])
    assert chart.y_axis.hi < 100.0 * (len(data.rows) + 1)  # never ×100 twice
    assert format_score(result.total_score) in view.summary.text()


def test_english_views_write_dkk_and_danish_kr():
    formatting.set_language("en")
    assert currency_unit("DKK") == "DKK"
    assert budget_headers_text().startswith("1,000 DKK ")  # English groups with a comma
    formatting.set_language("da")
    assert currency_unit("DKK") == "kr."
    assert currency_unit("GBP") == "GBP"
    assert "kr." in budget_headers_text()


def budget_headers_text() -> str:
    from app.services.economics import BudgetTable

    table = BudgetTable.__new__(BudgetTable)
    return " ".join(budget_headers(table, [2027, "total"], "DKK"))


def test_the_deletion_question_has_danish_plural_forms(qapp):
    from app.ui.app import install_translators

    try:
        install_translators(qapp, "da")
        one = QCoreApplication.translate("GoalsTab", DELETE, "", 1)
        three = QCoreApplication.translate("GoalsTab", DELETE, "", 3)
        assert one.endswith("Koblingen til 1 tiltag slettes med.")
        assert three.endswith("Koblingerne til 3 tiltag slettes med.")
    finally:
        install_translators(qapp, "en")
        formatting.set_language("da")
    # English: the plural-only catalogue (resources/i18n/prioritise_en.ts) fills the forms
    assert QCoreApplication.translate("GoalsTab", DELETE, "", 1).endswith(
        "Its link to 1 initiative goes with it.")
    assert QCoreApplication.translate("GoalsTab", DELETE, "", 2).endswith(
        "Its links to 2 initiatives go with it.")


def test_deleting_a_goal_asks_with_the_number_filled_in(qtbot, portfolio, tmp_path):
    from app.ui.views.weights import WeightsView
    from tests.ui.view_analysis_support import RecordingDialogs

    dialogs = RecordingDialogs(answer=True, text="Borgeren i centrum")
    view = WeightsView(make_context(portfolio, tmp_path, dialogs))
    qtbot.addWidget(view)
    assert view.goals_tab.add_goal()
    view.goals_tab.goals_view.selectRow(0)
    assert view.goals_tab.delete_goal()
    question = dialogs.shown[-1][1]
    assert "0 initiative" in question and "%n" not in question and "{n}" not in question

