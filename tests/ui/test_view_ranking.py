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
