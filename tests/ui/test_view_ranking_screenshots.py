"""`gui --screenshot --view` renders each analysis view: a W×H PNG with the view's data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QImage

from app.services.store import open_portfolio
from app.ui.screenshot import screenshot
from app.ui.settings import Settings
from tests.ui.view_analysis_support import build_portfolio


@pytest.mark.parametrize("view", ["weights", "ranking", "selection", "budget"])
def test_view_renders_to_a_png_of_the_asked_size(qtbot, portfolio_path, tmp_path, view):
    build_portfolio(portfolio_path).close()
    pf = open_portfolio(portfolio_path, readonly=True)
    out = tmp_path / f"{view} æøå.png"
    try:
        settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        screenshot(pf, view, out, QSize(640, 400), settings)
    finally:
        pf.close()
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 400)
    colours = {image.pixel(x, y) for x in range(0, 640, 16) for y in range(0, 400, 16)}
    assert len(colours) > 8  # drawn, not a blank window
