"""Draws the row charts on a calendar or a grid: the heatmap (b) and the roadmap (c)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from app.services.charts import palette
from app.services.charts.heatmap import HeatmapChart
from app.services.charts.labels import text_size
from app.services.charts.lanes import min_lane_rows
from app.services.charts.model import LegendEntry
from app.services.charts.roadmap import RoadmapChart, pad_lanes, rows_fit
from app.ui.charts.style import (
    LocaleAxisItem, PlotWidget, apply_ticks, brush, darker, font, paint_swatch, pen, rule_line,
    small_px, style_plot, symbol, text_item,
)

#: labels of bars are drawn up to this many bars (beyond that: tooltips only)
ROADMAP_LABELS = 250


def _base(plot: pg.PlotItem, font_px: float, invert: bool = True) -> None:
    plot.clear()
    plot.invertY(invert)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    style_plot(plot, font_px)


class HeatmapPlot(PlotWidget):
    """The forvaltning × forvaltning matrix: filled cells with their counts."""

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0) -> None:
        super().__init__(parent)
        self.font_px = font_px
        self.getPlotItem().setMouseEnabled(x=False, y=False)

    def set_chart(self, chart: HeatmapChart) -> None:
        plot = self.getPlotItem()
        _base(plot, self.font_px)
        for cell in chart.cells:
            rect = QGraphicsRectItem(QRectF(cell.col, cell.row, 1, 1))
            rect.setBrush(brush(cell.fill))
            rect.setPen(pen("#000000" if cell.diagonal else "#999999", 2 if cell.diagonal else 1))
            plot.addItem(rect)
            t = text_item(str(cell.count) if cell.count else "·", cell.text_colour,
                          self.font_px * 1.05, (0.5, 0.5), bold=cell.count > 0)
            t.setPos(cell.col + 0.5, cell.row + 0.5)
            plot.addItem(t)
        plot.getAxis("left").setTicks(
            [[(i + 0.5, f"{h.name} ({h.code})") for i, h in enumerate(chart.rows)], []])
        # column codes below; when they would run into each other (many forvaltninger),
        # every other one above the matrix instead
        codes = [(i + 0.5, h.code) for i, h in enumerate(chart.cols)]
        widest = max((text_size(h.code, self.font_px)[0] for h in chart.cols), default=0.0)
        room = max(self.width() - 420, 300) / max(len(codes), 1)
        stagger = widest + 6 > room
        plot.showAxis("top", stagger)
        if stagger:
            plot.getAxis("top").setTicks([codes[1::2], []])
            plot.getAxis("bottom").setTicks([codes[0::2], []])
        else:
            plot.getAxis("bottom").setTicks([codes, []])
        plot.setLabel("bottom", chart.col_title)
        plot.setLabel("left", chart.row_title)
        n = max(1, len(chart.rows))
        # row and column swatches: the forvaltning's colour and shape
        plot.addItem(pg.ScatterPlotItem(
            x=[-0.25] * n + [i + 0.5 for i in range(n)], y=[i + 0.5 for i in range(n)] + [n + 0.25] * n,
            symbol=[symbol(h.shape) for h in chart.rows] * 2,
            brush=[brush(h.colour) for h in chart.rows] * 2, pen=pen("#000000", 1),
            size=self.font_px * 0.9))
        plot.getViewBox().setRange(xRange=(-0.5, n), yRange=(0, n + 0.5), padding=0.01)


def lane_name_px(font_px: float) -> float:
    """The height (px) a lane needs for its name on the axis: a line of ``font_px`` type
    and some air."""
    return QFontMetricsF(font(font_px)).height() * 1.2


def needed_lane_rows(lanes: object, room_px: float, font_px: float) -> float:
    """The lane height (rows) at which each of ``lanes`` (``lanes.Lane``) holds its name
    (``lane_name_px``) on a plot whose rows take ``room_px`` pixels (``lanes.min_lane_rows``;
    pad with the chart's ``pad_lanes``); 0 when there are none or no padding is enough."""
    heights = [lane.y1 - lane.y0 for lane in lanes]  # type: ignore[attr-defined]
    if not heights or room_px <= 0:
        return 0.0
    m = min_lane_rows(heights, lane_name_px(font_px) / room_px)
    return 0.0 if m is None else m


def name_lanes(axis: "LaneAxisItem", lanes: object, per_row: float, font_px: float,
               name: object) -> None:
    """Name on ``axis``, each beside a swatch of its colour and shape, the ``lanes`` at
    least a line of ``font_px`` type high at ``per_row`` pixels a row (``name(lane)``:
    the text)."""
    line = QFontMetricsF(font(font_px)).height()
    shown = [lane for lane in lanes if (lane.y1 - lane.y0) * per_row >= line * 0.98]  # type: ignore[attr-defined]
    axis.set_lanes([((lane.y0 + lane.y1) / 2, name(lane)) for lane in shown],  # type: ignore[operator]
                   {name(lane): (lane.colour, lane.shape) for lane in shown},  # type: ignore[operator]
                   font_px * 0.8)


class LaneAxisItem(LocaleAxisItem):
    """The left axis of a lane chart: each lane's name with a swatch of the lane's colour
    and shape before it, as in the legend, so a name and its colour are read together.

    ``set_lanes(ticks, swatches, px)``: the ticks (position, name) and, per name, the
    (colour, shape) of its swatch, ``px`` pixels square. The axis widens by the swatch
    (pyqtgraph sizes it from its widest text: ``_updateMaxTextSize``)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.swatches: dict[str, tuple[str, str]] = {}
        self.swatch_px = 0.0

    def set_lanes(self, ticks: list[tuple[float, str]], swatches: dict[str, tuple[str, str]],
                  px: float) -> None:
        self.swatches = dict(swatches)
        self.swatch_px = float(px)
        self.setTicks([ticks, []])

    def _room(self) -> float:
        return self.swatch_px * 1.5 if self.swatches else 0.0

    def _updateMaxTextSize(self, x: int) -> None:  # noqa: N802 - pyqtgraph's name
        super()._updateMaxTextSize(int(x + self._room()))

    def drawPicture(self, p: QPainter, axisSpec: object, tickSpecs: object,  # noqa: N802, N803
                    textSpecs: list[tuple[QRectF, int, str]]) -> None:
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
        size = self.swatch_px
        for rect, _flags, text in textSpecs:
            swatch = self.swatches.get(text)
            if swatch is None or size <= 0:
                continue
            width = QFontMetricsF(p.font()).horizontalAdvance(text)
            left = rect.right() - width  # the text is right-aligned in its rect
            paint_swatch(p, LegendEntry(text, swatch[0], "marker", swatch[1]),
                         left - size * 1.3, rect.center().y() - size / 2, size)


#: the z value of the roadmap's bar labels: above the year rules, the dependency arrows and
#: the bars (all at pyqtgraph's default 0), so no line runs through a label
LABEL_Z = 5.0


class RoadmapPlot(PlotWidget):
    """The Gantt chart: lanes, budget-year bands, bars, milestones, dependency arrows.

    Every lane is named on the left axis beside a swatch of its colour and shape: lanes
    too thin for their name at the plot's height are made taller (``pad_lanes`` by
    ``min_lane_rows``, again after a resize); only when even equal lanes could not hold
    their names one above the other are the thinnest left unnamed (zoom in for them).
    """

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0) -> None:
        super().__init__(parent, axisItems={"left": LaneAxisItem(orientation="left"),
                                            "bottom": LocaleAxisItem(orientation="bottom")})
        self.font_px = font_px
        self.source: RoadmapChart | None = None  # the chart as given (before padding)
        self.min_rows = 0.0  # the lane height (rows) the drawn chart was padded to
        self._drawing = False
        self.compact = False  # lanes labelled by code (the legend names them), for slides
        self._labels: list[pg.TextItem] = []
        self._band_labels: list[tuple[pg.TextItem, float]] = []
        self._band_rects: list[tuple[QGraphicsRectItem, tuple[float, float]]] = []
        self._header = 1.0
        self._zoomed = False  # the user zoomed or panned: a resize keeps the view
        vb = self.getPlotItem().getViewBox()
        vb.sigRangeChangedManually.connect(self._user_moved)
        vb.sigRangeChanged.connect(self._fit_labels)
        vb.sigResized.connect(self._fit_labels)

    def _user_moved(self, *args: object) -> None:
        self._zoomed = True

    def _fit_labels(self, *args: object) -> None:
        """Bar labels only while a row is tall enough to hold them (zoom in for more)."""
        vb = self.getPlotItem().getViewBox()
        (_x0, _x1), (y0, y1) = vb.viewRange()
        per_row = vb.height() / max(abs(y1 - y0), 1e-9)
        show = per_row >= small_px(self.font_px) * 1.05
        for t in self._labels:
            t.setVisible(show)
        if self._repad():
            return
        chart = self.__dict__.get("chart")
        if chart is not None:  # name only the lanes tall enough for their name
            self._name_lanes(chart, per_row)
        self._fit_band_names()
        self._fit_header()

    def _fit_band_names(self) -> None:
        """Each band's name when every one fits its band; else one name for the run of
        bands (``RoadmapChart.bands_label``), centred over it or, when wider, starting at
        its left end, kept inside the plot — so shown bands are always named."""
        vb = self.getPlotItem().getViewBox()
        (x0, x1), _y = vb.viewRange()
        per_day = vb.width() / max(x1 - x0, 1e-9)

        def width(t: pg.TextItem) -> float:  # the text's own width (no document margins)
            return QFontMetricsF(t.textItem.font()).horizontalAdvance(t.toPlainText())

        each = all(w * per_day >= width(t) + 6 for t, w in self._band_labels)
        for t, _w in self._band_labels:
            t.setVisible(each)
        group = self.__dict__.get("_bands_name")
        if group is None or not self._band_rects:
            return
        group.setVisible(not each)
        lo = min(a for _r, (a, _b) in self._band_rects)
        hi = max(b for _r, (_a, b) in self._band_rects)
        text_days = (width(group) + 6) / max(per_day, 1e-9)
        left = (lo + hi - text_days) / 2 if hi - lo >= text_days else lo
        left = max(x0, min(left, x1 - text_days))
        group.setPos(left, group.pos().y())

    def _header_rows(self) -> float:
        """Rows above the first lane that hold the band names (one line of label type
        and a little air, in pixels, whatever the number of lanes)."""
        chart = self.__dict__.get("chart")
        vb = self.getPlotItem().getViewBox()
        rows = max(chart.height, 1.0) if chart is not None else 1.0
        line = small_px(self.font_px) * 1.6
        if vb.height() < 3 * line:
            return 1.0
        return line * rows / (vb.height() - line)

    def _fit_header(self) -> None:
        """Keep the band names in their own header rows, above the first bar (and its
        label), also after a resize; the view keeps the user's zoom and pan otherwise."""
        chart = self.__dict__.get("chart")
        if chart is None or self.__dict__.get("_fitting") or not self._band_rects:
            return
        header = self._header_rows()
        if abs(header - self._header) < 0.02 * max(self._header, 0.1):
            return
        self._fitting = True
        try:
            self._header = header
            height = max(chart.height, 1.0)
            for rect, (x0, x1) in self._band_rects:
                rect.setRect(QRectF(x0, -header, x1 - x0, height + header))
            for t, _w in self._band_labels:
                t.setPos(t.pos().x(), -header)
            if self.__dict__.get("_bands_name") is not None:
                self._bands_name.setPos(self._bands_name.pos().x(), -header)
            vb = self.getPlotItem().getViewBox()
            if not self._zoomed:
                vb.setRange(xRange=(chart.x_axis.lo, chart.x_axis.hi),
                            yRange=(-header, height), padding=0.01)
        finally:
            self._fitting = False

    def lane_name(self, lane: object) -> str:
        """The name a lane gets on the axis: its code on a slide, else its name."""
        return (lane.code or lane.label) if self.compact else lane.label  # type: ignore[attr-defined]

    def _name_lanes(self, chart: RoadmapChart, per_row: float) -> None:
        name_lanes(self.getPlotItem().getAxis("left"), chart.lanes, per_row,  # type: ignore[arg-type]
                   self.font_px, self.lane_name)

    def needed_lane_rows(self, chart: RoadmapChart) -> float:
        """The lane height (rows) at which every lane of ``chart`` holds its name at the
        plot's present height (``needed_lane_rows``); 0 before the plot is laid out or
        when no padding is enough (then only the lanes that fit are named)."""
        vb = self.getPlotItem().getViewBox()
        band_line = small_px(self.font_px) * 1.6  # the header row of the band names
        room = vb.height() - band_line
        if room < 3 * band_line:
            return 0.0
        return needed_lane_rows(chart.lanes, room, self.font_px)

    def label_row_px(self) -> float:
        """The height (px) a row needs so that its bars' labels (a line of label type)
        neither touch the bars of the rows above and below nor each other."""
        return QFontMetricsF(font(small_px(self.font_px))).height()

    def lane_name_px(self) -> float:
        """The height (px) a lane needs for its name (``lane_name_px``)."""
        return lane_name_px(self.font_px)

    def room_px(self) -> float:
        """The plot's height (px) for the rows: the view box less the header row of the
        band names and the view's 1 % padding at either end (``_fit_header``)."""
        vb = self.getPlotItem().getViewBox()
        return vb.height() / 1.02 - small_px(self.font_px) * 1.6

    def chars_across(self, labels: list[str]) -> int:
        """How many characters of ``labels`` (the bars' labels to come) fit across the
        plot at the label type: the plot's width over the widest character of the
        labels per character (a label of eight or more characters, else any), for
        ``roadmap_chart(chars_across=…)``; 0 before the plot is laid out."""
        vb = self.getPlotItem().getViewBox()
        fm = QFontMetricsF(font(small_px(self.font_px)))
        sample = [t for t in labels if len(t) >= 8] or [t for t in labels if t] or ["0000"]
        per_char = max(fm.horizontalAdvance(t) / len(t) for t in sample)
        return max(0, int(vb.width() / 1.02 / per_char))

    def fits(self, chart: RoadmapChart) -> bool:
        """Whether ``chart`` shows here with every bar's label and every lane's name at
        the plot's present size (``roadmap.rows_fit``)."""
        return rows_fit(chart, self.room_px(), self.label_row_px(), self.lane_name_px())

    def _repad(self) -> bool:
        """After a resize: draw again when the lanes need another padding; True if drawn."""
        if self.source is None or self._drawing or self._zoomed:
            return False
        m = self.needed_lane_rows(self.source)
        if abs(m - self.min_rows) <= 0.02 * max(m, self.min_rows, 0.1):
            return False
        self._draw(self.source, m)
        return True

    def set_chart(self, chart: RoadmapChart) -> None:
        """Draw ``chart``, its thin lanes padded so that every lane holds its name."""
        self.source = chart
        self._zoomed = False
        self._draw(chart, self.needed_lane_rows(chart))

    def _draw(self, source: RoadmapChart, min_rows: float) -> None:
        self._drawing = True
        try:
            self.min_rows = min_rows
            self._draw_chart(pad_lanes(source, min_rows) if min_rows > 0 else source)
        finally:
            self._drawing = False
        self._fit_labels()

    def _draw_chart(self, chart: RoadmapChart) -> None:
        plot = self.getPlotItem()
        _base(plot, self.font_px)
        self._labels = []
        self._band_labels: list[tuple[pg.TextItem, float]] = []
        self._bands_name: pg.TextItem | None = None
        self.chart = chart
        dense = len(chart.bars) > ROADMAP_LABELS
        x_lo, x_hi = chart.x_axis.lo, chart.x_axis.hi
        height = max(chart.height, 1.0)
        self._band_rects: list[tuple[QGraphicsRectItem, tuple[float, float]]] = []
        self._header = header = self._header_rows()
        self._zoomed = False
        for band in chart.bands:
            rect = QGraphicsRectItem(QRectF(band.x0, -header, band.x1 - band.x0, height + header))
            rect.setBrush(brush(band.colour))
            rect.setPen(pen(band.colour, 0))
            rect.setZValue(-20)
            plot.addItem(rect)
            self._band_rects.append((rect, (band.x0, band.x1)))
            # the band's name in the header rows, its top at the top of the plot
            label = text_item(band.label, "#333333", small_px(self.font_px), (0.5, 0.0), bold=True)
            label.setPos((band.x0 + band.x1) / 2, -header)
            plot.addItem(label)
            self._band_labels.append((label, band.x1 - band.x0))
        if chart.bands and chart.bands_label:  # shown instead when a band's name does not fit
            self._bands_name = text_item(" " + chart.bands_label, "#333333",
                                         small_px(self.font_px), (0.0, 0.0), bold=True)
            self._bands_name.setPos(chart.bands[0].x0, -header)
            self._bands_name.setVisible(False)
            plot.addItem(self._bands_name)
        for i, lane in enumerate(chart.lanes):
            rect = QGraphicsRectItem(QRectF(x_lo, lane.y0, x_hi - x_lo, lane.y1 - lane.y0))
            rect.setBrush(brush(lane.colour, 18))
            rect.setPen(pen("#AAAAAA", 1))
            rect.setZValue(-10)
            plot.addItem(rect)
        for rule in chart.rules:
            plot.addItem(rule_line(rule.value, 90, pen(rule.colour, 1, rule.line), rule.label,
                                   rule.colour, small_px(self.font_px), 0.97))
        bars = [b for b in chart.bars if not b.milestone]
        if bars:
            plot.addItem(pg.BarGraphItem(
                x0=[b.x0 for b in bars], x1=[b.x1 for b in bars], y=[b.y for b in bars],
                height=0.56, brushes=[brush(b.colour) for b in bars],
                pens=[pen(palette.FLAG, 2.5, "dashed") if b.conflict
                      else pen(darker(b.colour), 1) for b in bars]))
        spots = [{"pos": (b.x0, b.y), "symbol": "d", "brush": brush(b.colour),
                  "pen": pen(palette.FLAG if b.conflict else "#000000", 2 if b.conflict else 1),
                  "size": self.font_px * (0.7 if dense else 1.2), "data": b.id}
                 for b in chart.bars if b.milestone]
        if spots:
            plot.addItem(pg.ScatterPlotItem(spots=spots))
        # the lane's shape at each bar start, so the forvaltning never rests on colour alone
        if not dense:
            plot.addItem(pg.ScatterPlotItem(
                x=[b.x0 for b in bars], y=[b.y for b in bars],
                symbol=[symbol(b.shape) for b in bars], brush=[brush("#FFFFFF") for b in bars],
                pen=pen("#000000", 1), size=self.font_px * 0.6))
        groups: dict[tuple[str, str], list[object]] = defaultdict(list)
        for a in chart.arrows:
            groups[(a.colour, a.line)].append(a)
        for (colour, line), arrows in groups.items():
            xs = np.empty(2 * len(arrows))
            ys = np.empty(2 * len(arrows))
            xs[0::2] = [a.x0 for a in arrows]  # type: ignore[attr-defined]
            xs[1::2] = [a.x1 for a in arrows]  # type: ignore[attr-defined]
            ys[0::2] = [a.y0 for a in arrows]  # type: ignore[attr-defined]
            ys[1::2] = [a.y1 for a in arrows]  # type: ignore[attr-defined]
            plot.addItem(pg.PlotDataItem(xs, ys, connect="pairs", pen=pen(colour, 2.0 if line != "solid" else 1.2, line)))
            plot.addItem(pg.ScatterPlotItem(
                x=xs[1::2], y=ys[1::2],
                symbol=["arrow_left" if a.x1 >= a.x0 else "arrow_right" for a in arrows],  # type: ignore[attr-defined]
                brush=brush(colour), pen=pen(colour, 1), size=self.font_px * 0.8))
        if not dense:
            for b in chart.bars:
                t = text_item(" " + b.label, "#000000", small_px(self.font_px), (0.0, 0.5))
                # on a white box one line high (no document margin, which would reach the
                # bars of the rows above and below), over the year rules and the arrows
                t.textItem.document().setDocumentMargin(0)
                t.updateTextPos()
                t.fill = brush("#FFFFFF")
                t.setZValue(LABEL_Z)
                t.setPos(b.x1, b.y)
                plot.addItem(t)
                self._labels.append(t)
        apply_ticks(plot.getAxis("bottom"), chart.x_axis.ticks)
        plot.setLabel("bottom", chart.x_axis.title)
        plot.getViewBox().setRange(xRange=(x_lo, x_hi), yRange=(-header, height), padding=0.01)
