"""The strategy and weights view (DESIGN §7 "Weights", §8): weights per budget year (draft →
adopted, locked; a change to adopted weights is a named what-if), the pairwise-comparison
workshop with CR live, the criteria with their scales and scoring guides, and the
strategic goals and external requirements. Every edit is one undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services import strategy
from app.services.changes import Changes, Kind
from app.ui.context import ViewContext
from app.ui.views.registry import register
from app.ui.views.weights_criteria import CriteriaTab
from app.ui.views.weights_data import load_weights
from app.ui.views.weights_goals import GoalsTab
from app.ui.views.weights_pairwise import PairwiseTab
from app.ui.views.weights_sets import WeightSetsTab

REFRESH_KINDS = (Kind.STRATEGY, Kind.WEIGHTS, Kind.SCENARIO, Kind.INITIATIVE)


class WeightsView(QWidget):
    """Tabs: weights, pairwise comparison, criteria, goals and requirements."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.picked: int | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.what_if = QLabel(self.tr("WHAT-IF"))
        self.what_if.setStyleSheet(
            "background: #ffe08a; color: #3d2c00; padding: 2px 8px; font-weight: 600;")
        self.weights_tab = WeightSetsTab(context)
        self.weights_tab.weight_set_picked.connect(self._pick)
        self.pairwise_tab = PairwiseTab(context, self.weights_tab.apply_weights)
        self.criteria_tab = CriteriaTab(context)
        self.goals_tab = GoalsTab(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.weights_tab, self.tr("Weights"))
        self.tabs.addTab(self.pairwise_tab, self.tr("Pairwise comparison"))
        self.tabs.addTab(self.criteria_tab, self.tr("Criteria and scoring guides"))
        self.tabs.addTab(self.goals_tab, self.tr("Goals and external requirements"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.what_if)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        context.changes.changed.connect(self._on_changes)
        self.refresh()

    def refresh(self) -> None:
        """Reload every tab from the portfolio."""
        scenario = self.context.scenario()
        with self.context.portfolio.read() as s:
            data = load_weights(s, scenario.name or None, self.picked)
            criteria = strategy.list_criteria(s)
            goals = strategy.list_goals(s)
            requirements = strategy.list_requirements(s)
        self.heading.setText(self.tr("Strategy and weights — {scenario}").format(
            scenario=scenario.name))
        self.what_if.setVisible(scenario.is_what_if)
        self.weights_tab.show_data(data)
        self.pairwise_tab.show_group(data.shown, data.rows)
        self.criteria_tab.show_criteria(criteria)
        self.goals_tab.show_rows(goals, requirements)

    def _pick(self, weight_set_id: int | None) -> None:
        self.picked = weight_set_id
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*REFRESH_KINDS):
            if changes.touches(Kind.SCENARIO):
                self.picked = None  # show the weights of the scenario now shown
            self.refresh()


def _title() -> str:
    return QCoreApplication.translate("Views", "Strategy and weights")


register("weights", _title, WeightsView, icon="weights.svg", order=30)
