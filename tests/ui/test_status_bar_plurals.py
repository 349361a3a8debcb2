"""The status bar counts initiatives in the window's language with Qt's plural forms:
"1 initiative" / "37 initiatives" in English (never "initiative(s)"), "1 tiltag" /
"37 tiltag" in Danish."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import Initiative
from app.services.store import create_portfolio, open_portfolio
from tests.ui.conftest import reset_language


def _portfolio(path: Path, n: int) -> Path:
    pf = create_portfolio(path, municipality="Testkommune")
    with pf.session() as s:
        s.add_all(Initiative(id=f"EK-{i:03d}", title=f"Tiltag {i} æøå", phase="idea")
                  for i in range(1, n + 1))
    pf.close()
    return path


@pytest.mark.parametrize("n, english, danish", [(1, "1 initiative", "1 tiltag"),
                                                (37, "37 initiatives", "37 tiltag")])
def test_status_bar_counts_initiatives_in_english_and_danish(
        qtbot, ui_settings, dialogs, tmp_path: Path, n: int, english: str, danish: str) -> None:
    from app.ui.app import make_application
    from app.ui.main_window import MainWindow

    path = _portfolio(tmp_path / f"Portefølje {n}.portfolio", n)
    make_application("en")
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    try:
        win.set_portfolio(open_portfolio(path))
        assert win.size_label.text() == english
        win.set_language("da")
        win._update_status()
        assert win.size_label.text() == danish
        win.set_language("en")
        win._update_status()
        assert win.size_label.text() == english
    finally:
        win.set_portfolio(None)
        reset_language()
