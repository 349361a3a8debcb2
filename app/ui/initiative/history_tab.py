"""The initiative's audit history: who changed what, when, old → new (newest first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from app.services import formatting
from app.services.initiative_detail import AuditRow, InitiativeDetail
from app.ui.context import ViewContext
from app.ui.initiative.base import EditorTab

_Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    """Audit rows (``AuditRow``, or ``audit_log.LogRow``), newest first: when, who, what,
    [initiative,] field, old, new. ``show_initiative`` adds the initiative column for the
    portfolio-wide audit log (its rows carry ``initiative_id``)."""

    def __init__(self, parent: Any = None, *, show_initiative: bool = False) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.show_initiative = show_initiative
        self._labels: dict[str, str] | None = None

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def _columns(self) -> int:
        return 7 if self.show_initiative else 6

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._columns()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < self._columns():
            headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Field"),
                       self.tr("Old value"), self.tr("New value")]
            if self.show_initiative:
                headers.insert(3, self.tr("Initiative"))
            return headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) \
                or index.column() >= self._columns():
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            local = r.at.astimezone() if r.at.tzinfo else r.at
            action = {"create": self.tr("created"), "update": self.tr("changed"),
                      "delete": self.tr("deleted"), "event": self.tr("event")}.get(r.action, r.action)
            values = [f"{formatting.format_date(local.date())} {local:%H:%M}", r.user,
                      f"{action} {self.entity_label(r.entity)}"
                      + (f" ({r.context})" if r.context else ""),
                      r.field, r.old_value or "", r.new_value or ""]
            if self.show_initiative:
                values.insert(3, r.initiative_id)
            return values[index.column()]
        return None

    def entity_label(self, table: str) -> str:
        """What a changed row is, in the user's words (DESIGN §3): "initiative" → "tiltag";
        a table without a label is shown by its name. Built once per model (the UI is
        rebuilt when the language changes)."""
        if self._labels is not None:
            return self._labels.get(table, table)
        self._labels = {
            "initiative": self.tr("initiative"),
            "business_case_line": self.tr("business case line"),
            "assessment": self.tr("assessment"),
            "dependency": self.tr("dependency"),
            "decision": self.tr("decision"),
            "field_note": self.tr("field note"),
            "success_criterion": self.tr("success criterion"),
            "measurement": self.tr("measurement"),
            "criterion": self.tr("criterion"),
            "criterion_level": self.tr("scoring guide level"),
            "weight": self.tr("weight"),
            "weight_set": self.tr("weight set"),
            "pairwise_judgement": self.tr("pairwise comparison"),
            "org_unit": self.tr("organisational unit"),
            "strategic_goal": self.tr("strategic goal"),
            "external_requirement": self.tr("external requirement"),
            "scenario": self.tr("scenario"),
            "budget_frame": self.tr("budget frame"),
            "scenario_force": self.tr("forced choice"),
            "exclusion_group": self.tr("exclusion group"),
            "exclusion_member": self.tr("exclusion group member"),
            "portfolio_settings": self.tr("portfolio settings"),
            "portfolio": self.tr("portfolio"),
        }
        return self._labels.get(table, table)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class HistoryTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        QVBoxLayout(self).addWidget(self.table)

    def show_detail(self, detail: InitiativeDetail) -> None:
        self.model.set_rows(detail.history)
        for col, width in enumerate((130, 90, 260, 120, 200)):
            self.table.setColumnWidth(col, width)
