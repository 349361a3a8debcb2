"""The business case in budget form: lines (budget year, anlæg/drift, category,
financing, low/likely/high, FTE, benefit kind, beneficiary, giving unit), the key figures
(NNV, payback, ROI, TCO) and the budget effect (budget year + 3 overslagsår, in thousands:
1.000 kr. / 1,000 DKK), recomputed by ``app.services.economics`` after every edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import formatting
from app.services.initiative_detail import InitiativeDetail
from app.ui.commands.rows import AddRowCommand, DeleteRowCommand, UpdateRowCommand
from app.ui.context import ViewContext
from app.ui.initiative.base import EditorTab
from app.ui.initiative.lines_model import COLUMNS, LinesModel
from app.ui.widgets.choice_delegate import ChoiceDelegate
from app.ui.widgets.number_edit import NumberDelegate, NumberEdit


class BusinessCaseTab(EditorTab):
    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = LinesModel(self)
        self.model.edit_requested.connect(self._edit_line)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._delegates: list[Any] = []
        for col, (field, _h, kind) in enumerate(COLUMNS):
            delegate: Any = None
            if kind == "choice":
                delegate = ChoiceDelegate(lambda f=field: self.model.choices(f), self.table)
            elif kind in ("amount", "fte", "year"):
                delegate = NumberDelegate("signed_amount" if kind == "amount" else kind, self.table)
                delegate.refused.connect(self.refuse)
            if delegate is not None:
                self._delegates.append(delegate)
                self.table.setItemDelegateForColumn(col, delegate)
        self.add_cost = QPushButton(self.tr("Add cost line"))
        self.add_benefit = QPushButton(self.tr("Add benefit line"))
        self.delete_line = QPushButton(self.tr("Delete line"))
        self.add_cost.clicked.connect(lambda: self._add("cost"))
        self.add_benefit.clicked.connect(lambda: self._add("benefit"))
        self.delete_line.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        for b in (self.add_cost, self.add_benefit, self.delete_line):
            buttons.addWidget(b)
        buttons.addStretch(1)

        figures_box = QGroupBox(self.tr("Key figures"))
        form = QFormLayout(figures_box)
        self.figure_labels: dict[str, QLabel] = {}
        for key, title in (("cash_cost", self.tr("Cash cost")),
                           ("internal", self.tr("Internal time")),
                           ("benefit", self.tr("Benefits (valued)")),
                           ("npv", self.tr("Net present value (NPV)")),
                           ("payback", self.tr("Payback period")),
                           ("roi", self.tr("ROI")), ("tco", self.tr("Total cost of ownership"))):
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figure_labels[key] = label
            form.addRow(title, label)
        self.rate_edit = NumberEdit("percent")
        self.rate_edit.setMaximumWidth(90)
        self.horizon_edit = NumberEdit("value")
        self.horizon_edit.setMaximumWidth(90)
        form.addRow(self.tr("Discount rate (%)"), self.rate_edit)
        form.addRow(self.tr("Horizon after go-live (years)"), self.horizon_edit)
        self.rate_edit.committed.connect(lambda v: self.set_field("discount_rate", v))
        self.rate_edit.refused.connect(self.refuse)
        self.horizon_edit.committed.connect(
            lambda v: self.set_field("horizon_years", None if v is None else int(v)))
        self.horizon_edit.refused.connect(self.refuse)

        budget_box = QGroupBox()
        self.budget_box = budget_box  # titled with the portfolio's currency in show_detail
        self.budget = QTableWidget()
        self.budget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.budget.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        budget_layout = QVBoxLayout(budget_box)
        budget_layout.addWidget(self.budget)
        budget_layout.addStretch(1)

        bottom = QHBoxLayout()
        bottom.addWidget(figures_box, 2)
        bottom.addWidget(budget_box, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addLayout(bottom, 2)

    def show_detail(self, detail: InitiativeDetail) -> None:
        writable = self.context.offers_edits
        self.model.set_lines(detail.lines, detail.currency,
                             {u.id: u.name for u in detail.units}, writable)
        self.table.resizeColumnsToContents()
        for b in (self.add_cost, self.add_benefit, self.delete_line):
            b.setEnabled(writable)
        rate = detail.fields["discount_rate"]
        self.rate_edit.set_value(rate)
        self.rate_edit.setPlaceholderText(formatting.format_percent(detail.default_discount_rate))
        self.horizon_edit.set_value(detail.fields["horizon_years"])
        self.horizon_edit.setPlaceholderText(str(detail.default_horizon))
        self._show_figures(detail)
        self.budget_box.setTitle(self.tr("Budget effect ({unit}, savings negative)").format(
            unit=formatting.thousands_unit(detail.currency)))  # "1.000 kr." / "1,000 DKK"
        self._show_budget(detail)

    def _show_figures(self, detail: InitiativeDetail) -> None:
        k = detail.key_figures
        cur = detail.currency
        lab = self.figure_labels
        if k is None:
            for label in lab.values():
                label.setText("–")
            return
        lab["cash_cost"].setText(formatting.format_amount(k.cash_cost, cur))
        lab["internal"].setText(self.tr("{amount} ({fte} FTE)").format(
            amount=formatting.format_amount(k.internal_cost, cur),
            fte=formatting.format_number(k.internal_fte, 1)))
        lab["benefit"].setText(formatting.format_amount(k.benefit, cur))
        lab["npv"].setText(self.tr("{npv} at {rate}, {first}–{last}").format(
            npv=formatting.format_amount(k.npv, cur), rate=formatting.format_percent(k.discount_rate),
            first=k.first_year or "–", last=k.last_year or "–")
            if k.npv is not None else self.tr("– (no line has a budget year)"))
        lab["npv"].setToolTip("")
        gap = k.years_without_lines if k.npv is not None else None
        if gap is not None:
            # the lines stop before the horizon ends: those years count as 0, never hidden
            # (economics.key_figures, "Years of the horizon without lines")
            lab["npv"].setText(lab["npv"].text() + "\n" + self.tr(
                "⚠ lines only to {data}; {gap} count as 0").format(
                data=k.data_last_year, gap=_years(gap)))
            lab["npv"].setToolTip(self.tr(
                "The horizon runs {first}–{last} (go-live {live} + {horizon} years), but the "
                "business case has lines only to {data}. Years without lines count as 0: no "
                "cost or benefit is assumed in {gap}, so the NNV leaves out any licence, "
                "operating cost or benefit that continues. Add lines for those years, or "
                "shorten the horizon.").format(
                first=k.first_year, last=k.last_year, live=k.go_live_year,
                horizon=k.horizon_years, data=k.data_last_year, gap=_years(gap)))
        lab["payback"].setText(
            self.tr("{years} years").format(years=formatting.format_number(k.payback_years, 1))
            if k.payback_years is not None else self.tr("not within the horizon"))
        lab["roi"].setText(formatting.format_percent(k.roi) if k.roi is not None else "–")
        lab["tco"].setText(formatting.format_amount(k.tco, cur))

    def _show_budget(self, detail: InitiativeDetail) -> None:
        b = detail.budget
        if b is None:
            self.budget.clear()
            return
        cols: list[Any] = [*b.years]
        if b.other_years:
            cols.append("other")
        if any(b.rows[k]["none"] for k in ("anlaeg", "drift", "unsplit", "savings")):
            cols.append("none")
        cols.append("total")
        heads = {"other": self.tr("Other years"), "none": self.tr("No year"),
                 "total": self.tr("Total")}
        rows = (("anlaeg", self.tr("Capital (anlæg)")), ("drift", self.tr("Operating (drift)")),
                ("derived_operating", self.tr("of which derived operating")),
                # a cost whose type the source did not give: never shown as drift
                *((("unsplit", self.tr("Not split into anlæg/drift")),)
                  if any(b.rows["unsplit"].values()) else ()),
                ("savings", self.tr("Cash-releasing benefits")), ("net", self.tr("Net")))
        self.budget.setColumnCount(len(cols))
        self.budget.setRowCount(len(rows) + 1)
        self.budget.setHorizontalHeaderLabels([heads.get(c, str(c)) for c in cols])
        self.budget.setVerticalHeaderLabels([r[1] for r in rows] + [self.tr("FTE (internal)")])
        for r, (key, _title) in enumerate(rows):
            for c, col in enumerate(cols):
                item = QTableWidgetItem(formatting.format_thousands(b.rows[key][col]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.budget.setItem(r, c, item)
        for c, col in enumerate(cols):
            item = QTableWidgetItem(formatting.format_number(b.fte[col], 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.budget.setItem(len(rows), c, item)
        self.budget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.budget.resizeRowsToContents()
        height = (self.budget.horizontalHeader().sizeHint().height()
                  + sum(self.budget.rowHeight(r) for r in range(self.budget.rowCount()))
                  + 2 * self.budget.frameWidth() + 6)
        self.budget.setMaximumHeight(height)

    # edits -------------------------------------------------------------------------------
    def _edit_line(self, row_id: int, field: str, new: object, old: object) -> None:
        self.context.run(UpdateRowCommand(
            self.context.portfolio, "line", row_id, {field: new}, {field: old},
            self.tr("Edit business-case line")))

    def _add(self, flow: str) -> None:
        if self.detail is None:
            return
        values: dict[str, Any] = {
            "initiative_id": self.detail.id, "flow": flow, "budget_year": self.detail.budget_year,
            "line_type": "anlaeg" if flow == "cost" else "drift",
            "category": "anskaffelse" if flow == "cost" else "andet", "amount": 0.0,
            "benefit_kind": "budgetrealiserbar" if flow == "benefit" else None,
        }
        text = self.tr("Add cost line") if flow == "cost" else self.tr("Add benefit line")
        self.context.run(AddRowCommand(self.context.portfolio, "line", values, text))

    def _delete(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row_id = int(self.model.data(index, Qt.ItemDataRole.UserRole))
        self.context.run(DeleteRowCommand(self.context.portfolio, "line", row_id,
                                          self.tr("Delete business-case line")))


def _years(span: tuple[int, int]) -> str:
    """A span of years as the text writes it: "2031" or "2031–2032"."""
    first, last = span
    return str(first) if first == last else f"{first}–{last}"
