"""The business-case lines of one initiative as an editable table model.

The model never changes itself: ``setData`` emits ``edit_requested(row_id, field, new,
old)``; the tab turns that into an undo command, and the change broadcast reloads the
model. Amounts in kr.; display through ``app.services.formatting``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services import formatting
from app.ui import labels
from app.ui.tr import tr

_Index = QModelIndex | QPersistentModelIndex



#: (field, header, kind) — kind: year, choice:<labels fn>, text, amount, fte
COLUMNS: tuple[tuple[str, Callable[[], str], str], ...] = (
    ("flow", lambda: tr("Cost/benefit"), "fixed"),
    ("budget_year", lambda: tr("Budget year"), "year"),
    ("line_type", lambda: tr("Type"), "choice"),
    ("category", lambda: tr("Category"), "choice"),
    ("financing", lambda: tr("Financing"), "text"),
    ("amount_low", lambda: tr("Low"), "amount"),
    ("amount", lambda: tr("Likely"), "amount"),
    ("amount_high", lambda: tr("High"), "amount"),
    ("fte", lambda: tr("FTE"), "fte"),
    ("benefit_kind", lambda: tr("Benefit kind"), "choice"),
    ("beneficiary", lambda: tr("Beneficiary"), "choice"),
    ("giving_unit_id", lambda: tr("Giving unit"), "choice"),
)
FIELDS = [c[0] for c in COLUMNS]


class LinesModel(QAbstractTableModel):
    edit_requested = Signal(int, str, object, object)  # row id, field, new, old

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[dict[str, Any]] = []
        self.currency = "DKK"
        self.unit_names: dict[int, str] = {}
        self.editable = True

    def set_lines(self, lines: list[dict[str, Any]], currency: str,
                  unit_names: dict[int, str], editable: bool) -> None:
        self.beginResetModel()
        self.lines = [dict(ln) for ln in lines]
        self.currency = currency
        self.unit_names = unit_names
        self.editable = editable
        self.endResetModel()

    def choices(self, field: str) -> dict[Any, str]:
        """The values a choice column offers (code → label)."""
        if field == "line_type":  # "" = a source gave no type (an import's total)
            return {**labels.line_types(), "": tr("Not split")}
        if field == "category":
            return labels.categories()
        if field == "benefit_kind":
            return {None: "–", **labels.benefit_kinds()}
        if field == "beneficiary":
            return {None: "–", **labels.beneficiaries()}
        if field == "giving_unit_id":
            return {None: "–", **self.unit_names}
        return {}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]()
        return None

    def _display(self, field: str, kind: str, value: Any, line: dict[str, Any]) -> str:
        if value is None:
            return ""
        if field == "flow":
            return labels.flows().get(value, value)
        if kind == "choice":
            return str(self.choices(field).get(value, value))
        if kind == "amount":
            return formatting.format_amount(value, self.currency)
        if kind == "fte":
            return formatting.format_number(value, 2)
        return str(value)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines) or index.column() >= len(COLUMNS):
            return None
        field, _h, kind = COLUMNS[index.column()]
        line = self.lines[index.row()]
        value = line.get(field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(field, kind, value, line)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("amount", "fte", "year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return line.get("id")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.editable and COLUMNS[index.column()][2] != "fixed":
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        field = COLUMNS[index.column()][0]
        line = self.lines[index.row()]
        old = line.get(field)
        if field == "budget_year" and value is not None:
            value = int(value)
        if field == "financing":
            value = str(value or "").strip()
        if value != old:
            self.edit_requested.emit(int(line["id"]), field, value, old)
        return False  # the reload after the command shows the stored value
