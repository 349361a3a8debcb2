"""The criteria tab: each criterion's scale, anchors and scoring guide (scoringsvejledning),
editable through the undo stack (one service call, one transaction per edit).

Ordinal criteria have five levels (0 ingen … 4 meget stor) whose guide says in absolute
terms what each level means; numeric criteria map a quantity to 0–1 between two anchors
(DESIGN §7 "Scales").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.strategy import CriterionRow
from app.ui.context import ViewContext
from app.ui.views import weights_commands as commands
from app.ui.widgets.number_edit import NumberEdit



def scale_text(c: CriterionRow) -> str:
    """A one-line description of a criterion's scale."""
    from app.services.formatting import format_number

    direction = QCoreApplication.translate("CriteriaTab", " (lower is better)") if c.lower_is_better else ""
    if c.kind == "numeric":
        unit = f" {c.unit_label}" if c.unit_label else ""
        return QCoreApplication.translate("CriteriaTab", "Numeric: {low}{unit} scores 0, {high}{unit} scores 100{direction}").format(
            low=format_number(c.anchor_low, 0), high=format_number(c.anchor_high, 0), unit=unit,
            direction=direction)
    if c.kind == "group":
        return QCoreApplication.translate("CriteriaTab", "Group of sub-criteria")
    return QCoreApplication.translate("CriteriaTab", "Five levels, 0 to 4{direction}").format(direction=direction)


class CommitTextEdit(QPlainTextEdit):
    """A text box that emits ``committed(text)`` when it loses focus with changed text."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = ""

    def set_saved_text(self, text: str) -> None:
        self._saved = text
        self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        if self.toPlainText() != self._saved:
            self._saved = self.toPlainText()
            self.committed.emit(self._saved)


class CriteriaTab(QWidget):
    """List of criteria on the left, the selected one's scale and guide on the right."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.criteria: list[CriterionRow] = []
        self.current: CriterionRow | None = None
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._row_changed)
        self.name = QLineEdit()
        self.name.editingFinished.connect(self._name_done)
        self.description = CommitTextEdit()
        self.description.setMaximumHeight(80)
        self.description.committed.connect(lambda t: self._edit({"description": t}))
        self.scale = QLabel()
        self.scale.setWordWrap(True)
        self.lower_better = QCheckBox(self.tr("Lower is better (e.g. risk)"))
        self.lower_better.clicked.connect(lambda on: self._edit({"lower_is_better": bool(on)}))
        self.anchor_low = NumberEdit("value")
        self.anchor_high = NumberEdit("value")
        self.unit_label = QLineEdit()
        for edit, field in ((self.anchor_low, "anchor_low"), (self.anchor_high, "anchor_high")):
            edit.committed.connect(lambda v, f=field: self._edit({f: v}))
            edit.refused.connect(lambda msg: self.context.dialogs.warn(self.tr("Not a number"), msg))
        self.unit_label.editingFinished.connect(
            lambda: self._edit({"unit_label": self.unit_label.text().strip()})
            if self.current and self.unit_label.text().strip() != self.current.unit_label else None)
        anchors = QHBoxLayout()
        anchors.addWidget(QLabel(self.tr("0 at")))
        anchors.addWidget(self.anchor_low)
        anchors.addWidget(QLabel(self.tr("100 at")))
        anchors.addWidget(self.anchor_high)
        anchors.addWidget(QLabel(self.tr("unit")))
        anchors.addWidget(self.unit_label)
        self.anchors = QWidget()
        self.anchors.setLayout(anchors)
        anchors.setContentsMargins(0, 0, 0, 0)
        self.levels = QTableWidget(5, 2)
        self.levels.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Scoring guide")])
        self.levels.setVerticalHeaderLabels(["0", "1", "2", "3", "4"])
        self.levels.setWordWrap(True)
        self.levels.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.levels.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.levels.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.levels.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.levels.itemChanged.connect(self._level_changed)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Scale:"), self.scale)
        form.addRow("", self.lower_better)
        form.addRow(self.tr("Anchors:"), self.anchors)
        self.form = form
        self.levels_label = QLabel(self.tr("Scoring guide:"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addLayout(form)
        rl.addWidget(self.levels_label)
        rl.addWidget(self.levels, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def show_criteria(self, criteria: list[CriterionRow]) -> None:
        """Show ``criteria`` (active ones), keeping the one selected when it still exists."""
        keep = self.current.id if self.current else None
        self.criteria = [c for c in criteria if c.active]
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.criteria:
            item = QListWidgetItem(c.name)
            item.setToolTip(scale_text(c))
            self.list.addItem(item)
        self.list.blockSignals(False)
        pos = next((i for i, c in enumerate(self.criteria) if c.id == keep), 0)
        if self.criteria:
            self.list.setCurrentRow(pos)
            self._row_changed(pos)

    def _row_changed(self, row: int) -> None:
        if not (0 <= row < len(self.criteria)):
            self.current = None
            return
        c = self.current = self.criteria[row]
        editable = not self.context.readonly
        self.name.setText(c.name)
        self.description.set_saved_text(c.description)
        self.scale.setText(scale_text(c))
        self.lower_better.setChecked(c.lower_is_better)
        numeric = c.kind == "numeric"
        self.form.setRowVisible(self.anchors, numeric)
        self.anchor_low.set_value(c.anchor_low)
        self.anchor_high.set_value(c.anchor_high)
        self.unit_label.setText(c.unit_label)
        self.levels.setVisible(not numeric)
        self.levels_label.setVisible(not numeric)
        self.levels.blockSignals(True)
        for lv in range(5):
            level = next((x for x in c.levels if x.level == lv), None)
            label = QTableWidgetItem(level.label if level else "")
            guide = QTableWidgetItem(level.guide if level else "")
            self.levels.setItem(lv, 0, label)
            self.levels.setItem(lv, 1, guide)
        self.levels.blockSignals(False)
        self.levels.resizeRowsToContents()
        # read-only text stays black (read on a projector), it is only not editable
        for w in (self.name, self.description, self.anchor_low, self.anchor_high, self.unit_label):
            w.setReadOnly(not editable)
        self.lower_better.setEnabled(editable)
        self.levels.setEditTriggers(
            (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
            if editable else QAbstractItemView.EditTrigger.NoEditTriggers)

    # -- edits -------------------------------------------------------------------------
    def _edit(self, values: dict) -> None:
        c = self.current
        if c is None:
            return
        if not commands.edit_criterion(self.context, c.id, values, c.name):
            self._row_changed(self.list.currentRow())  # refused: show what is stored

    def _name_done(self) -> None:
        if self.current and self.name.text().strip() != self.current.name:
            self._edit({"name": self.name.text().strip()})

    def _level_changed(self, item: QTableWidgetItem) -> None:
        c = self.current
        if c is None:
            return
        level, text = item.row(), item.text()
        kwargs = {"label": text} if item.column() == 0 else {"guide": text}
        if not commands.edit_level(self.context, c.id, level, c.name, **kwargs):
            self._row_changed(self.list.currentRow())
