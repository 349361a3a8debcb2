"""The dependency chart view: swimlanes per forvaltning, zoom and pan, select and open.

A click on an initiative opens it on the chart: its upstream (what it needs) and
downstream (what depends on it) are highlighted, the rest dimmed, and its card
(``InitiativeCard``: lead unit, phase, dates, cost, its direct links and flags) opens
under the chart, so the chains stay in sight while its facts are read (at a meeting
nobody has to leave the chart). "Open in editor" on the card, "Open initiative" in the
toolbar or a double click open it in the editor (``context.open_initiative``); × or a
click on an empty spot of the chart closes the card. Layout by order of execution or by
start date.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from app.services import dependencies as dep
from app.services.charts.dependency_chart import (
    NOMINAL_PLOT, DependencyChart, dependency_chart, group_lanes,
)
from app.services.snapshots import InitiativeRow, UnitInfo
from app.ui.charts.dependency_plot import DependencyPlot
from app.ui.charts.initiative_card import InitiativeCard
from app.ui.charts.panel import ChartPanel
from app.ui.charts.style import font, small_px


class DependencyPanel(ChartPanel):
    """Draws the dependency chart of plain rows; ``open_initiative`` opens one by id."""

    def __init__(self, dialogs: object | None = None, font_px: float = 13.0,
                 parent: QWidget | None = None, toolbar: bool = True,
                 open_initiative: Callable[[str], None] | None = None) -> None:
        super().__init__(dialogs, font_px, parent, toolbar)
        self.open_initiative = open_initiative
        self.plot = DependencyPlot(self.canvas, font_px)
        self.set_plot_widget(self.plot)
        self.mode_box = QComboBox(self)
        self.mode_box.addItem(self.tr("By order of execution"), "generation")
        self.mode_box.addItem(self.tr("By start date"), "date")
        self.controls.addWidget(QLabel(self.tr("Place initiatives:"), self))
        self.controls.addWidget(self.mode_box)
        self.fit_button = QPushButton(self.tr("Show all"), self)
        self.open_button = QPushButton(self.tr("Open initiative"), self)
        self.open_button.setEnabled(False)
        self.controls.addWidget(self.fit_button)
        self.controls.addWidget(self.open_button)
        self.info_label = QLabel(self.canvas)
        self.info_label.setFont(font(font_px))
        self.info_label.setWordWrap(True)
        self.canvas.layout().addWidget(self.info_label)  # type: ignore[union-attr]
        # under the canvas: not part of an exported image
        self.card = InitiativeCard(font_px, self, open_initiative)
        self.card.closed.connect(lambda: self.select(None))
        self.layout().addWidget(self.card)  # type: ignore[union-attr]
        self.currency = "DKK"  # of the card's cost; the view sets the portfolio's
        self._mode_chosen = False  # True once the user picks a layout
        self._relayout_pending = False
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._plot_resized)
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        self.fit_button.clicked.connect(self.plot.fit)
        self.open_button.clicked.connect(self._open_selected)
        self.plot.node_clicked.connect(self.select)
        self.plot.node_activated.connect(self.activate)
        self.plot.background_clicked.connect(lambda: self.select(None))
        self.rows: list[InitiativeRow] = []
        self.units: dict[int, UnitInfo] = {}
        self.report: dep.DependencyReport | None = None
        self.selected: str | None = None
        self.chart: DependencyChart | None = None
        self.what_if: str | None = None

    def set_data(self, rows: list[InitiativeRow], units: dict[int, UnitInfo]) -> None:
        """New portfolio data; keeps the selection when the initiative still exists."""
        self.rows, self.units = rows, units
        self.report = dep.analyse(rows, units)
        if not self._mode_chosen and self.report.graph.number_of_edges() == 0:
            # with no dependencies there is no order of execution: show the calendar
            self.mode_box.blockSignals(True)
            self.mode_box.setCurrentIndex(self.mode_box.findData("date"))
            self.mode_box.blockSignals(False)
        if self.selected not in self.report.graph:
            self.selected = None
        self.redraw(keep_range=False)

    def _mode_changed(self, _index: int) -> None:
        self._mode_chosen = True
        self.redraw(keep_range=False)

    def mode(self) -> str:
        return str(self.mode_box.currentData())

    def redraw(self, keep_range: bool = True) -> None:
        if self.report is None:
            return
        self.chart = dependency_chart(self.rows, self.units, mode=self.mode(),
                                      selected=self.selected, report=self.report,
                                      font_px=small_px(self.font_px), plot_px=self._plot_px())
        self.set_header(self.chart.title, "", self.what_if)
        from app.ui.charts.panels import coded_legend

        # a slide names a handful of lanes: the forvaltninger with the most initiatives
        # keep theirs, the rest share "Other units" (the legend lists their codes)
        shown = group_lanes(self.chart) if self.plot.compact else self.chart
        self.legend.set_entries(coded_legend(shown.legend, shown.lanes)
                                if self.plot.compact else shown.legend)
        self.set_notes(shown.notes)
        self.plot.set_chart(shown, keep_range=keep_range)
        self._show_selection()

    def _plot_px(self) -> tuple[float, float]:
        """The plot's size in pixels once it is laid out, else the nominal size."""
        vb = self.plot.getPlotItem().getViewBox()
        if vb.width() >= 200 and vb.height() >= 120:
            return (float(vb.width()), float(vb.height()))
        return NOMINAL_PLOT

    def _plot_resized(self) -> None:
        """Labels and edge routes are planned for the plot's size: plan again when it
        changed by more than a tenth (only charts with labels shown have routes)."""
        chart = self.chart
        if chart is None or not chart.labels_by_default or self._relayout_pending:
            return
        (w0, h0), (w1, h1) = chart.plot_px, self._plot_px()
        if abs(w1 - w0) > 0.1 * w0 or abs(h1 - h0) > 0.1 * h0:
            self._relayout_pending = True
            QTimer.singleShot(0, self._relayout)

    def _relayout(self) -> None:
        self._relayout_pending = False
        self.redraw(keep_range=False)

    def select(self, initiative_id: str | None) -> None:
        """Select ``initiative_id`` (None clears) and highlight its chains."""
        if self.report is None:
            return
        self.selected = initiative_id if initiative_id in self.report.graph else None
        self.redraw(keep_range=True)

    def activate(self, initiative_id: str) -> None:
        """Open ``initiative_id`` in the initiative editor."""
        if self.open_initiative is not None:
            self.open_initiative(initiative_id)

    def _open_selected(self) -> None:
        if self.selected:
            self.activate(self.selected)

    def _show_selection(self) -> None:
        self.open_button.setEnabled(self.selected is not None)
        row = next((r for r in self.rows if r.id == self.selected), None) if self.selected else None
        if row is None or self.report is None:
            self.card.hide()
            self.info_label.setText(self.tr(
                "Click an initiative to open it here with what it needs and what depends on "
                "it; double-click opens it in the editor. Drag to pan, scroll to zoom."))
            return
        self.info_label.setText(self.tr(
            "{id}: the initiatives it needs and those that depend on it are highlighted.").format(
            id=row.id))
        self.card.show_initiative(row, {r.id: r for r in self.rows}, self.report, self.currency)
