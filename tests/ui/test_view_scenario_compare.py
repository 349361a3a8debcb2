"""The 'Compare scenarios' view (issue "Prioritisation engine" item 6): two scenarios
picked, rank changes biggest movers first (ranks A → B), initiatives only in one
recommended portfolio with score and cost, the frames of both in 1.000 kr.; a scenario
without budget or with an infeasible selection says why; the solves run off the GUI
thread; ``gui --scenario`` shows a what-if and refuses an unknown name."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from app.services import formatting, scenarios
from app.services.errors import UserError
from app.services.scenarios import FrameSpec
from app.services.weights import make_what_if
from app.ui.views import registry
from app.ui.views.scenario_compare import CompareView, default_pair
from tests.ui.view_analysis_support import build_portfolio, make_context


@pytest.fixture(autouse=True)
def _danish():
    formatting.set_language("da")


@pytest.fixture
def portfolio(portfolio_path):
    pf = build_portfolio(portfolio_path)  # default scenario: one total frame of 4 mio.
    with pf.session() as s:
        make_what_if(s, "Borgere først", {"citizen_value": 70})
        scenarios.create_scenario(s, "Uden budget")
        scenarios.create_scenario(s, "Umulig", frames=[FrameSpec(1_000)],
                                  forced_in=["EK-001", "EK-002"])
    yield pf
    pf.close()


@pytest.fixture
def view(qtbot, portfolio, tmp_path):
    v = CompareView(make_context(portfolio, tmp_path))
    qtbot.addWidget(v)
    v.finish_pending()
    return v


def _column(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_registered_beside_the_recommendation():
    spec = registry.get("compare")
    assert spec.order == 55 and spec.key == "compare"
    entry = next(e for e in registry.MANIFEST if e.key == "compare")
    assert entry.module == "app.ui.views.scenario_compare"


def test_what_if_against_the_default_moves_first_and_portfolio_differences(view, qtbot):
    default = view.a.currentData()
    assert view.b.currentData() == "Borgere først"  # the what-if, against the default
    c = view.result
    assert c is not None and c.a == default and c.b == "Borgere først"
    moved = [abs(int(t.split()[-1])) if t != "–" else 0 for t in _column(view.moves_model, 3)]
    assert moved == sorted(moved, reverse=True) and moved[0] > 0
    ranks = _column(view.moves_model, 2)
    assert all(" → " in t for t in ranks)
    first = c.rank_changes[0]
    assert ranks[0] == f"{first.rank_a} → {first.rank_b}"
    # the same total frame: the budget row has both amounts in 1.000 kr. and 0 difference
    assert [_column(view.budget_model, k) for k in (1, 2, 3)] == [["4.000"], ["4.000"], ["0"]]
    assert view.only_a_table.isVisibleTo(view) and view.only_b_table.isVisibleTo(view)


def test_pair_picked_without_budget_and_infeasible_say_why(view):
    view.pick("Uden budget", "Umulig")
    view.finish_pending()
    text = view.summary.text()
    assert "Uden budget" in text and "budgetrammer" in text
    assert "EK-001" in text  # the infeasibility names what is forced in
    assert not view.only_a_table.isVisibleTo(view) and not view.only_b_table.isVisibleTo(view)
    assert "kan ikke sammenlignes" in view.only_a_label.text() or \
        "cannot be compared" in view.only_a_label.text()
    assert _column(view.budget_model, 1) == ["–"] and _column(view.budget_model, 2) == ["1"]


def test_the_two_selections_are_solved_off_the_gui_thread(view, monkeypatch):
    seen: list[bool] = []
    real = scenarios.finish_comparison

    def spy(data):
        seen.append(threading.current_thread() is threading.main_thread())
        return real(data)

    monkeypatch.setattr("app.ui.views.scenario_compare.finish_comparison", spy)
    view.pick(view.b.currentData(), view.a.currentData())
    view.finish_pending()
    assert seen == [False]
    assert view.result.b == view.b.currentData()


def test_default_pair():
    names = [("Budget", False), ("Andet", False), ("Hvis", True)]
    assert default_pair(names, "Hvis") == ("Budget", "Hvis")
    assert default_pair(names, "Budget") == ("Budget", "Hvis")
    assert default_pair([("Budget", False)], "Budget") == ("Budget", "Budget")
    # another scenario shown is compared with the default one, not with a what-if
    assert default_pair(names, "Andet") == ("Andet", "Budget")


def test_screenshot_shows_the_what_if_named(portfolio, tmp_path, qapp):
    from PySide6.QtCore import QSettings

    from app.commands.gui import scenario_id
    from app.ui.screenshot import screenshot
    from app.ui.settings import Settings

    with pytest.raises(UserError, match="Findes ikke"):
        scenario_id(portfolio, "Findes ikke")
    sid = scenario_id(portfolio, "Borgere først")
    out = tmp_path / "compare.png"
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    shown: list[str] = []
    from app.ui import main_window

    real = main_window.MainWindow._update_status

    def spy(self):
        real(self)
        shown.append(self.scenario_label.text())

    import unittest.mock as mock

    with mock.patch.object(main_window.MainWindow, "_update_status", spy):
        screenshot(portfolio, "compare", out, QSize(1280, 720), settings, scenario=sid)
    assert out.exists() and any("Borgere først" in t for t in shown)


def test_gui_help_lists_every_view_and_the_scenario_option(capsys, monkeypatch):
    from app import cli
    from app.services import i18n

    monkeypatch.delenv("PRIORITISE_LANG", raising=False)
    try:
        assert cli.main(["gui", "--lang", "en", "--help"]) == 0
    finally:
        i18n.set_language("da")
    text = " ".join(capsys.readouterr().out.split())
    assert "…" not in text and "--scenario NAME" in text
    keys = ", ".join(e.key for e in sorted(registry.MANIFEST, key=lambda e: e.order))
    assert f"the view to show or render: {keys} (default: table)" in text
    assert "compare" in keys and "audit" in keys


def test_a_long_refusal_keeps_its_start_and_end():
    from app.ui.views.scenario_compare import shorten

    text = "De tiltag, der skal med (" + ", ".join(f"BM-{k:04d} (Tiltag {k})" for k in range(300)) \
        + "), bruger 1.160.079.000 kr. af 'Hele budgettet', mere end rammens 1.156.800.000 kr."
    short = shorten(text)
    assert len(short) <= 410 and " … " in short
    assert short.startswith("De tiltag, der skal med (BM-0000")
    assert short.endswith("mere end rammens 1.156.800.000 kr.")
    assert shorten("kort") == "kort"


def test_one_scenario_only_says_how_to_get_a_second(qtbot, tmp_path):
    pf = build_portfolio(tmp_path / "one.portfolio")
    try:
        v = CompareView(make_context(pf, tmp_path))
        qtbot.addWidget(v)
        v.finish_pending()
        assert v.a.currentData() == v.b.currentData()
        assert any(w in v.summary.text() for w in ("same scenario", "samme scenarie"))
    finally:
        pf.close()


def test_two_scenarios_do_not_get_the_one_scenario_note(view):
    assert "same scenario" not in view.summary.text() and "samme scenarie" not in view.summary.text()
