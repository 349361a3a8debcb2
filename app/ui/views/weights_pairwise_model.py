"""The pairwise-comparison matrix of the AHP workshop as a Qt table model.

Cell (i, j) holds how much more important criterion i is than criterion j, on Saaty's
1/9..9 scale (Saaty, *The Analytic Hierarchy Process*, 1980, table 1.1). Setting a
judgement above or below the diagonal sets its reciprocal on the other side; the diagonal
is 1 and not editable. The model holds plain numbers only: the view computes weights and
CR through ``app.services.ahp`` and tells the model which judgement to point out.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.formatting import format_number

#: Saaty's scale, as offered in the editor: 1/9 … 1/2, 1, 2 … 9.
SAATY_VALUES: tuple[float, ...] = tuple([1.0 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)])

VALUE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
HIGHLIGHT_ROLE = int(Qt.ItemDataRole.UserRole) + 2


def judgement_text(value: float) -> str:
    """``3.0`` → ``"3"``, ``1/3`` → ``"1/3"``; other values with two decimals."""
    frac = Fraction(value).limit_denominator(9)
    if abs(float(frac) - value) < 1e-9 and (frac.numerator == 1 or frac.denominator == 1):
        return str(frac.numerator) if frac.denominator == 1 else f"1/{frac.denominator}"
    return format_number(value, 2)


def parse_judgement(text: str) -> float:
    """``"3"``, ``"1/3"``, ``"0,5"`` (current number notation) → a judgement in [1/9, 9].

    Raises ``ValueError`` with a readable message for anything else.
    """
    from app.services.formatting import NumberFormatError, parse_number

    s = text.strip()
    if "/" in s:
        num, _, den = s.partition("/")
        try:
            value = parse_number(num) / parse_number(den)
        except (NumberFormatError, ZeroDivisionError) as exc:
            raise ValueError(f"“{s}” is not a judgement such as 3 or 1/3") from exc
    else:
        try:
            value = parse_number(s)
        except NumberFormatError as exc:
            raise ValueError(str(exc)) from exc
    if not (1 / 9 - 1e-9 <= value <= 9 + 1e-9):
        raise ValueError(f"“{s}” is outside Saaty's scale 1/9 … 9")
    return value


class PairwiseMatrixModel(QAbstractTableModel):
    """An n×n reciprocal matrix over criterion names.

    ``judgement_changed(row, col, value)`` is emitted after the user sets a judgement
    (``value`` is cell (row, col); its reciprocal is already in (col, row)).
    """

    judgement_changed = Signal(int, int, float)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._matrix = np.ones((0, 0))
        self._highlight: tuple[int, int] | None = None
        self._editable = True
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content -----------------------------------------------------------------------
    def set_matrix(self, names: Sequence[str], matrix: np.ndarray | Sequence[Sequence[float]]) -> None:
        """Replace names and matrix (n×n, positive, reciprocal); resets the model."""
        arr = np.asarray(matrix, dtype=float)
        n = len(names)
        if arr.shape != (n, n):
            raise ValueError(f"matrix is {arr.shape}, expected {(n, n)}")
        self.beginResetModel()
        self._names = list(names)
        self._matrix = arr.copy()
        self._highlight = None
        self.endResetModel()

    def matrix(self) -> np.ndarray:
        """A copy of the current matrix."""
        return self._matrix.copy()

    def names(self) -> list[str]:
        return list(self._names)

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid editing (a read-only portfolio, or adopted weights)."""
        self._editable = editable

    def set_judgement(self, row: int, col: int, value: float) -> None:
        """Set (row, col) to ``value`` and (col, row) to its reciprocal; no signal."""
        if row == col:
            raise ValueError("the diagonal is always 1")
        self._matrix[row, col] = value
        self._matrix[col, row] = 1.0 / value
        for r, c in ((row, col), (col, row)):
            idx = self.index(r, c)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole, VALUE_ROLE])

    def set_highlight(self, cell: tuple[int, int] | None) -> None:
        """Point out one judgement (the most inconsistent one), or none."""
        old = self._highlight
        self._highlight = cell
        roles = [HIGHLIGHT_ROLE, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DisplayRole,
                 Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole]
        for c in (old, cell):
            if c is not None:
                for r_, c_ in (c, (c[1], c[0])):
                    idx = self.index(r_, c_)
                    self.dataChanged.emit(idx, idx, roles)

    def highlight(self) -> tuple[int, int] | None:
        return self._highlight

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._names)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._names)

    def _is_highlighted(self, r: int, c: int) -> bool:
        h = self._highlight
        return h is not None and ((r, c) == h or (c, r) == h)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._names) and 0 <= c < len(self._names)):
            return None
        value = float(self._matrix[r, c])
        marked = self._is_highlighted(r, c)
        if role == Qt.ItemDataRole.DisplayRole:
            text = judgement_text(value)
            return f"⚠ {text}" if marked else text
        if role == Qt.ItemDataRole.EditRole:
            return judgement_text(value)
        if role == VALUE_ROLE:
            return value
        if role == HIGHLIGHT_ROLE:
            return marked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if marked:
                return QBrush(QColor("#FFD166"))
            if r == c:
                return QBrush(QColor("#E6E6E6"))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and (marked or r == c):
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.FontRole and marked:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and r != c:
            return f"{self._names[r]} : {self._names[c]} = {judgement_text(value)}"
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        r, c = index.row(), index.column()
        if r == c or not self._editable:
            return False
        try:
            number = parse_judgement(value) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            return False
        if not (1 / 9 - 1e-9 <= number <= 9 + 1e-9):
            return False
        self.set_judgement(r, c, number)
        self.judgement_changed.emit(r, c, number)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= section < len(self._names):
            return None
        # columns are numbered (names would not fit); rows carry number and name
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return str(section + 1)
            return f"{section + 1}. {self._names[section]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._names[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.row() != index.column():
            base |= Qt.ItemFlag.ItemIsEditable
        return base
