"""Decisions on the initiative (outcome, forum, date, reason, conditions, departure from
the recommendation): recorded and deleted through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import formatting
from app.services.initiative_detail import InitiativeDetail
from app.ui import labels
from app.ui.commands.rows import AddRowCommand, DeleteRowCommand
from app.ui.context import ViewContext
from app.ui.initiative.base import EditorTab
from app.ui.widgets.date_edit import DateEdit


class DecisionsTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.delete_button = QPushButton(self.tr("Delete decision"))
        self.delete_button.clicked.connect(self._delete)
        form_box = QGroupBox(self.tr("Record a decision"))
        form = QFormLayout(form_box)
        self.date_edit = DateEdit()
        self.forum_box = QComboBox()
        for code, label in labels.forums().items():
            self.forum_box.addItem(label, code)
        self.outcome_box = QComboBox()
        for code, label in labels.outcomes().items():
            self.outcome_box.addItem(label, code)
        self.reason_edit = QLineEdit()
        self.conditions_edit = QLineEdit()
        self.departs_check = QCheckBox(self.tr("Departs from the recommendation"))
        self.record_button = QPushButton(self.tr("Record decision"))
        self.record_button.clicked.connect(self._record)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Forum"), self.forum_box)
        form.addRow(self.tr("Decision"), self.outcome_box)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("Conditions"), self.conditions_edit)
        form.addRow("", self.departs_check)
        form.addRow("", self.record_button)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(form_box, 2)

    def show_detail(self, detail: InitiativeDetail) -> None:
        heads = [self.tr("Date"), self.tr("Forum"), self.tr("Decision"), self.tr("Reason"),
                 self.tr("Conditions")]
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(detail.decisions))
        forums, outcomes = labels.forums(), labels.outcomes()
        for r, d in enumerate(detail.decisions):
            reason = d["reason"] + (" " + self.tr("(departs from the recommendation)")
                                    if d["departs_from_recommendation"] else "")
            for c, text in enumerate((formatting.format_date(d["decided_on"]),
                                      forums.get(d["forum"], d["forum"]),
                                      outcomes.get(d["outcome"], d["outcome"]), reason,
                                      d["conditions"])):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d["id"])
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        writable = self.context.offers_edits
        self.record_button.setEnabled(writable)
        self.delete_button.setEnabled(writable)

    def _record(self) -> None:
        if self.detail is None:
            return
        if self.date_edit.error or self.date_edit.value() is None:
            self.refuse(self.date_edit.error or self.tr("A decision needs a date."))
            return
        values = {
            "initiative_id": self.detail.id, "decided_on": self.date_edit.value(),
            "forum": self.forum_box.currentData(), "outcome": self.outcome_box.currentData(),
            "reason": self.reason_edit.text().strip(),
            "conditions": self.conditions_edit.text().strip(),
            "departs_from_recommendation": self.departs_check.isChecked(),
            "recorded_by": self.context.portfolio.user,
            "scenario_id": self.context.scenario().id,
        }
        if self.context.run(AddRowCommand(self.context.portfolio, "decision", values,
                                          self.tr("Record decision"))):
            self.reason_edit.clear()
            self.conditions_edit.clear()
            self.departs_check.setChecked(False)

    def _delete(self) -> None:
        item = self.table.currentItem()
        if item is None:
            return
        self.context.run(DeleteRowCommand(self.context.portfolio, "decision",
                                          int(item.data(Qt.ItemDataRole.UserRole)),
                                          self.tr("Delete decision")))
