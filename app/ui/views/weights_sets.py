"""The weights tab: weight sets per budget year (draft → adopted, locked once adopted),
the criteria tree with each weight in percent and its share of the whole.

Editing a draft sets its percentages (undoable). Editing adopted weights never changes
them: it makes a named what-if scenario (logged) and shows it (DESIGN §7 "Weights").
Adoption locks the set and is deliberately not on the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import weights
from app.services.changes import Changes, Kind
from app.services.errors import UserError
from app.services.formatting import format_date, format_percent
from app.ui.context import ViewContext
from app.ui.views import weights_commands as commands
from app.ui.views.ranking_bars import criterion_colour
from app.ui.views.weights_data import WeightRow, WeightSetRow, WeightsData
from app.ui.widgets.number_edit import NumberDelegate

COL_NAME, COL_PERCENT, COL_SHARE = range(3)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: the leaf's position among the leaf criteria (its colour in the ranking's bars)
LEAF_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class ShareBarDelegate(QStyledItemDelegate):
    """The share of the total score as a bar in the criterion's colour (the colour the
    ranking's contribution bars use), the number on top."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        row = index.data(ROW_ROLE)
        leaf = index.data(LEAF_ROLE)
        if isinstance(row, WeightRow) and row.share and leaf is not None:
            rect = QRectF(option.rect.adjusted(3, 4, -3, -4))
            bar = QRectF(rect.left(), rect.top(), rect.width() * min(1.0, row.share), rect.height())
            colour = QColor(criterion_colour(leaf))
            colour.setAlpha(110)
            painter.fillRect(bar, colour)
        super().paint(painter, option, index)



def status_text(status: str) -> str:
    return {"draft": QCoreApplication.translate("WeightsTab", "draft"), "adopted": QCoreApplication.translate("WeightsTab", "adopted"), "what_if": QCoreApplication.translate("WeightsTab", "what-if")}.get(status, status)


def set_label(ws: WeightSetRow) -> str:
    """"2027 · Vægte 2027 · adopted 12.03.2026 (Økonomiudvalget)"."""
    text = f"{ws.budget_year} · {ws.name} · {status_text(ws.status)}"
    if ws.status == "adopted" and ws.adopted_on:
        text += " " + format_date(ws.adopted_on)
        if ws.adopted_by:
            text += f" ({ws.adopted_by})"
    return text


class WeightsTableModel(QAbstractTableModel):
    """Criterion | Weight % (editable) | Share of total %. ``weight_edited(key, percent)``
    is emitted for an edit; the model itself changes only when reloaded."""

    weight_edited = Signal(str, float)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WeightRow] = []
        self._leaf: list[int | None] = []
        self.editable = True
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[WeightRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        n = 0
        self._leaf = []
        for r in self._rows:
            self._leaf.append(None if r.is_group else n)
            n += 0 if r.is_group else 1
        self.endResetModel()

    def rows(self) -> list[WeightRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return "    " * r.depth + r.name
            if col == COL_PERCENT:
                return "–" if r.percent is None else format_percent(r.percent / 100, 1)
            if col == COL_SHARE:
                return "" if r.share is None else format_percent(r.share, 1)
        if role == Qt.ItemDataRole.EditRole and col == COL_PERCENT:
            return r.percent
        if role == ROW_ROLE:
            return r
        if role == LEAF_ROLE:
            return self._leaf[index.row()]
        if role == Qt.ItemDataRole.FontRole and r.is_group:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or index.column() != COL_PERCENT
                or not index.isValid() or not self.editable):
            return False
        if not isinstance(value, (int, float)) or value < 0:
            return False
        row = self._rows[index.row()]
        if row.percent is not None and abs(row.percent - float(value)) < 1e-9:
            return False
        self.weight_edited.emit(row.key, float(value))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_NAME: QCoreApplication.translate("WeightsTab", "Criterion"), COL_PERCENT: QCoreApplication.translate("WeightsTab", "Weight (within its group)"),
                COL_SHARE: QCoreApplication.translate("WeightsTab", "Share of total score")}.get(section)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = self.editable and index.column() == COL_PERCENT
        return base | Qt.ItemFlag.ItemIsEditable if editable else base


class WeightSetsTab(QWidget):
    """Pick a weight set; edit a draft; adopt it; a change to adopted weights → what-if."""

    weight_set_picked = Signal(object)  # weight set id

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: WeightsData | None = None
        self.sets = QComboBox()
        self.sets.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sets.activated.connect(self._picked)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.adopt_button = QPushButton(self.tr("Adopt…"))
        self.adopt_button.clicked.connect(self.adopt)
        self.draft_button = QPushButton(self.tr("New draft for next year"))
        self.draft_button.clicked.connect(self.new_draft)
        self.model = WeightsTableModel(self)
        self.model.weight_edited.connect(self.change_weight)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.delegate = NumberDelegate("value", self.table)
        self.delegate.refused.connect(
            lambda msg: self.context.dialogs.warn(self.tr("Not a number"), msg))
        self.table.setItemDelegateForColumn(COL_PERCENT, self.delegate)
        self.table.setItemDelegateForColumn(COL_SHARE, ShareBarDelegate(self.table))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PERCENT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SHARE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_SHARE, max(260, self.fontMetrics().horizontalAdvance(
            self.model.headerData(COL_SHARE, Qt.Orientation.Horizontal)) + 24))
        self.sums = QLabel()
        self.sums.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Weights:")))
        top.addWidget(self.sets, 1)
        top.addWidget(self.adopt_button)
        top.addWidget(self.draft_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sums)

    # -- data --------------------------------------------------------------------------
    def show_data(self, data: WeightsData) -> None:
        self.data = data
        self.sets.blockSignals(True)
        self.sets.clear()
        for ws in data.sets:
            self.sets.addItem(set_label(ws), ws.id)
        self.sets.setCurrentIndex(max(0, self.sets.findData(data.shown)))
        self.sets.blockSignals(False)
        self.model.editable = not self.context.readonly
        self.model.set_rows(data.rows)
        shown = self.shown_set()
        used = data.shown == data.scenario_set
        if shown is None:
            self.status.setText(self.tr("The portfolio has no weights yet."))
        elif shown.status == "adopted":
            self.status.setText(self.tr(
                "Adopted and locked. A change here makes a named what-if scenario, which is "
                "logged; the adopted weights stay as they are."))
        elif shown.status == "what_if":
            self.status.setText(self.tr("A what-if: changes are logged and affect only this scenario."))
        else:
            self.status.setText(self.tr(
                "Draft: edit the weights, then adopt them when each group sums to 100 %."))
        if not used and shown is not None:
            self.status.setText(self.status.text() + " " + self.tr(
                "(The scenario shown ranks with other weights.)"))
        self.adopt_button.setEnabled(bool(shown and shown.status == "draft" and not self.context.readonly))
        next_year = self._next_year()
        self.draft_button.setText(self.tr("New draft for {year}").format(year=next_year))
        self.draft_button.setEnabled(not self.context.readonly and next_year is not None)
        if data.problems:
            self.sums.setText("⚠ " + "; ".join(data.problems))
        else:
            self.sums.setText("✓ " + self.tr("Every group sums to 100 %."))

    def _next_year(self) -> int | None:
        """The first budget year after the shown set's without draft or adopted weights."""
        shown = self.shown_set()
        if self.data is None or shown is None:
            return None
        taken = {s.budget_year for s in self.data.sets if s.status in ("draft", "adopted")}
        year = shown.budget_year + 1
        while year in taken:
            year += 1
        return year

    def new_draft(self) -> bool:
        """Draft weights for the next free budget year, copied from the weights shown."""
        shown, year = self.shown_set(), self._next_year()
        if shown is None or year is None:
            return False
        if not commands.new_draft_weights(self.context, year, shown.id):
            return False
        new = next((w for w in (self.data.sets if self.data else [])
                    if w.budget_year == year and w.status == "draft"), None)
        if new is not None:
            self.weight_set_picked.emit(new.id)  # show the new draft, ready to edit
        return True

    def shown_set(self) -> WeightSetRow | None:
        if self.data is None:
            return None
        return next((s for s in self.data.sets if s.id == self.data.shown), None)

    def _picked(self, _index: int) -> None:
        self.weight_set_picked.emit(self.sets.currentData())

    # -- edits -------------------------------------------------------------------------
    def change_weight(self, key: str, percent: float) -> None:
        """Set one weight: in a draft or what-if directly; adopted → a named what-if."""
        self.apply_weights({key: percent})

    def apply_weights(self, changes: dict[str, float]) -> bool:
        """Apply percentages {key: percent} to the weights shown (see ``change_weight``)."""
        shown = self.shown_set()
        if shown is None:
            return False
        names = {r.key: r.name for r in self.model.rows()}
        described = ", ".join(f"{names.get(k, k)} {format_percent(v / 100, 1)}" for k, v in changes.items())
        if shown.status != "adopted":
            return commands.set_weight_percents(
                self.context, shown.id, changes,
                self.tr("Weights {name}: {changes}").format(name=shown.name, changes=described))
        name = self.context.dialogs.ask_text(
            self.tr("Make a what-if"),
            self.tr("The weights for {year} are adopted and locked. Name the what-if scenario "
                    "in which {changes} is tried:").format(year=shown.budget_year, changes=described),
            self.tr("What-if: {changes}").format(changes=described))
        if not name or not name.strip():
            return False
        return commands.make_what_if(self.context, name.strip(), changes) is not None

    def adopt(self) -> None:
        """Adopt the draft shown (locks it); asks who adopted it. Not undoable."""
        shown = self.shown_set()
        if shown is None or shown.status != "draft":
            return
        by = self.context.dialogs.ask_text(
            self.tr("Adopt weights"),
            self.tr("Adopting locks the weights for {year}; later changes become what-if "
                    "scenarios. Adopted by:").format(year=shown.budget_year),
            self.tr("Økonomiudvalget"))
        if by is None:
            return
        try:
            with self.context.portfolio.session(context=self.tr("Adopt weights {name}").format(
                    name=shown.name)) as s:
                weights.adopt(s, shown.id, adopted_by=by.strip())
        except UserError as exc:
            details = "\n".join(getattr(exc, "problems", []) or [])
            self.context.dialogs.warn(self.tr("The weights were not adopted"), str(exc), details)
            return
        self.context.changes.emit_changes(Changes.of(Kind.WEIGHTS))
