"""Every roadmap lane is named on screen, one-project lanes included, beside a swatch of
its colour and shape, with no two names overlapping and no swatch clipped: on the slide
(24 px type at 1280×720, the small forvaltninger grouped) and in the Roadmap view (13 px,
all 21 GMPP-sized lanes)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from app.services.charts import palette
from app.ui.charts.panels import RoadmapPanel
from app.ui.presentation.slides import RoadmapSlide
from app.services import presentation
from app.services.charts.roadmap import group_lanes
from tests.services.test_charts_roadmap_lanes import UNITS, _chart, _rows


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


def _meeting():
    """The GMPP-sized portfolio as a meeting without a recommendation (ranked by id)."""
    rows = _rows()
    return SimpleNamespace(
        rows=rows, units=UNITS, budget_year=2027, is_what_if=False,
        roadmap_pool=presentation._roadmap_pool(rows, sorted(r.id for r in rows), []),
        roadmap_recommended=False)


def _view_rect(vb, x0, y0, x1, y1) -> QRectF:
    a, b = vb.mapViewToScene(QPointF(x0, y0)), vb.mapViewToScene(QPointF(x1, y1))
    return QRectF(a, b).normalized()


def _check_bar_names(plot) -> None:
    """Every bar's name is drawn, inside the plot, clear of the other names and of every
    other bar (its text's own box: the line of type and the advance of its text)."""
    chart, vb = plot.chart, plot.getPlotItem().getViewBox()
    assert len(plot._labels) == len(chart.bars)
    inside = vb.sceneBoundingRect()
    boxes = []
    for t, bar in zip(plot._labels, chart.bars):
        assert t.isVisible(), bar.id
        fm = QFontMetricsF(t.textItem.font())
        text = t.toPlainText()
        assert text.strip() == bar.label
        br = t.textItem.mapRectToScene(t.textItem.boundingRect())
        margin = t.textItem.document().documentMargin()
        box = QRectF(br.left() + margin, br.center().y() - fm.height() / 2,
                     fm.horizontalAdvance(text), fm.height())
        assert inside.contains(box), f"{bar.id}: its name is clipped"
        boxes.append((bar, box))
    for k, (bar, box) in enumerate(boxes):
        for other, obox in boxes[k + 1:]:
            assert not box.intersects(obox), f"names of {bar.id} and {other.id} overlap"
        for other in chart.bars:
            if other.id != bar.id:
                obar = _view_rect(vb, other.x0, other.y - 0.28, other.x1, other.y + 0.28)
                assert not box.intersects(obar), f"the name of {bar.id} covers {other.id}"


@pytest.mark.parametrize("size", [(1248, 560), (1888, 900)])
def test_the_slide_names_every_bar_and_lane_and_says_what_it_shows(qtbot, size):
    """The slide (the deck's body at 1280×720 and 1920×1080) shows the best ranked
    initiatives that fit with their names at 24 px, every lane named, and a note saying
    how many of how many it shows and where the whole roadmap is."""
    slide = RoadmapSlide(24)
    qtbot.addWidget(slide)
    _settle(slide, *size)
    data = _meeting()
    slide.show_meeting(data)
    for _ in range(4):
        QCoreApplication.processEvents()
    plot = slide.panel.plot
    chart = plot.chart
    n = len(chart.bars)
    assert 5 <= n < len(data.rows)
    assert {b.id for b in chart.bars} == {r.id for r in data.roadmap_pool[:n]}
    _check_bar_names(plot)
    _check_names(plot, chart)
    note = slide.panel.notes_label.text()
    assert f"the {n} highest-ranked of {len(data.rows)}" in note and "Roadmap view" in note
    # one more initiative would not keep its name at this size
    more = [r for r in data.rows if r.id in {x.id for x in data.roadmap_pool[:n + 1]}]
    wider = presentation.roadmap_chart(more, UNITS, 2027,
                                       chars_across=plot.chars_across([r.title for r in more]))
    assert not plot.fits(group_lanes(wider))
    legend = slide.panel.legend.entries()
    for bar in chart.bars:  # each bar's colour and shape is in the legend
        assert any(e.colour == bar.colour and e.shape == bar.shape for e in legend), bar.id
    if size[1] > 600:
        assert len(chart.lanes) > 3


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
