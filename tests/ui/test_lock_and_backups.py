"""The real editor lock (DESIGN §5) and File → Backups/Restore, through the fake dialogs."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest


def _foreign_lock(path: Path) -> None:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    Path(str(path) + ".lock").write_text(json.dumps({
        "user": "mette", "host": "PC-ØKONOMI-7", "pid": 4242, "heartbeat": now, "since": now,
        "app": "Prioritise", "token": "x"}), encoding="utf-8")


def test_file_held_by_another_editor_opens_read_only_naming_the_holder(
        qtbot, ui_settings, dialogs, sample_path: Path) -> None:
    pytest.importorskip("app.services.lock")
    from app.ui import file_actions
    from app.ui.main_window import MainWindow

    _foreign_lock(sample_path)
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    dialogs.answer("ask", True)
    assert file_actions.open_target(win, str(sample_path))
    assert "mette" in dialogs.texts("ask")[0] and "PC-ØKONOMI-7" in dialogs.texts("ask")[0]
    assert win.portfolio.readonly
    assert "[read-only]" in win.windowTitle() and not win.banner.isHidden()
    assert "mette" in win.banner.text()
    assert not win.view("table").new_button.isEnabled()
    win.set_portfolio(None)


def test_declining_read_only_leaves_the_start_page(qtbot, ui_settings, dialogs,
                                                  sample_path: Path) -> None:
    pytest.importorskip("app.services.lock")
    from app.ui import file_actions
    from app.ui.main_window import MainWindow

    _foreign_lock(sample_path)
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    dialogs.answer("ask", False)
    assert not file_actions.open_target(win, str(sample_path))
    assert win.portfolio is None and win.pages.currentWidget() is win.start_page


def test_restore_a_backup_after_asking(window, dialogs, sample_path: Path) -> None:
    backup = pytest.importorskip("app.services.backup")
    from app.models import Initiative
    from app.ui import file_actions

    backup.make_backup(sample_path, kind="manual")
    with window.portfolio.session(context="test") as s:
        s.get(Initiative, "EK-001").title = "Ændret efter sikkerhedskopien"
    dialogs.answer("choose", 0)
    dialogs.answer("ask", True)
    file_actions.restore(window)
    assert dialogs.calls[0][0] == "choose" and "manual" in dialogs.calls[0][1][2][0]
    assert window.portfolio is not None and not window.portfolio.readonly
    with window.portfolio.read() as s:
        assert s.get(Initiative, "EK-001").title == "Selvbetjening på byggesager"


def test_what_if_scenario_is_shown_as_such(window) -> None:
    from app.models import Scenario

    with window.portfolio.session(context="test") as s:
        s.add(Scenario(name="Hvad hvis borgerværdi vægter mere", is_what_if=True))
    with window.portfolio.read() as s:
        sid = next(sc.id for sc in s.query(Scenario) if sc.is_what_if)
    window.context.set_scenario(sid)
    assert window.scenario_label.text() == "What-if: Hvad hvis borgerværdi vægter mere"
    assert "font-weight" in window.scenario_label.styleSheet()
