"""The recommendation view and slide 4 read fully at 1280×720 in Danish and English: the
value curve's y-axis title fits its axis (it was cut to "…samlede score (poi"), the
frame-type combo shows its whole text (it was cut to "…hver for sig"), and the
recommended portfolio's label crosses neither the curve nor its points and stays inside
the plot (on slide 4 it ran over the curve line)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox

from app.ui.charts import value_plots


@pytest.fixture(params=["da", "en"])
def demo_window(request, qtbot, ui_settings, dialogs, tmp_path):
    """The main window on the demo portfolio at 1280×720, in Danish and in English."""
    from app.services.demo import create_demo
    from tests.ui.conftest import shown_window

    path = tmp_path / "demo æøå.portfolio"
    create_demo(path)
    yield from shown_window(qtbot, ui_settings, dialogs, path, request.param)


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def _label_clear_of_curve(plot: value_plots.ValueCurvePlot) -> None:
    label = plot._label
    assert label is not None
    vb = plot.getPlotItem().getViewBox()
    rect = label.mapRectToScene(label.boundingRect())
    # the drawn text, without the text item's empty margins
    m = label.textItem.document().documentMargin()
    rect = rect.adjusted(m, m, -m, -m)
    assert vb.sceneBoundingRect().contains(rect)
    pts = [vb.mapViewToScene(QPointF(x, y)) for x, y in plot._curve]
    assert not any(rect.contains(p) for p in pts)
    assert not any(value_plots._crosses(rect, a, b) for a, b in zip(pts, pts[1:]))


def test_the_curve_title_and_the_frame_combo_read_fully(demo_window, qtbot):
    view = demo_window.show_view("selection")
    _settle(qtbot)
    axis = view.curve.getPlotItem().getAxis("left")
    title = axis.label  # rotated a quarter turn: its width runs along the axis
    assert title.toPlainText().strip()
    assert title.boundingRect().width() <= axis.geometry().height(), title.toPlainText()
    combo = view.frames.mode
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    for i in range(combo.count()):
        assert combo.fontMetrics().horizontalAdvance(combo.itemText(i)) <= field.width(), \
            combo.itemText(i)
    _label_clear_of_curve(view.curve)


def test_slide_4_label_crosses_nothing(demo_window, qtbot):
    from app.ui.presentation.deck import PresentationDeck

    deck = PresentationDeck(demo_window.context, screen_size=(1280, 720))
    qtbot.addWidget(deck)
    deck.resize(1280, 720)
    deck.show()
    qtbot.waitExposed(deck)
    deck.go(3)
    _settle(qtbot)
    _label_clear_of_curve(deck.slides[3].curve.plot)
