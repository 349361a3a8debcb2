"""The ranking view (DESIGN §8): the ranked list with contributions as stacked bars, value
for money and rank intervals, mandatory and incomplete initiatives marked, and a panel
that explains, criterion by criterion, why one initiative ranks above another, and beside
it (a tab) how far each weight can move before the top k or the recommended portfolio
changes (``ranking_sensitivity``).

Data: ``scoring.rank`` (and the rank intervals of ``sensitivity``) under the scenario the
window shows; refreshed when assessments, weights, criteria, business cases or the
scenario change. Double-click opens the initiative.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import scoring, sensitivity
from app.services.changes import Changes, Kind
from app.services.errors import UserError
from app.services.formatting import format_number
from app.services.scoring import ScoreModel
from app.ui.context import ViewContext
from app.ui.views.ranking_bars import ContributionBarDelegate, CriterionLegend
from app.ui.views.ranking_compare import ComparisonPanel, compare_rows, explanation, tie_break_text
from app.ui.views.ranking_data import interval_map, load_ranking
from app.ui.views.ranking_sensitivity import SensitivityPanel, SensitivityRunner
from app.ui.views.ranking_model import (
    COL_BAR,
    COL_COST,
    COL_ID,
    COL_INTERVAL,
    COL_MARKS,
    COL_RANK,
    COL_SCORE,
    COL_TITLE,
    COL_VFM,
    INCOMPLETE_MARK,
    MANDATORY_MARK,
    ROW_ROLE,
    RankingTableModel,
    RankingViewRow,
    currency_unit,
)
from app.ui.views.registry import register

#: the kinds of change after which the ranking is recomputed
REFRESH_KINDS = (Kind.ASSESSMENT, Kind.WEIGHTS, Kind.STRATEGY, Kind.SCENARIO, Kind.INITIATIVE,
                 Kind.BUSINESS_CASE)


class _IntervalSignals(QObject):
    done = Signal(int, object, int)  # token, {id: (low, high)}, draws


class _IntervalJob(QRunnable):
    """Rank intervals of a large portfolio, off the GUI thread (pure numpy)."""

    def __init__(self, token: int, model: ScoreModel, signals: _IntervalSignals) -> None:
        super().__init__()
        self.token, self.model, self.signals = token, model, signals

    def run(self) -> None:
        intervals, draws = interval_map(self.model)
        self.signals.done.emit(self.token, intervals, draws)


class RankingView(QWidget):
    """Ranked list + legend + comparison panel over the context's scenario."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._criteria_names: list[str] = []
        self._weights: list[float] = []
        self._rows: dict[str, RankingViewRow] = {}
        self._unit = currency_unit("DKK")  # the portfolio's, once loaded
        self._token = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _IntervalSignals(self)
        self._signals.done.connect(self._intervals_done)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.what_if = QLabel()
        self.what_if.setStyleSheet(
            "background: #ffe08a; color: #3d2c00; padding: 2px 8px; font-weight: 600;")
        self.what_if.hide()
        self.warning = QLabel()  # e.g. draft weights that do not sum to 100 % (scaled)
        self.warning.setObjectName("rankingWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a3b00; font-weight: 600;")
        self.warning.hide()
        self.legend = CriterionLegend()
        self.model = RankingTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("rankingTable")
        self.table.setModel(self.model)
        self.bar_delegate = ContributionBarDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_BAR, self.bar_delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_RANK, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_RANK, COL_ID, COL_MARKS, COL_SCORE, COL_VFM, COL_COST, COL_INTERVAL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_BAR, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_BAR, 200)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.compare = ComparisonPanel()
        self.compare.pair_changed.connect(self._compare)
        self.sensitivity = SensitivityPanel()
        self._sensitivity_runner = SensitivityRunner(self.sensitivity, self)
        self._sensitivity_stale = True
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.compare, self.tr("Comparison"))
        self.tabs.addTab(self.sensitivity, self.tr("Sensitivity"))
        self.tabs.setTabToolTip(1, self.tr(
            "How far each weight can move before the top k or the recommended portfolio "
            "changes"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        small = self.footer.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.footer.setFont(small)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.what_if)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.footer)
        context.changes.changed.connect(self._on_changes)
        self.refresh()

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the ranking of the shown scenario and show it."""
        scenario = self.context.scenario()
        with self.context.portfolio.read() as session:
            data, pending = load_ranking(session, scenario.name or None)
        self._token += 1
        if pending is not None:  # a large portfolio: intervals follow from a worker thread
            self._pool.start(_IntervalJob(self._token, pending, self._signals))
        self._criteria_names = [c.name for c in data.ranking.criteria]
        self._weights = [c.weight for c in data.ranking.criteria]
        self._rows = {r.id: r for r in data.rows}
        self._unit = currency_unit(data.currency)
        ws = data.ranking.weight_set
        status = {"draft": self.tr("draft"), "adopted": self.tr("adopted"),
                  "what_if": self.tr("what-if")}.get(ws.status, ws.status)
        self.heading.setText(self.tr("Ranking — {scenario}").format(scenario=data.ranking.scenario))
        self.what_if.setVisible(data.ranking.is_what_if)
        self.what_if.setText(self.tr("WHAT-IF"))
        warnings = data.ranking.warnings()  # translated by the services
        self.warning.setText("⚠ " + "; ".join(warnings) if warnings else "")
        self.warning.setVisible(bool(warnings))
        mandatory = self.tr("mandatory")
        incomplete = self.tr("incomplete assessment")
        self.legend.set_criteria(
            self._criteria_names, [w * 100 for w in self._weights],
            extra=[f"{MANDATORY_MARK} {mandatory}", f"{INCOMPLETE_MARK} {incomplete}"])
        self.legend.setToolTip(self.tr("Weights: {name} ({status})").format(name=ws.name, status=status))
        self.model.set_rows(data.rows, data.currency)
        header = self.table.horizontalHeader()
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        free = [r for r in data.rows if not r.mandatory]
        default = (free[0].id, free[1].id) if len(free) >= 2 else None
        self.compare.set_choices([(r.id, f"{r.rank}. {r.id} {r.title}") for r in data.rows], default)
        intervals = (self.tr("Rank intervals from {n} random weight draws (seeded).").format(
            n=format_number(data.draws)) if data.draws else "")
        self.footer.setText(" ".join(x for x in (
            self.tr("Weights: {name} ({status}).").format(name=ws.name, status=status),
            self.tr("Score 0–100 = Σ weight × score; value for money = score points per "
                    "1 m {unit}; ties: mandatory first, then score, value for money, lower "
                    "cost, id.").format(unit=currency_unit(data.currency)),
            intervals) if x))
        self._compare(self.compare.current_a() or "", self.compare.current_b() or "")
        self._sensitivity_stale = True
        self._sensitivity_runner.cancel()
        if self.tabs.currentWidget() is self.sensitivity:
            self._update_sensitivity()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.sensitivity and self._sensitivity_stale:
            self._update_sensitivity()

    def show_sensitivity(self) -> None:
        """Bring the sensitivity panel to the front (computing it if needed)."""
        self.tabs.setCurrentWidget(self.sensitivity)

    def _update_sensitivity(self) -> None:
        """Read the scenario's inputs here (the store is read on the GUI thread) and let
        the runner compute the intervals on worker threads. Computed only while the panel
        is shown: the portfolio's intervals take one exact solve per probe."""
        self._sensitivity_stale = False
        name = self.context.scenario().name or None
        error = ""
        with self.context.portfolio.read() as session:
            try:
                inputs = sensitivity.scenario_inputs(session, name)
            except UserError as exc:  # frames the selection cannot use: top-k only
                inputs, error = sensitivity.scenario_inputs(session, name,
                                                            with_portfolio=False), str(exc)
        self._sensitivity_runner.start(inputs)
        if error:
            self.sensitivity.show_portfolio(None, error)

    def _intervals_done(self, token: int, intervals: dict, draws: int) -> None:
        if token != self._token:
            return  # the ranking changed meanwhile; a newer job is on its way
        self.model.set_intervals(intervals)
        self._rows = {r.id: r for r in self.model.rows()}
        self.footer.setText(self.footer.text() + " " + self.tr(
            "Rank intervals from {n} random weight draws (seeded).").format(n=format_number(draws)))

    def finish_pending(self) -> None:
        """Wait for the work under way on worker threads (rank intervals, sensitivity) and
        show it (screenshots, tests)."""
        self._pool.waitForDone()
        self._sensitivity_runner.wait()
        QCoreApplication.processEvents()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._sensitivity_runner.cancel()
        self._pool.waitForDone()
        self._sensitivity_runner.wait()
        super().closeEvent(event)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*REFRESH_KINDS):
            self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # longer bars on a wide screen: differences between contributions stay visible
        super().resizeEvent(event)
        self.table.horizontalHeader().resizeSection(COL_BAR, max(200, int(self.width() * 0.2)))

    # -- interaction -------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, RankingViewRow):
            self.context.open_initiative(row.id)

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        picked = [self.model.index(r, 0).data(ROW_ROLE) for r in rows]
        picked = sorted((p for p in picked if isinstance(p, RankingViewRow)), key=lambda p: p.rank)
        if len(picked) >= 2:
            self.compare.set_pair(picked[0].id, picked[-1].id)
        elif len(picked) == 1:
            other = self.compare.current_b()
            if other == picked[0].id or other is None:
                other = self.compare.current_a()
            if other and other != picked[0].id:
                a, b = sorted((picked[0], self._rows[other]), key=lambda p: p.rank)
                self.compare.set_pair(a.id, b.id)

    def select_pair(self, a: str, b: str) -> None:
        """Compare initiative ``a`` with ``b`` (as if picked in the panel)."""
        self.compare.set_pair(a, b)

    def _compare(self, a: str, b: str) -> None:
        ra, rb = self._rows.get(a), self._rows.get(b)
        if ra is None or rb is None:
            self.compare.show_comparison([], "A", "B", "")
            return
        with self.context.portfolio.read() as session:
            sa = [v.agreed_score for v in scoring.assessments_for(session, a)]
            sb = [v.agreed_score for v in scoring.assessments_for(session, b)]
        if len(sa) != len(self._criteria_names):
            sa = sb = None  # criteria changed under us; derive from contributions
        rows = compare_rows(self._criteria_names, self._weights, ra.contributions,
                            rb.contributions, sa, sb)
        first, second = (ra, rb) if ra.rank < rb.rank else (rb, ra)
        tie = tie_break_text(first.id, (first.value_for_money, second.value_for_money),
                             (first.cost, second.cost), self._unit)
        text = explanation(f"{ra.id} {ra.title}", f"{rb.id} {rb.title}", rows,
                           ra.mandatory, rb.mandatory, tie)
        self.compare.show_comparison(rows, ra.id, rb.id, text)


def _title() -> str:
    return QCoreApplication.translate("Views", "Ranking")


register("ranking", _title, RankingView, icon="ranking.svg", order=40)
