"""Compare two scenarios (DESIGN §3 scenario / what-if, §7 selection; issue "Prioritisation
engine" item 6): pick scenario A and B; see which initiatives change rank (biggest movers
first, ranks A → B), which are only in A's or only in B's recommended portfolio (score and
cost), and the budget frames of both with their difference, in 1.000 kr.

Data: ``scenarios.prepare_comparison`` reads both scenarios in the GUI thread (rankings
and selection problems, plain data); ``scenarios.finish_comparison`` solves the two
recommended portfolios on a worker thread; the newest request wins. A scenario without
budget frames, or whose selection is refused (infeasible, no NNV), is shown with the
reason instead of a portfolio. Refreshed when scenarios, weights, assessments, business
cases or dependencies change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from app.services import labels
from app.services.changes import Changes, Kind
from app.services.errors import UserError
from app.services.formatting import format_score, format_thousands, thousands_unit
from app.services.scenarios import (
    BudgetDifference,
    ComparisonInput,
    ScenarioComparison,
    finish_comparison,
    frame_amount,
    frame_difference,
    frame_title,
    list_scenarios,
    prepare_comparison,
)
# a summary line is shortened (whole in the tooltip): an infeasible selection names every
# initiative that must be in, hundreds in a large portfolio
from app.services.shortening import shorten
from app.ui.context import ViewContext
from app.ui.views.registry import register

#: the kinds of change after which both scenarios are compared again
REFRESH_KINDS = (Kind.SCENARIO, Kind.WEIGHTS, Kind.STRATEGY, Kind.ASSESSMENT, Kind.INITIATIVE,
                 Kind.BUSINESS_CASE, Kind.DEPENDENCY)

UP = QColor("#1b6e20")  # dark green / dark red, with ▲ ▼ so colour is never the only cue
DOWN = QColor("#a4161a")
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Cell:
    """One table cell: ``text``, right-aligned when ``number``, ``colour`` for a move."""

    text: str
    number: bool = False
    colour: QColor | None = None
    tip: str = ""


class CellTable(QAbstractTableModel):
    """A read-only table of ``Cell`` rows under ``headers``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[Sequence[Cell]] = []

    def set_rows(self, headers: list[str], rows: list[Sequence[Cell]]) -> None:
        self.beginResetModel()
        self.headers, self.rows = headers, rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if cell.number else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and cell.colour is not None:
            return cell.colour
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tip or cell.text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _table(model: CellTable, stretch: int | None) -> QTableView:
    """A compact read-only table: columns sized to their contents, ``stretch`` filling."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def modes() -> None:  # a section gets a mode only once it exists
        if stretch is not None and model.columnCount() > stretch:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    model.modelReset.connect(modes)
    return view


class _Signals(QObject):
    done = Signal(int, object)  # token, ScenarioComparison
    error = Signal(int, str)


class _CompareJob(QRunnable):
    """Both recommended portfolios, solved off the GUI thread (no session)."""

    def __init__(self, token: int, data: ComparisonInput, signals: _Signals) -> None:
        super().__init__()
        self.token, self.data, self.signals = token, data, signals

    def run(self) -> None:
        try:
            result = finish_comparison(self.data)
        except UserError as exc:
            self.signals.error.emit(self.token, str(exc))
            return
        self.signals.done.emit(self.token, result)


class CompareView(QWidget):
    """Scenario A and B side by side: rank changes, portfolio differences, budget frames."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.result: ScenarioComparison | None = None
        self._token = 0
        self._units: dict[int, str] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.error.connect(self._failed)

        self.heading = self._label(scale=1.3)
        self.heading.setText(self.tr("Compare scenarios"))
        self.a = QComboBox()
        self.b = QComboBox()
        for combo in (self.a, self.b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _i: self.compare())
        self.swap = QPushButton(self.tr("Swap A and B"))
        self.swap.clicked.connect(self._swap)
        self.status = QLabel()
        # a long message (a refused selection) wraps in its place, never widens the view
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.moves_label = self._label()
        self.moves_model = CellTable(self)
        self.moves_table = _table(self.moves_model, stretch=1)
        self.only_a_label = self._label(wrap=True)
        self.only_a_model = CellTable(self)
        self.only_a_table = _table(self.only_a_model, stretch=1)
        self.only_b_label = self._label(wrap=True)
        self.only_b_model = CellTable(self)
        self.only_b_table = _table(self.only_b_model, stretch=1)
        self.budget_label = self._label(wrap=True)
        self.budget_model = CellTable(self)
        self.budget_table = _table(self.budget_model, stretch=0)
        self.budget_note = QLabel()
        self.budget_note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("A:")))
        top.addWidget(self.a)
        top.addWidget(self.swap)
        top.addWidget(QLabel(self.tr("B:")))
        top.addWidget(self.b)
        top.addWidget(self.status, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        for label, table in ((self.only_a_label, self.only_a_table),
                             (self.only_b_label, self.only_b_table)):
            right.addWidget(self._box(label, table))
        budget = self._box(self.budget_label, self.budget_table)
        budget.layout().addWidget(self.budget_note)
        right.addWidget(budget)
        right.setSizes([150, 150, 300])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._box(self.moves_label, self.moves_table))
        split.addWidget(right)
        split.setSizes([540, 540])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        context.changes.changed.connect(self._on_changes)
        self.refresh()

    @staticmethod
    def _label(scale: float = 1.0, wrap: bool = False) -> QLabel:
        label = QLabel()
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
        label.setWordWrap(wrap)
        return label

    @staticmethod
    def _box(label: QLabel, table: QTableView) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(label)
        lay.addWidget(table, 1)
        lay.addStretch()  # keeps the label at the top while the table is hidden
        return box

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list of scenarios (keeping the pair picked, when it still exists) and
        compare again; the first pair is ``default_pair``'s."""
        from app.services.snapshots import load_units

        self._stale = False
        keep = (self.a.currentData(), self.b.currentData())
        with self.context.portfolio.read() as s:
            names = [(sc.name, bool(sc.is_what_if)) for sc in list_scenarios(s)]
            self._units = {uid: u.code for uid, u in load_units(s).items()}
        shown = self.context.scenario().name
        what_if = self.tr("what-if")
        for combo in (self.a, self.b):
            combo.blockSignals(True)
            combo.clear()
            for name, is_what_if in names:
                combo.addItem(f"{name} ({what_if})" if is_what_if else name, name)
            combo.blockSignals(False)
        known = [n for n, _w in names]
        if keep[0] in known and keep[1] in known:
            a, b = keep
        else:
            a, b = default_pair(names, shown)
        self.a.setCurrentIndex(max(self.a.findData(a), 0))
        self.b.setCurrentIndex(max(self.b.findData(b), 0))
        self.swap.setEnabled(len(known) > 1)
        self.compare()

    def _swap(self) -> None:
        a, b = self.a.currentIndex(), self.b.currentIndex()
        self.a.setCurrentIndex(b)
        self.b.setCurrentIndex(a)
        self.compare()

    def pick(self, a: str, b: str) -> None:
        """Compare scenario ``a`` with ``b`` (names), as if picked in the two lists."""
        self.a.setCurrentIndex(self.a.findData(a))
        self.b.setCurrentIndex(self.b.findData(b))
        self.compare()

    def compare(self) -> None:
        """Read both scenarios here and solve their portfolios on the worker thread."""
        a, b = self.a.currentData(), self.b.currentData()
        self._token += 1
        if a is None or b is None:
            self.status.setText(self.tr("The portfolio has no scenario to compare."))
            return
        try:
            with self.context.portfolio.read() as s:
                data = prepare_comparison(s, a, b)
        except UserError as exc:  # e.g. a scenario deleted meanwhile
            self._failed(self._token, str(exc))
            return
        self.status.setText(self.tr("Solving both recommended portfolios…"))
        self._pool.start(_CompareJob(self._token, data, self._signals))

    def finish_pending(self) -> None:
        """Wait for the comparison under way and show it (screenshots, tests)."""
        self._pool.waitForDone()
        QCoreApplication.processEvents()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._pool.waitForDone()
        super().closeEvent(event)

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*REFRESH_KINDS):
            return
        if self.isVisibleTo(self.window()) or self.window() is self:
            self.refresh()
        else:  # hidden behind another view: no reading and solving for nobody; once shown
            self._stale = True

    def on_shown(self) -> None:
        """Called by the main window when this view is shown: compare again if something
        changed while it was hidden."""
        if self._stale:
            self.refresh()

    def _failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.status.setText(shorten(message))
            self.status.setToolTip(message)

    # -- showing -------------------------------------------------------------------------
    def _done(self, token: int, c: ScenarioComparison) -> None:
        if token != self._token:
            return  # another pair was picked meanwhile; its result is on its way
        self.result = c
        self.status.setText("")
        unit = thousands_unit(c.currency)
        full = [self._summary(side, c) for side in ("a", "b")]
        if c.a == c.b:  # one scenario compared with itself: say how to get a second one
            full.insert(0, self.tr(
                "A and B are the same scenario: create a what-if under Strategy and weights, "
                "or another scenario, to compare."))
        self.summary.setText("\n".join(shorten(x) for x in full))
        self.summary.setToolTip("\n\n".join(full))  # e.g. every initiative forced in
        self._show_moves(c)
        self._show_portfolios(c, unit)
        self._show_budget(c, unit)

    def _name(self, c: ScenarioComparison, side: str) -> str:
        name = getattr(c, side)
        return (self.tr("{name} (what-if)").format(name=name)
                if getattr(c, f"what_if_{side}") else name)

    def _summary(self, side: str, c: ScenarioComparison) -> str:
        letter = side.upper()
        score = getattr(c, f"total_score_{side}")
        if score is None:
            return self.tr("{side}: {name} — no recommended portfolio: {reason}").format(
                side=letter, name=self._name(c, side), reason=getattr(c, f"message_{side}") or "")
        return self.tr("{side}: {name} — recommended portfolio: total score {score} points, "
                       "total cost {cost} ({unit}), objective: {objective}").format(
            side=letter, name=self._name(c, side), score=format_score(score),
            cost=format_thousands(getattr(c, f"total_cost_{side}")),
            unit=thousands_unit(c.currency),
            objective=labels.objective(getattr(c, f"objective_{side}")))

    def _show_moves(self, c: ScenarioComparison) -> None:
        moved = c.moved
        self.moves_label.setText(self.tr("Rank changes: {n} of {total} initiatives change "
                                         "place, biggest movers first").format(
            n=len(moved), total=len(c.rank_changes)))
        rows = []
        for r in c.rank_changes:
            colour = UP if r.moved > 0 else DOWN if r.moved < 0 else None
            arrow = f"▲ {r.moved}" if r.moved > 0 else f"▼ {-r.moved}" if r.moved < 0 else "–"
            rows.append((Cell(r.id), Cell(r.title), Cell(f"{r.rank_a} → {r.rank_b}", True),
                         Cell(arrow, True, colour), Cell(
                             f"{format_score(r.score_a)} → {format_score(r.score_b)}", True)))
        self.moves_model.set_rows([self.tr("Id"), self.tr("Initiative"), self.tr("Rank A → B"),
                                   self.tr("Moved"), self.tr("Score A → B")], rows)

    def _show_portfolios(self, c: ScenarioComparison, unit: str) -> None:
        heads = [self.tr("Id"), self.tr("Initiative"), self.tr("Score"),
                 self.tr("Cost ({unit})").format(unit=unit)]
        both = c.only_a is not None and c.only_b is not None
        for side, label, table, model, rows in (
                ("a", self.only_a_label, self.only_a_table, self.only_a_model, c.only_a_rows),
                ("b", self.only_b_label, self.only_b_table, self.only_b_model, c.only_b_rows)):
            name = self._name(c, side)
            table.setVisible(both)
            if not both:
                other = "b" if side == "a" else "a"
                missing = side if getattr(c, f"total_score_{side}") is None else other
                label.setText(self.tr("Only in {side}'s recommended portfolio ({name}): "
                                      "cannot be compared, {missing} has no recommended "
                                      "portfolio (see above).").format(
                    side=side.upper(), name=name, missing=missing.upper()))
                model.set_rows(heads, [])
                continue
            if not rows:
                label.setText(self.tr("Only in {side}'s recommended portfolio ({name}): "
                                      "none").format(side=side.upper(), name=name))
            else:
                label.setText(self.tr("Only in {side}'s recommended portfolio ({name}): "
                                      "{n}").format(side=side.upper(), name=name, n=len(rows)))
            model.set_rows(heads, [
                (Cell(r.id), Cell(r.title), Cell(format_score(r.score), True),
                 Cell(format_thousands(r.total_cost) if r.total_cost is not None
                      else self.tr("no cost lines"), True))
                for r in rows])

    def _show_budget(self, c: ScenarioComparison, unit: str) -> None:
        rows = c.budget_rows
        if not rows:
            self.budget_label.setText(self.tr("Budget frames: neither scenario has any"))
        else:
            self.budget_label.setText(self.tr("Budget frames ({unit}); difference = B − A").format(
                unit=unit))
        self.budget_table.setVisible(bool(rows))
        self.budget_note.setVisible(bool(rows))
        self.budget_note.setText(self.tr("– : the scenario has no such frame, or no "
                                         "recommended portfolio to use it."))
        self.budget_model.set_rows(
            [self.tr("Frame"), self.tr("A"), self.tr("B"), self.tr("Difference"),
             self.tr("Used by A"), self.tr("Used by B")],
            [self._budget_row(r) for r in rows])

    def _budget_row(self, r: BudgetDifference) -> tuple[Cell, ...]:
        return (Cell(frame_title(r, self._units)), Cell(frame_amount(r.cap_a, r.unit), True),
                Cell(frame_amount(r.cap_b, r.unit), True),
                Cell(frame_difference(r.difference, r.unit), True),
                Cell(frame_amount(r.used_a, r.unit), True),
                Cell(frame_amount(r.used_b, r.unit), True))


def default_pair(names: list[tuple[str, bool]], shown: str) -> tuple[str, str]:
    """The first pair shown, from ``names`` [(scenario name, is what-if)] in
    ``list_scenarios`` order (the default scenario first) and the scenario the window
    shows: a what-if shown is B, against the default scenario as A (what the what-if
    changes); another scenario shown is A against the default scenario as B; the default
    scenario shown is A and B the first what-if, else the first other scenario. One
    scenario only: A = B."""
    known = [n for n, _w in names]
    if not known:
        return "", ""
    kinds = dict(names)
    if kinds.get(shown) and len(known) > 1:
        base = next(n for n in known if n != shown)
        return base, shown
    a = shown if shown in kinds else known[0]
    if a != known[0]:
        return a, known[0]  # compared with the default scenario
    others = sorted((n for n in known if n != a), key=lambda n: not kinds[n])
    return a, (others[0] if others else a)


def _title() -> str:
    return QCoreApplication.translate("Views", "Compare scenarios")


register("compare", _title, CompareView, icon="selection.svg", order=55)
