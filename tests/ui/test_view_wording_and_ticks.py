"""A fresh tester's findings on the GUI's words and numbers: the budget view without a budget
frame says what to do in the program (not the CLI's --budget); every chart axis writes the
Danish decimal comma and the empty follow-up chart draws no empty axes; the frames editor
says capital/operating in English and capitalises "Used"; value for money shows digits for
a national portfolio (costs of 100s of mio.) as well as a municipality's."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QLabel

from app.services import formatting
from app.services.formatting import format_value_for_money, vfm_decimals
from app.ui.charts.panels import FollowupPanel
from app.ui.charts.style import PlotWidget
from app.ui.views.budget import BudgetView
from app.ui.views.budget_data import ALL
from app.ui.views.ranking_compare import tie_break_text
from app.ui.views.ranking_model import COL_VFM, RankingTableModel, RankingViewRow
from app.ui.views.selection import SelectionView
from tests.ui.view_analysis_support import build_portfolio, make_context


@contextmanager
def danish_ui(qapp):
    """The Danish catalogue installed for the block (the tests' UI is English)."""
    from app.services.i18n import set_language
    from app.ui.app import install_translators

    try:
        install_translators(qapp, "da")
        set_language("da")
        yield
    finally:
        install_translators(qapp, "en")
        set_language("da")


@pytest.fixture(autouse=True)
def _danish_numbers():
    formatting.set_language("da")
    yield
    formatting.set_language("da")


# -- 1. budget view without a budget frame -------------------------------------------------

def _no_budget_note(qtbot, portfolio_path, tmp_path) -> str:
    pf = build_portfolio(portfolio_path, frame=None)
    try:
        v = BudgetView(make_context(pf, tmp_path))
        qtbot.addWidget(v)
        assert v.data.which == ALL and v.data.no_budget
        return v.note.text()
    finally:
        pf.close()


def test_budget_view_without_frame_points_to_the_recommendation_view(qtbot, portfolio_path, tmp_path):
    text = _no_budget_note(qtbot, portfolio_path, tmp_path)
    assert "--budget" not in text and "'" not in text  # the CLI's hint, ASCII quotes
    assert "has no budget frame" in text and "Recommendation view" in text
    assert "“" in text and "”" in text


def test_budget_view_without_frame_in_danish(qapp, qtbot, portfolio_path, tmp_path):
    with danish_ui(qapp):
        text = _no_budget_note(qtbot, portfolio_path, tmp_path)
    assert "--budget" not in text and "'" not in text
    assert "har ingen budgetramme" in text and "visningen Anbefaling" in text
    assert text.count("“") == 1 and text.count("”") == 1


# -- 2. chart axes ---------------------------------------------------------------------------

def test_every_plot_axis_writes_the_danish_decimal_comma(qtbot):
    plot = PlotWidget()
    qtbot.addWidget(plot)
    for name in ("left", "bottom"):
        axis = plot.getPlotItem().getAxis(name)
        assert axis.tickStrings([0.2, 0.4, 1.0], 1.0, 0.2) == ["0,2", "0,4", "1,0"]
        assert axis.tickStrings([0.0, 12500.0], 1.0, 2500.0) == ["0", "12.500"]
    formatting.set_language("en")
    axis = plot.getPlotItem().getAxis("bottom")
    assert axis.tickStrings([0.2, 12500.0], 1.0, 0.2) == ["0.2", "12,500.0"]
    # the top and right axes stay hidden as pyqtgraph has them by default
    assert not plot.getPlotItem().getAxis("top").isVisible()
    assert not plot.getPlotItem().getAxis("right").isVisible()


def test_empty_follow_up_shows_its_help_and_no_empty_axes(qtbot):
    panel = FollowupPanel(toolbar=False)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    panel.show_charts([])
    assert not panel.plot.isVisible()
    texts = " ".join(w.text() for w in panel.findChildren(QLabel))
    assert "No success criteria are recorded yet" in texts


# -- 3. frames editor headers --------------------------------------------------------------

def _split_headers(view) -> list[str]:
    frames = view.frames
    frames.mode.setCurrentIndex(frames.mode.findData("split"))
    frames.mode.activated.emit(frames.mode.currentIndex())
    grid = frames.grid
    return [grid.itemAtPosition(0, c).widget().text() for c in range(grid.columnCount())
            if grid.itemAtPosition(0, c) is not None]


def test_frames_editor_says_capital_and_operating_in_english(qtbot, portfolio_path, tmp_path):
    pf = build_portfolio(portfolio_path)
    try:
        view = SelectionView(make_context(pf, tmp_path))
        qtbot.addWidget(view)
        headers = _split_headers(view)
        assert headers == ["Capital (anlæg)", "Used", "Operating (drift)", "Used"]
        assert "capital (anlæg) and operating (drift)" in view.frames.mode.itemText(
            view.frames.mode.findData("split"))
    finally:
        pf.close()


def test_frames_editor_headers_in_danish(qapp, qtbot, portfolio_path, tmp_path):
    pf = build_portfolio(portfolio_path)
    try:
        with danish_ui(qapp):
            view = SelectionView(make_context(pf, tmp_path))
            qtbot.addWidget(view)
            headers = _split_headers(view)
        assert headers == ["Anlæg", "Brugt", "Drift", "Brugt"]
    finally:
        pf.close()


# -- 4. value for money ----------------------------------------------------------------------

@pytest.mark.parametrize(("vfm", "da", "en"), [
    (4.583333, "458,3", "458.3"),      # demo: 0,55 points for 120.000 kr.
    (0.140417, "14,0", "14.0"),
    (0.0183, "1,83", "1.83"),          # GMPP: 75 points for 41 mio. GBP
    (0.00058, "0,0580", "0.0580"),     # GMPP median: some 0,06 points per mio.
    (0.0, "0,0", "0.0"),
    (None, "–", "–"),
])
def test_value_for_money_shows_three_significant_digits(vfm, da, en):
    assert format_value_for_money(vfm, lang="da") == da
    assert format_value_for_money(vfm, lang="en") == en


def test_value_for_money_decimals_are_bounded():
    assert vfm_decimals(1e-12) == 1  # rounds to nothing at 6 decimals: no "0,000000"
    assert vfm_decimals(123456.0) == 1
    assert vfm_decimals(float("nan")) == 1


def test_ranking_table_and_tie_text_use_the_value_for_money_formatter():
    # GMPP-sized costs: 0,75 score for 400 mio. GBP → 0,1875 points per mio.
    row = RankingViewRow(1, "HMRC_0026", "Contact Engagement", 0.75, (0.75,), False, True,
                         1, 1, 0.75 / 400.0, 400_000_000.0, 1, 2)
    model = RankingTableModel()
    model.set_rows([row])
    assert model.index(0, COL_VFM).data() == "0,188"
    text = tie_break_text("A", (0.75 / 400.0, 0.75 / 1500.0), (4e8, 1.5e9), unit="GBP")
    assert "0,188" in text and "0,0500" in text
