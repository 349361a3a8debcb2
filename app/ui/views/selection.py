"""The recommendation view (DESIGN §7 "Selection", §8): budget frames and objective, forced
in/out by click, the recommended portfolio recomputed as the frames change (off the GUI
thread while a slider moves; the last result stays shown), the greedy cut-off beside it,
the binding constraints, the price of mandatory, the value curve with the current point,
and the budget table of the recommended portfolio in 1.000 kr.

Frames, objective and forced choices are stored in the scenario shown, each as one
undoable command; dragging a slider only re-solves, letting go stores.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import economics, scenarios
from app.services.changes import Changes, Kind
from app.services.errors import UserError
from app.services.scenarios import FrameSpec
from app.services.selection import SelectionResult
from app.services.selection_npv import NoNpvError
from app.ui.charts.value_plots import ValueCurvePlot
from app.ui.context import ViewContext
from app.ui.views.budget_model import (
    BudgetTableModel,
    budget_columns,
    budget_headers,
    budget_table_rows,
)
from app.ui.views.ranking_model import currency_unit
from app.ui.views.registry import register
from app.ui.views.selection_data import SelectionData, curve_chart, load_selection
from app.ui.views.selection_frames import FramesEditor
from app.ui.views.selection_model import (
    COL_FORCED,
    COL_TITLE,
    ROW_ROLE,
    SelectionRow,
    SelectionTableModel,
    force_labels,
)
from app.ui.views.selection_solver import SolveRunner
from app.ui.views.selection_summary import summary_html
from app.ui.views.weights_commands import session_command
from app.ui.widgets.choice_delegate import ChoiceDelegate

REFRESH_KINDS = (Kind.SCENARIO, Kind.WEIGHTS, Kind.STRATEGY, Kind.ASSESSMENT, Kind.INITIATIVE,
                 Kind.BUSINESS_CASE, Kind.DEPENDENCY)


class SelectionView(QWidget):
    """Frames and objective on top; initiatives left; figures, curve and budget right."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: SelectionData | None = None
        self.result: SelectionResult | None = None
        self._curves: dict[tuple, list] = {}
        self._shown_token = 0  # the newest solve whose result is on screen
        self.runner = SolveRunner(self)
        self.runner.finished.connect(self._solved)
        self.runner.failed.connect(self._failed)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.what_if = QLabel(self.tr("WHAT-IF"))
        self.what_if.setStyleSheet(
            "background: #ffe08a; color: #3d2c00; padding: 2px 8px; font-weight: 600;")
        self.objective = QComboBox()
        self.objective.addItem(self.tr("Maximise total score"), "score")
        self.objective.addItem(self.tr("Maximise net present value (NNV)"), "npv")
        self.objective.activated.connect(self._objective_chosen)
        self.frames = FramesEditor()
        self.frames.changing.connect(self.preview_frames)
        self.frames.committed.connect(self.store_frames)
        self.frames.refused.connect(lambda msg: self.context.dialogs.warn(self.tr("Not a number"), msg))

        self.model = SelectionTableModel(self)
        self.model.force_requested.connect(self.force)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_FORCED, ChoiceDelegate(force_labels, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.curve = ValueCurvePlot(font_px=max(11.0, self.fontMetrics().height() * 0.8))
        self.curve.setMinimumHeight(160)
        self.budget_model = BudgetTableModel(self)
        self.budget = QTableView()
        self.budget.setModel(self.budget_model)
        self.budget.verticalHeader().hide()
        self.budget.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.budget.setWordWrap(False)
        self.budget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.budget.horizontalHeader().setMinimumSectionSize(self.fontMetrics().horizontalAdvance("-0.000") + 12)
        # the label column stretches once the table has columns (a section that does not
        # exist yet cannot be given a mode)
        self.budget_model.modelReset.connect(self._stretch_budget_labels)

        summary_box = QScrollArea()
        summary_box.setWidgetResizable(True)
        summary_box.setFrameShape(QFrame.Shape.NoFrame)
        summary_box.setWidget(self.summary)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(summary_box)
        right.addWidget(self.curve)
        right.addWidget(self.budget)
        right.setSizes([130, 250, 220])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.table)
        main.addWidget(right)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 1)
        main.setSizes([600, 480])
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.what_if)
        top.addWidget(self.objective)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.frames)
        layout.addWidget(main, 1)
        context.changes.changed.connect(self._on_changes)
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the scenario from the portfolio and solve it here and now."""
        scenario = self.context.scenario()
        with self.context.portfolio.read() as s:
            data = load_selection(s, scenario.name or None, self._curves)
        self.data = data
        self.heading.setText(self.tr("Recommendation — {scenario}").format(scenario=data.scenario))
        self.what_if.setVisible(data.is_what_if)
        self.objective.setCurrentIndex(self.objective.findData(data.built.spec.objective))
        self.objective.setEnabled(not self.context.readonly)
        self.model.editable = not self.context.readonly
        self.model.currency_unit = currency_unit(data.currency)
        self.model.set_rows(data.rows)
        self.frames.set_currency(data.currency)
        self.frames.set_frames(data.built.frames, data.years, data.maximum,
                               editable=not self.context.readonly)
        self.curve.setVisible(data.has_budget)
        self.budget.setVisible(data.has_budget)
        if not data.has_budget:
            self._clear_result()
            self.summary.setText(self.tr(
                "No budget frame: choose how the budget is framed above and type the amount; "
                "the recommended portfolio follows at once."))
            return
        self._shown_token = self.runner.latest()  # results of older requests are stale now
        try:
            result = SolveRunner.solve_now(data.built)
        except NoNpvError as exc:
            # nothing to show at any budget: no curve or budget table (of another
            # objective, or empty axes), only the reason
            self._clear_result()
            self.curve.setVisible(False)
            self.budget.setVisible(False)
            self._failed(-1, self._no_npv_text(exc.candidates))
            return
        except UserError as exc:
            self._failed(-1, str(exc))
            return
        self._show(result)

    def _clear_result(self) -> None:
        """No recommendation on screen: no curve, no use of the frames, no budget table."""
        self.result = None
        self.curve.clear()
        self.frames.show_use({})
        self.budget_model.set_table([""], [])

    def _no_npv_text(self, candidates: int) -> str:
        """Why the NNV objective gives no recommendation, and what to do in this view."""
        if candidates == 1:
            text = self.tr(
                "the one initiative that can be chosen has no business-case lines with a "
                "budget year, so its net present value (NNV) cannot be computed. Choose "
                "“Maximise total score” above, or add cost and benefit lines per budget year "
                "to its business case.")
        else:
            text = self.tr(
                "none of the {n} initiatives that can be chosen has business-case lines with "
                "a budget year, so their net present value (NNV) cannot be computed. Choose "
                "“Maximise total score” above, or add cost and benefit lines per budget year "
                "to their business cases.")
        return text.format(n=candidates)

    def _show(self, result: SelectionResult) -> None:
        self.result = result
        data = self.data
        assert data is not None
        self.model.show_result(result.selected, result.greedy_selected, result.always_in)
        unit = currency_unit(data.currency)
        self.summary.setText(summary_html(result, data.unit_codes, unit, data.npv_gaps))
        self.frames.show_use({(u.year, u.frame_type, u.unit_id): (u.used, u.binding)
                              for u in result.frame_use if u.unit == "kr."})
        self.summary.setStyleSheet("")
        total = sum(f.amount for f in data.built.frames if f.unit_id is None)
        self.curve.set_chart(curve_chart(data, result, total))
        table = economics.budget_table(
            [ln for i in result.selected for ln in data.lines.get(i, [])], data.budget_year)
        cols = budget_columns(table)
        outside = self._outside(result)
        rows = budget_table_rows(table, cols, financing=False, fte=False,
                                 outside=economics.budget_table(
                                     [ln for i in outside for ln in data.lines.get(i, [])],
                                     data.budget_year), outside_ids=outside)
        self.budget_model.set_table(budget_headers(table, cols, data.currency), rows)

    def _outside(self, result: SelectionResult) -> list[str]:
        """The selected mandatory initiatives financed outside the frame (no budget used)."""
        cost = self.data.built.data if self.data is not None else None
        if cost is None:
            return []
        return [i for i in result.selected if cost.mandatory.get(i) and cost.outside_frame.get(i)]

    def _stretch_budget_labels(self) -> None:
        # the labels keep their whole length ("heraf afledt drift"); wide amounts (a
        # national portfolio) make the table scroll sideways instead of cutting them
        if self.budget_model.columnCount() > 0:
            self.budget.horizontalHeader().setSectionResizeMode(
                0, QHeaderView.ResizeMode.ResizeToContents)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*REFRESH_KINDS):
            self.refresh()

    # -- live re-solving ---------------------------------------------------------------
    def preview_frames(self, frames: list[FrameSpec]) -> None:
        """Re-solve with ``frames`` (kr.) off the GUI thread; nothing is stored."""
        data = self.data
        if data is None:
            return
        amounts = {(f.year, f.frame_type, f.unit_id): f.amount for f in frames}
        keys = [(f.year, f.frame_type, f.unit_id) for f in data.built.frames]
        if not data.has_budget or sorted(map(str, keys)) != sorted(map(str, amounts)):
            return  # another kind of frame: shown once stored
        try:
            built = data.built.with_amounts([amounts[k] for k in keys])
            built.check_npv()  # no NNV at any amount: the reason shown stays
        except UserError:
            return
        self.runner.request(built)

    def _solved(self, token: int, result: SelectionResult) -> None:
        # every result newer than the one shown is shown (the view follows a dragged
        # slider step by step); a result older than a reload is dropped
        if token > self._shown_token:
            self._shown_token = token
            self._show(result)

    def _failed(self, token: int, message: str) -> None:
        if token != -1:
            if token <= self._shown_token:
                return
            self._shown_token = token
        self.summary.setText("⚠ " + self.tr("No recommendation: {reason}").format(reason=message))
        self.summary.setStyleSheet("color: #b71c1c;")

    # -- stored edits --------------------------------------------------------------------
    def _scenario_id(self) -> int | None:
        return self.data.scenario_id if self.data else None

    def store_frames(self, frames: list[FrameSpec]) -> bool:
        """Store ``frames`` in the scenario (one undoable command)."""
        sid = self._scenario_id()
        if sid is None:
            return False
        ok = self.context.run(session_command(
            self.context, self.tr("Budget frames of {scenario}").format(scenario=self.data.scenario),
            lambda s: scenarios.set_frames(s, sid, list(frames)),
            lambda s, old: scenarios.set_frames(s, sid, old), Changes.of(Kind.SCENARIO)))
        if not ok:
            self.refresh()
        return ok

    def _objective_chosen(self, _index: int) -> None:
        sid = self._scenario_id()
        objective = self.objective.currentData()
        if sid is None or self.data is None or objective == self.data.built.spec.objective:
            return
        self.context.run(session_command(
            self.context, self.tr("Objective of {scenario}").format(scenario=self.data.scenario),
            lambda s: scenarios.set_objective(s, sid, objective),
            lambda s, old: scenarios.set_objective(s, sid, old), Changes.of(Kind.SCENARIO)))

    def force(self, initiative_id: str, mode: str) -> bool:
        """Force ``initiative_id`` in ("in") or out ("out") of the scenario, or release it ("")."""
        sid = self._scenario_id()
        if sid is None:
            return False
        labels = force_labels()
        text = self.tr("{id}: {what}").format(
            id=initiative_id, what=labels.get(mode) if mode else self.tr("released"))
        return self.context.run(session_command(
            self.context, text, lambda s: scenarios.set_force(s, sid, initiative_id, mode or None),
            lambda s, old: scenarios.set_force(s, sid, initiative_id, old),
            Changes.of(Kind.SCENARIO, ids=[initiative_id])))

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        row = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(row, SelectionRow):
            return
        menu = QMenu(self)
        for mode, label in force_labels().items():
            action = menu.addAction(label if mode else self.tr("Not forced"))
            action.setCheckable(True)
            action.setChecked(row.forced == mode)
            action.setEnabled(not self.context.readonly)
            action.triggered.connect(lambda _=False, m=mode: self.force(row.id, m))
        menu.addSeparator()
        menu.addAction(self.tr("Open initiative"), lambda: self.context.open_initiative(row.id))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.runner.wait()
        super().closeEvent(event)


def _title() -> str:
    return QCoreApplication.translate("Views", "Recommendation")


register("selection", _title, SelectionView, icon="selection.svg", order=50)
