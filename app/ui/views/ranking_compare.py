"""Why one initiative ranks above another, criterion by criterion (the comparison panel).

``compare_rows`` (plain data) lines the two initiatives' contributions up per criterion;
``ComparisonModel`` shows them; ``ComparisonPanel`` lets the user pick A and B (also from
the ranking table's selection) and sums the explanation up in one sentence that names the
criteria that decide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.formatting import format_percent, format_score, format_value_for_money
from app.ui.views.ranking_bars import criterion_colour

COL_CRITERION, COL_WEIGHT, COL_A, COL_B, COL_DIFF = range(5)
DIFF_ROLE = int(Qt.ItemDataRole.UserRole) + 1



@dataclass(frozen=True)
class ComparisonRow:
    """One criterion: ``weight`` fraction; ``score_*`` 0..1 or None (no agreed score);
    ``contribution_*`` weight × score (missing → 0); ``difference`` = A − B in score points."""

    index: int  # criterion position (colour)
    name: str
    weight: float
    score_a: float | None
    score_b: float | None
    contribution_a: float
    contribution_b: float

    @property
    def difference(self) -> float:
        return self.contribution_a - self.contribution_b


def compare_rows(
    names: Sequence[str], weights: Sequence[float],
    contributions_a: Sequence[float], contributions_b: Sequence[float],
    scores_a: Sequence[float | None] | None = None, scores_b: Sequence[float | None] | None = None,
) -> list[ComparisonRow]:
    """Line two initiatives up criterion by criterion (all sequences in criterion order).

    ``scores_*`` are the agreed scores 0..1 (None = missing); when not given they are
    derived as contribution / weight.
    """
    out = []
    for i, name in enumerate(names):
        w = float(weights[i])

        def score(scores: Sequence[float | None] | None, contrib: float) -> float | None:
            if scores is not None:
                return scores[i]
            return contrib / w if w > 0 else None

        ca, cb = float(contributions_a[i]), float(contributions_b[i])
        out.append(ComparisonRow(i, name, w, score(scores_a, ca), score(scores_b, cb), ca, cb))
    return out


def explanation(title_a: str, title_b: str, rows: Sequence[ComparisonRow],
                mandatory_a: bool = False, mandatory_b: bool = False,
                tie_break: str = "") -> str:
    """One sentence: who is ahead by how many points, and the criteria that decide it.
    ``tie_break`` says how the tie rule orders the two when their scores are equal."""
    prefix = ""
    if mandatory_a != mandatory_b:
        first = title_a if mandatory_a else title_b
        prefix = QCoreApplication.translate("RankingCompare", "{first} is mandatory, and mandatory initiatives rank first.").format(
            first=first) + " " + QCoreApplication.translate("RankingCompare", "On score alone:") + " "
    return prefix + _score_explanation(title_a, title_b, rows, tie_break)


def tie_break_text(first: str, vfm: tuple[float | None, float | None],
                   cost: tuple[float | None, float | None], unit: str = "kr.") -> str:
    """How the stated tie rule (``scoring.TIE_RULE``) puts ``first`` ahead of the other of
    two initiatives with equal scores: value for money, then lower cost, then id.
    ``unit`` is the currency as the view writes it (``ranking_model.currency_unit``)."""
    if vfm[0] != vfm[1]:
        return QCoreApplication.translate("RankingCompare", "{first} gives more value for money ({a} against {b} points "
                 "per m {unit}).").format(first=first, a=format_value_for_money(vfm[0]),
                                          b=format_value_for_money(vfm[1]), unit=unit)
    if cost[0] != cost[1]:
        return QCoreApplication.translate("RankingCompare", "{first} costs less.").format(first=first)
    return QCoreApplication.translate("RankingCompare", "{first} comes first by id.").format(first=first)


def _score_explanation(title_a: str, title_b: str, rows: Sequence[ComparisonRow],
                       tie_break: str = "") -> str:
    total = sum(r.difference for r in rows)
    if abs(total) < 5e-4:
        return QCoreApplication.translate("RankingCompare", "{a} and {b} have the same total score; the tie rule decides.").format(
            a=title_a, b=title_b) + (" " + tie_break if tie_break else "")
    ahead, behind = (title_a, title_b) if total > 0 else (title_b, title_a)
    sign = 1 if total > 0 else -1
    pro = sorted((r for r in rows if sign * r.difference > 5e-4), key=lambda r: -sign * r.difference)
    con = sorted((r for r in rows if sign * r.difference < -5e-4), key=lambda r: sign * r.difference)

    def items(rs: Sequence[ComparisonRow]) -> str:
        return ", ".join(f"{r.name} ({format_score(abs(r.difference))})" for r in rs[:3])

    text = QCoreApplication.translate("RankingCompare", "{ahead} scores {points} points more than {behind}, mostly on {pro}.").format(
        ahead=ahead, points=format_score(abs(total)), behind=behind, pro=items(pro))
    if con:
        text += " " + QCoreApplication.translate("RankingCompare", "{behind} is ahead on {con}.").format(behind=behind, con=items(con))
    return text


class ComparisonModel(QAbstractTableModel):
    """Criterion | Weight | A | B | A − B (score points, 0–100 scale)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ComparisonRow] = []
        self._a = "A"
        self._b = "B"

    def set_rows(self, rows: Sequence[ComparisonRow], label_a: str, label_b: str) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._a, self._b = label_a, label_b
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)

    def rows(self) -> list[ComparisonRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    @staticmethod
    def _score_text(score: float | None, contribution: float) -> str:
        if score is None:
            return QCoreApplication.translate("RankingCompare", "missing")
        return format_score(contribution)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CRITERION:
                return r.name
            if col == COL_WEIGHT:
                return format_percent(r.weight, 0)
            if col == COL_A:
                return self._score_text(r.score_a, r.contribution_a)
            if col == COL_B:
                return self._score_text(r.score_b, r.contribution_b)
            if col == COL_DIFF:
                # "+" only where the rounded points are above zero (0.05 points = 0.0005)
                return ("+" if r.difference >= 5e-4 else "") + format_score(r.difference)
        if role == DIFF_ROLE:
            return r.difference
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CRITERION:
            return criterion_colour(r.index)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_CRITERION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_A, COL_B):
            score = r.score_a if col == COL_A else r.score_b
            if score is None:
                return QCoreApplication.translate("RankingCompare", "No agreed score: contributes 0")
            return QCoreApplication.translate("RankingCompare", "Score {score} of 100 on the criterion's scale × weight").format(
                score=format_score(score))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_CRITERION: QCoreApplication.translate("RankingCompare", "Criterion"), COL_WEIGHT: QCoreApplication.translate("RankingCompare", "Weight"), COL_A: self._a,
                COL_B: self._b, COL_DIFF: QCoreApplication.translate("RankingCompare", "Difference")}.get(section)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DifferenceBarDelegate(QStyledItemDelegate):
    """A diverging bar behind the difference: right of the middle when A is ahead."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        diff = index.data(DIFF_ROLE)
        if isinstance(diff, float) and abs(diff) > 1e-9:
            text_room = option.fontMetrics.horizontalAdvance("+00,0") + 8
            rect = QRectF(option.rect.adjusted(4, 4, -text_room, -4))
            mid = rect.center().x()
            # 0.25 score points fill half the cell: criteria rarely differ by more
            length = min(1.0, abs(diff) / 0.25) * rect.width() / 2
            bar = QRectF(mid, rect.top(), length, rect.height()) if diff > 0 else QRectF(
                mid - length, rect.top(), length, rect.height())
            painter.save()
            painter.fillRect(bar, QColor("#B7D7F0") if diff > 0 else QColor("#F4C7B8"))
            painter.restore()
        super().paint(painter, option, index)


class ComparisonPanel(QWidget):
    """Pick A and B; see their contributions side by side and why one ranks above."""

    pair_changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Why does one rank above the other?"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.combo_a = QComboBox()
        self.combo_b = QComboBox()
        for combo in (self.combo_a, self.combo_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            combo.currentIndexChanged.connect(self._emit_pair)
        form = QFormLayout()
        form.addRow(self.tr("A:"), self.combo_a)
        form.addRow(self.tr("B:"), self.combo_b)
        self.model = ComparisonModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_DIFF, DifferenceBarDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CRITERION, QHeaderView.ResizeMode.Stretch)
        for col in (COL_WEIGHT, COL_A, COL_B):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DIFF, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_DIFF, self.fontMetrics().horizontalAdvance("+00,0") + 110)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.title)
        left.addLayout(form)
        left.addWidget(self.summary)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(self.table, 3)

    def set_choices(self, choices: Sequence[tuple[str, str]],
                    default: tuple[str, str] | None = None) -> None:
        """``choices``: (id, label) in rank order; keeps the current pair when possible,
        else compares ``default`` (else the first two)."""
        keep = (self.current_a(), self.current_b())
        for combo, current in zip((self.combo_a, self.combo_b), keep):
            combo.blockSignals(True)
            combo.clear()
            for iid, label in choices:
                combo.addItem(label, iid)
            pos = combo.findData(current) if current else -1
            combo.setCurrentIndex(pos if pos >= 0 else -1)
            combo.blockSignals(False)
        if self.combo_a.currentIndex() < 0 and len(choices) >= 2:
            self.set_pair(*(default or (choices[0][0], choices[1][0])))

    def current_a(self) -> str | None:
        return self.combo_a.currentData()

    def current_b(self) -> str | None:
        return self.combo_b.currentData()

    def set_pair(self, a: str, b: str) -> None:
        """Compare ``a`` with ``b`` (ids); emits ``pair_changed`` once."""
        for combo, iid in ((self.combo_a, a), (self.combo_b, b)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(iid))
            combo.blockSignals(False)
        self._emit_pair()

    def show_comparison(self, rows: Sequence[ComparisonRow], label_a: str, label_b: str,
                        summary: str) -> None:
        self.model.set_rows(rows, label_a, label_b)
        self.summary.setText(summary)

    def _emit_pair(self) -> None:
        a, b = self.current_a(), self.current_b()
        if a and b:
            self.pair_changed.emit(a, b)
