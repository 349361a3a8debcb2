"""Draws the value charts (y up): the bubble chart (d), the follow-up (g), the value curve (i)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QPolygonF
from PySide6.QtWidgets import QGraphicsPolygonItem, QWidget

from app.services.charts import palette
from app.services.charts.bubble import MAX_LABELS, BubbleChart
from app.services.charts.labels import place_labels
from app.services.charts.followup import FollowupChart
from app.services.charts.model import Axis
from app.services.charts.ranking import ValueCurveChart
from app.ui.charts.style import (
    PlotWidget,
    apply_ticks, brush, font, pen, rule_line, small_px, style_plot, symbol, text_item,
)

#: anchor of a label (TextItem anchor, fractions of the text box) per position name; the
#: gap to the marker is added in ``_anchor``
_ANCHORS = {
    "right": (0.0, 0.5), "left": (1.0, 0.5), "above": (0.5, 1.0), "below": (0.5, 0.0),
    "above_right": (0.0, 1.0), "below_right": (0.0, 0.0), "above_left": (1.0, 1.0),
    "below_left": (1.0, 0.0),
}

#: px a label keeps off every other marker's rim (its own is 2 px away: ``labels.label_box``)
_RIM_MARGIN = 5.0


def _base(plot: pg.PlotItem, font_px: float) -> None:
    plot.clear()
    plot.hideButtons()
    plot.setMenuEnabled(False)
    style_plot(plot, font_px)


def _axes(plot: pg.PlotItem, x_axis: Axis, y_axis: Axis) -> None:
    """The ticks and titles of a value chart's two axes."""
    apply_ticks(plot.getAxis("bottom"), x_axis.ticks)
    apply_ticks(plot.getAxis("left"), y_axis.ticks)
    plot.setLabel("bottom", x_axis.title)
    plot.setLabel("left", y_axis.title)


class BubblePlot(PlotWidget):
    """Value versus cost. ``bubble_clicked(id)`` on a click, ``bubble_activated(id)`` on a
    double click.

    The labels (ids) are placed here, in pixels of the plot as drawn (its view box's size
    and range, the markers' drawn radii, the labels' measured boxes), again whenever the
    plot is resized or its range changes: the description's ``label_position`` was laid
    out for a nominal plot (``BubbleChart.nominal_plot``, what the PDF draws), and the axis
    padding and a different size made a label drift next to a neighbour's bubble. A label
    keeps clear of every other marker's whole rim (not just its centre), so it is nearest
    its own bubble.
    """

    bubble_clicked = Signal(str)
    bubble_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0) -> None:
        super().__init__(parent)
        self.font_px = font_px
        self.chart: BubbleChart | None = None
        #: the shown labels: (item, position name, drawn marker radius px, bubble id)
        self._labels: list[tuple[pg.TextItem, str, float, str]] = []
        self._label_items: dict[str, pg.TextItem] = {}
        self._corner_items: list[pg.TextItem] = []
        self._priority: list[int] = []
        self._placed_for: tuple | None = None  # the geometry the labels were placed for
        self._measure = pg.TextItem("")  # never shown: measures a label's box
        self.scatter: pg.ScatterPlotItem | None = None
        vb = self.getPlotItem().getViewBox()
        vb.sigResized.connect(self._rescale)
        # a range change (zoom, pan) re-places the labels once the event loop turns
        self._relabel = QTimer(self)
        self._relabel.setSingleShot(True)
        self._relabel.setInterval(0)
        self._relabel.timeout.connect(self._place_labels)
        vb.sigRangeChanged.connect(self._relabel.start)

    def set_chart(self, chart: BubbleChart) -> None:
        plot = self.getPlotItem()
        _base(plot, self.font_px)
        self.chart = chart
        self._labels = []
        self._label_items = {}
        self._corner_items = []
        self._placed_for = None
        self._applied_scale = 1.0
        for rule in chart.quadrant_lines:
            plot.addItem(rule_line(rule.value, 90 if rule.orientation == "v" else 0,
                                   pen(rule.colour, 1.2, rule.line), None, rule.colour, self.font_px))
        for mark in chart.quadrant_labels:
            anchor = (0.0 if mark.anchor == "left" else 1.0, 0.0 if mark.y >= chart.y_axis.hi else 1.0)
            t = text_item(mark.text, mark.colour, small_px(self.font_px), anchor, bold=mark.bold)
            t.setPos(mark.x, mark.y)
            plot.addItem(t)
            self._corner_items.append(t)
        bubbles = chart.bubbles
        # labels compete most valuable first, ties by id (as in the description)
        if bubbles:
            ids = np.array([b.id for b in bubbles], dtype=str)
            scores = np.fromiter((b.score for b in bubbles), float, len(bubbles))
            self._priority = np.lexsort((ids, -scores)).tolist()
        else:
            self._priority = []
        # sized once for the plot's current size (``_rescale`` redoes it on a resize)
        self._applied_scale = self._scale()
        self.scatter = pg.ScatterPlotItem(
            x=np.fromiter((b.x for b in bubbles), float, len(bubbles)),
            y=np.fromiter((b.y for b in bubbles), float, len(bubbles)),
            symbol=[symbol(b.shape) for b in bubbles], size=self._sizes(self._applied_scale),
            brush=[brush(b.colour, 0 if b.hollow else 170) for b in bubbles],
            pen=[pen(b.colour if b.hollow else "#000000", 2.2 if b.hollow else 0.8)
                 for b in bubbles],
            data=[b.id for b in bubbles], hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self._on_click)
        plot.addItem(self.scatter)
        _axes(plot, chart.x_axis, chart.y_axis)
        span = chart.x_axis.hi - chart.x_axis.lo
        plot.getViewBox().setRange(xRange=(chart.x_axis.lo - 0.03 * span,
                                           chart.x_axis.hi + 0.07 * span),
                                   yRange=(chart.y_axis.lo, chart.y_axis.hi), padding=0.04)
        self._rescale()

    def _sizes(self, scale: float) -> np.ndarray:
        """Marker diameters in px at ``scale``, in the chart's bubble order, in whole pairs
        of pixels: pyqtgraph renders one symbol per distinct size, so 5,000 bubbles of 20
        sizes draw 20 symbols per style, not 5,000."""
        bubbles = self.chart.bubbles if self.chart else ()
        d = 2.0 * scale * np.fromiter((b.radius for b in bubbles), float, len(bubbles))
        return np.maximum(2.0, 2.0 * np.round(d / 2.0))

    def _scale(self) -> float:
        """Actual plot size / the nominal size the description was laid out for."""
        if self.chart is None:
            return 1.0
        vb = self.getPlotItem().getViewBox()
        w, h = self.chart.nominal_plot
        s = min(vb.width() / w, vb.height() / h) if vb.width() > 10 else 1.0
        return max(0.8, min(1.25, s))

    def _label_px(self) -> int:
        """The labels' type (px) at the current scale; projector type stays ≥ 24 px."""
        px = (self.chart.font_px if self.chart else self.font_px) * self._applied_scale
        if self.chart is not None and self.chart.font_px >= 24:
            px = max(24.0, px)
        return max(8, int(round(px)))

    def _rescale(self, *args: object) -> None:
        if self.chart is None or self.scatter is None:
            return
        s = self._scale()
        if abs(s - getattr(self, "_applied_scale", 0.0)) > 0.02:
            self._applied_scale = s
            self.scatter.setSize(self._sizes(s))
        self._place_labels()

    def _pixel_box(self, item: pg.GraphicsObject) -> tuple[float, float, float, float]:
        """``item``'s box in the view box's pixels, y up (``labels.Box``)."""
        vb = self.getPlotItem().getViewBox()
        r = vb.mapFromScene(item.sceneBoundingRect()).boundingRect()
        h = vb.height()
        return (r.left(), h - r.bottom(), r.right(), h - r.top())

    def _place_labels(self) -> None:
        """Choose and draw the labels for the plot as it is now (see the class docstring).

        ``labels.place_labels`` in the view box's pixels: the bubbles' centres mapped
        through the view range, their drawn radii, each label's measured box, the corner
        texts kept free; other markers block a label over their whole radius.
        """
        chart = self.chart
        if chart is None or self.scatter is None:
            return
        plot = self.getPlotItem()
        vb = plot.getViewBox()
        bubbles = chart.bubbles
        w, h = vb.width(), vb.height()
        key = (w, h, tuple(map(tuple, vb.viewRange())), self._applied_scale, len(bubbles))
        if key == self._placed_for:  # a range change that changed nothing
            return
        self._placed_for = key
        f = font(self._label_px())
        radii = self._sizes(self._applied_scale) / 2.0
        if w < 10 or h < 10 or not bubbles:  # not laid out yet: the description's layout
            chosen = [(k, b.label_position) for k, b in enumerate(bubbles)
                      if b.label_position is not None]
        else:
            (x0, x1), (y0, y1) = vb.viewRange()
            order = self._priority
            xs = np.fromiter((bubbles[k].x for k in order), float, len(order))
            ys = np.fromiter((bubbles[k].y for k in order), float, len(order))
            px = ((xs - x0) / max(x1 - x0, 1e-12) * w).tolist()
            py = ((ys - y0) / max(y1 - y0, 1e-12) * h).tolist()
            rl = radii[order].tolist()
            # a label's box: its text's advance plus the text item's margins (measured once)
            self._measure.setFont(f)
            self._measure.setText("EK-000")
            sample = self._measure.textItem.boundingRect()
            fm = QFontMetricsF(f)
            extra, lh = sample.width() - fm.horizontalAdvance("EK-000"), sample.height()
            sizes = [(fm.horizontalAdvance(bubbles[k].label) + extra, lh)
                     for k in order[: 4 * MAX_LABELS]]  # only these compete (``place_labels``)
            positions = place_labels(
                list(zip(px, py)), sizes, rl, (w, h), max_labels=MAX_LABELS,
                obstacle_cap=math.inf, obstacle_margin=_RIM_MARGIN,
                blocked=[self._pixel_box(t) for t in self._corner_items])
            chosen = [(k, pos) for k, pos in zip(order, positions) if pos is not None]
        shown = set()
        self._labels = []
        for k, position in chosen:
            b = bubbles[k]
            item = self._label_items.get(b.id)
            if item is None:
                item = text_item(b.label, "#000000", self._label_px(), (0, 0))
                item.setPos(b.x, b.y)
                plot.addItem(item)
                self._label_items[b.id] = item
            item.setFont(f)
            item.setVisible(True)
            rect = item.textItem.boundingRect()
            ax, ay = _ANCHORS[position]
            gap = float(radii[k]) + 2.0  # as ``labels.label_box``
            if "_" in position:  # a diagonal: 0.7 of the gap each way
                gap *= 0.7
            dx = -gap / max(rect.width(), 1) if ax == 0.0 else (gap / max(rect.width(), 1) if ax == 1.0 else 0)
            dy = gap / max(rect.height(), 1) if ay == 1.0 else (-gap / max(rect.height(), 1) if ay == 0.0 else 0)
            if position in ("above", "below"):
                dx = 0.0
            if position in ("left", "right"):
                dy = 0.0
            item.setAnchor((ax + dx, ay + dy))
            self._labels.append((item, position, float(radii[k]), b.id))
            shown.add(b.id)
        for bid, item in self._label_items.items():
            if bid not in shown:
                item.setVisible(False)

    def _tip(self, x: float, y: float, data: object) -> str:
        b = next((b for b in self.chart.bubbles if b.id == data), None) if self.chart else None
        return f"{b.id} {b.title}" if b else str(data)

    def _on_click(self, item: object, points: object, event: object) -> None:
        pts = list(points)  # type: ignore[call-overload]
        if not pts:
            return
        bid = str(pts[0].data())
        if getattr(event, "double", lambda: False)():
            self.bubble_activated.emit(bid)
        else:
            self.bubble_clicked.emit(bid)


class FollowupPlot(PlotWidget):
    """Baseline, target band, likely target and measurements of one success criterion."""

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0) -> None:
        super().__init__(parent)
        self.font_px = font_px

    def set_chart(self, chart: FollowupChart) -> None:
        plot = self.getPlotItem()
        _base(plot, self.font_px)
        if chart.band:
            poly = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in chart.band]))
            poly.setBrush(brush(chart.band_colour, 200))
            poly.setPen(pen("#6BAED6", 1))
            poly.setZValue(-5)
            plot.addItem(poly)
        if chart.likely:
            plot.addItem(pg.PlotDataItem([p[0] for p in chart.likely], [p[1] for p in chart.likely],
                                         pen=pen(palette.PAIR[0], 2.5, "dashed")))
        for rule in chart.rules:
            plot.addItem(rule_line(rule.value, 90, pen(rule.colour, 1, rule.line), rule.label,
                                   rule.colour, small_px(self.font_px), 0.95))
        if chart.measurements:
            plot.addItem(pg.PlotDataItem(
                [m.x for m in chart.measurements], [m.y for m in chart.measurements],
                pen=pen("#000000", 2), symbol="o", symbolBrush=brush("#000000"),
                symbolSize=self.font_px * 0.8))
            for m in chart.measurements:
                t = text_item(m.label, "#000000", small_px(self.font_px), (0.5, 1.3))
                t.setPos(m.x, m.y)
                plot.addItem(t)
        if chart.baseline is not None:
            b = chart.baseline
            plot.addItem(pg.ScatterPlotItem(x=[b.x], y=[b.y], symbol="s", brush=brush("#FFFFFF"),
                                            pen=pen("#000000", 2), size=self.font_px))
            t = text_item(b.label, "#000000", small_px(self.font_px), (0.0, -0.3))
            t.setPos(b.x, b.y)
            plot.addItem(t)
        _axes(plot, chart.x_axis, chart.y_axis)
        plot.getViewBox().setRange(xRange=(chart.x_axis.lo, chart.x_axis.hi),
                                   yRange=(chart.y_axis.lo, chart.y_axis.hi), padding=0.03)


class ValueCurvePlot(PlotWidget):
    """The value curve with the budget frame and the recommended portfolio."""

    #: where the recommended portfolio's label may go, tried in order (TextItem anchors):
    #: below right, below left, then further below (under a concave curve there is room),
    #: right, left, above
    _LABEL_ANCHORS = ((-0.08, -0.35), (1.08, -0.35), (0.5, -0.7), (0.5, -1.5), (-0.08, -1.5),
                      (1.08, -1.5), (0.5, -2.5), (-0.08, -2.5), (1.08, -2.5), (0.5, -3.5),
                      (-0.15, 0.5), (1.15, 0.5), (1.08, 1.35), (-0.08, 1.35), (0.5, 1.6))

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0) -> None:
        super().__init__(parent)
        self.font_px = font_px
        self._label: pg.TextItem | None = None
        self._curve: list[tuple[float, float]] = []
        self._rules: list[float] = []
        self.getPlotItem().getViewBox().sigResized.connect(self._place_label_later)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_label_later()

    def _place_label_later(self, *args: object) -> None:
        QTimer.singleShot(0, self._place_label)  # once the layout has settled

    def _place_label(self, *args: object) -> None:
        """Put the recommended portfolio's label where it crosses neither the curve nor
        its points and stays inside the plot (the first such place of
        ``_LABEL_ANCHORS``), now that the plot has its size."""
        label = self._label
        if label is None:
            return
        vb = self.getPlotItem().getViewBox()
        inside = vb.sceneBoundingRect()
        if inside.width() < 10:
            return
        pts = [vb.mapViewToScene(pg.Point(x, y)) for x, y in self._curve]
        at = vb.mapViewToScene(label.pos())
        box = label.textItem.boundingRect()  # pixels: the text ignores the view's scale
        w, h = box.width(), box.height()
        rules = [vb.mapViewToScene(pg.Point(x, 0)).x() for x in self._rules]
        dot = self.font_px * 0.5

        def rect_at(anchor: tuple[float, float]) -> QRectF:
            return QRectF(at.x() - anchor[0] * w, at.y() - anchor[1] * h, w, h)

        def clear_of_curve(rect: QRectF) -> bool:
            return (not any(rect.adjusted(-dot, -dot, dot, dot).contains(p) for p in pts)
                    and not any(_crosses(rect, a, b) for a, b in zip(pts, pts[1:])))

        tests = (
            lambda r: clear_of_curve(r) and not any(r.left() <= x <= r.right() for x in rules),
            clear_of_curve,  # crossing the budget frame's rule is the lesser evil
            lambda r: True,
        )
        for ok in tests:
            for anchor in self._LABEL_ANCHORS:
                rect = rect_at(anchor)
                if inside.contains(rect) and ok(rect):
                    label.setAnchor(anchor)
                    return
        if label.textItem.textWidth() < 0 and " " in label.toPlainText():
            # nowhere inside the plot on one line (a long English label on a slide's
            # narrow plot): break it onto two lines and try again
            label.setTextWidth(w * 0.6)
            self._place_label()
            return
        label.setAnchor(self._LABEL_ANCHORS[0])

    def set_chart(self, chart: ValueCurveChart) -> None:
        plot = self.getPlotItem()
        _base(plot, self.font_px)
        self._label = None
        self._curve = [(p.x, p.y) for p in chart.points]
        self._rules = [rule.value for rule in chart.rules]
        plot.addItem(pg.PlotDataItem(
            [p.x for p in chart.points], [p.y for p in chart.points],
            pen=pen(chart.line_colour, 3), symbol="o", symbolBrush=brush(chart.line_colour),
            symbolPen=pen("#FFFFFF", 1), symbolSize=self.font_px * 0.7))
        for rule in chart.rules:
            plot.addItem(rule_line(rule.value, 90, pen(rule.colour, 1.5, rule.line), rule.label,
                                   rule.colour, small_px(self.font_px), 0.1))
        if chart.recommended is not None:
            r = chart.recommended
            plot.addItem(pg.ScatterPlotItem(x=[r.x], y=[r.y], symbol="d", brush=brush("#000000"),
                                            pen=pen("#FFFFFF", 1.5), size=self.font_px * 1.6))
            t = text_item(r.label, "#000000", self.font_px, self._LABEL_ANCHORS[0], bold=True)
            t.setPos(r.x, r.y)
            plot.addItem(t)
            self._label = t
        _axes(plot, chart.x_axis, chart.y_axis)
        plot.getViewBox().setRange(xRange=(chart.x_axis.lo, chart.x_axis.hi),
                                   yRange=(chart.y_axis.lo, chart.y_axis.hi), padding=0.03)
        self._place_label()


def _crosses(rect: QRectF, a: QPointF, b: QPointF) -> bool:
    """Whether the segment a→b passes through ``rect`` (sampled every 2 px)."""
    steps = max(1, int(max(abs(b.x() - a.x()), abs(b.y() - a.y())) / 2))
    return any(rect.contains(QPointF(a.x() + (b.x() - a.x()) * k / steps,
                                     a.y() + (b.y() - a.y()) * k / steps))
               for k in range(steps + 1))
