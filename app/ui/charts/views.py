"""The chart views of the main window (registered in ``app.ui.views.registry``).

Keys: dependencies, matrix, roadmap, bubble, balance, maturity, followup. Each view
reads plain data from ``context.portfolio`` through ``app.services.charts.sources``,
draws it with a panel of ``app.ui.charts``, and reloads when a change concerns it (only
when shown; a hidden view reloads the next time it is shown).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.services.changes import Changes, Kind
from app.services.charts import sources
from app.services.snapshots import load_initiatives, load_settings, load_units
from app.ui.charts.dependency_view import DependencyPanel
from app.ui.charts.panels import (
    BalancePanel, BarsPanel, BubblePanel, FollowupPanel, HeatmapPanel, RoadmapPanel,
)
from app.ui.views.registry import register

#: what each chart depends on (a change of one of these kinds reloads it)
DEPENDS_ON: dict[str, tuple[str, ...]] = {
    "dependencies": (Kind.INITIATIVE, Kind.DEPENDENCY, Kind.UNITS),
    "matrix": (Kind.INITIATIVE, Kind.DEPENDENCY, Kind.UNITS),
    "roadmap": (Kind.INITIATIVE, Kind.DEPENDENCY, Kind.UNITS, Kind.SCENARIO),
    "bubble": (Kind.INITIATIVE, Kind.UNITS, Kind.ASSESSMENT, Kind.BUSINESS_CASE, Kind.WEIGHTS,
               Kind.SCENARIO, Kind.STRATEGY),
    "balance": (Kind.INITIATIVE, Kind.UNITS, Kind.BUSINESS_CASE),
    "maturity": (Kind.INITIATIVE, Kind.UNITS),
    "followup": (Kind.INITIATIVE, Kind.FOLLOWUP),
}


class ChartView(QWidget):
    """A registered chart view: a panel plus loading and refreshing from the context."""

    key = ""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel = self.make_panel()
        layout.addWidget(self.panel)
        context.changes.changed.connect(self._on_changes)
        self.reload()

    def make_panel(self) -> QWidget:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def load(self, session: Any) -> None:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    def what_if(self) -> str | None:
        """The what-if scenario's name when the context shows one, else None."""
        info = self.context.scenario()
        return info.name if info.is_what_if else None

    def scenario_name(self) -> str | None:
        return self.context.scenario().name or None

    def reload(self) -> None:
        with self.context.portfolio.read() as session:
            self.load(session)
        self._dirty = False

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*DEPENDS_ON.get(self.key, (Kind.PORTFOLIO,))):
            self._dirty = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.reload()
        super().showEvent(event)


class DependencyView(ChartView):
    key = "dependencies"

    def make_panel(self) -> DependencyPanel:
        return DependencyPanel(self.context.dialogs, parent=self,
                               open_initiative=self.context.open_initiative)

    def load(self, session: Any) -> None:
        self.panel.currency = load_settings(session).currency  # type: ignore[attr-defined]
        self.panel.set_data(load_initiatives(session), load_units(session))  # type: ignore[attr-defined]


class MatrixView(ChartView):
    key = "matrix"

    def make_panel(self) -> HeatmapPanel:
        return HeatmapPanel(self.context.dialogs, parent=self)

    def load(self, session: Any) -> None:
        self.panel.show_chart(sources.chart(session, "matrix"))  # type: ignore[attr-defined]


class RoadmapView(ChartView):
    key = "roadmap"

    def make_panel(self) -> RoadmapPanel:
        return RoadmapPanel(self.context.dialogs, parent=self)

    def load(self, session: Any) -> None:
        self.panel.show_chart(sources.chart(session, "roadmap"))  # type: ignore[attr-defined]


class BubbleView(ChartView):
    key = "bubble"

    def make_panel(self) -> BubblePanel:
        return BubblePanel(self.context.dialogs, parent=self,
                           open_initiative=self.context.open_initiative)

    def load(self, session: Any) -> None:
        chart = sources.chart(session, "bubble", scenario=self.scenario_name())
        self.panel.show_chart(chart, self.what_if())  # type: ignore[attr-defined]


class BalanceView(ChartView):
    key = "balance"

    def make_panel(self) -> BalancePanel:
        return BalancePanel(self.context.dialogs, parent=self)

    def load(self, session: Any) -> None:
        self.panel.show_chart(sources.chart(session, "balance"))  # type: ignore[attr-defined]


class MaturityView(ChartView):
    key = "maturity"

    def make_panel(self) -> BarsPanel:
        return BarsPanel(self.context.dialogs, parent=self)

    def load(self, session: Any) -> None:
        self.panel.show_chart(sources.chart(session, "maturity"))  # type: ignore[attr-defined]


class FollowupView(ChartView):
    key = "followup"

    def make_panel(self) -> FollowupPanel:
        return FollowupPanel(self.context.dialogs, parent=self)

    def load(self, session: Any) -> None:
        self.panel.show_charts(sources.chart(session, "followup"))  # type: ignore[attr-defined]


register("dependencies", lambda: QCoreApplication.translate("ChartViews", "Dependencies"),
         DependencyView, order=70)
register("matrix", lambda: QCoreApplication.translate("ChartViews", "Dependency matrix"),
         MatrixView, order=71)
register("roadmap", lambda: QCoreApplication.translate("ChartViews", "Roadmap"),
         RoadmapView, order=72)
register("bubble", lambda: QCoreApplication.translate("ChartViews", "Value and cost"),
         BubbleView, order=73)
register("balance", lambda: QCoreApplication.translate("ChartViews", "Balance"),
         BalanceView, order=74)
register("maturity", lambda: QCoreApplication.translate("ChartViews", "Maturity"),
         MaturityView, order=75)
register("followup", lambda: QCoreApplication.translate("ChartViews", "Follow-up"),
         FollowupView, order=76)
