"""The portfolio's audit log (Revisionsspor): every change, who, when, what, old → new,
newest first, with a search field. Read-only; it follows the change broadcast."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.services import formatting
from app.services.audit_log import LogRow, load_log
from app.ui.context import ViewContext
from app.ui.views.registry import register

_Index = QModelIndex | QPersistentModelIndex
LIMIT = 5000


class AuditLogModel(QAbstractTableModel):
    """Rows of ``LogRow``; columns when, who, action, initiative, field, old, new."""

    COLUMNS = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[LogRow] = []

    def set_rows(self, rows: list[LogRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < self.COLUMNS:
            return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Initiative"),
                    self.tr("Field"), self.tr("Old value"), self.tr("New value"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) \
                or index.column() >= self.COLUMNS:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        local = r.at.astimezone() if r.at.tzinfo else r.at
        action = {"create": self.tr("created"), "update": self.tr("changed"),
                  "delete": self.tr("deleted"), "event": self.tr("event")}.get(r.action, r.action)
        what = f"{action} {r.entity}" + (f" ({r.context})" if r.context else "")
        return (f"{formatting.format_date(local.date())} {local:%H:%M}", r.user, what,
                r.initiative_id, r.field, r.old_value, r.new_value)[index.column()]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)


class AuditLogView(QWidget):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search user, initiative, field, value …"))
        self.search.textChanged.connect(self.reload)
        self.note = QLabel()
        self.model = AuditLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        context.changes.changed.connect(lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        with self.context.portfolio.read() as s:
            rows = load_log(s, text=self.search.text(), limit=LIMIT)
        self.model.set_rows(rows)
        for col, width in enumerate((120, 80, 300, 110, 120, 180)):
            self.table.setColumnWidth(col, width)
        self.note.setText(self.tr("{n} changes shown, newest first (at most {limit}).")
                          .replace("{n}", str(len(rows))).replace("{limit}", str(LIMIT)))


def _title() -> str:
    return QCoreApplication.translate("Views", "Audit log")


register("audit", _title, AuditLogView, icon="initiative.svg", order=95)
