"""Draws a ``StackedBarChart`` (balance panels, maturity profile, ranking with
contributions) and a ``ChartSet`` of them with pyqtgraph.

Each series is one ``BarGraphItem`` (plus a pattern overlay where the series has one);
segment values are printed inside a segment only when they fit at the current size
(re-checked when the plot is resized); the forvaltning's swatch sits left of each bar.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QWidget

from app.services.charts import model, palette
from app.ui.charts.style import (
    PlotWidget,
    small_px, apply_ticks, brush, pattern_brush, pen, style_plot, symbol, text_item,
)

BAR_HEIGHT = 0.64


class BarPlot(PlotWidget):
    """One horizontal stacked bar chart; ``set_chart`` draws a description."""

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0,
                 show_title: bool = False, compact: bool = False) -> None:
        super().__init__(parent)
        self.font_px = font_px
        self.show_title = show_title
        self.compact = compact  # label bars with their short code (narrow panels)
        plot = self.getPlotItem()
        plot.invertY(True)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        style_plot(plot, font_px)
        self.chart: model.StackedBarChart | None = None
        self._segment_texts: list[tuple[pg.TextItem, float, str]] = []
        self._total_texts: list[pg.TextItem] = []
        plot.getViewBox().sigResized.connect(self._fit_texts)

    def set_chart(self, chart: model.StackedBarChart) -> None:
        plot = self.getPlotItem()
        plot.clear()
        self._segment_texts = []
        self._total_texts = []
        self.chart = chart
        if self.show_title:
            plot.setTitle(chart.title, color="#000000", size=f"{int(self.font_px * 1.1)}px")
        axis = chart.value_axis
        span = max(axis.hi - axis.lo, 1e-12)
        pad_left = span * 0.04
        for si, series in enumerate(chart.series):
            segs = [(b.row, s) for b in chart.bars for s in b.segments if s.series == si]
            if not segs:
                continue
            ys = np.array([r for r, _s in segs], dtype=float)
            x0 = np.array([s.start for _r, s in segs])
            w = np.array([s.value for _r, s in segs])
            plot.addItem(pg.BarGraphItem(x0=x0, y=ys, width=w, height=BAR_HEIGHT,
                                         brush=brush(series.colour), pen=pen("#333333", 1)))
            overlay = pattern_brush(series.pattern, palette.text_on(series.colour))
            if overlay is not None:
                plot.addItem(pg.BarGraphItem(x0=x0, y=ys, width=w, height=BAR_HEIGHT,
                                             brush=overlay, pen=pen("#333333", 1)))
            for row, seg in segs:
                if not seg.text:
                    continue
                t = text_item(seg.text, palette.text_on(series.colour), small_px(self.font_px),
                              (0.5, 0.5))
                t.setPos(seg.start + seg.value / 2, row)
                plot.addItem(t)
                self._segment_texts.append((t, seg.value / span, seg.text))
        for b in chart.bars:
            end = sum(s.value for s in b.segments)
            if b.total_text:
                t = text_item(" " + b.total_text, "#000000", small_px(self.font_px), (0.0, 0.5))
                t.setPos(axis.lo + end if b.segments else axis.lo, b.row)
                plot.addItem(t)
                self._total_texts.append(t)
        marks = [b for b in chart.bars if b.marker_colour]
        if marks:
            plot.addItem(pg.ScatterPlotItem(
                x=[axis.lo - pad_left / 2] * len(marks), y=[b.row for b in marks],
                symbol=[symbol(b.marker_shape or model.SQUARE) for b in marks],
                brush=[brush(b.marker_colour or "#999999") for b in marks],
                pen=pen("#000000", 1), size=self.font_px * 0.9))
        left = plot.getAxis("left")
        left.setTicks([[(b.row, (b.code or b.label) if self.compact else b.label)
                        for b in chart.bars], []])
        apply_ticks(plot.getAxis("bottom"), axis.ticks)
        plot.setLabel("bottom", axis.title)
        n = max(1, len(chart.bars))
        plot.getViewBox().setRange(xRange=(axis.lo - pad_left, axis.hi + span * 0.25),
                                   yRange=(-0.6, n - 0.4), padding=0)
        self._fit_texts()

    def _fit_texts(self, *args: object) -> None:
        """Texts only where they fit: segment values inside wide segments, and totals and
        every category name only while a bar's row is as tall as the type."""
        vb = self.getPlotItem().getViewBox()
        width_px = max(1.0, vb.width())
        rows = max(1, len(self.chart.bars)) if self.chart is not None else 1
        per_row = vb.height() / rows
        tall = per_row >= small_px(self.font_px) * 1.1
        for item, fraction, text in self._segment_texts:
            item.setVisible(tall and fraction * width_px / 1.25
                            >= 0.68 * small_px(self.font_px) * len(text) + 4)
        for item in self._total_texts:
            item.setVisible(tall)
        if self.chart is not None:
            step = 1 if tall else int(small_px(self.font_px) * 1.1 / max(per_row, 1e-9)) + 1
            self.getPlotItem().getAxis("left").setTicks([[
                (b.row, (b.code or b.label) if self.compact else b.label)
                for b in self.chart.bars if b.row % step == 0], []])


class BarSetWidget(QWidget):
    """A ``ChartSet``: its charts in a grid of ``columns`` (each with its own title)."""

    def __init__(self, parent: QWidget | None = None, font_px: float = 13.0,
                 columns: int = 2) -> None:
        super().__init__(parent)
        self.font_px = font_px
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.plots: list[BarPlot] = []

    def set_charts(self, charts: tuple[model.StackedBarChart, ...]) -> None:
        while len(self.plots) < len(charts):
            p = BarPlot(self, self.font_px, show_title=True, compact=True)
            i = len(self.plots)
            self.grid.addWidget(p, i // self.columns, i % self.columns)
            self.plots.append(p)
        for p, chart in zip(self.plots, charts):
            p.set_chart(chart)
            p.setVisible(True)
        for p in self.plots[len(charts):]:
            p.setVisible(False)


def legend_of(charts: tuple[model.StackedBarChart, ...],
              units: bool = False) -> list[model.LegendEntry]:
    """The legend entries of several charts, each label once; ``units`` adds one entry per
    forvaltning bar ("BUF: Børne- og Ungeforvaltningen") for panels labelled by code."""
    seen: set[str] = set()
    out = []
    for c in charts:
        for e in c.legend:
            if e.label not in seen:
                seen.add(e.label)
                out.append(e)
    if units and charts:
        for b in charts[0].bars:
            if b.marker_colour and b.code:
                name = b.label if b.code == b.label else f"{b.code}: {b.label}"
                out.append(model.LegendEntry(name, b.marker_colour, "marker",
                                             b.marker_shape or model.SQUARE))
    return out

