"""The bubble chart's labels sit next to their own bubbles as drawn: on presentation slide 3
and in the main window's bubble view at 1280×720, each shown id's box is nearer (in pixels,
box to marker rim) to its own bubble than to any other. The slide once placed its labels
for a nominal plot size, so "EK-018" sat against EK-020's square and EK-007 beside EK-006."""

from __future__ import annotations

import math

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF

from app.ui.charts.value_plots import BubblePlot


@pytest.fixture
def demo_window(qtbot, ui_settings, dialogs, tmp_path):
    """The main window (English UI) on the demo portfolio at 1280×720."""
    from app.services.demo import create_demo
    from tests.ui.conftest import shown_window

    path = tmp_path / "demo æøå.portfolio"
    create_demo(path)
    yield from shown_window(qtbot, ui_settings, dialogs, path, "en")


def _rim_distance(box: QRectF, x: float, y: float, r: float) -> float:
    """Pixels from ``box`` to the rim of a marker of radius ``r`` at (x, y) (< 0: overlaps)."""
    dx = max(box.left() - x, 0.0, x - box.right())
    dy = max(box.top() - y, 0.0, y - box.bottom())
    return math.hypot(dx, dy) - r


def _misplaced(plot: BubblePlot) -> tuple[int, list[str]]:
    """(labels shown, 'label → nearer bubble' for each label nearer another bubble)."""
    chart = plot.chart
    assert chart is not None
    vb = plot.getPlotItem().getViewBox()
    radii = plot._sizes(plot._applied_scale) / 2.0  # the drawn marker radii (px)
    markers = {}
    for b, r in zip(chart.bubbles, radii.tolist()):
        c = vb.mapViewToScene(QPointF(b.x, b.y))
        markers[b.id] = (c.x(), c.y(), r)
    labels = [it for it in plot.getPlotItem().items
              if isinstance(it, pg.TextItem) and it.isVisible()
              and it.textItem.toPlainText() in markers]
    wrong = []
    for item in labels:
        own = item.textItem.toPlainText()
        box = item.sceneBoundingRect()
        nearest = min(markers, key=lambda bid: _rim_distance(box, *markers[bid]))
        if nearest != own:
            wrong.append(f"{own} → {nearest}")
    return len(labels), wrong


def test_slide_labels_are_nearest_their_own_bubbles(demo_window, qtbot):
    from app.ui.presentation.deck import PresentationDeck

    deck = PresentationDeck(demo_window.context, screen_size=(1280, 720))
    qtbot.addWidget(deck)
    deck.resize(1280, 720)
    deck.show()
    qtbot.waitExposed(deck)
    deck.go(2)
    qtbot.wait(10)
    plot = deck.slides[2].panel.plot
    assert isinstance(plot, BubblePlot) and plot.chart is not None
    shown, wrong = _misplaced(plot)
    assert shown >= 10, shown
    assert wrong == []


def test_view_labels_are_nearest_their_own_bubbles(demo_window, qtbot):
    plot = demo_window.show_view("bubble").panel.plot
    qtbot.wait(10)
    shown, wrong = _misplaced(plot)
    assert shown >= 20, shown
    assert wrong == []
    # a resize re-places them for the new size
    demo_window.resize(1000, 640)
    qtbot.wait(20)
    shown, wrong = _misplaced(plot)
    assert shown >= 10 and wrong == []
