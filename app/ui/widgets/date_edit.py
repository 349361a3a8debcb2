"""A date field that may be blank: 31.12.2027, 31-12-2027 or 2027-12-31 (DESIGN §9)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import formatting
from app.services.formatting import DateFormatError


class DateEdit(QLineEdit):
    """``committed(date | None)`` when a valid, changed date is finished; a date that does
    not exist (31.02.2027) is refused (``refused(message)``) and nothing is stored."""

    committed = Signal(object)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: date | None = None
        self.error = ""
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "dd.mm.yyyy")
                                if formatting.language() == "da"
                                else QCoreApplication.translate("DateEdit", "dd/mm/yyyy"))
        self.setMaximumWidth(140)
        self.editingFinished.connect(self._finish)

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        self._value = value
        self._mark("")
        self.setText(formatting.format_date(value) if value else "")

    def _mark(self, message: str) -> None:
        self.error = message
        self.setToolTip(message)
        self.setStyleSheet("QLineEdit { border: 2px solid #c62828; }" if message else "")

    def _finish(self) -> None:
        text = self.text().strip()
        try:
            value = formatting.parse_date(text) if text else None
        except DateFormatError as exc:
            self._mark(str(exc))
            self.refused.emit(str(exc))
            return
        self._mark("")
        if value != self._value:
            self._value = value
            self.committed.emit(value)
        self.setText(formatting.format_date(value) if value else "")
