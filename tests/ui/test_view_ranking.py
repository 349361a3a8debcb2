"""The ranking view shows the portfolio's ranking, explains a pair, follows changes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Assessment, Criterion
from app.services.changes import Changes, Kind
from app.ui.views import registry
from app.ui.views.ranking import RankingView
from app.ui.views.ranking_bars import CONTRIBUTIONS_ROLE
from app.ui.views.ranking_model import COL_BAR, COL_MARKS, ROW_ROLE
from tests.ui.view_analysis_support import build_portfolio, make_context


@pytest.fixture
def portfolio(portfolio_path):
    pf = build_portfolio(portfolio_path)
    yield pf
    pf.close()


@pytest.fixture
def view(qtbot, portfolio, tmp_path):
    opened: list[str] = []
    ctx = make_context(portfolio, tmp_path, opened=opened)
    v = RankingView(ctx)
    qtbot.addWidget(v)
    v.opened = opened  # type: ignore[attr-defined]
    return v


def _ids(view: RankingView) -> list[str]:
    return [view.model.index(r, 0).data(ROW_ROLE).id for r in range(view.model.rowCount())]


def test_ranking_view_is_registered():
    assert registry.get("ranking").factory is RankingView


def test_shows_every_initiative_mandatory_first_with_bars(view, qtmodeltester):
    ids = _ids(view)
    assert len(ids) == 6 and ids[0] == "EK-003"  # mandatory first
    assert view.model.index(0, COL_MARKS).data() == "⚑"
    incomplete = view.model.row_of("EK-004")
    assert view.model.index(incomplete, COL_MARKS).data() == "◔"
    bar = view.model.index(1, COL_BAR).data(CONTRIBUTIONS_ROLE)
    assert len(bar) == 7 and sum(bar) == pytest.approx(view.model.index(1, 0).data(ROW_ROLE).score)
    assert "Strategisk sigte" in view.legend.text()
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(view.compare.model, force_py=True)


def test_selecting_two_rows_explains_criterion_by_criterion(view, qtbot):
    a, b = view.model.row_of("EK-001"), view.model.row_of("EK-002")
    sel = view.table.selectionModel()
    from PySide6.QtCore import QItemSelectionModel
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.select(view.model.index(a, 0), flags)
    sel.select(view.model.index(b, 0), flags)
    assert (view.compare.current_a(), view.compare.current_b()) == ("EK-001", "EK-002")
    rows = view.compare.model.rows()
    assert len(rows) == 7
    total = sum(r.difference for r in rows)
    score = {r.id: r.score for r in (view.model.index(i, 0).data(ROW_ROLE) for i in (a, b))}
    assert total == pytest.approx(score["EK-001"] - score["EK-002"])
    summary = view.compare.summary.text()
    assert "EK-001" in summary and "Strategisk sigte" in summary


def test_missing_score_is_shown_as_missing(view):
    view.select_pair("EK-001", "EK-004")
    readiness = next(r for r in view.compare.model.rows() if r.name == "Parathed")
    assert readiness.score_b is None
    row = view.compare.model.rows().index(readiness)
    assert view.compare.model.index(row, 3).data() == "missing"


def test_changed_assessment_reranks_after_broadcast(view, portfolio):
    before = view.model.index(view.model.row_of("EK-002"), 0).data(ROW_ROLE).score
    with portfolio.session() as s:
        crit = s.scalars(select(Criterion).where(Criterion.key == "citizen_value")).one()
        old = s.scalars(select(Assessment).where(
            Assessment.initiative_id == "EK-002", Assessment.criterion_id == crit.id,
            Assessment.assessor == "agreed")).one()
        old.value = 4.0
    view.context.changes.emit_changes(Changes.of(Kind.ASSESSMENT, ids=["EK-002"]))
    after = view.model.index(view.model.row_of("EK-002"), 0).data(ROW_ROLE).score
    assert after == pytest.approx(before + 0.15)


def test_double_click_opens_the_initiative(view, qtbot):
    row = view.model.row_of("EK-005")
    view.table.doubleClicked.emit(view.model.index(row, 2))
    assert view.opened == ["EK-005"]


def test_large_portfolio_gets_rank_intervals_from_a_worker(qtbot, portfolio, tmp_path, monkeypatch):
    from app.ui.views import ranking_data

    monkeypatch.setattr(ranking_data, "INTERVAL_SYNC_MAX", 2)  # 6 initiatives count as large
    v = RankingView(make_context(portfolio, tmp_path))
    qtbot.addWidget(v)
    from app.ui.views.ranking_model import COL_INTERVAL

    def filled() -> bool:  # the ranking shows at once; the intervals follow from the worker
        return all(v.model.index(r, COL_INTERVAL).data() != "–" for r in range(v.model.rowCount()))

    qtbot.waitUntil(filled, timeout=20_000)
    assert "10.000" in v.footer.text() or "10,000" in v.footer.text()


def test_sensitivity_panel_shows_both_intervals_per_weight_off_the_gui_thread(view):
    from app.services.i18n import _
    from app.services.sensitivity import narrowest, stability_sentence
    from app.ui.views.ranking_sensitivity import COL_PORTFOLIO, COL_TOPK

    panel = view.sensitivity
    assert view.tabs.currentWidget() is view.compare  # nothing computed until asked
    assert panel.table.rowCount() == 0
    view.show_sensitivity()
    view.finish_pending()
    table = panel.table
    assert table.rowCount() == 7
    assert table.horizontalHeaderItem(COL_TOPK).text() == "Top 6 unchanged"  # k ≤ n
    cells = [table.item(r, c).text() for r in range(7) for c in (COL_TOPK, COL_PORTFOLIO)]
    assert all(c not in ("…", "–", "") for c in cells)  # the frame: a portfolio to test
    assert any("%" in c for c in cells)
    j = table.selectionModel().selectedRows()[0].row()  # the most sensitive weight
    assert j == narrowest(panel._topk)
    # the CLI's rule until the user picks a row: each kind's narrowest interval, said so
    assert panel.summary.text().split("\n")[:2] == [
        _("Narrowest interval: {sentence}").format(sentence=stability_sentence(panel._topk[j], 6)),
        _("Narrowest interval: {sentence}").format(sentence=stability_sentence(
            panel._portfolio[narrowest(panel._portfolio)], None))]
    panel.k_spin.setValue(2)
    view.finish_pending()
    assert table.horizontalHeaderItem(COL_TOPK).text() == "Top 2 unchanged"
    assert all(table.item(r, COL_TOPK).text() != "…" for r in range(7))
    j = table.selectionModel().selectedRows()[0].row()
    assert stability_sentence(panel._topk[j], 2) in panel.summary.text()
    table.selectRow((j + 1) % 7)  # the user picks another criterion: its sentences
    assert panel.summary.text().split("\n")[:2] == [
        _("Chosen criterion: {sentence}").format(sentence=stability_sentence(panel._topk[(j + 1) % 7], 2)),
        _("Chosen criterion: {sentence}").format(sentence=stability_sentence(panel._portfolio[(j + 1) % 7], None))]


def test_sensitivity_panel_without_a_budget_says_so(qtbot, portfolio_path, tmp_path):
    pf = build_portfolio(portfolio_path, frame=None)
    try:
        v = RankingView(make_context(pf, tmp_path))
        qtbot.addWidget(v)
        v.show_sensitivity()
        v.finish_pending()
        assert "no budget frame" in v.sensitivity.note.text()
        assert v.sensitivity.table.item(0, 3).text() == "–"
        assert v.sensitivity.table.item(0, 2).text() not in ("…", "–")
        v.close()
    finally:
        pf.close()


def test_weights_that_do_not_sum_to_100_are_said_to_be_scaled(view, portfolio):
    """Draft weights of 150 % and 30 % rank as 83,3/16,7: the view says so, not only the
    weights tab."""
    from app.services.weights import current_weight_set, percents, set_weights

    assert view.warning.isHidden()
    with portfolio.session() as s:
        ws = current_weight_set(s)
        changes = {k: 0.0 for k in percents(s, ws.id)}
        changes.update(strategic_fit=150.0, risk=30.0)
        set_weights(s, ws.id, changes)
    view.context.changes.emit_changes(Changes.of(Kind.WEIGHTS))
    assert not view.warning.isHidden()
    assert "180" in view.warning.text() and "100" in view.warning.text()
