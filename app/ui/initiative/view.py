"""The initiative editor view: choose an initiative, edit it in tabs (general, roles and
strategy, assessment, business case, dependencies, follow-up, decisions, history).
Every edit goes through the undo stack; the view reloads from the change broadcast."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes, Kind
from app.services.errors import UserError
from app.services.initiative_detail import initiative_ids, load_detail
from app.ui.context import ViewContext
from app.ui.initiative.assessment_tab import AssessmentTab
from app.ui.initiative.base import EditorTab
from app.ui.initiative.business_case_tab import BusinessCaseTab
from app.ui.initiative.decisions_tab import DecisionsTab
from app.ui.initiative.dependencies_tab import DependenciesTab
from app.ui.initiative.followup_tab import FollowUpTab
from app.ui.initiative.general_tab import GeneralTab
from app.ui.initiative.history_tab import HistoryTab
from app.ui.initiative.roles_tab import RolesTab
from app.ui.views.registry import register


class InitiativeView(QWidget):
    """See module docstring. ``set_initiative(id)`` shows another initiative."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.initiative_id: str | None = None
        self.chooser = QComboBox()
        self.chooser.setMinimumContentsLength(40)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setEditable(True)  # type to find one among thousands (id or title)
        self.chooser.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.chooser.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.chooser.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.chooser.activated.connect(lambda _i: self.set_initiative(self.chooser.currentData()))
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.empty = QLabel(self.tr("The portfolio has no initiatives yet. Add one in the "
                                    "portfolio table or import a spreadsheet."))
        self.tabs = QTabWidget()
        self.general = GeneralTab(context)
        self.roles = RolesTab(context)
        self.assessment = AssessmentTab(context)
        self.business_case = BusinessCaseTab(context)
        self.dependencies = DependenciesTab(context)
        self.followup = FollowUpTab(context)
        self.decisions = DecisionsTab(context)
        self.history = HistoryTab(context)
        self.tab_widgets: list[EditorTab] = [
            self.general, self.roles, self.assessment, self.business_case, self.dependencies,
            self.followup, self.decisions, self.history]
        for tab, title in zip(self.tab_widgets, (
                self.tr("General"), self.tr("Roles and strategy"), self.tr("Assessment"),
                self.tr("Business case"), self.tr("Dependencies"), self.tr("Follow-up"),
                self.tr("Decisions"), self.tr("History"))):
            self.tabs.addTab(tab, title)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Initiative")))
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        context.changes.changed.connect(self._on_changes)
        self._fill_chooser()
        if self.chooser.count():
            self.set_initiative(self.chooser.itemData(0))
        else:
            self._show_empty()

    def _fill_chooser(self) -> None:
        with self.context.portfolio.read() as s:
            items = initiative_ids(s)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for iid, title in items:
            self.chooser.addItem(f"{iid}  {title}", iid)
        if self.initiative_id is not None:
            self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.initiative_id)))
        self.chooser.blockSignals(False)

    def _show_empty(self) -> None:
        self.initiative_id = None
        self.heading.clear()
        self.tabs.hide()
        self.empty.show()

    def set_initiative(self, initiative_id: str | None) -> None:
        if initiative_id is None:
            self._show_empty()
            return
        try:
            with self.context.portfolio.read() as s:
                detail = load_detail(s, initiative_id)
        except UserError:  # deleted meanwhile (e.g. an undone creation)
            self._fill_chooser()
            first = self.chooser.itemData(0) if self.chooser.count() else None
            if first is not None and first != initiative_id:
                self.set_initiative(first)
            else:
                self._show_empty()
            return
        self.initiative_id = initiative_id
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(initiative_id)))
        self.heading.setText(f"{detail.id} — {detail.fields['title']}")
        self.empty.hide()
        self.tabs.show()
        for tab in self.tab_widgets:
            tab.load(detail)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.INITIATIVE):
            self._fill_chooser()
        if self.initiative_id is None:
            if self.chooser.count():
                self.set_initiative(self.chooser.itemData(0))
            return
        if (Kind.PORTFOLIO in changes.kinds or not changes.initiative_ids
                or self.initiative_id in changes.initiative_ids
                or changes.touches(Kind.STRATEGY, Kind.UNITS, Kind.WEIGHTS)):
            self.set_initiative(self.initiative_id)


def _title() -> str:
    return QCoreApplication.translate("Views", "Initiative")


register("initiative", _title, InitiativeView, icon="initiative.svg", order=20)
