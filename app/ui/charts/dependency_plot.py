"""Draws a ``DependencyChart`` with pyqtgraph: lanes, edges, nodes, labels; zoom and pan.

Edges are drawn as one ``PlotDataItem`` per style with ``connect="pairs"`` and nodes as
one ``ScatterPlotItem``, so 1,000 initiatives and 3,000 dependencies draw in a fraction of
a second. Labels are ``TextItem``s: all of them for charts of at most
``dependency_chart.LABEL_LIMIT`` nodes, otherwise only for the nodes in view once the user
has zoomed in that far. A click on a node emits ``node_clicked(id)``, a double click
``node_activated(id)``, a click elsewhere in the plot ``background_clicked()``. Above 600 edges, flagged (dashed) edges are drawn solid and
wider and antialiasing of edges is off: dash patterns and antialiasing over thousands of
segments would take most of the one-second budget.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from app.services.charts import dependency_chart as dc
from app.services.charts import palette
from app.ui.charts.grid_plots import LaneAxisItem, name_lanes, needed_lane_rows
from app.ui.charts.style import (
    LocaleAxisItem, PlotWidget, apply_ticks, brush, pen, small_px, style_plot, symbol, text_item,
)


def _segments(edges: list[dc.ChartEdge]) -> tuple[np.ndarray, np.ndarray]:
    """x and y of the edges as pairs of segment ends (``connect="pairs"``): each edge's
    route when it has one, else the straight line between its nodes."""
    if not any(e.route for e in edges):
        xs = np.empty(2 * len(edges))
        ys = np.empty(2 * len(edges))
        xs[0::2] = [e.x0 for e in edges]
        xs[1::2] = [e.x1 for e in edges]
        ys[0::2] = [e.y0 for e in edges]
        ys[1::2] = [e.y1 for e in edges]
        return xs, ys
    pts: list[tuple[float, float]] = []
    for e in edges:
        route = e.route or ((e.x0, e.y0), (e.x1, e.y1))
        for a, b in zip(route, route[1:]):
            pts += (a, b)
    arr = np.array(pts, dtype=float)
    return arr[:, 0], arr[:, 1]


class DependencyPlot(PlotWidget):
    """The dependency chart's plot; ``set_chart`` draws a description.

    As in the roadmap, every lane is named on the left axis beside a swatch of its
    colour and shape: lanes too thin for their name at the plot's height are made taller
    (``dependency_chart.pad_lanes`` by ``lanes.min_lane_rows``, again after a resize
    unless the user zoomed); ``chart`` is the chart as drawn, ``source`` as given."""

    node_clicked = Signal(str)
    node_activated = Signal(str)
    background_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0) -> None:
        super().__init__(parent, axisItems={"left": LaneAxisItem(orientation="left"),
                                            "bottom": LocaleAxisItem(orientation="bottom")})
        self.font_px = font_px
        self.compact = False  # lanes labelled by code (the legend names them), for slides
        self.chart: dc.DependencyChart | None = None
        self.source: dc.DependencyChart | None = None  # the chart as given (before padding)
        self.min_rows = 0.0  # the lane height (rows) the drawn chart was padded to
        self._zoomed = False  # the user zoomed or panned: a resize keeps the lanes
        self._drawing = False
        plot = self.getPlotItem()
        plot.invertY(True)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        style_plot(plot, font_px)
        self._items: list[object] = []
        self._labels: dict[int, pg.TextItem] = {}
        self._xy = np.zeros((0, 2))
        self.scatter: pg.ScatterPlotItem | None = None
        plot.getViewBox().sigRangeChanged.connect(self._update_labels)
        plot.getViewBox().sigRangeChanged.connect(self._fit_markers)
        plot.getViewBox().sigResized.connect(self._fit_markers)
        plot.getViewBox().sigResized.connect(self._repad)
        plot.getViewBox().sigRangeChangedManually.connect(self._user_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_click)

    def _user_moved(self, *args: object) -> None:
        self._zoomed = True

    def lane_name(self, lane: object) -> str:
        """The name a lane gets on the axis: its code on a slide, else its name."""
        return (lane.code or lane.label) if self.compact else lane.label  # type: ignore[attr-defined]

    def needed_lane_rows(self, chart: dc.DependencyChart) -> float:
        """The lane height (rows) at which every lane of ``chart`` holds its name at the
        plot's present height; 0 before the plot is laid out or when no padding is
        enough (then only the lanes that fit are named)."""
        vb = self.getPlotItem().getViewBox()
        room = vb.height() / 1.02  # the view's 1 % padding at either end
        if room < 3 * self.font_px:
            return 0.0
        return needed_lane_rows(chart.lanes, room, self.font_px)

    def _repad(self, *args: object) -> None:
        """After a resize: draw again when the lanes need another padding."""
        if self.source is None or self._drawing or self._zoomed:
            return
        m = self.needed_lane_rows(self.source)
        if abs(m - self.min_rows) > 0.02 * max(m, self.min_rows, 0.1):
            self.set_chart(self.source)

    # -- drawing ---------------------------------------------------------------------
    def clear_chart(self) -> None:
        plot = self.getPlotItem()
        for item in self._items:
            plot.removeItem(item)
        for label in self._labels.values():
            plot.removeItem(label)
        self._items.clear()
        self._labels.clear()
        self.scatter = None

    def set_chart(self, chart: dc.DependencyChart, keep_range: bool = False) -> None:
        """Draw ``chart`` (replacing what was drawn), its thin lanes padded so that every
        lane holds its name; ``keep_range`` keeps zoom, pan and the padding."""
        self.source = chart
        if not keep_range:
            self._zoomed = False
            self.min_rows = self.needed_lane_rows(chart)
        self._drawing = True
        try:
            self._draw_chart(dc.pad_lanes(chart, self.min_rows) if self.min_rows > 0 else chart,
                             keep_range)
        finally:
            self._drawing = False

    def _draw_chart(self, chart: dc.DependencyChart, keep_range: bool) -> None:
        plot = self.getPlotItem()
        vb = plot.getViewBox()
        old_range = vb.viewRange()
        self.clear_chart()
        self.chart = chart
        x_lo, x_hi = chart.x_axis.lo, chart.x_axis.hi
        for i, lane in enumerate(chart.lanes):
            rect = QGraphicsRectItem(QRectF(x_lo, lane.y0, x_hi - x_lo, lane.y1 - lane.y0))
            rect.setBrush(brush(lane.colour, 28 if i % 2 == 0 else 16))
            rect.setPen(pen("#BBBBBB", 1))
            rect.setZValue(-10)
            plot.addItem(rect)
            self._items.append(rect)
        apply_ticks(plot.getAxis("bottom"), chart.x_axis.ticks)
        plot.setLabel("bottom", chart.x_axis.title)

        groups: dict[tuple[str, float, str, bool], list[dc.ChartEdge]] = defaultdict(list)
        for e in chart.edges:
            faded = chart.selected is not None and not (e.highlighted or e.cycle or e.conflict)
            groups[(e.colour, e.width, e.line, faded)].append(e)
        many = len(chart.edges) > 600
        for (colour, width, line, faded), edges in sorted(groups.items(), key=lambda kv: kv[0][1]):
            if many and line != "solid":
                # dash patterns over thousands of segments cost most of the drawing time;
                # flagged edges stay apart by colour, width and the notes
                line, width = "solid", width + 0.5
            xs, ys = _segments(edges)
            item = pg.PlotDataItem(xs, ys, connect="pairs", antialias=len(chart.edges) <= 600,
                                   pen=pen(colour, width, line, 60 if faded else 255))
            item.setZValue(-1 if not faded else -2)
            plot.addItem(item)
            self._items.append(item)

        size = max(10.0, self.font_px * 1.15)
        symbols, sizes, brushes, pens = [], [], [], []
        for n in chart.nodes:
            ring, ring_w = "#000000", 1.0
            if dc.CYCLE in n.flags or dc.CONFLICT in n.flags:
                ring, ring_w = palette.FLAG, 2.5
            if dc.SELECTED in n.flags:
                ring, ring_w = palette.HIGHLIGHT, 3.5
            symbols.append(symbol(n.shape))
            sizes.append(size * (1.35 if dc.SELECTED in n.flags else 1.0))
            brushes.append(brush(n.colour, 70 if n.dimmed else 255))
            pens.append(pen(ring, ring_w, alpha=90 if n.dimmed else 255))
        scatter = pg.ScatterPlotItem(
            x=[n.x for n in chart.nodes], y=[n.y for n in chart.nodes], symbol=symbols,
            size=sizes, brush=brushes, pen=pens, data=[n.id for n in chart.nodes],
            hoverable=True, tip=self._tip)
        scatter.sigClicked.connect(self._on_click)
        plot.addItem(scatter)
        self._items.append(scatter)
        self.scatter = scatter
        self._xy = np.array([(n.x, n.y) for n in chart.nodes]) if chart.nodes else np.zeros((0, 2))
        if keep_range:
            vb.setRange(xRange=old_range[0], yRange=old_range[1], padding=0)
        else:
            vb.setRange(xRange=(x_lo, x_hi), yRange=(0, max(chart.height, 1.0)), padding=0.01)
        self._marker_px = 0.0
        self._update_labels()
        self._fit_markers()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._marker_px = 0.0
        self._fit_markers()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        self._marker_px = 0.0
        self._fit_markers()

    def _fit_markers(self, *args: object) -> None:
        """Markers no taller than a row at the current zoom (many lanes: small markers)."""
        chart = self.__dict__.get("chart")  # resize events arrive before __init__ is done
        if chart is None or self.__dict__.get("scatter") is None or not len(chart.nodes):
            return
        vb = self.getPlotItem().getViewBox()
        (_x0, _x1), (y0, y1) = vb.viewRange()
        # the plot's own height bounds the view box's (which lags behind a fresh layout)
        height = min(vb.height(), float(self.height())) if vb.height() > 0 else float(self.height())
        per_row = height / max(abs(y1 - y0), 1e-9)
        base = max(4.0, min(self.font_px * 1.15, per_row * 0.8))
        # name the lanes tall enough for their name (after padding: all, unless even equal
        # lanes cannot hold their names; zoom in for those), each beside its swatch
        name_lanes(self.getPlotItem().getAxis("left"), chart.lanes, per_row,  # type: ignore[arg-type]
                   self.font_px, self.lane_name)
        if abs(base - getattr(self, "_marker_px", 0.0)) < 0.5:
            return
        self._marker_px = base
        # always per spot: a scalar only changes the default, not the spots' own sizes
        self.scatter.setSize([base * (1.35 if dc.SELECTED in n.flags else 1.0)
                              for n in chart.nodes])

    def _tip(self, x: float, y: float, data: object) -> str:
        node = self._node(str(data))
        return f"{node.id} {node.title}" if node else str(data)

    def _node(self, node_id: str) -> dc.Node | None:
        if self.chart is None:
            return None
        return next((n for n in self.chart.nodes if n.id == node_id), None)

    def _update_labels(self, *args: object) -> None:
        chart = self.chart
        if chart is None or not len(chart.nodes):
            return
        plot = self.getPlotItem()
        if chart.labels_by_default:
            wanted = range(len(chart.nodes))
        else:
            (x0, x1), (y0, y1) = plot.getViewBox().viewRange()
            inside = np.flatnonzero((self._xy[:, 0] >= x0) & (self._xy[:, 0] <= x1)
                                    & (self._xy[:, 1] >= min(y0, y1)) & (self._xy[:, 1] <= max(y0, y1)))
            wanted = inside if len(inside) <= dc.LABEL_LIMIT else []
        wanted_set = set(int(i) for i in wanted)
        for i, label in self._labels.items():
            label.setVisible(i in wanted_set)
        for i in wanted_set - set(self._labels):
            n = chart.nodes[i]
            colour = "#777777" if n.dimmed else "#000000"
            label = text_item(f"  {n.label}", colour, small_px(self.font_px), (0.0, 0.5),
                              bold=dc.SELECTED in n.flags)
            label.setPos(n.x, n.y)
            plot.addItem(label)
            self._labels[i] = label

    # -- interaction -----------------------------------------------------------------
    def _on_click(self, item: object, points: object, event: object) -> None:
        pts = list(points)  # type: ignore[call-overload]
        if not pts:
            return
        node_id = str(pts[0].data())
        if getattr(event, "double", lambda: False)():
            self.node_activated.emit(node_id)
        else:
            self.node_clicked.emit(node_id)

    def _on_scene_click(self, event: object) -> None:
        """A left click no node took (the scene reports every click after its items)."""
        if (event.button() == Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
                and not event.isAccepted() and not event.double()):  # type: ignore[attr-defined]
            self.background_clicked.emit()

    def node_scene_pos(self, node_id: str) -> object:
        """Where node ``node_id`` is drawn, in the view's widget coordinates (for tests)."""
        node = self._node(node_id)
        if node is None:
            raise KeyError(node_id)
        vb = self.getPlotItem().getViewBox()
        scene_pt = vb.mapViewToScene(pg.Point(node.x, node.y))
        return self.mapFromScene(scene_pt)

    def fit(self) -> None:
        """The whole chart in view again (and the lanes padded for the plot's size)."""
        self._zoomed = False
        if self.source is not None and abs(self.needed_lane_rows(self.source) - self.min_rows) > 1e-6:
            self.set_chart(self.source)
            return
        if self.chart is not None:
            self.getPlotItem().getViewBox().setRange(
                xRange=(self.chart.x_axis.lo, self.chart.x_axis.hi),
                yRange=(0, max(self.chart.height, 1.0)), padding=0.01)
