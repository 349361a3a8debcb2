"""The main window: opens and closes, title and status bar, views from the registry,
read-only banner, lock held → read-only offered naming the holder, æøå paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.errors import LockedError
from app.ui.views import registry


def test_window_shows_portfolio_name_size_year_and_scenario(window) -> None:
    assert "Portefølje 2027.portfolio" in window.windowTitle()
    assert window.size_label.text() == "4 initiatives"
    assert window.year_label.text() == "Budget year 2027"
    assert window.scenario_label.text() == "Scenario: Standard"
    assert not window.banner.isVisible()


def test_navigation_lists_every_registered_view_and_switches(window) -> None:
    keys = [window.nav.item(i).data(256) for i in range(window.nav.count())]
    assert keys == [v.key for v in registry.views()]
    assert {"table", "initiative"} <= set(keys)
    widget = window.show_view("initiative")
    assert window.stack.currentWidget() is widget
    assert window.current_view_key() == "initiative"


def test_unknown_view_is_refused_by_the_registry() -> None:
    with pytest.raises(KeyError, match="unknown view 'nonsense'"):
        registry.get("nonsense")


def test_closing_the_window_closes_the_portfolio(window) -> None:
    pf = window.portfolio
    window.close()
    assert window.portfolio is None
    assert pf is not None


def test_recent_portfolios_remember_the_æøå_path(window, ui_settings, sample_path: Path) -> None:
    assert ui_settings.recent_files()[0] == str(sample_path)
    assert "OneDrive - Kommune" in ui_settings.recent_files()[0]


def test_reopening_puts_a_portfolio_first_again_and_the_last_view_is_remembered(
        window, ui_settings, sample_path: Path, tmp_path: Path) -> None:
    from app.services.store import create_portfolio, open_portfolio
    from app.ui.settings import LAST_VIEW

    other = tmp_path / "Anden portefølje.portfolio"
    create_portfolio(other).close()
    window.set_portfolio(open_portfolio(other))
    assert ui_settings.recent_files()[:2] == [str(other), str(sample_path)]
    window.set_portfolio(open_portfolio(other))  # already first: the list stays as it is
    assert ui_settings.recent_files()[:2] == [str(other), str(sample_path)]
    window.set_portfolio(open_portfolio(sample_path))
    assert ui_settings.recent_files()[:2] == [str(sample_path), str(other)]
    window.show_view("initiative")
    assert ui_settings.get(LAST_VIEW) == "initiative"
    window.show_view("initiative")
    window.show_view("table")
    assert ui_settings.get(LAST_VIEW) == "table"
    window.show_view("initiative")
    window.set_portfolio(open_portfolio(other))
    assert window.current_view_key() == "initiative"


def test_lock_held_offers_read_only_naming_the_holder(
        qtbot, monkeypatch, dialogs, ui_settings, sample_path: Path) -> None:
    from app.services import store
    from app.ui import opening
    from app.ui.main_window import MainWindow

    real_open = store.open_portfolio

    def locked_open(target, readonly=False):
        if not readonly:
            raise LockedError("held", {"user": "mette", "host": "PC-ØKONOMI-7"})
        return real_open(target, readonly=True)

    monkeypatch.setattr(opening, "open_portfolio", locked_open)
    dialogs.answer("ask", True)
    pf = opening.open_for_editing(str(sample_path), dialogs)
    assert pf is not None and pf.readonly
    asked = dialogs.texts("ask")[0]
    assert "mette on PC-ØKONOMI-7" in asked and "Portefølje 2027.portfolio" in asked
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.set_portfolio(pf)
    assert "[read-only]" in win.windowTitle()
    assert not win.banner.isHidden()
    assert "mette on PC-ØKONOMI-7" in win.banner.text()
    win.set_portfolio(None)


def test_lock_held_and_declined_opens_nothing(monkeypatch, dialogs, sample_path: Path) -> None:
    from app.ui import opening

    def locked_open(target, readonly=False):
        raise LockedError("held", {"user": "mette", "host": "pc"})

    monkeypatch.setattr(opening, "open_portfolio", locked_open)
    dialogs.answer("ask", False)
    assert opening.open_for_editing(str(sample_path), dialogs) is None


def test_not_a_portfolio_is_reported_and_nothing_opened(dialogs, tmp_path: Path) -> None:
    from app.ui import opening

    bad = tmp_path / "Ikke en portefølje.portfolio"
    bad.write_bytes(b"hello")
    before = bad.read_bytes()
    assert opening.open_for_editing(str(bad), dialogs) is None
    assert dialogs.calls and dialogs.calls[0][0] == "warn"
    assert bad.read_bytes() == before


def test_new_portfolio_through_the_file_dialog_at_an_æøå_path(
        qtbot, ui_settings, dialogs, tmp_path: Path) -> None:
    from app.ui import file_actions
    from app.ui.main_window import MainWindow

    folder = tmp_path / "OneDrive - Kommune"
    folder.mkdir()
    dialogs.answer("save_file", str(folder / "Portefølje 2028"))
    dialogs.answer("ask_text", "Ærø Kommune")
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    assert win.pages.currentWidget() is win.start_page
    assert file_actions.new_portfolio(win)
    assert (folder / "Portefølje 2028.portfolio").is_file()
    assert win.windowTitle().startswith("Portefølje 2028.portfolio")
    assert win.size_label.text() == "0 initiatives"
    win.set_portfolio(None)
    assert ui_settings.recent_files()[0] == str(folder / "Portefølje 2028.portfolio")
    assert win.start_page.recent.count() == 1


def test_open_through_the_file_dialog_and_refuse_a_non_postgresql_url(
        qtbot, ui_settings, dialogs, sample_path: Path) -> None:
    from app.ui import file_actions
    from app.ui.main_window import MainWindow

    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    dialogs.answer("ask_text", "mysql://server/db")
    assert not file_actions.open_url(win)
    assert "not a PostgreSQL URL" in dialogs.texts("warn")[0]
    dialogs.answer("open_file", str(sample_path))
    assert file_actions.open_file(win)
    assert win.portfolio is not None and not win.portfolio.readonly
    win.set_portfolio(None)


def test_a_missing_recent_file_is_reported_and_dropped(qtbot, ui_settings, dialogs,
                                                       tmp_path: Path) -> None:
    from app.ui import file_actions
    from app.ui.main_window import MainWindow

    gone = str(tmp_path / "Flyttet portefølje.portfolio")
    ui_settings.add_recent(gone)
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    assert not file_actions.open_target(win, gone)
    assert gone not in ui_settings.recent_files()
    assert "does not exist" in dialogs.texts("warn")[0]


def test_switching_language_rebuilds_the_ui_and_is_remembered(window, ui_settings) -> None:
    from app.ui.settings import LANGUAGE

    window.show_view("table")
    window.set_language("da")
    assert window.nav.item(0).text() == "Portefølje"
    assert window.current_view_key() == "table"
    table = window.view("table")
    assert table.model.headerData(1, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal) == "Titel"
    assert window.year_label.text() == "Budgetår 2027"
    assert window.menuBar().actions()[0].text() == "&Filer"
    assert ui_settings.get(LANGUAGE) == "da"
    window.set_language("en")
    assert window.nav.item(0).text() == "Portfolio"


def test_file_new_template_writes_the_proposal_template_with_the_portfolio_units(
        window, dialogs, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from app.services.snapshots import load_units
    from app.ui import file_actions

    dialogs.answer("save_file", str(tmp_path / "Forslag æøå"))
    written = file_actions.write_template(window)
    assert written == tmp_path / "Forslag æøå.xlsx"
    workbook = load_workbook(written)
    with window.portfolio.read() as s:
        names = {u.name for u in load_units(s).values()}
    cells = {str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None}
    assert names and names <= cells


def test_file_new_template_cancelled_writes_nothing(window, dialogs, tmp_path: Path) -> None:
    from app.ui import file_actions

    before = sorted(tmp_path.rglob("*"))
    assert file_actions.write_template(window) is None
    assert sorted(tmp_path.rglob("*")) == before


def test_a_file_damaged_in_the_middle_is_reported_and_closed_not_a_traceback(
        qtbot, ui_settings, dialogs, tmp_path) -> None:
    """Opening reads only the header; the damage surfaces when the views first read."""
    import random

    from app.services import lock as locking
    from app.services.demo import create_demo
    from app.ui import file_actions
    from app.ui.main_window import MainWindow

    path = tmp_path / "corrupt.portfolio"
    create_demo(path)
    with path.open("r+b") as fh:
        fh.seek(12288)
        fh.write(random.Random(7).randbytes(8192))
    before = path.read_bytes()
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    assert not file_actions.open_target(win, str(path))
    assert win.portfolio is None
    assert "corrupt.portfolio" in dialogs.texts("warn")[0]
    assert path.read_bytes() == before
    assert not locking.lock_path(path).exists()
