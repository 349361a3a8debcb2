"""The ranking view's sensitivity panel (DESIGN §7 "Sensitivity", §8): for each criterion its
weight and the interval within which the top k (k chosen here, default 10) and — when the
scenario has a budget and selects by score — the recommended portfolio do not change, the
other weights scaled in proportion; one sentence a steering group reads for the chosen
criterion (by default the most sensitive one).

The intervals are computed off the GUI thread (``sensitivity.topk_intervals`` and
``sensitivity.portfolio_intervals``, pure numpy and one exact solve per probe) by
``SensitivityRunner``; a newer request cancels the older ones.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import sensitivity
from app.services.errors import UserError
from app.services.formatting import format_percent
from app.services.scoring import ScoreModel
from app.services.selection_model import SelectionProblem
from app.services.sensitivity import POINT, WeightInterval, stability_sentences

COL_NAME, COL_WEIGHT, COL_TOPK, COL_PORTFOLIO = range(4)


class _Signals(QObject):
    topk = Signal(int, int, object)  # token, k, [WeightInterval]
    portfolio = Signal(int, object, str)  # token, [WeightInterval] | None, error message


class _TopkJob(QRunnable):
    def __init__(self, token: int, model: ScoreModel, k: int, signals: _Signals) -> None:
        super().__init__()
        self.token, self.model, self.k, self.signals = token, model, k, signals

    def run(self) -> None:
        self.signals.topk.emit(self.token, self.k, sensitivity.topk_intervals(self.model, self.k))


class _PortfolioJob(QRunnable):
    def __init__(self, token: int, model: ScoreModel, problem: SelectionProblem,
                 cancel: threading.Event, signals: _Signals) -> None:
        super().__init__()
        self.token, self.model, self.problem = token, model, problem
        self.cancel, self.signals = cancel, signals

    def run(self) -> None:
        try:
            result = sensitivity.portfolio_intervals(self.model, self.problem,
                                                     stop=self.cancel.is_set)
        except sensitivity.AnalysisCancelled:
            return
        except UserError as exc:  # e.g. an infeasible selection
            self.signals.portfolio.emit(self.token, None, str(exc))
            return
        self.signals.portfolio.emit(self.token, result, "")


def span_text(iv: WeightInterval) -> str:
    """``"12,0 %–31,0 %"``, or "no margin" when any change alters the result."""
    if iv.high - iv.low < POINT:
        return QCoreApplication.translate("SensitivityPanel", "no margin")
    return f"{format_percent(iv.low, 1)}–{format_percent(iv.high, 1)}"


class SensitivityPanel(QWidget):
    """Choose k; see per criterion the weight's stable intervals and a sentence on one.

    ``k_changed(int)`` when the user picks another k. ``show_inputs`` sets the criteria
    and whether a portfolio is tested; ``show_topk`` / ``show_portfolio`` fill the
    intervals in as the worker delivers them."""

    k_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("How far can each weight move before the result changes?"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.k_spin = QSpinBox()
        self.k_spin.setRange(1, 999)
        self.k_spin.setValue(sensitivity.DEFAULT_TOP_K)
        self.k_spin.setPrefix(self.tr("Top "))
        self.k_spin.setToolTip(self.tr("How many of the first places must stay as they are"))
        self.k_spin.valueChanged.connect(self.k_changed)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_WEIGHT, COL_TOPK, COL_PORTFOLIO):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._explain)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        small = self.note.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.note.setFont(small)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.title)
        row = QHBoxLayout()
        row.addWidget(self.k_spin)
        row.addStretch(1)
        left.addLayout(row)
        left.addWidget(self.summary)
        left.addStretch(1)
        left.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(self.table, 3)
        self._names: list[str] = []
        self._weights: list[float] = []
        self._topk: list[WeightInterval] | None = None
        self._portfolio: list[WeightInterval] | None = None
        self._portfolio_state = ""  # "", "pending", "error: …", "no_budget", "npv_objective"
        self._picked_by_user = False
        self._set_headers()

    # -- contents ------------------------------------------------------------------------
    def k(self) -> int:
        return self.k_spin.value()

    def _set_headers(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Criterion"), self.tr("Weight"),
            self.tr("Top {k} unchanged").format(k=self.k()), self.tr("Portfolio unchanged")])

    def show_inputs(self, names: Sequence[str], weights: Sequence[float], n: int,
                    portfolio_state: str) -> None:
        """New criteria (names, weights as fractions) for ``n`` initiatives;
        ``portfolio_state``: "pending" (being computed), ``sensitivity.NO_BUDGET`` or
        ``sensitivity.NPV_OBJECTIVE``. Intervals show "…" until they arrive."""
        self._names, self._weights = list(names), list(weights)
        self._topk, self._portfolio = None, None
        self._portfolio_state = portfolio_state
        self.k_spin.blockSignals(True)
        self.k_spin.setMaximum(max(1, n))
        self.k_spin.blockSignals(False)
        self.table.setRowCount(len(self._names))
        for r, (name, w) in enumerate(zip(self._names, self._weights)):
            self._put(r, COL_NAME, name, left=True)
            self._put(r, COL_WEIGHT, format_percent(w, 1))
            self._put(r, COL_TOPK, "…")
            self._put(r, COL_PORTFOLIO, "…" if portfolio_state == "pending" else "–")
        self._set_headers()
        self._explain()

    def topk_pending(self) -> None:
        """A new k is being computed."""
        self._topk = None
        self._set_headers()
        for r in range(self.table.rowCount()):
            self._put(r, COL_TOPK, "…")
        self._explain()

    def show_topk(self, intervals: list[WeightInterval]) -> None:
        self._topk = intervals
        for r, iv in enumerate(intervals[: self.table.rowCount()]):
            self._put(r, COL_TOPK, span_text(iv))
        if not self._picked_by_user and intervals:
            narrowest = min(range(len(intervals)),
                            key=lambda j: intervals[j].high - intervals[j].low)
            self.table.blockSignals(True)
            self.table.selectRow(narrowest)
            self.table.blockSignals(False)
        self._explain()

    def show_portfolio(self, intervals: list[WeightInterval] | None, error: str) -> None:
        self._portfolio = intervals
        self._portfolio_state = "" if intervals is not None else "error: " + error
        for r in range(self.table.rowCount()):
            text = span_text(intervals[r]) if intervals is not None and r < len(intervals) else "–"
            self._put(r, COL_PORTFOLIO, text)
        self._explain()

    def _put(self, row: int, col: int, text: str, left: bool = False) -> None:
        item = self.table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            align = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight
            item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, col, item)
        item.setText(text)

    # -- the sentence ----------------------------------------------------------------------
    def _explain(self) -> None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if self.sender() is self.table and rows:
            self._picked_by_user = True
        # one rule with the CLI (sensitivity.stability_sentences): the narrowest interval of
        # each kind until the user picks a row, then that row's — the sentence says which
        picked = rows[0].row() if rows and self._picked_by_user else None
        parts = stability_sentences(self._topk, self._portfolio, self.k(), picked)
        if self._topk is None or self._portfolio_state == "pending":
            parts.append(self.tr("Computing…"))
        self.summary.setText("\n".join(parts))
        notes = [self.tr("The other weights are scaled in proportion; “no margin”: any change "
                         "alters the result (initiatives with equal scores).")]
        if self._portfolio_state == sensitivity.NO_BUDGET:
            notes.append(self.tr("The scenario has no budget frame, so there is no recommended "
                                 "portfolio to test."))
        elif self._portfolio_state == sensitivity.NPV_OBJECTIVE:
            notes.append(self.tr("The scenario selects by net present value, which the "
                                 "weights do not change."))
        elif self._portfolio_state.startswith("error: "):  # as the CLI says it
            notes.append(self.tr("The recommended portfolio's intervals cannot be computed "
                                 "because the selection is infeasible: {message}").format(
                message=self._portfolio_state[len("error: "):]))
        self.note.setText(" ".join(notes))


class SensitivityRunner(QObject):
    """Runs the panel's computations on worker threads and hands the results to it; a
    newer ``start`` cancels what an older one started (its results are dropped)."""

    def __init__(self, panel: SensitivityPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)  # top-k (fast) beside the portfolio (many solves)
        self.signals = _Signals(self)
        self.signals.topk.connect(self._topk_done)
        self.signals.portfolio.connect(self._portfolio_done)
        self._token = 0
        self._cancel = threading.Event()
        self._model: ScoreModel | None = None
        panel.k_changed.connect(self._k_changed)

    def start(self, inputs: sensitivity.ScenarioInputs) -> None:
        """Compute the intervals of ``inputs`` (from ``sensitivity.scenario_inputs``)."""
        self.cancel()
        self._token += 1
        self._cancel = threading.Event()
        self._model = inputs.model
        m = inputs.model
        state = "pending" if inputs.problem is not None else (inputs.portfolio_note or "")
        self.panel.show_inputs([c.name for c in m.criteria], m.weights.tolist(), m.n, state)
        self.pool.start(_TopkJob(self._token, m, self.panel.k(), self.signals))
        if inputs.problem is not None:
            self.pool.start(_PortfolioJob(self._token, m, inputs.problem, self._cancel,
                                          self.signals))

    def cancel(self) -> None:
        """Stop the running portfolio computation at its next solve."""
        self._cancel.set()

    def wait(self) -> None:
        self.pool.waitForDone()

    def _k_changed(self, k: int) -> None:
        if self._model is None:
            return
        self.panel.topk_pending()
        self.pool.start(_TopkJob(self._token, self._model, k, self.signals))

    def _topk_done(self, token: int, k: int, intervals: list[WeightInterval]) -> None:
        if token == self._token and k == self.panel.k():
            self.panel.show_topk(intervals)

    def _portfolio_done(self, token: int, intervals: list[WeightInterval] | None,
                        error: str) -> None:
        if token == self._token:
            self.panel.show_portfolio(intervals, error)
