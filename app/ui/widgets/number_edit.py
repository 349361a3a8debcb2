"""Numeric fields that parse as the user's language writes numbers (DESIGN §9).

All parsing and formatting goes through ``app.services.formatting``: in Danish "2,5" and
"1.234,5" are accepted and "2.5" is refused with a message (never stored as 25); in
English "2.5" and "1,234.5" are accepted and "2,5" is refused. Blank is missing (None),
never zero. Kinds: amount (kr., ≥ 0 unless signed), percent (shown in %, stored as a
fraction), fte (årsværk, ≥ 0), level (whole 0–4), value (any number), year.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.services import formatting
from app.services.formatting import NumberFormatError
from app.ui.tr import tr

KINDS = ("amount", "signed_amount", "percent", "fte", "level", "value", "year")



def parse_field(kind: str, text: str, lang: str | None = None) -> float | None:
    """The value of ``text`` typed into a field of ``kind``; None for blank.

    Raises ``NumberFormatError`` with a message for the user when it is not a number in
    the language's notation or is outside the field's range. ``percent`` returns a
    fraction (12,5 → 0.125).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown numeric field kind {kind!r}")
    stripped = text.strip().removesuffix("%").removesuffix("kr.").strip()
    if not stripped:
        return None
    value = formatting.parse_number(stripped, lang=lang)
    if kind in ("amount", "fte") and value < 0:
        raise NumberFormatError(tr("The value cannot be negative."))
    if kind == "level":
        if value != int(value) or not 0 <= value <= 4:
            raise NumberFormatError(tr("A level is a whole number from 0 to 4."))
    if kind == "year":
        if value != int(value) or not 1990 <= value <= 2200:
            raise NumberFormatError(tr("A year is a whole number such as 2027."))
    if kind == "percent":
        if not -100 <= value <= 100:
            raise NumberFormatError(tr("A percentage is between −100 and 100."))
        return value / 100.0
    return float(value)


def format_field(kind: str, value: float | None, lang: str | None = None) -> str:
    """How a field of ``kind`` shows ``value`` (blank for None)."""
    if value is None:
        return ""
    if kind == "year":
        return str(int(value))
    if kind == "level":
        return str(int(value))
    if kind == "percent":
        return formatting.format_number(value * 100.0, 2, lang).rstrip("0").rstrip(",.")
    if kind in ("amount", "signed_amount"):
        return formatting.format_number(value, 0 if value == int(value) else 2, lang)
    if kind == "fte":
        return formatting.format_number(value, 2, lang).rstrip("0").rstrip(",.")
    text = formatting.format_number(value, 6, lang)
    return text.rstrip("0").rstrip(",.") if ("," in text or "." in text) else text


class NumberEdit(QLineEdit):
    """A line edit for one number. ``committed(value)`` fires when a valid, changed value
    is finished (None = blank); ``refused(message)`` when the text is not accepted — the
    stored value is then left as it was."""

    committed = Signal(object)
    refused = Signal(str)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown numeric field kind {kind!r}")
        self.kind = kind
        self._value: float | None = None
        self.error = ""
        if kind in ("amount", "signed_amount", "fte", "percent", "value"):
            self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._finish)

    def value(self) -> float | None:
        return self._value

    def set_value(self, value: float | None) -> None:
        self._value = value
        self._mark_error("")
        self.setText(format_field(self.kind, value))

    def _mark_error(self, message: str) -> None:
        self.error = message
        self.setToolTip(message)
        self.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if message else "")

    def _finish(self) -> None:
        try:
            value = parse_field(self.kind, self.text())
        except NumberFormatError as exc:
            self._mark_error(str(exc))
            self.refused.emit(str(exc))
            return
        self._mark_error("")
        if value != self._value:
            self._value = value
            self.committed.emit(value)
        self.setText(format_field(self.kind, value))


class NumberDelegate(QStyledItemDelegate):
    """Table cells edited with ``NumberEdit``; the model receives a float or None through
    ``setData(EditRole)``, never text, and a refused text never reaches the model."""

    refused = Signal(str)

    def __init__(self, kind: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText(format_field(self.kind, value if isinstance(value, (int, float)) else None))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        try:
            value = parse_field(self.kind, editor.text())  # type: ignore[attr-defined]
        except NumberFormatError as exc:
            self.refused.emit(str(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
