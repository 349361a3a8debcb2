"""The shaded budget bands of the roadmap are always named on screen: each band's own
name when every one fits its band, else one name for the run ("Budget 2027, OY1–OY3")
inside the plot (the slide had no "Budget" over the first band, GMPP no names at all)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QFontMetricsF

from app.services.charts import roadmap
from app.ui.charts.grid_plots import RoadmapPlot
from tests.services.test_charts_roadmap_labels import _demo_like
from tests.services.test_charts_roadmap_lanes import UNITS, _rows


def _shown(plot, w: int, h: int, chart) -> list[str]:
    plot.resize(w, h)
    plot.show()
    QCoreApplication.processEvents()
    plot.set_chart(chart)
    for _ in range(3):
        QCoreApplication.processEvents()
    texts = [t for t, _w in plot._band_labels if t.isVisible()]
    if plot._bands_name is not None and plot._bands_name.isVisible():
        texts.append(plot._bands_name)
    inside = plot.getPlotItem().getViewBox().sceneBoundingRect()
    for t in texts:
        fm = QFontMetricsF(t.textItem.font())
        br = t.textItem.mapRectToScene(t.textItem.boundingRect())
        m = t.textItem.document().documentMargin()
        box = QRectF(br.left() + m, br.top() + m, fm.horizontalAdvance(t.toPlainText()),
                     fm.height())
        assert inside.contains(box), t.toPlainText()
    return [t.toPlainText().strip() for t in texts]


def test_bands_are_named_whether_wide_or_narrow(qtbot):
    plot = RoadmapPlot(font_px=13)
    qtbot.addWidget(plot)
    wide = _shown(plot, 1600, 500, roadmap.roadmap_chart(_demo_like(), UNITS, 2027,
                                                         chars_across=120))
    assert len(wide) == 4  # each band its own name
    slide = RoadmapPlot(font_px=24)
    qtbot.addWidget(slide)
    long_span = roadmap.roadmap_chart(_rows(), UNITS, 2027, chars_across=45)
    names = _shown(slide, 900, 500, long_span)
    assert names == [long_span.bands_label]  # a year too narrow: one name for the run
    assert wide[0] == "Budget 2027"  # the year named, as in the bilag and the note


def test_bar_labels_sit_on_white_above_the_rules_and_arrows(qtbot):
    """No year rule or dependency arrow runs through a bar's label: each label is filled
    white, one line high (no margin reaching the neighbouring rows' bars), and drawn
    above every line of the plot."""
    import pyqtgraph as pg

    plot = RoadmapPlot(font_px=13)
    qtbot.addWidget(plot)
    chart = roadmap.roadmap_chart(_demo_like(), UNITS, 2027, chars_across=120)
    _shown(plot, 1280, 600, chart)
    lines = [i for i in plot.getPlotItem().items
             if isinstance(i, (pg.InfiniteLine, pg.PlotDataItem, pg.ScatterPlotItem,
                               pg.BarGraphItem))]
    assert any(isinstance(i, pg.InfiniteLine) for i in lines) and plot._labels
    top = max(i.zValue() for i in lines)
    for t in plot._labels:
        assert t.zValue() > top
        assert t.fill.color().name() == "#ffffff"
        assert t.textItem.document().documentMargin() == 0
