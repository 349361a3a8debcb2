"""The budget view: the recommended portfolio's budget in 1.000 kr., per initiative with a
totals row, and it follows the scenario."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import Scenario
from app.services import formatting, scenarios
from app.services.changes import Changes, Kind
from app.services.scenarios import FrameSpec
from app.ui.views import registry
from app.ui.views.budget import BudgetView
from app.ui.views.budget_data import ALL, COMMITTED
from app.ui.views.budget_model import TOTAL
from tests.ui.view_analysis_support import build_portfolio, make_context


@pytest.fixture(autouse=True)
def _danish():
    formatting.set_language("da")


@pytest.fixture
def portfolio(portfolio_path):
    pf = build_portfolio(portfolio_path)
    yield pf
    pf.close()


@pytest.fixture
def view(qtbot, portfolio, tmp_path):
    v = BudgetView(make_context(portfolio, tmp_path))
    qtbot.addWidget(v)
    return v


def _label_rows(model):
    return {r.label: r for r in model.rows()}


def test_budget_view_is_registered():
    assert registry.get("budget").factory is BudgetView


def test_recommended_portfolio_budget_in_thousands_with_savings_negative(view, qtmodeltester):
    model = view.portfolio_model
    assert model.headers()[1:5] == ["2027", "2028", "2029", "2030"]
    rows = model.rows()
    net = next(r for r in rows if r.kind == TOTAL)
    # EK-003, EK-001, EK-006: anlæg 600 + 1.200 + 700 in 2027; later years drift − savings
    assert model.index(rows.index(net), 1).data() == "2.500"
    assert model.index(rows.index(net), 2).data() == "-30"
    savings = rows[3]
    assert all(v <= 0 for v in savings.values)
    derived = rows[2]
    assert derived.values[1] == pytest.approx(370_000)  # afledt drift shown
    assert "Digitaliseringspuljen" in _label_rows(model)
    per = view.per_model.rows()
    assert [r.label for r in per[:-1]] == ["EK-003", "EK-001", "EK-006"]
    assert per[-1].kind == TOTAL and per[-1].values == net.values
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(view.per_model, force_py=True)


def test_picking_an_initiative_shows_its_own_budget(view):
    view.per_table.selectRow(1)
    assert "EK-001" in view.detail_label.text()
    anlaeg = view.detail_model.rows()[0]
    assert anlaeg.values[0] == pytest.approx(1_200_000)


def test_other_sets_and_scenario_changes_are_followed(view, portfolio):
    view.which.setCurrentIndex(view.which.findData(ALL))
    view.which.activated.emit(view.which.currentIndex())
    assert len(view.per_model.rows()) == 7  # six initiatives and the total
    view.which.setCurrentIndex(view.which.findData(COMMITTED))
    view.which.activated.emit(view.which.currentIndex())
    assert [r.label for r in view.per_model.rows()[:-1]] == ["EK-003", "EK-006"]
    view.which.setCurrentIndex(0)
    with portfolio.session() as s:
        sc = s.scalars(select(Scenario)).first()
        scenarios.set_frames(s, sc.id, [FrameSpec(amount=20_000_000)])
    view.context.changes.emit_changes(Changes.of(Kind.SCENARIO))
    assert len(view.per_model.rows()) == 7


def test_without_a_budget_it_says_so_and_shows_all(qtbot, portfolio_path, tmp_path):
    pf = build_portfolio(portfolio_path, frame=None)
    try:
        v = BudgetView(make_context(pf, tmp_path))
        qtbot.addWidget(v)
        assert v.data.which == ALL
        assert v.which.currentData() == ALL  # the box says what is shown, not "recommended"
        assert v.note.text().startswith("No recommendation") or "anbefaling" in v.note.text()
        assert len(v.per_model.rows()) == 7
    finally:
        pf.close()


def test_recommended_budget_says_what_the_frames_do_not_hold(view, portfolio):
    """Anlæg 2027 above the frame went unexplained: under it, "heraf uden for rammen" is the
    mandatory initiative financed outside the frame (EK-003, anlæg 600.000), as in the
    recommendation view, the slide and the bilag."""
    from PySide6.QtCore import QCoreApplication

    from app.models import Initiative

    of_which = QCoreApplication.translate("BudgetTable", "of which outside the frame")
    assert of_which not in [r.label for r in view.portfolio_model.rows()]
    with portfolio.session() as s:
        s.get(Initiative, "EK-003").outside_frame = True
    view.context.changes.emit_changes(Changes.of(Kind.INITIATIVE))
    labels = [r.label for r in view.portfolio_model.rows()]
    part = view.portfolio_model.rows()[labels.index(of_which)]
    assert labels.index(of_which) == 1 and part.indent == 1
    assert part.values[0] == pytest.approx(600_000) and "EK-003" in part.note


def test_per_initiative_ids_have_a_header_and_their_width(view, qtbot):
    """The per-initiative table's first column was headed "1.000 kr." and cut its ids."""
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    from PySide6.QtCore import QCoreApplication

    assert view.per_model.headers()[0] == QCoreApplication.translate("BudgetView", "Initiative")
    header = view.per_table.horizontalHeader()
    metrics = view.per_table.fontMetrics()
    assert header.sectionSize(0) >= metrics.horizontalAdvance("EK-003")
    assert view.per_table.viewport().width() >= header.length()  # nothing cut on the right
    assert view.per_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("EK-003 ")
