"""The ranked list as a Qt table model over plain ``RankingViewRow`` objects.

Columns are named constants; the sort role gives native values (numbers, not formatted
text); ``ROW_ROLE`` hands back the row; the contributions column gives the stacked bar its
numbers through ``CONTRIBUTIONS_ROLE``. Mandatory and incomplete initiatives are marked by
text and symbol, never by colour alone. Sorting happens in the model on precomputed keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services import formatting
from app.services.formatting import format_score, format_thousands, format_value_for_money
from app.ui.views.ranking_bars import CONTRIBUTIONS_ROLE

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2

(COL_RANK, COL_ID, COL_TITLE, COL_MARKS, COL_BAR, COL_SCORE, COL_VFM, COL_COST,
 COL_INTERVAL) = range(9)
COLUMN_COUNT = 9


#: Symbols marking mandatory and incomplete initiatives (never colour alone).
MANDATORY_MARK = "⚑"
INCOMPLETE_MARK = "◔"



def currency_unit(currency: str) -> str:
    """The currency as the output language writes it after an amount: "kr." for the
    Scandinavian kroner in Danish, the ISO code otherwise ("DKK" in English, "GBP");
    ``formatting.currency_unit`` in the current language."""
    return formatting.currency_unit(currency)


@dataclass(frozen=True)
class RankingViewRow:
    """One ranked initiative as the view shows it.

    ``contributions`` in criterion order (weight × score, summing to ``score``, 0..1);
    ``value_for_money`` is score per 1 mio. kr. of cost (None without cost); ``cost`` in
    kr.; ``rank_low``/``rank_high`` the 5th/95th percentile rank under random weights.
    """

    rank: int
    id: str
    title: str
    score: float
    contributions: tuple[float, ...]
    mandatory: bool
    complete: bool
    assessed: int = 0  # criteria with an agreed score
    criteria: int = 0  # criteria in the model
    value_for_money: float | None = None
    cost: float | None = None
    rank_low: int | None = None
    rank_high: int | None = None
    lead_department: str = ""


class RankingTableModel(QAbstractTableModel):
    """Rank | Id | Title | Marks | Contributions | Score | Value for money | Cost | Interval."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RankingViewRow] = []
        self._currency = "DKK"
        self._mandatory_brush = QBrush(QColor("#FFF1D6"))

    def set_rows(self, rows: Sequence[RankingViewRow], currency: str = "DKK") -> None:
        """Replace all rows (one reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._currency = currency
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def rows(self) -> list[RankingViewRow]:
        return list(self._rows)

    def set_intervals(self, intervals: dict[str, tuple[int, int]]) -> None:
        """Fill in rank intervals {id: (low, high)} (computed later); one ``dataChanged``
        over the interval column."""
        self._rows = [replace(r, rank_low=intervals[r.id][0], rank_high=intervals[r.id][1])
                      if r.id in intervals else r for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_INTERVAL), self.index(len(self._rows) - 1, COL_INTERVAL),
                                  [Qt.ItemDataRole.DisplayRole, SORT_ROLE])

    def row_of(self, initiative_id: str) -> int | None:
        """The row number of ``initiative_id`` in the current order, or None."""
        for i, row in enumerate(self._rows):
            if row.id == initiative_id:
                return i
        return None

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    @staticmethod
    def _marks(row: RankingViewRow) -> str:
        """Symbols (explained in the view's legend and in the tooltip)."""
        return " ".join(s for s, on in ((MANDATORY_MARK, row.mandatory),
                                         (INCOMPLETE_MARK, not row.complete)) if on)

    @staticmethod
    def _marks_tip(row: RankingViewRow) -> str:
        parts = []
        if row.mandatory:
            parts.append(MANDATORY_MARK + " " + QCoreApplication.translate("RankingModel", "Mandatory: ranks first and is in every selection"))
        if not row.complete:
            parts.append(INCOMPLETE_MARK + " " + QCoreApplication.translate("RankingModel", 
                "Incomplete: agreed scores on {n} of {m} criteria; a missing score counts 0").format(
                    n=row.assessed, m=row.criteria))
        return "\n".join(parts)

    def _display(self, row: RankingViewRow, col: int) -> str:
        if col == COL_RANK:
            return str(row.rank)
        if col == COL_ID:
            return row.id
        if col == COL_TITLE:
            return row.title
        if col == COL_MARKS:
            return self._marks(row)
        if col == COL_SCORE:
            return format_score(row.score)
        if col == COL_VFM:
            return format_value_for_money(row.value_for_money)
        if col == COL_COST:
            return format_thousands(row.cost) if row.cost is not None else "–"
        if col == COL_INTERVAL:
            if row.rank_low is None or row.rank_high is None:
                return "–"
            if row.rank_low == row.rank_high:
                return str(row.rank_low)
            return f"{row.rank_low}–{row.rank_high}"
        return ""

    def _sort_key(self, row: RankingViewRow, col: int) -> Any:
        keys: dict[int, Any] = {
            COL_RANK: row.rank, COL_ID: row.id, COL_TITLE: row.title.casefold(),
            COL_MARKS: (not row.mandatory, row.complete), COL_BAR: row.score,
            COL_SCORE: row.score,
            COL_VFM: row.value_for_money if row.value_for_money is not None else float("-inf"),
            COL_COST: row.cost if row.cost is not None else float("-inf"),
            COL_INTERVAL: (row.rank_low or 0, row.rank_high or 0),
        }
        return keys.get(col)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == ROW_ROLE:
            return row
        if role == CONTRIBUTIONS_ROLE and col == COL_BAR:
            return row.contributions
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_RANK, COL_SCORE, COL_VFM, COL_COST, COL_INTERVAL):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.mandatory and col in (COL_RANK, COL_MARKS):
            return self._mandatory_brush
        if role == Qt.ItemDataRole.ForegroundRole and row.mandatory and col in (COL_RANK, COL_MARKS):
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TITLE:
                return row.title
            if col == COL_MARKS:
                return self._marks_tip(row) or None
            if col == COL_INTERVAL:
                return QCoreApplication.translate("RankingModel", "Rank between the 5th and 95th percentile when all weights are "
                          "perturbed at random")
            if col == COL_VFM:
                return QCoreApplication.translate("RankingModel", "Score points per 1 m {unit} of cost").format(unit=currency_unit(self._currency))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = {
                COL_RANK: QCoreApplication.translate("RankingModel", "Rank"), COL_ID: QCoreApplication.translate("RankingModel", "Id"), COL_TITLE: QCoreApplication.translate("RankingModel", "Initiative"),
                COL_MARKS: "", COL_BAR: QCoreApplication.translate("RankingModel", "Contributions"), COL_SCORE: QCoreApplication.translate("RankingModel", "Score\n0–100"),
                COL_VFM: QCoreApplication.translate("RankingModel", "Value per\nm {unit}").format(unit=currency_unit(self._currency)), COL_COST: QCoreApplication.translate("RankingModel", "Cost\n1,000 {unit}").format(unit=currency_unit(self._currency)),
                COL_INTERVAL: QCoreApplication.translate("RankingModel", "Rank\n5–95 %"),
            }
            return headers.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                COL_SCORE: QCoreApplication.translate("RankingModel", "Total score, 0–100 = Σ weight × score"),
                COL_MARKS: QCoreApplication.translate("RankingModel", "⚑ mandatory, ◔ incomplete assessment"),
                COL_COST: QCoreApplication.translate("RankingModel", "Total cash cost, all years, in 1,000 {unit}").format(
                    unit=currency_unit(self._currency)),
                COL_VFM: QCoreApplication.translate("RankingModel", "Score points per 1 m {unit} of cost").format(unit=currency_unit(self._currency)),
                COL_INTERVAL: QCoreApplication.translate("RankingModel", "Rank between the 5th and 95th percentile when all weights are "
                                 "perturbed at random"),
            }
            return tips.get(section)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the precomputed key of ``column``; ties keep the rank order."""
        if not (0 <= column < COLUMN_COUNT):
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        keyed = sorted(old, key=lambda r: r.rank)
        keyed.sort(key=lambda r: self._sort_key(r, column),
                   reverse=order == Qt.SortOrder.DescendingOrder)
        persistent = self.persistentIndexList()
        pos = {id(r): i for i, r in enumerate(keyed)}
        self._rows = keyed
        new_indexes = [self.index(pos[id(old[p.row()])], p.column()) for p in persistent]
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()
