"""A chart deleted with its parent takes its view box out of pyqtgraph's registry of views,
so pyqtgraph's exit handler no longer tries to disconnect a deleted view (which printed
'RuntimeWarning: Failed to disconnect (NoneType) from signal "destroyed()"' after every
screenshot of a view with a chart)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from app.ui.charts.bars import BarPlot
from app.ui.charts.value_plots import BubblePlot, ValueCurvePlot

ROOT = Path(__file__).resolve().parents[3]


def test_a_deleted_chart_leaves_the_registry_of_views(qtbot):
    parent = QWidget()
    plots = [BubblePlot(parent), ValueCurvePlot(parent), BarPlot(parent)]
    boxes = [p.getPlotItem().getViewBox() for p in plots]
    assert all(vb in pg.ViewBox.AllViews for vb in boxes)
    parent.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert not any(vb in pg.ViewBox.AllViews for vb in boxes)


def test_a_presentation_screenshot_prints_no_disconnect_warning(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRIORITISE_SLIDE": "4"}
    demo = tmp_path / "demo.portfolio"
    subprocess.run([sys.executable, "-m", "app", "demo", str(demo)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    out = subprocess.run(
        [sys.executable, "-m", "app", "gui", str(demo), "--view", "presentation",
         "--screenshot", str(tmp_path / "slide.png")],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert (tmp_path / "slide.png").exists()
    assert "Failed to disconnect" not in out.stderr, out.stderr
