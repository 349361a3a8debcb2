"""One panel per chart description: the plot in a ``ChartPanel`` with title, legend, notes.

``show(description)`` draws it. The same panels serve the main window's views (with the
export toolbar) and the presentation's slides (large type, no toolbar).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.services.charts.bubble import BubbleChart
from app.services.charts.followup import FollowupChart
from app.services.charts.heatmap import HeatmapChart
from app.services.charts.model import ChartSet, LegendEntry, StackedBarChart
from app.services.charts.ranking import ValueCurveChart
from app.services.charts.roadmap import RoadmapChart
from app.ui.charts.bars import BarPlot, BarSetWidget, legend_of
from app.ui.charts.grid_plots import HeatmapPlot, RoadmapPlot
from app.ui.charts.panel import ChartPanel
from app.ui.charts.style import font
from app.ui.charts.value_plots import BubblePlot, FollowupPlot, ValueCurvePlot


MAX_CODED = 10


def coded_legend(entries: tuple[LegendEntry, ...] | list[LegendEntry],
                 lanes: tuple[object, ...]) -> list[LegendEntry]:
    """Legend entries with the lane code before each forvaltning's name ("BUF: …"; not
    before "No lead unit" or "Other units", which are no forvaltning). With
    more than ``MAX_CODED`` lanes the forvaltninger are left out: each lane carries its
    code on the axis and a legend that long would not fit a slide."""
    code_of = {lane.label: lane.code for lane in lanes  # type: ignore[attr-defined]
               if getattr(lane, "code", "") and getattr(lane, "unit_id", None) is not None}
    if len(code_of) > MAX_CODED:
        return [e for e in entries if e.label not in code_of]
    return [LegendEntry(e.label if code_of[e.label] == e.label else f"{code_of[e.label]}: {e.label}",
                        e.colour, e.kind, e.shape, e.pattern, e.line)
            if e.label in code_of else e for e in entries]


class HeatmapPanel(ChartPanel):
    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.plot = HeatmapPlot(self.canvas, font_px)
        self.set_plot_widget(self.plot)

    def show_chart(self, chart: HeatmapChart, what_if: str | None = None) -> None:
        self.set_header(chart.title, "", what_if)
        self.legend.set_entries([
            LegendEntry(f"{h.code}: {h.name}", h.colour, "marker", h.shape) for h in chart.rows
        ])
        self.set_notes(chart.notes)
        self.plot.set_chart(chart)


class RoadmapPanel(ChartPanel):
    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.plot = RoadmapPlot(self.canvas, font_px)
        self.set_plot_widget(self.plot)

    def show_chart(self, chart: RoadmapChart, what_if: str | None = None) -> None:
        self.set_header(chart.title, "", what_if)
        self.legend.set_entries(coded_legend(chart.legend, chart.lanes) if self.plot.compact
                                else chart.legend)
        self.set_notes(chart.notes)
        self.plot.set_chart(chart)


class BubblePanel(ChartPanel):
    """The bubble chart; a click names the initiative, a double click opens it."""

    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True,
                 open_initiative: Callable[[str], None] | None = None) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.plot = BubblePlot(self.canvas, font_px)
        self.set_plot_widget(self.plot)
        self.open_initiative = open_initiative
        self.info_label = QLabel(self.canvas)
        self.info_label.setFont(font(font_px))
        self.info_label.setWordWrap(True)
        self.info_label.setVisible(toolbar)
        self.canvas.layout().addWidget(self.info_label)  # type: ignore[union-attr]
        self.plot.bubble_clicked.connect(self._describe)
        self.plot.bubble_activated.connect(self._open)
        self.chart: BubbleChart | None = None

    def show_chart(self, chart: BubbleChart, what_if: str | None = None) -> None:
        self.chart = chart
        self.set_header(chart.title, "", what_if)
        self.legend.set_entries(chart.legend)
        self.set_notes([chart.size_note, *chart.notes])
        self.plot.set_chart(chart)
        self.info_label.setText(self.tr("Click a bubble to see its numbers; double-click to "
                                        "open the initiative."))

    def _describe(self, initiative_id: str) -> None:
        from app.services.formatting import format_amount, format_score

        b = next((b for b in self.chart.bubbles if b.id == initiative_id), None) if self.chart else None
        if b is None:
            return
        cur = self.chart.currency  # the portfolio's: a GMPP portfolio is in GBP
        npv = format_amount(b.npv, cur) if b.npv is not None else "–"
        self.info_label.setText(self.tr("{id} {title}: cost {cost}, score {score}, NPV {npv}").format(
            id=b.id, title=b.title, cost=format_amount(b.cost, cur), score=format_score(b.score),
            npv=npv))

    def _open(self, initiative_id: str) -> None:
        if self.open_initiative is not None:
            self.open_initiative(initiative_id)


class BarsPanel(ChartPanel):
    """One ``StackedBarChart`` (maturity profile, ranking with contributions)."""

    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.plot = BarPlot(self.canvas, font_px)
        self.set_plot_widget(self.plot)

    def show_chart(self, chart: StackedBarChart, what_if: str | None = None) -> None:
        self.set_header(chart.title, chart.subtitle, what_if)
        self.legend.set_entries(chart.legend)
        self.set_notes(chart.notes)
        self.plot.set_chart(chart)


class BalancePanel(ChartPanel):
    """The four balance panels in a 2 × 2 grid with one legend."""

    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.plots = BarSetWidget(self.canvas, font_px)
        self.set_plot_widget(self.plots)

    def show_chart(self, chart_set: ChartSet, what_if: str | None = None) -> None:
        self.set_header(chart_set.title, "", what_if)
        self.legend.set_entries(legend_of(chart_set.charts, units=True))
        notes = [n for c in chart_set.charts[::2] for n in c.notes] + list(chart_set.notes)
        self.set_notes(notes, limit=6)
        self.plots.set_charts(chart_set.charts)


class FollowupPanel(ChartPanel):
    """The follow-up of one success criterion, chosen in a list of all of them."""

    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.plot = FollowupPlot(self.canvas, font_px)
        self.set_plot_widget(self.plot)
        self.chooser = QComboBox(self)
        self.controls.addWidget(QLabel(self.tr("Success criterion:"), self))
        self.controls.addWidget(self.chooser)
        self.status_label = QLabel(self.canvas)
        self.status_label.setFont(font(font_px * 1.1, bold=True))
        self.status_label.setWordWrap(True)
        self.canvas.layout().addWidget(self.status_label)  # type: ignore[union-attr]
        self.charts: list[FollowupChart] = []
        self.chooser.currentIndexChanged.connect(self._show_current)

    def show_charts(self, charts: list[FollowupChart], what_if: str | None = None) -> None:
        self.charts = charts
        current = self.chooser.currentIndex()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for c in charts:
            self.chooser.addItem(f"{c.subtitle.split(' ')[0]} · {c.title}")
        self.chooser.blockSignals(False)
        self.chooser.setEnabled(bool(charts))
        if not charts:
            self.set_header(self.tr("Follow-up"), self.tr(
                "No success criteria are recorded yet. Add them to an initiative under "
                "Follow-up to see baseline, target band and measurements here."))
            self.legend.set_entries([])
            self.set_notes([])
            self.status_label.setText("")
            self.plot.getPlotItem().clear()
            self.plot.setVisible(False)  # empty axes 0–1 only looked like a chart
            return
        self.plot.setVisible(True)
        self.chooser.setCurrentIndex(current if 0 <= current < len(charts) else 0)
        self._show_current()

    def _show_current(self, *args: object) -> None:
        i = self.chooser.currentIndex()
        if not (0 <= i < len(self.charts)):
            return
        chart = self.charts[i]
        self.set_header(chart.title, chart.subtitle)
        self.legend.set_entries(chart.legend)
        self.set_notes(chart.notes)
        self.status_label.setText(chart.status_text)
        self.plot.set_chart(chart)


class ValueCurvePanel(ChartPanel):
    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.plot = ValueCurvePlot(self.canvas, font_px)
        self.set_plot_widget(self.plot)

    def show_chart(self, chart: ValueCurveChart, what_if: str | None = None) -> None:
        self.set_header(chart.title, "", what_if)
        self.legend.set_entries(chart.legend)
        self.set_notes(chart.notes)
        self.plot.set_chart(chart)


__all__ = ["BalancePanel", "BarsPanel", "BubblePanel", "FollowupPanel", "HeatmapPanel",
           "RoadmapPanel", "ValueCurvePanel", "legend_of"]
