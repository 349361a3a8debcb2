"""A budget table in the finance department's form: rows of amounts per budget year.

A thin ``QAbstractTableModel`` over plain ``BudgetTableRow`` objects: the first column is
the row's label, then one column per value (budget year + 3 overslagsår, other years or
lines without a year when there are any, and the total — the caller decides).
Amounts are held in kr. and shown in 1.000 kr. (``formatting.format_thousands``); the sign
is the caller's (savings are negative, mindreudgifter). No database access here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.services.economics import BudgetTable
from app.services.formatting import currency_unit, format_number, format_thousands
from app.ui.labels import line_types

#: Row kinds, from least to most emphasised.
SECTION, LINE, SUBTOTAL, TOTAL = "section", "line", "subtotal", "total"

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2


@dataclass(frozen=True)
class BudgetTableRow:
    """One row: ``values`` in kr., one per value column (None = nothing there).

    ``unit`` "kr." shows 1.000 kr.; "fte" shows årsværk with one decimal."""

    label: str
    values: tuple[float | None, ...]
    kind: str = LINE
    note: str = ""  # tooltip, e.g. "afledt drift" or the financing source
    indent: int = 0
    unit: str = "kr."


class BudgetTableModel(QAbstractTableModel):
    """Label | value columns (e.g. 2027 … 2030, I alt), amounts in 1.000 kr."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[BudgetTableRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content -----------------------------------------------------------------------
    def set_table(self, headers: Sequence[str], rows: Sequence[BudgetTableRow]) -> None:
        """Replace the whole table (one model reset). ``headers``: the label column's
        header, then one per value column. Raises ``ValueError`` when a row's number of
        values does not match."""
        for row in rows:
            if len(row.values) != len(headers) - 1:
                raise ValueError(
                    f"row {row.label!r} has {len(row.values)} values for {len(headers) - 1} columns")
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return list(self._headers)

    def rows(self) -> list[BudgetTableRow]:
        """The rows shown, in order."""
        return list(self._rows)

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    @staticmethod
    def _value(row: BudgetTableRow, column: int) -> float | None:
        return row.values[column - 1] if 1 <= column <= len(row.values) else None

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
            if value is None:
                return ""
            return format_thousands(value) if row.unit == "kr." else format_number(value, 1)
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
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _label(key: str) -> str:
    return {
        # the words of the budget lines, the frames editor and the PDF (app.ui.labels)
        "anlaeg": line_types()["anlaeg"],
        "drift": line_types()["drift"],
        "unsplit": QCoreApplication.translate("BudgetTable", "Not split into anlæg/drift"),
        "derived_operating": QCoreApplication.translate("BudgetTable", "of which afledt drift"),
        "savings": QCoreApplication.translate("BudgetTable", "Savings (mindreudgifter)"),
        "net": QCoreApplication.translate("BudgetTable", "Net budget effect"),
        "unknown_benefit": QCoreApplication.translate(
            "BudgetTable", "Benefits of unstated kind (not in the net)"),
    }[key]


def budget_columns(table: BudgetTable) -> list[int | str]:
    """The value columns of an ``economics.BudgetTable``: its four years, then "other" and
    "none" only when they hold anything, then "total"."""
    cols: list[int | str] = list(table.years)
    for extra in ("other", "none"):
        if any(abs(row.get(extra, 0.0)) > 0.5 for row in table.rows.values()) or \
                abs(table.fte.get(extra, 0.0)) > 1e-9:
            cols.append(extra)
    return cols + ["total"]


def budget_headers(table: BudgetTable, columns: Sequence[int | str], currency: str = "DKK") -> list[str]:
    """Column headers: the unit (1.000 kr.), the years, other years, no year, total."""
    unit = currency_unit(currency)
    names = {"other": QCoreApplication.translate("BudgetTable", "Other years"), "none": QCoreApplication.translate("BudgetTable", "No year"),
             "total": QCoreApplication.translate("BudgetTable", "Total")}
    return [QCoreApplication.translate("BudgetTable", "1,000 {unit}").format(unit=unit)] + [
        names.get(c, str(c)) if isinstance(c, str) else str(c) for c in columns]


def budget_table_rows(table: BudgetTable, columns: Sequence[int | str], *,
                      financing: bool = True, fte: bool = True,
                      outside: BudgetTable | None = None,
                      outside_ids: Sequence[str] = ()) -> list[BudgetTableRow]:
    """The rows of the finance department's table (DESIGN §7): anlæg, drift, of which
    afledt drift, costs not split into anlæg/drift (only when there are any: a cost whose
    type the source did not give is never shown as drift), cash-releasing benefits
    (negative), net (bold total); then benefits of unstated kind (only when there are
    any; not budget-realisable, so apart from the net), the net by financing source, and
    internal time in årsværk (not cash, so apart from the sum).

    ``outside``: the table of ``outside_ids``, the mandatory initiatives financed outside
    the frame (DESIGN §7 "Mandatory"): under anlæg, drift and costs not split, a row "of
    which outside the frame" with their cost, which the frames do not hold, so a table
    against frames never looks over budget without saying why (none where they cost
    nothing)."""
    def values(row: dict[int | str, float]) -> tuple[float | None, ...]:
        return tuple(row.get(c, 0.0) for c in columns)

    def shown(key: str, of: BudgetTable = table) -> bool:
        return any(abs(v) > 0.005 for v in of.rows.get(key, {}).values())

    def of_which_outside(key: str) -> list[BudgetTableRow]:
        if outside is None or not outside_ids or not shown(key, outside):
            return []
        note = QCoreApplication.translate(
            "BudgetTable", "Mandatory initiatives financed outside the frame: {ids}. Their "
                           "cost is in the row above but uses none of the budget frames.").format(
            ids=", ".join(outside_ids))
        return [BudgetTableRow(QCoreApplication.translate("BudgetTable", "of which outside the frame"),
                               values(outside.rows[key]), note=note, indent=1)]

    rows = [
        BudgetTableRow(_label("anlaeg"), values(table.rows["anlaeg"])),
        *of_which_outside("anlaeg"),
        BudgetTableRow(_label("drift"), values(table.rows["drift"])),
        *of_which_outside("drift"),
        BudgetTableRow(_label("derived_operating"), values(table.rows["derived_operating"]),
                       indent=1, note=QCoreApplication.translate("BudgetTable", "Operating cost the initiative leaves behind")),
    ]
    if shown("unsplit"):
        rows.append(BudgetTableRow(_label("unsplit"), values(table.rows["unsplit"]),
                                   note=QCoreApplication.translate(
                                       "BudgetTable", "Costs the source gives without saying "
                                       "whether they are anlæg or drift (e.g. a whole-life "
                                       "cost)")))
        rows += of_which_outside("unsplit")
    rows += [
        BudgetTableRow(_label("savings"), values(table.rows["savings"]),
                       note=QCoreApplication.translate("BudgetTable", "Budgetrealiserbare gevinster, shown negative")),
        BudgetTableRow(_label("net"), values(table.rows["net"]), TOTAL),
    ]
    if shown("unknown_benefit"):
        rows.append(BudgetTableRow(_label("unknown_benefit"), values(table.rows["unknown_benefit"]),
                                   note=QCoreApplication.translate(
                                       "BudgetTable", "Benefits whose kind the source does not "
                                       "state: not counted as budgetrealiserbare gevinster")))
    if financing and table.financing:
        rows.append(BudgetTableRow(QCoreApplication.translate("BudgetTable", "By financing source"),
                                   tuple(None for _ in columns), SECTION))
        for source in sorted(table.financing, key=lambda s: (s == "", s.casefold())):
            label = source or QCoreApplication.translate("BudgetTable", "(no financing source)")
            rows.append(BudgetTableRow(label, values(table.financing[source]), indent=1))
    if fte and any(abs(v) > 1e-9 for v in table.fte.values()):
        rows.append(BudgetTableRow(QCoreApplication.translate("BudgetTable", "Internal time, årsværk"),
                                   values(table.fte), unit="fte", note=QCoreApplication.translate(
                                       "BudgetTable", "Internal working time is not cash: it counts "
                                       "against capacity, not the budget")))
    return rows
