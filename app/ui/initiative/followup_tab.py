"""Follow-up: success criteria (baseline, pessimistic/likely/optimistic target, owner)
and their measurements, added and deleted through the undo stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from app.ui.commands.rows import AddRowCommand, DeleteRowCommand
from app.ui.context import ViewContext
from app.ui.initiative.base import EditorTab
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.number_edit import NumberEdit


def _num(v: float | None) -> str:
    return "" if v is None else formatting.format_number(v, 2).rstrip("0").rstrip(",.")


def _readonly_table() -> QTableWidget:
    t = QTableWidget()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    return t


class FollowUpTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.criteria = _readonly_table()
        self.criteria.itemSelectionChanged.connect(self._show_measurements)
        self.measurements = _readonly_table()
        crit_form_box = QGroupBox(self.tr("New success criterion"))
        form = QFormLayout(crit_form_box)
        self.name_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.baseline_edit = NumberEdit("value")
        self.targets = [NumberEdit("value") for _ in range(3)]
        self.target_date = DateEdit()
        self.owner_edit = QLineEdit()
        form.addRow(self.tr("Indicator"), self.name_edit)
        form.addRow(self.tr("Unit"), self.unit_edit)
        form.addRow(self.tr("Baseline"), self.baseline_edit)
        targets = QHBoxLayout()
        for edit, tip in zip(self.targets, (self.tr("pessimistic"), self.tr("likely"),
                                            self.tr("optimistic"))):
            edit.setPlaceholderText(tip)
            edit.refused.connect(self.refuse)
            targets.addWidget(edit)
        form.addRow(self.tr("Target"), targets)
        form.addRow(self.tr("Target date"), self.target_date)
        form.addRow(self.tr("Benefit owner"), self.owner_edit)
        self.add_criterion = QPushButton(self.tr("Add success criterion"))
        self.delete_criterion = QPushButton(self.tr("Delete success criterion"))
        form.addRow("", self.add_criterion)
        self.baseline_edit.refused.connect(self.refuse)
        meas_box = QGroupBox(self.tr("Measurements of the chosen criterion"))
        self.meas_date = DateEdit()
        self.meas_value = NumberEdit("value")
        self.meas_value.refused.connect(self.refuse)
        self.meas_value.setPlaceholderText(self.tr("Value"))
        self.meas_note = QLineEdit()
        self.meas_note.setPlaceholderText(self.tr("Note"))
        self.add_measurement = QPushButton(self.tr("Add measurement"))
        self.delete_measurement = QPushButton(self.tr("Delete measurement"))
        meas_row = QHBoxLayout()
        for w in (self.meas_date, self.meas_value, self.meas_note, self.add_measurement):
            meas_row.addWidget(w)
        meas_col = QVBoxLayout(meas_box)
        meas_col.addWidget(self.measurements, 1)
        meas_col.addLayout(meas_row)
        meas_col.addWidget(self.delete_measurement, 0, Qt.AlignmentFlag.AlignLeft)
        left = QVBoxLayout()
        left.addWidget(self.criteria, 1)
        left.addWidget(self.delete_criterion, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(meas_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(crit_form_box, 2)
        self.add_criterion.clicked.connect(self._add_criterion)
        self.delete_criterion.clicked.connect(self._delete_criterion)
        self.add_measurement.clicked.connect(self._add_measurement)
        self.delete_measurement.clicked.connect(self._delete_measurement)

    def show_detail(self, detail: InitiativeDetail) -> None:
        heads = [self.tr("Indicator"), self.tr("Unit"), self.tr("Baseline"),
                 self.tr("Target (pess. / likely / opt.)"), self.tr("Target date"),
                 self.tr("Benefit owner")]
        selected = self._selected_criterion()
        self.criteria.setColumnCount(len(heads))
        self.criteria.setHorizontalHeaderLabels(heads)
        self.criteria.setRowCount(len(detail.success_criteria))
        for r, sc in enumerate(detail.success_criteria):
            target = " / ".join(_num(sc[k]) or "–" for k in
                                ("target_pessimistic", "target_likely", "target_optimistic"))
            for c, text in enumerate((sc["name"], sc["unit_label"], _num(sc["baseline"]), target,
                                      formatting.format_date(sc["target_date"])
                                      if sc["target_date"] else "", sc["owner"])):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, sc["id"])
                self.criteria.setItem(r, c, item)
            if sc["id"] == selected or (selected is None and r == 0):
                self.criteria.setCurrentCell(r, 0)
        hh = self.criteria.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        writable = self.context.offers_edits
        for w in (self.add_criterion, self.delete_criterion, self.add_measurement,
                  self.delete_measurement):
            w.setEnabled(writable)
        self._show_measurements()

    def _selected_criterion(self) -> int | None:
        item = self.criteria.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _criterion(self, sc_id: int | None) -> dict[str, Any] | None:
        if self.detail is None:
            return None
        return next((s for s in self.detail.success_criteria if s["id"] == sc_id), None)

    def _show_measurements(self) -> None:
        sc = self._criterion(self._selected_criterion())
        rows = sc["measurements"] if sc else []
        self.measurements.setColumnCount(3)
        self.measurements.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Value"), self.tr("Note")])
        self.measurements.setRowCount(len(rows))
        for r, m in enumerate(rows):
            for c, text in enumerate((formatting.format_date(m["measured_on"]), _num(m["value"]),
                                      m["note"])):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m["id"])
                self.measurements.setItem(r, c, item)
        self.measurements.horizontalHeader().setStretchLastSection(True)

    def _add_criterion(self) -> None:
        if self.detail is None:
            return
        edits = [self.baseline_edit, *self.targets]
        bad = next((e.error for e in [*edits, self.target_date] if e.error), "")
        if bad:
            self.refuse(bad)
            return
        values = {"initiative_id": self.detail.id, "name": self.name_edit.text().strip(),
                  "unit_label": self.unit_edit.text().strip(),
                  "baseline": self.baseline_edit.value(),
                  "target_pessimistic": self.targets[0].value(),
                  "target_likely": self.targets[1].value(),
                  "target_optimistic": self.targets[2].value(),
                  "target_date": self.target_date.value(), "owner": self.owner_edit.text().strip()}
        if self.context.run(AddRowCommand(self.context.portfolio, "success_criterion", values,
                                          self.tr("Add success criterion"))):
            self.name_edit.clear()

    def _delete_criterion(self) -> None:
        sc = self._criterion(self._selected_criterion())
        if sc is None:
            return
        if sc["measurements"] and not self.context.dialogs.ask(
                self.tr("Delete success criterion"),
                self.tr("“{name}” has {n} measurements; they are deleted too and cannot be "
                        "restored by undo. Delete?").format(name=sc["name"],
                                                            n=len(sc["measurements"]))):
            return
        self.context.run(DeleteRowCommand(self.context.portfolio, "success_criterion", sc["id"],
                                          self.tr("Delete success criterion")))

    def _add_measurement(self) -> None:
        sc_id = self._selected_criterion()
        if sc_id is None:
            self.refuse(self.tr("Choose a success criterion first."))
            return
        if self.meas_date.error or self.meas_value.error:
            self.refuse(self.meas_date.error or self.meas_value.error)
            return
        values = {"success_criterion_id": sc_id, "measured_on": self.meas_date.value(),
                  "value": self.meas_value.value(), "note": self.meas_note.text().strip()}
        self.context.run(AddRowCommand(self.context.portfolio, "measurement", values,
                                       self.tr("Add measurement")))

    def _delete_measurement(self) -> None:
        item = self.measurements.currentItem()
        if item is None:
            return
        self.context.run(DeleteRowCommand(self.context.portfolio, "measurement",
                                          int(item.data(Qt.ItemDataRole.UserRole)),
                                          self.tr("Delete measurement")))
