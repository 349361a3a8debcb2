"""The recommendation view under the NNV objective says why when initiatives have no net
present value (no business-case line with a budget year): none among the candidates gives
no recommendation with the reason and what to do here (it showed an empty recommendation
and the other objective's curve); some gives a warning naming how many count as 0."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.models import BusinessCaseLine
from app.services import formatting
from app.ui.views.selection import SelectionView
from tests.ui.view_analysis_support import build_portfolio, make_context


@pytest.fixture(autouse=True)
def _danish_numbers():
    formatting.set_language("da")


def _view(qtbot, tmp_path, yearless: list[str] | None):
    """The view on the test portfolio whose default scenario selects by NNV; the lines of
    ``yearless`` (None: every initiative) lose their budget year, as imported totals have."""
    pf = build_portfolio(tmp_path / "p.portfolio")
    with pf.session(context="test") as s:
        query = update(BusinessCaseLine).values(budget_year=None)
        if yearless is not None:
            query = query.where(BusinessCaseLine.initiative_id.in_(yearless))
        s.execute(query)
    view = SelectionView(make_context(pf, tmp_path))
    qtbot.addWidget(view)
    view.objective.setCurrentIndex(view.objective.findData("npv"))
    view.objective.activated.emit(view.objective.currentIndex())
    return pf, view


def test_no_npv_at_all_says_why_and_what_to_do(qtbot, tmp_path):
    pf, view = _view(qtbot, tmp_path, None)
    try:
        text = view.summary.text()
        assert view.result is None
        # EK-001, -002, -004, -005 can be chosen (EK-006 is approved, EK-003 mandatory)
        assert "No recommendation: none of the 4 initiatives that can be chosen" in text
        assert "Maximise total score" in text
        assert not view.curve.getPlotItem().listDataItems()  # no curve of the score objective
        # back to the score objective: a recommendation again
        view.objective.setCurrentIndex(view.objective.findData("score"))
        view.objective.activated.emit(view.objective.currentIndex())
        assert view.result is not None and view.result.chosen
    finally:
        pf.close()


def test_some_without_npv_are_named_in_the_summary(qtbot, tmp_path):
    pf, view = _view(qtbot, tmp_path, ["EK-002"])
    try:
        assert view.result is not None and view.result.objective == "npv"
        assert "1 of 6 initiatives has no net present value" in view.summary.text()
        assert "EK-002" in view.summary.text()
    finally:
        pf.close()


def test_yearless_costs_under_yearly_frames_say_no_year(qtbot, tmp_path):
    from app.services.scenarios import FrameSpec, get_scenario, set_frames
    from app.ui.views.selection_model import COL_STATUS, NO_YEAR, ROW_ROLE

    pf = build_portfolio(tmp_path / "p.portfolio")
    try:
        with pf.session(context="test") as s:
            s.execute(update(BusinessCaseLine).values(budget_year=None)
                      .where(BusinessCaseLine.initiative_id == "EK-002"))
            set_frames(s, get_scenario(s, None).id, [FrameSpec(5_000_000, 2027),
                                                     FrameSpec(2_000_000, 2028)])
        view = SelectionView(make_context(pf, tmp_path))
        qtbot.addWidget(view)
        index = view.model.index(view.model.row_of("EK-002"), COL_STATUS)
        assert index.data(ROW_ROLE).status == NO_YEAR
        assert index.data().endswith("No year")  # it has a cost: not "No cost"
        assert "Not selectable under yearly frames (cost lines without a budget year): " \
               "1 initiative (EK-002)" in view.summary.text()
    finally:
        pf.close()


def test_npv_years_without_lines_are_named_in_the_summary(qtbot, tmp_path):
    """A horizon of 10 years runs past every initiative's lines: the NNV summary says
    those years count as 0, naming the first recommended one with its years."""
    from app.models import Initiative
    from app.services import economics

    pf = build_portfolio(tmp_path / "p.portfolio")
    try:
        with pf.session(context="test") as s:
            s.execute(update(Initiative).values(horizon_years=10))
        view = SelectionView(make_context(pf, tmp_path))
        qtbot.addWidget(view)
        assert "years without business-case lines" not in view.summary.text()  # score
        view.objective.setCurrentIndex(view.objective.findData("npv"))
        view.objective.activated.emit(view.objective.currentIndex())
        assert view.result is not None and view.result.objective == "npv"
        with pf.read() as s:
            gaps = economics.npv_horizon_gaps(s)
        named = [i for i in view.result.selected if i in gaps]
        first = named[0]
        assert (f"NNV counts years without business-case lines as 0 for {len(named)} of the "
                f"{len(view.result.selected)} recommended (e.g. {first}: lines to "
                f"{gaps[first][0]}, horizon to {gaps[first][1]})") in view.summary.text()
    finally:
        pf.close()
