"""The pairwise-comparison workshop (AHP) tab: a matrix of judgements on Saaty's 1/9..9
scale with reciprocals filled in, the proposed weights, λmax, CI and CR shown live, the
most inconsistent judgement pointed out, and "Use these weights" → the weights shown
(a draft is set; adopted weights give a what-if). Method: ``app.services.ahp``.

Judgements are stored with the weight set shown (one undoable command per judgement).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import ahp, strategy_weights
from app.services.errors import UserError
from app.services.formatting import format_number, format_percent
from app.ui.context import ViewContext
from app.ui.views import weights_commands as commands
from app.ui.views.weights_data import WeightRow
from app.ui.views.weights_pairwise_model import (
    SAATY_VALUES,
    VALUE_ROLE,
    PairwiseMatrixModel,
    judgement_text,
)



#: Saaty's verbal scale (Saaty 1980, table 1.1) for the editor's tooltips
def saaty_meaning(value: float) -> str:
    v = value if value >= 1 else 1 / value
    meaning = {1: QCoreApplication.translate("PairwiseTab", "equal importance"), 3: QCoreApplication.translate("PairwiseTab", "moderately more important"),
               5: QCoreApplication.translate("PairwiseTab", "strongly more important"), 7: QCoreApplication.translate("PairwiseTab", "very strongly more important"),
               9: QCoreApplication.translate("PairwiseTab", "extremely more important")}.get(int(round(v)), QCoreApplication.translate("PairwiseTab", "between the neighbouring values"))
    return meaning if value >= 1 else QCoreApplication.translate("PairwiseTab", "the other is {meaning}").format(meaning=meaning)


class SaatyDelegate(QStyledItemDelegate):
    """Edits a judgement with a combo box of Saaty's 17 values (1/9 … 9)."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        box = QComboBox(parent)
        for v in SAATY_VALUES:
            box.addItem(f"{judgement_text(v)} – {saaty_meaning(v)}", v)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        current = index.data(VALUE_ROLE)
        best = min(range(len(SAATY_VALUES)), key=lambda i: abs(SAATY_VALUES[i] - (current or 1.0)))
        editor.setCurrentIndex(best)

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PairwiseTab(QWidget):
    """The AHP workshop over one sibling group of criteria (the top level by default)."""

    def __init__(self, context: ViewContext, apply_weights, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._apply_weights = apply_weights  # callable {key: percent} -> bool (weights tab)
        self.weight_set_id: int | None = None
        self.rows: list[WeightRow] = []
        self.parent_id: int | None = None  # the group compared (None = the top level)
        self.keys: list[str] = []
        self.group = QComboBox()
        self.group.activated.connect(lambda _i: self._show(self.group.currentData()))
        self.group_label = QLabel(self.tr("Compare:"))
        self.result: ahp.AhpResult | None = None
        self.model = PairwiseMatrixModel(self)
        self.model.judgement_changed.connect(self._judged)
        self.matrix = QTableView()
        self.matrix.setModel(self.model)
        self.matrix.setItemDelegate(SaatyDelegate(self.matrix))
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.SelectedClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        self.matrix.horizontalHeader().setMinimumSectionSize(48)
        self.help = QLabel(self.tr(
            "Each cell says how much more important the row's criterion is than the column's "
            "(1 equal … 9 extremely more important; 1/3 means the column's is moderately more "
            "important). The opposite cell is filled in."))
        self.help.setWordWrap(True)
        self.current: dict[str, float | None] = {}
        self.result_table = QTableWidget(0, 3)
        self.result_table.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Now"), self.tr("Proposed")])
        self.result_table.verticalHeader().hide()
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            self.result_table.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents)
        self.cr_label = QLabel()
        font = self.cr_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.cr_label.setFont(font)
        self.cr_label.setWordWrap(True)
        self.figures = QLabel()
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use these weights"))
        self.use_button.clicked.connect(self.use_weights)
        right = QVBoxLayout()
        right.addWidget(self.cr_label)
        right.addWidget(self.figures)
        right.addWidget(self.suggestion)
        right.addWidget(self.result_table, 1)
        right.addWidget(self.use_button)
        left = QVBoxLayout()
        pick = QHBoxLayout()
        pick.addWidget(self.group_label)
        pick.addWidget(self.group, 1)
        left.addLayout(pick)
        left.addWidget(self.help)
        left.addWidget(self.matrix, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    # -- data --------------------------------------------------------------------------
    def show_group(self, weight_set_id: int | None, rows: list[WeightRow]) -> None:
        """Show the judgements of ``weight_set_id`` among the criteria of the group chosen
        (the top level at first; every group of the criteria tree can be chosen)."""
        self.weight_set_id = weight_set_id
        self.rows = list(rows)
        groups = [r for r in rows if r.is_group]
        keep = self.parent_id if any(g.id == self.parent_id for g in groups) else None
        self.group.clear()
        self.group.addItem(self.tr("The top level"), None)
        for g in groups:
            self.group.addItem(self.tr("Under {name}").format(name=g.name), g.id)
        self.group.setCurrentIndex(max(0, self.group.findData(keep)))
        for w in (self.group, self.group_label):
            w.setVisible(bool(groups))
        self._show(keep)

    def _show(self, parent_id: int | None) -> None:
        self.parent_id = parent_id
        parent_key = next((r.key for r in self.rows if r.id == parent_id), None)
        members = [r for r in self.rows
                   if (r.depth == 0 if parent_id is None else r.parent_key == parent_key)]
        self.keys = [r.key for r in members]
        self.current = {r.key: r.percent for r in members}
        names = [r.name for r in members]
        weight_set_id = self.weight_set_id
        judgements: dict[tuple[str, str], float] = {}
        if weight_set_id is not None:
            with self.context.portfolio.read() as s:
                judgements = strategy_weights.load_judgements(s, weight_set_id, parent_id)
        judgements = {k: v for k, v in judgements.items() if k[0] in self.keys and k[1] in self.keys}
        self.model.set_matrix(names, ahp.matrix_from_judgements(self.keys, judgements))
        self.model.set_editable(not self.context.readonly and weight_set_id is not None)
        self.use_button.setEnabled(not self.context.readonly and weight_set_id is not None)
        self.recompute()

    def recompute(self) -> None:
        """Weights and consistency of the matrix now shown (live, after every judgement)."""
        names = self.model.names()
        if len(names) < 2:
            self.result = None
            self.cr_label.setText(self.tr("At least two criteria are needed to compare."))
            self.figures.clear()
            self.suggestion.clear()
            self.result_table.setRowCount(0)
            self.model.set_highlight(None)
            return
        try:
            res = ahp.analyse(self.model.matrix(), names)
        except UserError as exc:
            self.result = None
            self.cr_label.setText(str(exc))
            return
        self.result = res
        cr = format_number(res.cr, 3)
        if res.consistent:
            self.cr_label.setText("✓ " + self.tr("Consistent: CR = {cr} (at most 0,10)").format(cr=cr))
            self.cr_label.setStyleSheet("color: #1b5e20;")
        else:
            self.cr_label.setText("⚠ " + self.tr("Not consistent: CR = {cr} (above 0,10)").format(cr=cr))
            self.cr_label.setStyleSheet("color: #b71c1c;")
        self.figures.setText(self.tr("λmax = {lam}, CI = {ci}, n = {n}").format(
            lam=format_number(res.lambda_max, 3), ci=format_number(res.ci, 3), n=len(names)))
        s = res.suggestion
        if s is not None:
            self.model.set_highlight((s.row, s.col))
            self.suggestion.setText(self.tr(
                "Most inconsistent judgement: {row} against {col} is {current}; {suggested} "
                "would lower CR to {after}.").format(
                    row=s.row_name, col=s.col_name, current=judgement_text(s.current),
                    suggested=judgement_text(s.suggested), after=format_number(s.cr_after, 3)))
        else:
            self.model.set_highlight(None)
            self.suggestion.clear()
        self.result_table.setRowCount(len(names))
        for i, (key, name, w) in enumerate(zip(self.keys, names, res.weights)):
            self.result_table.setItem(i, 0, QTableWidgetItem(name))
            now = self.current.get(key)
            for col, value in ((1, now), (2, w * 100)):
                item = QTableWidgetItem("–" if value is None else format_percent(value / 100, 1))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.result_table.setItem(i, col, item)

    # -- edits -------------------------------------------------------------------------
    def _judged(self, row: int, col: int, value: float) -> None:
        self.recompute()  # live, before the database round trip
        if self.weight_set_id is None:
            return
        names = self.model.names()
        text = self.tr("Judgement {row} : {col} = {value}").format(
            row=names[row], col=names[col], value=judgement_text(value))
        commands.set_judgement(self.context, self.weight_set_id, self.keys[row], self.keys[col],
                               value, text, self.parent_id)

    def proposed_percents(self) -> dict[str, float]:
        """The proposed weights in percent, rounded to 0.1 and summing to exactly 100."""
        if self.result is None:
            return {}
        pct = [round(w * 100, 1) for w in self.result.weights]
        pct[pct.index(max(pct))] += round(100.0 - sum(pct), 1)
        return {k: round(p, 1) for k, p in zip(self.keys, pct)}

    def use_weights(self) -> bool:
        """Set the weights shown to the proposal (a draft directly; adopted → a what-if)."""
        proposal = self.proposed_percents()
        return bool(proposal) and bool(self._apply_weights(proposal))

