"""Every lane of the dependency chart is named on screen beside a swatch of its colour
and shape, as in the roadmap: the view pads thin lanes (``dependency_chart.pad_lanes`` by
``lanes.min_lane_rows``) so all 21 GMPP-sized lanes are named at 1280×720; the slide
groups the small forvaltninger into "Other units" and names every lane left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from app.services.charts import dependency_chart as dc
from app.services.charts import palette
from app.ui.charts.dependency_view import DependencyPanel
from tests.services.test_charts_roadmap_lanes import CODES, UNITS, _rows
from tests.ui.charts.test_roadmap_lanes import _check_names, _settle


@pytest.fixture(autouse=True)
def english():
    from app.services import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("da")


def _nodes_in_lanes(chart) -> None:
    for n in chart.nodes:
        lane = chart.lanes[n.lane]
        assert lane.y0 < n.y < lane.y1, n.id
    pos = {n.id: (n.x, n.y) for n in chart.nodes}
    for e in chart.edges:  # edges (and their routes) follow their nodes
        assert (e.x1, e.y1) == pos[e.dependant]
        if e.route:
            assert e.route[-1][1] == pytest.approx(pos[e.dependant][1])


def test_pad_and_group_keep_nodes_in_their_lanes_and_edges_on_their_nodes():
    rows = _rows()
    chart = dc.dependency_chart(rows, UNITS, mode="date")
    padded = dc.pad_lanes(chart, 3.0)
    assert min(lane.y1 - lane.y0 for lane in padded.lanes) >= 3.0
    assert padded.height > chart.height
    _nodes_in_lanes(padded)
    grouped = dc.group_lanes(chart)
    assert len(grouped.lanes) == 7 and grouped.lanes[-1].colour == palette.OTHER
    assert grouped.height == chart.height
    _nodes_in_lanes(grouped)
    keys = {(e.colour, e.shape) for e in grouped.legend if e.kind == "marker"}
    assert all((n.colour, n.shape) in keys for n in grouped.nodes)
    # fifteen grouped codes are too many for the legend: a note names them
    assert any(e.label == "Other units" for e in grouped.legend)
    assert grouped.notes[0].startswith("Other units: ")
    grouped_codes = grouped.notes[0].split(": ", 1)[1].split(", ")
    assert len(grouped_codes) == 15 and set(grouped_codes) < set(CODES)


def test_the_dependency_view_names_all_21_lanes_at_1280x720(qtbot):
    panel = DependencyPanel(None, 13.0)
    qtbot.addWidget(panel)
    _settle(panel, 1090, 640)
    panel.set_data(_rows(), UNITS)
    for _ in range(6):
        QCoreApplication.processEvents()
    plot = panel.plot
    assert len(plot.chart.lanes) == 21 and plot.min_rows > 1  # thin lanes were padded
    _check_names(plot, plot.chart)
    _nodes_in_lanes(plot.chart)


def test_the_dependency_slide_names_every_lane(qtbot):
    from app.ui.presentation.slides import DependencySlide

    slide = DependencySlide(24)
    qtbot.addWidget(slide)
    _settle(slide, 1248, 560)
    panel = slide.panel
    panel.set_data(_rows(), UNITS)
    for _ in range(6):
        QCoreApplication.processEvents()
    chart = panel.plot.chart
    assert len(chart.lanes) == 7
    _check_names(panel.plot, chart)
