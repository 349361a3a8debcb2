"""Every roadmap lane is named on screen, one-project lanes included, beside a swatch of
its colour and shape, with no two names overlapping and no swatch clipped: on the slide
(24 px type at 1280×720, the small forvaltninger grouped) and in the Roadmap view (13 px,
all 21 GMPP-sized lanes)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from app.services.charts import palette
from app.ui.charts.panels import RoadmapPanel
from app.ui.presentation.slides import RoadmapSlide
from tests.services.test_charts_roadmap_lanes import _chart


@pytest.fixture(autouse=True)
def english():
    from app.services import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("da")


def _settle(widget, w: int, h: int) -> None:
    widget.resize(w, h)
    widget.show()
    for _ in range(4):
        QCoreApplication.processEvents()


def _axis_names(plot) -> list[tuple[QRectF, str]]:
    """The lane names as the left axis draws them (pyqtgraph's own draw specs)."""
    axis = plot.getPlotItem().getAxis("left")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _spec, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in texts]


def _check_names(plot, chart) -> None:
    names = _axis_names(plot)
    expected = [plot.lane_name(lane) for lane in chart.lanes]
    assert [t for _r, t in names] == expected  # every lane, one-project lanes too
    rects = sorted((r for r, _t in names), key=lambda r: r.top())
    for a, b in zip(rects, rects[1:]):
        assert a.bottom() <= b.top() + 0.5, "lane names overlap"
    axis = plot.getPlotItem().getAxis("left")
    bounds = axis.boundingRect()
    fm = QFontMetricsF(axis.style["tickFont"])
    for rect, text in names:  # the swatch left of the name lies inside the axis
        assert bounds.contains(rect)
        assert rect.right() - fm.horizontalAdvance(text) - axis.swatch_px * 1.3 >= bounds.left()
        lane = next(la for la in chart.lanes if plot.lane_name(la) == text)
        assert axis.swatches[text] == (lane.colour, lane.shape)


def test_the_slide_names_every_lane_and_its_legend_explains_every_colour(qtbot):
    slide = RoadmapSlide(24)
    qtbot.addWidget(slide)
    _settle(slide, 1248, 560)  # the slide body of a 1280×720 deck
    source = _chart()
    slide.show_meeting(SimpleNamespace(roadmap=source, roadmap_note=""))
    for _ in range(4):
        QCoreApplication.processEvents()
    plot = slide.panel.plot
    chart = plot.chart
    assert len(chart.lanes) <= 7 and chart.lanes[-1].colour == palette.OTHER
    _check_names(plot, chart)
    legend = slide.panel.legend.entries()
    for bar in chart.bars:  # each bar's colour and shape is in the legend
        assert any(e.colour == bar.colour and e.shape == bar.shape for e in legend), bar.id
    assert any(e.label.startswith("Other units: ") for e in legend)


def test_the_roadmap_view_names_all_21_lanes_at_1280x720(qtbot):
    panel = RoadmapPanel(None, 13.0)
    qtbot.addWidget(panel)
    _settle(panel, 1090, 640)  # the view's share of a 1280×720 main window
    source = _chart()
    panel.show_chart(source)
    for _ in range(4):
        QCoreApplication.processEvents()
    plot = panel.plot
    assert len(plot.chart.lanes) == 21 and plot.min_rows > 1  # thin lanes were padded
    _check_names(plot, plot.chart)
    # a larger window needs less padding: the plot lays the lanes out again
    before = plot.min_rows
    _settle(panel, 1600, 1000)
    assert plot.min_rows < before
    _check_names(plot, plot.chart)
