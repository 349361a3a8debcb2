"""The initiatives of a selection as a Qt table model: whether each is in the recommended
portfolio (and why), forced in or out, its rank, cost and score, and whether the greedy
cut-off down the ranking takes it. Plain rows in, targeted ``dataChanged`` as results
arrive (a slider produces many), a reset only when the rows themselves change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.formatting import format_score, format_thousands

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2

(COL_STATUS, COL_FORCED, COL_RANK, COL_ID, COL_TITLE, COL_COST, COL_SCORE,
 COL_GREEDY) = range(8)
COLUMN_COUNT = 8

# status codes, in the order a user reads them; PENDING = no recommendation computed
RECOMMENDED, ALWAYS, MANDATORY, NOT_CHOSEN, NOT_SELECTABLE, BLOCKED, PENDING = (
    "recommended", "always", "mandatory", "not_chosen", "not_selectable", "blocked", "")
#: not selectable under yearly frames: it has cost lines, but without a budget year
NO_YEAR = "no_year"
#: statuses fixed before solving (the result does not change them)
FIXED_STATUSES = frozenset({NOT_SELECTABLE, NO_YEAR, BLOCKED})
#: symbols for the statuses (text goes with them; never colour alone)
SYMBOLS = {RECOMMENDED: "✔", ALWAYS: "■", MANDATORY: "⚑", NOT_CHOSEN: "○",
           NOT_SELECTABLE: "⊘", NO_YEAR: "⊘", BLOCKED: "⊘"}
IN_STATUSES = frozenset({RECOMMENDED, ALWAYS, MANDATORY})
#: the forced column shows a symbol (its tooltip and the editor say it in words)
FORCE_SYMBOLS = {"in": "⊕", "out": "⊖"}


def status_label(status: str) -> str:
    return {
        RECOMMENDED: QCoreApplication.translate("SelectionModel", "Recommended"),
        ALWAYS: QCoreApplication.translate("SelectionModel", "Always in"),
        MANDATORY: QCoreApplication.translate("SelectionModel", "Mandatory"),
        NOT_CHOSEN: QCoreApplication.translate("SelectionModel", "Not chosen"),
        NOT_SELECTABLE: QCoreApplication.translate("SelectionModel", "No cost"),
        NO_YEAR: QCoreApplication.translate("SelectionModel", "No year"),
        BLOCKED: QCoreApplication.translate("SelectionModel", "Blocked"),
    }.get(status, status)


def status_tip(status: str) -> str:
    return {
        RECOMMENDED: QCoreApplication.translate("SelectionModel", "Chosen by the optimisation within the frames"),
        ALWAYS: QCoreApplication.translate("SelectionModel", "Committed (approved or under way), forced in, or required "
                  "by something that is: always in, and it uses the frames"),
        MANDATORY: QCoreApplication.translate("SelectionModel", "Mandatory: in every selection"),
        NOT_CHOSEN: QCoreApplication.translate("SelectionModel", "Not in the recommended portfolio under these frames"),
        NOT_SELECTABLE: QCoreApplication.translate("SelectionModel", "Has no cost lines (for these frames), so it cannot be "
                          "weighed against the budget unless forced in"),
        NO_YEAR: QCoreApplication.translate(
            "SelectionModel", "Its cost lines have no budget year, so the yearly frames cannot "
            "weigh it; give them a year, or use one total frame"),
        BLOCKED: QCoreApplication.translate("SelectionModel", "Requires an initiative that is rejected"),
    }.get(status, "")


def force_labels() -> dict[Any, str]:
    """The choices of the forced column: value → label."""
    return {"": "–", "in": QCoreApplication.translate("SelectionModel", "Forced in"),
            "out": QCoreApplication.translate("SelectionModel", "Forced out")}


@dataclass(frozen=True)
class SelectionRow:
    """One initiative taking part. ``cost`` kr. (None = no cost lines); ``score`` 0..1;
    ``forced`` "in" | "out" | ""; ``note`` why it cannot be chosen, when it cannot."""

    id: str
    title: str
    rank: int
    score: float
    cost: float | None
    mandatory: bool
    committed: bool
    forced: str = ""
    status: str = PENDING
    greedy: bool = False
    note: str = ""


class SelectionTableModel(QAbstractTableModel):
    """Status | Forced | Rank | Id | Initiative | Cost | Score | Greedy.

    ``force_requested(id, mode)`` (mode "in", "out" or "") is emitted when the user sets
    the forced column; the model shows the change once the scenario is reloaded.
    """

    force_requested = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SelectionRow] = []
        self._pos: dict[str, int] = {}
        self.editable = True
        self.currency_unit = "kr."
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[SelectionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pos = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[SelectionRow]:
        return list(self._rows)

    def row_of(self, initiative_id: str) -> int | None:
        return self._pos.get(initiative_id)

    def show_result(self, selected: Iterable[str], greedy: Iterable[str],
                    always: Iterable[str]) -> None:
        """Mark which rows the recommendation and the greedy cut-off take; emits
        ``dataChanged`` for the rows whose status changed only."""
        sel, gre, alw = set(selected), set(greedy), set(always)
        changed: list[int] = []
        for i, r in enumerate(self._rows):
            if r.status in FIXED_STATUSES:
                status = r.status
            elif r.id in sel:
                status = ALWAYS if r.committed or (r.id in alw and not r.mandatory) else (
                    MANDATORY if r.mandatory else RECOMMENDED)
            else:
                status = NOT_CHOSEN
            new = replace(r, status=status, greedy=r.id in gre)
            if new != r:
                self._rows[i] = new
                changed.append(i)
        for i in changed:
            self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMN_COUNT - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                   Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
                                   SORT_ROLE])

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def _display(self, r: SelectionRow, col: int) -> str:
        if col == COL_STATUS:
            return f"{SYMBOLS[r.status]} {status_label(r.status)}" if r.status else "–"
        if col == COL_FORCED:
            return FORCE_SYMBOLS.get(r.forced, "")
        if col == COL_RANK:
            return str(r.rank)
        if col == COL_ID:
            return r.id
        if col == COL_TITLE:
            return r.title
        if col == COL_COST:
            return format_thousands(r.cost) if r.cost is not None else "–"
        if col == COL_SCORE:
            return format_score(r.score)
        if col == COL_GREEDY:
            return "✔" if r.greedy else ""
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.EditRole and col == COL_FORCED:
            return r.forced
        if role == ROW_ROLE:
            return r
        if role == SORT_ROLE:
            return {COL_STATUS: r.status not in IN_STATUSES, COL_FORCED: r.forced, COL_RANK: r.rank,
                    COL_ID: r.id, COL_TITLE: r.title.casefold(),
                    COL_COST: r.cost if r.cost is not None else -1.0, COL_SCORE: r.score,
                    COL_GREEDY: r.greedy}.get(col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_RANK, COL_COST, COL_SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_GREEDY, COL_FORCED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and r.status in IN_STATUSES:
            return QBrush(QColor("#E3F1E5"))
        if role == Qt.ItemDataRole.ForegroundRole and r.status in IN_STATUSES:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.FontRole and col == COL_STATUS and r.status in IN_STATUSES:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_STATUS:
                return r.note or status_tip(r.status)
            if col == COL_TITLE:
                return r.title
            if col == COL_FORCED:
                hint = QCoreApplication.translate(
                    "SelectionModel", "Double-click or right-click to force in or out")
                return (force_labels()[r.forced] + ". " + hint) if r.forced else hint
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != COL_FORCED
                or not self.editable or value not in ("", "in", "out", None)):
            return False
        r = self._rows[index.row()]
        mode = value or ""
        if mode == r.forced:
            return False
        self.force_requested.emit(r.id, mode)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_STATUS: QCoreApplication.translate("SelectionModel", "Recommendation"), COL_FORCED: QCoreApplication.translate("SelectionModel", "Forced"),
                    COL_RANK: QCoreApplication.translate("SelectionModel", "Rank"), COL_ID: QCoreApplication.translate("SelectionModel", "Id"),
                    COL_TITLE: QCoreApplication.translate("SelectionModel", "Initiative"),
                    COL_COST: QCoreApplication.translate("SelectionModel", "Cost\n1,000 {unit}").format(unit=self.currency_unit),
                    COL_SCORE: QCoreApplication.translate("SelectionModel", "Score\n0–100"),
                    COL_GREEDY: QCoreApplication.translate("SelectionModel", "Greedy")}.get(section)
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_GREEDY:
            return QCoreApplication.translate(
                "SelectionModel", "Taken by the greedy cut-off down the ranking (for comparison)")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_FORCED and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base
