"""The editor's first tab: title, description, units, phase, kind, audience, maturity,
dates, flags (mandatory, outside the frame, confidential), financing and note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.initiative_detail import InitiativeDetail
from app.ui import labels
from app.ui.context import ViewContext
from app.ui.initiative.base import CheckList, EditorTab, TextEdit
from app.ui.widgets.date_edit import DateEdit


def _choice_box(items: dict[str, str], blank: str | None = None) -> QComboBox:
    box = QComboBox()
    if blank is not None:
        box.addItem(blank, None)
    for code, label in items.items():
        box.addItem(label, code)
    return box


class GeneralTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.title_edit = QLineEdit()
        self.description_edit = TextEdit()
        self.description_edit.setMinimumHeight(70)
        self.description_edit.setMaximumHeight(140)
        self.lead_box = QComboBox()
        self.participants = CheckList()
        self.participants.setMinimumHeight(80)
        self.phase_box = _choice_box(labels.phases())
        self.kind_box = _choice_box(labels.kinds())
        self.audience_box = _choice_box(labels.audiences())
        self.maturity_box = _choice_box(labels.maturity_levels(), self.tr("(not set)"))
        self.start_edit = DateEdit()
        self.end_edit = DateEdit()
        self.mandatory_check = QCheckBox(self.tr("Mandatory"))
        self.outside_check = QCheckBox(self.tr("Financed outside the frame"))
        self.confidential_check = QCheckBox(self.tr("Confidential (left out of public outputs)"))
        self.financing_edit = QLineEdit()
        self.note_edit = TextEdit()
        self.note_edit.setMaximumHeight(70)

        left = QFormLayout()
        left.addRow(self.tr("Title"), self.title_edit)
        left.addRow(self.tr("Description"), self.description_edit)
        left.addRow(self.tr("Lead unit"), self.lead_box)
        left.addRow(self.tr("Participating units"), self.participants)
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right = QFormLayout()
        right.addRow(self.tr("Phase"), self.phase_box)
        right.addRow(self.tr("Kind"), self.kind_box)
        right.addRow(self.tr("Audience"), self.audience_box)
        right.addRow(self.tr("Maturity level"), self.maturity_box)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(self.end_edit)
        dates.addStretch(1)
        right.addRow(self.tr("Start – end"), dates)
        right.addRow(self.tr("Financing"), self.financing_edit)
        flags = QVBoxLayout()
        for check in (self.mandatory_check, self.outside_check, self.confidential_check):
            flags.addWidget(check)
        right.addRow("", flags)
        right.addRow(self.tr("Note"), self.note_edit)
        right_column = QVBoxLayout()
        right_column.addLayout(right)
        right_column.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addSpacing(16)
        row.addLayout(right_column, 2)

        self.title_edit.editingFinished.connect(
            lambda: self.set_field("title", self.title_edit.text().strip()))
        self.description_edit.editing_finished.connect(
            lambda: self.set_field("description", self.description_edit.toPlainText()))
        self.note_edit.editing_finished.connect(
            lambda: self.set_field("note", self.note_edit.toPlainText()))
        self.financing_edit.editingFinished.connect(
            lambda: self.set_field("financing", self.financing_edit.text().strip()))
        self.lead_box.activated.connect(
            lambda _i: self.set_field("lead_unit_id", self.lead_box.currentData()))
        self.participants.changed.connect(lambda ids: self.set_field("unit_ids", ids))
        for name, box in (("phase", self.phase_box), ("kind", self.kind_box),
                          ("audience", self.audience_box), ("maturity_level", self.maturity_box)):
            box.activated.connect(lambda _i, n=name, b=box: self.set_field(n, b.currentData()))
        for name, check in (("mandatory", self.mandatory_check),
                            ("outside_frame", self.outside_check),
                            ("confidential", self.confidential_check)):
            check.clicked.connect(lambda on, n=name: self.set_field(n, bool(on)))
        self.start_edit.committed.connect(lambda d: self.set_field("start_date", d))
        self.end_edit.committed.connect(lambda d: self.set_field("end_date", d))
        self.start_edit.refused.connect(self.refuse)
        self.end_edit.refused.connect(self.refuse)

    def show_detail(self, detail: InitiativeDetail) -> None:
        f = detail.fields
        self.title_edit.setText(f["title"])
        if self.description_edit.toPlainText() != f["description"]:
            self.description_edit.setPlainText(f["description"])
        if self.note_edit.toPlainText() != f["note"]:
            self.note_edit.setPlainText(f["note"])
        self.financing_edit.setText(f["financing"])
        self.lead_box.clear()
        self.lead_box.addItem(self.tr("(none)"), None)
        for unit in detail.units:
            self.lead_box.addItem(("    " if unit.parent_id else "") + unit.name, unit.id)
        self.lead_box.setCurrentIndex(max(0, self.lead_box.findData(f["lead_unit_id"])))
        self.participants.fill(
            [(u.id, u.name) for u in detail.units if u.id != f["lead_unit_id"]], set(f["unit_ids"]))
        for name, box in (("phase", self.phase_box), ("kind", self.kind_box),
                          ("audience", self.audience_box), ("maturity_level", self.maturity_box)):
            box.setCurrentIndex(max(0, box.findData(f[name])))
        self.mandatory_check.setChecked(bool(f["mandatory"]))
        self.outside_check.setChecked(bool(f["outside_frame"]))
        self.confidential_check.setChecked(bool(f["confidential"]))
        self.start_edit.set_value(f["start_date"])
        self.end_edit.set_value(f["end_date"])
