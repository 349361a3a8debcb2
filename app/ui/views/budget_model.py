"""A budget table in the finance department's form: rows of amounts per budget year.

A thin ``QAbstractTableModel`` over plain ``BudgetTableRow`` objects: the first column is
the row's label, then one column per year (budget year + 3 overslagsår), then the total.
Amounts are held in kr. and shown in 1.000 kr. (``formatting.format_thousands``); the sign
is the caller's (savings are negative, mindreudgifter). No database access here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.services.formatting import format_thousands

#: Row kinds, from least to most emphasised.
SECTION, LINE, SUBTOTAL, TOTAL = "section", "line", "subtotal", "total"

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2


@dataclass(frozen=True)
class BudgetTableRow:
    """One row: ``values`` in kr., one per year column (None = nothing that year)."""

    label: str
    values: tuple[float | None, ...]
    kind: str = LINE
    note: str = ""  # tooltip, e.g. "afledt drift" or the financing source
    indent: int = 0

    @property
    def total(self) -> float | None:
        """The sum over the years, or None when every year is empty."""
        present = [v for v in self.values if v is not None]
        return sum(present) if present else None


class BudgetTableModel(QAbstractTableModel):
    """Label | year₀ … year₃ | total, in 1.000 kr."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._years: list[int] = []
        self._rows: list[BudgetTableRow] = []
        self._label_header = ""
        self._total_header = ""
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content -----------------------------------------------------------------------
    def set_table(
        self, years: Sequence[int], rows: Sequence[BudgetTableRow],
        label_header: str, total_header: str,
    ) -> None:
        """Replace the whole table (a wholesale change: one model reset)."""
        for row in rows:
            if len(row.values) != len(years):
                raise ValueError(f"row {row.label!r} has {len(row.values)} values for {len(years)} years")
        self.beginResetModel()
        self._years = list(years)
        self._rows = list(rows)
        self._label_header = label_header
        self._total_header = total_header
        self.endResetModel()

    def years(self) -> list[int]:
        """The year columns, in order."""
        return list(self._years)

    def rows(self) -> list[BudgetTableRow]:
        """The rows shown, in order."""
        return list(self._rows)

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._years) + 2

    def _value(self, row: BudgetTableRow, column: int) -> float | None:
        if 1 <= column <= len(self._years):
            return row.values[column - 1]
        return row.total

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return "    " * row.indent + row.label
            if row.kind == SECTION:
                return ""
            value = self._value(row, col)
            return "" if value is None else format_thousands(value)
        if role == SORT_ROLE:
            return row.label if col == 0 else self._value(row, col)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == 0:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.kind in (SECTION, SUBTOTAL, TOTAL):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and row.note:
            return row.note
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self._label_header
            if 1 <= section <= len(self._years):
                return str(self._years[section - 1])
            if section == len(self._years) + 1:
                return self._total_header
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
