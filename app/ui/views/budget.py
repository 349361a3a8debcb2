"""The budget view (DESIGN §7 "Business case", §8): the budget year and three overslagsår,
anlæg and drift apart (afledt drift shown), cash-releasing benefits negative
(mindreudgifter), by financing source, in 1.000 kr. — for the recommended portfolio, what
is committed, or all initiatives; summed, and per initiative with a totals row.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, QSignalBlocker, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import economics
from app.services.changes import Changes, Kind
from app.services.formatting import thousands_unit
from app.ui.context import ViewContext
from app.ui.views.budget_data import ALL, COMMITTED, RECOMMENDED, BudgetData, load_budget
from app.ui.views.budget_model import (
    LINE,
    ROW_ROLE,
    TOTAL,
    BudgetTableModel,
    BudgetTableRow,
    budget_columns,
    budget_headers,
    budget_table_rows,
)
from app.ui.views.registry import register

REFRESH_KINDS = (Kind.SCENARIO, Kind.WEIGHTS, Kind.STRATEGY, Kind.ASSESSMENT, Kind.INITIATIVE,
                 Kind.BUSINESS_CASE, Kind.DEPENDENCY)


def _table(model: BudgetTableModel, stretch_labels: bool = False) -> QTableView:
    """A budget table: amounts sized to their contents; the labels too (they are short and
    must be read whole), or stretched (initiative titles, cut with a tooltip)."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setMinimumSectionSize(view.fontMetrics().horizontalAdvance("-0.000") + 16)

    def label_mode() -> None:  # a section can get a mode only once it exists
        if model.columnCount() > 0 and stretch_labels:
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    model.modelReset.connect(label_mode)
    return view


class BudgetView(QWidget):
    """Which initiatives; the summed table; the per-initiative table and one's detail."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: BudgetData | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.what_if = QLabel(self.tr("WHAT-IF"))
        self.what_if.setStyleSheet(
            "background: #ffe08a; color: #3d2c00; padding: 2px 8px; font-weight: 600;")
        self.which = QComboBox()
        self.which.addItem(self.tr("The recommended portfolio"), RECOMMENDED)
        self.which.addItem(self.tr("Committed and mandatory initiatives"), COMMITTED)
        self.which.addItem(self.tr("All initiatives (not rejected or closed)"), ALL)
        # what the user asked for; the box shows what is shown (all initiatives when there
        # is no recommendation to show)
        self._wanted = RECOMMENDED
        self.which.currentIndexChanged.connect(self._chose)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.portfolio_model = BudgetTableModel(self)
        self.portfolio_table = _table(self.portfolio_model)
        self.per_model = BudgetTableModel(self)
        self.per_table = _table(self.per_model)
        self.per_table.selectionModel().selectionChanged.connect(self._picked)
        self.detail_label = QLabel()
        self.detail_model = BudgetTableModel(self)
        self.detail_table = _table(self.detail_model)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.what_if)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.which)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail_label)
        dl.addWidget(self.detail_table, 1)
        per = QWidget()
        pl = QVBoxLayout(per)
        pl.setContentsMargins(0, 0, 0, 0)
        self.per_label = self._bold("")
        pl.addWidget(self.per_label)
        pl.addWidget(self.per_table, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(per)
        lower.addWidget(detail)
        lower.setSizes([520, 560])
        lower.setStretchFactor(0, 0)  # a wider window widens the detail
        lower.setStretchFactor(1, 1)
        self.lower = lower
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        self.portfolio_label = self._bold("")
        ul.addWidget(self.portfolio_label)
        ul.addWidget(self.portfolio_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([330, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        context.changes.changed.connect(self._on_changes)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._fit_lower()  # the splitter's sizes are only real once it is shown

    def _chose(self, _index: int) -> None:
        self._wanted = self.which.currentData()
        self.refresh()

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def refresh(self) -> None:
        """Reload the budget of the chosen set of initiatives."""
        scenario = self.context.scenario()
        with self.context.portfolio.read() as s:
            data = load_budget(s, scenario.name or None, self._wanted)
        self.data = data
        with QSignalBlocker(self.which):  # not a choice of the user's
            self.which.setCurrentIndex(self.which.findData(data.which))
        self.heading.setText(self.tr("Budget — {scenario}").format(scenario=data.scenario))
        self.what_if.setVisible(data.is_what_if)
        notes = {
            RECOMMENDED: self.tr("The recommended portfolio of the scenario: {n} initiatives."),
            COMMITTED: self.tr("Initiatives already committed (approved or under way) and the "
                               "mandatory ones: {n}."),
            ALL: self.tr("All {n} initiatives that are not rejected or closed."),
        }
        text = notes[data.which].format(n=len(data.initiatives))
        if data.no_budget:
            text = self.tr(
                "No recommendation: the scenario “{scenario}” has no budget frame; set one in "
                "the Recommendation view.").format(scenario=data.scenario) + " " + text
        elif data.note:
            text = self.tr("No recommendation ({reason}).").format(reason=data.note) + " " + text
        unit = thousands_unit(data.currency)  # "1.000 kr." / "1,000 DKK"
        self.note.setText(text + " " + self.tr(
            "Amounts in {unit}, {prices}; savings are negative.").format(
            unit=unit, prices=data.prices))
        self.per_label.setText(self.tr("Per initiative: net budget effect ({unit})").format(
            unit=unit))
        cols = budget_columns(data.portfolio)
        for b in data.initiatives:  # another initiative may need "other years" / "no year"
            for c in budget_columns(b.table):
                if c not in cols:
                    cols.insert(len(cols) - 1, c)
        headers = budget_headers(data.portfolio, cols, data.currency)
        self.portfolio_label.setText(self.tr("Summed over the {n} initiatives").format(
            n=len(data.initiatives)))
        # what the frames do not hold, under anlæg/drift, as the recommendation view has it
        outside = list(data.outside_frame)
        self.portfolio_model.set_table(headers, budget_table_rows(
            data.portfolio, cols, outside=economics.budget_table(
                [ln for i in outside for ln in data.lines.get(i, [])], data.portfolio.years[0]),
            outside_ids=outside))
        per_rows = [
            BudgetTableRow(b.id, tuple(b.table.rows["net"].get(c, 0.0) for c in cols),
                           LINE, note=f"{b.id} {b.title}")
            for b in data.initiatives
        ]
        per_rows.append(BudgetTableRow(self.tr("Total"), tuple(
            data.portfolio.rows["net"].get(c, 0.0) for c in cols), TOTAL))
        # the ids, sized to them (the title is the row's tooltip and heads the detail)
        self.per_model.set_table([self.tr("Initiative"), *headers[1:]], per_rows)
        self._fit_lower()
        self._columns = cols
        self._headers = headers
        if data.initiatives:
            self.per_table.selectRow(0)
        else:
            self.detail_model.set_table(headers, [])
            self.detail_label.setText("")

    def _picked(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.per_table.selectionModel().selectedRows()
        if not rows or self.data is None:
            return
        row = rows[0].data(ROW_ROLE)
        pick = next((b for b in self.data.initiatives
                     if row is not None and row.kind == LINE and b.id == row.label), None)
        if pick is None:
            return
        self.detail_label.setText(self.tr("{id} {title}").format(id=pick.id, title=pick.title))
        self.detail_model.set_table(self._headers, budget_table_rows(pick.table, self._columns))

    def _fit_lower(self) -> None:
        """Give the per-initiative table the width of its columns (ids and amounts, never
        cut), the detail the rest (it scrolls sideways when it needs more)."""
        view = self.per_table
        header = view.horizontalHeader()
        view.resizeColumnsToContents()
        need = (header.length() + view.verticalScrollBar().sizeHint().width()
                + 2 * view.frameWidth() + 2)
        total = sum(self.lower.sizes())
        if total > 0 and self.lower.isVisible():
            self.lower.setSizes([min(need, total // 2 + total // 6), max(0, total - need)])

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*REFRESH_KINDS):
            self.refresh()


def _title() -> str:
    return QCoreApplication.translate("Views", "Budget")


register("budget", _title, BudgetView, icon="budget.svg", order=60)
