"""The goals and requirements tab: the local strategy's goals and the external requirements
(lov, fællesoffentlig strategi, KOMBIT, EU, økonomiaftale), listed and edited in place;
every edit, addition and deletion is one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import formatting
from app.services.formatting import DateFormatError
from app.services.strategy import GoalRow, RequirementRow
from app.ui.context import ViewContext
from app.ui.views import weights_commands as commands
from app.ui.widgets.choice_delegate import ChoiceDelegate

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1



def source_types() -> dict[str, str]:
    """Labels of the requirement source types (DESIGN §3)."""
    return {"law": QCoreApplication.translate("GoalsTab", "Law / executive order"), "joint_public": QCoreApplication.translate("GoalsTab", "Joint-public strategy"),
            "joint_municipal": QCoreApplication.translate("GoalsTab", "Joint-municipal / KOMBIT"), "eu": QCoreApplication.translate("GoalsTab", "EU"),
            "economy_agreement": QCoreApplication.translate("GoalsTab", "Economy agreement")}


class RowsModel(QAbstractTableModel):
    """A table over plain rows with named, optionally editable fields.

    ``edited(row, field, value)`` is emitted for an edit; the model changes when reloaded.
    """

    edited = Signal(object, str, object)

    def __init__(self, columns: Sequence[tuple[str, str]], editable: set[str],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)  # (field, header)
        self._editable = set(editable)
        self._rows: list[Any] = []
        self.readonly = False

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def field(self, column: int) -> str:
        return self._columns[column][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def _text(self, row: Any, field: str) -> str:
        value = getattr(row, field, None) if field != "count" else len(row.initiative_ids)
        if field == "source_type":
            return source_types().get(value, value or "")
        if field == "obliges_local_work":
            return QCoreApplication.translate("GoalsTab", "obliges") if value else ""
        if isinstance(value, date):
            return formatting.format_date(value)
        return "" if value is None else str(value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        field = self.field(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, field)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(row, field, None)
        if role == Qt.ItemDataRole.CheckStateRole and field == "obliges_local_work":
            return Qt.CheckState.Checked if row.obliges_local_work else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and field in ("title", "description", "source"):
            return getattr(row, field) or None
        if role == Qt.ItemDataRole.ToolTipRole and field == "count":
            return ", ".join(row.initiative_ids) or None
        if role == ROW_ROLE:
            return row
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.readonly:
            return False
        row = self._rows[index.row()]
        field = self.field(index.column())
        if field not in self._editable:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and field == "obliges_local_work":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, str):
            value = value.strip()
        if value == getattr(row, field):
            return False
        self.edited.emit(row, field, value)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return self._columns[section][1]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = self.field(index.column())
        if self.readonly or field not in self._editable:
            return base
        if field == "obliges_local_work":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable


class DateDelegate(QStyledItemDelegate):
    """Edits a date as text (31.12.2027, 2027-12-31); a date that does not exist is refused."""

    refused = Signal(str)

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        return QLineEdit(parent)

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText(formatting.format_date(value) if isinstance(value, date) else "")

    def setModelData(self, editor, model, index):  # noqa: N802
        text = editor.text().strip()
        try:
            value = formatting.parse_date(text) if text else None
        except DateFormatError as exc:
            self.refused.emit(str(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return view


class GoalsTab(QWidget):
    """Strategic goals above, external requirements below, each with Add and Delete."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.goals = RowsModel(
            [("code", QCoreApplication.translate("GoalsTab", "Code")), ("title", QCoreApplication.translate("GoalsTab", "Goal")), ("description", QCoreApplication.translate("GoalsTab", "Description")),
             ("count", QCoreApplication.translate("GoalsTab", "Initiatives"))], {"code", "title", "description"}, self)
        self.requirements = RowsModel(
            [("code", QCoreApplication.translate("GoalsTab", "Code")), ("title", QCoreApplication.translate("GoalsTab", "Requirement")), ("source_type", QCoreApplication.translate("GoalsTab", "Type")),
             ("source", QCoreApplication.translate("GoalsTab", "Source")), ("deadline", QCoreApplication.translate("GoalsTab", "Deadline")),
             ("obliges_local_work", QCoreApplication.translate("GoalsTab", "Obliges local work")), ("count", QCoreApplication.translate("GoalsTab", "Initiatives"))],
            {"code", "title", "source_type", "source", "deadline", "obliges_local_work"}, self)
        self.goals.edited.connect(
            lambda row, field, value: commands.edit_goal(self.context, row.id, {field: value}, row.code))
        self.requirements.edited.connect(
            lambda row, field, value: commands.edit_requirement(
                self.context, row.id, {field: value}, row.code))
        self.goals_view = _table(self.goals)
        self.requirements_view = _table(self.requirements)
        # long texts get a fixed share and a tooltip; the titles of requirements stretch
        gh = self.goals_view.horizontalHeader()
        gh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        gh.resizeSection(1, 320)
        gh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        rh = self.requirements_view.horizontalHeader()
        rh.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        rh.resizeSection(3, 220)
        self.requirements_view.setItemDelegateForColumn(2, ChoiceDelegate(source_types, self))
        dates = DateDelegate(self)
        dates.refused.connect(lambda msg: self.context.dialogs.warn(self.tr("Not a date"), msg))
        self.requirements_view.setItemDelegateForColumn(4, dates)
        self.buttons: list[QPushButton] = []
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._section(self.tr("Strategic goals"), self.goals_view,
                                         self.add_goal, self.delete_goal))
        splitter.addWidget(self._section(self.tr("External requirements"), self.requirements_view,
                                         self.add_requirement, self.delete_requirement))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _section(self, title: str, view: QTableView, add, delete) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        label = QLabel(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        top.addWidget(label, 1)
        for text, slot in ((self.tr("Add…"), add), (self.tr("Delete"), delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons.append(button)
            top.addWidget(button)
        layout.addLayout(top)
        layout.addWidget(view, 1)
        return box

    def show_rows(self, goals: list[GoalRow], requirements: list[RequirementRow]) -> None:
        for model in (self.goals, self.requirements):
            model.readonly = self.context.readonly
        self.goals.set_rows(goals)
        self.requirements.set_rows(requirements)
        for button in self.buttons:
            button.setEnabled(not self.context.readonly)

    @staticmethod
    def _next_code(prefix: str, rows: Sequence[Any]) -> str:
        taken = {r.code for r in rows}
        n = len(rows) + 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    def add_goal(self) -> bool:
        title = self.context.dialogs.ask_text(self.tr("New strategic goal"), self.tr("Goal:"))
        if not title or not title.strip():
            return False
        return commands.add_goal(self.context, self._next_code("M", self.goals.rows()), title.strip())

    def add_requirement(self) -> bool:
        title = self.context.dialogs.ask_text(self.tr("New external requirement"), self.tr("Requirement:"))
        if not title or not title.strip():
            return False
        return commands.add_requirement(
            self.context, self._next_code("K", self.requirements.rows()), title.strip(), "law")

    def _selected(self, view: QTableView) -> Any:
        rows = view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def delete_goal(self) -> bool:
        row = self._selected(self.goals_view)
        if row is None or not self.context.dialogs.ask(
                self.tr("Delete strategic goal"),
                self.tr("Delete {code} {title}? Its links to %n initiative(s) go with it.", "",
                        len(row.initiative_ids)).format(code=row.code, title=row.title)):
            return False
        return commands.delete_goal(self.context, row.id, row.code)

    def delete_requirement(self) -> bool:
        row = self._selected(self.requirements_view)
        if row is None or not self.context.dialogs.ask(
                self.tr("Delete external requirement"),
                self.tr("Delete {code} {title}? Its links to %n initiative(s) go with it.", "",
                        len(row.initiative_ids)).format(code=row.code, title=row.title)):
            return False
        return commands.delete_requirement(self.context, row.id, row.code)
